/**
 * Monte Carlo: 10,000 paths × 30 years of all funds of one scenario (the
 * banner to 2052, the default distributions), including setup (reading the
 * scenario, starting the threads, compiling the kernel in each), on a pool of
 * one thread per core and on a pool of one thread, with the ratio. One run each.
 * Then the command line's layout in a new process, where nothing is warm.
 * First, one path on the kernel with each default assumption drawn alone.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { nodePool, startNodePool, threadsFor, WARM_PATHS } from '../src/analyses/monte-carlo-pool.ts';
import { prepareMonteCarlo, runMonteCarlo } from '../src/analyses/monte-carlo-run.ts';
import { nodeEnvironment } from '../src/scenario/node-env.ts';
import { kernelPathRunner } from '../src/analyses/monte-carlo-kernel.ts';
import { ChunkMerge, chunksOf, drawShocks, pathStreams, runChunk } from '../src/analyses/monte-carlo.ts';
import { report, time } from './timing.ts';

const PATHS = Number(process.env.MONTE_CARLO_BENCH_PATHS ?? 10_000);
/** Rounds of the layouts in turn. */
const ROUNDS = Number(process.env.MONTE_CARLO_BENCH_ROUNDS ?? 3);

interface Run {
  ms: number;
  /** CPU time of every thread of the process (this one and the workers), ms. */
  cpuMs: number;
  /** Reading and preparing the scenario in this thread, ms. */
  prepareMs: number;
  check: string;
  /** From the workers' start: their lanes joining, and the first chunk a worker returned, ms. */
  joinedMs?: number;
  firstChunkMs?: number;
}

/**
 * One run with setup: `here` puts this thread to work beside threads − 1 workers (as simulate does); `early` starts
 * the workers before this thread reads the scenario (as simulate does), else after it prepared it; `warm`: paths a
 * worker runs and drops before it joins.
 */
async function once(threads: number, here: boolean, paths = PATHS, early = true, warm = WARM_PATHS): Promise<Run> {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const started = early ? startNodePool(threads, here, warm) : undefined;
  const file = 'seeds/scenarios/banner-2022.json';
  const data = { ...JSON.parse(readFileSync(file, 'utf8')), until: 2052 };
  const setup = await prepareMonteCarlo(data, file, nodeEnvironment(), { paths, seed: 1 });
  const prepareMs = performance.now() - start;
  const pool = started ? started.for(here ? setup : undefined) : startNodePool(threads, here, warm).for(here ? setup : undefined);
  try {
    const r = await runMonteCarlo(setup, pool);
    const cpu = process.cpuUsage(cpu0);
    return { ms: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000, prepareMs, check: r.funds.map((f) => f.years.at(-1)!.cumulative[2]).join(' '), joinedMs: pool.joinedAfter, firstChunkMs: pool.firstChunkAfter };
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

/** The paths and their merge apart, on this thread with the kernel compiled and warm: CPU time of each. */
async function breakdown(): Promise<void> {
  const file = 'seeds/scenarios/banner-2022.json';
  const data = { ...JSON.parse(readFileSync(file, 'utf8')), until: 2052 };
  const setup = await prepareMonteCarlo(data, file, nodeEnvironment(), { paths: PATHS, seed: 1 });
  const { input } = setup.prepared;
  const runner = kernelPathRunner(input);
  // Warm: the kernel's code optimised, every population variant built.
  runChunk(runner, setup.uncertainty, 0, Math.min(PATHS, 1000), input.base.year, input.until);
  const merge = new ChunkMerge(PATHS, 1);
  const c0 = process.cpuUsage();
  for (const { from, to } of chunksOf(PATHS, 1000)) {
    const r = runChunk(runner, setup.uncertainty, from, to, input.base.year, input.until, merge.target);
    if (r.ok) merge.add(r.chunk);
  }
  const paths = process.cpuUsage(c0);
  const c1 = process.cpuUsage();
  merge.summary();
  const merged = process.cpuUsage(c1);
  const ms = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
  console.log(`Monte Carlo on this thread, warm: ${PATHS} paths ${ms(paths).toFixed(0)} ms of CPU (${((ms(paths) * 1000) / PATHS).toFixed(0)} µs a path), their percentiles ${ms(merged).toFixed(0)} ms of CPU`);
}

export async function monteCarloBench(): Promise<void> {
  await perAssumption();
  await breakdown();
  const cores = availableParallelism();
  const show = (name: string, r: Run) => {
    report({ name, runs: 1, medianMs: r.ms, p95Ms: r.ms });
    console.log(`  CPU of all threads ${r.cpuMs.toFixed(0)} ms (÷ ${cores} cores: ${(r.cpuMs / cores).toFixed(0)} ms, the wall time on ${cores} idle cores at best); preparing the scenario in this thread ${r.prepareMs.toFixed(0)} ms`);
  };
  // Setup alone: one path on a fresh worker thread (start-up, modules, the scenario prepared and compiled there).
  const setup = await once(1, false, 1);
  show('Monte Carlo setup: one path on one new worker thread', setup);
  // The layouts in turn, ROUNDS times, so they share the machine's load: this thread alone; this thread and
  // cores − 1 workers started first (before the scenario is read) and joining once handed the scenario; the same
  // workers started after this thread prepared it and running 50 paths of their own first (the previous layout).
  const layouts = [
    { name: '1 thread (this one)', threads: 1, early: true, warm: WARM_PATHS },
    { name: `${cores} threads (this one and ${cores - 1} worker${cores === 2 ? '' : 's'} started first, joining when handed the scenario)`, threads: cores, early: true, warm: WARM_PATHS },
    { name: `${cores} threads (this one and ${cores - 1} worker${cores === 2 ? '' : 's'} started after the scenario is prepared, 50 warm paths each)`, threads: cores, early: false, warm: 50 },
  ];
  const runs: Run[][] = layouts.map(() => []);
  for (let round = 0; round < ROUNDS; round++) for (const [i, l] of layouts.entries()) runs[i]!.push(await once(l.threads, true, PATHS, l.early, l.warm));
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  for (const [i, l] of layouts.entries()) {
    const rs = runs[i]!;
    report({ name: `Monte Carlo ${PATHS} paths × 30 years, banner to 2052, ${l.name}, with setup`, runs: rs.length, medianMs: median(rs.map((r) => r.ms)), p95Ms: Math.max(...rs.map((r) => r.ms)) });
    console.log(`  wall ${rs.map((r) => r.ms.toFixed(0)).join(', ')} ms; CPU of all threads ${rs.map((r) => r.cpuMs.toFixed(0)).join(', ')} ms${rs[0]!.joinedMs !== undefined ? `; the worker joined after ${rs.map((r) => r.joinedMs?.toFixed(0) ?? '—').join(', ')} ms, its first chunk back after ${rs.map((r) => r.firstChunkMs?.toFixed(0) ?? 'none').join(', ')} ms` : ''}`);
  }
  const one = median(runs[0]!.map((r) => r.ms));
  const all = median(runs[1]!.map((r) => r.ms));
  const late = median(runs[2]!.map((r) => r.ms));
  const chosen = threadsFor(PATHS, cores);
  const chosenMs = chosen === 1 ? one : all;
  console.log(`  the command line's choice for ${PATHS} paths (threadsFor): ${chosen === 1 ? 'this thread alone' : `this thread and ${chosen - 1} worker${chosen === 2 ? '' : 's'} started first`}, median ${chosenMs.toFixed(0)} ms with setup in this run`);
  const checks = runs.flat().map((r) => r.check);
  console.log(`  medians: this thread alone ÷ workers started first ${(one / all).toFixed(2)}x; workers started after ÷ started first ${(late / all).toFixed(2)}x; medians identical in every run: ${checks.every((c) => c === checks[0])}`);
  // The runs above share this process's warm caches (modules, schemas, retirement tables, population variants); a new process has none.
  const cold = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'bench/monte-carlo-cold.ts'], { encoding: 'utf8', env: { ...process.env, MONTE_CARLO_BENCH_PATHS: String(PATHS) } }).trim().split('\n').at(-1)!) as { threads: number; wallMs: number; cpuMs: number; loadingMs: number; preparingMs: number; check: string };
  report({ name: `Monte Carlo ${PATHS} paths, banner to 2052, in a new process (${cold.threads} thread${cold.threads === 1 ? '' : 's'}, as the command line), with setup`, runs: 1, medianMs: cold.wallMs, p95Ms: cold.wallMs });
  console.log(`  CPU of all threads ${cold.cpuMs.toFixed(0)} ms; loading the modules ${cold.loadingMs.toFixed(0)} ms, preparing the scenario ${cold.preparingMs.toFixed(0)} ms; against the same layout in this warm process: ${(cold.wallMs / chosenMs).toFixed(2)}x the wall time; medians identical: ${cold.check === checks[0]}`);
}

// `npx tsx bench/monte-carlo.ts` runs this part of `npm run bench` alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await monteCarloBench();
