import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { InputError } from '../../src/common/errors.ts';
import { project } from '../../src/model/project.ts';
import { resolveUncertainty, uncertaintyEntries, type UncertaintyInput } from '../../src/scenario/uncertainty.ts';
import { BucketSelect, draw, orderStatistics, PERCENTILES, pathStreams, summarise, type ChunkResult, type PathShocks } from '../../src/analyses/monte-carlo.ts';
import { kernelPathRunner } from '../../src/analyses/monte-carlo-kernel.ts';
import { inThreadExecutor, prepareMonteCarlo, runMonteCarlo } from '../../src/analyses/monte-carlo-run.ts';
import { UncertaintyService } from '../../src/app/uncertainty-service.ts';
import { nodeEnvironment } from '../../src/scenario/node-env.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { prepareScenario } from '../../src/scenario/prepare.ts';
import { exampleText } from '../scenario/helpers.ts';

const env = nodeEnvironment();
const file = 'seeds/scenarios/city-2021.json';
/** The city's example without the population model (a path takes about a third of the time), with `uncertainty`. */
const city = (uncertainty?: UncertaintyInput) => {
  const s = JSON.parse(exampleText('city-2021.json'));
  s.assumptions = { ...s.assumptions, population: { model: 'none' }, ...(uncertainty ? { uncertainty } : {}) };
  return s;
};
const fixedAll: UncertaintyInput = {
  wageGrowth: { type: 'normal', sd: '0' },
  costGrowth: { type: 'uniform', min: '4', max: '4' },
  utilizationGrowth: { type: 'fixed' },
  growth: { type: 'fixed' },
  collectionRate: { type: 'triangular', min: '100', mode: '100', max: '100' },
  fertility: { type: 'discrete', values: [{ value: 'medium', probability: '1' }] },
  mortalityPercent: { type: 'fixed' },
};

describe('uncertainty in a scenario', () => {
  it('lists the default distributions with their reasons when a scenario states none', async () => {
    const setup = await prepareMonteCarlo(city(), file, env);
    const entries = uncertaintyEntries(setup.uncertainty);
    const wage = entries.find((e) => e.name === 'uncertainty/wageGrowth')!;
    // centred on the scenario's own 5%/yr (DEFAULTS.wageGrowth), sd 1.5 points, once per path
    expect(wage.value.en).toBe('normal: mean 5, sd 1.5 (%/年)');
    expect(wage).toMatchObject({ origin: 'default', per: 'path' });
    expect(wage.why.en).toContain('NBS');
    // no population model: fertility and mortality do nothing and say so; interest has no value to centre on
    expect(setup.uncertainty.varying.map((v) => v.name)).toEqual(['wageGrowth', 'costGrowth', 'utilizationGrowth', 'growth', 'collectionRate']);
    expect(entries.find((e) => e.name === 'uncertainty/growth')!.value.en).toBe('normal: mean 0, sd 0.3 (个百分点/年)');
    expect(entries.find((e) => e.name === 'uncertainty/fertility')!.why.en).toContain('no population model');
    expect(entries.find((e) => e.name === 'uncertainty/interestRate')!.value.en).toBe("fixed (the scenario's value)");
    expect(setup.uncertainty).toMatchObject({ paths: 1000, seed: 20260101 });
  });

  it('refuses a distribution that cannot be drawn, naming the JSON path, in Chinese and English', async () => {
    const bad = city({
      paths: 0,
      wageGrowth: { type: 'normal', sd: '-1' },
      costGrowth: { type: 'normal', sd: '1', min: '5', max: '9' },
      utilizationGrowth: { type: 'triangular', min: '0', mode: '3', max: '2' },
      collectionRate: { type: 'discrete', values: [{ value: '100', probability: '0.5' }, { value: '95', probability: '0.4' }] },
    });
    const err = await prepareMonteCarlo(bad, file, env).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const problems = (err as InputError).problems;
    expect(problems.map((p) => p.path)).toEqual([
      '/assumptions/uncertainty/paths',
      '/assumptions/uncertainty/wageGrowth/sd',
      '/assumptions/uncertainty/costGrowth/min',
      '/assumptions/uncertainty/utilizationGrowth/mode',
      '/assumptions/uncertainty/collectionRate/values',
    ]);
    expect(problems.every((p) => p.file === file)).toBe(true);
    // the scenario's cost growth is 4 (the default): a range of 5-9 leaves it out
    expect(problems[2]!.reason).toBe('the truncation range 5 to 9 must contain the mean 4');
    expect(problems[4]!.message!.zh).toBe('概率合计须恰为 1，现为 0.9');
    expect(problems[0]!.message!.zh).toBe('路径数须为 1 至 100000 的整数，不是 0');
  });

  it('refuses a fertility variant drawn from anything but a discrete distribution, and an unknown variant', () => {
    const a = { population: { model: 'cohort', population: { variant: 'medium', mortalityPercent: 100 } } } as never;
    const refused = (u: UncertaintyInput) => {
      try {
        resolveUncertainty(u, a, 'x.json');
      } catch (e) {
        return (e as InputError).problems.map((p) => `${p.path}: ${p.reason}`);
      }
      return [];
    };
    const rest: UncertaintyInput = { wageGrowth: { type: 'fixed' }, costGrowth: { type: 'fixed' }, utilizationGrowth: { type: 'fixed' }, growth: { type: 'fixed' }, collectionRate: { type: 'fixed' }, mortalityPercent: { type: 'fixed' } };
    expect(refused({ ...rest, fertility: { type: 'normal', sd: '1' } })).toEqual(['/assumptions/uncertainty/fertility/type: the fertility variant takes a discrete distribution over medium, high, low']);
    expect(refused({ ...rest, fertility: { type: 'discrete', values: [{ value: 'middle', probability: '1' }] } })).toEqual(['/assumptions/uncertainty/fertility/values/0/value: "middle" is not a fertility variant; one of medium, high, low']);
    expect(refused({ ...rest, seed: -1 })).toEqual(['/assumptions/uncertainty/seed: the seed must be a whole number from 0 to 4294967295, not -1']);
  });
});

describe('random streams', () => {
  it("gives path i the seed's stream jumped i times, whatever chunk it falls in", () => {
    const g = xoroshiro128plus(7);
    for (let i = 0; i < 5; i++) g.jump();
    const fromFive = pathStreams(7, 5)();
    const fromZero = pathStreams(7, 0);
    for (let i = 0; i < 5; i++) fromZero();
    expect(fromFive.getState()).toEqual(g.getState());
    expect(fromZero().getState()).toEqual(g.getState());
    // Chunks in any order, another seed between: each starts from the furthest stream reached or from the seed.
    const jumped = (seed: number, i: number) => {
      const x = xoroshiro128plus(seed);
      for (let k = 0; k < i; k++) x.jump();
      return x.getState();
    };
    for (const [seed, from] of [[7, 9], [7, 3], [8, 4], [7, 12], [7, 12], [7, 0]] as const) {
      const next = pathStreams(seed, from);
      expect(next().getState(), `${seed} ${from}`).toEqual(jumped(seed, from));
      expect(next().getState(), `${seed} ${from + 1}`).toEqual(jumped(seed, from + 1));
    }
  });

  it('draws each distribution with its own mean and range (20,000 draws)', () => {
    const rng = xoroshiro128plus(1);
    const n = 20000;
    const mean = (d: Parameters<typeof draw>[0]) => {
      let s = 0;
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = 0; i < n; i++) {
        const x = Number(draw(d, rng));
        s += x;
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
      return { mean: s / n, lo, hi };
    };
    // uniform 2-4: mean 3; triangular 0, 1, 5: mean (0 + 1 + 5) / 3 = 2; the sd of a mean of 20,000 draws is under 0.01
    expect(mean({ type: 'uniform', min: 2, max: 4 }).mean).toBeCloseTo(3, 1);
    const tri = mean({ type: 'triangular', min: 0, mode: 1, max: 5 });
    expect(tri.mean).toBeCloseTo(2, 1);
    expect(tri.lo).toBeGreaterThanOrEqual(0);
    expect(tri.hi).toBeLessThanOrEqual(5);
    expect(mean({ type: 'normal', mean: 5, sd: 1.5, min: -99, max: 100 }).mean).toBeCloseTo(5, 1);
    // truncated at the mean from above: a half-normal below 100 with sd 2 has mean 100 − 2·√(2/π) = 98.404
    const half = mean({ type: 'normal', mean: 100, sd: 2, min: 90, max: 100 });
    expect(half.mean).toBeCloseTo(98.404, 1);
    expect(half.hi).toBeLessThanOrEqual(100);
    // 25/50/25
    let low = 0;
    for (let i = 0; i < n; i++) if (draw({ type: 'discrete', values: ['low', 'medium', 'high'], cumulative: [0.25, 0.75, 1] }, rng) === 'low') low++;
    expect(low / n).toBeCloseTo(0.25, 1);
  });
});

describe('percentiles', () => {
  it('are the order statistics a full sort gives, duplicates and all (selection against sort, 330 random arrays)', () => {
    const rng = xoroshiro128plus(3);
    for (let t = 0; t < 330; t++) {
      // the last 30 long enough (over 600) for the sampling step of Floyd and Rivest's selection, half with many ties
      const n = t < 300 ? 1 + (Math.abs(rng.next()) % 200) : 601 + (Math.abs(rng.next()) % 12_000);
      const spread = t < 300 || t % 2 === 0 ? 20 : 2 ** 30;
      const xs = Float64Array.from({ length: n }, () => (rng.next() % spread) * 100 + 0);
      const sorted = [...xs].sort((a, b) => a - b);
      const ranks = [5, 25, 50, 75, 95].map((p) => Math.max(1, Math.ceil((p * n) / 100)));
      expect(orderStatistics(xs, ranks)).toEqual(ranks.map((r) => sorted[r - 1]));
    }
  });

  it('by bucket counts are the order statistics a full sort gives, NaN left out (200 random columns: normal, heavy tails, ties, infinities)', () => {
    const rng = xoroshiro128plus(11);
    const u = () => (rng.next() >>> 0) / 2 ** 32;
    const select = new BucketSelect(13_000);
    for (let t = 0; t < 200; t++) {
      const n = 1 + Math.floor(u() * 13_000);
      const kind = t % 5;
      const xs = Float64Array.from({ length: n }, () => {
        // integer fen around 10^12 with a normal spread; one in 50 paths far out (an exhausted fund); a few values only; months payable with NaN; ±Infinity
        const normal = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
        if (kind === 0) return Math.round(1e12 + 3e10 * normal);
        if (kind === 1) return u() < 0.02 ? -Math.round(1e15 * u()) : Math.round(5e9 + 1e8 * normal);
        if (kind === 2) return [300, -100, 700][Math.floor(u() * 3)]!;
        if (kind === 3) return u() < 0.1 ? NaN : 12 + 3 * normal;
        return u() < 0.01 ? (u() < 0.5 ? Infinity : -Infinity) : normal;
      });
      const sorted = [...xs].filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
      const ranks = PERCENTILES.map((p) => Math.max(1, Math.ceil((p * sorted.length) / 100)));
      expect(select.percentiles(xs)).toEqual(sorted.length === 0 ? PERCENTILES.map(() => undefined) : ranks.map((r) => sorted[r - 1]));
    }
  });

  it('are nearest-rank order statistics over every chunk, in yuan to the fen; exhaustion accumulates by year', () => {
    // 10 paths of one fund over 2 years, cut into chunks of 4 and 6. Year 1's cumulative balances in fen:
    // −300, −100, 100, ..., 1500 (paths 0-9 as 1500, −300, 100, 1300, | 300, −100, 500, 700, 900, 1100).
    const chunk = (from: number, cums: number[], exhaustion: (number | undefined)[]): ChunkResult => {
      const n = cums.length;
      const values = new Float64Array(4 * 2 * n);
      // metric 2 (cumulative), year 0: 1000 fen each; year 1: the list
      values.fill(1000, 2 * 2 * n, 2 * 2 * n + n);
      values.set([...cums].sort((a, b) => a - b), 2 * 2 * n + n);
      for (let m = 0; m < 4; m++) if (m !== 2) values.fill(NaN, m * 2 * n, (m + 1) * 2 * n);
      const exhausted = new Uint32Array(2);
      for (const e of exhaustion) if (e !== undefined) for (let y = e - 2022; y < 2; y++) exhausted[y]!++;
      const firstDeficit = new Uint32Array(3);
      firstDeficit[2] = n;
      return { from, to: from + n, funds: ['resident'], baseYear: 2022, until: 2023, values, exhausted, firstDeficit };
    };
    const s = summarise([chunk(4, [300, -100, 500, 700, 900, 1100], [undefined, 2023, undefined, undefined, undefined, undefined]), chunk(0, [1500, -300, 100, 1300], [undefined, 2023, undefined, undefined])], 1);
    const y = s.funds[0]!.years[1]!;
    // sorted: −300 −100 100 300 500 700 900 1100 1300 1500; ranks ⌈0.5⌉=1, ⌈2.5⌉=3, ⌈5⌉=5, ⌈7.5⌉=8, ⌈9.5⌉=10
    expect(y.cumulative).toEqual(['-3.00', '1.00', '5.00', '11.00', '15.00']);
    expect(y.monthsPayable).toEqual([null, null, null, null, null]);
    expect(s.funds[0]!.years[0]!.cumulative).toEqual(['10.00', '10.00', '10.00', '10.00', '10.00']);
    expect(s.funds[0]!.years.map((x) => x.exhaustedBy)).toEqual([0, 0.2]);
    expect(s.funds[0]!.firstDeficit).toEqual([{ year: null, share: 1 }]);
  });
});

describe('Monte Carlo over the exact projection', () => {
  it('with every assumption fixed gives the deterministic projection, to the fen', async () => {
    const setup = await prepareMonteCarlo(city(fixedAll), file, env, { paths: 3, seed: 5 });
    expect(setup.uncertainty.varying).toEqual([]);
    const r = await runMonteCarlo(setup, inThreadExecutor(env));
    const exact = project((await prepareScenario(loadScenario(city(fixedAll), file), file, env)).input);
    for (const f of exact.funds) {
      const mc = r.funds.find((x) => x.id === f.id)!;
      f.years.forEach((y, i) => {
        const five = (v: string) => [v, v, v, v, v];
        expect(mc.years[i]!.cumulative).toEqual(five(y.cumulative.toFixed(2)));
        expect(mc.years[i]!.income).toEqual(five(y.incomeTotal.toFixed(2)));
        expect(mc.years[i]!.expenditure).toEqual(five(y.expenditureTotal.toFixed(2)));
        expect(mc.years[i]!.exhaustedBy).toBe(f.exhaustionYear !== undefined && y.year >= f.exhaustionYear ? 1 : 0);
      });
    }
    expect(r.deterministic.find((d) => d.id === 'employee')!.years.at(-1)!.cumulative).toBe(exact.funds.find((f) => f.id === 'employee')!.years.at(-1)!.cumulative.toFixed(2));
  });

  it('reproduces with the same seed whatever the chunks, and differs with another seed', async () => {
    const setup = await prepareMonteCarlo(city(), file, env, { paths: 6, seed: 42 });
    const ex = inThreadExecutor(env);
    const a = await runMonteCarlo(setup, ex, { chunk: 6 });
    const b = await runMonteCarlo(setup, ex, { chunk: 1 });
    const c = await runMonteCarlo(setup, ex, { chunk: 4 });
    expect(b.funds).toEqual(a.funds);
    expect(c.funds).toEqual(a.funds);
    const other = await runMonteCarlo(await prepareMonteCarlo(city(), file, env, { paths: 6, seed: 43 }), ex);
    expect(other.funds[0]!.years.at(-1)!.cumulative).not.toEqual(a.funds[0]!.years.at(-1)!.cumulative);
    // percentiles are ordered; exhaustion only accumulates
    for (const f of a.funds) {
      for (const y of f.years) expect([...y.cumulative].map(Number)).toEqual([...y.cumulative].map(Number).sort((p, q) => p - q));
      expect(f.years.map((y) => y.exhaustedBy)).toEqual([...f.years.map((y) => y.exhaustedBy)].sort((p, q) => p - q));
    }
    expect(a.hash).not.toBe(other.hash);
  });

  it('draws growth rates each year (one per projected year), refuses yearly draws of other assumptions, and reports progress and cancellation', async () => {
    // what the runner receives: the city projects 2022-2035, 14 years
    const seen: PathShocks[] = [];
    const spy = inThreadExecutor(env, (p) => {
      const run = kernelPathRunner(p.input);
      return (shocks) => (seen.push(shocks), run(shocks));
    });
    const yearly = await new UncertaintyService(spy).monteCarlo(city({ ...fixedAll, wageGrowth: { type: 'normal', sd: '1', per: 'year' } }), 'yearly.json', { paths: 2, seed: 9 });
    expect(yearly.ok).toBe(true);
    expect(seen.map((s) => (s.wageGrowth as number[]).length)).toEqual([14, 14]);
    expect(new Set(seen[0]!.wageGrowth as number[]).size).toBe(14);
    // yearly noise largely averages out: the cost index after t years moves by about sd·√t with yearly draws against sd·t with one
    // persistent draw (√14 ÷ 14 ≈ 0.27), so the interquartile range of the city's employee balance in 2035 is well under half
    const spread = async (per: 'path' | 'year') => {
      const v = await new UncertaintyService(inThreadExecutor(env)).monteCarlo(city({ ...fixedAll, costGrowth: { type: 'normal', sd: '1.5', per } }), 'spread.json', { paths: 20, seed: 4 });
      if (!v.ok) throw new Error(JSON.stringify(v.problems));
      const last = v.result.funds.find((f) => f.id === 'employee')!.years.at(-1)!.cumulative.map(Number);
      return last[3]! - last[1]!;
    };
    const [yearlySpread, persistentSpread] = [await spread('year'), await spread('path')];
    expect(yearlySpread).toBeGreaterThan(0);
    expect(yearlySpread).toBeLessThan(persistentSpread / 2);
    const service = new UncertaintyService(inThreadExecutor(env));
    const refused = await service.monteCarlo(city({ ...fixedAll, collectionRate: { type: 'uniform', min: '95', max: '100', per: 'year' } }), 'yearly.json', { paths: 2 });
    expect(!refused.ok && refused.problems.map((p) => `${p.path}: ${p.reason}`)).toEqual(['/assumptions/uncertainty/collectionRate/per: only wage, cost and use growth can be drawn each year; draw collection relative to the base year once per path (per: "path")']);
    const progress: number[] = [];
    const done = await service.monteCarlo(city(), 'city.json', { paths: 4, seed: 1 }, (d) => progress.push(d));
    expect(done.ok).toBe(true);
    expect(progress.at(-1)).toBe(4);
    // cancelled after its first chunk (7 of 50 paths): no later chunk runs
    const before: number[] = [];
    const cancelled = await service.monteCarlo(city(), 'city.json', { paths: 50, seed: 1 }, (d) => (before.push(d), service.cancelMonteCarlo()));
    expect(before).toEqual([7]);
    expect(cancelled).toMatchObject({ ok: false, cancelled: true });
  });
});

describe('Monte Carlo on a pool of worker threads', () => {
  it('gives the same percentiles over one thread and over two as in this thread', async () => {
    const { nodePool } = await import('../../src/analyses/monte-carlo-pool.ts');
    const setup = await prepareMonteCarlo(city(), file, env, { paths: 8, seed: 2026 });
    const here = await runMonteCarlo(setup, inThreadExecutor(env));
    // Worker threads alone, and this thread with one worker (1 + 1) or none (1: this thread alone).
    for (const [threads, withThisThread] of [[1, false], [2, false], [2, true], [1, true]] as const) {
      const pool = nodePool(threads, withThisThread ? setup : undefined);
      try {
        const r = await runMonteCarlo(setup, pool, { chunk: 3 });
        expect(r.funds, `${threads} ${withThisThread}`).toEqual(here.funds);
      } finally {
        await pool.close();
      }
    }
    // starting threads that compile TypeScript takes seconds on a busy machine
  }, 120_000);

  it('gives the same percentiles when the worker joins late, after its warm-up, and takes chunks beside this thread', async () => {
    const { nodePool } = await import('../../src/analyses/monte-carlo-pool.ts');
    const setup = await prepareMonteCarlo(city(), file, env, { paths: 24, seed: 7 });
    const here = await runMonteCarlo(setup, inThreadExecutor(env));
    const pool = nodePool(2, setup);
    // This thread (lane 0) waits until a worker's lane has taken a chunk, so both run some; a worker's lane takes none before it is ready.
    let workerStarted!: () => void;
    const workerTook = new Promise<void>((r) => (workerStarted = r));
    const ran: Record<number, number> = {};
    const readyLanes: number[] = [];
    try {
      const r = await runMonteCarlo(
        setup,
        {
          parallelism: pool.parallelism,
          ready: async (lane) => {
            await pool.ready!(lane);
            readyLanes.push(lane);
          },
          run: async (task, signal, into, lane) => {
            expect(readyLanes).toContain(lane);
            if (lane === 0) await workerTook;
            else workerStarted();
            ran[lane!] = (ran[lane!] ?? 0) + task.to - task.from;
            return pool.run(task, signal, into, lane);
          },
        },
        { chunk: 2 },
      );
      expect(r.funds).toEqual(here.funds);
      expect(ran[0]).toBeGreaterThan(0);
      expect((ran[1] ?? 0) + (ran[2] ?? 0)).toBeGreaterThan(0);
      expect(Object.values(ran).reduce((a, b) => a + b, 0)).toBe(24);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('gives the same paths with a worker started before the scenario is read, handed it once prepared', async () => {
    const { startNodePool } = await import('../../src/analyses/monte-carlo-pool.ts');
    const { runChunk } = await import('../../src/analyses/monte-carlo.ts');
    // the worker starts loading first; it prepares nothing itself (its first task carries the scenario as prepared here)
    const started = startNodePool(2, true);
    const setup = await prepareMonteCarlo(city(), file, env, { paths: 40, seed: 11 });
    const here = await runMonteCarlo(setup, inThreadExecutor(env));
    const pool = started.for(setup);
    try {
      const r = await runMonteCarlo(setup, pool, { chunk: 4 });
      expect(r.funds).toEqual(here.funds);
      // a chunk on the worker's lane once it has joined: the same figures as this thread's kernel gives
      await pool.ready!(1);
      expect(pool.joinedAfter).toBeGreaterThan(0);
      const there = await pool.run({ key: setup.key, scenario: setup.scenario, file, options: setup.options, from: 8, to: 12 }, undefined, undefined, 1);
      const { input } = setup.prepared;
      const mine = runChunk(kernelPathRunner(input), setup.uncertainty, 8, 12, input.base.year, input.until);
      expect(there.ok && mine.ok).toBe(true);
      if (there.ok && mine.ok) {
        expect(there.chunk.placed).toBe(false);
        expect(Array.from(there.chunk.values)).toEqual(Array.from(mine.chunk.values));
      }
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('hands a worker the prepared scenario as plain data that projects to the same fen', async () => {
    const { packInput, unpackInput } = await import('../../src/analyses/monte-carlo-transfer.ts');
    const { D } = await import('../../src/common/money.ts');
    const data = { ...JSON.parse(exampleText('banner-2022.json')), until: 2052 };
    const { input } = await prepareScenario(loadScenario(data, 'banner.json'), 'banner.json', env);
    const packed = packInput(input)!;
    // what a worker receives: a structured clone, with no decimal and no class left in it
    const back = unpackInput(structuredClone(packed));
    expect(back).toEqual(input);
    expect(back.assumptions.wageGrowth).toBeInstanceOf(D);
    expect(back.stack.registry).toBe(input.stack.registry);
    expect(JSON.stringify(project(back))).toBe(JSON.stringify(project(input)));
    // something that is not plain data: the worker prepares the scenario itself
    expect(packInput({ ...input, overrides: [() => 0] } as never)).toBeUndefined();
  });

  it('packs a cycle with a decimal further along it: the clone holds no decimal, and the cycle and the value come back', async () => {
    const { packInput, unpackInput } = await import('../../src/analyses/monte-carlo-transfer.ts');
    const { D } = await import('../../src/common/money.ts');
    // a = {b, rate}, b = {back: a}: examining b reaches a while a is still being examined
    const a: Record<string, unknown> = {};
    const b = { back: a };
    a.b = b;
    a.rate = new D('1.5');
    const packed = packInput({ x: a } as never)!;
    const back = unpackInput(structuredClone(packed)) as unknown as { x: { b: { back: unknown }; rate: InstanceType<typeof D> } };
    expect(back.x.b.back).toBe(back.x);
    expect(back.x.rate.toString()).toBe('1.5');
  });

  it('hands a worker the population variants this thread ran: its paths read them and give the same fen', async () => {
    const { handOver, receive } = await import('../../src/analyses/monte-carlo-transfer.ts');
    const { kernelPathRunner } = await import('../../src/analyses/monte-carlo-kernel.ts');
    const { runChunk } = await import('../../src/analyses/monte-carlo.ts');
    const data = { ...JSON.parse(exampleText('banner-2022.json')), until: 2040 };
    const setup = await prepareMonteCarlo(data, 'banner.json', env, { paths: 30, seed: 9 });
    const { input } = setup.prepared;
    // The default fertility and mortality distributions: three values each, nine variants, all run at once here.
    const runner = kernelPathRunner(input, setup.uncertainty);
    const handed = handOver(setup.key, setup.prepared, setup.uncertainty)!;
    expect(handed.populations!.length).toBeGreaterThanOrEqual(9);
    const received = receive(structuredClone(handed));
    expect(received.uncertainty).toEqual(setup.uncertainty);
    const there = kernelPathRunner(received.prepared.input);
    const a = runChunk(runner, setup.uncertainty, 0, 30, input.base.year, input.until);
    const b = runChunk(there, received.uncertainty!, 0, 30, input.base.year, input.until);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(Array.from(b.chunk.values)).toEqual(Array.from(a.chunk.values));
    // The tables are what the worker reads: residents' index changed in them changes its paths.
    const altered = structuredClone(handed);
    for (const t of altered.populations!) t.index.resident = t.index.resident.map((v) => v * 1.1);
    const other = receive(altered);
    const c = runChunk(kernelPathRunner(other.prepared.input), other.uncertainty!, 0, 30, input.base.year, input.until);
    expect(c.ok && a.ok && Array.from(c.chunk.values).join() !== Array.from(a.chunk.values).join()).toBe(true);
  });

  it('starts its threads on one bundled JavaScript file built from the worker and every source it imports', async () => {
    const { pathsWorkerFile } = await import('../../src/analyses/monte-carlo-worker-bundle.ts');
    const file = pathsWorkerFile();
    expect(file).toMatch(/\/\.cache\/paths-node\/paths-node\.mjs$/);
    const inputs: string[] = JSON.parse(readFileSync(new URL('inputs.json', file), 'utf8'));
    for (const f of ['workers/paths-node.worker.ts', 'src/model/kernel.ts', 'src/analyses/monte-carlo-run.ts']) expect(inputs.some((i) => i.endsWith(f)), f).toBe(true);
    // packages stay external: one decimal.js for the worker and the modules it shares values with
    expect(readFileSync(new URL(file), 'utf8')).toMatch(/from "decimal\.js"/);
  });
});

describe('the same numbers everywhere', () => {
  it("draws what test/fixtures/monte-carlo/draws.json holds (Chromium checks the same file)", async () => {
    const { firstDraws } = await import('./monte-carlo-draws.ts');
    const fixture = JSON.parse(readFileSync(new URL('../fixtures/monte-carlo/draws.json', import.meta.url), 'utf8'));
    expect(firstDraws()).toEqual(fixture);
  });
});

describe('paths on the kernel', () => {
  it('agree with the exact projection to the fen, path by path, with every default assumption drawn', async () => {
    const { exactPathRunner } = await import('../../src/analyses/monte-carlo-exact.ts');
    const { drawShocks } = await import('../../src/analyses/monte-carlo.ts');
    // the banner with its population model (fertility and mortality drawn too), and the city with an inpatient trend of its own
    const city6 = city();
    city6.assumptions.costGrowthByService = { inpatient: '6' };
    const cases = [
      { data: JSON.parse(exampleText('banner-2022.json')), file: 'seeds/scenarios/banner-2022.json', drawn: ['wageGrowth', 'costGrowth', 'utilizationGrowth', 'growth', 'collectionRate', 'fertility', 'mortalityPercent'] },
      { data: city6, file, drawn: ['wageGrowth', 'costGrowth', 'utilizationGrowth', 'growth', 'collectionRate'] },
    ];
    for (const c of cases) {
      const setup = await prepareMonteCarlo(c.data, c.file, env, { seed: 77 });
      expect(setup.uncertainty.varying.map((v) => v.name)).toEqual(c.drawn);
      const kernel = kernelPathRunner(setup.prepared.input);
      const exact = exactPathRunner(setup.prepared.input);
      const next = pathStreams(77, 0);
      for (let p = 0; p < 4; p++) {
        const shocks = drawShocks(setup.uncertainty, next(), setup.prepared.input.until - setup.prepared.input.base.year);
        const k = kernel(shocks);
        const e = exact(shocks);
        expect(k.ok && e.ok).toBe(true);
        if (!k.ok || !e.ok) continue;
        k.funds.forEach((f, i) => {
          const x = e.funds[i]!;
          expect([f.id, [...f.income], [...f.expenditure], [...f.cumulative], f.exhaustionYear, f.firstDeficitYear]).toEqual([x.id, [...x.income], [...x.expenditure], [...x.cumulative], x.exhaustionYear, x.firstDeficitYear]);
        });
      }
    }
  }, 180_000);

  it("moves a service's own cost trend by the same points as the overall trend's draw", async () => {
    const { serviceTrends, shiftedServices } = await import('../../src/analyses/monte-carlo-kernel.ts');
    const c = city();
    c.assumptions.costGrowthByService = { inpatient: '6' };
    const { prepared } = await prepareMonteCarlo(c, file, env);
    // the scenario: inpatient 6, everything else the overall 4; a path drawing 5.5 moves inpatient to 6 + (5.5 − 4) = 7.5
    expect(shiftedServices(5.5, serviceTrends(prepared.input))).toEqual({ inpatient: 7.5 });
    expect(shiftedServices(5.5, serviceTrends((await prepareMonteCarlo(city(), file, env)).prepared.input))).toBeUndefined();
  });
});
