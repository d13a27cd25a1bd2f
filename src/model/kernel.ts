/**
 * The kernel: the projection's money phase on float64 and integer fen, for
 * the thousands of projections Monte Carlo, sensitivity and goal seek need.
 *
 * `compileKernel(input)` does everything that depends on the scenario alone
 * once (the policy timeline, the population model, calibration, each line's
 * anchor); `kernel.run(shocks)` then projects one path, with the uncertain
 * assumptions overridden as plain numbers. The decimal.js projection
 * (project.ts) stays the exact record: the kernel charges every line to the
 * fen as it does, and a line whose float64 value lies within a small distance
 * of a half fen is recomputed exactly, so the two agree to the fen
 * (test/model/kernel.property.test.ts).
 */
import { D, toFen, ZERO, type Dec } from '../common/money.ts';
import { reportedTrends, type Assumptions } from './assumptions.ts';
import { GROUPS, type BaseFund, type BaseYear, type ExpenditureLine, type FundId, type Group, type IncomeLine } from './base-year.ts';
import { anchorOf, type Calibration } from './calibration.ts';
import { sharedCalibrateF64, type FloatCalibration } from './kernel-calibration.ts';
import { aidPaysAt, cachedPopulation, DriverColumns, fillDrivers, LINE_DRIVERS, lineDriverAt, lineDriverCode, lineDriverColumn, lineDriverOf, pathAssumptions, policyYears, startCounts, viewsOf, yearView, type PathAssumptions, type PolicyYears, type YearDrivers } from './driver-table.ts';
import type { MonthsPayableMethod } from './fund-year.ts';
import type { Service } from './services.ts';
import type { PopulationIndex } from '../population/for-model.ts';
import { aidContributions, calibrationOf, deferredAmounts, project, scale, sumValues, withCriticalIllness, type Deferred, type Projection, type ProjectionInput } from './project.ts';

/** One path's values of the uncertain assumptions; anything left out is the scenario's own. */
export interface KernelShocks {
  /** Percent a year. */
  wageGrowth?: number;
  costGrowth?: number;
  utilizationGrowth?: number;
  /** Collection relative to the base year, percent (100: as in the base year). */
  collectionRate?: number;
  /** Interest on the funds' balances, percent a year. */
  interestRate?: number;
  /**
   * Per projected year (index 0: the year after the base year), percent; a
   * value here replaces the constant rate in that year. Shorter arrays: the
   * constant rate (or the scenario's) beyond their end.
   */
  wageGrowthByYear?: ArrayLike<number>;
  costGrowthByYear?: ArrayLike<number>;
  utilizationGrowthByYear?: ArrayLike<number>;
  /** The population model with another fertility variant or mortality (recomputed once per key, then cached). */
  population?: { variant: 'low' | 'medium' | 'high'; mortalityPercent: number };
  /** Percent a year by insured group, on top of what the population does (the participation trend). */
  growth?: Partial<Record<'inService' | 'retiree' | 'flexible' | 'resident' | 'tekun' | 'dibao' | 'fanpin', number>>;
  retireeCostWeight?: number;
  aidFundingGrowth?: number;
  /** Percent a year by service (inpatient, special and general outpatient), replacing the scenario's for the services given. */
  costGrowthByService?: Partial<Record<Service, number>>;
  /**
   * The trends act from the year after the base year only; the reported years
   * keep the scenario's (Assumptions.reportedYears), and so does calibration,
   * which reads them: a Monte Carlo path's draws are about the future.
   */
  projectedYearsOnly?: boolean;
}

export interface KernelFund {
  id: FundId;
  /** Income, expenditure, current and cumulative balance per year from the base year, integer fen held as float64. */
  income: Float64Array;
  expenditure: Float64Array;
  currentBalance: Float64Array;
  cumulative: Float64Array;
  /** Months payable per year; NaN where there is no expenditure to pay. */
  monthsPayable: Float64Array;
  /** First year whose current balance is negative, or 0 for none. */
  firstDeficitYear: number;
  /** First year whose cumulative balance is negative, or 0 for none. */
  exhaustionYear: number;
  /** Every line, integer fen per year (0 in a year without it), by "income:<line>" / "expenditure:<line>". */
  lines: Map<string, Float64Array>;
}

export type KernelResult =
  | {
      baseYear: number;
      until: number;
      /** Years from the base year to the horizon. */
      years: Int32Array;
      /** Same ids and order as the exact projection's funds. */
      funds: KernelFund[];
      /** Fiscal subsidy over the projected years after the base year, by level, integer fen. */
      subsidyTotals: { central: number; region: number; city: number; county: number; unspecified: number };
      /** Lines within reach of a half fen, recomputed exactly (decimal.js) in this run; -1: the whole path was (sums beyond 2^53 fen). */
      exactLines: number;
      problem?: undefined;
    }
  | { problem: { zh: string; en: string }; funds?: undefined };

export interface Kernel {
  readonly baseYear: number;
  readonly until: number;
  /**
   * One path. Errors are values (a result with `problem`), never exceptions.
   * With `reuse`, the result's arrays live in a buffer the next run with
   * `reuse` overwrites (Monte Carlo copies each path's figures at once): no
   * allocation, and no garbage, per path.
   */
  run(shocks?: KernelShocks, options?: { reuse?: boolean }): KernelResult;
  /** Runs the population model of each variant now, as a path drawing it would (a pool then hands them to its workers). */
  populations(variants: NonNullable<KernelShocks['population']>[]): void;
}


/** The kernel's result from an exact projection (the same figures, in integer fen). */
export function resultOfProjection(p: Projection): KernelResult {
  const years = Int32Array.from(p.funds[0]?.years.map((y) => y.year) ?? []);
  const fen = (v: Dec) => v.times(100).toNumber();
  const total = (k: 'central' | 'region' | 'city' | 'county' | 'unspecified') => fen(p.subsidyTotals[k]);
  return {
    baseYear: p.baseYear,
    until: p.until,
    years,
    funds: p.funds.map((f) => {
      const lines = new Map<string, Float64Array>();
      f.years.forEach((y, i) => {
        for (const side of ['income', 'expenditure'] as const) {
          for (const [line, v] of Object.entries(y[side]) as [string, Dec][]) {
            const k = `${side}:${line}`;
            let arr = lines.get(k);
            if (!arr) lines.set(k, (arr = new Float64Array(f.years.length)));
            arr[i] = fen(v);
          }
        }
      });
      return {
        id: f.id,
        income: Float64Array.from(f.years, (y) => fen(y.incomeTotal)),
        expenditure: Float64Array.from(f.years, (y) => fen(y.expenditureTotal)),
        currentBalance: Float64Array.from(f.years, (y) => fen(y.currentBalance)),
        cumulative: Float64Array.from(f.years, (y) => fen(y.cumulative)),
        monthsPayable: Float64Array.from(f.years, (y) => (y.monthsPayable === undefined ? Number.NaN : y.monthsPayable.toNumber())),
        firstDeficitYear: f.firstDeficitYear ?? 0,
        exhaustionYear: f.exhaustionYear ?? 0,
        lines,
      };
    }),
    subsidyTotals: { central: total('central'), region: total('region'), city: total('city'), county: total('county'), unspecified: total('unspecified') },
    exactLines: 0,
  };
}

/** Largest magnitude in fen a float64 holds with every fen exact (and sums of a few of them). */
const SAFE_FEN = 2 ** 51;

/**
 * Round half up (a half away from zero, as decimal.js ROUND_HALF_UP) a float64
 * amount in fen; NaN where it is within reach of a half fen (float64's error
 * on the product, under 1e-15 of the value, could put it on either side), or
 * too large for float64 to tell fen apart: the caller then recomputes exactly.
 */
export function roundFen(x: number, margin = 1.5e-15): number {
  const ax = Math.abs(x);
  if (!(ax < SAFE_FEN)) return Number.NaN;
  const whole = Math.floor(ax);
  const frac = ax - whole;
  // float64 is within about 4.4e-16 of the value on the kernel's products (one rounding of the anchor, of the
  // index read as its shortest decimal, of the product); 1.5e-15 leaves a margin of three.
  if (Math.abs(frac - 0.5) <= ax * margin + 1e-9) return Number.NaN;
  const r = frac > 0.5 ? whole + 1 : whole;
  return x < 0 ? -r : r;
}

const fenOf = (v: Dec): number => v.times(100).toNumber();

/** Veltkamp's splitter for float64 (2^27 + 1). */
const SPLIT = 134217729;

/**
 * Round half up (away from zero) the product a × b in fen, as the exact
 * record rounds its own product of the same two figures; NaN within reach of
 * a half fen or beyond float64's fen. Float64's rounding of the product is
 * removed exactly (Dekker's two-product: a × b = p + err, with no error), so
 * what is left is how far a and b themselves are from the exact record's
 * figures: at most `rel` of the product (see the margins where it is called).
 * This keeps national amounts (10^14 fen, where one float64 step is 1/64 fen)
 * on float64 but for a few lines in a hundred, where a margin that also covers
 * the product's rounding sent about one in three to decimal.js.
 */
export function roundProduct(a: number, b: number, rel: number): number {
  const p = a * b;
  const ap = Math.abs(p);
  if (!(ap < SAFE_FEN)) return Number.NaN;
  // The product's own rounding is at most half a float64 step (2^-53 ≈ 1.11e-16 of it): where the fraction is further
  // than that from a half, beyond the margin, it decides nothing, and the rounding is that of the float64 product.
  const whole0 = Math.floor(ap);
  const frac0 = ap - whole0;
  if (Math.abs(frac0 - 0.5) > ap * (rel + 1.2e-16) + 1e-9) {
    const r = frac0 > 0.5 ? whole0 + 1 : whole0;
    return p < 0 ? -r : r;
  }
  let c = SPLIT * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLIT * b;
  const bh = c - (c - b);
  const bl = b - bh;
  const err = ah * bh - p + ah * bl + al * bh + al * bl;
  const whole = Math.floor(ap);
  // |a × b| = |p + err|; ap - whole is exact (the fraction of a float64 is one).
  const frac = ap - whole + (p < 0 ? -err : err);
  if (Math.abs(frac - 0.5) <= ap * rel + 1e-9) return Number.NaN;
  const r = frac > 0.5 ? whole + 1 : whole;
  return p < 0 ? -r : r;
}

/*
 * The margins of roundProduct. The exact record reads a float64 x as its
 * shortest decimal (decimal.js), which rounds back to x, so it lies within half
 * a float64 step of x: at most 2^-53 ≈ 1.11e-16 of |x| away. Its products are
 * exact at 40 digits. So:
 * - an anchor held exactly in fen (integer fen) × an index: 2^-53 of the product
 *   (the index's decimal) → REL_ONE = 1.5e-16;
 * - an anchor in fen that float64 rounds (sub-fen digits), × an index; interest
 *   at a percent rate (the rate's decimal and the division by 100): two such
 *   steps, 2^-52 ≈ 2.22e-16 → REL_TWO = 3e-16.
 * Each leaves a third or more above the bound; the absolute 1e-9 fen covers
 * the float64 sum of the fraction and the product's error.
 */
const REL_ONE = 1.5e-16;
const REL_TWO = 3e-16;

/** roundFen with the margin of an amount from float64 levels (within about 1.5e-15 of the exact one). */
export function roundFenLoose(x: number): number {
  return roundFen(x, 1e-14);
}

/** Round half up (away from zero) a value known exactly. */
function halfUp(x: number): number {
  const r = Math.floor(Math.abs(x) + 0.5);
  return x < 0 ? -r : r;
}
const FUND_ORDER = ['employee', 'employee.pooling', 'employee.account', 'employee.largeAmount', 'employee.civilServant', 'resident', 'aid'] as const;
const SUBSIDY_KEYS = ['income:subsidy.central', 'income:subsidy.region', 'income:subsidy.city', 'income:subsidy.county', 'income:subsidy'] as const;

interface FundPlan {
  bf: BaseFund;
  incomeLines: IncomeLine[];
  expenditureLines: ExpenditureLine[];
  opening0: Dec;
  opening0Fen: number;
  /** Base-year interest ÷ opening balance, the rate a fund earns where the scenario states none. */
  ownRate?: Dec;
  ownRateF64?: number;
  pastFen: number[];
  sources: Sources;
}

/**
 * What compiling a kernel reads of the scenario alone, never of its policy:
 * the base year, plans and layouts of the funds, start counts and the
 * population model. Kernels of the same base year, assumptions, horizon and
 * retirement rules (a grid's cells, a goal seek's steps: other overrides
 * only) share it; it is never written after it is made.
 */
interface ScenarioPart {
  base: BaseYear;
  n: number;
  years: Int32Array;
  scenarioPath: PathAssumptions;
  start: Partial<Record<Group, number>>;
  pop0: PopulationIndex | undefined;
  hasParts: boolean;
  parent: BaseFund | undefined;
  plans: FundPlan[];
  parentPast: number[];
  /** The account's benefits line among its expenditure lines, or -1. */
  accountBenefits: number;
  interest0: number | undefined;
  /** The employee fund's reported totals and balance in fen. */
  parentFen: { cumulative: number; totals?: { income: number; expenditure: number } } | undefined;
  rolledParts: FundId[];
  layouts: Layout[];
}

/** Per fund, what `run` reads of it on every path: keys, codes and the base year's amounts. */
interface Layout {
  plan: FundPlan;
  incomeKeys: string[];
  expenditureKeys: string[];
  isInterest: boolean[];
  isAidContributions: boolean[];
  income0: number[];
  expenditure0: number[];
  asNeeded: boolean;
  addsAidContributions: boolean;
  scheme: string;
}

/** By base year, assumptions (both by identity: a prepared scenario's are never changed), then horizon and retirement rules. */
const scenarioParts = new WeakMap<BaseYear, WeakMap<Assumptions, Map<string, ScenarioPart>>>();
/** The retirement rules' identity as a number, for the key of scenarioParts. */
const retirementIds = new WeakMap<object, number>();

/** The scenario-only part of compiling a kernel, made once per what it reads. */
function scenarioPart(input: ProjectionInput): ScenarioPart {
  let byAssumptions = scenarioParts.get(input.base);
  if (!byAssumptions) scenarioParts.set(input.base, (byAssumptions = new WeakMap()));
  let byRest = byAssumptions.get(input.assumptions);
  if (!byRest) byAssumptions.set(input.assumptions, (byRest = new Map()));
  let rid = 0;
  if (input.retirement) {
    rid = retirementIds.get(input.retirement) ?? 0;
    if (!rid) retirementIds.set(input.retirement, (rid = ++lastRetirementId));
  }
  const key = `${input.until}|${rid}`;
  let part = byRest.get(key);
  if (!part) {
    part = makeScenarioPart(input);
    if (byRest.size >= 16) byRest.delete(byRest.keys().next().value!);
    byRest.set(key, part);
  }
  return part;
}
let lastRetirementId = 0;

function makeScenarioPart(input: ProjectionInput): ScenarioPart {
  const a = input.assumptions;
  const base = withCriticalIllness(input.base, a.criticalIllnessShare);
  const until = input.until;
  const n = until - base.year + 1;
  const years = Int32Array.from({ length: n }, (_, i) => base.year + i);
  const scenarioPath = pathAssumptions(a);
  const start = startCounts(a, base.employees);
  const pop0 = input.retirement ? cachedPopulation(input, start, a.population, scenarioPath.retireeCostWeight) : undefined;
  const hasParts = base.funds.some((f) => f.id.startsWith('employee.'));
  const parent = base.funds.find((f) => f.id === 'employee');
  const plans: FundPlan[] = base.funds
    .filter((bf) => !(bf.id === 'employee' && hasParts))
    .map((bf) => {
      const opening0 = bf.cumulative.minus(sumValues(bf.income).minus(sumValues(bf.expenditure)));
      // Interest earned per 元 of opening balance where the scenario states no rate: the base year's own.
      const ownRate = bf.income.interest && opening0.isPositive() ? bf.income.interest.dividedBy(opening0) : undefined;
      const past = Object.entries(bf.pastExpenditure ?? {}).sort((x, y) => Number(y[0]) - Number(x[0]));
      return {
        bf,
        incomeLines: Object.keys(bf.income) as IncomeLine[],
        expenditureLines: Object.keys(bf.expenditure) as ExpenditureLine[],
        opening0,
        opening0Fen: fenOf(opening0),
        ownRate,
        ownRateF64: ownRate?.toNumber(),
        pastFen: past.map(([, v]) => fenOf(v)),
        sources: sourcesOf(bf.income),
      };
    });
  const parentPast = parent ? Object.entries(parent.pastExpenditure ?? {}).sort((x, y) => Number(y[0]) - Number(x[0])).map(([, v]) => fenOf(v)) : [];
  const accountPlan = plans.find((x) => x.bf.id === 'employee.account');
  const accountBenefits = accountPlan ? accountPlan.expenditureLines.indexOf('benefits') : -1;
  const interest0 = a.interestRate?.toNumber();
  /** The employee fund's reported totals and balance in fen, read once. */
  const parentFen = parent && { cumulative: fenOf(parent.cumulative), totals: parent.reportedTotals && { income: fenOf(parent.reportedTotals.income), expenditure: fenOf(parent.reportedTotals.expenditure) } };
  const rolledParts = parent && hasParts ? base.funds.filter((f) => f.id.startsWith('employee.')).map((f) => f.id) : [];
  /** Per fund, what `run` reads of it on every path: keys, codes and the base year's amounts, once. */
  const layouts = plans.map((plan) => ({
    plan,
    incomeKeys: plan.incomeLines.map((l) => `income:${l}`),
    expenditureKeys: plan.expenditureLines.map((l) => `expenditure:${l}`),
    isInterest: plan.incomeLines.map((l) => l === 'interest'),
    isAidContributions: plan.expenditureLines.map((l) => l === 'aid.contributions'),
    income0: plan.incomeLines.map((l) => fenOf(plan.bf.income[l]!)),
    expenditure0: plan.expenditureLines.map((l) => fenOf(plan.bf.expenditure[l]!)),
    asNeeded: plan.bf.id === 'aid' && a.aidFinancing === 'as-needed',
    addsAidContributions: plan.bf.id === 'aid' && plan.bf.expenditure['aid.contributions'] === undefined,
    scheme: plan.bf.id.startsWith('employee') ? 'employee' : plan.bf.id,
  }));
  return { base, n, years, scenarioPath, start, pop0, hasParts, parent, plans, parentPast, accountBenefits, interest0, parentFen, rolledParts, layouts };
}

/** Everything that depends on the scenario alone, done once (scenarioPart: shared by kernels of other policies); `run` projects one path. */
export function compileKernel(input: ProjectionInput): Kernel {
  const a = input.assumptions;
  const until = input.until;
  const { base, n, years, scenarioPath, start, pop0, hasParts, parent, plans, parentPast, accountBenefits, interest0, parentFen, rolledParts, layouts } = scenarioPart(input);
  const policy0 = policyYears(input);

  /** Calibration reads the drivers of the reported years only: kept per their values (and the policy). */
  const reported = [...new Set([base.year, ...(base.history ?? []).map((p) => p.year)])];
  const calibrations: { policy: PolicyYears; signature: Float64Array; exact: () => Calibration; deferred: (Deferred & { fen: number })[]; anchors: Map<FundId, { income: Anchor[]; expenditure: Anchor[] }> }[] = [];
  /** The signature of a path's reported years, written over on every path (kept only as a new calibration's Float64Array). */
  const scratchSignature: number[] = [];
  function calibrated(policy: PolicyYears, columns: DriverColumns) {
    const found = driverSignature(columns, reported.map((y) => y - policy.first), scratchSignature);
    for (const c of calibrations) if (c.policy === policy && sameValues(c.signature, found)) return c;
    const signature = Float64Array.from(found);
    const first = policy.first;
    // The path's columns are filled again by the next path: the calibration keeps a copy of its own.
    const frozen = columns.clone();
    const drivers = viewsOf(frozen, base.year);
    const i0 = base.year - first;
    // On float64 first; the exact calibration where a decision is too close to call, or a line needs its exact anchor.
    const f = sharedCalibrateF64(input.base, a.criticalIllnessShare.toString(), base, (fund, side, line, y) => {
      const d = drivers[y - first];
      return d && lineDriverOf(fund, side, line)(d);
    }, a.calibration, a.aidFinancing === 'as-needed' ? ['aid'] : []);
    // An anchor of 10^11 fen (a billion 元) or more from float64 levels would sit within reach of a half fen too often: exact.
    const large = [...f.anchors.values()].some((v) => typeof v === 'number' && Math.abs(v) >= 1e9);
    let exactCalibration: Calibration | undefined = f.close || large ? calibrationOf(base, drivers, first, a, input.base) : undefined;
    const exact = () => (exactCalibration ??= calibrationOf(base, drivers, first, a, input.base));
    const anchors = new Map<FundId, { income: Anchor[]; expenditure: Anchor[] }>();
    for (const plan of plans) {
      const of = (side: 'income' | 'expenditure', ls: string[], amounts: Partial<Record<string, Dec>>) =>
        ls.map((l): Anchor => {
          const code = lineDriverCode(plan.bf.id, side, l);
          const d0 = lineDriverAt(code, frozen, i0);
          const float = exactCalibration ? undefined : f.anchors.get(`${plan.bf.id}|${side}|${l}`);
          if (typeof float === 'number') return new Anchor(() => anchorOf(exact(), plan.bf.id, side, l) ?? amounts[l]!, float * 100, false, true, d0, code);
          const anchor = (exactCalibration && anchorOf(exactCalibration, plan.bf.id, side, l)) ?? amounts[l]!;
          const fen = fenOf(anchor);
          return new Anchor(anchor, fen, new D(fen).equals(anchor.times(100)), false, d0, code);
        });
      anchors.set(plan.bf.id, { income: of('income', plan.incomeLines, plan.bf.income), expenditure: of('expenditure', plan.expenditureLines, plan.bf.expenditure) });
    }
    const deferred = exactCalibration ? deferredAmounts(exactCalibration, drivers, first, policy).map((m) => ({ ...m, fen: fenOf(m.amount) })) : deferredF64(f, drivers, frozen, first, policy, exact);
    const entry = { policy, signature, exact, deferred, anchors };
    if (calibrations.length >= 16) calibrations.shift();
    calibrations.push(entry);
    return entry;
  }

  /** The report's deferrals applied (calibration.ts timing, project.ts deferredAmounts) on integer fen. */
  function deferredF64(f: FloatCalibration, drivers: YearDrivers[], columns: DriverColumns, first: number, policy: PolicyYears, exact: () => Calibration): (Deferred & { fen: number })[] {
    const out: (Deferred & { fen: number })[] = [];
    for (const item of base.timing ?? []) {
      const applied = a.calibration.normalise && item.kind === 'deferred' && item.to !== undefined && item.to > base.year && item.year <= base.year;
      if (!applied) continue;
      const d = drivers[item.year - first];
      let fen: number | undefined;
      if (item.amount) fen = fenOf(item.amount);
      else if (d) {
        if (item.line === 'aid.contributions') fen = roundFen(aidPaysAt(columns, item.year - first) * 100);
        else {
          const level = f.levels.get(`${item.fund}|${item.side}|${item.line}|${item.year}`);
          fen = level === undefined ? undefined : level === 0 ? 0 : roundFenLoose(level * lineDriverOf(item.fund, item.side, item.line)(d) * 100);
        }
        if (fen !== undefined && Number.isNaN(fen)) {
          // Within reach of a half fen: the exact calibration's amount.
          const m = deferredAmounts(exact(), drivers, first, policy).find((x) => x.fund === item.fund && x.side === item.side && x.line === item.line && x.to === item.to);
          fen = m ? fenOf(m.amount) : 0;
        }
      }
      if (fen) out.push({ fund: item.fund, side: item.side, line: item.line, to: item.to!, amount: ZERO, fen });
    }
    return out;
  }

  function run(shocks?: KernelShocks, options?: { reuse?: boolean }): KernelResult {
    try {
      return runPath(shocks, options?.reuse === true);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return { problem: { zh: `无法测算：${message}`, en: `cannot project: ${message}` } };
    }
  }

  /** Lines recomputed exactly in the current run (run is synchronous: one run at a time). */
  let exactLines = 0;
  /** The exact record's own arithmetic for a value within reach of a half fen. */
  const exactly: Exactly = (exact) => {
    exactLines++;
    return fenOf(exact());
  };
  /** A line's amount in a year (fen): float64, or the exact record's arithmetic within reach of a half fen. */
  function lineAmount(l: Anchor, dv: number): number {
    const v = scaledF64(l, dv);
    if (v === v) return v;
    exactLines++;
    return fenOf(scale(l.anchor, dv, l.d0));
  }
  /**
   * Line l charged for every projected year into arr, each amount added into that year's total; true where its
   * amounts keep a fraction of a fen (an anchor whose base-year driver is 0: every year's amount is the anchor's).
   */
  function chargeColumn(l: Anchor, arr: Float64Array, totals: Float64Array, ld: Float64Array, span: number, off: number): boolean {
    const from = l.code * span + off;
    for (let i = 1; i < n; i++) {
      const v = lineAmount(l, ld[from + i]!);
      arr[i] = v;
      totals[i]! += v;
    }
    return l.d0 === 0 && l.fen % 1 !== 0;
  }
  /** What medical aid pays for contributions in a year (fen), likewise. */
  function aidAmount(c: DriverColumns, policy: PolicyYears, i: number): number {
    const v = charged(aidPaysAt(c, i) * 100);
    if (v === v) return v;
    exactLines++;
    return fenOf(toFen(aidContributions(yearView(c, i, base.year), policy.resident[i]!)));
  }
  /** The drivers of the last path, with what follows from them alone (calibration, the report's deferrals and pooling's transfers by year). */
  let last: { path: number; policy: PolicyYears; anchors: ReturnType<typeof calibrated>['anchors']; moves: Move[][] } | undefined;
  /** The population model by fertility variant, mortality and retirees' cost weight: a handful per scenario, each found once. */
  const populations = new Map<string | undefined, Map<number | undefined, Map<number, PopulationIndex>>>();
  let populationCount = 0;
  function populationOf(shock: KernelShocks['population'], retireeCostWeight: number): PopulationIndex {
    // By variant, mortality and weight in turn: no key text made on every path.
    let pop = populationsByWeight(populations, shock).get(retireeCostWeight);
    if (!pop) {
      const population = shock ? { ...a.population, population: { ...a.population.population, ...shock } } : a.population;
      pop = cachedPopulation(input, start, population, retireeCostWeight);
      // Paths drawing the retirees' cost weight would make a new one each: at most 64 are kept.
      if (populationCount >= 64) {
        populations.clear();
        populationCount = 0;
      }
      populationsByWeight(populations, shock).set(retireeCostWeight, pop);
      populationCount++;
    }
    return pop;
  }

  /** The scenario's own drivers (no shocks), computed once; a path's, filled in place on every run. */
  let columns0: DriverColumns | undefined;
  let columns: DriverColumns | undefined;
  /** Which fill of `columns` a run reads (its calibration and transfers are kept per fill). */
  let fills = 0;
  /** The line drivers of a run: [code][year], the codes the scenario's lines use computed once a year. */
  const codes = usedCodes(layouts);
  let lineDrivers = new Float64Array(0);
  let slabSize = 64;

  /** The buffer runs with `reuse` share. */
  let reused: Slab | undefined;

  function runPath(shocks: KernelShocks | undefined, reuse: boolean): KernelResult {
    exactLines = 0;
    const p: PathAssumptions = shocks ? withShocks(scenarioPath, shocks) : scenarioPath;
    // Other wages: contribution floors and ceilings that follow them are evaluated on the path's wages; only
    // rules where something else follows them (policy.followsSeries) are compiled again for the path.
    const wageChanged = p.wageGrowth !== scenarioPath.wageGrowth || !!shocks?.wageGrowthByYear?.length;
    const policy = wageChanged && policy0.followsSeries ? policyYears({ ...input, assumptions: { ...a, wageGrowth: new D(String(p.wageGrowth)), reportedYears: shocks?.projectedYearsOnly ? reportedTrends(a) : a.reportedYears } }, shocks?.wageGrowthByYear) : policy0;
    const first = policy.first;
    const span = until - first + 1;
    let cols: DriverColumns;
    let fill: number;
    if (!shocks && policy === policy0) {
      if (!columns0) {
        columns0 = fillDrivers(new DriverColumns(first, span), input, policy, p, start, pop0);
        fills++;
      }
      cols = columns0;
      fill = 0;
    } else {
      const pop = input.retirement && (shocks?.population || p.retireeCostWeight !== scenarioPath.retireeCostWeight) ? populationOf(shocks?.population, p.retireeCostWeight) : pop0;
      if (!columns || columns.first !== first || columns.n !== span) columns = new DriverColumns(first, span);
      cols = fillDrivers(columns, input, policy, p, start, pop);
      fill = ++fills;
    }
    if (lineDrivers.length < LINE_DRIVERS.length * span) lineDrivers = new Float64Array(LINE_DRIVERS.length * span);
    const ld = lineDrivers;
    for (const code of codes) lineDriverColumn(code, cols, base.year - first + 1, span, ld, code * span);
    if (!last || last.path !== fill || last.policy !== policy) {
      const { deferred, anchors } = calibrated(policy, cols);
      const accountSpending = accountBenefits >= 0 ? anchors.get('employee.account')?.expenditure[accountBenefits] : undefined;
      const pooled = outpatientMoves(base, policy, ld, span, first, accountSpending, until, exactly);
      // The report's deferrals and outpatient pooling's transfers, by the year they are paid in.
      const moves: Move[][] = [];
      for (const m of deferred) (moves[m.to - base.year] ??= []).push({ fund: m.fund, key: `${m.side}:${m.line}`, income: m.side === 'income', fen: m.fen });
      for (const m of pooled) (moves[m.to - base.year] ??= []).push({ fund: m.fund, key: `${m.side}:${m.line}`, income: m.side === 'income', fen: m.fen });
      last = { path: fill, policy, anchors, moves };
    }
    const { anchors, moves } = last;
    const interestPct = shocks?.interestRate !== undefined ? shocks.interestRate : interest0;
    const interestDec = shocks?.interestRate !== undefined ? new D(String(shocks.interestRate)) : a.interestRate;

    const slab = !reuse ? new Slab(n, slabSize) : reused && reused.capacity >= slabSize ? reused.reset() : (reused = new Slab(n, slabSize));
    const projected = new Map<FundId, KernelFund>();
    /** Funds with a total or balance beyond 2^53 fen in some year. */
    let beyond: Set<FundId> | undefined;
    for (const lay of layouts) {
      const { plan } = lay;
      const bf = plan.bf;
      const acc: FundLines = { lines: new Map(), income: [], expenditure: [], slab };
      // The fund's own lines first, in their order: acc.income[j] and acc.expenditure[j] are theirs.
      for (let j = 0; j < lay.incomeKeys.length; j++) lineOf(acc, lay.incomeKeys[j]!, true);
      for (let j = 0; j < lay.expenditureKeys.length; j++) lineOf(acc, lay.expenditureKeys[j]!, false);
      const incomeArrs = acc.income.slice();
      const expenditureArrs = acc.expenditure.slice();
      const { income: inA, expenditure: exA } = anchors.get(bf.id)!;
      const hasRate = !!interestDec || !!plan.ownRate;
      const rate = interestPct !== undefined ? interestPct / 100 : plan.ownRateF64;
      const income = slab.take();
      const expenditure = slab.take();
      const current = slab.take();
      const cumulative = slab.take();
      const months = slab.take();
      let opening = plan.opening0Fen;
      const methods = policy.methods.get(lay.scheme)!;
      let interestArr: Float64Array | undefined;
      let aidArr: Float64Array | undefined;
      /** The arrays of the sources that finance aid as needed (their lines'), found at the first year financed. */
      let sourceArrs: Float64Array[] | undefined;
      // First every line that does not hang on the balance, a column at a time, each amount added into its year's
      // total (`income` and `expenditure` hold the sums so far): sums of whole fen below 2^53 are exact in any order.
      // A line with a fraction of a fen (an anchor whose base-year driver is 0: its amount stays the anchor's) makes
      // the order matter: the fund's totals are then added up again line by line, in order, every year.
      const off = base.year - first;
      let fraction = false;
      for (let j = 0; j < incomeArrs.length; j++) {
        if (lay.isInterest[j] && hasRate) continue;
        if (chargeColumn(inA[j]!, incomeArrs[j]!, income, ld, span, off)) fraction = true;
      }
      for (let j = 0; j < expenditureArrs.length; j++) {
        const arr = expenditureArrs[j]!;
        if (lay.isAidContributions[j]) {
          for (let i = 1; i < n; i++) {
            const v = aidAmount(cols, policy, i + off);
            arr[i] = v;
            expenditure[i]! += v;
          }
        } else if (chargeColumn(exA[j]!, arr, expenditure, ld, span, off)) fraction = true;
      }
      // Then year by year what does: interest on the opening balance, transfers, aid financed as needed.
      for (let i = 0; i < n; i++) {
        let inTotal = 0;
        let exTotal = 0;
        if (i === 0) {
          for (let j = 0; j < incomeArrs.length; j++) inTotal += incomeArrs[j]![0] = lay.income0[j]!;
          for (let j = 0; j < expenditureArrs.length; j++) exTotal += expenditureArrs[j]![0] = lay.expenditure0[j]!;
        } else {
          const at = i + off;
          inTotal = income[i]!;
          exTotal = expenditure[i]!;
          let fractionNow = fraction;
          if (hasRate) {
            for (let j = 0; j < incomeArrs.length; j++) {
              if (!lay.isInterest[j]) continue;
              // The fund's own yield read from its decimal (one step), or a percent rate ÷ 100 (two).
              let v = opening > 0 ? roundProduct(opening, rate!, interestPct !== undefined ? REL_TWO : REL_ONE) : 0;
              if (v !== v) {
                exactLines++;
                v = interestExact(opening, interestDec, plan.ownRate);
              }
              incomeArrs[j]![i] = v;
              inTotal += v;
            }
          }
          if (!bf.income.interest && interestDec && opening > 0) {
            let v = roundProduct(opening, interestPct! / 100, REL_TWO);
            if (v !== v) {
              exactLines++;
              v = interestExact(opening, interestDec, undefined);
            }
            (interestArr ??= lineOf(acc, 'income:interest', true))[i] = v;
            inTotal += v;
          }
          if (lay.addsAidContributions) {
            const c = aidAmount(cols, policy, at);
            if (c !== 0) {
              (aidArr ??= lineOf(acc, 'expenditure:aid.contributions', false))[i] = c;
              exTotal += c;
            }
          }
          const due = moves[i];
          if (due) {
            for (const m of due) {
              if (m.fund !== bf.id) continue;
              lineOf(acc, m.key, m.income)[i]! += m.fen;
              if (m.income) inTotal += m.fen;
              else exTotal += m.fen;
              // A report's deferral with a fraction of a fen.
              if (m.fen % 1 !== 0) fractionNow = true;
            }
          }
          if (fractionNow) {
            inTotal = sumAt(acc.income, i);
            exTotal = sumAt(acc.expenditure, i);
          }
          if (lay.asNeeded) {
            const need = exTotal;
            for (const arr of acc.income) arr[i] = 0;
            financedF64(plan.sources, need, exactly, acc, i, (sourceArrs ??= sourceLines(plan.sources, acc)));
            // The shares and what the largest takes add up to the need exactly where it is whole fen.
            inTotal = need % 1 === 0 ? need : sumAt(acc.income, i);
          }
        }
        income[i] = inTotal;
        expenditure[i] = exTotal;
        current[i] = inTotal - exTotal;
        cumulative[i] = opening + current[i]!;
        months[i] = monthsPayable(cumulative, expenditure, i, plan.pastFen, methods[i]!);
        opening = cumulative[i]!;
        if (!(Math.abs(opening) < 2 ** 53 && Math.abs(inTotal) < 2 ** 53 && Math.abs(exTotal) < 2 ** 53)) (beyond ??= new Set()).add(bf.id);
      }
      projected.set(bf.id, fundOf(bf.id, years, income, expenditure, current, cumulative, months, acc.lines));
    }
    const funds: KernelFund[] = [];
    if (parent && hasParts) {
      const parts: KernelFund[] = [];
      for (const id of rolledParts) parts.push(projected.get(id)!);
      funds.push(rollUp(parentFen!, parts, slab, years, parentPast, policy.methods.get('employee')!));
    }
    for (const id of FUND_ORDER) {
      const f = projected.get(id);
      if (f) funds.push(f);
    }
    // Next run's buffer holds every array of this one.
    slabSize = Math.max(slabSize, slab.used);
    const sums = [0, 0, 0, 0, 0];
    for (const f of funds) {
      if (f.id.includes('.')) continue;
      for (let j = 0; j < SUBSIDY_KEYS.length; j++) {
        const arr = f.lines.get(SUBSIDY_KEYS[j]!);
        if (arr) for (let i = 1; i < n; i++) sums[j]! += arr[i]!;
      }
    }
    const totals = { central: sums[0]!, region: sums[1]!, city: sums[2]!, county: sums[3]!, unspecified: sums[4]! };
    for (const f of funds) {
      if (projected.has(f.id)) {
        if (beyond?.has(f.id)) return beyondFloat64(f.id, shocks);
        continue;
      }
      for (let i = 0; i < n; i++) {
        if (!(Math.abs(f.cumulative[i]!) < 2 ** 53 && Math.abs(f.income[i]!) < 2 ** 53 && Math.abs(f.expenditure[i]!) < 2 ** 53)) return beyondFloat64(f.id, shocks);
      }
    }
    return { baseYear: base.year, until, years, funds, subsidyTotals: totals, exactLines };
  }

  /** Sums beyond 2^53 fen (about 90 万亿元) are not exact in float64: the path is projected by the exact record. */
  function beyondFloat64(fund: FundId, shocks: KernelShocks | undefined): KernelResult {
    if (shocks?.wageGrowthByYear?.length || shocks?.costGrowthByYear?.length || shocks?.utilizationGrowthByYear?.length) {
      return { problem: { zh: `${fund} 的金额超出 2^53 分，且逐年增长率无法交由精确测算`, en: `${fund}: amounts beyond 2^53 fen, and growth by year has no exact projection to fall back on` } };
    }
    const r = resultOfProjection(project({ ...input, assumptions: shockedAssumptions(a, shocks) }));
    return r.problem ? r : { ...r, exactLines: -1 };
  }

  const runPopulations = (variants: NonNullable<KernelShocks['population']>[]) => {
    if (input.retirement) for (const v of variants) populationOf(v, scenarioPath.retireeCostWeight);
  };
  return { baseYear: base.year, until, run, populations: runPopulations };
}

type Exactly = (exact: () => Dec) => number;

/** The kernel's population models of one variant and mortality, by retirees' cost weight (made on first use). */
function populationsByWeight(populations: Map<string | undefined, Map<number | undefined, Map<number, PopulationIndex>>>, shock: KernelShocks['population']): Map<number, PopulationIndex> {
  let byMortality = populations.get(shock?.variant);
  if (!byMortality) populations.set(shock?.variant, (byMortality = new Map()));
  let m = byMortality.get(shock?.mortalityPercent);
  if (!m) byMortality.set(shock?.mortalityPercent, (m = new Map()));
  return m;
}

/** A report's deferral or pooling's transfer paid in a year: its fund, its line ("side:line") and fen. */
interface Move {
  fund: FundId;
  key: string;
  /** The key is an income line's. */
  income: boolean;
  fen: number;
}

/** One fund's lines in one run, by key, with the arrays of each side (for its totals). */
interface FundLines {
  lines: Map<string, Float64Array>;
  income: Float64Array[];
  expenditure: Float64Array[];
  slab: Slab;
}

/**
 * Zeroed arrays of one length cut from one buffer: a run's dozens of series
 * cost one allocation rather than one each (a typed array of more than a few
 * elements has a buffer of its own, allocated outside the heap).
 */
class Slab {
  #buffer: Float64Array;
  #used = 0;
  constructor(
    readonly n: number,
    count: number,
  ) {
    this.#buffer = new Float64Array(n * count);
  }
  /** The arrays cut so far, kept for the runs that reuse the buffer. */
  #views: Float64Array[] = [];
  take(): Float64Array {
    if ((this.#used + 1) * this.n > this.#buffer.length) {
      this.#buffer = new Float64Array(this.#buffer.length * 2 || this.n * 16);
      this.#used = 0;
      this.#views = [];
    }
    const k = this.#used++;
    return (this.#views[k] ??= this.#buffer.subarray(k * this.n, (k + 1) * this.n));
  }
  get used(): number {
    return this.#used;
  }
  /** How many arrays fit before the buffer grows. */
  get capacity(): number {
    return this.#buffer.length / this.n;
  }
  /** Every array taken so far zeroed and given back: the next `take` starts at the front again. */
  reset(): this {
    this.#buffer.fill(0, 0, this.#used * this.n);
    this.#used = 0;
    return this;
  }
}

/** The line's array, added on first use (`income`: the key is an income line's). */
function lineOf(f: FundLines, key: string, income: boolean): Float64Array {
  let arr = f.lines.get(key);
  if (!arr) {
    f.lines.set(key, (arr = f.slab.take()));
    (income ? f.income : f.expenditure).push(arr);
  }
  return arr;
}

/** The lines' sum in year i, in their order. */
function sumAt(lines: Float64Array[], i: number): number {
  let s = 0;
  for (const arr of lines) s += arr[i]!;
  return s;
}

/** A float64 amount in fen rounded as money is charged, or NaN within reach of a half fen (then computed exactly). */
const charged = (x: number) => roundFen(x);

/** A line's base-year amount and what charging it reads on every path (one shape for all: the path's loop stays monomorphic). */
class Anchor {
  #anchor: Dec | (() => Dec);
  constructor(
    anchor: Dec | (() => Dec),
    readonly fen: number,
    /** `fen` is the anchor exactly (no float64 rounding). */
    readonly exactFen: boolean,
    /** `fen` comes from float64 levels (kernel-calibration.ts): within about 1e-15 of the exact anchor. */
    readonly loose: boolean,
    /** The line's driver in the base year. */
    readonly d0: number,
    /** The line's driver (LINE_DRIVERS, driver-table.ts). */
    readonly code: number,
  ) {
    this.#anchor = anchor;
  }
  /** The exact anchor (from levels in float64: the exact calibration's, found when first asked for). */
  get anchor(): Dec {
    return typeof this.#anchor === 'function' ? this.#anchor() : this.#anchor;
  }
}

/** Every number of the drivers of the given years (by index), in a fixed order. */
function driverSignature(c: DriverColumns, at: number[], out: number[] = []): number[] {
  out.length = 0;
  for (const i of at) {
    if (i < 0 || i >= c.n) continue;
    out.push(i, c.employees[i]!, c.contributors[i]!, c.collection[i]!, c.wageIndex[i]!, c.cost[i]!, c.employeeCostUnits[i]!, c.residentAgeCost[i]!, c.aidGroups[i]!, c.aidFunding[i]!);
    for (const g of GROUPS) out.push(c.count(g, i) ?? Number.NaN);
    if (c.hasEmployee[i]) out.push(c.employer[i]!, c.individual[i]!, c.maternity[i]!, c.toAccounts[i]!);
    else out.push(Number.NaN);
  }
  return out;
}

/** The line-driver codes of every fund's lines. */
function usedCodes(layouts: Layout[]): number[] {
  const set = new Set<number>();
  for (const lay of layouts) {
    const id = lay.plan.bf.id;
    for (const l of lay.plan.incomeLines) set.add(lineDriverCode(id, 'income', l));
    for (const l of lay.plan.expenditureLines) set.add(lineDriverCode(id, 'expenditure', l));
  }
  // The account's spending drives outpatient pooling's transfers.
  set.add(lineDriverCode('employee.account', 'expenditure', 'benefits'));
  return [...set].sort((x, y) => x - y);
}

function sameValues(a: Float64Array, b: number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** line_y = round_half_up(anchor × driver_y / driver_base) on float64, the exact record's arithmetic near a half fen. */
function scaled(l: Anchor, d: number, exactly: Exactly): number {
  const v = scaledF64(l, d);
  return v === v ? v : exactly(() => scale(l.anchor, d, l.d0));
}

/** scaled on float64 alone: NaN within reach of a half fen (the caller then recomputes it exactly, scale in project.ts). */
function scaledF64(l: Anchor, d: number): number {
  if (l.d0 === 0) return l.fen;
  const index = d / l.d0;
  // An index of exactly 1 on an anchor float64 holds exactly (a level averaged to a half fen, say): a tie decided here.
  if (index === 1 && l.exactFen) return halfUp(l.fen);
  return l.loose ? roundFenLoose(l.fen * index) : roundProduct(l.fen, index, l.exactFen ? REL_ONE : REL_TWO);
}

/** Interest on an opening balance (fen) at a rate in percent (or the fund's own yield), exactly. */
function interestExact(opening: number, ratePercent: Dec | undefined, ownRate: Dec | undefined): number {
  return fenOf(toFen(new D(opening).dividedBy(100).times(ratePercent ? ratePercent.dividedBy(100) : ownRate!)));
}


/** Medical aid financed as needed, on integer fen (project.ts financedAsNeeded is the exact statement: need × source ÷ all sources). */
interface Sources {
  /** Line, base-year amount, in fen, and its key ("income:<line>"). */
  lines: [IncomeLine, Dec, number, string][];
  whole: Dec;
  wholeFen: number;
  /** The largest source (the first of equals) takes the rounding. */
  largest: number;
}

function sourcesOf(baseIncome: Partial<Record<IncomeLine, Dec>>): Sources {
  const sources = (Object.entries(baseIncome) as [IncomeLine, Dec][]).filter(([line, v]) => line !== 'interest' && v.isPositive());
  const whole = sumValues(Object.fromEntries(sources));
  let largest = 0;
  sources.forEach(([, v], j) => {
    if (v.greaterThan(sources[largest]![1])) largest = j;
  });
  return { lines: sources.map(([l, v]) => [l, v, fenOf(v), `income:${l}`]), whole, wholeFen: fenOf(whole), largest };
}

/** The arrays of the lines of the sources that finance aid as needed, in their order. */
function sourceLines(s: Sources, acc: FundLines): Float64Array[] {
  const out: Float64Array[] = [];
  for (const [, , , key] of s.lines) out.push(lineOf(acc, key, true));
  return out;
}

function financedF64(s: Sources, need: number, exactly: Exactly, acc: FundLines, i: number, arrs: Float64Array[]): void {
  if (s.lines.length === 0) {
    lineOf(acc, 'income:subsidy', true)[i] = need;
    return;
  }
  let sum = 0;
  for (let j = 0; j < s.lines.length; j++) {
    const [, v, vf] = s.lines[j]!;
    let share = charged((need * vf) / s.wholeFen);
    if (share !== share) share = exactly(() => toFen(new D(need).dividedBy(100).times(v).dividedBy(s.whole)));
    arrs[j]![i] = share;
    sum += share;
  }
  arrs[s.largest]![i]! += need - sum;
}

/** Outpatient pooling's transfers (project.ts outpatientPooling) on integer fen. */
function outpatientMoves(base: BaseYear, policy: PolicyYears, ld: Float64Array, span: number, first: number, accountSpending: Anchor | undefined, until: number, exactly: Exactly): (Deferred & { fen: number })[] {
  if (!accountSpending || !base.funds.some((f) => f.id === 'employee.pooling')) return [];
  const shares = pooledShares(policy);
  if (!shares.some((x) => x !== undefined)) return [];
  const a = accountSpending;
  const out: (Deferred & { fen: number })[] = [];
  for (let y = base.year + 1; y <= until; y++) {
    const share = shares[y - base.year];
    if (!share) continue;
    const dy = ld[a.code * span + y - first]!;
    const spending = scaled(a, dy, exactly);
    let moved = charged((spending * share.dp) / share.rest);
    if (moved !== moved) moved = exactly(() => toFen(new D(spending).dividedBy(100).times(share.dpDec).dividedBy(share.restDec)));
    out.push({ fund: 'employee.pooling', side: 'expenditure', line: 'benefits', to: y, amount: ZERO, fen: moved }, { fund: 'employee.account', side: 'expenditure', line: 'benefits', to: y, amount: ZERO, fen: -moved });
  }
  return out;
}

const sharesOf = new WeakMap<Dec[], ({ dp: number; rest: number; dpDec: Dec; restDec: Dec } | undefined)[]>();

/** Per year from the base year, the pooled share's change p − p0 and 100 − p0 (undefined where p = p0), once per policy's shares (derived policies share them). */
function pooledShares(policy: PolicyYears) {
  let s = sharesOf.get(policy.pooledPercent);
  if (!s) {
    const p0 = policy.pooledPercent[0]!;
    const restDec = new D(100).minus(p0);
    s = policy.pooledPercent.map((p) => {
      const dpDec = p.minus(p0);
      return dpDec.isZero() ? undefined : { dp: dpDec.toNumber(), rest: restDec.toNumber(), dpDec, restDec };
    });
    sharesOf.set(policy.pooledPercent, s);
  }
  return s;
}

/** Months payable (fund-year.ts monthsPayableOf) on float64; NaN without expenditure to pay. */
function monthsPayable(cumulative: Float64Array, expenditure: Float64Array, i: number, before: number[], method: MonthsPayableMethod): number {
  // Earlier years' expenditure, most recent first: this projection's, then the report's.
  // cumulative × 12 ÷ yearly, as one division of integers (the exact record's figure rounded to float64 once).
  let yearly: number | undefined;
  let months = 12;
  if (method === 'current-year-expenditure') yearly = expenditure[i];
  else if (method === 'last-year-expenditure') yearly = i > 0 ? expenditure[i - 1] : before[0];
  else if (i + before.length >= 2) {
    yearly = expenditure[i]! + (i > 0 ? expenditure[i - 1]! : before[0]!) + (i > 1 ? expenditure[i - 2]! : before[1 - i]!);
    months = 36;
  }
  if (yearly === undefined || yearly === 0) return Number.NaN;
  return (cumulative[i]! * months) / yearly;
}

function fundOf(id: FundId, years: Int32Array, income: Float64Array, expenditure: Float64Array, current: Float64Array, cumulative: Float64Array, months: Float64Array, lines: Map<string, Float64Array>): KernelFund {
  let firstDeficitYear = 0;
  let exhaustionYear = 0;
  for (let i = 0; i < years.length; i++) {
    if (!firstDeficitYear && current[i]! < 0) firstDeficitYear = years[i]!;
    if (!exhaustionYear && cumulative[i]! < 0) exhaustionYear = years[i]!;
  }
  return { id, income, expenditure, currentBalance: current, cumulative, monthsPayable: months, firstDeficitYear, exhaustionYear, lines };
}

/** The employee fund as the sum of its sub-funds; the base year keeps the report's own totals. */
function rollUp(parent: { cumulative: number; totals?: { income: number; expenditure: number } }, parts: KernelFund[], slab: Slab, years: Int32Array, parentPast: number[], methods: MonthsPayableMethod[]): KernelFund {
  const n = slab.n;
  const lines = new Map<string, Float64Array>();
  for (const p of parts) {
    for (const [k, arr] of p.lines) {
      let sum = lines.get(k);
      if (!sum) lines.set(k, (sum = slab.take()));
      for (let i = 0; i < n; i++) sum[i]! += arr[i]!;
    }
  }
  const income = slab.take();
  const expenditure = slab.take();
  for (const p of parts) {
    for (let i = 0; i < n; i++) {
      income[i]! += p.income[i]!;
      expenditure[i]! += p.expenditure[i]!;
    }
  }
  const totals = parent.totals;
  if (totals) {
    // A report whose sub-funds do not add up to its total: the difference stays visible as "other".
    const di = totals.income - income[0]!;
    const de = totals.expenditure - expenditure[0]!;
    if (di !== 0) otherLine(lines, 'income:other', slab)[0]! += di;
    if (de !== 0) otherLine(lines, 'expenditure:other', slab)[0]! += de;
    income[0]! += di;
    expenditure[0]! += de;
  }
  const current = slab.take();
  const cumulative = slab.take();
  const months = slab.take();
  let opening = parent.cumulative - (income[0]! - expenditure[0]!);
  for (let i = 0; i < n; i++) {
    current[i] = income[i]! - expenditure[i]!;
    cumulative[i] = opening + current[i]!;
    months[i] = monthsPayable(cumulative, expenditure, i, parentPast, methods[i]!);
    opening = cumulative[i]!;
  }
  return fundOf('employee', years, income, expenditure, current, cumulative, months, lines);
}

function otherLine(lines: Map<string, Float64Array>, k: string, slab: Slab): Float64Array {
  let arr = lines.get(k);
  if (!arr) lines.set(k, (arr = slab.take()));
  return arr;
}

/** The scenario's plain-number assumptions with one path's shocks. */
function withShocks(p: PathAssumptions, s: KernelShocks): PathAssumptions {
  return {
    wageGrowth: s.wageGrowth ?? p.wageGrowth,
    costGrowth: s.costGrowth ?? p.costGrowth,
    utilizationGrowth: s.utilizationGrowth ?? p.utilizationGrowth,
    collectionRate: s.collectionRate ?? p.collectionRate,
    aidFundingGrowth: s.aidFundingGrowth ?? p.aidFundingGrowth,
    retireeCostWeight: s.retireeCostWeight ?? p.retireeCostWeight,
    growth: s.growth ? { ...p.growth, ...s.growth } : p.growth,
    costGrowthByService: s.costGrowthByService ? { ...p.costGrowthByService, ...s.costGrowthByService } : p.costGrowthByService,
    wageGrowthByYear: s.wageGrowthByYear,
    costGrowthByYear: s.costGrowthByYear,
    utilizationGrowthByYear: s.utilizationGrowthByYear,
    reported: s.projectedYearsOnly ? (p.reported ?? p) : p.reported,
  };
}


/** The scenario's assumptions with one path's shocks applied (numbers as their shortest decimal string): what the exact record projects. */
export function shockedAssumptions(a: Assumptions, shocks: KernelShocks | undefined): Assumptions {
  if (!shocks) return a;
  const dec = (v: number | undefined, fallback: Dec) => (v === undefined ? fallback : new D(String(v)));
  const out: Assumptions = {
    ...a,
    wageGrowth: dec(shocks.wageGrowth, a.wageGrowth),
    costGrowth: dec(shocks.costGrowth, a.costGrowth),
    utilizationGrowth: dec(shocks.utilizationGrowth, a.utilizationGrowth),
    collectionRate: dec(shocks.collectionRate, a.collectionRate),
    aidFundingGrowth: dec(shocks.aidFundingGrowth, a.aidFundingGrowth),
    retireeCostWeight: dec(shocks.retireeCostWeight, a.retireeCostWeight),
    interestRate: shocks.interestRate === undefined ? a.interestRate : new D(String(shocks.interestRate)),
    growth: shocks.growth ? { ...a.growth, ...Object.fromEntries(Object.entries(shocks.growth).map(([g, v]) => [g, new D(String(v))])) } : a.growth,
    costGrowthByService: shocks.costGrowthByService ? { ...a.costGrowthByService, ...Object.fromEntries(Object.entries(shocks.costGrowthByService).map(([k, v]) => [k, new D(String(v))])) } : a.costGrowthByService,
  };
  if (shocks.projectedYearsOnly) out.reportedYears = reportedTrends(a);
  if (shocks.population) out.population = { ...a.population, population: { ...a.population.population, variant: shocks.population.variant, mortalityPercent: shocks.population.mortalityPercent } };
  return out;
}
