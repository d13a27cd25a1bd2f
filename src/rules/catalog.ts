/**
 * The rule sets known to the program, keyed by id. An id is the file's path
 * under rules/ without ".json" ("inner-mongolia/resident-2022"), so a
 * reference in `extends` or a scenario finds its file without a table.
 */
import { InputError, localizedProblem, type InputProblem } from '../common/errors.ts';
import { canonicalJson } from '../common/canonical-json.ts';
import { message } from '../common/messages.ts';
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

  /**
   * Add a rule set of the user's (a --rules file, a scenario's ruleSets): reusing
   * the id of one already here is refused, unless it says it replaces a shipped one.
   */
  addOwn(set: RuleSet): void {
    const existing = this.#sets.get(set.spec.id);
    if (existing && existing.file === set.file) {
      throw new InputError([localizedProblem(set.file, set.at + '/id', message('ruleSet.idTwice', { id: set.spec.id, other: existing.at || '/' }))]);
    }
    // A verbatim copy of a shipped rule set (a saved scenario carrying its rules) is the same rule set, not a reuse.
    if (existing && !set.spec.replaces && canonicalJson(existing.spec) !== canonicalJson(set.spec)) throw new InputError([localizedProblem(set.file, set.at + '/id', message('ruleSet.reusesBuiltIn', { id: set.spec.id }))]);
    this.#sets.set(set.spec.id, set);
  }

  /** A catalog with the same rule sets, to which a calculation or scenario adds its own without touching this one. */
  copy(): Catalog {
    const out = new Catalog(this.registry);
    for (const set of this.#sets.values()) out.add(set);
    return out;
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
