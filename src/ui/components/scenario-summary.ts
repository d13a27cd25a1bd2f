/**
 * <yb-scenario-summary>: what a scenario changes against its baseline (old and
 * new value, from which date), compliance with higher-level minimums, the
 * subsidy each government level pays, and the content hash.
 */
import { LitElement, css, html, nothing } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { RunView } from '../../app/views.ts';
import { pick, t } from '../i18n.ts';
import { num, unitLabel, wan } from '../format.ts';
import { base } from '../styles.ts';
import { sourceText, wanAxis } from '../labels.ts';
import './chart.ts';
import './data-table.ts';

export class YbScenarioSummary extends LitElement {
  static override properties = { run: { attribute: false } };
  declare run: RunView | undefined;

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      section {
        margin-bottom: 16px;
      }
      .hash {
        font-family: ui-monospace, monospace;
        font-size: 12px;
        word-break: break-all;
      }
      ul {
        margin: 4px 0;
        padding-left: 20px;
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
        ${r.changes.length === 0
          ? html`<p class="muted">${t('noChanges')}</p>`
          : html`<div class="wide"><table>
              <thead><tr><th>${t('parameter')}</th><th>${t('from')}</th><th>${t('before')}</th><th>${t('after')}</th></tr></thead>
              <tbody>
                ${r.changes.map((c) => html`<tr><td>${pick(c.label)} <span class="muted">${c.param}</span></td><td>${c.from ?? r.leverMonth}${c.until ? `–${c.until}` : ''}</td><td>${c.before ?? t('notSet')} ${unitLabel(c.unit)}</td><td><strong>${c.after}</strong> ${unitLabel(c.unit)}</td></tr>`)}
              </tbody>
            </table></div>`}
        ${r.compliance.length
          ? html`<h3 style="margin-top:12px">${t('compliance')}</h3>
              <ul>
                ${r.compliance.map((c) => html`<li>${c.year}: ${pick(c.label)} ${c.value} ${t('belowMinimum')} ${c.minimum} <span class="muted" title=${sourceText(c.source)}>(${c.source.kind === 'rule' ? c.source.ruleSet : ''})</span></li>`)}
              </ul>`
          : nothing}
        ${r.audit.length
          ? html`<h3 style="margin-top:12px">${t('auditFindings')}</h3>
              <ul>
                ${r.audit.map((a) => html`<li>${a.message}</li>`)}
              </ul>`
          : nothing}
        ${r.notes.length ? html`<h3 style="margin-top:12px">${t('notes')}</h3><ul>${r.notes.map((n) => html`<li>${pick(n)}</li>`)}</ul>` : nothing}
        <p class="muted hash">${t('contentHash')} sha256:${r.hash}</p>
      </section>
      <section aria-labelledby="sub">
        <h2 id="sub">${t('chartSubsidy')}</h2>
        <yb-chart .option=${this.#subsidyOption(r)} label=${t('chartSubsidy')}></yb-chart>
        <p>${t('totalOverHorizon')} ${r.baseYear + 1}–${r.until}: ${(['central', 'region', 'city', 'county', 'unspecified'] as const).map((k) => html`${t(k)} <strong>${wan(r.subsidyTotals[k])}</strong> ${t('unitWan')}　`)}</p>
        <yb-data-table
          .caption=${`${t('chartSubsidy')} (${t('unitWan')})`}
          filename="subsidy-by-level.csv"
          .columns=${[{ label: t('year') }, ...(['central', 'region', 'city', 'county', 'unspecified'] as const).map((k) => ({ label: t(k), format: wan }))]}
          .rows=${r.subsidy.map((s) => [s.year, s.central, s.region, s.city, s.county, s.unspecified])}
        ></yb-data-table>
        <yb-data-table
          .caption=${t('perPerson')}
          filename="per-person.csv"
          .columns=${[{ label: t('year') }, { label: t('residentStandard') }, { label: t('residentSubsidy') }, { label: t('aidTekun') }, { label: t('aidDibao') }, { label: t('aidFanpin') }]}
          .rows=${r.perPerson.map((p) => [p.year, p.residentStandard, p.residentSubsidy, p.aidPays.tekun, p.aidPays.dibao, p.aidPays.fanpin])}
        ></yb-data-table>
      </section>
    `;
  }

  #subsidyOption(r: RunView) {
    const keys = ['central', 'region', 'city', 'county', 'unspecified'] as const;
    return {
      animation: false,
      color: ['#0b5cad', '#2f8f5b', '#c27c0e', '#8e3b9e', '#6b7a8f'],
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 64, right: 16, top: 36, bottom: 52 },
      xAxis: { type: 'category', data: r.subsidy.map((s) => String(s.year)) },
      yAxis: { type: 'value', ...wanAxis(r.subsidy.map((s) => keys.reduce((sum, k) => sum + Number(s[k]), 0))) },
      series: keys.filter((k) => r.subsidy.some((s) => num(s[k]) !== 0)).map((k) => ({ name: t(k), type: 'bar', stack: 's', data: r.subsidy.map((s) => num(s[k])) })),
    };
  }
}
customElements.define('yb-scenario-summary', YbScenarioSummary);



declare global {
  interface HTMLElementTagNameMap {
    'yb-scenario-summary': YbScenarioSummary;
  }
}
