import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../src/common/errors.ts';
import { startNodePool } from '../../src/analyses/monte-carlo-pool.ts';
import { inThreadExecutor, prepareMonteCarlo, runMonteCarlo, type ChunkExecutor } from '../../src/analyses/monte-carlo-run.ts';
import { nodeEnvironment } from '../../src/scenario/node-env.ts';
import { exampleText } from '../scenario/helpers.ts';

const env = nodeEnvironment();
const file = 'seeds/scenarios/city-2021.json';
/** The city's example without the population model (a path takes about a third of the time). */
const city = () => {
  const s = JSON.parse(exampleText('city-2021.json'));
  s.assumptions = { ...s.assumptions, population: { model: 'none' } };
  return s;
};
/** A worker thread that logs what its tasks brought and can fail its handover (test/fixtures/monte-carlo/paths-worker-probe.mjs). */
const probe = (failHandovers: number) => {
  const log = new SharedArrayBuffer(8 * 4);
  return { log: new Int32Array(log), file: { filename: fileURLToPath(new URL('../fixtures/monte-carlo/paths-worker-probe.mjs', import.meta.url)), workerData: { log, failHandovers } } };
};
const [HANDOVERS, FAILED, BEFORE_HANDOVER, SECOND_HANDOVER, PATHS] = [0, 1, 2, 3, 4];
const ticks = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0));
};

/**
 * The pool seen by a run, recording which lanes were ready and how many paths each ran; this thread's lane (0) runs
 * its chunks only once every worker has joined or failed and a worker's lane has taken a chunk (or `patience` ms
 * passed), so the workers take part whatever the order they start in.
 */
function watched(pool: ChunkExecutor, patience = 60_000) {
  const ran: Record<number, number> = {};
  const readyLanes = new Set<number>();
  let workerStarted!: () => void;
  const took = new Promise<void>((r) => (workerStarted = r));
  const workerLanes = Array.from({ length: pool.parallelism - 1 }, (_, i) => i + 1);
  const workerTook = Promise.race([Promise.allSettled(workerLanes.map((l) => pool.ready!(l))).then(() => took), new Promise<void>((r) => setTimeout(r, patience))]);
  const executor: ChunkExecutor = {
    parallelism: pool.parallelism,
    ready: async (lane) => {
      await pool.ready?.(lane);
      readyLanes.add(lane);
    },
    run: async (task, signal, into, lane) => {
      expect(readyLanes.has(lane!), `lane ${lane} ran a chunk before its thread was ready`).toBe(true);
      if (lane === 0) await workerTook;
      else workerStarted();
      ran[lane!] = (ran[lane!] ?? 0) + task.to - task.from;
      return pool.run(task, signal, into, lane);
    },
  };
  return { executor, ran };
}

describe('the Monte Carlo pool when a thread fails', () => {
  it("finishes on the other threads when one worker's first task fails, with the same figures and a warning in both languages", async () => {
    const { log, file: probeFile } = probe(1);
    // this thread and two workers; the first worker handed the scenario fails there
    const started = startNodePool(3, true, 0, probeFile);
    const setup = await prepareMonteCarlo(city(), file, env, { paths: 48, seed: 5 });
    const here = await runMonteCarlo(setup, inThreadExecutor(env));
    const pool = started.for(setup);
    try {
      const { executor, ran } = watched(pool);
      const r = await runMonteCarlo(setup, executor, { chunk: 4 });
      expect(r.funds).toEqual(here.funds);
      expect(Atomics.load(log, FAILED)).toBe(1);
      // the other worker ran paths: its lanes were not dropped with the failed one's
      expect(Atomics.load(log, PATHS)).toBeGreaterThan(0);
      expect(Object.entries(ran).filter(([lane]) => lane !== '0').reduce((a, [, n]) => a + n, 0)).toBe(Atomics.load(log, PATHS));
      expect(Object.values(ran).reduce((a, b) => a + b, 0)).toBe(48);
      expect(r.warnings).toHaveLength(1);
      expect(r.warnings[0]!.zh).toContain('其余线程');
      expect(r.warnings[0]!.en).toContain('this thread cannot start (a test)');
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('gives the run a chunk back when its thread fails, and refuses only when no thread is left', async () => {
    const setup = await prepareMonteCarlo(city(), file, env, { paths: 30, seed: 8 });
    const here = await runMonteCarlo(setup, inThreadExecutor(env));
    const inner = inThreadExecutor(env);
    // lane 1 fails on its second chunk (after one lane 0 is still running), lane 2 at once: lane 0 runs what is left
    const calls: Record<number, number> = {};
    const flaky: ChunkExecutor = {
      parallelism: 3,
      run: async (task, signal, into, lane) => {
        calls[lane!] = (calls[lane!] ?? 0) + 1;
        if (lane === 2 || (lane === 1 && calls[1] === 2)) throw new Error(`thread of lane ${lane} died`);
        return inner.run(task, signal, into);
      },
    };
    const r = await runMonteCarlo(setup, flaky, { chunk: 3 });
    expect(r.funds).toEqual(here.funds);
    expect(r.warnings.map((w) => w.en)).toEqual([expect.stringContaining('thread of lane 2 died'), expect.stringContaining('thread of lane 1 died')]);
    // every lane failing: the first failure is the run's
    const dead: ChunkExecutor = { parallelism: 2, run: async (_t, _s, _i, lane) => Promise.reject(new Error(`lane ${lane} is gone`)) };
    await expect(runMonteCarlo(setup, dead, { chunk: 3 })).rejects.toThrow('lane 0 is gone');
  }, 60_000);
});

describe('the Monte Carlo pool hands each worker the scenario once', () => {
  it('gives every worker thread one handover, runs no chunk on a thread before it, and gives the figures of this thread', async () => {
    const { log, file: probeFile } = probe(0);
    const started = startNodePool(3, true, 0, probeFile);
    const setup = await prepareMonteCarlo(city(), file, env, { paths: 60, seed: 12 });
    const here = await runMonteCarlo(setup, inThreadExecutor(env));
    const pool = started.for(setup);
    try {
      const { executor, ran } = watched(pool);
      const r = await runMonteCarlo(setup, executor, { chunk: 2 });
      expect(r.funds).toEqual(here.funds);
      expect(r.warnings).toEqual([]);
      // two workers (lanes 1-2 and 3-4), each handed the scenario once (whatever piscina would have given a free
      // thread), once both have joined (the run may finish before the second does)
      await Promise.all([pool.ready!(1), pool.ready!(3)]);
      expect(Atomics.load(log, HANDOVERS)).toBe(2);
      expect(Atomics.load(log, SECOND_HANDOVER)).toBe(0);
      expect(Atomics.load(log, BEFORE_HANDOVER)).toBe(0);
      expect(Atomics.load(log, PATHS)).toBeGreaterThan(0);
      expect(Object.values(ran).reduce((a, b) => a + b, 0)).toBe(60);
    } finally {
      await pool.close();
    }
  }, 120_000);
});

describe('a refused path', () => {
  it('stops every lane at once and the run returns the refusal, though a thread still holds a chunk', async () => {
    const setup = await prepareMonteCarlo(city(), file, env, { paths: 300, seed: 3 });
    const inner = inThreadExecutor(env);
    let refused = false;
    let startedAfter = 0;
    const executor: ChunkExecutor = {
      parallelism: 3,
      run: async (task, signal, into, lane) => {
        if (refused) startedAfter++;
        // lane 2's thread never answers; lane 1 refuses path 17 of its second chunk; lane 0 runs chunks meanwhile
        if (lane === 2) return new Promise(() => {});
        if (lane === 1 && task.from > 0) {
          await ticks(3);
          refused = true;
          return { ok: false, path: task.from + 2, reason: { zh: '测试拒绝', en: 'refused by the test' } };
        }
        return inner.run(task, signal, into);
      },
    };
    const run = runMonteCarlo(setup, executor, { chunk: 5 });
    const err = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems[0]!.message!.zh).toMatch(/^第 \d+ 条路径：测试拒绝$/);
    expect((err as InputError).problems[0]!.path).toBe('/assumptions/uncertainty');
    // this thread's lane would take its next chunk within a tick or two: none is started after the refusal
    await ticks(20);
    expect(startedAfter).toBe(0);
  }, 60_000);
});

describe('the worker bundle', () => {
  it('imports neither ajv nor json-rules-engine as it loads, and a worker that prepares the scenario itself uses both', async () => {
    const { readFileSync } = await import('node:fs');
    const { pathsWorkerFile } = await import('../../src/analyses/monte-carlo-worker-bundle.ts');
    const text = readFileSync(new URL(pathsWorkerFile()), 'utf8');
    expect(text).not.toMatch(/from "(ajv|json-rules-engine)"/);
    expect(text).toMatch(/require\d*\("ajv"\)/);
    expect(text).toMatch(/require\d*\("json-rules-engine"\)/);
    // workers alone (a sweep's pool) read the rules and check the scenario themselves: the same figures as this thread
    const { nodePool } = await import('../../src/analyses/monte-carlo-pool.ts');
    const setup = await prepareMonteCarlo(city(), file, env, { paths: 6, seed: 21 });
    const here = await runMonteCarlo(setup, inThreadExecutor(env));
    const pool = nodePool(1);
    try {
      expect((await runMonteCarlo(setup, pool, { chunk: 3 })).funds).toEqual(here.funds);
    } finally {
      await pool.close();
    }
  }, 120_000);
});

describe("the workers' Node flags", () => {
  it("drop the flags that load tsx (the bundle is JavaScript) and keep the others; none dropped: inherited as they are", async () => {
    const { pathsWorkerArgs, pathsWorkerFile } = await import('../../src/analyses/monte-carlo-worker-bundle.ts');
    const bundle = pathsWorkerFile();
    // as `npx tsx` starts node
    expect(pathsWorkerArgs(bundle, ['--require', '/p/node_modules/tsx/dist/preflight.cjs', '--import', 'file:///p/node_modules/tsx/dist/loader.mjs', '--max-old-space-size=999'])).toEqual(['--max-old-space-size=999']);
    expect(pathsWorkerArgs(bundle, ['--import', 'tsx', '--conditions=dev'])).toEqual(['--conditions=dev']);
    expect(pathsWorkerArgs(bundle, ['--import=tsx'])).toEqual([]);
    expect(pathsWorkerArgs(bundle, ['--import', './my-hooks.mjs'])).toBeUndefined();
  });

  it('start a pool in a process run with a V8 flag a worker cannot be given (it then inherits every flag)', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const src = (f: string) => JSON.stringify(new URL(`../../src/${f}`, import.meta.url).href);
    // --stack-size is V8's: given in a worker's execArgv it is refused (ERR_WORKER_INVALID_EXEC_ARGV)
    const script = `
      import { startNodePool } from ${src('analyses/monte-carlo-pool.ts')};
      import { prepareMonteCarlo, runMonteCarlo } from ${src('analyses/monte-carlo-run.ts')};
      import { nodeEnvironment } from ${src('scenario/node-env.ts')};
      import { readFileSync } from 'node:fs';
      const started = startNodePool(2, true);
      const data = JSON.parse(readFileSync('seeds/scenarios/city-2021.json', 'utf8'));
      data.assumptions = { ...data.assumptions, population: { model: 'none' } };
      const setup = await prepareMonteCarlo(data, 'city.json', nodeEnvironment(), { paths: 6, seed: 4 });
      const pool = started.for(setup);
      await pool.ready(1);
      const r = await runMonteCarlo(setup, pool, { chunk: 2 });
      await pool.close();
      console.log(r.funds[0].years.at(-1).cumulative[2]);`;
    const entry = join(mkdtempSync(join(tmpdir(), 'pool-flags-')), 'run.mts');
    writeFileSync(entry, script);
    const out = execFileSync(process.execPath, ['--stack-size=984', '--import', 'tsx', entry], { encoding: 'utf8', cwd: fileURLToPath(new URL('../..', import.meta.url)) });
    const setup = await prepareMonteCarlo(city(), 'city.json', env, { paths: 6, seed: 4 });
    const here = await runMonteCarlo(setup, inThreadExecutor(env));
    expect(out.trim()).toBe(here.funds[0]!.years.at(-1)!.cumulative[2]);
  }, 120_000);
});
