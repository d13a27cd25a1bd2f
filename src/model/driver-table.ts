/**
 * The projection's first phase: its drivers, everything that is not money,
 * in float64. Insured counts by group, wage and cost indices, what the rules
 * make one person pay or receive in a year, collection: all plain numbers,
 * computed once per scenario (and per path in the kernel). The money phase
 * (project.ts exactly, kernel.ts on integer fen) charges each line from the
 * same numbers: line_y = round_half_up(anchor × driver_y / driver_base).
 *
 * What depends on the policy alone (the compiled timeline, resident standards
 * and subsidies, contribution rates month by month over the wage spread) and
 * the population model are cached by what they depend on, so a second
 * projection of the same scenario, or a path that changes only growth rates,
 * collection or interest, recomputes none of it.
 */
import { D, ZERO, type Dec } from '../common/money.ts';
import type { Resolution, SeriesData } from '../engine/resolve.ts';
import { isDecimalLiteral } from '../common/money.ts';
import type { ValueExpr } from '../rules/types.ts';
import type { PolicyStack } from '../engine/stack.ts';
import type { Assumptions } from './assumptions.ts';
import { wageSeries } from './drivers.ts';
import { GROUPS, type BaseYear, type ExpenditureLine, type FundId, type Group, type IncomeLine } from './base-year.ts';
import { contributionBaseF64 } from '../mechanisms/contribution-base.ts';
import { RESIDENT_SUBSIDY_READS, residentSubsidy, residentYear, type ResidentYear } from './mechanisms.ts';
import { yearOf } from '../common/period.ts';
import { DerivedTimeline, PolicyTimeline, type TimelineView } from './policy-timeline.ts';
import type { MonthsPayableMethod, Thresholds } from './fund-year.ts';
import { serviceCostIndex, type Service } from './services.ts';
import { growthIndex } from './growth.ts';
import { populationIndex, type PopulationIndex } from '../population/for-model.ts';
import type { ProjectionInput } from './project.ts';

const EMPLOYEE_GROUPS = ['inService', 'retiree', 'flexible'] as const;
export const AID_GROUPS = ['tekun', 'dibao', 'fanpin'] as const;

/** What the resident rules give per head in a year, as float64 (NaN: not set). */
export interface ResidentF64 {
  standard: number;
  collected: number;
  subsidy: number;
  split?: { central: number; region: number; city: number; county: number };
  aidPays: { tekun: number; dibao: number; fanpin: number };
  reimbursementRatio: number;
  aidReimbursementRatio: number;
}

/** Contributions due in a year per person of each group under the rules, 元 (the sum of the twelve months). */
interface PerHead {
  employerPerInService: number;
  employerPerRetiree: number;
  individualPerInService: number;
  individualPerFlexible: number;
  maternityPerInService: number;
  accountsPerInService: number;
  accountsPerRetiree: number;
}

/** The policy of every year from the first reported to the horizon: depends on the rules, the wage series and the overrides only. */
export interface PolicyYears {
  /** The average monthly wage of every year the rules may ask for (drivers.ts wageSeries). */
  series: SeriesData;
  first: number;
  until: number;
  timeline: TimelineView;
  /** As the rules say, before gaps are filled (what a person pays, shown as such). */
  residentAsRuled: ResidentYear[];
  /** Gaps filled with the nearest known value (a driver must mean the same every year). */
  resident: ResidentYear[];
  residentF64: ResidentF64[];
  /**
   * The contribution rules of each year: the distinct states of an employee in service, a retiree and a
   * flexible worker, with how many months each holds; undefined where the rules set no employer rate.
   * Values that follow the wage series (a floor at 60% of the wage two years before) are evaluated per
   * wage path (contributionsPerHead), so a path with another wage growth recompiles nothing.
   */
  employeeMonths: (EmployeeMonths | undefined)[];
  /** The wage year the base follows ("以上年度": the year before), per year. */
  wageYearOffset: number[];
  methods: Map<string, MonthsPayableMethod[]>;
  thresholds: Thresholds[];
  /** employee.outpatient.pooledPercent in January of each year. */
  pooledPercent: Dec[];
  /** Relative wages of the scenario's spread. */
  spread: number[];
  /** Something besides the contribution parameters follows the wage series (see followsSeries). */
  followsSeries: boolean;
  registry: PolicyStack['registry'];
}

interface EmployeeMonths {
  groups: { rin: Resolution; rret: Resolution; rflex: Resolution; months: number }[];
}

/** Everything that moves lines in one year, float64. */
export interface YearDrivers {
  t: number;
  counts: Partial<Record<Group, number>>;
  employees: number;
  /** Employees who pay contributions: in service and flexible (retirees do not). */
  contributors: number;
  employee?: { employer: number; individual: number; maternity: number; toAccounts: number };
  resident: ResidentF64;
  collection: number;
  wageIndex: number;
  /** The employee fund's cost index (price × use; by service where the report gives them). */
  cost: number;
  /** The resident fund's cost index (its own mix of services). */
  residentCost: number;
  employeeCostUnits: number;
  /** Mean cost by age of a resident relative to the base year's age mix (1 without a population). */
  residentAgeCost: number;
  aidGroups: number;
  /** Growth of medical aid's fiscal funding since the base year. */
  aidFunding: number;
}

/** The plain-number assumptions one path may change (the kernel's shocks, resolved). */
export interface PathAssumptions {
  wageGrowth: number;
  costGrowth: number;
  utilizationGrowth: number;
  collectionRate: number;
  aidFundingGrowth: number;
  retireeCostWeight: number;
  /** Price growth of the services that have a trend of their own (src/model/services.ts). */
  costGrowthByService: Partial<Record<Service, number>>;
  growth: Record<Group, number>;
  wageGrowthByYear?: ArrayLike<number>;
  costGrowthByYear?: ArrayLike<number>;
  utilizationGrowthByYear?: ArrayLike<number>;
  /** The trends of the years up to the base year, where they differ (Assumptions.reportedYears). */
  reported?: PathAssumptions;
}

export function pathAssumptions(a: Assumptions): PathAssumptions {
  const p = trendsOf(a);
  if (a.reportedYears) p.reported = trendsOf({ ...a, ...a.reportedYears });
  return p;
}

function trendsOf(a: Assumptions): PathAssumptions {
  return {
    wageGrowth: a.wageGrowth.toNumber(),
    costGrowth: a.costGrowth.toNumber(),
    utilizationGrowth: a.utilizationGrowth.toNumber(),
    collectionRate: a.collectionRate.toNumber(),
    aidFundingGrowth: a.aidFundingGrowth.toNumber(),
    retireeCostWeight: a.retireeCostWeight.toNumber(),
    costGrowthByService: Object.fromEntries(Object.entries(a.costGrowthByService).map(([s, v]) => [s, v!.toNumber()])),
    growth: Object.fromEntries(Object.entries(a.growth).map(([g, v]) => [g, v.toNumber()])) as Record<Group, number>,
  };
}

/**
 * growthIndex(rate, t) for t = t0, t0 + 1, … into out[0 …]: the years after the
 * base year each one product on from the year before (the same products as
 * growthIndex's), the years up to it at `reported`'s rate where given.
 */
function growthColumn(out: Float64Array, t0: number, ratePercent: number, byYear: ArrayLike<number> | undefined, reported: number | undefined): Float64Array {
  let f = 1;
  for (let i = 0; i < out.length; i++) {
    const t = t0 + i;
    if (t <= 0) f = growthIndex(reported ?? ratePercent, t);
    else if (i === 0) f = growthIndex(ratePercent, t, byYear);
    else f *= 1 + (byYear && t - 1 < byYear.length ? byYear[t - 1]! : ratePercent) / 100;
    out[i] = f;
  }
  return out;
}

/** The first year the model needs drivers for: calibration reads each reported year. */
export function firstYear(base: BaseYear): number {
  return Math.min(base.year, ...(base.history ?? []).map((p) => p.year));
}

// ---- caches ------------------------------------------------------------

const policyCache = new WeakMap<PolicyStack, Map<string, PolicyYears>>();
const populationCache = new WeakMap<PolicyStack, Map<string, PopulationIndex>>();
const CACHE_LIMIT = 64;

/**
 * The value kept for `key`, else made and kept; when the map is full, the one used longest ago goes. (A
 * policy derived from another uses its parent each time: a lever dragged through many values keeps the
 * policy without the lever, rather than compiling it anew every so many values.)
 */
function remember<V>(map: Map<string, V>, key: string, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    if (map.size >= CACHE_LIMIT) map.delete(map.keys().next().value!);
  } else map.delete(key);
  map.set(key, v);
  return v;
}

/**
 * The policy of every year, compiled once per rules, wages (the series the
 * rules read: base-year wage, history and growth), overrides, tier and wage spread.
 */
export function policyYears(input: ProjectionInput, wageGrowthByYear?: ArrayLike<number>): PolicyYears {
  const { assumptions: a, base, until } = input;
  let byStack = policyCache.get(input.stack);
  if (!byStack) policyCache.set(input.stack, (byStack = new Map()));
  const byYear = wageGrowthByYear?.length ? Array.from(wageGrowthByYear) : undefined;
  const wages = [a.avgMonthlyWage?.toString(), a.wageGrowth.toString(), a.reportedYears?.wageGrowth.toString(), Object.entries(a.wageHistory).map(([y, w]) => `${y}:${w.toString()}`).join(','), byYear?.join(',')];
  const key = JSON.stringify([base.year, firstYear(base), until, wages, input.overrides.map((o) => [o.param, o.value, o.from, o.until]), a.regionTier ?? null, a.wageDistribution.map(String)]);
  return remember(byStack, key, () => patchedPolicy(input, wageGrowthByYear) ?? compilePolicy(input, byYear ? wageSeriesByYear(a, base, until, byYear) : wageSeries(a, base, until)));
}

/** The policy compiled from the rules in full, never derived from another: what a derived policy must equal (tests). */
export function compiledPolicy(input: ProjectionInput): PolicyYears {
  return compilePolicy(input, wageSeries(input.assumptions, input.base, input.until));
}

/**
 * The policy with one more override, without matching the rules again, where
 * that is the same as compiling them: a literal value, the last override
 * (policy-timeline.ts DerivedTimeline). The policy without it is compiled (or
 * derived) once and kept; in the override's months its states take the
 * override, and what reads the parameter (a default or rule that is a share of
 * it, a floor under a ceiling) is resolved again. A grid over two standards
 * thus matches the rules once, and a lever moved in the workbench derives the
 * scenario's policy rather than compiling it.
 */
function patchedPolicy(input: ProjectionInput, wageGrowthByYear: ArrayLike<number> | undefined): PolicyYears | undefined {
  const o = input.overrides.at(-1);
  if (!o || typeof o.value !== 'string' || !isDecimalLiteral(o.value)) return undefined;
  const parent = policyYears({ ...input, overrides: input.overrides.slice(0, -1) }, wageGrowthByYear);
  const tl = DerivedTimeline.of(parent.timeline, input.stack, parent.series, o);
  if (!tl) return undefined;
  return compilePolicy(input, parent.series, { tl, followsSeries: parent.followsSeries, keep: { parent, before: tl.from === -Infinity ? -Infinity : yearOf(tl.from), reach: tl.reach(input.overrides.slice(0, -1)) } });
}

/** The wage series with a growth rate per projected year (index 0: the year after the base year), exact. */
function wageSeriesByYear(a: Assumptions, base: BaseYear, until: number, byYear: number[]): SeriesData {
  const series = wageSeries(a, base, until);
  const start = a.avgMonthlyWage;
  if (!start || !series.avgMonthlyWage) return series;
  const out = { ...series.avgMonthlyWage };
  let w = start;
  for (let y = base.year + 1; y <= until; y++) {
    const k = y - base.year - 1;
    w = w.times(new D(1).plus((k < byYear.length ? new D(byYear[k]!) : a.wageGrowth).dividedBy(100)));
    out[String(y)] = w.toString();
  }
  return { ...series, avgMonthlyWage: out };
}

/** Whether a floor-under-ceiling check involves the parameter. */
function orderChecked(registry: PolicyStack['registry'], name: string): boolean {
  return !!registry.get(name).notAbove || registry.names().some((n) => registry.get(n).notAbove === name);
}

/** What residentYear reads (mechanisms.ts), of a resident, an aid recipient and a resident next year. */
const RESIDENT_READS = [...RESIDENT_SUBSIDY_READS, 'resident.individual.standard', 'resident.individual.collectedFor', 'aid.tekun.subsidyPercent', 'aid.dibao.subsidy', 'aid.fanpin.subsidy', 'resident.inpatient.reimbursementRatio', 'aid.inpatient.reimbursementRatio'];

/** What the policy reads for employees besides the contribution parameters (the wage year, and the employer rate's presence, is among them). */
const EMPLOYEE_SIDE = ['employee.base.wageYear'];
const SCHEME_READS = ['employee.monthsPayable.method', 'resident.monthsPayable.method', 'aid.monthsPayable.method', 'warning.monthsPayable.low', 'warning.monthsPayable.normalLow', 'warning.monthsPayable.normalHigh', 'warning.monthsPayable.high', 'employee.outpatient.pooledPercent'];

/**
 * The policy phase over a timeline. A derived policy (`keep`) takes from the
 * policy it derives from what its override cannot change: the years before it
 * (next year's standard is read a year ahead), the years without contribution
 * rules where nothing the employee side reads is within the override's reach,
 * and the funds' methods and warning levels where none of them is.
 */
function compilePolicy(input: ProjectionInput, series: SeriesData, view?: { tl: TimelineView; followsSeries: boolean; keep?: { parent: PolicyYears; before: number; reach: Set<string> } }): PolicyYears {
  const { assumptions: a, base, until } = input;
  const first = firstYear(base);
  const timeline = view ? undefined : new PolicyTimeline(input.stack, series, input.overrides, a.regionTier);
  const tl: TimelineView = view?.tl ?? timeline!;
  // Reads are skipped only where no state can refuse but for the override's own value (which any state refuses alike):
  // nothing else within its reach, and no floor or ceiling it is.
  const reach = view?.keep && view.keep.reach.size === 1 && !orderChecked(input.stack.registry, [...view.keep.reach][0]!) ? view.keep.reach : undefined;
  const employeeKept = !!reach && ![...PER_PATH, ...EMPLOYEE_SIDE].some((n) => reach.has(n));
  const residentKept = !!reach && !RESIDENT_READS.some((n) => reach.has(n));
  const subsidyOnly = !!reach && !RESIDENT_READS.some((n) => reach.has(n) && !RESIDENT_SUBSIDY_READS.includes(n));
  const residentAsRuled: ResidentYear[] = [];
  const employeeMonths: (EmployeeMonths | undefined)[] = [];
  const wageYearOffset: number[] = [];
  for (let y = first; y <= until; y++) {
    // A derived policy keeps the years its override cannot reach (next year's standard is read a year ahead).
    const kept = view?.keep && y + 1 < view.keep.before ? y - first : -1;
    if (kept >= 0) {
      residentAsRuled.push(view!.keep!.parent.residentAsRuled[kept]!);
      wageYearOffset.push(view!.keep!.parent.wageYearOffset[kept]!);
      employeeMonths.push(view!.keep!.parent.employeeMonths[kept]);
      continue;
    }
    // Where the override reaches no more of what residents' figures read than the subsidy, the rest is the parent's.
    const before = view?.keep?.parent.residentAsRuled[y - first];
    residentAsRuled.push(residentKept ? before! : subsidyOnly ? { ...before!, ...residentSubsidy(tl, y) } : residentYear(tl, y));
    if (employeeKept && !view!.keep!.parent.employeeMonths[y - first]) {
      wageYearOffset.push(view!.keep!.parent.wageYearOffset[y - first]!);
      employeeMonths.push(undefined);
      continue;
    }
    const probe = tl.at(y, 1, 'in-service');
    wageYearOffset.push(probe.values.get('employee.base.wageYear')?.value === 'previous-year' ? -1 : 0);
    employeeMonths.push(tl.value(probe, 'employee.rate.employer') === undefined ? undefined : monthsOf(tl, y));
  }
  const resident = filled(residentAsRuled);
  // The subsidy split is used only if the base year has it, and carried forward where a later year lacks it.
  const b = base.year - first;
  for (let i = b + 1; i < resident.length; i++) if (!resident[i]!.split) resident[i]!.split = resident[i - 1]!.split;
  for (let i = b - 1; i >= 0; i--) if (!resident[i]!.split) resident[i]!.split = resident[i + 1]!.split;
  if (!resident[b]!.split) for (const r of resident) r.split = undefined;
  const kept = reach && !SCHEME_READS.some((n) => reach.has(n)) ? view!.keep!.parent : undefined;
  const { methods, thresholds, pooledPercent } = kept ?? schemeYears(tl, base.year, until);
  return { series, first, until, timeline: tl, residentAsRuled, resident, residentF64: resident.map(residentF64), employeeMonths, wageYearOffset, methods, thresholds, pooledPercent, spread: a.wageDistribution.map((w) => w.toNumber()), followsSeries: view ? view.followsSeries : followsSeries(timeline!), registry: input.stack.registry };
}

/** Months payable methods, warning levels and outpatient pooling's share in January of each year from the base year. */
function schemeYears(tl: TimelineView, baseYear: number, until: number): Pick<PolicyYears, 'methods' | 'thresholds' | 'pooledPercent'> {
  const methods = new Map<string, MonthsPayableMethod[]>();
  for (const scheme of ['employee', 'resident', 'aid']) {
    const out: MonthsPayableMethod[] = [];
    for (let y = baseYear; y <= until; y++) {
      const v = tl.at(y, 1, scheme === 'employee' ? 'in-service' : 'resident').values.get(`${scheme}.monthsPayable.method`)?.value;
      out.push((typeof v === 'string' ? v : 'current-year-expenditure') as MonthsPayableMethod);
    }
    methods.set(scheme, out);
  }
  const thresholds: Thresholds[] = [];
  const pooledPercent: Dec[] = [];
  for (let y = baseYear; y <= until; y++) {
    const r = tl.at(y, 1, 'resident');
    thresholds.push({
      low: tl.value(r, 'warning.monthsPayable.low'),
      normalLow: tl.value(r, 'warning.monthsPayable.normalLow'),
      normalHigh: tl.value(r, 'warning.monthsPayable.normalHigh'),
      high: tl.value(r, 'warning.monthsPayable.high'),
    });
    pooledPercent.push(tl.value(tl.at(y, 1, 'in-service'), 'employee.outpatient.pooledPercent') ?? ZERO);
  }
  return { methods, thresholds, pooledPercent };
}

/** A per-head amount or ratio missing in some years takes its nearest known value (so a parameter first set later moves nothing until it changes). */
function filled(years: ResidentYear[]): ResidentYear[] {
  const out = years.map((r) => ({ ...r }));
  const fill = (k: 'standard' | 'collected' | 'subsidy' | 'reimbursementRatio' | 'aidReimbursementRatio') => {
    let last = years.find((r) => r[k] !== undefined)?.[k] ?? new D(1);
    out.forEach((r) => {
      last = r[k] ?? last;
      r[k] = last;
    });
  };
  fill('standard');
  fill('collected');
  fill('subsidy');
  fill('reimbursementRatio');
  fill('aidReimbursementRatio');
  return out;
}

const num = (v: Dec | undefined) => (v === undefined ? Number.NaN : v.toNumber());

function residentF64(r: ResidentYear): ResidentF64 {
  return {
    standard: num(r.standard),
    collected: num(r.collected),
    subsidy: num(r.subsidy),
    split: r.split ? { central: r.split.central.toNumber(), region: r.split.region.toNumber(), city: r.split.city.toNumber(), county: r.split.county.toNumber() } : undefined,
    aidPays: { tekun: r.aidPays.tekun.toNumber(), dibao: r.aidPays.dibao.toNumber(), fanpin: r.aidPays.fanpin.toNumber() },
    reimbursementRatio: num(r.reimbursementRatio),
    aidReimbursementRatio: num(r.aidReimbursementRatio),
  };
}

/** Mean of the contribution base over the wage spread, float64. */
function meanBase(avgWage: number, spread: number[], floor: number, ceiling: number): number {
  let total = 0;
  for (const r of spread) total += contributionBaseF64(avgWage * r, floor, ceiling);
  return total / spread.length;
}

/** The distinct (in service, retiree, flexible) states of a year, in the order met, with their months. */
function monthsOf(tl: TimelineView, year: number): EmployeeMonths {
  const groups: EmployeeMonths['groups'] = [];
  for (let month = 1; month <= 12; month++) {
    const rin = tl.at(year, month, 'in-service');
    const rret = tl.at(year, month, 'retiree');
    const rflex = tl.at(year, month, 'flexible');
    const last = groups[groups.length - 1];
    if (last && last.rin === rin && last.rret === rret && last.rflex === rflex) last.months++;
    else groups.push({ rin, rret, rflex, months: 1 });
  }
  return { groups };
}

/** The average monthly wage by year as float64, as wageSeries gives it, growing at the path's rate(s). */
export type WageF64 = (year: number) => number | undefined;

const wagesRead = new WeakMap<Assumptions, { start: number | undefined; history: Map<number, number> }>();

export function wageF64(a: Assumptions, baseYear: number, p: PathAssumptions, index?: Float64Array, first = 0): WageF64 {
  let read = wagesRead.get(a);
  if (!read) wagesRead.set(a, (read = { start: a.avgMonthlyWage?.toNumber(), history: new Map(Object.entries(a.wageHistory).map(([y, w]) => [Number(y), w.toNumber()])) }));
  const { start, history } = read;
  return (y) => {
    if (y < baseYear && history.has(y)) return history.get(y);
    if (start === undefined || y < baseYear - 5) return undefined;
    // The path's wage index of the year where fillDrivers computed it (the same products as growthIndex's).
    if (index && y >= first && y - first < index.length) return start * index[y - first]!;
    return start * growthIndex(y < baseYear && p.reported ? p.reported.wageGrowth : p.wageGrowth, y - baseYear, p.wageGrowthByYear);
  };
}

interface ValueMemo {
  /** Follows the wage series (directly, through a parameter, or by uprating). */
  follows: boolean;
  /** The value as resolved (float64 of the exact decimal), where it does not follow the series. */
  fixed: number;
}
const memos = new WeakMap<Resolution, Map<string, ValueMemo>>();

function memoOf(tl: TimelineView, res: Resolution, name: string): ValueMemo {
  let m = memos.get(res);
  if (!m) memos.set(res, (m = new Map()));
  let v = m.get(name);
  if (!v) {
    const rv = res.values.get(name);
    const fixed = num(tl.value(res, name)); // throws the rules' own error where a value cannot be computed
    // A value uprated along the series is not re-evaluated per path (PolicyYears.followsSeries says so instead).
    const follows = !!rv && typeof rv.value !== 'string' && !rv.uprated && rv.inputs.some((i) => i.kind === 'series' || (i.kind === 'param' && memoOf(tl, res, i.name).follows));
    m.set(name, (v = { follows, fixed }));
  }
  return v;
}

/**
 * A parameter in force as float64; one that follows the wage series is
 * computed from its expression on the path's wages (float64), else it is the
 * resolved value. NaN where nothing sets it.
 */
function valueF64(tl: TimelineView, res: Resolution, name: string, wage: WageF64): number {
  const memo = memoOf(tl, res, name);
  if (!memo.follows) return memo.fixed;
  const rv = res.values.get(name)!;
  const year = yearOf(res.facts.month);
  const ev = (e: ValueExpr): number => {
    if (typeof e === 'string') return Number(e);
    if ('param' in e) return valueF64(tl, res, e.param, wage);
    if ('series' in e) return wage(year + e.yearOffset) ?? Number.NaN;
    if ('percentOf' in e) return (ev(e.percentOf) * ev(e.percent)) / 100;
    return 'max' in e ? Math.max(...e.max.map(ev)) : Math.min(...e.min.map(ev));
  };
  return ev(rv.expr);
}

/** The parameters contributionsPerHead reads, each evaluated on the path's wages where it follows them. */
const PER_PATH = new Set([
  'employee.base.floor',
  'employee.base.ceiling',
  'maternity.base.floor',
  'maternity.base.ceiling',
  'employee.rate.employer',
  'employee.rate.individual',
  'employee.rate.employerForRetiree',
  'employee.account.retireeCredit',
  'employee.flexible.base',
  'employee.rate.flexible',
  'maternity.rate.employer',
  'employee.account.shareOfIndividual',
  'employee.account.shareOfEmployer',
]);

/**
 * Whether anything else the model reads follows the wage series (a resident
 * standard as a share of the wage, a value uprated along it): then a path with
 * other wages needs the policy compiled for them.
 */
function followsSeries(tl: PolicyTimeline): boolean {
  for (const st of tl.states) {
    for (const rv of st.resolution.values.values()) {
      if (typeof rv.value === 'string') continue;
      if (rv.uprated?.series) return true;
      if (!PER_PATH.has(rv.name) && memoOf(tl, st.resolution, rv.name).follows) return true;
    }
  }
  return false;
}

/**
 * Contributions per person of each group in a year under the rules, month by
 * month (a temporary cut acts only in its months), on the path's wages; or
 * undefined where the rules set no employer rate or the wage is unknown (the
 * model then grows the reported contributions with insured counts and wages).
 * A floor computed above its ceiling is refused, as the rules' resolution does.
 */
function contributionsPerHead(policy: PolicyYears, i: number, year: number, wage: WageF64): PerHead | undefined {
  const em = policy.employeeMonths[i];
  if (!em) return undefined;
  const avgWage = wage(year + policy.wageYearOffset[i]!);
  if (avgWage === undefined) return undefined;
  const tl = policy.timeline;
  const spread = policy.spread;
  const p: PerHead = { employerPerInService: 0, employerPerRetiree: 0, individualPerInService: 0, individualPerFlexible: 0, maternityPerInService: 0, accountsPerInService: 0, accountsPerRetiree: 0 };
  for (const { rin, rret, rflex, months } of em.groups) {
    const floor = valueF64(tl, rin, 'employee.base.floor', wage);
    const ceiling = valueF64(tl, rin, 'employee.base.ceiling', wage);
    const mFloor = valueF64(tl, rin, 'maternity.base.floor', wage);
    const mCeiling = valueF64(tl, rin, 'maternity.base.ceiling', wage);
    if (floor > ceiling || mFloor > mCeiling) throw new FloorAboveCeiling(floor > ceiling ? 'employee.base.floor' : 'maternity.base.floor', year);
    const base = meanBase(avgWage, spread, floor, ceiling);
    const er = (base * or0(valueF64(tl, rin, 'employee.rate.employer', wage))) / 100;
    const ir = (base * or0(valueF64(tl, rin, 'employee.rate.individual', wage))) / 100;
    p.employerPerRetiree += months * ((base * or0(valueF64(tl, rret, 'employee.rate.employerForRetiree', wage))) / 100);
    // Retirees' accounts credited a fixed amount from pooling (国办发〔2021〕14号), where the rules set one.
    p.accountsPerRetiree += months * or0(valueF64(tl, rret, 'employee.account.retireeCredit', wage));
    const flexBase = valueF64(tl, rflex, 'employee.flexible.base', wage);
    const flexRate = valueF64(tl, rflex, 'employee.rate.flexible', wage);
    if (flexBase && flexRate) p.individualPerFlexible += months * ((flexBase * flexRate) / 100);
    const mRate = valueF64(tl, rin, 'maternity.rate.employer', wage);
    if (mRate) p.maternityPerInService += months * ((meanBase(avgWage, spread, mFloor, mCeiling) * mRate) / 100);
    p.employerPerInService += months * er;
    p.individualPerInService += months * ir;
    p.accountsPerInService += months * ((ir * or0(valueF64(tl, rin, 'employee.account.shareOfIndividual', wage))) / 100 + (er * or0(valueF64(tl, rin, 'employee.account.shareOfEmployer', wage))) / 100);
  }
  return p;
}

function or0(x: number): number {
  return Number.isNaN(x) ? 0 : x;
}

const perHeadCache = new WeakMap<PolicyYears, Map<string, (PerHead | undefined)[]>>();

/** Contributions per head of every year on a wage path, once per policy and wage path. */
function contributionsOnPath(policy: PolicyYears, p: PathAssumptions, wage: WageF64): (PerHead | undefined)[] {
  let m = perHeadCache.get(policy);
  if (!m) perHeadCache.set(policy, (m = new Map()));
  const key = `${p.wageGrowth}|${p.reported?.wageGrowth}|${p.wageGrowthByYear?.length ? Array.from(p.wageGrowthByYear).join(',') : ''}`;
  let out = m.get(key);
  if (!out) {
    out = [];
    for (let y = policy.first; y <= policy.until; y++) out.push(contributionsPerHead(policy, y - policy.first, y, wage));
    if (m.size >= 8) m.delete(m.keys().next().value!);
    m.set(key, out);
  }
  return out;
}

/** A contribution floor above its ceiling on the path's wages (the rules' resolution refuses the same). */
export class FloorAboveCeiling extends Error {
  constructor(
    readonly param: string,
    readonly year: number,
  ) {
    super(`${param} is above its ceiling in ${year} on these wages`);
  }
}

/** The population model for these counts and assumptions, computed once per key (or read from tables handed over). */
export function cachedPopulation(input: ProjectionInput, start: Partial<Record<Group, number>>, population: Assumptions['population'], retireeCostWeight: number): PopulationIndex {
  const retirement = input.retirement!;
  let byStack = populationCache.get(retirement);
  if (!byStack) populationCache.set(retirement, (byStack = new Map()));
  const { base, until } = input;
  const first = firstYear(base);
  const key = JSON.stringify([base.year, first, until, start, population, retireeCostWeight]);
  const n = (g: Group) => ({ toNumber: () => start[g] ?? 0 });
  const make = () =>
    populationIndex({
      baseYear: base.year,
      from: first,
      until,
      start: { inService: n('inService'), flexible: n('flexible'), retiree: n('retiree'), resident: n('resident') },
      assumptions: { ...input.assumptions, population, retireeCostWeight: new D(retireeCostWeight) },
      retirement,
      structure: base.ageStructure,
    });
  return remember(byStack, key, () => {
    const tables = handedTables.get(retirement)?.get(key);
    return tables ? fromTables(tables, make) : make();
  });
}

type Arrays = { index: Record<Group, Float64Array>; cost: Record<'inService' | 'flexible' | 'retiree' | 'resident', Float64Array> };

/**
 * A population variant as plain arrays (its index and mean cost by group
 * and year, as the kernel reads them), so a worker thread is handed the
 * variants the calling thread already ran instead of running the population
 * model again for each (src/analyses/monte-carlo-transfer.ts).
 */
export interface PopulationTables extends Arrays {
  key: string;
  first: number;
  until: number;
}

const handedTables = new WeakMap<PolicyStack, Map<string, PopulationTables>>();

/** Every population variant run so far on these retirement rules, as tables. */
export function populationTables(retirement: PolicyStack): PopulationTables[] {
  const out: PopulationTables[] = [];
  for (const [key, pop] of populationCache.get(retirement) ?? []) {
    const [, first, until] = JSON.parse(key) as [number, number, number];
    out.push({ key, first, until, ...populationArrays(pop, first, until) });
  }
  return out;
}

/** Tables handed over for these retirement rules: cachedPopulation reads a variant from them rather than running the model. */
export function adoptPopulationTables(retirement: PolicyStack, tables: PopulationTables[]): void {
  let m = handedTables.get(retirement);
  if (!m) handedTables.set(retirement, (m = new Map()));
  for (const t of tables) m.set(t.key, t);
}

/** A variant from its tables; what the tables do not hold (ages, other years) from the model, run once if ever asked. */
function fromTables(t: PopulationTables, make: () => PopulationIndex): PopulationIndex {
  let full: PopulationIndex | undefined;
  const whole = () => (full ??= make());
  const pop: PopulationIndex = {
    get insured() {
      return whole().insured;
    },
    get retirementRule() {
      return whole().retirementRule;
    },
    index: (g, y) => whole().index(g, y),
    cost: (g, y) => whole().cost(g, y),
    year: (y) => whole().year(y),
  };
  popArrays.set(pop, new Map([[`${t.first}-${t.until}`, { index: t.index, cost: t.cost }]]));
  return pop;
}

const popArrays = new WeakMap<PopulationIndex, Map<string, Arrays>>();

/** The population model's index and mean cost by group and year as arrays from `first` (read once per model). */
function populationArrays(pop: PopulationIndex, first: number, until: number): Arrays {
  let m = popArrays.get(pop);
  if (!m) popArrays.set(pop, (m = new Map()));
  const key = `${first}-${until}`;
  let v = m.get(key);
  if (!v) {
    const years = (f: (y: number) => number) => Float64Array.from({ length: until - first + 1 }, (_, i) => f(first + i));
    const groups = ['inService', 'retiree', 'flexible', 'resident', 'tekun', 'dibao', 'fanpin'] as const;
    const statuses = ['inService', 'flexible', 'retiree', 'resident'] as const;
    v = {
      index: Object.fromEntries(groups.map((g) => [g, years((y) => pop.index(g, y))])) as Record<Group, Float64Array>,
      cost: Object.fromEntries(statuses.map((g) => [g, years((y) => pop.cost(g, y))])) as Arrays['cost'],
    };
    m.set(key, v);
  }
  return v;
}

/** Base-year counts by group, float64: the report's, or all employees split by the scenario's shares. */
export function startCounts(a: Assumptions, employeesTotal: Dec | undefined): Partial<Record<Group, number>> {
  const start: Partial<Record<Group, Dec>> = { ...a.counts };
  if (employeesTotal && start.inService === undefined && start.retiree === undefined) {
    start.retiree = employeesTotal.times(a.retireeShare).dividedBy(100);
    start.flexible ??= employeesTotal.times(a.flexibleShare).dividedBy(100);
    start.inService = employeesTotal.minus(start.retiree).minus(start.flexible);
  }
  return Object.fromEntries(Object.entries(start).map(([g, v]) => [g, v.toNumber()]));
}

/**
 * The drivers of every year from the first reported to the horizon as
 * columns (struct of arrays, index: year − first), filled in place: the
 * kernel fills one set per path with no object per year. The exact record
 * reads the same numbers as YearDrivers (yearDrivers: a view of each year).
 */
export class DriverColumns {
  readonly first: number;
  readonly n: number;
  /** [group (GROUPS order)][year]; only the groups counted (`groups`) are written. */
  readonly counts: Float64Array;
  readonly employees: Float64Array;
  readonly contributors: Float64Array;
  /** 1 where the rules give employee contributions (then employer … toAccounts are set). */
  readonly hasEmployee: Uint8Array;
  readonly employer: Float64Array;
  readonly individual: Float64Array;
  readonly maternity: Float64Array;
  readonly toAccounts: Float64Array;
  readonly collection: Float64Array;
  readonly wageIndex: Float64Array;
  readonly cost: Float64Array;
  readonly residentCost: Float64Array;
  readonly employeeCostUnits: Float64Array;
  readonly residentAgeCost: Float64Array;
  readonly aidGroups: Float64Array;
  readonly aidFunding: Float64Array;
  /** The groups counted, in the order of the start counts. */
  groups: Group[] = [];
  /** Per year, the resident rules' per-head values (the policy's own array). */
  resident: ResidentF64[] = [];
  #buffer: Float64Array;

  constructor(first: number, n: number) {
    this.first = first;
    this.n = n;
    const b = (this.#buffer = new Float64Array(n * (GROUPS.length + 15)));
    let k = 0;
    const col = (width = 1) => b.subarray(k * n, (k += width) * n);
    this.counts = col(GROUPS.length);
    this.employees = col();
    this.contributors = col();
    this.employer = col();
    this.individual = col();
    this.maternity = col();
    this.toAccounts = col();
    this.collection = col();
    this.wageIndex = col();
    this.cost = col();
    this.residentCost = col();
    this.employeeCostUnits = col();
    this.residentAgeCost = col();
    this.aidGroups = col();
    this.aidFunding = col();
    this.hasEmployee = new Uint8Array(n);
  }

  #scratch?: Float64Array[];
  /** Scratch column k (0 to 2) of fillDrivers: overwritten by every fill, never read as a driver. */
  scratch(k: number): Float64Array {
    const n = this.n;
    if (!this.#scratch) {
      const b = new Float64Array(3 * n);
      this.#scratch = [0, 1, 2].map((j) => b.subarray(j * n, (j + 1) * n));
    }
    return this.#scratch[k]!;
  }

  /** A copy that later fills of this one leave alone. */
  clone(): DriverColumns {
    const c = new DriverColumns(this.first, this.n);
    c.#buffer.set(this.#buffer);
    c.hasEmployee.set(this.hasEmployee);
    c.groups = this.groups;
    c.resident = this.resident;
    return c;
  }

  /** Group g's count in year i (index from `first`), or undefined where the group is not counted. */
  count(g: Group, i: number): number | undefined {
    return this.groups.includes(g) ? this.counts[GROUP_INDEX[g] * this.n + i] : undefined;
  }
}

const GROUP_INDEX = Object.fromEntries(GROUPS.map((g, i) => [g, i])) as Record<Group, number>;
const IN_SERVICE = GROUP_INDEX.inService;
const RETIREE = GROUP_INDEX.retiree;
const FLEXIBLE = GROUP_INDEX.flexible;
const RESIDENT = GROUP_INDEX.resident;
const AID_INDEX = AID_GROUPS.map((g) => GROUP_INDEX[g]);

/** The counted groups of a scenario's start counts, in their order (read once per start counts). */
const groupsOf = new WeakMap<object, { groups: Group[]; inService: boolean; retiree: boolean; flexible: boolean; employees: (typeof EMPLOYEE_GROUPS)[number][]; aid: number[] }>();

/** (1 + rate%)^t for t = t0 … t0 + n − 1 (growthIndex's powers), kept per rate for a trend no path draws (aid funding's). */
const powersOf = new Map<string, Float64Array>();
function powers(ratePercent: number, t0: number, n: number): Float64Array {
  const key = `${ratePercent}|${t0}|${n}`;
  let v = powersOf.get(key);
  if (!v) {
    v = Float64Array.from({ length: n }, (_, i) => growthIndex(ratePercent, t0 + i));
    if (powersOf.size >= 16) powersOf.delete(powersOf.keys().next().value!);
    powersOf.set(key, v);
  }
  return v;
}

/**
 * Fills `c` with the drivers of every year on one path. `pop` moves counts
 * and costs by age where the population model is on.
 */
export function fillDrivers(c: DriverColumns, input: ProjectionInput, policy: PolicyYears, p: PathAssumptions, start: Partial<Record<Group, number>>, pop: PopulationIndex | undefined): DriverColumns {
  const { base, until } = input;
  const first = policy.first;
  const n = c.n;
  if (first !== c.first || until - first + 1 !== n) throw new Error('driver columns of another span');
  const t0 = first - base.year;
  // Indices of every year first, each year one product on from the year before: wages (which the
  // contribution rules read too), prices, use and each group's count.
  const wageIndex = growthColumn(c.wageIndex, t0, p.wageGrowth, p.wageGrowthByYear, p.reported?.wageGrowth);
  const prices = growthColumn(c.scratch(0), t0, p.costGrowth, p.costGrowthByYear, p.reported?.costGrowth);
  const use = growthColumn(c.scratch(1), t0, p.utilizationGrowth, p.utilizationGrowthByYear, p.reported?.utilizationGrowth);
  const wage = wageF64(input.assumptions, base.year, p, wageIndex, first);
  const perHead = contributionsOnPath(policy, p, wage);
  const pa = pop && populationArrays(pop, first, until);
  const baseCost = pa ? pa.cost.inService[base.year - first]! : 1;
  let counted = groupsOf.get(start);
  if (!counted) {
    const groups = Object.keys(start) as Group[];
    const has = (g: Group) => groups.includes(g);
    counted = { groups, inService: has('inService'), retiree: has('retiree'), flexible: has('flexible'), employees: EMPLOYEE_GROUPS.filter(has), aid: AID_GROUPS.filter(has).map((g) => GROUP_INDEX[g]) };
    groupsOf.set(start, counted);
  }
  const { groups, employees: employeeAgeGroups, aid: aidIndex, inService: hasInService, retiree: hasRetiree, flexible: hasFlexible } = counted;
  c.groups = groups;
  c.resident = policy.residentF64;
  const counts = c.counts;
  // Groups often share a trend (a path's participation draw moves them all alike): one column per rate.
  const byRate = c.scratch(2);
  let rate = Number.NaN;
  let reportedRate = Number.NaN;
  for (const g of groups) {
    const r = p.growth[g];
    const rr = p.reported?.growth[g];
    if (!(r === rate && rr === reportedRate)) growthColumn(byRate, t0, (rate = r), undefined, (reportedRate = rr!));
    const row = GROUP_INDEX[g] * n;
    const s0 = start[g]!;
    const moves = pa?.index[g];
    for (let i = 0; i < n; i++) {
      const moved = s0 * byRate[i]!;
      counts[row + i] = moves && t0 + i !== 0 ? moved * moves[i]! : moved;
    }
  }
  const aidAhead = powers(p.aidFundingGrowth, first - base.year, n);
  const aidReported = p.reported ? powers(p.reported.aidFundingGrowth, first - base.year, n) : aidAhead;
  for (let y = first; y <= until; y++) {
    const i = y - first;
    const t = y - base.year;
    // The reported years at their own trends where a path's differ (PathAssumptions.reported).
    const q = t <= 0 && p.reported ? p.reported : p;
    const cost = serviceCostIndex(base.serviceMix?.employee, q.costGrowthByService, prices[i]!, t) * use[i]!;
    c.cost[i] = cost;
    c.residentCost[i] = serviceCostIndex(base.serviceMix?.resident, q.costGrowthByService, prices[i]!, t) * use[i]!;
    const inService = hasInService ? counts[IN_SERVICE * n + i]! : 0;
    const retiree = hasRetiree ? counts[RETIREE * n + i]! : 0;
    const flexible = hasFlexible ? counts[FLEXIBLE * n + i]! : 0;
    let employeeCostUnits = 0;
    let employees = 0;
    for (const g of employeeAgeGroups) {
      const k = counts[GROUP_INDEX[g] * n + i]!;
      employees += k;
      employeeCostUnits += k * ageCost(pa, baseCost, p.retireeCostWeight, g, i);
    }
    c.employees[i] = employees;
    c.contributors[i] = inService + flexible;
    const h = perHead[i];
    c.hasEmployee[i] = h ? 1 : 0;
    if (h) {
      c.employer[i] = h.employerPerInService * inService + h.employerPerRetiree * retiree;
      c.individual[i] = h.individualPerInService * inService + h.individualPerFlexible * flexible;
      c.maternity[i] = h.maternityPerInService * inService;
      c.toAccounts[i] = h.accountsPerInService * inService + h.accountsPerRetiree * retiree;
    }
    // Collection relative to the base year, whose reported income (as every earlier one) already reflects its own.
    c.collection[i] = t <= 0 ? 1 : p.collectionRate / 100;
    c.employeeCostUnits[i] = employeeCostUnits * cost;
    c.residentAgeCost[i] = pop ? ageCost(pa, baseCost, p.retireeCostWeight, 'resident', i) : 1;
    let aid = 0;
    for (const k of aidIndex) aid += counts[k * n + i]!;
    c.aidGroups[i] = aid;
    c.aidFunding[i] = (q === p ? aidAhead : aidReported)[i]!;
  }
  // The contribution mechanism is used only if the base year has it; rules that stop setting a rate:
  // contributions follow the wage mass from the last year they were due (later years from the one before,
  // the reported years before the base year from the one after).
  const b = base.year - first;
  for (let i = b + 1; i < n; i++) carryContributions(c, b, i, i - 1);
  for (let i = b - 1; i >= 0; i--) carryContributions(c, b, i, i + 1);
  return c;
}

/** Mean cost by age of group g in year i relative to the base year's in service (the scenario's weight for retirees without a population model). */
function ageCost(pa: ReturnType<typeof populationArrays> | undefined, baseCost: number, retireeCostWeight: number, g: 'inService' | 'flexible' | 'retiree' | 'resident', i: number): number {
  return pa ? pa.cost[g][i]! / baseCost : g === 'retiree' ? retireeCostWeight : 1;
}

/** Year i's contributions where the rules set none, from year `from`'s by the wage mass (b: the base year's index). */
function carryContributions(c: DriverColumns, b: number, i: number, from: number): void {
  if (!c.hasEmployee[b]) c.hasEmployee[i] = 0;
  else if (!c.hasEmployee[i] && c.hasEmployee[from]) {
    const k = (c.contributors[i]! * c.wageIndex[i]!) / (c.contributors[from]! * c.wageIndex[from]!);
    c.employer[i] = c.employer[from]! * k;
    c.individual[i] = c.individual[from]! * k;
    c.maternity[i] = c.maternity[from]! * k;
    c.toAccounts[i] = c.toAccounts[from]! * k;
    c.hasEmployee[i] = 1;
  }
}

/** Where a YearDrivers view reads its numbers. */
const COLUMNS = Symbol('columns');
type Viewed = YearDrivers & { [COLUMNS]: { c: DriverColumns; i: number } };

/** Year i of the columns as a YearDrivers (a symbol-keyed link to them: JSON and calibration keys see only the numbers). */
export function yearView(c: DriverColumns, i: number, baseYear: number): YearDrivers {
  const n = c.n;
  const counts: Partial<Record<Group, number>> = {};
  for (const g of c.groups) counts[g] = c.counts[GROUP_INDEX[g] * n + i]!;
  const d: Viewed = {
    t: c.first + i - baseYear,
    counts,
    employees: c.employees[i]!,
    contributors: c.contributors[i]!,
    employee: c.hasEmployee[i] ? { employer: c.employer[i]!, individual: c.individual[i]!, maternity: c.maternity[i]!, toAccounts: c.toAccounts[i]! } : undefined,
    resident: c.resident[i]!,
    collection: c.collection[i]!,
    wageIndex: c.wageIndex[i]!,
    cost: c.cost[i]!,
    residentCost: c.residentCost[i]!,
    employeeCostUnits: c.employeeCostUnits[i]!,
    residentAgeCost: c.residentAgeCost[i]!,
    aidGroups: c.aidGroups[i]!,
    aidFunding: c.aidFunding[i]!,
    [COLUMNS]: { c, i },
  };
  return d;
}

/** The drivers of every year from the first reported to the horizon, float64, one object a year (the exact record's reading). */
export function yearDrivers(input: ProjectionInput, policy: PolicyYears, p: PathAssumptions, start: Partial<Record<Group, number>>, pop: PopulationIndex | undefined): YearDrivers[] {
  return viewsOf(fillDrivers(new DriverColumns(policy.first, input.until - policy.first + 1), input, policy, p, start, pop), input.base.year);
}

/** Every year of the columns as YearDrivers. */
export function viewsOf(c: DriverColumns, baseYear: number): YearDrivers[] {
  return Array.from({ length: c.n }, (_, i) => yearView(c, i, baseYear));
}

/**
 * The driver of every line, as a code: lines that move alike share one, so a
 * path computes each code once a year (lineDriverAt) and its lines read it.
 */
export const LINE_DRIVERS = [
  'one',
  'wageMass',
  // Employee fund (with the rules' contributions, else the wage mass or 1).
  'employee.contributions',
  'employee.employer',
  'employee.individual',
  'employee.maternity',
  'employee.otherContributions',
  // Pooling: what stays after the accounts' share (else the wage mass, or 1 for lines that do not follow it).
  'pooling.wageMass',
  'pooling.one',
  'account.credited',
  'resident.individual',
  'resident.contributions',
  'resident.subsidy',
  'resident.subsidy.central',
  'resident.subsidy.region',
  'resident.subsidy.city',
  'resident.subsidy.county',
  'aid.funding',
  'employee.maternityBenefits',
  'employee.costUnits',
  'account.spending',
  'resident.criticalIllness',
  'resident.benefits',
  'aid.benefits',
] as const;
export type LineDriverName = (typeof LINE_DRIVERS)[number];
const CODE = Object.fromEntries(LINE_DRIVERS.map((k, i) => [k, i])) as Record<LineDriverName, number>;
const SUBSIDY_LEVELS: Partial<Record<string, LineDriverName>> = { 'subsidy.central': 'resident.subsidy.central', 'subsidy.region': 'resident.subsidy.region', 'subsidy.city': 'resident.subsidy.city', 'subsidy.county': 'resident.subsidy.county' };

/** The code of one line's driver (LINE_DRIVERS). */
export function lineDriverCode(fund: FundId, side: 'income' | 'expenditure', line: string): number {
  return CODE[side === 'income' ? incomeDriverName(fund, line) : expenditureDriverName(fund, line)];
}

function incomeDriverName(fund: FundId, line: string): LineDriverName {
  switch (fund) {
    case 'employee':
      if (line === 'contributions') return 'employee.contributions';
      if (line === 'contributions.employer') return 'employee.employer';
      if (line === 'contributions.individual') return 'employee.individual';
      if (line === 'contributions.maternity') return 'employee.maternity';
      return line.startsWith('contributions') ? 'employee.otherContributions' : 'one';
    case 'employee.pooling':
      if (line === 'interest') return 'one';
      return line.startsWith('contributions') || line === 'other' ? 'pooling.wageMass' : 'pooling.one';
    case 'employee.account':
      return line === 'interest' ? 'one' : 'account.credited';
    case 'employee.largeAmount':
    case 'employee.civilServant':
      return line === 'interest' ? 'one' : 'wageMass';
    case 'resident':
      // Gaps are filled (PolicyYears.resident): every per-head value is set.
      if (line === 'contributions.individual') return 'resident.individual';
      if (line === 'contributions') return 'resident.contributions';
      if (line === 'subsidy') return 'resident.subsidy';
      return SUBSIDY_LEVELS[line] ?? 'one';
    case 'aid':
      return line.startsWith('subsidy') ? 'aid.funding' : 'one';
  }
}

function expenditureDriverName(fund: FundId, line: string): LineDriverName {
  switch (fund) {
    case 'employee':
    case 'employee.pooling':
    case 'employee.largeAmount':
    case 'employee.civilServant':
      if (line === 'benefits.maternity') return 'employee.maternityBenefits';
      return line === 'other' ? 'one' : 'employee.costUnits';
    case 'employee.account':
      // Accounts pay out what goes in, roughly: spending follows the money credited.
      return line === 'other' ? 'one' : 'account.spending';
    case 'resident':
      // 大病保险 premiums follow residents and costs; benefits also the reimbursement ratio.
      if (line === 'criticalIllness') return 'resident.criticalIllness';
      return line === 'other' ? 'one' : 'resident.benefits';
    case 'aid':
      return line === 'aid.medical' || line === 'benefits' ? 'aid.benefits' : 'one';
  }
}

/** The value of line driver `code` in year i of the columns (lineDriverColumn's statement for one year). */
export function lineDriverAt(code: number, c: DriverColumns, i: number): number {
  lineDriverColumn(code, c, i, i + 1, one, -i);
  return one[0]!;
}
const one = new Float64Array(1);

/**
 * The value of line driver `code` in years `from` to `to` − 1 of the columns, written to out[offset + i]: the one
 * statement of each driver, the code's case chosen once for all the years.
 */
export function lineDriverColumn(code: number, c: DriverColumns, from: number, to: number, out: Float64Array, offset: number): void {
  const n = c.n;
  const e = c.hasEmployee;
  const { employer, individual, maternity, toAccounts, collection, contributors, wageIndex, counts, resident: rs } = c;
  const residents = c.groups.includes('resident') ? RESIDENT * n : -1;
  // No closures here (one made per call would cost more than the loop: the command line keeps functions' names).
  switch (code) {
    case 0: // one
      for (let i = from; i < to; i++) out[offset + i] = 1;
      return;
    case 1: // wageMass
      for (let i = from; i < to; i++) out[offset + i] = contributors[i]! * wageIndex[i]! * collection[i]!;
      return;
    case 2:
      for (let i = from; i < to; i++) out[offset + i] = e[i] ? (employer[i]! + individual[i]! + maternity[i]!) * collection[i]! : contributors[i]! * wageIndex[i]! * collection[i]!;
      return;
    case 3:
      for (let i = from; i < to; i++) out[offset + i] = e[i] ? employer[i]! * collection[i]! : contributors[i]! * wageIndex[i]! * collection[i]!;
      return;
    case 4:
      for (let i = from; i < to; i++) out[offset + i] = e[i] ? individual[i]! * collection[i]! : contributors[i]! * wageIndex[i]! * collection[i]!;
      return;
    case 5:
      for (let i = from; i < to; i++) out[offset + i] = e[i] ? maternity[i]! * collection[i]! : contributors[i]! * wageIndex[i]! * collection[i]!;
      return;
    case 6:
      for (let i = from; i < to; i++) out[offset + i] = e[i] ? 1 : contributors[i]! * wageIndex[i]! * collection[i]!;
      return;
    case 7:
    case 8:
      for (let i = from; i < to; i++) out[offset + i] = e[i] ? (employer[i]! + individual[i]! + maternity[i]! - toAccounts[i]!) * collection[i]! : code === 7 ? contributors[i]! * wageIndex[i]! * collection[i]! : 1;
      return;
    case 9:
      for (let i = from; i < to; i++) out[offset + i] = e[i] ? toAccounts[i]! * collection[i]! : contributors[i]! * wageIndex[i]! * collection[i]!;
      return;
    case 10:
      for (let i = from; i < to; i++) out[offset + i] = (residents < 0 ? 0 : counts[residents + i]!) * rs[i]!.collected * collection[i]!;
      return;
    case 11:
      for (let i = from; i < to; i++) out[offset + i] = (residents < 0 ? 0 : counts[residents + i]!) * (rs[i]!.collected + rs[i]!.subsidy) * collection[i]!;
      return;
    case 12:
      for (let i = from; i < to; i++) out[offset + i] = (residents < 0 ? 0 : counts[residents + i]!) * rs[i]!.subsidy;
      return;
    case 13:
    case 14:
    case 15:
    case 16: {
      const level = SPLIT_LEVELS[code - 13]!;
      for (let i = from; i < to; i++) {
        const r = rs[i]!;
        out[offset + i] = (residents < 0 ? 0 : counts[residents + i]!) * (r.split ? r.split[level] : r.subsidy);
      }
      return;
    }
    case 17:
      for (let i = from; i < to; i++) out[offset + i] = c.aidFunding[i]!;
      return;
    case 18: {
      const inService = c.groups.includes('inService') ? IN_SERVICE * n : -1;
      for (let i = from; i < to; i++) out[offset + i] = (inService < 0 ? c.employees[i]! : counts[inService + i]!) * c.cost[i]!;
      return;
    }
    case 19:
      for (let i = from; i < to; i++) out[offset + i] = c.employeeCostUnits[i]!;
      return;
    case 20:
      for (let i = from; i < to; i++) out[offset + i] = c.employees[i]! * wageIndex[i]!;
      return;
    case 21:
      for (let i = from; i < to; i++) out[offset + i] = (residents < 0 ? 1 : counts[residents + i]!) * c.residentCost[i]! * c.residentAgeCost[i]!;
      return;
    case 22:
      for (let i = from; i < to; i++) out[offset + i] = (residents < 0 ? 1 : counts[residents + i]!) * c.residentCost[i]! * c.residentAgeCost[i]! * rs[i]!.reimbursementRatio;
      return;
    case 23:
      for (let i = from; i < to; i++) {
        const aid = c.aidGroups[i]!;
        out[offset + i] = (aid === 0 ? (residents < 0 ? 1 : counts[residents + i]!) : aid) * c.residentCost[i]! * c.residentAgeCost[i]! * rs[i]!.aidReimbursementRatio;
      }
      return;
  }
  throw new Error(`no line driver ${code}`);
}
const SPLIT_LEVELS = ['central', 'region', 'city', 'county'] as const;

/** The columns behind a YearDrivers view. */
function columnsOf(d: YearDrivers): { c: DriverColumns; i: number } {
  const at = (d as Partial<Viewed>)[COLUMNS];
  if (!at) throw new Error('year drivers not made by yearDrivers');
  return at;
}

/** The driver of one income line of one fund in one year. */
export function incomeDriver(fund: FundId, line: IncomeLine, d: YearDrivers): number {
  const { c, i } = columnsOf(d);
  return lineDriverAt(lineDriverCode(fund, 'income', line), c, i);
}

/** The driver of one expenditure line of one fund in one year. */
export function expenditureDriver(fund: FundId, line: ExpenditureLine, d: YearDrivers): number {
  const { c, i } = columnsOf(d);
  return lineDriverAt(lineDriverCode(fund, 'expenditure', line), c, i);
}

/** The driver of a line, either side. */
export function lineDriver(fund: FundId, side: 'income' | 'expenditure', line: string, d: YearDrivers): number {
  const { c, i } = columnsOf(d);
  return lineDriverAt(lineDriverCode(fund, side, line), c, i);
}

/** The driver of a line as a function of the year's drivers, its code chosen once. */
export function lineDriverOf(fund: FundId, side: 'income' | 'expenditure', line: string): (d: YearDrivers) => number {
  const code = lineDriverCode(fund, side, line);
  return (d) => {
    const { c, i } = columnsOf(d);
    return lineDriverAt(code, c, i);
  };
}

/** What medical aid pays for contributions in year i, float64 (project.ts aidContributions is the exact statement). */
export function aidPaysAt(c: DriverColumns, i: number): number {
  const pays = c.resident[i]!.aidPays;
  let s = 0;
  for (let k = 0; k < AID_GROUPS.length; k++) {
    const g = AID_GROUPS[k]!;
    if (c.groups.includes(g)) s += c.counts[AID_INDEX[k]! * c.n + i]! * pays[g];
  }
  return s;
}
