/**
 * Reading a scenario file: JSON, schema, version. A file written by an older
 * version is migrated step by step to the current one; a file from a newer
 * version is refused rather than misread.
 */
import { InputError } from '../common/errors.ts';
import { jsonValueDepthProblem } from '../common/json-depth.ts';
import { parseJson, registerSchema, schemaProblems } from '../common/schema.ts';
import ruleSetSchema from '../../rules/rule-set.schema.json' with { type: 'json' };
import scenarioSchema from '../../seeds/scenario.schema.json' with { type: 'json' };
import { SCENARIO_VERSION, type Scenario } from './types.ts';

/** migrations[v] turns a version-v document into version v + 1. None yet: version 1 is the first format. */
const migrations: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {};

export function parseScenario(text: string, file: string): Scenario {
  return loadScenario(parseJson(text, file), file);
}

export function loadScenario(data: unknown, file: string): Scenario {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw InputError.one(file, '', 'a scenario is a JSON object');
  const deep = jsonValueDepthProblem(data, file);
  if (deep) throw new InputError([deep]);
  let doc = data as Record<string, unknown>;
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw InputError.one(file, '/version', 'missing or invalid version: a scenario states the format version it was written in (1)');
  }
  if (version > SCENARIO_VERSION) {
    throw InputError.one(file, '/version', `written by a newer version of this program (format ${version}; this one reads up to ${SCENARIO_VERSION})`);
  }
  for (let v = version; v < SCENARIO_VERSION; v++) {
    const step = migrations[v];
    if (!step) throw InputError.one(file, '/version', `no migration from format ${v}`);
    doc = { ...step(doc), version: v + 1 };
  }
  registerSchema(ruleSetSchema);
  const problems = schemaProblems(scenarioSchema, doc, file);
  if (problems.length) throw new InputError(problems);
  return doc as unknown as Scenario;
}

/** Canonical text of a scenario: stable key order, two-space indent, newline at the end. */
export function serializeScenario(s: Scenario): string {
  return JSON.stringify(s, null, 2) + '\n';
}
