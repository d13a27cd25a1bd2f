/** Test helpers: the seed baselines as fresh, mutable JSON, and JSON Pointer edits. */
import { readFileSync } from 'node:fs';
import { loadBaseline } from '../../src/baseline/load.ts';
import type { Baseline } from '../../src/baseline/types.ts';

export const SEED_NAMES = ['banner-2022', 'city-2021-2022h1', 'xinjiang-2020', 'county-2019'] as const;
export type SeedName = (typeof SEED_NAMES)[number];

export const seedFile = (name: SeedName) => `seeds/baselines/${name}.json`;

export function seedJson(name: SeedName): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../${seedFile(name)}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

export function seed(name: SeedName): Baseline {
  return loadBaseline(seedJson(name), seedFile(name));
}

/** A source document by the path a baseline or rule set gives (from the repository root). */
export function sourceText(file: string): string {
  return readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
}

function keys(ptr: string): string[] {
  return ptr.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function getAt(doc: unknown, ptr: string): unknown {
  let cur = doc;
  for (const k of keys(ptr)) {
    if (cur === null || typeof cur !== 'object') throw new Error(`no ${ptr}`);
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

/** Set (or with `undefined`, delete) the value at a JSON Pointer; the parent must exist. */
export function setAt(doc: unknown, ptr: string, value: unknown): void {
  const ks = keys(ptr);
  const last = ks.pop();
  const parent = getAt(doc, ks.length ? '/' + ks.join('/') : '') as Record<string, unknown>;
  if (last === undefined || parent === undefined || parent === null) throw new Error(`no parent for ${ptr}`);
  if (value === undefined) delete parent[last];
  else parent[last] = value;
}
