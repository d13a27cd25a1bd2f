/**
 * npm run audit -- <baseline.json> [--rules <rule-set id>] [--format table|json]
 * Prints the audit findings and the indicators of one baseline and, with
 * --rules, its per-capita standards against the minimums those rules set.
 * Findings are output, not failure: exit 0 when the audit ran, 2 when the
 * input is refused.
 */
import { composeStack } from '../engine/stack.ts';
import { loadCatalog } from '../rules/catalog-node.ts';
import { checkCompliance, type ComplianceFinding } from '../baseline/compliance.ts';
import { Option, cliProgram, runIfMain, runProgram, table, usageError, type Io, type Output } from './args.ts';
import { auditBaseline, type AuditResult, type Finding } from '../baseline/audit.ts';
import { BASELINE_FUND_NAMES, complianceText as complianceWords, findingText as findingWords } from '../baseline/audit-text.ts';
import type { Indicator } from '../baseline/indicators.ts';
import { loadBaselineFile } from '../baseline/load-file.ts';
import type { Baseline } from '../baseline/types.ts';

const EXAMPLES = [
  'npm run audit -- seeds/baselines/banner-2022.json',
  'npm run audit -- seeds/baselines/banner-2022.json --rules inner-mongolia/resident-2022',
  'npm run audit -- seeds/baselines/xinjiang-2020.json --format json',
];

interface AuditOptions {
  format: 'table' | 'json';
  rules?: string;
}

function findingText(f: Finding, n: number): string {
  const words = findingWords(f);
  const lines = [`${n}. [${f.check}] ${words.zh}`, `   ${words.en}`];
  lines.push(`   报告印为 printed ${f.stated.value} ${f.stated.unit} at ${f.stated.pointer}`);
  lines.push(`     “${f.stated.quote}”`);
  if (f.stated.note) lines.push(`     注 note: ${f.stated.note}`);
  const seen = new Set<string>();
  for (const e of f.involved) {
    if (seen.has(e.pointer)) continue;
    seen.add(e.pointer);
    lines.push(`   相关 with ${e.value} ${e.unit} at ${e.pointer}`);
    lines.push(`     “${e.quote}”`);
    if (e.note) lines.push(`     注 note: ${e.note}`);
  }
  for (const h of f.hints) lines.push(`   提示 hint: ${h}`);
  return lines.join('\n');
}

/** An indicator's status, in both languages. */
const STATUS: Record<Indicator['status'], string> = {
  reproduced: '复算一致 reproduced',
  'within-rounding': '舍入内一致 within rounding',
  differs: '不一致 differs',
  unreproduced: '无法复算 unreproduced',
  computed: '计算所得 computed',
};

function fundWords(id: string): string {
  const name = BASELINE_FUND_NAMES[id];
  return name ? `${name.zh} ${name.en}` : id;
}

function indicatorRows(list: Indicator[]): string[][] {
  const rows = [['状态 status', '基金 fund', '期间 period', '指标 indicator', '计算 computed', '报告 printed', '单位 unit', '算法 how']];
  for (const i of list) {
    const how = (i.method ? `${i.method}: ${i.formula}` : i.formula) + (i.why ? ` — ${i.why}` : '');
    rows.push([STATUS[i.status], fundWords(i.fund), i.period, i.label, i.printed || '-', i.stated?.value ?? '-', i.unit, how]);
  }
  return rows;
}

function candidatesText(list: Indicator[]): string {
  const out: string[] = [];
  for (const i of list) {
    if (i.kind !== 'months-payable' || !i.stated || !i.candidates) continue;
    out.push(`${fundWords(i.fund)} ${i.period}: 报告印为 printed ${i.stated.value} 月 — ${STATUS[i.status]}${i.method ? ` by ${i.method}` : ''}`);
    for (const c of i.candidates) {
      const mark = c.reproduces ? (c.expenditureBased ? '  ✓' : '  ✓ （以收入为基数：巧合，不是定义 income base: coincidence, not a definition）') : '';
      out.push(`    ${c.method.padEnd(34)} ${c.value.padStart(9)} → ${c.printed}${mark}`);
    }
  }
  return out.join('\n');
}

function complianceText(list: ComplianceFinding[], rules: string): string {
  if (list.length === 0) return `与 ${rules} 的最低标准比较 compliance with ${rules}: 各项人均标准均不低于最低标准 every stated per-capita standard meets its minimum.`;
  return [
    `与 ${rules} 的最低标准比较 compliance with ${rules} (${list.length}):`,
    ...list.map((c, i) => {
      const words = complianceWords(c);
      return `${i + 1}. ${words.zh}\n   ${words.en}\n   at ${c.pointer}${c.quote ? `\n     “${c.quote}”` : ''}`;
    }),
  ].join('\n');
}

function textReport(b: Baseline, file: string, r: AuditResult): string {
  const parts = [
    `${b.id}: ${b.title}`,
    `来源 source ${b.source.file} (${b.source.region}); 基线 baseline ${file}`,
    `报告印刷精度 printed precision: ${Object.entries(b.precision).map(([u, p]) => `${u} ${p}`).join(', ')}`,
    '',
    r.findings.length === 0 ? '报告内部矛盾 findings: 无，各恒等关系在舍入范围内成立 none — every identity holds within rounding.' : `报告内部矛盾 findings (${r.findings.length}):`,
    ...r.findings.map((f, i) => findingText(f, i + 1) + '\n'),
    `指标 indicators (${r.indicators.length}):`,
    table(indicatorRows(r.indicators)),
  ];
  const cands = candidatesText(r.indicators);
  if (cands) parts.push('', '可支付月数：逐一尝试的支出基数 months payable, every expenditure base tried:', cands);
  return parts.join('\n') + '\n';
}

/** Run the audit command; returns the exit code. Streams are parameters so tests can run it in-process. */
export async function runAudit(argv: string[], stdout: Output = process.stdout, stderr: Output = process.stderr): Promise<number> {
  const io = { stdout, stderr };
  const program = cliProgram(io, 'audit', '核查基金报告：不成立的会计恒等式、按报告口径重算的指标，以及（--rules）低于上级最低标准的人均标准 — audit a fund report', EXAMPLES)
    .argument('<baseline.json>', '基线文件 / the baseline file (seeds/baseline.schema.json)')
    .option('--rules <id>', '用其最低标准核对人均筹资的规则集 / rule set whose minimums the per-capita standards are checked against')
    .addOption(new Option('--format <format>', '输出格式 / output').choices(['table', 'json']).default('table'))
    .action((file: string, opts: AuditOptions) => audit(file, opts, io));
  return runProgram(program, argv, io);
}

async function audit(file: string, args: AuditOptions, io: Io): Promise<void> {
  const b = await loadBaselineFile(file);
  const r = auditBaseline(b);
  let compliance: ComplianceFinding[] | undefined;
  if (args.rules) {
    const catalog = loadCatalog();
    if (!catalog.get(args.rules)) throw usageError(`no rule set "${args.rules}"; known: ${catalog.list().map((s) => s.spec.id).join(', ')}`, '--rules');
    compliance = checkCompliance(b, composeStack([args.rules], (id) => catalog.get(id), catalog.registry));
  }
  if (args.format === 'json') {
    // decimal.js serialises as decimal strings: no float ever reaches the output. Each finding and compliance note
    // carries its sentence in both languages (`text`), beside the English `message`.
    const findings = r.findings.map((f) => ({ ...f, text: findingWords(f) }));
    const notes = compliance?.map((c) => ({ ...c, text: complianceWords(c) })) ?? null;
    io.stdout.write(JSON.stringify({ baseline: { id: b.id, title: b.title, source: b.source, precision: b.precision }, ...r, findings, compliance: notes }, null, 2) + '\n');
  } else {
    io.stdout.write(textReport(b, file, r) + (compliance && args.rules ? '\n' + complianceText(compliance, args.rules) + '\n' : ''));
  }
}

await runIfMain(import.meta.url, (argv, io) => runAudit(argv, io.stdout, io.stderr));
