/**
 * Monte Carlo: 10,000 paths × 30 years of all funds of one scenario (the
 * banner to 2052, the default distributions), including setup (reading the
 * scenario, starting the threads, compiling the kernel in each), on a pool of
 * one thread per core and on a pool of one thread, with the ratio. One run each.
 * First, one path on the kernel with each default assumption drawn alone.
 */
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { nodePool } from '../src/analyses/monte-carlo-pool.ts';
import { prepareMonteCarlo, runMonteCarlo } from '../src/analyses/monte-carlo-run.ts';
import { nodeEnvironment } from '../src/scenario/node-env.ts';
import { kernelPathRunner } from '../src/analyses/monte-carlo-kernel.ts';
import { drawShocks, pathStreams } from '../src/analyses/monte-carlo.ts';
import { report, time } from './timing.ts';

const PATHS = Number(process.env.MONTE_CARLO_BENCH_PATHS ?? 10_000);

async function once(threads: number): Promise<{ ms: number; check: string }> {
  const start = performance.now();
  const file = 'seeds/scenarios/banner-2022.json';
  const data = { ...JSON.parse(readFileSync(file, 'utf8')), until: 2052 };
  const setup = await prepareMonteCarlo(data, file, nodeEnvironment(), { paths: PATHS, seed: 1 });
  const pool = nodePool(threads);
  try {
    const r = await runMonteCarlo(setup, pool);
    return { ms: performance.now() - start, check: r.funds.map((f) => f.years.at(-1)!.cumulative[2]).join(' ') };
  } finally {
    await pool.close();
  }
}

/** One path on the kernel with one assumption drawn at a time: where a path's time goes. */
async function perAssumption(): Promise<void> {
  const file = 'seeds/scenarios/banner-2022.json';
  const data = { ...JSON.parse(readFileSync(file, 'utf8')), until: 2052 };
  const setup = await prepareMonteCarlo(data, file, nodeEnvironment(), { paths: 1, seed: 1 });
  const runner = kernelPathRunner(setup.prepared.input);
  const years = setup.prepared.input.until - setup.prepared.input.base.year;
  for (const v of setup.uncertainty.varying) {
    const one = { ...setup.uncertainty, varying: [v] };
    const next = pathStreams(1, 0);
    report(await time(`one path on the kernel, ${v.name} drawn`, 20, () => runner(drawShocks(one, next(), years))));
  }
}

export async function monteCarloBench(): Promise<void> {
  await perAssumption();
  const cores = availableParallelism();
  const all = await once(cores);
  report({ name: `Monte Carlo ${PATHS} paths × 30 years, banner to 2052, ${cores} threads, with setup`, runs: 1, medianMs: all.ms, p95Ms: all.ms });
  const one = await once(1);
  report({ name: `Monte Carlo ${PATHS} paths × 30 years, banner to 2052, 1 thread, with setup`, runs: 1, medianMs: one.ms, p95Ms: one.ms });
  console.log(`  ${cores} threads against 1: ${(one.ms / all.ms).toFixed(2)}x faster; per path on ${cores} threads ${((all.ms * 1000) / PATHS).toFixed(0)} µs; medians identical: ${all.check === one.check}`);
}
