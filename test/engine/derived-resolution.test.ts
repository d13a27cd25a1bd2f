/**
 * A state with one more literal override, derived from the state without it (the values that may differ
 * evaluated again in place, the rest kept), equals the state compiled with it from nothing: the same values
 * in the same order, the same problems, the same findings. Here on rule sets built so that the derivation's
 * conditions decide: a parameter early in the registry reads the overridden one, or the overridden one read
 * a parameter that comes after it. (The shipped rule sets are covered by test/model/kernel.property.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { composeStack } from '../../src/engine/stack.ts';
import { resolveParameters, type Override, type Resolution } from '../../src/engine/resolve.ts';
import { matchFast } from '../../src/engine/match.ts';
import type { Facts } from '../../src/engine/facts.ts';
import { loadRuleSet } from '../../src/rules/load.ts';
import { loadCatalog } from '../../src/rules/catalog-node.ts';
import { DerivedTimeline, PolicyTimeline } from '../../src/model/policy-timeline.ts';

const series = { avgMonthlyWage: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(2016 + i), String(6000 + 150 * i)])) };

/** Everything a state's resolution says, in order. */
function content(r: Resolution) {
  return {
    values: [...r.values.values()].map((v) => [v.name, String(v.value), v.provenance.path, v.inputs.map((i) => i.name)]),
    unavailable: [...r.unavailable.entries()].map(([k, p]) => [k, p.reason]),
    unset: [...r.unset],
    compliance: r.compliance.map((c) => [c.param, String(c.value), c.minimumParam, String(c.minimum)]),
  };
}

function stackWith(params: Record<string, unknown>) {
  const catalog = loadCatalog();
  const set = loadRuleSet(
    {
      id: 'test/reads',
      title: { zh: '测试', en: 'test' },
      jurisdiction: { level: 'city', name: 'test' },
      document: { title: 'generated' },
      precedence: 50,
      extends: ['national/resident-minimum', 'national/medical-aid'],
      // the aid subsidies' percentages set, so that what reads the standard has a value
      rules: [{ id: 'r', from: '2019-01', conditions: { all: [{ fact: 'category', operator: 'equal', value: 'resident' }] }, event: { type: 'set', params: { 'aid.dibao.minimumPercent': '50', 'aid.fanpin.minimumPercent': '30', ...params } }, source: { section: 'generated' } }],
    },
    'reads.json',
    catalog.registry,
  );
  return composeStack([set.spec.id], (id) => (id === set.spec.id ? set : catalog.get(id)), catalog.registry);
}

describe('a state derived with one more literal override', () => {
  const cases: [string, Record<string, unknown>, Override & { value: string }][] = [
    // resident.individual.minimum comes before resident.subsidy.standard in the registry, and reads it here
    ['a parameter early in the registry reads the overridden one', { 'resident.individual.minimum': { percentOf: { param: 'resident.subsidy.standard' }, percent: '50' } }, { param: 'resident.subsidy.standard', value: '700', from: '2021-01', file: 'test', path: '/overrides/0' }],
    // the overridden parameter read, before, one that comes after it in the registry
    ['the overridden parameter read one after it', { 'resident.individual.standard': { percentOf: { param: 'resident.subsidy.standard' }, percent: '60' } }, { param: 'resident.individual.standard', value: '455', from: '2021-01', file: 'test', path: '/overrides/0' }],
    // nothing out of turn: the standard read the minimum, before it; what reads the standard comes after it
    ['read in turn', {}, { param: 'resident.individual.standard', value: '455', from: '2021-01', file: 'test', path: '/overrides/0' }],
  ];
  it.each(cases)('equals the state compiled from nothing: %s', (_name, params, override) => {
    const stack = stackWith(params);
    const parent = new PolicyTimeline(stack, series, [], undefined);
    const derived = DerivedTimeline.of(parent, stack, series, override)!;
    const full = new PolicyTimeline(stack, series, [override], undefined);
    let compared = 0;
    for (let year = 2020; year <= 2026; year++) {
      for (const aid of ['none', 'tekun', 'dibao', 'fanpin'] as const) {
        // the parent's state met first (as the model meets it), then the derived one
        parent.at(year, 1, 'resident', aid);
        const d = derived.at(year, 1, 'resident', aid);
        const f = full.at(year, 1, 'resident', aid);
        expect(content(d), `${year} ${aid}`).toEqual(content(f));
        compared++;
      }
    }
    expect(compared).toBe(28);
    // and the override acts: the value in force from 2021 is the override's
    expect(String(derived.at(2022, 1, 'resident').values.get(override.param)!.value)).toBe(override.value);
  });

  it('equals the state resolved from nothing when the new override reads a parameter after it, or one that reads it back', () => {
    const stack = stackWith({});
    const facts: Facts = { month: 2022 * 12, category: 'resident', aid: 'none', regionTier: undefined };
    const rules = matchFast(stack, facts);
    const from = resolveParameters(stack, rules, facts, series);
    const o = (value: Override['value']): Override => ({ param: 'resident.individual.standard', value, from: '2021-01', file: 'test', path: '/overrides/0' });
    // the standard (before the subsidy standard in the registry) now reads the subsidy standard: met later than before
    const reads = [o({ percentOf: { param: 'resident.subsidy.standard' }, percent: '60' })];
    expect(content(resolveParameters(stack, rules, facts, series, reads, { from, changed: 'resident.individual.standard' }))).toEqual(content(resolveParameters(stack, rules, facts, series, reads)));
    // …with a rule where the subsidy standard reads the standard back: refused alike, naming the cycle
    const cyclic = stackWith({ 'resident.subsidy.standard': { param: 'resident.individual.standard' } });
    const cyclicRules = matchFast(cyclic, facts);
    const before = resolveParameters(cyclic, cyclicRules, facts, series);
    expect(() => resolveParameters(cyclic, cyclicRules, facts, series, reads)).toThrow(/depends on itself/);
    expect(() => resolveParameters(cyclic, cyclicRules, facts, series, reads, { from: before, changed: 'resident.individual.standard' })).toThrow(/depends on itself/);
  });
});
