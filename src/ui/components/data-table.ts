/**
 * <yb-data-table>: the numbers under a chart, with a CSV download. Clicking a
 * row's year asks "why" (a `year-select` event).
 */
import { LitElement, css, html } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import { getLocale, t } from '../i18n.ts';

const colon = () => (getLocale() === 'en' ? ': ' : '：');
import { base } from '../styles.ts';
import { csv, downloadText } from '../format.ts';
import { exportCell, type Table } from '../tables.ts';

export class YbDataTable extends LitElement {
  static override properties = { table: { attribute: false }, open: { type: Boolean }, name: {} };
  /** Named where two tables sit under one chart, so their controls say which is which. */
  declare name: string | undefined;
  /** Raw values (exact strings); the first column is the year. */
  declare table: Table;
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
    this.table = { id: 'data', caption: '', columns: [], rows: [] };
    this.open = false;
  }

  override render() {
    const { caption, columns, rows } = this.table;
    return html`<div class="bar">
        <details ?open=${this.open} @toggle=${(e: Event) => (this.open = (e.target as HTMLDetailsElement).open)}>
          <summary>${t('table')}${this.name ? html`<span class="name">${colon()}${this.name}</span>` : ''}</summary>
        </details>
        <button @click=${this.#download} aria-label="${t('downloadCsv')}: ${caption}">${t('downloadCsv')}${this.name ? `${colon()}${this.name}` : ''}</button>
      </div>
      ${this.open
        ? html`<div class="scroll">
            <table>
              <caption class="muted" style="text-align:left">${caption}</caption>
              <thead>
                <tr>${columns.map((c) => html`<th scope="col">${c.label}</th>`)}</tr>
              </thead>
              <tbody>
                ${rows.map(
                  (r) => html`<tr>
                    ${r.map((v, i) =>
                      i === 0
                        ? html`<th scope="row"><button class="year" @click=${() => this.#select(v)}>${columns[0]?.format ? columns[0].format(v) : v}</button></th>`
                        : html`<td>${columns[i]?.format ? columns[i]!.format!(v) : (v ?? '—')}</td>`,
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
    downloadText(`${this.table.id}.csv`, this.csvText());
  }

  /** The CSV as downloaded: exact values, not the rounded display; named levels in the chosen language. */
  csvText(): string {
    const { columns, rows } = this.table;
    return csv([columns.map((c) => c.exportLabel ?? c.label), ...rows.map((r) => r.map((v, i) => (columns[i] ? exportCell(columns[i]!, v) : v)))]);
  }
}
customElements.define('yb-data-table', YbDataTable);

declare global {
  interface HTMLElementTagNameMap {
    'yb-data-table': YbDataTable;
  }
}
