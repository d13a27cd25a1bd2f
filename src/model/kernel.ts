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
import type { Assumptions } from './assumptions.ts';
import { GROUPS, type BaseFund, type BaseYear, type ExpenditureLine, type FundId, type IncomeLine } from './base-year.ts';
import { anchorOf, type Calibration } from './calibration.ts';
import { calibrateF64, type FloatCalibration } from './kernel-calibration.ts';
import { cachedPopulation, expenditureDriver, lineDriverOf, pathAssumptions, policyYears, startCounts, yearDrivers, AID_GROUPS, type PathAssumptions, type PolicyYears, type YearDrivers } from './driver-table.ts';
import type { MonthsPayableMethod } from './fund-year.ts';
import type { Service } from './services.ts';
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
  /** One path. Errors are values (a result with `problem`), never exceptions. */
  run(shocks?: KernelShocks): KernelResult;
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
const SUBSIDY_LINES = ['subsidy.central', 'subsidy.region', 'subsidy.city', 'subsidy.county', 'subsidy'] as const;

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

/** Everything that depends on the scenario alone, done once; `run` projects one path. */
export function compileKernel(input: ProjectionInput): Kernel {
  const a = input.assumptions;
  const base = withCriticalIllness(input.base, a.criticalIllnessShare);
  const until = input.until;
  const n = until - base.year + 1;
  const years = Int32Array.from({ length: n }, (_, i) => base.year + i);
  const scenarioPath = pathAssumptions(a);
  const start = startCounts(a, base.employees);
  const policy0 = policyYears(input);
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

  /** Calibration reads the drivers of the reported years only: kept per their values (and the policy). */
  const reported = [...new Set([base.year, ...(base.history ?? []).map((p) => p.year)])];
  const calibrations: { policy: PolicyYears; signature: Float64Array; exact: () => Calibration; deferred: (Deferred & { fen: number })[]; anchors: Map<FundId, { income: Anchor[]; expenditure: Anchor[] }> }[] = [];
  function calibrated(policy: PolicyYears, drivers: YearDrivers[]) {
    const signature = driverSignature(drivers, reported.map((y) => y - policy.first));
    for (const c of calibrations) if (c.policy === policy && sameValues(c.signature, signature)) return c;
    const first = policy.first;
    const d0 = drivers[base.year - first]!;
    // On float64 first; the exact calibration where a decision is too close to call, or a line needs its exact anchor.
    const f = calibrateF64(base, (fund, side, line, y) => {
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
          const driver = lineDriverOf(plan.bf.id, side, l);
          const float = exactCalibration ? undefined : f.anchors.get(`${plan.bf.id}|${side}|${l}`);
          if (typeof float === 'number') {
            return {
              get anchor() {
                return anchorOf(exact(), plan.bf.id, side, l) ?? amounts[l]!;
              },
              fen: float * 100,
              exactFen: false,
              loose: true,
              d0: driver(d0),
              driver,
            };
          }
          const anchor = (exactCalibration && anchorOf(exactCalibration, plan.bf.id, side, l)) ?? amounts[l]!;
          const fen = fenOf(anchor);
          return { anchor, fen, exactFen: new D(fen).equals(anchor.times(100)), loose: false, d0: driver(d0), driver };
        });
      anchors.set(plan.bf.id, { income: of('income', plan.incomeLines, plan.bf.income), expenditure: of('expenditure', plan.expenditureLines, plan.bf.expenditure) });
    }
    const deferred = exactCalibration ? deferredAmounts(exactCalibration, drivers, first, policy).map((m) => ({ ...m, fen: fenOf(m.amount) })) : deferredF64(f, drivers, first, policy, exact);
    const entry = { policy, signature, exact, deferred, anchors };
    if (calibrations.length >= 16) calibrations.shift();
    calibrations.push(entry);
    return entry;
  }

  /** The report's deferrals applied (calibration.ts timing, project.ts deferredAmounts) on integer fen. */
  function deferredF64(f: FloatCalibration, drivers: YearDrivers[], first: number, policy: PolicyYears, exact: () => Calibration): (Deferred & { fen: number })[] {
    const out: (Deferred & { fen: number })[] = [];
    for (const item of base.timing ?? []) {
      const applied = a.calibration.normalise && item.kind === 'deferred' && item.to !== undefined && item.to > base.year && item.year <= base.year;
      if (!applied) continue;
      const d = drivers[item.year - first];
      let fen: number | undefined;
      if (item.amount) fen = fenOf(item.amount);
      else if (d) {
        if (item.line === 'aid.contributions') fen = roundFen(aidF64(d, policy, item.year - first) * 100);
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

  function run(shocks?: KernelShocks): KernelResult {
    try {
      return runPath(shocks);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return { problem: { zh: `无法测算：${message}`, en: `cannot project: ${message}` } };
    }
  }

  function runPath(shocks: KernelShocks | undefined): KernelResult {
    const p: PathAssumptions = shocks ? withShocks(scenarioPath, shocks) : scenarioPath;
    // Other wages: contribution floors and ceilings that follow them are evaluated on the path's wages; only
    // rules where something else follows them (policy.followsSeries) are compiled again for the path.
    const wageChanged = p.wageGrowth !== scenarioPath.wageGrowth || !!shocks?.wageGrowthByYear?.length;
    const policy = wageChanged && policy0.followsSeries ? policyYears({ ...input, assumptions: { ...a, wageGrowth: new D(String(p.wageGrowth)) } }, shocks?.wageGrowthByYear) : policy0;
    const population = shocks?.population ? { ...a.population, population: { ...a.population.population, ...shocks.population } } : a.population;
    const pop = input.retirement && (shocks?.population || p.retireeCostWeight !== scenarioPath.retireeCostWeight) ? cachedPopulation(input, start, population, p.retireeCostWeight) : pop0;
    const drivers = yearDrivers(input, policy, p, start, pop);
    const first = policy.first;
    const dAt = (y: number) => drivers[y - first]!;
    const { deferred, anchors } = calibrated(policy, drivers);
    const interestPct = shocks?.interestRate !== undefined ? shocks.interestRate : a.interestRate?.toNumber();
    const interestDec = shocks?.interestRate !== undefined ? new D(String(shocks.interestRate)) : a.interestRate;
    let exactLines = 0;
    /** A float64 amount in fen, or, within reach of a half fen, the exact record's own arithmetic. */
    /** The exact record's own arithmetic for a value within reach of a half fen. */
    const exactly: Exactly = (exact) => {
      exactLines++;
      return fenOf(exact());
    };
    const pooled = outpatientMoves(base, policy, drivers, first, anchors.get('employee.account')?.expenditure[plans.find((x) => x.bf.id === 'employee.account')?.expenditureLines.indexOf('benefits') ?? -1], until, exactly);
    const methodOf = (id: FundId) => policy.methods.get(id.startsWith('employee') ? 'employee' : id)!;
    // The report's deferrals and outpatient pooling's transfers, by the year they are paid in.
    const moves: (Deferred & { fen: number })[][] = [];
    for (const m of [...deferred, ...pooled]) (moves[m.to - base.year] ??= []).push(m);

    const projected = new Map<FundId, KernelFund>();
    for (const plan of plans) {
      const bf = plan.bf;
      const lines = new Map<string, Float64Array>();
      const incomeSide: Float64Array[] = [];
      const expenditureSide: Float64Array[] = [];
      const line = (k: string) => {
        let arr = lines.get(k);
        if (!arr) {
          lines.set(k, (arr = new Float64Array(n)));
          (k.startsWith('income:') ? incomeSide : expenditureSide).push(arr);
        }
        return arr;
      };
      const incomeArrs = plan.incomeLines.map((l) => line(`income:${l}`));
      const expenditureArrs = plan.expenditureLines.map((l) => line(`expenditure:${l}`));
      const { income: inA, expenditure: exA } = anchors.get(bf.id)!;
      const hasRate = !!interestDec || !!plan.ownRate;
      const rate = interestPct !== undefined ? interestPct / 100 : plan.ownRateF64;
      const income = new Float64Array(n);
      const expenditure = new Float64Array(n);
      const current = new Float64Array(n);
      const cumulative = new Float64Array(n);
      const months = new Float64Array(n);
      let opening = plan.opening0Fen;
      const methods = methodOf(bf.id);
      const asNeeded = bf.id === 'aid' && a.aidFinancing === 'as-needed';
      for (let i = 0; i < n; i++) {
        const y = base.year + i;
        let inTotal = 0;
        let exTotal = 0;
        if (i === 0) {
          plan.incomeLines.forEach((l, j) => (inTotal += incomeArrs[j]![0] = fenOf(bf.income[l]!)));
          plan.expenditureLines.forEach((l, j) => (exTotal += expenditureArrs[j]![0] = fenOf(bf.expenditure[l]!)));
        } else {
          const d = dAt(y);
          const r = policy.resident[y - first]!;
          for (let j = 0; j < plan.incomeLines.length; j++) {
            const l = plan.incomeLines[j]!;
            let v: number;
            if (l === 'interest' && hasRate) {
              const o = opening;
              v = o > 0 ? charged(o * rate!) : 0;
              if (v !== v) v = exactly(() => toFen(new D(o).dividedBy(100).times(interestDec ? interestDec.dividedBy(100) : plan.ownRate!)));
            } else v = scaled(inA[j]!, inA[j]!.driver(d), exactly);
            incomeArrs[j]![i] = v;
          }
          if (!bf.income.interest && interestDec && opening > 0) {
            const o = opening;
            let v = charged((o * interestPct!) / 100);
            if (v !== v) v = exactly(() => toFen(new D(o).dividedBy(100).times(interestDec).dividedBy(100)));
            line('income:interest')[i] = v;
          }
          for (let j = 0; j < plan.expenditureLines.length; j++) {
            const l = plan.expenditureLines[j]!;
            let v = l === 'aid.contributions' ? charged(aidF64(d, policy, y - first) * 100) : scaled(exA[j]!, exA[j]!.driver(d), exactly);
            if (v !== v) v = exactly(() => toFen(aidContributions(d, r)));
            expenditureArrs[j]![i] = v;
          }
          if (bf.id === 'aid' && bf.expenditure['aid.contributions'] === undefined) {
            let c = charged(aidF64(d, policy, y - first) * 100);
            if (c !== c) c = exactly(() => toFen(aidContributions(d, r)));
            if (c !== 0) line('expenditure:aid.contributions')[i] = c;
          }
          for (const m of moves[i] ?? NONE) if (m.fund === bf.id) line(`${m.side}:${m.line}`)[i]! += m.fen;
          if (asNeeded) {
            let need = 0;
            for (const arr of expenditureSide) need += arr[i]!;
            for (const arr of incomeSide) arr[i] = 0;
            for (const [l, v] of financedF64(plan.sources, need, exactly)) line(`income:${l}`)[i] = v;
          }
          for (const arr of incomeSide) inTotal += arr[i]!;
          for (const arr of expenditureSide) exTotal += arr[i]!;
        }
        income[i] = inTotal;
        expenditure[i] = exTotal;
        current[i] = inTotal - exTotal;
        cumulative[i] = opening + current[i]!;
        months[i] = monthsPayable(cumulative, expenditure, i, plan.pastFen, methods[i]!);
        opening = cumulative[i]!;
      }
      projected.set(bf.id, fundOf(bf.id, years, income, expenditure, current, cumulative, months, lines));
    }
    const funds: KernelFund[] = [];
    if (parent && hasParts) funds.push(rollUp(parent, base.funds.filter((f) => f.id.startsWith('employee.')).map((f) => projected.get(f.id)!), n, years, parentPast, methodOf('employee')));
    for (const id of FUND_ORDER) {
      const f = projected.get(id);
      if (f) funds.push(f);
    }
    const totals = { central: 0, region: 0, city: 0, county: 0, unspecified: 0 };
    const keys = ['central', 'region', 'city', 'county', 'unspecified'] as const;
    for (const f of funds) {
      if (f.id.includes('.')) continue;
      SUBSIDY_LINES.forEach((l, j) => {
        const arr = f.lines.get(`income:${l}`);
        if (arr) for (let i = 1; i < n; i++) totals[keys[j]!] += arr[i]!;
      });
    }
    for (const f of funds) {
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

  return { baseYear: base.year, until, run };
}

type Exactly = (exact: () => Dec) => number;

const NONE: never[] = [];

/** A float64 amount in fen rounded as money is charged, or NaN within reach of a half fen (then computed exactly). */
const charged = (x: number) => roundFen(x);

interface Anchor {
  anchor: Dec;
  fen: number;
  /** `fen` is the anchor exactly (no float64 rounding). */
  exactFen: boolean;
  /** `fen` comes from float64 levels (kernel-calibration.ts): within about 1e-15 of the exact anchor. */
  loose: boolean;
  /** The line's driver in the base year. */
  d0: number;
  /** The line's driver in a year (its code, resolved once). */
  driver: (d: YearDrivers) => number;
}

/** Every number of the drivers of the given years (by index), in a fixed order. */
function driverSignature(drivers: YearDrivers[], at: number[]): Float64Array {
  const out: number[] = [];
  for (const i of at) {
    const d = drivers[i];
    if (!d) continue;
    out.push(i, d.employees, d.contributors, d.collection, d.wageIndex, d.cost, d.employeeCostUnits, d.residentAgeCost, d.aidGroups, d.aidFunding);
    for (const g of GROUPS) out.push(d.counts[g] ?? Number.NaN);
    const e = d.employee;
    if (e) out.push(e.employer, e.individual, e.maternity, e.toAccounts);
    else out.push(Number.NaN);
  }
  return Float64Array.from(out);
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** line_y = round_half_up(anchor × driver_y / driver_base) on float64, the exact record's arithmetic near a half fen. */
function scaled(l: Anchor, d: number, exactly: Exactly): number {
  if (l.d0 === 0) return l.fen;
  const index = d / l.d0;
  // An index of exactly 1 on an anchor float64 holds exactly (a level averaged to a half fen, say): a tie decided here.
  const v = index === 1 && l.exactFen ? halfUp(l.fen) : l.loose ? roundFenLoose(l.fen * index) : charged(l.fen * index);
  return v === v ? v : exactly(() => scale(l.anchor, d, l.d0));
}

function aidF64(d: YearDrivers, policy: PolicyYears, i: number): number {
  const pays = policy.residentF64[i]!.aidPays;
  let s = 0;
  for (const g of AID_GROUPS) {
    const c = d.counts[g];
    if (c !== undefined) s += c * pays[g];
  }
  return s;
}

/** Medical aid financed as needed, on integer fen (project.ts financedAsNeeded is the exact statement: need × source ÷ all sources). */
interface Sources {
  lines: [IncomeLine, Dec, number][];
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
  return { lines: sources.map(([l, v]) => [l, v, fenOf(v)]), whole, wholeFen: fenOf(whole), largest };
}

function financedF64(s: Sources, need: number, exactly: Exactly): [IncomeLine, number][] {
  if (s.lines.length === 0) return [['subsidy', need]];
  const out: [IncomeLine, number][] = [];
  let sum = 0;
  for (const [line, v, vf] of s.lines) {
    let share = charged((need * vf) / s.wholeFen);
    if (share !== share) share = exactly(() => toFen(new D(need).dividedBy(100).times(v).dividedBy(s.whole)));
    out.push([line, share]);
    sum += share;
  }
  out[s.largest]![1] += need - sum;
  return out;
}

/** Outpatient pooling's transfers (project.ts outpatientPooling) on integer fen. */
function outpatientMoves(base: BaseYear, policy: PolicyYears, drivers: YearDrivers[], first: number, accountSpending: Anchor | undefined, until: number, exactly: Exactly): (Deferred & { fen: number })[] {
  if (!accountSpending || !base.funds.some((f) => f.id === 'employee.pooling')) return [];
  const shares = pooledShares(policy);
  if (!shares.some((x) => x !== undefined)) return [];
  const a = accountSpending;
  const out: (Deferred & { fen: number })[] = [];
  for (let y = base.year + 1; y <= until; y++) {
    const share = shares[y - base.year];
    if (!share) continue;
    const dy = a.driver(drivers[y - first]!);
    const spending = scaled(a, dy, exactly);
    let moved = charged((spending * share.dp) / share.rest);
    if (moved !== moved) moved = exactly(() => toFen(new D(spending).dividedBy(100).times(share.dpDec).dividedBy(share.restDec)));
    out.push({ fund: 'employee.pooling', side: 'expenditure', line: 'benefits', to: y, amount: ZERO, fen: moved }, { fund: 'employee.account', side: 'expenditure', line: 'benefits', to: y, amount: ZERO, fen: -moved });
  }
  return out;
}

const sharesOf = new WeakMap<PolicyYears, ({ dp: number; rest: number; dpDec: Dec; restDec: Dec } | undefined)[]>();

/** Per year from the base year, the pooled share's change p − p0 and 100 − p0 (undefined where p = p0), once per policy. */
function pooledShares(policy: PolicyYears) {
  let s = sharesOf.get(policy);
  if (!s) {
    const p0 = policy.pooledPercent[0]!;
    const restDec = new D(100).minus(p0);
    s = policy.pooledPercent.map((p) => {
      const dpDec = p.minus(p0);
      return dpDec.isZero() ? undefined : { dp: dpDec.toNumber(), rest: restDec.toNumber(), dpDec, restDec };
    });
    sharesOf.set(policy, s);
  }
  return s;
}

/** Months payable (fund-year.ts monthsPayableOf) on float64; NaN without expenditure to pay. */
function monthsPayable(cumulative: Float64Array, expenditure: Float64Array, i: number, before: number[], method: MonthsPayableMethod): number {
  // Earlier years' expenditure, most recent first: this projection's, then the report's.
  const past = (k: number) => (k < i ? expenditure[i - 1 - k] : before[k - i]);
  // cumulative × 12 ÷ yearly, as one division of integers (the exact record's figure rounded to float64 once).
  let yearly: number | undefined;
  let months = 12;
  if (method === 'current-year-expenditure') yearly = expenditure[i];
  else if (method === 'last-year-expenditure') yearly = past(0);
  else if (i + before.length >= 2) {
    yearly = expenditure[i]! + past(0)! + past(1)!;
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
function rollUp(parent: BaseFund, parts: KernelFund[], n: number, years: Int32Array, parentPast: number[], methods: MonthsPayableMethod[]): KernelFund {
  const lines = new Map<string, Float64Array>();
  for (const p of parts) {
    for (const [k, arr] of p.lines) {
      let sum = lines.get(k);
      if (!sum) lines.set(k, (sum = new Float64Array(n)));
      for (let i = 0; i < n; i++) sum[i]! += arr[i]!;
    }
  }
  const income = new Float64Array(n);
  const expenditure = new Float64Array(n);
  for (const p of parts) {
    for (let i = 0; i < n; i++) {
      income[i]! += p.income[i]!;
      expenditure[i]! += p.expenditure[i]!;
    }
  }
  const totals = parent.reportedTotals;
  if (totals) {
    // A report whose sub-funds do not add up to its total: the difference stays visible as "other".
    const di = fenOf(totals.income) - income[0]!;
    const de = fenOf(totals.expenditure) - expenditure[0]!;
    const other = (k: string) => {
      let arr = lines.get(k);
      if (!arr) lines.set(k, (arr = new Float64Array(n)));
      return arr;
    };
    if (di !== 0) other('income:other')[0]! += di;
    if (de !== 0) other('expenditure:other')[0]! += de;
    income[0]! += di;
    expenditure[0]! += de;
  }
  const current = new Float64Array(n);
  const cumulative = new Float64Array(n);
  const months = new Float64Array(n);
  let opening = fenOf(parent.cumulative) - (income[0]! - expenditure[0]!);
  for (let i = 0; i < n; i++) {
    current[i] = income[i]! - expenditure[i]!;
    cumulative[i] = opening + current[i]!;
    months[i] = monthsPayable(cumulative, expenditure, i, parentPast, methods[i]!);
    opening = cumulative[i]!;
  }
  return fundOf('employee', years, income, expenditure, current, cumulative, months, lines);
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
  if (shocks.population) out.population = { ...a.population, population: { ...a.population.population, variant: shocks.population.variant, mortalityPercent: shocks.population.mortalityPercent } };
  return out;
}
