/**
 * <yb-scenario-summary>: what a scenario changes against its baseline (old and
 * new value, from which date), compliance with higher-level minimums, the
 * subsidy each government level pays, and the content hash.
 */
import { LitElement, css, html, nothing } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { RunView } from '../../app/views.ts';
import { pick, t } from '../i18n.ts';
import { unitLabel, wan } from '../format.ts';
import { base } from '../styles.ts';
import { notesText, sourceParts } from '../labels.ts';
import type { Notes } from '../../scenario/notes.ts';
import { readableText } from '../problem-text.ts';
import { perPersonTable, subsidyTable } from '../tables.ts';
import { subsidyOption } from '../chart-options.ts';
import './chart.ts';
import './data-table.ts';

export class YbScenarioSummary extends LitElement {
  static override properties = { run: { attribute: false }, notes: { attribute: false } };
  declare run: RunView | undefined;
  /** The scenario's own notes, as its author wrote them (shown as text, never as markup). */
  declare notes: Notes | undefined;

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      section {
        margin-bottom: 16px;
      }
      .notes {
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
      .hash {
        font-family: ui-monospace, monospace;
        font-size: 12px;
        word-break: break-all;
      }
      ul {
        margin: 4px 0;
        padding-left: 20px;
        overflow-wrap: anywhere;
      }
    `,
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override render() {
    const r = this.run;
    if (!r) return nothing;
    return html`
      <section aria-labelledby="sum">
        <h2 id="sum">${t('summary')}</h2>
        ${notesText(this.notes) ? html`<h3>${t('scenarioNotes')}</h3><p class="notes">${notesText(this.notes)}</p>` : nothing}
        ${r.changes.length === 0
          ? html`<p class="muted">${t('noChanges')}</p>`
          : html`<div class="wide"><table>
              <thead><tr><th>${t('parameter')}</th><th>${t('from')}</th><th>${t('before')}</th><th>${t('after')}</th></tr></thead>
              <tbody>
                ${r.changes.map((c) => html`<tr><td>${pick(c.label)}</td><td>${c.from ?? r.leverMonth}${c.until ? `–${c.until}` : ''}</td><td>${c.before ?? t('notSet')} ${unitLabel(c.unit)}</td><td><strong>${c.after}</strong> ${unitLabel(c.unit)}</td></tr>`)}
              </tbody>
            </table></div>`}
        ${r.compliance.length
          ? html`<h3 style="margin-top:12px">${t('compliance')}</h3>
              <ul>
                ${r.compliance.map((c) => html`<li>${c.year}: ${pick(c.label)} ${c.value} ${t('belowMinimum')} ${c.minimum} <span class="muted">(${t('source')}: ${sourceParts(c.source).main})</span></li>`)}
              </ul>`
          : nothing}
        ${r.audit.length
          ? html`<h3 style="margin-top:12px">${t('auditFindings')}</h3>
              <ul>
                ${r.audit.map((a) => html`<li>${readableText(pick(a.text))}</li>`)}
              </ul>`
          : nothing}
        ${r.notes.length ? html`<h3 style="margin-top:12px">${t('notes')}</h3><ul>${r.notes.map((n) => html`<li>${readableText(pick(n))}</li>`)}</ul>` : nothing}
        <p class="muted hash">${t('contentHash')} sha256:${r.hash}</p>
      </section>
      <section aria-labelledby="sub">
        <h2 id="sub">${t('chartSubsidy')}</h2>
        <yb-chart .option=${subsidyOption(r)} label=${t('chartSubsidy')}></yb-chart>
        <p>${t('totalOverHorizon')} ${r.baseYear + 1}–${r.until}: ${(['central', 'region', 'city', 'county', 'unspecified'] as const).map((k) => html`${t(k)} <strong>${wan(r.subsidyTotals[k])}</strong> ${t('unitWan')}　`)}</p>
        <yb-data-table .table=${subsidyTable(r)} name=${t('chartSubsidy')}></yb-data-table>
        <yb-data-table .table=${perPersonTable(r)} name=${t('perPerson')}></yb-data-table>
      </section>
    `;
  }
}
customElements.define('yb-scenario-summary', YbScenarioSummary);



declare global {
  interface HTMLElementTagNameMap {
    'yb-scenario-summary': YbScenarioSummary;
  }
}
