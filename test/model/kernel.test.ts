/**
 * The kernel against the exact record on every shipped scenario: every line,
 * total and balance of every fund and year, to the fen.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/common/money.ts';
import { compileKernel, resultOfProjection, roundFen, roundProduct, shockedAssumptions, type KernelResult } from '../../src/model/kernel.ts';
import { project } from '../../src/model/project.ts';
import { compiledPolicy, pathAssumptions, policyYears, startCounts, yearDrivers } from '../../src/model/driver-table.ts';
import { differences, preparedExample } from './kernel-helpers.ts';

const names = readdirSync('seeds/scenarios').filter((f) => f.endsWith('.json')).sort();

describe('kernel', () => {
  it.each(names)('agrees with the exact record to the fen: %s to 2052', async (name) => {
    const input = await preparedExample(name);
    const k = compileKernel(input).run();
    const e = resultOfProjection(project(input));
    expect(differences(k, e)).toEqual([]);
    // A real projection: every year from the base year to 2052, income in the years after the base year.
    expect(k.funds![0]!.income.length).toBe(2052 - input.base.year + 1);
    expect(k.funds!.some((f) => f.income[1]! > 0)).toBe(true);
  });

  it('applies shocks as the scenario with those assumptions would', async () => {
    const input = await preparedExample('banner-2022.json', 2040);
    const kernel = compileKernel(input);
    const shocks = { wageGrowth: 3, costGrowth: 6.5, collectionRate: 95, interestRate: 1.5, population: { variant: 'low' as const, mortalityPercent: 90 } };
    const shocked = kernel.run(shocks);
    const exact = project({ ...input, assumptions: { ...input.assumptions, wageGrowth: new D('3'), costGrowth: new D('6.5'), collectionRate: new D('95'), interestRate: new D('1.5'), population: { ...input.assumptions.population, population: { ...input.assumptions.population.population, variant: 'low', mortalityPercent: 90 } } } });
    expect(differences(shocked, resultOfProjection(exact))).toEqual([]);
    expect(shockedAssumptions(input.assumptions, shocks).costGrowth.toString()).toBe('6.5');
    // Higher cost growth and lower collection leave less: the resident fund's 2040 balance falls.
    const base = kernel.run();
    const resident = (r: KernelResult) => r.funds!.find((f) => f.id === 'resident')!.cumulative.at(-1)!;
    expect(resident(shocked)).toBeLessThan(resident(base));
  });

  it("keeps the reported years at the scenario's trends when a path's draws act from the year after the base year", async () => {
    // The banner reports 2020, 2021 and 2022 (the base year): calibration reads all three.
    const input = await preparedExample('banner-2022.json', 2040);
    const shocks = { wageGrowth: 3, costGrowth: 6.5, utilizationGrowth: 2, collectionRate: 95, growth: { resident: -1.5 }, projectedYearsOnly: true };
    const own = project(input);
    const drawn = project({ ...input, assumptions: shockedAssumptions(input.assumptions, shocks) });
    const everywhere = project({ ...input, assumptions: shockedAssumptions(input.assumptions, { ...shocks, projectedYearsOnly: false }) });
    const levels = (p: typeof own) => JSON.stringify(p.calibration.lines.map((l) => [l.fund, l.side, l.line, l.levels.map((x) => [x.year, x.level.toString()])]));
    // The scenario's calibration, level by level; trends reaching back into 2020-2021 would move the levels read there.
    expect(levels(drawn)).toBe(levels(own));
    expect(levels(everywhere)).not.toBe(levels(own));
    // From the year after the base year the draws act: 2040 differs from the scenario's.
    const resident = (p: typeof own) => p.funds.find((f) => f.id === 'resident')!.years.at(-1)!.cumulative.toString();
    expect(resident(drawn)).not.toBe(resident(own));
    // And the kernel (reported years' calibration cached with the scenario's) agrees with the exact record.
    expect(differences(compileKernel(input).run(shocks), resultOfProjection(drawn))).toEqual([]);
  });

  it('keeps the policy a moving lever is derived from, however many values the lever passes through', async () => {
    // A drag derives each value's policy from the scenario's own; 70 values are more than the 64 policies kept.
    const input = await preparedExample('banner-2022.json', 2040);
    const own = policyYears(input);
    for (let v = 0; v < 70; v++) {
      const derived = policyYears({ ...input, overrides: [...input.overrides, { param: 'resident.individual.standard', value: String(400 + v), from: '2026-01', file: 'test', path: '/overrides/90' }] });
      expect(derived).not.toBe(own);
    }
    // Still the same object: never compiled anew on the way (the oldest-first rule dropped it after 64 values).
    expect(policyYears(input)).toBe(own);
  });

  it('derives the policy of one more literal override from the policy without it, as compiling it in full would', async () => {
    const input = await preparedExample('banner-2022.json', 2040);
    const city = await preparedExample('city-2021.json', 2040);
    const cases: [typeof input, { param: string; value: string; from?: string; until?: string }[]][] = [
      [input, [{ param: 'resident.individual.standard', value: '455', from: '2026-01' }]],
      [input, [{ param: 'resident.individual.standard', value: '455', from: '2026-01' }, { param: 'resident.subsidy.standard', value: '777', from: '2027-07', until: '2031-03' }]],
      [input, [{ param: 'resident.inpatient.reimbursementRatio', value: '61.5', from: '2025-04' }]],
      [city, [{ param: 'employee.rate.employer', value: '5.3', from: '2024-03', until: '2026-11' }]],
      [city, [{ param: 'employee.account.shareOfEmployer', value: '30', from: '2023-01' }]],
    ];
    for (const [base, extra] of cases) {
      const withExtra = { ...base, overrides: [...base.overrides, ...extra.map((o, i) => ({ ...o, file: 'test', path: `/overrides/${90 + i}` }))] };
      const derived = policyYears(withExtra);
      const full = compiledPolicy(withExtra);
      expect(derived).not.toBe(full);
      const p = pathAssumptions(withExtra.assumptions);
      const start = startCounts(withExtra.assumptions, withExtra.base.employees);
      expect(yearDrivers(withExtra, derived, p, start, undefined)).toEqual(yearDrivers(withExtra, full, p, start, undefined));
      expect(derived.residentAsRuled).toEqual(full.residentAsRuled);
      expect([derived.thresholds, derived.pooledPercent, [...derived.methods]]).toEqual([full.thresholds, full.pooledPercent, [...full.methods]]);
      // and the projection of the scenario moves: the override acts
      expect(yearDrivers(withExtra, derived, p, start, undefined), JSON.stringify(extra)).not.toEqual(yearDrivers(base, policyYears(base), p, start, undefined));
    }
  });

  it('rounds half a fen up, away from zero, and hands a value within reach of a half fen to the exact record', () => {
    expect(roundFen(1234.4)).toBe(1234);
    expect(roundFen(1234.6)).toBe(1235);
    expect(roundFen(-1234.6)).toBe(-1235);
    expect(roundFen(1234.5)).toBeNaN();
    // 0.1 fen × 3 is 0.30000000000000004 in float64: far from a half, rounds to 0.
    expect(roundFen(0.1 * 3)).toBe(0);
    // 2^51 fen and beyond: float64 cannot tell the fen apart safely.
    expect(roundFen(2 ** 51 + 0.25)).toBeNaN();
  });

  it('rounds a product as the exact record does, float64 rounding of the product removed', () => {
    // 3 × 0.5 = 1.5 fen: a tie, handed over; 2^-60 below it is still within reach of the index's decimal.
    expect(roundProduct(3, 0.5, 1.5e-16)).toBeNaN();
    // 1e14 × 1.000000000000005 = 100000000000000.5 in decimal, but float64 holds the index as
    // 1.00000000000000510702591327572… (its shortest decimal 1.000000000000005): 0.0107 fen from the tie, within reach, handed over.
    expect(roundProduct(1e14, 1.000000000000005, 1.5e-16)).toBeNaN();
    // 123456789012 fen × 1.05 = 129629628462.6 fen: rounds to ...463, and negative to -...463.
    expect(roundProduct(123456789012, 1.05, 1.5e-16)).toBe(129629628463);
    expect(roundProduct(-123456789012, 1.05, 1.5e-16)).toBe(-129629628463);
    // Against decimal.js on 20,000 products of integer fen up to 10^15 and indices of 0.5-2: every decided one equal.
    let decided = 0;
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let k = 0; k < 20_000; k++) {
      const fen = Math.floor(next() * 10 ** (6 + Math.floor(next() * 10)));
      const index = 0.5 + next() * 1.5;
      const got = roundProduct(fen, index, 1.5e-16);
      if (Number.isNaN(got)) continue;
      decided++;
      expect(got, `${fen} × ${index}`).toBe(new D(fen).times(index).toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber());
    }
    expect(decided).toBeGreaterThan(19_000);
    // Products built to fall within a few float64 steps of a half fen, where the float64 product alone cannot decide
    // and its rounding error must be removed: every decided one equal to decimal.js, and most decided.
    let near = 0;
    for (let k = 0; k < 20_000; k++) {
      const fen = Math.floor(next() * 10 ** (8 + Math.floor(next() * 7)));
      let index = (Math.floor(fen * (0.5 + next())) + 0.5) / fen;
      for (let step = Math.floor(next() * 7) - 3; step !== 0; step += step > 0 ? -1 : 1) index = step > 0 ? nextUp(index) : nextDown(index);
      const got = roundProduct(fen, index, 1.5e-16);
      if (Number.isNaN(got)) continue;
      near++;
      expect(got, `${fen} × ${index}`).toBe(new D(fen).times(index).toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber());
    }
    expect(near).toBeGreaterThan(5_000);
  });
});

/** The next float64 above a positive x, and below it. */
function nextUp(x: number): number {
  const b = new Float64Array([x]);
  const i = new BigInt64Array(b.buffer);
  i[0]! += 1n;
  return b[0]!;
}
function nextDown(x: number): number {
  const b = new Float64Array([x]);
  const i = new BigInt64Array(b.buffer);
  i[0]! -= 1n;
  return b[0]!;
}
