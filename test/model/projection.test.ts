import { describe, expect, it } from 'vitest';
import { D } from '../../src/common/money.ts';
import { resolveAssumptions, type AssumptionsInput } from '../../src/model/assumptions.ts';
import { project } from '../../src/model/project.ts';
import type { Override } from '../../src/engine/resolve.ts';
import { stackOf } from '../helpers.ts';
import { bannerBase, wan } from './fixtures.ts';

function run(opts: { rules?: string; assumptions?: AssumptionsInput; overrides?: Override[]; until?: number } = {}) {
  const base = bannerBase();
  return project({
    base,
    stack: stackOf(opts.rules ?? 'banner/resident-2022'),
    assumptions: resolveAssumptions(opts.assumptions ?? { regionTier: 3 }, base, 'test'),
    overrides: opts.overrides ?? [],
    until: opts.until ?? 2035,
  });
}
const fund = (p: ReturnType<typeof run>, id: string) => p.funds.find((f) => f.id === id)!;
const s = (v: { toString(): string } | undefined) => v?.toString();

describe('the base year equals the report', () => {
  it('reproduces the banner 2022 amounts exactly', () => {
    const p = run();
    const emp = fund(p, 'employee').years[0]!;
    expect(s(emp.incomeTotal)).toBe(s(wan('43370.17')));
    expect(s(emp.expenditureTotal)).toBe(s(wan('9396.57')));
    expect(s(emp.cumulative)).toBe(s(wan('158510.4')));
    // 43370.17 - 9396.57 = 33973.60 万元, the stated current balance; balance rate 78.33%
    expect(s(emp.currentBalance)).toBe(s(wan('33973.6')));
    expect(emp.balanceRate!.toDecimalPlaces(2).toString()).toBe('78.33');
    // the sub-funds sum to 43369.27, the report's total to 43370.17: the 0.9 万元 stays visible
    expect(s(emp.income.other)).toBe(s(wan('0.9')));
    const res = fund(p, 'resident').years[0]!;
    expect(s(res.incomeTotal)).toBe(s(wan('6692.82')));
    expect(s(res.cumulative)).toBe(s(wan('6909.85')));
  });
});

describe('accounting identities hold to the fen every year', () => {
  it('income − expenditure = current balance; last cumulative + current = cumulative; lines sum to totals', () => {
    const p = run({ until: 2060 });
    for (const f of p.funds) {
      let prev: (typeof f.years)[number] | undefined;
      for (const y of f.years) {
        const inc = Object.values(y.income).reduce((a, b) => a.plus(b!), new D(0));
        const exp = Object.values(y.expenditure).reduce((a, b) => a.plus(b!), new D(0));
        expect(s(inc)).toBe(s(y.incomeTotal));
        expect(s(exp)).toBe(s(y.expenditureTotal));
        expect(s(y.incomeTotal.minus(y.expenditureTotal))).toBe(s(y.currentBalance));
        if (prev) expect(s(prev.cumulative.plus(y.currentBalance))).toBe(s(y.cumulative));
        for (const v of [...Object.values(y.income), ...Object.values(y.expenditure)]) expect(v!.decimalPlaces()).toBeLessThanOrEqual(2);
        prev = y;
      }
    }
  });
});

describe('levers move what they should and nothing else', () => {
  it('raising the individual standard from 380 to 400 adds payers × 20 to resident income and the aid bill', () => {
    // 2024 under the banner stack: no banner rule, so the standard is the national minimum 400 (2024).
    // Compare 2023 (standard 380 from the region's notice) with an override of 400 from 2023-01.
    const counts = { tekun: '500', dibao: '1000', fanpin: '200' };
    const before = run({ assumptions: { regionTier: 3, counts } });
    const after = run({ assumptions: { regionTier: 3, counts }, overrides: [{ param: 'resident.individual.standard', value: '400', from: '2023-01', file: 't', path: '/o' }] });
    const y = 1; // 2023
    const r0 = fund(before, 'resident').years[y]!;
    const r1 = fund(after, 'resident').years[y]!;
    // effective payers in 2022 = 25462200 元 / 380 = 67005.789…; the same in 2023 (no population model here, and
    // no participation trend: the report's one-year fall of 1.88% is not compounded)
    const payers = wan('2546.22').dividedBy(380);
    const expected = payers.times(20).toDecimalPlaces(2);
    const delta = r1.income['contributions.individual']!.minus(r0.income['contributions.individual']!);
    expect(delta.minus(expected).abs().lessThanOrEqualTo('0.01')).toBe(true);
    // nothing else in the resident fund moves
    expect(s(r1.expenditureTotal)).toBe(s(r0.expenditureTotal));
    expect(s(r1.income['subsidy.central'])).toBe(s(r0.income['subsidy.central']));
    // medical aid pays 100% for 特困 (+20 each) and 45% for 低保/返贫 (+9 each): 500×20 + 1200×9 = 20800 元 (counts grow 0%)
    const a0 = fund(before, 'aid').years[y]!;
    const a1 = fund(after, 'aid').years[y]!;
    expect(s(a1.expenditure['aid.contributions']!.minus(a0.expenditure['aid.contributions']!))).toBe('20800');
    // the employee fund is untouched
    expect(s(fund(after, 'employee').years[y]!.cumulative)).toBe(s(fund(before, 'employee').years[y]!.cumulative));
  });

  it('a collection rate of 80% collects 80% of what the base year would from 2023 on, and the base year stays as reported', () => {
    const full = run();
    const low = run({ assumptions: { regionTier: 3, collectionRate: '80' } });
    const r100 = fund(full, 'resident').years;
    const r80 = fund(low, 'resident').years;
    expect(s(r80[0]!.incomeTotal)).toBe(s(r100[0]!.incomeTotal));
    // individual contributions 2023: 80% of the full-collection amount, to the fen
    const expected = r100[1]!.income['contributions.individual']!.times('0.8');
    expect(r80[1]!.income['contributions.individual']!.minus(expected).abs().lessThanOrEqualTo('0.01')).toBe(true);
    // benefits do not depend on collection
    expect(s(r80[1]!.expenditureTotal)).toBe(s(r100[1]!.expenditureTotal));
  });

  it('the projection runs to 2060 and reports exhaustion where expenditure outgrows income', () => {
    const p = run({ until: 2060, assumptions: { regionTier: 3, costGrowth: '12' } });
    const res = fund(p, 'resident');
    expect(res.years.at(-1)!.year).toBe(2060);
    expect(res.firstDeficitYear).toBeDefined();
    expect(res.exhaustionYear!).toBeGreaterThan(res.firstDeficitYear!);
  });
});
