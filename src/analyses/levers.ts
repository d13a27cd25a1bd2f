/**
 * What an analysis may change in a scenario: a policy parameter from a month
 * on (written as a scenario override, so the result opens as an ordinary
 * scenario), or an assumption. Each has a value in force, a unit and a
 * precision (the step a goal seek answers to: 1 元 for amounts, 0.1 for rates).
 */
import { InputError, localizedProblem } from '../common/errors.ts';
import { message } from '../common/messages.ts';
import { D, type Dec } from '../common/money.ts';
import { parseMonth } from '../common/period.ts';
import { resolveFast } from '../engine/index.ts';
import type { Category } from '../engine/facts.ts';
import { wageSeries } from '../model/drivers.ts';
import { GROUPS, type Group } from '../model/base-year.ts';
import type { Prepared } from '../scenario/prepare.ts';
import type { Scenario } from '../scenario/types.ts';

/** The assumptions a lever may name: a field of `assumptions`, or a group's yearly growth ("growth.resident"). */
export const ASSUMPTION_LEVERS = ['wageGrowth', 'costGrowth', 'utilizationGrowth', 'retireeCostWeight', 'collectionRate', 'interestRate', 'aidFundingGrowth', ...GROUPS.map((g) => `growth.${g}`)] as const;

export type Setting =
  | { kind: 'parameter'; param: string; /** First month of the change, YYYY-MM. */ from: string }
  /**
   * The parameter's own path shifted (by a percentage of it, or by an amount),
   * year by year from `inForce[0].year`: the value in force each January
   * shifted, so a standard the rules raise each year keeps rising.
   */
  | { kind: 'parameter-shift'; param: string; relative: boolean; inForce: { year: number; value: string }[] }
  | { kind: 'assumption'; name: string };

export interface LeverInfo {
  setting: Setting;
  /** In force in the scenario as it stands, where known. */
  current?: Dec;
  unit: string;
  /** The smallest change that matters: 1 元 for amounts, 0.1 for percentages and rates. */
  step: Dec;
  label: { zh: string; en: string };
}

const CATEGORY_OF: Record<string, Category> = { employee: 'in-service', maternity: 'in-service', resident: 'resident', aid: 'resident', fund: 'resident' };

/**
 * A lever by name: a parameter of the registry (changed from `from`, by
 * default January of the year after the base year) or an assumption.
 */
export function leverInfo(name: string, prepared: Prepared, from?: string, flag = '--solve'): LeverInfo {
  const { input } = prepared;
  const registry = input.stack.registry;
  if (registry.has(name)) {
    const spec = registry.get(name);
    if (spec.unit === 'method') throw InputError.one(flag, '', `${name} is a method, not a number a goal seek can set`);
    if (spec.notInScenario) throw new InputError([localizedProblem(flag, '', message('override.notInScenario', { param: name, zh: spec.notInScenario.zh, en: spec.notInScenario.en }))]);
    const month = from ?? `${input.base.year + 1}-01`;
    if (parseMonth(month) === undefined) throw InputError.one('--from', '', `"${month}" is not a month; write YYYY-MM, e.g. 2026-01`);
    const res = resolveFast(input.stack, { month: parseMonth(month)!, category: CATEGORY_OF[spec.scheme] ?? 'resident', aid: 'none', regionTier: input.assumptions.regionTier }, { series: wageSeries(input.assumptions, input.base, input.until), overrides: input.overrides });
    const v = res.values.get(name)?.value;
    const yuan = spec.unit === 'yuan-per-month' || spec.unit === 'yuan-per-year';
    return {
      setting: { kind: 'parameter', param: name, from: month },
      current: typeof v === 'string' ? undefined : v,
      unit: spec.unit,
      step: new D(yuan || spec.unit === 'months' ? 1 : '0.1'),
      label: { zh: `${spec.label.zh}（自 ${month}）`, en: `${spec.label.en} (from ${month})` },
    };
  }
  if ((ASSUMPTION_LEVERS as readonly string[]).includes(name)) {
    const a = input.assumptions;
    const current = name.startsWith('growth.') ? a.growth[name.slice(7) as Group] : (a[name as keyof typeof a] as Dec | undefined);
    const unit = name === 'retireeCostWeight' ? 'ratio' : 'percent';
    return { setting: { kind: 'assumption', name }, current, unit, step: new D('0.1'), label: ASSUMPTION_LABELS[name] ?? { zh: name, en: name } };
  }
  const hint = registry.closest(name);
  throw InputError.one(flag, '', `"${name}" is neither a parameter of rules/parameters.json nor an assumption (${ASSUMPTION_LEVERS.join(', ')})${hint ? `; did you mean "${hint}"?` : ''}`);
}

const ASSUMPTION_LABELS: Record<string, { zh: string; en: string }> = {
  wageGrowth: { zh: '工资年增长率', en: 'wage growth a year' },
  costGrowth: { zh: '医疗费用年增长率', en: 'medical cost growth a year' },
  utilizationGrowth: { zh: '就诊量年增长率', en: 'utilisation growth a year' },
  retireeCostWeight: { zh: '退休人员费用倍数', en: 'retiree cost weight' },
  collectionRate: { zh: '征缴率（相对基期）', en: 'collection rate (relative to the base year)' },
  interestRate: { zh: '基金利率', en: 'interest rate of the funds' },
  aidFundingGrowth: { zh: '医疗救助资金年增长率', en: 'medical aid funding growth a year' },
  ...Object.fromEntries(GROUPS.map((g) => [`growth.${g}`, { zh: `参保人数年增长率：${g}`, en: `insured growth a year: ${g}` }])),
};

/** The scenario with the setting at `value` (a decimal string); the scenario itself is not changed. */
export function withSetting(scenario: Scenario, setting: Setting, value: string): Scenario {
  if (setting.kind === 'parameter-shift') {
    const shift = new D(value);
    const yearly = setting.inForce.map(({ year, value: v }) => ({
      param: setting.param,
      from: `${year}-01`,
      until: `${year}-12`,
      value: (setting.relative ? new D(v).times(shift.plus(100)).dividedBy(100) : new D(v).plus(shift)).toString(),
    }));
    return { ...scenario, overrides: [...(scenario.overrides ?? []), ...yearly] };
  }
  if (setting.kind === 'parameter') {
    const overrides = (scenario.overrides ?? []).filter((o) => !(o.param === setting.param && o.from === setting.from && o.until === undefined));
    return { ...scenario, overrides: [...overrides, { param: setting.param, from: setting.from, value }] };
  }
  const assumptions = { ...(scenario.assumptions ?? {}) };
  if (setting.name.startsWith('growth.')) assumptions.growth = { ...(assumptions.growth ?? {}), [setting.name.slice(7)]: value };
  else (assumptions as Record<string, unknown>)[setting.name] = value;
  return { ...scenario, assumptions };
}

export function settingName(s: Setting): string {
  return s.kind === 'assumption' ? s.name : s.param;
}

/** The parameter's value in force each January from `fromYear` to the horizon (years where nothing sets it are left out). */
export function pathInForce(param: string, prepared: Prepared, fromYear: number): { year: number; value: string }[] {
  const { input } = prepared;
  const category = CATEGORY_OF[input.stack.registry.get(param).scheme] ?? 'resident';
  const series = wageSeries(input.assumptions, input.base, input.until);
  const out: { year: number; value: string }[] = [];
  for (let y = fromYear; y <= input.until; y++) {
    const v = resolveFast(input.stack, { month: parseMonth(`${y}-01`)!, category, aid: 'none', regionTier: input.assumptions.regionTier }, { series, overrides: input.overrides }).values.get(param)?.value;
    if (v !== undefined && typeof v !== 'string') out.push({ year: y, value: v.toString() });
  }
  return out;
}
