/**
 * <yb-backtest-view>: how the projection was calibrated and how well it would
 * have done. Abnormal reported periods with their reasons, the report's
 * deferrals, every assumption in force with its origin, and, on request, the
 * backtest of the baseline: from each earlier reported year, the projection
 * beside the report and a naive forecast. Display only; the worker computes.
 */
import { LitElement, css, html, nothing } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { BacktestView } from '../../app/calibration-views.ts';
import type { RunView } from '../../app/views.ts';
import { pick } from '../i18n.ts';
import { grouped, unitText, wan } from '../format.ts';
import { assumptionRows } from '../assumption-labels.ts';
import { base, cardTables } from '../styles.ts';

const T = {
  calibration: { zh: '校准与异常年份', en: 'Calibration and abnormal years' },
  threshold: { zh: '异常阈值', en: 'Threshold' },
  normalised: { zh: '已调整', en: 'normalised' },
  notNormalised: { zh: '未调整', en: 'not normalised' },
  noAbnormal: { zh: '各报告期人均收支均在阈值以内。', en: 'Every reported period is within the threshold.' },
  deferral: { zh: '报告所述跨年支付', en: "The report's deferrals" },
  assumptions: { zh: '假设与来源', en: 'Assumptions in force' },
  name: { zh: '名称', en: 'Name' },
  value: { zh: '值', en: 'Value' },
  origin: { zh: '来源', en: 'Origin' },
  why: { zh: '依据', en: 'Why' },
  backtest: { zh: '回测', en: 'Backtest' },
  run: { zh: '运行回测', en: 'Run the backtest' },
  running: { zh: '回测中…', en: 'Running…' },
  none: { zh: '基线只有一个完整年度，无法回测。', en: 'The baseline has one full year only: nothing to backtest.' },
  from: { zh: '起点', en: 'From' },
  mae: { zh: '平均绝对误差（收入与支出）', en: 'mean absolute error (income and expenditure)' },
  model: { zh: '模型', en: 'Model' },
  naive: { zh: '朴素预测', en: 'Naive' },
  fund: { zh: '基金', en: 'Fund' },
  line: { zh: '项目', en: 'Line' },
  period: { zh: '期间', en: 'Period' },
  reported: { zh: '报告', en: 'Reported' },
  error: { zh: '误差%', en: 'Error %' },
  half: { zh: '（上半年，对比半年预测）', en: ' (first half, against half the projected year)' },
  hint: { zh: '从每个较早的报告年份起，只用当时已有的数据测算，与以后报告的实际数和朴素预测（起点年数按上年增速外推）对比。金额单位：万元。', en: 'From each earlier reported year, with only the data known then, against the later reports and a naive forecast (the start year carried forward at its last growth). Amounts in 10k yuan.' },
};

export class YbBacktestView extends LitElement {
  static override properties = { run: { attribute: false }, load: { attribute: false }, _result: { state: true }, _busy: { state: true } };
  declare run: RunView | undefined;
  /** Fetches the backtest of a run by its hash (the worker). */
  declare load: ((hash: string) => Promise<BacktestView | undefined>) | undefined;
  declare _result: { hash: string; view: BacktestView | undefined } | undefined;
  declare _busy: boolean;

  static override styles = [
    base,
    cardTables,
    css`
      :host {
        display: block;
        margin-bottom: 16px;
      }
      ul {
        margin: 4px 0;
        padding-left: 20px;
      }
      td.why {
        white-space: normal;
        font-size: 12px;
      }
      td.num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  constructor() {
    super();
    this._busy = false;
    updateWhenLocaleChanges(this);
  }

  async #backtest(): Promise<void> {
    const r = this.run;
    if (!r || !this.load) return;
    this._busy = true;
    try {
      this._result = { hash: r.hash, view: await this.load(r.hash) };
    } finally {
      this._busy = false;
    }
  }

  override render() {
    const r = this.run;
    if (!r) return nothing;
    const c = r.calibration;
    const result = this._result?.hash === r.hash ? this._result.view : undefined;
    return html`
      <section aria-labelledby="cal">
        <h2 id="cal">${pick(T.calibration)}</h2>
        <p class="muted">${pick(T.threshold)} ±${c.threshold}% · ${pick(c.normalise ? T.normalised : T.notNormalised)}</p>
        ${c.abnormal.length ? html`<ul>${c.abnormal.map((a) => html`<li>${pick(a.reason)}</li>`)}</ul>` : html`<p class="muted">${pick(T.noAbnormal)}</p>`}
        ${c.timing.length
          ? html`<h3>${pick(T.deferral)}</h3>
              <ul>
                ${c.timing.map((t) => html`<li>“${t.quote}” — ${t.year} → ${t.to ?? '—'}: ${t.applied ? html`${wan(t.amount)} ${unitText('万元')}` : pick(T.notNormalised)}</li>`)}
              </ul>`
          : nothing}
        <details>
          <summary>${pick(T.assumptions)} (${c.assumptions.length})</summary>
          <div class="wide"><table class="cards" role="table" id="assumptions-in-force">
            <thead role="rowgroup"><tr role="row"><th role="columnheader">${pick(T.name)}</th><th role="columnheader">${pick(T.value)}</th><th role="columnheader">${pick(T.origin)}: ${pick(T.why)}</th></tr></thead>
            <tbody role="rowgroup">
              ${assumptionRows(r).map((a) => html`<tr role="row"><td role="cell">${a.label}</td><td role="cell" class="num">${grouped(a.value)} ${a.unit}</td><td role="cell" class="why">${a.source}</td></tr>`)}
            </tbody>
          </table></div>
        </details>
      </section>
      <section aria-labelledby="bt">
        <h2 id="bt">${pick(T.backtest)}</h2>
        <p class="muted">${pick(T.hint)}</p>
        <button type="button" ?disabled=${this._busy} @click=${() => this.#backtest()}>${pick(this._busy ? T.running : T.run)}</button>
        ${result ? this.#table(result) : this._result?.hash === r.hash ? html`<p>${pick(T.none)}</p>` : nothing}
      </section>
    `;
  }

  #table(v: BacktestView) {
    if (v.runs.length === 0) return html`<p>${pick(T.none)}</p>`;
    return v.runs.map(
      (run) => html`<h3>${pick(T.from)} ${run.from}: ${pick(T.mae)} ${pick(T.model)} ${run.modelError ?? '—'}%, ${pick(T.naive)} ${run.naiveError ?? '—'}%</h3>
        <div class="wide" tabindex="0" role="region" aria-label="${pick(T.from)} ${run.from}"><table>
          <thead><tr><th>${pick(T.fund)}</th><th>${pick(T.line)}</th><th>${pick(T.period)}</th><th>${pick(T.reported)}</th><th>${pick(T.model)}</th><th>${pick(T.error)}</th><th>${pick(T.naive)}</th><th>${pick(T.error)}</th></tr></thead>
          <tbody>
            ${v.rows
              .filter((x) => x.from === run.from)
              .map(
                (x) => html`<tr><td>${pick(x.fundName)}</td><td>${pick(x.lineName)}</td><td>${x.period}${x.half ? pick(T.half) : ''}</td><td class="num">${wan(x.reported)}</td><td class="num">${wan(x.model)}</td><td class="num">${x.modelError ?? '—'}</td><td class="num">${x.naive === null ? '—' : wan(x.naive)}</td><td class="num">${x.naiveError ?? '—'}</td></tr>`,
              )}
          </tbody>
        </table></div>
        ${run.caveats.length ? html`<ul class="muted">${run.caveats.map((c) => html`<li>${pick(c)}</li>`)}</ul>` : nothing}`,
    );
  }
}

customElements.define('yb-backtest-view', YbBacktestView);
