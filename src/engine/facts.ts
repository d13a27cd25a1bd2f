/**
 * The facts a rule's conditions may test. A rule applies to one person
 * category in one month, in a region of a given tier, with an aid status.
 */
import type { MonthIndex } from '../common/period.ts';

export const CATEGORIES = ['in-service', 'retiree', 'flexible', 'resident'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Medical-aid status of a resident: 特困人员, 低保对象, 返贫致贫人口, or none. */
export const AID_STATUSES = ['none', 'tekun', 'dibao', 'fanpin'] as const;
export type AidStatus = (typeof AID_STATUSES)[number];

/** 一类、二类、三类地区 (seed 004). */
export const REGION_TIERS = [1, 2, 3] as const;
export type RegionTier = (typeof REGION_TIERS)[number];

export const SEXES = ['male', 'female'] as const;
export type PersonSex = (typeof SEXES)[number];

/** A woman's retirement age before the 2025 reform: 50 (workers) or 55 (cadres, 管理技术岗位). */
export const FORMER_RETIREMENT_AGES = [50, 55] as const;
export type FormerRetirementAge = (typeof FORMER_RETIREMENT_AGES)[number];

export interface Facts {
  month: MonthIndex;
  category: Category;
  aid: AidStatus;
  /** Unknown when the caller did not say; rules that test it then do not apply. */
  regionTier?: RegionTier;
  /** The person, where a rule depends on who they are (the statutory retirement age). */
  sex?: PersonSex;
  /** Month of birth, as YYYYMM (196501 for January 1965), so that conditions compare it as a number. */
  birthMonth?: number;
  formerRetirementAge?: FormerRetirementAge;
}

/** 1965-01 as the birthMonth fact 196501. */
export function birthMonthFact(year: number, month: number): number {
  return year * 100 + month;
}

/** The facts as json-rules-engine and the fast evaluator see them. */
export function factValues(f: Facts): Record<string, unknown> {
  return {
    month: f.month,
    year: Math.floor(f.month / 12),
    category: f.category,
    aid: f.aid,
    regionTier: f.regionTier ?? null,
    sex: f.sex ?? null,
    birthMonth: f.birthMonth ?? null,
    formerRetirementAge: f.formerRetirementAge ?? null,
  };
}

/** Allowed values of the enumerated facts, to catch typos in conditions. */
export const FACT_DOMAINS: Record<string, readonly unknown[]> = {
  category: CATEGORIES,
  aid: AID_STATUSES,
  regionTier: REGION_TIERS,
  sex: SEXES,
  formerRetirementAge: FORMER_RETIREMENT_AGES,
};
