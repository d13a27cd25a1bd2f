/**
 * What the rules in force yield in one year for the whole insured
 * population, before calibration to the base year: contributions month by
 * month (so a temporary cut acts only in its months), resident funding per
 * head and its split, and what medical aid pays for contributions.
 */
import { D, percentOf, ZERO, type Dec } from '../common/money.ts';
import { contributionBase } from '../mechanisms/contribution-base.ts';
import { splitSubsidy, type SubsidySplit } from '../mechanisms/subsidy-split.ts';
import type { Assumptions } from './assumptions.ts';
import type { Counts } from './drivers.ts';
import type { PolicyTimeline } from './policy-timeline.ts';

export interface EmployeeYear {
  employer: Dec;
  /** Individual contributions of employees in service and of flexible workers. */
  individual: Dec;
  maternity: Dec;
  /** Credited to personal accounts: part of employer + individual, and retirees' fixed credits from pooling. */
  toAccounts: Dec;
}

/** Mean of the contribution base over the wage distribution. */
function meanBase(avgWage: Dec, spread: Dec[], floor: Dec | undefined, ceiling: Dec | undefined): Dec {
  let total = ZERO;
  for (const r of spread) total = total.plus(contributionBase(avgWage.times(r), floor, ceiling));
  return total.dividedBy(spread.length);
}

/**
 * Contributions due in `year` under the rules, or undefined where the rules
 * set no employer rate or the average wage is unknown (the model then grows
 * the reported contributions with insured counts and wages instead).
 */
export function employeeContributions(tl: PolicyTimeline, a: Assumptions, counts: Counts, year: number, wageOf: (year: number) => Dec | undefined): EmployeeYear | undefined {
  const probe = tl.at(year, 1, 'in-service');
  // The base is the wage of the year the rules name: "以上年度本人月平均工资" is the year before.
  const avgWage = wageOf(probe.values.get('employee.base.wageYear')?.value === 'previous-year' ? year - 1 : year);
  if (!avgWage) return undefined;
  if (tl.value(probe, 'employee.rate.employer') === undefined) return undefined;
  const inService = counts.inService ?? ZERO;
  const retiree = counts.retiree ?? ZERO;
  const flexible = counts.flexible ?? ZERO;
  let employer = ZERO;
  let individual = ZERO;
  let maternity = ZERO;
  let toAccounts = ZERO;
  for (let month = 1; month <= 12; month++) {
    const rin = tl.at(year, month, 'in-service');
    const v = (name: string) => tl.value(rin, name);
    const base = meanBase(avgWage, a.wageDistribution, v('employee.base.floor'), v('employee.base.ceiling'));
    const er = percentOf(base, v('employee.rate.employer') ?? ZERO).times(inService);
    const ir = percentOf(base, v('employee.rate.individual') ?? ZERO).times(inService);
    const rret = tl.at(year, month, 'retiree');
    const retireeEmployer = percentOf(base, tl.value(rret, 'employee.rate.employerForRetiree') ?? ZERO).times(retiree);
    // Retirees' accounts credited a fixed amount from pooling (国办发〔2021〕14号), where the rules set one.
    const retireeCredit = (tl.value(rret, 'employee.account.retireeCredit') ?? ZERO).times(retiree);
    const rflex = tl.at(year, month, 'flexible');
    const flexBase = tl.value(rflex, 'employee.flexible.base');
    const flexRate = tl.value(rflex, 'employee.rate.flexible');
    const fl = flexBase && flexRate ? percentOf(flexBase, flexRate).times(flexible) : ZERO;
    const mRate = v('maternity.rate.employer');
    if (mRate) {
      const mBase = meanBase(avgWage, a.wageDistribution, v('maternity.base.floor'), v('maternity.base.ceiling'));
      maternity = maternity.plus(percentOf(mBase, mRate).times(inService));
    }
    employer = employer.plus(er).plus(retireeEmployer);
    individual = individual.plus(ir).plus(fl);
    toAccounts = toAccounts
      .plus(percentOf(ir, v('employee.account.shareOfIndividual') ?? ZERO))
      .plus(percentOf(er, v('employee.account.shareOfEmployer') ?? ZERO))
      .plus(retireeCredit);
  }
  return { employer, individual, maternity, toAccounts };
}

export interface ResidentYear {
  /** Per head, 元/年. */
  standard?: Dec;
  /** The standard collected in this year: next year's where contributions are collected in advance. */
  collected?: Dec;
  subsidy?: Dec;
  /** Per head, by government level, where the rules say how to split. */
  split?: SubsidySplit;
  /** What medical aid pays per person of each aid group. */
  aidPays: { tekun: Dec; dibao: Dec; fanpin: Dec };
  reimbursementRatio?: Dec;
  aidReimbursementRatio?: Dec;
}

/** What residentSubsidy reads (of a resident in January). */
export const RESIDENT_SUBSIDY_READS = ['resident.subsidy.standard', 'resident.subsidy.centralShare', 'resident.subsidy.regionShareOfRest', 'resident.subsidy.cityShareOfRemainder'];

/** The fiscal subsidy per head in a year and its split by government level, where the rules say how to split. */
export function residentSubsidy(tl: Pick<PolicyTimeline, 'at' | 'value'>, year: number): Pick<ResidentYear, 'subsidy' | 'split'> {
  const r = tl.at(year, 1, 'resident');
  const v = (name: string) => tl.value(r, name);
  const subsidy = v('resident.subsidy.standard');
  const central = v('resident.subsidy.centralShare');
  const regionOfRest = v('resident.subsidy.regionShareOfRest');
  const cityOfRemainder = v('resident.subsidy.cityShareOfRemainder');
  const split =
    subsidy && central && regionOfRest && cityOfRemainder ? splitSubsidy(subsidy, { central, regionOfRest, cityOfRemainder }, false) : undefined;
  return { subsidy, split };
}

export function residentYear(tl: Pick<PolicyTimeline, 'at' | 'value'>, year: number): ResidentYear {
  const r = tl.at(year, 1, 'resident');
  const v = (name: string) => tl.value(r, name);
  const standard = v('resident.individual.standard');
  const { subsidy, split } = residentSubsidy(tl, year);
  const aidPays = { tekun: ZERO, dibao: ZERO, fanpin: ZERO };
  if (standard) {
    const tekunPct = tl.value(tl.at(year, 1, 'resident', 'tekun'), 'aid.tekun.subsidyPercent');
    if (tekunPct) aidPays.tekun = percentOf(standard, tekunPct);
    for (const g of ['dibao', 'fanpin'] as const) {
      const amount = tl.value(tl.at(year, 1, 'resident', g), `aid.${g}.subsidy`);
      if (amount) aidPays[g] = D.min(amount, standard);
    }
  }
  // Collected in advance (resident.individual.collectedFor = next-year): this year's income is next year's standard.
  const ahead = r.values.get('resident.individual.collectedFor')?.value === 'next-year';
  const collected = ahead ? tl.value(tl.at(year + 1, 1, 'resident'), 'resident.individual.standard') : standard;
  return {
    standard,
    collected,
    subsidy,
    split,
    aidPays,
    reimbursementRatio: v('resident.inpatient.reimbursementRatio'),
    aidReimbursementRatio: v('aid.inpatient.reimbursementRatio'),
  };
}
