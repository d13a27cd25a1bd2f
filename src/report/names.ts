/** What funds and warning levels are called, in Chinese and English (no arithmetic here, so the page can import it). */
import type { FundId } from '../model/base-year.ts';
import type { WarningLevel } from '../model/fund-year.ts';

export const FUND_NAMES: Record<FundId, { zh: string; en: string }> = {
  employee: { zh: '职工基本医疗保险', en: 'Employee insurance' },
  'employee.pooling': { zh: '统筹基金', en: 'Pooling fund' },
  'employee.account': { zh: '个人账户', en: 'Personal accounts' },
  'employee.largeAmount': { zh: '大额医疗补助', en: 'Large-amount supplement' },
  'employee.civilServant': { zh: '公务员医疗补助', en: 'Civil-servant supplement' },
  resident: { zh: '城乡居民基本医疗保险', en: 'Resident insurance' },
  aid: { zh: '医疗救助', en: 'Medical aid' },
};

/** Funds by the short names sheets carry (a sheet name holds at most 31 characters). */
export const FUND_SHORT_NAMES: Record<FundId, { zh: string; en: string }> = {
  employee: { zh: '职工医保', en: 'Employee' },
  'employee.pooling': { zh: '统筹基金', en: 'Pooling' },
  'employee.account': { zh: '个人账户', en: 'Accounts' },
  'employee.largeAmount': { zh: '大额医疗补助', en: 'Large-amount' },
  'employee.civilServant': { zh: '公务员医疗补助', en: 'Civil servant' },
  resident: { zh: '居民医保', en: 'Resident' },
  aid: { zh: '医疗救助', en: 'Medical aid' },
};

export const WARNING_NAMES: Record<WarningLevel, { zh: string; en: string }> = {
  exhausted: { zh: '累计结存耗尽', en: 'exhausted' },
  insufficient: { zh: '结余不足', en: 'too little' },
  'below-normal': { zh: '低于合理区间', en: 'below normal' },
  normal: { zh: '合理', en: 'normal' },
  'above-normal': { zh: '高于合理区间', en: 'above normal' },
  excessive: { zh: '结余过多', en: 'too much surplus' },
  unknown: { zh: '—', en: '—' },
};
