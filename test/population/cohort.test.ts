import { describe, expect, it } from 'vitest';
import { AGES, MAX_AGE, projectPopulation, populationIn, SEXES, total } from '../../src/population/cohort.ts';
import { demography } from '../../src/population/data.ts';
import { splitFiveYearGroups } from '../../src/population/single-years.ts';

describe('single years from 5-year groups', () => {
  it('keeps every group total and reproduces a linear slope', () => {
    // Groups 10, 20, 30, 40 lie on a line of slope 2 per 5 years (0.4 per year):
    // the first group's years are 2 - 0.8, 2 - 0.4, 2, 2 + 0.4, 2 + 0.8 = 1.2 … 2.8.
    const years = splitFiveYearGroups([10, 20, 30, 40]);
    expect(years.slice(0, 5).map((v) => +v.toFixed(9))).toEqual([1.2, 1.6, 2, 2.4, 2.8]);
    expect(years.slice(15).map((v) => +v.toFixed(9))).toEqual([7.2, 7.6, 8, 8.4, 8.8]);
    const d = demography();
    const male = d.population2020.male.slice(0, -1);
    const single = splitFiveYearGroups(male);
    male.forEach((g, i) => expect(single.slice(i * 5, i * 5 + 5).reduce((s, v) => s + v, 0)).toBeCloseTo(g, 6));
    expect(single.every((v) => v >= 0)).toBe(true);
  });
});

describe('cohort-component projection', () => {
  const p = projectPopulation(2060);

  it('next year = this year − deaths + births + migration, per age and sex, to the person', () => {
    for (const f of p.flows) {
      const before = populationIn(p, f.year - 1);
      const after = populationIn(p, f.year);
      for (const s of SEXES) {
        expect(Math.abs(after.pop[s][0]! - (f.births[s] - f.infantDeaths[s] + f.migration[s][0]!))).toBeLessThan(0.5);
        for (let x = 1; x < MAX_AGE; x++) {
          expect(Math.abs(after.pop[s][x]! - (before.pop[s][x - 1]! - f.deaths[s][x - 1]! + f.migration[s][x]!))).toBeLessThan(0.5);
        }
        const open = before.pop[s][MAX_AGE - 1]! - f.deaths[s][MAX_AGE - 1]! + before.pop[s][MAX_AGE]! - f.deaths[s][MAX_AGE]! + f.migration[s][MAX_AGE]!;
        expect(Math.abs(after.pop[s][MAX_AGE]! - open)).toBeLessThan(0.5);
      }
    }
    expect(p.years[0]!.pop.male.length).toBe(AGES);
  });

  it('meets WPP 2024 for 2024 and stays inside its 80% band in 2030, 2040 and 2050', () => {
    // wpp2024-popprojMed.tsv, 2024: 1,417,733.636 thousand (the benchmark the 2020 structure is scaled to).
    expect(total(populationIn(p, 2024)) / 1000).toBeCloseTo(1417733.636, 0);
    // wpp2024-popproj80l.tsv / 80u.tsv, thousands:
    const band: Record<number, [number, number]> = {
      2030: [1382286.9, 1409312.507],
      2040: [1299861.186, 1376974.723],
      2050: [1187012.137, 1318975.569],
    };
    for (const [y, [lo, hi]] of Object.entries(band)) {
      const t = total(populationIn(p, Number(y))) / 1000;
      expect(t).toBeGreaterThan(lo);
      expect(t).toBeLessThan(hi);
    }
    // And falls after 2024, as WPP 2024's medium does (1,411.4 million in 2026).
    expect(total(populationIn(p, 2026))).toBeLessThan(total(populationIn(p, 2024)));
  });

  it('starts from WPP 2019’s 2020 structure scaled by one factor', () => {
    // 738.2 + 701.1 = 1,439.3 million in WPP 2019 for mid-2020; the factor brings 2024 to 1,417.7 million.
    const raw = demography().population2020;
    const wpp2019 = [...raw.male, ...raw.female].reduce((s, v) => s + v, 0) * 1000;
    expect(wpp2019 / 1e6).toBeCloseTo(1439.3, 1);
    expect(total(p.years[0]!)).toBeCloseTo(wpp2019 * p.baseScale, 0);
    expect(p.baseScale).toBeGreaterThan(0.98);
    expect(p.baseScale).toBeLessThan(1);
  });

  it('high and low fertility variants bracket the medium from 2025', () => {
    const high = projectPopulation(2050, { variant: 'high', mortalityPercent: 100, migrationPercent: 100 });
    const low = projectPopulation(2050, { variant: 'low', mortalityPercent: 100, migrationPercent: 100 });
    for (const y of [2030, 2050]) {
      expect(total(populationIn(high, y))).toBeGreaterThan(total(populationIn(p, y)));
      expect(total(populationIn(low, y))).toBeLessThan(total(populationIn(p, y)));
    }
    // Everyone aged 30 in 2050 was born before the variants start (2024): the same people in all three.
    expect(populationIn(high, 2050).pop.female[30]).toBeCloseTo(populationIn(p, 2050).pop.female[30]!, 3);
  });
});
