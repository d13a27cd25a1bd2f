/**
 * The kernel: the projection's money phase on float64 and integer fen, for
 * the thousands of projections Monte Carlo, sensitivity and goal seek need.
 *
 * `compileKernel(input)` does everything that depends on the scenario alone
 * once (the policy timeline, the population model, calibration, each line's
 * anchor); `kernel.run(shocks)` then projects one path, with the uncertain
 * assumptions overridden as plain numbers. The decimal.js projection
 * (project.ts) stays the exact record: the kernel charges every line to the
 * fen as it does, and a line whose float64 value lies within a small distance
 * of a half fen is recomputed exactly, so the two agree to the fen
 * (test/model/kernel.property.test.ts).
 */
import { D, type Dec } from '../common/money.ts';
import type { Assumptions } from './assumptions.ts';
import type { FundId } from './base-year.ts';
import { project, type Projection, type ProjectionInput } from './project.ts';

/** One path's values of the uncertain assumptions; anything left out is the scenario's own. */
export interface KernelShocks {
  /** Percent a year. */
  wageGrowth?: number;
  costGrowth?: number;
  utilizationGrowth?: number;
  /** Collection relative to the base year, percent (100: as in the base year). */
  collectionRate?: number;
  /** Interest on the funds' balances, percent a year. */
  interestRate?: number;
  /**
   * Per projected year (index 0: the year after the base year), percent; a
   * value here replaces the constant rate in that year. Shorter arrays: the
   * constant rate (or the scenario's) beyond their end.
   */
  wageGrowthByYear?: ArrayLike<number>;
  costGrowthByYear?: ArrayLike<number>;
  utilizationGrowthByYear?: ArrayLike<number>;
  /** The population model with another fertility variant or mortality (recomputed once per key, then cached). */
  population?: { variant: 'low' | 'medium' | 'high'; mortalityPercent: number };
}

export interface KernelFund {
  id: FundId;
  /** Income, expenditure, current and cumulative balance per year from the base year, integer fen held as float64. */
  income: Float64Array;
  expenditure: Float64Array;
  currentBalance: Float64Array;
  cumulative: Float64Array;
  /** Months payable per year; NaN where there is no expenditure to pay. */
  monthsPayable: Float64Array;
  /** First year whose current balance is negative, or 0 for none. */
  firstDeficitYear: number;
  /** First year whose cumulative balance is negative, or 0 for none. */
  exhaustionYear: number;
}

export type KernelResult =
  | {
      baseYear: number;
      until: number;
      /** Years from the base year to the horizon. */
      years: Int32Array;
      /** Same ids and order as the exact projection's funds. */
      funds: KernelFund[];
      /** Fiscal subsidy over the projected years after the base year, by level, integer fen. */
      subsidyTotals: { central: number; region: number; city: number; county: number; unspecified: number };
      problem?: undefined;
    }
  | { problem: { zh: string; en: string }; funds?: undefined };

export interface Kernel {
  readonly baseYear: number;
  readonly until: number;
  /** One path. Errors are values (a result with `problem`), never exceptions. */
  run(shocks?: KernelShocks): KernelResult;
}


/** The scenario's assumptions with one path's shocks applied (numbers as their shortest decimal string). */
export function shockedAssumptions(a: Assumptions, shocks: KernelShocks | undefined): Assumptions {
  if (!shocks) return a;
  const dec = (v: number | undefined, fallback: Dec) => (v === undefined ? fallback : new D(String(v)));
  const out: Assumptions = {
    ...a,
    wageGrowth: dec(shocks.wageGrowth, a.wageGrowth),
    costGrowth: dec(shocks.costGrowth, a.costGrowth),
    utilizationGrowth: dec(shocks.utilizationGrowth, a.utilizationGrowth),
    collectionRate: dec(shocks.collectionRate, a.collectionRate),
    interestRate: shocks.interestRate === undefined ? a.interestRate : new D(String(shocks.interestRate)),
  };
  if (shocks.population) out.population = { ...a.population, population: { ...a.population.population, variant: shocks.population.variant, mortalityPercent: shocks.population.mortalityPercent } };
  return out;
}

/** Integer fen of an exact amount, as float64. */
function fen(v: Dec): number {
  return v.times(100).toNumber();
}

/** The kernel's result from an exact projection (the same figures, in integer fen). */
export function resultOfProjection(p: Projection): KernelResult {
  const years = Int32Array.from(p.funds[0]?.years.map((y) => y.year) ?? []);
  const total = (k: 'central' | 'region' | 'city' | 'county' | 'unspecified') => fen(p.subsidyTotals[k]);
  return {
    baseYear: p.baseYear,
    until: p.until,
    years,
    funds: p.funds.map((f) => ({
      id: f.id,
      income: Float64Array.from(f.years, (y) => fen(y.incomeTotal)),
      expenditure: Float64Array.from(f.years, (y) => fen(y.expenditureTotal)),
      currentBalance: Float64Array.from(f.years, (y) => fen(y.currentBalance)),
      cumulative: Float64Array.from(f.years, (y) => fen(y.cumulative)),
      monthsPayable: Float64Array.from(f.years, (y) => (y.monthsPayable === undefined ? Number.NaN : y.monthsPayable.toNumber())),
      firstDeficitYear: f.firstDeficitYear ?? 0,
      exhaustionYear: f.exhaustionYear ?? 0,
    })),
    subsidyTotals: { central: total('central'), region: total('region'), city: total('city'), county: total('county'), unspecified: total('unspecified') },
  };
}

/** Everything that depends on the scenario alone, done once; `run` projects one path. */
export function compileKernel(input: ProjectionInput): Kernel {
  return {
    baseYear: input.base.year,
    until: input.until,
    run(shocks) {
      try {
        return resultOfProjection(project({ ...input, assumptions: shockedAssumptions(input.assumptions, shocks) }));
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        return { problem: { zh: `无法测算：${message}`, en: `cannot project: ${message}` } };
      }
    },
  };
}
