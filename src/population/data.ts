/**
 * China's demography from the UN World Population Prospects, shipped in
 * seeds/demography/china-wpp.json (see its README for the license and
 * credit line). Built by src/population/build-data.ts.
 */
import raw from '../../seeds/demography/china-wpp.json' with { type: 'json' };
import { splitFiveYearGroups } from './single-years.ts';

interface Mortality {
  periods: string[];
  ages: string[];
  /** rates[ageGroup][period], deaths per person-year. */
  rates: number[][];
}

export interface Demography {
  population2020: { ageGroups: string[]; male: number[]; female: number[] };
  mortality: { male: Mortality; female: Mortality };
  tfr: Record<string, number>;
  asfrPercent: { years: string[]; groups: string[]; values: number[][] };
  sexRatioAtBirth: Record<string, number>;
  netMigration: Record<string, number>;
  /** A later total the 2020 structure is scaled to meet: WPP 2024's estimate for 2024, in thousands. */
  benchmark: { year: number; total: number };
  singleYears: (groups: readonly number[]) => number[];
}

/** The series without their "note" fields. */
function series(o: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'note')) as Record<string, number>;
}

let loaded: Demography | undefined;

export function demography(): Demography {
  loaded ??= {
    population2020: raw.population2020,
    mortality: raw.mortality,
    tfr: series(raw.tfr),
    asfrPercent: raw.asfrPercent,
    sexRatioAtBirth: series(raw.sexRatioAtBirth),
    netMigration: series(raw.netMigration),
    benchmark: { year: raw.benchmark.year, total: raw.benchmark.total },
    singleYears: splitFiveYearGroups,
  };
  return loaded;
}

export const CREDIT = raw.source;
export const LICENSE = raw.license;
