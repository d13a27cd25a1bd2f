/**
 * Owns the connection to the simulation worker. Requests coalesce: while one
 * run is in flight, only the newest request waits, and a result is dropped
 * if a newer request arrived meanwhile, so dragging a lever never queues
 * stale work and the page never waits on the worker. A run's figures (the
 * funds, what their cards and charts read) are asked for first and shown at
 * once (`figures`); the rest of its result is asked for after a frame has
 * shown them, unless a newer request has come meanwhile (a lever still
 * moving), so a drag redraws the charts at every step and the panels below
 * when it rests. A newer request ends that wait at once: its figures are
 * asked for without waiting for the frame.
 */
import { wrap, type Remote } from 'comlink';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SimulationService } from '../../app/service.ts';
import type { FailedRun, RunFigures, RunResult } from '../../app/views.ts';

export type Api = Remote<SimulationService>;

let early: Api | undefined;

/**
 * Start the simulation worker before the page's own code has loaded, so that the two load in parallel
 * (the entry point calls it first); the first startWorker() then takes this one.
 */
export function prestartWorker(): void {
  early ??= spawnWorker('simulation').api;
}

/**
 * Have the early worker begin the page's first projection at once (SimulationService.warm): the scenario
 * the page will show, if it knows it (a stored one), else the first example, which a first visit shows.
 */
export function warmWorker(scenario?: unknown, title?: string): void {
  void early?.warm(scenario, title);
}

export function startWorker(): Api {
  const api = early ?? spawnWorker('simulation').api;
  early = undefined;
  return api;
}

/** A simulation worker of its own, with the means to stop it (a long analysis is cancelled by stopping its worker). */
export function spawnWorker(name: string): { api: Api; stop: () => void } {
  const worker = new Worker(new URL('../../../workers/simulation.worker.ts', import.meta.url), { type: 'module', name });
  worker.addEventListener('error', (e) => console.error(`the ${name} worker failed to start:`, e.message ?? e));
  return { api: wrap<SimulationService>(worker), stop: () => worker.terminate() };
}

interface Request {
  data: unknown;
  file: string;
  leversAt?: string;
  at: number;
}

export class SimulationController implements ReactiveController {
  result?: RunResult;
  /** The figures of the newest run, shown before the rest of its result (which then keeps their objects); undefined once it has come. */
  figures?: RunFigures;
  running = false;
  /** Milliseconds from the last request to its result, for the benchmark and the status line. */
  lastLatency?: number;
  #pending?: Request;
  /** A whole result has come (before it, the page has no results to show figures in, and runs are asked for whole). */
  #whole = false;
  #inFlight = false;
  #waiters: (() => void)[] = [];
  /** Told of each result that is kept, with the data it is for (before the host redraws). */
  onResult?: (data: unknown, result: RunResult) => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly api: Api,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  request(data: unknown, file = 'scenario', leversAt?: string): void {
    this.#pending = { data, file, leversAt, at: performance.now() };
    this.running = true;
    this.host.requestUpdate();
    if (!this.#inFlight) void this.#drain();
    // A run waiting for a frame before it asks for the rest of its result gives way at once: the new value's
    // figures are asked for now, not a frame later.
    else this.#wake?.();
  }

  /** Ends the wait for a frame between a run's figures and the rest of its result (set while it waits). */
  #wake?: () => void;

  /** Resolves when no request is waiting or running. */
  settled(): Promise<void> {
    if (!this.#inFlight && !this.#pending) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  async #drain(): Promise<void> {
    this.#inFlight = true;
    try {
      while (this.#pending) {
        const req = this.#pending;
        this.#pending = undefined;
        let result: RunResult;
        if (!this.#whole) {
          // Until a whole result has come the page has no results to show figures in: the first run comes whole.
          try {
            result = await this.api.run(req.data, req.file, req.leversAt);
          } catch (err) {
            result = stopped(req.file, err);
          }
          if (this.#pending) continue; // superseded while it ran
        } else {
          let figures: RunFigures | FailedRun;
          try {
            figures = await this.api.figures(req.data, req.file, req.leversAt);
          } catch (err) {
            figures = stopped(req.file, err);
          }
          if (this.#pending) continue; // superseded while it ran
          if (!figures.ok) result = figures;
          else {
            this.figures = figures;
            this.host.requestUpdate();
            // The rest of its view once its figures are on screen and no newer request has come meanwhile: while a
            // lever moves, the next value's figures come first, and the panels below follow when it rests.
            await new Promise<void>((resolve) => {
              this.#wake = resolve;
              void afterFrame().then(resolve);
            });
            this.#wake = undefined;
            if (this.#pending) continue;
            try {
              // The figures' own objects, so that what was drawn from them is not drawn again.
              const rest = await this.api.rest(figures.hash);
              result = rest ? { ...figures, ...rest, millis: figures.millis + rest.millis } : await this.api.run(req.data, req.file, req.leversAt);
            } catch (err) {
              result = stopped(req.file, err);
            }
            if (this.#pending) continue;
          }
        }
        this.figures = undefined;
        this.result = result;
        if (result.ok) this.#whole = true;
        this.lastLatency = performance.now() - req.at;
        this.onResult?.(req.data, result);
      }
    } finally {
      this.#inFlight = false;
    }
    this.running = false;
    this.host.requestUpdate();
    await this.host.updateComplete;
    // A request that came meanwhile has begun another drain: the waiters are its to release when it ends.
    if (this.#inFlight || this.#pending) return;
    for (const w of this.#waiters.splice(0)) w();
  }
}

function stopped(file: string, err: unknown): FailedRun {
  return { ok: false, problems: [{ file, path: '', reason: `the simulation stopped: ${(err as Error).message}` }] };
}

/** After the next frame has been drawn (or 100 ms, on a page that draws no frames: a hidden one). */
function afterFrame(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() => setTimeout(() => (clearTimeout(fallback), resolve()), 0));
  });
}
