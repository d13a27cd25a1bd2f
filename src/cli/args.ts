/**
 * The command lines' one setup (commander): `--help` with examples, values
 * parsed and range-checked per flag, and one error style for every command:
 *
 *   错误：<file or flag> <JSON path>：<reason in Chinese>
 *   error: <file or flag> at <JSON path>: <reason>      exit 2
 *
 * The Chinese line comes first wherever the reason has a Chinese text
 * (src/common/reason-zh.ts); the English line is always printed, unchanged, for
 * scripts and logs that match it.
 *
 * A refused value is described as invalid, never as missing; a negative
 * number is taken as a value (`--wage -5`) and then refused by its range.
 * Exit codes: 0 done (findings are output, not failure), 2 input refused,
 * 1 an unexpected failure of the program itself.
 */
import { pathToFileURL } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { InputError, formatProblem, type InputProblem } from '../common/errors.ts';
import { reasonZh } from '../common/reason-zh.ts';
export { grouped } from '../common/grouped.ts';
import { readTextFile } from '../common/node-file.ts';
import { D, isDecimalLiteral } from '../common/money.ts';
import { parseMonth } from '../common/period.ts';

export { Option };

export interface Output {
  write(text: string): unknown;
}

export interface Io {
  stdout: Output;
  stderr: Output;
}

const EXIT_OK = 0;
const EXIT_REFUSED = 2;
const EXIT_FAILED = 1;

/** A command with the shared settings; `examples` are printed by --help. */
export function cliProgram(io: Io, name: string, description: string, examples: string[]): Command {
  return new Command(name)
    .description(description)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: (s, write) => write(commanderZh(s) + s) })
    .configureHelp({ displayWidth })
    .showSuggestionAfterError(true)
    .showHelpAfterError(`(npm run ${name} -- --help：用法与示例 usage and examples)`)
    .allowExcessArguments(false)
    .helpOption('-h, --help', 'show usage and examples / 显示用法与示例')
    .addHelpText('after', `\nExamples / 示例:\n${examples.map((e) => `  ${e}`).join('\n')}\n`);
}

/**
 * Parse argv (without node and the script) and run the command's action.
 * Returns the exit code; everything is written to `io`, so tests run commands in-process.
 */
export async function runProgram(program: Command, argv: string[], io: Io): Promise<number> {
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (err) {
    // commander has already printed its own "error: ..." (or the help, exit code 0).
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT_OK : EXIT_REFUSED;
    if (err instanceof InputError) {
      for (const p of err.problems) io.stderr.write(problemLines(p));
      return EXIT_REFUSED;
    }
    const why = (err as Error).message ?? String(err);
    io.stderr.write(`错误：程序出错（请连同所运行的命令一起报告）：${why}\nerror: the program failed (please report this with the command you ran): ${why}\n`);
    return EXIT_FAILED;
  }
}

/** A refusal or a warning as the command lines print it: the Chinese line, where the reason has one, above the English line. */
export function problemLines(p: InputProblem, kind: 'error' | 'warning' = 'error'): string {
  const en = `${kind}: ${formatProblem(p)}\n`;
  const zh = p.message?.zh ?? reasonZh(p.reason);
  if (!zh) return en;
  const file = p.file === 'command line' ? '命令行' : p.file;
  return `${kind === 'error' ? '错误' : '警告'}：${file}${p.path ? ` ${p.path}` : ''}：${zh}\n${en}`;
}

/** The Chinese line above one of commander's own refusals (an unknown option, a refused value, a missing argument). */
function commanderZh(text: string): string {
  const [first = '', hint] = text.split('\n');
  const suggestion = hint && /^\(Did you mean (.+)\?\)$/.exec(hint);
  const also = suggestion ? `（是否指 ${suggestion[1]}？）` : '';
  let m: RegExpExecArray | null;
  if ((m = /^error: option '(\S+)[^']*' argument '(.*)' is invalid\. (.*)$/.exec(first))) {
    const choices = /^Allowed choices are (.*)\.$/.exec(m[3]!);
    return `错误：${m[1]} 的值“${m[2]}”无效：${choices ? `须为 ${choices[1]} 之一` : (reasonZh(m[3]!) ?? m[3])}\n`;
  }
  if ((m = /^error: unknown option '(.*)'$/.exec(first))) return `错误：没有选项 ${m[1]}${also}\n`;
  if ((m = /^error: missing required argument '(.*)'$/.exec(first))) return `错误：缺少参数 ${m[1]}\n`;
  if ((m = /^error: option '(\S+)[^']*' argument missing$/.exec(first))) return `错误：${m[1]} 缺少取值\n`;
  if ((m = /^error: too many arguments/.exec(first))) return '错误：参数过多\n';
  return '';
}

/** When `moduleUrl` is the script node was started with, run it on process.argv and set the exit code. */
export async function runIfMain(moduleUrl: string, run: (argv: string[], io: Io) => Promise<number>): Promise<void> {
  if (process.argv[1] && moduleUrl === pathToFileURL(process.argv[1]).href) {
    // Output piped into a reader that stops early (`| head`): stop quietly, as other command-line tools do.
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      process.exit(process.exitCode ?? 0);
    });
    process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
  }
}

/** A refusal of the command line as a whole, or of one flag (`flag` like "--set"). */
export function usageError(reason: string, flag = ''): InputError {
  return InputError.one(flag || 'command line', '', reason);
}

/** Rules in one load from which the command line reports its progress on stderr. */
export const PROGRESS_FROM_RULES = 2000;

/**
 * Progress of a long load on stderr ("rules.json: 24000 rules checked (0.4 s)"), so a
 * user waiting on a large file sees it move; silent for ordinary sizes.
 */
export function progress(io: Io, what: string, rules: number): (step: string) => void {
  if (rules < PROGRESS_FROM_RULES) return () => {};
  const start = performance.now();
  return (step) => io.stderr.write(`${what}: ${step} (${((performance.now() - start) / 1000).toFixed(1)} s)\n`);
}

/** Read a file the user named; a missing or unreadable file is refused naming the flag it came from. */
export function readUserFile(path: string, flag?: string): string {
  return readTextFile(path, flag ? `${flag} ${path}` : path);
}

export interface NumberRange {
  /** Inclusive bounds. */
  min?: string;
  max?: string;
  /** Exclusive lower bound (a wage must be above 0). */
  above?: string;
  unit?: string;
}

/** A decimal number as typed (kept as a string for decimal.js), refused when not a number or out of range. */
export function decimalValue(range: NumberRange = {}): (value: string) => string {
  const unit = range.unit ? ` ${range.unit}` : '';
  return (value) => {
    const v = value.trim();
    if (!isDecimalLiteral(v)) throw new InvalidArgumentError(`it is not a number${unit ? ` of${unit}` : ''}; write digits, e.g. 5000 or 5000.50`);
    const d = new D(v);
    if (range.above !== undefined && d.lte(range.above)) throw new InvalidArgumentError(`it must be above ${range.above}${unit}`);
    if (range.min !== undefined && d.lt(range.min)) throw new InvalidArgumentError(`it must be at least ${range.min}${unit}`);
    if (range.max !== undefined && d.gt(range.max)) throw new InvalidArgumentError(`it must be at most ${range.max}${unit}`);
    return v;
  };
}

/** A whole number within [min, max]. */
export function integerValue(min: number, max: number, what = 'a whole number'): (value: string) => number {
  return (value) => {
    const v = value.trim();
    if (!/^-?[0-9]+$/.test(v)) throw new InvalidArgumentError(`it is not ${what}`);
    const n = Number(v);
    if (n < min || n > max) throw new InvalidArgumentError(`it must be from ${min} to ${max}`);
    return n;
  };
}

/** A month as YYYY-MM; says which part is wrong. */
export function monthValue(value: string): string {
  const v = value.trim();
  if (parseMonth(v) !== undefined) return v;
  const m = /^([0-9]{4})-([0-9]{1,2})$/.exec(v);
  if (m && (Number(m[2]) < 1 || Number(m[2]) > 12)) throw new InvalidArgumentError(`month ${m[2]} does not exist; months run from 01 to 12`);
  if (m && m[2]!.length === 1) throw new InvalidArgumentError(`write the month with two digits: ${m[1]}-0${m[2]}`);
  throw new InvalidArgumentError('it is not a month; write YYYY-MM, e.g. 2022-09');
}

/** For repeatable flags (--set a=1 --set b=2). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** One cell of CSV, quoted where it holds a comma, a quote or a line break. */
export function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Columns a string takes in a terminal: CJK characters take two. */
function displayWidth(s: string): number {
  return [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
}

/** Render rows as an aligned text table; widths count CJK characters as two columns. */
export function table(rows: string[][]): string {
  const width = displayWidth;
  const cols = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, c) => Math.max(...rows.map((r) => width(r[c] ?? ''))));
  return rows
    .map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell + ' '.repeat(widths[c]! - width(cell)))).join('  '))
    .join('\n');
}
