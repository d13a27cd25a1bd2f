/**
 * The words of the uncertainty and sensitivity panel (tornado, heat map, goal
 * seek, Monte Carlo), Chinese and English side by side; `a(id)` gives the one
 * in the current language. `{n}`-style slots are filled by `fill`.
 */
import { pick } from '../i18n.ts';

export const ANALYSES = {
  heading: { zh: '不确定性与敏感性', en: 'Uncertainty and sensitivity' },
  headline: { zh: '哪项假设影响最大、什么取值能达到目标', en: 'Which assumption matters, what setting meets a target' },
  tabs: { zh: '分析', en: 'Analyses' },
  tornado: { zh: '敏感性（龙卷风图）', en: 'Sensitivity (tornado)' },
  grid: { zh: '双参数热力图', en: 'Two-lever heat map' },
  solve: { zh: '目标求解', en: 'Goal seek' },
  monteCarlo: { zh: '蒙特卡洛模拟', en: 'Monte Carlo' },
  outcome: { zh: '结果指标', en: 'Outcome' },
  outcomeMonths: { zh: '某年可支付月数', en: 'Months payable in a year' },
  outcomeDeficit: { zh: '当期赤字首年', en: 'First deficit year' },
  outcomeSubsidy: { zh: '累计财政补助', en: 'Cumulative fiscal subsidy' },
  fund: { zh: '基金', en: 'Fund' },
  year: { zh: '年份', en: 'Year' },
  level: { zh: '财政层级', en: 'Government level' },
  allLevels: { zh: '各级合计', en: 'All levels' },
  run: { zh: '运行', en: 'Run' },
  rerun: { zh: '按当前方案重新运行', en: 'Run again for the scenario as it is' },
  cancel: { zh: '取消', en: 'Cancel' },
  progress: { zh: '进度', en: 'Progress' },
  progressOf: { zh: '已完成 {done} / {total} 次测算', en: '{done} of {total} projections done' },
  cancelled: { zh: '已取消；保留上一次的结果。', en: 'Cancelled; the previous result is kept.' },
  stale: { zh: '方案已修改：以下是修改前的结果。', en: 'The scenario has changed: these results are for it as it was.' },
  tornadoNote: {
    zh: '每条横条：该项在所示低值与高值之间变动、其余不变时结果的变化，按影响大小排序。范围均为假设，用于比较影响大小，并非预测。',
    en: 'Each bar: how far the outcome moves when that item swings between the low and high shown, everything else unchanged, longest first. The ranges are assumptions, to compare effects, not forecasts.',
  },
  base: { zh: '现值', en: 'As is' },
  low: { zh: '低值', en: 'Low' },
  high: { zh: '高值', en: 'High' },
  atLow: { zh: '低值时结果', en: 'Outcome at low' },
  atHigh: { zh: '高值时结果', en: 'Outcome at high' },
  effect: { zh: '影响幅度', en: 'Effect' },
  range: { zh: '变动范围', en: 'Range' },
  why: { zh: '范围依据（假设）', en: 'Why this range (assumption)' },
  item: { zh: '假设或参数', en: 'Assumption or lever' },
  changeFromBase: { zh: '相对现值的变化', en: 'Change from as is' },
  rows: { zh: '纵轴参数', en: 'Rows: lever' },
  columns: { zh: '横轴参数', en: 'Columns: lever' },
  lowEnd: { zh: '最小值', en: 'Lowest' },
  highEnd: { zh: '最大值', en: 'Highest' },
  count: { zh: '取值个数', en: 'Values' },
  startMonth: { zh: '生效月份', en: 'From month' },
  gridNote: {
    zh: '默认范围为假设：金额为现值上下 20%，比例为上下 1 个百分点，测算假设为上下 2；可修改。每格为两项同时取该值时的结果。',
    en: 'The default ranges are assumptions: ±20% of an amount, ±1 percentage point of a rate, ±2 around an assumption; change them as needed. Each cell is the outcome with both levers at those values.',
  },
  lever: { zh: '参数', en: 'Lever' },
  target: { zh: '目标', en: 'Target' },
  indicator: { zh: '指标', en: 'Indicator' },
  monthsPayable: { zh: '可支付月数', en: 'Months payable' },
  balanceRate: { zh: '当期结存率（%）', en: 'Balance rate (%)' },
  atLeast: { zh: '不低于', en: 'at least' },
  atMost: { zh: '不高于', en: 'at most' },
  between: { zh: '介于', en: 'between' },
  value: { zh: '数值', en: 'Value' },
  upper: { zh: '上限', en: 'Upper value' },
  untilYear: { zh: '直至年份', en: 'Until year' },
  leverFund: { zh: '参数所属基金', en: 'The lever’s own fund' },
  smallest: { zh: '求最小值', en: 'Smallest setting' },
  largest: { zh: '求最大值', en: 'Largest setting' },
  searchRange: { zh: '搜索范围', en: 'Search range' },
  solveButton: { zh: '求解', en: 'Solve' },
  answer: { zh: '答案', en: 'Answer' },
  confirmed: { zh: '精确测算确认，各年均达到目标：', en: 'Confirmed on the exact projection, every year meets the target:' },
  beyond: { zh: '再{dir}一步（{value}）则不达标，不达标年份：', en: 'One step {dir} ({value}) fails, in:' },
  less: { zh: '少', en: 'less' },
  more: { zh: '多', en: 'more' },
  noAnswer: { zh: '范围内没有满足目标的取值', en: 'No setting in range meets it' },
  openAnswer: { zh: '作为新方案打开', en: 'Open as a new scenario' },
  meets: { zh: '达标', en: 'Meets' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  evaluations: { zh: '共测算 {n} 次', en: '{n} projections' },
  notNumber: { zh: '请填写数字', en: 'write a number' },
  notMonth: { zh: '请写成 YYYY-MM，在 {first} 至 {last} 之间', en: 'write YYYY-MM, from {first} to {last}' },
  notYear: { zh: '请填写 {first} 至 {last} 之间的年份', en: 'write a year from {first} to {last}' },
  lowAboveHigh: { zh: '最小值大于最大值', en: 'the lowest is above the highest' },
  upperBelowLower: { zh: '上限小于下限', en: 'the upper value is below the lower' },
  countRange: { zh: '请填写 2 至 20 之间的整数', en: 'write a whole number from 2 to 20' },
  sameLever: { zh: '请选两个不同的参数', en: 'pick two different levers' },
  notRun: { zh: '有输入无法使用，未运行。', en: 'Some input cannot be used; nothing was run.' },
  paths: { zh: '路径数', en: 'Paths' },
  seed: { zh: '随机种子', en: 'Seed' },
  pathsSeed: { zh: '{paths} 条路径，种子 {seed}', en: '{paths} paths, seed {seed}' },
  band5to95: { zh: '5%-95% 区间', en: '5-95% band' },
  band25to75: { zh: '25%-75% 区间', en: '25-75% band' },
  median: { zh: '中位数', en: 'Median' },
  asStated: { zh: '确定性测算（方案原值）', en: 'Deterministic (the scenario as stated)' },
  exhaustedBy: { zh: '累计结存耗尽概率', en: 'Probability of exhaustion' },
  fanCumulative: { zh: '累计结存分布', en: 'Cumulative balance, distribution' },
  fanMonths: { zh: '可支付月数分布', en: 'Months payable, distribution' },
  exhaustionTitle: { zh: '截至各年累计结存耗尽的概率', en: 'Probability the cumulative balance is exhausted by each year' },
  uncertainAssumptions: { zh: '不确定假设及其分布（假设）', en: 'Uncertain assumptions and their distributions (assumptions)' },
  mcNote: {
    zh: '每条路径按各项假设的分布抽样后完整测算一次；同一种子得出同样的结果。分布未在方案中写明的，用所列默认值及其理由。',
    en: 'Each path draws every uncertain assumption from its distribution and projects the scenario in full; the same seed gives the same numbers. Where the scenario states no distribution, the default listed, with its reason, is used.',
  },
  notWhole: { zh: '请填写 {first} 至 {last} 之间的整数', en: 'write a whole number from {first} to {last}' },
  assumptionLever: { zh: '测算假设', en: 'assumption' },
} as const;

export type AnalysesId = keyof typeof ANALYSES;

export function a(id: AnalysesId): string {
  return pick(ANALYSES[id]);
}

/** Fill `{name}` slots. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
