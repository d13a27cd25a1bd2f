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
  const waiting: ((i: number) => void)[] = [];
  const start = () => {
    const worker = new Worker(new URL('../../workers/paths.worker.ts', import.meta.url), { type: 'module', name: `paths-${pool.length}` });
    pool.push({ worker, api: wrap<PathsWorker>(worker) });
    return pool.length - 1;
  };
  const acquire = (): Promise<number> => {
    if (idle.length) return Promise.resolve(idle.pop()!);
    if (pool.length < workers) return Promise.resolve(start());
    return new Promise((r) => waiting.push(r));
  };
  const release = (i: number) => {
    const w = waiting.shift();
    if (w) w(i);
    else idle.push(i);
  };
  const terminate = () => {
    for (const p of pool) p.worker.terminate();
    pool.length = 0;
    idle.length = 0;
  };
  return {
    parallelism: workers,
    run: async (task, signal) => {
      signal?.throwIfAborted();
      const i = await acquire();
      const aborted = new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
      try {
        return await Promise.race([pool[i]!.api.run(task), aborted]);
      } finally {
        if (signal?.aborted) terminate();
        else release(i);
      }
    },
    close: async () => terminate(),
  };
}
