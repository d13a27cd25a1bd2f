/**
 * The rule sets known to the program, keyed by id. An id is the file's path
 * under rules/ without ".json" ("inner-mongolia/resident-2022"), so a
 * reference in `extends` or a scenario finds its file without a table.
 */
import { InputError, type InputProblem } from '../common/errors.ts';
import { loadRuleSet } from './load.ts';
import type { Registry } from './registry.ts';
import type { RuleSet } from './types.ts';

/** Files that live in rules/ but are not rule sets. */
const NOT_RULE_SETS = new Set(['parameters.json', 'parameters.schema.json', 'rule-set.schema.json']);

export class Catalog {
  readonly #sets = new Map<string, RuleSet>();

  constructor(readonly registry: Registry) {}

  add(set: RuleSet): void {
    this.#sets.set(set.spec.id, set);
  }

  get(id: string): RuleSet | undefined {
    return this.#sets.get(id);
  }

  list(): RuleSet[] {
    return [...this.#sets.values()].sort((a, b) => a.spec.id.localeCompare(b.spec.id));
  }
}

/**
 * Build a catalog from file contents keyed by path relative to rules/
 * ("national/resident-minimum.json"). All problems of all files are reported together.
 */
export function catalogFromFiles(files: Record<string, unknown>, registry: Registry): Catalog {
  const catalog = new Catalog(registry);
  const problems: InputProblem[] = [];
  for (const [rel, data] of Object.entries(files)) {
    if (NOT_RULE_SETS.has(rel) || !rel.endsWith('.json')) continue;
    try {
      catalog.add(loadRuleSet(data, `rules/${rel}`, registry, rel.slice(0, -'.json'.length)));
    } catch (err) {
      if (err instanceof InputError) problems.push(...err.problems);
      else throw err;
    }
  }
  if (problems.length) throw new InputError(problems);
  return catalog;
}
