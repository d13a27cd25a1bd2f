/**
 * Every refusal of the bad-input corpus (test/fixtures/bad: scenarios, baselines, rule sets) reads in
 * Chinese in the workbench's default language: a reason the loaders state in English has its Chinese
 * template in src/ui/problem-text.ts. Quoted names and values may stay as written.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SimulationService } from '../../src/app/service.ts';
import { problemText } from '../../src/ui/problem-text.ts';
import banner from '../../seeds/scenarios/banner-2022.json' with { type: 'json' };

const BAD = new URL('../fixtures/bad/', import.meta.url);
const service = new SimulationService();

/** The files of one folder of the corpus that parse as JSON (the others are refused before any reason of this kind). */
function parsed(folder: string): [string, unknown][] {
  return readdirSync(new URL(folder, BAD)).flatMap((f): [string, unknown][] => {
    try {
      return [[f, JSON.parse(readFileSync(new URL(`${folder}${f}`, BAD), 'utf8').replace(/^\uFEFF/, ''))]];
    } catch {
      return [];
    }
  });
}

/** The refusals shown for a scenario whose text is not Chinese once quoted names and values are set aside. */
async function notChinese(file: string, scenario: unknown): Promise<string[]> {
  const r = await service.run(scenario, file);
  if (r.ok) return [];
  return r.problems.map((p) => problemText(p)).filter((text) => !/\p{Script=Han}/u.test(text.replace(/"[^"]*"|“[^”]*”/g, ''))).map((text) => `${file}: ${text}`);
}

describe('refusals in Chinese', () => {
  it('of every bad scenario, baseline and rule set of the corpus', async () => {
    const english: string[] = [];
    for (const [f, data] of parsed('scenarios/')) english.push(...(await notChinese(f, data)));
    for (const [f, data] of parsed('baselines/')) english.push(...(await notChinese(f, { version: 1, title: 'x', baseline: { embedded: data }, rules: banner.rules })));
    for (const [f, data] of parsed('rules/')) {
      const id = (data as { id?: unknown })?.id;
      english.push(...(await notChinese(f, { ...banner, ruleSets: [data], rules: typeof id === 'string' ? [...banner.rules, id] : banner.rules })));
    }
    expect(english).toEqual([]);
  }, 120_000);
});
