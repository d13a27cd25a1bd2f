/**
 * A file nested thousands of levels deep is refused by its depth, with the file,
 * the place the limit was passed and the reason, before anything reads deeper:
 * as text on the command line, as a parsed value in the worker.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenario } from '../../src/scenario/load.ts';
import { jsonTextDepthProblem, jsonValueDepthProblem, MAX_JSON_DEPTH } from '../../src/common/json-depth.ts';
import { problemsOf } from './helpers.ts';

const FILE = 'deep.json';
// "ruleSets" holding an array nested 100,000 deep
const N = 100_000;
const text = `{"version": 1, "title": "深", "baseline": "banner-2022", "rules": [], "ruleSets": ${'['.repeat(N)}${']'.repeat(N)}}`;
// The root object is level 1 and "ruleSets" level 2; level 65 is the first refused:
// it sits at /ruleSets followed by the 63 indices of levels 2 to 64.
const PASSED_AT = '/ruleSets' + '/0'.repeat(63);

describe('nesting deeper than the limit', () => {
  it('is 64 levels', () => {
    expect(MAX_JSON_DEPTH).to.equal(64);
  });

  it('a scenario file: refused at the path where level 65 begins, in Chinese and English', async () => {
    const problems = await problemsOf(() => parseScenario(text, FILE));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe(FILE);
    expect(problems[0]!.path).toBe(PASSED_AT);
    expect(problems[0]!.message!.zh).toMatch(/^嵌套超过 64 层，未读取/);
    expect(problems[0]!.reason).toMatch(/^nested more than 64 levels deep and not read/);
  });

  it('the same scenario already parsed (as the workbench sends it to its worker): the same place', async () => {
    const problems = await problemsOf(() => loadScenario(JSON.parse(text), FILE));
    expect(problems.map((p) => p.path)).toEqual([PASSED_AT]);
  });

  it('names keys on the way, escaped as a JSON Pointer, and counts array positions', () => {
    // level 1 {a/b: …}, level 2 [x, {…}] with the object at index 1, level 3 {"k": …}, level 4 [[]] refused at limit 3
    const problem = jsonTextDepthProblem('{"a/b": ["x,[", {"k": [[]]}]}', FILE, 3);
    expect(problem?.path).toBe('/a~1b/1/k');
    // exactly at the limit: accepted
    expect(jsonTextDepthProblem('{"a/b": ["x,[", {"k": "["}]}', FILE, 3)).toBeUndefined();
  });

  it('of two branches too deep, the text and the parsed value both name the first', () => {
    // levels: 1 the root object, 2 the arrays "a" and "b", 3 their inner arrays at /a/0 and /b/0, refused at limit 2
    const doc = '{"a": [[]], "b": [[]]}';
    expect(jsonTextDepthProblem(doc, FILE, 2)?.path).toBe('/a/0');
    expect(jsonValueDepthProblem(JSON.parse(doc), FILE, 2)?.path).toBe('/a/0');
  });

  it('a real file is far inside the limit', () => {
    expect(jsonTextDepthProblem('{"version": 1, "overrides": [{"param": "a", "value": {"max": [{"param": "b"}, "1"]}}]}', FILE)).toBeUndefined();
  });
});
