/**
 * The bridge from the engine to the model: the parameters in force for each
 * month, category and aid status over the horizon. Resolution is cached by
 * the set of rules that apply and the year (series are yearly), so a
 * 30-year projection resolves each distinct policy state once.
 */
import type { Dec } from '../common/money.ts';
import { formatMonth, monthIndex } from '../common/period.ts';
import { matchFast } from '../engine/match.ts';
import { required, resolveParameters, type Override, type Resolution, type SeriesData } from '../engine/resolve.ts';
import type { AidStatus, Category, Facts, RegionTier } from '../engine/facts.ts';
import type { PolicyStack } from '../engine/stack.ts';

export class PolicyTimeline {
  readonly #cache = new Map<string, Resolution>();
  resolutions = 0;

  constructor(
    readonly stack: PolicyStack,
    readonly series: SeriesData,
    readonly overrides: Override[],
    readonly regionTier: RegionTier | undefined,
  ) {}

  at(year: number, month: number, category: Category, aid: AidStatus = 'none'): Resolution {
    const facts: Facts = { month: monthIndex(year, month), category, aid, regionTier: this.regionTier };
    const matched = matchFast(this.stack, facts);
    const overrideKey = this.overrides
      .map((o, i) => ((o.from === undefined || o.from <= formatMonth(facts.month)) && (o.until === undefined || o.until >= formatMonth(facts.month)) ? i : ''))
      .join(',');
    const key = `${year}|${category}|${aid}|${matched.map((r) => r.key).join(',')}|${overrideKey}`;
    let res = this.#cache.get(key);
    if (!res) {
      res = resolveParameters(this.stack, matched, facts, this.series, this.overrides);
      this.resolutions++;
      this.#cache.set(key, res);
    }
    return res;
  }

  /** A number in force, or undefined where nothing sets it. Errors (a rule that cannot be computed) propagate. */
  value(res: Resolution, name: string): Dec | undefined {
    const v = res.values.get(name);
    if (v && typeof v.value !== 'string') return v.value;
    if (res.unset.has(name) || !res.unavailable.has(name)) return undefined;
    return required(res, name); // throws the InputError naming the rule that cannot be computed
  }
}
