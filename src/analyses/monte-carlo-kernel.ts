/**
 * The `PathRunner` Monte Carlo uses: the kernel (src/model/kernel.ts), compiled
 * once per scenario, run once per path with the path's draws as plain
 * numbers. A draw the kernel does not take (a participation trend, which moves
 * the insured counts the kernel compiles in) sends that path through the
 * exact projection instead: slower, the same record.
 */
import { compileKernel, type KernelShocks } from '../model/kernel.ts';
import type { ProjectionInput } from '../model/project.ts';
import { exactPathRunner } from './monte-carlo-exact.ts';
import type { PathRunner, PathShocks } from './monte-carlo.ts';

export function kernelPathRunner(input: ProjectionInput): PathRunner {
  const kernel = compileKernel(input);
  let exact: PathRunner | undefined;
  const own = input.assumptions.population.population;
  return (s) => {
    if (s.participation !== undefined || Array.isArray(s.collectionRate) || Array.isArray(s.interestRate)) return (exact ??= exactPathRunner(input))(s);
    const r = kernel.run(kernelShocks(s, own));
    if (r.problem) return { ok: false, reason: r.problem };
    return {
      ok: true,
      funds: r.funds.map((f) => ({
        id: f.id,
        income: f.income,
        expenditure: f.expenditure,
        cumulative: f.cumulative,
        monthsPayable: f.monthsPayable,
        firstDeficitYear: f.firstDeficitYear || undefined,
        exhaustionYear: f.exhaustionYear || undefined,
      })),
    };
  };
}

function kernelShocks(s: PathShocks, own: { variant: 'low' | 'medium' | 'high'; mortalityPercent: number }): KernelShocks {
  const k: KernelShocks = {};
  const rate = (v: number | number[] | undefined, set: (n: number) => void, byYear: (a: number[]) => void) => {
    if (Array.isArray(v)) byYear(v);
    else if (v !== undefined) set(v);
  };
  rate(s.wageGrowth, (n) => (k.wageGrowth = n), (a) => (k.wageGrowthByYear = a));
  rate(s.costGrowth, (n) => (k.costGrowth = n), (a) => (k.costGrowthByYear = a));
  rate(s.utilizationGrowth, (n) => (k.utilizationGrowth = n), (a) => (k.utilizationGrowthByYear = a));
  if (typeof s.collectionRate === 'number') k.collectionRate = s.collectionRate;
  if (typeof s.interestRate === 'number') k.interestRate = s.interestRate;
  if (s.population) k.population = { variant: s.population.variant ?? own.variant, mortalityPercent: s.population.mortalityPercent ?? own.mortalityPercent };
  return k;
}
