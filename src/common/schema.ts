/**
 * JSON Schema validation (ajv) turned into InputProblems naming file, JSON
 * path and reason. Schemas live beside the data they describe (rules/,
 * seeds/) so editors can validate files too.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { InputError, type InputProblem } from './errors.ts';

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const compiled = new Map<object, ValidateFunction>();

function describe(e: ErrorObject): string {
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown key "${(e.params as { additionalProperty: string }).additionalProperty}"`;
    case 'required':
      return `missing required key "${(e.params as { missingProperty: string }).missingProperty}"`;
    case 'enum':
      return `${e.message}: ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`;
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
  const seen = new Set<string>();
  const problems: InputProblem[] = [];
  for (const e of prune(validate.errors ?? [])) {
    const p = { file, path: e.instancePath, reason: describe(e) };
    const key = p.path + '|' + p.reason;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(p);
    }
  }
  return problems;
}

export function assertSchema(schema: object, data: unknown, file: string): void {
  const problems = schemaProblems(schema, data, file);
  if (problems.length) throw new InputError(problems);
}

/** Parse JSON text, reporting a syntax error with its line and column. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
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
