/** A Monte Carlo worker thread in Node (piscina): chunks of paths over the rules and baselines on disk. */
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { chunkWorker, type ChunkTask } from '../src/analyses/monte-carlo-run.ts';
import { nodeEnvironment } from '../src/scenario/node-env.ts';

// A task may hand over the scenario the calling thread prepared (ChunkTask.handover): the rules are then never read here.
const work = chunkWorker(nodeEnvironment);

// The chunk's values move to the calling thread rather than being copied.
export default async function run(task: ChunkTask) {
  const r = await work(task);
  return r.ok ? move({ [transferableSymbol]: [r.chunk.values.buffer], [valueSymbol]: r }) : r;
}
