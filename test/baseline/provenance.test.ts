/**
 * Every figure of a seed baseline must be traceable: its quote appears in the
 * source document, and the quote shows the printed digits (unless a note
 * explains the reading, as for "无支出" read as 0).
 */
import { describe, expect, it } from 'vitest';
import schema from '../../seeds/baseline.schema.json' with { type: 'json' };
import { NODE_SPECS, type NodeSpecName } from '../../src/baseline/slots.ts';
import { UNITS } from '../../src/baseline/units.ts';
import { FUND_KINDS } from '../../src/baseline/types.ts';
import { SEED_NAMES, seed, sourceText } from './seeds.ts';

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();

interface Quoted {
  pointer: string;
  quote: string;
  value?: string;
  note?: string;
}

function quoted(v: unknown, ptr = ''): Quoted[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => quoted(x, `${ptr}/${i}`));
  if (v === null || typeof v !== 'object') return [];
  const o = v as Record<string, unknown>;
  const own: Quoted[] = typeof o.quote === 'string'
    ? [{ pointer: ptr, quote: o.quote, value: o.value as string | undefined, note: o.note as string | undefined }]
    : [];
  return [...own, ...Object.entries(o).flatMap(([k, x]) => quoted(x, `${ptr}/${k}`))];
}

describe.each(SEED_NAMES)('provenance of %s', (name) => {
  const b = seed(name);
  const doc = normalize(sourceText(b.source.file));
  const figures = quoted(b);

  it('has quotes', () => {
    expect(figures.length).toBeGreaterThan(50);
  });

  it('quotes only text that is in the source document', () => {
    const missing = figures.filter((f) => !doc.includes(normalize(f.quote))).map((f) => `${f.pointer}: ${f.quote}`);
    expect(missing).toEqual([]);
  });

  it('shows each printed value in its quote, or explains the reading in a note', () => {
    const bad = figures
      .filter((f) => f.value !== undefined && f.note === undefined && !normalize(f.quote).includes(f.value.replace(/^-/, '')))
      .map((f) => `${f.pointer}: ${f.value} not in "${f.quote}"`);
    expect(bad).toEqual([]);
  });
});

describe('schema and code agree', () => {
  const defs = (schema as unknown as { definitions: Record<string, { properties: Record<string, { properties?: Record<string, unknown> }> }> }).definitions;

  it('has the part names of every breakdown in src/baseline/slots.ts', () => {
    for (const [name, spec] of Object.entries(NODE_SPECS) as [NodeSpecName, (typeof NODE_SPECS)[NodeSpecName]][]) {
      const parts = defs[`node_${name}`]?.properties.parts?.properties;
      expect(Object.keys(parts ?? {}), name).toEqual(Object.keys(spec.parts ?? {}));
    }
  });

  it('has the units and fund kinds of the code', () => {
    expect((defs.unit as unknown as { enum: string[] }).enum).toEqual([...UNITS]);
    expect((defs.fund?.properties.kind as unknown as { enum: string[] }).enum).toEqual([...FUND_KINDS]);
  });
});
