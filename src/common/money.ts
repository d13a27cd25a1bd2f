/**
 * Money and exact decimals. Every amount is a decimal.js value from input to
 * output; rounding happens only where money is charged (to the fen, half-up),
 * or where a report prints (to its own precision).
 */
import Decimal from 'decimal.js';

// A dedicated constructor so no other user of decimal.js can change our settings.
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

export const ZERO = new D(0);
export const ONE = new D(1);
export const HUNDRED = new D(100);

export { DECIMAL_LITERAL, isDecimalLiteral } from './decimal-literal.ts';

export function dec(v: string | number | Dec): Dec {
  return new D(v);
}

/** Round to the fen (0.01 元), half-up: what a collector actually charges. */
export function toFen(v: Dec): Dec {
  return v.toDecimalPlaces(2, D.ROUND_HALF_UP);
}

/** `percent` of `v`: 6.2 (percent) of 5067 = 314.154. */
export function percentOf(v: Dec, percent: Dec): Dec {
  return v.times(percent).dividedBy(HUNDRED);
}

/** 元 to 万元, exact (no rounding). */
export function toWan(yuan: Dec): Dec {
  return yuan.dividedBy(10000);
}

export function fromWan(wan: Dec): Dec {
  return wan.times(10000);
}

/** A fixed two-decimal string for output: "314.15". */
export function fenString(v: Dec): string {
  return toFen(v).toFixed(2);
}

export function sum(values: Iterable<Dec>): Dec {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}
