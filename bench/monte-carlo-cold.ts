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
const { readFileSync, readdirSync } = await import('node:fs');

/**
 * CPU time (ms) of each thread of this process, from Linux's /proc (empty elsewhere): the threads that exist before
 * the pool starts are this thread, V8's compiler and garbage-collector helpers (the optimising compiler runs there)
 * and the module loader's; those after are the workers.
 */
function threadCpu(): Map<string, number> {
  const out = new Map<string, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime, in clock ticks of 10 ms
      out.set(tid, (Number(f[11]) + Number(f[12])) * 10);
    }
  } catch {
    // not Linux
  }
  return out;
}
const before = threadCpu();
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
  const ticks = threadCpu();
  const sum = (pick: (tid: string) => boolean) => [...ticks].filter(([tid]) => pick(tid)).reduce((a, [, ms]) => a + ms, 0);
  const self = String(process.pid);
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
      // by thread (Linux): this one, the workers, and V8's helpers (compiler, garbage collector) with the loader's
      cpuByThread: ticks.size ? { thisThread: sum((t) => t === self), workers: sum((t) => !before.has(t)), helpers: sum((t) => t !== self && before.has(t)) } : undefined,
    }),
  );
} finally {
  await pool.close();
}
export {};
