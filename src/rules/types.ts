/** The shapes of rule-set files (rules/*.json) and the parameter registry (rules/parameters.json). */

export type Unit = 'percent' | 'yuan-per-month' | 'yuan-per-year' | 'months' | 'method';
export type Scheme = 'employee' | 'maternity' | 'resident' | 'aid' | 'fund';

export interface Text {
  zh: string;
  en: string;
}

/** A value as written in a file: a decimal literal, a named choice, or an expression. */
export type ValueExpr =
  | string
  | { param: string }
  | { series: SeriesName; yearOffset: number }
  | { percentOf: ValueExpr; percent: ValueExpr }
  | { max: ValueExpr[] }
  | { min: ValueExpr[] };

export type SeriesName = 'avgMonthlyWage';

export interface ParameterSpec {
  scheme: Scheme;
  unit: Unit;
  label: Text;
  /** Used when no rule in force sets the parameter. */
  default?: ValueExpr;
  /** For unit "method": the allowed names. */
  choices?: string[];
  /** This parameter must not exceed that one (a floor and its ceiling). */
  notAbove?: string;
  /** A compliance floor: this parameter should be at least that one (a standard and the higher level's minimum). */
  atLeast?: string;
  /** Why a scenario's changes (overrides) cannot set this parameter: it is read elsewhere (the retirement age, by birth month, by the population model). */
  notInScenario?: Text;
}

export interface ParameterRegistry {
  parameters: Record<string, ParameterSpec>;
}

/** json-rules-engine condition tree over our facts. */
export type Condition =
  | { fact: FactName; operator: Operator; value: unknown }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export type FactName = 'category' | 'regionTier' | 'aid' | 'year' | 'month' | 'sex' | 'birthMonth' | 'formerRetirementAge';
export type Operator =
  | 'equal'
  | 'notEqual'
  | 'in'
  | 'notIn'
  | 'lessThan'
  | 'lessThanInclusive'
  | 'greaterThan'
  | 'greaterThanInclusive';

export interface RuleSource {
  section: string;
  quote?: string;
  note?: string;
}

export interface RuleSpec {
  id: string;
  from?: string;
  until?: string;
  /** Within a rule set, the higher priority wins over an overlapping rule (0 when absent). */
  priority?: number;
  conditions?: Condition;
  event: { type: 'set'; params: Record<string, ValueExpr> };
  source: RuleSource;
  /** How parameters this rule sets evolve after its first year, when it has no end month. */
  uprate?: Record<string, Uprate>;
}

/**
 * Uprating past the last dated value: in year y of an open-ended rule that
 * starts in year y0, the value is v (unchanged), v + n·perYear (amount),
 * v·(1 + perYear%)^n (percent) or v·series(y)/series(y0) (series), n = y − y0.
 */
export interface Uprate {
  how: 'unchanged' | 'amount' | 'percent' | 'series';
  perYear?: string;
  series?: SeriesName;
  /** The source of the pace or the rationale: an assumption, shown as one. */
  note: string;
}

export interface RuleSetSpec {
  id: string;
  title: Text;
  jurisdiction: { level: 'national' | 'region' | 'city' | 'county'; name: string };
  document: { title: string; number?: string; date?: string; file?: string; note?: string };
  extends?: string[];
  /** A rule set of the user's that replaces the shipped one of the same id (refused otherwise). */
  replaces?: boolean;
  precedence: number;
  rules: RuleSpec[];
}

/** A loaded rule set: the spec plus where it came from, so every message can name the file. */
export interface RuleSet {
  spec: RuleSetSpec;
  file: string;
  /** Where the rule set sits inside its file: "" for rules/*.json, "/ruleSets/0" inside a scenario. */
  at: string;
}
