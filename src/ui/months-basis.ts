/**
 * What a fund's months payable was divided by, in words: months payable = the cumulative balance ÷
 * the monthly expenditure of the year (or years) its method names (`<scheme>.monthsPayable.method`,
 * a rule parameter: the banner's resident fund divides by the year before's, as its report does).
 * Where that expenditure is a reported year the calibration found abnormal, the figure is as
 * unusual as the year, and the note says so: the banner's resident fund in 2023 has 46.5 months,
 * 7,721.53 ÷ (1,991.34 ÷ 12), its 2022 expenditure as reported, 64.03% below 2021's.
 * Display only: it names the figures the worker sent, and computes nothing.
 */
import type { FundView, RunView } from '../app/views.ts';
import type { MonthsPayableMethod } from '../model/fund-year.ts';
import { pick } from './i18n.ts';
import { methodName } from './labels.ts';
import { monthsPayable, wan } from './format.ts';

type Run = Pick<RunView, 'levers' | 'calibration' | 'baseYear'>;

export interface MonthsBasis {
  year: number;
  /** The sentence: the figure, the balance and the expenditure it is divided by. */
  text: string;
  /** The expenditure it is divided by includes a reported year found abnormal (the reason follows in `text`). */
  abnormal: boolean;
}

/** The months-payable method in force for a fund (its scheme's parameter; the registry's default where no rule sets it). */
export function monthsMethod(run: Pick<RunView, 'levers'>, fundId: string): MonthsPayableMethod {
  const scheme = fundId.split('.')[0];
  const lever = run.levers.find((l) => l.name === `${scheme}.monthsPayable.method`);
  return (lever?.value ?? 'current-year-expenditure') as MonthsPayableMethod;
}

/** The years whose expenditure a year's months payable is divided by. */
function divisorYears(method: MonthsPayableMethod, year: number): number[] {
  if (method === 'last-year-expenditure') return [year - 1];
  if (method === 'average-expenditure-3-years') return [year - 2, year - 1, year];
  return [year];
}

/** The basis of one year's months payable; undefined where the fund shows none. */
export function monthsBasis(run: Run, fund: FundView, year: number): MonthsBasis | undefined {
  const y = fund.years.find((x) => x.year === year);
  if (!y || y.monthsPayable === null) return undefined;
  const method = monthsMethod(run, fund.id);
  const years = divisorYears(method, year);
  const parts = years.map((d) => {
    const amount = fund.years.find((x) => x.year === d)?.expenditure;
    return amount === undefined
      ? pick({ zh: `${d}年支出（见基线报告）`, en: `expenditure ${d} (in the baseline report)` })
      : pick({ zh: `${d}年支出 ${wan(amount)}万元`, en: `expenditure ${d}: ${wan(amount)}` });
  });
  const odd = run.calibration.abnormal.filter((a) => a.fund === fund.id && a.side === 'expenditure' && years.some((d) => a.period === String(d) || a.period === `${d}-H1`) && Number(a.period.slice(0, 4)) <= run.baseYear);
  const divisor = parts.length === 1 ? pick({ zh: `（${parts[0]} ÷ 12）`, en: `(${parts[0]} ÷ 12)` }) : pick({ zh: `（${parts.join('、')}的平均 ÷ 12）`, en: `(the average of ${parts.join(', ')} ÷ 12)` });
  const figure = monthsPayable(y.monthsPayable);
  let text = pick({
    zh: `${year}年可支付月数 ${figure} = 累计结存 ${wan(y.cumulative)}万元 ÷ ${divisor}（口径：${methodName(method)}）`,
    en: `${year}: months payable ${figure} = cumulative balance ${wan(y.cumulative)} ÷ ${divisor} (amounts in 10k yuan; base: ${methodName(method)})`,
  });
  for (const a of odd) text += pick({ zh: `；${a.period}年支出为报告数，属异常年份：${a.reason.zh}`, en: `; the ${a.period} expenditure is the report's, an abnormal year: ${a.reason.en}` });
  return { year, text, abnormal: odd.length > 0 };
}

/** The years of a fund whose months payable rests on an abnormal year's expenditure: the footnotes under its chart. */
export function abnormalMonths(run: Run, fund: FundView): MonthsBasis[] {
  return fund.years.map((y) => monthsBasis(run, fund, y.year)).filter((b): b is MonthsBasis => b?.abnormal === true);
}

/** One line under a fund's balance chart: how its months payable are computed. */
export function monthsMethodNote(run: Pick<RunView, 'levers'>, fund: FundView): string {
  const method = monthsMethod(run, fund.id);
  return pick({ zh: `可支付月数 = 累计结存 ÷ 月均支出，口径：${methodName(method)}；累计结存为负时记为“耗尽”`, en: `Months payable = cumulative balance ÷ monthly expenditure, based on ${methodName(method)}; a negative cumulative balance reads “exhausted”` });
}
