/**
 * The compiled policy timeline: the bridge from the engine to the model.
 *
 * A scenario's policy changes on a few dates only. For each person (the
 * facts other than the month: category, aid status, and whatever facts the
 * rule sets test) the timeline finds, month by month, the distinct policy
 * states — the rules in force and the scenario's overrides in force — and
 * resolves each state once, with its provenance and range checks. A state
 * whose values follow the calendar year (a percentage of an earlier year's
 * wage, a value uprated past its dated year) holds for one year at a time;
 * every other state holds for as long as its rules do.
 *
 * Per person, a typed array gives the state id of every month; `numbers`
 * gives a parameter month by month as float64 (NaN where nothing sets it),
 * for arithmetic that needs no exact record. json-rules-engine remains the
 * reference: test/engine/differential.test.ts checks every value the
 * timeline gives against it.
 */
import { isDecimalLiteral, type Dec } from '../common/money.ts';
import { monthIndex, parseMonth, yearOf, type MonthIndex } from '../common/period.ts';
import { matchFast } from '../engine/match.ts';
import { required, resolveParameters, type Override, type Resolution, type SeriesData } from '../engine/resolve.ts';
import type { AidStatus, Category, Facts, RegionTier } from '../engine/facts.ts';
import type { CompiledRule, PolicyStack } from '../engine/stack.ts';
import type { ValueExpr } from '../rules/types.ts';

/** The facts of a person apart from the month (and the region's tier, which is the scenario's). */
export type PersonFacts = Omit<Facts, 'month' | 'regionTier'>;

export interface PolicyState {
  /** Index in `PolicyTimeline.states`. */
  id: number;
  /** The rules in force, most general first. */
  rules: CompiledRule[];
  /** The scenario's overrides in force. */
  overrides: Override[];
  /** Set when a value in force follows the calendar year: the state then holds within this year only. */
  year?: number;
  /** The first month the state was met in; its resolution is for this month (messages name it). */
  firstMonth: MonthIndex;
  resolution: Resolution;
}

/** Months a person's array covers on each side of the first month asked for, before it grows. */
const SPAN_MARGIN_MONTHS = 25 * 12;

interface PersonTimeline {
  facts: PersonFacts;
  /** Month of index 0 of `ids`. */
  from: MonthIndex;
  /** State id + 1 per month; 0 where the month has not been met yet. */
  ids: Uint32Array;
}

export class PolicyTimeline {
  /** Every distinct state met so far, by id. */
  readonly states: PolicyState[] = [];
  readonly #persons = new Map<string, PersonTimeline>();
  /** The same persons by category and aid alone, for the model's lookups. */
  readonly #quick = new Map<string, PersonTimeline>();
  readonly #byKey = new Map<string, PolicyState>();
  /** Whether the values of a person's rules and overrides follow the calendar year. */
  readonly #yearly = new Map<string, boolean>();
  readonly #ruleIndex: Map<CompiledRule, number>;
  readonly #overrideSpans: { from: number; until: number }[];
  /** Per parameter, its float64 value in each state (by id). */
  readonly #numbers = new Map<string, number[]>();
  readonly #defaultsYearly: boolean;

  constructor(
    readonly stack: PolicyStack,
    readonly series: SeriesData,
    readonly overrides: Override[],
    readonly regionTier: RegionTier | undefined,
  ) {
    this.#ruleIndex = new Map(stack.rules.map((r, i) => [r, i]));
    this.#overrideSpans = overrides.map((o) => ({
      from: o.from === undefined ? -Infinity : (parseMonth(o.from) ?? -Infinity),
      until: o.until === undefined ? Infinity : (parseMonth(o.until) ?? Infinity),
    }));
    this.#defaultsYearly = stack.registry.names().some((n) => {
      const d = stack.registry.get(n).default;
      return d !== undefined && usesSeries(d);
    });
  }

  /** How many states were resolved (each exactly once). */
  get resolutions(): number {
    return this.states.length;
  }

  /** The parameters in force for a person in a month. */
  at(year: number, month: number, category: Category, aid: AidStatus = 'none'): Resolution {
    return this.stateOf(year, month, category, aid).resolution;
  }

  /** The policy state of a person (by category and aid) in a month. */
  stateOf(year: number, month: number, category: Category, aid: AidStatus = 'none'): PolicyState {
    const m = monthIndex(year, month);
    const quick = `${category}|${aid}`;
    let p = this.#quick.get(quick);
    if (!p) this.#quick.set(quick, (p = this.#person({ category, aid }, m)));
    return this.#state(p, m);
  }

  /** The policy state of a person in a month: its resolution, rules and overrides ("why" a value is what it is). */
  stateAt(person: PersonFacts, month: MonthIndex): PolicyState {
    return this.#state(this.#person(person, month), month);
  }

  #state(p: PersonTimeline, month: MonthIndex): PolicyState {
    let i = month - p.from;
    if (i < 0 || i >= p.ids.length) {
      this.#grow(p, month);
      i = month - p.from;
    }
    const id = p.ids[i]!;
    if (id !== 0) return this.states[id - 1]!;
    const state = this.#compile(p.facts, month);
    p.ids[i] = state.id + 1;
    return state;
  }

  /** The state id of every month from `from` to `until` (inclusive) for a person. */
  stateIds(person: PersonFacts, from: MonthIndex, until: MonthIndex): Uint32Array {
    const p = this.#person(person, from);
    const out = new Uint32Array(until - from + 1);
    for (let m = from; m <= until; m++) out[m - from] = this.#state(p, m).id;
    return out;
  }

  /**
   * A parameter month by month from `from` to `until` as float64, NaN where
   * nothing sets it (a method's name is not a number: NaN too). Converted once per state.
   */
  numbers(person: PersonFacts, name: string, from: MonthIndex, until: MonthIndex): Float64Array {
    const ids = this.stateIds(person, from, until);
    let perState = this.#numbers.get(name);
    if (!perState) this.#numbers.set(name, (perState = []));
    for (let s = perState.length; s < this.states.length; s++) perState.push(toNumber(this.states[s]!.resolution, name));
    const out = new Float64Array(ids.length);
    for (let i = 0; i < ids.length; i++) out[i] = perState[ids[i]!]!;
    return out;
  }

  /** A number in force, or undefined where nothing sets it. Errors (a rule that cannot be computed) propagate. */
  value(res: Resolution, name: string): Dec | undefined {
    const v = res.values.get(name);
    if (v && typeof v.value !== 'string') return v.value;
    if (res.unset.has(name) || !res.unavailable.has(name)) return undefined;
    return required(res, name); // throws the InputError naming the rule that cannot be computed
  }

  #person(person: PersonFacts, month: MonthIndex): PersonTimeline {
    const key = personKey(person);
    let p = this.#persons.get(key);
    if (!p) {
      p = { facts: { ...person }, from: month - SPAN_MARGIN_MONTHS, ids: new Uint32Array(2 * SPAN_MARGIN_MONTHS) };
      this.#persons.set(key, p);
    }
    return p;
  }

  #grow(p: PersonTimeline, month: MonthIndex): void {
    const from = Math.min(p.from, month - SPAN_MARGIN_MONTHS);
    const until = Math.max(p.from + p.ids.length - 1, month + SPAN_MARGIN_MONTHS);
    const ids = new Uint32Array(until - from + 1);
    ids.set(p.ids, p.from - from);
    p.from = from;
    p.ids = ids;
  }

  #compile(person: PersonFacts, month: MonthIndex): PolicyState {
    const facts: Facts = { ...person, month, regionTier: this.regionTier };
    const rules = matchFast(this.stack, facts);
    const inForce: number[] = [];
    this.#overrideSpans.forEach((s, i) => {
      if (month >= s.from && month <= s.until) inForce.push(i);
    });
    const signature = `${personKey(person)}|${rules.map((r) => this.#ruleIndex.get(r)).join(',')}|${inForce.join(',')}`;
    let yearly = this.#yearly.get(signature);
    if (yearly === undefined) {
      yearly =
        this.#defaultsYearly ||
        rules.some((r) => r.spec.uprate !== undefined || Object.values(r.spec.event.params).some(usesSeries)) ||
        inForce.some((i) => usesSeries(this.overrides[i]!.value));
      this.#yearly.set(signature, yearly);
    }
    const year = yearly ? yearOf(month) : undefined;
    const key = year === undefined ? signature : `${signature}|${year}`;
    let state = this.#byKey.get(key);
    if (!state) {
      const overrides = inForce.map((i) => this.overrides[i]!);
      state = { id: this.states.length, rules, overrides, year, firstMonth: month, resolution: resolveParameters(this.stack, rules, facts, this.series, overrides) };
      this.states.push(state);
      this.#byKey.set(key, state);
    }
    return state;
  }
}

/** A stable key of a person's facts, whatever facts the rule sets test. */
function personKey(person: PersonFacts): string {
  return Object.keys(person)
    .sort()
    .map((k) => `${k}=${String((person as unknown as Record<string, unknown>)[k])}`)
    .join(';');
}

/** Whether a value follows the calendar year (refers to a yearly series). */
function usesSeries(expr: ValueExpr): boolean {
  if (typeof expr === 'string') return false;
  if ('series' in expr) return true;
  if ('param' in expr) return false;
  if ('percentOf' in expr) return usesSeries(expr.percentOf) || usesSeries(expr.percent);
  return ('max' in expr ? expr.max : expr.min).some(usesSeries);
}

function toNumber(res: Resolution, name: string): number {
  const v = res.values.get(name)?.value;
  return v === undefined || typeof v === 'string' ? Number.NaN : v.toNumber();
}

/** What the model reads of a timeline: the states, and the parameters in force, of a person in a month. */
export type TimelineView = Pick<PolicyTimeline, 'at' | 'stateOf' | 'value'>;

/**
 * A timeline with one more override, the last of the scenario's, a literal
 * value: the same as compiling the rules with it, without matching the rules
 * again. In the override's months each state of the timeline without it
 * becomes the state with it (resolved from the state without it: only what is
 * or reads the overridden parameter is computed again, engine/resolve.ts
 * `Reuse`); elsewhere the states are the same. States are derived as they
 * are met, each once.
 */
export class DerivedTimeline implements TimelineView {
  /** The states met through this timeline that the override made, by id. */
  readonly states: PolicyState[] = [];
  readonly #derived = new Map<PolicyState, PolicyState>();
  readonly #redated = new Map<PolicyState, PolicyState>();

  private constructor(
    readonly parent: TimelineView,
    readonly stack: PolicyStack,
    readonly series: SeriesData,
    readonly override: Override & { value: string },
    readonly from: MonthIndex,
    readonly until: MonthIndex,
  ) {}

  /**
   * Every parameter whose value the override may change: its own, and each
   * that a default, a rule of the stack or another override computes from one
   * of these. Anything the model reads outside this set is as without it.
   */
  reach(others: Override[]): Set<string> {
    const reach = new Set([this.override.param]);
    const exprs: [string, ValueExpr][] = others.map((o) => [o.param, o.value]);
    for (const n of this.stack.registry.names()) {
      const d = this.stack.registry.get(n).default;
      if (d !== undefined) exprs.push([n, d]);
    }
    for (const r of this.stack.rules) for (const [n, e] of Object.entries(r.spec.event.params)) exprs.push([n, e as ValueExpr]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [n, e] of exprs) {
        if (!reach.has(n) && readsAny(e, reach)) {
          reach.add(n);
          grew = true;
        }
      }
    }
    return reach;
  }

  /** The timeline with `override` as well, or undefined where deriving it would not equal compiling the rules with it (a value that is not a literal). */
  static of(parent: TimelineView, stack: PolicyStack, series: SeriesData, override: Override): DerivedTimeline | undefined {
    const { value } = override;
    if (typeof value !== 'string' || !isDecimalLiteral(value) || !stack.registry.has(override.param)) return undefined;
    const from = override.from === undefined ? -Infinity : (parseMonth(override.from) ?? Number.NaN);
    const until = override.until === undefined ? Infinity : (parseMonth(override.until) ?? Number.NaN);
    if (Number.isNaN(from) || Number.isNaN(until)) return undefined;
    return new DerivedTimeline(parent, stack, series, { ...override, value }, from, until);
  }

  at(year: number, month: number, category: Category, aid: AidStatus = 'none'): Resolution {
    return this.stateOf(year, month, category, aid).resolution;
  }

  stateOf(year: number, month: number, category: Category, aid: AidStatus = 'none'): PolicyState {
    const s = this.parent.stateOf(year, month, category, aid);
    const m = monthIndex(year, month);
    if (m >= this.from && m <= this.until) {
      let d = this.#derived.get(s);
      if (!d) {
        // As a full compile would meet it: the same rules, the overrides in force and this one last, first met this month.
        const overrides = [...s.overrides, this.override];
        const facts = { ...s.resolution.facts, month: m };
        d = { id: this.states.length, rules: s.rules, overrides, year: s.year, firstMonth: m, resolution: resolveParameters(this.stack, s.rules, facts, this.series, overrides, { from: s.resolution, changed: this.override.param }) };
        this.states.push(d);
        this.#derived.set(s, d);
      }
      return d;
    }
    // Outside the override's months the state is the same, but one first met within them is met here first (messages name the month).
    if (s.firstMonth < this.from || s.firstMonth > this.until) return s;
    let d = this.#redated.get(s);
    if (!d) {
      const facts = { ...s.resolution.facts, month: m };
      d = { id: this.states.length, rules: s.rules, overrides: s.overrides, year: s.year, firstMonth: m, resolution: resolveParameters(this.stack, s.rules, facts, this.series, s.overrides) };
      this.states.push(d);
      this.#redated.set(s, d);
    }
    return d;
  }

  value(res: Resolution, name: string): Dec | undefined {
    return this.parent.value(res, name);
  }
}

/** Whether an expression reads one of the parameters. */
function readsAny(e: ValueExpr, names: Set<string>): boolean {
  if (typeof e === 'string' || 'series' in e) return false;
  if ('param' in e) return names.has(e.param);
  if ('percentOf' in e) return readsAny(e.percentOf, names) || readsAny(e.percent, names);
  return ('max' in e ? e.max : e.min).some((x) => readsAny(x, names));
}
