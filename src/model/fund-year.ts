/**
 * One fund in one year, and the accounting that closes it: totals are the
 * sums of their lines, current balance = income - expenditure, cumulative =
 * last year's cumulative + current balance. Lines are whole fen, so every
 * identity holds exactly.
 */
import { sum, ZERO, type Dec } from '../common/money.ts';
import type { ExpenditureLine, FundId, IncomeLine } from './base-year.ts';

export type WarningLevel = 'exhausted' | 'insufficient' | 'below-normal' | 'normal' | 'above-normal' | 'excessive' | 'unknown';

export interface Thresholds {
  low?: Dec;
  normalLow?: Dec;
  normalHigh?: Dec;
  high?: Dec;
}

export type MonthsPayableMethod = 'current-year-expenditure' | 'last-year-expenditure' | 'average-expenditure-3-years';

export interface FundYear {
  year: number;
  income: Partial<Record<IncomeLine, Dec>>;
  expenditure: Partial<Record<ExpenditureLine, Dec>>;
  incomeTotal: Dec;
  expenditureTotal: Dec;
  /** 当期结存 */
  currentBalance: Dec;
  /** 当期结存率, percent of income; undefined without income. */
  balanceRate?: Dec;
  /** 累计结存 */
  cumulative: Dec;
  /** 可支付月数; undefined without expenditure. */
  monthsPayable?: Dec;
  monthsPayableMethod: MonthsPayableMethod;
  warning: WarningLevel;
}

export interface FundProjection {
  id: FundId;
  years: FundYear[];
  /** First year whose current balance is negative (当期赤字). */
  firstDeficitYear?: number;
  /** First year whose cumulative balance is negative (累计结存耗尽). */
  exhaustionYear?: number;
  /** Sub-funds that roll up into this fund. */
  parts?: FundId[];
}

export function closeYear(
  year: number,
  income: Partial<Record<IncomeLine, Dec>>,
  expenditure: Partial<Record<ExpenditureLine, Dec>>,
  openingCumulative: Dec,
  pastExpenditure: Dec[],
  method: MonthsPayableMethod,
  thresholds: Thresholds,
): FundYear {
  const incomeTotal = sum(Object.values(income));
  const expenditureTotal = sum(Object.values(expenditure));
  const currentBalance = incomeTotal.minus(expenditureTotal);
  const cumulative = openingCumulative.plus(currentBalance);
  const past = pastExpenditure.slice(0, 2); // the caller goes on to add this year to its list
  let monthsPayable: Dec | undefined | null = null;
  let balanceRate: Dec | undefined | null = null;
  // The two ratios are divisions at 40 digits: computed when first read, once.
  return {
    year,
    income,
    expenditure,
    incomeTotal,
    expenditureTotal,
    currentBalance,
    get balanceRate() {
      if (balanceRate === null) balanceRate = incomeTotal.isZero() ? undefined : currentBalance.dividedBy(incomeTotal).times(100);
      return balanceRate;
    },
    cumulative,
    get monthsPayable() {
      if (monthsPayable === null) monthsPayable = monthsPayableOf(cumulative, expenditureTotal, past, method);
      return monthsPayable;
    },
    monthsPayableMethod: method,
    get warning() {
      return warningLevel(cumulative, this.monthsPayable, thresholds);
    },
  };
}

/**
 * Months payable = cumulative balance / average monthly expenditure; which
 * expenditure differs between reports, hence the method (a rule parameter).
 * @param past earlier years' total expenditure, most recent first
 */
export function monthsPayableOf(cumulative: Dec, current: Dec, past: Dec[], method: MonthsPayableMethod): Dec | undefined {
  let yearly: Dec | undefined;
  if (method === 'current-year-expenditure') yearly = current;
  else if (method === 'last-year-expenditure') yearly = past[0];
  else if (past.length >= 2) yearly = sum([current, past[0]!, past[1]!]).dividedBy(3);
  if (!yearly || yearly.isZero()) return undefined;
  return cumulative.times(12).dividedBy(yearly);
}

export function warningLevel(cumulative: Dec, months: Dec | undefined, t: Thresholds): WarningLevel {
  if (cumulative.isNegative()) return 'exhausted';
  if (months === undefined || !t.low || !t.normalLow || !t.normalHigh || !t.high) return 'unknown';
  if (months.lessThan(t.low)) return 'insufficient';
  if (months.lessThan(t.normalLow)) return 'below-normal';
  if (months.lessThanOrEqualTo(t.normalHigh)) return 'normal';
  if (months.lessThanOrEqualTo(t.high)) return 'above-normal';
  return 'excessive';
}

/** Add fund years line by line (the employee fund from its sub-funds). */
export function addLines<K extends string>(parts: Partial<Record<K, Dec>>[]): Partial<Record<K, Dec>> {
  const out: Partial<Record<K, Dec>> = {};
  for (const p of parts) {
    for (const [k, v] of Object.entries(p) as [K, Dec][]) out[k] = (out[k] ?? ZERO).plus(v);
  }
  return out;
}

