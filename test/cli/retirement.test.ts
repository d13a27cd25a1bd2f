import { describe, expect, it } from 'vitest';
import { runCalc } from '../../src/cli/calc.ts';

async function calc(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCalc(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
  return { code, out, err };
}

describe('calc --sex --born: the statutory retirement age', () => {
  it('prints the age and the month of retirement with the rule it comes from', async () => {
    // reference boundary: a man born 1965-01 retires at 60 years 1 month, in 2025-02
    const r = await calc('--rules', 'national/retirement-age', '--sex', 'male', '--born', '1965-01');
    expect(r.code).toBe(0);
    expect(r.out).toContain('60岁1个月 (60 years 1 month)');
    expect(r.out).toContain('retires in: 2025-02');
    expect(r.out).toContain('national/retirement-age · men-born-1965-01');
  });

  it('JSON: a woman worker born 1980-06 retires at 52 years 9 months in 2033-03 (65 months after 1975-01 → 33 months)', async () => {
    const r = await calc('--rules', 'national/retirement-age', '--sex', 'female', '--born', '1980-06', '--former-age', '50', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.retirementAge).toEqual({ years: 52, months: 9, totalMonths: 633 });
    expect(j.retiresIn).toBe('2033-03');
    expect(j.source.rule).toBe('women-50-born-1980-05');
  });

  it('the rule before the reform: 60 for a man born 1970-06, in 2030-06', async () => {
    const r = await calc('--rules', 'national/retirement-age-pre-reform', '--sex', 'male', '--born', '1970-06', '--format', 'json');
    expect(JSON.parse(r.out).retiresIn).toBe('2030-06');
  });

  it('refuses what it cannot answer, naming the flag', async () => {
    const woman = await calc('--rules', 'national/retirement-age', '--sex', 'female', '--born', '1980-06');
    expect(woman.code).toBe(2);
    expect(woman.err).toContain('error: --former-age: a woman’s statutory retirement age depends on her former retirement age: 50 (workers) or 55');
    const group = await calc('--rules', 'national/retirement-age', '--sex', 'female', '--born', '1980-06', '--former-age', '52');
    expect(group.err).toContain("'52' is invalid. it must be one of 50, 55");
    const noBirth = await calc('--rules', 'national/retirement-age', '--sex', 'male');
    expect(noBirth.err).toContain('--born: it is required with --sex');
    const noDate = await calc('--rules', 'city/medical-maternity-2021', '--category', 'resident');
    expect(noDate.err).toContain('--date: it is required');
  });
});
