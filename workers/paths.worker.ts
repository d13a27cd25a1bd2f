/** A Monte Carlo worker in the browser: runs chunks of paths over the embedded rules and baselines (one per core, src/app/browser-pool.ts). */
import { expose, transfer } from 'comlink';
import { chunkWorker, type ChunkTask } from '../src/analyses/monte-carlo-run.ts';
import { embeddedEnvironment } from '../src/scenario/embedded-env.ts';

const work = chunkWorker(embeddedEnvironment());

expose({
  // The chunk's values move to the page's side rather than being copied.
  run: async (task: ChunkTask) => {
    const r = await work(task);
    return r.ok ? transfer(r, [r.chunk.values.buffer]) : r;
  },
});
