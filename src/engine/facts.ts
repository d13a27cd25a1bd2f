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

export interface Facts {
  month: MonthIndex;
  category: Category;
  aid: AidStatus;
  /** Unknown when the caller did not say; rules that test it then do not apply. */
  regionTier?: RegionTier;
}

/** The facts as json-rules-engine and the fast evaluator see them. */
export function factValues(f: Facts): Record<string, unknown> {
  return {
    month: f.month,
    year: Math.floor(f.month / 12),
    category: f.category,
    aid: f.aid,
    regionTier: f.regionTier ?? null,
  };
}

/** Allowed values of the enumerated facts, to catch typos in conditions. */
export const FACT_DOMAINS: Record<string, readonly unknown[]> = {
  category: CATEGORIES,
  aid: AID_STATUSES,
  regionTier: REGION_TIERS,
};
