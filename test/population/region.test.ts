/**
 * A region's own age structure (a baseline's `ageStructure`): the loader's
 * checks, the cohort-ratio projection, and the in-service/retiree split it
 * gives where the report does not split employees. The fixture
 * (test/fixtures/young-city-2022.json) is hand-made: the banner's 2022
 * accounts with 122281 insured concentrated at ages 20-39.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBaseline } from '../../src/baseline/load.ts';
import { InputError } from '../../src/common/errors.ts';
import { populationIn, projectPopulation } from '../../src/population/cohort.ts';
import { projectInsured } from '../../src/population/insured.ts';
import { NATIONAL_SPLIT } from '../../src/population/retiree-share.ts';
import { assumptionsInForce } from '../../src/report/assumptions.ts';
import { stackOf } from '../helpers.ts';
import { exampleDoc, runDoc } from '../scenario/helpers.ts';

const FIXTURE = 'test/fixtures/young-city-2022.json';
const young = () => JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, any>;
const problemsOf = (json: unknown): string[] => {
  try {
    loadBaseline(json, 'young.json');
    return [];
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.problems.map((p) => `${p.path}: ${p.reason}`);
  }
};

describe('the baseline format: ageStructure', () => {
  it('accepts the fixture, whose groups add up to the reported 122281 insured', () => {
    expect(problemsOf(young())).toEqual([]);
  });

  it('refuses groups that overlap, leave ages out, or end closed', () => {
    const b = young();
    b.ageStructure.groups[1].ages = '18-39';
    expect(problemsOf(b)).toEqual(['/ageStructure/groups/1/ages: "18-39" overlaps the group before it (0-19); groups must not overlap']);
    b.ageStructure.groups[1].ages = '21-39';
    expect(problemsOf(b)).toEqual(['/ageStructure/groups/1/ages: ages 20-20 are missing before "21-39"; the groups must cover every age from 0']);
    b.ageStructure.groups[1].ages = '20-39';
    b.ageStructure.groups[3].ages = '60-99';
    expect(problemsOf(b)).toEqual(['/ageStructure/groups/3/ages: the last group must be open, such as "60+", so that no one is left out']);
  });

  it('refuses a negative count and a total that contradicts the reported insured', () => {
    const b = young();
    b.ageStructure.groups[0].male.value = '-10000';
    expect(problemsOf(b)).toEqual(['/ageStructure/groups/0/male/value: -10000 人: a count of people cannot be negative']);
    b.ageStructure.groups[0].male.value = '10004';
    // printed to 1 人: eight group figures and the reported 122281 (seed 000: 参保人数达到122281人) allow ±4.5 persons
    expect(problemsOf(b)).toEqual([]);
    b.ageStructure.groups[0].male.value = '10006';
    expect(problemsOf(b)).toEqual(['/ageStructure/groups: the groups add up to 122287 insured, but the report gives 122281 insured in 2022 (122281人); more than rounding allows (±4.5)']);
  });
});

describe('a young migrant city', () => {
  const doc = () => ({ ...exampleDoc('banner-2022.json'), baseline: { embedded: young() }, assumptions: { population: { participation: 'uniform' } } });

  it('moves each cohort as the national one: the 30-year-olds of 2023 are the 29-year-olds of 2022 × the national survival', async () => {
    const { projection: p } = await runDoc(doc());
    const nation = projectPopulation(2060);
    const n = (y: number, x: number) => populationIn(nation, y).pop.male[x]!;
    // 20-39 evenly: 30000 / 20 = 1500 insured men aged 29 in 2022, 1500 / 95% coverage people
    const byHand = (1500 / 0.95) * (n(2023, 30) / n(2022, 29));
    const base = p.population!.pyramids[0]!;
    expect(base.year).toBe(2022);
    expect(base.population.male[29]).toBeCloseTo(1500 / 0.95, 6);
    const { prepared } = await runDoc(doc());
    const region = projectInsured({
      baseYear: 2022,
      until: 2023,
      counts: { inService: 1, flexible: 0, retiree: 1, resident: 1 },
      retirement: prepared.input.retirement!,
      assumptions: prepared.input.assumptions.population,
      retireeCostWeight: 1,
      structure: prepared.input.base.ageStructure,
    });
    expect(region.years[1]!.population.male[30]).toBeCloseTo(byHand, 6);
  });

  it('has about 5.4 members in service per retiree where the nation has 2.76, by hand for 2022', async () => {
    const { prepared, projection: p } = await runDoc(doc());
    // Retired by December 2022 under either rule (the reform starts in 2025): men aged 60+, half of the men aged 59;
    // women workers (half) 50+ and half of 49; women cadres (half) 55+ and half of 54. Working shape 0 at 16 → 1 at 25.
    // Insured per single year (groups split evenly): men 500 | 1500 | 800, women 475 | 1400 | 750 (0-19 | 20-39 | 40-59).
    //   W (not retired, × working shape): men 500 × 6/9 + 1500 × (30/9 + 15) + 800 × 19.5 = 333.33 + 27500 + 15600;
    //     women 475 × 6/9 + 1400 × (30/9 + 15) + 750 × (9 + 0.75 + 4 × 0.5 + 0.25) = 316.67 + 25666.67 + 9000 → 78416.67
    //   R (retired): men 6500 + 800 × 0.5 = 6900; women 7281 + 750 × (0.25 + 4 × 0.5 + 0.75 + 5) = 13281 → 20181
    //   (both ÷ 95% coverage, which cancels). With the national participation of 2022 (retirees ρ times employees'):
    //   retiree share = ρ R ÷ (ρ R + W).
    const nation = projectInsured({ baseYear: 2022, until: 2023, counts: { ...NATIONAL_SPLIT[2022]!, flexible: 0 }, retirement: stackOf('national/retirement-age'), assumptions: prepared.input.assumptions.population, retireeCostWeight: 1 });
    const rho = nation.participation.retirees / nation.participation.employees;
    const share = (100 * rho * 20181) / (rho * 20181 + 78416.66667);
    expect(share).toBeCloseTo(15.7, 1);
    expect(prepared.input.assumptions.retireeShare.toNumber()).toBeCloseTo(share, 2);
    const base = p.population!.years[0]!;
    expect(base.dependencyRatio).toBeCloseTo((100 - Number(share.toFixed(2))) / Number(share.toFixed(2)), 9);
    expect(base.dependencyRatio).toBeGreaterThan(5.3);
    // The banner itself (the national structure, the national 26% share): 74 / 26 = 2.85
    const banner = (await runDoc({ ...exampleDoc('banner-2022.json'), assumptions: { population: { participation: 'uniform' } } })).projection;
    expect(banner.population!.years[0]!.dependencyRatio).toBeCloseTo(74 / 26, 9);
    // labelled as coming from the structure
    const row = assumptionsInForce(prepared.input, {}, p).find((r) => r.name === 'assumptions/retireeShare')!;
    expect(row.origin).toBe('baseline');
    expect(p.population!.ownStructure).toBe(true);
  });
});
