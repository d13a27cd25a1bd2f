/**
 * The fund model on the population: base years reproduce each report, the
 * counts and costs then move with the population, and the retirement reform
 * moves people from retired to in service by what the cohorts say.
 */
import { describe, expect, it } from 'vitest';
import { D, type Dec } from '../../src/common/money.ts';
import type { Projection } from '../../src/model/project.ts';
import { populationIn, projectPopulation } from '../../src/population/cohort.ts';
import { PRE_REFORM_RULE } from '../../src/population/settings.ts';
import { cachedPopulation, startCounts } from '../../src/model/driver-table.ts';
import { statusTotal } from '../../src/population/insured.ts';
import { exampleDoc, fundOf, runDoc, runExample, s, yearOf } from '../scenario/helpers.ts';

const countsOf = (p: Projection, year: number) => p.counts.find((c) => c.year === year)!.counts;
const preReform = (doc: Record<string, unknown>) => ({ ...doc, assumptions: { ...(doc.assumptions as object), population: { retirementRule: PRE_REFORM_RULE } } });

describe('base years: with the population model on, every seed baseline’s insured counts and funds are reproduced', () => {
  // Reported figures in 万元 (national: 亿元), the projection's in 元: base year income and expenditure to the fen.
  // county-2019 (seed 003) gives no insured counts and no balance to start from: it cannot be projected and is
  // refused with that reason (test/fixtures/bad and the check below).
  const cases: {
    file: string;
    employees: number;
    residents?: number;
    /** The report's own split (national 快报: 26607万 in service, 9636万 retirees); otherwise 64/10/26 by default. */
    split?: { inService: number; retiree: number };
    funds: Record<string, [income: string, expenditure: string]>;
    unit: string;
  }[] = [
    // seed 000: 职工参保人数56945人; 居民医保参保人数65336人; 医保基金总收入/总支出 2022年 43370.17 / 9396.57万元;
    // 居民医疗保险基金收入6692.82万元, 支出1991.34万元
    { file: 'banner-2022.json', employees: 56945, residents: 65336, funds: { employee: ['43370.17', '9396.57'], resident: ['6692.82', '1991.34'] }, unit: '10000' },
    // seed 001: 城镇职工82.39万人, 城乡居民642.59万人; employee 409651 / 320257万元, resident 582693 / 470783万元 (2021)
    { file: 'city-2021.json', employees: 823900, residents: 6425900, funds: { employee: ['409651', '320257'], resident: ['582693', '470783'] }, unit: '10000' },
    // seed 002: 36.67万人, employee insurance only; 2020 income 347833, expenditure 246656万元
    { file: 'xinjiang-2020.json', employees: 366700, funds: { employee: ['347833', '246656'] }, unit: '10000' },
    // NHSA 2022 (seeds/sources/national-bulletins.md): employees 36243万 (公报), split 26607万 / 9636万 (快报);
    // residents 98349万; employee fund 20793.27 / 15243.80亿元, resident fund 10128.90 / 9353.44亿元
    { file: 'national-2022.json', employees: 362430000, residents: 983490000, split: { inService: 266070000, retiree: 96360000 }, funds: { employee: ['20793.27', '15243.80'], resident: ['10128.90', '9353.44'] }, unit: '100000000' },
  ];
  for (const t of cases) {
    it(t.file, async () => {
      const { projection: p } = await runDoc(exampleDoc(t.file));
      expect(p.population).toBeDefined();
      const c = countsOf(p, p.baseYear);
      expect(s(c.inService!.plus(c.flexible ?? 0).plus(c.retiree!))).toBe(String(t.employees));
      expect(s(c.retiree)).toBe(String(t.split?.retiree ?? s(new D(t.employees).times('0.26'))));
      if (t.split) expect(s(c.inService)).toBe(String(t.split.inService));
      if (t.residents) expect(s(c.resident)).toBe(String(t.residents));
      const pop = p.population!.years[0]!;
      expect(pop.inService + pop.flexible + pop.retiree).toBeCloseTo(t.employees, 6);
      expect(pop.resident).toBeCloseTo(t.residents ?? 0, 6);
      expect(pop.dependencyRatio).toBeCloseTo(t.split ? 26607 / 9636 : 74 / 26, 9);
      for (const [id, [income, expenditure]] of Object.entries(t.funds)) {
        const y = yearOf(fundOf(p, id as Parameters<typeof fundOf>[1]), p.baseYear);
        expect(y.incomeTotal.toFixed(2)).toBe(new D(income).times(t.unit).toFixed(2));
        expect(y.expenditureTotal.toFixed(2)).toBe(new D(expenditure).times(t.unit).toFixed(2));
      }
      // later years differ: the counts move with the population
      expect(countsOf(p, p.baseYear + 5).retiree!.equals(c.retiree!)).toBe(false);
    });
  }

  it('county-2019: refused, with the reason, as it reports no balance to start from', async () => {
    await expect(runDoc({ version: 1, title: 'county', baseline: 'county-2019', rules: ['national/fund-warning'], until: 2030 })).rejects.toThrow(/county-2019\.json at \/funds: no fund reports a full year with income and a cumulative balance/);
  });
});

describe('the retirement reform against the rule before it (banner, seed 000)', async () => {
  const doc = exampleDoc('banner-2022.json');
  const reform = (await runDoc(doc)).projection;
  const before = (await runDoc(preReform(doc))).projection;

  it('changes nothing before 2025', () => {
    for (const y of [2022, 2023, 2024]) {
      expect(s(countsOf(reform, y).retiree)).toBe(s(countsOf(before, y).retiree));
      expect(s(yearOf(fundOf(reform, 'employee'), y).cumulative)).toBe(s(yearOf(fundOf(before, 'employee'), y).cumulative));
    }
  });

  it('in 2025 keeps 3/12 of men aged 59, 4/12 of women workers aged 49 and 3/12 of women cadres aged 54 in service', () => {
    // By December 2025 (shared/reference/retirement-reform.md):
    //   men aged 59 on 1 July 2025 (born 1965-07..1966-06): before the reform those born 1965-07..12 have retired (6/12);
    //     with it, born 1965-07/08 retire at 60y2m (2025-09/10), 1965-09 at 60y3m (2025-12), 1965-10..12 in 2026 → 3/12;
    //   women workers aged 49 (born 1975-07..1976-06): before, 6/12; with it 1975-07/08 at 50y4m (2025-11/12) → 2/12;
    //   women cadres aged 54 (born 1970-07..1971-06): before, 6/12; with it 1970-07/08 at 55y2m, 1970-09 at 55y3m → 3/12;
    //   older ages: all retired under both rules. Women are half workers, half cadres (the default assumption).
    // People (WPP, this model, 1 July 2025): men 59: 11,314,524; women 49: 9,695,051; women 54: 11,914,691, times the
    // banner's scale (its insured ÷ 95% ÷ the national population), its calibrated employee participation and
    // the cohort's relative participation: the urban share when it turned 25 ÷ 63.89% (src/population/participation.ts),
    //   men 59 (mid-cohort 1965.5, 25 in 1990.5): 26.41 + 9.81 × 0.05 = 26.9005%;
    //   women 49 (1975.5, 2000.5): 36.22 + 13.73 × 0.05 = 36.9065%; women 54 (1970.5, 1995.5): 26.41 + 9.81 × 0.55 = 31.8055%.
    const n = populationIn(projectPopulation(2060), 2025).pop;
    expect(Math.round(n.male[59]!)).toBe(11314524);
    expect(Math.round(n.female[49]!)).toBe(9695051);
    expect(Math.round(n.female[54]!)).toBe(11914691);
    const k = (reform.population!.participation.employees * reform.population!.regionScale) / 63.89;
    const byHand = k * ((3 / 12) * 26.9005 * n.male[59]! + (4 / 12) * 0.5 * 36.9065 * n.female[49]! + (3 / 12) * 0.5 * 31.8055 * n.female[54]!);
    expect(byHand).toBeCloseTo(228.62, 2);
    const fewerRetirees = countsOf(before, 2025).retiree!.minus(countsOf(reform, 2025).retiree!);
    const moreWorking = countsOf(reform, 2025).inService!.plus(countsOf(reform, 2025).flexible!).minus(countsOf(before, 2025).inService!).minus(countsOf(before, 2025).flexible!);
    expect(fewerRetirees.toNumber()).toBeCloseTo(byHand, 6);
    expect(moreWorking.toNumber()).toBeCloseTo(byHand, 6);
    // Contributions: no banner rule sets employee rates, so they follow the contributors' wage mass (in service +
    // flexible × the wage index), the same wage under both rules. Before the reform, 2025: 37522.27 + 5862.85 =
    // 43385.12 contributors pay 33871.57万元, 7807.19 元 a head; the reform's 228.62 more pay 228.62 × 7807.19 =
    // 178.49万元 more.
    const contributors = (p: Projection) => countsOf(p, 2025).inService!.plus(countsOf(p, 2025).flexible!);
    const contributions = (p: Projection) => yearOf(fundOf(p, 'employee'), 2025).income.contributions!;
    expect(contributors(before).toFixed(2)).toBe('43385.12');
    expect(contributions(before).dividedBy(contributors(before)).toFixed(2)).toBe('7807.19');
    const moreIncome = contributions(reform).minus(contributions(before));
    expect(moreIncome.dividedBy(10000).toFixed(2)).toBe('178.49');
    expect(Math.abs(moreIncome.toNumber() - byHand * contributions(before).dividedBy(contributors(before)).toNumber())).toBeLessThan(0.02);
  });

  it('from 2025 on: fewer retirees, more contributors, a higher in-service/retiree ratio and more employee income', () => {
    for (let y = 2025; y <= 2035; y++) {
      expect(countsOf(reform, y).retiree!.lessThan(countsOf(before, y).retiree!)).toBe(true);
      expect(countsOf(reform, y).inService!.greaterThan(countsOf(before, y).inService!)).toBe(true);
      const r = reform.population!.years.find((x) => x.year === y)!;
      const b = before.population!.years.find((x) => x.year === y)!;
      expect(r.dependencyRatio).toBeGreaterThan(b.dependencyRatio);
      expect(yearOf(fundOf(reform, 'employee'), y).incomeTotal.greaterThan(yearOf(fundOf(before, 'employee'), y).incomeTotal)).toBe(true);
      // cost follows age, not status: a 61-year-old costs the same in service or retired (within rounding to the fen)
      const er = yearOf(fundOf(reform, 'employee'), y).expenditureTotal;
      const eb = yearOf(fundOf(before, 'employee'), y).expenditureTotal;
      expect(er.minus(eb).abs().dividedBy(eb).lessThan('0.001')).toBe(true);
    }
    // the resident fund does not depend on the retirement age
    for (const y of fundOf(reform, 'resident').years) expect(s(yearOf(fundOf(before, 'resident'), y.year).cumulative)).toBe(s(y.cumulative));
  });
});

describe('expenditure by age', () => {
  it('the city’s retiree weight comes from its visits and cost per visit by status (seed 001)', async () => {
    // In service: 47.42万 × 400.61 + 4.58万 × 7364.81 = 189969262 + 337308298 = 527277560 元;
    // retired: 61.55万 × 301.2 + 10.18万 × 8483.68 = 185388600 + 863638624 = 1049027224 元.
    // Per head with 26% retirees (and 74% in service or flexible): (1049027224 / 0.26) / (527277560 / 0.74) = 5.66.
    expect(new D(1049027224).dividedBy('0.26').dividedBy(new D(527277560).dividedBy('0.74')).toDecimalPlaces(2).toString()).toBe('5.66');
    const { prepared, projection: p } = await runDoc(exampleDoc('city-2021.json'));
    expect(prepared.input.assumptions.retireeCostWeight.toString()).toBe('5.66');
    // The age-cost slope reproduces it in the base year: Σ retirees(x) e^{β(x−40)} / retirees ÷ the same for
    // members in service, from the base-year pyramid, is 5.66.
    const beta = p.population!.ageCostSlope;
    const pyr = p.population!.pyramids[0]!.byStatus;
    const mean = (st: 'retiree' | 'inService') => {
      let n = 0;
      let c = 0;
      for (const sex of ['male', 'female'] as const) pyr[st][sex].forEach((v, x) => ((n += v), (c += v * Math.exp(beta * (x - 40)))));
      return c / n;
    };
    expect(mean('retiree') / mean('inService')).toBeCloseTo(5.66, 9);
    // β = 0.0624: a 65-year-old costs e^{25β} = 4.8 times a 40-year-old, an 80-year-old 12 times; steeper than the
    // out-of-pocket spending of urban households (60s: 1.5-2 times a 40-year-old, 80s: 2-2.7 times; Ageing and
    // health-care expenditure in urban China, 2005), as a fund that reimburses retirees more would be.
    expect(beta).toBeCloseTo(0.0624, 3);
    // The banner (no visit split) keeps the default 3.
    const banner = await runDoc(exampleDoc('banner-2022.json'));
    expect(banner.prepared.input.assumptions.retireeCostWeight.toString()).toBe('3');
    expect(banner.projection.population!.ageCostSlope).toBeLessThan(p.population!.ageCostSlope);
  });

  it('with costs held flat, employee benefits still rise as the insured age', async () => {
    const flat = { ...exampleDoc('banner-2022.json') };
    flat.assumptions = { ...(flat.assumptions as object), costGrowth: '0', utilizationGrowth: '0' };
    const { projection: p } = await runDoc(flat);
    const e = fundOf(p, 'employee.pooling');
    const b0 = yearOf(e, 2022).expenditure.benefits!;
    const b1 = yearOf(e, 2035).expenditure.benefits!;
    const c0 = countsOf(p, 2022);
    const c1 = countsOf(p, 2035);
    const heads = (c: typeof c0) => c.inService!.plus(c.flexible!).plus(c.retiree!);
    // per insured employee, benefits grow: more of them are retired and old
    expect(b1.dividedBy(heads(c1)).greaterThan(b0.dividedBy(heads(c0)))).toBe(true);
  });
});

describe('resident expenditure per head against the national bulletins (seeds/sources/national-bulletins.md)', () => {
  // Bulletins (公报), resident fund expenditure ÷ insured residents:
  //   2018: 6277亿 ÷ 89736万 = 699.50 元 (without 新农合, both sides); 2021: 9296.37亿 ÷ 100866万 = 921.66 元;
  //   2022: 9353.44亿 ÷ 98349万 = 951.05 元. 2018-2022: (951.05 / 699.50)^(1/4) = 1.0798, +7.98% a year
  //   (2018-2021 +9.6%, 2021-2022 +3.2%). Income per head: 6971 ÷ 89736 = 776.83 元 to 10128.90 ÷ 98349 = 1029.89 元,
  //   (1029.89 / 776.83)^(1/4) = 1.0730, +7.30% a year; the minimum standards 490 + 220 = 710 to 610 + 350 = 960 元, +7.83%.
  const perHead = (amount: string, persons: string) => new D(amount).times(1e8).dividedBy(new D(persons).times(1e4));
  const rate = (a: Dec, b: Dec, years: number) => Math.pow(b.dividedBy(a).toNumber(), 1 / years) - 1;
  const bulletinExpenditure = rate(perHead('6277', '89736'), perHead('9353.44', '98349'), 4);
  const bulletinIncome = rate(perHead('6971', '89736'), perHead('10128.90', '98349'), 4);

  it('the projection’s cost growth per head stays below the bulletins’; its income per head grows far slower', async () => {
    expect(perHead('6277', '89736').toFixed(2)).toBe('699.50');
    expect(perHead('9353.44', '98349').toFixed(2)).toBe('951.05');
    expect(bulletinExpenditure).toBeCloseTo(0.0798, 4);
    expect(bulletinIncome).toBeCloseTo(0.0730, 4);
    const { projection: p } = await runDoc(exampleDoc('national-2022.json'));
    const res = fundOf(p, 'resident');
    const head = (y: number, side: 'expenditureTotal' | 'incomeTotal') => yearOf(res, y)[side].dividedBy(countsOf(p, y).resident!);
    expect(head(2022, 'expenditureTotal').toFixed(2)).toBe('951.05');
    const expenditure = rate(head(2022, 'expenditureTotal'), head(2030, 'expenditureTotal'), 8);
    const income = rate(head(2022, 'incomeTotal'), head(2030, 'incomeTotal'), 8);
    // Prices +4% and use +1% a year (the defaults): 1.04 × 1.01 = +5.04%; the ageing of the residents adds the rest.
    expect(expenditure).toBeGreaterThan(0.0504);
    expect(expenditure).toBeLessThan(bulletinExpenditure);
    // The resident fund's deficit comes from the income side: standards +30/+20 元 a year from 2025 (an assumption of
    // rules/national/resident-minimum.json) grow income per head by about 4.4% a year, against 7.3% in 2018-2022.
    expect(income).toBeLessThan(0.05);
    expect(income).toBeLessThan(bulletinIncome - 0.02);
  });

  it('with prices and use held flat, cost per head rises by the ageing of the residents alone', async () => {
    const doc = exampleDoc('national-2022.json');
    const flat = { ...doc, assumptions: { ...(doc.assumptions as object), costGrowth: '0', utilizationGrowth: '0' } };
    const { projection: p } = await runDoc(flat);
    const res = fundOf(p, 'resident');
    const head = (y: number) => yearOf(res, y).expenditureTotal.dividedBy(countsOf(p, y).resident!);
    const ageing = rate(head(2022), head(2030), 8);
    // The residents' mean c(a) = e^{β(a−40)} (β ≈ 0.040, retiree weight 3) rises about 2.3% a year: the 1960s cohorts
    // pass 60, and the younger, more urban cohorts join the employee scheme.
    expect(ageing).toBeGreaterThan(0.02);
    expect(ageing).toBeLessThan(0.025);
  });
});

describe('the national scenario’s participation trend: what the population model leaves of 2019-2022', () => {
  it('is the bulletins’ change less the population model’s, so the population’s part is not counted twice', async () => {
    const { prepared } = await runExample('national-2022.json');
    const input = prepared.input;
    const a = input.assumptions;
    const pop = cachedPopulation(input, startCounts(a, undefined), a.population, a.retireeCostWeight.toNumber());
    const employees = (y: number) => (['inService', 'flexible', 'retiree'] as const).reduce((t, st) => t + statusTotal(pop.year(y), st), 0) / 1e4;
    const residents = (y: number) => statusTotal(pop.year(y), 'resident') / 1e4;
    // The population model, calibrated to 2022 (36243万 employees, 98349万 residents), gives for 2019:
    expect(employees(2022)).toBeCloseTo(36243, 6);
    expect(employees(2019)).toBeCloseTo(33717.6, 1);
    expect(residents(2019)).toBeCloseTo(100636.1, 1);
    // Bulletins (national-2022 baseline): employees 32925万 (2019) to 36243万 (2022): (36243/32925)^(1/3) = 1.03252;
    // the model (36243/33717.6)^(1/3) = 1.02437; left over 1.03252 / 1.02437 = 1.00796: +0.80% a year.
    // Residents 102510万 to 98349万: 0.98628; the model (98349/100636.1)^(1/3) = 0.99237; 0.98628 / 0.99237 = 0.99387: -0.61%.
    const trend = (reported0: number, reported1: number, model0: number, model1: number) => ((Math.cbrt(reported1 / reported0) / Math.cbrt(model1 / model0) - 1) * 100).toFixed(2);
    expect(trend(32925, 36243, employees(2019), employees(2022))).toBe('0.80');
    expect(trend(102510, 98349, residents(2019), residents(2022))).toBe('-0.61');
    expect(a.growth.inService.toString()).toBe('0.8');
    expect(a.growth.retiree.toString()).toBe('0.8');
    expect(a.growth.resident.toString()).toBe('-0.61');
  });
});
