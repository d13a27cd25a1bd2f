/**
 * A scenario that cannot be run exactly as written is refused with the
 * file, the JSON Pointer of what is wrong, and the reason.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, loadScenario } from '../../src/scenario/load.ts';
import { nodeEnvironment } from '../../src/scenario/node-env.ts';
import { prepareScenario } from '../../src/scenario/prepare.ts';
import { exampleDoc, prepareDoc, problemsOf } from './helpers.ts';

const FILE = 'reform.json';
const banner = () => exampleDoc('banner-2022.json');
const refusedAt = (doc: unknown) => problemsOf(() => prepareDoc(doc, FILE));

/** A minimal valid rule set to carry inside a scenario. */
function embeddedRuleSet(rules: unknown[] = []): Record<string, unknown> {
  return {
    id: 'scenario/banner-reform',
    title: { zh: '改革', en: 'Reform' },
    jurisdiction: { level: 'county', name: '旗' },
    document: { title: 'scenario' },
    extends: ['banner/resident-2022'],
    precedence: 40,
    rules,
  };
}

describe('the file itself', () => {
  it('malformed JSON: the line and column of the error', async () => {
    const text = '{\n  "version": 1\n  "title": "x"\n}';
    const problems = await problemsOf(() => parseScenario(text, FILE));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe(FILE);
    expect(problems[0]!.path).toBe('');
    // the error is at offset 19, the '"' opening "title" on line 3, column 3
    expect(problems[0]!.reason).toMatch(/^not valid JSON \(line 3, column 3\): /);
  });

  it('not an object', async () => {
    expect(await problemsOf(() => parseScenario('[1, 2]', FILE))).toEqual([{ file: FILE, path: '', reason: 'a scenario is a JSON object' }]);
  });

  it('an unknown key, at the top and inside assumptions', async () => {
    expect(await problemsOf(() => loadScenario({ ...banner(), horizon: 2040 }, FILE))).toEqual([{ file: FILE, path: '', reason: 'unknown key "horizon"' }]);
    expect(await problemsOf(() => loadScenario({ ...banner(), assumptions: { regionTier: 3, wagegrowth: '5' } }, FILE))).toEqual([
      { file: FILE, path: '/assumptions', reason: 'unknown key "wagegrowth"' },
    ]);
    expect(await problemsOf(() => loadScenario({ ...banner(), overrides: [{ param: 'employee.rate.employer', value: '5', since: '2024-01' }] }, FILE))).toEqual([
      { file: FILE, path: '/overrides/0', reason: 'unknown key "since"' },
    ]);
  });

  it('a missing version', async () => {
    const { version: _, ...doc } = banner();
    expect(await problemsOf(() => loadScenario(doc, FILE))).toEqual([
      { file: FILE, path: '/version', reason: 'missing or invalid version: a scenario states the format version it was written in (1)' },
    ]);
    expect((await problemsOf(() => loadScenario({ ...banner(), version: '1' }, FILE)))[0]!.path).toBe('/version');
  });

  it('a version from the future', async () => {
    expect(await problemsOf(() => loadScenario({ ...banner(), version: 2 }, FILE))).toEqual([
      { file: FILE, path: '/version', reason: 'written by a newer version of this program (format 2; this one reads up to 1)' },
    ]);
  });

  it('a horizon beyond 2060, in the file and from the command line (--until bypasses the schema)', async () => {
    expect(await problemsOf(() => loadScenario({ ...banner(), until: 2061 }, FILE))).toEqual([{ file: FILE, path: '/until', reason: 'must be at most 2060' }]);
    const s = loadScenario(banner(), FILE);
    s.until = 2070;
    expect(await problemsOf(() => prepareScenario(s, FILE, nodeEnvironment()))).toEqual([{ file: FILE, path: '/until', reason: 'the horizon goes up to 2060' }]);
  });

  it('a malformed month in an override', async () => {
    const problems = await problemsOf(() => loadScenario({ ...banner(), overrides: [{ param: 'employee.rate.employer', value: '5', from: '2024-13' }] }, FILE));
    expect(problems.map((p) => p.path)).toEqual(['/overrides/0/from']);
  });
});

describe('what the scenario refers to', () => {
  it('a horizon not after the base year', async () => {
    // banner-2022 starts in 2022 (seed 000 is the 2022 report)
    expect(await refusedAt({ ...banner(), until: 2021 })).toEqual([{ file: FILE, path: '/until', reason: 'the horizon 2021 must be after the base year 2022' }]);
    expect(await refusedAt({ ...banner(), until: 2022 })).toEqual([{ file: FILE, path: '/until', reason: 'the horizon 2022 must be after the base year 2022' }]);
  });

  it('an unknown parameter in an override, with a suggestion', async () => {
    expect(await refusedAt({ ...banner(), overrides: [{ param: 'resident.individual.standrad', value: '400', from: '2023-01' }] })).toEqual([
      { file: FILE, path: '/overrides/0/param', reason: 'unknown parameter "resident.individual.standrad" (did you mean "resident.individual.standard"?)' },
    ]);
    // no suggestion where nothing is close
    expect(await refusedAt({ ...banner(), overrides: [{ param: 'pension.age', value: '60' }] })).toEqual([
      { file: FILE, path: '/overrides/0/param', reason: 'unknown parameter "pension.age"' },
    ]);
  });

  it('a change of the statutory retirement age: refused, pointing to the retirement-age rules the population model reads by birth month', async () => {
    // Before, the city accepted it, changed the content hash and projected exactly the same figures.
    const problems = await refusedAt({ ...exampleDoc('city-2021.json'), overrides: [{ param: 'employee.retirement.age', value: '780', from: '2030-01' }] });
    expect(problems.map((p) => [p.file, p.path])).toEqual([[FILE, '/overrides/0/param']]);
    expect(problems[0]!.reason).toMatch(/^employee\.retirement\.age cannot be changed by a scenario: the statutory retirement age is set by sex and birth month .*assumptions\.population\.retirementRule/);
    expect(problems[0]!.message?.zh).toMatch(/^employee\.retirement\.age 不能作为方案的调整：法定退休年龄按性别和出生年月由退休年龄规则集设定/);
  });

  it('an unknown rule-set id', async () => {
    expect(await refusedAt({ ...banner(), rules: ['banner/resident-2022', 'banner/resident-2023'] })).toEqual([
      { file: FILE, path: '/rules/1', reason: `no rule set "banner/resident-2023" in rules/ or in this scenario's ruleSets` },
    ]);
  });

  it('a baseline name that does not exist, and one that is not a name', async () => {
    expect(await refusedAt({ ...banner(), baseline: 'banner-2099' })).toEqual([{ file: FILE, path: '/baseline', reason: 'no baseline "banner-2099" under seeds/baselines/' }]);
    const problems = await refusedAt({ ...banner(), baseline: '../rules/parameters' });
    expect(problems.map((p) => p.path)).toContain('/baseline');
  });

  it('every problem at once', async () => {
    const problems = await refusedAt({ ...banner(), rules: ['nope/nope'], overrides: [{ param: 'employee.rate.employr', value: '5' }], until: 2020 });
    expect(problems.map((p) => p.path).sort()).toEqual(['/overrides/0/param', '/rules/0', '/until']);
  });
});

describe('assumptions', () => {
  it('a percentage outside 0-100', async () => {
    expect(await refusedAt({ ...banner(), assumptions: { regionTier: 3, retireeShare: '120' } })).toEqual([
      { file: FILE, path: '/assumptions/retireeShare', reason: 'a percentage must be between 0 and 100, not 120' },
      { file: FILE, path: '/assumptions/flexibleShare', reason: 'retirees and flexible workers together cannot exceed 100% of employees' },
    ]);
    expect(await refusedAt({ ...banner(), assumptions: { collectionRate: '-5' } })).toEqual([
      { file: FILE, path: '/assumptions/collectionRate', reason: 'a percentage must be between 0 and 100, not -5' },
    ]);
  });

  it('a yearly rate of −100% or less, and relative wages that do not average 1', async () => {
    expect(await refusedAt({ ...banner(), assumptions: { costGrowth: '-100' } })).toEqual([
      { file: FILE, path: '/assumptions/costGrowth', reason: 'a yearly rate must be above -100% and at most 100%, not -100' },
    ]);
    expect(await refusedAt({ ...banner(), assumptions: { growth: { resident: '-100' } } })).toEqual([
      { file: FILE, path: '/assumptions/growth/resident', reason: 'a fall of 100% or more a year leaves no one insured' },
    ]);
    expect(await refusedAt({ ...banner(), assumptions: { wageDistribution: ['0.5', '1.4'] } })).toEqual([
      { file: FILE, path: '/assumptions/wageDistribution', reason: 'relative wages must average exactly 1' },
    ]);
  });

  it('a number written as a JSON number instead of a decimal string', async () => {
    const problems = await problemsOf(() => loadScenario({ ...banner(), assumptions: { wageGrowth: 5 } }, FILE));
    expect(problems).toEqual([
      {
        file: FILE,
        path: '/assumptions/wageGrowth',
        reason: 'write the number in quotes, "5": values are exact decimal strings, and a JSON number may lose digits',
        message: {
          id: 'value.quoteNumber',
          zh: '请把数字写在引号里："5"：数值以精确的十进制字符串记录，JSON 数字可能丢失位数',
          en: 'write the number in quotes, "5": values are exact decimal strings, and a JSON number may lose digits',
        },
      },
    ]);
  });
});

describe('rule sets carried inside the scenario', () => {
  it('are checked like rules/*.json, with paths under /ruleSets/i', async () => {
    const bad = embeddedRuleSet([
      { id: 'standard', from: '2023-01', event: { type: 'set', params: { 'resident.individual.standrad': '400' } }, source: { section: 'reform' } },
      { id: 'share', from: '2023-01', event: { type: 'set', params: { 'resident.subsidy.centralShare': '150' } }, source: { section: 'reform' } },
    ]);
    const problems = await refusedAt({ ...banner(), rules: ['scenario/banner-reform'], ruleSets: [bad] });
    expect(problems).toEqual([
      {
        file: FILE,
        path: '/ruleSets/0/rules/0/event/params/resident.individual.standrad',
        reason: 'unknown parameter "resident.individual.standrad" (did you mean "resident.individual.standard"?)',
      },
      { file: FILE, path: '/ruleSets/0/rules/1/event/params/resident.subsidy.centralShare', reason: 'resident.subsidy.centralShare is a percentage and must be between 0 and 100, not 150' },
    ]);
  });

  it('a missing key and an unknown key', async () => {
    const { document: _, ...noDocument } = embeddedRuleSet();
    const problems = await refusedAt({ ...banner(), rules: ['scenario/banner-reform'], ruleSets: [embeddedRuleSet(), { ...noDocument, author: 'x' }] });
    expect(problems).toHaveLength(2);
    expect(problems).toContainEqual({ file: FILE, path: '/ruleSets/1', reason: 'unknown key "author"' });
    expect(problems).toContainEqual({ file: FILE, path: '/ruleSets/1', reason: 'missing required key "document"' });
  });

  it('a valid one is used', async () => {
    const good = embeddedRuleSet([{ id: 'standard', from: '2023-01', event: { type: 'set', params: { 'resident.individual.standard': '400' } }, source: { section: 'reform' } }]);
    const { input } = await prepareDoc({ ...banner(), rules: ['scenario/banner-reform'], ruleSets: [good] });
    expect(input.stack.ruleSets.map((r) => r.spec.id)).toContain('scenario/banner-reform');
  });
});
