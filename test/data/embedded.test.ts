/** The data the browser bundle carries is exactly what the folders hold. */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASELINES, EXAMPLE_SCENARIOS, RULE_FILES } from '../../src/data/embedded.ts';

const json = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? json(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []));

describe('embedded data', () => {
  it('every rule set under rules/', () => {
    const files = json('rules').map((f) => relative('rules', f)).filter((f) => !['parameters.json', 'parameters.schema.json', 'rule-set.schema.json'].includes(f));
    expect(Object.keys(RULE_FILES).sort()).toEqual(files.sort());
  });
  it('every baseline and example scenario', () => {
    const names = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
    expect(Object.keys(BASELINES).sort()).toEqual(names('seeds/baselines'));
    expect(Object.keys(EXAMPLE_SCENARIOS).sort()).toEqual(names('seeds/scenarios'));
  });
});
