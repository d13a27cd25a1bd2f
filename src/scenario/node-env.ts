/** Node-only: the environment a scenario resolves in when run from the command line or tests. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseJson } from '../common/schema.ts';
import { loadBaseline } from '../baseline/load.ts';
import { baseYearFromBaseline } from '../model/from-baseline.ts';
import { loadCatalog } from '../rules/catalog-node.ts';
import type { Environment } from './prepare.ts';

export const SEEDS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../seeds');

export function nodeEnvironment(): Environment {
  return {
    catalog: loadCatalog(),
    baseline: (name) => {
      const path = resolve(SEEDS_DIR, 'baselines', `${name}.json`);
      return existsSync(path) ? parseJson(readFileSync(path, 'utf8'), `seeds/baselines/${name}.json`) : undefined;
    },
    toBaseYear: (json, file, year) => baseYearFromBaseline(loadBaseline(json, file), file, year),
  };
}
