/**
 * The population behind a projection, for people: insured counts by status
 * per year (the counts the funds use), the in-service/retiree ratio, the
 * population by age group, and the population assumptions with their units
 * and sources. Persons are whole numbers when shown; the model keeps float64.
 */
import type { Dec } from '../common/money.ts';
import type { Projection } from '../model/project.ts';
import { SEXES } from '../population/cohort.ts';
import { STATUSES } from '../population/insured.ts';
import { POPULATION_SOURCES, type PopulationInput } from '../population/settings.ts';
import { AGE_GROUPS } from '../population/summary.ts';
import type { Text } from '../rules/types.ts';

export const STATUS_NAMES = {
  inService: { zh: '在职职工', en: 'in service' },
  flexible: { zh: '灵活就业', en: 'flexible' },
  retiree: { zh: '退休人员', en: 'retirees' },
  resident: { zh: '城乡居民', en: 'residents' },
  tekun: { zh: '特困人员', en: '特困 tekun' },
  dibao: { zh: '低保对象', en: '低保 dibao' },
  fanpin: { zh: '返贫致贫', en: '返贫致贫 fanpin' },
} as const;

const persons = (v: Dec | number | undefined) => (v === undefined ? '' : String(Math.round(typeof v === 'number' ? v : v.toNumber())));

export interface InsuredRow {
  year: number;
  counts: Partial<Record<keyof typeof STATUS_NAMES, string>>;
  /** (In service + flexible) ÷ retirees, two decimals; absent without retirees. */
  ratio?: string;
}

/** The counts the funds use, by status and year, in whole persons. */
export function insuredRows(p: Projection): InsuredRow[] {
  return p.counts.map(({ year, counts }) => {
    const out: InsuredRow['counts'] = {};
    for (const k of Object.keys(STATUS_NAMES) as (keyof typeof STATUS_NAMES)[]) if (counts[k]) out[k] = persons(counts[k]);
    const working = (counts.inService?.toNumber() ?? 0) + (counts.flexible?.toNumber() ?? 0);
    const retirees = counts.retiree?.toNumber() ?? 0;
    return { year, counts: out, ...(retirees > 0 ? { ratio: (working / retirees).toFixed(2) } : {}) };
  });
}

/** The age-cost slope's unit, in both languages (the text tables and JSON print both, the workbench one). */
export const AGE_COST_UNIT: Text = { zh: '%/岁', en: '%/year of age' };

/** Every population assumption with its value, unit and source; the calibrated values with how they were found. */
export function populationAssumptions(p: Projection): { name: string; value: string; unit: string; zh: string; en: string }[] {
  const s = p.population;
  if (!s) return [];
  const values: Record<keyof PopulationInput, string> = {
    model: s.settings.model,
    variant: s.settings.population.variant,
    mortalityPercent: String(s.settings.population.mortalityPercent),
    migrationPercent: String(s.settings.population.migrationPercent),
    womenFormer50Percent: String(s.settings.womenFormer50Percent),
    coveragePercent: String(s.settings.coveragePercent),
    participation: s.settings.participation,
    retirementRule: s.settings.retirementRule,
  };
  const rows: { name: string; value: string; unit: string; zh: string; en: string }[] = (Object.keys(values) as (keyof PopulationInput)[]).map((k) => ({ name: k, value: values[k], ...POPULATION_SOURCES[k] }));
  rows.push(
    { name: 'participation.employees', value: (s.effectiveParticipation.employees * 100).toFixed(2), unit: '%', zh: `职工参保率（劳动年龄、未退休人口，各队列合计；1995年及以后出生队列${(s.participation.employees * 100).toFixed(2)}%，更早队列按出生队列递减）：按基期在职与灵活就业人数校准`, en: `employee participation of the working-age population not retired (all cohorts; ${(s.participation.employees * 100).toFixed(2)}% for those born in 1995 or later, less for older cohorts): calibrated to the base year` },
    { name: 'participation.retirees', value: (s.effectiveParticipation.retirees * 100).toFixed(2), unit: '%', zh: '基期已退休人口中的职工医保退休人员比例（各队列合计，较早队列较低）：按基期退休人数校准', en: 'share of people retired by the base year who are insured retirees (all cohorts; lower for older ones): calibrated to the base year' },
    { name: 'participation.residents', value: (s.participation.residents * 100).toFixed(2), unit: '%', zh: '居民参保率（职工医保以外人口）：按基期居民人数校准', en: 'resident participation of people outside the employee scheme: calibrated to the base year' },
    { name: 'ageCostSlope', value: (s.ageCostSlope * 100).toFixed(2), unit: `${AGE_COST_UNIT.zh} ${AGE_COST_UNIT.en}`, zh: '人均费用随年龄增长（每岁，指数形态，男女、职工居民相同：假设）：使基期退休人员人均费用为在职的设定倍数（市：按报告就诊人次×次均费用为5.66倍；其他地区假设3倍）。对照：城镇家庭自付医疗支出60多岁约为40岁的1.5-2倍、80多岁2-2.7倍（2005年城镇老龄化与医疗支出研究），基金支出因退休人员报销比例较高而更陡', en: 'cost per head rises this much per year of age (exponential, the same for both sexes, employees and residents: an assumption): a retiree costs the assumed multiple of one in service in the base year (the city: 5.66 from its visits × cost per visit; elsewhere 3, assumed). For comparison, urban households’ out-of-pocket spending in their 60s is 1.5-2 times that at 40, in their 80s 2-2.7 times (Ageing and health-care expenditure in urban China, 2005); a fund that reimburses retirees more rises more steeply' },
    s.ownStructure
      ? { name: 'regionScale', value: s.regionScale.toExponential(4), unit: '×', zh: '地区人口÷全国人口：按基线给出的本地区分年龄、性别结构，各出生队列与全国同一队列同步变化', en: 'region population ÷ national: from the baseline’s own structure by age and sex, each birth cohort moving as the national one does' }
      : { name: 'regionScale', value: s.regionScale.toExponential(4), unit: '×', zh: '地区人口＝全国人口结构×此系数（参保人数÷参保率÷全国人口，假设：基线未给出本地区分年龄人数）', en: 'region population = national structure × this (insured ÷ coverage ÷ national population; an assumption: the baseline gives no age structure of its own)' },
  );
  return rows;
}

/**
 * Long format, in whole persons: each year first the insured counts the funds use, by status (age group and
 * sex `all`; as in the table), then one row per age group, sex and status (and the population).
 */
export function ageGroupRows(p: Projection): string[][] {
  const rows = [['year', 'age_group', 'sex', 'status', 'persons']];
  const insured = new Map(insuredRows(p).map((r) => [r.year, r.counts]));
  for (const y of p.population?.byAgeGroup ?? []) {
    for (const [st, n] of Object.entries(insured.get(y.year) ?? {})) rows.push([String(y.year), 'all', 'all', st, n]);
    AGE_GROUPS.forEach((g, i) => {
      for (const sex of SEXES) {
        rows.push([String(y.year), g, sex, 'population', persons(y.population[sex][i])]);
        for (const st of STATUSES) rows.push([String(y.year), g, sex, st, persons(y.byStatus[st][sex][i])]);
      }
    });
  }
  return rows;
}

/** JSON of the population: insured per year, assumptions, and with `byAge` the age groups of every year. */
export function populationJson(p: Projection, byAge: boolean): unknown {
  return {
    unit: '人 persons',
    retirementRule: p.population?.retirementRule ?? null,
    insured: insuredRows(p),
    assumptions: populationAssumptions(p),
    ...(byAge && p.population ? { ageGroups: AGE_GROUPS, byAgeGroup: p.population.byAgeGroup.map((y) => ({ year: y.year, population: round(y.population), ...Object.fromEntries(STATUSES.map((s) => [s, round(y.byStatus[s])])) })) } : {}),
  };
}

function round(x: Record<'male' | 'female', number[]>) {
  return { male: x.male.map(Math.round), female: x.female.map(Math.round) };
}
