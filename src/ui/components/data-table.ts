/**
 * <yb-data-table>: the numbers under a chart, with a CSV download. Clicking a
 * row's year asks "why" (a `year-select` event).
 */
import { LitElement, css, html } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import { t } from '../i18n.ts';
import { base } from '../styles.ts';
import { csv, downloadText } from '../format.ts';

export interface Column {
  label: string;
  /** The cell as displayed. */
  format?: (raw: string | number | null) => string;
}

export class YbDataTable extends LitElement {
  static override properties = { columns: { attribute: false }, rows: { attribute: false }, caption: {}, filename: {}, open: { type: Boolean } };
  declare columns: Column[];
  /** Raw values (exact strings); the first column is the year. */
  declare rows: (string | number | null)[][];
  declare caption: string;
  declare filename: string;
  declare open: boolean;

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      details {
        margin-top: 4px;
      }
      summary {
        cursor: pointer;
        color: var(--accent);
        display: inline-block;
      }
      .bar {
        display: flex;
        gap: 8px;
        align-items: center;
      }
      .scroll {
        max-height: 320px;
        overflow: auto;
        border: 1px solid var(--line);
        margin-top: 4px;
      }
      button.year {
        border: none;
        background: none;
        color: var(--accent);
        padding: 0;
        text-decoration: underline;
      }
    `,
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.columns = [];
    this.rows = [];
    this.caption = '';
    this.filename = 'data.csv';
    this.open = false;
  }

  override render() {
    return html`<div class="bar">
        <details ?open=${this.open} @toggle=${(e: Event) => (this.open = (e.target as HTMLDetailsElement).open)}>
          <summary>${t('table')}</summary>
        </details>
        <button @click=${this.#download} aria-label="${t('downloadCsv')}: ${this.caption}">${t('downloadCsv')}</button>
      </div>
      ${this.open
        ? html`<div class="scroll">
            <table>
              <caption class="muted" style="text-align:left">${this.caption}</caption>
              <thead>
                <tr>${this.columns.map((c) => html`<th scope="col">${c.label}</th>`)}</tr>
              </thead>
              <tbody>
                ${this.rows.map(
                  (r) => html`<tr>
                    ${r.map((v, i) =>
                      i === 0
                        ? html`<th scope="row"><button class="year" @click=${() => this.#select(v)}>${v}</button></th>`
                        : html`<td>${this.columns[i]?.format ? this.columns[i]!.format!(v) : (v ?? '—')}</td>`,
                    )}
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : ''}`;
  }

  #select(year: string | number | null): void {
    this.dispatchEvent(new CustomEvent('year-select', { detail: Number(year), bubbles: true, composed: true }));
  }

  #download(): void {
    downloadText(this.filename, this.csvText());
  }

  /** The CSV as downloaded: exact values, not the rounded display. */
  csvText(): string {
    return csv([this.columns.map((c) => c.label), ...this.rows]);
  }
}
customElements.define('yb-data-table', YbDataTable);

declare global {
  interface HTMLElementTagNameMap {
    'yb-data-table': YbDataTable;
  }
}
