/**
 * The balance rate and months payable to 4 decimals, and the warning level, found from float64 where it
 * decides them (src/model/displayed-ratio.ts), are always the exact record's: over random whole-fen
 * amounts from a fen to beyond 2^53 fen, every months-payable method and random thresholds, and at
 * constructed values exactly on a rounding boundary or a threshold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D, type Dec } from '../../src/common/money.ts';
import { closeYear, warningLevel, type FundYear, type MonthsPayableMethod, type Thresholds } from '../../src/model/fund-year.ts';

const yuan = (fen: bigint | number | string): Dec => new D(String(fen)).dividedBy(100);
const SHIPPED: Thresholds = { low: new D(3), normalLow: new D(6), normalHigh: new D(9), high: new D(15) }; // rules/national/fund-warning.json

/** What the exact record shows: the 40-digit ratios to 4 decimals, and the level from the exact months payable. */
function exact(y: FundYear, t: Thresholds) {
  return {
    balanceRate: y.balanceRate ? y.balanceRate.toDecimalPlaces(4).toFixed() : null,
    monthsPayable: y.monthsPayable ? y.monthsPayable.toDecimalPlaces(4).toFixed() : null,
    warning: warningLevel(y.cumulative, y.monthsPayable, t),
  };
}

const shown = (y: FundYear) => ({ balanceRate: y.balanceRateText, monthsPayable: y.monthsPayableText, warning: y.warning });

function year(income: Dec, expenditure: Dec, opening: Dec, past: Dec[], method: MonthsPayableMethod, t: Thresholds): FundYear {
  return closeYear(2030, { contributions: income }, { benefits: expenditure }, opening, past, method, t);
}

// Whole fen at every scale: a few fen, a county's, a nation's (10^14 fen), and past 2^53 fen, of either sign.
const fen = fc.oneof(
  fc.bigInt({ min: -10_000n, max: 10_000n }),
  fc.bigInt({ min: -(10n ** 11n), max: 10n ** 11n }),
  fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
  fc.bigInt({ min: -(10n ** 19n), max: 10n ** 19n }),
  fc.constant(0n),
);
const positiveFen = fc.oneof(fc.bigInt({ min: 1n, max: 10_000n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 17n }));
// Thresholds in months with up to 2 decimals, in order low ≤ normalLow ≤ normalHigh ≤ high (as the registry requires).
const thresholds = fc
  .array(fc.integer({ min: 0, max: 3000 }), { minLength: 4, maxLength: 4 })
  .map((xs) => {
    const [low, normalLow, normalHigh, high] = [...xs].sort((a, b) => a - b).map((x) => yuan(x));
    return { low, normalLow, normalHigh, high } as Thresholds;
  });
const method = fc.constantFrom<MonthsPayableMethod>('current-year-expenditure', 'last-year-expenditure', 'average-expenditure-3-years');

describe('displayed ratios from float64', () => {
  it('equal the exact record over random amounts, methods and thresholds', () => {
    fc.assert(
      fc.property(fen, positiveFen, fen, fc.array(positiveFen, { maxLength: 2 }), method, fc.oneof(fc.constant(SHIPPED), thresholds), (income, expenditure, opening, past, m, t) => {
        const y = year(yuan(income), yuan(expenditure), yuan(opening), past.map(yuan), m, t);
        expect(shown(y)).toEqual(exact(y, t));
      }),
      { numRuns: 20000, seed: 20261126 },
    );
  }, 120_000); // 20,000 fund years of 40-digit arithmetic: about 3 s alone, several times that on a busy machine

  it('months payable near the shipped thresholds: the level is the exact one on either side and at each', () => {
    // Expenditure 12 yuan a year is 1 yuan a month: months payable = the cumulative balance in yuan.
    fc.assert(
      fc.property(fc.constantFrom(3, 6, 9, 15), fc.integer({ min: -3, max: 3 }), (threshold, fenOff) => {
        const y = year(new D(20), new D(12), yuan((threshold - 8) * 100 + fenOff), [], 'current-year-expenditure', SHIPPED);
        expect(shown(y)).toEqual(exact(y, SHIPPED));
      }),
    );
  });

  it('at a half of the fourth decimal: rounded half up, away from zero, as the exact record', () => {
    // Balance rate 0.01 / 20000 × 100 = 0.00005 %: half up to 0.0001, and −0.0001 for a deficit of a fen.
    const up = year(new D(20000), new D('19999.99'), new D(0), [], 'current-year-expenditure', SHIPPED);
    expect(up.balanceRateText).toBe('0.0001');
    const down = year(new D(20000), new D('20000.01'), new D(0), [], 'current-year-expenditure', SHIPPED);
    expect(down.balanceRateText).toBe('-0.0001');
    // Months payable 1 × 12 / 240000 = 0.00005: 0.0001, level insufficient; 0.9 yuan: 0.000045, shown as 0.
    const months = year(new D(240000), new D(240000), new D(1), [], 'current-year-expenditure', SHIPPED);
    expect([months.monthsPayableText, months.warning]).toEqual(['0.0001', 'insufficient']);
    const zero = year(new D(240000), new D(240000), new D('0.9'), [], 'current-year-expenditure', SHIPPED);
    expect(zero.monthsPayableText).toBe('0');
    for (const y of [up, down, months, zero]) expect(shown(y)).toEqual(exact(y, SHIPPED));
  });

  it('the three-year average: 36 × cumulative over three years of expenditure', () => {
    // (100 + 110 + 120) / 3 = 110 a year; 55 × 12 / 110 = 6 months exactly: at normalLow, so normal.
    const y = year(new D(130), new D(120), new D(55 - 10), [new D(110), new D(100)], 'average-expenditure-3-years', SHIPPED);
    expect([y.monthsPayableText, y.warning]).toEqual(['6', 'normal']);
    // Without two earlier years it has no months payable, and no level.
    const short = year(new D(130), new D(120), new D(45), [new D(110)], 'average-expenditure-3-years', SHIPPED);
    expect([short.monthsPayableText, short.warning]).toEqual([null, 'unknown']);
  });
});
