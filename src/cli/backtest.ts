/**
 * npm run backtest -- <baseline> [--from YEAR] [--scenario file] [--format table|json]
 * Projects from each earlier reported year of a baseline with only the data up
 * to it and prints, per fund, line and later reported period, the projection,
 * the report and the error, beside a naive forecast.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { BACKTEST_LINE_NAMES, backtest, type BacktestResult } from '../analyses/backtest.ts';
import { toWan, type Dec } from '../common/money.ts';
import { parseJson } from '../common/schema.ts';
import { FUND_NAMES } from '../report/names.ts';
import { parseScenario } from '../scenario/load.ts';
import { nodeEnvironment, SEEDS_DIR } from '../scenario/node-env.ts';
import type { Scenario } from '../scenario/types.ts';
import { Option, cliProgram, grouped, integerValue, readUserFile, runIfMain, runProgram, table, usageError, type Io } from './args.ts';
import { reasonZh } from '../common/reason-zh.ts';

interface BacktestOptions {
  format: 'table' | 'json';
  from?: number;
  scenario?: string;
}

const EXAMPLES = [
  'npm run backtest -- banner-2022',
  'npm run backtest -- seeds/baselines/xinjiang-2020.json --format json',
  'npm run backtest -- national-2022 --from 2020',
];

export async function runBacktest(argv: string[], io: Io): Promise<number> {
  const program = cliProgram(io, 'backtest', '从每个较早的报告年份起测算，与以后各年的报告和朴素预测对比 — project from each earlier reported year and compare with the later reports and a naive forecast', EXAMPLES)
    .argument('<baseline>', 'seeds/baselines/ 下的基线名或基线文件 / a baseline name under seeds/baselines/ (banner-2022) or a baseline file')
    .option('--from <year>', '只从这一年起测算 / only this start year', integerValue(1900, 2100, 'a year'))
    .option('--scenario <file>', "测算所用的规则与假设（默认：该基线自带的示例方案，不作改动） / the rules and assumptions to project under (default: the shipped example scenario of this baseline without changes)")
    .addOption(new Option('--format <format>', '输出格式 / output').choices(['table', 'json']).default('table'))
    .action((baseline: string, opts: BacktestOptions) => run(baseline, opts, io));
  return runProgram(program, argv, io);
}

/** The scenario to backtest under: the one given, else the baseline's own example scenario without overrides, else no rules. */
function scenarioFor(baseline: string, opts: BacktestOptions): { scenario: Scenario; file: string } {
  if (opts.scenario) return { scenario: parseScenario(readUserFile(opts.scenario, '--scenario'), opts.scenario), file: opts.scenario };
  const shipped = resolve(SEEDS_DIR, 'baselines', `${baseline}.json`);
  let name: string | undefined;
  let embedded: unknown;
  if (existsSync(shipped) && !baseline.endsWith('.json')) name = baseline;
  else {
    if (!existsSync(baseline)) {
      const names = readdirSync(resolve(SEEDS_DIR, 'baselines')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
      throw usageError(`"${baseline}" is neither a baseline under seeds/baselines/ (${names.join(', ')}) nor a file`);
    }
    const text = readUserFile(baseline);
    const id = basename(baseline, '.json');
    if (resolve(baseline) === resolve(SEEDS_DIR, 'baselines', `${id}.json`)) name = id;
    else embedded = parseJson(text, baseline);
  }
  if (name) {
    const dir = resolve(SEEDS_DIR, 'scenarios');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
      const s = parseScenario(readUserFile(resolve(dir, f)), `seeds/scenarios/${f}`);
      if (s.baseline === name && !(s.overrides ?? []).length) return { scenario: s, file: `seeds/scenarios/${f}` };
    }
  }
  return { scenario: { version: 1, title: baseline, baseline: name ?? { embedded }, rules: [] }, file: baseline };
}

async function run(baseline: string, opts: BacktestOptions, io: Io): Promise<void> {
  if (!baseline) throw usageError('give a baseline, e.g. npm run backtest -- banner-2022');
  const { scenario, file } = scenarioFor(baseline, opts);
  const result = await backtest(scenario, file, nodeEnvironment(), opts.from);
  io.stdout.write(opts.format === 'json' ? JSON.stringify(backtestJson(result, file), null, 2) + '\n' : backtestTable(result, file));
}

const pct = (v: Dec | undefined) => (v === undefined ? '—' : `${v.isNegative() ? '' : '+'}${v.toFixed(1)}`);
const wan = (v: Dec | undefined) => (v === undefined ? '—' : grouped(toWan(v).toFixed(2)));

export function backtestJson(r: BacktestResult, scenarioFile: string): unknown {
  return {
    baseline: r.baseline,
    scenario: scenarioFile,
    unit: '万元',
    runs: r.runs.map((x) => ({ from: x.from, modelMeanAbsErrorPercent: x.modelMape?.toDecimalPlaces(2).toFixed(2) ?? null, naiveMeanAbsErrorPercent: x.naiveMape?.toDecimalPlaces(2).toFixed(2) ?? null, caveats: x.caveats })),
    rows: r.rows.map((x) => ({
      from: x.from,
      fund: x.fund,
      line: x.line,
      period: `${x.year}${x.half ? '-H1' : ''}`,
      reported: toWan(x.reported).toFixed(),
      model: toWan(x.model).toDecimalPlaces(2).toFixed(2),
      modelErrorPercent: x.modelError?.toDecimalPlaces(2).toFixed(2) ?? null,
      naive: x.naive ? toWan(x.naive).toDecimalPlaces(2).toFixed(2) : null,
      naiveErrorPercent: x.naiveError?.toDecimalPlaces(2).toFixed(2) ?? null,
    })),
    skipped: r.skipped,
  };
}

export function backtestTable(r: BacktestResult, scenarioFile: string): string {
  const out = [`# 回测 backtest: ${r.baseline}`, `规则与假设 rules and assumptions: ${scenarioFile}；金额单位 万元 amounts in 万元；误差 error = (预测 − 报告) / 报告`, ''];
  for (const run of r.runs) {
    out.push(`== 从${run.from}年起 projected from ${run.from}: 平均绝对误差 mean absolute error 模型 model ${run.modelMape?.toFixed(1) ?? '—'}%, 朴素 naive ${run.naiveMape?.toFixed(1) ?? '—'}% (收入与支出 income and expenditure) ==`);
    const rows = [['基金 fund', '项目 line', '期间 period', '报告 reported', '模型 model', '误差% error', '朴素 naive', '误差% error']];
    for (const x of r.rows.filter((y) => y.from === run.from)) {
      rows.push([FUND_NAMES[x.fund].zh, `${BACKTEST_LINE_NAMES[x.line].zh} ${BACKTEST_LINE_NAMES[x.line].en}`, x.half ? `${x.year}上半年 H1 (½年)` : String(x.year), wan(x.reported), wan(x.model), pct(x.modelError), wan(x.naive), pct(x.naiveError)]);
    }
    out.push(table(rows));
    if (run.caveats.length) out.push('说明 caveats:', ...run.caveats.map((c) => `  - ${c.zh} / ${c.en}`));
    out.push('');
  }
  for (const s of r.skipped) {
    const zh = reasonZh(s.reason) ?? s.reason.split('; ').map((x) => reasonZh(x) ?? x).join('；');
    out.push(`未能从${s.from}年起：${zh}`, `  could not start from ${s.from}: ${s.reason}`);
  }
  if (r.runs.length === 0) out.push('没有可回测的年份：基线只有一个完整年度 / nothing to backtest: the baseline has one full year only');
  return out.join('\n') + '\n';
}

await runIfMain(import.meta.url, runBacktest);
