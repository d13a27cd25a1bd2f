/**
 * The example scenarios under seeds/scenarios/: each is a valid version-1
 * file with a Chinese and English title, names the seed document its
 * baseline comes from, and runs.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, serializeScenario } from '../../src/scenario/load.ts';
import { baselineJson, exampleFiles, exampleText, runExample } from './helpers.ts';
import { notesIn } from '../../src/scenario/notes.ts';

const FALLBACK = /employee contributions grow with insured counts and wages/;

describe.each(exampleFiles())('%s', (file) => {
  const scenario = parseScenario(exampleText(file), file);

  it('is a version-1 scenario with a Chinese and an English title', () => {
    expect(scenario.version).toBe(1);
    expect(scenario.title).toMatch(/[\u4e00-\u9fff]/);
    expect(scenario.title).toMatch(/[A-Za-z]{4,}/);
    expect(parseScenario(serializeScenario(scenario), file)).toEqual(scenario);
  });

  it('names the seed document its baseline was built from, in Chinese and in English', () => {
    expect(typeof scenario.baseline).toBe('string');
    const source = (baselineJson(scenario.baseline as string).source as { file: string }).file; // "seeds/sources/000_b6dbc1e4b0658db8.txt"
    // a numbered seed by its number ("seed 000", "种子资料 000"), another source by its path
    const name = source.split('/').at(-1)!;
    const seed = /^[0-9]{3}_/.test(name) ? name.slice(0, 3) : undefined;
    expect(typeof scenario.notes).toBe('object');
    expect(notesIn(scenario.notes, 'en')).toContain(seed ? `seed ${seed}` : source);
    expect(notesIn(scenario.notes, 'zh')).toContain(seed ? `种子资料 ${seed}` : source);
    // the Chinese half is Chinese: more Han characters than Latin letters
    const zh = notesIn(scenario.notes, 'zh');
    expect((zh.match(/\p{Script=Han}/gu) ?? []).length).toBeGreaterThan((zh.match(/[A-Za-z]/g) ?? []).length);
  });

  it('runs from its base year to 2035', async () => {
    const { projection } = await runExample(file);
    expect(projection.until).toBe(2035);
    for (const f of projection.funds) expect(f.years.at(-1)!.year, f.id).toBe(2035);
    // Where the scenario assumes a wage, contributions come from the monthly rules, not from the fallback.
    const fallback = projection.notes.some((n) => FALLBACK.test(JSON.stringify(n)));
    expect(fallback).toBe(!scenario.assumptions?.avgMonthlyWage);
  });
});

describe('the set of examples', () => {
  it('has a baseline scenario for each baseline that can start a projection, and the four reforms', () => {
    expect(exampleFiles()).toEqual(
      expect.arrayContaining([
        'banner-2022.json',
        'city-2021.json',
        'xinjiang-2020.json',
        'banner-2023-im-standards.json',
        'banner-individual-400.json',
        'city-employer-rate-cut.json',
        'city-floor-50.json',
      ]),
    );
  });
});
