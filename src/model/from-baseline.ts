/**
 * A baseline (one report's figures, src/baseline) as the model's base year:
 * the latest full year, every amount in 元, income by source and expenditure
 * by use. Where a report lists only some parts ("其中"), the remainder is
 * kept as "other" so the lines sum to the reported total.
 */
import { InputError, pointer } from '../common/errors.ts';
import { D, ZERO, type Dec } from '../common/money.ts';
import type { Baseline, Fund, FundKind, Node } from '../baseline/types.ts';
import { UNIT_SPECS, type Unit } from '../baseline/units.ts';
import { FUND_NAMES } from '../report/names.ts';
import { serviceMixOf } from './services.ts';
import type { BaseFund, BaseYear, ExpenditureLine, FundId, Group, IncomeLine, ReportedPeriod, TimingItem } from './base-year.ts';

const FUND_OF_KIND: Partial<Record<FundKind, FundId>> = {
  employee: 'employee',
  'employee-pooling': 'employee.pooling',
  'employee-personal-account': 'employee.account',
  'employee-large-amount': 'employee.largeAmount',
  'employee-civil-servant': 'employee.civilServant',
  resident: 'resident',
  'medical-aid': 'aid',
};

const INCOME_OF_PART: Record<string, IncomeLine> = {
  contributions: 'contributions',
  individual: 'contributions.individual',
  subsidy: 'subsidy',
  interest: 'interest',
  other: 'other',
  transferIn: 'other',
  upperSubsidy: 'other',
};

const EXPENDITURE_OF_PART: Record<string, ExpenditureLine> = {
  benefits: 'benefits',
  contributionSubsidy: 'aid.contributions',
  other: 'other',
  transferOut: 'other',
  remitUp: 'other',
  subsidyDown: 'other',
};

const LEVELS = ['central', 'region', 'city', 'county'] as const;

/** A figure in its dimension's base unit: 万元 → 元, 万人 → 人. */
function amount(node: Node | undefined): Dec | undefined {
  if (!node?.value || !node.unit) return undefined;
  return new D(node.value).times(UNIT_SPECS[node.unit as Unit].factor);
}

/** The node's value, or the sum of its parts where it prints only those. */
function total(node: Node | undefined): Dec | undefined {
  const own = amount(node);
  if (own || !node?.parts) return own;
  const parts = Object.values(node.parts).map(total);
  return parts.every((p) => p) ? parts.reduce<Dec>((s, p) => s.plus(p!), ZERO) : undefined;
}

function add<K extends string>(lines: Partial<Record<K, Dec>>, key: K, v: Dec): void {
  lines[key] = (lines[key] ?? ZERO).plus(v);
}

function incomeLines(node: Node | undefined, fund: FundId): Partial<Record<IncomeLine, Dec>> {
  const lines: Partial<Record<IncomeLine, Dec>> = {};
  if (!node) return lines;
  const whole = total(node);
  if (!node.parts) {
    if (whole) add(lines, fund === 'aid' ? 'subsidy' : 'contributions', whole);
    return lines;
  }
  for (const [name, part] of Object.entries(node.parts)) {
    const v = total(part);
    if (!v) continue;
    const byLevel = part.parts && Object.keys(part.parts).every((k) => (LEVELS as readonly string[]).includes(k));
    if (name === 'subsidy' && part.parts && byLevel) {
      for (const [level, p] of Object.entries(part.parts)) add(lines, `subsidy.${level}` as IncomeLine, total(p) ?? ZERO);
      const levels = Object.values(part.parts).reduce<Dec>((s, p) => s.plus(total(p) ?? ZERO), ZERO);
      if (!v.equals(levels)) add(lines, 'subsidy', v.minus(levels));
    } else if ((LEVELS as readonly string[]).includes(name)) {
      add(lines, `subsidy.${name}` as IncomeLine, v);
    } else {
      add(lines, INCOME_OF_PART[name] ?? 'other', v);
    }
  }
  keepRemainder(lines, whole, 'other');
  return lines;
}

function expenditureLines(node: Node | undefined, fund: FundId): Partial<Record<ExpenditureLine, Dec>> {
  const lines: Partial<Record<ExpenditureLine, Dec>> = {};
  if (!node) return lines;
  const main: ExpenditureLine = fund === 'aid' ? 'aid.medical' : 'benefits';
  const whole = total(node);
  if (!node.parts) {
    if (whole) add(lines, main, whole);
    return lines;
  }
  for (const [name, part] of Object.entries(node.parts)) {
    const v = total(part);
    if (v) add(lines, name === 'benefits' ? main : (EXPENDITURE_OF_PART[name] ?? 'other'), v);
  }
  // What a "其中" list leaves unexplained is benefits for medical aid (its remaining use), else "other".
  keepRemainder(lines, whole, fund === 'aid' ? main : 'other');
  return lines;
}

function keepRemainder<K extends string>(lines: Partial<Record<K, Dec>>, whole: Dec | undefined, key: K): void {
  if (!whole) return;
  const parts = Object.values(lines).reduce<Dec>((s, v) => s.plus((v as Dec) ?? ZERO), ZERO);
  if (!whole.equals(parts)) add(lines, key, whole.minus(parts));
}

/** The latest year every projected fund reports in full (a year, not a half). */
function latestFullYear(b: Baseline): number | undefined {
  const years = Object.values(b.funds)
    .filter((f) => FUND_OF_KIND[f.kind])
    .flatMap((f) => Object.entries(f.periods).filter(([k, p]) => /^[0-9]{4}$/.test(k) && p.cumulativeBalance && p.income).map(([k]) => Number(k)));
  return years.length ? Math.max(...years) : undefined;
}

export function baseYearFromBaseline(b: Baseline, file: string, year?: number): BaseYear {
  const y = year ?? latestFullYear(b);
  if (y === undefined) throw InputError.one(file, '/funds', 'no fund reports a full year with income and a cumulative balance to start a projection from');
  const key = String(y);
  const funds: BaseFund[] = [];
  const counts: Partial<Record<Group, Dec>> = {};
  const statedGrowth: Partial<Record<Group, Dec>> = {};
  let employees: Dec | undefined;
  let visitCost: BaseYear['visitCost'];
  const serviceMix: NonNullable<BaseYear['serviceMix']> = {};
  const derived: { zh: string; en: string }[] = [];
  for (const [name, fund] of Object.entries(b.funds) as [string, Fund][]) {
    const id = FUND_OF_KIND[fund.kind];
    const period = fund.periods[key];
    if (!id || !period) continue;
    if (!period.income) continue;
    const cumulative = cumulativeAt(fund, y);
    if (cumulative && !period.cumulativeBalance) {
      derived.push({ zh: `${FUND_NAMES[id].zh}${y}年末累计结存由以后年份的累计结存减去其当期结存倒推`, en: `${FUND_NAMES[id].en}: the ${y} cumulative balance is rolled back from a later one by the later current balances` });
    }
    if (!cumulative) throw InputError.one(file, pointer('funds', name, 'periods', key, 'cumulativeBalance'), `a projection from ${key} needs this fund's cumulative balance (累计结存)`);
    const pastExpenditure: Record<number, Dec> = {};
    for (const back of [1, 2]) {
      const v = total(fund.periods[String(y - back)]?.expenditure);
      if (v) pastExpenditure[y - back] = v;
    }
    // A report that gives last year only as a change ("比去年同期减少3544.33万元") implies it.
    const change = amount(period.expenditure?.yoy?.find((c) => !c.against)?.change as Node | undefined);
    const current = total(period.expenditure);
    if (!pastExpenditure[y - 1] && change && current) pastExpenditure[y - 1] = current.minus(change);
    const lines = linesOf(fund, id, key);
    const bf: BaseFund = { id, income: lines.income ?? {}, expenditure: lines.expenditure ?? {}, cumulative, pastExpenditure };
    funds.push(bf);
    const { insured, rate } = insuredAt(fund, y, derived, FUND_NAMES[id]);
    if (id === 'resident' && insured) {
      counts.resident = insured;
      if (rate) statedGrowth.resident = new D(rate);
    }
    if (id === 'employee') visitCost = visitCostOf(period.visits) ?? visitCost;
    if (id === 'employee' || id === 'resident') {
      const mix = serviceMixOf(period);
      if (mix) serviceMix[id] = mix;
    }
    if (id === 'employee' && insured) {
      employees = insured;
      // A report that splits employees into those in service and retirees gives both counts.
      const parts = period.insured?.parts;
      const inService = amount(parts?.inService);
      const retired = amount(parts?.retired);
      if (inService && retired) {
        counts.inService = inService;
        counts.retiree = retired;
      }
      if (rate) for (const g of ['inService', 'retiree', 'flexible'] as const) statedGrowth[g] = new D(rate);
    }
  }
  const parent = funds.find((f) => f.id === 'employee');
  if (parent && funds.some((f) => f.id.startsWith('employee.'))) {
    parent.reportedTotals = {
      income: Object.values(parent.income).reduce<Dec>((s, v) => s.plus(v ?? ZERO), ZERO),
      expenditure: Object.values(parent.expenditure).reduce<Dec>((s, v) => s.plus(v ?? ZERO), ZERO),
    };
  }
  if (funds.length === 0) throw InputError.one(file, '/funds', `no fund reports income for ${key}`);
  const history = reportedHistory(b);
  const timing = timingItems(b, y);
  return { year: y, region: b.source.region, source: b.source.file, counts, employees, statedGrowth, funds, avgMonthlyWage: {}, history, timing, ...(derived.length ? { derived } : {}), ...(visitCost ? { visitCost } : {}), ...(Object.keys(serviceMix).length ? { serviceMix } : {}), ...(b.ageStructure ? { ageStructure: b.ageStructure } : {}) };
}

/**
 * The closing cumulative balance of `year`: as printed, or rolled back from a
 * later printed one by the later years' current balances (printed, or income
 * − expenditure). Undefined where neither is possible.
 */
function cumulativeAt(fund: Fund, year: number): Dec | undefined {
  const own = amount(fund.periods[String(year)]?.cumulativeBalance);
  if (own) return own;
  const next = fund.periods[String(year + 1)];
  if (!next) return undefined;
  const later = cumulativeAt(fund, year + 1);
  const inc = impliedTotal(fund, year + 1, 'income');
  const exp = impliedTotal(fund, year + 1, 'expenditure');
  const current = amount(next.currentBalance) ?? (inc && exp ? inc.minus(exp) : undefined);
  return later && current ? later.minus(current) : undefined;
}

/** A period's lines; a year whose total is not printed takes the one its successor's stated change implies, as one line. */
function linesOf(fund: Fund, id: FundId, key: string): { income?: Partial<Record<IncomeLine, Dec>>; expenditure?: Partial<Record<ExpenditureLine, Dec>> } {
  const period = fund.periods[key];
  const year = /^[0-9]{4}$/.test(key) ? Number(key) : undefined;
  const implied = <K extends string>(side: 'income' | 'expenditure', line: K) => {
    const v = year === undefined ? undefined : impliedTotal(fund, year, side);
    return v ? ({ [line]: v } as Partial<Record<K, Dec>>) : undefined;
  };
  return {
    income: period?.income ? incomeLines(period.income, id) : implied<IncomeLine>('income', id === 'aid' ? 'subsidy' : 'contributions'),
    expenditure: period?.expenditure ? expenditureLines(period.expenditure, id) : implied<ExpenditureLine>('expenditure', id === 'aid' ? 'aid.medical' : 'benefits'),
  };
}

/** A year's income or expenditure: as printed, or implied by the next year's figure and its stated change (比去年同期增加…). */
function impliedTotal(fund: Fund, year: number, side: 'income' | 'expenditure'): Dec | undefined {
  const own = total(fund.periods[String(year)]?.[side]);
  if (own) return own;
  const next = fund.periods[String(year + 1)]?.[side];
  const change = amount(next?.yoy?.find((c) => !c.against)?.change as Node | undefined);
  const later = total(next);
  return later && change ? later.minus(change) : undefined;
}

/** Insured at the end of `year`: as printed, or rolled back from a later count by its stated yearly change. */
function insuredAt(fund: Fund, year: number, derived: { zh: string; en: string }[], name: { zh: string; en: string }): { insured?: Dec; rate?: string } {
  const p = fund.periods[String(year)];
  const own = amount(p?.insured);
  if (own) return { insured: own, rate: p?.insured?.yoy?.[0]?.rate?.value };
  const later = Object.keys(fund.periods)
    .filter((k) => /^[0-9]{4}$/.test(k) && Number(k) > year && amount(fund.periods[k]!.insured))
    .sort()[0];
  if (!later) return {};
  const n = fund.periods[later]!.insured!;
  // Without a stated change the count is taken as unchanged (the model's default growth, 0%).
  const rate = n.yoy?.[0]?.rate?.value ?? '0';
  const insured = amount(n)!.dividedBy(new D(1).plus(new D(rate).dividedBy(100)).pow(Number(later) - year));
  derived.push({
    zh: n.yoy?.[0]?.rate ? `${name.zh}${year}年参保人数由${later}年人数按报告所述年变动${rate}%倒推` : `${name.zh}${year}年参保人数未报告：取${later}年人数（报告未述变动）`,
    en: n.yoy?.[0]?.rate ? `${name.en}: insured in ${year} rolled back from ${later} at the report's stated ${rate}% a year` : `${name.en}: insured in ${year} not reported: taken as ${later}'s (the report states no change)`,
  });
  return { insured, rate: n.yoy?.[0]?.rate?.value };
}

/** Every reported period with each fund's lines (a half year after the base year included), for calibration. */
export function reportedHistory(b: Baseline): ReportedPeriod[] {
  const byKey = new Map<string, ReportedPeriod>();
  for (const fund of Object.values(b.funds) as Fund[]) {
    const id = FUND_OF_KIND[fund.kind];
    if (!id) continue;
    for (const [key, period] of Object.entries(fund.periods)) {
      const m = /^([0-9]{4})(-H1)?$/.exec(key);
      if (!m) continue;
      const { income, expenditure } = linesOf(fund, id, key);
      if (!income && !expenditure && !period.cumulativeBalance) continue;
      let rp = byKey.get(key);
      if (!rp) byKey.set(key, (rp = { year: Number(m[1]), half: m[2] !== undefined, funds: {} }));
      const stated = (side: 'income' | 'expenditure') => period[side]?.yoy?.find((c) => !c.against)?.rate?.value;
      if (stated('income') || stated('expenditure')) (rp.statedChange ??= {})[id] = { income: stated('income'), expenditure: stated('expenditure') };
      const cumulative = amount(period.cumulativeBalance);
      rp.funds[id] = {
        ...(income && Object.keys(income).length ? { income } : {}),
        ...(expenditure && Object.keys(expenditure).length ? { expenditure } : {}),
        ...(cumulative ? { cumulative } : {}),
      };
    }
  }
  return [...byKey.values()].sort((a, b) => a.year - b.year || Number(a.half) - Number(b.half));
}

function timingItems(b: Baseline, upTo: number): TimingItem[] {
  const out: TimingItem[] = [];
  for (const t of b.timing ?? []) {
    const fund = b.funds[t.fund];
    const id = fund && FUND_OF_KIND[fund.kind];
    if (!id || Number(t.year) > upTo) continue;
    const [side, part] = t.line.split('/') as ['income' | 'expenditure', string];
    const line = side === 'income' ? (INCOME_OF_PART[part] ?? 'other') : part === 'benefits' && id === 'aid' ? 'aid.medical' : (EXPENDITURE_OF_PART[part] ?? 'other');
    out.push({ kind: t.kind, fund: id, side, line, year: Number(t.year), to: t.to === undefined ? undefined : Number(t.to), amount: t.amount ? amount(t.amount as Node) : undefined, quote: t.quote, note: t.note });
  }
  return out;
}

/** Visits × cost per visit of the parts named for members in service (inService…) and retirees (retired…). */
function visitCostOf(visits: Node | undefined): BaseYear['visitCost'] {
  let inService = ZERO;
  let retiree = ZERO;
  for (const [name, part] of Object.entries(visits?.parts ?? {})) {
    const n = amount(part);
    const c = part.costPerVisit?.value;
    if (!n || !c) continue;
    if (name.startsWith('inService')) inService = inService.plus(n.times(c));
    else if (name.startsWith('retired')) retiree = retiree.plus(n.times(c));
  }
  return inService.isZero() || retiree.isZero() ? undefined : { inService, retiree };
}
