/** simulate --sensitivity and --solve, run in-process as the command line runs them. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSimulate } from '../../src/cli/simulate.ts';
import { parseScenario } from '../../src/scenario/load.ts';

async function simulate(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runSimulate(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

describe('simulate --solve and --sensitivity', () => {
  it('--solve writes the answer as a scenario that opens and meets the target; JSON shows the step beyond failing', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'solve-')), 'answer.json');
    const r = await simulate('seeds/scenarios/banner-2022.json', '--solve', 'resident.individual.standard', '--from', '2026-01', '--target', 'monthsPayable >= 12 until 2035', '--out', out, '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { found: boolean; value: string; years: { year: number; meets: boolean }[]; beyond: { value: string; failing: { year: number }[] }; lever: { current: string; step: string } };
    expect(json.found).toBe(true);
    expect(json.lever).toMatchObject({ current: '420', step: '1' });
    expect(json.years.map((y) => y.year)).toEqual([2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035]);
    expect(json.years.every((y) => y.meets)).toBe(true);
    expect(Number(json.beyond.value)).toBe(Number(json.value) - 1);
    expect(json.beyond.failing.length).toBeGreaterThan(0);
    // the written file is a scenario: projecting it gives the same months payable, all at least 12 (with the population
    // model the banner's ageing residents cost more: 26 months is out of reach below 1260 元)
    const written = parseScenario(readFileSync(out, 'utf8'), out);
    expect(written.overrides?.at(-1)).toEqual({ param: 'resident.individual.standard', from: '2026-01', value: json.value });
    const csv = (await simulate(out, '--format', 'csv')).stdout.split('\n').filter((l) => l.includes(',resident,'));
    const months = csv.map((l) => l.split(',')).filter((c) => Number(c[3]) >= 2026).map((c) => Number(c[9]));
    expect(months.length).toBe(10);
    expect(months.every((m) => m >= 12)).toBe(true);
  }, 120_000);

  it('lists each uncertain assumption with its unit once', async () => {
    const r = await simulate('seeds/scenarios/banner-2022.json');
    const wage = r.stdout.split('\n').find((l) => l.startsWith('- uncertainty/wageGrowth'))!;
    expect(wage).toBe('- uncertainty/wageGrowth（--paths 时抽样 drawn with --paths）: 正态分布：均值 5，标准差 1.5（%/年） / normal: mean 5, sd 1.5 (%/年) · 默认 default');
    // a value with no unit in its words keeps it after them
    expect(r.stdout).toContain("fixed (the scenario's value) %/年 · 默认 default");
  }, 60_000);

  it('--solve prints its answer with the lever’s unit', async () => {
    // the smallest individual standard from 2026-01 keeping months payable at 12 or more to 2035: 803 元/年
    // (test/browser/analyses.test.ts finds the same in the workbench)
    const r = await simulate('seeds/scenarios/banner-2022.json', '--solve', 'resident.individual.standard', '--from', '2026-01', '--target', 'monthsPayable >= 12 until 2035');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('答案 answer: resident.individual.standard = 803 元/年（满足目标的最小值 the smallest that meets it）');
    expect(r.stdout).toMatch(/范围 range 0-1260, 步长 step 1 元\/年/);
  }, 60_000);

  it('--solve says when no setting in range meets the target', async () => {
    const r = await simulate('seeds/scenarios/banner-2022.json', '--solve', 'resident.individual.standard', '--target', 'monthsPayable >= 1000', '--range', '380:400');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('none: no setting of resident.individual.standard from 380 to 400 meets the target');
  }, 60_000);

  it('refuses a bad lever, target or range naming the flag', async () => {
    const bad = async (...args: string[]) => {
      const r = await simulate('seeds/scenarios/banner-2022.json', ...args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      return r.stderr;
    };
    expect(await bad('--solve', 'resident.individual.standrd', '--target', 'monthsPayable >= 6')).toMatch(/^错误：--solve：“resident\.individual\.standrd”既不是 rules\/parameters\.json 中的参数.*；是否指“resident\.individual\.standard”？\nerror: --solve.*did you mean "resident\.individual\.standard"/);
    expect(await bad('--solve', 'resident.individual.standard', '--target', 'monthsPayable > 6')).toMatch(/^error: --target.*is not a target/);
    expect(await bad('--solve', 'resident.individual.standard', '--target', 'monthsPayable >= 6', '--range', '400')).toMatch(/^错误：--range：.*不是范围：请写成 下限:上限.*\nerror: --range.*LOW:HIGH/);
    // the targets the workbench refuses beside its field, refused alike: no negative months payable, a balance rate within 0-100 %
    expect(await bad('--solve', 'resident.individual.standard', '--target', 'monthsPayable >= -6')).toBe(
      '错误：--target：“monthsPayable >= -6”：可支付月数不能为负数：请填写 0 或以上的数\nerror: --target: "monthsPayable >= -6": months payable cannot be negative: write 0 or more\n',
    );
    expect(await bad('--solve', 'resident.individual.standard', '--target', 'balanceRate between 150 and 200')).toMatch(/^错误：--target：.*当期结存率以 % 计：请填写 0 至 100 之间的数\nerror: --target: .*the balance rate is a percentage: write a number from 0 to 100\n$/);
    expect(await bad('--solve', 'resident.individual.standard', '--target', 'balanceRate between 15 and 101')).toMatch(/^错误：--target：.*0 至 100/);
    expect(await bad('--solve', 'resident.individual.standard')).toMatch(/^错误：--solve：需要 --target.*\nerror: --solve.*needs --target/);
    expect(await bad('--sensitivity', '--outcome', 'months-payable:nofund')).toMatch(/^错误：--outcome：方案中没有基金“nofund”.*\nerror: --outcome.*no fund "nofund"/);
  }, 60_000);

  it('--sensitivity --format csv ranks the levers, longest bar first, each range labelled as an assumption', async () => {
    const r = await simulate('seeds/scenarios/banner-2022.json', '--sensitivity', '--outcome', 'months-payable:resident:2035', '--format', 'csv');
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => l.split(','));
    expect(rows[0]).toEqual(['rank', 'lever', 'low', 'high', 'outcome_at_low', 'outcome_at_high', 'effect', 'why']);
    const effects = rows.slice(1).map((c) => Number(c[6]));
    expect(effects).toEqual([...effects].sort((a, b) => b - a));
    expect(rows.find((c) => c[1] === 'resident.individual.standard')?.slice(2, 4)).toEqual(['-10%', '+10%']);
    // the reason holds commas: quoted
    expect(rows.slice(1).every((c) => c[7]!.startsWith('"assumption:'))).toBe(true);
  }, 120_000);
});
