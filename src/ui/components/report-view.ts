/**
 * <yb-report>: the scenario as a document to hand over, laid out for A4:
 * title, scenario summary, each chart with its table, assumptions, changes,
 * compliance, the baseline report's contradictions, sources and the content
 * hash. On screen it is a preview with buttons to print (or save as PDF) and
 * to download every table as an Excel workbook; printed, only the document.
 */
import { LitElement, css, html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { RunView } from '../../app/views.ts';
import type { CatalogView } from '../../app/service.ts';
import type { Scenario } from '../../scenario/types.ts';
import { getLocale, pick, t } from '../i18n.ts';
import { balanceOption, bandsNote, incomeOption, legendEntries, printedOption, subsidyOption } from '../chart-options.ts';
import { balanceTable, changesTable, complianceTable, incomeTable, perPersonTable, subsidyTable, type Table } from '../tables.ts';
import { reportTables } from '../workbook.ts';
import { baselineName, notesText, ruleSetNames, sourceParts, titleText } from '../labels.ts';
import { readableText } from '../problem-text.ts';
import { abnormalMonths, monthsMethodNote } from '../months-basis.ts';
import { base, sanity } from '../styles.ts';
import type { YbChart } from './chart.ts';
import './chart.ts';

/** A4 with margins: the page rule lives in the document, where @page applies. */
const PAGE_STYLE_ID = 'yb-report-page';
function ensurePageRule(): void {
  if (document.getElementById(PAGE_STYLE_ID)) return;
  const style = document.createElement('style');
  style.id = PAGE_STYLE_ID;
  style.textContent = '@page { size: A4; margin: 14mm 12mm; } @media print { body { background: white !important; } }';
  document.head.append(style);
}

export class YbReport extends LitElement {
  static override properties = { run: { attribute: false }, scenario: { attribute: false }, catalog: { attribute: false } };
  declare run: RunView | undefined;
  declare scenario: Scenario | undefined;
  declare catalog: CatalogView | undefined;

  static override styles = [
    base,
    sanity,
    css`
      :host {
        display: block;
        background: var(--panel);
        min-height: 100vh;
      }
      .toolbar {
        position: sticky;
        top: 0;
        display: flex;
        gap: 8px;
        flex-wrap: wrap;
        padding: 8px 12px;
        background: #0b3d6e;
        z-index: 2;
      }
      article {
        box-sizing: border-box;
        width: 186mm;
        max-width: 100%;
        margin: 12px auto;
        padding: 0 4mm;
        background: white;
      }
      h1 {
        font-size: 22px;
        margin: 0 0 4px;
      }
      .meta {
        color: var(--muted);
        font-size: 12px;
        margin: 0 0 12px;
      }
      h2 {
        font-size: 16px;
        border-bottom: 2px solid var(--accent);
        padding-bottom: 2px;
        margin: 18px 0 8px;
      }
      h3 {
        font-size: 13px;
        margin: 10px 0 4px;
      }
      figure {
        margin: 0 0 10px;
        break-inside: avoid;
      }
      yb-chart {
        height: 240px;
      }
      ul.legend {
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: 2px 14px;
        margin: 2px 0 6px;
        padding: 0;
        font-size: 11px;
      }
      /* drawn as a border: a browser prints borders, not backgrounds, unless told */
      ul.legend .key {
        display: inline-block;
        width: 14px;
        margin-right: 4px;
        vertical-align: middle;
        border-top: 9px solid var(--key);
      }
      ul.legend .key.line {
        border-top-width: 2px;
      }
      table {
        font-size: 10px;
      }
      th,
      td {
        padding: 1px 4px;
      }
      /* A4 holds 186 mm: column heads wrap at their spaces (English ones are long), figures stay on one line. */
      th {
        white-space: normal;
        vertical-align: bottom;
      }
      /* Long text (a source, a quote) wraps, inside a word where it must; a year, a figure or a unit never does. */
      .wrap td {
        white-space: normal;
        text-align: left;
        overflow-wrap: break-word;
      }
      .wrap .nb {
        white-space: nowrap;
      }
      .hash {
        font-family: ui-monospace, monospace;
        word-break: break-all;
      }
      ul {
        padding-left: 18px;
        margin: 4px 0;
        font-size: 12px;
        overflow-wrap: anywhere;
      }
      /* A phone: the page keeps its width; a table wider than it scrolls sideways in its own box. */
      @media screen and (max-width: 800px) {
        article {
          overflow-wrap: anywhere;
        }
      }
      @media print {
        .wide {
          overflow: visible;
        }
      }
      @media print {
        :host {
          background: white;
        }
        .toolbar {
          display: none;
        }
        article {
          margin: 0;
          padding: 0;
          width: auto;
        }
        /* A heading never ends a page: break-after alone does not hold before a table in Chromium, so the heading
           also claims 40 mm below it (given back by the negative margin): with less room left, it starts the next page. */
        h2,
        h3 {
          break-after: avoid;
          break-inside: avoid;
        }
        h2::after {
          content: '';
          display: block;
          height: 40mm;
          margin-bottom: -40mm;
        }
      }
    `,
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    // The report covers the workbench as a dialog would: Escape goes back.
    this.addEventListener('keydown', (e: KeyboardEvent) => {
      if (e.key === 'Escape') this.#emit('report-close');
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ensurePageRule();
  }

  /** Opened, the focus moves to the report's first action, so a keyboard continues in the report and not at the top of a page that went away. */
  override firstUpdated(): void {
    (this.renderRoot.querySelector('#print') as HTMLElement | null)?.focus();
  }

  /** Resolves when every chart of the report has drawn, so a printout never has a blank chart. */
  async chartsDrawn(): Promise<void> {
    await this.updateComplete;
    const charts = [...this.renderRoot.querySelectorAll('yb-chart')] as YbChart[];
    await Promise.all(charts.map((c) => (c.drawCount > 0 ? undefined : new Promise((r) => c.addEventListener('drawn', r, { once: true })))));
  }

  override render() {
    const r = this.run;
    if (!r) return nothing;
    const s = this.scenario;
    const sets = (s?.rules ?? []).map((id) => this.catalog?.ruleSets.find((x) => x.id === id) ?? { id, title: { zh: id, en: id }, document: '' });
    // A date no reader can take for another: 2026-11-26, not 26/11/2026 or 11/26/2026.
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    const extra = reportTables(r);
    return html`
      <nav class="toolbar" aria-label=${t('exportReport')}>
        <button class="primary" id="print" @click=${() => this.#emit('report-print')}>${t('printReport')}</button>
        <button id="workbook" @click=${() => this.#emit('report-workbook')}>${t('downloadWorkbook')}</button>
        <button id="close" aria-keyshortcuts="Escape" title="Esc" @click=${() => this.#emit('report-close')}>${t('backToWorkbench')}</button>
      </nav>
      <main>
      <article>
        <h1>${titleText(r.title)}</h1>
        <p class="meta">${t('reportTitle')} · ${t('generatedOn')} ${today} · ${t('baseline')} ${r.baseYear} · ${t('projectedTo')} ${r.until}</p>

        ${r.warnings.length
          ? html`<section id="r-sanity" class="sanity" role="note"><h3>${t('sanityHeading')}</h3><ul>${r.warnings.map((w) => html`<li>${pick(w)}</li>`)}</ul></section>`
          : nothing}
        <h2 id="r-summary">1 ${t('summary')}</h2>
        <p>${t('baseline')}: ${baselineName(s, this.catalog)} · ${t('rules')}: ${ruleSetNames(s, this.catalog)}</p>
        ${notesText(s?.notes) ? html`<h3>${t('scenarioNotes')}</h3><p class="notes">${notesText(s?.notes)}</p>` : nothing}
        ${r.changes.length ? this.#table(changesTable(r), true) : html`<p>${t('noChanges')}</p>`}

        <h2 id="r-funds">2 ${t('fundProjections')}</h2>
        ${r.funds.map(
          (f) => html`<figure>
              <h3>${pick(f.name)} · ${t('chartBalance')}</h3>
              ${this.#chart(balanceOption(f, r.thresholds), `${pick(f.name)} ${t('chartBalance')}`)}
              <figcaption class="meta">${bandsNote(r.thresholds)}</figcaption>
            </figure>
            ${f.years.some((y) => y.monthsPayable !== null)
              ? html`<p class="meta">${monthsMethodNote(r, f)}</p>
                  ${abnormalMonths(r, f).length ? html`<ul class="meta">${abnormalMonths(r, f).map((b) => html`<li>${b.text}</li>`)}</ul>` : nothing}`
              : nothing}
            ${this.#table(balanceTable(f))}
            <figure>
              <h3>${pick(f.name)} · ${t('chartIncome')}</h3>
              ${this.#chart(incomeOption(f), `${pick(f.name)} ${t('chartIncome')}`)}
            </figure>
            ${this.#table(incomeTable(f))}`,
        )}

        <h2 id="r-subsidy">3 ${t('chartSubsidy')}</h2>
        <figure>${this.#chart(subsidyOption(r), t('chartSubsidy'))}</figure>
        ${this.#table(subsidyTable(r))} ${this.#table(perPersonTable(r))}

        <h2 id="r-assumptions">4 ${t('assumptions')}</h2>
        ${this.#table(extra.find((x) => x.id === 'assumptions')!, true)}

        <h2 id="r-compliance">5 ${t('compliance')}</h2>
        ${r.compliance.length ? this.#table(complianceTable(r), true) : html`<p>${t('noneFound')}</p>`}

        <h2 id="r-audit">6 ${t('auditFindings')}</h2>
        ${r.audit.length ? html`<ul>${r.audit.map((a) => html`<li>${readableText(pick(a.text))}</li>`)}</ul>` : html`<p>${t('noneFound')}</p>`}
        ${r.notes.length ? html`<h3>${t('notes')}</h3><ul>${r.notes.map((n) => html`<li>${readableText(pick(n))}</li>`)}</ul>` : nothing}

        <h2 id="r-sources">7 ${t('sources')}</h2>
        <h3>${t('rulesInForce')}</h3>
        <ul>${sets.map((x) => html`<li>${pick(x.title)}${x.document ? ` — ${x.document}` : ''}</li>`)}</ul>
        <h3>${t('baselineSource')}</h3>
        <ul><li>${baselineName(s, this.catalog)}</li></ul>
        ${r.changes.length
          ? html`<h3>${t('levers')}</h3>
              <ul>${r.changes.map((c) => html`<li>${changeSource(r, c)}</li>`)}</ul>`
          : nothing}

        <h2 id="r-hash">8 ${t('contentHash')}</h2>
        <p class="hash">sha256:${r.hash}</p>
      </article>
      </main>
    `;
  }

  /** A chart drawn for print, its legend written under it: every series named, whatever the page's width. */
  #chart(option: Parameters<typeof legendEntries>[0] & Parameters<typeof printedOption>[0], label: string) {
    return html`<yb-chart pixelRatio="2" .option=${printedOption(option)} label=${label}></yb-chart>
      <ul class="legend">
        ${legendEntries(option).map((e) => html`<li><span class="key ${e.kind}" style=${styleMap({ '--key': e.color })}></span>${e.name}</li>`)}
      </ul>`;
  }

  /** A table in a box of its own: on a phone it scrolls sideways there (reachable by keyboard), never the page. */
  #table(table: Table, wrap = false) {
    return html`<div class="wide" tabindex="0" role="region" aria-label=${table.caption}><table class=${wrap ? 'wrap' : ''} aria-label=${table.caption}>
      <caption class="muted" style="text-align:left;font-size:11px">${table.caption}</caption>
      <thead><tr>${table.columns.map((c) => html`<th scope="col" class=${unbroken(c.label) ? 'nb' : ''}>${c.label}</th>`)}</tr></thead>
      <tbody>
        ${table.rows.map(
          (row) =>
            html`<tr>${row.map((v, i) => {
              const text = table.columns[i]?.format ? table.columns[i]!.format!(v) : (v ?? '—');
              return html`<td class=${table.columns[i]?.numeric || unbroken(String(text)) ? 'nb' : ''}>${text}</td>`;
            })}</tr>`,
        )}
      </tbody>
    </table></div>`;
  }

  #emit(name: string): void {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }
}
/** A cell kept on one line in a wrapped table: a year, a figure, a unit, a short name (at most 6 characters, one word). */
function unbroken(text: string): boolean {
  return text.length <= 6 && !/\s/.test(text);
}

customElements.define('yb-report', YbReport);

declare global {
  interface HTMLElementTagNameMap {
    'yb-report': YbReport;
  }
}

/** A changed lever's source: the scenario's change from its month; the value it replaces, with the baseline's source, after it. */
function changeSource(r: RunView, c: RunView['changes'][number]): string {
  const own = sourceParts({ kind: 'override', from: c.from ?? r.leverMonth }).main;
  const baseline = r.levers.find((l) => l.name === c.param)?.baselineSource;
  const en = getLocale() === 'en';
  const after = baseline ? (en ? `; ${t('baselineValue')}: ` : `；${t('baselineValue')}：`) + sourceParts(baseline).main : '';
  return `${pick(c.label)}: ${own}${after}`;
}
