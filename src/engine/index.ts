/**
 * The engine's front door: compose a stack, then resolve every parameter for
 * a person and month, with json-rules-engine (the reference, asynchronous) or
 * the direct evaluator (synchronous, for projections).
 */
import type { Facts } from './facts.ts';
import { matchFast, matchWithEngine } from './match.ts';
import { resolveParameters, type Override, type Resolution, type SeriesData } from './resolve.ts';
import type { PolicyStack } from './stack.ts';

export interface ResolveOptions {
  series?: SeriesData;
  overrides?: Override[];
}

export async function resolveWithEngine(stack: PolicyStack, facts: Facts, opts: ResolveOptions = {}): Promise<Resolution> {
  return resolveParameters(stack, await matchWithEngine(stack, facts), facts, opts.series, opts.overrides);
}

export function resolveFast(stack: PolicyStack, facts: Facts, opts: ResolveOptions = {}): Resolution {
  return resolveParameters(stack, matchFast(stack, facts), facts, opts.series, opts.overrides);
}

export { composeStack, type PolicyStack, type CompiledRule } from './stack.ts';
export { required, requiredMethod, describeFacts } from './resolve.ts';
export type { Resolution, ResolvedValue, Provenance, Override, SeriesData, ComplianceFinding } from './resolve.ts';
export type { Facts, Category, AidStatus, RegionTier } from './facts.ts';
export { CATEGORIES, AID_STATUSES, REGION_TIERS, SEXES, FORMER_RETIREMENT_AGES, birthMonthFact } from './facts.ts';
export type { PersonSex, FormerRetirementAge } from './facts.ts';
