/**
 * What a scenario assumes about the future, beyond policy: how many people
 * are insured and how that changes, wages, costs, interest. Every assumption
 * has a default derived from the baseline or stated here with its reason;
 * scenario files store them as decimal strings.
 */
import { InputError, pointer, type InputProblem } from '../common/errors.ts';
import { D, isDecimalLiteral, type Dec } from '../common/money.ts';
import { GROUPS, type BaseYear, type Group } from './base-year.ts';
import { SERVICES, type Service } from './services.ts';
import { resolvePopulation, type PopulationInput, type PopulationSettings } from '../population/settings.ts';
import type { UncertaintyInput } from '../scenario/uncertainty.ts';
import { DEFAULT_THRESHOLD, type CalibrationMethod, type CalibrationOptions } from './calibration.ts';

/** As written in a scenario file: every field optional, decimals as strings. */
export interface AssumptionsInput {
  counts?: Partial<Record<Group, string>>;
  growth?: Partial<Record<Group, string>>;
  retireeShare?: string;
  flexibleShare?: string;
  avgMonthlyWage?: string;
  /** Known average monthly wages of earlier years (元/月), kept as they are when growth changes. */
  wageHistory?: Record<string, string>;
  wageGrowth?: string;
  wageDistribution?: string[];
  costGrowth?: string;
  /** Price growth per service (%/年) where a report gives benefits by service; each defaults to costGrowth. */
  costGrowthByService?: Partial<Record<Service, string>>;
  utilizationGrowth?: string;
  retireeCostWeight?: string;
  interestRate?: string;
  /** Collection relative to the base year, in percent (100: as in the base year). */
  collectionRate?: string;
  aidFundingGrowth?: string;
  regionTier?: 1 | 2 | 3;
  /** Fertility, mortality, migration, the retirement-age rule and how a region's population is sized. */
  population?: PopulationInput;
  aidFinancing?: AidFinancing;
  /** Percent of the resident fund's "other" expenditure that is 大病保险 premiums (default 0: none separated). */
  criticalIllnessShare?: string;
  /** Distributions of the uncertain assumptions, paths and seed, for Monte Carlo (src/scenario/uncertainty.ts). */
  uncertainty?: UncertaintyInput;
  calibration?: { normalise?: boolean; threshold?: string; method?: CalibrationMethod; methods?: Record<string, CalibrationMethod> };
}

export interface Assumptions {
  /** Insured persons in the base year; absent where neither the report nor the scenario gives them. */
  counts: Partial<Record<Group, Dec>>;
  /** Percent change per year, by group, on top of what the population does (participation trend). */
  growth: Record<Group, Dec>;
  retireeShare: Dec;
  /** Set where retireeShare comes from the baseline's own age structure (src/population/retiree-share.ts). */
  retireeShareFromStructure?: boolean;
  flexibleShare: Dec;
  avgMonthlyWage?: Dec;
  wageHistory: Record<number, Dec>;
  wageGrowth: Dec;
  wageDistribution: Dec[];
  costGrowth: Dec;
  /** Price growth of a service, where set; the others follow costGrowth. */
  costGrowthByService: Partial<Record<Service, Dec>>;
  utilizationGrowth: Dec;
  retireeCostWeight: Dec;
  /** Undefined: derived per fund from its base-year interest and opening balance. */
  interestRate?: Dec;
  collectionRate: Dec;
  aidFundingGrowth: Dec;
  /** 以支定收: the budget pays what medical aid spends (as-needed), or its funding grows at aidFundingGrowth. */
  aidFinancing: AidFinancing;
  criticalIllnessShare: Dec;
  regionTier?: 1 | 2 | 3;
  population: PopulationSettings;
  calibration: CalibrationOptions;
  /**
   * The trends the reported years are read with, where they differ from the
   * projected years' (a Monte Carlo path's draws act from the year after the
   * base year: what was reported stays as the scenario reads it, so its
   * calibration is the scenario's). Absent: the same trends throughout.
   */
  reportedYears?: ReportedTrends;
}

/** The trends that also reach back to the reported years before the base year. */
export type ReportedTrends = Pick<Assumptions, 'wageGrowth' | 'costGrowth' | 'utilizationGrowth' | 'growth' | 'costGrowthByService' | 'aidFundingGrowth'>;

/** The trends the reported years are read with: the scenario's own (or those it already keeps for them). */
export function reportedTrends(a: Assumptions): ReportedTrends {
  return a.reportedYears ?? { wageGrowth: a.wageGrowth, costGrowth: a.costGrowth, utilizationGrowth: a.utilizationGrowth, growth: a.growth, costGrowthByService: a.costGrowthByService, aidFundingGrowth: a.aidFundingGrowth };
}

/**
 * Relative wages of ten equal groups of employees, mean exactly 1: the decile
 * means of a log-normal distribution with σ = 0.5, rounded to 0.01 (the top
 * decile takes the rounding). Floors and ceilings act on this spread, not on
 * the average alone.
 */
export const DEFAULT_WAGE_DISTRIBUTION = ['0.37', '0.52', '0.63', '0.73', '0.83', '0.94', '1.07', '1.24', '1.49', '2.18'];

export type AidFinancing = 'as-needed' | 'fixed-growth';

export const DEFAULTS = {
  // No seed report splits employees into in-service and retirees: the national share, 26.3-26.6% in 2018-2022
  // (NHSA bulletins, seeds/sources/national-bulletins.md: 8373 of 31681万 in 2018, 9636 of 36243万 in 2022).
  retireeShare: '26',
  flexibleShare: '10',
  wageGrowth: '5',
  costGrowth: '4',
  utilizationGrowth: '1',
  // Where no report gives costs by status: retirees cost about three times what an employee in
  // service does. The city's report gives them (seed 001) and its weight comes from them (visitWeight).
  retireeCostWeight: '3',
  collectionRate: '100',
  aidFundingGrowth: '0',
  // No seed report separates 大病保险 premiums from the resident fund's other expenditure.
  criticalIllnessShare: '0',
} as const;

const PERCENT_FIELDS = ['retireeShare', 'flexibleShare', 'collectionRate', 'criticalIllnessShare'] as const;
const RATE_FIELDS = ['wageGrowth', 'costGrowth', 'utilizationGrowth', 'interestRate', 'aidFundingGrowth'] as const;

/**
 * Where a report gives visits and cost per visit by status (the city, seed 001), a retiree's cost
 * relative to a member in service: (retirees' cost ÷ retirees) ÷ (in-service cost ÷ members in
 * service and flexible), the counts split by the scenario's shares where the report does not split them.
 */
export function visitWeight(base: BaseYear, input: AssumptionsInput): Dec | undefined {
  const v = base.visitCost;
  const employees = base.employees;
  if (!v || !employees || base.counts.retiree || base.counts.inService) return undefined;
  if (input.retireeShare !== undefined && !isDecimalLiteral(input.retireeShare)) return undefined;
  const retireeShare = new D(input.retireeShare ?? DEFAULTS.retireeShare).dividedBy(100);
  if (retireeShare.isZero() || retireeShare.greaterThanOrEqualTo(1)) return undefined;
  return v.retiree.dividedBy(retireeShare).dividedBy(v.inService.dividedBy(new D(1).minus(retireeShare))).toDecimalPlaces(2);
}

export function resolveAssumptions(input: AssumptionsInput, base: BaseYear, file: string, at = '/assumptions'): Assumptions {
  const problems: InputProblem[] = [];
  const num = (v: string | undefined, path: string, fallback?: string): Dec | undefined => {
    const text = v ?? fallback;
    if (text === undefined) return undefined;
    if (!isDecimalLiteral(text)) {
      problems.push({ file, path: at + path, reason: `"${text}" is not a decimal number` });
      return undefined;
    }
    return new D(text);
  };
  const counts: Partial<Record<Group, Dec>> = { ...base.counts };
  const growth = {} as Record<Group, Dec>;
  for (const g of GROUPS) {
    const c = num(input.counts?.[g], pointer('counts', g));
    if (c) counts[g] = c;
    // Counts follow the population; a report's one-year change is not compounded (the banner's −1.88% would halve its residents by 2060).
    growth[g] = num(input.growth?.[g], pointer('growth', g)) ?? new D(0);
    if (growth[g].lessThanOrEqualTo(-100)) problems.push({ file, path: at + pointer('growth', g), reason: 'a fall of 100% or more a year leaves no one insured' });
  }
  const a: Assumptions = {
    counts,
    growth,
    retireeShare: num(input.retireeShare, '/retireeShare', DEFAULTS.retireeShare)!,
    flexibleShare: num(input.flexibleShare, '/flexibleShare', DEFAULTS.flexibleShare)!,
    avgMonthlyWage: num(input.avgMonthlyWage, '/avgMonthlyWage') ?? base.avgMonthlyWage[base.year],
    wageHistory: Object.fromEntries(
      Object.entries({ ...Object.fromEntries(Object.entries(base.avgMonthlyWage).map(([y, v]) => [y, v.toString()])), ...(input.wageHistory ?? {}) }).map(([y, v]) => [Number(y), num(v, `/wageHistory/${y}`) ?? new D(1)]),
    ),
    wageGrowth: num(input.wageGrowth, '/wageGrowth', DEFAULTS.wageGrowth)!,
    wageDistribution: (input.wageDistribution ?? DEFAULT_WAGE_DISTRIBUTION).map((w, i) => num(w, `/wageDistribution/${i}`) ?? new D(1)),
    costGrowth: num(input.costGrowth, '/costGrowth', DEFAULTS.costGrowth)!,
    costGrowthByService: Object.fromEntries(
      Object.entries(input.costGrowthByService ?? {}).flatMap(([s, v]) => {
        if (!(SERVICES as readonly string[]).includes(s)) {
          problems.push({ file, path: `${at}/costGrowthByService/${s}`, reason: `"${s}" is not a service; expected one of ${SERVICES.join(', ')}` });
          return [];
        }
        const g = num(v, `/costGrowthByService/${s}`);
        if (g && (g.lessThanOrEqualTo(-100) || g.greaterThan(100))) problems.push({ file, path: `${at}/costGrowthByService/${s}`, reason: `a yearly rate must be above -100% and at most 100%, not ${g.toString()}` });
        return g ? [[s, g]] : [];
      }),
    ),
    utilizationGrowth: num(input.utilizationGrowth, '/utilizationGrowth', DEFAULTS.utilizationGrowth)!,
    retireeCostWeight: num(input.retireeCostWeight, '/retireeCostWeight') ?? visitWeight(base, input) ?? new D(DEFAULTS.retireeCostWeight),
    interestRate: num(input.interestRate, '/interestRate'),
    collectionRate: num(input.collectionRate, '/collectionRate', DEFAULTS.collectionRate)!,
    aidFundingGrowth: num(input.aidFundingGrowth, '/aidFundingGrowth', DEFAULTS.aidFundingGrowth)!,
    regionTier: input.regionTier,
    population: resolvePopulation(input.population, file, at + '/population', problems),
    aidFinancing: input.aidFinancing ?? 'as-needed',
    criticalIllnessShare: num(input.criticalIllnessShare, '/criticalIllnessShare', DEFAULTS.criticalIllnessShare)!,
    calibration: {
      normalise: input.calibration?.normalise ?? true,
      threshold: num(input.calibration?.threshold, '/calibration/threshold', DEFAULT_THRESHOLD)!,
      method: input.calibration?.method,
      methods: { ...(input.calibration?.methods ?? {}) },
    },
  };
  if (problems.length) throw new InputError(problems);
  for (const f of PERCENT_FIELDS) {
    if (a[f].lessThan(0) || a[f].greaterThan(100)) problems.push({ file, path: `${at}/${f}`, reason: `a percentage must be between 0 and 100, not ${a[f].toString()}` });
  }
  if (a.retireeShare.plus(a.flexibleShare).greaterThan(100)) {
    problems.push({ file, path: `${at}/flexibleShare`, reason: 'retirees and flexible workers together cannot exceed 100% of employees' });
  }
  for (const f of RATE_FIELDS) {
    const v = a[f];
    if (v && (v.lessThanOrEqualTo(-100) || v.greaterThan(100))) problems.push({ file, path: `${at}/${f}`, reason: `a yearly rate must be above -100% and at most 100%, not ${v.toString()}` });
  }
  if (a.wageDistribution.length === 0 || !a.wageDistribution.reduce((s, w) => s.plus(w), new D(0)).dividedBy(a.wageDistribution.length).equals(1)) {
    problems.push({ file, path: `${at}/wageDistribution`, reason: 'relative wages must average exactly 1' });
  }
  if (a.wageDistribution.some((w) => w.lessThanOrEqualTo(0))) problems.push({ file, path: `${at}/wageDistribution`, reason: 'relative wages must be positive' });
  for (const [g, n] of Object.entries(input.counts ?? {})) {
    if (n !== undefined && new D(n).isNegative()) problems.push({ file, path: `${at}/counts/${g}`, reason: 'a count of people cannot be negative' });
  }
  if (a.avgMonthlyWage && !a.avgMonthlyWage.greaterThan(0)) problems.push({ file, path: `${at}/avgMonthlyWage`, reason: 'the average wage must be above 0' });
  for (const [y, w] of Object.entries(a.wageHistory)) {
    if (!w.greaterThan(0)) problems.push({ file, path: `${at}/wageHistory/${y}`, reason: 'the average wage must be above 0' });
    if (Number(y) >= base.year) problems.push({ file, path: `${at}/wageHistory/${y}`, reason: `wage history is for years before the base year ${base.year}; the base year's wage is avgMonthlyWage` });
  }
  if (!a.calibration.threshold.greaterThan(0)) problems.push({ file, path: `${at}/calibration/threshold`, reason: 'the threshold of an abnormal year must be above 0%' });
  if (a.retireeCostWeight.isNegative()) problems.push({ file, path: `${at}/retireeCostWeight`, reason: 'must not be negative' });
  if (problems.length) throw new InputError(problems);
  return a;
}
