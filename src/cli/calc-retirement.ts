/**
 * calc --rules <retirement rule set> --sex male|female --born YYYY-MM [--former-age 50|55]:
 * the statutory retirement age and the month of retirement, with the rule it comes from.
 */
import { statutoryRetirement } from '../calculator/retirement.ts';
import { formatMonth, parseMonth } from '../common/period.ts';
import type { FormerRetirementAge, PersonSex, PolicyStack } from '../engine/index.ts';
import { usageError, type Io } from './args.ts';

export interface RetirementOptions {
  sex?: PersonSex;
  born?: string;
  formerAge?: number;
  format: 'table' | 'json';
}

export function printRetirement(stack: PolicyStack, rulesId: string, o: RetirementOptions, io: Io): void {
  if (!o.sex) throw usageError('it is required with --born: male or female', '--sex');
  if (!o.born) throw usageError('it is required with --sex: the month of birth, YYYY-MM', '--born');
  if (o.sex === 'male' && o.formerAge !== undefined) throw usageError('it applies to women only (a man’s age before the reform was 60)', '--former-age');
  const r = statutoryRetirement(stack, { sex: o.sex, born: parseMonth(o.born)!, formerRetirementAge: o.formerAge as FormerRetirementAge | undefined }, '--former-age', '');
  const p = r.used.provenance;
  const source = p.kind === 'rule' ? `${p.ruleSet} · ${p.rule} · ${p.document} ${p.section}${p.note ? ` [${p.note}]` : ''}` : `${p.file} ${p.path}`;
  if (o.format === 'json') {
    const out = { rules: rulesId, sex: o.sex, born: o.born, formerRetirementAge: o.formerAge ?? null, retirementAge: { years: r.years, months: r.months, totalMonths: r.ageMonths }, retiresIn: formatMonth(r.retiresIn), source: p };
    io.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return;
  }
  io.stdout.write(
    [
      `法定退休年龄 statutory retirement age: ${r.years}岁${r.months ? `${r.months}个月` : ''} (${r.years} years ${r.months} month${r.months === 1 ? '' : 's'})`,
      `退休时间 retires in: ${formatMonth(r.retiresIn)}`,
      `依据 source: ${source}`,
    ].join('\n') + '\n',
  );
}
