/**
 * One fund in one year, and the accounting that closes it: totals are the
 * sums of their lines, current balance = income - expenditure, cumulative =
 * last year's cumulative + current balance. Lines are whole fen, so every
 * identity holds exactly.
 */
import { sum, ZERO, type Dec } from '../common/money.ts';
import { compareNear, ratioText } from './displayed-ratio.ts';
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
  /**
   * The balance rate and months payable to 4 decimals as `toDecimalPlaces(4).toFixed()` writes them (null
   * where undefined), found without the 40-digit division where float64 decides them (./displayed-ratio.ts).
   */
  balanceRateText: string | null;
  monthsPayableText: string | null;
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
  // The two ratios are divisions at 40 digits: computed when first read, once. Their text to 4 decimals and the
  // warning level come from float64 where it decides them (./displayed-ratio.ts), without the division.
  let basis: ReturnType<typeof yearlyBasis> | null = null;
  const basisOf = () => (basis === null ? (basis = yearlyBasis(expenditureTotal, past, method)) : basis);
  let months: number | null = null;
  const monthsNear = () => {
    const b = basisOf();
    return (months ??= b && !b.sum.isZero() ? (cumulative.toNumber() * 12 * b.years) / b.sum.toNumber() : Number.NaN);
  };
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
      if (cumulative.isNegative()) return 'exhausted';
      const b = basisOf();
      if (!b || b.sum.isZero()) return 'unknown';
      const m = monthsNear();
      return bandOf(thresholds, (t) => compareNear(m, t)) ?? warningLevel(cumulative, this.monthsPayable, thresholds);
    },
    get balanceRateText() {
      if (incomeTotal.isZero()) return null;
      return ratioText((currentBalance.toNumber() * 100) / incomeTotal.toNumber(), 4, () => this.balanceRate!);
    },
    get monthsPayableText() {
      const b = basisOf();
      if (!b || b.sum.isZero()) return null;
      return ratioText(monthsNear(), 4, () => this.monthsPayable!);
    },
  };
}

/** The expenditure months payable are counted in: one year's, or three years' together (`years`: 3) for their average. */
function yearlyBasis(current: Dec, past: Dec[], method: MonthsPayableMethod): { sum: Dec; years: 1 | 3 } | undefined {
  if (method === 'current-year-expenditure') return { sum: current, years: 1 };
  if (method === 'last-year-expenditure') return past[0] && { sum: past[0], years: 1 };
  if (past.length >= 2) return { sum: sum([current, past[0]!, past[1]!]), years: 3 };
  return undefined;
}

/**
 * Months payable = cumulative balance / average monthly expenditure; which
 * expenditure differs between reports, hence the method (a rule parameter).
 * @param past earlier years' total expenditure, most recent first
 */
export function monthsPayableOf(cumulative: Dec, current: Dec, past: Dec[], method: MonthsPayableMethod): Dec | undefined {
  const basis = yearlyBasis(current, past, method);
  const yearly = basis && (basis.years === 1 ? basis.sum : basis.sum.dividedBy(3));
  if (!yearly || yearly.isZero()) return undefined;
  return cumulative.times(12).dividedBy(yearly);
}

export function warningLevel(cumulative: Dec, months: Dec | undefined, t: Thresholds): WarningLevel {
  if (cumulative.isNegative()) return 'exhausted';
  if (months === undefined) return 'unknown';
  return bandOf(t, (x) => months.comparedTo(x))!;
}

/** The band of months payable, given how they compare with each threshold (negative: below; NaN: cannot tell, and then undefined). */
function bandOf(t: Thresholds, compare: (threshold: Dec) => number): WarningLevel | undefined {
  if (!t.low || !t.normalLow || !t.normalHigh || !t.high) return 'unknown';
  // below low, below normalLow, at most normalHigh, at most high
  const bands: [Dec, WarningLevel, boolean][] = [[t.low, 'insufficient', false], [t.normalLow, 'below-normal', false], [t.normalHigh, 'normal', true], [t.high, 'above-normal', true]];
  for (const [threshold, level, orEqual] of bands) {
    const c = compare(threshold);
    if (Number.isNaN(c)) return undefined;
    if (c < 0 || (orEqual && c === 0)) return level;
  }
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

