/** A Monte Carlo worker in the browser: runs chunks of paths over the embedded rules and baselines (one per core, src/app/browser-pool.ts). */
import { expose } from 'comlink';
import { chunkWorker } from '../src/analyses/monte-carlo-run.ts';
import { embeddedEnvironment } from '../src/scenario/embedded-env.ts';

expose({ run: chunkWorker(embeddedEnvironment()) });
