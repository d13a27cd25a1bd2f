/**
 * The figure index: every printed figure of a baseline located by fund,
 * period and dotted path, as an interval in base units. It also holds the
 * figures a report implies without printing them — last year's income from
 * "增长609.18万元" — because reports often print a change instead of the
 * earlier figure, and the audit must check those too.
 */
import { D, type Dec } from '../common/money.ts';
import { add, exact, printed, scale, sub, sumAll, div, type Approx } from './approx.ts';
import { sameEarlierYear, parsePeriod } from './periods.ts';
import { fromBase, toBase, type Unit } from './units.ts';
import type { Baseline, Figure, YearOnYear } from './types.ts';
import { periodNodes, figureOf, type NodeVisit } from './walk.ts';

/** A printed figure cited as evidence: where it is, what it says, the words. */
export interface Evidence {
  pointer: string;
  value: string;
  unit: Unit;
  quote: string;
  note?: string;
}

export interface Located {
  fund: string;
  period: string;
  path: string;
  pointer: string;
  unit: Unit;
  /** In base units (元, 人, 人次, ...). */
  approx: Approx;
  origin: 'stated' | 'implied';
  /** What it rests on: the figure itself, or for an implied one the later figure and the stated change. */
  evidence: Evidence[];
  /** For implied figures: "6692.82 - 609.18". */
  derivation?: string;
  /** For implied figures: pointer of the yoy statement used. */
  statement?: string;
}

/** A value the audit can use: printed, implied, or the sum of a breakdown's parts. */
export interface Resolved {
  approx: Approx;
  unit: Unit;
  /** False when only some parts are known: the value is then a lower bound. */
  exact: boolean;
  how: 'stated' | 'implied' | 'parts';
  evidence: Evidence[];
  /** How it was obtained, in printed figures, parenthesized when compound: "(3114 + 663 + 85.02 + 270.89)". */
  text: string;
}

export function precisionOf(b: Baseline, f: Pick<Figure, 'unit' | 'precision' | 'value'>): Dec {
  const p = f.precision ?? b.precision[f.unit];
  // The loader refuses figures without a precision; this fallback serves partial inputs only.
  return new D(p ?? `1e-${f.value.includes('.') ? f.value.length - f.value.indexOf('.') - 1 : 0}`);
}

/** A printed figure as an interval in base units. */
export function approxOf(b: Baseline, f: Figure): Approx {
  return scale(printed(new D(f.value), precisionOf(b, f)), toBase(new D(1), f.unit));
}

export function evidenceOf(f: Figure, pointer: string): Evidence {
  const e: Evidence = { pointer, value: f.value, unit: f.unit, quote: f.quote };
  if (f.note !== undefined) e.note = f.note;
  return e;
}

/** A base-unit value shown in a unit, trimmed to at most `places` decimals. */
export function show(value: Dec, unit: Unit, places = 2): string {
  const v = fromBase(value, unit);
  const dp = Math.min(v.decimalPlaces(), places);
  return v.toDecimalPlaces(dp, D.ROUND_HALF_UP).toFixed(dp);
}

const key = (fund: string, period: string, path: string) => `${fund}|${period}|${path}`;

export class FigureIndex {
  readonly baseline: Baseline;
  readonly #located = new Map<string, Located>();
  readonly #nodes = new Map<string, NodeVisit>();

  constructor(baseline: Baseline) {
    this.baseline = baseline;
    const visits = [...periodNodes(baseline)];
    for (const v of visits) {
      this.#nodes.set(key(v.fund, v.period, v.path), v);
      const f = figureOf(v.node);
      if (f) this.#add(v, f, v.pointer, '');
      if (v.node.costPerVisit) this.#add(v, v.node.costPerVisit, `${v.pointer}/costPerVisit`, '.costPerVisit');
    }
    for (const v of visits) this.#imply(v);
  }

  #add(v: NodeVisit, f: Figure, ptr: string, suffix: string): void {
    this.#located.set(key(v.fund, v.period, v.path + suffix), {
      fund: v.fund,
      period: v.period,
      path: v.path + suffix,
      pointer: ptr,
      unit: f.unit,
      approx: approxOf(this.baseline, f),
      origin: 'stated',
      evidence: [evidenceOf(f, ptr)],
    });
  }

  /** The earlier figure a stated change implies, when the report does not print it. */
  #imply(v: NodeVisit): void {
    const f = figureOf(v.node);
    if (!f || !v.node.yoy) return;
    for (const [i, s] of v.node.yoy.entries()) {
      const against = s.against ?? sameEarlierYear(v.period);
      if (!against || this.#located.has(key(v.fund, against, v.path))) continue;
      const derived = impliedEarlier(this.baseline, f, s);
      if (!derived) continue;
      const statement = `${v.pointer}/yoy/${i}`;
      const stmt = s.change ?? s.rate;
      this.#located.set(key(v.fund, against, v.path), {
        fund: v.fund,
        period: against,
        path: v.path,
        pointer: statement,
        unit: f.unit,
        approx: derived.approx,
        origin: 'implied',
        evidence: [evidenceOf(f, v.pointer), ...(stmt ? [evidenceOf(stmt, `${statement}/${s.change ? 'change' : 'rate'}`)] : [])],
        derivation: derived.text,
        statement,
      });
      return;
    }
  }

  get(fund: string, period: string, path: string): Located | undefined {
    return this.#located.get(key(fund, period, path));
  }

  node(fund: string, period: string, path: string): NodeVisit | undefined {
    return this.#nodes.get(key(fund, period, path));
  }

  entries(): Located[] {
    return [...this.#located.values()];
  }

  nodes(): NodeVisit[] {
    return [...this.#nodes.values()];
  }

  /** Periods of a fund that hold printed or implied figures, in time order. */
  periods(fund: string): string[] {
    const set = new Set<string>();
    for (const l of this.#located.values()) if (l.fund === fund) set.add(l.period);
    return [...set].sort(comparePeriods);
  }

  /**
   * A figure as printed or implied; failing that, the sum of its parts —
   * exact when the parts are exhaustive and all known, else a lower bound
   * (only for quantities that cannot be negative).
   */
  resolve(fund: string, period: string, path: string, exclude?: string): Resolved | undefined {
    const l = this.get(fund, period, path);
    // `exclude`: a yoy statement whose implied figure must not be used to check that same statement.
    if (l && !(exclude !== undefined && l.statement === exclude)) {
      return {
        approx: l.approx,
        unit: l.unit,
        exact: true,
        how: l.origin,
        evidence: l.evidence,
        text: l.derivation !== undefined ? `(${l.derivation})` : (l.evidence[0]?.value ?? ''),
      };
    }
    const v = this.node(fund, period, path);
    if (!v?.node.parts) return undefined;
    const parts: Resolved[] = [];
    let complete = v.node.exhaustive === true;
    for (const k of Object.keys(v.node.parts)) {
      const r = this.resolve(fund, period, `${path}.${k}`);
      if (r) parts.push(r);
      if (!r || !r.exact) complete = false;
    }
    const first = parts[0];
    if (!first) return undefined;
    const nonNegative = v.spec.min !== undefined && new D(v.spec.min).gte(0);
    if (!complete && !nonNegative) return undefined;
    return {
      approx: sumAll(parts.map((p) => p.approx)),
      unit: first.unit,
      exact: complete,
      how: 'parts',
      evidence: parts.flatMap((p) => p.evidence),
      text: parts.length === 1 ? first.text : `(${parts.map((p) => p.text).join(' + ')})`,
    };
  }

  /** For models: an exact printed-or-implied value in base units (元, 人, 人次), or in `unit`. */
  value(fund: string, period: string, path: string, unit?: Unit): Dec | undefined {
    const r = this.resolve(fund, period, path);
    if (!r || !r.exact) return undefined;
    return unit ? fromBase(r.approx.value, unit) : r.approx.value;
  }
}

/** "2021" < "2021-H1"? No: periods sort by first month, whole years before their parts. */
export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (!pa || !pb) return a.localeCompare(b);
  return pa.year - pb.year || pa.firstMonth - pb.firstMonth || pb.months - pa.months;
}

/** this - change, or this / (1 + rate). */
function impliedEarlier(b: Baseline, f: Figure, s: YearOnYear): { approx: Approx; text: string } | undefined {
  const cur = approxOf(b, f);
  if (s.change) {
    return { approx: sub(cur, approxOf(b, s.change)), text: `${f.value} - (${s.change.value})` };
  }
  if (s.rate) {
    const factor = add(exact(new D(1)), scale(approxOf(b, s.rate), new D('0.01')));
    const q = div(cur, factor);
    return q ? { approx: q, text: `${f.value} / (1 + ${s.rate.value}%)` } : undefined;
  }
  return undefined;
}

