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
import type { BaseFund, BaseYear, ExpenditureLine, FundId, Group, IncomeLine } from './base-year.ts';

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
  for (const [name, fund] of Object.entries(b.funds) as [string, Fund][]) {
    const id = FUND_OF_KIND[fund.kind];
    const period = fund.periods[key];
    if (!id || !period) continue;
    if (!period.income) continue;
    const cumulative = amount(period.cumulativeBalance);
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
    const bf: BaseFund = { id, income: incomeLines(period.income, id), expenditure: expenditureLines(period.expenditure, id), cumulative, pastExpenditure };
    funds.push(bf);
    const insured = amount(period.insured);
    const rate = period.insured?.yoy?.[0]?.rate?.value;
    if (id === 'resident' && insured) {
      counts.resident = insured;
      if (rate) statedGrowth.resident = new D(rate);
    }
    if (id === 'employee') visitCost = visitCostOf(period.visits) ?? visitCost;
    if (id === 'employee' && insured) {
      employees = insured;
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
  return { year: y, region: b.source.region, source: b.source.file, counts, employees, statedGrowth, funds, avgMonthlyWage: {}, ...(visitCost ? { visitCost } : {}) };
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
