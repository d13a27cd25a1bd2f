/**
 * A rule set of the user's (inside a scenario, or given to calc with --rules)
 * may not take the id of a shipped one by accident: refused unless it says
 * "replaces": true. A verbatim copy is the same rule set and is accepted.
 */
import { describe, expect, it } from 'vitest';
import { readRuleFiles } from '../../src/rules/catalog-node.ts';
import { exampleDoc, prepareDoc, problemsOf } from '../scenario/helpers.ts';

const FILE = 'reform.json';
const banner = () => exampleDoc('banner-2022.json');

/** The shipped banner rule set with the individual standard of 2022 raised from 380 to 400. */
function editedBannerRules(): Record<string, unknown> {
  const set = structuredClone(readRuleFiles()['banner/resident-2022.json']) as { rules: { event: { params: Record<string, unknown> } }[] };
  const rule = set.rules.find((r) => r.event.params['resident.individual.standard'] === '380')!;
  rule.event.params['resident.individual.standard'] = '400';
  return set as unknown as Record<string, unknown>;
}

describe('a rule set reusing a shipped id', () => {
  it('is refused, naming the id and the way out, in both languages', async () => {
    const problems = await problemsOf(() => prepareDoc({ ...banner(), ruleSets: [editedBannerRules()] }, FILE));
    expect(problems).toEqual([
      {
        file: FILE,
        path: '/ruleSets/0/id',
        reason: '"banner/resident-2022" is the id of a rule set shipped with the program; give yours an id of its own, or add "replaces": true to replace the shipped one',
        message: {
          id: 'ruleSet.reusesBuiltIn',
          en: '"banner/resident-2022" is the id of a rule set shipped with the program; give yours an id of its own, or add "replaces": true to replace the shipped one',
          zh: '"banner/resident-2022" 是程序自带规则集的编号；请给这个规则集另起编号，或加上 "replaces": true 表示替换自带规则集',
        },
      },
    ]);
  });

  it('replaces the shipped one when it says so: the 400 standard is the one in force', async () => {
    const shipped = await prepareDoc(banner(), FILE);
    const replaced = await prepareDoc({ ...banner(), ruleSets: [{ ...editedBannerRules(), replaces: true }] }, FILE);
    expect(replaced.hash).not.toBe(shipped.hash);
    const set = replaced.input.stack.ruleSets.find((s) => s.spec.id === 'banner/resident-2022')!;
    expect(set.file).toBe(FILE);
    expect(JSON.stringify(set.spec)).toContain('"resident.individual.standard":"400"');
  });

  it('is accepted as a verbatim copy, which changes nothing', async () => {
    const copy = readRuleFiles()['banner/resident-2022.json'];
    expect((await prepareDoc({ ...banner(), ruleSets: [copy] }, FILE)).hash).toBe((await prepareDoc(banner(), FILE)).hash);
  });

  it('is refused when one file carries the same id twice', async () => {
    const own = { ...editedBannerRules(), id: 'scenario/mine', extends: ['banner/resident-2022'], precedence: 40 };
    const problems = await problemsOf(() => prepareDoc({ ...banner(), ruleSets: [own, own] }, FILE));
    expect(problems.map((p) => [p.path, p.reason])).toEqual([['/ruleSets/1/id', 'rule-set id "scenario/mine" is used twice in this file (also at /ruleSets/0)']]);
  });
});
