/**
 * The content hash names the resolved inputs of a projection: the
 * baseline's figures, the rule sets in the stack, the parameter registry,
 * overrides, assumptions after defaults, the horizon and the model version.
 * Equal inputs give equal hashes however the file is written; a change to
 * any input changes it.
 */
import { describe, expect, it } from 'vitest';
import { catalogFromFiles } from '../../src/rules/catalog.ts';
import { readRuleFiles } from '../../src/rules/catalog-node.ts';
import { defaultRegistry } from '../../src/rules/registry.ts';
import { canonicalJson } from '../../src/scenario/hash.ts';
import { nodeEnvironment } from '../../src/scenario/node-env.ts';
import type { Environment } from '../../src/scenario/prepare.ts';
import { baselineJson, exampleDoc, exampleFiles, prepareDoc } from './helpers.ts';

const hashOf = async (doc: unknown, env?: Environment) => (await prepareDoc(doc, 'scenario.json', env)).hash;
const banner = () => exampleDoc('banner-2022.json');

/** An environment whose rule files are the shipped ones after `edit`. */
function envWithRules(edit: (files: Record<string, unknown>) => void): Environment {
  const files = structuredClone(readRuleFiles()) as Record<string, unknown>;
  edit(files);
  return { ...nodeEnvironment(), catalog: catalogFromFiles(files, defaultRegistry()) };
}

type RuleFile = { rules: { id: string; event: { params: Record<string, unknown> }; source: { note?: string } }[]; document: { note?: string } };

describe('the same inputs give the same hash', () => {
  it('the same scenario twice, and each example is a 64-digit SHA-256', async () => {
    for (const f of exampleFiles()) {
      const a = await hashOf(exampleDoc(f));
      expect(a, f).toMatch(/^[0-9a-f]{64}$/);
      expect(await hashOf(exampleDoc(f)), f).toBe(a);
    }
  });

  it('the examples are all different from each other', async () => {
    const hashes = await Promise.all(exampleFiles().map((f) => hashOf(exampleDoc(f))));
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('title, notes, key order and whitespace are not inputs', async () => {
    const a = await hashOf(banner());
    const reordered = Object.fromEntries(Object.entries(banner()).reverse());
    expect(await hashOf({ ...reordered, title: '另一个标题 another title', notes: 'other notes' })).toBe(a);
  });

  it('an assumption written out at its default equals leaving it out; "5.0" equals "5"', async () => {
    const a = await hashOf(banner());
    // defaults: wage growth 5, cost growth 4, utilization 1, retirees 26%, flexible 10%, collection 100%; horizon 2035
    const explicit = { ...banner(), assumptions: { regionTier: 3, wageGrowth: '5.0', costGrowth: '4', utilizationGrowth: '1', retireeShare: '26', flexibleShare: '10.00', collectionRate: '100' } };
    expect(await hashOf(explicit)).toBe(a);
    const { until: _, ...noHorizon } = banner();
    expect(await hashOf(noHorizon)).toBe(a);
    // the population defaults: medium fertility, WPP mortality and migration, the reform's retirement ages
    expect(await hashOf({ ...banner(), assumptions: { regionTier: 3, population: { variant: 'medium', mortalityPercent: '100.0', migrationPercent: '100', retirementRule: 'national/retirement-age' } } })).toBe(a);
    // the report's one-year change (−1.88% residents, seed 000) is not a default any more: counts follow the population
    expect(await hashOf({ ...banner(), assumptions: { regionTier: 3, growth: { resident: '-1.88' } } })).not.toBe(a);
    // and the rule before the reform is a different scenario
    expect(await hashOf({ ...banner(), assumptions: { regionTier: 3, population: { retirementRule: 'national/retirement-age-pre-reform' } } })).not.toBe(a);
  });

  it('an embedded copy of the baseline equals a reference to it', async () => {
    // Finding: identical. The hash covers the baseline's JSON content, not where it came from.
    const embedded = { ...banner(), baseline: { embedded: baselineJson('banner-2022') } };
    expect(await hashOf(embedded)).toBe(await hashOf(banner()));
  });

  it('a copy of a shipped rule set carried in the scenario equals the shipped one', async () => {
    const shipped = readRuleFiles()['banner/resident-2022.json'];
    expect(await hashOf({ ...banner(), ruleSets: [shipped] })).toBe(await hashOf(banner()));
  });

  it('rule files outside the stack are not inputs', async () => {
    const env = envWithRules((files) => {
      (files['xinjiang/employee-2020.json'] as RuleFile).rules[1]!.event.params['employee.rate.employer'] = '5';
    });
    expect(await hashOf(banner(), env)).toBe(await hashOf(banner()));
  });
});

describe('a changed input changes the hash', () => {
  it('an override: its value, its months, or adding one', async () => {
    const a = await hashOf(exampleDoc('banner-individual-400.json'));
    const doc = exampleDoc('banner-individual-400.json');
    const o = (doc.overrides as { value: string; from: string }[])[0]!;
    o.value = '401';
    expect(await hashOf(doc)).not.toBe(a);
    o.value = '400';
    expect(await hashOf(doc)).toBe(a);
    o.from = '2024-01';
    expect(await hashOf(doc)).not.toBe(a);
    expect(await hashOf({ ...banner(), overrides: [{ param: 'resident.individual.standard', value: '380' }] })).not.toBe(await hashOf(banner()));
  });

  it('an assumption, the horizon, the base of the stack', async () => {
    const a = await hashOf(banner());
    expect(await hashOf({ ...banner(), assumptions: { regionTier: 2 } })).not.toBe(a);
    expect(await hashOf({ ...banner(), assumptions: { regionTier: 3, costGrowth: '4.01' } })).not.toBe(a);
    expect(await hashOf({ ...banner(), until: 2036 })).not.toBe(a);
    expect(await hashOf({ ...banner(), rules: ['inner-mongolia/resident-2022'] })).not.toBe(a);
  });

  it("a rule file's content in the stack, even a note", async () => {
    const a = await hashOf(banner());
    const figure = envWithRules((files) => {
      (files['banner/resident-2022.json'] as RuleFile).rules[0]!.event.params['resident.subsidy.standard'] = '581';
    });
    expect(await hashOf(banner(), figure)).not.toBe(a);
    // a rule set the banner extends through the region (the national minimum of 2023)
    const national = envWithRules((files) => {
      (files['national/resident-minimum.json'] as RuleFile).rules[4]!.event.params['resident.individual.minimum'] = '385';
    });
    expect(await hashOf(banner(), national)).not.toBe(a);
    const note = envWithRules((files) => {
      (files['banner/resident-2022.json'] as RuleFile).document.note = 'edited';
    });
    expect(await hashOf(banner(), note)).not.toBe(a);
  });

  it("a baseline's figure", async () => {
    const edited = baselineJson('banner-2022');
    const funds = edited.funds as Record<string, { periods: Record<string, { cumulativeBalance: { value: string } }> }>;
    const resident = Object.values(funds).find((f) => f.periods['2022']?.cumulativeBalance?.value === '6909.85')!;
    resident.periods['2022']!.cumulativeBalance.value = '6909.86';
    expect(await hashOf({ ...banner(), baseline: { embedded: edited } })).not.toBe(await hashOf(banner()));
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every level and keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"e":2,"f":1}]},"b":1}');
  });
});
