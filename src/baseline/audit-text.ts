/**
 * Audit findings and compliance notes in both languages, from their
 * structured fields: one template per kind of check, so the workbench can
 * show the report's contradictions in the language the user chose, and the
 * command line can print both (the English is the `message` each finding carries).
 */
import type { Text } from '../rules/types.ts';
import type { Finding, CheckName } from './audit.ts';
import type { ComplianceFinding } from './compliance.ts';

/** A baseline's funds and sub-funds by their ids, in people's words (also used where the workbench rewrites a sentence that names them by id). */
export const BASELINE_FUND_NAMES: Record<string, Text> = {
  employee: { zh: '职工医保', en: 'employee' },
  employeePooling: { zh: '统筹基金', en: 'pooling fund' },
  employeePersonal: { zh: '个人账户', en: 'personal accounts' },
  employeeLarge: { zh: '大额医疗补助', en: 'large-amount supplement' },
  employeeCivil: { zh: '公务员医疗补助', en: 'civil-servant supplement' },
  resident: { zh: '居民医保', en: 'resident' },
  maternity: { zh: '生育保险', en: 'maternity' },
  aid: { zh: '医疗救助', en: 'medical aid' },
  medicalAid: { zh: '医疗救助', en: 'medical aid' },
  medicalInsurance: { zh: '医疗保险（各险种合计）', en: 'medical insurance (all schemes)' },
};

/** What each check found, in Chinese: the heading of the sentence. */
const CHECKS_ZH: Record<CheckName, string> = {
  'parts-sum': '分项之和与合计不符',
  'sub-funds': '各分基金之和与基金合计不符',
  balance: '收入减支出与当期结存不符',
  cumulative: '上期累计结存加本期结存与累计结存不符',
  assets: '资产与累计结存不符',
  restatement: '同一数字前后不一',
  'unit-slip': '疑似单位错误',
  'stated-change': '所述增减与数字不符',
  'stated-ratio': '所述比率与数字不符',
  'months-payable': '可支付月数与数字不符',
  performance: '未达到目标',
};

function fundName(id: string): Text {
  return BASELINE_FUND_NAMES[id] ?? { zh: id, en: id };
}

/** A finding in both languages; the English is the finding's own sentence. */
export function findingText(f: Finding): Text {
  const unit = f.unit;
  const fmt = (v: { toFixed(): string }) => v.toFixed();
  const zh =
    f.check === 'performance'
      ? `${f.fund ? `${fundName(f.fund).zh} ` : ''}${f.period}：实际 ${f.stated.value}${unit}，${CHECKS_ZH[f.check]}（目标 ${f.formula}）`
      : `${fundName(f.fund).zh} ${f.period}：${CHECKS_ZH[f.check]}。按报告其他数字（${f.formula}）应为 ${fmt(f.expected)} ${unit}，报告印为 ${f.stated.value} ${unit}，相差 ${fmt(f.difference)}（舍入最多可解释 ${fmt(f.tolerance)}）`;
  return { zh, en: f.message };
}

const STANDARDS: Record<string, string> = {
  'resident.subsidy.minimum': '人均财政补助',
  'resident.individual.minimum': '个人缴费标准',
};

/** A standard below a higher level's minimum, in both languages. */
export function complianceText(c: ComplianceFinding): Text {
  const by = c.minimumFrom.kind === 'rule' ? `${c.minimumFrom.ruleSet}（${c.minimumFrom.document.trim()}）` : c.minimumFrom.file;
  return {
    zh: `${c.period} ${STANDARDS[c.minimumParam] ?? c.minimumParam} ${c.stated.toString()} 元，低于 ${by}规定的最低标准 ${c.minimum.toString()} 元`,
    en: c.message,
  };
}
