/**
 * Each policy lever moves what it should and nothing else. Expectations are
 * computed by hand from the rules, the scenario's assumptions and the
 * report's base-year figures, written out in the comments; the code below
 * only does the decimal arithmetic of those comments.
 *
 * City figures (seed 001, scenario city-2021.json):
 *   employees 82.39万 = 823900; shares 26% retirees, 10% flexible (defaults) →
 *   in service 823900 × 64% = 527296, flexible 82390, retirees 214214 in 2021. The mechanism tests hold counts
 *   constant (countsIn without a population); the projections move them with the population model, and their
 *   expectations take each year's counts from the projection (inServiceIn).
 *   average wage (assumed) 2021: 8867.25; 2020: 8445; 2022: 9310.6125; 2023: 9776.143125 (5% a year).
 *   rates: employer 6.2%, individual 2%, maternity 0.5%, flexible 4.8% of the 上年 wage; no employer rate for retirees.
 *   base-year contributions (征缴收入) 399630万元 = 3996300000 元.
 */
import { describe, expect, it } from 'vitest';
import { D, toFen, type Dec } from '../../src/common/money.ts';
import type { Override } from '../../src/engine/resolve.ts';
import { DEFAULT_WAGE_DISTRIBUTION } from '../../src/model/assumptions.ts';
import { countsIn, wageSeries } from '../../src/model/drivers.ts';
import { employeeContributions, type EmployeeYear } from '../../src/model/mechanisms.ts';
import { PolicyTimeline } from '../../src/model/policy-timeline.ts';
import type { ProjectionInput } from '../../src/model/project.ts';
import type { OverrideSpec } from '../../src/scenario/types.ts';
import { exampleDoc, expectNear, fundOf, prepareDoc, runDoc, runExample, s, yearOf } from '../scenario/helpers.ts';

/** The relative wages of the ten deciles, as documented in src/model/assumptions.ts. */
const DECILES = ['0.37', '0.52', '0.63', '0.73', '0.83', '0.94', '1.07', '1.24', '1.49', '2.18'];

/** By hand: the mean over the deciles of the wage clamped to [floor, ceiling]. */
function meanBase(avgWage: string | Dec, floor: string | number | Dec, ceiling?: string | number | Dec): Dec {
  let total = new D(0);
  for (const r of DECILES) {
    let w = new D(avgWage).times(r);
    if (w.lessThan(floor)) w = new D(floor);
    if (ceiling !== undefined && w.greaterThan(ceiling)) w = new D(ceiling);
    total = total.plus(w);
  }
  return total.dividedBy(10);
}

const pct = (v: string | number | Dec, percent: string) => new D(v).times(percent).dividedBy(100);

const IN_SERVICE = new D(527296);
const FLEXIBLE = new D(82390);
const CITY_CONTRIBUTIONS_2021 = new D('3996300000');

/**
 * By hand: the city's contributions due in 2021 before calibration.
 * 2021-01..06: floor 4674, ceiling 17529 (maternity ceiling 17529);
 * 2021-07..12: floor 5067, ceiling 19002 (maternity ceiling 22941);
 * each month: in service × (8.2% × mean base + 0.5% × maternity mean base) + flexible × 4.8% × 8445.
 */
function cityDue2021(): Dec {
  const flex = pct(8445, '4.8').times(FLEXIBLE);
  const h1 = IN_SERVICE.times(pct(meanBase('8867.25', 4674, 17529), '8.2').plus(pct(meanBase('8867.25', 4674, 17529), '0.5'))).plus(flex);
  const h2 = IN_SERVICE.times(pct(meanBase('8867.25', 5067, 19002), '8.2').plus(pct(meanBase('8867.25', 5067, 22941), '0.5'))).plus(flex);
  return h1.plus(h2).times(6);
}

/** The uncalibrated mechanism for one year of a prepared projection. */
function due(input: ProjectionInput, year: number): EmployeeYear {
  const { base, assumptions: a } = input;
  const series = wageSeries(a, base, input.until);
  const tl = new PolicyTimeline(input.stack, series, input.overrides, a.regionTier);
  const wage = (y: number) => new D(series.avgMonthlyWage![String(y)]!);
  return employeeContributions(tl, a, countsIn(a, base, year, base.employees), year, wage)!;
}

/** The projection's count of a group in a year (the population model moves them from the base year's). */
const countIn = (p: { counts: { year: number; counts: Partial<Record<string, Dec>> }[] }, year: number, g: string): Dec => p.counts.find((c) => c.year === year)!.counts[g]!;

/**
 * The city's rules take the base from last year's own wage ("以上年度本人月平均工资"); the hand computations
 * below were made on the same year's wage, so they state it: the mechanism, not the wage year, is under test
 * (the wage year has its own test in mechanisms-2021.test.ts).
 */
const SAME_YEAR: OverrideSpec = { param: 'employee.base.wageYear', value: 'same-year', note: 'hand computations on the same year\'s wage' };
const cityDoc = (name: string) => {
  const doc = exampleDoc(name);
  doc.overrides = [SAME_YEAR, ...((doc.overrides as OverrideSpec[] | undefined) ?? [])];
  return doc;
};

const withOverrides = (name: string, extra: OverrideSpec[]) => {
  const doc = name.startsWith('city-') ? cityDoc(name) : exampleDoc(name);
  doc.overrides = [...((doc.overrides as OverrideSpec[] | undefined) ?? []), ...extra];
  return doc;
};

describe('the example wage distribution is the documented one', () => {
  it('has the ten deciles the hand computations use', () => {
    expect(DEFAULT_WAGE_DISTRIBUTION).toEqual(DECILES);
  });
});

describe('the city mechanism reproduces the hand computation of 2021', () => {
  it('contributions due in 2021 equal the month-by-month sum by hand', async () => {
    const { input } = await prepareDoc(cityDoc('city-2021.json'));
    const e = due(input, 2021);
    // Mean bases by hand (wage 8867.25): H1 (4674..17529) 8832.70425; H2 (5067..19002) 9058.60425; maternity H2 (5067..22941) 9091.46475
    expect(meanBase('8867.25', 4674, 17529).toString()).toBe('8832.70425');
    expect(meanBase('8867.25', 5067, 19002).toString()).toBe('9058.60425');
    expect(meanBase('8867.25', 5067, 22941).toString()).toBe('9091.46475');
    // E(2021) = 5325847183.464192 元 due, against 3996300000 collected: the calibration factor is 0.7504…
    expect(cityDue2021().toString()).toBe('5325847183.464192');
    expect(e.employer.plus(e.individual).plus(e.maternity).toString()).toBe(cityDue2021().toString());
    // the employer part alone: 6.2% of the in-service base over twelve months; retirees pay nothing here
    expect(e.employer.toString()).toBe(IN_SERVICE.times(pct(meanBase('8867.25', 4674, 17529), '6.2').plus(pct(meanBase('8867.25', 5067, 19002), '6.2'))).times(6).toString());
  });
});

describe('the city floor from 60% to 50% of the average wage of year N−2 (city-floor-50.json)', () => {
  // 2023: old floor 60% × 8867.25 (2021 wage) = 5320.35, new floor 50% × 8867.25 = 4433.625.
  // Decile wages in 2023 (9776.143125 × r): 3617.17295625, 5083.594425, 6158.97016875, … — only the first two are below 5320.35.
  //   decile 1: base 5320.35 → 4433.625 (its wage is below the new floor too): −886.725
  //   decile 2: base 5320.35 → 5083.594425 (its own wage):                     −236.755575
  //   mean over ten deciles: −112.3480575 元 per employee per month.
  const meanDrop2023 = new D('886.725').plus('236.755575').dividedBy(10);

  it('the hand figures follow from the wages', () => {
    expect(s(new D('9776.143125').times('0.37'))).toBe('3617.17295625');
    expect(s(new D('9776.143125').times('0.52'))).toBe('5083.594425');
    expect(new D('9776.143125').times('0.63').greaterThan('5320.35')).toBe(true);
    // (the ceiling clamps the top decile alike in both, so it drops out of the difference)
    expect(s(meanBase('9776.143125', '5320.35').minus(meanBase('9776.143125', '4433.625')))).toBe(s(meanDrop2023));
    expect(s(meanDrop2023)).toBe('112.3480575');
  });

  it('lowers the mechanism by the two low deciles only: 12 months × in service × rate × 112.3480575', async () => {
    const before = due((await prepareDoc(cityDoc('city-2021.json'))).input, 2023);
    const after = due((await prepareDoc(cityDoc('city-floor-50.json'))).input, 2023);
    const perRate = (rate: string) => pct(meanDrop2023, rate).times(IN_SERVICE).times(12);
    // employer 12 × 527296 × 6.2% × 112.3480575 = 44,075,066.91…; individual at 2%; maternity (its floor follows) at 0.5%
    expect(s(before.employer.minus(after.employer))).toBe(s(perRate('6.2')));
    expect(s(before.individual.minus(after.individual))).toBe(s(perRate('2')));
    expect(s(before.maternity.minus(after.maternity))).toBe(s(perRate('0.5')));
    expect(perRate('6.2').toDecimalPlaces(2).toString()).toBe('44075066.91');
  });

  it('in 2024 wages and floors have both grown 5%, so the same two deciles change and the drop is 5% larger', async () => {
    const before = due((await prepareDoc(cityDoc('city-2021.json'))).input, 2024);
    const after = due((await prepareDoc(cityDoc('city-floor-50.json'))).input, 2024);
    const total = (e: EmployeeYear) => e.employer.plus(e.individual).plus(e.maternity);
    expect(s(total(before).minus(total(after)))).toBe(s(pct(meanDrop2023.times('1.05'), '8.7').times(IN_SERVICE).times(12)));
  });

  it('moves only the employee contributions, from 2023 on, by the calibrated hand figure', async () => {
    const a = (await runDoc(cityDoc('city-2021.json'))).projection;
    const b = (await runDoc(cityDoc('city-floor-50.json'))).projection;
    // calibrated: 3996300000 × ΔE / E(2021), ΔE = 12 × in service in 2023 × 8.7% × 112.3480575
    const dueDrop = pct(meanDrop2023, '8.7').times(countIn(a, 2023, 'inService')).times(12);
    const expected = CITY_CONTRIBUTIONS_2021.times(dueDrop).dividedBy(cityDue2021());
    // with the 2021 count it would be 46407687.23 元; the 2023 count is within a few percent of 2021's
    expect(CITY_CONTRIBUTIONS_2021.times(pct(meanDrop2023, '8.7').times(IN_SERVICE).times(12)).dividedBy(cityDue2021()).toDecimalPlaces(2).toString()).toBe('46407687.23');
    expect(countIn(a, 2023, 'inService').dividedBy(IN_SERVICE).minus(1).abs().lessThan('0.05')).toBe(true);
    const ea = fundOf(a, 'employee');
    const eb = fundOf(b, 'employee');
    for (const y of [2021, 2022]) expect(s(yearOf(eb, y).cumulative)).toBe(s(yearOf(ea, y).cumulative));
    const ya = yearOf(ea, 2023);
    const yb = yearOf(eb, 2023);
    expectNear(ya.income.contributions!.minus(yb.income.contributions!), expected);
    for (const line of ['subsidy', 'interest', 'other'] as const) expect(s(yb.income[line])).toBe(s(ya.income[line]));
    for (const y of ea.years) expect(s(yearOf(eb, y.year).expenditureTotal)).toBe(s(y.expenditureTotal));
    // the resident fund does not move at all
    const ra = fundOf(a, 'resident');
    const rb = fundOf(b, 'resident');
    for (const y of ra.years) expect(s(yearOf(rb, y.year).cumulative)).toBe(s(y.cumulative));
  });

  it('changes nothing where no employee earns below the old floor', async () => {
    // Wages at 0.7 and 1.3 of the average: the lowest, 0.7 × 9776.14 = 6843.30 in 2023, is above 5320.35.
    const spread = { avgMonthlyWage: '8867.25', wageGrowth: '5', wageDistribution: ['0.7', '1.3'] };
    const a = (await runDoc({ ...cityDoc('city-2021.json'), assumptions: spread })).projection;
    const b = (await runDoc({ ...cityDoc('city-floor-50.json'), assumptions: spread })).projection;
    for (const f of a.funds) {
      for (const y of f.years) {
        expect(s(yearOf(fundOf(b, f.id), y.year).incomeTotal)).toBe(s(y.incomeTotal));
        expect(s(yearOf(fundOf(b, f.id), y.year).cumulative)).toBe(s(y.cumulative));
      }
    }
  });
});

describe('an employer-rate cut for a span of months acts only in those months', () => {
  // Wages at 0.5, 0.8, 1, 1.2 and 1.5 of the average (mean exactly 1): the highest, 1.5 × 10264.95 = 15397.43 in 2024,
  // stays below every ceiling, so only the floor clamps. By hand:
  //   2021 (wage 8867.25): 4433.625 → floor 4674 (H1) / 5067 (H2); 7093.8; 8867.25; 10640.7; 13300.875
  //        mean H1 8915.325, mean H2 8993.925 (the maternity base is the same: its floor is the employee floor)
  //        E(2021) = 6 × 527296 × 8.7% × (8915.325 + 8993.925) + 12 × 82390 × 4.8% × 8445 = 5330265738.336
  //   2023 (wage 9776.143125, floor 60% × 8867.25 = 5320.35): 4888.0715625 → 5320.35; 7820.9145; 9776.143125;
  //        11731.37175; 14664.2146875 → mean 9862.5988125
  //   2024 (wage 10264.95028125, floor 60% × 9310.6125 = 5586.3675): mean 10355.728753125
  const SPREAD = ['0.5', '0.8', '1', '1.2', '1.5'];
  const spread = (name: string, extra: OverrideSpec[] = []) => ({ ...withOverrides(name, extra), assumptions: { avgMonthlyWage: '8867.25', wageGrowth: '5', wageDistribution: SPREAD } });
  const meanOf = (wage: string, floor: string) => SPREAD.reduce((t, r) => t.plus(D.max(new D(wage).times(r), floor)), new D(0)).dividedBy(SPREAD.length);
  const E2021 = new D('5330265738.336');
  // 6.2% → 5.2% for 2023-04..2023-09: six months × 1% × 9862.5988125 × 527296
  const cut: OverrideSpec = { param: 'employee.rate.employer', value: '5.2', from: '2023-04', until: '2023-09' };
  const dueDrop = new D('9862.5988125').times('0.01').times(6).times(IN_SERVICE);

  it('the hand figures follow from the spread', () => {
    expect(s(meanOf('8867.25', '4674'))).toBe('8915.325');
    expect(s(meanOf('8867.25', '5067'))).toBe('8993.925');
    expect(s(new D(6).times(IN_SERVICE).times('0.087').times('17909.25').plus(new D(12).times(FLEXIBLE).times('0.048').times(8445)))).toBe(s(E2021));
    expect(s(meanOf('9776.143125', '5320.35'))).toBe('9862.5988125');
    expect(s(meanOf('10264.95028125', '5586.3675'))).toBe('10355.728753125');
  });

  it('the mechanism: employer contributions of 2023 fall by 6 × 1% × 9862.5988125 × 527296; nothing else moves', async () => {
    const a = (await prepareDoc(spread('city-2021.json'))).input;
    const b = (await prepareDoc(spread('city-2021.json', [cut]))).input;
    expect(s(due(a, 2021).employer.plus(due(a, 2021).individual).plus(due(a, 2021).maternity))).toBe(s(E2021));
    const a23 = due(a, 2023);
    const b23 = due(b, 2023);
    expect(s(a23.employer.minus(b23.employer))).toBe(s(dueDrop));
    expect(dueDrop.toString()).toBe('312030534.20616'); // 3.12 亿元 of contributions due
    expect(s(b23.individual)).toBe(s(a23.individual));
    expect(s(b23.maternity)).toBe(s(a23.maternity));
    for (const y of [2022, 2024]) expect(s(due(b, y).employer)).toBe(s(due(a, y).employer));
  });

  it('the projection: 2023 contributions fall by the calibrated figure, 2024 contributions are as before and only interest remembers the cut', async () => {
    const a = (await runDoc(spread('city-2021.json'))).projection;
    const b = (await runDoc(spread('city-2021.json', [cut]))).projection;
    const ea = fundOf(a, 'employee');
    const eb = fundOf(b, 'employee');
    // 3996300000 × 312030534.20616 / 5330265738.336 = 233940986.26 with the 2021 count; the 2023 count scales it
    expect(CITY_CONTRIBUTIONS_2021.times(dueDrop).dividedBy(E2021).toDecimalPlaces(2).toString()).toBe('233940986.26');
    const drop = CITY_CONTRIBUTIONS_2021.times(dueDrop.dividedBy(IN_SERVICE).times(countIn(a, 2023, 'inService'))).dividedBy(E2021);
    expectNear(yearOf(ea, 2023).income.contributions!.minus(yearOf(eb, 2023).income.contributions!), drop);
    expect(s(yearOf(eb, 2023).income.interest)).toBe(s(yearOf(ea, 2023).income.interest));
    expect(s(yearOf(eb, 2023).expenditureTotal)).toBe(s(yearOf(ea, 2023).expenditureTotal));
    expect(s(yearOf(eb, 2022).cumulative)).toBe(s(yearOf(ea, 2022).cumulative));
    // 2024: the rate is back; contributions are equal, and interest is lower by the 2023 shortfall × the base year's own
    // interest rate, 4203 / (339506 − 89394) = 4203 / 250112 of the opening balance.
    const shortfall = yearOf(ea, 2023).cumulative.minus(yearOf(eb, 2023).cumulative);
    expect(s(shortfall)).toBe(s(yearOf(ea, 2023).income.contributions!.minus(yearOf(eb, 2023).income.contributions!)));
    expect(s(yearOf(eb, 2024).income.contributions)).toBe(s(yearOf(ea, 2024).income.contributions));
    expectNear(yearOf(ea, 2024).income.interest!.minus(yearOf(eb, 2024).income.interest!), shortfall.times(4203).dividedBy(250112));
    // the resident fund does not move
    for (const y of fundOf(a, 'resident').years) expect(s(yearOf(fundOf(b, 'resident'), y.year).cumulative)).toBe(s(y.cumulative));
  });

  it('the permanent cut of city-employer-rate-cut.json (from 2024-01) leaves 2023 alone and takes 12 months × 1% a year from 2024', async () => {
    const a = (await prepareDoc(spread('city-2021.json'))).input;
    const b = (await prepareDoc(spread('city-employer-rate-cut.json'))).input;
    expect(s(due(b, 2023).employer)).toBe(s(due(a, 2023).employer));
    // 12 × 1% × 10355.728753125 × 527296 = 655264121.832936
    expect(s(due(a, 2024).employer.minus(due(b, 2024).employer))).toBe('655264121.832936');
  });
});

describe("Xinjiang's 2020-02..06 employer-rate cut (xinjiang-2020.json)", () => {
  // 36.67万 employees: in service 366700 × 64% = 234688, retirees 366700 × 26% = 95342.
  // No floor or ceiling: the mean base is the average wage (deciles average exactly 1), 8000 assumed.
  // The cut: in service 9.8% → 4.9%, retirees 9% → 4.5%, for five months.
  const restore: OverrideSpec[] = [
    { param: 'employee.rate.employer', value: '9.8', from: '2020-02', until: '2020-06' },
    { param: 'employee.rate.employerForRetiree', value: '9', from: '2020-02', until: '2020-06' },
  ];

  it('lowers 2020 contributions due by exactly five months of the rate difference: 5 × 8000 × (4.9% × 234688 + 4.5% × 95342) = 631604080', async () => {
    const cutStack = (await prepareDoc(exampleDoc('xinjiang-2020.json'))).input;
    const noCut = (await prepareDoc(withOverrides('xinjiang-2020.json', restore))).input;
    const a = due(noCut, 2020);
    const b = due(cutStack, 2020);
    expect(s(a.employer.minus(b.employer))).toBe('631604080');
    expect(s(a.individual)).toBe(s(b.individual));
    // outside the cut the two stacks agree: 2021 is twelve standing months in both
    expect(s(due(noCut, 2021).employer)).toBe(s(due(cutStack, 2021).employer));
  });

  it('2021 contributions restore what the cut took: 336057万元 × 124.6392 / 97.174 at 2020 counts', async () => {
    // per employee of the 36.67万 and per 元 of wage, months × rates:
    //   full month: 64% × (9.8 + 2)% + 26% × 9% = 9.892%; cut month: 64% × (4.9 + 2)% + 26% × 4.5% = 5.586%
    //   2020: 7 × 9.892 + 5 × 5.586 = 97.174; 2021: 12 × 9.892 × 1.05 (wage growth) = 124.6392 at 2020 counts.
    // The population moves the 2021 counts: in service i = count 2021 ÷ 234688, retirees r = count 2021 ÷ 95342;
    //   2021: 12 × 1.05 × (64% × 11.8% × i + 26% × 9% × r) in the same units.
    const { projection: p } = await runExample('xinjiang-2020.json');
    const i = countIn(p, 2021, 'inService').dividedBy(234688);
    const r = countIn(p, 2021, 'retiree').dividedBy(95342);
    const per2021 = new D(12).times('1.05').times(new D('0.64').times('11.8').times(i).plus(new D('0.26').times(9).times(r)));
    expect(s(new D(12).times('1.05').times('9.892'))).toBe('124.6392');
    const y2021 = yearOf(fundOf(p, 'employee'), 2021);
    expectNear(y2021.income.contributions!, new D('3360570000').times(per2021).dividedBy('97.174'), '0.01');
    // retirees grow faster than members in service: the reform is not yet in force, the 1960s cohorts retire
    // (members in service grow too: younger cohorts participate more, src/population/participation.ts)
    expect(r.greaterThan(i) && r.greaterThan(1)).toBe(true);
  });

  it('the assumed wage level does not change the projection (no floor or ceiling), only its growth does', async () => {
    const a = (await runExample('xinjiang-2020.json')).projection;
    const other = exampleDoc('xinjiang-2020.json');
    other.assumptions = { avgMonthlyWage: '12345.67', wageGrowth: '5' };
    const b = (await runDoc(other)).projection;
    for (const y of fundOf(a, 'employee').years) expect(s(yearOf(fundOf(b, 'employee'), y.year).cumulative)).toBe(s(y.cumulative));
    other.assumptions = { avgMonthlyWage: '8000', wageGrowth: '3' };
    const c = (await runDoc(other)).projection;
    expect(yearOf(fundOf(c, 'employee'), 2021).incomeTotal.lessThan(yearOf(fundOf(a, 'employee'), 2021).incomeTotal)).toBe(true);
  });
});

describe('the individual standard 380 → 400 on the banner (banner-2023-im-standards.json → banner-individual-400.json)', () => {
  // Resident individual income, 2022: 2546.22万元 at 380 元 → 25462200 / 380 = 67005.789… effective payers
  // (more than the 65336 insured: the report's income is not standard × insured). Residents follow the population
  // model: r(t) = residents in 2022 + t ÷ 65336, so the line rises by 25462200 / 380 × r(t) × 20.
  // Medical aid pays 100% for 特困 (+20 each) and 45% for 低保 and 返贫致贫 (+9 each): (400 × 20 + 3300 × 9) × r(t)
  //   = 37700 × r(t); aid groups follow residents.
  it('raises resident individual income by payers × 20 and aid contributions by what aid pays of it, and nothing else', async () => {
    const a = (await runExample('banner-2023-im-standards.json')).projection;
    const b = (await runExample('banner-individual-400.json')).projection;
    for (let t = 1; t <= 13; t++) {
      const year = 2022 + t;
      const decline = countIn(a, year, 'resident').dividedBy(65336);
      const ra = yearOf(fundOf(a, 'resident'), year);
      const rb = yearOf(fundOf(b, 'resident'), year);
      expectNear(rb.income['contributions.individual']!.minus(ra.income['contributions.individual']!), new D(25462200).dividedBy(380).times(decline).times(20));
      for (const line of ['subsidy.central', 'subsidy.region', 'subsidy.city', 'subsidy.county', 'other'] as const) expect(s(rb.income[line])).toBe(s(ra.income[line]));
      expect(s(rb.expenditureTotal)).toBe(s(ra.expenditureTotal));
      const aa = yearOf(fundOf(a, 'aid'), year);
      const ab = yearOf(fundOf(b, 'aid'), year);
      expectNear(ab.expenditure['aid.contributions']!.minus(aa.expenditure['aid.contributions']!), decline.times(37700));
      expect(s(ab.expenditure['aid.medical'])).toBe(s(aa.expenditure['aid.medical']));
      // medical aid is financed as needed (以支定收): the budget pays the difference
      expect(s(ab.incomeTotal.minus(aa.incomeTotal))).toBe(s(ab.expenditureTotal.minus(aa.expenditureTotal)));
    }
    // 2023 exactly: aid pays 716300 × r at 380 and 754000 × r at 400 (400 × 380 + 3300 × 171, and 400 × 400 + 3300 × 180),
    // plus in both the 2022 contributions the report says were paid in 2023: 400 特困 × 380 元 = 152000
    const r2023 = countIn(a, 2023, 'resident').dividedBy(65336);
    expect(s(yearOf(fundOf(a, 'aid'), 2023).expenditure['aid.contributions'])).toBe(s(toFen(new D(716300).times(r2023)).plus(152000)));
    expect(s(yearOf(fundOf(b, 'aid'), 2023).expenditure['aid.contributions'])).toBe(s(toFen(new D(754000).times(r2023)).plus(152000)));
    // the base year is the report in both, and the employee funds never move
    expect(s(yearOf(fundOf(b, 'resident'), 2022).incomeTotal)).toBe(s(yearOf(fundOf(a, 'resident'), 2022).incomeTotal));
    for (const f of a.funds.filter((x) => x.id.startsWith('employee'))) {
      for (const y of f.years) expect(s(yearOf(fundOf(b, f.id), y.year).cumulative)).toBe(s(y.cumulative));
    }
  });

  it('is what the two example files differ by', () => {
    const a = exampleDoc('banner-2023-im-standards.json');
    const b = exampleDoc('banner-individual-400.json');
    const strip = (d: Record<string, unknown>) => ({ ...d, title: '', notes: '', overrides: (d.overrides as Override[]).map((o) => ({ ...o, value: '', note: '' })) });
    expect(strip(b)).toEqual(strip(a));
    expect((a.overrides as Override[])[0]!.value).toBe('380');
    expect((b.overrides as Override[])[0]!.value).toBe('400');
  });
});
