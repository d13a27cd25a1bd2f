/**
 * A prepared scenario's projection input as plain structured-clonable data,
 * so a worker thread runs paths on what the calling thread already prepared
 * instead of reading the rules and preparing the scenario again. Decimals go
 * as their exact strings and the built-in parameter registry as a mark (the
 * worker has its own); shared objects stay shared. Anything else that is not
 * plain data (another class, a function) makes `packInput` answer undefined,
 * and the worker prepares the scenario itself as before.
 */
import { D, type Dec } from '../common/money.ts';
import { adoptPopulationTables, populationTables, type PopulationTables } from '../model/driver-table.ts';
import type { ProjectionInput } from '../model/project.ts';
import { defaultRegistry, Registry } from '../rules/registry.ts';
import type { Prepared } from '../scenario/prepare.ts';
import type { Uncertainty } from '../scenario/uncertainty.ts';

const DECIMAL = '\u0000decimal';
const REGISTRY = '\u0000registry';
/** A part with nothing to convert (no decimal, no registry: most of the retirement rules), which the worker takes as cloned. */
const PLAIN = '\u0000plain';

export type PackedInput = { readonly packed: unknown };

class NotPlain extends Error {}

export function packInput(input: ProjectionInput): PackedInput | undefined {
  const seen = new Map<object, unknown>();
  const registry = defaultRegistry();
  /**
   * Whether a part holds only what structured cloning copies as it is. A part that reaches back to one still being
   * examined (a cycle) counts as not: a guess of "clean" there could be cached for a part that is not (a decimal
   * further along the cycle), and a part that is not clean is walked by `pack`, which keeps cycles and sharing.
   */
  const clean = new Map<object, boolean>();
  const walking = new Set<object>();
  const asCloned = (v: unknown): boolean => {
    if (typeof v === 'function' || typeof v === 'symbol') return false;
    if (v === null || typeof v !== 'object') return true;
    const known = clean.get(v);
    if (known !== undefined) return known;
    if (walking.has(v)) return false;
    walking.add(v);
    let ok: boolean;
    if (D.isDecimal(v) || v instanceof Registry) ok = false;
    else if (ArrayBuffer.isView(v)) ok = true;
    else if (Array.isArray(v)) ok = v.every(asCloned);
    else if (v instanceof Map) ok = [...v].every(([k, x]) => asCloned(k) && asCloned(x));
    else if (v instanceof Set) ok = [...v].every(asCloned);
    else {
      const proto = Object.getPrototypeOf(v);
      ok = (proto === Object.prototype || proto === null) && Object.values(v).every(asCloned);
    }
    walking.delete(v);
    clean.set(v, ok);
    return ok;
  };
  const pack = (v: unknown): unknown => {
    if (typeof v === 'function' || typeof v === 'symbol') throw new NotPlain();
    if (v === null || typeof v !== 'object') return v;
    const done = seen.get(v);
    if (done !== undefined) return done;
    if (!ArrayBuffer.isView(v) && asCloned(v)) {
      const wrapped = { [PLAIN]: v };
      seen.set(v, wrapped);
      return wrapped;
    }
    if (D.isDecimal(v)) return { [DECIMAL]: (v as Dec).toString() };
    if (v instanceof Registry) {
      if (v !== registry) throw new NotPlain();
      return { [REGISTRY]: true };
    }
    if (ArrayBuffer.isView(v)) return v;
    let out: unknown;
    if (Array.isArray(v)) {
      const a: unknown[] = [];
      seen.set(v, a);
      for (const x of v) a.push(pack(x));
      out = a;
    } else if (v instanceof Map) {
      const m = new Map<unknown, unknown>();
      seen.set(v, m);
      for (const [k, x] of v) m.set(pack(k), pack(x));
      out = m;
    } else if (v instanceof Set) {
      const s = new Set<unknown>();
      seen.set(v, s);
      for (const x of v) s.add(pack(x));
      out = s;
    } else {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) throw new NotPlain();
      const o: Record<string, unknown> = {};
      seen.set(v, o);
      for (const [k, x] of Object.entries(v)) o[k] = pack(x);
      out = o;
    }
    return out;
  };
  try {
    return { packed: pack(input) };
  } catch (err) {
    if (err instanceof NotPlain) return undefined;
    throw err;
  }
}

export function unpackInput(p: PackedInput): ProjectionInput {
  const seen = new Map<object, unknown>();
  const unpack = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    const done = seen.get(v);
    if (done !== undefined) return done;
    if (ArrayBuffer.isView(v)) return v;
    if (Array.isArray(v)) {
      const a: unknown[] = [];
      seen.set(v, a);
      for (const x of v) a.push(unpack(x));
      return a;
    }
    if (v instanceof Map) {
      const m = new Map<unknown, unknown>();
      seen.set(v, m);
      for (const [k, x] of v) m.set(unpack(k), unpack(x));
      return m;
    }
    if (v instanceof Set) {
      const s = new Set<unknown>();
      seen.set(v, s);
      for (const x of v) s.add(unpack(x));
      return s;
    }
    const o = v as Record<string, unknown>;
    if (PLAIN in o) return o[PLAIN];
    if (DECIMAL in o) return new D(o[DECIMAL] as string);
    if (REGISTRY in o) return defaultRegistry();
    const out: Record<string, unknown> = {};
    seen.set(v, out);
    for (const [k, x] of Object.entries(o)) out[k] = unpack(x);
    return out;
  };
  return unpack(p.packed) as ProjectionInput;
}

/**
 * What a pool hands a new worker thread with its first task: the scenario's
 * key, its content hash and packed input, its resolved uncertainty (so the
 * worker neither reads nor checks the scenario again) and the population
 * variants the calling thread has run (so it does not run them again).
 */
export interface HandedOver {
  key: string;
  hash: string;
  input: PackedInput;
  uncertainty?: Uncertainty;
  populations?: PopulationTables[];
}

/** The handover of a scenario this thread prepared, or undefined where its input is not plain data. */
export function handOver(key: string, prepared: Prepared, uncertainty: Uncertainty): HandedOver | undefined {
  const input = packInput(prepared.input);
  if (!input) return undefined;
  return { key, hash: prepared.hash, input, uncertainty, populations: prepared.input.retirement ? populationTables(prepared.input.retirement) : [] };
}

/** The worker's side: the prepared scenario, with the population variants' tables adopted for its retirement rules. */
export function receive(h: HandedOver): { key: string; prepared: Prepared; uncertainty?: Uncertainty } {
  const input = unpackInput(h.input);
  if (input.retirement && h.populations?.length) adoptPopulationTables(input.retirement, h.populations);
  return { key: h.key, prepared: { input, hash: h.hash, baselineJson: undefined }, uncertainty: h.uncertainty };
}
