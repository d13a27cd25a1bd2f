/**
 * Backtest: project from each earlier reported year with only the fund data
 * up to it, and set the projection of every later reported period beside the
 * report and beside a naive forecast (the start year carried forward with the
 * growth of the year before it), so the reader sees whether the model adds
 * anything. A half year is compared with half the projected year.
 *
 * The start year's cumulative balance and insured counts may be derived from
 * later printed figures (rolled back by the current balances and the stated
 * yearly change); that is said in the caveats.
 */
import { InputError } from '../common/errors.ts';
import { D, sum, type Dec } from '../common/money.ts';
import type { FundId, ReportedPeriod } from '../model/base-year.ts';
import { project } from '../model/project.ts';
import { FUND_NAMES } from '../report/names.ts';
import { prepareScenario, type Environment } from '../scenario/prepare.ts';
import type { Scenario } from '../scenario/types.ts';

export type BacktestLine = 'income' | 'expenditure' | 'cumulative';

export interface BacktestRow {
  /** The year the projection starts from. */
  from: number;
  fund: FundId;
  line: BacktestLine;
  /** The period compared: a year or its first half. */
  year: number;
  half: boolean;
  /** In 元. */
  reported: Dec;
  model: Dec;
  naive?: Dec;
  /** (model − reported) / reported, percent; undefined where nothing was reported. */
  modelError?: Dec;
  naiveError?: Dec;
}

export interface BacktestRun {
  from: number;
  /** Mean absolute percentage error over the rows of this start year, model and naive (over the rows both have). */
  modelMape?: Dec;
  naiveMape?: Dec;
  caveats: { zh: string; en: string }[];
}

export interface BacktestResult {
  baseline: string;
  runs: BacktestRun[];
  rows: BacktestRow[];
  /** Start years that could not be used, and why. */
  skipped: { from: number; reason: string }[];
}

const LINES: BacktestLine[] = ['income', 'expenditure', 'cumulative'];

/** Every full year that has a later reported period to compare with. */
function startYears(history: ReportedPeriod[]): number[] {
  const full = [...new Set(history.filter((p) => !p.half).map((p) => p.year))].sort((a, b) => a - b);
  return full.filter((y) => history.some((p) => p.year > y));
}

function reportedValue(p: ReportedPeriod, fund: FundId, line: BacktestLine): Dec | undefined {
  const f = p.funds[fund];
  if (!f) return undefined;
  if (line === 'cumulative') return f.cumulative;
  const lines = f[line];
  return lines && Object.keys(lines).length ? sum(Object.values(lines) as Dec[]) : undefined;
}

/**
 * @param scenario the rules and assumptions to project under (its baseline is the one backtested)
 * @param from only this start year (else every year with a later report)
 */
export async function backtest(scenario: Scenario, file: string, env: Environment, from?: number): Promise<BacktestResult> {
  const full = await prepareScenario({ ...scenario }, file, env);
  const history = full.input.base.history ?? [];
  const years = startYears(history);
  if (from !== undefined && !years.includes(from)) {
    throw InputError.one('--from', '', `${from} is not a reported full year with a later report to compare with; the baseline allows ${years.join(', ') || 'none'}`);
  }
  const result: BacktestResult = { baseline: full.input.base.source, runs: [], rows: [], skipped: [] };
  const lastYear = Math.max(...history.map((p) => p.year));
  for (const y0 of from === undefined ? years : [from]) {
    let prepared;
    try {
      prepared = await prepareScenario({ ...scenario, baseYear: y0, until: Math.max(lastYear, y0 + 1) }, file, env);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      result.skipped.push({ from: y0, reason: err.problems.map((p) => p.reason).join('; ') });
      continue;
    }
    const base = prepared.input.base;
    // Only the fund data up to the start year: later periods and statements are withheld from calibration.
    base.history = history.filter((p) => p.year <= y0);
    base.timing = (base.timing ?? []).filter((t) => t.year <= y0);
    const projection = project(prepared.input);
    const caveats = [...(base.derived ?? [])];
    const runRows: BacktestRow[] = [];
    const at = (year: number) => history.find((p) => p.year === year && !p.half);
    for (const fp of projection.funds) {
      for (const line of LINES) {
        // The start year's own figure (its cumulative balance as the projection starts from it, printed or rolled back).
        const start = line === 'cumulative' ? fp.years[0]!.cumulative : at(y0) && reportedValue(at(y0)!, fp.id, line);
        const before = at(y0 - 1) && reportedValue(at(y0 - 1)!, fp.id, line);
        const side = line === 'cumulative' ? 'expenditure' : line;
        if (!(at(y0) && reportedValue(at(y0)!, fp.id, side))) {
          const name = FUND_NAMES[fp.id];
          if (line !== 'cumulative') caveats.push({ zh: `${name.zh}${y0}年${BACKTEST_LINE_NAMES[line].zh}未报告：不作对比`, en: `${name.en}: ${BACKTEST_LINE_NAMES[line].en} not reported for ${y0}, not compared` });
          continue;
        }
        for (const p of history) {
          if (p.year <= y0) continue;
          if (p.half && line === 'cumulative') continue;
          const reported = reportedValue(p, fp.id, line);
          const fy = fp.years.find((y) => y.year === p.year);
          if (reported === undefined || !fy) continue;
          const f = p.half ? new D(0.5) : new D(1);
          const model = (line === 'income' ? fy.incomeTotal : line === 'expenditure' ? fy.expenditureTotal : fy.cumulative).times(f);
          const naive = naiveAt(line, p.year, y0, start, before, at(y0)?.funds[fp.id], at(y0 - 1)?.funds[fp.id])?.times(f);
          const err = (v: Dec | undefined) => (v === undefined || reported.isZero() ? undefined : v.minus(reported).dividedBy(reported.abs()).times(100));
          runRows.push({ from: y0, fund: fp.id, line, year: p.year, half: p.half, reported, model, naive, modelError: err(model), naiveError: err(naive) });
        }
      }
    }
    const both = runRows.filter((r) => r.modelError !== undefined && r.naiveError !== undefined && r.line !== 'cumulative');
    const mape = (get: (r: BacktestRow) => Dec) => (both.length ? sum(both.map((r) => get(r).abs())).dividedBy(both.length) : undefined);
    result.runs.push({ from: y0, modelMape: mape((r) => r.modelError!), naiveMape: mape((r) => r.naiveError!), caveats });
    result.rows.push(...runRows);
  }
  return result;
}

/**
 * The naive forecast: the start year's figure carried forward with the growth
 * from the year before it (flat without one). The naive cumulative balance
 * adds the naive current balances to the start year's.
 */
function naiveAt(
  line: BacktestLine,
  year: number,
  y0: number,
  start: Dec | undefined | false,
  before: Dec | undefined | false,
  f0: ReportedPeriod['funds'][FundId],
  f1: ReportedPeriod['funds'][FundId],
): Dec | undefined {
  const grow = (v0: Dec | undefined, v1: Dec | undefined, n: number) => (v0 === undefined ? undefined : v1 && !v1.isZero() && v0.dividedBy(v1).isPositive() ? v0.times(v0.dividedBy(v1).pow(n)) : v0);
  if (line !== 'cumulative') return start ? grow(start, before || undefined, year - y0) : undefined;
  if (!start) return undefined;
  const total = (f: typeof f0, side: 'income' | 'expenditure') => (f?.[side] ? sum(Object.values(f[side]!) as Dec[]) : undefined);
  let cum = start;
  for (let y = y0 + 1; y <= year; y++) {
    const inc = grow(total(f0, 'income'), total(f1, 'income'), y - y0);
    const exp = grow(total(f0, 'expenditure'), total(f1, 'expenditure'), y - y0);
    if (!inc || !exp) return undefined;
    cum = cum.plus(inc).minus(exp);
  }
  return cum;
}

export const BACKTEST_LINE_NAMES: Record<BacktestLine, { zh: string; en: string }> = {
  income: { zh: '收入', en: 'income' },
  expenditure: { zh: '支出', en: 'expenditure' },
  cumulative: { zh: '累计结存', en: 'cumulative balance' },
};

