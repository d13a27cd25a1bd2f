/**
 * compareProjections: B − A fund by fund and year by year. A scenario
 * against itself differs by nothing; the 380 → 400 reform differs by the
 * hand-computed change and nowhere else.
 */
import { describe, expect, it } from 'vitest';
import { D, ZERO, toFen } from '../../src/common/money.ts';
import { compareProjections, type FundYearDiff } from '../../src/report/compare.ts';
import { exampleFiles, expectNear, runExample, s } from './helpers.ts';

describe('a scenario compared with itself', () => {
  it('differs by zero in every fund and year, for every example', async () => {
    for (const f of exampleFiles()) {
      const a = (await runExample(f)).projection;
      const b = (await runExample(f)).projection;
      const diff = compareProjections(a, b);
      const rows = a.funds.reduce((n, x) => n + x.years.length, 0);
      expect(diff, f).toHaveLength(rows);
      for (const d of diff) {
        for (const v of [d.income, d.expenditure, d.currentBalance, d.cumulative]) expect(v.isZero(), `${f} ${d.fund} ${d.year}`).toBe(true);
        if (d.monthsPayable) expect(d.monthsPayable.isZero()).toBe(true);
      }
      // and with the very same projection object
      expect(compareProjections(a, a).every((d) => d.income.isZero() && d.cumulative.isZero())).toBe(true);
    }
  }, 60_000);
});

describe('the 380 → 400 reform (banner-individual-400.json − banner-2023-im-standards.json)', async () => {
  const a = (await runExample('banner-2023-im-standards.json')).projection;
  const b = (await runExample('banner-individual-400.json')).projection;
  const diff = compareProjections(a, b);
  const row = (fund: string, year: number): FundYearDiff => diff.find((d) => d.fund === fund && d.year === year)!;

  // Residents follow the population model: r(t) = residents in year t ÷ the base year's 65336 (seed 000).
  const r = (year: number) => a.counts.find((c) => c.year === year)!.counts.resident!.dividedBy(65336);

  it('raises resident income by 25462200 / 380 × r(t) × 20 a year and changes nothing else in the fund', () => {
    // 2023 exactly: toFen(25462200 × r × 400 / 380) − toFen(25462200 × r), both lines rounded on their own
    expect(s(row('resident', 2023).income)).toBe(s(toFen(new D(25462200).times(r(2023)).times(400).dividedBy(380)).minus(toFen(new D(25462200).times(r(2023))))));
    // residents fall with the banner's modelled population (and younger cohorts joining the employee scheme), from 65336:
    // fewer in 2035, but not the halving of −1.88% a year
    expect(r(2035).lessThan(1) && r(2035).greaterThan('0.75')).toBe(true);
    let cumulative = ZERO;
    let expectedTotal = ZERO;
    for (let year = 2022; year <= 2035; year++) {
      const d = row('resident', year);
      const expected = year === 2022 ? ZERO : new D(25462200).dividedBy(380).times(r(year)).times(20);
      expectNear(d.income, expected);
      expect(d.expenditure.isZero()).toBe(true);
      expect(s(d.currentBalance)).toBe(s(d.income));
      cumulative = cumulative.plus(d.income);
      expectedTotal = expectedTotal.plus(expected);
      expect(s(d.cumulative)).toBe(s(cumulative));
    }
    // thirteen years of it; each year's line is rounded to the fen on its own: at most 13 fen apart
    expectNear(row('resident', 2035).cumulative, expectedTotal, '0.13');
  });

  it('costs medical aid (400 × 20 + 3300 × 9) × r(t) a year (aid groups follow residents), which the budget pays as needed (以支定收)', () => {
    expect(s(row('aid', 2023).expenditure)).toBe(s(toFen(new D(37700).times(r(2023)))));
    for (let year = 2023; year <= 2035; year++) {
      const d = row('aid', year);
      expectNear(d.expenditure, new D(37700).times(r(year)));
      // the fiscal requirement rises by exactly what aid spends more; its balance does not move
      expect(s(d.income)).toBe(s(d.expenditure));
      expect(d.currentBalance.isZero() && d.cumulative.isZero()).toBe(true);
    }
  });

  it('leaves the employee funds and the base year alone', () => {
    for (const d of diff) {
      if (d.fund.startsWith('employee') || d.year === 2022) {
        expect(d.income.isZero() && d.expenditure.isZero() && d.cumulative.isZero(), `${d.fund} ${d.year}`).toBe(true);
      }
    }
  });

  it('is antisymmetric: A − B is −(B − A)', () => {
    const back = compareProjections(b, a);
    expect(back).toHaveLength(diff.length);
    back.forEach((d, i) => {
      expect(s(d.cumulative.negated())).toBe(s(diff[i]!.cumulative));
      expect(s(d.income.negated())).toBe(s(diff[i]!.income));
    });
  });
});

describe('months payable where a fund is exhausted on one side (banner-individual-400.json − banner-2022.json)', async () => {
  const a = (await runExample('banner-2022.json')).projection;
  const b = (await runExample('banner-individual-400.json')).projection;
  const diff = compareProjections(a, b);

  it('has no difference of months payable where either side is exhausted, and the plain difference elsewhere', () => {
    const cumulativeOf = (p: typeof a, fund: string, year: number) => p.funds.find((f) => f.id === fund)!.years.find((y) => y.year === year)!;
    let oneSided = 0;
    for (const d of diff) {
      const ya = cumulativeOf(a, d.fund, d.year);
      const yb = cumulativeOf(b, d.fund, d.year);
      const exhausted = ya.cumulative.isNegative() || yb.cumulative.isNegative();
      if (ya.cumulative.isNegative() !== yb.cumulative.isNegative()) oneSided++;
      if (exhausted || !ya.monthsPayable || !yb.monthsPayable) expect(d.monthsPayable, `${d.fund} ${d.year}`).toBeUndefined();
      else expect(s(d.monthsPayable!), `${d.fund} ${d.year}`).toBe(s(yb.monthsPayable.minus(ya.monthsPayable)));
    }
    // the 400 flat standard runs the resident fund out in other years than the default's rising one: some years
    // have one side exhausted and not the other (the case a difference of negative months misled)
    expect(oneSided).toBeGreaterThan(0);
  });
});
