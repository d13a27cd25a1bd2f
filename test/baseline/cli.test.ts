import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/cli/audit.ts';
import { seedJson, setAt } from './seeds.ts';

const root = new URL('../../', import.meta.url).pathname;

/** In-process: the same code the command runs, without a process start per test. */
async function audit(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runAudit(args, { write: (s: string) => (out += s) }, { write: (s: string) => (err += s) });
  return { code, out, err };
}

/** As a user runs it, for the real exit codes. */
function spawnAudit(...args: string[]) {
  const r = spawnSync(join(root, 'node_modules/.bin/tsx'), ['src/cli/audit.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run audit', () => {
  it('prints findings with quotes and the indicators as a table; exit 0 although there are findings', () => {
    const r = spawnAudit('seeds/baselines/county-2019.json');
    expect(r.code).toBe(0);
    expect(r.out).toContain('报告内部矛盾 findings (1):');
    expect(r.out).toContain('1. [sub-funds] 医疗保险（各险种合计） 2019：各分基金之和与基金合计不符。按报告其他数字（employee 2992.48 + resident 3286.72 + maternity 918.99）应为 7198.19 万元，报告印为 7195.03 万元，相差 3.16（舍入最多可解释 0.02）\n');
    expect(r.out).toContain('\n   medicalInsurance 2019 expenditure.benefits: its sub-funds (employee 2992.48 + resident 3286.72 + maternity 918.99) add up to 7198.19 万元, but the fund\'s figure is 7195.03 万元');
    expect(r.out).toContain('“2019年职工基本医疗保险门诊支出2151.69万元，住院支出837.63万元，转移支出3.16万元，本年待遇支出2992.48万元。”');
    expect(r.out).toMatch(/指标 indicators \(\d+\):/);
  }, 20000);

  it('lists every months-payable base tried for the printed figures', async () => {
    const r = await audit('seeds/baselines/banner-2022.json', '--format', 'table');
    expect(r.code).toBe(0);
    expect(r.out).toContain('医疗救助 medical aid 2022: 报告印为 printed 11 月 — 无法复算 unreproduced');
    expect(r.out).toMatch(/average-expenditure-of-3-years +173\.87 → 174 +✓/);
  }, 20000);

  it('writes JSON with decimal strings', async () => {
    const r = await audit('seeds/baselines/xinjiang-2020.json', '--format=json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { findings: { check: string; expected: unknown; difference: unknown }[]; indicators: { kind: string; value: { value: unknown } }[] };
    expect(json.findings.map((f) => f.check)).toEqual(['parts-sum', 'parts-sum', 'cumulative', 'unit-slip', 'stated-change', 'stated-change']);
    expect(json.findings[2]).toMatchObject({ expected: '661960', difference: '-47043' });
    const budget = json.indicators.find((i) => i.kind === 'budget-completion');
    expect(typeof budget?.value.value).toBe('string');
    expect(budget?.value.value).toMatch(/^91\.406069333781823533121702020/);
  }, 20000);

  it('exits 2 with file, path and reason on refused input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baseline-'));
    const file = join(dir, 'bad.json');
    const doc = seedJson('banner-2022');
    setAt(doc, '/funds/employee/periods/2022/income/unit', '人');
    writeFileSync(file, JSON.stringify(doc));
    const r = spawnAudit(file);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`${file} at /funds/employee/periods/2022/income/unit: unit "人" is not allowed for income 收入`);
  }, 20000);

  it('exits 2 on bad arguments', async () => {
    const r = await audit('seeds/baselines/banner-2022.json', '--format', 'xml');
    expect(r.code).toBe(2);
    expect(r.err).toContain("error: option '--format <format>' argument 'xml' is invalid. Allowed choices are table, json.");
  }, 20000);
});
