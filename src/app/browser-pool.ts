/**
 * Monte Carlo chunks over Web Workers (workers/paths.worker.ts), one per core
 * (navigator.hardwareConcurrency), via comlink. Cancelling terminates the
 * workers; the next run starts fresh ones. Where no Worker exists (tests in
 * Node), chunks run in this thread.
 */
import { wrap, type Remote } from 'comlink';
import type { ChunkExecutor, ChunkTask } from '../analyses/monte-carlo-run.ts';
import { inThreadExecutor } from '../analyses/monte-carlo-run.ts';
import type { ChunkOutcome } from '../analyses/monte-carlo.ts';
import { embeddedEnvironment } from '../scenario/embedded-env.ts';

type PathsWorker = { run(task: ChunkTask): Promise<ChunkOutcome> };

export function browserExecutor(workers = globalThis.navigator?.hardwareConcurrency || 2): ChunkExecutor {
  if (typeof Worker === 'undefined') return inThreadExecutor(embeddedEnvironment());
  const pool: { worker: Worker; api: Remote<PathsWorker> }[] = [];
  const idle: number[] = [];
  const waiting: { resolve: (i: number) => void; reject: (reason: unknown) => void }[] = [];
  const start = () => {
    const worker = new Worker(new URL('../../workers/paths.worker.ts', import.meta.url), { type: 'module', name: `paths-${pool.length}` });
    pool.push({ worker, api: wrap<PathsWorker>(worker) });
    return pool.length - 1;
  };
  const acquire = (): Promise<number> => {
    if (idle.length) return Promise.resolve(idle.pop()!);
    if (pool.length < workers) return Promise.resolve(start());
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };
  const release = (i: number) => {
    const w = waiting.shift();
    if (w) w.resolve(i);
    else idle.push(i);
  };
  /** Chunks running on a worker: a terminated worker never answers, so they are failed here. */
  const running = new Set<(reason: unknown) => void>();
  // Stops every worker; chunks running or waiting for one are dropped with the run they belong to.
  const terminate = (reason: unknown) => {
    for (const p of pool) p.worker.terminate();
    pool.length = 0;
    idle.length = 0;
    for (const w of waiting.splice(0)) w.reject(reason);
    for (const fail of [...running]) fail(reason);
    running.clear();
  };
  return {
    parallelism: workers,
    run: async (task, signal) => {
      signal?.throwIfAborted();
      const i = await acquire();
      let fail!: (reason: unknown) => void;
      const stopped = new Promise<never>((_, reject) => (fail = reject));
      running.add(fail);
      signal?.addEventListener('abort', () => fail(signal.reason), { once: true });
      const worker = pool[i]!;
      try {
        return await Promise.race([worker.api.run(task), stopped]);
      } finally {
        running.delete(fail);
        if (signal?.aborted) terminate(signal.reason);
        else if (pool[i] === worker) release(i);
      }
    },
    close: async () => terminate(new Error('the pool is closed')),
  };
}
