/**
 * <yb-fund-view>: one fund over the horizon: the cumulative balance against
 * the months-payable warning bands, income by source against expenditure,
 * each with its table.
 */
import { LitElement, css, html } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { FundView, RunView, ThresholdsView } from '../../app/views.ts';
import { getLocale, pick, t } from '../i18n.ts';
import { balanceTable, incomeTable, inYi, type Table } from '../tables.ts';
import { balanceOption, bandsNote, incomeOption } from '../chart-options.ts';
import { base } from '../styles.ts';
import { abnormalMonths, monthsMethodNote } from '../months-basis.ts';
import './chart.ts';
import './data-table.ts';

export class YbFundView extends LitElement {
  static override properties = { fund: { attribute: false }, thresholds: { attribute: false }, run: { attribute: false }, yi: { type: Boolean } };
  /** The baseline's report states its amounts in 亿元: the tables show them so. */
  declare yi: boolean;
  declare fund: FundView | undefined;
  declare thresholds: ThresholdsView | undefined;
  /** The run the fund is part of: how its months payable are computed, and which reported years are abnormal. */
  declare run: Pick<RunView, 'levers' | 'calibration' | 'baseYear'> | undefined;

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(420px, 100%), 1fr));
        gap: 16px;
      }
      .bands {
        font-size: 12px;
        margin: 0 0 4px;
      }
      ul.bands {
        padding-left: 18px;
        overflow-wrap: anywhere;
      }
      .warn-exhausted,
      .warn-insufficient {
        color: var(--bad);
        font-weight: 700;
      }
      .warn-excessive,
      .warn-below-normal,
      .warn-above-normal {
        color: var(--warn);
      }
      .warn-normal {
        color: var(--good);
      }
    `,
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** How months payable are computed, and each year whose figure rests on an abnormal year's expenditure. */
  #monthsNotes(run: Pick<RunView, 'levers' | 'calibration' | 'baseYear'>, f: FundView) {
    if (f.years.every((y) => y.monthsPayable === null)) return '';
    const odd = abnormalMonths(run, f);
    return html`<p class="muted bands" id="months-method">${monthsMethodNote(run, f)}</p>
      ${odd.length ? html`<ul class="bands months-notes">${odd.map((b) => html`<li>${b.text}</li>`)}</ul>` : ''}`;
  }

  /**
   * The charts' options and the tables of what is shown, kept while the fund's figures, the bands, the unit
   * and the language are the same: a render for anything else (the notes, the rest of a run's result come
   * after its figures) neither rebuilds the tables nor has the charts compare their options again.
   */
  #made?: { fund: FundView; thresholds: ThresholdsView | undefined; yi: boolean; locale: string; balance: ReturnType<typeof balanceOption>; income: ReturnType<typeof incomeOption>; balanceTable: Table; incomeTable: Table };

  #parts(f: FundView) {
    const locale = getLocale();
    const m = this.#made;
    if (m && m.fund === f && m.thresholds === this.thresholds && m.yi === this.yi && m.locale === locale) return m;
    const shown = (table: Table): Table => (this.yi ? inYi(table) : table);
    this.#made = { fund: f, thresholds: this.thresholds, yi: this.yi, locale, balance: balanceOption(f, this.thresholds), income: incomeOption(f), balanceTable: shown(balanceTable(f)), incomeTable: shown(incomeTable(f)) };
    return this.#made;
  }

  override render() {
    const f = this.fund;
    if (!f) return html``;
    const name = pick(f.name);
    const parts = this.#parts(f);
    return html`<div class="grid">
      <section aria-labelledby="bal">
        <h3 id="bal">${name} · ${t('chartBalance')}</h3>
        <yb-chart .option=${parts.balance} label="${name} ${t('chartBalance')}"></yb-chart>
        <p class="muted bands">${bandsNote(this.thresholds)}</p>
        ${this.run ? this.#monthsNotes(this.run, f) : ''}
        <yb-data-table .table=${parts.balanceTable}></yb-data-table>
      </section>
      <section aria-labelledby="inc">
        <h3 id="inc">${name} · ${t('chartIncome')}</h3>
        <yb-chart .option=${parts.income} label="${name} ${t('chartIncome')}"></yb-chart>
        <yb-data-table .table=${parts.incomeTable}></yb-data-table>
      </section>
    </div>`;
  }
}
customElements.define('yb-fund-view', YbFundView);

declare global {
  interface HTMLElementTagNameMap {
    'yb-fund-view': YbFundView;
  }
}
