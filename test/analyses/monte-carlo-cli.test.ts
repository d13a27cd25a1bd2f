import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSimulate } from '../../src/cli/simulate.ts';
import { UncertaintyService } from '../../src/app/uncertainty-service.ts';
import { inThreadExecutor } from '../../src/analyses/monte-carlo-run.ts';
import { embeddedEnvironment } from '../../src/scenario/embedded-env.ts';
import { exampleText } from '../scenario/helpers.ts';
import { runCommand } from '../cli/run-command.ts';

const simulate = (...argv: string[]) => runCommand(runSimulate, ...argv);

describe('simulate --paths', () => {
  it('prints the JSON the workbench gets for the same seed: percentiles in 元, exhaustion, the uncertain assumptions', async () => {
    const r = await simulate('seeds/scenarios/xinjiang-2020.json', '--paths', '6', '--seed', '11', '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ paths: 6, seed: 11, unit: '元', percentiles: [5, 25, 50, 75, 95], baseYear: 2020 });
    expect(json.hash).toMatch(/^[0-9a-f]{64}$/);
    const first = json.funds[0];
    // the base year is the report's, on every path: its five percentiles are one figure, the deterministic one
    expect(new Set(first.years[0].cumulative).size).toBe(1);
    expect(first.years[0].cumulative[0]).toBe(first.deterministic[0].cumulative);
    expect(json.assumptions.map((a: { name: string }) => a.name)).toContain('uncertainty/wageGrowth');
    // the workbench's service over the embedded data: the same numbers
    const service = new UncertaintyService(inThreadExecutor(embeddedEnvironment()));
    const view = await service.monteCarlo(JSON.parse(exampleText('xinjiang-2020.json')), 'seeds/scenarios/xinjiang-2020.json', { paths: 6, seed: 11 });
    expect(view.ok && view.result.funds.map((f) => f.years)).toEqual(json.funds.map((f: { years: unknown }) => f.years));
    expect(view.ok && view.result.hash).toBe(json.hash);
  }, 60_000);

  it('prints a table per fund with percentiles and the probability of exhaustion, and CSV with one row per fund and year', async () => {
    const t = await simulate('seeds/scenarios/xinjiang-2020.json', '--paths', '4');
    expect(t.code).toBe(0);
    expect(t.out).toContain('蒙特卡洛 Monte Carlo: 4 条路径 paths, 种子 seed 20260101');
    expect(t.out).toContain('耗尽概率 exhausted');
    expect(t.out).toContain('uncertainty/costGrowth');
    const c = await simulate('seeds/scenarios/xinjiang-2020.json', '--paths', '4', '--format', 'csv');
    const lines = c.out.trim().split('\n');
    expect(lines[0]).toContain('cumulative_p5_yuan');
    // without --paths, the distributions are listed among the assumptions, with their reasons
    const plain = JSON.parse((await simulate('seeds/scenarios/xinjiang-2020.json', '--format', 'json')).out);
    expect(plain.scenario.uncertainty.find((e: { name: string }) => e.name === 'uncertainty/utilizationGrowth')).toMatchObject({ origin: 'default', per: 'path', value: { en: 'normal: mean 1, sd 0.5 (%/年)' } });
    // xinjiang-2020 projects to 2035: 16 years a fund
    expect((lines.length - 1) % 16).toBe(0);
  }, 60_000);

  it("reports progress on stderr from 200 paths, and takes the file's own number of paths", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-'));
    const path = join(dir, 'xinjiang-200.json');
    const doc = JSON.parse(exampleText('xinjiang-2020.json'));
    // wage growth held (each wage path recompiles the policy): 200 quick paths
    doc.assumptions = { ...doc.assumptions, uncertainty: { paths: 200, wageGrowth: { type: 'fixed' } } };
    writeFileSync(path, JSON.stringify(doc));
    const r = await simulate(path, '--seed', '12', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ paths: 200, seed: 12 });
    const lines = r.err.split('\n').filter((l) => l.includes(' paths ('));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.at(-1)).toContain(`${path}: 200/200 条路径 paths (`);
  }, 120_000);
});

