import { describe, expect, it } from 'vitest';
import { InputError, type InputProblem } from '../../src/common/errors.ts';
import { parseMonth } from '../../src/common/period.ts';
import { parseJson } from '../../src/common/schema.ts';
import { composeStack, resolveFast } from '../../src/engine/index.ts';
import { Catalog } from '../../src/rules/catalog.ts';
import { loadCatalog } from '../../src/rules/catalog-node.ts';
import { loadRuleSet } from '../../src/rules/load.ts';
import { defaultRegistry, loadRegistry } from '../../src/rules/registry.ts';
import type { RuleSetSpec } from '../../src/rules/types.ts';

const registry = defaultRegistry();

function ruleSet(overrides: Partial<RuleSetSpec> & Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'test/sample',
    title: { zh: '测试', en: 'Test' },
    jurisdiction: { level: 'city', name: '测试市' },
    document: { title: 'test document' },
    precedence: 10,
    rules: [
      { id: 'base', from: '2021-01', event: { type: 'set', params: { 'employee.base.floor': '4000', 'employee.base.ceiling': '20000' } }, source: { section: '一' } },
    ],
    ...overrides,
  };
}

function problemsOf(fn: () => unknown): InputProblem[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  throw new Error('expected an InputError');
}

const load = (data: unknown) => loadRuleSet(data, 'rules/test/sample.json', registry, 'test/sample');

describe('rule-set refusals name the file, the JSON path and the reason', () => {
  it('accepts the valid sample', () => {
    expect(load(ruleSet()).spec.rules).toHaveLength(1);
  });

  it('malformed JSON, with line and column', () => {
    const [p] = problemsOf(() => parseJson('{\n  "id": "x",\n  oops\n}', 'rules/bad.json'));
    expect(p!.file).toBe('rules/bad.json');
    expect(p!.reason).toMatch(/not valid JSON \(line 3, column 3\)/);
  });

  it('an unknown key is an error, not ignored', () => {
    const data = ruleSet();
    (data.rules as Record<string, unknown>[])[0]!.priorty = 2;
    const [p] = problemsOf(() => load(data));
    expect(p).toEqual({ file: 'rules/test/sample.json', path: '/rules/0', reason: 'unknown key "priorty"' });
  });

  it('an unknown parameter name, with a suggestion', () => {
    const data = ruleSet({ rules: [{ id: 'x', event: { type: 'set', params: { 'employee.base.flor': '1' } }, source: { section: '一' } }] } as never);
    const [p] = problemsOf(() => load(data));
    expect(p!.path).toBe('/rules/0/event/params/employee.base.flor');
    expect(p!.reason).toBe('unknown parameter "employee.base.flor" (did you mean "employee.base.floor"?)');
  });

  it('an unknown parameter inside an expression', () => {
    const data = ruleSet({ rules: [{ id: 'x', event: { type: 'set', params: { 'employee.base.floor': { percentOf: { param: 'wage.average' }, percent: '60' } } }, source: { section: '一' } }] } as never);
    const [p] = problemsOf(() => load(data));
    expect(p!.path).toBe('/rules/0/event/params/employee.base.floor/percentOf/param');
    expect(p!.reason).toContain('unknown parameter "wage.average"');
  });

  it('a floor above its ceiling', () => {
    const data = ruleSet({ rules: [{ id: 'x', event: { type: 'set', params: { 'employee.base.floor': '20000', 'employee.base.ceiling': '5000' } }, source: { section: '一' } }] } as never);
    const [p] = problemsOf(() => load(data));
    expect(p!.path).toBe('/rules/0/event/params/employee.base.floor');
    expect(p!.reason).toBe('employee.base.floor 20000 is above employee.base.ceiling 5000 (set at /rules/0/event/params/employee.base.ceiling) in the same period');
  });

  it('a floor above a ceiling set by another rule of an overlapping period', () => {
    const data = ruleSet({
      rules: [
        { id: 'floor', from: '2021-01', event: { type: 'set', params: { 'employee.base.floor': '20000' } }, source: { section: '一' } },
        { id: 'ceiling', from: '2021-06', event: { type: 'set', params: { 'employee.base.ceiling': '19002' } }, source: { section: '一' } },
      ],
    } as never);
    const [p] = problemsOf(() => load(data));
    expect(p!.path).toBe('/rules/0/event/params/employee.base.floor');
  });

  it.each([['120'], ['-1']])('a percentage outside 0-100 (%s)', (v) => {
    const data = ruleSet({ rules: [{ id: 'x', event: { type: 'set', params: { 'employee.rate.employer': v } }, source: { section: '一' } }] } as never);
    const [p] = problemsOf(() => load(data));
    expect(p!.path).toBe('/rules/0/event/params/employee.rate.employer');
    expect(p!.reason).toBe(`employee.rate.employer is a percentage and must be between 0 and 100, not ${v}`);
  });

  it('a number written as a JSON number (floats lose fen)', () => {
    const data = ruleSet({ rules: [{ id: 'x', event: { type: 'set', params: { 'employee.rate.employer': 6.2 } }, source: { section: '一' } }] } as never);
    const problems = problemsOf(() => load(data));
    expect(problems[0]!.path).toBe('/rules/0/event/params/employee.rate.employer');
  });

  it('overlapping periods setting the same parameter with the same precedence', () => {
    const data = ruleSet({
      rules: [
        { id: 'a', from: '2021-01', until: '2021-12', event: { type: 'set', params: { 'employee.rate.employer': '6' } }, source: { section: '一' } },
        { id: 'b', from: '2021-07', event: { type: 'set', params: { 'employee.rate.employer': '5' } }, source: { section: '一' } },
      ],
    } as never);
    const [p] = problemsOf(() => load(data));
    expect(p!.path).toBe('/rules/1/event/params/employee.rate.employer');
    expect(p!.reason).toContain('rules "a" (/rules/0) and "b" both set employee.rate.employer for overlapping periods');
  });

  it('allows the overlap when conditions are disjoint or a priority decides', () => {
    const data = ruleSet({
      rules: [
        { id: 'a', event: { type: 'set', params: { 'employee.rate.employer': '6' } }, source: { section: '一' } },
        { id: 'cut', from: '2020-02', until: '2020-06', priority: 1, event: { type: 'set', params: { 'employee.rate.employer': '3' } }, source: { section: '一' } },
        { id: 't1', conditions: { all: [{ fact: 'regionTier', operator: 'equal', value: 1 }] }, event: { type: 'set', params: { 'resident.subsidy.regionShareOfRest': '30' } }, source: { section: '一' } },
        { id: 't2', conditions: { all: [{ fact: 'regionTier', operator: 'in', value: [2, 3] }] }, event: { type: 'set', params: { 'resident.subsidy.regionShareOfRest': '50' } }, source: { section: '一' } },
      ],
    } as never);
    expect(load(data).spec.rules).toHaveLength(4);
  });

  it('a period that ends before it starts, and a month that does not exist', () => {
    const bad = ruleSet({ rules: [{ id: 'x', from: '2021-07', until: '2021-06', event: { type: 'set', params: { 'employee.rate.employer': '6' } }, source: { section: '一' } }] } as never);
    expect(problemsOf(() => load(bad))[0]!.path).toBe('/rules/0/until');
    const month13 = ruleSet({ rules: [{ id: 'x', from: '2021-13', event: { type: 'set', params: { 'employee.rate.employer': '6' } }, source: { section: '一' } }] } as never);
    expect(problemsOf(() => load(month13))[0]!.path).toBe('/rules/0/from');
  });

  it('a condition on a category that does not exist', () => {
    const data = ruleSet({ rules: [{ id: 'x', conditions: { all: [{ fact: 'category', operator: 'equal', value: 'inservice' }] }, event: { type: 'set', params: { 'employee.rate.employer': '6' } }, source: { section: '一' } }] } as never);
    const [p] = problemsOf(() => load(data));
    expect(p!.path).toBe('/rules/0/conditions/all/0/value');
    expect(p!.reason).toContain('"inservice" is not a category');
  });

  it('a method parameter given a number, and a number parameter given a name', () => {
    const data = ruleSet({ rules: [{ id: 'x', event: { type: 'set', params: { 'employee.monthsPayable.method': '3', 'employee.rate.employer': 'six' } }, source: { section: '一' } }] } as never);
    const paths = problemsOf(() => load(data)).map((p) => p.path);
    expect(paths).toEqual(['/rules/0/event/params/employee.monthsPayable.method', '/rules/0/event/params/employee.rate.employer']);
  });

  it('an id that does not match the file', () => {
    const [p] = problemsOf(() => loadRuleSet(ruleSet(), 'rules/other.json', registry, 'other'));
    expect(p).toMatchObject({ file: 'rules/other.json', path: '/id' });
  });

  it('every problem is reported, not only the first', () => {
    const data = ruleSet({
      rules: [
        { id: 'x', event: { type: 'set', params: { 'employee.rate.employer': '101', 'no.such': '1' } }, source: { section: '一' } },
      ],
    } as never);
    expect(problemsOf(() => load(data))).toHaveLength(2);
  });
});

describe('stack and resolution refusals', () => {
  function catalogWith(...specs: Record<string, unknown>[]) {
    const c = new Catalog(registry);
    for (const spec of specs) c.add(loadRuleSet(spec, `rules/${spec.id}.json`, registry));
    return c;
  }

  it('extends a rule set that does not exist', () => {
    const c = catalogWith(ruleSet({ extends: ['national/nope'] }));
    const [p] = problemsOf(() => composeStack(['test/sample'], (id) => c.get(id), registry));
    expect(p).toEqual({ file: 'rules/test/sample.json', path: '/extends/0', reason: 'no rule set with id "national/nope"' });
  });

  it('a precedence not above the rule set it extends', () => {
    const c = catalogWith(ruleSet({ id: 'test/base', precedence: 10 }), ruleSet({ extends: ['test/base'], precedence: 10 }));
    const [p] = problemsOf(() => composeStack(['test/sample'], (id) => c.get(id), registry));
    expect(p!.path).toBe('/precedence');
  });

  it('two rule sets with equal precedence setting the same parameter', () => {
    const c = catalogWith(ruleSet({ id: 'test/a' }), ruleSet({ id: 'test/b' }));
    const problems = problemsOf(() => composeStack(['test/a', 'test/b'], (id) => c.get(id), registry));
    expect(problems[0]!.file).toBe('rules/test/b.json');
    expect(problems[0]!.reason).toContain('as does rule "base" of "test/a"');
  });

  it('a computed floor above the ceiling, naming the rule that computed it', () => {
    const catalog = loadCatalog();
    const stack = composeStack(['city/medical-maternity-2021'], (id) => catalog.get(id), registry);
    // 60% of 40000 = 24000 > the 19002 ceiling
    const [p] = problemsOf(() =>
      resolveFast(stack, { month: parseMonth('2022-04')!, category: 'in-service', aid: 'none' }, { series: { avgMonthlyWage: { '2020': '40000' } } }),
    );
    expect(p!.file).toBe('rules/city/medical-maternity-2021.json');
    expect(p!.path).toBe('/rules/5/event/params/employee.base.floor');
    expect(p!.reason).toContain('employee.base.floor 24000 is above employee.base.ceiling 19002');
  });

  it('a scenario override with an unknown parameter or an out-of-range value', () => {
    const catalog = loadCatalog();
    const stack = composeStack(['city/medical-maternity-2021'], (id) => catalog.get(id), registry);
    const facts = { month: parseMonth('2021-09')!, category: 'in-service' as const, aid: 'none' as const };
    const [p] = problemsOf(() => resolveFast(stack, facts, { overrides: [{ param: 'employee.rate.boss', value: '5', file: 'my.json', path: '/overrides/0' }] }));
    expect(p).toEqual({ file: 'my.json', path: '/overrides/0', reason: 'unknown parameter "employee.rate.boss"' });
    const [q] = problemsOf(() => resolveFast(stack, facts, { overrides: [{ param: 'employee.rate.employer', value: '150', file: 'my.json', path: '/overrides/1' }] }));
    expect(q).toMatchObject({ file: 'my.json', path: '/overrides/1' });
  });

  it('the registry refuses a constraint naming an unknown parameter', () => {
    const [p] = problemsOf(() =>
      loadRegistry({ parameters: { 'a.b': { scheme: 'fund', unit: 'months', label: { zh: 'x', en: 'x' }, notAbove: 'a.c' } } }, 'rules/parameters.json'),
    );
    expect(p).toEqual({ file: 'rules/parameters.json', path: '/parameters/a.b/notAbove', reason: 'names unknown parameter "a.c"' });
  });

  it('every shipped rule set loads', () => {
    expect(loadCatalog().list().map((s) => s.spec.id)).toEqual([
      'banner/resident-2022',
      'city/medical-maternity-2021',
      'inner-mongolia/resident-2022',
      'national/account-reform-2021',
      'national/fund-warning',
      'national/medical-aid',
      'national/resident-minimum',
      'national/retirement-age',
      'national/retirement-age-pre-reform',
      'xinjiang/employee-2020',
    ]);
  });
});

describe('scenario overrides', () => {
  it('the override that started last wins, whatever the order in the file', () => {
    const catalog = loadCatalog();
    const stack = composeStack(['banner/resident-2022'], (id) => catalog.get(id), registry);
    const o = (value: string, from: string, i: number) => ({ param: 'resident.individual.standard', value, from, file: 's.json', path: `/overrides/${i}` });
    for (const overrides of [[o('450', '2026-01', 0), o('400', '2024-01', 1)], [o('400', '2024-01', 0), o('450', '2026-01', 1)]]) {
      const at = (month: string) => resolveFast(stack, { month: parseMonth(month)!, category: 'resident', aid: 'none' }, { overrides }).values.get('resident.individual.standard')!.value.toString();
      // 2023: the region's 380 minimum; 2024-2025: 400; from 2026: 450
      expect([at('2023-06'), at('2025-06'), at('2026-01')]).toEqual(['380', '400', '450']);
    }
  });
});
