/**
 * Running scenario documents in tests: the example files under
 * seeds/scenarios/, the node environment (shipped rule sets and baselines),
 * and refusals as lists of problems.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { expect } from 'vitest';
import { resolve } from 'node:path';
import { InputError, type InputProblem } from '../../src/common/errors.ts';
import { D, type Dec } from '../../src/common/money.ts';
import type { FundId } from '../../src/model/base-year.ts';
import type { FundProjection, FundYear } from '../../src/model/fund-year.ts';
import { project, type Projection } from '../../src/model/project.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { nodeEnvironment, SEEDS_DIR } from '../../src/scenario/node-env.ts';
import { prepareScenario, type Environment, type Prepared } from '../../src/scenario/prepare.ts';

export const SCENARIOS_DIR = resolve(SEEDS_DIR, 'scenarios');

export function exampleFiles(): string[] {
  return readdirSync(SCENARIOS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

export function exampleText(name: string): string {
  return readFileSync(resolve(SCENARIOS_DIR, name), 'utf8');
}

/** A fresh, mutable copy of an example scenario's JSON. */
export function exampleDoc(name: string): Record<string, unknown> {
  return JSON.parse(exampleText(name)) as Record<string, unknown>;
}

/** A baseline file's JSON, read fresh. */
export function baselineJson(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(resolve(SEEDS_DIR, 'baselines', `${name}.json`), 'utf8')) as Record<string, unknown>;
}

export async function prepareDoc(doc: unknown, file = 'scenario.json', env: Environment = nodeEnvironment()): Promise<Prepared> {
  const scenario = loadScenario(structuredClone(doc), file);
  return prepareScenario(scenario, file, env);
}

export async function runDoc(doc: unknown, file = 'scenario.json', env: Environment = nodeEnvironment()): Promise<{ prepared: Prepared; projection: Projection }> {
  const prepared = await prepareDoc(doc, file, env);
  return { prepared, projection: project(prepared.input) };
}

export function runExample(name: string): Promise<{ prepared: Prepared; projection: Projection }> {
  return runDoc(exampleDoc(name), `seeds/scenarios/${name}`);
}

export function fundOf(p: Projection, id: FundId): FundProjection {
  const f = p.funds.find((x) => x.id === id);
  if (!f) throw new Error(`no fund ${id} in the projection (has ${p.funds.map((x) => x.id).join(', ')})`);
  return f;
}

export function yearOf(f: FundProjection, year: number): FundYear {
  const y = f.years.find((x) => x.year === year);
  if (!y) throw new Error(`no year ${year} in fund ${f.id}`);
  return y;
}

/** 万元 as printed in a report → 元. */
export const wan = (s: string): Dec => new D(s).times(10000);

/** Exact string of a decimal for assertions (decimal.js drops trailing zeros). */
export const s = (v: Dec | undefined): string | undefined => v?.toString();

/** The problems of the InputError `fn` throws; fails when it throws nothing or something else. */
export async function problemsOf(fn: () => unknown): Promise<InputProblem[]> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  throw new Error('expected an InputError, but the input was accepted');
}

/** |actual − expected| ≤ tolerance (a fen by default), failing with both figures. */
export function expectNear(actual: Dec, expected: Dec, tolerance: string = '0.01'): void {
  const gap = actual.minus(expected).abs();
  expect(gap.lessThanOrEqualTo(tolerance), `${actual.toString()} differs from ${expected.toString()} by ${gap.toString()} (tolerance ${tolerance})`).toBe(true);
}
