/**
 * <yb-compare-view>: two to four scenarios on one indicator of one fund
 * (income, expenditure, current or cumulative balance, months payable) or the
 * subsidy a government level pays; overlaid, and for each scenario a table of
 * its values beside the first one's and their difference, with its CSV.
 */
import { LitElement, css, html, nothing } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { CompareResult, RunView } from '../../app/views.ts';
import { pick, t, type MessageId } from '../i18n.ts';
import { isExhausted, months, num, wan } from '../format.ts';
import { base } from '../styles.ts';
import { titleText } from '../labels.ts';
import { compareOption } from '../chart-options.ts';
import { problemText } from '../problem-text.ts';
import { monthsColumn, type Cell, type Column, type Table } from '../tables.ts';
import './chart.ts';
import './data-table.ts';

const FUND_INDICATORS = ['income', 'expenditure', 'currentBalance', 'cumulative', 'monthsPayable'] as const;
const SUBSIDY_INDICATORS = ['central', 'region', 'city', 'county'] as const;
type FundIndicator = (typeof FUND_INDICATORS)[number];
type SubsidyIndicator = (typeof SUBSIDY_INDICATORS)[number];
export type Indicator = FundIndicator | `subsidy.${SubsidyIndicator}`;

/** One scenario's name in a comparison: its place and title, so two copies never merge. */
export function compareName(k: number, title: string): string {
  return `${k + 1}. ${titleText(title)}`;
}

/** The same, short enough for a table's column: a long title keeps its start and its end (where a copy's mark is). */
export function compareColumn(k: number, title: string): string {
  const chars = [...titleText(title)];
  const shown = chars.length > 20 ? `${chars.slice(0, 9).join('').trim()}…${chars.slice(-9).join('').trim()}` : chars.join('');
  return `${k + 1}. ${shown}`;
}

export class YbCompareView extends LitElement {
  static override properties = { result: { attribute: false }, fund: {}, indicator: {} };
  declare result: CompareResult | undefined;
  declare fund: string;
  declare indicator: Indicator;

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .pickers {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 16px;
        margin: 8px 0;
      }
    `,
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.fund = 'resident';
    this.indicator = 'cumulative';
  }

  override render() {
    const res = this.result;
    if (!res) return nothing;
    // A scenario that failed keeps its place, so diffs[k] still pairs with runs[k + 1].
    const all = res.runs;
    const runs = all.filter((r): r is RunView => r.ok);
    if (runs.length < 2 || !all[0]!.ok) return nothing;
    const ref = all[0] as RunView;
    const funds = ref.funds.filter((f) => runs.every((r) => r.funds.some((g) => g.id === f.id)));
    const fundId = funds.some((f) => f.id === this.fund) ? this.fund : (funds[0]?.id ?? '');
    const subsidy = isSubsidy(this.indicator);
    const what = this.#label(this.indicator);
    const scope = subsidy ? t('chartSubsidy') : pick(funds.find((f) => f.id === fundId)?.name ?? { zh: fundId, en: fundId });
    const years = (subsidy ? ref.subsidy.map((s) => s.year) : ref.funds.find((f) => f.id === fundId)!.years.map((y) => y.year)).map(String);
    const series = all.map((r, k) => ({ name: compareName(k, r.ok ? r.title : ''), values: r.ok ? this.#values(r, fundId).map(num) : [] }));
    return html`<div class="pickers">
        <label
          >${t('indicator')}
          <select id="compare-indicator" @change=${(e: Event) => (this.indicator = (e.target as HTMLSelectElement).value as Indicator)}>
            ${FUND_INDICATORS.map((i) => html`<option value=${i} ?selected=${i === this.indicator}>${this.#label(i)}</option>`)}
            ${SUBSIDY_INDICATORS.map((i) => html`<option value=${`subsidy.${i}`} ?selected=${`subsidy.${i}` === this.indicator}>${this.#label(`subsidy.${i}`)}</option>`)}
          </select></label
        >
        <label
          >${t('fundsLabel')}
          <select id="compare-fund" ?disabled=${subsidy} @change=${(e: Event) => (this.fund = (e.target as HTMLSelectElement).value)}>
            ${funds.map((f) => html`<option value=${f.id} ?selected=${f.id === fundId}>${pick(f.name)}</option>`)}
          </select></label
        >
      </div>
      <yb-chart .option=${compareOption(years, series.filter((s) => s.values.length), this.indicator === 'monthsPayable' ? 'months' : 'wan')} label="${t('compare')}: ${scope} ${what}"></yb-chart>
      ${all.slice(1).map((other, i) => {
        const k = i + 1;
        if (!other.ok) return html`<p class="muted">${compareName(k, '')} ${other.problems.map((p) => `${p.file} ${p.path}: ${problemText(p)}`).join('; ')}</p>`;
        return html`<h3 style="margin-top:12px">${t('difference')}: ${compareName(k, other.title)} − ${compareName(0, ref.title)}</h3>
          <yb-data-table open .table=${this.#table(res, ref, other, k, fundId, scope, what)} @year-select=${(e: CustomEvent<number>) => this.#explain(e, other.hash, subsidy ? 'resident' : fundId)}></yb-data-table>`;
      })}`;
  }

  #label(i: Indicator): string {
    return isSubsidy(i) ? `${t('subsidyOf')}${t(i.slice(8) as MessageId)}` : t(i as MessageId);
  }

  /** One run's values of the indicator, year by year (exact strings). */
  #values(r: RunView, fundId: string): (string | null)[] {
    if (isSubsidy(this.indicator)) {
      const level = this.indicator.slice(8) as SubsidyIndicator;
      return r.subsidy.map((s) => s[level]);
    }
    const key = this.indicator as FundIndicator;
    return r.funds.find((f) => f.id === fundId)?.years.map((y) => y[key]) ?? [];
  }

  #table(res: CompareResult, ref: RunView, other: RunView, k: number, fundId: string, scope: string, what: string): Table {
    const monthsOf = this.indicator === 'monthsPayable';
    const fmt = (monthsOf ? months : wan) as Column['format'];
    // A scenario's own months payable read 耗尽 where its fund is exhausted (on screen and in the CSV); a
    // difference involving an exhausted fund has no meaning and reads —.
    const own: Column = monthsOf ? monthsColumn('') : { label: '', format: wan as Column['format'], numeric: true };
    const diff = (i: number, d: string | null): Cell => (monthsOf && (isExhausted(mine[i]) || isExhausted(theirs[i])) ? null : d);
    const mine = this.#values(ref, fundId);
    const theirs = this.#values(other, fundId);
    let rows: Cell[][];
    if (isSubsidy(this.indicator)) {
      const level = this.indicator.slice(8) as SubsidyIndicator;
      rows = res.subsidyDiffs[k - 1]!.map((d, i) => [d.year, mine[i] ?? null, theirs[i] ?? null, d[level]]);
    } else {
      const key = this.indicator as FundIndicator;
      const diffs = res.diffs[k - 1]!.filter((d) => d.fund === fundId);
      rows = diffs.map((d, i) => [d.year, mine[i] ?? null, theirs[i] ?? null, diff(i, d[key])]);
    }
    const unit = this.indicator === 'monthsPayable' ? '' : ` (${t('unitWan')})`;
    return {
      id: `compare-${k}-${isSubsidy(this.indicator) ? this.indicator : `${fundId}-${this.indicator}`}`,
      caption: `${scope} ${what}${unit}: ${compareName(k, other.title)} − ${compareName(0, ref.title)}`,
      columns: [{ label: t('year') }, { ...own, label: compareColumn(0, ref.title), exportLabel: compareName(0, ref.title) }, { ...own, label: compareColumn(k, other.title), exportLabel: compareName(k, other.title) }, { label: `${t('difference')} (${k + 1} − 1)`, format: fmt, numeric: true }],
      rows,
    };
  }

  /** A year in a difference table explains the compared scenario's fund in that year. */
  #explain(e: CustomEvent<number>, hash: string, fund: string): void {
    e.stopPropagation();
    this.dispatchEvent(new CustomEvent('explain-request', { detail: { hash, fund, year: e.detail }, bubbles: true, composed: true }));
  }
}

function isSubsidy(i: Indicator): boolean {
  return i.startsWith('subsidy.');
}

customElements.define('yb-compare-view', YbCompareView);

declare global {
  interface HTMLElementTagNameMap {
    'yb-compare-view': YbCompareView;
  }
}
