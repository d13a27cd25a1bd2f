/**
 * What the workbench, the CLI and JSON show of the population behind a
 * projection: insured by status per year, the in-service/retiree ratio, the
 * calibrated participation, and the insured by age and sex at the base year
 * and the horizon (for an age pyramid). People are float64 persons.
 */
import { SEXES, type Sex } from './cohort.ts';
import type { PopulationIndex } from './for-model.ts';
import { statusTotal, STATUSES, type Status } from './insured.ts';

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

export interface PopulationSummary {
  retirementRule: string;
  regionScale: number;
  participation: { employees: number; retirees: number; residents: number };
  ageCostSlope: number;
  years: PopulationSummaryYear[];
  pyramids: PyramidYear[];
}

export function populationSummary(p: PopulationIndex, baseYear: number, until: number): PopulationSummary {
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
  return {
    retirementRule: p.retirementRule,
    regionScale: p.insured.regionScale,
    participation: p.insured.participation,
    ageCostSlope: p.insured.ageCostSlope,
    years,
    pyramids: [pyramid(baseYear), pyramid(until)],
  };
}
