/** How a long analysis (a grid, a goal seek, Monte Carlo paths) reports how far it has got. */
export type Progress = (done: number, total: number) => void;

/**
 * The same reports, at most one every `ms` milliseconds: the first and the last (done = total) always pass.
 * A page told of every chunk of a run would redraw its progress bar for each one.
 */
export function throttled(progress: Progress | undefined, ms = 100, now: () => number = () => performance.now()): Progress | undefined {
  if (!progress) return undefined;
  let last = -Infinity;
  return (done, total) => {
    const t = now();
    if (done < total && t - last < ms) return;
    last = t;
    progress(done, total);
  };
}
