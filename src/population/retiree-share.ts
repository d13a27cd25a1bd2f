/**
 * Where a report does not split its employees into members in service and
 * retirees but gives its own age structure, the split the national
 * participation gives for that structure: employee and retiree participation
 * calibrated on the national bulletins' counts of the nearest year
 * (seeds/sources/national-bulletins.md), applied to the region's own people.
 * A young region then has fewer retirees per member in service than the
 * nation's 2.76-2.80, an old one more.
 */
import type { PolicyStack } from '../engine/index.ts';
import type { AgeStructure } from '../baseline/types.ts';
import { D } from '../common/money.ts';
import type { Assumptions, AssumptionsInput } from '../model/assumptions.ts';
import type { BaseYear } from '../model/base-year.ts';
import { projectInsured, type InsuredAssumptions } from './insured.ts';

/** 国家医保局统计公报: employees in service and retirees, persons. */
export const NATIONAL_SPLIT: Record<number, { inService: number; retiree: number; resident: number }> = {
  2019: { inService: 242_240_000, retiree: 87_000_000, resident: 1_024_000_000 },
  2021: { inService: 261_060_000, retiree: 93_240_000, resident: 1_008_660_000 },
  2022: { inService: 266_070_000, retiree: 96_360_000, resident: 983_490_000 },
};

export function nearestNationalYear(year: number): number {
  return Object.keys(NATIONAL_SPLIT).map(Number).reduce((best, y) => (Math.abs(y - year) < Math.abs(best - year) ? y : best));
}

/** Retirees as a percentage of all employees (in service, flexible and retired) in the base year. */
export function structureRetireeShare(args: { baseYear: number; employees: number; residents: number; structure: AgeStructure; retirement: PolicyStack; assumptions: InsuredAssumptions }): number {
  const y = nearestNationalYear(args.baseYear);
  const common = { until: args.baseYear + 1, retirement: args.retirement, assumptions: args.assumptions, retireeCostWeight: 1 };
  const nation = projectInsured({ ...common, baseYear: y, until: Math.max(y, args.baseYear) + 1, counts: { ...NATIONAL_SPLIT[y]!, flexible: 0 } });
  // One person in each status gives the region's unscaled shapes: participation = 1 ÷ the shape's total.
  const region = projectInsured({ ...common, baseYear: args.baseYear, counts: { inService: 1, flexible: 0, retiree: 1, resident: Math.max(args.residents, 1) }, structure: args.structure });
  const retirees = nation.participation.retirees / region.participation.retirees;
  const working = nation.participation.employees / region.participation.employees;
  return (100 * retirees) / (retirees + working);
}

/**
 * The scenario's retiree share, where neither the report nor the scenario
 * splits the employees and the baseline gives its own age structure: the
 * national split for that structure, to 0.01%.
 */
export function applyStructureShare(a: Assumptions, base: BaseYear, given: AssumptionsInput, retirement: PolicyStack): void {
  if (!base.ageStructure || !base.employees || base.counts.retiree || base.counts.inService) return;
  if (given.retireeShare !== undefined || given.counts?.retiree !== undefined || given.counts?.inService !== undefined) return;
  const share = structureRetireeShare({
    baseYear: base.year,
    employees: base.employees.toNumber(),
    residents: a.counts.resident?.toNumber() ?? 0,
    structure: base.ageStructure,
    retirement,
    assumptions: a.population,
  });
  a.retireeShare = new D(share.toFixed(2));
  a.retireeShareFromStructure = true;
}
