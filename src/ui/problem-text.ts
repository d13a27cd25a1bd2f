/**
 * Why an input was refused, in the chosen language. A problem that carries
 * its message in both languages (src/common/messages.ts) is shown in the
 * reader's; for the others, the loaders state the reason as an English
 * sentence of a known shape, and here each shape has its Chinese template,
 * filled with the same values. A reason of a shape not listed is shown as it is.
 */
import type { InputProblem } from '../common/errors.ts';
import { getLocale, pick, t } from './i18n.ts';
import { unitText } from './format.ts';
import { assumptionLabel } from './assumption-labels.ts';
import { BASELINE_FUND_NAMES } from '../baseline/audit-text.ts';
import registry from '../../rules/parameters.json' with { type: 'json' };

type Template = [RegExp, (...m: string[]) => string];

const ZH: Template[] = [
  [/^(\S+) must not be negative, not (.+)$/, (p, v) => `${p} 不能为负数，现为 ${v}`],
  [/^(\S+) is a percentage and must be between 0 and 100, not (.+)$/, (p, v) => `${p} 是百分比，须在 0 到 100 之间，现为 ${v}`],
  [/^must be between (\S+) and (\S+) \(percent\), not (.+)$/, (lo, hi, v) => `须在 ${lo} 到 ${hi} 之间（百分比），现为 ${v}`],
  [/^must not be negative$/, () => '不能为负数'],
  [/^a percentage must be between 0 and 100, not (.+)$/, (v) => `百分比须在 0 到 100 之间，现为 ${v}`],
  [/^a yearly rate must be above -100% and at most 100%, not (.+)$/, (v) => `年增长率须大于 -100% 且不超过 100%，现为 ${v}`],
  [/^"(.*)" is not a decimal number$/, (v) => `“${v}”不是十进制数字`],
  [/^(\S+) needs a decimal number written as a string, not "(.*)"$/, (p, v) => `${p} 须写成带引号的十进制数字，而不是“${v}”`],
  [/^unknown parameter "([^"]*)" \(did you mean "([^"]*)"\?\)$/, (p, h) => `未知参数“${p}”（是否指“${h}”？）`],
  [/^unknown parameter "([^"]*)"$/, (p) => `未知参数“${p}”`],
  [/^unknown key "([^"]*)"$/, (k) => `未知字段“${k}”`],
  [/^missing required key "([^"]*)"$/, (k) => `缺少必填字段“${k}”`],
  [/^not valid JSON(?: \(line (\d+), column (\d+)\))?: (.*)$/, (line, column, m) => jsonSyntaxZh(m, line, column)],
  [/^the horizon goes up to (\d+)$/, (y) => `测算期最远到 ${y} 年`],
  [/^the horizon (\d+) must be after the base year (\d+)$/, (u, b) => `测算期 ${u} 须晚于基期 ${b}`],
  [/^the average wage must be above 0$/, () => '平均工资须大于 0'],
  [/^a count of people cannot be negative$/, () => '人数不能为负数'],
  [/^a fall of 100% or more a year leaves no one insured$/, () => '每年减少 100% 或更多将无人参保'],
  [/^relative wages must be positive$/, () => '相对工资须为正数'],
  [/^relative wages must average exactly 1$/, () => '相对工资的平均值须恰为 1'],
  [/^retirees and flexible workers together cannot exceed 100% of employees$/, () => '退休人员与灵活就业人员合计不能超过职工的 100%'],
  [/^the change ends \((.*)\) before it starts \((.*)\)$/, (u, f) => `调整的结束月份（${u}）早于开始月份（${f}）`],
  [/^no rule set "([^"]*)" in rules\/ or in this scenario's ruleSets$/, (id) => `rules/ 与本方案的 ruleSets 中都没有规则集“${id}”`],
  [/^(\S+) (\S+) is above (\S+) (\S+) \(from (\S+) at (\S+)\) for (.*)$/, (p, v, c, cv, file, path, facts) => `${paramZh(p)} ${v} 高于${paramZh(c)} ${cv}（上限出自 ${file} ${path}），适用于 ${factsZh(facts, p)}`],
  [/^(\S+) (\S+) is above (\S+) (\S+) \(from .*$/, (p, v, c, cv) => `${paramZh(p)} ${v} 高于${paramZh(c)} ${cv}`],
  [/^the simulation stopped: (.*)$/, (m) => `测算中断：${m}`],
  // the schema's words (ajv) and the loaders' checks of a scenario, a baseline and a rule set
  [/^must be equal to one of the allowed values: (.*)$/, (v) => `须为以下取值之一：${v}`],
  [/^must be at most (\S+)$/, (v) => `不能大于 ${v}`],
  [/^must be at least (\S+)$/, (v) => `不能小于 ${v}`],
  [/^must be (array|object|string|integer|number|boolean)$/, (k) => `须为${({ array: '数组', object: '对象', string: '字符串', integer: '整数', number: '数字', boolean: '布尔值' } as Record<string, string>)[k]}`],
  [/^the key "([^"]*)" is not allowed here: it must match pattern "(.*)"$/, (k, p) => `此处不允许字段“${k}”：须符合格式 ${p}`],
  [/^the threshold of an abnormal year must be above 0%$/, () => '异常年份的阈值须大于 0%'],
  [/^missing or invalid version: a scenario states the format version it was written in \((\d+)\)$/, (v) => `缺少或无效的 version：方案须写明其格式版本（${v}）`],
  [/^written by a newer version of this program \(format (\d+); this one reads up to (\d+)\)$/, (v, max) => `由更新版本的程序写成（格式 ${v}；本程序最多读取格式 ${max}）`],
  [/^a scenario is a JSON object$/, () => '方案须是一个 JSON 对象'],
  [/^no baseline "([^"]*)" under seeds\/baselines\/$/, (b) => `seeds/baselines/ 下没有基线“${b}”`],
  [/^"([^"]*)" is not a period: use a year "(\d+)" \((\d+)-(\d+)\), a half "([^"]*)" or a quarter "([^"]*)"$/, (v, y, lo, hi, h, q) => `“${v}”不是有效的期间：请写年份“${y}”（${lo}-${hi}）、半年“${h}”或季度“${q}”`],
  [/^rules "([^"]*)" \(([^)]*)\) and "([^"]*)" both set (\S+) for overlapping periods and persons with the same precedence; split the periods or narrow the conditions$/, (a, at, b, p) => `规则“${a}”（${at}）与“${b}”以相同优先级为重叠的期间和人群设置 ${p}：请拆分期间或缩小条件`],
  [/^sets (\S+) from (\S+) with precedence (\d+), as does rule "([^"]*)" of "([^"]*)"; give one rule set a higher precedence$/, (p, from, n, rule, set) => `自 ${from} 起以优先级 ${n} 设置 ${paramZh(p)}，与“${set}”的规则“${rule}”相同：请给其中一个规则集更高的优先级`],
  [/^must be "([^"]*)"$/, (v) => `须为“${v}”`],
  [/^no rule set with id "([^"]*)"$/, (id) => `没有编号为“${id}”的规则集`],
  [/^(\S+) (\S+) is above (\S+) (\S+) \(set at (\S+)\) in the same period$/, (p, v, c, cv, at) => `${paramZh(p)} ${v} 高于同一期间的${paramZh(c)} ${cv}（设于 ${at}）`],
  [/^"in" needs a list of values$/, () => '“in” 须跟一个取值列表'],
  [/^precedence (\S+) must be above that of "([^"]*)" \((\S+)\), which it extends$/, (n, id, m) => `优先级 ${n} 须高于所扩展的“${id}”的优先级（${m}）`],
  [/^(\S+) is not a regionTier; expected one of (.*)$/, (v, list) => `${v} 不是有效的地区类别（regionTier），应为 ${list} 之一`],
  [/^rule id "([^"]*)" is used twice \(also at (\S+)\)$/, (id, at) => `规则编号“${id}”重复使用（另见 ${at}）`],
  [/^the period ends \((\S+)\) before it starts \((\S+)\)$/, (u, f) => `期间的结束（${u}）早于开始（${f}）`],
  [/^no fund reports a full year with income and a cumulative balance to start a projection from$/, () => '没有哪个基金报告了含收入和累计结存的完整年度，无法作为测算的起点'],
];

/** A parameter by its Chinese name with its id, as a file writes it: 缴费基数下限（employee.base.floor）. */
function paramZh(id: string): string {
  const label = (registry.parameters as Record<string, { label?: { zh: string } }>)[id]?.label?.zh;
  return label ? `${label}（${id}）` : id;
}

/**
 * The case a value was resolved for ("2023-01, resident, region tier 3"), in Chinese; for a parameter
 * of the employee or maternity scheme only the month (the person's category does not change it).
 */
function factsZh(facts: string, param: string): string {
  const scheme = (registry.parameters as Record<string, { scheme?: string }>)[param]?.scheme;
  if (scheme === 'employee' || scheme === 'maternity') return facts.split(', ')[0]!;
  const CATEGORY: Record<string, string> = { 'in-service': '在职职工', retiree: '退休人员', flexible: '灵活就业人员', resident: '城乡居民' };
  const AID: Record<string, string> = { tekun: '特困人员', dibao: '低保对象', fanpin: '返贫致贫人口' };
  return facts
    .split(', ')
    .map((part) => {
      const tier = /^region tier (\d)$/.exec(part);
      const aid = /^aid (\S+)$/.exec(part);
      return tier ? `${tier[1]}类地区` : aid ? (AID[aid[1]!] ?? aid[1]!) : (CATEGORY[part] ?? part);
    })
    .join('，');
}

/**
 * The browser's JSON syntax error (V8's English sentence) in Chinese, with its line and column:
 * the messages a hand-edited file most often meets. Another is shown as the browser wrote it.
 */
const JSON_SYNTAX_ZH: [RegExp, string][] = [
  [/^Expected double-quoted property name/, '此处应为用英文双引号括起的字段名（多了一个逗号，或字段名没有加引号？）'],
  [/^Expected property name or '\}'/, '此处应为用英文双引号括起的字段名或 }（多了一个逗号？）'],
  [/^Expected ',' or '\}' after property value/, '字段值之后应为逗号或 }（少了一个逗号？）'],
  [/^Expected ',' or '\]' after array element/, '数组元素之后应为逗号或 ]（少了一个逗号？）'],
  [/^Expected ':' after property name/, '字段名之后应为冒号'],
  [/^Unexpected end of JSON input/, '文件在 JSON 完整之前就结束了（少了 } 或 ]？）'],
  [/^Unterminated string/, '字符串缺少结尾的双引号'],
  [/^Bad control character in string literal/, '字符串中有控制字符（未转义的换行或制表符？）'],
  [/^Bad escaped character/, '字符串中有无效的转义（反斜杠后的字符）'],
  [/^Bad Unicode escape/, '字符串中有无效的 \\u 转义'],
  [/^Unexpected non-whitespace character after JSON/, 'JSON 结束之后还有多余的内容'],
  [/^No number after minus sign/, '负号之后缺少数字'],
  [/^Unterminated fractional number/, '小数点之后缺少数字'],
  [/^Exponent part is missing a number/, '指数部分缺少数字'],
  [/^Unexpected token '(.+?)', .* is not valid JSON/, '此处不应出现字符“$1”（JSON 的字符串须用英文双引号，数字、true、false、null 以外的值都要加引号）'],
];

function jsonSyntaxZh(message: string, line?: string, column?: string): string {
  const at = /\(line (\d+) column (\d+)\)/.exec(message);
  const [l, c] = line ? [line, column] : at ? [at[1], at[2]] : [undefined, undefined];
  const where = l ? `（第 ${l} 行第 ${c} 列）` : '';
  for (const [re, zh] of JSON_SYNTAX_ZH) {
    const m = re.exec(message);
    if (m) return `不是有效的 JSON${where}：${zh.replace('$1', m[1] ?? '')}`;
  }
  return `不是有效的 JSON${where}：${message}`;
}

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
  out = out.replace(/\b(employeePooling|employeePersonal|employeeLarge|employeeCivil|currentBalance|cumulativeBalance|monthsPayable|perCapita)\b/g, (id) => pick(BASELINE_NAMES[id]!));
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
  for (const [re, zh] of ZH) {
    const m = re.exec(reason);
    if (m) return zh(...m.slice(1));
  }
  return reason;
}
