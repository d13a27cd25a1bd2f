import { LitElement, css, html, nothing } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { RunView } from '../../app/views.ts';
import { pick, t } from '../i18n.ts';
import { wanHeadline } from '../format.ts';
import { base } from '../styles.ts';

/** <yb-fund-cards>: each fund's balance at the horizon, first deficit and exhaustion, at a glance. */
export class YbFundCards extends LitElement {
  static override properties = { run: { attribute: false }, yi: { type: Boolean } };
  declare run: RunView | undefined;
  /** The baseline's report states its amounts in 亿元 (the national bulletins): every card in 亿元. */
  declare yi: boolean;
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .cards {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(200px, 100%), 1fr));
        gap: 12px;
      }
      .card {
        background: white;
        border: 1px solid var(--line);
        border-left: 4px solid var(--accent);
        border-radius: 6px;
        padding: 10px 12px;
      }
      .card.bad {
        border-left-color: var(--bad);
      }
      .card .big {
        font-size: 20px;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .card .big.long {
        font-size: 14px;
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
    const top = r.funds.filter((f) => !f.id.includes('.'));
    return html`
      <div class="cards" role="list">
        ${top.map((f) => {
          const last = f.years.at(-1)!;
          const bad = f.exhaustionYear !== null || f.firstDeficitYear !== null;
          const amount = wanHeadline(last.cumulative, this.yi);
          return html`<div class="card ${bad ? 'bad' : ''}" role="listitem">
            <div class="muted">${pick(f.name)}</div>
            <div class="big ${amount.text.length > 12 ? 'long' : ''}">${amount.text} <span class="muted" style="font-size:12px">${amount.unit}</span></div>
            <div class="muted">${t('cumulative')} · ${last.year}${t('atHorizon')}</div>
            <div>${t('firstDeficit')}: <strong>${f.firstDeficitYear ?? t('never')}</strong></div>
            <div>${t('exhausted')}: <strong>${f.exhaustionYear ?? t('never')}</strong></div>
          </div>`;
        })}
      </div>
    `;
  }
}
customElements.define('yb-fund-cards', YbFundCards);

declare global {
  interface HTMLElementTagNameMap {
    'yb-fund-cards': YbFundCards;
  }
}
