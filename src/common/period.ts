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

/** Something in force over a period, as month numbers (open ends infinite), with its place in its list. */
export interface PeriodSpan<T> {
  item: T;
  i: number;
  from: number;
  until: number;
}

export function periodSpan<T>(item: T, i: number, p: Period): PeriodSpan<T> {
  return { item, i, from: p.from ?? -Infinity, until: p.until ?? Infinity };
}

/**
 * Every pair of spans, one from `as` and one from `bs`, whose periods overlap
 * (with `as === bs`, a span is not paired with itself and each pair comes once, lower
 * `i` first). Sorted by start and swept, so each span meets only those still
 * open when it starts: n log n for successive periods instead of every span
 * against every other.
 */
export function overlappingPairs<T>(as: PeriodSpan<T>[], bs: PeriodSpan<T>[], visit: (a: PeriodSpan<T>, b: PeriodSpan<T>) => void): void {
  const same = as === bs;
  const events = same ? as.map((s) => ({ s, side: 0 })) : [...as.map((s) => ({ s, side: 0 })), ...bs.map((s) => ({ s, side: 1 }))];
  events.sort((x, y) => x.s.from - y.s.from || x.s.i - y.s.i || x.side - y.side);
  const open: PeriodSpan<T>[][] = [[], []];
  for (const { s, side } of events) {
    for (let k = 0; k < 2; k++) if (open[k]!.length) open[k] = open[k]!.filter((o) => o.until >= s.from);
    for (const o of open[same ? 0 : 1 - side]!) {
      if (same) visit(o.i < s.i ? o : s, o.i < s.i ? s : o);
      else if (side === 0) visit(s, o);
      else visit(o, s);
    }
    open[same ? 0 : side]!.push(s);
  }
}
