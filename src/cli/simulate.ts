/**
 * npm run simulate -- <scenario.json> [--format table|csv|json] [--until YEAR] [--compare <other.json>]
 * Projects every fund of a scenario year by year; with --compare, also the
 * difference from another scenario (other − this).
 */
import { InputError } from '../common/errors.ts';
import { toWan } from '../common/money.ts';
import { MAX_HORIZON, project, type Projection } from '../model/project.ts';
import { compareProjections } from '../report/compare.ts';
import { FUND_NAMES, WARNING_NAMES, fundYearRow, projectionJson, wan2 } from '../report/summary.ts';
import { nodeEnvironment } from '../scenario/node-env.ts';
import { ageGroupRows, populationJson } from '../report/population.ts';
import { populationReport } from './population-table.ts';
import { parseScenario } from '../scenario/load.ts';
import { prepareScenario } from '../scenario/prepare.ts';
import { Option, cliProgram, integerValue, readUserFile, runIfMain, runProgram, table, type Io } from './args.ts';

interface SimulateOptions {
  format: 'table' | 'csv' | 'json';
  until?: number;
  compare?: string;
  population?: boolean;
}

const EXAMPLES = [
  'npm run simulate -- seeds/scenarios/banner-2022.json',
  'npm run simulate -- seeds/scenarios/city-2021.json --until 2040 --format csv',
  'npm run simulate -- seeds/scenarios/banner-2022.json --compare seeds/scenarios/banner-individual-400.json',
  'npm run simulate -- seeds/scenarios/city-2021.json --population --format csv',
];

async function run(path: string, until: number | undefined, flag?: string) {
  const text = readUserFile(path, flag);
  const scenario = parseScenario(text, path);
  if (until !== undefined) scenario.until = until;
  const prepared = await prepareScenario(scenario, path, nodeEnvironment()).catch((err: unknown) => {
    // A horizon given on the command line is the flag's fault, not the file's.
    if (until === undefined || !(err instanceof InputError)) throw err;
    throw new InputError(err.problems.map((p) => (p.file === path && p.path === '/until' ? { file: '--until', path: '', reason: p.reason } : p)));
  });
  return { scenario, prepared, projection: project(prepared.input) };
}

export async function runSimulate(argv: string[], io: Io): Promise<number> {
  const program = cliProgram(io, 'simulate', '逐年测算方案中每个基金的收支与结存 — project every fund of a scenario year by year', EXAMPLES)
    .argument('<scenario.json>', 'the scenario file (seeds/scenario.schema.json)')
    .addOption(new Option('--format <format>', 'output').choices(['table', 'csv', 'json']).default('table'))
    .option('--until <year>', `the last year projected, up to ${MAX_HORIZON} (default: the scenario's own horizon)`, integerValue(1900, MAX_HORIZON, 'a year'))
    .option('--compare <other.json>', 'another scenario: also print the difference (other − this)')
    .option('--population', 'also the population by age group, sex and status (with --format csv: only the population, in long format)')
    .action((path: string, opts: SimulateOptions) => simulate(path, opts, io));
  return runProgram(program, argv, io);
}

async function simulate(path: string, values: SimulateOptions, io: Io): Promise<void> {
  const until = values.until;
  const a = await run(path, until);
  const b = values.compare ? await run(values.compare, until, '--compare') : undefined;
  const format = values.format;

  if (format === 'json') {
    const out: Record<string, unknown> = { scenario: { ...(projectionJson(a.projection, a.prepared.hash, a.scenario.title) as object), population: populationJson(a.projection, !!values.population) } };
    if (b) {
      out.compareWith = projectionJson(b.projection, b.prepared.hash, b.scenario.title);
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
    io.stdout.write(tableReport(a.scenario.title, a.prepared.hash, a.projection));
    io.stdout.write(populationReport(a.projection, !!values.population));
    if (b) {
      io.stdout.write('\n' + tableReport(b.scenario.title, b.prepared.hash, b.projection));
      io.stdout.write(`\n== 差异 difference: ${b.scenario.title} − ${a.scenario.title} (万元) ==\n`);
      const rows = [['基金 fund', '年份', '收入', '支出', '当期结存', '累计结存', '可支付月数']];
      for (const d of compareProjections(a.projection, b.projection)) {
        rows.push([FUND_NAMES[d.fund].zh, String(d.year), wan2(d.income), wan2(d.expenditure), wan2(d.currentBalance), wan2(d.cumulative), d.monthsPayable?.toFixed(1) ?? '—']);
      }
      io.stdout.write(table(rows) + '\n');
    }
  }
}

await runIfMain(import.meta.url, runSimulate);

function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function tableReport(title: string, hash: string, p: Projection): string {
  const out = [`# ${title}`, `content hash sha256:${hash}`, `base year ${p.baseYear}, projected to ${p.until}; amounts in 万元`, ''];
  for (const f of p.funds) {
    const name = FUND_NAMES[f.id];
    out.push(`== ${name.zh} ${name.en} ==`);
    out.push(`当期赤字首年 first deficit: ${f.firstDeficitYear ?? '—'}    累计结存耗尽 exhausted: ${f.exhaustionYear ?? '—'}`);
    const rows = [['年份', '收入', '支出', '当期结存', '结存率%', '累计结存', '可支付月数', '预警']];
    for (const y of f.years) {
      rows.push([
        String(y.year),
        wan2(y.incomeTotal),
        wan2(y.expenditureTotal),
        wan2(y.currentBalance),
        y.balanceRate?.toFixed(2) ?? '—',
        wan2(y.cumulative),
        y.monthsPayable?.toFixed(1) ?? '—',
        WARNING_NAMES[y.warning].zh,
      ]);
    }
    out.push(table(rows), '');
  }
  out.push('== 财政补助分级负担 subsidy by government level (万元) ==');
  const rows = [['年份', '中央', '自治区(省)', '盟市', '旗县', '未分级']];
  for (const s of p.subsidy) rows.push([String(s.year), wan2(s.central), wan2(s.region), wan2(s.city), wan2(s.county), wan2(s.unspecified)]);
  const t = p.subsidyTotals;
  rows.push([`${p.baseYear + 1}-${p.until}`, wan2(t.central), wan2(t.region), wan2(t.city), wan2(t.county), wan2(t.unspecified)]);
  out.push(table(rows), '');
  if (p.notes.length) out.push('说明 notes:', ...p.notes.map((n) => `  - ${n.zh} / ${n.en}`), '');
  return out.join('\n');
}
