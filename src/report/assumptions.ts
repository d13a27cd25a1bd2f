/**
 * Every assumption in force in a projection, with its value and where it came
 * from: the model's default (with its rationale), the baseline report, the
 * scenario file, the calibration on the reported years, or a rule set's
 * uprating of a standard past its last dated value. The CLI prints it, the
 * JSON carries it, the workbench shows it.
 */
import { toWan, type Dec } from '../common/money.ts';
import { upratings } from '../engine/uprate.ts';
import { DEFAULTS, DEFAULT_WAGE_DISTRIBUTION, type AssumptionsInput } from '../model/assumptions.ts';
import { GROUPS } from '../model/base-year.ts';
import { DEFAULT_THRESHOLD, defaultMethod } from '../model/calibration.ts';
import type { Projection, ProjectionInput } from '../model/project.ts';
import { FUND_NAMES } from './names.ts';
import { serviceAssumptions } from './services.ts';

export type AssumptionOrigin = 'default' | 'baseline' | 'scenario' | 'calibration' | 'rule';

export interface AssumptionEntry {
  /** A stable name: the scenario field ("assumptions/wageGrowth"), "calibration/<fund>/<side>/<line>" or "uprating/<param>". */
  name: string;
  value: string;
  unit: string;
  origin: AssumptionOrigin;
  why: { zh: string; en: string };
}

export const ORIGIN_NAMES: Record<AssumptionOrigin, { zh: string; en: string }> = {
  default: { zh: '默认', en: 'default' },
  baseline: { zh: '基线报告', en: 'baseline' },
  scenario: { zh: '方案', en: 'scenario' },
  calibration: { zh: '校准', en: 'calibration' },
  rule: { zh: '规则集', en: 'rule set' },
};

/** Why each default is what it is. */
const DEFAULT_WHY: Record<keyof typeof DEFAULTS, { zh: string; en: string }> = {
  retireeShare: { zh: '报告未分在职与退休：取全国比例，2018-2022年退休人员占职工医保参保人数26.3%-26.6%（国家医保局统计公报，在职与退休之比2.76-2.80）', en: 'no report splits in service and retired: the national share, 26.3%-26.6% of employee members retired in 2018-2022 (NHSA bulletins, 2.76-2.80 in service per retiree)' },
  flexibleShare: { zh: '报告未给出灵活就业人员占比；假设值', en: 'no report gives the share of flexible workers; an assumption' },
  wageGrowth: { zh: '平均工资年增长的假设', en: 'assumed yearly growth of the average wage' },
  costGrowth: { zh: '医疗费用价格年增长的假设', en: 'assumed yearly growth of medical prices' },
  utilizationGrowth: { zh: '就医频次年增长的假设', en: 'assumed yearly growth of use' },
  retireeCostWeight: { zh: '无分在职、退休费用的报告时，退休人员人均费用约为在职的三倍（假设）；按年龄的费用曲线由此校准', en: 'where no report splits costs by status, a retiree costs about three times one in service (an assumption); the cost-by-age curve is calibrated to it' },
  collectionRate: { zh: '征缴率与基期相同', en: 'collection as in the base year' },
  aidFundingGrowth: { zh: '医疗救助财政资金不增长的假设', en: 'assumed no growth of medical-aid funding' },
  criticalIllnessShare: { zh: '报告未单列大病保险保费：居民“其他”支出不视为大病保险', en: "no report separates 大病保险 premiums: the resident fund's other expenditure is not taken as them" },
};

export function assumptionsInForce(input: ProjectionInput, given: AssumptionsInput | undefined, p: Projection): AssumptionEntry[] {
  const a = input.assumptions;
  const base = input.base;
  const out: AssumptionEntry[] = [];
  const fromScenario = { zh: '方案文件给定', en: 'set in the scenario file' };
  const field = (key: keyof typeof DEFAULTS, unit: string) => {
    const v = a[key] as Dec;
    out.push(given?.[key] !== undefined ? { name: `assumptions/${key}`, value: v.toString(), unit, origin: 'scenario', why: fromScenario } : { name: `assumptions/${key}`, value: v.toString(), unit, origin: 'default', why: DEFAULT_WHY[key] });
  };
  for (const g of GROUPS) {
    const n = a.counts[g];
    if (n !== undefined) {
      const own = given?.counts?.[g] !== undefined;
      out.push({ name: `assumptions/counts/${g}`, value: n.toString(), unit: '人', origin: own ? 'scenario' : 'baseline', why: own ? fromScenario : { zh: `${base.source} ${base.year}年参保人数`, en: `insured in ${base.year}, ${base.source}` } });
    }
    const own = given?.growth?.[g] !== undefined;
    const stated = base.statedGrowth[g];
    if (n !== undefined || own || (g !== 'resident' && base.employees)) {
      out.push({
        name: `assumptions/growth/${g}`,
        value: a.growth[g].toString(),
        unit: '%/年',
        origin: own ? 'scenario' : 'default',
        why: own
          ? fromScenario
          : stated
            ? { zh: `参保率不变：人数随人口模型变化；报告所述一年变动${stated.toString()}%不逐年累计`, en: `participation constant: counts follow the population model; the report's one-year change of ${stated.toString()}% is not compounded` }
            : { zh: '参保率不变：人数随人口模型变化', en: 'participation constant: counts follow the population model' },
      });
    }
  }
  if (base.employees) out.push({ name: 'baseline/employees', value: base.employees.toString(), unit: '人', origin: 'baseline', why: { zh: `${base.year}年职工参保人数`, en: `employees insured in ${base.year}` } });
  if (base.employees && a.counts.inService === undefined) {
    if (a.retireeShareFromStructure) {
      out.push({ name: 'assumptions/retireeShare', value: a.retireeShare.toString(), unit: '%', origin: 'baseline', why: { zh: '报告未分在职与退休：按基线给出的本地区分年龄人数，适用全国在职、退休参保率（按国家医保局统计公报校准）', en: "no report splits in service and retired: the national participation of members in service and retirees (calibrated to the NHSA bulletins) applied to the baseline's own age structure" } });
    } else field('retireeShare', '%');
    field('flexibleShare', '%');
  }
  if (a.avgMonthlyWage) {
    const own = given?.avgMonthlyWage !== undefined;
    out.push({ name: 'assumptions/avgMonthlyWage', value: a.avgMonthlyWage.toString(), unit: '元/月', origin: own ? 'scenario' : 'baseline', why: own ? fromScenario : { zh: '基线报告', en: 'the baseline report' } });
  }
  for (const [y, w] of Object.entries(a.wageHistory)) {
    out.push({ name: `assumptions/wageHistory/${y}`, value: w.toString(), unit: '元/月', origin: given?.wageHistory?.[y] !== undefined ? 'scenario' : 'baseline', why: fromScenario });
  }
  field('wageGrowth', '%/年');
  if (!given?.wageDistribution) {
    out.push({ name: 'assumptions/wageDistribution', value: DEFAULT_WAGE_DISTRIBUTION.join(' '), unit: '×平均', origin: 'default', why: { zh: '对数正态分布（σ=0.5）十分位均值', en: 'decile means of a log-normal distribution, σ = 0.5' } });
  } else out.push({ name: 'assumptions/wageDistribution', value: a.wageDistribution.join(' '), unit: '×平均', origin: 'scenario', why: fromScenario });
  field('costGrowth', '%/年');
  out.push(...serviceAssumptions(input, given));
  field('utilizationGrowth', '%/年');
  if (base.visitCost && given?.retireeCostWeight === undefined && !a.retireeCostWeight.equals(DEFAULTS.retireeCostWeight)) {
    out.push({ name: 'assumptions/retireeCostWeight', value: a.retireeCostWeight.toString(), unit: '×', origin: 'baseline', why: { zh: '报告的在职、退休人员就诊人次×次均费用，按人数折算为人均之比', en: "the report's visits × cost per visit of members in service and retirees, per head" } });
  } else field('retireeCostWeight', '×');
  out.push(
    a.interestRate
      ? { name: 'assumptions/interestRate', value: a.interestRate.toString(), unit: '%/年', origin: 'scenario', why: fromScenario }
      : { name: 'assumptions/interestRate', value: '—', unit: '%/年', origin: 'baseline', why: { zh: '各基金基期利息收入 ÷ 年初结存', en: "each fund's base-year interest over its opening balance" } },
  );
  field('collectionRate', '%');
  out.push({
    name: 'assumptions/aidFinancing',
    value: a.aidFinancing,
    unit: '',
    origin: given?.aidFinancing !== undefined ? 'scenario' : 'default',
    why: given?.aidFinancing !== undefined ? fromScenario : { zh: '医疗救助以支定收：财政每年支付当年支出（资助参保与救助待遇）', en: 'medical aid is financed as needed (以支定收): the budget pays each year what aid spends on contributions and benefits' },
  });
  if (a.aidFinancing === 'fixed-growth') field('aidFundingGrowth', '%/年');
  if (base.funds.some((f) => f.id === 'resident')) field('criticalIllnessShare', '%');
  if (a.regionTier !== undefined) out.push({ name: 'assumptions/regionTier', value: String(a.regionTier), unit: '', origin: 'scenario', why: fromScenario });

  // Calibration: the threshold, the switch, and the level of every line.
  const c = p.calibration;
  const ownCal = given?.calibration;
  out.push({
    name: 'assumptions/calibration/threshold',
    value: c.options.threshold,
    unit: '%',
    origin: ownCal?.threshold !== undefined ? 'scenario' : 'default',
    why: ownCal?.threshold !== undefined ? fromScenario : { zh: `人均收支偏离其他报告期平均超过${DEFAULT_THRESHOLD}%视为异常`, en: `a period whose per-capita income or expenditure departs from the others' average by more than ${DEFAULT_THRESHOLD}% is abnormal` },
  });
  out.push({
    name: 'assumptions/calibration/normalise',
    value: String(c.options.normalise),
    unit: '',
    origin: ownCal?.normalise !== undefined ? 'scenario' : 'default',
    why: ownCal?.normalise !== undefined ? fromScenario : { zh: '默认调整异常年份和报告所述跨年支付', en: "abnormal years and the report's deferrals are normalised by default" },
  });
  for (const l of c.lines) {
    const name = FUND_NAMES[l.fund];
    const periods = l.levels.filter((v) => v.used).map((v) => `${v.year}${v.half ? 'H1' : ''}`);
    const how =
      l.origin === 'normalised'
        ? { zh: `基期异常，取${periods.filter((x) => x !== String(base.year)).join('、')}平均水平`, en: `abnormal base year: the average level of ${periods.filter((x) => x !== String(base.year)).join(', ')}` }
        : l.method === 'last'
          ? { zh: `取${base.year}年（最近完整年度）`, en: `the last full year, ${base.year}` }
          : { zh: `${l.method === 'average' ? '平均' : '趋势'}：${periods.join('、')}`, en: `${l.method} of ${periods.join(', ')}` };
    const reason = l.origin === 'default' && defaultMethod(l.line) !== 'last' ? { zh: '（“其他”项不随标准变动，默认取平均）', en: ' ("other" lines follow no standard: the average by default)' } : { zh: '', en: '' };
    out.push({
      name: `calibration/${l.fund}/${l.side}/${l.line}`,
      value: toWan(l.anchor).toDecimalPlaces(2).toFixed(2),
      unit: '万元',
      origin: l.origin === 'scenario' ? 'scenario' : 'calibration',
      why: { zh: `${name.zh} ${l.line} 起点水平：${how.zh}${reason.zh}；报告${toWan(l.reported).toFixed(2)}万元`, en: `${name.en} ${l.line} level: ${how.en}${reason.en}; reported ${toWan(l.reported).toFixed(2)} 万元` },
    });
  }
  for (const t of c.timing) {
    out.push({
      name: `calibration/timing/${t.item.fund}/${t.item.line}/${t.item.year}`,
      value: t.applied ? (t.amount ? toWan(t.amount).toFixed(2) : '0') : '—',
      unit: '万元',
      origin: t.item.amount ? 'baseline' : 'calibration',
      why: {
        zh: `报告：“${t.item.quote}”；${t.applied ? `${t.item.year}年的数额计入${t.item.to}年${t.item.amount ? '' : '（报告未给数额，按规则和救助人数估算' + (t.amount && !t.amount.isZero() ? '）' : '；方案未给救助人数，估算为0）')}` : '未调整'}`,
        en: `the report: "${t.item.quote}"; ${t.applied ? `${t.item.year}'s amount is paid in ${t.item.to}${t.item.amount ? '' : ' (not stated: estimated from the rules and the aid counts' + (t.amount && !t.amount.isZero() ? ')' : '; the scenario gives no aid counts, so 0)')}` : 'not adjusted'}`,
      },
    });
  }
  for (const u of upratings(input.stack)) {
    out.push({
      name: `uprating/${u.param}`,
      value: u.how === 'unchanged' ? '0' : (u.perYear ?? u.series ?? ''),
      unit: u.how === 'amount' ? '元/年' : u.how === 'percent' ? '%/年' : '',
      origin: 'rule',
      why: { zh: `${u.ruleSet} · ${u.rule}（${u.from}起）之后${u.description.zh}：${u.note}`, en: `${u.ruleSet} · ${u.rule} (from ${u.from}), afterwards ${u.description.en}: ${u.note}` },
    });
  }
  return out;
}

/** Values of the entries as exact strings (for JSON); no arithmetic. */
export function assumptionsJson(entries: AssumptionEntry[]): unknown[] {
  return entries.map((e) => ({ name: e.name, value: e.value, unit: e.unit, origin: e.origin, originName: ORIGIN_NAMES[e.origin], why: e.why }));
}

