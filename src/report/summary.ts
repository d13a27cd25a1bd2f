/**
 * A projection as rows and columns for people: amounts in 万元 as the
 * reports print them. JSON keeps exact decimal strings; tables round for the eye.
 * The CLI and the workbench both use these, so they always show the same numbers.
 */
import { toWan, type Dec } from '../common/money.ts';
import type { FundId } from '../model/base-year.ts';
import type { FundProjection, FundYear, WarningLevel } from '../model/fund-year.ts';
import { FUND_NAMES } from './names.ts';

export { FUND_NAMES, WARNING_NAMES } from './names.ts';
import type { Projection } from '../model/project.ts';

/**
 * Exact 万元, no exponent: 158510.4 万元 → "158510.4". The same text as `toWan(yuan).toFixed()`
 * (test/report/wan-exact.test.ts), by moving the decimal point of the yuan's own digits four places:
 * a projection's view writes thousands of these, and a decimal division costs more than the rest.
 */
export function wanExact(yuan: Dec): string {
  const text = yuan.toFixed();
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  const dot = digits.indexOf('.');
  const whole = (dot < 0 ? digits : digits.slice(0, dot)).padStart(5, '0');
  const fraction = (whole.slice(-4) + (dot < 0 ? '' : digits.slice(dot + 1))).replace(/0+$/, '');
  const integer = whole.slice(0, -4).replace(/^0+(?=\d)/, '');
  return (negative ? '-' : '') + (fraction ? `${integer}.${fraction}` : integer);
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
    balanceRate: y.balanceRateText,
    cumulative: wanExact(y.cumulative),
    monthsPayable: y.monthsPayableText,
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
    calibration: calibrationJson(p),
  };
}

/** Abnormal periods, the report's deferrals and each line's calibrated level, as plain data (万元 exact). */
export function calibrationJson(p: Projection): unknown {
  const c = p.calibration;
  return {
    normalise: c.options.normalise,
    thresholdPercent: c.options.threshold,
    abnormal: c.abnormal.map((a) => ({ fund: a.fund, side: a.side, period: `${a.year}${a.half ? '-H1' : ''}`, departurePercent: a.departure.toDecimalPlaces(2).toFixed(2), statedChangePercent: a.statedChange ?? null, normalised: a.normalised, reason: a.reason })),
    timing: c.timing.map((t) => ({ kind: t.item.kind, fund: t.item.fund, line: t.item.line, year: t.item.year, to: t.item.to ?? null, quote: t.item.quote, applied: t.applied, amount: t.amount ? wanExact(t.amount) : null })),
    lines: c.lines.map((l) => ({ fund: l.fund, side: l.side, line: l.line, method: l.method, origin: l.origin, reported: wanExact(l.reported), calibrated: wanExact(l.anchor), periods: l.levels.map((v) => ({ period: `${v.year}${v.half ? '-H1' : ''}`, used: v.used, ownLine: v.ownLine })) })),
  };
}

export function fundById(p: Projection, id: FundId): FundProjection | undefined {
  return p.funds.find((f) => f.id === id);
}
