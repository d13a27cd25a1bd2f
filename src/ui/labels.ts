/**
 * How the workbench names things it shows: income and expenditure lines,
 * where a value came from, amounts on chart axes. Display only.
 */
import { html } from 'lit';
import { getLocale, pick, t, type MessageId } from './i18n.ts';
import { fmt } from './format.ts';
import type { CatalogView } from '../app/service.ts';
import { notesIn, type Notes } from '../scenario/notes.ts';
import type { Scenario } from '../scenario/types.ts';

const SOURCE_NAMES: Record<string, MessageId | { zh: string; en: string }> = {
  contributions: { zh: '征缴收入', en: 'Contributions' },
  'contributions.employer': { zh: '单位缴费', en: 'Employer contributions' },
  'contributions.individual': { zh: '个人缴费', en: 'Individual contributions' },
  'contributions.maternity': { zh: '生育保险缴费', en: 'Maternity contributions' },
  subsidy: { zh: '财政补助', en: 'Fiscal subsidy' },
  'subsidy.central': { zh: '中央财政补助', en: 'Central subsidy' },
  'subsidy.region': { zh: '自治区(省)财政补助', en: 'Region subsidy' },
  'subsidy.city': { zh: '盟市财政补助', en: 'City subsidy' },
  'subsidy.county': { zh: '旗县财政补助', en: 'County subsidy' },
  interest: { zh: '利息收入', en: 'Interest' },
  other: { zh: '其他', en: 'Other' },
  benefits: { zh: '待遇支出', en: 'Benefits' },
  'benefits.maternity': { zh: '生育待遇', en: 'Maternity benefits' },
  criticalIllness: { zh: '大病保险', en: 'Critical-illness insurance' },
  'aid.contributions': { zh: '资助参保', en: 'Contributions paid by aid' },
  'aid.medical': { zh: '医疗救助', en: 'Medical aid for costs' },
};

/**
 * A value axis for amounts in 万元, its name and its ticks in the same unit, the one the cards and tables
 * use at that size, in either language: 亿元 (100 million yuan) where the amounts reach 10 000 万元 (the
 * national bulletins' funds), else 万元 (10k yuan); ticks grouped by thousands (120,000).
 */
export function wanAxis(values: (number | null)[]): { name: string; axisLabel: { formatter: (v: number) => string } } {
  const grouped = fmt(2, 0);
  const big = values.some((v) => v !== null && Math.abs(v) >= 10000);
  return big ? { name: t('unitYi'), axisLabel: { formatter: (v) => grouped.format(v / 10000) } } : { name: t('unitWan'), axisLabel: { formatter: (v) => grouped.format(v) } };
}

export function lineName(line: string): string {
  const n = SOURCE_NAMES[line];
  return n === undefined ? line : typeof n === 'string' ? t(n) : pick(n);
}

type Source = { kind: string; [k: string]: unknown };

/**
 * Where a value comes from, for people: the document and its paragraph (with the words quoted) first;
 * the rule set, rule and file, which only someone editing the rules needs, as a detail; and the
 * rule's note, which the rule files write in English.
 */
export function sourceParts(p: Source): { main: string; detail: string; note?: string } {
  if (p.kind === 'rule') {
    return {
      main: `${String(p.document).trim()} ${p.section}${p.quote ? ` “${p.quote}”` : ''}`,
      detail: `${p.ruleSet} · ${p.rule}${p.file ? ` · ${p.file}` : ''}`,
      note: typeof p.note === 'string' && p.note ? p.note : undefined,
    };
  }
  if (p.kind === 'override') return { main: pick({ zh: `本方案的调整${p.from ? `（${p.from}起）` : ''}`, en: `this scenario’s change${p.from ? ` from ${p.from}` : ''}` }), detail: `${p.file} ${p.path}` };
  return { main: pick({ zh: '参数登记表的默认值', en: 'the default in the parameter registry' }), detail: `rules/parameters.json ${p.path}` };
}

/** The source in one line: the document and paragraph, the rule and file after it in brackets. */
export function sourceText(p: Source): string {
  const { main, detail } = sourceParts(p);
  return `${main} (${detail})`;
}

/** The source as shown in the workbench: the document first, the rule and file in small print, the rule's note in the language the rule file wrote it in (marked so). */
export function sourceView(p: Source) {
  const { main, detail, note } = sourceParts(p);
  // The document and paragraph in the language they are written in (a Chinese document stays Chinese in English).
  return html`<span lang=${/\p{Script=Han}/u.test(main) ? 'zh-CN' : getLocale() === 'en' ? 'en' : 'zh-CN'}>${main}</span><br /><small class="muted source-detail">${detail}</small>${note ? html`<br /><small lang=${/\p{Script=Han}/u.test(note) ? 'zh-CN' : 'en'} class="source-note">${note}</small>` : ''}`;
}

const METHODS: Record<string, { zh: string; en: string }> = {
  'same-year': { zh: '当年', en: 'the same year' },
  'previous-year': { zh: '上年度', en: 'the year before' },
  'next-year': { zh: '预缴次年', en: 'in advance for the next year' },
  'current-year-expenditure': { zh: '按当年支出', en: 'this year’s expenditure' },
  'last-year-expenditure': { zh: '按上年支出', en: 'last year’s expenditure' },
  'average-expenditure-3-years': { zh: '按近三年平均支出', en: 'average expenditure of 3 years' },
};

/** A method a parameter chooses (a months-payable base, a wage or collection year) by its name in the current language. */
export function methodName(id: string): string {
  const m = METHODS[id];
  return m ? pick(m) : id;
}

const HAN = /\p{Script=Han}/gu;
const LATIN = /[A-Za-z]/g;

/**
 * A title written in both languages, Chinese then English ("旗 2022 基线：现行规则 Banner 2022 baseline
 * under the rules in force", as the example scenarios are), in the reader's language: split before the
 * first capitalised word after Chinese where the rest is mostly Latin letters. Any other title is
 * shown as written.
 */
export function titleText(title: string): string {
  const h = titleHalves(title);
  return copyTailText(h ? (getLocale() === 'en' ? h.en : h.zh) + h.tail : title);
}

/** The workbench's own " · 基线（未调整）" on a baseline's copy, stored in the language of the day it was made: in the reader's. */
function copyTailText(title: string): string {
  return title.replace(/ · (?:基线（未调整）|baseline \(unchanged\))(?=(?: \(\d+\))*$)/u, ` · ${t('baselineCopy')}`);
}

/** A title's Chinese and English halves, and what the workbench added after both; undefined for a title in one language. */
function titleHalves(title: string): { zh: string; en: string; tail: string } | undefined {
  // What the workbench adds to a title (a copy's " (2)", " · 基线（未调整）") stays after either half.
  const tail = /((?:\s\(\d+\)|\s·\s[^·]+)*)$/u.exec(title)![1]!;
  const head = title.slice(0, title.length - tail.length);
  const m = /^(.*?[\p{Script=Han}）」”%\d])\s+([A-Z].*)$/su.exec(head);
  if (!m) return undefined;
  const zh = m[1]!;
  const en = m[2]!;
  if (!zh.match(HAN) || (en.match(LATIN) ?? []).length < 3 * Math.max(1, (en.match(HAN) ?? []).length)) return undefined;
  return { zh, en, tail };
}

/**
 * A title with a change added ("旗 2022 基线：现行规则 — 个人缴费标准 625 元/年 Banner 2022 baseline … —
 * Individual contribution standard 625 yuan/year"): both halves of a title written in both languages,
 * so that it reads in the reader's language after a switch; a title in one language with the addition
 * in the reader's.
 */
export function titleWith(title: string, added: { zh: string; en: string }): string {
  const h = titleHalves(title);
  return h ? `${h.zh} — ${added.zh} ${h.en} — ${added.en}${h.tail}` : `${title} — ${pick(added)}`;
}

/** A scenario's notes in the reader's language: the half of a pair, or notes written in one language as written. */
export function notesText(notes: Notes | undefined): string {
  return notesIn(notes, getLocale() === 'en' ? 'en' : 'zh');
}

/** A scenario's baseline by its report's title, not its file name. */
export function baselineName(scenario: Scenario | undefined, catalog: CatalogView | undefined): string {
  const b = scenario?.baseline;
  if (typeof b !== 'string') return t('embedded');
  return catalog?.baselines.find((x) => x.name === b)?.title ?? b;
}

/** The rule sets a scenario puts in force, by their titles, not their ids. */
export function ruleSetNames(scenario: Scenario | undefined, catalog: CatalogView | undefined): string {
  return (scenario?.rules ?? [])
    .map((id) => {
      const r = catalog?.ruleSets.find((x) => x.id === id);
      return r ? pick(r.title) : id;
    })
    .join(pick({ zh: '；', en: '; ' }));
}
