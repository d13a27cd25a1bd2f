/**
 * The repository holds its own sources: every rule set's document.file and
 * every baseline's source.file is a file under seeds/sources/, and every quote
 * of a rule is in its document verbatim ("……" marks an elision between
 * verbatim pieces, which appear in order). The baselines' figure quotes are
 * checked against the same files in test/baseline/provenance.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASELINES, RULE_FILES } from '../../src/data/embedded.ts';

const root = new URL('../../', import.meta.url);
const text = (file: string) => readFileSync(new URL(file, root), 'utf8');

interface RuleSetJson {
  id: string;
  document: { file?: string };
  rules: { id: string; source?: { quote?: string } }[];
}

/** The verbatim pieces of a quote that are not in the text, in order. */
function missingPieces(quote: string, doc: string): string[] {
  const missing: string[] = [];
  let at = 0;
  for (const piece of quote.split(/…+/).filter(Boolean)) {
    const i = doc.indexOf(piece, at);
    if (i < 0) missing.push(piece);
    else at = i + piece.length;
  }
  return missing;
}

describe('source documents in the repository', () => {
  const sets = Object.values(RULE_FILES) as RuleSetJson[];

  it.each(sets.map((s) => [s.id, s] as const))('%s names a document file that exists under seeds/sources/', (_id, set) => {
    expect(set.document.file).toMatch(/^seeds\/sources\//);
    expect(existsSync(new URL(set.document.file!, root))).toBe(true);
  });

  it.each(sets.map((s) => [s.id, s] as const))('%s quotes its document verbatim', (_id, set) => {
    const doc = text(set.document.file!);
    const wrong = set.rules.flatMap((r) => (r.source?.quote ? missingPieces(r.source.quote, doc).map((p) => `${r.id}: ${p}`) : []));
    expect(wrong).toEqual([]);
  });

  it('every baseline names its report under seeds/sources/', () => {
    for (const [name, json] of Object.entries(BASELINES)) {
      const file = (json as { source: { file: string } }).source.file;
      expect(file, name).toMatch(/^seeds\/sources\//);
      expect(existsSync(new URL(file, root)), name).toBe(true);
    }
  });

  it('holds the five seed documents as received (byte sizes)', () => {
    const sizes = Object.fromEntries(readdirSync(new URL('seeds/sources/', root)).filter((f) => /^00\d_/.test(f)).map((f) => [f, readFileSync(new URL(`seeds/sources/${f}`, root)).length]));
    // byte sizes of the documents as received
    expect(sizes).toEqual({
      '000_b6dbc1e4b0658db8.txt': 5910,
      '001_1e5405ead1cec1d7.txt': 6598,
      '002_b459c0d7b116afb5.txt': 5168,
      '003_2f8dcdecc2c78d08.txt': 8896,
      '004_c38d2466fda5a71d.txt': 13268,
    });
  });

  it('no rule set or baseline refers to a document outside the repository', () => {
    const outside = [...Object.entries(RULE_FILES), ...Object.entries(BASELINES)]
      .filter(([, json]) => /shared\/(seeds|reference)\//.test(JSON.stringify(json)))
      .map(([name]) => name);
    expect(outside).toEqual([]);
  });

  it('finds an elided quote only in order, and reports a wrong one', () => {
    expect(missingPieces('甲……乙', '甲 then 乙')).toEqual([]);
    expect(missingPieces('乙……甲', '甲 then 乙')).toEqual(['甲']);
    expect(missingPieces('丙', '甲 then 乙')).toEqual(['丙']);
  });
});
