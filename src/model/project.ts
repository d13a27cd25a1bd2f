/**
 * The fund projection: from a base year and the rules, every fund year by
 * year to the horizon. Each projected line is its base-year amount moved by
 * its driver (line_y = line_base × driver_y / driver_base), so the first year
 * equals the report and a policy change acts only through the mechanism it
 * touches. Lines are rounded to the fen; totals and balances are sums.
 */
import { D, sum, toFen, ZERO, type Dec } from '../common/money.ts';
import type { Override } from '../engine/resolve.ts';
import type { PolicyStack } from '../engine/stack.ts';
import type { Assumptions } from './assumptions.ts';
import type { BaseFund, BaseYear, ExpenditureLine, FundId, IncomeLine } from './base-year.ts';
import type { Counts } from './drivers.ts';
import { AID_GROUPS, cachedPopulation, expenditureDriver, incomeDriver, lineDriver, pathAssumptions, policyYears, startCounts, yearDrivers, type PolicyYears, type YearDrivers } from './driver-table.ts';
import { addLines, closeYear, type FundProjection, type FundYear, type MonthsPayableMethod, type Thresholds } from './fund-year.ts';
import type { ResidentYear } from './mechanisms.ts';
import type { PopulationIndex } from '../population/for-model.ts';
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

export function project(input: ProjectionInput): Projection {
  const { assumptions: a, until } = input;
  const base = withCriticalIllness(input.base, a.criticalIllnessShare);
  const notes: { zh: string; en: string }[] = [];
  const policy = policyYears(input);
  const series = policy.series;
  const start = startCounts(a, base.employees);
  const pop = input.retirement ? cachedPopulation(input, start, a.population, a.retireeCostWeight.toNumber()) : undefined;
  const drivers = yearDrivers(input, policy, pathAssumptions(a), start, pop);
  const first = policy.first;
  const dAt = (y: number) => drivers[y - first];
  const d0 = dAt(base.year)!;
  if (!d0.employee && base.funds.some((f) => f.id.startsWith('employee'))) {
    notes.push(
      series.avgMonthlyWage?.[String(base.year)] === undefined
        ? { zh: '职工缴费按参保人数和工资增长推算：未知平均工资（可在假设中填写基期月平均工资）', en: 'employee contributions grow with insured counts and wages: the average wage is not known (assumptions.avgMonthlyWage)' }
        : { zh: '职工缴费按参保人数和工资增长推算：所选规则未设定单位缴费比例', en: 'employee contributions grow with insured counts and wages: the rules set no employer rate' },
    );
  }
  if (policy.residentAsRuled[base.year - first]!.standard === undefined && base.funds.some((f) => f.id === 'resident')) {
    notes.push({ zh: '居民缴费按参保人数推算：所选规则未设定基期个人缴费标准', en: 'resident contributions grow with insured counts: the rules set no individual standard for the base year' });
  }
  const calibration = calibrationOf(base, drivers, first, a, input.base);
  const money = moneyPhase(base, drivers, first, until, a, policy, calibration);

  // What a person pays as the rules say, before gaps are filled for the drivers' sake.
  const perPerson: PersonYear[] = [];
  const counts: { year: number; counts: Counts }[] = [];
  for (let y = base.year; y <= until; y++) {
    const r = policy.residentAsRuled[y - first]!;
    perPerson.push({ year: y, residentStandard: r.standard, residentSubsidy: r.subsidy, aidPays: r.aidPays });
    counts.push({ year: y, counts: Object.fromEntries(Object.entries(dAt(y)!.counts).map(([g, n]) => [g, new D(n)])) });
  }
  return {
    ...money,
    perPerson,
    counts,
    ...(pop ? { population: summaryOf(pop, base.year, until, a.population) } : {}),
    notes,
    calibration,
  };
}

const summaries = new WeakMap<PopulationIndex, Map<string, PopulationSummary>>();

/** The population summary, once per population model and span (it is read, never changed). */
function summaryOf(pop: PopulationIndex, baseYear: number, until: number, settings: Assumptions['population']): PopulationSummary {
  let m = summaries.get(pop);
  if (!m) summaries.set(pop, (m = new Map()));
  const key = JSON.stringify([baseYear, until, settings]);
  let s = m.get(key);
  if (!s) m.set(key, (s = populationSummary(pop, baseYear, until, settings)));
  return s;
}

/** Calibration on the reported years, each line's driver from the drivers phase. */
export function calibrationOf(base: BaseYear, drivers: YearDrivers[], first: number, a: Assumptions, cacheBy: BaseYear): Calibration {
  // Calibration reads the drivers of the reported years only: computed once per their values.
  const reported = [base.year, ...(base.history ?? []).map((p) => p.year)];
  const key = JSON.stringify([reported.map((y) => drivers[y - first]), a.calibration, a.aidFinancing, a.criticalIllnessShare]);
  let byBase = calibrations.get(cacheBy);
  if (!byBase) calibrations.set(cacheBy, (byBase = new Map()));
  let c = byBase.get(key);
  if (!c) {
    const driverAt: DriverAt = (fund, side, line, y) => {
      const d = drivers[y - first];
      return d && new D(lineDriver(fund, side, line, d));
    };
    c = calibrate(base, driverAt, a.calibration, a.aidFinancing === 'as-needed' ? ['aid'] : []);
    if (byBase.size >= 64) byBase.delete(byBase.keys().next().value!);
    byBase.set(key, c);
  }
  return c;
}

const calibrations = new WeakMap<BaseYear, Map<string, Calibration>>();

/** The money phase, exact: every line charged to the fen from the drivers, totals and balances as sums. */
function moneyPhase(base: BaseYear, drivers: YearDrivers[], first: number, until: number, a: Assumptions, policy: PolicyYears, calibration: Calibration) {
  const dAt = (y: number) => drivers[y - first]!;
  const deferred = [...deferredAmounts(calibration, drivers, first, policy), ...outpatientPooling(base, policy, drivers, first, calibration, until)];
  const methodOf = (fund: FundId, y: number): MonthsPayableMethod => policy.methods.get(fund.startsWith('employee') ? 'employee' : fund)![y - base.year]!;
  const thresholdsOf = (y: number): Thresholds => policy.thresholds[y - base.year]!;

  const hasParts = base.funds.some((f) => f.id.startsWith('employee.'));
  const funds: FundProjection[] = [];
  const projected = new Map<FundId, FundProjection>();
  for (const bf of base.funds) {
    if (bf.id === 'employee' && hasParts) continue;
    const fp = projectFund(bf, base, dAt, policy, until, a, methodOf, thresholdsOf, calibration, deferred);
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
  };
}

/**
 * Medical aid is financed as needed (以支定收): the budget pays each year what
 * aid spends, shared between the sources of the base year's funding in its
 * proportions (to the fen, the largest source takes the rounding).
 */
export function financedAsNeeded(baseIncome: Partial<Record<IncomeLine, Dec>>, need: Dec): Partial<Record<IncomeLine, Dec>> {
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
export function withCriticalIllness(base: BaseYear, sharePercent: Dec): BaseYear {
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
function outpatientPooling(base: BaseYear, policy: PolicyYears, drivers: YearDrivers[], first: number, c: Calibration, until: number): Deferred[] {
  const account = base.funds.find((f) => f.id === 'employee.account');
  const spent = account?.expenditure.benefits;
  if (!spent || !base.funds.some((f) => f.id === 'employee.pooling')) return [];
  const pct = (y: number) => policy.pooledPercent[y - base.year]!;
  const p0 = pct(base.year);
  const d0 = drivers[base.year - first]!;
  const anchor = anchorOf(c, 'employee.account', 'expenditure', 'benefits') ?? spent;
  const out: Deferred[] = [];
  for (let y = base.year + 1; y <= until; y++) {
    const dp = pct(y).minus(p0);
    if (dp.isZero()) continue;
    const accountSpending = scale(anchor, expenditureDriver('employee.account', 'benefits', drivers[y - first]!), expenditureDriver('employee.account', 'benefits', d0));
    const moved = toFen(accountSpending.times(dp).dividedBy(new D(100).minus(p0)));
    out.push({ fund: 'employee.pooling', side: 'expenditure', line: 'benefits', to: y, amount: moved }, { fund: 'employee.account', side: 'expenditure', line: 'benefits', to: y, amount: moved.negated() });
  }
  return out;
}

export interface Deferred {
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
export function deferredAmounts(c: Calibration, drivers: YearDrivers[], first: number, policy: PolicyYears): Deferred[] {
  const out: Deferred[] = [];
  for (const m of c.timing) {
    if (!m.applied) continue;
    const it = m.item;
    const d = drivers[it.year - first];
    let amount = it.amount;
    if (!amount && d) {
      if (it.line === 'aid.contributions') amount = toFen(aidContributions(d, policy.resident[it.year - first]!));
      else {
        const l = c.lines.find((x) => x.fund === it.fund && x.side === it.side && x.line === it.line);
        const level = l?.levels.find((v) => v.year === it.year && !v.half)?.level;
        amount = level ? toFen(level.times(lineDriver(it.fund, it.side, it.line, d))) : undefined;
      }
    }
    m.amount = amount;
    if (amount && !amount.isZero()) out.push({ fund: it.fund, side: it.side, line: it.line, to: it.to!, amount });
  }
  return out;
}

/** What medical aid pays for contributions: a mechanism in absolute 元, not scaled from the base year (often 0). */
export function aidContributions(d: YearDrivers, r: ResidentYear): Dec {
  let s = ZERO;
  for (const g of AID_GROUPS) {
    const n = d.counts[g];
    if (n !== undefined) s = s.plus(new D(n).times(r.aidPays[g]));
  }
  return s;
}

/**
 * line_y = round_half_up(line_base × index_y), the index driver_y / driver_base
 * a float64 of the drivers phase, read as its shortest decimal: the product is exact.
 */
export function scale(baseAmount: Dec, driver: number, baseDriver: number): Dec {
  if (baseDriver === 0) return baseAmount;
  return toFen(baseAmount.times(driver / baseDriver));
}

function projectFund(
  bf: BaseFund,
  base: BaseYear,
  dAt: (y: number) => YearDrivers,
  policy: PolicyYears,
  until: number,
  a: Assumptions,
  methodOf: (f: FundId, y: number) => MonthsPayableMethod,
  thresholdsOf: (y: number) => Thresholds,
  calibration: Calibration,
  deferred: Deferred[],
): FundProjection {
  const d0 = dAt(base.year);
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
    const d = dAt(y);
    const r = policy.resident[y - policy.first]!;
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
        expenditure[line] = line === 'aid.contributions' ? toFen(aidContributions(d, r)) : scale(anchor('expenditure', line, amount), expenditureDriver(bf.id, line, d), expenditureDriver(bf.id, line, d0));
      }
      if (bf.id === 'aid' && bf.expenditure['aid.contributions'] === undefined) {
        const c = toFen(aidContributions(d, r));
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

export function sumValues(lines: Partial<Record<string, Dec>>): Dec {
  return sum(Object.values(lines) as Dec[]);
}
