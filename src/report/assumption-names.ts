/**
 * The assumptions in force under the names people read, in both languages: one table for the
 * workbench (src/ui/assumption-labels.ts picks the reader's half) and the command line (both halves).
 */
import { FUND_NAMES } from './names.ts';
import type { FundId } from '../model/base-year.ts';
import { SERVICE_NAMES, type Service } from '../model/services.ts';
import registry from '../../rules/parameters.json' with { type: 'json' };
import type { Text } from '../rules/types.ts';

export const GROUP_NAMES: Record<string, Text> = {
  resident: { zh: '居民', en: 'residents' },
  inService: { zh: '在职职工', en: 'employees in service' },
  retiree: { zh: '退休人员', en: 'retirees' },
  flexible: { zh: '灵活就业人员', en: 'flexible workers' },
  tekun: { zh: '特困人员', en: 'people in extreme hardship' },
  dibao: { zh: '低保对象', en: 'minimum-allowance recipients' },
  fanpin: { zh: '返贫致贫人口', en: 'people returned to poverty' },
};

export const FIELD_NAMES: Record<string, Text> = {
  retireeShare: { zh: '退休人员占职工比例', en: 'Retirees among employees' },
  flexibleShare: { zh: '灵活就业人员占职工比例', en: 'Flexible workers among employees' },
  avgMonthlyWage: { zh: '基期月平均工资', en: 'Average monthly wage in the base year' },
  wageGrowth: { zh: '工资年增长率', en: 'Wage growth' },
  wageDistribution: { zh: '工资分布（十等分相对工资）', en: 'Wage spread (relative wage of ten equal groups)' },
  costGrowth: { zh: '次均费用年增长率', en: 'Cost per visit growth' },
  utilizationGrowth: { zh: '人均就诊次数年增长率', en: 'Visits per person growth' },
  retireeCostWeight: { zh: '退休人员费用相当于在职的倍数', en: 'Retiree cost relative to an employee in service' },
  interestRate: { zh: '利息率', en: 'Interest rate' },
  collectionRate: { zh: '征缴率（相对基期）', en: 'Collection rate (relative to the base year)' },
  aidFundingGrowth: { zh: '医疗救助资金年增长率', en: 'Medical-aid funding growth' },
  aidFinancing: { zh: '医疗救助筹资方式', en: 'How medical aid is financed' },
  criticalIllnessShare: { zh: '大病保险保费占居民支出比例', en: 'Critical-illness premiums in resident expenditure' },
  regionTier: { zh: '地区类别', en: 'Region tier' },
  'calibration/threshold': { zh: '异常年份判定阈值', en: 'Threshold for an abnormal year' },
  'calibration/normalise': { zh: '是否调整异常年份', en: 'Abnormal years normalised' },
};

/** Short names of the population assumptions (the population view); the sentence under each says what it is and where it comes from. */
export const POPULATION_NAMES: Record<string, Text> = {
  variant: { zh: '生育率方案', en: 'Fertility variant' },
  mortalityPercent: { zh: '死亡率（相对WPP）', en: 'Mortality (relative to WPP)' },
  migrationPercent: { zh: '净迁移（相对WPP）', en: 'Net migration (relative to WPP)' },
  womenFormer50Percent: { zh: '女职工原50岁退休比例', en: 'Women employees formerly retiring at 50' },
  coveragePercent: { zh: '参保率', en: 'Coverage' },
  participation: { zh: '职工参保率的队列差异', en: 'Employee participation by cohort' },
  'participation.employees': { zh: '职工参保率', en: 'Employee participation' },
  'participation.retirees': { zh: '退休人员参保率', en: 'Retiree participation' },
  'participation.residents': { zh: '居民参保率', en: 'Resident participation' },
  ageCostSlope: { zh: '人均费用年龄斜率', en: 'Cost by age, slope' },
  regionScale: { zh: '地区人口系数', en: 'Region population scale' },
};

/** Values that are names (a method, a switch, a variant), in the reader's language. */
export const VALUE_NAMES: Record<string, Text> = {
  true: { zh: '是', en: 'yes' },
  false: { zh: '否', en: 'no' },
  'as-needed': { zh: '以支定收（按当年支出拨付）', en: 'as needed (the budget pays what aid spends)' },
  'fixed-growth': { zh: '按固定增长率', en: 'at a fixed growth rate' },
  medium: { zh: '中', en: 'medium' },
  high: { zh: '高', en: 'high' },
  low: { zh: '低', en: 'low' },
  cohort: { zh: '按出生队列', en: 'by birth cohort' },
  uniform: { zh: '各队列相同', en: 'the same for every cohort' },
  none: { zh: '不使用', en: 'none' },
  'national/retirement-age': { zh: '渐进式延迟退休（2025年1月起）', en: 'gradual reform (from 2025-01)' },
  'national/retirement-age-pre-reform': { zh: '改革前（男60、女50/55）', en: 'before the reform (men 60, women 50/55)' },
};

/**
 * An assumption's name ("assumptions/growth/resident", "uprating/resident.subsidy.minimum") in both
 * languages; undefined for a calibrated line (named by the caller, which knows the lines' names) or a name
 * not listed. `paramLabel` names a rule parameter.
 */
export function assumptionName(name: string, paramLabel: (param: string) => Text | undefined = registryLabel): Text | undefined {
  const parts = name.split('/');
  const [head, a, b, c] = parts as [string, string?, string?, string?];
  if (head === 'assumptions' && a === 'counts') return { zh: `${GROUP_NAMES[b!]?.zh ?? b}人数`, en: `Insured ${GROUP_NAMES[b!]?.en ?? b}` };
  if (head === 'assumptions' && a === 'growth') return { zh: `${GROUP_NAMES[b!]?.zh ?? b}参保率年变化（人口变化之外）`, en: `Participation trend of ${GROUP_NAMES[b!]?.en ?? b} (beyond the population)` };
  if (head === 'assumptions' && a === 'costGrowthByService') return { zh: `${SERVICE_NAMES[b as Service]?.zh ?? b}费用年增长率`, en: `Cost growth, ${SERVICE_NAMES[b as Service]?.en ?? b}` };
  if (head === 'baseline' && a === 'serviceShare') {
    const fund = FUND_NAMES[b as FundId];
    return { zh: `${fund?.zh ?? b}基期待遇中${SERVICE_NAMES[c as Service]?.zh ?? c}占比`, en: `${fund?.en ?? b}: ${SERVICE_NAMES[c as Service]?.en ?? c} in base-year benefits` };
  }
  if (head === 'assumptions' && a === 'wageHistory') return { zh: `${b} 年月平均工资`, en: `Average monthly wage ${b}` };
  if (head === 'assumptions') {
    const f = FIELD_NAMES[parts.slice(1).join('/')];
    if (f) return f;
  }
  if (head === 'uprating' && a) {
    const label = paramLabel(a);
    return { zh: `按规则递增的标准：${label?.zh ?? a}`, en: `Standard uprated by the rules: ${label?.en ?? a}` };
  }
  if (head === 'baseline' && a === 'employees') return { zh: '基期职工参保人数', en: 'Employees insured in the base year' };
  return undefined;
}

/** A rule parameter's name in rules/parameters.json. */
function registryLabel(param: string): Text | undefined {
  return (registry.parameters as Record<string, { label?: Text }>)[param]?.label;
}

/** An assumption as the command line lists it, both languages before its id: "居民人数 Insured residents (assumptions/counts/resident)". */
export function assumptionHeading(name: string): string {
  const n = assumptionName(name);
  return n ? `${n.zh} ${n.en} (${name})` : name;
}

/** An assumption's value as the command line prints it: a name (as-needed) in both languages, a number as it is. */
export function assumptionValueText(value: string): string {
  const v = VALUE_NAMES[value];
  return v ? `${v.zh} ${v.en}` : value;
}
