/**
 * A baseline: the figures of one fund report, each with its unit and the words
 * it was read from, arranged per fund and period so that the audit can check
 * the report's own arithmetic and a projection can start from its last year.
 * The JSON form is described by seeds/baseline.schema.json.
 */
import type { Unit } from './units.ts';

/** One printed figure. */
export interface Figure {
  /** Decimal string exactly as printed, signed for decreases: "-1432.8". */
  value: string;
  unit: Unit;
  /** Verbatim from the source document: a sentence, a table row, chart labels. */
  quote: string;
  /** Why this reading, when the quote alone does not say (an inference, a missing unit). */
  note?: string;
  /** Printed precision when it differs from the report's usual one for this unit: "0.1" for "91.4%". */
  precision?: string;
}

/** 比去年同期: a stated change and/or growth rate against an earlier period. */
export interface YearOnYear {
  /** this - earlier, signed, in the figure's dimension. */
  change?: Figure;
  /** (this - earlier) / earlier, signed, in %. */
  rate?: Figure;
  /** The period compared with; by default the same period a year earlier. */
  against?: string;
}

/**
 * A figure that may be broken down. A node may print only its parts (a chart
 * of subsidies by level without their total); value, unit and quote then go
 * together or not at all.
 */
export interface Node {
  value?: string;
  unit?: Unit;
  quote?: string;
  note?: string;
  precision?: string;
  /** The same quantity printed again elsewhere; checked against `value`. */
  restated?: Figure[];
  /** Stated changes; the first is primary when the earlier figure must be implied from it. */
  yoy?: YearOnYear[];
  /** % of the parent fund's same item (a sub-fund's share of the employee fund's balance). */
  share?: Figure;
  /** True when the parts are the whole (the four employee sub-funds), false for "其中" lists. */
  exhaustive?: boolean;
  parts?: Record<string, Node>;
  /** Visit categories only: 次均医疗费用. */
  costPerVisit?: Figure;
}

export type MonthsPayableMethodName =
  | 'current-year-expenditure'
  | 'last-year-expenditure'
  | 'average-expenditure-of-N-years';

export type MonthsPayableMethod =
  | { name: 'current-year-expenditure' }
  | { name: 'last-year-expenditure' }
  | { name: 'average-expenditure-of-N-years'; years: number };

/** 可支付月数 as printed, with the expenditure base that reproduces it when one does. */
export interface MonthsPayable extends Figure {
  method?: MonthsPayableMethod;
}

export interface Budget {
  income?: Figure;
  expenditure?: Figure;
  /** 完成预算收入的 …%: actual / budget. */
  incomeCompletion?: Figure;
  expenditureCompletion?: Figure;
}

export interface FundPeriod {
  income?: Node;
  expenditure?: Node;
  /** 当期结存 / 当年结余: income - expenditure of the period. */
  currentBalance?: Node;
  /** 累计结存 / 滚存结余 at the end of the period. */
  cumulativeBalance?: Node;
  assets?: Node;
  liabilities?: Node;
  insured?: Node;
  /** People (or person-times) receiving benefits. */
  beneficiaries?: Node;
  /** Visits (人次) by category, each with its cost per visit. */
  visits?: Node;
  /** Per-capita funding standard of resident insurance (元/人). */
  perCapita?: Node;
  /** 当期结存率: current balance / income, %. */
  balanceRate?: Figure;
  monthsPayable?: MonthsPayable;
  budget?: Budget;
}

export const FUND_KINDS = [
  'combined',
  'employee',
  'employee-pooling',
  'employee-personal-account',
  'employee-large-amount',
  'employee-civil-servant',
  'resident',
  'maternity',
  'medical-aid',
] as const;
export type FundKind = (typeof FUND_KINDS)[number];

/** Contribution terms in force for a span of months (employee insurance). */
export interface ContributionTerms {
  /** First month, "2021-07". */
  from: string;
  /** Last month, inclusive; open when absent. */
  until?: string;
  baseCeiling?: Figure;
  baseFloor?: Figure;
  baseCeilingPercentOfAverageWage?: Figure;
  baseFloorPercentOfAverageWage?: Figure;
  /** Total rate in %, parts employer and individual. */
  rate?: Node;
  flexibleRate?: Figure;
  note?: string;
}

export interface Fund {
  kind: FundKind;
  /** Name as printed: 职工基本医疗保险基金. */
  name: string;
  /** Funds this one is made of (employee = pooling + personal + large + civil). */
  subFunds?: { funds: string[]; exhaustive: boolean; note?: string };
  contributions?: ContributionTerms[];
  periods: Record<string, FundPeriod>;
  notes?: string[];
}

export const REGION_LEVELS = ['national', 'province', 'prefecture', 'county'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export interface Source {
  /** The document the figures were read from. */
  file: string;
  title?: string;
  region: string;
  level: RegionLevel;
  publisher?: string;
  /** "2021-07-20" or "2021-07" or "2021". */
  date?: string;
}

/** A printed figure outside the fund accounts: 定点医疗机构 240家. */
export interface OtherFigure extends Figure {
  id: string;
  label: string;
  period: string;
  fund?: string;
}

export interface Target {
  op: '>=' | '>' | '<=' | '<' | '=';
  value: string;
  unit: Unit;
}

/** 绩效目标: a target set at the start of the year and the value achieved. */
export interface PerformanceIndicator {
  label: string;
  period: string;
  fund?: string;
  targets: Target[];
  /** How the targets combine as printed ("≥90%或≤110%" is "or"). */
  join?: 'and' | 'or';
  actual?: Figure;
  quote: string;
  note?: string;
}

export interface Baseline {
  $schema?: string;
  id: string;
  title: string;
  source: Source;
  /** Printed precision per unit: "0.01" for 万元 with two decimals, "1" for whole 万元. */
  precision: Partial<Record<Unit, string>>;
  funds: Record<string, Fund>;
  other?: OtherFigure[];
  performance?: PerformanceIndicator[];
  notes?: string[];
  /** The report's own statements of amounts booked in another year (deferrals) or not recurring (one-offs). */
  timing?: TimingStatement[];
  /** The region's own population or insured by age group and sex (src/baseline/age-structure.ts). */
  ageStructure?: AgeStructure;
}

/** Persons by age group and sex at the end of `year`: the whole population, or the insured. */
export interface AgeStructure {
  year: string;
  of: 'population' | 'insured';
  /** "0-4" … "85+": from 0, no gaps, no overlaps, the last one open. */
  groups: { ages: string; male: Figure; female: Figure }[];
  note?: string;
}

export interface TimingStatement {
  kind: 'deferred' | 'one-off';
  /** Key of the fund under `funds`. */
  fund: string;
  /** "income/<part>" or "expenditure/<part>". */
  line: string;
  year: string;
  /** For a deferral: the year the amount was actually paid. */
  to?: string;
  amount?: Figure;
  quote: string;
  note?: string;
}
