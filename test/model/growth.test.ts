/**
 * Growth indices are multiplied out year by year, never taken from Math.pow:
 * IEEE-754 products and quotients round alike in every engine, Math.pow's last
 * bit is each engine's own. The drivers of a path (one product a year) hold
 * the same numbers as growthIndex for each year on its own.
 */
import { describe, expect, it } from 'vitest';
import { growthIndex } from '../../src/model/growth.ts';
import { pathAssumptions, policyYears, startCounts, yearDrivers } from '../../src/model/driver-table.ts';
import { preparedExample } from './kernel-helpers.ts';

describe('growthIndex', () => {
  it('is the product of the yearly factors, and their quotient before the base year', () => {
    // 1.05 × 1.05 × 1.05 = 1.157625 (float64 of the three products in turn)
    expect(growthIndex(5, 3)).toBe(1 * 1.05 * 1.05 * 1.05);
    expect(growthIndex(5, 0)).toBe(1);
    // two years before: 1 ÷ 1.05 ÷ 1.05
    expect(growthIndex(5, -2)).toBe(1 / 1.05 / 1.05);
    // a rate per projected year: 1.02 × 1.03, then the flat rate for the third year
    expect(growthIndex(4, 3, [2, 3])).toBe(1 * 1.02 * 1.03 * 1.04);
  });

  it('gives the same number for a flat rate and the same rate stated for every year', () => {
    for (const r of [-3.7, 0, 0.1, 2.95, 7.25]) for (let t = 1; t <= 40; t++) expect(growthIndex(r, t, Array(t).fill(r))).toBe(growthIndex(r, t));
  });

  it('fills the drivers of a path with the index of each year on its own', async () => {
    const input = await preparedExample('banner-2022.json', 2052);
    const policy = policyYears(input);
    const p = { ...pathAssumptions(input.assumptions), wageGrowth: 5.137, costGrowth: 8.61, utilizationGrowth: 1.29 };
    const start = startCounts(input.assumptions, input.base.employees);
    const drivers = yearDrivers(input, policy, p, start, undefined);
    const reported = p.reported ?? p;
    for (const d of drivers) {
      // the reported years at the scenario's own trend for them, the projected ones at the path's
      expect(d.wageIndex).toBe(growthIndex(d.t <= 0 ? reported.wageGrowth : p.wageGrowth, d.t));
      expect(d.cost).toBe(growthIndex(d.t <= 0 ? reported.costGrowth : p.costGrowth, d.t) * growthIndex(d.t <= 0 ? reported.utilizationGrowth : p.utilizationGrowth, d.t));
    }
    expect(drivers.at(-1)!.t).toBe(30);
  });
});
