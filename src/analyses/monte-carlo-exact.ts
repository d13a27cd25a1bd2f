/**
 * A `PathRunner` over the exact (decimal) projection: the path's draws replace
 * the scenario's assumptions and the scenario is projected as usual. Slow
 * (one full projection a path) but the exact record itself: the reference the
 * kernel's paths are checked against (test/analyses/monte-carlo.test.ts).
 * Yearly noise needs a rate per year, which the exact projection does not
 * take: such a path is refused.
 */
import { D, type Dec } from '../common/money.ts';
import { GROUPS, type Group } from '../model/base-year.ts';
import { project, type Projection, type ProjectionInput } from '../model/project.ts';
import { reportedTrends } from '../model/assumptions.ts';
import type { PathFund, PathResult, PathRunner, PathShocks } from './monte-carlo.ts';
import { serviceTrends, shiftedServices } from './monte-carlo-kernel.ts';

export const YEARLY_NOISE_UNSUPPORTED = {
  zh: '精确测算不接受逐年的增长率：请每条路径抽样一次（per: "path"）',
  en: 'the exact projection takes no yearly rates: draw once per path (per: "path")',
};

export function exactPathRunner(input: ProjectionInput): PathRunner {
  return (shocks) => {
    if (Object.values(shocks).some(Array.isArray)) return { ok: false, reason: YEARLY_NOISE_UNSUPPORTED };
    try {
      return pathOf(project(withShocks(input, shocks)));
    } catch (err) {
      const m = (err as Error).message;
      return { ok: false, reason: { zh: `测算失败：${m}`, en: `the projection failed: ${m}` } };
    }
  };
}

/** The scenario's inputs with a path's draws in place of its assumptions. */
export function withShocks(input: ProjectionInput, s: PathShocks): ProjectionInput {
  // Draws act from the year after the base year: the reported years keep the scenario's trends (as on the kernel).
  const a = { ...input.assumptions, reportedYears: reportedTrends(input.assumptions) };
  const dec = (v: number | number[] | undefined): Dec | undefined => (typeof v === 'number' ? new D(v) : undefined);
  a.wageGrowth = dec(s.wageGrowth) ?? a.wageGrowth;
  a.costGrowth = dec(s.costGrowth) ?? a.costGrowth;
  a.utilizationGrowth = dec(s.utilizationGrowth) ?? a.utilizationGrowth;
  a.collectionRate = dec(s.collectionRate) ?? a.collectionRate;
  a.interestRate = dec(s.interestRate) ?? a.interestRate;
  const byService = typeof s.costGrowth === 'number' ? shiftedServices(s.costGrowth, serviceTrends(input)) : undefined;
  if (byService) a.costGrowthByService = Object.fromEntries(Object.entries(byService).map(([k, v]) => [k, new D(v)]));
  const shift = dec(s.growth);
  if (shift) a.growth = Object.fromEntries(GROUPS.map((g) => [g, a.growth[g].plus(shift)])) as Record<Group, Dec>;
  if (s.population) a.population = { ...a.population, population: { ...a.population.population, ...s.population } };
  return { ...input, assumptions: a };
}

/** A projection as a path's numbers: amounts in integer fen, months payable NaN where undefined. */
export function pathOf(p: Projection): PathResult {
  const funds: PathFund[] = p.funds.map((f) => {
    const n = f.years.length;
    const out: PathFund = { id: f.id, income: new Float64Array(n), expenditure: new Float64Array(n), cumulative: new Float64Array(n), monthsPayable: new Float64Array(n), firstDeficitYear: f.firstDeficitYear ?? 0, exhaustionYear: f.exhaustionYear ?? 0 };
    f.years.forEach((y, i) => {
      out.income[i] = y.incomeTotal.times(100).toNumber();
      out.expenditure[i] = y.expenditureTotal.times(100).toNumber();
      out.cumulative[i] = y.cumulative.times(100).toNumber();
      out.monthsPayable[i] = y.monthsPayable === undefined ? NaN : y.monthsPayable.toNumber();
    });
    return out;
  });
  return { ok: true, funds };
}
