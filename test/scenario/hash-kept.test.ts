/**
 * A content hash whose constant parts (a baseline, a stack's rule sets) are written once and reused is the
 * hash of the whole canonical text: for random JSON values (Chinese text, keys that need escaping, fields
 * JSON leaves out, decimal values written by toJSON), the first time and again from what was kept, and for
 * every shipped example with a lever changed after the example itself ran.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/common/money.ts';
import { canonicalJson, contentHash } from '../../src/scenario/hash.ts';
import { sha256Hex } from '../../src/scenario/sha256.ts';
import { exampleDoc, exampleFiles, prepareDoc } from './helpers.ts';

const plain = (v: unknown) => sha256Hex(new TextEncoder().encode(canonicalJson(v)));
const key = fc.oneof(fc.string(), fc.constantFrom('基线', 'a"b', 'back\\slash', 'baseline', 'ruleSets', '\u2028'));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant(new D('400.50')), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(key, tie('value'), { maxKeys: 4 })),
})).value;

describe('the content hash with kept parts', () => {
  it('equals the hash of the whole canonical text, written afresh and from what was kept', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(key, json, { minKeys: 1, maxKeys: 6 }), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), async (value, keep) => {
        const owner = {};
        const kept = Object.fromEntries(Object.keys(value).map((k, i) => [k, keep[i] ? owner : undefined]));
        expect(await contentHash(value, kept)).toBe(plain(value));
        expect(await contentHash(value, kept)).toBe(plain(value));
      }),
      { numRuns: 300, seed: 20261126 },
    );
  });

  it('a shipped example hashes the same before and after its kept parts are written, and a lever change still changes it', async () => {
    for (const f of exampleFiles()) {
      const doc = exampleDoc(f);
      const changed = { ...doc, overrides: [...((doc.overrides as unknown[]) ?? []), { param: 'resident.individual.standard', from: '2030-01', value: '777' }] };
      const first = (await prepareDoc(structuredClone(doc))).hash;
      const lever = (await prepareDoc(structuredClone(changed))).hash;
      expect((await prepareDoc(structuredClone(doc))).hash, f).toBe(first);
      expect(lever, f).not.toBe(first);
      expect((await prepareDoc(structuredClone(changed))).hash, f).toBe(lever);
    }
  });
});
