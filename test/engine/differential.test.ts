/**
 * The direct condition evaluator must agree with json-rules-engine, the
 * reference: on every shipped rule set for every month 2018-2027, category,
 * aid status and tier; and on random condition trees.
 */
import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { evaluateCondition } from '../../src/engine/conditions.ts';
import { factValues, type Facts } from '../../src/engine/facts.ts';
import { matchFast, matchWithEngine } from '../../src/engine/match.ts';
import { resolveFast, resolveWithEngine } from '../../src/engine/index.ts';
import { loadCatalog } from '../../src/rules/catalog-node.ts';
import type { Condition } from '../../src/rules/types.ts';
import { stackOf } from '../helpers.ts';

const PERSONS: Pick<Facts, 'category' | 'aid'>[] = [
  { category: 'in-service', aid: 'none' },
  { category: 'retiree', aid: 'none' },
  { category: 'flexible', aid: 'none' },
  { category: 'resident', aid: 'none' },
  { category: 'resident', aid: 'tekun' },
  { category: 'resident', aid: 'dibao' },
  { category: 'resident', aid: 'fanpin' },
];
const TIERS = [undefined, 1, 2, 3] as const;

describe('fast evaluator against json-rules-engine', () => {
  it('matches the same rules and resolves the same values on every shipped rule set', async () => {
    const series = { avgMonthlyWage: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(2016 + i), String(6000 + 150 * i)])) };
    let compared = 0;
    for (const set of loadCatalog().list()) {
      // Rule sets about a person's retirement age are compared below, over birth months.
      if (set.spec.id.startsWith('national/retirement-age')) continue;
      const stack = stackOf(set.spec.id);
      for (let month = 2018 * 12; month < 2028 * 12; month++) {
        for (const person of PERSONS) {
          for (const regionTier of TIERS) {
            const facts: Facts = { month, ...person, regionTier };
            const slow = await matchWithEngine(stack, facts);
            const fast = matchFast(stack, facts);
            expect(fast.map((r) => r.key)).toEqual(slow.map((r) => r.key));
            compared++;
          }
        }
      }
      // and whole resolutions, on a sample of months
      for (const month of [2019 * 12 + 5, 2020 * 12 + 3, 2021 * 12 + 8, 2022 * 12 + 2, 2023 * 12]) {
        const facts: Facts = { month, category: 'resident', aid: 'dibao', regionTier: 2 };
        const a = await resolveWithEngine(stack, facts, { series });
        const b = resolveFast(stack, facts, { series });
        expect([...b.values].map(([k, v]) => [k, v.value.toString()])).toEqual([...a.values].map(([k, v]) => [k, v.value.toString()]));
      }
    }
    // 8 rule sets × 120 months × 7 persons × 4 tiers
    expect(compared).toBe(8 * 120 * 7 * 4);
  }, 60_000);

  it('matches the same retirement-age rule for every sex, former age group and birth month 1960-1990', async () => {
    let compared = 0;
    for (const id of ['national/retirement-age', 'national/retirement-age-pre-reform']) {
      const stack = stackOf(id);
      for (const [sex, formerRetirementAge] of [['male', undefined], ['female', 50], ['female', 55]] as const) {
        for (let born = 1960 * 12; born < 1991 * 12; born++) {
          const facts: Facts = { month: 2025 * 12, category: 'in-service', aid: 'none', sex, formerRetirementAge, birthMonth: Math.floor(born / 12) * 100 + (born % 12) + 1 };
          const slow = await matchWithEngine(stack, facts);
          const fast = matchFast(stack, facts);
          expect(fast.map((r) => r.key)).toEqual(slow.map((r) => r.key));
          expect(fast).toHaveLength(1);
          compared++;
        }
      }
    }
    expect(compared).toBe(2 * 3 * 31 * 12);
  }, 60_000);

  it('agrees on random condition trees', async () => {
    const leaf: fc.Arbitrary<Condition> = fc.oneof(
      fc.record({ fact: fc.constant('category' as const), operator: fc.constantFrom('equal' as const, 'notEqual' as const), value: fc.constantFrom('in-service', 'retiree', 'flexible', 'resident') }),
      fc.record({ fact: fc.constant('aid' as const), operator: fc.constantFrom('in' as const, 'notIn' as const), value: fc.subarray(['none', 'tekun', 'dibao', 'fanpin']) }),
      fc.record({ fact: fc.constant('regionTier' as const), operator: fc.constantFrom('equal' as const, 'notEqual' as const, 'lessThan' as const, 'greaterThanInclusive' as const), value: fc.constantFrom(1, 2, 3) }),
      fc.record({ fact: fc.constantFrom('month' as const, 'year' as const), operator: fc.constantFrom('lessThan' as const, 'lessThanInclusive' as const, 'greaterThan' as const, 'greaterThanInclusive' as const, 'equal' as const), value: fc.integer({ min: 2019, max: 2023 * 12 }) }),
    );
    const tree = fc.letrec<{ node: Condition }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
        fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
        fc.record({ not: tie('node') }),
      ),
    })).node;
    const factsArb = fc.record({
      month: fc.integer({ min: 2019 * 12, max: 2023 * 12 }),
      category: fc.constantFrom('in-service' as const, 'retiree' as const, 'flexible' as const, 'resident' as const),
      aid: fc.constantFrom('none' as const, 'tekun' as const, 'dibao' as const, 'fanpin' as const),
      regionTier: fc.constantFrom(undefined, 1 as const, 2 as const, 3 as const),
    });
    await fc.assert(
      fc.asyncProperty(tree, factsArb, async (condition, facts) => {
        // json-rules-engine wants an all/any/not at the top
        const top = 'fact' in condition ? { all: [condition] } : condition;
        const engine = new Engine([{ conditions: top as never, event: { type: 'hit' } }], { allowUndefinedFacts: true });
        const { events } = await engine.run(factValues(facts));
        expect(evaluateCondition(top, factValues(facts))).toBe(events.length === 1);
      }),
      { numRuns: 500 },
    );
  }, 60_000);

});
