/**
 * Uncertainty in a scenario (`assumptions.uncertainty`): for each uncertain
 * assumption a distribution, drawn once per path (a persistent error in the
 * trend) or each year (yearly noise), plus the number of paths and the seed.
 * An assumption the scenario does not mention takes a stated default (with
 * its rationale, labelled as an assumption); `{"type": "fixed"}` holds it at
 * the scenario's value. Resolved distributions are plain numbers, so they
 * cross to worker threads as they are.
 */
import { InputError, pointer, type InputProblem } from '../common/errors.ts';
import { message } from '../common/messages.ts';
import { D, isDecimalLiteral } from '../common/money.ts';
import type { Assumptions } from '../model/assumptions.ts';
import { FERTILITY_VARIANTS, type FertilityVariant } from '../population/cohort.ts';
import type { Text } from '../rules/types.ts';

/** As written in a scenario file: decimals as strings. */
export type DistributionInput =
  | { type: 'fixed' }
  | { type: 'normal'; mean?: string; sd: string; min?: string; max?: string; per?: Per }
  | { type: 'uniform'; min: string; max: string; per?: Per }
  | { type: 'triangular'; min: string; mode: string; max: string; per?: Per }
  | { type: 'discrete'; values: { value: string; probability: string }[]; per?: Per };

/** Drawn once per path (a persistent error) or independently each projected year (noise). */
export type Per = 'path' | 'year';

export const UNCERTAIN = ['wageGrowth', 'costGrowth', 'utilizationGrowth', 'growth', 'collectionRate', 'interestRate', 'fertility', 'mortalityPercent'] as const;
export type UncertainName = (typeof UNCERTAIN)[number];

export interface UncertaintyInput extends Partial<Record<UncertainName, DistributionInput>> {
  paths?: number;
  seed?: number;
}

/** A resolved distribution over float64 (discrete: cumulative probabilities, values as written). */
export type Distribution =
  | { type: 'normal'; mean: number; sd: number; min: number; max: number }
  | { type: 'uniform'; min: number; max: number }
  | { type: 'triangular'; min: number; mode: number; max: number }
  | { type: 'discrete'; values: string[]; cumulative: number[] };

export interface UncertainAssumption {
  name: UncertainName;
  distribution: Distribution;
  per: Per;
  origin: 'default' | 'scenario';
  /** The distribution in words, and why (its source or rationale). */
  text: Text;
  why: Text;
  unit: string;
}

export interface Uncertainty {
  paths: number;
  seed: number;
  /** Only the assumptions that vary, in the fixed order of UNCERTAIN (the order draws are taken in). */
  varying: UncertainAssumption[];
  /** Assumptions held at the scenario's value, and why. */
  fixed: { name: UncertainName; origin: 'default' | 'scenario'; why: Text }[];
}

export const DEFAULT_PATHS = 1000;
export const MAX_PATHS = 100_000;
export const DEFAULT_SEED = 20260101;
export const MAX_SEED = 0xffff_ffff;

/** What each assumption is, its unit and the range any draw is held to. */
const META: Record<UncertainName, { unit: string; min: number; max: number; label: Text }> = {
  wageGrowth: { unit: '%/年', min: -99, max: 100, label: { zh: '平均工资年增长', en: 'average wage growth' } },
  costGrowth: { unit: '%/年', min: -99, max: 100, label: { zh: '医疗费用价格年增长', en: 'medical price growth' } },
  utilizationGrowth: { unit: '%/年', min: -99, max: 100, label: { zh: '就医频次年增长', en: 'growth of use' } },
  growth: { unit: '个百分点/年', min: -50, max: 50, label: { zh: '参保趋势（加在各类人群参保趋势上）', en: "participation trend (added to every group's trend)" } },
  collectionRate: { unit: '%', min: 0, max: 100, label: { zh: '征缴率（相对基期）', en: 'collection relative to the base year' } },
  interestRate: { unit: '%/年', min: -99, max: 100, label: { zh: '基金利率', en: 'interest rate of the funds' } },
  fertility: { unit: 'medium|high|low', min: 0, max: 0, label: { zh: '生育率方案', en: 'fertility variant' } },
  mortalityPercent: { unit: '%', min: 10, max: 300, label: { zh: '死亡率（相对WPP 2024中方案）', en: 'death rates relative to WPP 2024 medium' } },
};

/** Three values at 25%, 50% and 25%. */
function quarterHalfQuarter(low: string, mid: string, high: string): DistributionInput {
  return { type: 'discrete', values: [{ value: low, probability: '0.25' }, { value: mid, probability: '0.5' }, { value: high, probability: '0.25' }] };
}

/**
 * The defaults, each around the scenario's own value (so the median path is
 * near the deterministic projection), drawn once per path: over 10-30 years a
 * persistent error in a trend moves a fund far more than yearly noise, which
 * largely averages out in a cumulative balance. Every one is an assumption.
 */
const DEFAULTS: Partial<Record<UncertainName, { input: DistributionInput; why: Text }>> = {
  wageGrowth: {
    input: { type: 'normal', sd: '1.5' },
    why: {
      zh: '假设：标准差1.5个百分点，约为近十年全国城镇单位平均工资年增长率的离散程度（国家统计局，约6%至11%之间）',
      en: "assumption: sd 1.5 points, about the spread of China's yearly average-wage growth over the last decade (NBS, between about 6% and 11%)",
    },
  },
  costGrowth: {
    input: { type: 'normal', sd: '1.5' },
    why: {
      zh: '假设：标准差1.5个百分点，与工资增长的不确定性相当；种子报告未给出费用增长的历史序列',
      en: 'assumption: sd 1.5 points, as uncertain as wage growth; no seed report gives a history of cost growth',
    },
  },
  utilizationGrowth: {
    input: { type: 'normal', sd: '0.5' },
    why: { zh: '假设：标准差0.5个百分点，就医频次变化慢于价格', en: 'assumption: sd 0.5 points; use changes more slowly than prices' },
  },
  growth: {
    input: { type: 'normal', mean: '0', sd: '0.3' },
    why: {
      zh: '假设：均值0、标准差0.3个百分点/年，加在各类人群的参保趋势上；参保率已在95%以上（国家医保局统计公报），可变动的空间小',
      en: "assumption: mean 0, sd 0.3 points a year, added to every group's participation trend; coverage is already above 95% (NHSA bulletins), leaving little room to move",
    },
  },
  collectionRate: {
    input: { type: 'normal', sd: '2', min: '90' },
    why: { zh: '假设：标准差2个百分点，截断于90%至100%（方案征缴率更低时，自其下10个百分点起；征缴率不高于基期）', en: 'assumption: sd 2 points, truncated to 90-100%, or from 10 points below the scenario rate where that is lower (collection no better than the base year)' },
  },
  fertility: {
    input: quarterHalfQuarter('low', 'medium', 'high'),
    why: {
      zh: '假设：WPP 2024的三个生育率方案不带概率；取低、中、高 25%/50%/25%',
      en: "assumption: WPP 2024's three fertility variants carry no probabilities; low, medium, high taken at 25%/50%/25%",
    },
  },
  mortalityPercent: {
    input: quarterHalfQuarter('95', '100', '105'),
    why: {
      zh: '假设：死亡率为WPP 2024中方案的95%、100%、105%，概率25%/50%/25%（与WPP预期寿命80%区间同一量级；取三档如生育率方案，人口模型每个方案至多测算九次）',
      en: "assumption: death rates at 95%, 100% or 105% of WPP 2024's medium, 25%/50%/25% (of the order of WPP's 80% interval of life expectancy; three levels like the fertility variants, so the population model runs at most nine times a scenario)",
    },
  },
};

/** Drawn each year: only the growth rates the kernel takes year by year. */
const YEARLY: readonly UncertainName[] = ['wageGrowth', 'costGrowth', 'utilizationGrowth'];

const NO_DEFAULT: Text = {
  zh: '未设分布：保持方案值（各基金利率默认由基期利息与期初结存推算）',
  en: "no distribution: held at the scenario's value (each fund's interest defaults to its base-year yield)",
};

/** The scenario's own value of each assumption: a normal's default mean. */
function inForce(name: UncertainName, a: Assumptions): number | string | undefined {
  switch (name) {
    case 'growth':
      return 0;
    case 'fertility':
      return a.population.population.variant;
    case 'mortalityPercent':
      return a.population.population.mortalityPercent;
    case 'interestRate':
      return a.interestRate?.toNumber();
    default:
      return a[name].toNumber();
  }
}

/** Whether a draw of this assumption changes anything: fertility and mortality act only through the population model. */
function applies(name: UncertainName, a: Assumptions): boolean {
  if (name === 'fertility' || name === 'mortalityPercent') return a.population.model !== 'none';
  return true;
}

export function resolveUncertainty(input: UncertaintyInput | undefined, a: Assumptions, file: string, at = '/assumptions/uncertainty'): Uncertainty {
  const problems: InputProblem[] = [];
  const refuse = (path: string, zh: string, en: string) => problems.push({ file, path: at + path, reason: en, message: message('uncertainty.invalid', { zh, en }) });
  const i = input ?? {};
  const paths = i.paths ?? DEFAULT_PATHS;
  if (!Number.isInteger(paths) || paths < 1 || paths > MAX_PATHS) refuse('/paths', `路径数须为 1 至 ${MAX_PATHS} 的整数，不是 ${paths}`, `the number of paths must be a whole number from 1 to ${MAX_PATHS}, not ${paths}`);
  const seed = i.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) refuse('/seed', `随机种子须为 0 至 ${MAX_SEED} 的整数，不是 ${seed}`, `the seed must be a whole number from 0 to ${MAX_SEED}, not ${seed}`);
  const varying: UncertainAssumption[] = [];
  const fixed: Uncertainty['fixed'] = [];
  for (const name of UNCERTAIN) {
    const given = i[name];
    const origin = given ? 'scenario' : 'default';
    let spec = given ?? DEFAULTS[name]?.input;
    const why = given ? { zh: '方案文件给定', en: 'set in the scenario file' } : (DEFAULTS[name]?.why ?? NO_DEFAULT);
    if (!applies(name, a)) {
      fixed.push({ name, origin, why: { zh: '不使用人口模型（population.model 为 none），此项不起作用', en: 'no population model (population.model is none): this has no effect' } });
      continue;
    }
    if (!spec || spec.type === 'fixed') {
      fixed.push({ name, origin, why });
      continue;
    }
    const current = inForce(name, a);
    // A default's floor never cuts off the scenario's own value (a scenario collecting 50% keeps a band 10 points below it).
    if (!given && spec.type === 'normal' && spec.min !== undefined && current !== undefined && Number(spec.min) > Number(current)) spec = { ...spec, min: String(Math.max(META[name].min, Number(current) - 10)) };
    if (spec.type === 'normal' && spec.mean === undefined && current === undefined) {
      if (given) refuse(pointer(name, 'mean'), '方案未给定此假设的值：请写明均值 mean', 'the scenario gives no value of this assumption to centre on: state the mean');
      fixed.push({ name, origin, why: NO_DEFAULT });
      continue;
    }
    if ('per' in spec && spec.per === 'year' && !YEARLY.includes(name)) {
      refuse(pointer(name, 'per'), `只有工资、费用和就医频次增长可逐年抽样；${META[name].label.zh}请每条路径抽样一次（per: "path"）`, `only wage, cost and use growth can be drawn each year; draw ${META[name].label.en} once per path (per: "path")`);
      continue;
    }
    const dist = resolveDistribution(name, spec, current, `${pointer(name)}`, refuse);
    if (!dist) continue;
    if (isDegenerate(dist)) {
      fixed.push({ name, origin, why });
      continue;
    }
    varying.push({ name, distribution: dist, per: ('per' in spec && spec.per) || 'path', origin, text: describe(dist, META[name]), why, unit: META[name].unit });
  }
  if (problems.length) throw new InputError(problems);
  return { paths, seed, varying, fixed };
}

/** A distribution with no spread: the path always takes the scenario's value. */
function isDegenerate(d: Distribution): boolean {
  if (d.type === 'normal') return d.sd === 0;
  if (d.type === 'discrete') return d.values.length === 1;
  return d.min === d.max;
}

function resolveDistribution(
  name: UncertainName,
  spec: Exclude<DistributionInput, { type: 'fixed' }>,
  current: number | string | undefined,
  at: string,
  refuse: (path: string, zh: string, en: string) => void,
): Distribution | undefined {
  const meta = META[name];
  let bad = false;
  const order = (path: string, zh: string, en: string) => {
    bad = true;
    refuse(`${at}/${path}`, zh, en);
  };
  const num = (v: string | undefined, key: string): number | undefined => {
    if (v === undefined) return undefined;
    if (!isDecimalLiteral(v)) {
      order(key, `"${v}" 不是十进制数：请写成带引号的数字，如 "1.5"`, `"${v}" is not a decimal number; write a quoted number such as "1.5"`);
      return undefined;
    }
    const n = Number(v);
    if (key !== 'sd' && (n < meta.min || n > meta.max)) {
      order(key, `${meta.label.zh}的取值须在 ${meta.min} 至 ${meta.max}（${meta.unit}）之间，不是 ${v}`, `${meta.label.en} must be from ${meta.min} to ${meta.max} (${meta.unit}), not ${v}`);
    }
    return n;
  };
  if (name === 'fertility' && spec.type !== 'discrete') {
    order('type', `生育率方案只能用离散分布（discrete），取值为 ${FERTILITY_VARIANTS.join('、')}`, `the fertility variant takes a discrete distribution over ${FERTILITY_VARIANTS.join(', ')}`);
    return undefined;
  }
  let out: Distribution | undefined;
  switch (spec.type) {
    case 'normal': {
      const mean = spec.mean === undefined ? Number(current) : num(spec.mean, 'mean');
      const sd = num(spec.sd, 'sd');
      if (sd !== undefined && sd < 0) order('sd', '标准差不能为负', 'the standard deviation cannot be negative');
      const min = num(spec.min, 'min') ?? meta.min;
      const max = num(spec.max, 'max') ?? meta.max;
      if (mean !== undefined && (mean < min || mean > max)) {
        order(spec.min !== undefined || spec.max !== undefined ? 'min' : 'mean', `截断区间 ${min} 至 ${max} 须包含均值 ${mean}`, `the truncation range ${min} to ${max} must contain the mean ${mean}`);
      }
      if (mean !== undefined && sd !== undefined) out = { type: 'normal', mean, sd, min, max };
      break;
    }
    case 'uniform': {
      const min = num(spec.min, 'min');
      const max = num(spec.max, 'max');
      if (min !== undefined && max !== undefined && min > max) order('max', `上限 ${max} 低于下限 ${min}`, `the maximum ${max} is below the minimum ${min}`);
      if (min !== undefined && max !== undefined) out = { type: 'uniform', min, max };
      break;
    }
    case 'triangular': {
      const min = num(spec.min, 'min');
      const mode = num(spec.mode, 'mode');
      const max = num(spec.max, 'max');
      if (min !== undefined && mode !== undefined && max !== undefined) {
        if (!(min <= mode && mode <= max)) order('mode', `须满足 min ≤ mode ≤ max（现为 ${min}、${mode}、${max}）`, `needs min ≤ mode ≤ max (here ${min}, ${mode}, ${max})`);
        out = { type: 'triangular', min, mode, max };
      }
      break;
    }
    case 'discrete': {
      const values: string[] = [];
      const cumulative: number[] = [];
      let total = new D(0);
      spec.values.forEach((v, k) => {
        if (name === 'fertility') {
          if (!FERTILITY_VARIANTS.includes(v.value as FertilityVariant)) order(`values/${k}/value`, `"${v.value}" 不是生育率方案：可用 ${FERTILITY_VARIANTS.join('、')}`, `"${v.value}" is not a fertility variant; one of ${FERTILITY_VARIANTS.join(', ')}`);
        } else num(v.value, `values/${k}/value`);
        if (!isDecimalLiteral(v.probability) || new D(v.probability).lessThan(0) || new D(v.probability).greaterThan(1)) {
          order(`values/${k}/probability`, `概率须为 0 至 1 之间的小数，不是 "${v.probability}"`, `a probability is a decimal from 0 to 1, not "${v.probability}"`);
          return;
        }
        total = total.plus(v.probability);
        values.push(v.value);
        cumulative.push(total.toNumber());
      });
      if (spec.values.length === 0) order('values', '至少要有一个取值', 'needs at least one value');
      else if (!total.equals(1)) order('values', `概率合计须恰为 1，现为 ${total.toString()}`, `the probabilities must add up to exactly 1, not ${total.toString()}`);
      // A value of probability 0 is never drawn; one of probability 1 makes the assumption fixed.
      const kept = values.map((v, k) => ({ v, c: cumulative[k]!, p: k === 0 ? cumulative[0]! : cumulative[k]! - cumulative[k - 1]! })).filter((x) => x.p > 0);
      out = { type: 'discrete', values: kept.map((x) => x.v), cumulative: kept.map((x, k) => (k === kept.length - 1 ? 1 : x.c)) };
      break;
    }
    default:
      order('type', `"${String((spec as { type: unknown }).type)}" 不是分布类型：可用 normal、uniform、triangular、discrete、fixed`, `"${String((spec as { type: unknown }).type)}" is not a distribution; one of normal, uniform, triangular, discrete, fixed`);
  }
  return bad ? undefined : out;
}

function describe(d: Distribution, meta: { unit: string; min: number; max: number }): Text {
  const unit = meta.unit;
  switch (d.type) {
    case 'normal': {
      // Only a truncation the scenario or the default states; every draw is held to the assumption's own range anyway.
      const cut = d.min > meta.min || d.max < meta.max ? `，截断于 ${d.min} 至 ${d.max}` : '';
      const cutEn = d.min > meta.min || d.max < meta.max ? `, truncated to ${d.min} to ${d.max}` : '';
      return { zh: `正态分布：均值 ${d.mean}，标准差 ${d.sd}（${unit}）${cut}`, en: `normal: mean ${d.mean}, sd ${d.sd} (${unit})${cutEn}` };
    }
    case 'uniform':
      return { zh: `均匀分布：${d.min} 至 ${d.max}（${unit}）`, en: `uniform: ${d.min} to ${d.max} (${unit})` };
    case 'triangular':
      return { zh: `三角分布：${d.min}、众数 ${d.mode}、${d.max}（${unit}）`, en: `triangular: ${d.min}, mode ${d.mode}, ${d.max} (${unit})` };
    case 'discrete': {
      const parts = d.values.map((v, k) => `${v} ${Math.round((d.cumulative[k]! - (k ? d.cumulative[k - 1]! : 0)) * 1e6) / 1e4}%`).join(', ');
      return { zh: `离散分布：${parts}`, en: `discrete: ${parts}` };
    }
  }
}

export function uncertaintyLabel(name: UncertainName): Text {
  return META[name].label;
}

/** One uncertain assumption as the assumption list shows it (CLI, JSON, workbench). */
export interface UncertaintyEntry {
  name: string;
  label: Text;
  /** The distribution in words, or "fixed". */
  value: Text;
  per: Per | null;
  unit: string;
  origin: 'default' | 'scenario';
  why: Text;
}

export function uncertaintyEntries(u: Uncertainty): UncertaintyEntry[] {
  const entries: UncertaintyEntry[] = [
    ...u.varying.map((v) => ({ name: `uncertainty/${v.name}`, label: META[v.name].label, value: v.text, per: v.per, unit: v.unit, origin: v.origin, why: v.why })),
    ...u.fixed.map((f) => ({ name: `uncertainty/${f.name}`, label: META[f.name].label, value: { zh: '不变（方案值）', en: "fixed (the scenario's value)" }, per: null, unit: META[f.name].unit, origin: f.origin, why: f.why })),
  ];
  return entries.sort((a, b) => UNCERTAIN.indexOf(a.name.slice(12) as UncertainName) - UNCERTAIN.indexOf(b.name.slice(12) as UncertainName));
}
