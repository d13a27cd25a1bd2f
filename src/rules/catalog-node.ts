/** Node-only: read every rule set under rules/ (the CLI and tests; the browser bundles them). */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseJson } from '../common/schema.ts';
import { catalogFromFiles, type Catalog } from './catalog.ts';
import { defaultRegistry } from './registry.ts';

export const RULES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../rules');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : [],
  );
}

export function readRuleFiles(dir = RULES_DIR): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  for (const path of jsonFiles(dir)) {
    const rel = relative(dir, path).split('\\').join('/');
    files[rel] = parseJson(readFileSync(path, 'utf8'), `rules/${rel}`);
  }
  return files;
}

let cached: Catalog | undefined;

export function loadCatalog(): Catalog {
  cached ??= catalogFromFiles(readRuleFiles(), defaultRegistry());
  return cached;
}
