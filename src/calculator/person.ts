/**
 * What one person owes in one month (employees) or one year (residents),
 * and who pays it. Amounts are charged to the fen, half-up; the parts are
 * derived so they always add up to the total.
 */
import { InputError } from '../common/errors.ts';
import { D, percentOf, toFen, ZERO, type Dec } from '../common/money.ts';
import { required, type Category, type Resolution, type ResolvedValue } from '../engine/index.ts';
import { contributionBase } from '../mechanisms/contribution-base.ts';
import { splitSubsidy, type SubsidySplit } from '../mechanisms/subsidy-split.ts';

export interface EmployeeContribution {
  kind: 'employee';
  /** 缴费基数, 元/月. */
  base: Dec;
  employer: Dec;
  individual: Dec;
  total: Dec;
  /** Of the total, what is credited to the personal account (个人账户); the rest goes to pooling (统筹). */
  personalAccount: Dec;
  pooling: Dec;
  /** Maternity insurance (生育保险), employer only, where the rules set a rate. */
  maternity?: { base: Dec; employer: Dec };
  /** The parameters used, with where each came from. */
  used: ResolvedValue[];
}

export interface ResidentContribution {
  kind: 'resident';
  /** 个人缴费标准, 元/年. */
  standard: Dec;
  /** What medical aid pays of it. */
  aidPays: Dec;
  /** What the person pays. */
  personPays: Dec;
  /** 人均财政补助 and, where the rules say how, its split by government level. */
  subsidy: Dec;
  split?: SubsidySplit;
  /** Why there is no split, when there is none. */
  splitMissing?: string;
  /** 人均筹资 = standard + subsidy. */
  fundingPerCapita: Dec;
  used: ResolvedValue[];
}

export type PersonContribution = EmployeeContribution | ResidentContribution;

/** Whether a parameter concerns a category: residents' standards and aid for residents, employee and maternity rates for employees. */
export function concernsCategory(param: string, category: Category): boolean {
  const prefix = param.split('.')[0];
  return category === 'resident' ? prefix === 'resident' || prefix === 'aid' : prefix === 'employee' || prefix === 'maternity';
}

export function calculatePerson(res: Resolution, wage?: Dec): PersonContribution {
  return res.facts.category === 'resident' ? residentContribution(res) : employeeContribution(res, wage);
}

function tracker(res: Resolution) {
  const used = new Map<string, ResolvedValue>();
  // A value computed from others (a standard defaulting to the minimum) lists those too, so "why" reaches a document.
  const use = (v: ResolvedValue) => {
    if (used.has(v.name)) return;
    used.set(v.name, v);
    for (const input of v.inputs) {
      const dep = input.kind === 'param' ? res.values.get(input.name) : undefined;
      if (dep) use(dep);
    }
  };
  const need = (name: string): Dec => {
    const v = required(res, name);
    use(res.values.get(name)!);
    return v;
  };
  // A parameter no rule sets is simply absent (no floor here); one set but not computable is an error.
  const maybe = (name: string): Dec | undefined => {
    if (res.unset.has(name)) return undefined;
    const v = res.values.get(name);
    if (!v || typeof v.value === 'string') return need(name);
    use(v);
    return v.value;
  };
  return { need, maybe, used: () => [...used.values()] };
}

function employeeContribution(res: Resolution, wage?: Dec): EmployeeContribution {
  const { need, maybe, used } = tracker(res);
  const category = res.facts.category;
  const needWage = (): Dec => {
    if (wage === undefined) throw InputError.one('--wage', '', `it is required for ${category}: the monthly wage in 元/月, e.g. --wage 5000`);
    return wage;
  };
  let base: Dec;
  let employer = ZERO;
  let individual = ZERO;
  if (category === 'flexible') {
    // 灵活就业: a single rate on the average wage, all paid by the person.
    base = need('employee.flexible.base');
    individual = toFen(percentOf(base, need('employee.rate.flexible')));
  } else {
    base = contributionBase(needWage(), maybe('employee.base.floor'), maybe('employee.base.ceiling'));
    if (category === 'in-service') {
      employer = toFen(percentOf(base, need('employee.rate.employer')));
      individual = toFen(percentOf(base, need('employee.rate.individual')));
    } else {
      employer = toFen(percentOf(base, need('employee.rate.employerForRetiree')));
    }
  }
  const total = employer.plus(individual);
  // A retiree's account may receive a fixed monthly amount from pooling (国办发〔2021〕14号): pooling then pays it.
  const retireeCredit = category === 'retiree' ? (maybe('employee.account.retireeCredit') ?? ZERO) : ZERO;
  const personalAccount =
    category === 'flexible'
      ? ZERO
      : toFen(percentOf(individual, need('employee.account.shareOfIndividual')).plus(percentOf(employer, need('employee.account.shareOfEmployer')))).plus(retireeCredit);
  let maternity: EmployeeContribution['maternity'];
  const maternityRate = category === 'in-service' ? maybe('maternity.rate.employer') : undefined;
  if (maternityRate !== undefined && wage !== undefined) {
    const mBase = contributionBase(wage, maybe('maternity.base.floor'), maybe('maternity.base.ceiling'));
    maternity = { base: mBase, employer: toFen(percentOf(mBase, maternityRate)) };
  }
  return { kind: 'employee', base, employer, individual, total, personalAccount, pooling: total.minus(personalAccount), maternity, used: used() };
}

function residentContribution(res: Resolution): ResidentContribution {
  const { need, maybe, used } = tracker(res);
  const standard = need('resident.individual.standard');
  let aidPays = ZERO;
  switch (res.facts.aid) {
    case 'tekun':
      aidPays = toFen(percentOf(standard, need('aid.tekun.subsidyPercent')));
      break;
    case 'dibao':
    case 'fanpin':
      // A fixed amount, never more than the contribution itself.
      aidPays = toFen(D.min(need(`aid.${res.facts.aid}.subsidy`), standard));
      break;
  }
  const subsidy = need('resident.subsidy.standard');
  const central = maybe('resident.subsidy.centralShare');
  const regionOfRest = maybe('resident.subsidy.regionShareOfRest');
  const cityOfRemainder = maybe('resident.subsidy.cityShareOfRemainder');
  let split: SubsidySplit | undefined;
  let splitMissing: string | undefined;
  if (central !== undefined && regionOfRest !== undefined && cityOfRemainder !== undefined) {
    split = splitSubsidy(subsidy, { central, regionOfRest, cityOfRemainder });
  } else {
    const missing = central === undefined ? 'resident.subsidy.centralShare' : 'resident.subsidy.regionShareOfRest';
    splitMissing = res.unavailable.get(missing)?.reason ?? `${missing} is not set`;
    if (central !== undefined && res.facts.regionTier === undefined) splitMissing += ' (give the region tier: --region-tier 1|2|3)';
  }
  return {
    kind: 'resident',
    standard,
    aidPays,
    personPays: standard.minus(aidPays),
    subsidy,
    split,
    splitMissing,
    fundingPerCapita: standard.plus(subsidy),
    used: used(),
  };
}
