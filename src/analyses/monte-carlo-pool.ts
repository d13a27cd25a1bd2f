/**
 * Node only: Monte Carlo chunks over a piscina pool of worker threads, one per
 * core by default. Each thread prepares a scenario once and keeps it for the
 * scenario's later chunks.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ChunkExecutor, ChunkTask } from './monte-carlo-run.ts';
import type { ChunkOutcome } from './monte-carlo.ts';

const WORKER = new URL('../../workers/paths-node.mjs', import.meta.url).href;

export function nodePool(threads = availableParallelism()): ChunkExecutor & { close(): Promise<void> } {
  const pool = new Piscina<ChunkTask, ChunkOutcome>({ filename: WORKER, minThreads: threads, maxThreads: threads, idleTimeout: 1000 });
  return {
    parallelism: threads,
    run: (task, signal) => pool.run(task, { signal }),
    close: () => pool.destroy(),
  };
}
