/**
 * The model's drivers: insured counts, wages and cost per insured person,
 * year by year. Each is a plain function of the assumptions.
 */
import { D, type Dec } from '../common/money.ts';
import type { SeriesData } from '../engine/resolve.ts';
import type { Assumptions } from './assumptions.ts';
import type { BaseYear, Group } from './base-year.ts';
import type { PopulationIndex } from '../population/for-model.ts';

/** (1 + rate%)^years, exact. */
export function growthFactor(ratePercent: Dec, years: number): Dec {
  return new D(1).plus(ratePercent.dividedBy(100)).pow(years);
}

export type Counts = Partial<Record<Group, Dec>>;

/**
 * Insured counts in `year`: the base year's, moved by the population (each
 * group's modelled count relative to the base year, src/population) and by
 * the scenario's participation trend. Where the report gives only all
 * employees, the scenario's retiree and flexible shares split them. Without
 * a population, counts move by the trend alone.
 */
export function countsIn(a: Assumptions, base: BaseYear, year: number, employeesTotal: Dec | undefined, population?: PopulationIndex): Counts {
  const t = year - base.year;
  const start: Counts = { ...a.counts };
  if (employeesTotal && start.inService === undefined && start.retiree === undefined) {
    start.retiree = employeesTotal.times(a.retireeShare).dividedBy(100);
    start.flexible ??= employeesTotal.times(a.flexibleShare).dividedBy(100);
    start.inService = employeesTotal.minus(start.retiree).minus(start.flexible);
  }
  const out: Counts = {};
  for (const [g, n] of Object.entries(start) as [Group, Dec][]) {
    const moved = n.times(growthFactor(a.growth[g], t));
    out[g] = population && t !== 0 ? moved.times(population.index(g, year)) : moved;
  }
  return out;
}

/**
 * The average monthly wage of every year the rules may ask for: known years
 * (the scenario's wage history) as they are, the base year's as assumed, and
 * the rest grown from the base year, or discounted back from it where no
 * history is known.
 */
export function wageSeries(a: Assumptions, base: BaseYear, until: number): SeriesData {
  const out: Record<string, string> = {};
  for (const [y, w] of Object.entries(a.wageHistory)) out[y] = w.toString();
  const start = a.avgMonthlyWage;
  if (start) {
    for (let y = base.year - 5; y <= until; y++) {
      if (y < base.year && out[String(y)] !== undefined) continue;
      // Years before the base year at the reported years' trend (the scenario's, where a path draws another).
      const rate = y < base.year && a.reportedYears ? a.reportedYears.wageGrowth : a.wageGrowth;
      out[String(y)] = start.times(growthFactor(rate, y - base.year)).toString();
    }
  }
  return Object.keys(out).length ? { avgMonthlyWage: out } : {};
}

/** Cost per insured person relative to the base year: price growth times use growth. */
export function costIndex(a: Assumptions, t: number): Dec {
  return growthFactor(a.costGrowth, t).times(growthFactor(a.utilizationGrowth, t));
}
