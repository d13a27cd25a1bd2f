/**
 * A base year typed in by hand from seed 000 (the banner's 2022 report), in 元,
 * independent of the baseline loader, so model tests do not depend on it.
 */
import { D, type Dec } from '../../src/common/money.ts';
import type { BaseYear } from '../../src/model/base-year.ts';

/** 万元 as printed → 元. */
export const wan = (s: string): Dec => new D(s).times(10000);

export function bannerBase(): BaseYear {
  return {
    year: 2022,
    region: '旗',
    source: 'seed 000',
    counts: { resident: new D(65336) },
    employees: new D(56945),
    statedGrowth: { resident: new D('-1.88'), inService: new D('-0.04'), retiree: new D('-0.04'), flexible: new D('-0.04') },
    avgMonthlyWage: {},
    funds: [
      {
        id: 'employee',
        income: {},
        expenditure: {},
        cumulative: wan('158510.4'),
        reportedTotals: { income: wan('43370.17'), expenditure: wan('9396.57') },
        pastExpenditure: { 2021: wan('10829.37'), 2020: wan('12593.7') },
      },
      { id: 'employee.pooling', income: { contributions: wan('31005.43') }, expenditure: { benefits: wan('4584.27') }, cumulative: wan('104962.5'), pastExpenditure: { 2021: wan('9654.95'), 2020: wan('7993.09') } },
      { id: 'employee.account', income: { contributions: wan('10895.63') }, expenditure: { benefits: wan('4565.62') }, cumulative: wan('47935.58') },
      { id: 'employee.largeAmount', income: { contributions: wan('1240.4') }, expenditure: { benefits: wan('245.77') }, cumulative: wan('4567.49') },
      { id: 'employee.civilServant', income: { contributions: wan('227.81') }, expenditure: {}, cumulative: wan('1044.83') },
      {
        id: 'resident',
        income: {
          'contributions.individual': wan('2546.22'),
          'subsidy.central': wan('3114'),
          'subsidy.region': wan('663'),
          'subsidy.city': wan('85.02'),
          'subsidy.county': wan('270.89'),
          other: wan('13.69'), // 6692.82 - 2546.22 - 4132.91
        },
        expenditure: { benefits: wan('1991.34') },
        cumulative: wan('6909.85'),
        pastExpenditure: { 2021: wan('5535.67') },
      },
      {
        id: 'aid',
        income: { 'subsidy.central': wan('403.61'), 'subsidy.city': wan('96.38'), 'subsidy.county': wan('112.88') },
        expenditure: { 'aid.contributions': wan('0'), 'aid.medical': wan('140.54') },
        cumulative: wan('478.19'),
        pastExpenditure: { 2021: wan('426.61') },
      },
    ],
  };
}
