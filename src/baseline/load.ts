/**
 * Loading a baseline: the schema first (unknown keys, missing keys, malformed
 * decimals), then what a schema cannot say — a unit of the wrong dimension
 * for its place, a period key that is not a period, a share outside 0-100 %,
 * more printed decimals than the declared precision. Every problem names the
 * file, the JSON Pointer and the reason, and all are reported at once.
 * Browser-safe: no file access here (see load-file.ts).
 */
import { InputError, pointer, type InputProblem } from '../common/errors.ts';
import { D, DECIMAL_LITERAL } from '../common/money.ts';
import { schemaProblems } from '../common/schema.ts';
import { MONTH_PATTERN } from '../common/period.ts';
import schema from '../../seeds/baseline.schema.json' with { type: 'json' };
import { literalPlaces } from './approx.ts';
import { ageStructureProblems } from './age-structure.ts';
import { parsePeriod, FIRST_YEAR, LAST_YEAR } from './periods.ts';
import { FIGURE_SPECS, type FigureSpec } from './slots.ts';
import { dimensionOf, unitsOf, type Unit } from './units.ts';
import type { Baseline, Figure, FundPeriod } from './types.ts';
import { periodNodes, contributionNodes, figureOf, type NodeVisit } from './walk.ts';

export const BASELINE_SCHEMA: object = schema;

const FUND_ID = /^[a-z][A-Za-z0-9]*$/;
class Checker {
  readonly problems: InputProblem[] = [];
  readonly file: string;
  readonly b: Baseline;

  constructor(b: Baseline, file: string) {
    this.b = b;
    this.file = file;
  }

  add(path: string, reason: string): void {
    this.problems.push({ file: this.file, path, reason });
  }

  period(key: string, path: string): void {
    if (parsePeriod(key)) return;
    this.add(path, `"${key}" is not a period: use a year "2022" (${FIRST_YEAR}-${LAST_YEAR}), a half "2022-H1" or a quarter "2022-Q3"`);
  }

  /** One printed figure against what its place allows. */
  figure(f: Figure, spec: FigureSpec, path: string): void {
    const dim = dimensionOf(f.unit);
    if (!spec.dimensions.includes(dim)) {
      const allowed = spec.dimensions.flatMap((d) => unitsOf(d)).join(', ');
      this.add(`${path}/unit`, `unit "${f.unit}" is not allowed for ${spec.label}; use one of ${allowed}`);
      return; // range and precision mean nothing in the wrong unit
    }
    const v = new D(f.value);
    const inPercent = f.unit === '%';
    if (spec.min !== undefined && v.lt(spec.min)) {
      this.add(`${path}/value`, inPercent && spec.min === '0' && spec.max === '100'
        ? `${f.value}% is outside 0-100 % for ${spec.label}`
        : `${f.value} is below the minimum ${spec.min} for ${spec.label}`);
    } else if (spec.max !== undefined && v.gt(spec.max)) {
      this.add(`${path}/value`, inPercent && spec.min === '0' && spec.max === '100'
        ? `${f.value}% is outside 0-100 % for ${spec.label}`
        : `${f.value} is above the maximum ${spec.max} for ${spec.label}`);
    }
    this.precision(f, path);
  }

  precision(f: Figure, path: string): void {
    const p = f.precision ?? this.b.precision[f.unit];
    if (p === undefined) {
      this.add(`${path}/unit`, `no printed precision for unit "${f.unit}": add it to /precision (e.g. "${f.unit}": "0.01") or give this figure a "precision"`);
      return;
    }
    const places = Math.max(0, new D(p).decimalPlaces());
    if (literalPlaces(f.value) > places) {
      this.add(`${path}/value`, `"${f.value}" has more decimals than its printed precision ${p}; correct the value or set "precision" on this figure`);
    }
  }

  node(v: NodeVisit): void {
    const n = v.node;
    const own = figureOf(n);
    if (own) this.figure(own, v.spec, v.pointer);
    // A change is in its figure's dimension; if the figure's own unit is wrong, that is reported once, above.
    const ownDim = own ? dimensionOf(own.unit) : undefined;
    const dim = ownDim && v.spec.dimensions.includes(ownDim) ? ownDim : undefined;
    for (const [i, r] of (n.restated ?? []).entries()) {
      const at = `${v.pointer}/restated/${i}`;
      if (!own) this.add(at, 'a restatement needs the figure itself (value, unit, quote) beside it');
      this.figure(r, { ...v.spec, min: undefined, max: undefined }, at);
    }
    for (const [i, s] of (n.yoy ?? []).entries()) {
      const at = `${v.pointer}/yoy/${i}`;
      if (!own) this.add(at, 'a year-on-year statement needs the figure itself (value, unit, quote) beside it');
      if (!s.change && !s.rate) this.add(at, 'needs "change", "rate" or both');
      if (s.change) {
        this.figure(s.change, { label: `change of ${v.spec.label}`, dimensions: dim ? [dim] : v.spec.dimensions }, `${at}/change`);
      }
      if (s.rate) this.figure(s.rate, FIGURE_SPECS.growthRate, `${at}/rate`);
      if (s.against !== undefined) {
        this.period(s.against, `${at}/against`);
        const a = parsePeriod(s.against);
        const p = parsePeriod(v.period);
        if (a && p && (a.year > p.year || (a.year === p.year && a.firstMonth >= p.firstMonth))) {
          this.add(`${at}/against`, `"${s.against}" is not earlier than ${v.period}`);
        }
      }
    }
    if (n.share) this.figure(n.share, FIGURE_SPECS.share, `${v.pointer}/share`);
    if (n.costPerVisit) this.figure(n.costPerVisit, FIGURE_SPECS.costPerVisit, `${v.pointer}/costPerVisit`);
    if (n.exhaustive === undefined && n.parts && Object.keys(n.parts).length > 0) {
      this.add(`${v.pointer}/exhaustive`, 'say whether the parts are the whole (true) or a "其中" list (false)');
    }
  }

  fundPeriod(fund: string, period: string, fp: FundPeriod): void {
    const at = pointer('funds', fund, 'periods', period);
    if (fp.balanceRate) this.figure(fp.balanceRate, FIGURE_SPECS.balanceRate, `${at}/balanceRate`);
    const mp = fp.monthsPayable;
    if (mp) {
      this.figure(mp, FIGURE_SPECS.monthsPayable, `${at}/monthsPayable`);
      const m = mp.method as { name: string; years?: number } | undefined;
      if (m && m.name === 'average-expenditure-of-N-years' && m.years === undefined) {
        this.add(`${at}/monthsPayable/method`, 'average-expenditure-of-N-years needs "years"');
      }
      if (m && m.name !== 'average-expenditure-of-N-years' && m.years !== undefined) {
        this.add(`${at}/monthsPayable/method/years`, `"years" applies only to average-expenditure-of-N-years, not ${m.name}`);
      }
    }
    const bu = fp.budget;
    if (bu) {
      if (bu.income) this.figure(bu.income, FIGURE_SPECS.budgetAmount, `${at}/budget/income`);
      if (bu.expenditure) this.figure(bu.expenditure, FIGURE_SPECS.budgetAmount, `${at}/budget/expenditure`);
      if (bu.incomeCompletion) this.figure(bu.incomeCompletion, FIGURE_SPECS.completion, `${at}/budget/incomeCompletion`);
      if (bu.expenditureCompletion) this.figure(bu.expenditureCompletion, FIGURE_SPECS.completion, `${at}/budget/expenditureCompletion`);
    }
  }

  funds(): void {
    const ids = Object.keys(this.b.funds);
    for (const [id, f] of Object.entries(this.b.funds)) {
      const at = pointer('funds', id);
      if (!FUND_ID.test(id)) this.add(at, `fund id "${id}" must be a camelCase name such as "employeePooling"`);
      for (const [i, child] of (f.subFunds?.funds ?? []).entries()) {
        if (!ids.includes(child)) this.add(`${at}/subFunds/funds/${i}`, `names unknown fund "${child}"`);
        else if (child === id) this.add(`${at}/subFunds/funds/${i}`, 'a fund cannot be its own sub-fund');
      }
      for (const period of Object.keys(f.periods)) {
        this.period(period, pointer('funds', id, 'periods', period));
        const fp = f.periods[period];
        if (fp) this.fundPeriod(id, period, fp);
      }
      for (const [i, t] of (f.contributions ?? []).entries()) {
        const ct = `${at}/contributions/${i}`;
        if (t.until !== undefined && MONTH_PATTERN.test(t.from) && t.until < t.from) {
          this.add(`${ct}/until`, `${t.until} is before ${t.from}`);
        }
        if (t.baseCeiling) this.figure(t.baseCeiling, FIGURE_SPECS.monthlyWage, `${ct}/baseCeiling`);
        if (t.baseFloor) this.figure(t.baseFloor, FIGURE_SPECS.monthlyWage, `${ct}/baseFloor`);
        if (t.baseCeilingPercentOfAverageWage) this.figure(t.baseCeilingPercentOfAverageWage, FIGURE_SPECS.percentOfWage, `${ct}/baseCeilingPercentOfAverageWage`);
        if (t.baseFloorPercentOfAverageWage) this.figure(t.baseFloorPercentOfAverageWage, FIGURE_SPECS.percentOfWage, `${ct}/baseFloorPercentOfAverageWage`);
        if (t.flexibleRate) this.figure(t.flexibleRate, FIGURE_SPECS.contributionRate, `${ct}/flexibleRate`);
      }
    }
    this.cycles();
  }

  cycles(): void {
    const state = new Map<string, 'open' | 'done'>();
    const visit = (id: string, trail: string[]): void => {
      if (state.get(id) === 'done') return;
      if (state.get(id) === 'open') {
        this.add(pointer('funds', id, 'subFunds'), `sub-funds form a cycle: ${[...trail, id].join(' → ')}`);
        return;
      }
      state.set(id, 'open');
      for (const c of this.b.funds[id]?.subFunds?.funds ?? []) if (this.b.funds[c]) visit(c, [...trail, id]);
      state.set(id, 'done');
    };
    for (const id of Object.keys(this.b.funds)) visit(id, []);
  }

  others(): void {
    for (const [i, o] of (this.b.other ?? []).entries()) {
      const at = pointer('other', i);
      this.period(o.period, `${at}/period`);
      if (o.fund !== undefined && !this.b.funds[o.fund]) this.add(`${at}/fund`, `names unknown fund "${o.fund}"`);
      this.precision(o, at);
    }
    for (const [i, t] of (this.b.timing ?? []).entries()) {
      const at = pointer('timing', i);
      const fund = this.b.funds[t.fund];
      const [side, part] = t.line.split('/');
      if (!fund) this.add(`${at}/fund`, `names unknown fund "${t.fund}"`);
      else if ((side !== 'income' && side !== 'expenditure') || !part || !fund.periods[t.year]?.[side]?.parts?.[part]) {
        this.add(`${at}/line`, `"${t.line}" is not a part of ${t.fund}'s ${t.year} income or expenditure (write income/<part> or expenditure/<part>)`);
      }
      if (t.kind === 'deferred' && (t.to === undefined || Number(t.to) <= Number(t.year))) this.add(`${at}/to`, 'a deferral names the later year the amount was paid in');
      if (t.amount) this.precision(t.amount, `${at}/amount`);
    }
    for (const [i, p] of (this.b.performance ?? []).entries()) {
      const at = pointer('performance', i);
      this.period(p.period, `${at}/period`);
      if (p.fund !== undefined && !this.b.funds[p.fund]) this.add(`${at}/fund`, `names unknown fund "${p.fund}"`);
      if (p.actual) {
        this.precision(p.actual, `${at}/actual`);
        for (const [j, t] of p.targets.entries()) {
          if (dimensionOf(t.unit as Unit) !== dimensionOf(p.actual.unit)) {
            this.add(`${at}/targets/${j}/unit`, `unit "${t.unit}" cannot be compared with the actual value's "${p.actual.unit}"`);
          }
        }
      }
    }
  }
}

/**
 * Validate parsed JSON as a baseline; throws InputError listing every problem. `schemaChecked` for a
 * shipped baseline, which the tests check against the schema (test/scenario/embedded-env.test.ts): the
 * browser then loads it without compiling the schema, the largest part of the workbench's first projection.
 */
export function loadBaseline(json: unknown, file: string, schemaChecked = false): Baseline {
  const problems = schemaChecked ? [] : schemaProblems(BASELINE_SCHEMA, json, file);
  if (problems.length) throw new InputError(problems);
  const b = json as Baseline;
  const c = new Checker(b, file);
  c.funds();
  for (const v of periodNodes(b)) c.node(v);
  for (const v of contributionNodes(b)) c.node(v);
  c.others();
  for (const [i, g] of (b.ageStructure?.groups ?? []).entries()) for (const sex of ['male', 'female'] as const) c.precision(g[sex], `/ageStructure/groups/${i}/${sex}`);
  c.problems.push(...ageStructureProblems(b, file));
  if (c.problems.length) throw new InputError(c.problems);
  return b;
}
