/**
 * A sweep: many scenarios, each through Monte Carlo. Which scenarios one
 * machine runs is a shard: of the scenario files sorted by path, shard I of N
 * takes those whose index ≡ I (mod N), so N machines (or the N completions of
 * a batch job) between them run every scenario exactly once, whatever I each
 * one gets, and adding a scenario moves few others.
 */

export interface Shard {
  index: number;
  count: number;
}

/** "I/N" with 0 ≤ I < N; undefined when it is not. */
export function parseShard(text: string): Shard | undefined {
  const m = /^([0-9]+)\/([0-9]+)$/.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index < count ? { index, count } : undefined;
}

/** The files of one shard, from the sorted list (code-point order of the paths, the same on every machine). */
export function shardOf(files: string[], shard: Shard = { index: 0, count: 1 }): string[] {
  return [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).filter((_, i) => i % shard.count === shard.index);
}
