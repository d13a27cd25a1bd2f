/** A Monte Carlo worker thread in Node (piscina): chunks of paths over the rules and baselines on disk. */
import { chunkWorker } from '../src/analyses/monte-carlo-run.ts';
import { nodeEnvironment } from '../src/scenario/node-env.ts';

export default chunkWorker(nodeEnvironment());
