/**
 * What the workbench's population view shows, as plain data: insured counts
 * by status per year (the counts the funds use), the in-service/retiree
 * ratio, the insured by 5-year age group and sex at the base year and the
 * horizon, and every population assumption with its value, unit, source
 * and default. No DOM here.
 */
import type { Projection } from '../model/project.ts';
import { POPULATION_DEFAULTS } from '../population/cohort.ts';
import { INSURED_DEFAULTS } from '../population/insured.ts';
import { PRE_REFORM_RULE, REFORM_RULE, type PopulationInput } from '../population/settings.ts';
import { AGE_GROUPS } from '../population/summary.ts';
import { AGE_COST_UNIT, insuredRows, populationAssumptions, STATUS_NAMES } from '../report/population.ts';
import type { Text } from '../rules/types.ts';

export interface PopulationView {
  retirementRule: string;
  /** The two rules a scenario can switch between. */
  retirementRules: { id: string; label: Text }[];
  statuses: { id: string; label: Text }[];
  /** Whole persons as strings; ratio two decimals. */
  insured: { year: number; counts: Record<string, string>; ratio: string | null }[];
  ageGroups: string[];
  /** Base year and horizon, persons by age group: [status][sex][group], plus the population. */
  pyramids: { year: number; byStatus: Record<string, { male: number[]; female: number[] }>; population: { male: number[]; female: number[] } }[];
  /** `unit` in both languages: the view shows the one of the page. */
  assumptions: { name: string; value: string; unit: Text; label: Text; editable: boolean; default: string | null }[];
}

const DEFAULTS: Record<keyof PopulationInput, string> = {
  model: 'cohort',
  variant: POPULATION_DEFAULTS.variant,
  mortalityPercent: String(POPULATION_DEFAULTS.mortalityPercent),
  migrationPercent: String(POPULATION_DEFAULTS.migrationPercent),
  womenFormer50Percent: String(INSURED_DEFAULTS.womenFormer50Percent),
  coveragePercent: String(INSURED_DEFAULTS.coveragePercent),
  participation: INSURED_DEFAULTS.participation,
  retirementRule: REFORM_RULE,
};

const WEIGHT_SOURCE = {
  zh: '基期退休人员人均费用相当于在职职工的倍数，年龄费用曲线由此校准：市按报告的就诊人次×次均费用（5.66），其他地区假设3倍；清空恢复默认',
  en: 'in the base year a retiree costs this many times a member in service, and the cost-by-age curve is calibrated to it: the city’s 5.66 from its visits × cost per visit, elsewhere 3 (assumed); reset returns to that',
};

export function populationView(p: Projection): PopulationView | null {
  const s = p.population;
  if (!s) return null;
  const groupsOf = (year: number) => s.byAgeGroup.find((y) => y.year === year)!;
  return {
    retirementRule: s.retirementRule,
    retirementRules: [
      { id: REFORM_RULE, label: { zh: '渐进式延迟退休（2025年1月起）', en: 'Gradual reform (from 2025-01)' } },
      { id: PRE_REFORM_RULE, label: { zh: '改革前（男60、女50/55）', en: 'Before the reform (men 60, women 50/55)' } },
    ],
    statuses: Object.entries(STATUS_NAMES).map(([id, label]) => ({ id, label })),
    insured: insuredRows(p).map((r) => ({ year: r.year, counts: r.counts as Record<string, string>, ratio: r.ratio ?? null })),
    ageGroups: AGE_GROUPS,
    pyramids: [p.baseYear, p.until].map((y) => {
      const g = groupsOf(y);
      return { year: y, byStatus: g.byStatus, population: g.population };
    }),
    assumptions: populationAssumptions(p).flatMap((a) => {
      const row = {
        name: a.name,
        value: a.value,
        unit: a.name === 'ageCostSlope' ? AGE_COST_UNIT : { zh: a.unit, en: a.unit },
        label: { zh: a.zh, en: a.en },
        editable: a.name in DEFAULTS && a.name !== 'retirementRule' && a.name !== 'model',
        default: DEFAULTS[a.name as keyof PopulationInput] ?? null,
      };
      // The age-cost curve: its slope is calibrated to the retiree weight, which the user may change (and reset).
      return a.name === 'ageCostSlope' ? [row, { name: 'retireeCostWeight', value: String(s.retireeCostWeight), unit: { zh: '×', en: '×' }, label: WEIGHT_SOURCE, editable: true, default: null }] : [row];
    }),
  };
}
