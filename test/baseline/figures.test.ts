import { describe, expect, it } from 'vitest';
import { FigureIndex } from '../../src/baseline/figures.ts';
import { seed } from './seeds.ts';

describe('figure index (what a projection reads)', () => {
  it('gives printed, implied and summed figures per fund, period and path', () => {
    const banner = new FigureIndex(seed('banner-2022'));
    expect(banner.value('employee', '2022', 'cumulativeBalance', '万元')?.toString()).toBe('158510.4');
    expect(banner.value('employee', '2022', 'cumulativeBalance')?.toString()).toBe('1585104000');
    // 2021 resident income is not printed: 6692.82 - 609.18
    expect(banner.get('resident', '2021', 'income')?.origin).toBe('implied');
    expect(banner.value('resident', '2021', 'income', '万元')?.toString()).toBe('6083.64');
    // 2020 subsidies by level, no total printed: 2998 + 380 + 42.6 + 557.82
    expect(banner.value('resident', '2020', 'income.subsidy', '万元')?.toString()).toBe('3978.42');
    // A partial list gives no exact total.
    expect(banner.value('resident', '2020', 'income', '万元')).toBeUndefined();
    expect(banner.periods('employee')).toEqual(['2020', '2021', '2022']);

    const city = new FigureIndex(seed('city-2021-2022h1'));
    expect(city.value('resident', '2021', 'visits.inpatient', '万人次')?.toString()).toBe('61.48');
    expect(city.value('resident', '2021', 'visits.inpatient.costPerVisit')?.toString()).toBe('5044.1');
    // Whole years sort before their halves: the per-capita standard of 2022, then the first half's accounts.
    expect(city.periods('resident')).toEqual(['2021', '2022', '2022-H1']);
  });
});
