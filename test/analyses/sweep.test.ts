import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShard, shardOf } from '../../src/analyses/sweep.ts';
import { runSweep, scenarioFiles } from '../../src/cli/sweep.ts';
import { runSimulate } from '../../src/cli/simulate.ts';
import { runCommand } from '../cli/run-command.ts';

describe('shards', () => {
  it('give every scenario to exactly one shard of N, whatever the order the files were named in', () => {
    const files = Array.from({ length: 23 }, (_, i) => `s/${String.fromCharCode(97 + ((i * 7) % 23))}.json`);
    for (let n = 1; n <= 6; n++) {
      const all = Array.from({ length: n }, (_, i) => shardOf(files, { index: i, count: n })).flat();
      expect(all.length).toBe(files.length);
      expect(new Set(all)).toEqual(new Set(files));
      expect(shardOf([...files].reverse(), { index: n - 1, count: n })).toEqual(shardOf(files, { index: n - 1, count: n }));
    }
  });

  it('takes index ≡ I (mod N) of the sorted seeds folder', () => {
    // sorted: banner-2022, banner-2023-im-standards, banner-individual-400, city-2021, city-employer-rate-cut, city-floor-50, national-2022, xinjiang-2020
    expect(shardOf(scenarioFiles(['seeds/scenarios']), parseShard('1/3'))).toEqual(['seeds/scenarios/banner-2023-im-standards.json', 'seeds/scenarios/city-employer-rate-cut.json', 'seeds/scenarios/xinjiang-2020.json']);
    expect(['0/1', '3/4', ' 0/2 '].map(parseShard)).toEqual([{ index: 0, count: 1 }, { index: 3, count: 4 }, { index: 0, count: 2 }]);
    expect(['2/2', '1/0', 'a/b', '-1/2', '1'].map(parseShard)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('npm run sweep', () => {
  it('runs the seeds folder: one CSV and one JSON per scenario, a summary line each, the same numbers as simulate --paths', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sweep-'));
    const r = await runCommand(runSweep, 'seeds/scenarios', '--paths', '2', '--seed', '5', '--out', out);
    expect(r.err).not.toMatch(/^error:/m);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(8);
    expect(r.out).toContain('seeds/scenarios/xinjiang-2020.json: 2 条路径 paths, 种子 seed 5; 2035 年前耗尽概率 exhausted by 2035: 职工基本医疗保险 Employee insurance');
    expect(readdirSync(out).sort()).toHaveLength(16);
    const json = JSON.parse(readFileSync(join(out, 'banner-2022.json'), 'utf8'));
    expect(json).toMatchObject({ paths: 2, seed: 5, baseYear: 2022, until: 2035 });
    const alone = await runCommand(runSimulate, 'seeds/scenarios/city-2021.json', '--paths', '2', '--seed', '5', '--format', 'csv');
    expect(readFileSync(join(out, 'city-2021.csv'), 'utf8')).toBe(alone.out);
  }, 120_000);

  it('reports a refused scenario and still runs the others, exit 2', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sweep-'));
    const bad = 'test/fixtures/bad/scenarios/uncertainty-sd-negative.json';
    const r = await runCommand(runSweep, 'seeds/scenarios/xinjiang-2020.json', bad, '--paths', '2', '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`error: ${bad} at /assumptions/uncertainty/wageGrowth/sd: the standard deviation cannot be negative`);
    expect(r.out).toContain(`${bad}: 未运行，见错误信息 refused (see stderr)`);
    expect(readdirSync(out).sort()).toEqual(['xinjiang-2020.csv', 'xinjiang-2020.json']);
  }, 60_000);
});
