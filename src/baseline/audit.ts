/**
 * The audit: every accounting identity a report breaks, with the amounts and
 * the sentences involved. A difference is reported only when no unrounded
 * values could have produced all the printed figures (see approx.ts), so a
 * report in whole 万元 that is off by one is not a finding, while 0.90 万元 in
 * a report printed to 0.01 万元 is.
 */
import { D, ZERO, type Dec } from '../common/money.ts';
import { approxOf, evidenceOf, FigureIndex, show, type Evidence, type Resolved } from './figures.ts';
import { add, halfWidth, overlaps, printed, scale, sub, sumAll, type Approx } from './approx.ts';
import { computeIndicators, type Indicator } from './indicators.ts';
import { openingPeriods } from './periods.ts';
import { convert, dimensionOf, toBase, UNIT_SPECS, type Unit } from './units.ts';
import type { Baseline, Figure, Target } from './types.ts';
import { contributionNodes, figureOf, type NodeVisit } from './walk.ts';

export type CheckName =
  | 'parts-sum'
  | 'sub-funds'
  | 'balance'
  | 'cumulative'
  | 'assets'
  | 'restatement'
  | 'unit-slip'
  | 'stated-change'
  | 'stated-ratio'
  | 'months-payable'
  | 'performance';

export interface Finding {
  check: CheckName;
  fund: string;
  period: string;
  /** Pointer of the printed figure contradicted. */
  pointer: string;
  /** One sentence with the amounts. */
  message: string;
  unit: Unit;
  /** The printed figure. */
  stated: Evidence;
  /** What the report's other figures make it, in `unit`. */
  expected: Dec;
  /** How `expected` was computed, in printed figures. */
  formula: string;
  /** expected - stated, in `unit`. */
  difference: Dec;
  /** What rounding of every figure involved could explain, in `unit`. */
  tolerance: Dec;
  /** The other figures involved, with their quotes. */
  involved: Evidence[];
  hints: string[];
}

export interface AuditResult {
  findings: Finding[];
  indicators: Indicator[];
}

const ONE = new D(1);

/** Places to show for a unit: those of the report's printed precision, plus `extra`. */
function placesFor(b: Baseline, unit: Unit, extra = 0): number {
  const p = b.precision[unit];
  return Math.max(0, p ? new D(p).decimalPlaces() : 2) + extra;
}

class Auditor {
  readonly findings: Finding[] = [];
  readonly b: Baseline;
  readonly index: FigureIndex;

  constructor(index: FigureIndex) {
    this.index = index;
    this.b = index.baseline;
  }

  /** Record a finding if `expected` (base units) cannot be the printed `stated`. */
  compare(args: {
    check: CheckName;
    fund: string;
    period: string;
    expected: Approx;
    stated: Approx;
    statedEvidence: Evidence;
    unit: Unit;
    formula: string;
    involved: Evidence[];
    message: (e: string, s: string, d: string, t: string) => string;
    hints?: string[];
  }): void {
    if (overlaps(args.expected, args.stated)) return;
    const u = args.unit;
    const inUnit = (v: Dec) => convert(v, UNIT_SPECS[u].base, u);
    const expected = inUnit(args.expected.value);
    const stated = inUnit(args.stated.value);
    const difference = expected.minus(stated);
    const tolerance = inUnit(halfWidth(args.expected).plus(halfWidth(args.stated)));
    // Ratios and months get two more places so a 0.0117 % difference does not print as 0.01.
    const places = placesFor(this.b, u, u === '%' || u === '月' ? 2 : 0);
    const fmt = (v: Dec) => v.toDecimalPlaces(places, D.ROUND_HALF_UP).toFixed(places);
    const hints = [...(args.hints ?? []), ...this.coincidences(args)];
    this.findings.push({
      check: args.check,
      fund: args.fund,
      period: args.period,
      pointer: args.statedEvidence.pointer,
      message: args.message(fmt(expected), args.statedEvidence.value, fmt(difference), trim(tolerance, places + 2)),
      unit: u,
      stated: args.statedEvidence,
      expected,
      formula: args.formula,
      difference,
      tolerance,
      involved: args.involved,
      hints,
    });
  }

  /** A difference that equals another printed figure, or a total that matches another line, says where to look. */
  coincidences(args: { fund: string; period: string; expected: Approx; stated: Approx; statedEvidence: Evidence; involved: Evidence[]; unit: Unit }): string[] {
    const out: string[] = [];
    const used = new Set([args.statedEvidence.pointer, ...args.involved.map((e) => e.pointer)]);
    const diff = args.expected.value.minus(args.stated.value).abs();
    const dim = dimensionOf(args.unit);
    for (const l of this.index.entries()) {
      if (l.origin !== 'stated' || l.period !== args.period || used.has(l.pointer) || dimensionOf(l.unit) !== dim) continue;
      if (l.path.endsWith('.costPerVisit')) continue;
      const e = l.evidence[0];
      if (!e) continue;
      if (!diff.isZero() && l.approx.value.abs().eq(diff)) {
        out.push(`the difference equals ${l.fund} ${l.path} ${e.value} ${e.unit} ("${e.quote}")`);
      } else if (l.fund === args.fund && overlaps(l.approx, args.expected) && !l.approx.value.isZero()) {
        out.push(`the computed ${show(args.expected.value, args.unit)} matches ${l.fund} ${l.path} ${e.value} ${e.unit} instead ("${e.quote}")`);
      }
    }
    return out;
  }

  /** The printed (or implied) figure at a place, as the thing a check compares with. */
  figureAt(fund: string, period: string, path: string): { approx: Approx; evidence: Evidence; unit: Unit; derivation?: string } | undefined {
    const l = this.index.get(fund, period, path);
    const e = l?.evidence[0];
    if (!l || !e) return undefined;
    if (l.origin === 'implied') {
      const shown = show(l.approx.value, l.unit);
      return {
        approx: l.approx,
        unit: l.unit,
        derivation: l.derivation,
        evidence: { pointer: l.pointer, value: shown, unit: l.unit, quote: l.evidence.map((x) => x.quote).join(' / '), note: `implied: ${l.derivation}` },
      };
    }
    return { approx: l.approx, evidence: e, unit: l.unit };
  }

  partsSums(): void {
    const seen = new Set<string>();
    for (const v of this.index.nodes()) {
      if (!v.node.parts) continue;
      const periods = new Set([v.period]);
      // Reports print a change instead of last year's parts: check the breakdown in the periods the parts imply.
      const partPaths = new Set(Object.keys(v.node.parts).map((k) => `${v.path}.${k}`));
      for (const e of this.index.entries()) {
        if (e.origin === 'implied' && e.fund === v.fund && partPaths.has(e.path)) periods.add(e.period);
      }
      for (const period of periods) {
        const id = `${v.fund}|${period}|${v.path}`;
        if (seen.has(id)) continue;
        const own = this.index.node(v.fund, period, v.path);
        const structure = own?.node.parts ? own : v;
        seen.add(id);
        this.partsSum(structure, period);
      }
    }
    for (const v of contributionNodes(this.b)) this.partsSumOfRates(v);
  }

  partsSum(v: NodeVisit, period: string): void {
    const total = this.figureAt(v.fund, period, v.path);
    if (!total || !v.node.parts) return;
    const keys = Object.keys(v.node.parts);
    const parts = keys.map((k) => this.index.resolve(v.fund, period, `${v.path}.${k}`));
    const known = parts.filter((p): p is Resolved => p !== undefined);
    if (known.length === 0) return;
    const complete = v.node.exhaustive === true && known.length === keys.length && known.every((p) => p.exact);
    const nonNegative = v.spec.min !== undefined && new D(v.spec.min).gte(0);
    const sum = sumAll(known.map((p) => p.approx));
    const formula = known.map((p) => p.text).join(' + ');
    const involved = known.flatMap((p) => p.evidence);
    const implied = known.some((p) => p.how === 'implied') || total.derivation !== undefined;
    const where = `${v.fund} ${period} ${v.path}`;
    const via = implied ? ' (some figures implied by the stated year-on-year changes)' : '';
    if (complete) {
      this.compare({
        check: 'parts-sum', fund: v.fund, period, expected: sum, stated: total.approx, statedEvidence: total.evidence, unit: total.unit,
        formula, involved,
        message: (e, s, d, t) => `${where}: the parts ${formula} add up to ${e} ${total.unit}${via}, but the total is ${s} ${total.unit} (difference ${d}, rounding allows ${t})`,
      });
    } else if (nonNegative && sum.lo.gt(total.approx.hi)) {
      // A partial ("其中") list can fall short of its total, never exceed it.
      this.compare({
        check: 'parts-sum', fund: v.fund, period, expected: sum, stated: total.approx, statedEvidence: total.evidence, unit: total.unit,
        formula, involved,
        message: (e, s, d, t) => `${where}: the listed parts ${formula} add up to ${e} ${total.unit}${via}, more than the total ${s} ${total.unit} (excess ${d}, rounding allows ${t})`,
      });
    }
  }

  partsSumOfRates(v: NodeVisit): void {
    const own = figureOf(v.node);
    if (!own || !v.node.parts || v.node.exhaustive !== true) return;
    const parts = Object.entries(v.node.parts).map(([k, n]) => ({ k, f: figureOf(n) }));
    if (parts.some((p) => !p.f)) return;
    const figs = parts.map((p) => p.f as Figure);
    const sum = sumAll(figs.map((f) => approxOf(this.b, f)));
    const formula = figs.map((f) => f.value).join(' + ');
    this.compare({
      check: 'parts-sum', fund: v.fund, period: v.period, expected: sum, stated: approxOf(this.b, own), statedEvidence: evidenceOf(own, v.pointer),
      unit: own.unit, formula, involved: parts.map((p) => evidenceOf(p.f as Figure, `${v.pointer}/parts/${p.k}`)),
      message: (e, s, d, t) => `${v.fund} ${v.period} contribution rate: ${formula} = ${e}%, but the total rate is ${s}% (difference ${d}, rounding allows ${t})`,
    });
  }

  subFunds(): void {
    for (const [parent, f] of Object.entries(this.b.funds)) {
      const sf = f.subFunds;
      if (!sf) continue;
      for (const l of this.index.entries()) {
        if (l.fund !== parent || l.path.endsWith('.costPerVisit')) continue;
        const total = this.figureAt(parent, l.period, l.path);
        if (!total) continue;
        const children = sf.funds.map((c) => ({ c, r: this.index.resolve(c, l.period, l.path) }));
        const known = children.filter((x): x is { c: string; r: Resolved } => x.r !== undefined);
        if (known.length === 0) continue;
        const complete = sf.exhaustive && known.length === children.length && known.every((x) => x.r.exact);
        const nonNegative = this.nonNegative(l.path);
        const sum = sumAll(known.map((x) => x.r.approx));
        if (!complete && !(nonNegative && sum.lo.gt(total.approx.hi))) continue;
        const formula = known.map((x) => `${x.c} ${x.r.text}`).join(' + ');
        this.compare({
          check: 'sub-funds', fund: parent, period: l.period, expected: sum, stated: total.approx, statedEvidence: total.evidence, unit: total.unit,
          formula, involved: known.flatMap((x) => x.r.evidence),
          message: (e, s, d, t) => complete
            ? `${parent} ${l.period} ${l.path}: its sub-funds (${formula}) add up to ${e} ${total.unit}, but the fund's figure is ${s} ${total.unit} (difference ${d}, rounding allows ${t})`
            : `${parent} ${l.period} ${l.path}: the known sub-funds (${formula}) add up to ${e} ${total.unit}, more than the fund's ${s} ${total.unit} (excess ${d}, rounding allows ${t})`,
        });
      }
    }
  }

  nonNegative(path: string): boolean {
    const v = this.index.nodes().find((n) => n.path === path);
    return v?.spec.min !== undefined && new D(v.spec.min).gte(0);
  }

  balances(): void {
    for (const fund of Object.keys(this.b.funds)) {
      for (const period of this.index.periods(fund)) {
        const bal = this.figureAt(fund, period, 'currentBalance');
        const inc = this.index.resolve(fund, period, 'income');
        const exp = this.index.resolve(fund, period, 'expenditure');
        if (!bal || !inc?.exact || !exp?.exact) continue;
        const formula = `${inc.text} - ${exp.text}`;
        this.compare({
          check: 'balance', fund, period, expected: sub(inc.approx, exp.approx), stated: bal.approx, statedEvidence: bal.evidence, unit: bal.unit,
          formula, involved: [...inc.evidence, ...exp.evidence],
          message: (e, s, d, t) => `${fund} ${period}: income - expenditure = ${formula} = ${e} ${bal.unit}, but the current balance is ${s} ${bal.unit} (difference ${d}, rounding allows ${t})`,
        });
      }
    }
  }

  cumulative(): void {
    for (const fund of Object.keys(this.b.funds)) {
      for (const period of this.index.periods(fund)) {
        const cum = this.figureAt(fund, period, 'cumulativeBalance');
        const cur = this.index.resolve(fund, period, 'currentBalance');
        if (!cum || !cur?.exact) continue;
        const openingPeriod = openingPeriods(period).find((p) => this.index.get(fund, p, 'cumulativeBalance'));
        const opening = openingPeriod ? this.figureAt(fund, openingPeriod, 'cumulativeBalance') : undefined;
        if (!openingPeriod || !opening) continue;
        const formula = `${opening.evidence.value} + ${cur.text}`;
        this.compare({
          check: 'cumulative', fund, period, expected: add(opening.approx, cur.approx), stated: cum.approx, statedEvidence: cum.evidence, unit: cum.unit,
          formula, involved: [opening.evidence, ...cur.evidence],
          message: (e, s, d, t) => `${fund} ${period}: cumulative balance of ${openingPeriod} plus this period's balance = ${formula} = ${e} ${cum.unit}, but the cumulative balance is ${s} ${cum.unit} (difference ${d}, rounding allows ${t})`,
        });
      }
    }
  }

  assets(): void {
    for (const fund of Object.keys(this.b.funds)) {
      for (const period of this.index.periods(fund)) {
        const assets = this.figureAt(fund, period, 'assets');
        const cum = this.figureAt(fund, period, 'cumulativeBalance');
        if (!assets || !cum) continue;
        const liab = this.index.resolve(fund, period, 'liabilities');
        if (liab?.exact) {
          const formula = `${assets.evidence.value} - ${liab.text}`;
          this.compare({
            check: 'assets', fund, period, expected: sub(assets.approx, liab.approx), stated: cum.approx, statedEvidence: cum.evidence, unit: cum.unit,
            formula, involved: [assets.evidence, ...liab.evidence],
            message: (e, s, d, t) => `${fund} ${period}: assets - liabilities = ${formula} = ${e} ${cum.unit}, but the cumulative balance is ${s} ${cum.unit} (difference ${d}, rounding allows ${t})`,
          });
        } else if (assets.approx.hi.lt(cum.approx.lo)) {
          this.compare({
            check: 'assets', fund, period, expected: assets.approx, stated: cum.approx, statedEvidence: cum.evidence, unit: cum.unit,
            formula: assets.evidence.value, involved: [assets.evidence],
            message: (e, s, d, t) => `${fund} ${period}: assets ${e} ${cum.unit} are less than the cumulative balance ${s} ${cum.unit}, which would need negative liabilities (difference ${d}, rounding allows ${t})`,
          });
        }
      }
    }
  }

  restatements(): void {
    for (const v of this.index.nodes()) {
      const own = figureOf(v.node);
      if (!own) continue;
      const ownApprox = approxOf(this.b, own);
      for (const [i, r] of (v.node.restated ?? []).entries()) {
        const ptr = `${v.pointer}/restated/${i}`;
        const rApprox = approxOf(this.b, r);
        if (overlaps(rApprox, ownApprox)) continue;
        // Same digits in another unit of the same dimension: a unit slip, not a different figure.
        const sameDigits = r.unit !== own.unit && overlaps(toBaseApprox(printed(new D(r.value), new D(this.b.precision[r.unit] ?? '1')), own.unit), ownApprox);
        const factor = toBase(ONE, r.unit).dividedBy(toBase(ONE, own.unit));
        this.compare({
          check: sameDigits ? 'unit-slip' : 'restatement', fund: v.fund, period: v.period,
          expected: ownApprox, stated: rApprox, statedEvidence: evidenceOf(r, ptr), unit: r.unit,
          formula: `${own.value} ${own.unit}`, involved: [evidenceOf(own, v.pointer)],
          message: sameDigits
            ? () => `${v.fund} ${v.period} ${v.path}: printed as ${r.value} ${r.unit}, but it is ${own.value} ${own.unit} elsewhere; ${r.unit} for ${own.unit} is a unit slip that overstates it ${factor.toString()}-fold`
            : (e, s, d, t) => `${v.fund} ${v.period} ${v.path}: printed again as ${s} ${r.unit}, but it is ${e} ${r.unit} elsewhere (difference ${d}, rounding allows ${t})`,
        });
      }
    }
  }

  indicators(list: Indicator[]): void {
    for (const ind of list) {
      if (ind.status !== 'differs' || !ind.stated) continue;
      const s = ind.stated;
      const stated = printed(new D(s.value), new D(s.precision));
      const check: CheckName = ind.kind === 'yoy-change' || ind.kind === 'yoy-rate'
        ? 'stated-change'
        : ind.kind === 'months-payable' ? 'months-payable' : 'stated-ratio';
      const hints: string[] = [];
      if (ind.kind === 'yoy-rate') hints.push(...this.rateHints(ind, stated));
      if (ind.kind === 'yoy-change') hints.push(...this.changeHints(ind, list));
      const method = ind.method ? ` (${ind.method})` : '';
      this.compare({
        check, fund: ind.fund, period: ind.period, expected: toBaseApprox(ind.value, s.unit), stated: toBaseApprox(stated, s.unit),
        statedEvidence: s, unit: s.unit, formula: ind.formula, involved: ind.inputs, hints,
        message: (e, st, d, t) => `${ind.fund} ${ind.period} ${ind.label}${method}: ${ind.formula} = ${trim(ind.value.value, s.unit === '%' ? 4 : 2)} ${s.unit}, but the report prints ${st} ${s.unit} (difference ${d}, rounding allows ${t})`,
      });
    }
  }

  rateHints(ind: Indicator, stated: Approx): string[] {
    const out: string[] = [];
    const ratio = { value: ind.value.value.plus(100), lo: ind.value.lo.plus(100), hi: ind.value.hi.plus(100) };
    if (overlaps(ratio, stated)) {
      out.push(`${ind.stated?.value}% is this period's figure as a percentage of the earlier one (${trim(ratio.value, 2)}%), not the growth`);
    }
    // Checked against its own change (no earlier figure printed): say what change the printed rate would need.
    const cur = ind.inputs[0];
    const change = ind.inputs.find((e) => e.pointer.endsWith('/change'));
    if (cur && change && ind.stated) {
      const r = new D(ind.stated.value);
      const needed = new D(cur.value).times(r).dividedBy(r.plus(100));
      out.push(`a rate of ${ind.stated.value}% on ${cur.value} ${cur.unit} needs a change of ${trim(needed, 0)} ${cur.unit}, not ${change.value}`);
    }
    return out;
  }

  changeHints(ind: Indicator, list: Indicator[]): string[] {
    const statement = ind.pointer.replace(/\/change$/, '');
    const rate = list.find((x) => x.kind === 'yoy-rate' && x.pointer === `${statement}/rate`);
    if (rate && (rate.status === 'reproduced' || rate.status === 'within-rounding')) {
      return [`the same sentence's rate ${rate.stated?.value}% agrees with the figures; the printed change is the odd one out`];
    }
    return [];
  }

  performance(): void {
    for (const [i, p] of (this.b.performance ?? []).entries()) {
      const fig = p.actual;
      if (!fig) continue;
      const actual = new D(fig.value);
      const results = p.targets.map((t) => meets(toBase(actual, fig.unit), t));
      const ok = p.join === 'or' ? results.some(Boolean) : results.every(Boolean);
      if (ok || p.targets.length === 0) continue;
      const ptr = `/performance/${i}/actual`;
      const targets = p.targets.map((t) => `${t.op} ${t.value}${t.unit}`).join(p.join === 'or' ? ' or ' : ' and ');
      const a = approxOf(this.b, fig);
      this.findings.push({
        check: 'performance', fund: p.fund ?? '', period: p.period, pointer: ptr,
        message: `${p.label} ${p.period}: achieved ${fig.value}${fig.unit} does not meet the target ${targets}`,
        unit: fig.unit, stated: evidenceOf(fig, ptr), expected: actual, formula: targets,
        difference: ZERO, tolerance: halfWidth(a), involved: [], hints: [],
      });
    }
  }
}

function toBaseApprox(a: Approx, unit: Unit): Approx {
  return scale(a, toBase(ONE, unit));
}

function trim(v: Dec, places: number): string {
  return v.toDecimalPlaces(places, D.ROUND_HALF_UP).toString();
}

function meets(actual: Dec, t: Target): boolean {
  const target = toBase(new D(t.value), t.unit);
  switch (t.op) {
    case '>=': return actual.gte(target);
    case '>': return actual.gt(target);
    case '<=': return actual.lte(target);
    case '<': return actual.lt(target);
    case '=': return actual.eq(target);
  }
}

/** Audit a loaded baseline: findings (identities the report breaks) and the indicators. */
export function auditBaseline(b: Baseline): AuditResult {
  const index = new FigureIndex(b);
  const indicators = computeIndicators(b, index);
  const a = new Auditor(index);
  a.partsSums();
  a.subFunds();
  a.balances();
  a.cumulative();
  a.assets();
  a.restatements();
  a.indicators(indicators);
  a.performance();
  return { findings: a.findings, indicators };
}

