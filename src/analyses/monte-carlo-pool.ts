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
 * so the result is the same whichever thread runs which chunk. The workers
 * can start before this thread reads the scenario (startNodePool: they load
 * their code meanwhile); a worker's lanes join once it has received the
 * scenario and compiled its kernel, so no chunk waits in a starting worker's
 * queue while this thread could have run it.
 */
import { availableParallelism } from 'node:os';
import { Piscina, queueOptionsSymbol, type PiscinaTask } from 'piscina';
import { kernelPathRunner } from './monte-carlo-kernel.ts';
import type { ChunkExecutor, ChunkTask, MonteCarloSetup } from './monte-carlo-run.ts';
import { runChunk, type ChunkOutcome, type ChunkTarget, type PathRunner } from './monte-carlo.ts';
import { handOver } from './monte-carlo-transfer.ts';
import { pathsWorkerArgs, pathsWorkerFile } from './monte-carlo-worker-bundle.ts';

/**
 * From this many paths of one prepared scenario, worker threads join the
 * calling thread. A worker costs CPU before it helps, even started first
 * (its thread and code, the policy and kernel compiled again, the JIT's
 * warm-up: this thread and one worker took 0.7-1.0 s more CPU than this
 * thread alone for 10,000 paths of the banner to 2052), and it joins after
 * 0.4-0.8 s: with a warm path at about 0.1 ms of CPU, the calling thread
 * alone finished 10,000 paths sooner in every run measured here (2 cores
 * shared with other work), and one worker beside it finished 20,000 sooner
 * (bench/monte-carlo.ts measures the layouts in turn; MONTE_CARLO_BENCH_PATHS).
 */
export const WORKERS_FROM_PATHS = 20_000;

/** Threads for a run of `paths` paths of one scenario this thread has prepared: itself alone, or one per core. */
export function threadsFor(paths: number, cores = availableParallelism()): number {
  return paths >= WORKERS_FROM_PATHS ? cores : 1;
}

/**
 * Paths a worker beside this thread runs, and drops, once it has the scenario and before it takes chunks. None: a
 * worker started before this thread prepared the scenario has loaded its code by the time the handover comes, and
 * warms up on its first chunks, whose paths count (measured by bench/monte-carlo.ts against 50 warm paths).
 */
export const WARM_PATHS = 0;

export interface NodePool extends ChunkExecutor {
  /** Milliseconds from the workers' start to the first worker's lanes joining, the scenario handed over (undefined until then, or without workers). */
  readonly joinedAfter?: number;
  /** Milliseconds from the workers' start to the first chunk a worker returned. */
  readonly firstChunkAfter?: number;
  close(): Promise<void>;
}

/** Another worker file and data for its threads (tests: a thread that fails). */
export interface WorkerFile {
  filename: string;
  workerData?: unknown;
}

/** Tasks a worker holds at once beside this thread: the one it runs and the next, so it never waits for a message. */
const PER_WORKER = 2;

/** The pool's balancer as piscina declares it (its worker type is not exported by name). */
type Balancer = NonNullable<ConstructorParameters<typeof Piscina>[0]>['loadBalancer'] & {};
type PiscinaWorker = Parameters<Balancer>[1][number];

/** Which worker thread a task must run on (its `threadId`), read by the pool's balancer. */
type Routed = ChunkTask & { [queueOptionsSymbol]?: { thread: number } };

/**
 * Worker threads started now, before this thread has read or prepared the scenario: each loads its code meanwhile.
 * `withThisThread`: this thread runs chunks too, so one worker fewer than `threads` starts. `for(setup)` then hands
 * them the scenario as this thread prepared it (with `withThisThread`), or lets them prepare it (a sweep's pool).
 */
export function startNodePool(threads = availableParallelism(), withThisThread = false, warmPaths = WARM_PATHS, file?: WorkerFile): { for(here?: MonteCarloSetup): NodePool; close(): Promise<void> } {
  const startedAt = performance.now();
  const workers = withThisThread ? threads - 1 : threads;
  const options = (execArgv: string[] | undefined) => ({
    filename: file?.filename ?? pathsWorkerFile(),
    execArgv,
    workerData: file?.workerData,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
    concurrentTasksPerWorker: PER_WORKER,
    loadBalancer: routed,
  });
  let pool: Piscina<ChunkTask, ChunkOutcome> | undefined;
  if (workers > 0) {
    const own = file ? undefined : pathsWorkerArgs();
    try {
      pool = new Piscina<ChunkTask, ChunkOutcome>(options(own));
    } catch (err) {
      // Flags a worker thread may inherit but not be given (V8's, such as --stack-size or --trace-opt): inherit them all, tsx's loader too.
      if (own === undefined || (err as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw err;
      pool = new Piscina<ChunkTask, ChunkOutcome>(options(undefined));
    }
  }
  const close = async () => {
    await pool?.destroy();
  };
  return { for: (here) => poolFor(pool, threads, withThisThread ? here : undefined, warmPaths, startedAt, close), close };
}

/**
 * piscina gives a task to any free worker; a task routed to one thread (beside this thread, each worker's lanes) goes
 * to that thread only, and waits while it holds PER_WORKER tasks. Others go to the least busy thread.
 */
function routed(task: PiscinaTask, workers: PiscinaWorker[]): PiscinaWorker | null {
  const thread = (task as unknown as Routed)[queueOptionsSymbol]?.thread;
  if (thread !== undefined) return workers.find((w) => w.id === thread && w.currentUsage < PER_WORKER && !w.terminating && !w.destroyed) ?? null;
  let best: PiscinaWorker | null = null;
  for (const w of workers) if (!w.terminating && !w.destroyed && w.currentUsage < PER_WORKER && (!best || w.currentUsage < best.currentUsage)) best = w;
  return best;
}

/** A pool of `threads` threads started now: `here` (the scenario this thread prepared) puts this thread to work beside threads − 1 workers. */
export function nodePool(threads = availableParallelism(), here?: MonteCarloSetup): NodePool {
  return startNodePool(threads, !!here).for(here);
}

function poolFor(pool: Piscina<ChunkTask, ChunkOutcome> | undefined, threads: number, here: MonteCarloSetup | undefined, warmPaths: number, startedAt: number, close: () => Promise<void>): NodePool {
  const local = here && callingThread(here, !!pool);
  let joinedAfter: number | undefined;
  let firstChunkAfter: number | undefined;
  if (!local || !pool) {
    // Workers alone (a sweep's pool): each prepares a scenario at its first chunk of it, any chunk to any free thread.
    return {
      parallelism: local ? 1 : threads,
      joinedAfter,
      firstChunkAfter,
      run: async (task, signal, into) => (local ? local(task, signal, into) : pool!.run(task, { signal })),
      close,
    };
  }
  // Beside this thread, each worker has lanes of its own, routed to its thread: its first task hands it the scenario as
  // prepared here (with the population variants run here) and compiles its kernel there; its lanes take chunks
  // once that is done, so no chunk waits in a starting thread's queue, and a thread that fails leaves only its own
  // lanes. Lane 0 is this thread's; lanes 1 + PER_WORKER·w … are worker w's.
  const handover = handOver(here.key, here.prepared, here.uncertainty);
  const ids = pool.threads.map((t) => t.threadId);
  const workerOf = (lane: number) => Math.floor((lane - 1) / PER_WORKER);
  const alive = (w: number) => pool.threads.some((t) => t.threadId === ids[w]);
  const routedTo = (w: number, task: ChunkTask): Routed => ({ ...task, [queueOptionsSymbol]: { thread: ids[w]! } });
  const joined = ids.map((_, w) => {
    const p = pool.run(routedTo(w, { key: here.key, scenario: here.scenario, file: here.file, options: here.options, from: 0, to: warmPaths, handover })).then(() => {
      joinedAfter ??= performance.now() - startedAt;
    });
    p.catch(() => {});
    return p;
  });
  let localBusy = false;
  return {
    parallelism: 1 + PER_WORKER * ids.length,
    get joinedAfter() {
      return joinedAfter;
    },
    get firstChunkAfter() {
      return firstChunkAfter;
    },
    ready: async (lane) => {
      if (lane > 0) await joined[workerOf(lane)];
    },
    run: async (task, signal, into, lane) => {
      if (lane === 0 || (lane === undefined && !localBusy)) {
        localBusy = true;
        try {
          return await local(task, signal, into);
        } finally {
          localBusy = false;
        }
      }
      const w = lane === undefined ? 0 : workerOf(lane);
      // A thread that stopped (piscina starts another in its place) takes no more tasks: its lanes are lost, not stuck.
      if (!alive(w)) throw new Error(`worker thread ${w + 1} has stopped`);
      const r = await pool.run(routedTo(w, task), { signal });
      firstChunkAfter ??= performance.now() - startedAt;
      return r;
    },
    close,
  };
}

/** Chunks of the prepared scenario in this thread, yielding to the event loop before each (the workers' results and progress flow meanwhile). */
function callingThread(setup: MonteCarloSetup, beside: boolean): (task: ChunkTask, signal?: AbortSignal, into?: ChunkTarget) => Promise<ChunkOutcome> {
  // Beside workers, the kernel is compiled and every population variant the paths can draw run before the scenario is
  // handed to them, with the variants' tables: a worker handed the scenario earlier, without them, ran the population
  // model for each variant itself (and optimised its code), which cost more CPU than the 0.02-0.2 s it joined sooner.
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
