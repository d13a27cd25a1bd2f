/**
 * npm run simulate -- <scenario.json> [--format table|csv|json] [--until YEAR] [--compare <other.json>]
 * Projects every fund of a scenario year by year; with --compare, also the
 * difference from another scenario (other − this).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { toWan } from '../common/money.ts';
import { project, type Projection } from '../model/project.ts';
import { compareProjections } from '../report/compare.ts';
import { FUND_NAMES, WARNING_NAMES, fundYearRow, projectionJson, wan2 } from '../report/summary.ts';
import { nodeEnvironment } from '../scenario/node-env.ts';
import { parseScenario } from '../scenario/load.ts';
import { prepareScenario } from '../scenario/prepare.ts';
import { runCli, table, usageError } from './args.ts';

async function run(path: string, until: number | undefined) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw usageError(`cannot read ${path}`);
  }
  const scenario = parseScenario(text, path);
  if (until !== undefined) scenario.until = until;
  const prepared = await prepareScenario(scenario, path, nodeEnvironment());
  return { scenario, prepared, projection: project(prepared.input) };
}

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { format: { type: 'string', default: 'table' }, until: { type: 'string' }, compare: { type: 'string' } },
  });
  const path = positionals[0];
  if (!path) throw usageError('give a scenario file, e.g. npm run simulate -- seeds/scenarios/banner-2022.json');
  const until = values.until === undefined ? undefined : Number(values.until);
  if (until !== undefined && !Number.isInteger(until)) throw usageError('--until takes a year');
  const a = await run(path, until);
  const b = values.compare ? await run(values.compare, until) : undefined;
  const format = values.format;

  if (format === 'json') {
    const out: Record<string, unknown> = { scenario: projectionJson(a.projection, a.prepared.hash, a.scenario.title) };
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
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
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
    process.stdout.write(rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n');
  } else if (format === 'table') {
    process.stdout.write(tableReport(a.scenario.title, a.prepared.hash, a.projection));
    if (b) {
      process.stdout.write('\n' + tableReport(b.scenario.title, b.prepared.hash, b.projection));
      process.stdout.write(`\n== 差异 difference: ${b.scenario.title} − ${a.scenario.title} (万元) ==\n`);
      const rows = [['基金 fund', '年份', '收入', '支出', '当期结存', '累计结存', '可支付月数']];
      for (const d of compareProjections(a.projection, b.projection)) {
        rows.push([FUND_NAMES[d.fund].zh, String(d.year), wan2(d.income), wan2(d.expenditure), wan2(d.currentBalance), wan2(d.cumulative), d.monthsPayable?.toFixed(1) ?? '—']);
      }
      process.stdout.write(table(rows) + '\n');
    }
  } else {
    throw usageError('--format must be table, csv or json');
  }
});

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
