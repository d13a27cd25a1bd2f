/**
 * A direct evaluator of json-rules-engine condition trees over plain facts.
 * json-rules-engine is the reference; this one is synchronous and about a
 * hundred times faster, for projections that resolve parameters for every
 * month, category and tier. test/engine/differential.test.ts shows both
 * agree on every rule set in rules/.
 */
import type { Condition } from '../rules/types.ts';

export function evaluateCondition(c: Condition, facts: Record<string, unknown>): boolean {
  if ('all' in c) return c.all.every((x) => evaluateCondition(x, facts));
  if ('any' in c) return c.any.some((x) => evaluateCondition(x, facts));
  if ('not' in c) return !evaluateCondition(c.not, facts);
  const actual = facts[c.fact];
  const expected = c.value;
  switch (c.operator) {
    case 'equal':
      return actual === expected;
    case 'notEqual':
      return actual !== expected;
    case 'in':
      return Array.isArray(expected) && expected.includes(actual);
    case 'notIn':
      return Array.isArray(expected) && !expected.includes(actual);
    // json-rules-engine's numeric operators are false unless both sides are numbers.
    case 'lessThan':
      return isNum(actual) && isNum(expected) && actual < expected;
    case 'lessThanInclusive':
      return isNum(actual) && isNum(expected) && actual <= expected;
    case 'greaterThan':
      return isNum(actual) && isNum(expected) && actual > expected;
    case 'greaterThanInclusive':
      return isNum(actual) && isNum(expected) && actual >= expected;
  }
}

function isNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * The values a condition allows for each enumerated fact, where that can be
 * read off without solving it (a top-level `all` of `equal`/`in`). Used to
 * prove two rules can never both apply.
 */
export function allowedValues(c: Condition | undefined): Map<string, Set<unknown>> {
  const out = new Map<string, Set<unknown>>();
  if (!c) return out;
  const parts = 'all' in c ? c.all : [c];
  for (const p of parts) {
    if (!('fact' in p)) continue;
    let values: unknown[] | undefined;
    if (p.operator === 'equal') values = [p.value];
    else if (p.operator === 'in' && Array.isArray(p.value)) values = p.value;
    if (!values) continue;
    const prev = out.get(p.fact);
    const next = new Set(values.filter((v) => !prev || prev.has(v)));
    out.set(p.fact, next);
  }
  return out;
}

/**
 * The range a condition allows for each numeric fact, where a top-level `all`
 * bounds it (birthMonth ≥ 196501 and < 196505): [low, high], inclusive.
 */
export function allowedRanges(c: Condition | undefined): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  if (!c) return out;
  const parts = 'all' in c ? c.all : [c];
  for (const p of parts) {
    if (!('fact' in p) || typeof p.value !== 'number') continue;
    const [lo, hi] = out.get(p.fact) ?? [-Infinity, Infinity];
    const v = p.value;
    // Facts compared this way are integers (months, years, birth months), so < v is ≤ v - 1.
    if (p.operator === 'greaterThanInclusive') out.set(p.fact, [Math.max(lo, v), hi]);
    else if (p.operator === 'greaterThan') out.set(p.fact, [Math.max(lo, v + 1), hi]);
    else if (p.operator === 'lessThanInclusive') out.set(p.fact, [lo, Math.min(hi, v)]);
    else if (p.operator === 'lessThan') out.set(p.fact, [lo, Math.min(hi, v - 1)]);
    else if (p.operator === 'equal') out.set(p.fact, [Math.max(lo, v), Math.min(hi, v)]);
  }
  return out;
}

export function provablyDisjoint(a: Condition | undefined, b: Condition | undefined): boolean {
  const av = allowedValues(a);
  const bv = allowedValues(b);
  for (const [fact, aset] of av) {
    const bset = bv.get(fact);
    if (bset && ![...aset].some((v) => bset.has(v))) return true;
  }
  const ar = allowedRanges(a);
  const br = allowedRanges(b);
  for (const [fact, [alo, ahi]] of ar) {
    const r = br.get(fact);
    if (r && (ahi < r[0] || r[1] < alo)) return true;
  }
  return false;
}
