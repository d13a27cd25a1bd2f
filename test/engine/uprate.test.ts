import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/common/errors.ts';
import { parseMonth } from '../../src/common/period.ts';
import { composeStack, resolveWithEngine } from '../../src/engine/index.ts';
import { upratings } from '../../src/engine/uprate.ts';
import { Catalog } from '../../src/rules/catalog.ts';
import { loadCatalog } from '../../src/rules/catalog-node.ts';
import { loadRuleSet } from '../../src/rules/load.ts';
import type { RuleSetSpec } from '../../src/rules/types.ts';
import { resolve, s } from '../helpers.ts';

const shipped = loadCatalog();

function ruleSet(uprate: unknown, extra: Partial<RuleSetSpec['rules'][number]> = {}): RuleSetSpec {
  return {
    id: 'test/uprate',
    title: { zh: '测试', en: 'test' },
    jurisdiction: { level: 'city', name: '测试' },
    document: { title: 'test' },
    precedence: 10,
    rules: [
      { id: 'standard-2025', from: '2025-01', event: { type: 'set', params: { 'resident.individual.standard': '700' } }, source: { section: 'test' }, uprate: uprate as never, ...extra },
    ],
  } as RuleSetSpec;
}

async function standardIn(spec: RuleSetSpec, month: string, series = {}) {
  const catalog = new Catalog(shipped.registry);
  catalog.add(loadRuleSet(spec, 'test.json', shipped.registry));
  const stack = composeStack(['test/uprate'], (x) => catalog.get(x), catalog.registry);
  const res = await resolveWithEngine(stack, { month: parseMonth(month)!, category: 'resident', aid: 'none' }, { series });
  return res.values.get('resident.individual.standard')!;
}

describe('uprating past the last dated value', () => {
  it('+30 a year gives 730 in 2026 after 700 in 2025, and 850 in 2030', async () => {
    const spec = ruleSet({ 'resident.individual.standard': { how: 'amount', perYear: '30', note: 'test pace' } });
    expect(s((await standardIn(spec, '2025-12')).value)).toBe('700');
    const v2026 = await standardIn(spec, '2026-01');
    expect(s(v2026.value)).toBe('730');
    expect(v2026.uprated).toMatchObject({ how: 'amount', years: 1, note: 'test pace' });
    expect(s((await standardIn(spec, '2030-06')).value)).toBe('850'); // 700 + 5 × 30
  });

  it('+5% a year compounds: 700 × 1.05² = 771.75 in 2027', async () => {
    const spec = ruleSet({ 'resident.individual.standard': { how: 'percent', perYear: '5', note: 'x' } });
    expect(s((await standardIn(spec, '2027-01')).value)).toBe('771.75');
  });

  it('linked to the average wage: 700 × 9450 / 9000 = 735 in 2026', async () => {
    const spec = ruleSet({ 'resident.individual.standard': { how: 'series', series: 'avgMonthlyWage', note: 'x' } });
    expect(s((await standardIn(spec, '2026-01', { avgMonthlyWage: { '2025': '9000', '2026': '9450' } })).value)).toBe('735');
  });

  it('refuses uprating on a rule with an end month, or of a parameter the rule does not set', () => {
    const bounded = ruleSet({ 'resident.individual.standard': { how: 'amount', perYear: '30', note: 'x' } }, { until: '2025-12' });
    expect(() => loadRuleSet(bounded, 'test.json', shipped.registry)).toThrow(/only an open-ended rule is uprated/);
    const other = ruleSet({ 'resident.subsidy.standard': { how: 'amount', perYear: '30', note: 'x' } });
    try {
      loadRuleSet(other, 'test.json', shipped.registry);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).problems[0]).toMatchObject({ file: 'test.json', path: '/rules/0/uprate/resident.subsidy.standard' });
    }
  });

  it('the national minimums rise at their recent pace, labelled as an assumption: 2027 is 760 + 440', async () => {
    // national-standards.md: subsidy 580 (2021) → 700 (2025), +30 a year; individual 320 → 400, +20 a year
    const r = await resolve({ rules: 'national/resident-minimum', date: '2027-03', category: 'resident' });
    expect(s(r.values.get('resident.subsidy.minimum')!.value)).toBe('760');
    expect(s(r.values.get('resident.individual.minimum')!.value)).toBe('440');
    expect(r.values.get('resident.individual.minimum')!.uprated?.note).toMatch(/^ASSUMPTION/);
    const list = upratings(composeStack(['national/resident-minimum'], (x) => shipped.get(x), shipped.registry));
    expect(list.map((u) => `${u.param} ${u.how} ${u.perYear}`)).toEqual(['resident.subsidy.minimum amount 30', 'resident.individual.minimum amount 20']);
  });
});
