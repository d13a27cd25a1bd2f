/**
 * Which rules of a stack apply to a set of facts. json-rules-engine is the
 * reference evaluator; `matchFast` evaluates the same condition trees
 * directly and synchronously, and is tested against it.
 */
import { Engine } from 'json-rules-engine';
import { evaluateCondition } from './conditions.ts';
import { factValues, type Facts } from './facts.ts';
import type { CompiledRule, PolicyStack } from './stack.ts';

const engines = new WeakMap<PolicyStack, Engine>();

function engineFor(stack: PolicyStack): Engine {
  let engine = engines.get(stack);
  if (!engine) {
    engine = new Engine([], { allowUndefinedFacts: true });
    stack.rules.forEach((rule, i) => {
      engine!.addRule({
        name: rule.key,
        conditions: rule.conditions as never,
        // The event carries the rule's position so the match maps back to it.
        event: { type: 'set', params: { rule: i } },
      });
    });
    engines.set(stack, engine);
  }
  return engine;
}

export async function matchWithEngine(stack: PolicyStack, facts: Facts): Promise<CompiledRule[]> {
  const { events } = await engineFor(stack).run(factValues(facts));
  return events
    .map((e) => stack.rules[(e.params as { rule: number }).rule]!)
    .sort((a, b) => stack.rules.indexOf(a) - stack.rules.indexOf(b));
}

export function matchFast(stack: PolicyStack, facts: Facts): CompiledRule[] {
  const values = factValues(facts);
  return stack.rules.filter((rule) => evaluateCondition(rule.conditions, values));
}
