/**
 * <yb-fund-view>: one fund over the horizon: the cumulative balance against
 * the months-payable warning bands, income by source against expenditure,
 * each with its table.
 */
import { LitElement, css, html } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { FundView, ThresholdsView } from '../../app/views.ts';
import type { WarningLevel } from '../../model/fund-year.ts';
import { WARNING_NAMES } from '../../report/names.ts';
import { pick, t } from '../i18n.ts';
import { lineName, wanAxis } from '../labels.ts';
import { months, num, percent, wan } from '../format.ts';
import { base } from '../styles.ts';
import './chart.ts';
import './data-table.ts';

// Distinct, not alarming: red is kept for deficits and warnings.
const PALETTE = ['#0b5cad', '#2f8f5b', '#c27c0e', '#8e3b9e', '#3b8fb5', '#6b7a8f', '#9c6b3a', '#4f5bd5', '#5f9e3a'];

export class YbFundView extends LitElement {
  static override properties = { fund: { attribute: false }, thresholds: { attribute: false } };
  declare fund: FundView | undefined;
  declare thresholds: ThresholdsView | undefined;

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
      .warn-exhausted,
      .warn-insufficient {
        color: var(--bad);
        font-weight: 600;
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

  override render() {
    const f = this.fund;
    if (!f) return html``;
    const name = pick(f.name);
    return html`<div class="grid">
      <section aria-labelledby="bal">
        <h3 id="bal">${name} · ${t('chartBalance')}</h3>
        <yb-chart .option=${this.#balanceOption(f)} label="${name} ${t('chartBalance')}"></yb-chart>
        <yb-data-table
          .caption=${`${name} ${t('chartBalance')} (${t('unitWan')})`}
          .filename=${`${f.id}-balance.csv`}
          .columns=${[
            { label: t('year') },
            { label: t('income'), format: wan },
            { label: t('expenditure'), format: wan },
            { label: t('currentBalance'), format: wan },
            { label: t('balanceRate'), format: percent },
            { label: t('cumulative'), format: wan },
            { label: t('monthsPayable'), format: months },
            { label: t('warning'), format: (w: unknown) => this.#warningLabel(String(w)) },
          ]}
          .rows=${f.years.map((y) => [y.year, y.income, y.expenditure, y.currentBalance, y.balanceRate, y.cumulative, y.monthsPayable, y.warning])}
        ></yb-data-table>
      </section>
      <section aria-labelledby="inc">
        <h3 id="inc">${name} · ${t('chartIncome')}</h3>
        <yb-chart .option=${this.#incomeOption(f)} label="${name} ${t('chartIncome')}"></yb-chart>
        <yb-data-table
          .caption=${`${name} ${t('chartIncome')} (${t('unitWan')})`}
          .filename=${`${f.id}-income-expenditure.csv`}
          .columns=${[{ label: t('year') }, ...this.#lines(f, 'incomeBySource').map((l) => ({ label: `${t('income')}: ${lineName(l)}`, format: wan })), ...this.#lines(f, 'expenditureByUse').map((l) => ({ label: `${t('expenditure')}: ${lineName(l)}`, format: wan }))]}
          .rows=${f.years.map((y) => [y.year, ...this.#lines(f, 'incomeBySource').map((l) => y.incomeBySource[l] ?? null), ...this.#lines(f, 'expenditureByUse').map((l) => y.expenditureByUse[l] ?? null)])}
        ></yb-data-table>
      </section>
    </div>`;
  }

  #warningLabel(w: string): string {
    return pick(WARNING_NAMES[w as WarningLevel] ?? WARNING_NAMES.unknown);
  }

  #lines(f: FundView, key: 'incomeBySource' | 'expenditureByUse'): string[] {
    const set = new Set<string>();
    for (const y of f.years) for (const l of Object.keys(y[key])) set.add(l);
    return [...set];
  }

  #balanceOption(f: FundView) {
    const years = f.years.map((y) => String(y.year));
    const th = this.thresholds;
    const bands =
      th && th.low && th.normalLow && th.normalHigh && th.high
        ? [
            [{ yAxis: 0, name: t('lowBand'), itemStyle: { color: 'rgba(179,38,30,0.10)' } }, { yAxis: Number(th.low) }],
            [{ yAxis: Number(th.normalLow), name: t('normalBand'), itemStyle: { color: 'rgba(30,122,69,0.12)' } }, { yAxis: Number(th.normalHigh) }],
            [{ yAxis: Number(th.high), name: t('highBand'), itemStyle: { color: 'rgba(161,92,0,0.08)' } }, { yAxis: 'max' }],
          ]
        : [];
    return {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 64, right: 56, top: 36, bottom: 52 },
      xAxis: { type: 'category', data: years },
      yAxis: [
        { type: 'value', ...wanAxis(f.years.map((y) => num(y.cumulative))) },
        { type: 'value', name: t('monthsPayable'), splitLine: { show: false } },
      ],
      series: [
        { name: t('cumulative'), type: 'bar', data: f.years.map((y) => num(y.cumulative)), itemStyle: { color: (p: { value: number }) => (p.value < 0 ? '#b3261e' : '#0b5cad') } },
        {
          name: t('monthsPayable'),
          type: 'line',
          yAxisIndex: 1,
          data: f.years.map((y) => num(y.monthsPayable)),
          itemStyle: { color: '#c27c0e' },
          markArea: { silent: true, label: { position: 'insideTopLeft', color: '#4a5666', fontSize: 10 }, data: bands },
        },
      ],
    };
  }

  #incomeOption(f: FundView) {
    const years = f.years.map((y) => String(y.year));
    const incomeLines = this.#lines(f, 'incomeBySource');
    return {
      animation: false,
      color: PALETTE,
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 64, right: 16, top: 36, bottom: 52 },
      xAxis: { type: 'category', data: years },
      yAxis: { type: 'value', ...wanAxis(f.years.flatMap((y) => [num(y.income), num(y.expenditure)])) },
      series: [
        ...incomeLines.map((l) => ({ name: lineName(l), type: 'bar', stack: 'income', data: f.years.map((y) => num(y.incomeBySource[l])) })),
        { name: t('expenditure'), type: 'line', data: f.years.map((y) => num(y.expenditure)), itemStyle: { color: '#1b2430' }, lineStyle: { width: 2 } },
      ],
    };
  }
}
customElements.define('yb-fund-view', YbFundView);

declare global {
  interface HTMLElementTagNameMap {
    'yb-fund-view': YbFundView;
  }
}
