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
export const MODEL_VERSION = 3;

export async function contentHash(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(value));
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return sha256Hex(bytes); // a page served over plain HTTP
  const digest = await subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
