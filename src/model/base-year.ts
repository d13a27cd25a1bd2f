/**
 * The starting point of a projection: one year of a region's actual fund
 * report, in 元, with the insured counts behind it. Built from a baseline
 * file (src/baseline) by `baseYearFromBaseline`; the projection's first year
 * reproduces these amounts exactly.
 */
import type { ServiceMix } from './services.ts';
import type { AgeStructure } from '../baseline/types.ts';
import type { Dec } from '../common/money.ts';

/** Insured groups the model drives separately. */
export const GROUPS = ['inService', 'retiree', 'flexible', 'resident', 'tekun', 'dibao', 'fanpin'] as const;
export type Group = (typeof GROUPS)[number];

/** Funds and sub-funds. Employee sub-funds roll up into "employee". */
export const FUND_IDS = ['employee', 'employee.pooling', 'employee.account', 'employee.largeAmount', 'employee.civilServant', 'resident', 'aid'] as const;
export type FundId = (typeof FUND_IDS)[number];

/**
 * Income by source and expenditure by use. Lines a report does not give are absent;
 * a report's unexplained remainder ("其中" lists) is kept as "other", so the
 * lines always sum to the reported total.
 */
export const INCOME_LINES = [
  // "contributions" and "subsidy" where a report does not break them down further
  'contributions',
  'contributions.employer',
  'contributions.individual',
  'contributions.maternity',
  'subsidy',
  'subsidy.central',
  'subsidy.region',
  'subsidy.city',
  'subsidy.county',
  'interest',
  'other',
] as const;
export type IncomeLine = (typeof INCOME_LINES)[number];

/** criticalIllness: 大病保险 premiums the resident fund pays an insurer, where a report or the scenario separates them. */
export const EXPENDITURE_LINES = ['benefits', 'benefits.maternity', 'criticalIllness', 'aid.contributions', 'aid.medical', 'other'] as const;
export type ExpenditureLine = (typeof EXPENDITURE_LINES)[number];

export interface BaseFund {
  id: FundId;
  income: Partial<Record<IncomeLine, Dec>>;
  expenditure: Partial<Record<ExpenditureLine, Dec>>;
  /** Closing cumulative balance (累计结存) of the base year. */
  cumulative: Dec;
  /**
   * For a fund reported with parts (the employee fund and its sub-funds): its own reported
   * totals, which may differ from the sum of the parts; the base year keeps the difference.
   */
  reportedTotals?: { income: Dec; expenditure: Dec };
  /** Total expenditure of earlier years, for months-payable methods that average several years. */
  pastExpenditure?: Record<number, Dec>;
}

export interface BaseYear {
  year: number;
  region: string;
  /** The document the figures came from. */
  source: string;
  /** Insured persons at the end of the base year, where the report gives them. */
  counts: Partial<Record<Group, Dec>>;
  /** All employees insured, where the report does not split them by group. */
  employees?: Dec;
  /** Yearly change of each group the report states (the banner's residents: -1.88%), the default growth. */
  statedGrowth: Partial<Record<Group, Dec>>;
  funds: BaseFund[];
  /** Known average monthly wages (元/月) by year. */
  avgMonthlyWage: Record<number, Dec>;
  /**
   * Medical costs of employees in service and of retirees, visits × cost per visit (元), where the
   * report gives them by status (the city): what calibrates the cost of a retiree against one in service.
   */
  visitCost?: { inService: Dec; retiree: Dec };
  /** The employee and resident funds' base-year benefits by service, where the report gives them (src/model/services.ts). */
  serviceMix?: Partial<Record<'employee' | 'resident', ServiceMix>>;
  /** The region's own population or insured by age group and sex, where the baseline gives them. */
  ageStructure?: AgeStructure;
  /** Every reported period, the base year included, for calibration. */
  history?: ReportedPeriod[];
  /** The report's statements of deferred or one-off amounts. */
  timing?: TimingItem[];
  /** Where counts or balances of this base year were derived rather than read (a backtest from an earlier year). */
  derived?: { zh: string; en: string }[];
}

/** One reported period's lines per fund, in 元: a year, or its first half. */
export interface ReportedPeriod {
  year: number;
  /** The first half of the year (上半年): amounts cover six months. */
  half: boolean;
  funds: Partial<Record<FundId, { income?: Partial<Record<IncomeLine, Dec>>; expenditure?: Partial<Record<ExpenditureLine, Dec>>; cumulative?: Dec }>>;
  /** The change on the year before that the report states, in percent, per fund and side. */
  statedChange?: Partial<Record<FundId, { income?: string; expenditure?: string }>>;
}

export interface TimingItem {
  kind: 'deferred' | 'one-off';
  fund: FundId;
  side: 'income' | 'expenditure';
  line: IncomeLine | ExpenditureLine;
  year: number;
  to?: number;
  /** In 元, where the report states it. */
  amount?: Dec;
  quote: string;
  note?: string;
}
