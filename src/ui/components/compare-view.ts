/**
 * <yb-compare-view>: two to four scenarios overlaid, and a table of their
 * differences from the first, year by year.
 */
import { LitElement, css, html, nothing } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { CompareResult, RunView } from '../../app/views.ts';
import { pick, t } from '../i18n.ts';
import { months, num, wan } from '../format.ts';
import { base } from '../styles.ts';
import { wanAxis } from '../labels.ts';
import './chart.ts';
import './data-table.ts';

const COLORS = ['#0b5cad', '#c27c0e', '#2f8f5b', '#8e3b9e'];

export class YbCompareView extends LitElement {
  static override properties = { result: { attribute: false }, fund: {} };
  declare result: CompareResult | undefined;
  declare fund: string;

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      section {
        margin-bottom: 16px;
      }
    `,
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.fund = 'resident';
  }

  override render() {
    const res = this.result;
    if (!res) return nothing;
    // A scenario that failed keeps its place, so diffs[k] still pairs with runs[k + 1].
    const all = res.runs;
    const runs = all.filter((r): r is RunView => r.ok);
    if (runs.length < 2 || !all[0]!.ok) return html`<p class="muted">${t('compareHint')}</p>`;
    const funds = runs[0]!.funds.filter((f) => runs.every((r) => r.funds.some((g) => g.id === f.id)));
    const fundId = funds.some((f) => f.id === this.fund) ? this.fund : (funds[0]?.id ?? '');
    const fundName = pick(funds.find((f) => f.id === fundId)?.name ?? { zh: fundId, en: fundId });
    return html`<section>
      <h2>${t('compare')}</h2>
      <label>${t('cumulative')}:
        <select @change=${(e: Event) => (this.fund = (e.target as HTMLSelectElement).value)}>
          ${funds.map((f) => html`<option value=${f.id} ?selected=${f.id === fundId}>${pick(f.name)}</option>`)}
        </select>
      </label>
      <yb-chart .option=${this.#option(runs, fundId)} label="${t('compare')} ${fundName}"></yb-chart>
      ${res.diffs.map((rows, k) => {
        const other = all[k + 1];
        if (!other?.ok) return html`<p class="muted">${other?.problems.map((p) => `${p.file} ${p.path}: ${p.reason}`).join('; ')}</p>`;
        const mine = rows.filter((d) => d.fund === fundId);
        return html`<h3 style="margin-top:12px">${t('difference')}: ${other.title} − ${(all[0] as RunView).title}</h3>
          <yb-data-table
            open
            @year-select=${(e: CustomEvent<number>) => this.#explain(e, other.hash, fundId)}
            .table=${{
              id: `compare-${k + 1}-${fundId}`,
              caption: `${fundName} ${t('difference')} (${t('unitWan')})`,
              columns: [{ label: t('year') }, { label: t('income'), format: wan }, { label: t('expenditure'), format: wan }, { label: t('currentBalance'), format: wan }, { label: t('cumulative'), format: wan }, { label: t('monthsPayable'), format: months }],
              rows: mine.map((d) => [d.year, d.income, d.expenditure, d.currentBalance, d.cumulative, d.monthsPayable]),
            }}
          ></yb-data-table>`;
      })}
    </section>`;
  }

  /** A year in a difference table explains the compared scenario's fund in that year. */
  #explain(e: CustomEvent<number>, hash: string, fund: string): void {
    e.stopPropagation();
    this.dispatchEvent(new CustomEvent('explain-request', { detail: { hash, fund, year: e.detail }, bubbles: true, composed: true }));
  }

  #option(runs: RunView[], fundId: string) {
    const years = runs[0]!.funds.find((f) => f.id === fundId)!.years.map((y) => String(y.year));
    return {
      animation: false,
      color: COLORS,
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 64, right: 16, top: 36, bottom: 52 },
      xAxis: { type: 'category', data: years },
      yAxis: { type: 'value', ...wanAxis(runs.flatMap((r) => r.funds.find((f) => f.id === fundId)!.years.map((y) => num(y.cumulative)))) },
      series: runs.map((r) => ({ name: r.title, type: 'line', data: r.funds.find((f) => f.id === fundId)!.years.map((y) => num(y.cumulative)) })),
    };
  }
}
customElements.define('yb-compare-view', YbCompareView);

declare global {
  interface HTMLElementTagNameMap {
    'yb-compare-view': YbCompareView;
  }
}
