/**
 * npm run simulate: the comparison of two example files as JSON, and a
 * refused file printed as "error: file at path: reason" with exit code 2.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEEDS_DIR } from '../../src/scenario/node-env.ts';
import { exampleDoc, prepareDoc, runExample } from './helpers.ts';

const ROOT = resolve(SEEDS_DIR, '..');
const simulate = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

interface JsonOut {
  scenario: { contentHash: string; funds: { fund: string; firstDeficitYear: number | null; exhaustionYear: number | null }[] };
  compareWith: { contentHash: string };
  difference: { fund: string; year: number; income: string; expenditure: string; cumulative: string }[];
}

describe('simulate', () => {
  it('--compare --format json prints both hashes and the difference in 万元', async () => {
    const r = simulate('seeds/scenarios/banner-2023-im-standards.json', '--compare', 'seeds/scenarios/banner-individual-400.json', '--format', 'json');
    // nothing on stderr: the banner's resident fund runs out within the horizon in both, a projection (its months
    // payable read 耗尽), not a result no real fund can have
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out.scenario.contentHash).toBe((await prepareDoc(exampleDoc('banner-2023-im-standards.json'))).hash);
    expect(out.compareWith.contentHash).toBe((await prepareDoc(exampleDoc('banner-individual-400.json'))).hash);
    // 2023: resident income + 25462200 / 380 × r × 20 元 and medical aid + 37700 × r 元, r = residents 2023 ÷ 65336
    // (test/scenario/compare.test.ts checks them to the fen); here, that the CLI prints the library's figures in 万元
    const d = (fund: string, year: number) => out.difference.find((x) => x.fund === fund && x.year === year)!;
    const { projection: a } = await runExample('banner-2023-im-standards.json');
    const { projection: b } = await runExample('banner-individual-400.json');
    const inc = (p: typeof a, f: string) => p.funds.find((x) => x.id === f)!.years[1]!;
    expect(d('resident', 2023).income).toBe(inc(b, 'resident').incomeTotal.minus(inc(a, 'resident').incomeTotal).dividedBy(10000).toString());
    expect(d('aid', 2023).expenditure).toBe(inc(b, 'aid').expenditureTotal.minus(inc(a, 'aid').expenditureTotal).dividedBy(10000).toString());
    expect(Number(d('resident', 2023).income)).toBeGreaterThan(120);
    expect(Number(d('resident', 2023).income)).toBeLessThan(135);
    expect(d('employee', 2035).cumulative).toBe('0');
  }, 60_000);

  it('a refused file: every problem on stderr in Chinese and as "error: file at path: reason", exit code 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
    const file = join(dir, 'typo.json');
    writeFileSync(file, JSON.stringify({ ...exampleDoc('banner-2022.json'), overrides: [{ param: 'employee.rate.employr', value: '5' }], until: 2021 }));
    const r = simulate(file);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n').sort()).toEqual([
      `error: ${file} at /overrides/0/param: unknown parameter "employee.rate.employr" (did you mean "employee.rate.employer"?)`,
      `error: ${file} at /until: the horizon 2021 must be after the base year 2022`,
      `错误：${file} /overrides/0/param：未知参数“employee.rate.employr”（是否指“employee.rate.employer”？）`,
      `错误：${file} /until：测算期 2021 须晚于基期 2022`,
    ]);
  }, 60_000);
});
