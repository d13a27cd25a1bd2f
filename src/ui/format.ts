/** Display formatting only: the numbers arrive exact from the worker; here they are rounded for the eye. */
import { grouped } from '../common/grouped.ts';
import { getLocale, t } from './i18n.ts';

export { grouped };

/**
 * One formatter per language and number of digits (at most `digits` places, at least `least`): building an
 * Intl.NumberFormat costs far more than using one, and a table formats thousands of cells.
 */
const formatters = new Map<string, Intl.NumberFormat>();
export function fmt(digits: number, least = digits): Intl.NumberFormat {
  const locale = getLocale() === 'en' ? 'en-US' : 'zh-CN';
  const key = `${locale} ${digits} ${least}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(locale, { minimumFractionDigits: least, maximumFractionDigits: digits })));
  return f;
}

/** 万元 string → "158,510.40". */
export function wan(v: string | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return fmt(2).format(Number(v));
}

/**
 * An amount in 万元 for a headline figure: beyond 1 亿 万元 (a trillion yuan) in 亿元 as the documents
 * write such sums, so a figure stays on one line; its unit beside it.
 */
export function wanHeadline(v: string, yi = false): { text: string; unit: string } {
  const n = Number(v);
  if (yi || Math.abs(n) >= 1e8) return { text: yiText(v), unit: t('unitYi') };
  return { text: fmt(2).format(n), unit: t('unitWan') };
}

/** An exact amount in 万元 in 亿元, every digit kept (for export): "1082447515.74" → "108244.751574". */
export function yiExact(v: string): string {
  const m = /^(-?)([0-9]+)(?:\.([0-9]+))?$/.exec(v);
  if (!m) return v;
  const digits = m[2]!.padStart(5, '0');
  const int = digits.slice(0, -4).replace(/^0+(?=[0-9])/, '');
  const frac = (digits.slice(-4) + (m[3] ?? '')).replace(/0+$/, '');
  const zero = /^0$/.test(int) && !frac;
  return `${zero ? '' : m[1]}${int}${frac ? `.${frac}` : ''}`;
}

/**
 * An exact amount in 万元 ("1082447515.745") in 亿元 to the 0.01, grouped ("108,244.75"): the decimal
 * point moved four places on the exact digits (integers, never a float), rounded half away from zero.
 */
export function yiText(v: string): string {
  const m = /^(-?)([0-9]+)(?:\.([0-9]+))?$/.exec(v);
  if (!m) return v;
  const frac = m[3] ?? '';
  const scaled = BigInt(m[2]! + frac); // v × 10^frac.length
  const unit = 10n ** BigInt(frac.length + 2); // one hundredth of a 亿元 in those units
  let cents = scaled / unit;
  if ((scaled % unit) * 2n >= unit) cents += 1n;
  const digits = cents.toString().padStart(3, '0');
  const sign = m[1] && cents > 0n ? '-' : '';
  return `${sign}${grouped(digits.slice(0, -2))}.${digits.slice(-2)}`;
}

export function months(v: string | null | undefined): string {
  return v === null || v === undefined ? '—' : fmt(1).format(Number(v));
}

/**
 * A fund's months payable: a fund whose cumulative balance is used up (months below zero, the balance
 * negative) has no months left to pay, and reads 耗尽 / exhausted rather than a negative number.
 * A difference of months (a comparison) is a plain number: use `months`.
 */
export function monthsPayable(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return isExhausted(v) ? t('exhaustedShort') : fmt(1).format(Number(v));
}

/** Months payable below zero: the fund is exhausted. */
export function isExhausted(v: string | number | null | undefined): boolean {
  return v !== null && v !== undefined && Number(v) < 0;
}

export function percent(v: string | null | undefined): string {
  return v === null || v === undefined ? '—' : `${fmt(2).format(Number(v))}%`;
}

/** For charts: an exact decimal string as a float, for drawing only. */
export function num(v: string | null | undefined): number | null {
  return v === null || v === undefined ? null : Number(v);
}

/** A parameter's unit as written beside a value, in the reader's language or the one asked for. */
export function unitLabel(unit: string, lang: 'zh' | 'en' = getLocale() === 'en' ? 'en' : 'zh'): string {
  const en = lang === 'en';
  switch (unit) {
    case 'percent':
      return '%';
    case 'yuan-per-month':
      return en ? 'yuan/month' : '元/月';
    case 'yuan-per-year':
      return en ? 'yuan/year' : '元/年';
    case 'months':
      return en ? 'months' : '月';
    default:
      return '';
  }
}

/** The units the library writes in Chinese (万元, 元/月, 人, %/年 …), in the reader's language. */
const UNITS_EN: Record<string, string> = {
  万元: '10k yuan',
  元: 'yuan',
  '元/月': 'yuan/month',
  '元/年': 'yuan/year',
  '元/人': 'yuan per head',
  人: 'people',
  月: 'months',
  '%/年': '%/year',
  '×平均': '× average',
  年: 'year',
};

export function unitText(unit: string): string {
  return getLocale() === 'en' ? (UNITS_EN[unit] ?? unit) : unit;
}

export function downloadText(filename: string, text: string, type = 'text/csv'): void {
  downloadBlob(filename, new Blob([text], { type: `${type};charset=utf-8` }));
}

export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function csv(rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  // A BOM so spreadsheet programs read the Chinese headers as UTF-8.
  return '\ufeff' + rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

/** A file name from a scenario's title: no characters a file system refuses, at most 60. */
export function fileNameOf(title: string): string {
  return title.replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 60) || 'scenario';
}
