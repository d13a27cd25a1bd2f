/**
 * The workbench's data on calibration, abnormal years, assumptions in force
 * and the backtest: plain, structured-cloneable data with amounts as exact
 * decimal strings in 万元. Built by the service from the library; no DOM.
 */
import { BACKTEST_LINE_NAMES, type BacktestResult } from '../analyses/backtest.ts';
import { toWan } from '../common/money.ts';
import type { Projection, ProjectionInput } from '../model/project.ts';
import type { AssumptionsInput } from '../model/assumptions.ts';
import { assumptionsInForce, ORIGIN_NAMES, type AssumptionOrigin } from '../report/assumptions.ts';
import { FUND_NAMES } from '../report/names.ts';
import { wanExact } from '../report/summary.ts';
import type { Text } from '../rules/types.ts';

export interface CalibrationView {
  normalise: boolean;
  threshold: string;
  abnormal: { fund: string; side: string; period: string; departure: string; normalised: boolean; reason: Text }[];
  timing: { fund: string; line: string; year: number; to: number | null; quote: string; applied: boolean; amount: string | null }[];
  assumptions: { name: string; value: string; unit: string; origin: AssumptionOrigin; originName: Text; why: Text }[];
}

export function calibrationView(input: ProjectionInput, given: AssumptionsInput | undefined, p: Projection): CalibrationView {
  const c = p.calibration;
  return {
    normalise: c.options.normalise,
    threshold: c.options.threshold,
    abnormal: c.abnormal.map((a) => ({ fund: a.fund, side: a.side, period: `${a.year}${a.half ? '-H1' : ''}`, departure: a.departure.toDecimalPlaces(1).toFixed(1), normalised: a.normalised, reason: a.reason })),
    timing: c.timing.map((t) => ({ fund: t.item.fund, line: t.item.line, year: t.item.year, to: t.item.to ?? null, quote: t.item.quote, applied: t.applied, amount: t.amount ? wanExact(t.amount) : null })),
    assumptions: assumptionsInForce(input, given, p).map((e) => ({ ...e, originName: ORIGIN_NAMES[e.origin] })),
  };
}

/** How a projected line's level was calibrated and, where its fund's base year is abnormal, why: for the "why" panel. */
export function calibrationNote(p: Projection, fund: string, side: 'income' | 'expenditure', line: string): Text | undefined {
  const l = p.calibration.lines.find((x) => x.fund === fund && x.side === side && x.line === line);
  if (!l) return undefined;
  const periods = l.levels.filter((v) => v.used).map((v) => `${v.year}${v.half ? 'H1' : ''}`).join('、');
  const abnormal = p.calibration.abnormal.find((a) => a.fund === fund && a.side === side && a.normalised);
  const how: Text =
    l.method === 'last'
      ? { zh: `起点取${p.baseYear}年报告数`, en: `level of the ${p.baseYear} report` }
      : { zh: `起点取${periods}${l.method === 'average' ? '平均' : '趋势'}水平 ${toWan(l.anchor).toFixed(2)}万元（报告 ${toWan(l.reported).toFixed(2)}万元）`, en: `level: the ${l.method} of ${periods.replace(/、/g, ', ')}, ${toWan(l.anchor).toFixed(2)} (10k yuan; reported ${toWan(l.reported).toFixed(2)})` };
  return abnormal ? { zh: `${how.zh}；${abnormal.reason.zh}`, en: `${how.en}; ${abnormal.reason.en}` } : how;
}

export interface BacktestView {
  runs: { from: number; modelError: string | null; naiveError: string | null; caveats: Text[] }[];
  rows: { from: number; fund: string; fundName: Text; line: string; lineName: Text; period: string; half: boolean; reported: string; model: string; modelError: string | null; naive: string | null; naiveError: string | null }[];
  skipped: { from: number; reason: string }[];
}

export function backtestView(r: BacktestResult): BacktestView {
  const pct = (v: { toDecimalPlaces(n: number): { toFixed(n: number): string } } | undefined) => (v ? v.toDecimalPlaces(1).toFixed(1) : null);
  return {
    runs: r.runs.map((x) => ({ from: x.from, modelError: pct(x.modelMape), naiveError: pct(x.naiveMape), caveats: x.caveats })),
    rows: r.rows.map((x) => ({
      from: x.from,
      fund: x.fund,
      fundName: FUND_NAMES[x.fund],
      line: x.line,
      lineName: BACKTEST_LINE_NAMES[x.line],
      period: `${x.year}${x.half ? '-H1' : ''}`,
      half: x.half,
      reported: wanExact(x.reported),
      model: toWan(x.model).toDecimalPlaces(2).toFixed(2),
      modelError: pct(x.modelError),
      naive: x.naive ? toWan(x.naive).toDecimalPlaces(2).toFixed(2) : null,
      naiveError: pct(x.naiveError),
    })),
    skipped: r.skipped,
  };
}
