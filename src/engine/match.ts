/**
 * Which rules of a stack apply to a set of facts. json-rules-engine is the
 * reference evaluator; `matchFast` evaluates the same condition trees
 * directly and synchronously, and is tested against it.
 */
import { Engine } from 'json-rules-engine';
import { periodContains } from '../common/period.ts';
import { evaluateCondition } from './conditions.ts';
import { factValues, type Facts } from './facts.ts';
import type { CompiledRule, PolicyStack } from './stack.ts';

const engines = new WeakMap<PolicyStack, Map<number, Engine>>();

/**
 * The engine for one month holds the rules whose period contains it (the rest
 * cannot match: their period is among their conditions), so a stack of 24,000
 * monthly rules runs a handful, not all of them, for each month asked.
 */
function engineFor(stack: PolicyStack, month: number): Engine {
  let byMonth = engines.get(stack);
  if (!byMonth) engines.set(stack, (byMonth = new Map()));
  let engine = byMonth.get(month);
  if (!engine) {
    engine = new Engine([], { allowUndefinedFacts: true });
    stack.rules.forEach((rule, i) => {
      if (!periodContains(rule.period, month)) return;
      engine!.addRule({
        name: rule.key,
        conditions: rule.conditions as never,
        // The event carries the rule's position so the match maps back to it.
        event: { type: 'set', params: { rule: i } },
      });
    });
    byMonth.set(month, engine);
  }
  return engine;
}

export async function matchWithEngine(stack: PolicyStack, facts: Facts): Promise<CompiledRule[]> {
  const { events } = await engineFor(stack, facts.month).run(factValues(facts));
  return events
    .map((e) => (e.params as { rule: number }).rule)
    .sort((a, b) => a - b)
    .map((i) => stack.rules[i]!);
}

export function matchFast(stack: PolicyStack, facts: Facts): CompiledRule[] {
  const values = factValues(facts);
  return stack.rules.filter((rule) => evaluateCondition(rule.conditions, values));
}
