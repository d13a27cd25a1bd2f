/**
 * Today's mechanisms: the 2021 personal-account reform, resident contributions
 * collected in advance, 大病保险 premiums, medical aid financed as needed, and
 * resident standards that keep rising. Figures from the seeds or by hand.
 */
import { describe, expect, it } from 'vitest';
import { calculatePerson, type EmployeeContribution } from '../../src/calculator/person.ts';
import { D } from '../../src/common/money.ts';
import { parseMonth } from '../../src/common/period.ts';
import { composeStack, resolveWithEngine, type Category } from '../../src/engine/index.ts';
import { loadCatalog } from '../../src/rules/catalog-node.ts';
import { countsIn, wageSeries } from '../../src/model/drivers.ts';
import { employeeContributions } from '../../src/model/mechanisms.ts';
import { PolicyTimeline } from '../../src/model/policy-timeline.ts';
import { exampleDoc, fundOf, prepareDoc, runDoc, runExample, s, wan, yearOf } from '../scenario/helpers.ts';

const catalog = loadCatalog();
const cityWithReform = composeStack(['city/medical-maternity-2021', 'national/account-reform-2021'], (x) => catalog.get(x), catalog.registry);

async function month(category: Category, wage: string, overrides = [] as { param: string; value: string }[]) {
  const res = await resolveWithEngine(cityWithReform, { month: parseMonth('2022-05')!, category, aid: 'none' }, {
    series: { avgMonthlyWage: { '2020': '8445' } },
    overrides: overrides.map((o) => ({ ...o, file: 'test', path: '/overrides/0' })),
  });
  return calculatePerson(res, new D(wage)) as EmployeeContribution;
}

describe('the personal-account reform (国办发〔2021〕14号), one month in the city, 2022-05', () => {
  it('an employee in service: the employer 6.2% all to pooling, the individual 2% to the account', async () => {
    // wage 8000 between the floor (60% × 8445 = 5067) and the ceiling 19002: base 8000;
    // employer 8000 × 6.2% = 496.00 → pooling; individual 8000 × 2% = 160.00 → personal account
    const r = await month('in-service', '8000');
    expect(s(r.base)).toBe('8000');
    expect(s(r.employer)).toBe('496');
    expect(s(r.individual)).toBe('160');
    expect(s(r.personalAccount)).toBe('160');
    expect(s(r.pooling)).toBe('496');
  });

  it('a retiree: pays nothing; the account receives the fixed credit, paid by pooling', async () => {
    // The credit is local (about 2% of the area's average pension): 100 元/月 here, e.g. 2% of a 5000 元 pension.
    // Retirees pay no contribution in the city: employer 0, individual 0; account +100.00, pooling −100.00
    const r = await month('retiree', '5000', [{ param: 'employee.account.retireeCredit', value: '100' }]);
    expect(s(r.total)).toBe('0');
    expect(s(r.personalAccount)).toBe('100');
    expect(s(r.pooling)).toBe('-100');
  });
});

/** The city without the population model: counts as reported, as the hand computations below assume. */
const cityFlat = () => {
  const doc = exampleDoc('city-2021.json');
  doc.assumptions = { ...(doc.assumptions as object), population: { model: 'none' } };
  return doc;
};

describe('the city resident fund (seed 001)', () => {
  it('collects individual contributions for the next year: 2021 at 2022\'s 320, 2022 at 2023\'s 380, no double count', async () => {
    const { projection: p } = await runDoc(cityFlat());
    // 2021: 201488万元 over 642.59万 insured = 313.6 元 a head, the level of 2022's 320 (0.98), not 2021's 250 (1.25)
    const line = p.calibration.lines.find((l) => l.fund === 'resident' && l.line === 'contributions.individual')!;
    // level = 2014880000 元 / (6425900 × 320) = 0.97986
    expect(line.levels[0]!.level.toDecimalPlaces(4).toString()).toBe('0.9799');
    // 2022 collects for 2023 (the national minimum 380): 201488 × 380 / 320 = 239267 万元 (counts unchanged);
    // as the same year's standard it was 201488 × 320 / 250 = 257904.64, 18637.64 万元 more
    expect(s(yearOf(fundOf(p, 'resident'), 2022).income['contributions.individual'])).toBe(s(wan('239267')));
  });

  it('grows 大病保险 premiums with residents and costs: 96655 × 1.04 × 1.01 = 101526.412 万元 in 2022', async () => {
    const { projection: p } = await runDoc(cityFlat());
    expect(s(yearOf(fundOf(p, 'resident'), 2021).expenditure.criticalIllness)).toBe(s(wan('96655')));
    expect(s(yearOf(fundOf(p, 'resident'), 2022).expenditure.criticalIllness)).toBe(s(wan('101526.412')));
  });

  it('first runs a deficit in 2043 with standards rising at their recent pace, 2031 if they froze at 400 + 700', async () => {
    // Uprated, resident funding per head keeps rising by 50 元 a year (+30 subsidy, +20 individual) while spending
    // per head grows 5.04% a year (costs 4%, use 1%); the gap closes in 2043. Frozen at 2025's 400 + 700, the
    // income per head stops and spending overtakes it in 2031.
    const doc = cityFlat();
    doc.until = 2060;
    const uprated = (await runDoc(doc)).projection;
    expect(fundOf(uprated, 'resident').firstDeficitYear).toBe(2043);
    doc.overrides = [
      { param: 'resident.individual.standard', value: '400', from: '2026-01' },
      { param: 'resident.subsidy.standard', value: '700', from: '2026-01' },
    ];
    const frozen = (await runDoc(doc)).projection;
    expect(fundOf(frozen, 'resident').firstDeficitYear).toBe(2031);
  });
});

describe('medical aid financed as needed (以支定收)', () => {
  it('the budget pays what the banner\'s aid spends each year; the balance stays at 2022\'s 478.19 万元', async () => {
    const { projection: p } = await runExample('banner-2022.json');
    const aid = fundOf(p, 'aid');
    for (const y of aid.years.slice(1)) {
      expect(s(y.incomeTotal), String(y.year)).toBe(s(y.expenditureTotal));
      expect(s(y.cumulative)).toBe(s(wan('478.19')));
    }
    expect(aid.exhaustionYear).toBeUndefined();
  });
});

describe('the contribution base from the wage of the year the rule names', () => {
  it('the city bases 2021 contributions on the 2020 wage (以上年度本人月平均工资): 8445, not 8867.25', async () => {
    const { input } = await prepareDoc(exampleDoc('city-2021.json'));
    const a = input.assumptions;
    const counts = countsIn(a, input.base, 2021, input.base.employees);
    const tl = new PolicyTimeline(input.stack, wageSeries(a, input.base, input.until), input.overrides, a.regionTier);
    const wages: Record<number, string> = { 2020: '8445', 2021: '8867.25' };
    const asRuled = employeeContributions(tl, a, counts, 2021, (y) => new D(wages[y]!))!;
    // the same, computed on the same year's wage with 8445 given as that wage
    const sameYear = new PolicyTimeline(input.stack, wageSeries(a, input.base, input.until), [{ param: 'employee.base.wageYear', value: 'same-year', file: 'test', path: '' }], a.regionTier);
    const on8445 = employeeContributions(sameYear, a, counts, 2021, () => new D('8445'))!;
    expect(s(asRuled.employer)).toBe(s(on8445.employer));
    const on8867 = employeeContributions(sameYear, a, counts, 2021, () => new D('8867.25'))!;
    expect(asRuled.employer.lessThan(on8867.employer)).toBe(true);
  });
});

describe('outpatient pooling (门诊共济), a lever', () => {
  it('moves 20% of the banner\'s personal-account spending to pooling from 2024; the employee fund is unchanged', async () => {
    const doc = exampleDoc('banner-2022.json');
    // the hand figures below move employees by the report's stated change, without the population model
    // (the report's stated -0.04% a year, as calibration.test.ts takes it)
    const a = doc.assumptions as { growth?: object };
    doc.assumptions = { ...a, population: { model: 'none' }, growth: { ...a.growth, inService: '-0.04', retiree: '-0.04', flexible: '-0.04' } };
    const base = (await runDoc(doc)).projection;
    doc.overrides = [{ param: 'employee.outpatient.pooledPercent', value: '20', from: '2024-01' }];
    const p = (await runDoc(doc)).projection;
    // 2024 account spending without the lever: 45656200 × (0.9996 × 1.05)² = 50295699.79 元 (employees × wages, as in
    // calibration.test.ts); 20% of it, 10059139.96 元, is paid by pooling instead (the base year's share is 0): 40236559.83 left
    const spending = yearOf(fundOf(base, 'employee.account'), 2024).expenditure.benefits!;
    expect(s(spending)).toBe('50295699.79');
    expect(s(yearOf(fundOf(p, 'employee.account'), 2024).expenditure.benefits)).toBe('40236559.83');
    expect(s(yearOf(fundOf(p, 'employee.pooling'), 2024).expenditure.benefits!.minus(yearOf(fundOf(base, 'employee.pooling'), 2024).expenditure.benefits!))).toBe('10059139.96');
    expect(s(yearOf(fundOf(p, 'employee'), 2024).expenditureTotal)).toBe(s(yearOf(fundOf(base, 'employee'), 2024).expenditureTotal));
    expect(s(yearOf(fundOf(p, 'employee.account'), 2023).expenditure.benefits)).toBe(s(yearOf(fundOf(base, 'employee.account'), 2023).expenditure.benefits));
  });
});
