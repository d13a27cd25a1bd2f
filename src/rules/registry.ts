/**
 * The parameter registry: every name a rule may set, with its unit and the
 * constraints between parameters. Loading a rule set that names anything
 * else is refused.
 */
import { InputError, pointer, type InputProblem } from '../common/errors.ts';
import { schemaProblems } from '../common/schema.ts';
import registrySchema from '../../rules/parameters.schema.json' with { type: 'json' };
import registryJson from '../../rules/parameters.json' with { type: 'json' };
import type { ParameterRegistry, ParameterSpec } from './types.ts';
import { valueProblems } from './values.ts';

export const REGISTRY_FILE = 'rules/parameters.json';

export class Registry {
  readonly #specs: Map<string, ParameterSpec>;

  constructor(data: ParameterRegistry) {
    this.#specs = new Map(Object.entries(data.parameters));
  }

  has(name: string): boolean {
    return this.#specs.has(name);
  }

  get(name: string): ParameterSpec {
    const spec = this.#specs.get(name);
    if (!spec) throw new Error(`unknown parameter ${name}`);
    return spec;
  }

  names(): string[] {
    return [...this.#specs.keys()];
  }

  /** "employee.base.flor" → "employee.base.floor": a hint for unknown names. */
  closest(name: string): string | undefined {
    let best: string | undefined;
    let bestScore = Infinity;
    for (const n of this.#specs.keys()) {
      const d = editDistance(name, n);
      if (d < bestScore) {
        bestScore = d;
        best = n;
      }
    }
    return bestScore <= Math.max(3, name.length / 4) ? best : undefined;
  }
}

export function loadRegistry(data: unknown, file = REGISTRY_FILE): Registry {
  const problems = schemaProblems(registrySchema, data, file);
  if (problems.length) throw new InputError(problems);
  const registry = new Registry(data as ParameterRegistry);
  const more: InputProblem[] = [];
  for (const [name, spec] of Object.entries((data as ParameterRegistry).parameters)) {
    for (const key of ['notAbove', 'atLeast'] as const) {
      const other = spec[key];
      if (other !== undefined && !registry.has(other)) {
        more.push({ file, path: pointer('parameters', name, key), reason: `names unknown parameter "${other}"` });
      }
    }
    if (spec.default !== undefined) {
      more.push(...valueProblems(spec.default, name, registry, file, pointer('parameters', name, 'default')));
    }
  }
  if (more.length) throw new InputError(more);
  return registry;
}

let builtIn: Registry | undefined;

/** The registry shipped in rules/parameters.json. */
export function defaultRegistry(): Registry {
  builtIn ??= loadRegistry(registryJson);
  return builtIn;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
