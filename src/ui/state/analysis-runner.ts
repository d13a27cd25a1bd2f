/**
 * Runs the long analyses (tornado, heat map, goal seek, Monte Carlo) in a
 * worker of their own, one at a time, so the projection of each lever change
 * never waits behind them. Cancelling stops that worker at once (a worker
 * busy projecting reads no messages, so asking it to stop would wait for the
 * end); the next analysis starts a fresh one. A cancelled run resolves to
 * CANCELLED and changes nothing the caller kept.
 */
import { proxy } from 'comlink';
import { spawnWorker, type Api } from './simulation-controller.ts';
import type { Progress } from '../../app/analyses-service.ts';

export const CANCELLED = Symbol('cancelled');

export class AnalysisRunner {
  #worker?: { api: Api; stop: () => void };
  #cancel?: () => void;

  constructor(private readonly start: () => { api: Api; stop: () => void } = () => spawnWorker('analyses')) {}

  /** Whether an analysis is running. */
  get busy(): boolean {
    return this.#cancel !== undefined;
  }

  /**
   * Run `job` on the analysis worker, telling `progress` (done, total) as it goes. A run asked for while
   * another is running cancels that one first.
   */
  async run<T>(job: (api: Api, progress: Progress) => Promise<T>, progress: Progress): Promise<T | typeof CANCELLED> {
    this.cancel();
    this.#worker ??= this.start();
    const { api } = this.#worker;
    const cancelled = new Promise<typeof CANCELLED>((resolve) => (this.#cancel = () => resolve(CANCELLED)));
    const mine = this.#cancel;
    const callback = proxy(progress);
    try {
      return await Promise.race([job(api, callback), cancelled]);
    } finally {
      if (this.#cancel === mine) this.#cancel = undefined;
    }
  }

  /** Stop the running analysis, if any; its worker is stopped and replaced on the next run. */
  cancel(): void {
    const cancel = this.#cancel;
    if (!cancel) return;
    this.#cancel = undefined;
    this.#worker?.stop();
    this.#worker = undefined;
    cancel();
  }
}
