/**
 * A printed figure stands for every value that rounds to it: "43370.17" at
 * 0.01 is anything in [43370.165, 43370.175]. Carrying those bounds through
 * sums and ratios is what lets the audit tell a rounding difference from a
 * real one: it reports a contradiction only when no unrounded values could
 * have produced all the printed ones.
 */
import { D, ZERO, type Dec } from '../common/money.ts';

export interface Approx {
  /** The value computed from the printed digits. */
  value: Dec;
  lo: Dec;
  hi: Dec;
}

const TWO = new D(2);
const INFINITY = new D(Infinity);

export function exact(value: Dec): Approx {
  return { value, lo: value, hi: value };
}

/** A printed value at its precision: ± half a unit in the last printed place. */
export function printed(value: Dec, precision: Dec): Approx {
  const half = precision.dividedBy(TWO);
  return { value, lo: value.minus(half), hi: value.plus(half) };
}

export function add(a: Approx, b: Approx): Approx {
  return { value: a.value.plus(b.value), lo: a.lo.plus(b.lo), hi: a.hi.plus(b.hi) };
}

export function neg(a: Approx): Approx {
  return { value: a.value.negated(), lo: a.hi.negated(), hi: a.lo.negated() };
}

export function sub(a: Approx, b: Approx): Approx {
  return add(a, neg(b));
}

export function sumAll(items: Approx[]): Approx {
  return items.reduce(add, exact(ZERO));
}

/** Multiply by an exact factor (unit conversion, ×100, ×12). */
export function scale(a: Approx, k: Dec): Approx {
  const x = a.lo.times(k);
  const y = a.hi.times(k);
  return { value: a.value.times(k), lo: D.min(x, y), hi: D.max(x, y) };
}

export function mul(a: Approx, b: Approx): Approx {
  const c = [a.lo.times(b.lo), a.lo.times(b.hi), a.hi.times(b.lo), a.hi.times(b.hi)];
  return { value: a.value.times(b.value), lo: D.min(...c), hi: D.max(...c) };
}

/** a / b; unbounded when b's range includes zero (nothing can then be contradicted). */
export function div(a: Approx, b: Approx): Approx | undefined {
  if (b.value.isZero()) return undefined;
  if (b.lo.lte(0) && b.hi.gte(0)) return { value: a.value.dividedBy(b.value), lo: INFINITY.negated(), hi: INFINITY };
  const c = [a.lo.dividedBy(b.lo), a.lo.dividedBy(b.hi), a.hi.dividedBy(b.lo), a.hi.dividedBy(b.hi)];
  return { value: a.value.dividedBy(b.value), lo: D.min(...c), hi: D.max(...c) };
}

/** Could both printed figures come from the same true value? */
export function overlaps(a: Approx, b: Approx): boolean {
  return a.lo.lte(b.hi) && b.lo.lte(a.hi);
}

/** Largest distance from the value to a bound: the tolerance this figure brings. */
export function halfWidth(a: Approx): Dec {
  return D.max(a.hi.minus(a.value), a.value.minus(a.lo));
}

/** Round half-up to a precision such as 0.01, 1 or 10. */
export function roundTo(value: Dec, precision: Dec): Dec {
  return value.dividedBy(precision).toDecimalPlaces(0, D.ROUND_HALF_UP).times(precision);
}

/** Decimal places a precision prints: 0.01 → 2, 1 → 0, 10 → 0. */
export function placesOf(precision: Dec): number {
  return Math.max(0, precision.decimalPlaces());
}

/** Decimal places of a literal as printed: "1240.4" → 1. */
export function literalPlaces(literal: string): number {
  const dot = literal.indexOf('.');
  return dot < 0 ? 0 : literal.length - dot - 1;
}
