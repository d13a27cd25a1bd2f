/**
 * simulate --paths N [--seed N]: Monte Carlo over the scenario's uncertain
 * assumptions, as a table, CSV or JSON: per fund and year the percentiles of
 * cumulative balance and months payable (JSON and CSV also income and
 * expenditure), the probability that the fund is exhausted by each year, the
 * first-deficit year's distribution, and every uncertain assumption.
 */
import { availableParallelism } from 'node:os';
import { D } from '../common/money.ts';
import { uncertaintyEntries } from '../scenario/uncertainty.ts';
import { nodePool, startNodePool, threadsFor } from '../analyses/monte-carlo-pool.ts';
import { inThreadExecutor, prepareMonteCarlo, runMonteCarlo, type ChunkExecutor, type MonteCarloResult, type MonteCarloSetup } from '../analyses/monte-carlo-run.ts';
import { PERCENTILES } from '../analyses/monte-carlo.ts';
import { FUND_NAMES } from '../report/summary.ts';
import type { Environment, Prepared } from '../scenario/prepare.ts';
import type { Scenario } from '../scenario/types.ts';
import { csvCell, grouped, table, type Io } from './args.ts';

export interface MonteCarloFlags {
  format: 'table' | 'csv' | 'json';
  paths?: number;
  seed?: number;
}

/** Below this many paths a run stays in this thread: starting worker threads costs more than it saves. */
export const POOL_FROM_PATHS = 50;
/** From this many paths, progress goes to stderr. */
const PROGRESS_FROM_PATHS = 200;

/**
 * This thread for a small run; given the prepared scenario, this thread with
 * worker threads beside it where their setup pays off (threadsFor: from
 * 20,000 paths); else (a sweep's many scenarios) a pool of one thread per core.
 */
export function executorFor(paths: number, env: Environment, setup?: MonteCarloSetup): ChunkExecutor {
  if (paths < POOL_FROM_PATHS || availableParallelism() < 2) return inThreadExecutor(env);
  return setup ? nodePool(threadsFor(paths), setup) : nodePool(availableParallelism());
}

/** Worker threads that `--paths` will use (threadsFor), started before the scenario is read: they load their code meanwhile. */
export function earlyWorkers(paths: number | undefined): EarlyWorkers | undefined {
  if (paths === undefined || paths < POOL_FROM_PATHS || availableParallelism() < 2) return undefined;
  const threads = threadsFor(paths);
  return threads > 1 ? startNodePool(threads, true) : undefined;
}

export type EarlyWorkers = ReturnType<typeof startNodePool>;

export async function monteCarloRun(path: string, scenario: Scenario, prepared: Prepared, env: Environment, flags: MonteCarloFlags, io: Io, executor?: ChunkExecutor, early?: EarlyWorkers): Promise<MonteCarloResult> {
  const setup = await prepareMonteCarlo(scenario, path, env, { paths: flags.paths, seed: flags.seed }, prepared).catch(async (err: unknown) => {
    await early?.close();
    throw err;
  });
  const paths = setup.uncertainty.paths;
  let own: ChunkExecutor;
  try {
    own = executor ?? early?.for(setup) ?? executorFor(paths, env, setup);
  } catch (err) {
    await early?.close();
    throw err;
  }
  const started = performance.now();
  let shown = 0;
  const onProgress = (done: number, total: number) => {
    if (total < PROGRESS_FROM_PATHS || (done < total && done - shown < total / 10)) return;
    shown = done;
    io.stderr.write(`${path}: ${done}/${total} 条路径 paths (${((performance.now() - started) / 1000).toFixed(1)} 秒 s)\n`);
  };
  try {
    const r = await runMonteCarlo(setup, own, { onProgress });
    for (const w of r.warnings) io.stderr.write(`警告：${path}：${w.zh}\nwarning: ${path}: ${w.en}\n`);
    return r;
  } finally {
    if (!executor) await own.close?.();
  }
}

export async function monteCarloCommand(path: string, scenario: Scenario, prepared: Prepared, env: Environment, flags: MonteCarloFlags, io: Io, early?: EarlyWorkers): Promise<void> {
  const r = await monteCarloRun(path, scenario, prepared, env, flags, io, undefined, early);
  io.stdout.write(flags.format === 'json' ? JSON.stringify(monteCarloJson(r, scenario.title), null, 2) + '\n' : flags.format === 'csv' ? monteCarloCsv(r, scenario.title) : monteCarloTable(r, scenario.title));
}

const P = PERCENTILES.map((p) => `p${p}`);
const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const wan = (yuan: string) => (yuan === '' ? '—' : grouped(new D(yuan).dividedBy(10000).toFixed(2)));

export function monteCarloJson(r: MonteCarloResult, title: string) {
  return {
    scenario: title,
    scenarioHash: r.scenarioHash,
    hash: r.hash,
    paths: r.paths,
    seed: r.seed,
    baseYear: r.baseYear,
    until: r.until,
    unit: '元',
    percentiles: r.percentiles,
    percentileDefinition: r.definition,
    funds: r.funds.map((f) => ({ ...f, deterministic: r.deterministic.find((d) => d.id === f.id)?.years ?? [] })),
    assumptions: uncertaintyEntries(r.uncertainty),
    ...(r.warnings.length ? { warnings: r.warnings } : {}),
  };
}

export function monteCarloCsv(r: MonteCarloResult, title: string): string {
  const head = ['scenario', 'content_hash', 'paths', 'seed', 'fund', 'year', ...['income', 'expenditure', 'cumulative'].flatMap((m) => P.map((p) => `${m}_${p}_yuan`)), ...P.map((p) => `months_payable_${p}`), 'exhausted_probability', 'deterministic_cumulative_yuan'];
  const rows = [head];
  for (const f of r.funds) {
    const det = r.deterministic.find((d) => d.id === f.id);
    for (const y of f.years) {
      rows.push([title, r.hash, String(r.paths), String(r.seed), f.id, String(y.year), ...y.income, ...y.expenditure, ...y.cumulative, ...y.monthsPayable.map((m) => (m === null ? '' : String(m))), String(y.exhaustedBy), det?.years.find((d) => d.year === y.year)?.cumulative ?? '']);
    }
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

export function monteCarloTable(r: MonteCarloResult, title: string): string {
  const out = [
    `# ${title}`,
    `content hash sha256:${r.scenarioHash}`,
    `蒙特卡洛 Monte Carlo: ${r.paths} 条路径 paths, 种子 seed ${r.seed}; sha256:${r.hash}`,
    `基期 base year ${r.baseYear}, 测算至 projected to ${r.until}; 金额单位万元 amounts in 万元`,
    `百分位数 percentiles: ${r.definition.zh}`,
    `  ${r.definition.en}`,
    '',
  ];
  for (const f of r.funds) {
    const name = FUND_NAMES[f.id];
    const det = r.deterministic.find((d) => d.id === f.id);
    out.push(`== ${name.zh} ${name.en} ==`);
    const rows = [['年份 year', ...P.map((p) => `累计结存 ${p}`), ...P.map((p) => `可支付月数 ${p}`), '耗尽概率 exhausted', '确定性 deterministic']];
    for (const y of f.years) {
      rows.push([String(y.year), ...y.cumulative.map(wan), ...y.monthsPayable.map((m) => (m === null ? '—' : m < 0 ? '耗尽 exhausted' : m.toFixed(1))), pct(y.exhaustedBy), wan(det?.years.find((d) => d.year === y.year)?.cumulative ?? '')]);
    }
    out.push(table(rows));
    out.push(`当期赤字首年分布 first deficit year: ${f.firstDeficit.map((d) => `${d.year ?? '无 none'} ${pct(d.share)}`).join(', ')}`, '');
  }
  out.push('== 不确定性假设 uncertain assumptions ==');
  const rows = [['名称 name', '分布 distribution', '抽样 drawn', '来源 origin', '依据 why']];
  for (const e of uncertaintyEntries(r.uncertainty)) {
    rows.push([e.name, `${e.value.zh} / ${e.value.en}`, e.per === 'year' ? '逐年 each year' : e.per === 'path' ? '每条路径一次 once per path' : '—', e.origin === 'default' ? '默认 default' : '方案 scenario', `${e.why.zh} / ${e.why.en}`]);
  }
  out.push(table(rows), '');
  return out.join('\n');
}
