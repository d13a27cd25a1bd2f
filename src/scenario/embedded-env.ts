/** The environment a scenario resolves in from the embedded data: the browser worker, and tests. */
import { loadBaseline } from '../baseline/load.ts';
import type { Baseline } from '../baseline/types.ts';
import { BASELINES, RULE_FILES } from '../data/embedded.ts';
import { baseYearFromBaseline } from '../model/from-baseline.ts';
import { catalogFromFiles, type Catalog } from '../rules/catalog.ts';
import { defaultRegistry } from '../rules/registry.ts';
import type { Environment } from './prepare.ts';

let catalog: Catalog | undefined;

/**
 * A shipped baseline checked and loaded once per file name: it is the same object on every run, and
 * loading it (its schema check above all) took a fifth of a lever change's time in the worker. Its
 * schema check is the tests' (test/scenario/embedded-env.test.ts): compiling the baseline schema was
 * the largest part of the first projection after the page opens.
 */
const loaded = new WeakMap<object, Map<string, Baseline>>();

/** A baseline as this environment loads it: a shipped one once per file name, any other each time. */
export function loadEmbeddedBaseline(json: unknown, file: string): Baseline {
  const shipped = typeof json === 'object' && json !== null && Object.values(BASELINES).includes(json) ? json : undefined;
  if (!shipped) return loadBaseline(json, file);
  let byFile = loaded.get(shipped);
  if (!byFile) loaded.set(shipped, (byFile = new Map()));
  let b = byFile.get(file);
  if (!b) byFile.set(file, (b = loadBaseline(json, file, true)));
  return b;
}

export function embeddedEnvironment(): Environment {
  catalog ??= catalogFromFiles(RULE_FILES, defaultRegistry());
  return {
    catalog,
    baseline: (name) => BASELINES[name],
    toBaseYear: (json, file, year) => baseYearFromBaseline(loadEmbeddedBaseline(json, file), file, year),
  };
}
