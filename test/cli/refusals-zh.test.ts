/**
 * The command lines refuse in Chinese first: each refusal prints a line "错误：<file or flag> <path>：<reason>"
 * above the English line "error: …", which stays as it was for scripts and logs. Commander's own refusals
 * (an unknown option, a refused value, a missing argument) get their Chinese line too.
 */
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/cli/audit.ts';
import { runBacktest } from '../../src/cli/backtest.ts';
import { runCalc } from '../../src/cli/calc.ts';
import { runSimulate } from '../../src/cli/simulate.ts';
import { runSweep } from '../../src/cli/sweep.ts';
import type { Io } from '../../src/cli/args.ts';

type Runner = (argv: string[], io: Io) => Promise<number>;
const audit: Runner = (argv, io) => runAudit(argv, io.stdout, io.stderr);

async function stderr(cmd: Runner, ...argv: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await cmd(argv, { stdout: { write: () => true }, stderr: { write: (s: string) => (err += s) } });
  return { code, err };
}

const CITY = ['--rules', 'city/medical-maternity-2021', '--date', '2022-05', '--category', 'in-service'];
const BANNER = 'seeds/scenarios/banner-2022.json';

describe('refusals of the command lines in Chinese, above the English line', () => {
  it.each([
    // [command, run, argv, the Chinese line, the English line that follows it]
    ['calc', runCalc, [...CITY, '--wage', '-5', '--series', 'avgMonthlyWage.2020=7000'], '错误：--wage 的值“-5”无效：须大于 0 元/月', "error: option '--wage <元/月>' argument '-5' is invalid. it must be above 0 元/月"],
    ['calc', runCalc, ['--rules', 'city/medical-maternity-2021', '--date', '2022-13', '--category', 'in-service'], '错误：--date 的值“2022-13”无效：没有第 13 月：月份为 01 至 12', "error: option '--date <YYYY-MM>' argument '2022-13' is invalid. month 13 does not exist; months run from 01 to 12"],
    ['calc', runCalc, [...CITY, '--wag', '5000'], '错误：没有选项 --wag（是否指 --wage？）', "error: unknown option '--wag'"],
    ['calc', runCalc, [...CITY, '--series', 'avgMonthlyWage.2020=7000'], '错误：--wage：在职职工必须给出：月工资（元/月），如 --wage 5000', 'error: --wage: it is required for in-service: the monthly wage in 元/月, e.g. --wage 5000'],
    ['calc', runCalc, [...CITY, '--wage', '5000'], '错误：rules/city/medical-maternity-2021.json /rules/5/event/params/employee.base.floor/percentOf：缴费基数下限（employee.base.floor）在 2022-05 没有取值：需要序列 avgMonthlyWage 的 2020 年数值（2 年前），但没有提供：请补上（如 --series avgMonthlyWage.2020=<元/月>）', 'error: rules/city/medical-maternity-2021.json at /rules/5/event/params/employee.base.floor/percentOf: employee.base.floor has no value for 2022-05, in-service: needs the series avgMonthlyWage for 2020 (2 years before), which is missing; supply it (e.g. --series avgMonthlyWage.2020=<元/月>)'],
    ['calc', runCalc, [...CITY, '--wage', '5000', '--set', 'employee.rate.employr=6'], '错误：--set：未知参数“employee.rate.employr”（是否指“employee.rate.employer”？）', 'error: --set: unknown parameter "employee.rate.employr" (did you mean "employee.rate.employer"?)'],
    ['simulate', runSimulate, [BANNER, '--solve', 'resident.individual.standard', '--from', '2026', '--target', 'monthsPayable >= 12 until 2035'], '错误：--from 的值“2026”无效：不是月份：请写成 YYYY-MM，如 2022-09', "error: option '--from <month>' argument '2026' is invalid. it is not a month; write YYYY-MM, e.g. 2022-09"],
    ['simulate', runSimulate, [BANNER, '--paths', 'x'], '错误：--paths 的值“x”无效：不是整数：路径数须为整数', "error: option '--paths <n>' argument 'x' is invalid. it is not a whole number of paths"],
    ['simulate', runSimulate, [BANNER, '--format', 'xml'], '错误：--format 的值“xml”无效：须为 table, csv, json 之一', "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are table, csv, json."],
    ['simulate', runSimulate, [], '错误：缺少参数 scenario.json', "error: missing required argument 'scenario.json'"],
    ['simulate', runSimulate, [BANNER, '--sensitivity', '--solve', 'resident.individual.standard'], '错误：--solve：--sensitivity 与 --solve 只能用其一', 'error: --solve: use --sensitivity or --solve, not both'],
    ['simulate', runSimulate, [BANNER, '--solve', 'resident.individual.standard', '--target', 'monthsPayable >= 6 until 2099'], '错误：--target：截止年 2099 晚于方案的测算期 2035：请用 --until 延长测算期', "error: --target: until 2099 is after the scenario's horizon 2035; raise the horizon with --until"],
    ['simulate', runSimulate, [BANNER, '--sensitivity', '--outcome', 'deficit'], '错误：--outcome：未知的结果指标“deficit”，应为 first-deficit-year, months-payable, subsidy 之一（如 months-payable:resident:2035, first-deficit-year:employee, subsidy:central）', 'error: --outcome: unknown outcome "deficit"; one of first-deficit-year, months-payable, subsidy (e.g. months-payable:resident:2035, first-deficit-year:employee, subsidy:central)'],
    ['sweep', runSweep, ['--shard', '4/4', 'seeds/scenarios'], '错误：--shard 的值“4/4”无效：请写成 I/N：共 N 份中的第 I 份，0 ≤ I < N，如 0/4（Kubernetes Indexed Job：$JOB_COMPLETION_INDEX/N）', "error: option '--shard <I/N>' argument '4/4' is invalid. write I/N, shard I of N with 0 ≤ I < N, e.g. 0/4 (a Kubernetes Indexed Job: $JOB_COMPLETION_INDEX/N)"],
    ['sweep', runSweep, ['no-such-folder'], '错误：no-such-folder：没有这个文件或文件夹', 'error: no-such-folder: no such file or folder'],
    ['audit', audit, ['seeds/baselines/banner-2022.json', '--rules', 'nowhere/none'], '错误：--rules：没有规则集“nowhere/none”；已有：', 'error: --rules: no rule set "nowhere/none"; known: '],
    ['backtest', runBacktest, [], '错误：缺少参数 baseline', "error: missing required argument 'baseline'"],
    ['backtest', runBacktest, ['nowhere-2022'], '错误：命令行：“nowhere-2022”既不是 seeds/baselines/ 中的基线（banner-2022, city-2021-2022h1, county-2019, national-2022, xinjiang-2020），也不是文件', 'error: command line: "nowhere-2022" is neither a baseline under seeds/baselines/ (banner-2022, city-2021-2022h1, county-2019, national-2022, xinjiang-2020) nor a file'],
  ] as [string, Runner, string[], string, string][])('%s %#', async (_name, cmd, argv, zh, en) => {
    const r = await stderr(cmd, ...argv);
    expect(r.code).toBe(2);
    const [first = '', second = ''] = r.err.split('\n');
    expect(first.startsWith(zh), first).toBe(true);
    expect(second.startsWith(en), second).toBe(true);
  }, 60_000);
});

describe('every refusal of the shared flag readers has its own Chinese text', () => {
  it('numbers, whole numbers, years, region tiers and months', async () => {
    const { decimalValue, integerValue, monthValue } = await import('../../src/cli/args.ts');
    const { reasonZh } = await import('../../src/common/reason-zh.ts');
    const refusal = (read: () => unknown): string => {
      try {
        read();
      } catch (err) {
        return (err as Error).message;
      }
      throw new Error('accepted');
    };
    const reasons = [
      refusal(() => decimalValue({ above: '0', unit: '元/月' })('x')),
      refusal(() => decimalValue()('x')),
      refusal(() => decimalValue({ above: '0', unit: '元/月' })('-5')),
      refusal(() => decimalValue({ min: '1' })('0')),
      refusal(() => decimalValue({ max: '100', unit: '%' })('120')),
      ...['a whole number', 'a whole number of paths', 'a year', 'a region tier (1, 2 or 3)'].map((what) => refusal(() => integerValue(1, 3, what)('x'))),
      refusal(() => integerValue(1, 3)('9')),
      refusal(() => monthValue('2026')),
      refusal(() => monthValue('2026-13')),
      refusal(() => monthValue('2026-1')),
    ];
    // Chinese, and no English sentence left in it (units, examples and YYYY-MM may stay as written)
    const english = reasons.filter((r) => !/\p{Script=Han}/u.test(reasonZh(r) ?? '') || /\b(?!YYYY)[A-Za-z]{3,}\b/.test((reasonZh(r) ?? '').replace(/YYYY-MM/g, '')));
    expect(english).toEqual([]);
  });
});
