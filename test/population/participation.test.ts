/**
 * Employee participation by birth cohort (src/population/participation.ts),
 * checked against the national bulletins (seeds/sources/national-bulletins.md):
 * calibrated on 2019 (242.24 million in service, 87.00 million retirees,
 * 2.78 per retiree), the model meets the reported ratio of 2021 (2.80) and
 * 2022 (2.76) within 0.05; participation uniform by cohort misses them by
 * more than 0.2, because it lets the large 1960s cohorts retire in full.
 */
import { describe, expect, it } from 'vitest';
import { projectInsured, statusTotal } from '../../src/population/insured.ts';
import { cohortParticipation } from '../../src/population/participation.ts';
import { stackOf } from '../helpers.ts';

describe('participation by birth cohort', () => {
  it('is the urban share of the year the cohort turned 25, relative to 2020’s 63.89%', () => {
    // born at the start of 1960, 25 at the start of 1985: halfway from 1980's 19.39% to 1990's 26.41% = 22.90%
    expect(cohortParticipation(1960)).toBeCloseTo(22.9 / 63.89, 12);
    // before 1978 the 1978 share, 17.92%; from 2020 on, 63.89%
    expect(cohortParticipation(1940)).toBeCloseTo(17.92 / 63.89, 12);
    expect(cohortParticipation(1995)).toBe(1);
    expect(cohortParticipation(2010)).toBe(1);
    expect(cohortParticipation(1960.5, false)).toBe(1);
  });

  describe('backtest on the national bulletins, 2019 → 2022', () => {
    const run = (participation: 'cohort' | 'uniform') => {
      const p = projectInsured({
        baseYear: 2019,
        until: 2022,
        // 2019 公报: 在职 24224万人, 退休 8700万人; residents 10.24亿人 (102510万 快报)
        counts: { inService: 242_240_000, flexible: 0, retiree: 87_000_000, resident: 1_025_100_000 },
        retirement: stackOf('national/retirement-age'),
        assumptions: { population: { variant: 'medium', mortalityPercent: 100, migrationPercent: 100 }, womenFormer50Percent: 50, coveragePercent: 95, participation },
        retireeCostWeight: 3,
      });
      const ratio = (y: number) => statusTotal(p.years[y - 2019]!, 'inService') / statusTotal(p.years[y - 2019]!, 'retiree');
      const employees = (y: number) => statusTotal(p.years[y - 2019]!, 'inService') + statusTotal(p.years[y - 2019]!, 'retiree');
      return { ratio, employees };
    };
    const cohort = run('cohort');
    const uniform = run('uniform');

    it('reproduces the base year: 24224 ÷ 8700 = 2.784', () => {
      expect(cohort.ratio(2019)).toBeCloseTo(24224 / 8700, 9);
    });

    it('meets the reported ratios of 2021 (26106 ÷ 9324 = 2.80) and 2022 (26607 ÷ 9636 = 2.76) within 0.05', () => {
      expect(Math.abs(cohort.ratio(2021) - 26106 / 9324)).toBeLessThan(0.05);
      expect(Math.abs(cohort.ratio(2022) - 26607 / 9636)).toBeLessThan(0.05);
      // uniform participation: the ratio falls to about 2.42 by 2022
      expect(26607 / 9636 - uniform.ratio(2022)).toBeGreaterThan(0.2);
    });

    it('grows employee membership as younger cohorts replace older ones (reported 32924 → 36243万 by 2022)', () => {
      // the cohorts explain about half of the reported growth; the rest is a rising participation (the scenario's growth)
      expect(cohort.employees(2022)).toBeGreaterThan(cohort.employees(2019) * 1.04);
      expect(cohort.employees(2022)).toBeLessThan(362_430_000);
      expect(uniform.employees(2022)).toBeLessThan(cohort.employees(2022));
    });
  });
});
