/**
 * A refusal's reason in Chinese. The loaders and the command lines state a reason as an English
 * sentence of a known shape (the text scripts and logs match); here each shape has its Chinese
 * template, filled with the same values. The workbench shows it in its default language and the
 * command lines print it above the English line. A reason of a shape not listed has no Chinese text.
 */
import registry from '../../rules/parameters.json' with { type: 'json' };

type Template = [RegExp, (...m: string[]) => string];

const ZH: Template[] = [
  [/^"(.*)" is neither a baseline under seeds\/baselines\/ \((.*)\) nor a file$/, (b, names) => `“${b}”既不是 seeds/baselines/ 中的基线（${names}），也不是文件`],
  [/^give a baseline, e\.g\. (.+)$/, (cmd) => `请给出基线，例如 ${cmd}`],
  [/^(\S+) must not be negative, not (.+)$/, (p, v) => `${paramZh(p)} 不能为负数，现为 ${v}`],
  [/^(\S+) is a percentage and must be between 0 and 100, not (.+)$/, (p, v) => `${paramZh(p)} 是百分比，须在 0 到 100 之间，现为 ${v}`],
  [/^must be between (\S+) and (\S+) \(percent\), not (.+)$/, (lo, hi, v) => `须在 ${lo} 到 ${hi} 之间（百分比），现为 ${v}`],
  [/^must not be negative$/, () => '不能为负数'],
  [/^a percentage must be between 0 and 100, not (.+)$/, (v) => `百分比须在 0 到 100 之间，现为 ${v}`],
  [/^a yearly rate must be above -100% and at most 100%, not (.+)$/, (v) => `年增长率须大于 -100% 且不超过 100%，现为 ${v}`],
  [/^"(.*)" is not a decimal number$/, (v) => `“${v}”不是十进制数字`],
  [/^(\S+) needs a decimal number written as a string, not "(.*)"$/, (p, v) => `${paramZh(p)} 须写成带引号的十进制数字，而不是“${v}”`],
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
  [/^a rule set is a JSON object: (.*)$/, (shape) => `规则集须是一个 JSON 对象：${shape}`],
  [/^unit "([^"]*)" is not allowed for .*?(\p{Script=Han}+); use one of (.*)$/u, (u, what, list) => `单位“${u}”不能用于${what}：请用 ${list} 之一`],
  // a parameter the projection or the calculator needs and cannot resolve (src/engine/resolve.ts)
  [/^(\S+) has no value for ([^:]+): (.*)$/, (p, facts, why) => `${paramZh(p)}在 ${factsZh(facts, p)} 没有取值：${reasonZh(why) ?? why}`],
  [/^(\S+) has no value for (.+)$/, (p, facts) => `${paramZh(p)}在 ${factsZh(facts, p)} 没有取值`],
  [/^needs the series (\S+) for (\d+) \((.*)\), which is missing; supply it \(e\.g\. (.*)\)$/, (s, y, rel, e) => `需要序列 ${s} 的 ${y} 年数值（${yearsBeforeZh(rel)}），但没有提供：请补上（如 ${e}）`],
  [/^uprating follows (\S+) and needs it for (\d+), which is missing$/, (s, y) => `调整随 ${s} 变动，需要其 ${y} 年数值，但没有提供`],
  // a baseline year a projection cannot start from (src/model/from-baseline.ts, src/scenario/prepare.ts)
  [/^a projection from (\S+) needs this fund's cumulative balance \(累计结存\)$/, (y) => `从 ${y} 年起测算需要该基金的累计结存`],
  [/^no fund reports income for (\S+)$/, (y) => `没有哪个基金报告了 ${y} 年的收入`],
  [/^the baseline has no full year (\d+) to start from \((.*)\)$/, (y, why) => `基线没有可作为起点的完整的 ${y} 年（${reasonZh(why) ?? why}）`],
  // the command lines' flags (src/cli/args.ts and the commands)
  [/^it is not a number of (.+); write digits, e\.g\. (.+)$/, (u, e) => `不是以 ${u} 计的数字：请写数字，如 ${e.replace(' or ', ' 或 ')}`],
  [/^it is not a number; write digits, e\.g\. (.+)$/, (e) => `不是数字：请写数字，如 ${e.replace(' or ', ' 或 ')}`],
  [/^it must be above (.+)$/, (v) => `须大于 ${v}`],
  [/^it must be at least (.+)$/, (v) => `不能小于 ${v}`],
  [/^it must be at most (.+)$/, (v) => `不能大于 ${v}`],
  [/^it must be from (\S+) to (\S+)$/, (lo, hi) => `须在 ${lo} 到 ${hi} 之间`],
  [/^it must be one of (.+)$/, (v) => `须为 ${v} 之一`],
  [/^it is not a whole number$/, () => '不是整数'],
  [/^it is not a whole number of paths$/, () => '不是整数：路径数须为整数'],
  [/^it is not a year$/, () => '不是年份：请写四位数的年份，如 2035'],
  [/^it is not a region tier \(1, 2 or 3\)$/, () => '不是地区类别：应为 1、2 或 3'],
  [/^month (\d+) does not exist; months run from 01 to 12$/, (m) => `没有第 ${m} 月：月份为 01 至 12`],
  [/^write the month with two digits: (\S+)$/, (v) => `月份请写两位数字：${v}`],
  [/^it is not a month; write YYYY-MM, e\.g\. (\S+)$/, (e) => `不是月份：请写成 YYYY-MM，如 ${e}`],
  [/^"(.*)" is not a month; write YYYY-MM, e\.g\. (\S+)$/, (v, e) => `“${v}”不是月份：请写成 YYYY-MM，如 ${e}`],
  [/^no such file$/, () => '没有这个文件'],
  [/^no such file or folder$/, () => '没有这个文件或文件夹'],
  [/^is a folder, not a file$/, () => '这是文件夹，不是文件'],
  [/^not allowed to read it$/, () => '没有读取权限'],
  [/^cannot read it \((.*)\)$/, (m) => `无法读取（${m}）`],
  [/^it is required: a rule-set id \((.*)\) or a rule-set file$/, (list) => `必须给出：规则集编号（${list}）或规则集文件`],
  [/^no rule set "([^"]*)"; known: (.*), or a path to a \.json file$/, (id, list) => `没有规则集“${id}”；已有：${list}，或给出 .json 文件的路径`],
  [/^no rule set "([^"]*)"; known: (.*)$/, (id, list) => `没有规则集“${id}”；已有：${list}`],
  [/^it is required: the month, YYYY-MM$/, () => '必须给出：月份，YYYY-MM'],
  [/^it is required: one of (.*)$/, (list) => `必须给出：${list} 之一`],
  [/^it is required for (\S+): the monthly wage in 元\/月, e\.g\. (.*)$/, (c, e) => `${CATEGORY_ZH[c] ?? c}必须给出：月工资（元/月），如 ${e}`],
  [/^it applies to residents \(--category resident\), not to (\S+)$/, (c) => `只适用于城乡居民（--category resident），不适用于${CATEGORY_ZH[c] ?? c}`],
  [/^"(.*)" is invalid: write avgMonthlyWage\.YEAR=元\/月, e\.g\. (\S+)$/, (v, e) => `“${v}”无效：请写成 avgMonthlyWage.年份=元/月，如 ${e}`],
  [/^"(.*)" is invalid: write parameter=value, e\.g\. (\S+)$/, (v, e) => `“${v}”无效：请写成 参数=取值，如 ${e}`],
  [/^it is required with --born: male or female$/, () => '与 --born 同用时必须给出：male（男）或 female（女）'],
  [/^it is required with --sex: the month of birth, YYYY-MM$/, () => '与 --sex 同用时必须给出：出生年月，YYYY-MM'],
  [/^it applies to women only \(a man’s age before the reform was 60\)$/, () => '只适用于女性（男性改革前的退休年龄为 60 岁）'],
  [/^a woman’s statutory retirement age depends on her former retirement age: 50 \(workers\) or 55 \(cadres, 管理技术岗位\)$/, () => '女性的法定退休年龄取决于其原退休年龄：50 岁（工人）或 55 岁（干部，管理技术岗位）'],
  [/^use --sensitivity or --solve, not both$/, () => '--sensitivity 与 --solve 只能用其一'],
  [/^is not used with --sensitivity or --solve$/, () => '不能与 --sensitivity 或 --solve 同用'],
  [/^is not used with --paths or --seed \(Monte Carlo\)$/, () => '不能与 --paths 或 --seed（蒙特卡洛模拟）同用'],
  [/^needs --target, e\.g\. (.*)$/, (e) => `需要 --target，如 ${e}`],
  [/^give a baseline, e\.g\. (.*)$/, (e) => `请给出基线，如 ${e}`],
  [/^write I\/N, shard I of N with 0 ≤ I < N, e\.g\. (\S+) \(a Kubernetes Indexed Job: (\S+)\)$/, (e, k) => `请写成 I/N：共 N 份中的第 I 份，0 ≤ I < N，如 ${e}（Kubernetes Indexed Job：${k}）`],
  [/^two scenarios would write (\S+)\.csv and \S+\.json; give files with different names$/, (n) => `两个方案会写出同一个 ${n}.csv 和 ${n}.json：请给文件起不同的名字`],
  // targets, outcomes and levers of the analyses (goal seek, sensitivity)
  [/^unknown indicator "([^"]*)"; one of (.*)$/, (v, list) => `未知指标“${v}”，应为 ${list} 之一`],
  [/^between needs two values: (.*)$/, (e) => `between 需要两个值：${e}`],
  [/^"([^"]*)" takes one value$/, (op) => `“${op}”只接一个值`],
  [/^the lower value (\S+) is above the upper value (\S+)$/, (a, b) => `下限 ${a} 高于上限 ${b}`],
  [/^until (\d+) is before the first year the lever acts, (\d+)$/, (u, f) => `截止年 ${u} 早于调整生效的第一年 ${f}`],
  [/^until (\d+) is after the scenario's horizon (\d+); raise the horizon with --until$/, (u, h) => `截止年 ${u} 晚于方案的测算期 ${h}：请用 --until 延长测算期`],
  [/^the low end (\S+) is above the high end (\S+)$/, (a, b) => `范围的下端 ${a} 高于上端 ${b}`],
  [/^the scenario has no fund "([^"]*)"; its funds: (.*)$/, (f, list) => `方案中没有基金“${f}”；其基金：${list}`],
  [/^say which fund the target is for; the scenario's funds: (.*)$/, (list) => `请指明目标针对哪个基金；方案的基金：${list}`],
  [/^"([^"]*)" is not a range; write LOW:HIGH, e\.g\. (\S+)$/, (v, e) => `“${v}”不是范围：请写成 下限:上限，如 ${e}`],
  [/^nothing sets (\S+) in this scenario: give the range to search with --range LOW:HIGH$/, (p) => `本方案中没有设置 ${paramZh(p)} 的规则：请用 --range 下限:上限 给出搜索范围`],
  [/^(\S+) is a method, not a number a goal seek can set$/, (p) => `${paramZh(p)} 是一种方法，不是目标求解可以设定的数值`],
  [/^"([^"]*)" is neither a parameter of rules\/parameters\.json nor an assumption \(([^)]*)\)(?:; did you mean "([^"]*)"\?)?$/, (n, list, h) => `“${n}”既不是 rules/parameters.json 中的参数，也不是假设（${list}）${h ? `；是否指“${h}”？` : ''}`],
  [/^the year must be from (\d+) to (\d+), not "(.*)"$/, (lo, hi, v) => `年份须在 ${lo} 到 ${hi} 之间，而不是“${v}”`],
  [/^unknown level "([^"]*)"; one of (.*)$/, (v, list) => `未知的政府层级“${v}”，应为 ${list} 之一`],
  [/^unknown outcome "([^"]*)"; one of (\S+(?:, \S+)*) \(e\.g\. (.*)\)$/, (v, list, e) => `未知的结果指标“${v}”，应为 ${list} 之一（如 ${e}）`],
  // last: any other "it is not …" of a flag, after every specific one above
  [/^it is not (.+)$/, (what) => `不是有效的值（应为 ${what}）`],
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
/** "2 years before", "the year before", "the year in force" (resolve.ts's yearsBefore) in Chinese. */
function yearsBeforeZh(rel: string): string {
  if (rel === 'the year in force') return '当年';
  if (rel === 'the year before') return '上一年';
  const m = /^(\d+) years (before|after)$/.exec(rel);
  return m ? `${m[1]} 年${m[2] === 'before' ? '前' : '后'}` : rel;
}

/** A person's category (facts.category) in Chinese. */
export const CATEGORY_ZH: Record<string, string> = { 'in-service': '在职职工', retiree: '退休人员', flexible: '灵活就业人员', resident: '城乡居民' };

function factsZh(facts: string, param: string): string {
  const scheme = (registry.parameters as Record<string, { scheme?: string }>)[param]?.scheme;
  if (scheme === 'employee' || scheme === 'maternity') return facts.split(', ')[0]!;
  const AID: Record<string, string> = { tekun: '特困人员', dibao: '低保对象', fanpin: '返贫致贫人口' };
  return facts
    .split(', ')
    .map((part) => {
      const tier = /^region tier (\d)$/.exec(part);
      const aid = /^aid (\S+)$/.exec(part);
      return tier ? `${tier[1]}类地区` : aid ? (AID[aid[1]!] ?? aid[1]!) : (CATEGORY_ZH[part] ?? part);
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

/** The Chinese text of a reason stated in English, or undefined for a shape not listed. */
export function reasonZh(reason: string): string | undefined {
  for (const [re, zh] of ZH) {
    const m = re.exec(reason);
    if (m) return zh(...m.slice(1));
  }
  return undefined;
}
