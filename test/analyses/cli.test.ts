/** npm run backtest, and simulate's listing of assumptions, run as a user runs them. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeEnvironment, SEEDS_DIR } from '../../src/scenario/node-env.ts';
import { backtest } from '../../src/analyses/backtest.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { exampleText } from '../scenario/helpers.ts';

const ROOT = resolve(SEEDS_DIR, '..');
const run = (cli: string, ...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${cli}.ts`, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

describe('backtest and simulate from the command line', () => {
  it('backtest --format json gives the Xinjiang 2020 rows with the naive forecast', async () => {
    const r = run('backtest', 'seeds/baselines/xinjiang-2020.json', '--format', 'json');
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { scenario: string; rows: { fund: string; line: string; period: string; reported: string; model: string; naive: string }[] };
    expect(out.scenario).toBe('seeds/scenarios/xinjiang-2020.json');
    // the library's figures (backtest.test.ts checks them by hand): reported 246656 万元, naive 268747
    const lib = (await backtest(loadScenario(JSON.parse(exampleText('xinjiang-2020.json')), 'x'), 'x', nodeEnvironment())).rows.find((x) => x.fund === 'employee' && x.line === 'expenditure')!;
    expect(out.rows.find((x) => x.line === 'expenditure')).toMatchObject({ period: '2020', reported: '246656', model: lib.model!.dividedBy(10000).toFixed(2), naive: '268747.00' });
  }, 60_000);

  it('backtest names the baselines it knows when given neither one nor a file', () => {
    const r = run('backtest', 'banner-2023');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('"banner-2023" is neither a baseline under seeds/baselines/ (banner-2022, city-2021-2022h1');
  }, 60_000);

  it('backtest refuses a start year the baseline cannot use, naming --from', () => {
    const r = run('backtest', 'banner-2022', '--from', '2019');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--from.*2019.*2020, 2021/);
  }, 60_000);

  it('simulate prints every assumption with its origin, and the abnormal periods with the report\'s figures', () => {
    const r = run('simulate', 'seeds/scenarios/banner-2022.json');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('== 假设 assumptions in force ==');
    // each by its name in both languages, as the workbench names it, its id after it
    expect(r.stdout).toContain('- 工资年增长率 Wage growth (assumptions/wageGrowth): 5 %/年 · 默认 default\n');
    expect(r.stdout).toContain('- 居民人数 Insured residents (assumptions/counts/resident): 65336 人 · 基线报告 baseline\n');
    expect(r.stdout).toContain('- 在职职工参保率年变化（人口变化之外） Participation trend of employees in service (beyond the population) (assumptions/growth/inService): 0 %/年');
    expect(r.stdout).toContain('- 医疗救助筹资方式 How medical aid is financed (assumptions/aidFinancing): 以支定收（按当年支出拨付） as needed (the budget pays what aid spends) · 默认 default');
    expect(r.stdout).toMatch(/- 地区类别 Region tier \(assumptions\/regionTier\): 3 +· 方案 scenario\n/);
    // (its level moves with the population model's drivers of 2020-2022; test/model/calibration.test.ts checks levels by hand)
    expect(r.stdout).toMatch(/- calibration\/employee\.pooling\/expenditure\/benefits: [0-9]+\.[0-9]{2} 万元 · 校准 calibration\n/);
    expect(r.stdout).toMatch(/- 按规则递增的标准：人均财政补助最低标准 Standard uprated by the rules: .* \(uprating\/resident\.subsidy\.minimum\): 30 元\/年 · 规则集 rule set\n/);
    // (the per-capita level moves a little with the population model's counts of 2020-2021)
    expect(r.stdout).toMatch(/统筹基金2022年人均支出比其他报告期平均-5[0-9]\.[0-9]%，超过阈值±30%；报告：比上年-52\.52%/);
    const json = JSON.parse(run('simulate', 'seeds/scenarios/banner-2022.json', '--format', 'json').stdout) as { scenario: { assumptions: { name: string; origin: string }[]; calibration: { abnormal: { fund: string; period: string; statedChangePercent: string }[] } } };
    expect(json.scenario.assumptions.find((a) => a.name === 'assumptions/costGrowth')?.origin).toBe('default');
    expect(json.scenario.calibration.abnormal.find((a) => a.fund === 'resident')).toMatchObject({ period: '2022', statedChangePercent: '-64.03' });
  }, 60_000);
});
