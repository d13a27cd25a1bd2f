/**
 * The insured population by status, single year of age and sex: who is in
 * service, a flexible worker, retired or a resident, year by year, from the
 * population model and the statutory retirement age.
 *
 * - The region's population: its own age structure where the baseline gives
 *   one, each cohort moving as the national cohort does; otherwise the
 *   national structure (src/population/cohort.ts) scaled to its insured total
 *   ÷ the national coverage rate (an assumption, labelled as such).
 *   See src/population/region.ts.
 * - Employees of working age (in service and flexible): participation
 *   p(a) × g(c) × k, p rising evenly from 0 at 16 to 1 at 25 and flat until
 *   the statutory age, g the relative participation of the birth cohort c
 *   (src/population/participation.ts: older cohorts had lower urban-employee
 *   coverage); k is calibrated so the base year gives the reported (or
 *   assumed) count. Flexible workers are a fixed share of them.
 * - Retirement: someone born in month b retires in month b + age(b), the age
 *   from the retirement-age rule set (national/retirement-age, or the
 *   pre-reform rule a scenario chooses). Each single year of age holds 12
 *   birth months; the share of them retired by December is the share
 *   retired. Women are split between the former age groups 50 and 55 by an
 *   assumed share.
 * - Retirees: people retired before the end of the base year are covered at
 *   g(c) times a rate calibrated to the base-year retirees; those who retire
 *   later are covered at their cohort's in-service rate g(c) × k, so an
 *   employee who retires moves from in service to retired and no one is lost
 *   or gained.
 * - Residents: a rate calibrated to the base year, times the people of each
 *   age and sex not insured as employees.
 * - Cost by age: c(a) = exp(β (a − 40)), β solved so that a retiree costs
 *   `retireeCostWeight` times an employee in service in the base year; the
 *   same shape for both sexes and for residents (an assumption).
 */
import { monthIndex } from '../common/period.ts';
import { retirementAgeTable } from '../calculator/retirement.ts';
import type { PolicyStack } from '../engine/index.ts';
import { cohortParticipation } from './participation.ts';
import { regionPopulation } from './region.ts';
import type { AgeStructure } from '../baseline/types.ts';
import { AGES, MAX_AGE, projectPopulation, populationIn, SEXES, type BySex, type PopulationAssumptions, type PopulationYear, type Sex } from './cohort.ts';

export const STATUSES = ['inService', 'flexible', 'retiree', 'resident'] as const;
export type Status = (typeof STATUSES)[number];

/** Assumptions of this module, with their defaults below. */
export interface InsuredAssumptions {
  population: PopulationAssumptions;
  /** Of women employees, the share whose retirement age was 50 before the reform (workers), in percent. */
  womenFormer50Percent: number;
  /** Insured persons as a share of the population, in percent. */
  coveragePercent: number;
  /** Employee participation by birth cohort (src/population/participation.ts), or uniform across cohorts. */
  participation: 'cohort' | 'uniform';
}

export const INSURED_DEFAULTS = {
  // No seed report splits women employees by their former retirement age (50 workers, 55 cadres).
  womenFormer50Percent: 50,
  // NHSA bulletins: coverage of basic medical insurance stable above 95% of the population.
  coveragePercent: 95,
  // Older cohorts had lower urban-employee coverage: src/population/participation.ts.
  participation: 'cohort',
} as const;

/** Base-year counts the model reproduces (persons). */
export interface BaseCounts {
  inService: number;
  flexible: number;
  retiree: number;
  resident: number;
}

export interface InsuredYear {
  year: number;
  /** Persons by status, age and sex. */
  byStatus: Record<Status, BySex>;
  /** The region's modelled population by age and sex. */
  population: BySex;
}

export interface InsuredProjection {
  baseYear: number;
  /** The first year computed (earlier reported years, for calibration), at most the base year. */
  firstYear: number;
  years: InsuredYear[];
  /** The region's population ÷ the national one in the base year. */
  regionScale: number;
  /** Whether the region's own age structure was used (otherwise the national one, scaled). */
  ownStructure: boolean;
  /** Calibrated participation: employees of working age, retirees retired by the base year, residents (the cohort born 1995 or later; older ones × g(c)). */
  participation: { employees: number; retirees: number; residents: number };
  /** In the base year, employees ÷ all people of working age not retired, and retirees ÷ all people retired: every cohort together. */
  effectiveParticipation: { employees: number; retirees: number };
  /** The age-cost slope β per year of age. */
  ageCostSlope: number;
  /** The retiree cost weight β was solved for. */
  retireeCostWeight: number;
}

const FIRST_BIRTH = monthIndex(1915, 1);
const AGE_COST_CENTRE = 40;

/** Working-age participation shape: 0 at 16, rising evenly to 1 at 25. */
export function workingShape(age: number): number {
  return age <= 16 ? 0 : age >= 25 ? 1 : (age - 16) / 9;
}

export function ageCost(slope: number, age: number): number {
  return Math.exp(slope * (age - AGE_COST_CENTRE));
}

interface RetirementTables {
  male: Int32Array;
  female50: Int32Array;
  female55: Int32Array;
  last: number;
}

const tables = new WeakMap<object, Map<string, RetirementTables>>();

function retirementTables(stack: PolicyStack, last: number): RetirementTables {
  const key = stack.ruleSets.map((r) => r.spec.id).join('+');
  const anchor = stack.ruleSets[0] ?? stack;
  let byKey = tables.get(anchor);
  if (!byKey) tables.set(anchor, (byKey = new Map()));
  const known = byKey.get(key);
  if (known && known.last >= last) return known;
  const t = {
    male: retirementAgeTable(stack, 'male', undefined, FIRST_BIRTH, last),
    female50: retirementAgeTable(stack, 'female', 50, FIRST_BIRTH, last),
    female55: retirementAgeTable(stack, 'female', 55, FIRST_BIRTH, last),
    last,
  };
  byKey.set(key, t);
  return t;
}

/** Share of people of `age` on 1 July `year` (born July year−age−1 … June year−age) retired by December of `byYear`. */
function retiredShare(t: RetirementTables, sex: Sex, women50: number, year: number, age: number, byYear: number): number {
  const first = monthIndex(year - age - 1, 7);
  const deadline = monthIndex(byYear, 12);
  let share = 0;
  for (let b = first; b < first + 12; b++) {
    const i = Math.min(Math.max(b - FIRST_BIRTH, 0), t.last - FIRST_BIRTH);
    if (sex === 'male') share += b + t.male[i]! <= deadline ? 1 : 0;
    else share += (b + t.female50[i]! <= deadline ? women50 : 0) + (b + t.female55[i]! <= deadline ? 1 - women50 : 0);
  }
  return share / 12;
}

/** What the shapes of a year read besides the population: participation by age, and shares retired by now and by the base year. */
interface Shares {
  participation: Float64Array;
  now: BySex;
  atBase: BySex;
}

let sharesCache = new WeakMap<RetirementTables, Map<string, Shares>>();

/** Drops the cached shares (tests: a cold computation against a warm one). */
export function forgetShares(): void {
  sharesCache = new WeakMap();
}

/**
 * The shares of a year, once per retirement tables, base year, women's split
 * and participation mode: they depend on neither fertility nor mortality, so
 * every population variant of a scenario (Monte Carlo draws them) reads the
 * same ones. The figures are those computed in place before, bit for bit.
 */
function sharesOf(t: RetirementTables, women50: number, byCohort: boolean, y: number, baseYear: number): Shares {
  let m = sharesCache.get(t);
  if (!m) sharesCache.set(t, (m = new Map()));
  const key = `${y}|${baseYear}|${women50}|${byCohort}`;
  let v = m.get(key);
  if (!v) {
    v = { participation: new Float64Array(AGES), now: zeros(), atBase: zeros() };
    for (let x = 0; x < AGES; x++) v.participation[x] = cohortParticipation(y - x - 0.5, byCohort);
    for (const s of SEXES) {
      for (let x = 40; x < AGES; x++) {
        v.now[s][x] = retiredShare(t, s, women50, y, x, y);
        v.atBase[s][x] = retiredShare(t, s, women50, y, x, Math.min(y, baseYear));
      }
    }
    if (m.size >= 4096) m.delete(m.keys().next().value!);
    m.set(key, v);
  }
  return v;
}

const zeros = (): BySex => ({ male: new Float64Array(AGES), female: new Float64Array(AGES) });
const sumOf = (x: BySex) => SEXES.reduce((s, sex) => s + x[sex].reduce((p, v) => p + v, 0), 0);

/**
 * Insured by status for every year from `baseYear` to `until`. Years before
 * 2020 (the population model's first) use the 2020 population.
 */
export function projectInsured(args: {
  baseYear: number;
  /** First year wanted, for a baseline's earlier reported years; the base year by default. */
  from?: number;
  until: number;
  counts: BaseCounts;
  retirement: PolicyStack;
  assumptions: InsuredAssumptions;
  retireeCostWeight: number;
  /** The region's own population or insured by age and sex (a baseline's ageStructure); the national structure scaled otherwise. */
  structure?: AgeStructure;
}): InsuredProjection {
  const { baseYear, until, counts, assumptions: a } = args;
  const nation = projectPopulation(Math.max(until, 2021), a.population);
  const popOf = (y: number): PopulationYear => populationIn(nation, Math.max(y, nation.baseYear));
  const insuredTotal = counts.inService + counts.flexible + counts.retiree + counts.resident;
  const region = regionPopulation({ nationIn: popOf, baseYear, insuredTotal, coveragePercent: a.coveragePercent, structure: args.structure });
  const regionScale = region.scale;
  const tablesNow = retirementTables(args.retirement, monthIndex(until, 12));
  const women50 = a.womenFormer50Percent / 100;
  const byCohort = a.participation !== 'uniform';

  // Unscaled shapes of each year: working (not retired), retired before the base year's end, retired since.
  const shapes = (y: number) => {
    const pop = region.of(y);
    const working = zeros();
    const retiredBefore = zeros();
    const retiredSince = zeros();
    const population = zeros();
    // People of working age not retired, and people retired, whatever their cohort: for the effective rates.
    let workingPeople = 0;
    let retiredPeople = 0;
    // Born July y−x−1 … June y−x: mid-cohort y − x − 0.5; retired by now and by the base year from age 40.
    const shares = sharesOf(tablesNow, women50, byCohort, y, baseYear);
    for (const s of SEXES) {
      const nowS = shares.now[s];
      const atBaseS = shares.atBase[s];
      for (let x = 0; x < AGES; x++) {
        const p = pop[s][x]!;
        population[s][x] = p;
        const g = shares.participation[x]!;
        const now = nowS[x]!;
        const atBase = atBaseS[x]!;
        working[s][x] = p * g * (1 - now) * workingShape(Math.min(x, MAX_AGE));
        retiredBefore[s][x] = p * g * atBase;
        retiredSince[s][x] = p * g * (now - atBase) * workingShape(x);
        workingPeople += p * (1 - now) * workingShape(Math.min(x, MAX_AGE));
        retiredPeople += p * atBase;
      }
    }
    return { working, retiredBefore, retiredSince, population, workingPeople, retiredPeople };
  };

  const base = shapes(baseYear);
  const employeesWorking = counts.inService + counts.flexible;
  const kEmp = employeesWorking / Math.max(sumOf(base.working), 1e-9);
  const kRet = counts.retiree / Math.max(sumOf(base.retiredBefore), 1e-9);
  const flexShare = employeesWorking > 0 ? counts.flexible / employeesWorking : 0;

  // Residents: the people not insured as employees, times a rate calibrated to the base year.
  const statuses = (sh: ReturnType<typeof shapes>) => {
    const byStatus = { inService: zeros(), flexible: zeros(), retiree: zeros(), resident: zeros() };
    for (const s of SEXES) {
      for (let x = 0; x < AGES; x++) {
        const emp = sh.working[s][x]! * kEmp;
        byStatus.inService[s][x] = emp * (1 - flexShare);
        byStatus.flexible[s][x] = emp * flexShare;
        byStatus.retiree[s][x] = sh.retiredBefore[s][x]! * kRet + sh.retiredSince[s][x]! * kEmp;
        byStatus.resident[s][x] = Math.max(0, sh.population[s][x]! - emp - byStatus.retiree[s][x]!);
      }
    }
    return byStatus;
  };
  const kRes = counts.resident / Math.max(sumOf(statuses(base).resident), 1e-9);
  const firstYear = Math.min(args.from ?? baseYear, baseYear);
  const years: InsuredYear[] = [];
  let baseInsured: InsuredYear | undefined;
  for (let y = firstYear; y <= until; y++) {
    const sh = y === baseYear ? base : shapes(y);
    const byStatus = statuses(sh);
    for (const s of SEXES) for (let x = 0; x < AGES; x++) byStatus.resident[s][x] = byStatus.resident[s][x]! * kRes;
    const iy = { year: y, byStatus, population: sh.population };
    if (y === baseYear) baseInsured = iy;
    years.push(iy);
  }
  const ageCostSlope = solveSlope(baseInsured!, args.retireeCostWeight);
  return { baseYear, firstYear, years, regionScale, ownStructure: region.own, participation: { employees: kEmp, retirees: kRet, residents: kRes }, effectiveParticipation: { employees: employeesWorking / Math.max(base.workingPeople, 1e-9), retirees: counts.retiree / Math.max(base.retiredPeople, 1e-9) }, ageCostSlope, retireeCostWeight: args.retireeCostWeight };
}

/** Mean relative cost c(a) of one status in one year. */
export function meanCost(y: InsuredYear, status: Status, slope: number): number {
  let n = 0;
  let c = 0;
  for (const s of SEXES) {
    const arr = y.byStatus[status][s];
    for (let x = 0; x < AGES; x++) {
      n += arr[x]!;
      c += arr[x]! * ageCost(slope, x);
    }
  }
  return n > 0 ? c / n : 1;
}

/** β such that retirees' mean cost ÷ in-service members' = the weight, by bisection (the ratio rises with β). */
function solveSlope(y: InsuredYear, weight: number): number {
  if (!(weight > 0) || sumOf(y.byStatus.retiree) === 0 || sumOf(y.byStatus.inService) + sumOf(y.byStatus.flexible) === 0) return 0;
  const ratio = (b: number) => meanCost(y, 'retiree', b) / (meanCost(y, 'inService', b) || meanCost(y, 'flexible', b));
  let lo = -0.5;
  let hi = 0.5;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (ratio(mid) < weight) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export function statusTotal(y: InsuredYear, status: Status): number {
  return sumOf(y.byStatus[status]);
}
