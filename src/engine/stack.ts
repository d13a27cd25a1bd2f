/**
 * A policy stack: the rule sets in force for one jurisdiction, a regional
 * notice on top of the national minimums it extends. Each rule is compiled
 * once into a json-rules-engine rule whose conditions include its period.
 */
import { InputError, pointer, type InputProblem } from '../common/errors.ts';
import { formatMonth, overlappingPairs, periodSpan, type Period, type PeriodSpan } from '../common/period.ts';
import type { Registry } from '../rules/registry.ts';
import { rulePeriod } from '../rules/load.ts';
import type { Condition, RuleSet, RuleSpec } from '../rules/types.ts';
import { provablyDisjoint } from './conditions.ts';

export interface CompiledRule {
  /** Unique within the stack: "<rule-set id>#<rule id>". */
  key: string;
  ruleSet: RuleSet;
  index: number;
  spec: RuleSpec;
  period: Period;
  precedence: number;
  /** The rule's own conditions plus its period, as json-rules-engine conditions. */
  conditions: { all: Condition[] };
}

export interface PolicyStack {
  registry: Registry;
  /** From the most general (lowest precedence) to the most specific. */
  ruleSets: RuleSet[];
  rules: CompiledRule[];
}

export type RuleSetLookup = (id: string) => RuleSet | undefined;

/** Compose the stack for `rootIds` and everything they extend, checking the precedence order. */
export function composeStack(rootIds: string[], lookup: RuleSetLookup, registry: Registry): PolicyStack {
  const ordered: RuleSet[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const problems: InputProblem[] = [];

  const visit = (id: string, from?: { file: string; path: string }) => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      problems.push({ file: from?.file ?? id, path: from?.path ?? '', reason: `rule set "${id}" extends itself through a cycle` });
      return;
    }
    const set = lookup(id);
    if (!set) {
      problems.push({ file: from?.file ?? 'rules', path: from?.path ?? '', reason: `no rule set with id "${id}"` });
      return;
    }
    state.set(id, 'visiting');
    (set.spec.extends ?? []).forEach((parentId, i) => {
      visit(parentId, { file: set.file, path: set.at + pointer('extends', i) });
      const parent = lookup(parentId);
      if (parent && parent.spec.precedence >= set.spec.precedence) {
        problems.push({
          file: set.file,
          path: set.at + '/precedence',
          reason: `precedence ${set.spec.precedence} must be above that of "${parentId}" (${parent.spec.precedence}), which it extends`,
        });
      }
    });
    state.set(id, 'done');
    ordered.push(set);
  };
  rootIds.forEach((id) => visit(id));
  if (problems.length) throw new InputError(problems);

  ordered.sort((a, b) => a.spec.precedence - b.spec.precedence);
  const rules = ordered.flatMap((set) => set.spec.rules.map((spec, index) => compileRule(set, spec, index)));
  problems.push(...samePrecedenceConflicts(rules));
  if (problems.length) throw new InputError(problems);
  return { registry, ruleSets: ordered, rules };
}

/** One number orders all rules of a stack: the rule set's precedence first, then the rule's priority within it. */
export function rulePrecedence(setPrecedence: number, priority = 0): number {
  return setPrecedence * 1000 + priority;
}

function compileRule(ruleSet: RuleSet, spec: RuleSpec, index: number): CompiledRule {
  const period = rulePeriod(spec);
  const all: Condition[] = [];
  // Always at least one condition: json-rules-engine needs a non-empty tree.
  all.push({ fact: 'month', operator: 'greaterThanInclusive', value: period.from ?? 0 });
  if (period.until !== undefined) all.push({ fact: 'month', operator: 'lessThanInclusive', value: period.until });
  if (spec.conditions) all.push(spec.conditions);
  return {
    key: `${ruleSet.spec.id}#${spec.id}`,
    ruleSet,
    index,
    spec,
    period,
    precedence: rulePrecedence(ruleSet.spec.precedence, spec.priority),
    conditions: { all },
  };
}

/** Rules of different sets with equal precedence that may both set a parameter (within one set, loading already refused it). */
function samePrecedenceConflicts(rules: CompiledRule[]): InputProblem[] {
  const found: { order: [number, number]; problem: InputProblem }[] = [];
  const byParam = new Map<string, PeriodSpan<CompiledRule>[]>();
  rules.forEach((rule, i) => {
    for (const name of Object.keys(rule.spec.event.params)) {
      const span = periodSpan(rule, i, rule.period);
      const list = byParam.get(name);
      if (list) list.push(span);
      else byParam.set(name, [span]);
    }
  });
  for (const [name, spans] of byParam) {
    overlappingPairs(spans, spans, ({ item: a, i }, { item: b, i: j }) => {
      if (a.ruleSet === b.ruleSet || a.precedence !== b.precedence || provablyDisjoint(a.spec.conditions, b.spec.conditions)) return;
      found.push({
        order: [i, j],
        problem: {
          file: b.ruleSet.file,
          path: b.ruleSet.at + pointer('rules', b.index, 'event', 'params', name),
          reason: `sets ${name} from ${b.period.from === undefined ? 'the start' : formatMonth(b.period.from)} with precedence ${b.precedence}, as does rule "${a.spec.id}" of "${a.ruleSet.spec.id}"; give one rule set a higher precedence`,
        },
      });
    });
  }
  return found.sort((x, y) => x.order[0] - y.order[0] || x.order[1] - y.order[1]).map((f) => f.problem);
}
