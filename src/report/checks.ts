/**
 * What a reader of a projection must be told beside the numbers: results an
 * assumption made absurd, indicators that could not be computed and why, and
 * each fund's fiscal subsidy by government level in its own columns (the
 * resident subsidy is split by level; medical aid's and the employee fund's
 * are not, and must not be mixed into the resident columns). No arithmetic
 * of policy here: only reading the projection.
 */
import { D, ZERO, type Dec } from '../common/money.ts';
import type { FundId } from '../model/base-year.ts';
import type { FundYear } from '../model/fund-year.ts';
import type { Projection, SubsidyYear } from '../model/project.ts';
import { FUND_NAMES } from './names.ts';
import type { Text } from '../rules/types.ts';

/**
 * An amount of one fund is absurd beyond 10 万亿元 (1e13 元, more than three times the income of all of
 * China's basic medical insurance in 2022: employee 20793.27 + resident 10128.90 亿元 = 3.09 万亿元, 公报;
 * seeds/sources/national-bulletins.md) and beyond 1000 times the fund's own income in the base year. The
 * second bound keeps the national funds' own projections out: their balances pass 10 万亿元 in the 2030s
 * and their deficits reach 38-57 times their 2022 income by 2060 when costs outgrow wages, which is what
 * such a projection says, not an error; a banner whose balance passes 10 万亿元 is 26,000 times its income.
 */
export const SANITY_BOUND_YUAN = new D('1e13');
export const SANITY_BOUND_INCOMES = 1000;

export interface SanityWarning extends Text {
  fund: FundId | 'counts';
  /** The first year it happens. */
  year: number;
  kind: 'beyond-bound' | 'negative-amount' | 'below-one-person';
}

export interface IndicatorGap extends Text {
  fund: FundId;
  indicator: 'balanceRate' | 'monthsPayable' | 'warning';
  /** The years it concerns (consecutive years with the same reason are one gap). */
  from: number;
  until: number;
}

/** One fund's subsidy in one year; `unspecified` is what the report gives without levels. */
export type FundSubsidyYear = SubsidyYear;

export interface FundSubsidy {
  fund: FundId;
  years: FundSubsidyYear[];
  /** Sum over the projected years after the base year. */
  totals: Omit<FundSubsidyYear, 'year'>;
}

const wanText = (yuan: Dec) => yuan.dividedBy(10000).toSignificantDigits(6).toString();

/**
 * Results no real fund can have, each said once per fund and kind, at the first year it happens. A fund
 * whose balance runs out is a projection like any other (its months payable read 耗尽), not one of them.
 */
export function sanityWarnings(p: Projection): SanityWarning[] {
  const out: SanityWarning[] = [];
  for (const f of p.funds) {
    const name = FUND_NAMES[f.id];
    const first = (test: (y: FundYear) => boolean) => f.years.find(test);
    const baseIncome = f.years[0]?.incomeTotal.abs() ?? ZERO;
    const bound = D.max(SANITY_BOUND_YUAN, baseIncome.times(SANITY_BOUND_INCOMES));
    const big = first((y) => [y.incomeTotal, y.expenditureTotal, y.cumulative].some((v) => v.abs().greaterThan(bound)));
    if (big) {
      const amounts = [
        { zh: '收入', en: 'income', v: big.incomeTotal },
        { zh: '支出', en: 'expenditure', v: big.expenditureTotal },
        { zh: '累计结存', en: 'cumulative balance', v: big.cumulative },
      ];
      const worst = amounts.reduce((m, x) => (x.v.abs().greaterThan(m.v.abs()) ? x : m));
      out.push({
        fund: f.id,
        year: big.year,
        kind: 'beyond-bound',
        zh: `${name.zh} ${big.year}年起金额超过10万亿元（${worst.zh} ${wanText(worst.v)} 万元），超过全国基本医保年收入的三倍，也超过该基金基期年收入的${SANITY_BOUND_INCOMES}倍：请检查增长率等假设`,
        en: `${name.en}: from ${big.year} an amount exceeds 10 万亿元 (${worst.en} ${wanText(worst.v)} 万元), over three times the yearly income of all of China's basic medical insurance and ${SANITY_BOUND_INCOMES} times the fund's own income in the base year; check the growth assumptions`,
      });
    }
    const negative = first((y) => y.incomeTotal.isNegative() || y.expenditureTotal.isNegative());
    if (negative) {
      out.push({
        fund: f.id,
        year: negative.year,
        kind: 'negative-amount',
        zh: `${name.zh} ${negative.year}年收入或支出为负（收入 ${wanText(negative.incomeTotal)}、支出 ${wanText(negative.expenditureTotal)} 万元）：请检查假设`,
        en: `${name.en}: income or expenditure is negative in ${negative.year} (income ${wanText(negative.incomeTotal)}, expenditure ${wanText(negative.expenditureTotal)} 万元); check the assumptions`,
      });
    }
  }
  const seen = new Set<string>();
  for (const { year, counts } of p.counts) {
    for (const [group, n] of Object.entries(counts) as [string, Dec][]) {
      if (seen.has(group) || n.greaterThanOrEqualTo(1) || n.isZero()) continue;
      seen.add(group);
      out.push({
        fund: 'counts',
        year,
        kind: 'below-one-person',
        zh: `参保人数（${group}）${year}年不足1人（${n.toSignificantDigits(4).toString()}）：请检查参保人数增长假设`,
        en: `insured ${group} fall below one person in ${year} (${n.toSignificantDigits(4).toString()}); check the growth assumption`,
      });
    }
  }
  return out;
}

function gapReason(y: FundYear, indicator: IndicatorGap['indicator']): Text | undefined {
  if (indicator === 'balanceRate') {
    return y.balanceRate === undefined ? { zh: '无收入，结存率无法计算', en: 'no income: the balance rate is income − expenditure over income' } : undefined;
  }
  if (indicator === 'monthsPayable') {
    if (y.monthsPayable === undefined) {
      if (y.expenditureTotal.isZero()) return { zh: '无支出，可支付月数无法计算', en: 'no expenditure: months payable divides the balance by monthly expenditure' };
      return {
        zh: '该口径需要前几年的支出，基线未提供',
        en: `the method ${y.monthsPayableMethod} needs earlier years' expenditure, which the baseline does not give`,
      };
    }
    if (y.monthsPayable.isZero() && y.cumulative.isZero()) {
      return {
        zh: '累计结存为0：基金不留结存（如旗县将结余上解上级），可支付月数为0',
        en: 'the cumulative balance is 0: the fund keeps no balance of its own (a county that remits its balance upward, 上解上级), so months payable is 0',
      };
    }
    return undefined;
  }
  if (y.warning !== 'unknown') return undefined;
  if (y.monthsPayable === undefined) return { zh: '可支付月数无法计算，无预警等级', en: 'no warning level without months payable' };
  return { zh: '所选规则未设定预警区间', en: 'the rules set no months-payable warning bands' };
}

/** Every indicator a table shows as "—" (or as a bare 0 that needs a reason), with why, over consecutive years. */
export function indicatorGaps(p: Projection): IndicatorGap[] {
  const out: IndicatorGap[] = [];
  for (const f of p.funds) {
    for (const indicator of ['balanceRate', 'monthsPayable', 'warning'] as const) {
      let open: IndicatorGap | undefined;
      for (const y of f.years) {
        const why = gapReason(y, indicator);
        if (why && open && open.en === why.en && open.until === y.year - 1) open.until = y.year;
        else if (why) out.push((open = { fund: f.id, indicator, from: y.year, until: y.year, ...why }));
        else open = undefined;
      }
    }
  }
  return out;
}

/** Each top-level fund's fiscal subsidy by level, for the funds that have any. */
export function subsidyByFund(p: Projection): FundSubsidy[] {
  const out: FundSubsidy[] = [];
  for (const f of p.funds.filter((x) => !x.id.includes('.'))) {
    const years = f.years.map((y) => ({
      year: y.year,
      central: y.income['subsidy.central'] ?? ZERO,
      region: y.income['subsidy.region'] ?? ZERO,
      city: y.income['subsidy.city'] ?? ZERO,
      county: y.income['subsidy.county'] ?? ZERO,
      unspecified: y.income.subsidy ?? ZERO,
    }));
    if (years.every((y) => [y.central, y.region, y.city, y.county, y.unspecified].every((v) => v.isZero()))) continue;
    const after = years.slice(1);
    const total = (k: keyof Omit<FundSubsidyYear, 'year'>) => after.reduce((s, r) => s.plus(r[k]), ZERO);
    out.push({ fund: f.id, years, totals: { central: total('central'), region: total('region'), city: total('city'), county: total('county'), unspecified: total('unspecified') } });
  }
  return out;
}

/** The checks as JSON beside a projection: exact 万元 strings. */
export function checksJson(p: Projection): { subsidyByFund: unknown; sanityWarnings: SanityWarning[]; indicatorGaps: IndicatorGap[] } {
  const wan = (v: Dec) => v.dividedBy(10000).toFixed();
  const row = (r: Omit<FundSubsidyYear, 'year'>) => ({ central: wan(r.central), region: wan(r.region), city: wan(r.city), county: wan(r.county), unspecified: wan(r.unspecified) });
  return {
    subsidyByFund: subsidyByFund(p).map((s) => ({ fund: s.fund, unit: '万元', years: s.years.map((y) => ({ year: y.year, ...row(y) })), totalsAfterBaseYear: row(s.totals) })),
    sanityWarnings: sanityWarnings(p),
    indicatorGaps: indicatorGaps(p),
  };
}
