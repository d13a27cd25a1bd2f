/**
 * Employee participation by birth cohort: older cohorts had lower
 * urban-employee coverage, because fewer of them ever worked in towns.
 *
 * The shape (an assumption, with its source): a cohort's relative
 * participation is the share of China's population living in towns in the
 * year the cohort turned 25 (国家统计局《中国统计年鉴》, 年末城镇人口比重:
 * 1978 17.92%, 1980 19.39%, 1990 26.41%, 2000 36.22%, 2010 49.95%, 2020 63.89%;
 * linear in between, 17.92% before 1978 (the share was flat at 17-20% from
 * 1960 to 1978) and 63.89% after 2020: later cohorts participate as the one
 * born in 1995). The level is calibrated to each report's counts; the shape
 * only sets how much fewer of an older cohort are employees than of a younger
 * one: the cohort born in 1960 (25 in 1985) counts 22.9 ÷ 63.89 = 0.36 of
 * the one born in 1995.
 *
 * Checked against the national bulletins (seeds/sources/national-bulletins.md,
 * test/population/participation.test.ts): calibrated on 2019 (242.24 million
 * in service, 87.00 million retirees, 2.78 per retiree), the model gives 2.84
 * in 2021 and 2.79 in 2022 against the reported 2.80 and 2.76; with
 * participation uniform by cohort it gives 2.58 and 2.42.
 */

/** Year, urban share of the population at the year's end (%), 国家统计局. */
export const URBAN_SHARE: readonly (readonly [number, number])[] = [
  [1978, 17.92],
  [1980, 19.39],
  [1990, 26.41],
  [2000, 36.22],
  [2010, 49.95],
  [2020, 63.89],
];

/** The age at which a cohort's urban share is read. */
export const ENTRY_AGE = 25;

function urbanShare(year: number): number {
  const t = URBAN_SHARE;
  if (year <= t[0]![0]) return t[0]![1];
  for (let i = 1; i < t.length; i++) {
    const [y1, v1] = t[i]!;
    if (year <= y1) {
      const [y0, v0] = t[i - 1]!;
      return v0 + ((v1 - v0) * (year - y0)) / (y1 - y0);
    }
  }
  return t[t.length - 1]![1];
}

const LATEST = URBAN_SHARE[URBAN_SHARE.length - 1]![1];

/**
 * Relative employee participation of people born in `birthYear` (a decimal
 * year: 1960.5 is mid-1960), 1 for cohorts born in 1995 or later; with
 * `byCohort` false, 1 for everyone (participation uniform by cohort).
 */
export function cohortParticipation(birthYear: number, byCohort = true): number {
  return byCohort ? urbanShare(birthYear + ENTRY_AGE) / LATEST : 1;
}

export const PARTICIPATION_SOURCE = {
  zh: '职工参保率按出生队列：取该队列25岁那年的全国城镇人口比重（国家统计局《中国统计年鉴》年末城镇人口比重，1978年17.92%至2020年63.89%），相对1995年及以后出生者；水平按各报告的参保人数校准（假设）',
  en: 'employee participation by birth cohort: the national urban share of the population in the year the cohort turned 25 (NBS China Statistical Yearbook, year-end urban share, 17.92% in 1978 to 63.89% in 2020), relative to those born in 1995 or later; the level calibrated to each report’s counts (an assumption)',
} as const;
