/**
 * Derived figures computed from a baseline's own inputs the way the reports
 * compute them — balance rate, months payable, shares, year-on-year changes,
 * budget completion, per-capita funding — each set against the printed
 * figure when there is one. "reproduced": rounding the computed value to the
 * printed precision gives the printed digits; "within-rounding": it does not,
 * but unrounded inputs could have; "differs": nothing could have.
 */
import { D, HUNDRED } from '../common/money.ts';
import { div, exact, overlaps, placesOf, printed, roundTo, scale, sub, sumAll, type Approx } from './approx.ts';
import { approxOf, evidenceOf, precisionOf, FigureIndex, type Evidence } from './figures.ts';
import { computeMonthsPayable, monthsPayableCandidates, type MonthsPayableResult } from './months-payable.ts';
import { sameEarlierYear } from './periods.ts';
import { fromBase, type Unit } from './units.ts';
import type { Baseline, Figure, FundPeriod } from './types.ts';

export type IndicatorKind =
  | 'balance-rate'
  | 'months-payable'
  | 'share'
  | 'yoy-change'
  | 'yoy-rate'
  | 'budget-completion'
  | 'per-capita-total';

export type IndicatorStatus = 'reproduced' | 'within-rounding' | 'differs' | 'unreproduced' | 'computed';

export interface MonthsPayableCandidate {
  method: string;
  expenditureBased: boolean;
  /** Computed months, two decimals. */
  value: string;
  /** Rounded as the report prints. */
  printed: string;
  reproduces: boolean;
}

export interface Indicator {
  kind: IndicatorKind;
  fund: string;
  period: string;
  /** "employee income 2022 vs 2021", "balance rate". */
  label: string;
  /** Pointer of the printed figure compared with, else of the figure computed on. */
  pointer: string;
  unit: Unit;
  /** Computed from the inputs, in `unit`, with the range unrounded inputs allow. */
  value: Approx;
  /** The computed value rounded as the report prints it (two decimals when nothing is printed). */
  printed: string;
  /** The computation in printed figures: "33973.6 / 43370.17 × 100". */
  formula: string;
  stated?: Evidence & { precision: string };
  status: IndicatorStatus;
  /** Months payable: the method used (recorded, or the one found to reproduce). */
  method?: string;
  candidates?: MonthsPayableCandidate[];
  inputs: Evidence[];
  /** Why a value that looks wrong is what it is (a months payable of 0 where the balance is remitted upward). */
  why?: string;
}

/** A balance of 0 needs its reason: the report's remittance upward (上解上级), where it lists one. */
function zeroBalanceWhy(fp: FundPeriod, what: string): string {
  const remit = fp.expenditure?.parts?.remitUp;
  return remit?.value !== undefined
    ? `${what} is 0: the fund remits its balance upward (上解上级支出 ${remit.value} ${remit.unit ?? ''}), so it keeps none`
    : `${what} is 0: the report shows no balance kept`;
}

const DEFAULT_PRECISION = new D('0.01');

/** Base-unit interval → interval in `unit`. */
function inUnit(a: Approx, unit: Unit): Approx {
  return scale(a, fromBase(new D(1), unit));
}

function judge(b: Baseline, value: Approx, unit: Unit, stated: Figure | undefined, pointer: string) {
  if (!stated) {
    // Nothing printed: show it as the report prints this unit elsewhere.
    const p = new D(b.precision[unit] ?? DEFAULT_PRECISION);
    return { status: 'computed' as const, printed: roundTo(value.value, p).toFixed(placesOf(p)) };
  }
  const precision = precisionOf(b, stated);
  const rounded = roundTo(value.value, precision);
  const printedStated = printed(new D(stated.value), precision);
  const status: IndicatorStatus = rounded.eq(stated.value)
    ? 'reproduced'
    : overlaps(value, printedStated)
      ? 'within-rounding'
      : 'differs';
  return {
    status,
    printed: rounded.toFixed(placesOf(precision)),
    stated: { ...evidenceOf(stated, pointer), precision: precision.toString() },
  };
}

function percentOfApprox(part: Approx, whole: Approx): Approx | undefined {
  const q = div(part, whole);
  return q ? scale(q, HUNDRED) : undefined;
}

function make(
  b: Baseline,
  base: Omit<Indicator, 'status' | 'printed' | 'stated'>,
  stated: Figure | undefined,
  statedPointer: string | undefined,
): Indicator {
  const j = judge(b, base.value, base.unit, stated, statedPointer ?? base.pointer);
  const ind: Indicator = { ...base, status: j.status, printed: j.printed };
  if ('stated' in j) {
    ind.stated = j.stated;
    ind.pointer = statedPointer ?? base.pointer;
  }
  return ind;
}

function balanceRates(index: FigureIndex): Indicator[] {
  const b = index.baseline;
  const out: Indicator[] = [];
  for (const [fund, f] of Object.entries(b.funds)) {
    for (const [period, fp] of Object.entries(f.periods)) {
      const inc = index.resolve(fund, period, 'income');
      const bal = index.resolve(fund, period, 'currentBalance');
      if (!inc?.exact || !bal?.exact) continue;
      const value = percentOfApprox(bal.approx, inc.approx);
      if (!value) continue;
      const ptr = `/funds/${fund}/periods/${period}`;
      const ind = make(b, {
        kind: 'balance-rate', fund, period, label: 'balance rate 当期结存率', pointer: `${ptr}/currentBalance`, unit: '%', value,
        formula: `${bal.text} / ${inc.text} × 100`, inputs: [...bal.evidence, ...inc.evidence],
      }, fp.balanceRate, `${ptr}/balanceRate`);
      if (value.value.isZero()) ind.why = zeroBalanceWhy(fp, 'the current balance');
      out.push(ind);
    }
  }
  return out;
}

function candidateOf(r: MonthsPayableResult, stated: Figure | undefined, b: Baseline): MonthsPayableCandidate {
  const precision = stated ? precisionOf(b, stated) : new D(1);
  const p = roundTo(r.months.value, precision);
  return {
    method: r.method,
    expenditureBased: r.expenditureBased,
    value: r.months.value.toDecimalPlaces(2, D.ROUND_HALF_UP).toFixed(2),
    printed: p.toFixed(placesOf(precision)),
    reproduces: stated !== undefined && p.eq(stated.value),
  };
}

function monthsPayable(index: FigureIndex): Indicator[] {
  const b = index.baseline;
  const out: Indicator[] = [];
  for (const [fund, f] of Object.entries(b.funds)) {
    for (const [period, fp] of Object.entries(f.periods)) {
      const stated = fp.monthsPayable;
      const ptr = `/funds/${fund}/periods/${period}/monthsPayable`;
      const candidates = monthsPayableCandidates(index, fund, period);
      const listed = candidates.map((c) => candidateOf(c, stated, b));
      const recorded = stated?.method ? computeMonthsPayable(index, fund, period, stated.method) : undefined;
      const found = candidates.find((c, i) => c.expenditureBased && listed[i]?.reproduces);
      const chosen = recorded ?? (stated ? found : candidates.find((c) => c.expenditureBased));
      const label = 'months payable 可支付月数';
      if (!chosen) {
        if (stated) {
          out.push({
            kind: 'months-payable', fund, period, label, pointer: ptr, unit: '月', value: exact(new D(stated.value)),
            printed: '', formula: 'no expenditure base reproduces the printed figure', status: 'unreproduced',
            stated: { ...evidenceOf(stated, ptr), precision: precisionOf(b, stated).toString() }, candidates: listed, inputs: [],
          });
        }
        continue;
      }
      const ind = make(b, {
        kind: 'months-payable', fund, period, label, pointer: ptr, unit: '月', value: chosen.months,
        formula: chosen.formula, method: chosen.method, candidates: listed, inputs: chosen.inputs,
      }, stated, ptr);
      if (!stated) ind.pointer = `/funds/${fund}/periods/${period}/cumulativeBalance`;
      if (chosen.months.value.isZero()) ind.why = zeroBalanceWhy(fp, 'the cumulative balance');
      out.push(ind);
    }
  }
  return out;
}

/** Shares of a parent fund's figure: printed ones wherever a node has `share`, computed for cumulative balances. */
function shares(index: FigureIndex): Indicator[] {
  const b = index.baseline;
  const out: Indicator[] = [];
  for (const [parent, pf] of Object.entries(b.funds)) {
    for (const child of pf.subFunds?.funds ?? []) {
      for (const period of index.periods(child)) {
        for (const v of index.nodes().filter((n) => n.fund === child && n.period === period)) {
          if (!v.node.share && v.path !== 'cumulativeBalance') continue;
          const part = index.resolve(child, period, v.path);
          const whole = index.resolve(parent, period, v.path);
          if (!part?.exact || !whole?.exact) continue;
          const value = percentOfApprox(part.approx, whole.approx);
          if (!value) continue;
          out.push(make(b, {
            kind: 'share', fund: child, period, label: `share of ${parent} ${v.path} 占比`, pointer: v.pointer, unit: '%', value,
            formula: `${part.text} / ${whole.text} × 100`, inputs: [...part.evidence, ...whole.evidence],
          }, v.node.share, `${v.pointer}/share`));
        }
      }
    }
  }
  return out;
}

function yearOnYear(index: FigureIndex): Indicator[] {
  const b = index.baseline;
  const out: Indicator[] = [];
  for (const l of index.entries()) {
    if (l.origin !== 'stated') continue;
    const v = index.node(l.fund, l.period, l.path);
    if (!v?.node.yoy || l.path.endsWith('.costPerVisit')) continue;
    const cur = l.approx;
    const curText = l.evidence[0]?.value ?? '';
    for (const [i, s] of v.node.yoy.entries()) {
      const sPtr = `${v.pointer}/yoy/${i}`;
      const against = s.against ?? sameEarlierYear(l.period) ?? '';
      const prev = index.resolve(l.fund, against, l.path, sPtr);
      // A table and the text may both state the change: tell the statements apart.
      const which = v.node.yoy.length > 1 ? ` (statement ${i + 1} of ${v.node.yoy.length})` : '';
      const label = `${l.path} ${l.period} vs ${against}${which}`;
      if (prev?.exact) {
        if (s.change) {
          const value = inUnit(sub(cur, prev.approx), s.change.unit);
          out.push(make(b, {
            kind: 'yoy-change', fund: l.fund, period: l.period, label: `change of ${label}`, pointer: sPtr, unit: s.change.unit, value,
            formula: `${curText} - ${prev.text}`, inputs: [...l.evidence, ...prev.evidence],
          }, s.change, `${sPtr}/change`));
        }
        if (s.rate) {
          const q = div(cur, prev.approx);
          if (!q) continue;
          const value = scale(sub(q, exact(new D(1))), HUNDRED);
          out.push(make(b, {
            kind: 'yoy-rate', fund: l.fund, period: l.period, label: `growth of ${label}`, pointer: sPtr, unit: '%', value,
            formula: `(${curText} / ${prev.text} - 1) × 100`, inputs: [...l.evidence, ...prev.evidence],
          }, s.rate, `${sPtr}/rate`));
        }
      } else if (s.change && s.rate) {
        // No earlier figure printed: the change and the rate must agree with each other.
        const change = approxOf(b, s.change);
        const value = percentOfApprox(change, sub(cur, change));
        if (!value) continue;
        out.push(make(b, {
          kind: 'yoy-rate', fund: l.fund, period: l.period, label: `growth of ${label}`, pointer: sPtr, unit: '%', value,
          formula: `${s.change.value} / (${curText} - (${s.change.value})) × 100`,
          inputs: [...l.evidence, evidenceOf(s.change, `${sPtr}/change`)],
        }, s.rate, `${sPtr}/rate`));
      }
    }
  }
  return out;
}

function budgetCompletion(index: FigureIndex): Indicator[] {
  const b = index.baseline;
  const out: Indicator[] = [];
  for (const [fund, f] of Object.entries(b.funds)) {
    for (const [period, fp] of Object.entries(f.periods)) {
      const budget = fp.budget;
      if (!budget) continue;
      for (const flow of ['income', 'expenditure'] as const) {
        const planned = budget[flow];
        const actual = index.resolve(fund, period, flow);
        if (!planned || !actual?.exact) continue;
        const value = percentOfApprox(actual.approx, approxOf(b, planned));
        if (!value) continue;
        const ptr = `/funds/${fund}/periods/${period}/budget`;
        out.push(make(b, {
          kind: 'budget-completion', fund, period, label: `budget completion 预算完成率 (${flow})`, pointer: `${ptr}/${flow}`, unit: '%', value,
          formula: `${actual.text} / ${planned.value} × 100`, inputs: [...actual.evidence, evidenceOf(planned, `${ptr}/${flow}`)],
        }, budget[`${flow}Completion`], `${ptr}/${flow}Completion`));
      }
    }
  }
  return out;
}

function perCapita(index: FigureIndex): Indicator[] {
  const b = index.baseline;
  const out: Indicator[] = [];
  for (const v of index.nodes()) {
    if (v.path !== 'perCapita' || !v.node.parts) continue;
    const parts = Object.keys(v.node.parts).map((k) => index.resolve(v.fund, v.period, `perCapita.${k}`));
    if (parts.some((p) => !p?.exact)) continue;
    const known = parts.filter((p) => p !== undefined);
    const stated = v.node.value !== undefined && v.node.unit && v.node.quote
      ? { value: v.node.value, unit: v.node.unit, quote: v.node.quote } : undefined;
    out.push(make(b, {
      kind: 'per-capita-total', fund: v.fund, period: v.period, label: 'per-capita funding 人均筹资', pointer: v.pointer, unit: '元/人',
      value: sumAll(known.map((p) => p.approx)), formula: known.map((p) => p.text).join(' + '), inputs: known.flatMap((p) => p.evidence),
    }, stated, v.pointer));
  }
  return out;
}

/** All indicators of a baseline, grouped by kind. */
export function computeIndicators(b: Baseline, index = new FigureIndex(b)): Indicator[] {
  return [
    ...balanceRates(index),
    ...monthsPayable(index),
    ...shares(index),
    ...yearOnYear(index),
    ...budgetCompletion(index),
    ...perCapita(index),
  ];
}

