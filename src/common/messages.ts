/**
 * Loader messages the workbench shows, in both languages, by stable id. A
 * problem carries the English text as its `reason` (what the command line
 * prints) and, where one is defined here, the message with both texts, so the
 * workbench can show the reader's language.
 */
export interface LocalizedMessage {
  id: MessageId;
  zh: string;
  en: string;
}

type Params = Record<string, string | number>;

const TEMPLATES = {
  'value.quoteNumber': {
    zh: '请把数字写在引号里："{value}"：数值以精确的十进制字符串记录，JSON 数字可能丢失位数',
    en: 'write the number in quotes, "{value}": values are exact decimal strings, and a JSON number may lose digits',
  },
  'value.notDecimal': {
    zh: '"{value}" 不是十进制数：只写数字和至多一个小数点，如 "6.2"（不要空格、逗号、单位或指数）',
    en: '"{value}" is not a decimal number: write digits with at most one point, such as "6.2" (no spaces, commas, units or exponents)',
  },
  'value.notMonth': {
    zh: '"{value}" 不是月份：请写成 YYYY-MM，月份为 01 至 12，如 "2024-01"',
    en: '"{value}" is not a month: write YYYY-MM with a month from 01 to 12, such as "2024-01"',
  },
  'key.notCalibrated': {
    zh: '"{key}" 不是可校准的项目：请写基金（employee、employee.pooling、employee.account、employee.largeAmount、employee.civilServant、resident 或 aid），可在其后加 "/income"（收入）或 "/expenditure"（支出），再加收支项目（小写字母和点），如 "resident"、"employee/income"、"resident/expenditure/other"',
    en: '"{key}" is not something calibrated: write a fund (employee, employee.pooling, employee.account, employee.largeAmount, employee.civilServant, resident or aid), optionally followed by "/income" or "/expenditure" and then a line (lower-case letters and dots), such as "resident", "employee/income" or "resident/expenditure/other"',
  },
  'key.notYear': {
    zh: '"{key}" 不是年份：请写四位年份，如 "2020"',
    en: '"{key}" is not a year: write a four-digit year, such as "2020"',
  },
  'value.notExpression': {
    zh: '不是有效的取值：应为十进制字符串（"6.2"）、{"param": 参数名}、{"series": "avgMonthlyWage", "yearOffset": -1}、{"percentOf": …, "percent": …}、{"max": […]} 或 {"min": […]}',
    en: 'not a value: write a decimal string ("6.2"), {"param": name}, {"series": "avgMonthlyWage", "yearOffset": -1}, {"percentOf": …, "percent": …}, {"max": […]} or {"min": […]}',
  },
  'file.empty': {
    zh: '文件是空的',
    en: 'the file is empty',
  },
  'file.notUtf8': {
    zh: '文件不是 UTF-8 文本（可能存成了 UTF-16 或 GBK）：请用 UTF-8 编码另存',
    en: 'the file is not UTF-8 text (saved as UTF-16 or GBK?); save it as UTF-8',
  },
  'json.tooDeep': {
    zh: '嵌套超过 {limit} 层，未读取：真实的方案、规则集和基线文件不超过十几层，文件可能已损坏或是生成出错',
    en: 'nested more than {limit} levels deep and not read: real scenario, rule-set and baseline files stay within a dozen or so; the file may be damaged or wrongly generated',
  },
  'ruleSet.reusesBuiltIn': {
    zh: '"{id}" 是程序自带规则集的编号；请给这个规则集另起编号，或加上 "replaces": true 表示替换自带规则集',
    en: '"{id}" is the id of a rule set shipped with the program; give yours an id of its own, or add "replaces": true to replace the shipped one',
  },
  'ruleSet.idTwice': {
    zh: '规则集编号 "{id}" 在本方案中重复（另见 {other}）',
    en: 'rule-set id "{id}" is used twice in this file (also at {other})',
  },
  'share.notBase64': {
    zh: '分享链接已损坏：其中有链接不能包含的字符，可能复制不完整',
    en: 'the share link is damaged: it has characters a link cannot carry; it may have been copied incompletely',
  },
  'share.notDeflate': {
    zh: '分享链接已损坏，无法解压：可能复制不完整',
    en: 'the share link is damaged and cannot be unpacked; it may have been copied incompletely',
  },
  'share.tooLarge': {
    zh: '分享链接解压后超过 {limit}，未打开：方案文件请用“打开文件”',
    en: 'the share link unpacks to more than {limit} and was not opened; open large scenarios as files',
  },
  'share.notText': {
    zh: '分享链接的内容不是 UTF-8 文本',
    en: 'the share link does not carry UTF-8 text',
  },
  'share.badHash': {
    zh: '分享链接中的内容哈希格式不对（应为 64 位十六进制）',
    en: 'the content hash in the share link is malformed (64 hexadecimal digits expected)',
  },
  'share.hashMismatch': {
    zh: '打开的方案与链接记录的内容哈希不一致（链接 {expected}，实际 {actual}）：链接可能被改动，或规则、模型版本已更新，结果可能不同',
    en: 'the scenario opened does not match the content hash the link carries (link {expected}, opened {actual}): the link was altered, or the rules or the model changed since, and the numbers may differ',
  },
  // A parameter a scenario's change cannot set (rules/parameters.json, notInScenario).
  'override.notInScenario': {
    zh: '{param} 不能作为方案的调整：{zh}',
    en: '{param} cannot be changed by a scenario: {en}',
  },
  // A scenario's embedded baseline that breaks one of the report's identities (src/scenario/baseline-check.ts).
  'baseline.identity': {
    zh: '内嵌基线不满足报告的恒等关系 [{check}]：{findingZh}{adviceZh}',
    en: 'the embedded baseline breaks an identity [{check}]: {findingEn}{adviceEn}',
  },
  // A baseline's age structure (src/baseline/age-structure.ts): each check states its own reason in both languages.
  'ageStructure.invalid': {
    zh: '{zh}',
    en: '{en}',
  },
  // A Monte Carlo worker that failed (src/analyses/monte-carlo-run.ts): its paths were run by the others.
  'montecarlo.threadLost': {
    zh: '一个计算线程未能完成，其路径已由其余线程计算，结果不受影响（{reason}）',
    en: 'a thread could not run its paths; the other threads ran them and the figures are unaffected ({reason})',
  },
  // A scenario's uncertainty (src/scenario/uncertainty.ts): each check states its own reason in both languages.
  'uncertainty.invalid': {
    zh: '{zh}',
    en: '{en}',
  },
  // A goal seek's target (src/analyses/target-bounds.ts): each check states its own reason in both languages.
  'target.invalid': {
    zh: '{zh}',
    en: '{en}',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageId = keyof typeof TEMPLATES;

export function message(id: MessageId, params: Params = {}): LocalizedMessage {
  const fill = (t: string) => t.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
  return { id, zh: fill(TEMPLATES[id].zh), en: fill(TEMPLATES[id].en) };
}
