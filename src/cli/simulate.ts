/**
 * npm run simulate -- <scenario.json> [--format table|csv|json] [--until YEAR] [--compare <other.json>]
 * Projects every fund of a scenario year by year; with --compare, also the
 * difference from another scenario (other − this).
 */
import { InputError } from '../common/errors.ts';
import { toWan } from '../common/money.ts';
import { MAX_HORIZON, project, type Projection, type ProjectionInput } from '../model/project.ts';
import { compareProjections } from '../report/compare.ts';
import { indicatorGaps, sanityWarnings, subsidyByFund, checksJson } from '../report/checks.ts';
import { FUND_NAMES, WARNING_NAMES, fundYearRow, projectionJson, wan2 } from '../report/summary.ts';
import { assumptionsInForce, assumptionsJson, ORIGIN_NAMES } from '../report/assumptions.ts';
import { assumptionHeading, assumptionValueText } from '../report/assumption-names.ts';
import type { AssumptionsInput } from '../model/assumptions.ts';
import { nodeEnvironment } from '../scenario/node-env.ts';
import { ageGroupRows, populationJson } from '../report/population.ts';
import { populationReport } from './population-table.ts';
import { parseScenario } from '../scenario/load.ts';
import { embeddedBaselineCheck, findingProblems } from '../scenario/baseline-check.ts';
import { prepareScenario } from '../scenario/prepare.ts';
import { Option, cliProgram, csvCell, grouped, integerValue, monthValue, problemLines, progress, readUserFile, runIfMain, runProgram, table, type Io } from './args.ts';
import { sensitivityCommand, solveCommand, type AnalysisOptions } from './analyses.ts';
import { earlyWorkers, monteCarloCommand } from './monte-carlo.ts';
import { MAX_PATHS, MAX_SEED, resolveUncertainty, uncertaintyEntries } from '../scenario/uncertainty.ts';

interface SimulateOptions extends AnalysisOptions {
  format: 'table' | 'csv' | 'json';
  until?: number;
  compare?: string;
  population?: boolean;
  allowInconsistent?: boolean;
  sensitivity?: boolean;
  paths?: number;
  seed?: number;
}

const EXAMPLES = [
  'npm run simulate -- seeds/scenarios/banner-2022.json',
  'npm run simulate -- seeds/scenarios/city-2021.json --until 2040 --format csv',
  'npm run simulate -- seeds/scenarios/banner-2022.json --compare seeds/scenarios/banner-individual-400.json',
  'npm run simulate -- seeds/scenarios/city-2021.json --population --format csv',
  'npm run simulate -- seeds/scenarios/city-2021.json --paths 10000 --seed 7',
  'npm run simulate -- seeds/scenarios/banner-2022.json --sensitivity --outcome months-payable:resident:2035',
  'npm run simulate -- seeds/scenarios/banner-2022.json --solve resident.individual.standard --from 2026-01 --target "monthsPayable >= 12 until 2035" --out answer.json',
  'npm run simulate -- seeds/scenarios/city-2021.json --solve employee.rate.employer --from 2023-01 --target "balanceRate between 0 and 30 until 2030" --largest',
];

async function run(path: string, values: SimulateOptions, io: Io, flag?: string) {
  const until = values.until;
  const text = readUserFile(path, flag);
  const scenario = parseScenario(text, path);
  if (until !== undefined) scenario.until = until;
  const env = nodeEnvironment();
  const rules = (scenario.ruleSets ?? []).reduce<number>((n, s) => n + ((s as { rules?: unknown[] }).rules?.length ?? 0), 0);
  const step = progress(io, path, rules);
  step(`${rules} rules of its own, checking`);
  const prepared = await prepareScenario(scenario, path, env).catch((err: unknown) => {
    // A horizon given on the command line is the flag's fault, not the file's.
    if (until === undefined || !(err instanceof InputError)) throw err;
    throw new InputError(err.problems.map((p) => (p.file === path && p.path === '/until' ? { file: '--until', path: '', reason: p.reason } : p)));
  });
  // An embedded baseline must pass the audit's identity checks, or the user says to run anyway.
  const check = embeddedBaselineCheck(scenario, path, env);
  if (check.findings.length && !values.allowInconsistent) {
    throw new InputError(findingProblems(check, path, { zh: '用 npm run audit 可查看相关数字；如仍要测算，请加 --allow-inconsistent', en: 'npm run audit shows the figures involved; to project it anyway, add --allow-inconsistent' }));
  }
  const warnings = findingProblems(check, path).map((p) => problemLines(p, 'warning'));
  step('checked, projecting');
  const projection = project(prepared.input);
  step('projected');
  for (const w of sanityWarnings(projection)) warnings.push(`警告：${path}：${w.zh}\nwarning: ${path}: ${w.en}\n`);
  // Printed once every file given is known to load, so a refusal is never preceded by another file's warnings.
  return { scenario, prepared, projection, findings: check.findings, warn: () => warnings.forEach((w) => io.stderr.write(w)) };
}

export async function runSimulate(argv: string[], io: Io): Promise<number> {
  const program = cliProgram(io, 'simulate', '逐年测算方案中每个基金的收支与结存 — project every fund of a scenario year by year', EXAMPLES)
    .argument('<scenario.json>', '方案文件 / the scenario file (seeds/scenario.schema.json)')
    .addOption(new Option('--format <format>', '输出格式 / output').choices(['table', 'csv', 'json']).default('table'))
    .option('--until <year>', `测算的最后一年，最远 ${MAX_HORIZON}（默认：方案自己的测算期） / the last year projected, up to ${MAX_HORIZON} (default: the scenario's own horizon)`, integerValue(1900, MAX_HORIZON, 'a year'))
    .option('--compare <other.json>', '另一个方案：同时打印差异（另一方案 − 本方案） / another scenario: also print the difference (other − this)')
    .option('--population', '同时打印按年龄组、性别和身份的人口（--format csv 时只输出人口，长格式） / also the population by age group, sex and status (with --format csv: only the population, in long format)')
    .option('--allow-inconsistent', "内嵌基线不满足报告恒等关系时仍然测算（以警告列出） / project an embedded baseline even where it breaks the audit's identities (they are printed as warnings)")
    .option('--paths <n>', `蒙特卡洛模拟：按方案的不确定假设抽样 n 条路径，1 至 ${MAX_PATHS} / Monte Carlo: run n paths over the scenario's uncertain assumptions (assumptions.uncertainty, or the stated defaults), 1 to ${MAX_PATHS}`, integerValue(1, MAX_PATHS, 'a whole number of paths'))
    .option('--seed <n>', `蒙特卡洛模拟的随机种子，0 至 ${MAX_SEED}（默认：方案自己的，或 20260101）；同一种子得出同样的数字 / Monte Carlo: the seed of the random numbers, 0 to ${MAX_SEED} (default: the scenario's, or 20260101); the same seed gives the same numbers`, integerValue(0, MAX_SEED, 'a whole number'))
    .option('--sensitivity', '龙卷风图：每个假设和政策参数在给定的高低值之间变动，按对 --outcome 的影响排序 / tornado: swing each assumption and lever between a stated low and high value, ranked by effect on --outcome')
    .option('--outcome <outcome>', '与 --sensitivity 同用：结果指标 / for --sensitivity: months-payable[:FUND[:YEAR]] (default: the first fund at the horizon), first-deficit-year[:FUND], subsidy[:LEVEL]')
    .option('--solve <lever>', '目标求解：为达到 --target 而设定的参数（或假设） / goal seek: the parameter (or assumption) to set so that --target is met')
    .option('--target <target>', '与 --solve 同用：目标 / for --solve: "monthsPayable >= 6 until 2040", "balanceRate between 15 and 25", "balanceRate <= 25"')
    .option('--from <month>', '与 --solve 同用：调整起始月份（默认：基期次年 1 月） / for --solve: the month the lever changes from (default: January after the base year)', monthValue)
    .option('--range <low:high>', '与 --solve 同用：搜索范围（默认：0 至现行值的三倍；比例至两倍） / for --solve: the range searched (default: 0 to three times the value in force; rates up to twice it)')
    .option('--fund <fund>', "与 --solve 同用：目标针对的基金（默认：参数所属险种） / for --solve: the fund the target is for (default: the lever's own scheme)")
    .option('--largest', '与 --solve 同用：取满足目标的最大值（默认：最小值） / for --solve: the largest setting that meets the target (default: the smallest)')
    .option('--out <answer.json>', '与 --solve 同用：把答案写成方案文件 / for --solve: write the answer as a scenario file')
    .action((path: string, opts: SimulateOptions) => simulate(path, opts, io));
  return runProgram(program, argv, io);
}

async function simulate(path: string, values: SimulateOptions, io: Io): Promise<void> {
  if (values.sensitivity && values.solve) throw InputError.one('--solve', '', 'use --sensitivity or --solve, not both');
  if (values.compare && (values.sensitivity || values.solve)) throw InputError.one('--compare', '', 'is not used with --sensitivity or --solve');
  const monteCarlo = values.paths !== undefined || values.seed !== undefined;
  if (monteCarlo) {
    const other = values.sensitivity ? '--sensitivity' : values.solve ? '--solve' : values.compare ? '--compare' : values.population ? '--population' : undefined;
    if (other) throw InputError.one(other, '', `is not used with --paths or --seed (Monte Carlo)`);
  }
  // Monte Carlo's worker threads, where --paths asks for them, start first and load while the scenario is read.
  const early = monteCarlo ? earlyWorkers(values.paths) : undefined;
  const a = await run(path, values, io).catch(async (err: unknown) => {
    await early?.close();
    throw err;
  });
  if (monteCarlo) {
    a.warn();
    return monteCarloCommand(path, a.scenario, a.prepared, nodeEnvironment(), values, io, early);
  }
  if (values.sensitivity) return sensitivityCommand(path, a.scenario, a.prepared, nodeEnvironment(), values, io);
  if (values.solve) return solveCommand(path, a.scenario, a.prepared, nodeEnvironment(), values, io);
  const b = values.compare ? await run(values.compare, values, io, '--compare') : undefined;
  a.warn();
  b?.warn();
  const format = values.format;

  if (format === 'json') {
    const json = (r: typeof a) => ({
      ...(projectionJson(r.projection, r.prepared.hash, r.scenario.title) as object),
      ...checksJson(r.projection),
      baselineFindings: r.findings,
      assumptions: assumptionsJson(assumptionsInForce(r.prepared.input, r.scenario.assumptions, r.projection)),
      uncertainty: uncertaintyEntries(resolveUncertainty(r.scenario.assumptions?.uncertainty, r.prepared.input.assumptions, r.scenario.title)),
      population: populationJson(r.projection, !!values.population),
    });
    const out: Record<string, unknown> = { scenario: json(a) };
    if (b) {
      out.compareWith = json(b);
      out.difference = compareProjections(a.projection, b.projection).map((d) => ({
        fund: d.fund,
        year: d.year,
        income: toWan(d.income).toFixed(),
        expenditure: toWan(d.expenditure).toFixed(),
        currentBalance: toWan(d.currentBalance).toFixed(),
        cumulative: toWan(d.cumulative).toFixed(),
        monthsPayable: d.monthsPayable?.toDecimalPlaces(4).toFixed() ?? null,
      }));
    }
    io.stdout.write(JSON.stringify(out, null, 2) + '\n');
  } else if (format === 'csv' && values.population) {
    const rows = ageGroupRows(a.projection);
    io.stdout.write([['scenario', 'content_hash', ...rows[0]!], ...rows.slice(1).map((r) => [a.scenario.title, a.prepared.hash, ...r])].map((r) => r.map(csvCell).join(',')).join('\n') + '\n');
  } else if (format === 'csv') {
    const rows = [['scenario', 'content_hash', 'fund', 'year', 'income_wan', 'expenditure_wan', 'current_balance_wan', 'balance_rate_pct', 'cumulative_wan', 'months_payable', 'warning']];
    for (const r of [a, b]) {
      if (!r) continue;
      for (const f of r.projection.funds) {
        for (const y of f.years) {
          const row = fundYearRow(f.id, y);
          rows.push([r.scenario.title, r.prepared.hash, f.id, String(y.year), row.income, row.expenditure, row.currentBalance, row.balanceRate ?? '', row.cumulative, row.monthsPayable ?? '', y.warning]);
        }
      }
    }
    io.stdout.write(rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n');
  } else {
    io.stdout.write(tableReport(a.scenario.title, a.prepared.hash, a.projection) + assumptionsReport(a));
    io.stdout.write(populationReport(a.projection, !!values.population));
    if (b) {
      io.stdout.write('\n' + tableReport(b.scenario.title, b.prepared.hash, b.projection) + assumptionsReport(b));
      io.stdout.write(`\n== 差异 difference: ${b.scenario.title} − ${a.scenario.title} (万元) ==\n`);
      const rows = [['基金 fund', '年份 year', '收入 income', '支出 expenditure', '当期结存 current balance', '累计结存 cumulative', '可支付月数 months payable']];
      for (const d of compareProjections(a.projection, b.projection)) {
        rows.push([FUND_NAMES[d.fund].zh, String(d.year), grouped(wan2(d.income)), grouped(wan2(d.expenditure)), grouped(wan2(d.currentBalance)), grouped(wan2(d.cumulative)), d.monthsPayable?.toFixed(1) ?? '—']);
      }
      io.stdout.write(table(rows) + '\n');
    }
  }
}


/** Abnormal periods and every assumption in force, with its value and origin. */
function assumptionsReport(r: { scenario: { assumptions?: AssumptionsInput }; prepared: { input: ProjectionInput }; projection: Projection }): string {
  const c = r.projection.calibration;
  const out: string[] = [];
  out.push(`== 异常年份 abnormal periods (阈值 threshold ±${c.options.threshold}%, ${c.options.normalise ? '已调整 normalised' : '未调整 not normalised'}) ==`);
  if (c.abnormal.length === 0) out.push('  —');
  for (const x of c.abnormal) out.push(`  - ${x.reason.zh}`, `    ${x.reason.en}`);
  out.push('');
  out.push('== 假设 assumptions in force ==');
  // One block per assumption: its name, value and origin on one line, why below (a table of these would be wider than any terminal).
  for (const e of assumptionsInForce(r.prepared.input, r.scenario.assumptions, r.projection)) {
    out.push(`- ${assumptionHeading(e.name)}: ${assumptionValueText(e.value)}${e.unit ? ` ${e.unit}` : ''} · ${ORIGIN_NAMES[e.origin].zh} ${ORIGIN_NAMES[e.origin].en}`, `    ${e.why.zh}`, `    ${e.why.en}`);
  }
  // The distributions --paths draws from (Monte Carlo), with their reasons.
  for (const e of uncertaintyEntries(resolveUncertainty(r.scenario.assumptions?.uncertainty, r.prepared.input.assumptions, ''))) {
    // the unit once: a distribution's text already names it ("normal: mean 5, sd 1.5 (%/年)")
    const unit = e.value.en.includes(`(${e.unit})`) ? '' : ` ${e.unit}`;
    out.push(`- ${e.name}（--paths 时抽样 drawn with --paths）: ${e.value.zh} / ${e.value.en}${unit} · ${ORIGIN_NAMES[e.origin].zh} ${ORIGIN_NAMES[e.origin].en}`, `    ${e.why.zh}`, `    ${e.why.en}`);
  }
  out.push('');
  return out.join('\n');
}

/** Months payable as a table prints it: a fund whose balance is used up (below zero months) reads 耗尽 exhausted, never a negative number. */
function monthsPayableText(m: { isNegative(): boolean; toFixed(n: number): string } | undefined): string {
  if (!m) return '—';
  return m.isNegative() ? '耗尽 exhausted' : m.toFixed(1);
}

function tableReport(title: string, hash: string, p: Projection): string {
  const out = [`# ${title}`, `内容哈希 content hash sha256:${hash}`, `基期 ${p.baseYear} 年，测算至 ${p.until} 年；金额单位 万元 base year ${p.baseYear}, projected to ${p.until}; amounts in 万元`, ''];
  for (const f of p.funds) {
    const name = FUND_NAMES[f.id];
    out.push(`== ${name.zh} ${name.en} ==`);
    out.push(`当期赤字首年 first deficit: ${f.firstDeficitYear ?? '—'}    累计结存耗尽 exhausted: ${f.exhaustionYear ?? '—'}`);
    const rows = [['年份 year', '收入 income', '支出 expenditure', '当期结存 current balance', '结存率% balance rate', '累计结存 cumulative', '可支付月数 months payable', '预警 warning']];
    for (const y of f.years) {
      rows.push([
        String(y.year),
        grouped(wan2(y.incomeTotal)),
        grouped(wan2(y.expenditureTotal)),
        grouped(wan2(y.currentBalance)),
        y.balanceRate?.toFixed(2) ?? '—',
        grouped(wan2(y.cumulative)),
        monthsPayableText(y.monthsPayable),
        `${WARNING_NAMES[y.warning].zh} ${WARNING_NAMES[y.warning].en}`,
      ]);
    }
    out.push(table(rows), '');
  }
  out.push(...subsidyTables(p));
  const gaps = indicatorGaps(p);
  if (gaps.length) {
    out.push('无法计算或需说明的指标 indicators not computed, and why:');
    for (const g of gaps) out.push(`  - ${FUND_NAMES[g.fund].zh} ${g.from === g.until ? g.from : `${g.from}-${g.until}`} ${g.indicator}: ${g.zh} / ${g.en}`);
    out.push('');
  }
  const sanity = sanityWarnings(p);
  if (sanity.length) out.push('警告 warnings (results no real fund can have):', ...sanity.map((w) => `  - ${w.zh} / ${w.en}`), '');
  if (p.notes.length) out.push('说明 notes:', ...p.notes.map((n) => `  - ${n.zh} / ${n.en}`), '');
  return out.join('\n');
}

const LEVELS = [
  ['central', '中央'],
  ['region', '自治区(省)'],
  ['city', '盟市'],
  ['county', '旗县'],
  ['unspecified', '未分级'],
] as const;

/** One table per fund that receives a subsidy, with only the levels it has: medical aid's funding never lands in the resident columns. */
function subsidyTables(p: Projection): string[] {
  const out: string[] = [];
  for (const s of subsidyByFund(p)) {
    const levels = LEVELS.filter(([k]) => s.years.some((y) => !y[k].isZero()));
    out.push(`== 财政补助分级负担 subsidy by government level: ${FUND_NAMES[s.fund].zh} ${FUND_NAMES[s.fund].en} (万元) ==`);
    const rows = [['年份 year', ...levels.map(([, zh]) => zh)]];
    for (const y of s.years) rows.push([String(y.year), ...levels.map(([k]) => grouped(wan2(y[k])))]);
    rows.push([`${p.baseYear + 1}-${p.until}`, ...levels.map(([k]) => grouped(wan2(s.totals[k])))]);
    out.push(table(rows), '');
  }
  return out;
}

await runIfMain(import.meta.url, runSimulate);
