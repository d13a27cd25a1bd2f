/**
 * Resolution: from the rules that apply to a person in a month, the exact
 * value of every parameter in force, each with its provenance (rule set,
 * rule, document paragraph, or the registry default, or a scenario
 * override) and the inputs it was computed from.
 */
import { InputError, pointer, type InputProblem } from '../common/errors.ts';
import { D, type Dec } from '../common/money.ts';
import { formatMonth, parseMonth, yearOf } from '../common/period.ts';
import { REGISTRY_FILE } from '../rules/registry.ts';
import type { Uprate, ValueExpr } from '../rules/types.ts';
import { literalProblems } from '../rules/values.ts';
import type { Facts } from './facts.ts';
import type { CompiledRule, PolicyStack } from './stack.ts';
import { uprateValue } from './uprate.ts';

/** Yearly series a rule may refer to, e.g. the average monthly wage by year, in 元. */
export type SeriesData = Partial<Record<'avgMonthlyWage', Record<string, string>>>;

/** A scenario's change of one parameter from a month on. */
export interface Override {
  param: string;
  value: ValueExpr;
  from?: string;
  until?: string;
  /** Where the override was written, for messages and provenance. */
  file: string;
  path: string;
}

export type Provenance =
  | {
      kind: 'rule';
      ruleSet: string;
      file: string;
      rule: string;
      /** The first month the rule is in force, when it says. */
      from?: string;
      path: string;
      document: string;
      section: string;
      quote?: string;
      note?: string;
    }
  | { kind: 'override'; file: string; path: string; from?: string; until?: string }
  | { kind: 'default'; file: string; path: string };

export type Input = { kind: 'param'; name: string } | { kind: 'series'; name: string; year: number; value: string };

export interface ResolvedValue {
  name: string;
  /** Exact decimal for amounts, rates and months; a name for methods. */
  value: Dec | string;
  provenance: Provenance;
  /** The expression it was computed from, as written (a literal for plain values). */
  expr: ValueExpr;
  inputs: Input[];
  /** Set when the value is its rule's value carried past the rule's first year by the rule's uprating. */
  uprated?: Pick<Uprate, 'how' | 'perYear' | 'series' | 'note'> & { years: number; dated: Dec };
}

export interface ComplianceFinding {
  param: string;
  value: Dec;
  minimumParam: string;
  minimum: Dec;
  valueFrom: Provenance;
  minimumFrom: Provenance;
}

export interface Resolution {
  facts: Facts;
  values: Map<string, ResolvedValue>;
  /** Parameters with no value here, and why (nothing sets them, or a series is missing). */
  unavailable: Map<string, InputProblem>;
  /** Of those, the ones nothing sets at all (no floor in this jurisdiction), as opposed to set but not computable. */
  unset: Set<string>;
  compliance: ComplianceFinding[];
}

interface Candidate {
  expr: ValueExpr;
  provenance: Provenance;
  precedence: number;
  rule?: CompiledRule;
}

/** Above every rule's precedence (set × 1000 + priority); overrides then rank by start month. */
const OVERRIDE_PRECEDENCE = 1e12;

/**
 * A parameter with no value here, returned (never thrown) so that resolving
 * the parameters nothing sets costs no more than a lookup. `unset`: nothing
 * sets it at all (not an error in itself), as opposed to a rule in force that
 * cannot be computed (a missing series).
 */
interface Missing {
  readonly missing: true;
  readonly problem: InputProblem;
  readonly unset: boolean;
}

const missing = (problem: InputProblem, unset = false): Missing => ({ missing: true, problem, unset });
const isMissing = (v: unknown): v is Missing => (v as Missing | undefined)?.missing === true;

export function resolveParameters(
  stack: PolicyStack,
  matched: CompiledRule[],
  facts: Facts,
  series: SeriesData = {},
  overrides: Override[] = [],
): Resolution {
  const { registry } = stack;
  const candidates = new Map<string, Candidate>();
  const fatal: InputProblem[] = [];

  for (const rule of matched) {
    const { spec, ruleSet } = rule;
    for (const [name, expr] of Object.entries(spec.event.params)) {
      const path = ruleSet.at + pointer('rules', rule.index, 'event', 'params', name);
      const prev = candidates.get(name);
      if (prev && prev.precedence === rule.precedence) {
        fatal.push({
          file: ruleSet.file,
          path,
          reason: `both this rule and "${prev.rule?.key}" set ${name} for ${formatMonth(facts.month)} with precedence ${rule.precedence}`,
        });
        continue;
      }
      if (prev && prev.precedence > rule.precedence) continue;
      candidates.set(name, {
        expr,
        precedence: rule.precedence,
        rule,
        provenance: {
          kind: 'rule',
          ruleSet: ruleSet.spec.id,
          file: ruleSet.file,
          rule: spec.id,
          from: spec.from,
          path,
          document: ruleSet.spec.document.number ? `${ruleSet.spec.document.number} ${ruleSet.spec.document.title}` : ruleSet.spec.document.title,
          section: spec.source.section,
          quote: spec.source.quote,
          note: spec.source.note,
        },
      });
    }
  }
  for (const o of overrides) {
    if (!registry.has(o.param)) {
      fatal.push({ file: o.file, path: o.path, reason: `unknown parameter "${o.param}"` });
      continue;
    }
    const from = o.from === undefined ? undefined : parseMonth(o.from);
    const until = o.until === undefined ? undefined : parseMonth(o.until);
    if ((from !== undefined && facts.month < from) || (until !== undefined && facts.month > until)) continue;
    // Of several overrides in force, the one that started last wins (later in the file on a tie), whatever their order.
    const rank = OVERRIDE_PRECEDENCE + (from ?? 0);
    const prev = candidates.get(o.param);
    if (prev && prev.precedence > rank) continue;
    candidates.set(o.param, {
      expr: o.value,
      precedence: rank,
      provenance: { kind: 'override', file: o.file, path: o.path, from: o.from, until: o.until },
    });
  }
  if (fatal.length) throw new InputError(fatal);

  const values = new Map<string, ResolvedValue>();
  const unavailable = new Map<string, InputProblem>();
  const unset = new Set<string>();
  const resolving = new Set<string>();

  const resolveName = (name: string, wantedAt?: { file: string; path: string }): ResolvedValue | Missing => {
    const done = values.get(name);
    if (done) return done;
    const known = unavailable.get(name);
    if (known) return missing(known, unset.has(name));
    if (resolving.has(name)) {
      throw new InputError([{ file: wantedAt?.file ?? REGISTRY_FILE, path: wantedAt?.path ?? '', reason: `${name} depends on itself (${[...resolving].join(' → ')} → ${name})` }]);
    }
    const spec = registry.get(name);
    const candidate: Candidate | undefined =
      candidates.get(name) ??
      (spec.default === undefined
        ? undefined
        : { expr: spec.default, precedence: -1, provenance: { kind: 'default', file: REGISTRY_FILE, path: pointer('parameters', name, 'default') } });
    if (!candidate) {
      const problem = { file: wantedAt?.file ?? REGISTRY_FILE, path: wantedAt?.path ?? '', reason: `no rule in force sets ${name} for ${describeFacts(facts)}; set it in a rule set, a scenario override or with --set ${name}=VALUE` };
      unavailable.set(name, problem);
      unset.add(name);
      return missing(problem, true);
    }
    resolving.add(name);
    const where = candidate.provenance;
    const inputs: Input[] = [];
    let value: Dec | string | Missing;
    let uprate: ResolvedValue['uprated'];
    if (spec.unit === 'method') {
      value = candidate.expr as string;
    } else {
      value = evaluate(candidate.expr, where.file, where.path, inputs);
      const rule = candidate.rule;
      const up = rule?.spec.uprate?.[name];
      if (!isMissing(value) && rule && up && rule.period.from !== undefined) {
        const y0 = yearOf(rule.period.from);
        const n = yearOf(facts.month) - y0;
        if (n > 0) {
          const dated = value;
          value = uprated(value, up, n, y0, where.file, rule.ruleSet.at + pointer('rules', rule.index, 'uprate', name), inputs);
          uprate = { how: up.how, years: n, dated, perYear: up.perYear, series: up.series, note: up.note };
        }
      }
      if (!isMissing(value)) {
        const range = literalProblems(value, name, registry, where.file, where.path);
        if (range.length) throw new InputError(range);
      }
    }
    resolving.delete(name);
    if (isMissing(value)) {
      unavailable.set(name, value.problem);
      // A default over something unset is unset too; a rule in force that cannot be computed is not.
      const isUnset = value.unset && where.kind === 'default';
      if (isUnset) unset.add(name);
      return missing(value.problem, isUnset);
    }
    const resolved: ResolvedValue = { name, value, provenance: where, expr: candidate.expr, inputs, ...(uprate ? { uprated: uprate } : {}) };
    values.set(name, resolved);
    return resolved;
  };

  const uprated = (v: Dec, up: Uprate, n: number, y0: number, file: string, path: string, inputs: Input[]): Dec | Missing => {
    let absent: Missing | undefined;
    const out = uprateValue(v, up, n, y0, (year) => {
      const raw = series[up.series!]?.[String(year)];
      if (raw === undefined) {
        absent ??= missing({ file, path, reason: `uprating follows ${up.series} and needs it for ${year}, which is missing` });
        return v; // any number: the result is discarded
      }
      inputs.push({ kind: 'series', name: up.series!, year, value: raw });
      return new D(raw);
    });
    return absent ?? out;
  };

  const evaluate = (expr: ValueExpr, file: string, path: string, inputs: Input[]): Dec | Missing => {
    if (typeof expr === 'string') return new D(expr);
    if ('param' in expr) {
      inputs.push({ kind: 'param', name: expr.param });
      const v = resolveName(expr.param, { file, path: path + '/param' });
      return isMissing(v) ? v : (v.value as Dec);
    }
    if ('series' in expr) {
      const year = yearOf(facts.month) + expr.yearOffset;
      const raw = series[expr.series]?.[String(year)];
      if (raw === undefined) {
        return missing({
          file,
          path,
          reason: `needs the series ${expr.series} for ${year} (${yearsBefore(expr.yearOffset)}), which is missing; supply it (e.g. --series ${expr.series}.${year}=<元/月>)`,
        });
      }
      inputs.push({ kind: 'series', name: expr.series, year, value: raw });
      return new D(raw);
    }
    if ('percentOf' in expr) {
      const base = evaluate(expr.percentOf, file, path + '/percentOf', inputs);
      if (isMissing(base)) return base;
      const pct = evaluate(expr.percent, file, path + '/percent', inputs);
      if (isMissing(pct)) return pct;
      return base.times(pct).dividedBy(100);
    }
    const [key, items] = 'max' in expr ? (['max', expr.max] as const) : (['min', expr.min] as const);
    const vals: Dec[] = [];
    for (let i = 0; i < items.length; i++) {
      const v = evaluate(items[i]!, file, `${path}/${key}/${i}`, inputs);
      if (isMissing(v)) return v;
      vals.push(v);
    }
    return key === 'max' ? D.max(...vals) : D.min(...vals);
  };

  for (const name of registry.names()) resolveName(name);

  checkOrder(values, stack, facts, fatal);
  if (fatal.length) throw new InputError(fatal);
  return { facts, values, unavailable, unset, compliance: complianceFindings(values, stack) };
}

/** A floor computed above its ceiling is refused, naming the rule that set the floor. */
function checkOrder(values: Map<string, ResolvedValue>, stack: PolicyStack, facts: Facts, problems: InputProblem[]): void {
  for (const v of values.values()) {
    const ceilingName = stack.registry.get(v.name).notAbove;
    const ceiling = ceilingName ? values.get(ceilingName) : undefined;
    if (!ceiling || typeof v.value === 'string' || typeof ceiling.value === 'string') continue;
    if (v.value.greaterThan(ceiling.value)) {
      problems.push({
        file: v.provenance.file,
        path: v.provenance.path,
        reason: `${v.name} ${v.value.toDecimalPlaces(2).toString()} is above ${ceilingName} ${ceiling.value.toDecimalPlaces(2).toString()} (from ${ceiling.provenance.file} at ${ceiling.provenance.path}) for ${describeFacts(facts)}`,
      });
    }
  }
}

function complianceFindings(values: Map<string, ResolvedValue>, stack: PolicyStack): ComplianceFinding[] {
  const out: ComplianceFinding[] = [];
  for (const v of values.values()) {
    const minName = stack.registry.get(v.name).atLeast;
    const min = minName ? values.get(minName) : undefined;
    if (!min || !minName || typeof v.value === 'string' || typeof min.value === 'string') continue;
    if (v.value.lessThan(min.value)) {
      out.push({ param: v.name, value: v.value, minimumParam: minName, minimum: min.value, valueFrom: v.provenance, minimumFrom: min.provenance });
    }
  }
  return out;
}

export function describeFacts(f: Facts): string {
  const parts = [formatMonth(f.month), f.category];
  if (f.regionTier !== undefined) parts.push(`region tier ${f.regionTier}`);
  if (f.aid !== 'none') parts.push(`aid ${f.aid}`);
  return parts.join(', ');
}

/** The value of a parameter the caller cannot do without: a clear error when it is missing. */
export function required(res: Resolution, name: string): Dec {
  const v = res.values.get(name);
  if (v && typeof v.value !== 'string') return v.value;
  const why = res.unavailable.get(name);
  const reason = `${name} has no value for ${describeFacts(res.facts)}`;
  throw new InputError([
    why
      ? { ...why, reason: why.reason.includes(`sets ${name} `) ? why.reason : `${reason}: ${why.reason}` }
      : { file: REGISTRY_FILE, path: '', reason },
  ]);
}

export function requiredMethod(res: Resolution, name: string): string {
  const v = res.values.get(name);
  if (v && typeof v.value === 'string') return v.value;
  throw new InputError([res.unavailable.get(name) ?? { file: REGISTRY_FILE, path: '', reason: `${name} has no value` }]);
}

/** A series' year relative to the month in force, in words: "the year before", not "year -1". */
function yearsBefore(offset: number): string {
  if (offset === 0) return 'the year in force';
  if (offset === -1) return 'the year before';
  return offset < 0 ? `${-offset} years before` : `${offset} years after`;
}
