/** A key the schema refuses by its pattern is said in words, in both languages, never as the pattern. */
import { describe, expect, it } from 'vitest';
import { InputError, type InputProblem } from '../../src/common/errors.ts';
import { loadScenario } from '../../src/scenario/load.ts';

/** The problems a scenario file is refused with, as the command line and the workbench read it. */
function schemaProblems(data: object): InputProblem[] {
  try {
    loadScenario(data, 'my.json');
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  return [];
}

const scenario = (assumptions: object) => ({ version: 1, title: 't', baseline: 'banner-2022', rules: ['national/resident-minimum'], assumptions });

describe('keys refused by a pattern', () => {
  it('says what a calibration key looks like, at the key, in Chinese and English', () => {
    // "spending" is neither income nor expenditure
    const [p, ...rest] = schemaProblems(scenario({ calibration: { methods: { 'resident/spending': 'average' } } }));
    expect(rest).toEqual([]);
    expect(p!.path).toBe('/assumptions/calibration/methods/resident~1spending');
    expect(p!.message?.zh).toContain('"resident/spending" 不是可校准的项目');
    expect(p!.message?.zh).toContain('"resident/expenditure/other"');
    expect(p!.message?.en).toContain('"resident/spending" is not something calibrated: write a fund');
    for (const text of [p!.reason, p!.message!.zh, p!.message!.en]) expect(text).not.toMatch(/\^|\(\?|\$"|\[a-z/);
  });

  it('says a wage-history key must be a four-digit year', () => {
    const [p] = schemaProblems(scenario({ wageHistory: { '20x0': '8445' } }));
    expect(p!.message?.zh).toBe('"20x0" 不是年份：请写四位年份，如 "2020"');
    expect(p!.reason).toBe('"20x0" is not a year: write a four-digit year, such as "2020"');
  });
});
