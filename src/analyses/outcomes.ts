/**
 * What sensitivity analysis and goal seek measure, and the one function they
 * call to project a scenario: `Evaluator`, (scenario) → outcome. Today it is
 * the exact projection; a faster evaluator with the same answer can replace it
 * without changing the analyses. Outcomes are float64 (for ranking and
 * searching); a goal seek's answer is confirmed on the exact projection.
 */
import type { Dec } from '../common/money.ts';
import type { FundId } from '../model/base-year.ts';
import { project, type Projection } from '../model/project.ts';
import { prepareScenario, type Environment } from '../scenario/prepare.ts';
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
    case 'first-deficit-year':
      return { zh: `${spec.fund} 当期赤字首年（无赤字记为测算末年之后一年）`, en: `first deficit year of ${spec.fund} (none: the year after the horizon)` };
    case 'months-payable':
      return { zh: `${spec.fund} ${spec.year} 年可支付月数`, en: `months payable of ${spec.fund} in ${spec.year}` };
    case 'subsidy':
      return spec.level === 'total'
        ? { zh: '累计财政补助合计（元）', en: 'cumulative fiscal subsidy, all levels (元)' }
        : { zh: `累计财政补助：${spec.level}（元）`, en: `cumulative fiscal subsidy: ${spec.level} (元)` };
  }
}
