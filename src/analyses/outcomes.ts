/**
 * What sensitivity analysis and goal seek measure, and the one function they
 * call to project a scenario: `Evaluator`, (scenario) → outcome. The kernel
 * evaluator compiles a scenario once and applies each change of an assumption
 * as a path's shocks (src/model/kernel.ts), agreeing with the exact
 * projection to the fen; the exact evaluator projects each scenario in full.
 * Outcomes are float64 (for ranking and searching); a goal seek's answer is
 * confirmed on the exact projection.
 */
import { FUND_NAMES } from '../report/names.ts';
import type { Dec } from '../common/money.ts';
import { InputError, type InputProblem } from '../common/errors.ts';
import { resolveAssumptions, type Assumptions } from '../model/assumptions.ts';
import { compileKernel, type Kernel, type KernelResult, type KernelShocks } from '../model/kernel.ts';
import { overridesOf } from '../scenario/prepare.ts';
import { FUND_IDS, type FundId } from '../model/base-year.ts';
import { project, type Projection } from '../model/project.ts';
import { prepareScenario, type Environment, type Prepared } from '../scenario/prepare.ts';
import type { Scenario } from '../scenario/types.ts';

export interface OutcomeYear {
  year: number;
  /** 元 */
  currentBalance: number;
  /** 元 */
  cumulative: number;
  /** Percent of income; undefined without income. */
  balanceRate?: number;
  monthsPayable?: number;
}

export const SUBSIDY_LEVELS = ['central', 'region', 'city', 'county', 'unspecified'] as const;
export type SubsidyLevel = (typeof SUBSIDY_LEVELS)[number];

export interface ProjectionOutcome {
  until: number;
  funds: { id: FundId; years: OutcomeYear[]; firstDeficitYear?: number; exhaustionYear?: number }[];
  /** Fiscal subsidy over the projected years after the base year, by government level, in 元. */
  subsidyTotals: Record<SubsidyLevel, number>;
}

/** Projects a scenario. Rejects with an InputError where the scenario cannot be projected. */
export type Evaluator = (scenario: Scenario) => Promise<ProjectionOutcome>;

export function outcomeOf(p: Projection): ProjectionOutcome {
  const n = (v: Dec | undefined) => (v === undefined ? undefined : v.toNumber());
  return {
    until: p.until,
    funds: p.funds.map((f) => ({
      id: f.id,
      firstDeficitYear: f.firstDeficitYear,
      exhaustionYear: f.exhaustionYear,
      years: f.years.map((y) => ({ year: y.year, currentBalance: y.currentBalance.toNumber(), cumulative: y.cumulative.toNumber(), balanceRate: n(y.balanceRate), monthsPayable: n(y.monthsPayable) })),
    })),
    subsidyTotals: Object.fromEntries(SUBSIDY_LEVELS.map((l) => [l, p.subsidyTotals[l].toNumber()])) as Record<SubsidyLevel, number>,
  };
}

/** The exact (decimal) projection of a scenario read from `file` (for messages and relative names). */
export function exactProjection(env: Environment, file: string): (scenario: Scenario) => Promise<Projection> {
  return async (scenario) => project((await prepareScenario(scenario, file, env)).input);
}

export function exactEvaluator(env: Environment, file: string): Evaluator {
  const exact = exactProjection(env, file);
  return async (scenario) => outcomeOf(await exact(scenario));
}

/** The outcome of a kernel run: 元 from integer fen, ratios as the exact record's rounded to float64. */
export function outcomeOfKernel(r: Extract<KernelResult, { problem?: undefined }>): ProjectionOutcome {
  const ratio = (a: number, b: number) => (Math.abs(a * 100) < 2 ** 53 ? (a * 100) / b : (a / b) * 100);
  return {
    until: r.until,
    funds: r.funds.map((f) => ({
      id: f.id,
      firstDeficitYear: f.firstDeficitYear || undefined,
      exhaustionYear: f.exhaustionYear || undefined,
      years: Array.from(r.years, (year, i) => ({
        year,
        currentBalance: f.currentBalance[i]! / 100,
        cumulative: f.cumulative[i]! / 100,
        balanceRate: f.income[i] === 0 ? undefined : ratio(f.currentBalance[i]!, f.income[i]!),
        monthsPayable: Number.isNaN(f.monthsPayable[i]) ? undefined : f.monthsPayable[i],
      })),
    })),
    subsidyTotals: Object.fromEntries(SUBSIDY_LEVELS.map((l) => [l, r.subsidyTotals[l] / 100])) as Record<SubsidyLevel, number>,
  };
}

/** Assumptions a kernel path takes as shocks: a scenario differing only in these reuses the compiled kernel. */
const SHOCK_FIELDS = ['wageGrowth', 'costGrowth', 'utilizationGrowth', 'collectionRate', 'interestRate', 'aidFundingGrowth', 'retireeCostWeight', 'growth'] as const;

/**
 * The kernel evaluator: each scenario is prepared once per everything but its
 * overrides and the assumptions above (checked as the exact projection checks
 * them), compiled once per overrides, and run with its assumptions as shocks.
 * Figures agree with the exact evaluator's (test/model/kernel.property.test.ts).
 */
export function kernelEvaluator(env: Environment, file: string): Evaluator {
  const prepared = new Map<string, Promise<Prepared>>();
  const kernels = new Map<string, Kernel>();
  /** The assumptions resolved, by what they are resolved from: the cells of a grid share them. */
  const resolved = new Map<string, Assumptions>();
  return async (scenario) => {
    const assumptions = { ...(scenario.assumptions ?? {}) };
    for (const f of SHOCK_FIELDS) delete assumptions[f];
    const structure: Scenario = { ...scenario, assumptions, overrides: [] };
    const key = JSON.stringify(structure);
    let p = prepared.get(key);
    if (!p) {
      prepared.set(key, (p = prepareScenario(structure, file, env)));
      if (prepared.size > 64) prepared.delete(prepared.keys().next().value!);
    }
    const { input } = await p;
    const assumptionsKey = `${key}\n${JSON.stringify(scenario.assumptions ?? {})}`;
    let a = resolved.get(assumptionsKey);
    if (!a) {
      a = resolveAssumptions(scenario.assumptions ?? {}, input.base, file);
      if (resolved.size >= 64) resolved.delete(resolved.keys().next().value!);
      resolved.set(assumptionsKey, a);
    }
    const problems: InputProblem[] = [];
    const overrides = overridesOf(scenario, file, env.catalog.registry, problems);
    if (problems.length) throw new InputError(problems);
    const kernelKey = JSON.stringify([key, scenario.overrides ?? [], a.interestRate === undefined]);
    let kernel = kernels.get(kernelKey);
    if (!kernel) {
      kernel = compileKernel({ ...input, assumptions: a, overrides });
      kernels.set(kernelKey, kernel);
      if (kernels.size > 256) kernels.delete(kernels.keys().next().value!);
    }
    const shocks: KernelShocks = {
      wageGrowth: a.wageGrowth.toNumber(),
      costGrowth: a.costGrowth.toNumber(),
      utilizationGrowth: a.utilizationGrowth.toNumber(),
      collectionRate: a.collectionRate.toNumber(),
      interestRate: a.interestRate?.toNumber(),
      aidFundingGrowth: a.aidFundingGrowth.toNumber(),
      retireeCostWeight: a.retireeCostWeight.toNumber(),
      growth: Object.fromEntries(Object.entries(a.growth).map(([g, v]) => [g, v.toNumber()])),
    };
    const r = kernel.run(shocks);
    if (r.problem) throw InputError.one(file, '', `${r.problem.zh} / ${r.problem.en}`);
    return outcomeOfKernel(r);
  };
}

/** An outcome a tornado or grid ranks levers by. */
export type OutcomeSpec =
  | { kind: 'first-deficit-year'; fund: FundId }
  | { kind: 'months-payable'; fund: FundId; year: number }
  | { kind: 'subsidy'; level: SubsidyLevel | 'total' };

export const OUTCOME_KINDS = ['first-deficit-year', 'months-payable', 'subsidy'] as const;

/**
 * The outcome's number. A fund with no deficit to the horizon counts as its
 * first deficit the year after the horizon (so "later" ranks as it should);
 * undefined where the outcome does not exist (no such fund or year).
 */
export function measure(o: ProjectionOutcome, spec: OutcomeSpec): number | undefined {
  if (spec.kind === 'subsidy') {
    return spec.level === 'total' ? SUBSIDY_LEVELS.reduce((s, l) => s + o.subsidyTotals[l], 0) : o.subsidyTotals[spec.level];
  }
  const fund = o.funds.find((f) => f.id === spec.fund);
  if (!fund) return undefined;
  if (spec.kind === 'first-deficit-year') return fund.firstDeficitYear ?? o.until + 1;
  return fund.years.find((y) => y.year === spec.year)?.monthsPayable;
}

export function describeOutcome(spec: OutcomeSpec): { zh: string; en: string } {
  switch (spec.kind) {
    case 'first-deficit-year': {
      const fund = FUND_NAMES[spec.fund];
      return { zh: `${fund.zh}当期赤字首年（无赤字记为测算末年之后一年）`, en: `first deficit year of ${fund.en.toLowerCase()} (none: the year after the horizon)` };
    }
    case 'months-payable': {
      const fund = FUND_NAMES[spec.fund];
      return { zh: `${fund.zh} ${spec.year} 年可支付月数`, en: `months payable of ${fund.en.toLowerCase()} in ${spec.year}` };
    }
    case 'subsidy':
      return spec.level === 'total'
        ? { zh: '累计财政补助合计（元）', en: 'cumulative fiscal subsidy, all levels (元)' }
        : { zh: `累计财政补助：${spec.level}（元）`, en: `cumulative fiscal subsidy: ${spec.level} (元)` };
  }
}

/** "months-payable:resident:2035", "first-deficit-year:employee", "subsidy:central"; defaults: the first fund, the horizon, all levels. */
export function parseOutcome(text: string | undefined, prepared: Prepared, field = '--outcome'): OutcomeSpec {
  const funds = fundsOf(prepared);
  const [kind = 'months-payable', a, b] = (text ?? '').split(':').map((s) => s.trim()).filter((s, i) => s !== '' || i > 0);
  const refuse = (reason: string) => InputError.one(field, '', reason);
  const fundOf = (f: string | undefined): FundId => {
    const fund = (f ?? funds[0]) as FundId;
    if (!funds.includes(fund)) throw refuse(`the scenario has no fund "${f}"; its funds: ${funds.join(', ')}`);
    return fund;
  };
  switch (kind) {
    case 'months-payable': {
      const year = b === undefined ? prepared.input.until : Number(b);
      if (!Number.isInteger(year) || year <= prepared.input.base.year || year > prepared.input.until) throw refuse(`the year must be from ${prepared.input.base.year + 1} to ${prepared.input.until}, not "${b}"`);
      return { kind, fund: fundOf(a), year };
    }
    case 'first-deficit-year':
      return { kind, fund: fundOf(a) };
    case 'subsidy': {
      const level = a ?? 'total';
      if (level !== 'total' && !(SUBSIDY_LEVELS as readonly string[]).includes(level)) throw refuse(`unknown level "${level}"; one of total, ${SUBSIDY_LEVELS.join(', ')}`);
      return { kind, level: level as SubsidyLevel | 'total' };
    }
    default:
      throw refuse(`unknown outcome "${kind}"; one of ${OUTCOME_KINDS.join(', ')} (e.g. months-payable:resident:2035, first-deficit-year:employee, subsidy:central)`);
  }
}

export function fundsOf(prepared: Prepared): FundId[] {
  return prepared.input.base.funds.map((f) => f.id).filter((id) => FUND_IDS.includes(id));
}
