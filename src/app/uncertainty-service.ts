/**
 * Monte Carlo for the workbench, as plain data: fan-chart percentiles per fund
 * and year, the probability of exhaustion by year, the first-deficit year's
 * distribution, and every uncertain assumption with its distribution and
 * reason. A refusal comes back as a list of problems; a cancelled run as
 * `cancelled: true`. The paths run on one Web Worker per core.
 */
import { InputError, type InputProblem } from '../common/errors.ts';
import { prepareMonteCarlo, runMonteCarlo, type ChunkExecutor, type MonteCarloResult, type Progress } from '../analyses/monte-carlo-run.ts';
import { uncertaintyEntries, type UncertaintyEntry } from '../scenario/uncertainty.ts';
import { embeddedEnvironment } from '../scenario/embedded-env.ts';
import { browserExecutor } from './browser-pool.ts';

export interface MonteCarloRequest {
  paths?: number;
  seed?: number;
  /** Names the run for cancelMonteCarlo (default: "default"). */
  runId?: string;
}

export type MonteCarloView =
  | { ok: true; result: MonteCarloResult; assumptions: UncertaintyEntry[]; millis: number }
  | { ok: false; problems: InputProblem[]; cancelled?: true };

const CANCELLED = { zh: '已取消', en: 'cancelled' };

const VARIANT: Record<string, string> = { low: '低方案', medium: '中方案', high: '高方案' };
const UNIT_EN: Record<string, string> = { '%/年': '% a year', '个百分点/年': 'points a year' };

/**
 * An uncertain assumption in the reader's language throughout: the library writes units as the scenario
 * file does (%/年) and fertility variants by their WPP names (low, medium, high); the English text gets
 * English units, the Chinese one the variants' Chinese names.
 */
export function readableEntry(e: UncertaintyEntry): UncertaintyEntry {
  let en = e.value.en;
  for (const [zh, eng] of Object.entries(UNIT_EN)) en = en.split(`(${zh})`).join(`(${eng})`);
  const zh = e.name === 'uncertainty/fertility' ? e.value.zh.replace(/\b(low|medium|high)\b/g, (w) => VARIANT[w]!) : e.value.zh;
  return { ...e, value: { zh, en } };
}

export class UncertaintyService {
  #executor: ChunkExecutor | undefined;
  readonly #runs = new Map<string, AbortController>();

  constructor(executor?: ChunkExecutor) {
    this.#executor = executor;
  }

  /** Runs the scenario's paths (its own count and seed unless given); `onProgress(done, total)` after each chunk. */
  async monteCarlo(data: unknown, file: string, req: MonteCarloRequest = {}, onProgress?: Progress): Promise<MonteCarloView> {
    const started = performance.now();
    const id = req.runId ?? 'default';
    this.#runs.get(id)?.abort();
    const controller = new AbortController();
    this.#runs.set(id, controller);
    try {
      const setup = await prepareMonteCarlo(data, file, embeddedEnvironment(), { paths: req.paths, seed: req.seed });
      this.#executor ??= browserExecutor();
      const result = await runMonteCarlo(setup, this.#executor, { onProgress, signal: controller.signal });
      return { ok: true, result, assumptions: uncertaintyEntries(setup.uncertainty).map(readableEntry), millis: performance.now() - started };
    } catch (err) {
      if (controller.signal.aborted) return { ok: false, cancelled: true, problems: [{ file, path: '', reason: CANCELLED.en, message: { id: 'uncertainty.invalid', ...CANCELLED } }] };
      if (err instanceof InputError) return { ok: false, problems: err.problems };
      return { ok: false, problems: [{ file, path: '', reason: (err as Error).message }] };
    } finally {
      if (this.#runs.get(id) === controller) this.#runs.delete(id);
    }
  }

  /** Stops a run (or every run): it answers `cancelled: true`. */
  cancelMonteCarlo(runId?: string): void {
    for (const [id, c] of this.#runs) if (runId === undefined || id === runId) c.abort();
  }
}

const shared = new UncertaintyService();

/** The workbench's entry point: `monteCarlo(data, file, { paths, seed }, onProgress?)`. */
export function monteCarlo(data: unknown, file: string, req: MonteCarloRequest = {}, onProgress?: Progress): Promise<MonteCarloView> {
  return shared.monteCarlo(data, file, req, onProgress);
}

export function cancelMonteCarlo(runId?: string): void {
  shared.cancelMonteCarlo(runId);
}
