/**
 * Running a Monte Carlo: the scenario is prepared once by the caller and once
 * per worker (cached by its key), paths are cut into chunks, an executor runs
 * them (in this thread, a piscina pool in Node, Web Workers in the browser),
 * and the chunks are merged. Progress is reported per chunk; an AbortSignal
 * stops dispatching and drops the run.
 */
import { InputError } from '../common/errors.ts';
import { message } from '../common/messages.ts';
import { D } from '../common/money.ts';
import { project } from '../model/project.ts';
import { contentHash } from '../scenario/hash.ts';
import { loadScenario } from '../scenario/load.ts';
import { prepareScenario, type Environment, type Prepared } from '../scenario/prepare.ts';
import type { Scenario } from '../scenario/types.ts';
import { resolveUncertainty, type Uncertainty } from '../scenario/uncertainty.ts';
import { pathOf } from './monte-carlo-exact.ts';
import { kernelPathRunner } from './monte-carlo-kernel.ts';
import { receive, type HandedOver } from './monte-carlo-transfer.ts';
import { ChunkMerge, chunksOf, runChunk, type ChunkOutcome, type ChunkTarget, type MonteCarloSummary, type PathRunner } from './monte-carlo.ts';
import type { Progress } from './progress.ts';

/** The command line's or the workbench's choice of paths and seed, over the scenario's own. */
export interface MonteCarloOptions {
  paths?: number;
  seed?: number;
}

/** What a worker needs to run paths [from, to): plain data. */
export interface ChunkTask {
  /** Identifies the scenario and its uncertainty: a worker prepares each key once. */
  key: string;
  scenario: unknown;
  file: string;
  options: MonteCarloOptions;
  from: number;
  to: number;
  /** The scenario as the calling thread prepared it (a pool's first task for a new worker): the worker starts from it. */
  handover?: HandedOver;
}

export interface ChunkExecutor {
  /** How many chunks it runs at once. */
  parallelism: number;
  /**
   * `into`: where a chunk run in the merging thread may write its values (a worker thread returns its own);
   * `lane`: which of the `parallelism` lanes asks (0 to parallelism − 1).
   */
  run(task: ChunkTask, signal?: AbortSignal, into?: ChunkTarget, lane?: number): Promise<ChunkOutcome>;
  /**
   * Resolves when a lane may take chunks: a lane of a worker thread still starting takes none (the lanes
   * that are ready take them meanwhile, so a worker joins late instead of holding chunks while it starts).
   * Rejects where the thread cannot start; the run then goes on without that lane.
   */
  ready?(lane: number): Promise<void>;
  close?(): Promise<void>;
}

export interface MonteCarloSetup {
  scenario: Scenario;
  prepared: Prepared;
  uncertainty: Uncertainty;
  key: string;
  file: string;
  options: MonteCarloOptions;
}

/** Reads and checks a scenario with its uncertainty; the command line's and the workbench's flags override paths and seed. */
export async function prepareMonteCarlo(data: unknown, file: string, env: Environment, options: MonteCarloOptions = {}, prepared?: Prepared): Promise<MonteCarloSetup> {
  const scenario = loadScenario(data, file);
  prepared ??= await prepareScenario(structuredClone(scenario), file, env);
  const uncertainty = uncertaintyOf(scenario, prepared, file, options);
  const key = await contentHash({ scenario: prepared.hash, uncertainty });
  return { scenario, prepared, uncertainty, key, file, options };
}

function uncertaintyOf(scenario: Scenario, prepared: Prepared, file: string, options: MonteCarloOptions): Uncertainty {
  const given = { ...scenario.assumptions?.uncertainty, ...(options.paths !== undefined ? { paths: options.paths } : {}), ...(options.seed !== undefined ? { seed: options.seed } : {}) };
  try {
    return resolveUncertainty(given, prepared.input.assumptions, file);
  } catch (err) {
    // A refused --paths or --seed is the flag's, not the file's.
    if (!(err instanceof InputError)) throw err;
    throw new InputError(err.problems.map((p) => (p.path.endsWith('/paths') && options.paths !== undefined ? { ...p, file: '--paths', path: '' } : p.path.endsWith('/seed') && options.seed !== undefined ? { ...p, file: '--seed', path: '' } : p)));
  }
}

/**
 * The worker's side: prepares each scenario once (the runner compiled once per
 * worker and scenario), then runs chunks of its paths.
 */
export function chunkWorker(
  env: Environment | (() => Environment),
  compile: (p: Prepared) => PathRunner = (p) => kernelPathRunner(p.input),
  given?: { key: string; prepared: Prepared; uncertainty?: Uncertainty },
): (task: ChunkTask, into?: ChunkTarget) => Promise<ChunkOutcome> {
  const cache = new Map<string, Promise<{ setup: Pick<MonteCarloSetup, 'prepared' | 'uncertainty'>; runner: PathRunner }>>();
  return async (task, into) => {
    let entry = cache.get(task.key);
    if (!entry) {
      // The scenario as the calling thread prepared it, where it handed that over for this key (its environment then never
      // loads); with its uncertainty, the scenario is not read again either.
      const handed = task.handover?.key === task.key ? receive(task.handover) : given?.key === task.key ? given : undefined;
      const prepared = handed?.prepared;
      const setup = handed?.uncertainty ? Promise.resolve({ prepared: handed.prepared, uncertainty: handed.uncertainty }) : prepareMonteCarlo(task.scenario, task.file, prepared ? (undefined as never) : typeof env === 'function' ? env() : env, task.options, prepared);
      entry = setup.then((setup) => ({ setup, runner: compile(setup.prepared) }));
      cache.set(task.key, entry);
      if (cache.size > 4) cache.delete(cache.keys().next().value!);
    }
    const { setup, runner } = await entry;
    const { input } = setup.prepared;
    return runChunk(runner, setup.uncertainty, task.from, task.to, input.base.year, input.until, into);
  };
}

/** Runs chunks in this thread, one at a time, yielding between chunks (tests, and a worker that is itself the pool). */
export function inThreadExecutor(env: Environment, compile?: (p: Prepared) => PathRunner): ChunkExecutor {
  const work = chunkWorker(env, compile);
  return {
    parallelism: 1,
    run: async (task, signal, into) => {
      await new Promise((r) => setTimeout(r, 0));
      signal?.throwIfAborted();
      return work(task, into);
    },
  };
}

export interface MonteCarloResult extends MonteCarloSummary {
  /** Content hash of the scenario's resolved inputs (as in a single projection). */
  scenarioHash: string;
  /** Content hash of those inputs with the uncertainty, paths and seed. */
  hash: string;
  uncertainty: Uncertainty;
  /** What went wrong on the way without changing the figures (a thread that failed, whose paths the others ran), in both languages. */
  warnings: { zh: string; en: string }[];
  /** The scenario as stated (no draws), per fund and year: cumulative balance (元) and months payable. */
  deterministic: { id: string; years: { year: number; cumulative: string; monthsPayable: number | null }[] }[];
}

export type { Progress };

/**
 * Default chunk: enough chunks to keep every worker busy and report progress, not so many that messages
 * dominate; at most 250 paths, so a worker that joins late, or the last chunk, holds the others up little.
 */
export function chunkSize(paths: number, parallelism: number): number {
  return Math.max(1, Math.min(250, Math.ceil(paths / (parallelism * 8))));
}

export async function runMonteCarlo(setup: MonteCarloSetup, executor: ChunkExecutor, opts: { onProgress?: Progress; signal?: AbortSignal; chunk?: number } = {}): Promise<MonteCarloResult> {
  const { uncertainty: u } = setup;
  /** Chunks not yet taken, in path order; a chunk whose thread failed goes back to the front. */
  const queue = chunksOf(u.paths, opts.chunk ?? chunkSize(u.paths, executor.parallelism));
  const merge = new ChunkMerge(u.paths, u.seed);
  const warnings: { zh: string; en: string }[] = [];
  const lost: unknown[] = [];
  let done = 0;
  let inFlight = 0;
  /** Set by a refused path: every lane stops taking chunks, and a chunk that comes back after it is dropped. */
  let refused = false;
  // Done when every chunk is merged, though a lane may still be waiting for its thread to start (it then finds nothing left).
  let finish!: () => void;
  const finished = new Promise<void>((r) => (finish = r));
  /** Lanes waiting for a chunk another lane still holds (it may come back if that lane's thread fails). */
  let wake: (() => void)[] = [];
  const changed = () => {
    const w = wake;
    wake = [];
    for (const f of w) f();
  };
  /** A lane whose thread cannot start or failed leaves its chunks to the others, with a warning in the result. */
  const lose = (err: unknown) => {
    lost.push(err);
    const m = message('montecarlo.threadLost', { reason: err instanceof Error ? err.message : String(err) });
    if (!warnings.some((w) => w.en === m.en)) warnings.push({ zh: m.zh, en: m.en });
  };
  /** The user's cancellation and a refused scenario end the run; any other failure is one thread's. */
  const fatal = (err: unknown) => err instanceof InputError || opts.signal?.aborted;
  const worker = async (lane: number) => {
    if (executor.ready) {
      try {
        await executor.ready(lane);
      } catch (err) {
        if (fatal(err)) throw err;
        return lose(err);
      }
    }
    for (;;) {
      opts.signal?.throwIfAborted();
      if (refused) return;
      const piece = queue.shift();
      if (!piece) {
        if (inFlight === 0) return;
        await new Promise<void>((r) => wake.push(r));
        continue;
      }
      inFlight++;
      let r: ChunkOutcome;
      try {
        r = await executor.run({ key: setup.key, scenario: setup.scenario, file: setup.file, options: setup.options, ...piece }, opts.signal, merge.target, lane);
      } catch (err) {
        inFlight--;
        if (refused) return;
        if (fatal(err)) throw err;
        queue.unshift(piece);
        lose(err);
        changed();
        return;
      }
      inFlight--;
      if (refused) return;
      if (!r.ok) {
        refused = true;
        changed();
        const m = message('uncertainty.invalid', { zh: `第 ${r.path} 条路径：${r.reason.zh}`, en: `path ${r.path}: ${r.reason.en}` });
        throw new InputError([{ file: setup.file, path: '/assumptions/uncertainty', reason: m.en, message: m }]);
      }
      merge.add(r.chunk);
      done += piece.to - piece.from;
      opts.onProgress?.(done, u.paths);
      if (done === u.paths) finish();
      changed();
    }
  };
  const lanes = Promise.all(Array.from({ length: Math.min(executor.parallelism, queue.length) }, (_, lane) => worker(lane))).then(() => {
    // Every lane gave up with paths still to run: no thread could run them.
    if (done < u.paths) throw lost[0] ?? new Error('Monte Carlo lanes stopped with paths left to run');
  });
  const all = Promise.race([lanes, finished]);
  // The scenario as stated, projected here while the workers run its paths.
  let exact: ReturnType<typeof pathOf>;
  try {
    exact = pathOf(project(setup.prepared.input));
  } catch (err) {
    all.catch(() => {});
    throw err;
  }
  await all;
  opts.signal?.throwIfAborted();
  const base = setup.prepared.input.base.year;
  return {
    ...merge.summary(),
    warnings,
    scenarioHash: setup.prepared.hash,
    hash: setup.key,
    uncertainty: u,
    deterministic: exact.ok
      ? exact.funds.map((f) => ({
          id: f.id,
          years: Array.from(f.cumulative, (c, i) => ({ year: base + i, cumulative: new D(c).dividedBy(100).toFixed(2), monthsPayable: Number.isNaN(f.monthsPayable[i]!) ? null : Math.round(f.monthsPayable[i]! * 100) / 100 })),
        }))
      : [],
  };
}
