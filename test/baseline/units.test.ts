import { describe, expect, it } from 'vitest';
import { D } from '../../src/common/money.ts';
import { convert, dimensionOf, fromBase, toBase } from '../../src/baseline/units.ts';
import { openingPeriods, parsePeriod, sameEarlierYear } from '../../src/baseline/periods.ts';

describe('units', () => {
  it('converts to base units exactly', () => {
    expect(toBase(new D('43370.17'), '万元').toString()).toBe('433701700');
    expect(toBase(new D('246656'), '亿元').toFixed()).toBe('24665600000000');
    expect(toBase(new D('36.67'), '万人').toString()).toBe('366700');
    expect(toBase(new D('323.04'), '万人次').toString()).toBe('3230400');
    expect(fromBase(new D('1'), '万元').toString()).toBe('0.0001');
    expect(convert(new D('246656'), '万元', '亿元').toString()).toBe('24.6656');
    expect(convert(new D('0.01'), '万元', '元').toString()).toBe('100');
  });

  it('refuses to convert between dimensions', () => {
    expect(dimensionOf('万人次')).toBe('visits');
    expect(() => convert(new D(1), '万元', '万人')).toThrow('cannot convert 万元 to 万人');
  });
});

describe('periods', () => {
  it('parses years, halves and quarters, and refuses the rest', () => {
    expect(parsePeriod('2022-H1')).toEqual({ key: '2022-H1', year: 2022, part: 'H1', firstMonth: 1, months: 6 });
    expect(parsePeriod('2020-Q3')?.firstMonth).toBe(7);
    expect(parsePeriod('20x2')).toBeUndefined();
    expect(parsePeriod('1899')).toBeUndefined();
    expect(parsePeriod('2022-06')).toBeUndefined();
  });

  it('knows the same period a year earlier and the periods a balance opens from', () => {
    expect(sameEarlierYear('2022-H1')).toBe('2021-H1');
    expect(openingPeriods('2022-H1')).toEqual(['2021', '2021-H2', '2021-Q4']);
    expect(openingPeriods('2022-H2')).toEqual(['2022-H1', '2022-Q2']);
  });
});
