/**
 * Monte Carlo in Chromium: the random draws are the ones Node gives (the same
 * fixture as test/analyses/monte-carlo.test.ts), and the paths over two Web
 * Workers give the percentiles this thread gives, also after a cancelled run.
 */
import { expect } from 'chai';
import draws from '../fixtures/monte-carlo/draws.json' with { type: 'json' };
import { firstDraws } from '../analyses/monte-carlo-draws.ts';
import { inThreadExecutor, prepareMonteCarlo, runMonteCarlo } from '../../src/analyses/monte-carlo-run.ts';
import { browserExecutor } from '../../src/app/browser-pool.ts';
import { EXAMPLE_SCENARIOS } from '../../src/data/embedded.ts';
import { embeddedEnvironment } from '../../src/scenario/embedded-env.ts';

describe('Monte Carlo in the browser', () => {
  it('draws the same numbers as Node', () => {
    expect(firstDraws()).to.deep.equal(draws);
  });

  it('gives the same percentiles over two Web Workers as in this thread', async () => {
    const env = embeddedEnvironment();
    const setup = await prepareMonteCarlo(EXAMPLE_SCENARIOS['xinjiang-2020'], 'xinjiang-2020.json', env, { paths: 6, seed: 3 });
    const here = await runMonteCarlo(setup, inThreadExecutor(env));
    const pool = browserExecutor(2);
    try {
      const there = await runMonteCarlo(setup, pool, { chunk: 2 });
      expect(there.funds).to.deep.equal(here.funds);
      expect(there.hash).to.equal(here.hash);
      // cancelled after its first chunk: the run is dropped, the workers stopped; the next run starts new ones and agrees
      const controller = new AbortController();
      const long = await prepareMonteCarlo(EXAMPLE_SCENARIOS['xinjiang-2020'], 'xinjiang-2020.json', env, { paths: 400, seed: 3 });
      const cancelled = await runMonteCarlo(long, pool, { chunk: 2, signal: controller.signal, onProgress: () => controller.abort() }).then(
        () => 'finished',
        () => 'cancelled',
      );
      expect(cancelled).to.equal('cancelled');
      const again = await runMonteCarlo(setup, pool, { chunk: 3 });
      expect(again.funds).to.deep.equal(here.funds);
    } finally {
      await pool.close?.();
    }
  });
});
