/**
 * The population assumptions of a scenario (`assumptions.population`): the
 * fertility variant, mortality and migration relative to WPP, the share of
 * women employees in the former retirement-age group 50, the coverage rate
 * that sizes a region's population, and the retirement-age rule set.
 * Each has a default with its source or rationale (POPULATION_SOURCES).
 */
import { isDecimalLiteral } from '../common/money.ts';
import type { InputProblem } from '../common/errors.ts';
import { FERTILITY_VARIANTS, POPULATION_DEFAULTS, type FertilityVariant } from './cohort.ts';
import { INSURED_DEFAULTS, type InsuredAssumptions } from './insured.ts';
import { PARTICIPATION_SOURCE } from './participation.ts';

export const REFORM_RULE = 'national/retirement-age';
export const PRE_REFORM_RULE = 'national/retirement-age-pre-reform';

/** As written in a scenario file. */
export interface PopulationInput {
  /** "cohort" (the default): counts and costs follow the population model; "none": counts move by the participation trend alone. */
  model?: 'cohort' | 'none';
  variant?: FertilityVariant;
  mortalityPercent?: string;
  migrationPercent?: string;
  womenFormer50Percent?: string;
  coveragePercent?: string;
  /** Employee participation by birth cohort ("cohort", the default) or the same for every cohort ("uniform"). */
  participation?: 'cohort' | 'uniform';
  /** A rule set that sets employee.retirement.age by sex and birth month. */
  retirementRule?: string;
}

export interface PopulationSettings extends InsuredAssumptions {
  model: 'cohort' | 'none';
  retirementRule: string;
}

/** Unit, source or rationale of each population assumption, for the CLI, JSON and the workbench. */
export const POPULATION_SOURCES: Record<keyof PopulationInput, { unit: string; zh: string; en: string }> = {
  model: { unit: 'cohort|none', zh: '参保人数与费用随人口模型变化（cohort），或仅按参保率年变化（none，供对照）', en: 'insured counts and costs follow the population model (cohort), or the participation trend alone (none, for comparison)' },
  variant: { unit: 'medium|high|low', zh: '联合国《世界人口展望2024》生育率方案；高、低方案为中方案±0.5个孩子（2024-2028年逐步到位）', en: 'UN WPP 2024 fertility variant; high and low are the medium ± 0.5 children per woman, phased in over 2024-2028' },
  mortalityPercent: { unit: '%', zh: '死亡率相对WPP 2024中方案的百分比（100为原值）', en: 'death rates relative to WPP 2024 medium, percent (100: as published)' },
  migrationPercent: { unit: '%', zh: '净迁移相对WPP 2024中方案的百分比；按20-39岁均匀分布、男女各半（假设）', en: 'net migration relative to WPP 2024 medium, percent; spread evenly over ages 20-39, half men (an assumption)' },
  womenFormer50Percent: { unit: '%', zh: '女职工中原退休年龄50岁（工人）的比例：各报告未给出，取一半（假设）', en: 'share of women employees whose former retirement age was 50 (workers): no report gives it, half assumed' },
  coveragePercent: { unit: '%', zh: '参保率：全国基本医保参保率稳定在95%以上（国家医保局统计公报），用于由参保人数推算地区人口', en: 'coverage: basic medical insurance covers over 95% of the population (NHSA bulletins); sizes the region’s population from its insured total' },
  participation: { unit: 'cohort|uniform', zh: PARTICIPATION_SOURCE.zh + '；或各队列相同（供对照）', en: PARTICIPATION_SOURCE.en + '; uniform: the same for every cohort (for comparison)' },
  retirementRule: { unit: 'rule set', zh: '法定退休年龄规则：渐进式延迟（2025年1月起）或改革前', en: 'statutory retirement-age rules: the gradual reform from 2025-01, or the ages before it' },
};

export function resolvePopulation(input: PopulationInput | undefined, file: string, at: string, problems: InputProblem[]): PopulationSettings {
  const i = input ?? {};
  const pct = (key: 'mortalityPercent' | 'migrationPercent' | 'womenFormer50Percent' | 'coveragePercent', fallback: number, min: number, max: number): number => {
    const v = i[key];
    if (v === undefined) return fallback;
    if (!isDecimalLiteral(v)) {
      problems.push({ file, path: `${at}/${key}`, reason: `"${v}" is not a decimal number` });
      return fallback;
    }
    const n = Number(v);
    if (n < min || n > max) problems.push({ file, path: `${at}/${key}`, reason: `must be between ${min} and ${max} (percent), not ${v}` });
    return n;
  };
  if (i.variant !== undefined && !FERTILITY_VARIANTS.includes(i.variant)) {
    problems.push({ file, path: `${at}/variant`, reason: `"${String(i.variant)}" is not a fertility variant; expected one of ${FERTILITY_VARIANTS.join(', ')}` });
  }
  if (i.participation !== undefined && i.participation !== 'cohort' && i.participation !== 'uniform') {
    problems.push({ file, path: `${at}/participation`, reason: `"${String(i.participation)}" is not a participation shape; expected cohort or uniform` });
  }
  if (i.model !== undefined && i.model !== 'cohort' && i.model !== 'none') problems.push({ file, path: `${at}/model`, reason: `"${String(i.model)}" is not a population model; expected cohort or none` });
  return {
    model: i.model === 'none' ? 'none' : 'cohort',
    population: {
      variant: i.variant && FERTILITY_VARIANTS.includes(i.variant) ? i.variant : POPULATION_DEFAULTS.variant,
      mortalityPercent: pct('mortalityPercent', POPULATION_DEFAULTS.mortalityPercent, 10, 300),
      migrationPercent: pct('migrationPercent', POPULATION_DEFAULTS.migrationPercent, -1000, 1000),
    },
    womenFormer50Percent: pct('womenFormer50Percent', INSURED_DEFAULTS.womenFormer50Percent, 0, 100),
    coveragePercent: pct('coveragePercent', INSURED_DEFAULTS.coveragePercent, 1, 100),
    participation: i.participation === 'uniform' ? 'uniform' : INSURED_DEFAULTS.participation,
    retirementRule: i.retirementRule ?? REFORM_RULE,
  };
}
