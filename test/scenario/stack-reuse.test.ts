/**
 * A scenario prepared again with the same rules gets the same policy stack (and retirement stack), so
 * the policy timeline and the population model compiled for it are reused on a lever change; a
 * projection over a reused stack is the projection over a freshly composed one, to the fen.
 */
import { describe, expect, it } from 'vitest';
import { RULE_FILES } from '../../src/data/embedded.ts';
import { project } from '../../src/model/project.ts';
import { fundYearRow } from '../../src/report/summary.ts';
import { catalogFromFiles } from '../../src/rules/catalog.ts';
import { defaultRegistry } from '../../src/rules/registry.ts';
import { embeddedEnvironment } from '../../src/scenario/embedded-env.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { prepareScenario, type Environment } from '../../src/scenario/prepare.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import banner from '../../seeds/scenarios/banner-2022.json' with { type: 'json' };

const withStandard = (value: string): Scenario =>
  loadScenario({ ...structuredClone(banner), until: 2040, overrides: [{ param: 'resident.individual.standard', from: '2023-01', value }] }, 'banner.json');

const rows = (p: ReturnType<typeof project>) => p.funds.flatMap((f) => f.years.map((y) => fundYearRow(f.id, y)));

describe('stacks reused across runs', () => {
  it('a lever change keeps the policy and retirement stacks; other rules get their own', async () => {
    const env = embeddedEnvironment();
    const a = await prepareScenario(withStandard('400'), 'banner.json', env);
    const b = await prepareScenario(withStandard('420'), 'banner.json', env);
    expect(b.input.stack).toBe(a.input.stack);
    expect(a.input.retirement).toBeDefined(); // the banner follows the population model (the default, cohort)
    expect(b.input.retirement).toBe(a.input.retirement);
    expect(b.hash).not.toBe(a.hash);
    const national = await prepareScenario({ ...withStandard('400'), rules: ['national/resident-minimum', 'national/fund-warning'] }, 'banner.json', env);
    expect(national.input.stack).not.toBe(a.input.stack);
    expect(national.input.stack.ruleSets.map((r) => r.spec.id)).not.toContain('inner-mongolia/resident-2022');
    // another baseline: its own retirement stack, so no population model is shared between two baselines' age structures
    const other = await prepareScenario(loadScenario({ ...structuredClone(banner), baseline: 'xinjiang-2020', until: 2040 }, 'banner.json'), 'banner.json', env);
    expect(other.input.retirement).toBeDefined();
    expect(other.input.retirement).not.toBe(a.input.retirement);
  });

  it('a projection over a reused stack equals one over a freshly composed stack, to the fen', async () => {
    const env = embeddedEnvironment();
    // compiled once for 400, then for 450 over the same stack
    project((await prepareScenario(withStandard('400'), 'banner.json', env)).input);
    const reused = project((await prepareScenario(withStandard('450'), 'banner.json', env)).input);
    const fresh: Environment = { ...env, catalog: catalogFromFiles(RULE_FILES, defaultRegistry()) };
    const prepared = await prepareScenario(withStandard('450'), 'banner.json', fresh);
    expect(prepared.input.stack).not.toBe((await prepareScenario(withStandard('450'), 'banner.json', env)).input.stack);
    const own = project(prepared.input);
    expect(rows(reused)).toEqual(rows(own));
    // seed 000: 职工基本医疗保险基金收入43370.17万元 (the base year, unchanged by the lever)
    expect(rows(reused).find((r) => r.fund === 'employee' && r.year === 2022)?.income).toBe('43370.17');
    // the lever moves resident contributions from 2023 on: 450 against 400 per head
    const at400 = rows(project((await prepareScenario(withStandard('400'), 'banner.json', env)).input)).find((r) => r.fund === 'resident' && r.year === 2023)!;
    const at450 = rows(reused).find((r) => r.fund === 'resident' && r.year === 2023)!;
    expect(Number(at450.income)).toBeGreaterThan(Number(at400.income));
  });
});
