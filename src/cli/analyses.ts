/**
 * simulate --sensitivity and --solve: the tornado and the goal seek of
 * src/analyses/ on the command line, as a table, CSV or JSON.
 */
import { writeFileSync } from 'node:fs';
import { InputError } from '../common/errors.ts';
import { defaultRange, fundForLever, goalSeek, parseTarget, describeTarget, type GoalSeekResult } from '../analyses/goal-seek.ts';
import { leverInfo, settingName, type LeverInfo } from '../analyses/levers.ts';
import { describeOutcome, exactProjection, kernelEvaluator, parseOutcome } from '../analyses/outcomes.ts';
import { defaultSwings, tornado, type Tornado } from '../analyses/sensitivity.ts';
import { serializeScenario } from '../scenario/load.ts';
import type { Environment, Prepared } from '../scenario/prepare.ts';
import type { Scenario } from '../scenario/types.ts';
import { csvCell, table, type Io } from './args.ts';

export interface AnalysisOptions {
  format: 'table' | 'csv' | 'json';
  outcome?: string;
  solve?: string;
  target?: string;
  from?: string;
  range?: string;
  fund?: string;
  largest?: boolean;
  out?: string;
}

export async function sensitivityCommand(path: string, scenario: Scenario, prepared: Prepared, env: Environment, opts: AnalysisOptions, io: Io): Promise<void> {
  const outcome = parseOutcome(opts.outcome, prepared);
  const t = await tornado(scenario, defaultSwings(prepared), outcome, kernelEvaluator(env, path));
  io.stdout.write(formatTornado(t, scenario.title, opts.format));
}

const num = (v: number | undefined) => (v === undefined ? '' : Number.isInteger(v) ? String(v) : v.toFixed(2));

function formatTornado(t: Tornado, title: string, format: AnalysisOptions['format']): string {
  const what = describeOutcome(t.outcome);
  if (format === 'json') {
    return (
      JSON.stringify(
        {
          scenario: title,
          outcome: { ...t.outcome, description: what },
          base: t.base ?? null,
          evaluations: t.evaluations,
          bars: t.bars.map((b, i) => ({ rank: i + 1, lever: settingName(b.swing.setting), kind: b.swing.setting.kind, label: b.swing.label, low: b.swing.low, high: b.swing.high, outcomeAtLow: b.low ?? null, outcomeAtHigh: b.high ?? null, effect: b.effect, assumption: b.swing.why })),
        },
        null,
        2,
      ) + '\n'
    );
  }
  const head = ['rank', 'lever', 'low', 'high', 'outcome_at_low', 'outcome_at_high', 'effect', 'why'];
  // A parameter's path is shifted: "-10%" (relative) or "+0.5" (an amount); an assumption is set to the value.
  const shown = (b: Tornado['bars'][number], v: string) => (b.swing.setting.kind === 'parameter-shift' ? `${v.startsWith('-') ? '' : '+'}${v}${b.swing.setting.relative ? '%' : ''}` : v);
  const rows = t.bars.map((b, i) => [String(i + 1), settingName(b.swing.setting), shown(b, b.swing.low), shown(b, b.swing.high), num(b.low), num(b.high), num(b.effect)]);
  if (format === 'csv') return [head, ...t.bars.map((b, i) => [...rows[i]!, b.swing.why.en])].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
  const out = [`# ${title}`, `敏感性分析 sensitivity: ${what.zh} / ${what.en}`, `方案值 in the scenario: ${num(t.base) || '—'}    (${t.evaluations} 次测算 projections)`, ''];
  // The table names each lever as the workbench does; CSV and JSON keep its id.
  const named = rows.map((r, i) => [r[0]!, `${t.bars[i]!.swing.label.zh} ${t.bars[i]!.swing.label.en}`, ...r.slice(2)]);
  out.push(table([['排名 rank', '杠杆 lever', '低值 low', '高值 high', '低值结果 at low', '高值结果 at high', '影响 effect'], ...named]));
  out.push('', '范围依据 ranges (assumptions):', ...t.bars.map((b) => `  - ${b.swing.label.zh} / ${b.swing.label.en}: ${b.swing.why.zh} / ${b.swing.why.en}`), '');
  return out.join('\n');
}

export async function solveCommand(path: string, scenario: Scenario, prepared: Prepared, env: Environment, opts: AnalysisOptions, io: Io): Promise<void> {
  if (!opts.target) throw InputError.one('--solve', '', 'needs --target, e.g. --target "monthsPayable >= 6 until 2040"');
  const lever = leverInfo(opts.solve!, prepared, opts.from);
  const from = lever.setting.kind === 'parameter' ? Number(lever.setting.from.slice(0, 4)) : prepared.input.base.year + 1;
  const target = parseTarget(opts.target, fundForLever(lever, prepared, opts.fund), from, prepared.input.until);
  const [low, high] = defaultRange(lever, opts.range);
  const r = await goalSeek(scenario, { lever, low, high, target, prefer: opts.largest ? 'largest' : 'smallest' }, kernelEvaluator(env, path), exactProjection(env, path));
  if (r.found && opts.out) writeFileSync(opts.out, serializeScenario(r.scenario));
  io.stdout.write(formatSolve(r, lever, low, high, describeTarget(target), scenario.title, opts));
}

/** A lever's unit as the command lines write units (元/年, as the documents do). */
const UNIT_TEXT: Record<string, string> = { 'yuan-per-year': '元/年', 'yuan-per-month': '元/月', percent: '%', months: '个月 months', ratio: '倍 times' };

function formatSolve(r: GoalSeekResult, lever: LeverInfo, low: string, high: string, target: { zh: string; en: string }, title: string, opts: AnalysisOptions): string {
  const name = settingName(lever.setting);
  const from = lever.setting.kind === 'parameter' ? lever.setting.from : undefined;
  if (opts.format === 'json') {
    return (
      JSON.stringify(
        { scenario: title, lever: { ...lever.setting, current: lever.current?.toString() ?? null, unit: lever.unit, step: lever.step.toString(), low, high }, target, ...r, ...(r.found && opts.out ? { written: opts.out } : {}) },
        null,
        2,
      ) + '\n'
    );
  }
  if (opts.format === 'csv') {
    const rows = [['lever', 'from', 'setting', 'year', 'value', 'meets_target']];
    if (r.found) {
      for (const y of r.years) rows.push([name, from ?? '', r.value, String(y.year), y.value ?? '', String(y.meets)]);
      for (const y of r.beyond?.failing ?? []) rows.push([name, from ?? '', r.beyond!.value, String(y.year), y.value ?? '', String(y.meets)]);
    }
    return rows.map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
  }
  const unit = UNIT_TEXT[lever.unit] ? ` ${UNIT_TEXT[lever.unit]}` : '';
  const out = [
    `# ${title}`,
    `目标求解 goal seek: ${target.zh} / ${target.en}`,
    `杠杆 lever: ${lever.label.zh} / ${lever.label.en}; 现值 in force ${lever.current?.toString() ?? '—'}; 范围 range ${low}-${high}, 步长 step ${lever.step.toString()}${unit}`,
  ];
  if (!r.found) return [...out, `无解 ${r.reason.zh}`, `none: ${r.reason.en}`, `(${r.evaluations} 次测算 projections)`, ''].join('\n');
  out.push(`答案 answer: ${name} = ${r.value}${unit}${opts.largest ? '（满足目标的最大值 the largest that meets it）' : '（满足目标的最小值 the smallest that meets it）'}    (${r.evaluations} 次测算 projections, 精确测算确认 confirmed on the exact projection)`, '');
  out.push(table([['年份 year', '指标 value', '达标 meets'], ...r.years.map((y) => [String(y.year), y.value ?? '—', y.meets ? '是 yes' : '否 no'])]));
  if (r.beyond) out.push('', `再差一步 one step beyond, ${name} = ${r.beyond.value}: 未达标年份 fails in ${r.beyond.failing.map((y) => `${y.year} (${y.value ?? '—'})`).join(', ')}`);
  out.push(opts.out ? `方案已写入 scenario written to ${opts.out}` : '用 --out <file.json> 保存为方案文件 / save the answer as a scenario with --out <file.json>', '');
  return out.join('\n');
}
