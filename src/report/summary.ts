/**
 * A projection as rows and columns for people: amounts in 万元 as the
 * reports print them. JSON keeps exact decimal strings; tables round for the eye.
 * The CLI and the workbench both use these, so they always show the same numbers.
 */
import { toWan, type Dec } from '../common/money.ts';
import type { FundId } from '../model/base-year.ts';
import type { FundProjection, FundYear, WarningLevel } from '../model/fund-year.ts';
import type { Projection } from '../model/project.ts';

export const FUND_NAMES: Record<FundId, { zh: string; en: string }> = {
  employee: { zh: '职工基本医疗保险', en: 'Employee insurance' },
  'employee.pooling': { zh: '统筹基金', en: 'Pooling fund' },
  'employee.account': { zh: '个人账户', en: 'Personal accounts' },
  'employee.largeAmount': { zh: '大额医疗补助', en: 'Large-amount supplement' },
  'employee.civilServant': { zh: '公务员医疗补助', en: 'Civil-servant supplement' },
  resident: { zh: '城乡居民基本医疗保险', en: 'Resident insurance' },
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

/** Exact 万元, no exponent: 158510.4 万元 → "158510.4". */
export function wanExact(yuan: Dec): string {
  return toWan(yuan).toFixed();
}

/** 万元 to two decimals, as the reports print. */
export function wan2(yuan: Dec): string {
  return toWan(yuan).toFixed(2);
}

export interface FundYearRow {
  fund: FundId;
  year: number;
  income: string;
  expenditure: string;
  currentBalance: string;
  balanceRate: string | null;
  cumulative: string;
  monthsPayable: string | null;
  warning: WarningLevel;
  incomeBySource: Record<string, string>;
  expenditureByUse: Record<string, string>;
}

export function fundYearRow(fund: FundId, y: FundYear): FundYearRow {
  const lines = (r: Partial<Record<string, Dec>>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, wanExact(v!)]));
  return {
    fund,
    year: y.year,
    income: wanExact(y.incomeTotal),
    expenditure: wanExact(y.expenditureTotal),
    currentBalance: wanExact(y.currentBalance),
    balanceRate: y.balanceRate ? y.balanceRate.toDecimalPlaces(4).toFixed() : null,
    cumulative: wanExact(y.cumulative),
    monthsPayable: y.monthsPayable ? y.monthsPayable.toDecimalPlaces(4).toFixed() : null,
    warning: y.warning,
    incomeBySource: lines(y.income),
    expenditureByUse: lines(y.expenditure),
  };
}

export function projectionJson(p: Projection, hash: string, title: string): unknown {
  return {
    title,
    contentHash: hash,
    unit: '万元',
    baseYear: p.baseYear,
    until: p.until,
    funds: p.funds.map((f) => ({
      fund: f.id,
      name: FUND_NAMES[f.id],
      parts: f.parts ?? null,
      firstDeficitYear: f.firstDeficitYear ?? null,
      exhaustionYear: f.exhaustionYear ?? null,
      years: f.years.map((y) => fundYearRow(f.id, y)),
    })),
    subsidyByLevel: p.subsidy.map((s) => ({ year: s.year, central: wanExact(s.central), region: wanExact(s.region), city: wanExact(s.city), county: wanExact(s.county), unspecified: wanExact(s.unspecified) })),
    subsidyTotalsAfterBaseYear: Object.fromEntries(Object.entries(p.subsidyTotals).map(([k, v]) => [k, wanExact(v)])),
    perPerson: p.perPerson.map((x) => ({
      year: x.year,
      unit: '元/年',
      residentStandard: x.residentStandard?.toFixed() ?? null,
      residentSubsidy: x.residentSubsidy?.toFixed() ?? null,
      aidPays: { tekun: x.aidPays.tekun.toFixed(2), dibao: x.aidPays.dibao.toFixed(2), fanpin: x.aidPays.fanpin.toFixed(2) },
    })),
    notes: p.notes,
  };
}

export function fundById(p: Projection, id: FundId): FundProjection | undefined {
  return p.funds.find((f) => f.id === id);
}
