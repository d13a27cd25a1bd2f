/** Growth indices: how a trend in percent a year compounds. */

/**
 * (1 + rate%)^t for t years from the base year, float64; with a rate per
 * projected year (index 0: the year after the base year), their product.
 * Multiplied out year by year (divided, before the base year) rather than by
 * Math.pow: IEEE-754 products and quotients round the same in every engine,
 * where Math.pow's last bit is the engine's own, so a projection reproduces in
 * any browser; and a path's years are then one product apart (fillDrivers).
 */
export function growthIndex(ratePercent: number, t: number, byYear?: ArrayLike<number>): number {
  let f = 1;
  if (t < 0) {
    const g = 1 + ratePercent / 100;
    for (let k = 0; k < -t; k++) f /= g;
    return f;
  }
  for (let k = 0; k < t; k++) f *= 1 + (byYear && k < byYear.length ? byYear[k]! : ratePercent) / 100;
  return f;
}
