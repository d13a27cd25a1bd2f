/**
 * The schemas a projection checks its input against, compiled ahead of time into one ES module (ajv's
 * standalone code, with the options of schema.ts), for the browser build: compiling them in the worker
 * took the larger part of the first projection after the page opens. vite.config.ts serves the module
 * as src/common/precompiled-schemas.ts; the simulation worker hands its validators to usePrecompiled. The
 * validators are the ones ajv compiles at run time, so they find the same problems
 * (test/common/schema-standalone.test.ts). Node only (reads the schema files).
 */
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AJV_OPTIONS } from './schema.ts';

/** The schemas the simulation worker checks on every run, by the name each validator is exported as. */
const SCHEMAS = {
  registry: '../../rules/parameters.schema.json',
  ruleSet: '../../rules/rule-set.schema.json',
  scenario: '../../seeds/scenario.schema.json',
} as const;

/** The module's text: the validators, and `precompiled`, each schema (imported from its file) with its validator. */
export function precompiledSchemasModule(): string {
  const files = Object.fromEntries(Object.entries(SCHEMAS).map(([name, rel]) => [name, fileURLToPath(new URL(rel, import.meta.url))]));
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true } });
  const ids: Record<string, string> = {};
  for (const [name, file] of Object.entries(files)) {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as { $id?: string };
    ids[name] = schema.$id ?? name;
    ajv.addSchema(schema, schema.$id ? undefined : name);
  }
  const make = (standalone as unknown as { default?: typeof standalone }).default ?? standalone;
  // ajv's runtime helper for string lengths, imported rather than required (CommonJS either way round).
  const code = make(ajv, ids).replaceAll('require("ajv/dist/runtime/ucs2length")', '{ default: ucs2length }');
  const imports = Object.entries(files).map(([name, file]) => `import schema_${name} from ${JSON.stringify(file)} with { type: 'json' };`);
  return [
    `import * as ucs2lengthModule from 'ajv/dist/runtime/ucs2length.js';`,
    `const ucs2length = ucs2lengthModule.default?.default ?? ucs2lengthModule.default;`,
    code.replace(/^"use strict";/, ''),
    ...imports,
    `export const precompiled = [${Object.keys(files).map((name) => `[schema_${name}, ${name}]`).join(', ')}];`,
  ].join('\n');
}
