/**
 * 可支付月数: cumulative balance over a monthly expenditure. Reports do not
 * agree on which expenditure: the banner's 2022 report divides the employee
 * fund by the average of three years but the resident fund by last year's.
 * The base is therefore a named method, recorded per stated figure.
 */
import { D } from '../common/money.ts';
import { div, scale, sumAll, type Approx } from './approx.ts';
import { show, type Evidence, type FigureIndex, type Resolved } from './figures.ts';
import { parsePeriod } from './periods.ts';
import type { MonthsPayableMethod } from './types.ts';

export interface MonthsPayableResult {
  /** "last-year-expenditure", "average-expenditure-of-3-years", "average-income-of-2-years". */
  method: string;
  /** False for the income-based diagnostics, which are not a definition of months payable. */
  expenditureBased: boolean;
  months: Approx;
  formula: string;
  inputs: Evidence[];
}

export function methodLabel(m: MonthsPayableMethod): string {
  return m.name === 'average-expenditure-of-N-years' ? `average-expenditure-of-${m.years}-years` : m.name;
}

type Flow = 'expenditure' | 'income';

/** Average over the N years ending with `year`, per month; undefined if a year is missing. */
function averageOfYears(index: FigureIndex, fund: string, year: number, n: number, flow: Flow) {
  const got: Resolved[] = [];
  for (let y = year - n + 1; y <= year; y++) {
    const r = index.resolve(fund, String(y), flow);
    if (!r || !r.exact) return undefined;
    got.push(r);
  }
  const total = sumAll(got.map((r) => r.approx));
  return {
    monthly: scale(total, new D(1).dividedBy(12 * n)),
    text: n === 1 ? `${got[0]?.text} / 12` : `(${got.map((r) => r.text).join(' + ')}) / ${n} / 12`,
    inputs: got.flatMap((r) => r.evidence),
  };
}

function result(
  cumulative: Resolved,
  base: { monthly: Approx; text: string; inputs: Evidence[] } | undefined,
  method: string,
  expenditureBased: boolean,
): MonthsPayableResult | undefined {
  if (!base) return undefined;
  const months = div(cumulative.approx, base.monthly);
  if (!months) return undefined;
  return {
    method,
    expenditureBased,
    months,
    formula: `${show(cumulative.approx.value, cumulative.unit)} / (${base.text})`,
    inputs: [...cumulative.evidence, ...base.inputs],
  };
}

export function computeMonthsPayable(
  index: FigureIndex,
  fund: string,
  period: string,
  method: MonthsPayableMethod,
): MonthsPayableResult | undefined {
  const p = parsePeriod(period);
  const cumulative = index.resolve(fund, period, 'cumulativeBalance');
  if (!p || !cumulative?.exact) return undefined;
  const label = methodLabel(method);
  switch (method.name) {
    case 'current-year-expenditure': {
      const e = index.resolve(fund, period, 'expenditure');
      if (!e?.exact) return undefined;
      const monthly = scale(e.approx, new D(1).dividedBy(p.months));
      return result(cumulative, { monthly, text: `${e.text} / ${p.months}`, inputs: e.evidence }, label, true);
    }
    case 'last-year-expenditure':
      return result(cumulative, averageOfYears(index, fund, p.year - 1, 1, 'expenditure'), label, true);
    case 'average-expenditure-of-N-years':
      if (p.part !== 'year') return undefined;
      return result(cumulative, averageOfYears(index, fund, p.year, method.years, 'expenditure'), label, true);
  }
}

/**
 * Every base the data allows, to see which reproduces a stated figure. The
 * income averages are included only to expose coincidences: months payable is
 * defined on expenditure.
 */
export function monthsPayableCandidates(index: FigureIndex, fund: string, period: string): MonthsPayableResult[] {
  const out: MonthsPayableResult[] = [];
  const push = (r: MonthsPayableResult | undefined) => r && out.push(r);
  push(computeMonthsPayable(index, fund, period, { name: 'current-year-expenditure' }));
  push(computeMonthsPayable(index, fund, period, { name: 'last-year-expenditure' }));
  const p = parsePeriod(period);
  const cumulative = index.resolve(fund, period, 'cumulativeBalance');
  if (!p || p.part !== 'year' || !cumulative?.exact) return out;
  for (let n = 2; n <= 5; n++) push(computeMonthsPayable(index, fund, period, { name: 'average-expenditure-of-N-years', years: n }));
  for (let n = 1; n <= 5; n++) {
    push(result(cumulative, averageOfYears(index, fund, p.year, n, 'income'), n === 1 ? 'current-year-income' : `average-income-of-${n}-years`, false));
  }
  return out;
}
