/** A Monte Carlo worker thread in Node (piscina): chunks of paths over the rules and baselines on disk. */
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import { chunkWorker, type ChunkTask } from '../src/analyses/monte-carlo-run.ts';
import { unpackInput, type HandedOver } from '../src/analyses/monte-carlo-transfer.ts';
import { nodeEnvironment } from '../src/scenario/node-env.ts';

// The scenario the calling thread prepared, if it handed it over: the rules are then never read here.
const given = workerData as HandedOver | undefined;
const work = chunkWorker(nodeEnvironment, undefined, given ? { key: given.key, prepared: { input: unpackInput(given.input), hash: given.hash, baselineJson: undefined } } : undefined);

// The chunk's values move to the calling thread rather than being copied.
export default async function run(task: ChunkTask) {
  const r = await work(task);
  return r.ok ? move({ [transferableSymbol]: [r.chunk.values.buffer], [valueSymbol]: r }) : r;
}
