/**
 * npm run backtest's table, as a reader sees it: amounts in 万元 with their thousands grouped, and why a year
 * could not be a start in Chinese above the English.
 */
import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/cli/backtest.ts';
import { grouped } from '../../src/cli/args.ts';

describe('grouped', () => {
  it('groups the thousands of the whole part only, for negatives too', () => {
    expect(grouped('207932700.00')).toBe('207,932,700.00');
    expect(grouped('-1156780000')).toBe('-1,156,780,000');
    expect(grouped('999.995')).toBe('999.995');
    expect(grouped('1000')).toBe('1,000');
  });
});

describe('npm run backtest -- national-2022', () => {
  it('prints the bulletins’ figures grouped, and the years it cannot start from in both languages', async () => {
    let out = '';
    const code = await runBacktest(['national-2022'], { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true } });
    expect(code).toBe(0);
    // 2022 employee income: 20793.27 亿元 in the bulletin = 207,932,700 万元
    expect(out).toMatch(/职工基本医疗保险 +收入 income +2022 +207,932,700\.00 /);
    expect(out).toContain('金额单位 万元 amounts in 万元');
    expect(out).toContain('未能从2019年起：基线没有可作为起点的完整的 2019 年（没有哪个基金报告了 2019 年的收入）\n  could not start from 2019: the baseline has no full year 2019 to start from (no fund reports income for 2019)');
  }, 60_000);
});
