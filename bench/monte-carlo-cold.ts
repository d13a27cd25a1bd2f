/**
 * Monte Carlo in a new process, as the command line runs it: 10,000 paths of
 * the banner to 2052 on the layout `threadsFor` chooses, timed from before
 * the first module is loaded to the percentiles, with the CPU time of every
 * thread (MONTE_CARLO_BENCH_THREADS: another layout). Nothing is warm here: the modules, the rules' schemas, the
 * retirement tables and every population variant a path draws are built in
 * this run (bench/monte-carlo.ts runs it as a child and prints its line).
 */
const start = performance.now();
const cpu0 = process.cpuUsage();
const { readFileSync } = await import('node:fs');
const { startNodePool, threadsFor } = await import('../src/analyses/monte-carlo-pool.ts');
const paths = Number(process.env.MONTE_CARLO_BENCH_PATHS ?? 10_000);
// As simulate: the workers start before the scenario is read (MONTE_CARLO_BENCH_THREADS: another layout than threadsFor's).
const threads = Number(process.env.MONTE_CARLO_BENCH_THREADS ?? threadsFor(paths));
const started = startNodePool(threads, true);
const { prepareMonteCarlo, runMonteCarlo } = await import('../src/analyses/monte-carlo-run.ts');
const { nodeEnvironment } = await import('../src/scenario/node-env.ts');
const loaded = performance.now();
const file = 'seeds/scenarios/banner-2022.json';
const data = { ...JSON.parse(readFileSync(file, 'utf8')), until: 2052 };
const setup = await prepareMonteCarlo(data, file, nodeEnvironment(), { paths, seed: 1 });
const prepared = performance.now();
const pool = started.for(setup);
try {
  const r = await runMonteCarlo(setup, pool);
  const cpu = process.cpuUsage(cpu0);
  console.log(
    JSON.stringify({
      threads,
      wallMs: performance.now() - start,
      cpuMs: (cpu.user + cpu.system) / 1000,
      loadingMs: loaded - start,
      preparingMs: prepared - loaded,
      check: r.funds.map((f) => f.years.at(-1)!.cumulative[2]).join(' '),
      joinedMs: pool.joinedAfter,
      firstChunkMs: pool.firstChunkAfter,
    }),
  );
} finally {
  await pool.close();
}
export {};
