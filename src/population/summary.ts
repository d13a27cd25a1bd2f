/**
 * What the workbench, the CLI and JSON show of the population behind a
 * projection: insured by status per year, the in-service/retiree ratio, the
 * calibrated participation, and the insured by age and sex at the base year
 * and the horizon (for an age pyramid). People are float64 persons.
 */
import { SEXES, type Sex } from './cohort.ts';
import type { PopulationIndex } from './for-model.ts';
import { statusTotal, STATUSES, type Status } from './insured.ts';
import type { PopulationSettings } from './settings.ts';

export interface PopulationSummaryYear {
  year: number;
  /** The model's own count by status (before the scenario's participation trend), persons. */
  inService: number;
  flexible: number;
  retiree: number;
  resident: number;
  /** The region's modelled population. */
  population: number;
  /** (In service + flexible) ÷ retirees. */
  dependencyRatio: number;
}

export interface PyramidYear {
  year: number;
  /** By status, then sex: persons by single year of age 0..100+. */
  byStatus: Record<Status, Record<Sex, number[]>>;
  population: Record<Sex, number[]>;
}

/** Persons by 5-year age group (0-4 … 95-99, 100+), sex and status in one year. */
export interface AgeGroupYear {
  year: number;
  byStatus: Record<Status, Record<Sex, number[]>>;
  population: Record<Sex, number[]>;
}

export const AGE_GROUPS = [...Array.from({ length: 20 }, (_, i) => `${i * 5}-${i * 5 + 4}`), '100+'];

export interface PopulationSummary {
  retirementRule: string;
  /** The population assumptions in force (see POPULATION_SOURCES for units and sources). */
  settings: PopulationSettings;
  regionScale: number;
  /** Whether the region's own age structure was used (otherwise the national one, scaled). */
  ownStructure: boolean;
  participation: { employees: number; retirees: number; residents: number };
  /** Employees ÷ people of working age not retired, retirees ÷ people retired, in the base year (every cohort). */
  effectiveParticipation: { employees: number; retirees: number };
  ageCostSlope: number;
  /** The retiree cost weight the slope was solved for. */
  retireeCostWeight: number;
  years: PopulationSummaryYear[];
  pyramids: PyramidYear[];
  byAgeGroup: AgeGroupYear[];
}

function grouped(single: ArrayLike<number>): number[] {
  const out = new Array<number>(AGE_GROUPS.length).fill(0);
  for (let x = 0; x < single.length; x++) out[Math.min(Math.floor(x / 5), AGE_GROUPS.length - 1)]! += single[x]!;
  return out;
}

export function populationSummary(p: PopulationIndex, baseYear: number, until: number, settings: PopulationSettings): PopulationSummary {
  const years: PopulationSummaryYear[] = [];
  for (let y = baseYear; y <= until; y++) {
    const iy = p.year(y);
    const t = (s: Status) => statusTotal(iy, s);
    const population = SEXES.reduce((s, sex) => s + iy.population[sex].reduce((a, v) => a + v, 0), 0);
    const retiree = t('retiree');
    years.push({ year: y, inService: t('inService'), flexible: t('flexible'), retiree, resident: t('resident'), population, dependencyRatio: retiree > 0 ? (t('inService') + t('flexible')) / retiree : NaN });
  }
  const pyramid = (y: number): PyramidYear => {
    const iy = p.year(y);
    const bySex = (x: Record<Sex, Float64Array>) => ({ male: [...x.male], female: [...x.female] });
    return { year: y, byStatus: Object.fromEntries(STATUSES.map((s) => [s, bySex(iy.byStatus[s])])) as PyramidYear['byStatus'], population: bySex(iy.population) };
  };
  const byAgeGroup: AgeGroupYear[] = [];
  for (let y = baseYear; y <= until; y++) {
    const iy = p.year(y);
    const g = (x: Record<Sex, Float64Array>) => ({ male: grouped(x.male), female: grouped(x.female) });
    byAgeGroup.push({ year: y, byStatus: Object.fromEntries(STATUSES.map((s) => [s, g(iy.byStatus[s])])) as AgeGroupYear['byStatus'], population: g(iy.population) });
  }
  return {
    retirementRule: p.retirementRule,
    settings,
    byAgeGroup,
    regionScale: p.insured.regionScale,
    ownStructure: p.insured.ownStructure,
    participation: p.insured.participation,
    effectiveParticipation: p.insured.effectiveParticipation,
    ageCostSlope: p.insured.ageCostSlope,
    retireeCostWeight: p.insured.retireeCostWeight,
    years,
    pyramids: [pyramid(baseYear), pyramid(until)],
  };
}
