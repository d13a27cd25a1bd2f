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
import { composeStack } from '../../src/engine/stack.ts';
import { resolveParameters, type Override, type Resolution } from '../../src/engine/resolve.ts';
import { loadRuleSet } from '../../src/rules/load.ts';
import { PolicyTimeline } from '../../src/model/policy-timeline.ts';
import { formatMonth } from '../../src/common/period.ts';

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

/** Random condition trees over the enumerated facts and one test of time (`timeLeaf`). */
function conditionTree(timeLeaf: fc.Arbitrary<Condition>): fc.Arbitrary<Condition> {
  const leaf: fc.Arbitrary<Condition> = fc.oneof(
    fc.record({ fact: fc.constant('category' as const), operator: fc.constantFrom('equal' as const, 'notEqual' as const), value: fc.constantFrom('in-service', 'retiree', 'flexible', 'resident') }),
    fc.record({ fact: fc.constant('aid' as const), operator: fc.constantFrom('in' as const, 'notIn' as const), value: fc.subarray(['none', 'tekun', 'dibao', 'fanpin'], { minLength: 1 }) }),
    fc.record({ fact: fc.constant('regionTier' as const), operator: fc.constantFrom('equal' as const, 'notEqual' as const, 'lessThan' as const, 'greaterThanInclusive' as const), value: fc.constantFrom(1, 2, 3) }),
    timeLeaf,
  );
  return fc.letrec<{ node: Condition }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ not: tie('node') }),
    ),
  })).node;
}

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
    const tree = conditionTree(
      fc.record({ fact: fc.constantFrom('month' as const, 'year' as const), operator: fc.constantFrom('lessThan' as const, 'lessThanInclusive' as const, 'greaterThan' as const, 'greaterThanInclusive' as const, 'equal' as const), value: fc.integer({ min: 2019, max: 2023 * 12 }) }),
    );
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

/** Everything a resolution says, as plain data: values with their origin, what is unset, what cannot be computed. */
function summary(r: Resolution) {
  return {
    values: [...r.values].map(([k, v]) => [k, v.value.toString(), v.provenance.kind === 'rule' ? v.provenance.rule : v.provenance.kind]),
    unset: [...r.unset].sort(),
    unavailable: [...r.unavailable.keys()].sort(),
    compliance: r.compliance.map((c) => `${c.param}<${c.minimumParam}`),
  };
}

describe('the compiled policy timeline against json-rules-engine', () => {
  const series = { avgMonthlyWage: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(2016 + i), String(6000 + 150 * i)])) };

  it('gives the values json-rules-engine resolves, month by month, on every shipped rule set (with overrides)', async () => {
    const overrides: Override[] = [
      { param: 'resident.individual.standard', value: '400', from: '2021-07', until: '2024-06', file: 'o.json', path: '/overrides/0' },
      { param: 'employee.rate.employer', value: '5.5', from: '2022-01', file: 'o.json', path: '/overrides/1' },
    ];
    let compared = 0;
    for (const set of loadCatalog().list()) {
      // Rule sets about a person's retirement age are compared above, over birth months.
      if (set.spec.id.startsWith('national/retirement-age')) continue;
      const stack = stackOf(set.spec.id);
      for (const regionTier of TIERS) {
        const tl = new PolicyTimeline(stack, series, overrides, regionTier);
        for (let month = 2018 * 12; month < 2028 * 12; month++) {
          for (const person of PERSONS) {
            const facts: Facts = { month, ...person, regionTier };
            const reference = resolveParameters(stack, await matchWithEngine(stack, facts), facts, series, overrides);
            expect(summary(tl.stateAt(person, month).resolution), `${set.spec.id} ${formatMonth(month)} ${person.category} ${person.aid} tier ${regionTier}`).toEqual(summary(reference));
            compared++;
          }
        }
        // Each distinct state was resolved once: far fewer resolutions than months × persons.
        expect(tl.resolutions).toBeLessThan(120 * PERSONS.length);
      }
    }
    expect(compared).toBe(8 * 120 * 7 * 4);
  }, 120_000);

  it('gives a parameter as float64 month by month, NaN where nothing sets it', async () => {
    const stack = stackOf('city/medical-maternity-2021');
    const tl = new PolicyTimeline(stack, series, [], undefined);
    const from = 2021 * 12;
    const floor = tl.numbers({ category: 'in-service', aid: 'none' }, 'employee.base.floor', from, from + 35);
    for (let i = 0; i < 36; i++) {
      const facts: Facts = { month: from + i, category: 'in-service', aid: 'none' };
      const v = resolveParameters(stack, await matchWithEngine(stack, facts), facts, series).values.get('employee.base.floor');
      expect(floor[i]).toBe(v ? Number(v.value.toString()) : Number.NaN);
    }
    // From 2022-03 the city's floor is 60% of the average wage two years before: in 2022, 60% × 6600 (2020's, 6000 + 4 × 150) = 3960 元/月.
    expect(floor[14]).toBe(3960);
    // Xinjiang sets no resident standard: NaN every month.
    const xj = new PolicyTimeline(stackOf('xinjiang/employee-2020'), series, [], undefined);
    expect([...xj.numbers({ category: 'resident', aid: 'none' }, 'resident.individual.standard', from, from + 11)].every(Number.isNaN)).toBe(true);
  });

  it('agrees on rule sets of random condition trees, periods and priorities', async () => {
    const catalog = loadCatalog();
    // Rule sets test the year, not the month (their periods say the months).
    const tree = conditionTree(
      fc.record({ fact: fc.constant('year' as const), operator: fc.constantFrom('lessThan' as const, 'lessThanInclusive' as const, 'greaterThan' as const, 'greaterThanInclusive' as const, 'equal' as const), value: fc.integer({ min: 2019, max: 2023 }) }),
    );
    const month = fc.integer({ min: 2019 * 12, max: 2023 * 12 + 11 }).map(formatMonth);
    const rule = fc.record({ conditions: tree, from: fc.option(month, { nil: undefined }), standard: fc.integer({ min: 200, max: 600 }), ratio: fc.option(fc.integer({ min: 50, max: 90 }), { nil: undefined }) });
    const person = fc.record({ category: fc.constantFrom('in-service' as const, 'retiree' as const, 'flexible' as const, 'resident' as const), aid: fc.constantFrom('none' as const, 'tekun' as const, 'dibao' as const, 'fanpin' as const) });
    await fc.assert(
      fc.asyncProperty(fc.array(rule, { minLength: 1, maxLength: 5 }), person, fc.constantFrom(undefined, 1 as const, 2 as const, 3 as const), async (rules, who, regionTier) => {
        const spec = {
          id: 'random/rules',
          title: { zh: '随机规则', en: 'random rules' },
          jurisdiction: { level: 'city', name: 'test' },
          document: { title: 'generated' },
          precedence: 50,
          extends: ['national/fund-warning'],
          rules: rules.map((r, i) => ({
            id: `r${i}`,
            ...(r.from ? { from: r.from } : {}),
            priority: i,
            conditions: 'fact' in r.conditions ? { all: [r.conditions] } : r.conditions,
            event: { type: 'set', params: { 'resident.individual.standard': String(r.standard), ...(r.ratio ? { 'resident.inpatient.reimbursementRatio': String(r.ratio) } : {}) } },
            source: { section: 'generated' },
          })),
        };
        const set = loadRuleSet(spec, 'random.json', catalog.registry);
        const stack = composeStack([set.spec.id], (id) => (id === set.spec.id ? set : catalog.get(id)), catalog.registry);
        const tl = new PolicyTimeline(stack, series, [], regionTier);
        for (let m = 2019 * 12; m < 2024 * 12; m++) {
          const facts: Facts = { month: m, ...who, regionTier };
          const reference = resolveParameters(stack, await matchWithEngine(stack, facts), facts, series);
          expect(summary(tl.stateAt(who, m).resolution)).toEqual(summary(reference));
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
