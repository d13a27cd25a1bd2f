/**
 * The content hash of a projection's resolved inputs: the baseline's
 * figures, every rule set in the stack, the parameter registry, overrides,
 * assumptions after defaults, the horizon and the model version. Two
 * machines that print the same hash computed from the same inputs.
 */

import { canonicalJson } from '../common/canonical-json.ts';
import { sha256Hex } from './sha256.ts';

export { canonicalJson };

/** Bump when the model's arithmetic changes, so old hashes stop matching. */
export const MODEL_VERSION = 4;

/**
 * The SHA-256 of `value`'s canonical JSON. `kept` names fields whose value is the same for as long as an
 * object lives (a shipped baseline's figures while its parsed JSON is kept, a stack's rule sets and
 * registry while the stack is): their canonical text is written once per that object and reused, so a
 * lever change hashes only what it changed. The hash is the same either way (test/scenario/hash-kept.test.ts).
 */
export async function contentHash(value: unknown, kept?: Record<string, object | undefined>): Promise<string> {
  const bytes = kept && isRecord(value) ? canonicalBytes(value, kept) : new TextEncoder().encode(canonicalJson(value));
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return sha256Hex(bytes); // a page served over plain HTTP
  const digest = await subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !('toJSON' in v);

/** `"field":<canonical JSON>` as UTF-8, by the object it stays the same with, and the field. */
const keptParts = new WeakMap<object, Map<string, Uint8Array<ArrayBuffer>>>();

/**
 * canonicalJson(value) as UTF-8, written field by field: JSON.stringify writes an object as `{`, its
 * `"key":value` pairs joined by `,` (in the order canonicalJson gives them, without those whose value
 * JSON leaves out), then `}`; a kept field's pair comes from keptParts.
 */
function canonicalBytes(value: Record<string, unknown>, kept: Record<string, object | undefined>): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  // canonicalJson's order: sorted, then as an object holds them (keys like "0" first, as integers)
  const order = Object.keys(Object.fromEntries(Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((k) => [k, 0])));
  for (const key of order) {
    const owner = kept[key];
    let byOwner = owner ? keptParts.get(owner) : undefined;
    let part: Uint8Array<ArrayBuffer> | undefined = byOwner?.get(key);
    if (!part) {
      const text = canonicalJson(value[key]);
      if (text === undefined) continue; // undefined, a function: JSON has no such field
      part = encoder.encode(`${JSON.stringify(key)}:${text}`);
      if (owner) {
        if (!byOwner) keptParts.set(owner, (byOwner = new Map()));
        byOwner.set(key, part);
      }
    }
    parts.push(part);
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0) + Math.max(parts.length - 1, 0) + 2);
  out[0] = 0x7b; // {
  let at = 1;
  parts.forEach((p, i) => {
    if (i) out[at++] = 0x2c; // ,
    out.set(p, at);
    at += p.length;
  });
  out[at] = 0x7d; // }
  return out;
}
