/**
 * The cohort-component population model: single years of age 0..100+ by
 * sex, in yearly steps from 1 July to 1 July. People are float64 (numbers of
 * persons, not money).
 *
 * One step from year t to t+1:
 * - survivors: each age x survives the year with exp(-m(x)), m the central
 *   death rate of its sex at age x (constant within the year); survivors of
 *   ages 99 and 100+ make up the 100+ group;
 * - births: Σ women aged x × f(x), f(x) = TFR × the age group's share of it ÷ 5,
 *   split into boys and girls by the sex ratio at birth; newborns survive to
 *   1 July with exp(-m(0) / 2) (half a year of exposure on average);
 * - net migration: the year's total, half men and half women, spread evenly
 *   over ages 20-39 (an assumption: WPP gives totals only).
 * Rates for the step are those of the calendar year t+1, the step's mid-point;
 * death rates are interpolated log-linearly between the mid-points of WPP's
 * five-year periods. So next year's population at age x+1 = this year's at x
 * − deaths at x + migration at x+1, and at age 0 = births − infant deaths +
 * migration at 0, to the person (test/population/cohort.test.ts).
 */
import { demography, type Demography } from './data.ts';

export const MAX_AGE = 100;
export const AGES = MAX_AGE + 1;
export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];
export type BySex = Record<Sex, Float64Array>;

export const FERTILITY_VARIANTS = ['medium', 'high', 'low'] as const;
export type FertilityVariant = (typeof FERTILITY_VARIANTS)[number];

/** What a projection of the population assumes; every field has a default stated in POPULATION_DEFAULTS. */
export interface PopulationAssumptions {
  variant: FertilityVariant;
  /** Death rates relative to WPP's, in percent (100: as WPP). */
  mortalityPercent: number;
  /** Net migration relative to WPP's, in percent (100: as WPP). */
  migrationPercent: number;
}

export const POPULATION_DEFAULTS: PopulationAssumptions = { variant: 'medium', mortalityPercent: 100, migrationPercent: 100 };

/** Women's TFR above (high) or below (low) the medium: half a child, phased in over the first five projected years. */
export const VARIANT_TFR_DIFFERENCE = 0.5;
const LAST_OBSERVED_TFR_YEAR = 2023;
const MIGRATION_AGES = [20, 39] as const;

export interface PopulationYear {
  year: number;
  /** Persons at 1 July, index = age (100 = 100 and over). */
  pop: BySex;
}

/** What happened during the step that ends in `year`. */
export interface YearFlows {
  year: number;
  /** Deaths by age at the start of the step. */
  deaths: BySex;
  births: Record<Sex, number>;
  /** Newborns who die before 1 July. */
  infantDeaths: Record<Sex, number>;
  /** Net migrants by age at the end of the step. */
  migration: BySex;
}

export interface PopulationProjection {
  baseYear: number;
  years: PopulationYear[];
  flows: YearFlows[];
  /** The factor the WPP 2019 structure of 2020 was scaled by (see baseScale). */
  baseScale: number;
  assumptions: PopulationAssumptions;
}

const zeros = (): BySex => ({ male: new Float64Array(AGES), female: new Float64Array(AGES) });

/** The WPP single-year death rate of `sex` at each age, for the step centred on 1 January of `year`. */
export function deathRates(d: Demography, sex: Sex, year: number): Float64Array {
  const m = d.mortality[sex];
  const mids = m.periods.map((p) => Number(p.slice(0, 4)) + 3); // 2020-2025 covers mid-2020..mid-2025: centre 2023.0
  let i = mids.findIndex((c) => c > year) - 1;
  if (i < 0) i = mids[0]! > year ? 0 : mids.length - 2;
  const w = Math.min(1, Math.max(0, (year - mids[i]!) / (mids[i + 1]! - mids[i]!)));
  const out = new Float64Array(AGES);
  // Abridged ages 0, 1, 5, 10, … 95, 100+: single age x takes the rate of the group it falls in.
  const starts = m.ages.map((a) => Number.parseInt(a, 10));
  for (let x = 0; x < AGES; x++) {
    let g = 0;
    while (g + 1 < starts.length && starts[g + 1]! <= x) g++;
    const r = m.rates[g]!;
    out[x] = Math.exp(Math.log(r[i]!) * (1 - w) + Math.log(r[i + 1]!) * w);
  }
  return out;
}

export function tfrOf(d: Demography, year: number, variant: FertilityVariant): number {
  const years = Object.keys(d.tfr).map(Number);
  const y = Math.min(Math.max(year, Math.min(...years)), Math.max(...years));
  const medium = d.tfr[String(y)]!;
  if (variant === 'medium' || year <= LAST_OBSERVED_TFR_YEAR) return medium;
  const phase = Math.min(1, (year - LAST_OBSERVED_TFR_YEAR) / 5);
  return Math.max(0, medium + (variant === 'high' ? 1 : -1) * VARIANT_TFR_DIFFERENCE * phase);
}

/** Age-specific fertility by single year of the mother's age, for `year`. */
export function fertilityRates(d: Demography, year: number, variant: FertilityVariant): Float64Array {
  const a = d.asfrPercent;
  const col = Math.max(0, Math.min(a.years.length - 1, a.years.indexOf(String(year)) < 0 ? a.years.length - 1 : a.years.indexOf(String(year))));
  const tfr = tfrOf(d, year, variant);
  const out = new Float64Array(AGES);
  a.groups.forEach((g, gi) => {
    const start = Number.parseInt(g, 10);
    const share = a.values[gi]![col]! / 100;
    for (let x = start; x < start + 5; x++) out[x] = (tfr * share) / 5;
  });
  return out;
}

function yearValue(series: Record<string, number>, year: number): number {
  const keys = Object.keys(series).map(Number).sort((p, q) => p - q);
  const y = Math.min(Math.max(year, keys[0]!), keys[keys.length - 1]!);
  return series[String(y)]!;
}

/** One step: the population of 1 July `year`+1 from that of `year`. */
export function step(d: Demography, from: PopulationYear, a: PopulationAssumptions): { next: PopulationYear; flows: YearFlows } {
  const year = from.year + 1;
  const next = zeros();
  const deaths = zeros();
  const migration = zeros();
  const mortalityFactor = a.mortalityPercent / 100;
  const rates = { male: deathRates(d, 'male', year), female: deathRates(d, 'female', year) };
  for (const s of SEXES) {
    const p = from.pop[s];
    for (let x = 0; x < AGES; x++) {
      const survivors = p[x]! * Math.exp(-rates[s][x]! * mortalityFactor);
      deaths[s][x] = p[x]! - survivors;
      next[s][Math.min(x + 1, MAX_AGE)]! += survivors;
    }
  }
  const f = fertilityRates(d, year, a.variant);
  let births = 0;
  for (let x = 0; x < AGES; x++) births += from.pop.female[x]! * f[x]!;
  const srb = yearValue(d.sexRatioAtBirth, year);
  const born = { male: (births * srb) / (1 + srb), female: births / (1 + srb) };
  const infantDeaths = { male: 0, female: 0 };
  for (const s of SEXES) {
    const survivors = born[s] * Math.exp((-rates[s][0]! * mortalityFactor) / 2);
    infantDeaths[s] = born[s] - survivors;
    next[s][0] = survivors;
  }
  const total = yearValue(d.netMigration, year) * 1000 * (a.migrationPercent / 100);
  const span = MIGRATION_AGES[1] - MIGRATION_AGES[0] + 1;
  for (const s of SEXES) {
    for (let x = MIGRATION_AGES[0]; x <= MIGRATION_AGES[1]; x++) {
      migration[s][x] = total / 2 / span;
      next[s][x]! += migration[s][x]!;
    }
  }
  return { next: { year, pop: next }, flows: { year, deaths, births: born, infantDeaths, migration } };
}

/**
 * Single years of age from the WPP 2019 5-year groups of mid-2020, in
 * persons, every age scaled by `scale`.
 */
export function basePopulation(d: Demography = demography(), scale = 1): PopulationYear {
  const pop = zeros();
  for (const s of SEXES) {
    const groups = d.population2020[s].map((v) => v * 1000 * scale);
    const single = d.singleYears(groups.slice(0, -1));
    single.forEach((v, x) => (pop[s][x] = v));
    pop[s][MAX_AGE] = groups[groups.length - 1]!;
  }
  return { year: 2020, pop };
}

/**
 * WPP 2019's structure for mid-2020 totals 1,439.3 million, made before the
 * 2020 census (1,411.8 million on 1 November 2020); WPP 2024 revised the
 * past down. The structure is scaled by one factor, the same at every age,
 * so that the projection meets WPP 2024's estimate for mid-2024 (1,417.7
 * million) under the medium fertility variant (and the scenario's mortality and
 * migration); the fertility variants differ from 2024 on.
 */
function baseScale(d: Demography, totalAt: (scale: number) => number): number {
  const target = d.benchmark.total * 1000;
  let k = 1;
  for (let i = 0; i < 4; i++) k *= target / totalAt(k);
  return k;
}

const cache = new Map<string, PopulationProjection>();

/** The national population from 2020 to `until`, by single year of age and sex. */
export function projectPopulation(until: number, a: PopulationAssumptions = POPULATION_DEFAULTS): PopulationProjection {
  const key = `${a.variant}|${a.mortalityPercent}|${a.migrationPercent}`;
  const known = cache.get(key);
  if (known && known.years[known.years.length - 1]!.year >= until) return known;
  const d = demography();
  const run = (scale: number, last: number, with_: PopulationAssumptions = a) => {
    const years = [basePopulation(d, scale)];
    const flows: YearFlows[] = [];
    while (years[years.length - 1]!.year < last) {
      const { next, flows: f } = step(d, years[years.length - 1]!, with_);
      years.push(next);
      flows.push(f);
    }
    return { years, flows };
  };
  const medium = { ...a, variant: 'medium' as const };
  const scale = baseScale(d, (k) => total(run(k, d.benchmark.year, medium).years[d.benchmark.year - 2020]!));
  const out = { baseYear: 2020, ...run(scale, Math.max(until, d.benchmark.year)), baseScale: scale, assumptions: { ...a } };
  cache.set(key, out);
  return out;
}

export function populationIn(p: PopulationProjection, year: number): PopulationYear {
  const y = p.years[year - p.baseYear];
  if (!y) throw new Error(`no population for ${year}: the projection covers ${p.baseYear}-${p.years[p.years.length - 1]!.year}`);
  return y;
}

export function total(y: PopulationYear): number {
  let s = 0;
  for (const sex of SEXES) for (const v of y.pop[sex]) s += v;
  return s;
}
