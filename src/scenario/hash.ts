/**
 * The content hash of a projection's resolved inputs: the baseline's
 * figures, every rule set in the stack, the parameter registry, overrides,
 * assumptions after defaults, the horizon and the model version. Two
 * machines that print the same hash computed from the same inputs.
 */

import { sha256Hex } from './sha256.ts';

/** Bump when the model's arithmetic changes, so old hashes stop matching. */
export const MODEL_VERSION = 2;

/** JSON with object keys sorted at every level, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    // decimal.js values arrive here already as their exact strings (toJSON)
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

export async function contentHash(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(value));
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return sha256Hex(bytes); // a page served over plain HTTP
  const digest = await subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
