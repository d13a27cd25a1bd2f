/** The environment a scenario resolves in from the embedded data: the browser worker, and tests. */
import { loadBaseline } from '../baseline/load.ts';
import { BASELINES, RULE_FILES } from '../data/embedded.ts';
import { baseYearFromBaseline } from '../model/from-baseline.ts';
import { catalogFromFiles, type Catalog } from '../rules/catalog.ts';
import { defaultRegistry } from '../rules/registry.ts';
import type { Environment } from './prepare.ts';

let catalog: Catalog | undefined;

export function embeddedEnvironment(): Environment {
  catalog ??= catalogFromFiles(RULE_FILES, defaultRegistry());
  return {
    catalog,
    baseline: (name) => BASELINES[name],
    toBaseYear: (json, file, year) => baseYearFromBaseline(loadBaseline(json, file), file, year),
  };
}
