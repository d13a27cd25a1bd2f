/**
 * A person's statutory retirement age and month, from a retirement-age rule
 * set (rules/national/retirement-age.json encodes the gradual reform from
 * 2025-01, by sex, a woman's former retirement age and birth month).
 */
import { InputError } from '../common/errors.ts';
import { formatMonth, monthIndex, type MonthIndex } from '../common/period.ts';
import { birthMonthFact, resolveFast, type Facts, type PolicyStack, type ResolvedValue } from '../engine/index.ts';
import type { FormerRetirementAge, PersonSex } from '../engine/facts.ts';
import { matchFast } from '../engine/match.ts';

export const RETIREMENT_AGE = 'employee.retirement.age';

export interface RetirementPerson {
  sex: PersonSex;
  /** Month of birth. */
  born: MonthIndex;
  /** A woman's retirement age before the reform, 50 (workers) or 55 (cadres); men have none. */
  formerRetirementAge?: FormerRetirementAge;
}

export interface Retirement {
  /** Statutory retirement age in months of age. */
  ageMonths: number;
  years: number;
  months: number;
  /** The month the person retires: the month of birth plus the age. */
  retiresIn: MonthIndex;
  /** The rule that set it, with its document. */
  used: ResolvedValue;
}

/** The rules' facts for a person; the month is the reform's first, or the birth month if later. */
function personFacts(person: RetirementPerson): Facts {
  return {
    month: Math.max(person.born, monthIndex(2025, 1)),
    category: 'in-service',
    aid: 'none',
    sex: person.sex,
    birthMonth: birthMonthFact(Math.floor(person.born / 12), (person.born % 12) + 1),
    formerRetirementAge: person.sex === 'male' ? undefined : person.formerRetirementAge,
  };
}

/** `file` and `flag` name where the person came from, for messages (a CLI flag, a scenario path). */
export function statutoryRetirement(stack: PolicyStack, person: RetirementPerson, file = 'calc', flag = '--former-age'): Retirement {
  if (person.sex === 'female' && person.formerRetirementAge === undefined) {
    throw InputError.one(file, flag, 'a woman’s statutory retirement age depends on her former retirement age: 50 (workers) or 55 (cadres, 管理技术岗位)');
  }
  const res = resolveFast(stack, personFacts(person));
  const v = res.values.get(RETIREMENT_AGE);
  if (!v || typeof v.value === 'string') {
    throw InputError.one(stack.ruleSets.map((s) => s.spec.id).join('+') || 'rules', '', `the rules set no statutory retirement age (${RETIREMENT_AGE}) for a ${person.sex === 'male' ? 'man' : 'woman'} born ${formatMonth(person.born)}`);
  }
  const ageMonths = v.value.toNumber();
  return { ageMonths, years: Math.floor(ageMonths / 12), months: ageMonths % 12, retiresIn: person.born + ageMonths, used: v };
}

/**
 * The statutory age in months for every birth month from `first` to `last`
 * (inclusive), for one sex and former age group: what the population model
 * needs, resolved once per rule set.
 */
export function retirementAgeTable(stack: PolicyStack, sex: PersonSex, formerRetirementAge: FormerRetirementAge | undefined, first: MonthIndex, last: MonthIndex): Int32Array {
  const out = new Int32Array(last - first + 1);
  // Months whose facts match the same rules get the same age: resolve each set of rules once.
  const byRules = new Map<string, number>();
  for (let b = first; b <= last; b++) {
    const person = { sex, born: b, formerRetirementAge };
    const key = matchFast(stack, personFacts(person)).map((r) => r.key).join('|');
    let age = byRules.get(key);
    if (age === undefined) byRules.set(key, (age = statutoryRetirement(stack, person).ageMonths));
    out[b - first] = age;
  }
  return out;
}
