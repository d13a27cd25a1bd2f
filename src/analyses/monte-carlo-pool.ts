/**
 * Node only: Monte Carlo chunks over a piscina pool of worker threads, one per
 * core by default. Each thread prepares a scenario once and keeps it for the
 * scenario's later chunks.
 *
 * Given the scenario as prepared in the calling thread, the workers start
 * with it (src/analyses/monte-carlo-transfer.ts) rather than reading the
 * rules and preparing it again; that thread runs chunks too, on the kernel
 * it compiles once, and only threads − 1 workers start: one thread's
 * start-up (loading the modules, preparing the scenario, compiling the
 * kernel, its population variants) is never paid, and paths begin at once
 * while the workers start; each lane takes the next chunk when it is free,
 * so the result is the same whichever thread runs which chunk. A worker's
 * lanes join only once it has started and run a few paths of its own
 * (WARM_PATHS: its kernel compiled and optimised, the population variants
 * they draw built), so no chunk waits in a starting worker's queue while
 * this thread could have run it.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { kernelPathRunner } from './monte-carlo-kernel.ts';
import type { ChunkExecutor, ChunkTask, MonteCarloSetup } from './monte-carlo-run.ts';
import { runChunk, type ChunkOutcome, type ChunkTarget, type PathRunner } from './monte-carlo.ts';
import { handOver } from './monte-carlo-transfer.ts';
import { pathsWorkerFile } from './monte-carlo-worker-bundle.ts';

/**
 * From this many paths of one prepared scenario, worker threads join the
 * calling thread. A worker costs CPU before it helps (starting the thread and
 * loading the bundle, compiling the policy and the kernel again, the JIT's
 * warm-up: this thread and one worker took 1.0-1.3 s more CPU than this
 * thread alone for 10,000 paths of the banner to 2052, the population
 * variants handed over), and it joins after about half a second: with a warm
 * path at under 0.1 ms of CPU, the calling thread alone finished 10,000 paths
 * sooner in every run measured here (2 cores shared with other work;
 * bench/monte-carlo.ts measures both layouts).
 */
export const WORKERS_FROM_PATHS = 20_000;

/** Threads for a run of `paths` paths of one scenario this thread has prepared: itself alone, or one per core. */
export function threadsFor(paths: number, cores = availableParallelism()): number {
  return paths >= WORKERS_FROM_PATHS ? cores : 1;
}

/** Paths a worker beside this thread runs, and drops, before it takes chunks. */
export const WARM_PATHS = 50;

export function nodePool(threads = availableParallelism(), here?: MonteCarloSetup): ChunkExecutor & { close(): Promise<void> } {
  const workers = here ? threads - 1 : threads;
  const pool = workers > 0 ? new Piscina<ChunkTask, ChunkOutcome>({ filename: pathsWorkerFile(), minThreads: workers, maxThreads: workers, idleTimeout: 1000 }) : undefined;
  const local = here && callingThread(here, !!pool);
  // Each worker's first task: the scenario as prepared here, with the population variants run here so far, and a few paths to warm up on.
  const handover = local && pool ? handOver(here.key, here.prepared, here.uncertainty) : undefined;
  const warm = local && pool ? Promise.all(Array.from({ length: workers }, () => pool.run({ key: here.key, scenario: here.scenario, file: here.file, options: here.options, from: 0, to: WARM_PATHS, handover }))).then(() => undefined) : undefined;
  warm?.catch(() => {});
  let localBusy = false;
  return {
    // With the calling thread: one more lane than threads (lane 0 this thread's), so a worker always has its next chunk queued while it computes.
    parallelism: local ? threads + (pool ? 1 : 0) : threads,
    ready: async (lane) => {
      if (!(local && lane === 0)) await warm;
    },
    run: async (task, signal, into, lane) => {
      if (local && (lane === 0 || !pool || (lane === undefined && !localBusy))) {
        localBusy = true;
        try {
          return await local(task, signal, into);
        } finally {
          localBusy = false;
        }
      }
      return pool!.run(task, { signal });
    },
    close: async () => {
      await pool?.destroy();
    },
  };
}

/** Chunks of the prepared scenario in this thread, yielding to the event loop before each (the workers' results and progress flow meanwhile). */
function callingThread(setup: MonteCarloSetup, beside: boolean): (task: ChunkTask, signal?: AbortSignal, into?: ChunkTarget) => Promise<ChunkOutcome> {
  // Beside workers, the kernel is compiled and every population variant run before they start: what is handed to them.
  let runner: PathRunner | undefined = beside ? kernelPathRunner(setup.prepared.input, setup.uncertainty) : undefined;
  return async (task, signal, into) => {
    await new Promise((r) => setImmediate(r));
    signal?.throwIfAborted();
    if (task.key !== setup.key) throw new Error('a chunk of another scenario than the one this pool was made for');
    runner ??= kernelPathRunner(setup.prepared.input);
    const { input } = setup.prepared;
    return runChunk(runner, setup.uncertainty, task.from, task.to, input.base.year, input.until, into);
  };
}
