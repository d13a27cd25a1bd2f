/**
 * The tables the workbench shows, downloads as CSV, prints in the report and
 * writes to the workbook: one definition each, so all four agree.
 */
import type { FundView, RunView } from '../app/views.ts';
import type { WarningLevel } from '../model/fund-year.ts';
import type { FundId } from '../model/base-year.ts';
import { FUND_SHORT_NAMES, WARNING_NAMES } from '../report/names.ts';
import { pick, t } from './i18n.ts';
import { lineName, sourceParts } from './labels.ts';
import { isExhausted, monthsPayable, percent, unitLabel, wan, yiExact, yiText } from './format.ts';

export type Cell = string | number | null;

export interface Column {
  label: string;
  /** The column's head in a CSV or workbook where it is not the label: a scenario's whole name, a plain number (1020, not 1,020). */
  exportLabel?: string;
  /** The cell as displayed. */
  format?: (raw: Cell) => string;
  /** The cell as exported (CSV, workbook) where it is not the raw value: a warning level by its name. */
  export?: (raw: Cell) => Cell;
  /** Exported as a number (amounts, rates, months). */
  numeric?: boolean;
}

export interface Table {
  /** Stable id: the CSV's file name. */
  id: string;
  caption: string;
  /** A workbook sheet's name where the caption is longer than a sheet name may be (31 characters); the caption heads the sheet. */
  sheet?: string;
  columns: Column[];
  rows: Cell[][];
}

const fundShort = (f: FundView): string => pick(FUND_SHORT_NAMES[f.id as FundId] ?? f.name);

const money = (label: string): Column => ({ label, format: wan as Column['format'], numeric: true });

/** Months payable as exported (CSV, workbook): 耗尽 / exhausted where the fund is, never a negative number. */
export const exhaustedExport = (v: Cell): Cell => (isExhausted(v) ? t('exhaustedShort') : v);

/** A column of a fund's months payable: 耗尽 on screen and in exports where the fund is exhausted. */
export const monthsColumn = (label: string): Column => ({ label, format: monthsPayable as Column['format'], export: exhaustedExport, numeric: true });

/**
 * A table of amounts in 万元 shown in 亿元, as a report in 亿元 writes them: on screen to the 0.01 亿元, in
 * its CSV with every digit (the exact 万元 text's point moved four places); its caption says 亿元.
 */
export function inYi(table: Table): Table {
  const yi = (v: Cell) => (typeof v === 'string' ? yiText(v) : wan(v as null));
  return {
    ...table,
    caption: table.caption.replace(`(${t('unitWan')})`, `(${t('unitYi')})`),
    columns: table.columns.map((c) => (c.format === wan ? { ...c, format: yi, export: (v: Cell) => (typeof v === 'string' ? yiExact(v) : v) } : c)),
  };
}

function warningName(w: Cell): string {
  return pick(WARNING_NAMES[String(w) as WarningLevel] ?? WARNING_NAMES.unknown);
}

/** A fund's balance, year by year (万元). */
export function balanceTable(f: FundView): Table {
  const name = pick(f.name);
  return {
    id: `${f.id}-balance`,
    caption: `${name} ${t('chartBalance')} (${t('unitWan')})`,
    sheet: `${fundShort(f)} ${t('sheetBalance')}`,
    columns: [
      { label: t('year') },
      money(t('income')),
      money(t('expenditure')),
      money(t('currentBalance')),
      { label: t('balanceRate'), format: percent as Column['format'], numeric: true },
      money(t('cumulative')),
      monthsColumn(t('monthsPayable')),
      { label: t('warning'), format: warningName, export: warningName },
    ],
    rows: f.years.map((y) => [y.year, y.income, y.expenditure, y.currentBalance, y.balanceRate, y.cumulative, y.monthsPayable, y.warning]),
  };
}

/** Every income or expenditure line a fund has in any year. */
export function fundLines(f: FundView, key: 'incomeBySource' | 'expenditureByUse'): string[] {
  const set = new Set<string>();
  for (const y of f.years) for (const l of Object.keys(y[key])) set.add(l);
  return [...set];
}

/** A fund's income by source and expenditure by use (万元). */
export function incomeTable(f: FundView): Table {
  const inc = fundLines(f, 'incomeBySource');
  const exp = fundLines(f, 'expenditureByUse');
  return {
    id: `${f.id}-income-expenditure`,
    caption: `${pick(f.name)} ${t('chartIncome')} (${t('unitWan')})`,
    sheet: `${fundShort(f)} ${t('sheetIncome')}`,
    columns: [{ label: t('year') }, ...inc.map((l) => money(`${t('income')}: ${lineName(l)}`)), ...exp.map((l) => money(`${t('expenditure')}: ${lineName(l)}`))],
    rows: f.years.map((y) => [y.year, ...inc.map((l) => y.incomeBySource[l] ?? null), ...exp.map((l) => y.expenditureByUse[l] ?? null)]),
  };
}

export const LEVELS = ['central', 'region', 'city', 'county', 'unspecified'] as const;

/** The subsidy each government level pays (万元). */
export function subsidyTable(r: RunView): Table {
  return {
    id: 'subsidy-by-level',
    caption: `${t('chartSubsidy')} (${t('unitWan')})`,
    sheet: t('sheetSubsidy'),
    columns: [{ label: t('year') }, ...LEVELS.map((k) => money(t(k)))],
    rows: r.subsidy.map((s) => [s.year, ...LEVELS.map((k) => s[k])]),
  };
}

/** Per-person standards (元/年). */
export function perPersonTable(r: RunView): Table {
  const yuan = (label: string): Column => ({ label, numeric: true });
  return {
    id: 'per-person',
    caption: t('perPerson'),
    sheet: t('sheetPerPerson'),
    columns: [{ label: t('year') }, yuan(t('residentStandard')), yuan(t('residentSubsidy')), yuan(t('aidTekun')), yuan(t('aidDibao')), yuan(t('aidFanpin'))],
    rows: r.perPerson.map((p) => [p.year, p.residentStandard, p.residentSubsidy, p.aidPays.tekun, p.aidPays.dibao, p.aidPays.fanpin]),
  };
}

/** What the scenario changes: parameter, from, before, after, unit. */
export function changesTable(r: RunView): Table {
  return {
    id: 'changes',
    caption: t('summary'),
    columns: [{ label: t('parameter') }, { label: t('from') }, { label: t('before'), numeric: true }, { label: t('after'), numeric: true }, { label: t('unit') }],
    rows: r.changes.map((c) => [pick(c.label), `${c.from ?? r.leverMonth}${c.until ? `–${c.until}` : ''}`, c.before, c.after, unitLabel(c.unit)]),
  };
}

/** Standards below a higher level's minimum. */
export function complianceTable(r: RunView): Table {
  return {
    id: 'compliance',
    caption: t('compliance'),
    columns: [{ label: t('year') }, { label: t('parameter') }, { label: t('value'), numeric: true }, { label: t('minimum'), numeric: true }, { label: t('source') }],
    rows: r.compliance.map((c) => [c.year, pick(c.label), c.value, c.minimum, sourceParts(c.source).main]),
  };
}

/** Insured by status and the in-service/retiree ratio, year by year (persons), where the population model ran. */
export function insuredTable(r: RunView): Table | undefined {
  const p = r.population;
  if (!p) return undefined;
  const shown = p.statuses.filter((s) => p.insured.some((y) => y.counts[s.id] !== undefined));
  return {
    id: 'insured-by-status',
    caption: pick({ zh: '参保人数（人）', en: 'Insured (persons)' }),
    columns: [{ label: pick({ zh: '年份', en: 'Year' }) }, ...shown.map((s) => ({ label: pick(s.label), numeric: true })), { label: pick({ zh: '在职/退休', en: 'In service / retiree' }), numeric: true }],
    rows: p.insured.map((y) => [y.year, ...shown.map((s) => y.counts[s.id] ?? null), y.ratio]),
  };
}

/** Every table of a run, in the order of the report. */
export function allTables(r: RunView): Table[] {
  const insured = insuredTable(r);
  return [...r.funds.flatMap((f) => [balanceTable(f), incomeTable(f)]), subsidyTable(r), perPersonTable(r), changesTable(r), complianceTable(r), ...(insured ? [insured] : [])];
}

/** The cell as exported: exact value, or its name where the column says so. */
export function exportCell(c: Column, v: Cell): Cell {
  return c.export ? c.export(v) : v;
}
