/**
 * The simulation controller's `settled()`: it resolves once no request is waiting or running, not while a
 * request that came in the last moments of the previous run is still running.
 */
import { describe, expect, it } from 'vitest';
import { SimulationController, type Api } from '../../src/ui/state/simulation-controller.ts';
import type { RunResult } from '../../src/app/views.ts';

/** A promise and the means to settle it from outside. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const result = (title: string) => ({ ok: true, hash: title }) as unknown as RunResult;

describe('SimulationController.settled', () => {
  it('waits for a request that began while the previous run was being shown', async () => {
    // The page's render after the first run is held, and the second run's worker call too.
    const render = deferred<boolean>();
    const host = { addController: () => {}, requestUpdate: () => {}, updateComplete: render.promise } as never;
    // After a whole first result, runs are asked for by their figures first: the second's refused (it then ends there).
    const second = deferred<RunResult>();
    const api = { run: () => Promise.resolve(result('first')), figures: () => second.promise } as unknown as Api;
    const sim = new SimulationController(host, api);

    sim.request('first');
    // the first run is in; its drain now waits for the page's render
    await new Promise((r) => setTimeout(r, 0));
    expect((sim.result as { hash: string }).hash).toBe('first');
    sim.request('second');
    let settled = false;
    void sim.settled().then(() => (settled = true));
    render.resolve(true);
    await new Promise((r) => setTimeout(r, 0));
    // the second run is still running: not settled
    expect(settled).toBe(false);
    expect(sim.running).toBe(true);
    const refused = { ok: false, problems: [{ file: 'second', path: '', reason: 'refused' }] } as RunResult;
    second.resolve(refused);
    await new Promise((r) => setTimeout(r, 0));
    expect(sim.result).toBe(refused);
    expect(settled).toBe(true);
  });
});
