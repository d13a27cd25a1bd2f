/**
 * The `PathRunner` Monte Carlo uses: the kernel (src/model/kernel.ts), compiled
 * once per scenario, run once per path with the path's draws as plain numbers.
 */
import { compileKernel, type KernelShocks } from '../model/kernel.ts';
import type { ProjectionInput } from '../model/project.ts';
import type { Service } from '../model/services.ts';
import type { Uncertainty } from '../scenario/uncertainty.ts';
import type { PathRunner, PathShocks } from './monte-carlo.ts';

/**
 * Compiled once per scenario; with `u`, every population variant its paths
 * can draw (discrete fertility and mortality) is run at once rather than
 * when a path first draws it (a pool hands them to its workers).
 */
export function kernelPathRunner(input: ProjectionInput, u?: Uncertainty): PathRunner {
  const kernel = compileKernel(input);
  const own = input.assumptions.population.population;
  if (u) kernel.populations(populationVariants(u, own));
  const growth = Object.entries(input.assumptions.growth).map(([g, v]) => [g, v.toNumber()] as const);
  const services = serviceTrends(input);
  return (s) => {
    // runChunk copies a path's figures before the next: the kernel reuses one buffer for every path.
    const r = kernel.run(kernelShocks(s, own, growth, services), { reuse: true });
    if (r.problem) return { ok: false, reason: r.problem };
    // A kernel fund is a path's fund (and more): handed over as it is, with no object made per fund.
    return { ok: true, funds: r.funds };
  };
}

/** Every fertility variant and mortality a path can draw, as the kernel's shock (none where either is continuous). */
export function populationVariants(u: Uncertainty, own: { variant: 'low' | 'medium' | 'high'; mortalityPercent: number }): NonNullable<KernelShocks['population']>[] {
  const of = (name: 'fertility' | 'mortalityPercent'): string[] | undefined => {
    const d = u.varying.find((v) => v.name === name)?.distribution;
    return !d ? undefined : d.type === 'discrete' ? d.values : [];
  };
  const variants = of('fertility');
  const mortality = of('mortalityPercent');
  if (!variants && !mortality) return [];
  if (variants?.length === 0 || mortality?.length === 0) return [];
  const out: NonNullable<KernelShocks['population']>[] = [];
  for (const variant of variants ?? [own.variant]) for (const m of mortality ?? [String(own.mortalityPercent)]) out.push({ variant: variant as 'low' | 'medium' | 'high', mortalityPercent: Number(m) });
  return out;
}

/** The services with a cost trend of their own, and the overall trend the others follow. */
export function serviceTrends(input: ProjectionInput): { overall: number; own: (readonly [Service, number])[] } {
  const a = input.assumptions;
  return { overall: a.costGrowth.toNumber(), own: Object.entries(a.costGrowthByService).map(([k, v]) => [k as Service, v!.toNumber()] as const) };
}

/**
 * A path's price shock moves every service: those with a trend of their own
 * by the same points as the overall trend moved (one shock to medical prices).
 */
export function shiftedServices(costGrowth: number, services: ReturnType<typeof serviceTrends>): Partial<Record<Service, number>> | undefined {
  if (services.own.length === 0) return undefined;
  return Object.fromEntries(services.own.map(([k, v]) => [k, v + (costGrowth - services.overall)]));
}

function kernelShocks(s: PathShocks, own: { variant: 'low' | 'medium' | 'high'; mortalityPercent: number }, growth: (readonly [string, number])[], services: ReturnType<typeof serviceTrends>): KernelShocks {
  // Draws act from the year after the base year: the reported years, and calibration on them, stay the scenario's.
  const k: KernelShocks = { projectedYearsOnly: true };
  // A rate drawn once a path, or once a year (no closures: one made per path costs more than it does).
  if (Array.isArray(s.wageGrowth)) k.wageGrowthByYear = s.wageGrowth;
  else if (s.wageGrowth !== undefined) k.wageGrowth = s.wageGrowth;
  if (Array.isArray(s.costGrowth)) k.costGrowthByYear = s.costGrowth;
  else if (s.costGrowth !== undefined) k.costGrowth = s.costGrowth;
  if (Array.isArray(s.utilizationGrowth)) k.utilizationGrowthByYear = s.utilizationGrowth;
  else if (s.utilizationGrowth !== undefined) k.utilizationGrowth = s.utilizationGrowth;
  if (typeof s.collectionRate === 'number') k.collectionRate = s.collectionRate;
  if (typeof s.interestRate === 'number') k.interestRate = s.interestRate;
  if (typeof s.costGrowth === 'number') k.costGrowthByService = shiftedServices(s.costGrowth, services);
  // A shift of the participation trend moves every group's by the same points a year.
  if (typeof s.growth === 'number') {
    const shifted: Record<string, number> = {};
    for (const [g, v] of growth) shifted[g] = v + s.growth;
    k.growth = shifted;
  }
  if (s.population) k.population = { variant: s.population.variant ?? own.variant, mortalityPercent: s.population.mortalityPercent ?? own.mortalityPercent };
  return k;
}
