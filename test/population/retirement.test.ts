import { describe, expect, it } from 'vitest';
import { retirementAgeTable, statutoryRetirement } from '../../src/calculator/retirement.ts';
import { formatMonth, parseMonth } from '../../src/common/period.ts';
import { resolveWithEngine } from '../../src/engine/index.ts';
import { stackOf } from '../helpers.ts';

const reform = stackOf('national/retirement-age');
const before = stackOf('national/retirement-age-pre-reform');

function at(stack: typeof reform, sex: 'male' | 'female', born: string, former?: 50 | 55) {
  const r = statutoryRetirement(stack, { sex, born: parseMonth(born)!, formerRetirementAge: former });
  return [`${r.years}y${r.months}m`, formatMonth(r.retiresIn)];
}

describe('statutory retirement age (决定 2024-09-13, in force from 2025-01)', () => {
  it('meets the boundaries of the reference schedule', () => {
    // shared/reference/retirement-reform.md, worked boundaries.
    expect(at(reform, 'male', '1965-01')).toEqual(['60y1m', '2025-02']);
    expect(at(reform, 'male', '1965-05')[0]).toBe('60y2m');
    expect(at(reform, 'male', '1976-09')[0]).toBe('63y0m');
    expect(at(reform, 'male', '1990-03')[0]).toBe('63y0m');
    expect(at(reform, 'female', '1975-01', 50)).toEqual(['50y1m', '2025-02']);
    expect(at(reform, 'female', '1984-11', 50)[0]).toBe('55y0m');
  });

  it('holds in the middle of each schedule (computed by hand)', () => {
    // The month before the first delayed cohort keeps the old age: 1964-12 + 60y = 2024-12.
    expect(at(reform, 'male', '1964-12')).toEqual(['60y0m', '2024-12']);
    // Man born 1970-06: 65 months after 1965-01; floor(65 / 4) + 1 = 17 months of delay → 61y5m;
    // 1970-06 + 61y5m = 2031-11.
    expect(at(reform, 'male', '1970-06')).toEqual(['61y5m', '2031-11']);
    // The last delayed step: 1976-05..08 is 136-139 months after 1965-01 → 35 months → 62y11m.
    expect(at(reform, 'male', '1976-08')).toEqual(['62y11m', '2039-07']);
    // Woman worker born 1980-06: 65 months after 1975-01; floor(65 / 2) + 1 = 33 → 52y9m; 2033-03.
    expect(at(reform, 'female', '1980-06', 50)).toEqual(['52y9m', '2033-03']);
    // Woman cadre born 1970-01: the first delayed cohort of the 55 group → 55y1m in 2025-02;
    // born 1975-01: 60 months after → 16 months → 56y4m, 1975-01 + 56y4m = 2031-05; born 1981-09: 58.
    expect(at(reform, 'female', '1970-01', 55)).toEqual(['55y1m', '2025-02']);
    expect(at(reform, 'female', '1975-01', 55)).toEqual(['56y4m', '2031-05']);
    expect(at(reform, 'female', '1981-09', 55)).toEqual(['58y0m', '2039-09']);
    // The same woman worker born 1975-01 under the 55 group would be 56y4m; under 50, 50y1m: the group matters.
  });

  it('the pre-reform rule keeps 60, 55 and 50', () => {
    expect(at(before, 'male', '1970-06')).toEqual(['60y0m', '2030-06']);
    expect(at(before, 'female', '1980-06', 50)).toEqual(['50y0m', '2030-06']);
    expect(at(before, 'female', '1980-06', 55)).toEqual(['55y0m', '2035-06']);
  });

  it('names the decision it comes from, and json-rules-engine agrees', async () => {
    const r = statutoryRetirement(reform, { sex: 'male', born: parseMonth('1970-06')! });
    expect(r.used.provenance).toMatchObject({ kind: 'rule', ruleSet: 'national/retirement-age', rule: 'men-born-1970-05' });
    expect(r.used.provenance.kind === 'rule' && r.used.provenance.document).toContain('渐进式延迟法定退休年龄');
    const slow = await resolveWithEngine(reform, { month: parseMonth('2025-01')!, category: 'in-service', aid: 'none', sex: 'male', birthMonth: 197006 });
    expect(slow.values.get('employee.retirement.age')!.value.toString()).toBe('737');
  });

  it('the table the population model uses agrees with the calculator for every birth month 1963-1986', () => {
    // every step of the three schedules lies between 1965-01 and 1984-11
    for (const stack of [reform, before]) {
      for (const [sex, former] of [['male', undefined], ['female', 50], ['female', 55]] as const) {
        const first = parseMonth('1963-01')!;
        const table = retirementAgeTable(stack, sex, former, first, parseMonth('1986-12')!);
        table.forEach((age, i) => expect(age).toBe(statutoryRetirement(stack, { sex, born: first + i, formerRetirementAge: former }).ageMonths));
      }
    }
  }, 60_000);

  it('asks for a woman’s former retirement age', () => {
    expect(() => statutoryRetirement(reform, { sex: 'female', born: parseMonth('1980-06')! })).toThrow(/--former-age.*50 \(workers\) or 55/);
  });
});
