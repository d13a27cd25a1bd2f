/**
 * npm run audit -- <baseline.json> [--rules <rule-set id>] [--format table|json]
 * Prints the audit findings and the indicators of one baseline and, with
 * --rules, its per-capita standards against the minimums those rules set.
 * Findings are output, not failure: exit 0 when the audit ran, 2 when the
 * input is refused.
 */
import { pathToFileURL } from 'node:url';
import { InputError } from '../common/errors.ts';
import { composeStack } from '../engine/stack.ts';
import { loadCatalog } from '../rules/catalog-node.ts';
import { checkCompliance, type ComplianceFinding } from '../baseline/compliance.ts';
import { table } from './args.ts';
import { auditBaseline, type AuditResult, type Finding } from '../baseline/audit.ts';
import type { Indicator } from '../baseline/indicators.ts';
import { loadBaselineFile } from '../baseline/load-file.ts';
import type { Baseline } from '../baseline/types.ts';

const USAGE = 'usage: npm run audit -- <baseline.json> [--rules <rule-set id>] [--format table|json]';

interface Args {
  file: string;
  format: 'table' | 'json';
  rules?: string;
}

function parseArgs(argv: string[]): Args | string {
  let format: Args['format'] = 'table';
  let rules: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice('--format='.length) : argv[++i];
      if (v !== 'table' && v !== 'json') return `--format must be table or json, not ${v ?? 'nothing'}`;
      format = v;
    } else if (a === '--rules' || a.startsWith('--rules=')) {
      rules = a.includes('=') ? a.slice('--rules='.length) : argv[++i];
      if (!rules) return '--rules needs a rule-set id';
    } else if (a === '--help' || a === '-h') {
      return '';
    } else if (a.startsWith('-')) {
      return `unknown option ${a}`;
    } else {
      files.push(a);
    }
  }
  const [file] = files;
  if (files.length !== 1 || file === undefined) return 'give exactly one baseline file';
  return { file, format, rules };
}

function findingText(f: Finding, n: number): string {
  const lines = [`${n}. [${f.check}] ${f.message}`];
  lines.push(`   printed ${f.stated.value} ${f.stated.unit} at ${f.stated.pointer}`);
  lines.push(`     “${f.stated.quote}”`);
  if (f.stated.note) lines.push(`     note: ${f.stated.note}`);
  const seen = new Set<string>();
  for (const e of f.involved) {
    if (seen.has(e.pointer)) continue;
    seen.add(e.pointer);
    lines.push(`   with ${e.value} ${e.unit} at ${e.pointer}`);
    lines.push(`     “${e.quote}”`);
    if (e.note) lines.push(`     note: ${e.note}`);
  }
  for (const h of f.hints) lines.push(`   hint: ${h}`);
  return lines.join('\n');
}

function indicatorRows(list: Indicator[]): string[][] {
  const rows = [['status', 'fund', 'period', 'indicator', 'computed', 'printed', 'unit', 'how']];
  for (const i of list) {
    const how = i.method ? `${i.method}: ${i.formula}` : i.formula;
    rows.push([i.status, i.fund, i.period, i.label, i.printed || '-', i.stated?.value ?? '-', i.unit, how]);
  }
  return rows;
}

function candidatesText(list: Indicator[]): string {
  const out: string[] = [];
  for (const i of list) {
    if (i.kind !== 'months-payable' || !i.stated || !i.candidates) continue;
    out.push(`${i.fund} ${i.period}: printed ${i.stated.value} 月 — ${i.status}${i.method ? ` by ${i.method}` : ''}`);
    for (const c of i.candidates) {
      const mark = c.reproduces ? (c.expenditureBased ? '  ✓' : '  ✓ (income base: coincidence, not a definition)') : '';
      out.push(`    ${c.method.padEnd(34)} ${c.value.padStart(9)} → ${c.printed}${mark}`);
    }
  }
  return out.join('\n');
}

function complianceText(list: ComplianceFinding[], rules: string): string {
  if (list.length === 0) return `Compliance with ${rules}: every stated per-capita standard meets its minimum.`;
  return [`Compliance with ${rules} (${list.length}):`, ...list.map((c, i) => `${i + 1}. ${c.message}\n   at ${c.pointer}${c.quote ? `\n     “${c.quote}”` : ''}`)].join('\n');
}

function textReport(b: Baseline, file: string, r: AuditResult): string {
  const parts = [
    `${b.id}: ${b.title}`,
    `source ${b.source.file} (${b.source.region}); baseline ${file}`,
    `printed precision: ${Object.entries(b.precision).map(([u, p]) => `${u} ${p}`).join(', ')}`,
    '',
    r.findings.length === 0 ? 'Findings: none — every identity holds within rounding.' : `Findings (${r.findings.length}):`,
    ...r.findings.map((f, i) => findingText(f, i + 1) + '\n'),
    `Indicators (${r.indicators.length}):`,
    table(indicatorRows(r.indicators)),
  ];
  const cands = candidatesText(r.indicators);
  if (cands) parts.push('', 'Months payable, every expenditure base tried:', cands);
  return parts.join('\n') + '\n';
}

export interface Output {
  write(text: string): unknown;
}

/** Run the audit command; returns the exit code. Streams are parameters so tests can run it in-process. */
export async function runAudit(argv: string[], stdout: Output = process.stdout, stderr: Output = process.stderr): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    stderr.write(`${args ? args + '\n' : ''}${USAGE}\n`);
    return args ? 2 : 0;
  }
  try {
    const b = await loadBaselineFile(args.file);
    const r = auditBaseline(b);
    let compliance: ComplianceFinding[] | undefined;
    if (args.rules) {
      const catalog = loadCatalog();
      if (!catalog.get(args.rules)) throw InputError.one('command line', '--rules', `no rule set "${args.rules}"; known: ${catalog.list().map((s) => s.spec.id).join(', ')}`);
      compliance = checkCompliance(b, composeStack([args.rules], (id) => catalog.get(id), catalog.registry));
    }
    if (args.format === 'json') {
      // decimal.js serialises as decimal strings: no float ever reaches the output.
      stdout.write(JSON.stringify({ baseline: { id: b.id, title: b.title, source: b.source, precision: b.precision }, ...r, compliance: compliance ?? null }, null, 2) + '\n');
    } else {
      stdout.write(textReport(b, args.file, r) + (compliance && args.rules ? '\n' + complianceText(compliance, args.rules) + '\n' : ''));
    }
    return 0;
  } catch (err) {
    if (err instanceof InputError) {
      stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runAudit(process.argv.slice(2));
}
