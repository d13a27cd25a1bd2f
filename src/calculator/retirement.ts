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
import type { Condition } from '../rules/types.ts';
import { isDecimalLiteral } from '../common/money.ts';

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
  // Rules compare the birth month with constants: between two of them every month matches the same rules, so the
  // rules are matched once per stretch, and each set of rules is resolved once.
  const cuts = birthMonthCuts(stack);
  const byRules = new Map<string, number>();
  const fact = (b: MonthIndex) => birthMonthFact(Math.floor(b / 12), (b % 12) + 1);
  let ci = 0;
  let age = 0;
  for (let b = first; b <= last; b++) {
    let changed = b === first;
    while (ci < cuts.length && cuts[ci]! <= fact(b)) {
      ci++;
      changed = true;
    }
    if (changed) {
      const person = { sex, born: b, formerRetirementAge };
      const matched = matchFast(stack, personFacts(person));
      const key = matched.map((r) => r.key).join('|');
      const known = byRules.get(key);
      // One rule setting a plain number is what resolution would give; anything else is resolved in full.
      const setters = matched.filter((r) => RETIREMENT_AGE in r.spec.event.params);
      const literal = setters.length === 1 ? setters[0]!.spec.event.params[RETIREMENT_AGE] : undefined;
      age = known ?? (typeof literal === 'string' && isDecimalLiteral(literal) ? Number(literal) : statutoryRetirement(stack, person).ageMonths);
      if (known === undefined) byRules.set(key, age);
    }
    out[b - first] = age;
  }
  return out;
}

/** Every value a rule's condition compares the birth month with, and the one after it: where a match can change. */
function birthMonthCuts(stack: PolicyStack): number[] {
  const out = new Set<number>();
  const walk = (c: Condition | undefined): void => {
    if (!c) return;
    if ('all' in c) return c.all.forEach(walk);
    if ('any' in c) return c.any.forEach(walk);
    if ('not' in c) return walk(c.not);
    if (c.fact !== 'birthMonth') return;
    for (const v of Array.isArray(c.value) ? c.value : [c.value]) {
      if (typeof v === 'number') out.add(v).add(v + 1);
    }
  };
  for (const r of stack.rules) walk(r.conditions);
  return [...out].sort((a, b) => a - b);
}
