/**
 * How the workbench names things it shows: income and expenditure lines,
 * where a value came from, amounts on chart axes. Display only.
 */
import { getLocale, pick, t, type MessageId } from './i18n.ts';

const SOURCE_NAMES: Record<string, MessageId | { zh: string; en: string }> = {
  contributions: { zh: '征缴收入', en: 'Contributions' },
  'contributions.employer': { zh: '单位缴费', en: 'Employer contributions' },
  'contributions.individual': { zh: '个人缴费', en: 'Individual contributions' },
  'contributions.maternity': { zh: '生育保险缴费', en: 'Maternity contributions' },
  subsidy: { zh: '财政补助', en: 'Fiscal subsidy' },
  'subsidy.central': { zh: '中央财政补助', en: 'Central subsidy' },
  'subsidy.region': { zh: '自治区(省)财政补助', en: 'Region subsidy' },
  'subsidy.city': { zh: '盟市财政补助', en: 'City subsidy' },
  'subsidy.county': { zh: '旗县财政补助', en: 'County subsidy' },
  interest: { zh: '利息收入', en: 'Interest' },
  other: { zh: '其他', en: 'Other' },
  benefits: { zh: '待遇支出', en: 'Benefits' },
  'benefits.maternity': { zh: '生育待遇', en: 'Maternity benefits' },
  criticalIllness: { zh: '大病保险', en: 'Critical-illness insurance' },
  'aid.contributions': { zh: '资助参保', en: 'Contributions paid by aid' },
  'aid.medical': { zh: '医疗救助', en: 'Medical aid for costs' },
};

/**
 * A value axis for amounts in 万元, its name and its ticks in the same unit: 亿元 where the amounts
 * reach 10 000 万元, else 万元; in English, millions of yuan.
 */
export function wanAxis(values: (number | null)[]): { name: string; axisLabel: { formatter: (v: number) => string } } {
  if (getLocale() === 'en') return { name: 'million yuan', axisLabel: { formatter: (v) => (v / 100).toLocaleString('en-US') } };
  const big = values.some((v) => v !== null && Math.abs(v) >= 10000);
  return big ? { name: '亿元', axisLabel: { formatter: (v) => String(v / 10000) } } : { name: t('unitWan'), axisLabel: { formatter: (v) => String(v) } };
}

export function lineName(line: string): string {
  const n = SOURCE_NAMES[line];
  return n === undefined ? line : typeof n === 'string' ? t(n) : pick(n);
}

export function sourceText(p: { kind: string; [k: string]: unknown }): string {
  if (p.kind === 'rule') return `${p.ruleSet} · ${p.rule} · ${p.document} ${p.section}${p.quote ? ` “${p.quote}”` : ''}`;
  if (p.kind === 'override') return `${p.file} ${p.path}`;
  return `rules/parameters.json ${p.path}`;
}

const METHODS: Record<string, { zh: string; en: string }> = {
  'current-year-expenditure': { zh: '按当年支出', en: 'this year’s expenditure' },
  'last-year-expenditure': { zh: '按上年支出', en: 'last year’s expenditure' },
  'average-expenditure-3-years': { zh: '按近三年平均支出', en: 'average expenditure of 3 years' },
};

/** A months-payable method by its name in the current language. */
export function methodName(id: string): string {
  const m = METHODS[id];
  return m ? pick(m) : id;
}
