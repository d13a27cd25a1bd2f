/**
 * Why an input was refused, in the chosen language. A problem that carries
 * its message in both languages (src/common/messages.ts) is shown in the
 * reader's; for the others, the loaders state the reason as an English
 * sentence of a known shape, and here each shape has its Chinese template,
 * filled with the same values. A reason of a shape not listed is shown as it is.
 */
import type { InputProblem } from '../common/errors.ts';
import { getLocale, pick } from './i18n.ts';

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
  [/^not valid JSON: (.*)$/, (m) => `不是有效的 JSON：${m}`],
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
  [/^(\S+) (\S+) is above (\S+) (\S+) \(from .*$/, (p, v, c, cv) => `${p} ${v} 高于 ${c} ${cv}`],
  [/^the simulation stopped: (.*)$/, (m) => `测算中断：${m}`],
];

/** A problem's reason in the chosen language. */
export function problemText(p: InputProblem): string {
  return p.message ? pick(p.message) : reasonText(p.reason);
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
