/**
 * JSON Schema validation (ajv) turned into InputProblems naming file, JSON
 * path and reason. Schemas live beside the data they describe (rules/,
 * seeds/) so editors can validate files too.
 */
import { jsonTextDepthProblem } from './json-depth.ts';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { looksMisdecoded, stripBom } from './encoding.ts';
import { DECIMAL_LITERAL } from './decimal-literal.ts';
import { InputError, localizedProblem, pointerKey, type InputProblem } from './errors.ts';
import { message, type LocalizedMessage } from './messages.ts';

/** How every schema is compiled: here on first use, or ahead of time for the browser build (schema-standalone.ts). */
export const AJV_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true } as const;

const ajv = new Ajv(AJV_OPTIONS);
const compiled = new Map<object, ValidateFunction>();

/** Validators compiled ahead of time from these schema objects, used instead of compiling them here. */
export function usePrecompiled(validators: readonly (readonly [object, ValidateFunction])[]): void {
  for (const [schema, validate] of validators) compiled.set(schema, validate);
}

/** Make a schema available to others' $ref by its $id (the scenario schema refers to the rule-set schema's values). */
export function registerSchema(schema: { $id?: string }): void {
  if (schema.$id && !ajv.getSchema(schema.$id)) ajv.addSchema(schema);
}

function describe(e: ErrorObject): string {
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown key "${(e.params as { additionalProperty: string }).additionalProperty}"`;
    case 'required':
      return `missing required key "${(e.params as { missingProperty: string }).missingProperty}"`;
    case 'enum':
      return `${e.message}: ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`;
    case 'const':
      return `must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
    case 'maximum':
      return `must be at most ${(e.params as { limit: number }).limit}`;
    case 'minimum':
      return `must be at least ${(e.params as { limit: number }).limit}`;
    default:
      return e.message ?? e.keyword;
  }
}

/** Keep the most specific errors: drop "must match a schema in anyOf" noise when a deeper error says more. */
function prune(errors: ErrorObject[]): ErrorObject[] {
  const deep = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if');
  return deep.length > 0 ? deep : errors;
}

export function schemaProblems(schema: object, data: unknown, file: string): InputProblem[] {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(data)) return [];
  // One problem per place: the alternatives of an anyOf that all failed there read as one reason.
  const all = validate.errors ?? [];
  const alternatives = new Set(all.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath));
  const groups = new Map<string, { path: string; reasons: string[] }>();
  for (const e of prune(all)) {
    // A key that is not allowed: said at the key, once ("property name must be valid" repeats it).
    if (e.keyword === 'propertyNames') continue;
    const badKey = (e as ErrorObject & { propertyName?: string }).propertyName;
    const path = badKey === undefined ? e.instancePath : `${e.instancePath}/${pointerKey(badKey)}`;
    const key = alternatives.has(path) ? path : `${path}|${groups.size}`;
    const group = groups.get(key) ?? { path, reasons: [] };
    const reason = badKey === undefined ? describe(e) : `the key "${badKey}" is not allowed here: it ${describe(e)}`;
    if (!group.reasons.includes(reason)) group.reasons.push(reason);
    groups.set(key, group);
  }
  const found = [...groups.values()];
  // Where the alternatives of a value all failed but one of them failed deeper down, the deeper reason says it.
  const said = found.filter((g) => !(g.reasons.length > 1 && found.some((h) => h.path.startsWith(g.path + '/'))));
  return said.map((g) => {
    const hint = keyHint(g.path, g.reasons) ?? valueHint(valueAt(data, g.path), g.reasons);
    return hint ? localizedProblem(file, g.path, hint) : { file, path: g.path, reason: g.reasons.join(', or ') };
  });
}

function valueAt(data: unknown, path: string): unknown {
  let value = data;
  for (const key of path.split('/').slice(1)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}

const DECIMAL_PATTERN = `must match pattern "${DECIMAL_LITERAL.source}"`;

/** A key the schema's pattern refuses, said in words: what a valid key looks like, not the pattern. */
function keyHint(path: string, reasons: string[]): LocalizedMessage | undefined {
  const refused = reasons.map((r) => /^the key "([^"]*)" is not allowed here: it must match pattern "(.*)"$/s.exec(r)).find((m) => m);
  if (!refused) return undefined;
  const key = refused[1]!;
  if (/\/calibration\/methods\/[^/]+$/.test(path)) return message('key.notCalibrated', { key });
  if (refused[2] === '^[12][0-9]{3}$') return message('key.notYear', { key });
  return undefined;
}

/**
 * Say what the schema's wording hides: a bare number where a decimal string is
 * expected (quote it), a string that is not a decimal or not a month, an object
 * that is none of the value expressions.
 */
function valueHint(value: unknown, reasons: string[]): LocalizedMessage | undefined {
  if (typeof value === 'number' && reasons.includes('must be string')) return message('value.quoteNumber', { value: String(value) });
  if (typeof value === 'string' && reasons.includes(DECIMAL_PATTERN)) return message('value.notDecimal', { value });
  if (typeof value === 'string' && reasons.some((r) => r.startsWith('must match pattern') && r.includes('(0[1-9]|1[0-2])'))) return message('value.notMonth', { value });
  if (value !== null && typeof value === 'object' && reasons.includes('missing required key "param"')) return message('value.notExpression');
  return undefined;
}

export function assertSchema(schema: object, data: unknown, file: string): void {
  const problems = schemaProblems(schema, data, file);
  if (problems.length) throw new InputError(problems);
}

/** Parse JSON text (a leading byte-order mark is ignored; nesting deeper than MAX_JSON_DEPTH refused before parsing), reporting a syntax error with its line and column. */
export function parseJson(text: string, file: string): unknown {
  text = stripBom(text);
  if (text.trim() === '') throw new InputError([localizedProblem(file, '', message('file.empty'))]);
  const deep = jsonTextDepthProblem(text, file);
  if (deep) throw new InputError([deep]);
  try {
    return JSON.parse(text);
  } catch (err) {
    if (looksMisdecoded(text)) throw new InputError([localizedProblem(file, '', message('file.notUtf8'))]);
    const msg = (err as Error).message;
    const pos = /position (\d+)/.exec(msg);
    let where = '';
    if (pos) {
      const offset = Number(pos[1]);
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      where = ` (line ${line}, column ${column})`;
    }
    throw InputError.one(file, '', `not valid JSON${where}: ${msg}`);
  }
}
