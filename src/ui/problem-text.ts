/**
 * Why an input was refused, in the chosen language. A problem that carries
 * its message in both languages (src/common/messages.ts) is shown in the
 * reader's; for the others, the loaders state the reason as an English
 * sentence of a known shape, with its Chinese template in
 * src/common/reason-zh.ts. A reason of a shape not listed is shown as it is.
 */
import type { InputProblem } from '../common/errors.ts';
import { getLocale, pick, t } from './i18n.ts';
import { unitText } from './format.ts';
import { assumptionLabel } from './assumption-labels.ts';
import { BASELINE_FUND_NAMES } from '../baseline/audit-text.ts';
import registry from '../../rules/parameters.json' with { type: 'json' };
import { reasonZh } from '../common/reason-zh.ts';

/** A problem's file as shown: a file by its name, a share link (the library's "shared link") in the reader's language. */
export function fileText(file: string): string {
  return file === 'shared link' ? t('sharedLink') : file;
}

/** A problem's reason in the chosen language, its figures at a precision people read. */
export function problemText(p: InputProblem): string {
  // The engine's own stack giving out on a file nested thousands deep: said as what it means for the file.
  if (/^Maximum call stack size exceeded$/.test(p.reason)) return pick({ zh: '文件中的数组或对象嵌套过深，无法读取', en: 'the file nests arrays or objects too deeply to be read' });
  return readableText(p.message ? pick(p.message) : reasonText(p.reason)) + followsNote(p);
}

/**
 * A refusal placed at a registry default that follows another parameter (the maternity floor is the
 * employee floor unless a rule says otherwise): which parameter it follows, so a change to that one
 * reads as the cause, not the registry file.
 */
function followsNote(p: InputProblem): string {
  const at = /^\/parameters\/([^/]+)\/default$/.exec(p.path);
  if (p.file !== 'rules/parameters.json' || !at) return '';
  const params = registry.parameters as Record<string, { default?: unknown; label?: { zh: string; en: string } }>;
  const followed = (params[at[1]!]?.default as { param?: string } | undefined)?.param;
  const label = followed ? params[followed]?.label : undefined;
  if (!followed || !label) return '';
  return pick({ zh: `（未另行规定时，该参数随${label.zh}（${followed}）取值）`, en: ` (unless a rule sets it, it follows ${label.en.toLowerCase()} (${followed}))` });
}

/**
 * A figure as people read it: exact decimals of many places (a ratio recomputed from the report,
 * 228.453935760560507140239899685696027163) to two decimals, or to four significant digits below 1
 * (0.0052071129… → 0.005207); figures of four places or fewer, years and codes, as written.
 */
export function readableNumber(v: string): string {
  const n = Number(v);
  if (!Number.isFinite(n)) return v;
  if (Math.abs(n) >= 1) return n.toFixed(2);
  return String(Number(n.toPrecision(4)));
}

/** The funds and fields of a baseline by their ids (as the report audit names them), in people's words: the funds as the audit's own sentences name them. */
const BASELINE_NAMES: Record<string, { zh: string; en: string }> = {
  ...BASELINE_FUND_NAMES,
  currentBalance: { zh: '当期结存', en: 'current balance' },
  cumulativeBalance: { zh: '累计结存', en: 'cumulative balance' },
  monthsPayable: { zh: '可支付月数', en: 'months payable' },
  perCapita: { zh: '人均筹资', en: 'funding per head' },
};

/**
 * A sentence from the library (a refusal, a contradiction of the report) as shown: long decimals at
 * a readable precision, the baseline's fund and field ids by name, units in the reader's language.
 */
export function readableText(text: string): string {
  const en = getLocale() === 'en';
  let out = text.replace(/-?\d+\.\d{5,}/g, (m) => readableNumber(m));
  // as words only: not inside a dotted parameter id (warning.monthsPayable.low) or a JSON path (/funds/employeePooling)
  out = out.replace(/(?<![\w./])(employeePooling|employeePersonal|employeeLarge|employeeCivil|currentBalance|cumulativeBalance|monthsPayable|perCapita)(?![\w./])/g, (id) => pick(BASELINE_NAMES[id]!));
  // A rule set named by its id and, in brackets, its document: by the document
  out = out.replace(/\b[a-z-]+\/[a-z0-9-]+（([^（）]+)）/g, '$1').replace(/\b[a-z-]+\/[a-z0-9-]+ \(([^()]*\p{Script=Han}[^()]*)\)/gu, '$1');
  // A source document by what it is, not its file name
  out = out.replace(/seeds\/sources\/\d{3}_[0-9a-f]+\.txt/g, () => pick({ zh: '基线报告原文', en: 'the baseline report' }));
  out = out.replace(/seeds\/sources\/national-(standards|bulletins)\.md/g, (_m, k: string) => pick(k === 'standards' ? { zh: '国家居民医保标准汇编', en: 'the summary of national resident standards' } : { zh: '国家医保统计公报汇编', en: 'the summary of the national statistical bulletins' }));
  // "(assumptions.avgMonthlyWage)": the assumption by its name
  out = out.replace(/\(assumptions\.([A-Za-z]+)\)/g, (_m, key: string) => pick({ zh: `（假设：${assumptionLabel(`assumptions/${key}`)}）`, en: `(the assumption “${assumptionLabel(`assumptions/${key}`)}”)` }));
  if (en) out = out.replace(/(\d) ?(万元|元\/月|元\/年|元)/g, (_m, d: string, u: string) => `${d} ${unitText(u)}`);
  return out;
}

/** A refusal's English reason in the chosen language. */
export function reasonText(reason: string): string {
  if (getLocale() === 'en') return reason;
  return reasonZh(reason) ?? reason;
}
