/**
 * The first draws of five paths of seed 20260101 from one distribution of each
 * kind: the numbers every environment must give (Node here, Chromium in
 * test/browser/monte-carlo.test.ts), checked against one file. Rewrite the
 * file only when the random streams or the draws are meant to change.
 */
import { draw, pathStreams } from '../../src/analyses/monte-carlo.ts';
import type { Distribution } from '../../src/scenario/uncertainty.ts';

export const DISTRIBUTIONS: Distribution[] = [
  { type: 'normal', mean: 5, sd: 1.5, min: -99, max: 100 },
  { type: 'normal', mean: 100, sd: 2, min: 90, max: 100 },
  { type: 'uniform', min: 2, max: 4 },
  { type: 'triangular', min: 0, mode: 1, max: 5 },
  { type: 'discrete', values: ['low', 'medium', 'high'], cumulative: [0.25, 0.75, 1] },
];

export function firstDraws(seed = 20260101, paths = 5): (number | string)[][] {
  const next = pathStreams(seed, 0);
  return Array.from({ length: paths }, () => {
    const rng = next();
    return DISTRIBUTIONS.map((d) => draw(d, rng));
  });
}
