/** <yb-why-panel>: the lines, parameters (with their rule and document) and assumptions behind a fund year. */
import { LitElement, css, html, nothing } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { ExplainView } from '../../app/views.ts';
import { pick, t } from '../i18n.ts';
import { unitLabel, wan } from '../format.ts';
import { base } from '../styles.ts';
import { lineName, sourceText } from '../labels.ts';

export class YbWhyPanel extends LitElement {
  static override properties = { explain: { attribute: false } };
  declare explain: ExplainView | undefined;

  static override styles = [
    base,
    css`
      :host {
        display: block;
        background: white;
        border: 1px solid var(--line);
        border-radius: 6px;
        padding: 12px;
      }
      td.src {
        white-space: normal;
        text-align: left;
        font-size: 12px;
        color: var(--muted);
      }
      td.how {
        white-space: normal;
        text-align: left;
        font-size: 12px;
      }
    `,
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override render() {
    const e = this.explain;
    if (!e) return html`<h2>${t('why')}</h2><p class="muted">${t('whyHint')}</p>`;
    return html`<h2>${t('why')} ${e.year}</h2>
      <div class="wide"><table>
        <thead><tr><th>${t('line')}</th><th>${t('amount')} (${t('unitWan')})</th><th style="text-align:left">${t('how')}</th></tr></thead>
        <tbody>
          ${e.lines.map((l) => {
            const [kind, line] = l.line.split(':') as [string, string];
            return html`<tr><td>${kind === 'income' ? t('income') : t('expenditure')}: ${lineName(line)}</td><td>${wan(l.amount)}</td><td class="how">${pick(l.how)}</td></tr>`;
          })}
        </tbody>
      </table></div>
      <h3 style="margin-top:12px">${t('levers')}</h3>
      <div class="wide"><table>
        <thead><tr><th>${t('parameter')}</th><th>${t('amount')}</th><th style="text-align:left">${t('source')}</th></tr></thead>
        <tbody>
          ${e.parameters.map((p) => html`<tr><td>${pick(p.label)}</td><td>${p.value} ${unitLabel(p.unit)}</td><td class="src">${sourceText(p.source)}</td></tr>`)}
        </tbody>
      </table></div>
      <h3 style="margin-top:12px">${t('assumptions')}</h3>
      <p class="muted" style="font-size:12px">${Object.entries(e.assumptions).map(([k, v]) => `${k} = ${v}`).join(' · ')}</p>
      ${nothing}`;
  }
}
customElements.define('yb-why-panel', YbWhyPanel);

declare global {
  interface HTMLElementTagNameMap {
    'yb-why-panel': YbWhyPanel;
  }
}
