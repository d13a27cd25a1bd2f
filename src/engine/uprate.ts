/**
 * Uprating past the last dated value. An open-ended rule may say how each
 * parameter it sets evolves after the rule's first year: unchanged, plus an
 * amount a year, plus a percentage a year, or in proportion to a series. The
 * pace is an assumption and says so; `upratings` lists, for a stack, every
 * amount an open-ended rule carries forward and how, so nothing freezes silently.
 */
import { D, type Dec } from '../common/money.ts';
import type { Uprate } from '../rules/types.ts';
import type { PolicyStack } from './stack.ts';

/** The dated value `v` of year y0 carried `n` years forward; `seriesAt` gives a series' value in a year. */
export function uprateValue(v: Dec, up: Uprate, n: number, y0: number, seriesAt: (year: number) => Dec): Dec {
  if (n <= 0) return v;
  if (up.how === 'amount') return v.plus(new D(up.perYear!).times(n));
  if (up.how === 'percent') return v.times(new D(1).plus(new D(up.perYear!).dividedBy(100)).pow(n));
  if (up.how === 'series') return v.times(seriesAt(y0 + n)).dividedBy(seriesAt(y0));
  return v;
}

export function describeUprate(up: Pick<Uprate, 'how' | 'perYear' | 'series'>): { zh: string; en: string } {
  switch (up.how) {
    case 'amount':
      return { zh: `每年增加 ${up.perYear} 元`, en: `+${up.perYear} 元 a year` };
    case 'percent':
      return { zh: `每年增长 ${up.perYear}%`, en: `+${up.perYear}% a year` };
    case 'series':
      return { zh: `随${up.series === 'avgMonthlyWage' ? '平均工资' : up.series}同比例变动`, en: `in proportion to ${up.series}` };
    default:
      return { zh: '保持不变', en: 'unchanged' };
  }
}

export interface UpratingEntry {
  param: string;
  ruleSet: string;
  rule: string;
  /** First month of the open-ended rule; its year is the last dated value. */
  from: string;
  how: Uprate['how'];
  perYear?: string;
  series?: string;
  /** The rule's stated reason, or why it is unchanged. */
  note: string;
  description: { zh: string; en: string };
}

/**
 * Every amount (元) that an open-ended rule of the stack sets, with its
 * uprating; amounts the rule does not uprate are listed as unchanged.
 * Rates and shares are not listed: they stay as written by their nature.
 */
export function upratings(stack: PolicyStack): UpratingEntry[] {
  const out: UpratingEntry[] = [];
  for (const rule of stack.rules) {
    if (rule.period.until !== undefined || rule.spec.from === undefined) continue;
    for (const param of Object.keys(rule.spec.event.params)) {
      const unit = stack.registry.get(param).unit;
      const up = rule.spec.uprate?.[param];
      if (!up && unit !== 'yuan-per-month' && unit !== 'yuan-per-year') continue;
      const how = up ?? { how: 'unchanged' as const, note: 'no uprating stated: the value stays as dated / 规则未规定调整方式，保持不变' };
      out.push({ param, ruleSet: rule.ruleSet.spec.id, rule: rule.spec.id, from: rule.spec.from, how: how.how, perYear: how.perYear, series: how.series, note: how.note, description: describeUprate(how) });
    }
  }
  return out;
}
