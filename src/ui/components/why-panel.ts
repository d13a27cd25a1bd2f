/** <yb-why-panel>: the lines, parameters (with their rule and document) and assumptions behind a fund year. */
import { LitElement, css, html, nothing } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { ExplainView, RunView } from '../../app/views.ts';
import { pick, t } from '../i18n.ts';
import { grouped, unitLabel, wan } from '../format.ts';
import { base, cardTables } from '../styles.ts';
import { lineName, sourceView } from '../labels.ts';
import { assumptionRows, countLabel } from '../assumption-labels.ts';
import { monthsBasis } from '../months-basis.ts';
import { readableText } from '../problem-text.ts';

export class YbWhyPanel extends LitElement {
  static override properties = { explain: { attribute: false }, run: { attribute: false } };
  declare explain: ExplainView | undefined;
  /** The run whose assumptions in force (with their origins) are listed, and whose funds' months payable are explained. */
  declare run: Pick<RunView, 'calibration' | 'levers' | 'baseYear' | 'funds'> | undefined;

  static override styles = [
    base,
    cardTables,
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
      td.val {
        white-space: normal;
      }
      .basis {
        font-size: 13px;
        overflow-wrap: anywhere;
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
    const fund = this.run?.funds.find((f) => f.id === e.fund);
    const basis = fund && this.run ? monthsBasis(this.run, fund, e.year) : undefined;
    return html`<h2>${t('why')} ${pick(e.fundName)} · ${e.year}</h2>
      ${basis ? html`<p class="basis" id="months-basis"><strong>${t('monthsPayable')}</strong>: ${basis.text}</p>` : nothing}
      <div class="wide"><table class="cards" role="table">
        <thead role="rowgroup"><tr role="row"><th role="columnheader">${t('line')}</th><th role="columnheader">${e.year} (${t('unitWan')})</th><th role="columnheader">${t('baseYearShort')} ${e.baseYear} (${t('unitWan')})</th><th role="columnheader" style="text-align:left">${t('how')}</th></tr></thead>
        <tbody role="rowgroup">
          ${e.lines.map((l) => {
            const [kind, line] = l.line.split(':') as [string, string];
            return html`<tr role="row"><td role="cell">${kind === 'income' ? t('income') : t('expenditure')}: ${lineName(line)}</td><td role="cell" data-label=${`${e.year} (${t('unitWan')})${pick({ zh: '：', en: ': ' })}`}>${wan(l.amount)}</td><td role="cell" data-label=${`${t('baseYearShort')} ${e.baseYear} (${t('unitWan')})${pick({ zh: '：', en: ': ' })}`}>${wan(l.base)}</td><td role="cell" class="how">${pick(l.how)}</td></tr>`;
          })}
        </tbody>
      </table></div>
      ${e.inputs.length
        ? html`<h3 style="margin-top:12px">${t('inputs')}</h3>
            <div class="wide"><table class="cards" role="table">
              <thead role="rowgroup"><tr role="row"><th role="columnheader">${t('parameter')}</th><th role="columnheader">${t('value')}</th><th role="columnheader" style="text-align:left">${t('source')}</th></tr></thead>
              <tbody role="rowgroup">
                ${e.inputs.map((i) => {
                  const [, group, year] = i.name.split('.') as [string, string, string];
                  return html`<tr role="row"><td role="cell">${countLabel(group, year)}</td><td role="cell">${Number(i.value).toLocaleString()} ${t('people')}</td><td role="cell" class="src">${readableText(pick(i.source))}</td></tr>`;
                })}
              </tbody>
            </table></div>`
        : nothing}
      <h3 style="margin-top:12px">${t('levers')}</h3>
      <div class="wide"><table class="cards" role="table">
        <thead role="rowgroup"><tr role="row"><th role="columnheader">${t('parameter')}</th><th role="columnheader">${t('value')}</th><th role="columnheader" style="text-align:left">${t('source')}</th></tr></thead>
        <tbody role="rowgroup">
          ${e.parameters.map((p) => html`<tr role="row"><td role="cell">${pick(p.label)}</td><td role="cell">${grouped(p.value)} ${unitLabel(p.unit)}</td><td role="cell" class="src">${sourceView(p.source)}</td></tr>`)}
        </tbody>
      </table></div>
      <h3 style="margin-top:12px">${t('assumptions')}</h3>
      <div class="wide"><table class="cards" role="table">
        <thead role="rowgroup"><tr role="row"><th role="columnheader">${t('parameter')}</th><th role="columnheader">${t('value')}</th><th role="columnheader" style="text-align:left">${t('source')}</th></tr></thead>
        <tbody role="rowgroup">
          ${(this.run ? assumptionRows(this.run) : []).map((a) => html`<tr role="row"><td role="cell">${a.label}</td><td role="cell" class="val">${grouped(a.value)} ${a.unit}</td><td role="cell" class="src">${a.source}</td></tr>`)}
        </tbody>
      </table></div>`;
  }
}
customElements.define('yb-why-panel', YbWhyPanel);

declare global {
  interface HTMLElementTagNameMap {
    'yb-why-panel': YbWhyPanel;
  }
}
