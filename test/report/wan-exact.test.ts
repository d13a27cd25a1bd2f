import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { D, toWan } from '../../src/common/money.ts';
import { wanExact } from '../../src/report/summary.ts';

describe('wanExact', () => {
  it('writes yuan as exact 万元, by hand', () => {
    // 1,585,104,000 元 ÷ 10,000 = 158,510.4 万元
    expect(wanExact(new D('1585104000'))).toBe('158510.4');
    // 19,913,400 元 = 1,991.34 万元 (the banner's 2022 resident expenditure)
    expect(wanExact(new D('19913400'))).toBe('1991.34');
    // one fen: 0.01 元 = 0.000001 万元; a debt of one fen likewise
    expect(wanExact(new D('0.01'))).toBe('0.000001');
    expect(wanExact(new D('-0.01'))).toBe('-0.000001');
    expect(wanExact(new D('10000'))).toBe('1');
    expect(wanExact(new D('-123456.78'))).toBe('-12.345678');
    expect(wanExact(new D('0'))).toBe('0');
  });

  it('is the text of the exact division for any amount, fen or finer', () => {
    const amounts = fc.tuple(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.integer({ min: 0, max: 8 })).map(([n, places]) => new D(n.toString()).dividedBy(new D(10).pow(places)));
    fc.assert(fc.property(amounts, (yuan) => wanExact(yuan) === toWan(yuan).toFixed()), { numRuns: 3000 });
  });
});
