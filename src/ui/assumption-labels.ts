/**
 * The assumptions in force (src/report/assumptions.ts: value, unit, origin and
 * why, from the library) under names people read. Display only: this module
 * only labels them.
 */
import type { RunView } from '../app/views.ts';
import { FUND_NAMES } from '../report/names.ts';
import type { FundId } from '../model/base-year.ts';
import { assumptionName, FIELD_NAMES, GROUP_NAMES, POPULATION_NAMES, VALUE_NAMES } from '../report/assumption-names.ts';
import { getLocale, pick } from './i18n.ts';
import { lineName } from './labels.ts';
import { unitText } from './format.ts';
import { readableText } from './problem-text.ts';
import type { Text } from '../rules/types.ts';

/** A population assumption's short name (the population view). */
export function populationAssumptionLabel(name: string): string {
  const t = POPULATION_NAMES[name] ?? FIELD_NAMES[name];
  return t ? pick(t) : name;
}

/** An assumption's value as shown: a name in the reader's language; a number as it is. */
export function assumptionValue(value: string): string {
  const v = VALUE_NAMES[value];
  return v ? pick(v) : value;
}

/** An assumption's name ("assumptions/growth/resident", "calibration/resident/income/subsidy") as people read it. */
export function assumptionLabel(name: string, paramLabel: (param: string) => Text | undefined = () => undefined): string {
  const named = assumptionName(name, paramLabel);
  if (named) return pick(named);
  const parts = name.split('/');
  const [head, a, b, c] = parts as [string, string?, string?, string?];
  if (head === 'calibration' && a === 'timing' && b && c) {
    const fund = FUND_NAMES[b as FundId];
    const year = parts[4] ?? '';
    return pick({ zh: `跨年支付：${fund?.zh ?? b} ${lineName(c)}（${year}年）`, en: `Paid in another year: ${fund?.en ?? b} ${lineName(c)} (${year})` });
  }
  if (head === 'calibration' && a && b && c) {
    const fund = FUND_NAMES[a as FundId];
    return pick({ zh: `测算起点：${fund?.zh ?? a} ${b === 'income' ? '收入' : '支出'} ${lineName(c)}`, en: `Starting level: ${fund?.en ?? a} ${b} ${lineName(c)}` });
  }
  return name;
}

export interface AssumptionRow {
  name: string;
  label: string;
  value: string;
  unit: string;
  source: string;
}

/** Every assumption in force of a run, labelled, with its unit and where it comes from (origin: why). */
export function assumptionRows(run: Pick<RunView, 'calibration'> & Partial<Pick<RunView, 'levers'>>): AssumptionRow[] {
  const paramLabel = (param: string) => run.levers?.find((l) => l.name === param)?.label;
  const documents = new Map<string, string>();
  for (const l of run.levers ?? []) for (const s of [l.source, l.baselineSource]) if (s?.kind === 'rule') documents.set(s.ruleSet, s.document.trim());
  return run.calibration.assumptions.map((a) => {
    // A calibrated line's sentence names the line by its id ("subsidy.region"): by its name here.
    const line = a.name.startsWith('calibration/') ? a.name.split('/')[3] : undefined;
    let why = pick(a.why);
    if (line) why = why.split(` ${line} `).join(` ${lineName(line)} `);
    // A rule's uprating note is written in English only: the Chinese sentence before it says what it does.
    if (getLocale() !== 'en' && a.name.startsWith('uprating/')) why = why.replace(/(之后[^：]*)：.*$/su, '$1');
    // An uprating rule by its document, not its rule set's and rule's ids
    if (a.name.startsWith('uprating/')) why = why.replace(/^([a-z-]+\/[a-z0-9-]+) · [a-z0-9-]+/, (m, set: string) => documents.get(set) ?? m);
    return { name: a.name, label: assumptionLabel(a.name, paramLabel), value: assumptionValue(a.value), unit: unitText(a.unit), source: readableText(`${pick(a.originName)}${pick({ zh: '：', en: ': ' })}${why}`) };
  });
}

/** Insured people of one group in one year, as labelled in the "why" panel. */
export function countLabel(group: string, year: string): string {
  const g = GROUP_NAMES[group];
  return pick({ zh: `${g?.zh ?? group}人数（${year}年）`, en: `Insured ${g?.en ?? group}, ${year}` });
}
