/**
 * The fund projection: from a base year and the rules, every fund year by
 * year to the horizon. Each projected line is its base-year amount moved by
 * its driver (line_y = line_base × driver_y / driver_base), so the first year
 * equals the report and a policy change acts only through the mechanism it
 * touches. Lines are rounded to the fen; totals and balances are sums.
 */
import { D, ONE, sum, toFen, ZERO, type Dec } from '../common/money.ts';
import type { Override } from '../engine/resolve.ts';
import type { PolicyStack } from '../engine/stack.ts';
import type { Assumptions } from './assumptions.ts';
import type { BaseFund, BaseYear, ExpenditureLine, FundId, IncomeLine } from './base-year.ts';
import { costIndex, countsIn, growthFactor, wageSeries, type Counts } from './drivers.ts';
import { addLines, closeYear, type FundProjection, type FundYear, type MonthsPayableMethod, type Thresholds } from './fund-year.ts';
import { employeeContributions, residentYear, type EmployeeYear, type ResidentYear } from './mechanisms.ts';
import { PolicyTimeline } from './policy-timeline.ts';
import { populationIndex, type PopulationIndex } from '../population/for-model.ts';
import { populationSummary, type PopulationSummary } from '../population/summary.ts';
import { anchorOf, calibrate, type Calibration, type DriverAt, type Side } from './calibration.ts';

export const MAX_HORIZON = 2060;

export interface ProjectionInput {
  base: BaseYear;
  stack: PolicyStack;
  assumptions: Assumptions;
  overrides: Override[];
  /** Last year projected. */
  until: number;
  /** The retirement-age rules; with them, insured counts and costs follow the population model. */
  retirement?: PolicyStack;
}

export interface SubsidyYear {
  year: number;
  central: Dec;
  region: Dec;
  city: Dec;
  county: Dec;
  /** Fiscal subsidy a report gives without levels. */
  unspecified: Dec;
}

export interface PersonYear {
  year: number;
  residentStandard?: Dec;
  residentSubsidy?: Dec;
  aidPays: { tekun: Dec; dibao: Dec; fanpin: Dec };
}

export interface Projection {
  baseYear: number;
  until: number;
  funds: FundProjection[];
  subsidy: SubsidyYear[];
  /** Sum over the projected years after the base year. */
  subsidyTotals: Omit<SubsidyYear, 'year'>;
  perPerson: PersonYear[];
  counts: { year: number; counts: Counts }[];
  /** Insured by status and age from the population model, where the projection used it. */
  population?: PopulationSummary;
  /** Where the model fell back to a simpler driver, and why. */
  notes: { zh: string; en: string }[];
  /** Each line's level from the reported years, abnormal periods and the report's deferrals. */
  calibration: Calibration;
}

/** Everything that moves lines in one year. */
interface Drivers {
  t: number;
  counts: Counts;
  employees: Dec;
  /** Employees who pay contributions: in service and flexible (retirees do not). */
  contributors: Dec;
  employee?: EmployeeYear;
  resident: ResidentYear;
  collection: Dec;
  wageIndex: Dec;
  cost: Dec;
  /** The resident fund's cost index (its own mix of services; `cost` is the employee fund's). */
  residentCost: Dec;
  employeeCostUnits: Dec;
  /** Mean cost by age of a resident relative to the base year's age mix (1 without a population). */
  residentAgeCost: Dec;
  aidGroups: Dec;
  /** Growth of medical aid's fiscal funding since the base year. */
  aidFunding: Dec;
}

const EMPLOYEE_GROUPS = ['inService', 'retiree', 'flexible'] as const;
const AID_GROUPS = ['tekun', 'dibao', 'fanpin'] as const;

export function project(input: ProjectionInput): Projection {
  const { assumptions: a, until } = input;
  const base = withCriticalIllness(input.base, a.criticalIllnessShare);
  const notes: { zh: string; en: string }[] = [];
  const series = wageSeries(a, base, until);
  const tl = new PolicyTimeline(input.stack, series, input.overrides, a.regionTier);
  const wage = (y: number) => {
    const s = series.avgMonthlyWage?.[String(y)];
    return s === undefined ? undefined : new D(s);
  };

  const first = Math.min(base.year, ...(base.history ?? []).map((p) => p.year));
  const pop: PopulationIndex | undefined = input.retirement
    ? populationIndex({ baseYear: base.year, from: first, until, start: countsIn(a, base, base.year, base.employees), assumptions: a, retirement: input.retirement, structure: base.ageStructure })
    : undefined;
  // Cost per head by age: each group's mean cost at its ages (retirees weighted by age), or the fixed retiree weight.
  const ageCost = (g: 'inService' | 'flexible' | 'retiree' | 'resident', y: number): Dec =>
    pop ? new D(pop.cost(g, y)).dividedBy(pop.cost('inService', base.year)) : g === 'retiree' ? a.retireeCostWeight : ONE;
  const drivers = new Map<number, Drivers>();
  // Reported years before the base year need drivers too: calibration reads a level from each.
  for (let y = first; y <= until; y++) {
    const t = y - base.year;
    const counts = countsIn(a, base, y, base.employees, pop);
    const employees = EMPLOYEE_GROUPS.reduce((s, g) => s.plus(counts[g] ?? ZERO), ZERO);
    const cost = costIndex(a, t, base.serviceMix?.employee);
    drivers.set(y, {
      t,
      counts,
      employees,
      contributors: (counts.inService ?? ZERO).plus(counts.flexible ?? ZERO),
      employee: employeeContributions(tl, a, counts, y, wage),
      resident: residentYear(tl, y),
      // Collection relative to the base year, whose reported income (as every earlier one) already reflects its own.
      collection: t <= 0 ? ONE : a.collectionRate.dividedBy(100),
      wageIndex: growthFactor(a.wageGrowth, t),
      cost,
      residentCost: costIndex(a, t, base.serviceMix?.resident),
      employeeCostUnits: EMPLOYEE_GROUPS.reduce((s, g) => s.plus((counts[g] ?? ZERO).times(ageCost(g, y))), ZERO).times(cost),
      residentAgeCost: pop ? ageCost('resident', y) : ONE,
      aidGroups: AID_GROUPS.reduce((s, g) => s.plus(counts[g] ?? ZERO), ZERO),
      aidFunding: growthFactor(a.aidFundingGrowth, t),
    });
  }
  // What a person pays as the rules say, before makeConsistent fills gaps for the drivers' sake.
  const perPerson: PersonYear[] = [...drivers].filter(([year]) => year >= base.year).map(([year, d]) => ({ year, residentStandard: d.resident.standard, residentSubsidy: d.resident.subsidy, aidPays: d.resident.aidPays }));
  makeConsistent(drivers, base.year, until);
  const d0 = drivers.get(base.year)!;
  if (!d0.employee && base.funds.some((f) => f.id.startsWith('employee'))) {
    notes.push(
      wage(base.year) === undefined
        ? { zh: '职工缴费按参保人数和工资增长推算：未知平均工资（可在假设中填写基期月平均工资）', en: 'employee contributions grow with insured counts and wages: the average wage is not known (assumptions.avgMonthlyWage)' }
        : { zh: '职工缴费按参保人数和工资增长推算：所选规则未设定单位缴费比例', en: 'employee contributions grow with insured counts and wages: the rules set no employer rate' },
    );
  }
  if (d0.resident.standard === undefined && base.funds.some((f) => f.id === 'resident')) {
    notes.push({ zh: '居民缴费按参保人数推算：所选规则未设定基期个人缴费标准', en: 'resident contributions grow with insured counts: the rules set no individual standard for the base year' });
  }

  const driverAt: DriverAt = (fund, side, line, y) => {
    const d = drivers.get(y);
    if (!d) return undefined;
    return side === 'income' ? incomeDriver(fund, line as IncomeLine, d) : expenditureDriver(fund, line as ExpenditureLine, d);
  };
  const calibration = calibrate(base, driverAt, a.calibration, a.aidFinancing === 'as-needed' ? ['aid'] : []);
  const deferred = [...deferredAmounts(calibration, drivers), ...outpatientPooling(base, tl, drivers, calibration, until)];

  const methodOf = (fund: FundId, y: number): MonthsPayableMethod => {
    const scheme = fund.startsWith('employee') ? 'employee' : fund;
    const r = tl.at(y, 1, scheme === 'employee' ? 'in-service' : 'resident');
    const v = r.values.get(`${scheme}.monthsPayable.method`)?.value;
    return (typeof v === 'string' ? v : 'current-year-expenditure') as MonthsPayableMethod;
  };
  const thresholdsOf = (y: number): Thresholds => {
    const r = tl.at(y, 1, 'resident');
    return {
      low: tl.value(r, 'warning.monthsPayable.low'),
      normalLow: tl.value(r, 'warning.monthsPayable.normalLow'),
      normalHigh: tl.value(r, 'warning.monthsPayable.normalHigh'),
      high: tl.value(r, 'warning.monthsPayable.high'),
    };
  };

  const hasParts = base.funds.some((f) => f.id.startsWith('employee.'));
  const funds: FundProjection[] = [];
  const projected = new Map<FundId, FundProjection>();
  for (const bf of base.funds) {
    if (bf.id === 'employee' && hasParts) continue;
    const fp = projectFund(bf, base, drivers, until, a, methodOf, thresholdsOf, calibration, deferred);
    projected.set(bf.id, fp);
  }
  const parent = base.funds.find((f) => f.id === 'employee');
  if (parent && hasParts) {
    const parts = base.funds.filter((f) => f.id.startsWith('employee.')).map((f) => projected.get(f.id)!);
    funds.push(rollUp(parent, parts, base, until, methodOf, thresholdsOf));
  }
  for (const id of ['employee', 'employee.pooling', 'employee.account', 'employee.largeAmount', 'employee.civilServant', 'resident', 'aid'] as const) {
    const fp = projected.get(id);
    if (fp) funds.push(fp);
  }

  const topLevel = funds.filter((f) => !f.id.includes('.'));
  const subsidy: SubsidyYear[] = [];
  for (let y = base.year; y <= until; y++) {
    const row: SubsidyYear = { year: y, central: ZERO, region: ZERO, city: ZERO, county: ZERO, unspecified: ZERO };
    for (const f of topLevel) {
      const fy = f.years[y - base.year]!;
      row.central = row.central.plus(fy.income['subsidy.central'] ?? ZERO);
      row.region = row.region.plus(fy.income['subsidy.region'] ?? ZERO);
      row.city = row.city.plus(fy.income['subsidy.city'] ?? ZERO);
      row.county = row.county.plus(fy.income['subsidy.county'] ?? ZERO);
      row.unspecified = row.unspecified.plus(fy.income.subsidy ?? ZERO);
    }
    subsidy.push(row);
  }
  const after = subsidy.slice(1);
  const total = (k: keyof Omit<SubsidyYear, 'year'>) => after.reduce((s, r) => s.plus(r[k]), ZERO);

  return {
    baseYear: base.year,
    until,
    funds,
    subsidy,
    subsidyTotals: { central: total('central'), region: total('region'), city: total('city'), county: total('county'), unspecified: total('unspecified') },
    perPerson,
    counts: [...drivers].filter(([year]) => year >= base.year).map(([year, d]) => ({ year, counts: d.counts })),
    ...(pop ? { population: populationSummary(pop, base.year, until, a.population) } : {}),
    notes,
    calibration,
  };
}

/**
 * A driver must mean the same in every year, or a line jumps by the ratio of
 * two different things. A per-head amount or ratio missing in some years takes
 * its nearest known value (so a parameter first set in 2026 moves nothing
 * until it changes); the subsidy split and the contribution mechanism are used
 * only if the base year has them, and carried forward where a later year lacks them.
 */
function makeConsistent(drivers: Map<number, Drivers>, from: number, until: number): void {
  const years = [...drivers.keys()].sort((a, b) => a - b);
  for (const d of drivers.values()) d.resident = { ...d.resident };
  const fill = (get: (r: ResidentYear) => Dec | undefined, set: (r: ResidentYear, v: Dec) => void) => {
    const values = years.map((y) => get(drivers.get(y)!.resident));
    const first = values.find((v) => v !== undefined) ?? ONE;
    let last = first;
    years.forEach((y, i) => {
      last = values[i] ?? last;
      set(drivers.get(y)!.resident, last);
    });
  };
  fill((r) => r.standard, (r, v) => (r.standard = v));
  fill((r) => r.collected, (r, v) => (r.collected = v));
  fill((r) => r.subsidy, (r, v) => (r.subsidy = v));
  fill((r) => r.reimbursementRatio, (r, v) => (r.reimbursementRatio = v));
  fill((r) => r.aidReimbursementRatio, (r, v) => (r.aidReimbursementRatio = v));
  const d0 = drivers.get(from)!;
  // Each later year from the one before, then the reported years before the base year from the one after.
  const carry = (d: Drivers, from: Drivers) => {
    if (!d0.resident.split) d.resident.split = undefined;
    else if (!d.resident.split) d.resident.split = from.resident.split;
    if (!d0.employee) d.employee = undefined;
    else if (!d.employee && from.employee) {
      // Rules that stop setting a rate: contributions follow the wage mass from the last year they were due.
      const k = d.contributors.times(d.wageIndex).dividedBy(from.contributors.times(from.wageIndex));
      const e = from.employee;
      d.employee = { employer: e.employer.times(k), individual: e.individual.times(k), maternity: e.maternity.times(k), toAccounts: e.toAccounts.times(k) };
    }
  };
  for (let y = from + 1; y <= until; y++) carry(drivers.get(y)!, drivers.get(y - 1)!);
  for (let y = from - 1; drivers.has(y); y--) carry(drivers.get(y)!, drivers.get(y + 1)!);
}

/** The driver of one line of one fund in one year; undefined means "absolute, see absoluteLine". */
function incomeDriver(fund: FundId, line: IncomeLine, d: Drivers): Dec {
  const e = d.employee;
  const r = d.resident;
  const residents = d.counts.resident ?? ZERO;
  const wageMass = d.contributors.times(d.wageIndex).times(d.collection);
  switch (fund) {
    case 'employee':
      if (!e) return line.startsWith('contributions') ? wageMass : ONE;
      if (line === 'contributions') return e.employer.plus(e.individual).plus(e.maternity).times(d.collection);
      if (line === 'contributions.employer') return e.employer.times(d.collection);
      if (line === 'contributions.individual') return e.individual.times(d.collection);
      if (line === 'contributions.maternity') return e.maternity.times(d.collection);
      return ONE;
    case 'employee.pooling':
      if (!e) return line.startsWith('contributions') || line === 'other' ? wageMass : ONE;
      return line === 'interest' ? ONE : e.employer.plus(e.individual).plus(e.maternity).minus(e.toAccounts).times(d.collection);
    case 'employee.account':
      if (!e) return line === 'interest' ? ONE : wageMass;
      return line === 'interest' ? ONE : e.toAccounts.times(d.collection);
    case 'employee.largeAmount':
    case 'employee.civilServant':
      return line === 'interest' ? ONE : wageMass;
    case 'resident': {
      if (line === 'contributions.individual') return residents.times(r.collected ?? ONE).times(d.collection);
      if (line === 'contributions') return (r.collected || r.subsidy ? residents.times((r.collected ?? ZERO).plus(r.subsidy ?? ZERO)) : residents).times(d.collection);
      if (line === 'subsidy') return residents.times(r.subsidy ?? ONE);
      if (line.startsWith('subsidy.')) {
        const level = line.slice('subsidy.'.length) as 'central' | 'region' | 'city' | 'county';
        return residents.times(r.split ? r.split[level] : (r.subsidy ?? ONE));
      }
      return ONE;
    }
    case 'aid':
      return line.startsWith('subsidy') ? d.aidFunding : ONE;
  }
}

function expenditureDriver(fund: FundId, line: ExpenditureLine, d: Drivers): Dec {
  const r = d.resident;
  switch (fund) {
    case 'employee':
    case 'employee.pooling':
    case 'employee.largeAmount':
    case 'employee.civilServant':
      if (line === 'benefits.maternity') return (d.counts.inService ?? d.employees).times(d.cost);
      return line === 'other' ? ONE : d.employeeCostUnits;
    case 'employee.account':
      // Accounts pay out what goes in, roughly: spending follows the money credited.
      return line === 'other' ? ONE : d.employees.times(d.wageIndex);
    case 'resident':
      // 大病保险 premiums follow residents and costs; benefits also the reimbursement ratio.
      if (line === 'criticalIllness') return (d.counts.resident ?? ONE).times(d.residentCost).times(d.residentAgeCost);
      return line === 'other' ? ONE : (d.counts.resident ?? ONE).times(d.residentCost).times(d.residentAgeCost).times(r.reimbursementRatio ?? ONE);
    case 'aid':
      if (line === 'aid.medical' || line === 'benefits') return (d.aidGroups.isZero() ? (d.counts.resident ?? ONE) : d.aidGroups).times(d.residentCost).times(d.residentAgeCost).times(r.aidReimbursementRatio ?? ONE);
      return ONE;
  }
}

/**
 * Medical aid is financed as needed (以支定收): the budget pays each year what
 * aid spends, shared between the sources of the base year's funding in its
 * proportions (to the fen, the largest source takes the rounding).
 */
function financedAsNeeded(baseIncome: Partial<Record<IncomeLine, Dec>>, need: Dec): Partial<Record<IncomeLine, Dec>> {
  const sources = (Object.entries(baseIncome) as [IncomeLine, Dec][]).filter(([line, v]) => line !== 'interest' && v.isPositive());
  const whole = sum(sources.map(([, v]) => v));
  if (whole.isZero()) return { subsidy: need };
  const out: Partial<Record<IncomeLine, Dec>> = {};
  let largest = sources[0]![0];
  for (const [line, v] of sources) {
    out[line] = toFen(need.times(v).dividedBy(whole));
    if (v.greaterThan(baseIncome[largest]!)) largest = line;
  }
  out[largest] = out[largest]!.plus(need.minus(sum(Object.values(out) as Dec[])));
  return out;
}

/**
 * 大病保险 premiums separated from the resident fund's "other" expenditure by
 * the scenario's share, in the base year and every reported period alike;
 * totals are unchanged, so the base year still reproduces its report.
 */
function withCriticalIllness(base: BaseYear, sharePercent: Dec): BaseYear {
  if (sharePercent.isZero()) return base;
  const split = (lines: Partial<Record<ExpenditureLine, Dec>> | undefined) => {
    if (!lines?.other || lines.criticalIllness) return lines;
    const premiums = toFen(lines.other.times(sharePercent).dividedBy(100));
    const { other, ...rest } = lines;
    const remainder = other.minus(premiums);
    return { ...rest, criticalIllness: premiums, ...(remainder.isZero() ? {} : { other: remainder }) };
  };
  return {
    ...base,
    funds: base.funds.map((f) => (f.id === 'resident' ? { ...f, expenditure: split(f.expenditure)! } : f)),
    history: base.history?.map((p) => (p.funds.resident?.expenditure ? { ...p, funds: { ...p.funds, resident: { ...p.funds.resident, expenditure: split(p.funds.resident.expenditure) } } } : p)),
  };
}

/**
 * Outpatient pooling (门诊共济, 国办发〔2021〕14号): the share of personal-account spending that pooling pays
 * instead (employee.outpatient.pooledPercent, p). Against the base year's share p0, pooling pays
 * account spending × (p − p0) / (100 − p0) more each year and the accounts as much less; the employee total is unchanged.
 */
function outpatientPooling(base: BaseYear, tl: PolicyTimeline, drivers: Map<number, Drivers>, c: Calibration, until: number): Deferred[] {
  const account = base.funds.find((f) => f.id === 'employee.account');
  const spent = account?.expenditure.benefits;
  if (!spent || !base.funds.some((f) => f.id === 'employee.pooling')) return [];
  const pct = (y: number) => tl.value(tl.at(y, 1, 'in-service'), 'employee.outpatient.pooledPercent') ?? ZERO;
  const p0 = pct(base.year);
  const d0 = drivers.get(base.year)!;
  const anchor = anchorOf(c, 'employee.account', 'expenditure', 'benefits') ?? spent;
  const out: Deferred[] = [];
  for (let y = base.year + 1; y <= until; y++) {
    const dp = pct(y).minus(p0);
    if (dp.isZero()) continue;
    const accountSpending = scale(anchor, expenditureDriver('employee.account', 'benefits', drivers.get(y)!), expenditureDriver('employee.account', 'benefits', d0));
    const moved = toFen(accountSpending.times(dp).dividedBy(new D(100).minus(p0)));
    out.push({ fund: 'employee.pooling', side: 'expenditure', line: 'benefits', to: y, amount: moved }, { fund: 'employee.account', side: 'expenditure', line: 'benefits', to: y, amount: moved.negated() });
  }
  return out;
}

interface Deferred {
  fund: FundId;
  side: Side;
  line: string;
  to: number;
  /** In 元, whole fen. */
  amount: Dec;
}

/**
 * The amounts the report says were deferred, in 元: as stated, else what the
 * model gives for that line in the year it belongs to (medical aid's
 * contributions: the aid groups × what aid pays under the rules).
 */
function deferredAmounts(c: Calibration, drivers: Map<number, Drivers>): Deferred[] {
  const out: Deferred[] = [];
  for (const m of c.timing) {
    if (!m.applied) continue;
    const it = m.item;
    const d = drivers.get(it.year);
    let amount = it.amount;
    if (!amount && d) {
      if (it.line === 'aid.contributions') amount = toFen(aidContributions(d));
      else {
        const l = c.lines.find((x) => x.fund === it.fund && x.side === it.side && x.line === it.line);
        const level = l?.levels.find((v) => v.year === it.year && !v.half)?.level;
        amount = level ? toFen(level.times(it.side === 'income' ? incomeDriver(it.fund, it.line as IncomeLine, d) : expenditureDriver(it.fund, it.line as ExpenditureLine, d))) : undefined;
      }
    }
    m.amount = amount;
    if (amount && !amount.isZero()) out.push({ fund: it.fund, side: it.side, line: it.line, to: it.to!, amount });
  }
  return out;
}

/** What medical aid pays for contributions: a mechanism in absolute 元, not scaled from the base year (often 0). */
function aidContributions(d: Drivers): Dec {
  const p = d.resident.aidPays;
  return AID_GROUPS.reduce((s, g) => s.plus((d.counts[g] ?? ZERO).times(p[g])), ZERO);
}

function scale(baseAmount: Dec, driver: Dec, baseDriver: Dec): Dec {
  if (baseDriver.isZero()) return baseAmount;
  return toFen(baseAmount.times(driver).dividedBy(baseDriver));
}

function projectFund(
  bf: BaseFund,
  base: BaseYear,
  drivers: Map<number, Drivers>,
  until: number,
  a: Assumptions,
  methodOf: (f: FundId, y: number) => MonthsPayableMethod,
  thresholdsOf: (y: number) => Thresholds,
  calibration: Calibration,
  deferred: Deferred[],
): FundProjection {
  const d0 = drivers.get(base.year)!;
  const anchor = (side: Side, line: string, amount: Dec) => anchorOf(calibration, bf.id, side, line) ?? amount;
  const baseIncome = sumValues(bf.income);
  const baseExpenditure = sumValues(bf.expenditure);
  const opening0 = bf.cumulative.minus(baseIncome.minus(baseExpenditure));
  // Interest earned per 元 of opening balance: the scenario's rate, else the base year's own.
  const interestRate = a.interestRate
    ? a.interestRate.dividedBy(100)
    : bf.income.interest && !opening0.isZero() && opening0.isPositive()
      ? bf.income.interest.dividedBy(opening0)
      : undefined;
  const past = Object.entries(bf.pastExpenditure ?? {})
    .map(([y, v]) => [Number(y), v] as const)
    .sort((x, y) => y[0] - x[0])
    .map(([, v]) => v);
  const years: FundYear[] = [];
  let opening = opening0;
  for (let y = base.year; y <= until; y++) {
    const d = drivers.get(y)!;
    let income: Partial<Record<IncomeLine, Dec>>;
    let expenditure: Partial<Record<ExpenditureLine, Dec>>;
    if (y === base.year) {
      income = { ...bf.income };
      expenditure = { ...bf.expenditure };
    } else {
      income = {};
      for (const [line, amount] of Object.entries(bf.income) as [IncomeLine, Dec][]) {
        income[line] = line === 'interest' && interestRate ? toFen(opening.isPositive() ? opening.times(interestRate) : ZERO) : scale(anchor('income', line, amount), incomeDriver(bf.id, line, d), incomeDriver(bf.id, line, d0));
      }
      if (!bf.income.interest && a.interestRate && opening.isPositive()) income.interest = toFen(opening.times(a.interestRate).dividedBy(100));
      expenditure = {};
      for (const [line, amount] of Object.entries(bf.expenditure) as [ExpenditureLine, Dec][]) {
        expenditure[line] = line === 'aid.contributions' ? toFen(aidContributions(d)) : scale(anchor('expenditure', line, amount), expenditureDriver(bf.id, line, d), expenditureDriver(bf.id, line, d0));
      }
      if (bf.id === 'aid' && bf.expenditure['aid.contributions'] === undefined) {
        const c = toFen(aidContributions(d));
        if (!c.isZero()) expenditure['aid.contributions'] = c;
      }
      // The report's deferrals (what a year did not pay is paid in the year the report names) and outpatient pooling's transfers.
      for (const m of deferred) {
        if (m.fund !== bf.id || m.to !== y) continue;
        const lines = (m.side === 'income' ? income : expenditure) as Partial<Record<string, Dec>>;
        lines[m.line] = (lines[m.line] ?? ZERO).plus(m.amount);
      }
      if (bf.id === 'aid' && a.aidFinancing === 'as-needed') income = financedAsNeeded(bf.income, sumValues(expenditure));
    }
    const fy = closeYear(y, income, expenditure, opening, past, methodOf(bf.id, y), thresholdsOf(y));
    years.push(fy);
    past.unshift(fy.expenditureTotal);
    opening = fy.cumulative;
  }
  return withMilestones({ id: bf.id, years });
}

/** The employee fund as the sum of its sub-funds; the base year keeps the report's own totals. */
function rollUp(
  parent: BaseFund,
  parts: FundProjection[],
  base: BaseYear,
  until: number,
  methodOf: (f: FundId, y: number) => MonthsPayableMethod,
  thresholdsOf: (y: number) => Thresholds,
): FundProjection {
  const years: FundYear[] = [];
  const past = Object.entries(parent.pastExpenditure ?? {})
    .sort((x, y) => Number(y[0]) - Number(x[0]))
    .map(([, v]) => v);
  let opening = ZERO;
  for (let y = base.year; y <= until; y++) {
    const i = y - base.year;
    const income = addLines(parts.map((p) => p.years[i]!.income));
    const expenditure = addLines(parts.map((p) => p.years[i]!.expenditure));
    if (i === 0) {
      // A report whose sub-funds do not add up to its total: the difference stays visible as "other".
      const totals = parent.reportedTotals;
      if (totals) {
        const di = totals.income.minus(sumValues(income));
        const de = totals.expenditure.minus(sumValues(expenditure));
        if (!di.isZero()) income.other = (income.other ?? ZERO).plus(di);
        if (!de.isZero()) expenditure.other = (expenditure.other ?? ZERO).plus(de);
      }
      opening = parent.cumulative.minus(sumValues(income).minus(sumValues(expenditure)));
    }
    const fy = closeYear(y, income, expenditure, opening, past, methodOf('employee', y), thresholdsOf(y));
    years.push(fy);
    past.unshift(fy.expenditureTotal);
    opening = fy.cumulative;
  }
  return withMilestones({ id: 'employee', years, parts: parts.map((p) => p.id) });
}

function withMilestones(fp: FundProjection): FundProjection {
  fp.firstDeficitYear = fp.years.find((y) => y.currentBalance.isNegative())?.year;
  fp.exhaustionYear = fp.years.find((y) => y.cumulative.isNegative())?.year;
  return fp;
}

function sumValues(lines: Partial<Record<string, Dec>>): Dec {
  return sum(Object.values(lines) as Dec[]);
}
