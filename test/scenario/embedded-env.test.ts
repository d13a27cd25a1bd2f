/** The browser's environment loads shipped baselines without checking them against the schema: that check is here. */
import { describe, expect, it } from 'vitest';
import { BASELINES } from '../../src/data/embedded.ts';
import { BASELINE_SCHEMA, loadBaseline } from '../../src/baseline/load.ts';
import { schemaProblems } from '../../src/common/schema.ts';
import { embeddedEnvironment, loadEmbeddedBaseline } from '../../src/scenario/embedded-env.ts';

describe('the embedded environment', () => {
  it.each(Object.keys(BASELINES))('ships the baseline %s valid against the schema', (name) => {
    expect(schemaProblems(BASELINE_SCHEMA, BASELINES[name], `seeds/baselines/${name}.json`)).toEqual([]);
  });

  it('loads a shipped baseline as a full check does, and still checks one that is not shipped', () => {
    const file = 'seeds/baselines/banner-2022.json';
    expect(loadEmbeddedBaseline(BASELINES['banner-2022'], file)).toEqual(loadBaseline(BASELINES['banner-2022'], file));
    // the banner's report is its fund's 2022 accounts (seed 000)
    expect(embeddedEnvironment().toBaseYear(BASELINES['banner-2022'], file).year).toBe(2022);
    const altered = { ...structuredClone(BASELINES['banner-2022'] as object), colour: 'blue' };
    expect(() => loadEmbeddedBaseline(altered, 'mine.json')).toThrow(/unknown key "colour"/);
  });
});
