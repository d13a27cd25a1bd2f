/**
 * Calibration on every reported year and abnormal years. Figures are the
 * seed reports' (万元 as printed) or computed by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { sum, type Dec } from '../../src/common/money.ts';
import { reportedHistory } from '../../src/model/from-baseline.ts';
import { loadBaseline } from '../../src/baseline/load.ts';
import { baselineJson, exampleDoc, fundOf, runDoc, runExample, s, wan, yearOf } from '../scenario/helpers.ts';

const withCalibration = (name: string, calibration: unknown, extra: object = {}) => {
  const doc = exampleDoc(name);
  doc.assumptions = { ...(doc.assumptions as object), calibration, ...extra };
  return runDoc(doc, `seeds/scenarios/${name}`);
};

/**
 * The counts of the hand computations below: without the population model, employees change by the report's
 * stated −0.04% a year (seed 000) and residents stay (aid groups follow residents). test/population/ covers the
 * population model itself.
 */
const COUNTS_AS_STATED = { population: { model: 'none' }, growth: { inService: '-0.04', retiree: '-0.04', flexible: '-0.04' } };

describe('every reported period, as reported', () => {
  it('keeps each period of the banner to the fen, totals implied by the next year\'s stated change included', () => {
    const h = reportedHistory(loadBaseline(baselineJson('banner-2022'), 'banner-2022'));
    const at = (year: number) => h.find((p) => p.year === year && !p.half)!;
    const total = (o: object | undefined) => sum(Object.values(o ?? {}) as Dec[]);
    // seed 000: 职工医保基金收入 2020 27369.84, 2021 21172.85, 2022 43370.17; 支出 12593.7, 10829.37, 9396.57
    expect(s(total(at(2020).funds.employee!.income))).toBe(s(wan('27369.84')));
    expect(s(total(at(2021).funds.employee!.income))).toBe(s(wan('21172.85')));
    expect(s(total(at(2022).funds.employee!.expenditure))).toBe(s(wan('9396.57')));
    // 居民医保支出 2022 1991.34, "比去年同期减少3544.33万元": 2021 = 1991.34 + 3544.33 = 5535.67
    expect(s(total(at(2021).funds.resident!.expenditure))).toBe(s(wan('5535.67')));
    // the half year of the city is kept as a half year
    const city = reportedHistory(loadBaseline(baselineJson('city-2021-2022h1'), 'city'));
    expect(city.map((p) => `${p.year}${p.half ? 'H1' : ''}`)).toEqual(['2021', '2022H1']);
  });

  it('starts every example scenario from its report in the base year, whatever the calibration', async () => {
    const { projection: p } = await runExample('banner-2022.json');
    const e = yearOf(fundOf(p, 'employee'), 2022);
    expect(s(e.incomeTotal)).toBe(s(wan('43370.17')));
    expect(s(e.cumulative)).toBe(s(wan('158510.4')));
    expect(s(yearOf(fundOf(p, 'resident'), 2022).expenditureTotal)).toBe(s(wan('1991.34')));
  });
});

describe('calibration methods', () => {
  it('average of the years: the banner\'s personal-account expenditure, by hand', async () => {
    // Account spending follows employees × wage index. The report's account expenditure 3958.13, 3935.85, 4565.62 万元
    // (2020-2022) over employees 56945 × 0.9996^t (the stated -0.04% a year) and wages 1.05^t (t = year − 2022):
    //   2020: 39581300 / (0.9996^-2 × 1.05^-2 = 1/0.907755537647) = 43603479.5255
    //   2021: 39358500 / (1/0.952762057204)                        = 41309894.4300
    //   2022: 45656200
    //   average 43523191.3185 per 2022 unit; 2023 = 43523191.3185 × 0.9996 × 1.05 = 45681071.14 元
    const { projection: p } = await withCalibration('banner-2022.json', { methods: { 'employee.account/expenditure': 'average' } }, COUNTS_AS_STATED);
    expect(s(yearOf(fundOf(p, 'employee.account'), 2023).expenditure.benefits)).toBe('45681071.14');
    const line = p.calibration.lines.find((l) => l.fund === 'employee.account' && l.side === 'expenditure')!;
    expect(line).toMatchObject({ method: 'average', origin: 'scenario' });
    expect(line.levels.map((l) => l.year)).toEqual([2020, 2021, 2022]);
    // the last year (the default) grows the report's own 2022 amount: 45656200 × 0.9996 × 1.05 = 47919834.4
    const { projection: q } = await withCalibration('banner-2022.json', {}, COUNTS_AS_STATED);
    expect(s(yearOf(fundOf(q, 'employee.account'), 2023).expenditure.benefits)).toBe('47919834.4');
  });

  it('a half year counts as half a year: the city\'s employee "other" income, 1274 in 2021 and 370 in 2022 H1', async () => {
    // seed 001: 2022 H1 income 217593 − 征缴 210767 − 财政 593 − 利息 5863 = 370 万元 unexplained; 2021's is 1274.
    // "other" lines take the average by default. Their driver is flat, so the levels are 1274 and 370 / 0.5 = 740 万元,
    // weighted 1 and 0.5: (1274 + 0.5 × 740) / 1.5 = 1096 万元 → 2022 income "other" 10960000 元
    const { projection: p } = await runExample('city-2021.json');
    expect(s(yearOf(fundOf(p, 'employee'), 2022).income.other)).toBe('10960000');
  });
});

describe('abnormal years: the banner\'s 2022', () => {
  it('flags 2022 with the report\'s own figures as reasons and normalises it', async () => {
    const { projection: p } = await runExample('banner-2022.json');
    const pooling = p.calibration.abnormal.filter((a) => a.fund === 'employee.pooling' && a.year === 2022);
    expect(pooling.map((a) => a.side)).toEqual(['income', 'expenditure']);
    // seed 000: 统筹基金 expenditure 2022 "下降52.52%"; resident expenditure "下降64.03%"; employee income "增长104.84%"
    expect(pooling[1]!.statedChange).toBe('-52.52');
    expect(pooling[1]!.reason.zh).toContain('报告：比上年-52.52%');
    expect(p.calibration.abnormal.find((a) => a.fund === 'resident' && a.side === 'expenditure')).toMatchObject({ year: 2022, statedChange: '-64.03', normalised: true });
    expect(p.calibration.abnormal.find((a) => a.fund === 'employee' && a.side === 'income')).toMatchObject({ year: 2022, statedChange: '104.84' });
    // Normalised, 2023 pooling benefits follow the 2020-2021 level, not 2022's halved one: above 2022's 4584.27 万元 by far
    expect(yearOf(fundOf(p, 'employee.pooling'), 2023).expenditure.benefits!.greaterThan(wan('8000'))).toBe(true);
  });

  it('moves the deferred 2022 aid contributions to 2023', async () => {
    // "2022年当年资助参保支出为0，于2023年进行实际资助补助". With 400 特困 people (the example's assumption) at the 2022
    // individual standard 380 paid in full, 2022 owed 152000 元; 2023 pays its own 716300 × 0.9812 = 702833.56 (aid groups
    // falling 1.88% a year, counts without the population model) plus that.
    const declining = { population: { model: 'none' }, growth: { tekun: '-1.88', dibao: '-1.88', fanpin: '-1.88' } };
    const on = (await withCalibration('banner-2023-im-standards.json', {}, declining)).projection;
    expect(on.calibration.timing[0]).toMatchObject({ applied: true });
    expect(s(on.calibration.timing[0]!.amount)).toBe('152000');
    expect(s(yearOf(fundOf(on, 'aid'), 2023).expenditure['aid.contributions'])).toBe('854833.56');
    const off = (await withCalibration('banner-2023-im-standards.json', { normalise: false }, declining)).projection;
    expect(s(yearOf(fundOf(off, 'aid'), 2023).expenditure['aid.contributions'])).toBe('702833.56');
  });

  it('switched off, with every line at its last year, reproduces the projection as it was before calibration', async () => {
    const { projection: p } = await withCalibration('banner-2022.json', { normalise: false, method: 'last' }, COUNTS_AS_STATED);
    for (const l of p.calibration.lines) expect(s(l.anchor), `${l.fund} ${l.side} ${l.line}`).toBe(s(l.reported));
    // The employee fund as projected before calibration existed (the resident standards have since been uprated, so
    // the employee funds are the ones to compare): 2035 cumulative 788173.447882 万元, months payable 561.4692.
    const e = yearOf(fundOf(p, 'employee'), 2035);
    expect(s(e.cumulative)).toBe(s(wan('788173.447882')));
    expect(e.monthsPayable!.toDecimalPlaces(4).toString()).toBe('561.4692');
    expect(p.calibration.abnormal.every((a) => !a.normalised)).toBe(true);
  });

  it('refuses a threshold of 0 with the scenario path', async () => {
    await expect(withCalibration('banner-2022.json', { threshold: '0' })).rejects.toThrow(/assumptions\/calibration\/threshold/);
  });
});

describe('every reported period of every baseline, as reported, to the fen', () => {
  // (county-2019 prints its funds' income and expenditure only as parts, with no total to compare)
  for (const name of ['banner-2022', 'city-2021-2022h1', 'xinjiang-2020', 'national-2022']) {
    it(name, () => {
      const json = baselineJson(name) as { funds: Record<string, { kind: string; periods: Record<string, { income?: { value?: string; unit?: string }; expenditure?: { value?: string; unit?: string } }> }> };
      const history = reportedHistory(loadBaseline(json, name));
      const ids: Record<string, string> = { employee: 'employee', 'employee-pooling': 'employee.pooling', 'employee-personal-account': 'employee.account', 'employee-large-amount': 'employee.largeAmount', 'employee-civil-servant': 'employee.civilServant', resident: 'resident', 'medical-aid': 'aid' };
      let checked = 0;
      for (const fund of Object.values(json.funds)) {
        const id = ids[fund.kind];
        if (!id) continue;
        for (const [key, period] of Object.entries(fund.periods)) {
          const p = history.find((h) => `${h.year}${h.half ? '-H1' : ''}` === key);
          for (const side of ['income', 'expenditure'] as const) {
            const printed = period[side];
            if (!printed?.value || !p) continue;
            const factor = printed.unit === '亿元' ? 1e8 : 1e4;
            const lines = p.funds[id as keyof typeof p.funds]?.[side];
            expect(s(sum(Object.values(lines ?? {}) as Dec[])), `${name} ${id} ${key} ${side}`).toBe(s(wan(printed.value).times(factor / 1e4)));
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(0);
    });
  }
});
