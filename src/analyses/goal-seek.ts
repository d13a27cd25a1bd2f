/**
 * Goal seek: the setting of one lever that meets an indicator target every
 * year of a span, e.g. "the smallest individual standard from 2026 that keeps
 * months payable at or above 6 every year to 2040", or "the employer rate
 * that keeps the balance rate within 15-25%".
 *
 * The lever moves in steps of its precision over a stated range. Each bound of
 * the target (at least, at most) is met on one side of a boundary, found by
 * bisection; the settings that meet the whole target are where those sides
 * overlap. The answer (the smallest or the largest of them) is then confirmed
 * on the exact projection, with the setting one step beyond it shown to fail,
 * and returned as a scenario. "No setting in range meets it" is an answer too.
 */
import { FUND_NAMES } from '../report/names.ts';
import { appendNote } from '../scenario/notes.ts';
import { InputError, localizedProblem } from '../common/errors.ts';
import { message } from '../common/messages.ts';
import { targetValueReason } from './target-bounds.ts';
import { D, type Dec } from '../common/money.ts';
import type { FundId } from '../model/base-year.ts';
import type { Projection } from '../model/project.ts';
import type { Prepared } from '../scenario/prepare.ts';
import type { Scenario } from '../scenario/types.ts';
import { fundsOf } from './outcomes.ts';
import { settingName, withSetting, type LeverInfo } from './levers.ts';
import type { Evaluator, ProjectionOutcome } from './outcomes.ts';

export const INDICATORS = ['monthsPayable', 'balanceRate'] as const;
export type Indicator = (typeof INDICATORS)[number];

export interface Target {
  indicator: Indicator;
  fund: FundId;
  /** Decimal strings; at least one is set. */
  atLeast?: string;
  atMost?: string;
  /** Years the target must hold in, inclusive. */
  from: number;
  until: number;
}

export interface GoalSeekRequest {
  lever: LeverInfo;
  /** Inclusive range of the lever, decimal strings. */
  low: string;
  high: string;
  target: Target;
  /** Which setting among those that meet the target: the smallest (default) or the largest. */
  prefer?: 'smallest' | 'largest';
}

export interface YearCheck {
  year: number;
  value?: string;
  meets: boolean;
}

export type GoalSeekResult =
  | {
      found: true;
      value: string;
      /** The scenario with the answer: open it as any scenario. */
      scenario: Scenario;
      /** The answer's years on the exact projection, all meeting the target. */
      years: YearCheck[];
      /** One step beyond the answer (less for the smallest, more for the largest), where in range: it fails in these years. */
      beyond?: { value: string; failing: YearCheck[] };
      evaluations: number;
    }
  | { found: false; reason: { zh: string; en: string }; evaluations: number };

/** Parse "monthsPayable >= 6 until 2040", "balanceRate between 15 and 25", "balanceRate <= 25 until 2035". */
export function parseTarget(text: string, fund: FundId, from: number, defaultUntil: number, flag = '--target'): Target {
  const t = text.trim();
  const m = /^([A-Za-z]+)\s*(>=|<=|between)\s*(-?[0-9]+(?:\.[0-9]+)?)(?:\s*(?:and|-|,)\s*(-?[0-9]+(?:\.[0-9]+)?))?(?:\s+until\s+([0-9]{4}))?$/.exec(t);
  if (!m) throw InputError.one(flag, '', `"${text}" is not a target; write e.g. "monthsPayable >= 6 until 2040" or "balanceRate between 15 and 25" / 目标写法如 "monthsPayable >= 6 until 2040"`);
  const [, indicator, op, a, b, year] = m;
  if (!(INDICATORS as readonly string[]).includes(indicator!)) throw InputError.one(flag, '', `unknown indicator "${indicator}"; one of ${INDICATORS.join(', ')}`);
  if ((op === 'between') !== (b !== undefined)) throw InputError.one(flag, '', op === 'between' ? 'between needs two values: "between 15 and 25"' : `"${op}" takes one value`);
  for (const v of op === 'between' ? [a!, b!] : [a!]) {
    const reason = targetValueReason(indicator!, Number(v));
    if (reason) throw new InputError([localizedProblem(flag, '', message('target.invalid', { zh: `“${text}”：${reason.zh}`, en: `"${text}": ${reason.en}` }))]);
  }
  if (op === 'between' && new D(a!).greaterThan(b!)) throw InputError.one(flag, '', `the lower value ${a} is above the upper value ${b}`);
  const until = year === undefined ? defaultUntil : Number(year);
  if (until < from) throw InputError.one(flag, '', `until ${until} is before the first year the lever acts, ${from}`);
  if (until > defaultUntil) throw InputError.one(flag, '', `until ${until} is after the scenario's horizon ${defaultUntil}; raise the horizon with --until`);
  return {
    indicator: indicator as Indicator,
    fund,
    from,
    until,
    ...(op === '>=' || op === 'between' ? { atLeast: a } : {}),
    ...(op === '<=' ? { atMost: a } : op === 'between' ? { atMost: b } : {}),
  };
}

export function describeTarget(t: Target): { zh: string; en: string } {
  const name = t.indicator === 'monthsPayable' ? { zh: '可支付月数', en: 'months payable' } : { zh: '当期结存率(%)', en: 'balance rate (%)' };
  const bound =
    t.atLeast !== undefined && t.atMost !== undefined
      ? { zh: `在 ${t.atLeast} 至 ${t.atMost} 之间`, en: `between ${t.atLeast} and ${t.atMost}` }
      : t.atLeast !== undefined
        ? { zh: `不低于 ${t.atLeast}`, en: `at least ${t.atLeast}` }
        : { zh: `不高于 ${t.atMost}`, en: `at most ${t.atMost}` };
  const fund = FUND_NAMES[t.fund];
  return { zh: `${fund.zh}：${name.zh}${bound.zh}，${t.from}-${t.until} 年每年`, en: `${fund.en}: ${name.en} ${bound.en}, every year ${t.from}-${t.until}` };
}

type Bound = 'atLeast' | 'atMost';

/** Whether one bound holds in every year of the target (float64, for the search). */
function holds(o: ProjectionOutcome, t: Target, bound: Bound): boolean {
  const fund = o.funds.find((f) => f.id === t.fund);
  if (!fund) return false;
  const limit = Number(t[bound]);
  for (let y = t.from; y <= t.until; y++) {
    const v = fund.years.find((x) => x.year === y)?.[t.indicator];
    if (v === undefined || (bound === 'atLeast' ? v < limit : v > limit)) return false;
  }
  return true;
}

/** The target year by year on the exact projection. */
export function checkExact(p: Projection, t: Target): YearCheck[] {
  const fund = p.funds.find((f) => f.id === t.fund);
  const out: YearCheck[] = [];
  for (let y = t.from; y <= t.until; y++) {
    const v: Dec | undefined = fund?.years.find((x) => x.year === y)?.[t.indicator];
    const meets = v !== undefined && (t.atLeast === undefined || v.greaterThanOrEqualTo(t.atLeast)) && (t.atMost === undefined || v.lessThanOrEqualTo(t.atMost));
    out.push({ year: y, value: v?.toDecimalPlaces(4).toString(), meets });
  }
  return out;
}

export async function goalSeek(scenario: Scenario, req: GoalSeekRequest, evaluate: Evaluator, exact: (s: Scenario) => Promise<Projection>): Promise<GoalSeekResult> {
  const { lever, target } = req;
  const step = lever.step;
  const lo = new D(req.low);
  const hi = new D(req.high);
  if (lo.greaterThan(hi)) throw InputError.one('--range', '', `the low end ${req.low} is above the high end ${req.high}`);
  const last = hi.minus(lo).dividedBy(step).floor().toNumber();
  const valueAt = (k: number) => lo.plus(step.times(k)).toString();
  const scenarioAt = (k: number) => withSetting(scenario, lever.setting, valueAt(k));
  const cache = new Map<number, ProjectionOutcome>();
  const at = async (k: number) => {
    let o = cache.get(k);
    if (!o) cache.set(k, (o = await evaluate(scenarioAt(k))));
    return o;
  };
  const name = settingName(lever.setting);
  const none = (zh: string, en: string): GoalSeekResult => ({ found: false, reason: { zh, en }, evaluations: cache.size });

  // Each bound holds on one side of a boundary: [first, last] of the steps that meet it.
  let from = 0;
  let to = last;
  for (const bound of ['atLeast', 'atMost'] as const) {
    if (target[bound] === undefined) continue;
    const atLow = holds(await at(0), target, bound);
    const atHigh = holds(await at(last), target, bound);
    if (atLow && atHigh) continue;
    if (!atLow && !atHigh) {
      return none(
        `${name} 在 ${req.low} 至 ${req.high} 范围内没有任何取值能达到目标（${describeTarget(target).zh}）`,
        `no setting of ${name} from ${req.low} to ${req.high} meets the target (${describeTarget(target).en})`,
      );
    }
    // Bisection on the step index: `good` meets the bound, `bad` does not.
    let good = atLow ? 0 : last;
    let bad = atLow ? last : 0;
    while (Math.abs(good - bad) > 1) {
      const mid = Math.floor((good + bad) / 2);
      if (holds(await at(mid), target, bound)) good = mid;
      else bad = mid;
    }
    if (atLow) to = Math.min(to, good);
    else from = Math.max(from, good);
  }
  if (from > to) {
    return none(
      `${name} 在 ${req.low} 至 ${req.high} 范围内没有同时满足上下限的取值（${describeTarget(target).zh}）`,
      `no setting of ${name} from ${req.low} to ${req.high} meets both bounds (${describeTarget(target).en})`,
    );
  }
  const largest = req.prefer === 'largest';
  // Confirm on the exact projection; a float64 boundary within rounding of the limit moves one step inward.
  let k = largest ? to : from;
  let years = checkExact(await exact(scenarioAt(k)), target);
  while (!years.every((y) => y.meets) && (largest ? k > from : k < to)) {
    k += largest ? -1 : 1;
    years = checkExact(await exact(scenarioAt(k)), target);
  }
  if (!years.every((y) => y.meets)) {
    return none(`${name} 的取值在精确测算下未能达到目标（${describeTarget(target).zh}）`, `no setting of ${name} meets the target on the exact projection (${describeTarget(target).en})`);
  }
  const next = largest ? k + 1 : k - 1;
  const beyond = next >= 0 && next <= last ? { value: valueAt(next), failing: checkExact(await exact(scenarioAt(next)), target).filter((y) => !y.meets) } : undefined;
  const answer = scenarioAt(k);
  const described = describeTarget(target);
  return {
    found: true,
    value: valueAt(k),
    scenario: {
      ...answer,
      title: `${scenario.title} — ${name} = ${valueAt(k)}`,
      notes: appendNote(scenario.notes, { zh: `目标求解：${described.zh}`, en: `Goal seek: ${described.en}` }),
    },
    years,
    beyond,
    evaluations: cache.size,
  };
}

/** The fund a target is for: `given`, or the lever's own scheme's fund. */
export function fundForLever(lever: LeverInfo, prepared: Prepared, given?: string, field = '--fund'): FundId {
  const funds = fundsOf(prepared);
  if (given !== undefined) {
    if (!funds.includes(given as FundId)) throw InputError.one(field, '', `the scenario has no fund "${given}"; its funds: ${funds.join(', ')}`);
    return given as FundId;
  }
  const scheme = lever.setting.kind === 'parameter' ? prepared.input.stack.registry.get(lever.setting.param).scheme : undefined;
  const wanted: FundId | undefined = scheme === 'resident' ? 'resident' : scheme === 'employee' || scheme === 'maternity' ? 'employee' : scheme === 'aid' ? 'aid' : undefined;
  if (wanted && funds.includes(wanted)) return wanted;
  throw InputError.one(field, '', `say which fund the target is for; the scenario's funds: ${funds.join(', ')}`);
}

/** "LO:HI", or by default from 0 to three times the value in force (amounts), twice it (rates, at most 100), ±10 around an assumption. */
export function defaultRange(lever: LeverInfo, text?: string, field = '--range'): [string, string] {
  if (text !== undefined) {
    const m = /^\s*(-?[0-9]+(?:\.[0-9]+)?)\s*:\s*(-?[0-9]+(?:\.[0-9]+)?)\s*$/.exec(text);
    if (!m) throw InputError.one(field, '', `"${text}" is not a range; write LOW:HIGH, e.g. 300:1000`);
    return [m[1]!, m[2]!];
  }
  const cur = lever.current;
  if (!cur) throw InputError.one(field, '', `nothing sets ${settingName(lever.setting)} in this scenario: give the range to search with --range LOW:HIGH`);
  if (lever.setting.kind === 'assumption') return [cur.minus(10).toString(), cur.plus(10).toString()];
  if (lever.unit === 'percent') return ['0', D.min(100, cur.times(2)).toString()];
  return ['0', cur.times(3).toDecimalPlaces(0).toString()];
}
