/**
 * Units printed in fund reports and exact conversion to each dimension's base
 * unit (元, 人, 人次). Reports mix 万元 and 亿元 — and sometimes slip between
 * them — so every comparison happens in base units, never on printed digits.
 */
import { D, type Dec } from '../common/money.ts';

export const UNITS = [
  '元', '万元', '亿元',
  '人', '万人',
  '人次', '万人次',
  '元/人次', '元/人', '元/月',
  '%', '月', '日', '家', '个',
] as const;
export type Unit = (typeof UNITS)[number];

export type Dimension =
  | 'money' | 'persons' | 'visits' | 'costPerVisit' | 'perCapita' | 'monthlyWage'
  | 'percent' | 'months' | 'days' | 'institutions' | 'count';

interface UnitSpec {
  dimension: Dimension;
  /** Multiply by this to get the dimension's base unit. */
  factor: Dec;
  base: Unit;
}

const TEN_THOUSAND = new D('1e4');
const HUNDRED_MILLION = new D('1e8');
const ONE = new D(1);

export const UNIT_SPECS: Readonly<Record<Unit, UnitSpec>> = {
  '元': { dimension: 'money', factor: ONE, base: '元' },
  '万元': { dimension: 'money', factor: TEN_THOUSAND, base: '元' },
  '亿元': { dimension: 'money', factor: HUNDRED_MILLION, base: '元' },
  '人': { dimension: 'persons', factor: ONE, base: '人' },
  '万人': { dimension: 'persons', factor: TEN_THOUSAND, base: '人' },
  '人次': { dimension: 'visits', factor: ONE, base: '人次' },
  '万人次': { dimension: 'visits', factor: TEN_THOUSAND, base: '人次' },
  '元/人次': { dimension: 'costPerVisit', factor: ONE, base: '元/人次' },
  '元/人': { dimension: 'perCapita', factor: ONE, base: '元/人' },
  '元/月': { dimension: 'monthlyWage', factor: ONE, base: '元/月' },
  '%': { dimension: 'percent', factor: ONE, base: '%' },
  '月': { dimension: 'months', factor: ONE, base: '月' },
  '日': { dimension: 'days', factor: ONE, base: '日' },
  '家': { dimension: 'institutions', factor: ONE, base: '家' },
  '个': { dimension: 'count', factor: ONE, base: '个' },
};

export function isUnit(u: unknown): u is Unit {
  return typeof u === 'string' && (UNITS as readonly string[]).includes(u);
}

export function dimensionOf(unit: Unit): Dimension {
  return UNIT_SPECS[unit].dimension;
}

export function unitsOf(dimension: Dimension): Unit[] {
  return UNITS.filter((u) => UNIT_SPECS[u].dimension === dimension);
}

/** 43370.17 万元 → 433701700 元, exactly. */
export function toBase(value: Dec, unit: Unit): Dec {
  return value.times(UNIT_SPECS[unit].factor);
}

export function fromBase(value: Dec, unit: Unit): Dec {
  return value.dividedBy(UNIT_SPECS[unit].factor);
}

/** Exact conversion within one dimension; converting 万元 to 人 is a programming error. */
export function convert(value: Dec, from: Unit, to: Unit): Dec {
  if (dimensionOf(from) !== dimensionOf(to)) throw new Error(`cannot convert ${from} to ${to}`);
  return fromBase(toBase(value, from), to);
}
