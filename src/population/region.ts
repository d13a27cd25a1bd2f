/**
 * A region's population by single year of age and sex, year by year.
 *
 * - With its own structure (a baseline's `ageStructure`, src/baseline/age-structure.ts):
 *   each cohort keeps the ratio to the national cohort it had in the
 *   structure's year, so the region's people age, die and migrate as the
 *   nation's of the same birth years do: region(y, x) = nation(y, x) ×
 *   R(x − (y − y₀)), R(a) = region(y₀, a) ÷ nation(y₀, a). Children born after
 *   y₀ take the ratio of women aged 15-49 (national fertility). A structure of
 *   the insured is divided by the coverage rate to give the population.
 * - Without one: the national structure scaled to the region's insured total
 *   ÷ the coverage rate (an assumption, labelled as such).
 */
import { singleYearStructure } from '../baseline/age-structure.ts';
import type { AgeStructure } from '../baseline/types.ts';
import { AGES, MAX_AGE, SEXES, type BySex, type PopulationYear } from './cohort.ts';
import { splitFiveYearGroups } from './single-years.ts';

export type RegionPopulation = (year: number) => BySex;

const MOTHERS = [15, 49] as const;

export function regionPopulation(args: {
  nationIn: (year: number) => PopulationYear;
  baseYear: number;
  /** The region's insured in the base year, persons. */
  insuredTotal: number;
  coveragePercent: number;
  structure?: AgeStructure;
}): { of: RegionPopulation; scale: number; own: boolean } {
  const { nationIn, baseYear } = args;
  const cover = args.coveragePercent / 100;
  const sum = (x: BySex) => SEXES.reduce((s, sex) => s + x[sex].reduce((p, v) => p + v, 0), 0);
  const nationalBase = sum(nationIn(baseYear).pop);
  const cache = new Map<number, BySex>();
  if (!args.structure) {
    const scale = args.insuredTotal / cover / nationalBase;
    const of = (y: number) => {
      let v = cache.get(y);
      if (!v) {
        const n = nationIn(y).pop;
        v = { male: n.male.map((p) => p * scale), female: n.female.map((p) => p * scale) };
        cache.set(y, v);
      }
      return v;
    };
    return { of, scale, own: false };
  }
  const y0 = Number(args.structure.year);
  const n0 = nationIn(y0).pop;
  const own = singleYearStructure(args.structure, n0, splitFiveYearGroups);
  const ratio: BySex = { male: new Float64Array(AGES), female: new Float64Array(AGES) };
  for (const s of SEXES) for (let x = 0; x < AGES; x++) ratio[s][x] = n0[s][x]! > 0 ? own[s][x]! / (own.of === 'insured' ? cover : 1) / n0[s][x]! : 0;
  let mothers = 0;
  let nationalMothers = 0;
  for (let x = MOTHERS[0]; x <= MOTHERS[1]; x++) {
    mothers += own.female[x]! / (own.of === 'insured' ? cover : 1);
    nationalMothers += n0.female[x]!;
  }
  const births = nationalMothers > 0 ? mothers / nationalMothers : 0;
  const of = (y: number) => {
    let v = cache.get(y);
    if (!v) {
      const n = nationIn(y).pop;
      v = { male: new Float64Array(AGES), female: new Float64Array(AGES) };
      for (const s of SEXES) {
        for (let x = 0; x < AGES; x++) {
          const a0 = x - (y - y0);
          const r = a0 < 0 ? births : ratio[s][Math.min(a0, MAX_AGE)]!;
          v[s][x] = n[s][x]! * r;
        }
      }
      cache.set(y, v);
    }
    return v;
  };
  return { of, scale: sum(of(baseYear)) / nationalBase, own: true };
}
