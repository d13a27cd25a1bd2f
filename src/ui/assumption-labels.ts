/**
 * The projection's assumptions as people read them: a label, a unit, and
 * where each value comes from (the scenario, the baseline report, or a stated
 * default and its reason). Display only: the values arrive from the worker.
 */
import { POPULATION_SOURCES } from '../population/settings.ts';
import type { Scenario } from '../scenario/types.ts';
import { pick } from './i18n.ts';

type Text = { zh: string; en: string };

const GROUP: Record<string, Text> = {
  resident: { zh: '居民', en: 'residents' },
  inService: { zh: '在职职工', en: 'employees in service' },
  retiree: { zh: '退休人员', en: 'retirees' },
  flexible: { zh: '灵活就业人员', en: 'flexible workers' },
  tekun: { zh: '特困人员', en: '特困 (extreme poverty)' },
  dibao: { zh: '低保对象', en: '低保 (minimum living allowance)' },
  fanpin: { zh: '返贫致贫人口', en: '返贫致贫 (back in poverty)' },
};

const PERCENT_A_YEAR: Text = { zh: '%/年', en: '% a year' };
const PERCENT: Text = { zh: '%', en: '%' };
const PEOPLE: Text = { zh: '人', en: 'people' };
const YUAN_MONTH: Text = { zh: '元/月', en: 'yuan/month' };
const NONE: Text = { zh: '', en: '' };

const FIELDS: Record<string, { label: Text; unit: Text; why?: Text }> = {
  retireeShare: { label: { zh: '退休人员占职工比例', en: 'Retirees among employees' }, unit: PERCENT, why: { zh: '报告未分在职与退休；全国约四分之一为退休人员', en: 'the reports do not split employees; about a quarter are retirees nationally' } },
  flexibleShare: { label: { zh: '灵活就业人员占职工比例', en: 'Flexible workers among employees' }, unit: PERCENT, why: { zh: '报告未单列灵活就业人员，按一成假设', en: 'not reported; a tenth assumed' } },
  avgMonthlyWage: { label: { zh: '基期月平均工资', en: 'Average monthly wage in the base year' }, unit: YUAN_MONTH },
  wageGrowth: { label: { zh: '工资年增长率', en: 'Wage growth' }, unit: PERCENT_A_YEAR, why: { zh: '近年平均工资增速约 5%', en: 'average wages have grown about 5% a year recently' } },
  wageDistribution: { label: { zh: '工资分布（十等分相对工资）', en: 'Wage spread (relative wage of ten equal groups)' }, unit: NONE, why: { zh: '对数正态分布 σ=0.5 的十分位均值，均值为 1', en: 'decile means of a log-normal distribution with σ = 0.5, mean 1' } },
  costGrowth: { label: { zh: '次均费用年增长率', en: 'Cost per visit growth' }, unit: PERCENT_A_YEAR, why: { zh: '默认假设', en: 'default assumption' } },
  utilizationGrowth: { label: { zh: '人均就诊次数年增长率', en: 'Visits per person growth' }, unit: PERCENT_A_YEAR, why: { zh: '默认假设', en: 'default assumption' } },
  retireeCostWeight: { label: { zh: '退休人员费用相当于在职的倍数', en: 'Retiree cost relative to an employee in service' }, unit: NONE, why: { zh: '种子 001：退休人员住院 10.18 万人次、次均 8483.68 元，在职 4.58 万人次、次均 7364.81 元', en: 'seed 001: retiree inpatient stays 10.18万 at 8483.68 元 against 4.58万 at 7364.81 元' } },
  interestRate: { label: { zh: '利息率', en: 'Interest rate' }, unit: PERCENT_A_YEAR },
  collectionRate: { label: { zh: '征缴率（相对基期）', en: 'Collection rate (relative to the base year)' }, unit: PERCENT, why: { zh: '与基期相同', en: 'as in the base year' } },
  aidFundingGrowth: { label: { zh: '医疗救助资金年增长率', en: 'Medical-aid funding growth' }, unit: PERCENT_A_YEAR, why: { zh: '默认不增长', en: 'no growth by default' } },
  regionTier: { label: { zh: '地区类别', en: 'Region tier' }, unit: NONE },
  baseYear: { label: { zh: '基期年份', en: 'Base year' }, unit: NONE },
  baseline: { label: { zh: '基线报告', en: 'Baseline report' }, unit: NONE },
};

/** Insured people of one group in one year, as labelled in the "why" panel. */
export function countLabel(group: string, year: string): string {
  const g = GROUP[group];
  return pick({ zh: `${g?.zh ?? group}人数（${year}年）`, en: `Insured ${g?.en ?? group}, ${year}` });
}

export interface AssumptionRow {
  key: string;
  label: string;
  value: string;
  unit: string;
  source: string;
}

const FROM_SCENARIO: Text = { zh: '方案设定', en: 'set in the scenario' };
const FROM_REPORT: Text = { zh: '基线报告', en: 'the baseline report' };
const PARTICIPATION_FLAT: Text = { zh: '参保率不变：人数随人口模型变化，报告所述一年变动不逐年累计', en: "participation constant: counts follow the population model; a report's one-year change is not compounded" };

/** Whether the scenario itself sets this flattened key ("growth.resident", "wageHistory.2020"). */
function setByScenario(s: Scenario | undefined, key: string): boolean {
  const [head, sub] = key.split('.') as [string, string | undefined];
  const v = (s?.assumptions as Record<string, unknown> | undefined)?.[head];
  if (v === undefined) return false;
  return sub === undefined || (typeof v === 'object' && v !== null && (v as Record<string, unknown>)[sub] !== undefined);
}

/** Each assumption of a run, labelled, with its unit and where it comes from. */
export function assumptionRows(values: Record<string, string>, scenario: Scenario | undefined): AssumptionRow[] {
  return Object.entries(values).map(([key, value]) => {
    const [head, sub] = key.split('.') as [string, string | undefined];
    let label: Text;
    let unit: Text = NONE;
    let why: Text | undefined;
    if (head === 'counts') {
      label = { zh: `${GROUP[sub!]?.zh ?? sub}人数`, en: `Insured ${GROUP[sub!]?.en ?? sub}` };
      unit = PEOPLE;
    } else if (head === 'growth') {
      label = { zh: `${GROUP[sub!]?.zh ?? sub}参保率年变化（人口变化之外）`, en: `Participation trend of ${GROUP[sub!]?.en ?? sub} (beyond the population)` };
      unit = PERCENT_A_YEAR;
      if (value === '0') why = PARTICIPATION_FLAT;
    } else if (head === 'population') {
      // population.population.variant → variant: the population assumptions with their sources
      const name = key.split('.').pop() as keyof typeof POPULATION_SOURCES;
      const src = POPULATION_SOURCES[name];
      label = { zh: `人口假设 ${name}`, en: `Population: ${name}` };
      why = src ? { zh: src.zh, en: src.en } : undefined;
    } else if (head === 'wageHistory') {
      label = { zh: `${sub} 年月平均工资`, en: `Average monthly wage ${sub}` };
      unit = YUAN_MONTH;
    } else {
      const f = FIELDS[key];
      label = f?.label ?? { zh: key, en: key };
      unit = f?.unit ?? NONE;
      why = f?.why;
    }
    const source = setByScenario(scenario, key) ? FROM_SCENARIO : (why ?? FROM_REPORT);
    return { key, label: pick(label), value, unit: pick(unit), source: pick(source) };
  });
}
