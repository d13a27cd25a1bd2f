/** Which baselines' reports state their amounts in 亿元, and the exact 亿元 text of an amount in 万元. */
import { describe, expect, it } from 'vitest';
import { statesAmountsInYi } from '../../src/app/report-unit.ts';
import { yiExact, yiText } from '../../src/ui/format.ts';
import national from '../../seeds/baselines/national-2022.json' with { type: 'json' };
import xinjiang from '../../seeds/baselines/xinjiang-2020.json' with { type: 'json' };
import banner from '../../seeds/baselines/banner-2022.json' with { type: 'json' };

describe('amounts in 亿元', () => {
  it('the national bulletin states its amounts in 亿元; the banner and Xinjiang reports in 万元 (Xinjiang quotes one sum in 亿元)', () => {
    expect(statesAmountsInYi(national)).toBe(true);
    expect(statesAmountsInYi(banner)).toBe(false);
    expect(statesAmountsInYi(xinjiang)).toBe(false);
  });

  it('moves the decimal point of the exact 万元 text four places and rounds to 0.01 亿元, half away from zero', () => {
    // 1,082,447,515.74 万元 = 108,244.751574 亿元 → 108,244.75
    expect(yiText('1082447515.74')).toBe('108,244.75');
    // 123.45 万元 = 0.012345 亿元 → 0.01; 50 万元 = 0.005 亿元 → 0.01 (half up); -50 万元 → -0.01; -49.99 万元 → 0.00
    expect(yiText('123.45')).toBe('0.01');
    expect(yiText('50')).toBe('0.01');
    expect(yiText('-50')).toBe('-0.01');
    expect(yiText('-49.99')).toBe('0.00');
    // beyond a float's 15-16 digits, every digit kept: 90,071,992,547,409.935 万元 → 9,007,199,254.74 亿元
    expect(yiText('90071992547409.935')).toBe('9,007,199,254.74');
    expect(yiText('9007199254740993.5')).toBe('900,719,925,474.10');
  });

  it('exports 亿元 with every digit: the point moved, nothing rounded', () => {
    expect(yiExact('1082447515.737573')).toBe('108244.7515737573');
    expect(yiExact('-177546511.924926')).toBe('-17754.6511924926');
    expect(yiExact('50')).toBe('0.005');
    expect(yiExact('120000')).toBe('12');
    expect(yiExact('0')).toBe('0');
  });
});
