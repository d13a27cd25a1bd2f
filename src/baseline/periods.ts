/**
 * Report periods: a year ("2022"), a half ("2022-H1") or a quarter
 * ("2022-Q3"). Reports compare with "去年同期" (the same period a year
 * earlier) and roll balances forward from the period that ends just before.
 */
export const PERIOD_PATTERN = /^([0-9]{4})(?:-(H[12]|Q[1-4]))?$/;
export const FIRST_YEAR = 1949;
export const LAST_YEAR = 2100;

export type PeriodPart = 'year' | 'H1' | 'H2' | 'Q1' | 'Q2' | 'Q3' | 'Q4';

export interface Period {
  key: string;
  year: number;
  part: PeriodPart;
  /** First calendar month (1-12). */
  firstMonth: number;
  /** Length in months: 12, 6 or 3. */
  months: number;
}

export function parsePeriod(key: string): Period | undefined {
  const m = PERIOD_PATTERN.exec(key);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < FIRST_YEAR || year > LAST_YEAR) return undefined;
  const part = (m[2] ?? 'year') as PeriodPart;
  if (part === 'year') return { key, year, part, firstMonth: 1, months: 12 };
  if (part.startsWith('H')) return { key, year, part, firstMonth: part === 'H1' ? 1 : 7, months: 6 };
  const q = Number(part.slice(1));
  return { key, year, part, firstMonth: (q - 1) * 3 + 1, months: 3 };
}

function keyOf(year: number, part: PeriodPart): string {
  return part === 'year' ? String(year) : `${year}-${part}`;
}

/** "2022-H1" → "2021-H1": what 比去年同期 compares with. */
export function sameEarlierYear(key: string, yearsBack = 1): string | undefined {
  const p = parsePeriod(key);
  return p ? keyOf(p.year - yearsBack, p.part) : undefined;
}

/**
 * Periods whose end is the start of `key`, best first: the cumulative balance
 * printed for any of them is the opening balance of `key`.
 */
export function openingPeriods(key: string): string[] {
  const p = parsePeriod(key);
  if (!p) return [];
  if (p.firstMonth === 1) return [String(p.year - 1), `${p.year - 1}-H2`, `${p.year - 1}-Q4`];
  if (p.part === 'H2') return [`${p.year}-H1`, `${p.year}-Q2`];
  const prevQ = `${p.year}-Q${(p.firstMonth - 1) / 3}`;
  return p.part === 'Q3' ? [prevQ, `${p.year}-H1`] : [prevQ];
}

export function isPeriodKey(key: string): boolean {
  return parsePeriod(key) !== undefined;
}
