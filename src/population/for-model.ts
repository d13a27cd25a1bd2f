/**
 * The population as the fund model sees it: for each insured group, how its
 * count moves relative to the base year, and the mean cost by age of its
 * members. The model's counts are the base year's (reported or assumed)
 * times this index, so the base year reproduces the report exactly.
 */
import type { PolicyStack } from '../engine/index.ts';
import type { AgeStructure } from '../baseline/types.ts';
import type { Assumptions } from '../model/assumptions.ts';
import type { Group } from '../model/base-year.ts';
import { meanCost, projectInsured, statusTotal, STATUSES, type InsuredProjection, type InsuredYear, type Status } from './insured.ts';

export interface PopulationIndex {
  insured: InsuredProjection;
  retirementRule: string;
  /** Modelled count of the group in `year` ÷ in the base year (aid groups follow residents). */
  index(g: Group, year: number): number;
  /** Mean relative cost by age of the group's members in `year`. */
  cost(g: Group, year: number): number;
  year(y: number): InsuredYear;
}

const statusOf = (g: Group): Status => (STATUSES as readonly string[]).includes(g) ? (g as Status) : 'resident';

export function populationIndex(args: {
  baseYear: number;
  /** First year wanted (a baseline's earlier reported years, for calibration). */
  from?: number;
  until: number;
  start: Partial<Record<Group, { toNumber(): number }>>;
  assumptions: Assumptions;
  retirement: PolicyStack;
  /** The region's own age structure, where its baseline gives one. */
  structure?: AgeStructure;
}): PopulationIndex {
  const { start, assumptions: a } = args;
  const n = (g: Group) => start[g]?.toNumber() ?? 0;
  const insured = projectInsured({
    baseYear: args.baseYear,
    from: args.from,
    until: args.until,
    counts: { inService: n('inService'), flexible: n('flexible'), retiree: n('retiree'), resident: n('resident') },
    retirement: args.retirement,
    assumptions: a.population,
    retireeCostWeight: a.retireeCostWeight.toNumber(),
    structure: args.structure,
  });
  const year = (y: number) => insured.years[y - insured.firstYear]!;
  const totals = new Map<string, number>();
  const totalOf = (s: Status, y: number) => {
    const k = `${s}${y}`;
    let v = totals.get(k);
    if (v === undefined) totals.set(k, (v = statusTotal(year(y), s)));
    return v;
  };
  return {
    insured,
    retirementRule: a.population.retirementRule,
    index: (g, y) => {
      if (y === args.baseYear) return 1;
      const s = statusOf(g);
      const b = totalOf(s, args.baseYear);
      return b > 0 ? totalOf(s, y) / b : 1;
    },
    cost: (g, y) => {
      const k = `c${statusOf(g)}${y}`;
      let v = totals.get(k);
      if (v === undefined) totals.set(k, (v = meanCost(year(y), statusOf(g), insured.ageCostSlope)));
      return v;
    },
    year,
  };
}
