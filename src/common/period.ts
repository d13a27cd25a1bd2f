/**
 * Months are the grain of policy: a rate in force from 2021-07, a cut for
 * 2020-02..2020-06. A month is kept as one integer (year * 12 + month - 1)
 * so that periods compare with plain arithmetic inside rule conditions.
 */
export const MONTH_PATTERN = /^([12][0-9]{3})-(0[1-9]|1[0-2])$/;

export type MonthIndex = number;

export function parseMonth(text: string): MonthIndex | undefined {
  const m = MONTH_PATTERN.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function formatMonth(index: MonthIndex): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function yearOf(index: MonthIndex): number {
  return Math.floor(index / 12);
}

export function monthIndex(year: number, month: number): MonthIndex {
  return year * 12 + month - 1;
}

/** Inclusive period; an open end is undefined. */
export interface Period {
  from?: MonthIndex;
  until?: MonthIndex;
}

export function periodsOverlap(a: Period, b: Period): boolean {
  const aFrom = a.from ?? -Infinity;
  const aUntil = a.until ?? Infinity;
  const bFrom = b.from ?? -Infinity;
  const bUntil = b.until ?? Infinity;
  return aFrom <= bUntil && bFrom <= aUntil;
}

export function periodContains(p: Period, month: MonthIndex): boolean {
  return (p.from === undefined || month >= p.from) && (p.until === undefined || month <= p.until);
}
