/**
 * Resolution: from the rules that apply to a person in a month, the exact
 * value of every parameter in force, each with its provenance (rule set,
 * rule, document paragraph, or the registry default, or a scenario
 * override) and the inputs it was computed from.
 */
import { InputError, pointer, type InputProblem } from '../common/errors.ts';
import { D, type Dec } from '../common/money.ts';
import { formatMonth, parseMonth, yearOf } from '../common/period.ts';
import { REGISTRY_FILE, type Registry } from '../rules/registry.ts';
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

/** Where each rule's value of each parameter comes from: built once per rule, not at every resolution. */
const provenanceOf = new WeakMap<CompiledRule, Map<string, Provenance>>();

function ruleProvenance(rule: CompiledRule, name: string): Provenance {
  let byName = provenanceOf.get(rule);
  if (!byName) provenanceOf.set(rule, (byName = new Map()));
  let p = byName.get(name);
  if (!p) {
    const { spec, ruleSet } = rule;
    p = {
      kind: 'rule',
      ruleSet: ruleSet.spec.id,
      file: ruleSet.file,
      rule: spec.id,
      from: spec.from,
      path: ruleSet.at + pointer('rules', rule.index, 'event', 'params', name),
      document: ruleSet.spec.document.number ? `${ruleSet.spec.document.number} ${ruleSet.spec.document.title}` : ruleSet.spec.document.title,
      section: spec.source.section,
      quote: spec.source.quote,
      note: spec.source.note,
    };
    byName.set(name, p);
  }
  return p;
}

/**
 * A resolution to reuse: the same rules and facts' year without one more
 * override (`changed` names its parameter). Values that neither are that
 * parameter nor read it, directly or through others, cannot differ, and are
 * taken from it as they are (visiting their inputs first, so every map keeps
 * the order a resolution from nothing gives); everything else is resolved
 * below as always. The result equals resolving from nothing
 * (Resolver.inPlace and withChangedAlone say when they may take a shorter way).
 */
export interface Reuse {
  from: Resolution;
  changed: string;
}

export function resolveParameters(
  stack: PolicyStack,
  matched: CompiledRule[],
  facts: Facts,
  series: SeriesData = {},
  overrides: Override[] = [],
  reuse?: Reuse,
): Resolution {
  if (reuse) {
    const r = withChangedAlone(stack, matched, facts, overrides, reuse);
    if (r) return r;
  }
  const { registry } = stack;
  const candidates = new Map<string, Candidate>();
  const fatal: InputProblem[] = [];

  for (const rule of matched) {
    for (const [name, expr] of paramsOf(rule)) {
      const prev = candidates.get(name);
      if (prev && prev.precedence === rule.precedence) {
        fatal.push({
          file: rule.ruleSet.file,
          path: ruleProvenance(rule, name).path,
          reason: `both this rule and "${prev.rule?.key}" set ${name} for ${formatMonth(facts.month)} with precedence ${rule.precedence}`,
        });
        continue;
      }
      if (prev && prev.precedence > rule.precedence) continue;
      candidates.set(name, { expr, precedence: rule.precedence, rule, provenance: ruleProvenance(rule, name) });
    }
  }
  for (const o of overrides) {
    if (!registry.has(o.param)) {
      fatal.push({ file: o.file, path: o.path, reason: `unknown parameter "${o.param}"` });
      continue;
    }
    const { from, until } = spanOf(o);
    if ((from !== undefined && facts.month < from) || (until !== undefined && facts.month > until)) continue;
    // Of several overrides in force, the one that started last wins (later in the file on a tie), whatever their order.
    const rank = OVERRIDE_PRECEDENCE + (from ?? 0);
    const prev = candidates.get(o.param);
    if (prev && prev.precedence > rank) continue;
    candidates.set(o.param, { expr: o.value, precedence: rank, provenance: overrideProvenance(o) });
  }
  if (fatal.length) throw new InputError(fatal);

  if (reuse) {
    const inPlace = new Resolver(stack, candidates, facts, series, reuse, new Replaced(reuse.from.values)).inPlace();
    if (inPlace) return inPlace;
  }
  const r = new Resolver(stack, candidates, facts, series, reuse);
  for (const name of namesOf(registry)) r.resolveName(name);
  const { values } = r;
  checkOrder(values, stack, facts, fatal);
  if (fatal.length) throw new InputError(fatal);
  return { facts, values, unavailable: r.unavailable, unset: r.unset, compliance: complianceFindings(values, stack) };
}

/**
 * The reused resolution with its changed parameter alone resolved again,
 * where that is exactly what resolving from nothing gives: nothing in force
 * reads the parameter (no matched rule, override or default), so no other
 * value can differ; its value before read only parameters that come before it
 * in the registry, so evaluating it completed nothing else and every map keeps
 * its order; the month is the same (messages name it); and the override that
 * wins is a literal. Order and range checks, and compliance, run as always.
 */
function withChangedAlone(stack: PolicyStack, matched: CompiledRule[], facts: Facts, overrides: Override[], reuse: Reuse): Resolution | undefined {
  const { from, changed } = reuse;
  const { registry } = stack;
  const prior = from.values.get(changed);
  if (from.facts.month !== facts.month || !prior || typeof prior.value === 'string') return undefined;
  const rel = relationsOf(registry, changed);
  // Its value before was resolved: every parameter it read is among its inputs.
  for (const i of prior.inputs) if (i.kind === 'param' && !(rel.order.get(i.name)! < rel.at)) return undefined;
  if (rel.readByDefaults) return undefined;
  for (const o of overrides) if (readsOf(o.value).has(changed)) return undefined;
  for (const rule of matched) if (ruleReads(rule).has(changed)) return undefined;
  // The override in force that wins (resolveParameters: the one that started last, the later in the list on a tie).
  let winner: Override | undefined;
  let rank = -Infinity;
  for (const o of overrides) {
    if (o.param !== changed) continue;
    const s = spanOf(o);
    if ((s.from !== undefined && facts.month < s.from) || (s.until !== undefined && facts.month > s.until)) continue;
    if ((s.from ?? 0) >= rank) {
      winner = o;
      rank = s.from ?? 0;
    }
  }
  if (!winner || typeof winner.value !== 'string') return undefined;
  const literalWinner = winner as Override & { value: string };
  const literal = literalOf(literalWinner, registry);
  if (literal.range.length) throw new InputError(literal.range);
  const values = new Replaced(from.values).replace(literal.resolved).seal();
  // Only a pair with the changed parameter can be out of order now.
  return replacedResolution(stack, facts, values, from, rel.orderPairs, rel.inCompliance);
}

/** A literal override's value, as resolution gives it, with its range problems: once per override. */
const literals = new WeakMap<Override, { resolved: ResolvedValue; range: InputProblem[] }>();
function literalOf(o: Override & { value: string }, registry: Registry): { resolved: ResolvedValue; range: InputProblem[] } {
  let l = literals.get(o);
  if (!l) {
    const provenance = overrideProvenance(o);
    const value = new D(o.value);
    l = { resolved: { name: o.param, value, provenance, expr: o.value, inputs: [] }, range: literalProblems(value, o.param, registry, provenance.file, provenance.path) };
    literals.set(o, l);
  }
  return l;
}

/**
 * The values of a resolution with some of them replaced, each in its place: a
 * lookup reads through to the resolution reused; listing them copies it once,
 * with the replacements where their names were. Only a name the resolution
 * reused has can be replaced, and only while the resolution is made; nothing
 * is added or removed. (A structured clone of it is an empty Map: resolutions
 * stay in the thread that made them, their views are what is sent.)
 */
class Replaced extends Map<string, ResolvedValue> {
  #copy: Map<string, ResolvedValue> | undefined;
  readonly #by = new Map<string, ResolvedValue>();
  #sealed = false;
  constructor(readonly base: Map<string, ResolvedValue>) {
    super();
  }
  /** Replace a value while the resolution is made; once it is made (`seal`), nothing. */
  replace(v: ResolvedValue): this {
    if (this.#sealed) throw new Error('a resolution is read only');
    if (!this.base.has(v.name)) throw new Error(`a resolution cannot gain ${v.name}`);
    this.#by.set(v.name, v);
    this.#copy = undefined;
    return this;
  }
  #all(): Map<string, ResolvedValue> {
    if (!this.#copy) {
      const all = new Map(this.base);
      for (const v of this.#by.values()) all.set(v.name, v);
      this.#copy = all;
    }
    return this.#copy;
  }
  override get(k: string): ResolvedValue | undefined {
    return this.#by.get(k) ?? this.base.get(k);
  }
  override has(k: string): boolean {
    return this.base.has(k);
  }
  override get size(): number {
    return this.base.size;
  }
  override keys(): MapIterator<string> {
    return this.#all().keys();
  }
  override values(): MapIterator<ResolvedValue> {
    return this.#all().values();
  }
  override entries(): MapIterator<[string, ResolvedValue]> {
    return this.#all().entries();
  }
  override [Symbol.iterator](): MapIterator<[string, ResolvedValue]> {
    return this.#all()[Symbol.iterator]();
  }
  override forEach(fn: (v: ResolvedValue, k: string, m: Map<string, ResolvedValue>) => void, self?: unknown): void {
    this.#all().forEach((v, k) => fn.call(self, v, k, this));
  }
  seal(): this {
    this.#sealed = true;
    return this;
  }
  override set(): this {
    throw new Error('a resolution is read only');
  }
  override delete(): boolean {
    throw new Error('a resolution is read only');
  }
  override clear(): void {
    throw new Error('a resolution is read only');
  }
}

/** What a parameter takes part in, once per registry: its place, and the order and minimum checks that name it. */
interface Relations {
  order: Map<string, number>;
  at: number;
  readByDefaults: boolean;
  /** (floor, ceiling) pairs with the parameter on either side. */
  orderPairs: [string, string][];
  /** It has a minimum, or is one. */
  inCompliance: boolean;
}
const relations = new WeakMap<Registry, Map<string, Relations>>();
function relationsOf(registry: Registry, name: string): Relations {
  let m = relations.get(registry);
  if (!m) relations.set(registry, (m = new Map()));
  let r = m.get(name);
  if (!r) {
    const names = namesOf(registry);
    const order = m.size ? m.values().next().value!.order : new Map(names.map((n, i) => [n, i]));
    const orderPairs: [string, string][] = [];
    let inCompliance = false;
    let readByDefaults = false;
    for (const n of names) {
      const spec = registry.get(n);
      if (spec.notAbove && (n === name || spec.notAbove === name)) orderPairs.push([n, spec.notAbove]);
      if (spec.atLeast && (n === name || spec.atLeast === name)) inCompliance = true;
      if (spec.default !== undefined && readsOf(spec.default).has(name)) readByDefaults = true;
    }
    m.set(name, (r = { order, at: order.get(name)!, readByDefaults, orderPairs, inCompliance }));
  }
  return r;
}

/** The parameters an expression reads, once per expression. */
const readsByExpr = new WeakMap<object, Set<string>>();
const NO_READS = new Set<string>();
function readsOf(e: ValueExpr): Set<string> {
  if (typeof e === 'string') return NO_READS;
  let s = readsByExpr.get(e);
  if (!s) {
    s = new Set();
    collectReads(e, s);
    readsByExpr.set(e, s);
  }
  return s;
}
function collectReads(e: ValueExpr, into: Set<string>): void {
  if (typeof e === 'string' || 'series' in e) return;
  if ('param' in e) into.add(e.param);
  else if ('percentOf' in e) {
    collectReads(e.percentOf, into);
    collectReads(e.percent, into);
  } else for (const x of 'max' in e ? e.max : e.min) collectReads(x, into);
}

/** The parameters a rule's values read, once per rule. */
const readsByRule = new WeakMap<CompiledRule, Set<string>>();
function ruleReads(rule: CompiledRule): Set<string> {
  let s = readsByRule.get(rule);
  if (!s) {
    s = new Set();
    for (const [, expr] of paramsOf(rule)) collectReads(expr, s);
    readsByRule.set(rule, s);
  }
  return s;
}

/** A rule's parameters and values, listed once per rule. */
const paramsByRule = new WeakMap<CompiledRule, [string, ValueExpr][]>();
function paramsOf(rule: CompiledRule): [string, ValueExpr][] {
  let p = paramsByRule.get(rule);
  if (!p) paramsByRule.set(rule, (p = Object.entries(rule.spec.event.params) as [string, ValueExpr][]));
  return p;
}

/** An override's months, parsed once per override. */
const spans = new WeakMap<Override, { from?: number; until?: number; provenance: Provenance }>();
function spanOf(o: Override): { from?: number; until?: number; provenance: Provenance } {
  let s = spans.get(o);
  if (!s) {
    s = { from: o.from === undefined ? undefined : parseMonth(o.from), until: o.until === undefined ? undefined : parseMonth(o.until), provenance: { kind: 'override', file: o.file, path: o.path, from: o.from, until: o.until } };
    spans.set(o, s);
  }
  return s;
}
function overrideProvenance(o: Override): Provenance {
  return spanOf(o).provenance;
}

/** The registry's names in order, and each default as a candidate: once per registry. */
const registryNames = new WeakMap<Registry, string[]>();
function namesOf(registry: Registry): string[] {
  let n = registryNames.get(registry);
  if (!n) registryNames.set(registry, (n = registry.names()));
  return n;
}
const defaultCandidates = new WeakMap<Registry, Map<string, Candidate | null>>();
function defaultCandidate(registry: Registry, name: string): Candidate | undefined {
  let byName = defaultCandidates.get(registry);
  if (!byName) defaultCandidates.set(registry, (byName = new Map()));
  let c = byName.get(name);
  if (c === undefined) {
    const d = registry.get(name).default;
    c = d === undefined ? null : { expr: d, precedence: -1, provenance: { kind: 'default', file: REGISTRY_FILE, path: pointer('parameters', name, 'default') } };
    byName.set(name, c);
  }
  return c ?? undefined;
}

/** One resolution's working state: each parameter resolved once, on demand, in the order its readers need it. */
class Resolver {
  readonly values: Map<string, ResolvedValue>;
  readonly unavailable = new Map<string, InputProblem>();
  readonly unset = new Set<string>();
  readonly #resolving = new Set<string>();
  readonly #registry: Registry;
  #described: string | undefined;
  /** With a resolution to reuse: whether each value may differ from its (see Reuse). */
  readonly #stale = new Map<string, boolean>();

  constructor(
    readonly stack: PolicyStack,
    readonly candidates: Map<string, Candidate>,
    readonly facts: Facts,
    readonly series: SeriesData,
    readonly reuse: Reuse | undefined,
    /** The reused resolution's values, to replace those that may differ in (`inPlace`); else resolved from nothing. */
    values?: Replaced,
  ) {
    this.#registry = stack.registry;
    this.values = values ?? new Map();
  }

  #candidate(name: string): Candidate | undefined {
    return this.candidates.get(name) ?? defaultCandidate(this.#registry, name);
  }

  /** Whether a value may differ from the reused resolution's: it is the changed parameter, or reads one that may. */
  #isStale(name: string): boolean {
    let v = this.#stale.get(name);
    if (v === undefined) {
      this.#stale.set(name, false); // a cycle: resolution refuses it
      const expr = this.#candidate(name)?.expr;
      v = name === this.reuse!.changed || (expr !== undefined && this.#readsStale(expr));
      this.#stale.set(name, v);
    }
    return v;
  }

  #readsStale(e: ValueExpr): boolean {
    if (typeof e === 'string' || 'series' in e) return false;
    if ('param' in e) return this.#isStale(e.param);
    if ('percentOf' in e) return this.#readsStale(e.percentOf) || this.#readsStale(e.percent);
    for (const x of 'max' in e ? e.max : e.min) if (this.#readsStale(x)) return true;
    return false;
  }

  resolveName(name: string, wantedAt?: { file: string; path: string }): ResolvedValue | Missing {
    const done = this.values.get(name);
    if (done) return done;
    const known = this.unavailable.get(name);
    if (known) return missing(known, this.unset.has(name));
    const resolving = this.#resolving;
    if (resolving.has(name)) {
      throw new InputError([{ file: wantedAt?.file ?? REGISTRY_FILE, path: wantedAt?.path ?? '', reason: `${name} depends on itself (${[...resolving].join(' → ')} → ${name})` }]);
    }
    const prior = this.reuse?.from.values.get(name);
    if (prior && !this.#isStale(name)) {
      // Its inputs were all resolved too, and none may differ: visited in the order evaluation visits them.
      resolving.add(name);
      for (const i of prior.inputs) if (i.kind === 'param') this.resolveName(i.name);
      resolving.delete(name);
      this.values.set(name, prior);
      return prior;
    }
    return this.#resolveAnew(name, wantedAt);
  }

  /**
   * The reused resolution with only the values that may differ (the changed parameter and what reads it)
   * evaluated again, each in its place, where that is what resolving from nothing gives; undefined where it
   * may not be (then resolve from nothing). It is when resolving meets the changed parameter in its own turn
   * in the registry's order, after every parameter it reads now and read before (nothing before it in that
   * order reads it, and it reads and read only parameters before it): every parameter is then met in the same
   * order as before, so the values keep their order, and nothing it reads now can read it back (that one
   * would come before it and read it); the month is the same (messages name it); and each value that may
   * differ had a value before and has one now. Range checks run for the values evaluated again; only a floor
   * and ceiling pair with one of them can be out of order now, and the minimums are compared again only where
   * one of them takes part.
   */
  inPlace(): Resolution | undefined {
    const { from, changed } = this.reuse!;
    const before = from.values.get(changed);
    const now = this.#candidate(changed);
    if (!before || !now || from.facts.month !== this.facts.month) return undefined;
    const { order, at } = relationsOf(this.#registry, changed);
    for (const i of before.inputs) if (i.kind === 'param' && !(order.get(i.name)! < at)) return undefined;
    if (typeof now.expr !== 'string') for (const name of readsOf(now.expr)) if (!(order.get(name)! < at)) return undefined;
    const names = namesOf(this.#registry);
    for (let k = 0; k < at; k++) if (this.#isStale(names[k]!)) return undefined;
    for (const name of from.unavailable.keys()) if (this.#isStale(name)) return undefined;
    const pairs: [string, string][] = [];
    let minimums = false;
    // In the order resolved before, which puts what a value reads before it: a stale input is evaluated again first.
    for (const name of from.values.keys()) {
      if (!this.#isStale(name)) continue;
      if (isMissing(this.#resolveAnew(name))) return undefined;
      const rel = relationsOf(this.#registry, name);
      pairs.push(...rel.orderPairs);
      minimums ||= rel.inCompliance;
    }
    return replacedResolution(this.stack, this.facts, (this.values as Replaced).seal(), from, pairs, minimums);
  }

  /** Evaluate a parameter from its candidate (or find it unset), and record it. */
  #resolveAnew(name: string, wantedAt?: { file: string; path: string }): ResolvedValue | Missing {
    const resolving = this.#resolving;
    const spec = this.#registry.get(name);
    const candidate = this.#candidate(name);
    if (!candidate) {
      const problem = { file: wantedAt?.file ?? REGISTRY_FILE, path: wantedAt?.path ?? '', reason: `no rule in force sets ${name} for ${(this.#described ??= describeFacts(this.facts))}; set it in a rule set, a scenario override or with --set ${name}=VALUE` };
      this.unavailable.set(name, problem);
      this.unset.add(name);
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
      value = this.#evaluate(candidate.expr, where.file, where.path, inputs);
      const rule = candidate.rule;
      const up = rule?.spec.uprate?.[name];
      if (!isMissing(value) && rule && up && rule.period.from !== undefined) {
        const y0 = yearOf(rule.period.from);
        const n = yearOf(this.facts.month) - y0;
        if (n > 0) {
          const dated = value;
          value = this.#uprated(value, up, n, y0, where.file, rule.ruleSet.at + pointer('rules', rule.index, 'uprate', name), inputs);
          uprate = { how: up.how, years: n, dated, perYear: up.perYear, series: up.series, note: up.note };
        }
      }
      if (!isMissing(value)) {
        const range = literalProblems(value, name, this.#registry, where.file, where.path);
        if (range.length) throw new InputError(range);
      }
    }
    resolving.delete(name);
    if (isMissing(value)) {
      this.unavailable.set(name, value.problem);
      // A default over something unset is unset too; a rule in force that cannot be computed is not.
      const isUnset = value.unset && where.kind === 'default';
      if (isUnset) this.unset.add(name);
      return missing(value.problem, isUnset);
    }
    const resolved: ResolvedValue = { name, value, provenance: where, expr: candidate.expr, inputs, ...(uprate ? { uprated: uprate } : {}) };
    if (this.values instanceof Replaced) this.values.replace(resolved);
    else this.values.set(name, resolved);
    return resolved;
  }

  #uprated(v: Dec, up: Uprate, n: number, y0: number, file: string, path: string, inputs: Input[]): Dec | Missing {
    let absent: Missing | undefined;
    const out = uprateValue(v, up, n, y0, (year) => {
      const raw = this.series[up.series!]?.[String(year)];
      if (raw === undefined) {
        absent ??= missing({ file, path, reason: `uprating follows ${up.series} and needs it for ${year}, which is missing` });
        return v; // any number: the result is discarded
      }
      inputs.push({ kind: 'series', name: up.series!, year, value: raw });
      return new D(raw);
    });
    return absent ?? out;
  }

  #evaluate(expr: ValueExpr, file: string, path: string, inputs: Input[]): Dec | Missing {
    if (typeof expr === 'string') return new D(expr);
    if ('param' in expr) {
      inputs.push({ kind: 'param', name: expr.param });
      const v = this.resolveName(expr.param, { file, path: path + '/param' });
      return isMissing(v) ? v : (v.value as Dec);
    }
    if ('series' in expr) {
      const year = yearOf(this.facts.month) + expr.yearOffset;
      const raw = this.series[expr.series]?.[String(year)];
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
      const base = this.#evaluate(expr.percentOf, file, path + '/percentOf', inputs);
      if (isMissing(base)) return base;
      const pct = this.#evaluate(expr.percent, file, path + '/percent', inputs);
      if (isMissing(pct)) return pct;
      return base.times(pct).dividedBy(100);
    }
    const [key, items] = 'max' in expr ? (['max', expr.max] as const) : (['min', expr.min] as const);
    const vals: Dec[] = [];
    for (let i = 0; i < items.length; i++) {
      const v = this.#evaluate(items[i]!, file, `${path}/${key}/${i}`, inputs);
      if (isMissing(v)) return v;
      vals.push(v);
    }
    return key === 'max' ? D.max(...vals) : D.min(...vals);
  }
}

/**
 * A resolution of a reused one's values with some replaced: refused if one of `pairs` (the floor and ceiling
 * pairs a replaced value takes part in) is out of order, with every problem as checkOrder lists them; its
 * compliance findings the reused one's, or (`minimums`: a replaced value has a minimum or is one) found again
 * when first read.
 */
function replacedResolution(stack: PolicyStack, facts: Facts, values: Map<string, ResolvedValue>, from: Resolution, pairs: [string, string][], minimums: boolean): Resolution {
  if (pairs.some(([floor, ceiling]) => outOfOrder(values, floor, ceiling))) {
    const fatal: InputProblem[] = [];
    checkOrder(values, stack, facts, fatal);
    throw new InputError(fatal);
  }
  if (!minimums) return { facts, values, unavailable: from.unavailable, unset: from.unset, compliance: from.compliance };
  let compliance: ComplianceFinding[] | undefined;
  return {
    facts,
    values,
    unavailable: from.unavailable,
    unset: from.unset,
    get compliance() {
      return (compliance ??= complianceFindings(values, stack));
    },
  };
}

/** Whether a floor is above its ceiling (both resolved to numbers). */
function outOfOrder(values: Map<string, ResolvedValue>, floor: string, ceiling: string): boolean {
  const f = values.get(floor)?.value;
  const c = values.get(ceiling)?.value;
  return f !== undefined && c !== undefined && typeof f !== 'string' && typeof c !== 'string' && f.greaterThan(c);
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
