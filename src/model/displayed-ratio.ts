/**
 * A ratio of exact amounts to the digits it is shown with, without a 40-digit division where float64
 * decides it. The amounts converted to float64 and divided carry a relative error under 1e-15 (each of
 * the few roundings at most 2^-53); where the float result lies within 1e-12 (relative) of a rounding
 * boundary of the shown digits, or of a threshold it is compared with, the exact decimal value decides.
 * So the text is always the exact value's `toDecimalPlaces(places).toFixed()` (decimal.js, half up, away
 * from zero), and a comparison always the exact one: test/model/displayed-ratio.test.ts checks both over
 * random amounts against the exact path. Errors are values here: NaN, never an exception.
 */
import type { Dec } from '../common/money.ts';

/** Closer than this (relative) to a boundary, float64 cannot tell the side: the exact value decides. */
const NEAR = 1e-12;
const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];

/**
 * `ratio` (a float64 approximation of the exact value `exact()`) to `places` decimals (at most 6), half
 * up, as text without trailing zeros: the same as `exact().toDecimalPlaces(places).toFixed()`.
 */
export function ratioText(ratio: number, places: number, exact: () => Dec): string {
  const scaled = Math.abs(ratio) * POW10[places]!;
  // beyond 2^52 the units are not all integers; NaN and infinities fail the test too
  if (!(scaled < 2 ** 52)) return exact().toDecimalPlaces(places).toFixed();
  const whole = Math.floor(scaled);
  if (Math.abs(scaled - whole - 0.5) <= NEAR * scaled + 1e-300) return exact().toDecimalPlaces(places).toFixed();
  const units = scaled - whole > 0.5 ? whole + 1 : whole;
  if (units === 0) return '0';
  const unit = POW10[places]!;
  const integer = Math.floor(units / unit);
  const fraction = String(units - integer * unit).padStart(places, '0').replace(/0+$/, '');
  return (ratio < 0 ? '-' : '') + (fraction ? `${integer}.${fraction}` : String(integer));
}

/**
 * The sign of `value − threshold` (−1 or 1), where `value` is a float64 approximation of an exact
 * value; NaN where they are too close for float64 to tell (the caller compares the exact values).
 */
export function compareNear(value: number, threshold: Dec): number {
  const t = threshold.toNumber();
  const d = value - t;
  if (!(Math.abs(d) > NEAR * (Math.abs(value) + Math.abs(t)))) return Number.NaN;
  return d < 0 ? -1 : 1;
}
