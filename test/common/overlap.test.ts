/**
 * The sweep that replaced pairing every rule with every other must find
 * exactly the pairs the pairwise check found: compared on random periods
 * (open ends included), within one list and across two.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlappingPairs, periodSpan, periodsOverlap, type Period, type PeriodSpan } from '../../src/common/period.ts';

const period = fc.record({ from: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }), until: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }) }).map(
  (p): Period => (p.from !== undefined && p.until !== undefined && p.from > p.until ? { from: p.until, until: p.from } : p),
);

const spans = (ps: Period[], offset = 0) => ps.map((p, i) => periodSpan(p, i + offset, p));
const key = (a: PeriodSpan<Period>, b: PeriodSpan<Period>) => `${a.i}-${b.i}`;

function pairwise(as: PeriodSpan<Period>[], bs: PeriodSpan<Period>[]): string[] {
  const out: string[] = [];
  for (const a of as) for (const b of bs) if (a.i !== b.i && (as !== bs || a.i < b.i) && periodsOverlap(a.item, b.item)) out.push(key(a, b));
  return out.sort();
}

function swept(as: PeriodSpan<Period>[], bs: PeriodSpan<Period>[]): string[] {
  const out: string[] = [];
  overlappingPairs(as, bs, (a, b) => out.push(key(a, b)));
  return out.sort();
}

describe('overlapping periods by sweeping', () => {
  it('finds the pairs of one list that the pairwise check finds, lower index first', () => {
    fc.assert(
      fc.property(fc.array(period, { maxLength: 30 }), (ps) => {
        const list = spans(ps);
        expect(swept(list, list)).toEqual(pairwise(list, list));
      }),
      { numRuns: 300 },
    );
  });

  it('finds the pairs across two lists, each pair as (first list, second list)', () => {
    fc.assert(
      fc.property(fc.array(period, { maxLength: 20 }), fc.array(period, { maxLength: 20 }), (p, q) => {
        const as = spans(p);
        const bs = spans(q, 100);
        expect(swept(as, bs)).toEqual(pairwise(as, bs));
      }),
      { numRuns: 300 },
    );
  });

  it('2020-02..2020-06 meets an open-ended rule and a one-month rule inside it, not one after it', () => {
    // month numbers: 2020-02 = 24241, 2020-06 = 24245
    const list = spans([{ from: 24241, until: 24245 }, { from: 24000 }, { from: 24243, until: 24243 }, { from: 24246, until: 24250 }]);
    expect(swept(list, list)).toEqual(['0-1', '0-2', '1-2', '1-3']);
  });
});
