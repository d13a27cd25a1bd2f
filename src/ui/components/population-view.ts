/**
 * <yb-population-view>: the population behind the funds. Age pyramids of the
 * base year and the horizon (insured by status in colour, men left, women
 * right), the in-service/retiree ratio over time, insured counts by status
 * with a table and CSV, the population assumptions with unit, source and
 * reset, and a switch between the retirement reform and the rule before it.
 * It draws what the worker computed (src/app/population-view.ts); it never
 * computes policy.
 */
import { LitElement, css, html, nothing } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { InputProblem } from '../../common/errors.ts';
import type { RunView } from '../../app/views.ts';
import type { PopulationView } from '../../app/population-view.ts';
import type { PopulationInput } from '../../population/settings.ts';
import type { Scenario } from '../../scenario/types.ts';
import type { ScenarioEdit } from './lever-panel.ts';
import { assumptionValue, populationAssumptionLabel } from '../assumption-labels.ts';
import { getLocale, pick, t } from '../i18n.ts';
import { problemText } from '../problem-text.ts';
import { base } from '../styles.ts';
import { insuredTable } from '../tables.ts';
import './chart.ts';
import './data-table.ts';

const TEXT = {
  heading: { zh: '人口与参保', en: 'Population and insured' },
  pyramid: { zh: '年龄结构（左男右女，人）', en: 'Age structure (men left, women right, persons)' },
  uninsured: { zh: '未参保', en: 'not insured' },
  men: { zh: '男', en: 'men' },
  women: { zh: '女', en: 'women' },
  ratio: { zh: '在职（含灵活就业）与退休人数之比', en: 'In service (with flexible) per retiree' },
  ratioColumn: { zh: '在职/退休', en: 'In service / retiree' },
  rule: { zh: '法定退休年龄', en: 'Statutory retirement age' },
  assumptions: { zh: '人口假设', en: 'Population assumptions' },
  reset: { zh: '恢复默认', en: 'Reset' },
  calibrated: { zh: '（按基期校准）', en: '(calibrated to the base year)' },
  none: { zh: '此方案未使用人口模型。', en: 'This projection does not use the population model.' },
  default: { zh: '默认', en: 'default' },
  persons: { zh: '人', en: 'persons' },
  age: { zh: '年龄（岁）', en: 'age (years)' },
  ratioAxis: { zh: '在职人数 ÷ 退休人数', en: 'in service ÷ retirees' },
} as const;


/** Assumptions shown here that belong to the whole scenario, not to assumptions.population. */
const TOP_LEVEL = new Set(['retireeCostWeight']);

const COLORS: Record<string, string> = { inService: '#0b5cad', flexible: '#5b8fd1', retiree: '#a15c00', resident: '#1e7a45', uninsured: '#c9d1db' };
const PYRAMID_STATUSES = ['inService', 'flexible', 'retiree', 'resident'] as const;
const DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

export class YbPopulationView extends LitElement {
  static override properties = {
    run: { attribute: false },
    scenario: { attribute: false },
    open: { type: Boolean, reflect: true },
    entryId: {},
    problems: { attribute: false },
    problemScenario: { attribute: false },
    _typed: { state: true },
  };
  declare run: RunView | undefined;
  declare scenario: Scenario | undefined;
  /** Which of the user's scenarios (and which revision of it) is shown: text typed for another is dropped. */
  declare entryId: string | undefined;
  /** Problems of an edit that could not be used; the one of a field is shown beside it. */
  declare problems: InputProblem[];
  /** The scenario the problems were found in. */
  declare problemScenario: Scenario | undefined;
  /** What the user typed in a field, kept as typed until the scenario takes it (a refused value stays in its field). */
  declare _typed: Record<string, string>;
  /** Folded by default: its charts are drawn only while it is open, so a lever change redraws no more than it shows. */
  declare open: boolean;

  static override styles = [
    base,
    css`
      :host {
        display: block;
        margin-top: 12px;
      }
      .pyramids {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(280px, 1fr));
        gap: 8px;
      }
      yb-chart.pyramid {
        height: 360px;
      }
      /* A fieldset is as wide as its widest line by default: on a phone that pushed the page sideways. */
      fieldset {
        border: 1px solid var(--line);
        border-radius: 4px;
        margin: 8px 0;
        min-width: 0;
      }
      .assumption {
        display: grid;
        grid-template-columns: minmax(min-content, 1fr) auto auto;
        gap: 4px 8px;
        align-items: center;
        margin: 4px 0;
      }
      .source,
      .error {
        grid-column: 1 / -1;
        font-size: 12px;
      }
      .error {
        color: var(--bad);
      }
      .error:empty {
        display: none;
      }
      input[aria-invalid='true'] {
        border-color: var(--bad);
      }
      input {
        width: 80px;
        font: inherit;
      }
    `,
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.open = false;
    this.problems = [];
    this._typed = {};
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('entryId') && changed.get('entryId') !== undefined) this._typed = {};
    // A value the scenario has taken needs no copy of its own.
    const taken = Object.entries(this._typed).filter(([name, v]) => this.#own(name) === (v === '' ? undefined : v));
    if (taken.length) this._typed = Object.fromEntries(Object.entries(this._typed).filter(([name]) => !taken.some(([n]) => n === name)));
  }

  /** The scenario's own value of a population assumption (the age-cost weight is scenario-wide), if it sets one. */
  #own(name: string, s: Scenario | undefined = this.scenario): string | undefined {
    const a = s?.assumptions as Record<string, unknown> | undefined;
    const v = TOP_LEVEL.has(name) ? a?.[name] : (a?.population as Record<string, unknown> | undefined)?.[name];
    return typeof v === 'string' ? v : undefined;
  }

  /** The problem of the value typed in a field: only while the scenario refused holds what the field shows. */
  #problem(name: string): InputProblem | undefined {
    const path = TOP_LEVEL.has(name) ? `/assumptions/${name}` : `/assumptions/population/${name}`;
    const p = this.problems.find((x) => x.path === path);
    return p && this.#own(name, this.problemScenario) === (this._typed[name] ?? this.#own(name)) ? p : undefined;
  }

  override render() {
    const p = this.run?.population;
    if (!p) return html`<section><h2>${pick(TEXT.heading)}</h2><p class="muted">${pick(TEXT.none)}</p></section>`;
    return html`<section>
      <details ?open=${this.open} @toggle=${(e: Event) => (this.open = (e.target as HTMLDetailsElement).open)}>
        <summary><h2 style="display:inline">${pick(TEXT.heading)}</h2> <span class="muted">${this.#headline(p)}</span></summary>
        ${this.open ? this.#body(p) : nothing}
      </details>
    </section>`;
  }

  /** One line for the folded view: the in-service/retiree ratio at the base year and the horizon, and the rule. */
  #headline(p: PopulationView): string {
    const first = p.insured[0];
    const last = p.insured[p.insured.length - 1];
    const rule = p.retirementRules.find((r) => r.id === p.retirementRule);
    return `${pick(TEXT.ratioColumn)} ${first?.ratio ?? '—'} (${first?.year}) → ${last?.ratio ?? '—'} (${last?.year}) · ${rule ? pick(rule.label) : p.retirementRule}`;
  }

  #body(p: PopulationView) {
    return html`
      ${this.#ruleSwitch(p)}
      <div class="pyramids">${p.pyramids.map((y) => html`<yb-chart class="pyramid" .label=${`${pick(TEXT.pyramid)} ${y.year}`} .option=${this.#pyramid(p, y)}></yb-chart>`)}</div>
      <h3>${pick(TEXT.ratio)}</h3>
      <yb-chart .label=${pick(TEXT.ratio)} .option=${this.#ratioChart(p)}></yb-chart>
      ${this.#countsTable()} ${this.#assumptions(p)}
    `;
  }

  #ruleSwitch(p: PopulationView) {
    return html`<fieldset>
      <legend>${pick(TEXT.rule)}</legend>
      ${p.retirementRules.map(
        (r) => html`<label style="margin-right:12px"
          ><input type="radio" name="retirement-rule" style="width:auto" .checked=${p.retirementRule === r.id} @change=${() => this.#set({ retirementRule: r.id })} />
          ${pick(r.label)}</label
        >`,
      )}
    </fieldset>`;
  }

  #pyramid(p: PopulationView, y: PopulationView['pyramids'][number]) {
    const en = getLocale() === 'en';
    const series = [...PYRAMID_STATUSES, 'uninsured'].flatMap((status) =>
      (['male', 'female'] as const).map((sex) => {
        const values = p.ageGroups.map((_, i) => {
          const v = status === 'uninsured' ? Math.max(0, y.population[sex][i]! - PYRAMID_STATUSES.reduce((t, s) => t + y.byStatus[s]![sex][i]!, 0)) : y.byStatus[status]![sex][i]!;
          return Math.round(sex === 'male' ? -v : v);
        });
        const label = status === 'uninsured' ? pick(TEXT.uninsured) : pick(p.statuses.find((s) => s.id === status)!.label);
        return { name: label, type: 'bar', stack: sex, data: values, itemStyle: { color: COLORS[status] }, barCategoryGap: '10%' };
      }),
    );
    return {
      // Which side is which, on the chart itself (the label above is read by screen readers only).
      title: { text: `${pick(TEXT.men)} ← ${y.year} → ${pick(TEXT.women)}`, left: 'center', textStyle: { fontSize: 13 } },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => Math.abs(v).toLocaleString(en ? 'en' : 'zh') },
      legend: { bottom: 0, data: [...PYRAMID_STATUSES.map((s) => pick(p.statuses.find((x) => x.id === s)!.label)), pick(TEXT.uninsured)] },
      grid: { left: 50, right: 10, top: 44, bottom: 72 },
      xAxis: { type: 'value', name: pick(TEXT.persons), nameLocation: 'middle', nameGap: 24, axisLabel: { formatter: (v: number) => Math.abs(v).toLocaleString(en ? 'en' : 'zh') } },
      // the age axis at the left edge (not on the zero line between the sexes), its name above it
      yAxis: { type: 'category', data: p.ageGroups, name: pick(TEXT.age), nameGap: 8, axisLine: { onZero: false }, nameTextStyle: { align: 'left', padding: [0, 0, 0, -40] } },
      series,
      // On a phone the legend takes two lines: the plot moves up so the axis's name (人, persons) stays clear of it.
      media: [{ query: { maxWidth: 440 }, option: { grid: { bottom: 96 } } }],
    };
  }

  #ratioChart(p: PopulationView) {
    const rows = p.insured.filter((r) => r.ratio !== null);
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: rows.map((r) => String(r.year)) },
      yAxis: { type: 'value', min: 0, name: pick(TEXT.ratioAxis), nameTextStyle: { align: 'left' } },
      series: [{ name: pick(TEXT.ratio), type: 'line', data: rows.map((r) => Number(r.ratio)), itemStyle: { color: COLORS.inService } }],
    };
  }

  #countsTable() {
    const table = this.run && insuredTable(this.run);
    return table ? html`<h3>${table.caption}</h3><yb-data-table .table=${table}></yb-data-table>` : nothing;
  }

  #assumptions(p: PopulationView) {
    const own = (name: string) => this.#own(name);
    return html`<fieldset>
      <legend>${pick(TEXT.assumptions)}</legend>
      ${p.assumptions.filter((a) => a.name !== 'retirementRule' && a.name !== 'model').map((a) => {
        const id = `pop-${a.name.replace(/\./g, '-')}`;
        const control =
          a.name === 'variant'
            ? html`<select id=${id} @change=${(e: Event) => this.#set({ variant: (e.target as HTMLSelectElement).value as PopulationInput['variant'] })}>
                ${(['medium', 'high', 'low'] as const).map((v) => html`<option value=${v} ?selected=${a.value === v}>${assumptionValue(v)}</option>`)}
              </select>`
            : a.name === 'participation'
              ? html`<select id=${id} @change=${(e: Event) => this.#set({ participation: (e.target as HTMLSelectElement).value })}>
                  ${(['cohort', 'uniform'] as const).map((v) => html`<option value=${v} ?selected=${a.value === v}>${assumptionValue(v)}</option>`)}
                </select>`
              : a.editable
              ? html`<input
                  id=${id}
                  inputmode="decimal"
                  .value=${this._typed[a.name] ?? own(a.name) ?? a.value}
                  aria-invalid=${this.#refusal(a.name) ? 'true' : 'false'}
                  aria-describedby="${id}-error"
                  @change=${(e: Event) => {
                    const v = (e.target as HTMLInputElement).value.trim();
                    this._typed = { ...this._typed, [a.name]: v };
                    if (v === '' || DECIMAL.test(v)) this.#set({ [a.name]: v === '' ? undefined : v });
                  }}
                />`
              : html`<output id=${id}>${shownNumber(a.value)}</output>`;
        const changed = a.editable && own(a.name) !== undefined;
        const refusal = this.#refusal(a.name);
        return html`<div class="assumption">
          <label for=${id}>${populationAssumptionLabel(a.name)}</label>
          <span>${control} ${a.name === 'variant' || a.name === 'participation' ? '' : pick(a.unit)}</span>
          <span>${changed ? html`<button
                @click=${() => {
                  const { [a.name]: _dropped, ...rest } = this._typed;
                  this._typed = rest;
                  this.#set({ [a.name]: undefined });
                }}
              >${pick(TEXT.reset)}</button>` : a.editable ? nothing : html`<span class="muted">${pick(TEXT.calibrated)}</span>`}</span>
          <span class="source muted">${pick(a.label)}${a.default !== null ? ` · ${pick(TEXT.default)} ${assumptionValue(a.default)}` : ''}</span>
          <span class="error" id="${id}-error" role=${refusal ? 'alert' : nothing}>${refusal ?? nothing}</span>
        </div>`;
      })}
    </fieldset>`;
  }

  /** Why the text in a field is not used, in the reader's language; undefined while it is. */
  #refusal(name: string): string | undefined {
    const typed = this._typed[name];
    if (typed !== undefined && typed !== '' && !DECIMAL.test(typed)) return `“${typed}”: ${t('notANumber')}`;
    const problem = this.#problem(name);
    return problem ? `${problemText(problem)} · ${t('lastValidKept')}` : undefined;
  }

  /** A changed population assumption becomes part of the scenario (an unset one takes its default). */
  #set(change: Partial<Record<string, string | undefined>>): void {
    const s = this.scenario;
    if (!s) return;
    const wide = Object.fromEntries(Object.entries(change).filter(([k]) => TOP_LEVEL.has(k)));
    const population = { ...(s.assumptions?.population ?? {}), ...Object.fromEntries(Object.entries(change).filter(([k]) => !TOP_LEVEL.has(k))) } as Record<string, string | undefined>;
    for (const k of Object.keys(population)) if (population[k] === undefined) delete population[k];
    const assumptions = { ...(s.assumptions ?? {}), ...wide, population: population as PopulationInput } as Record<string, unknown>;
    for (const k of Object.keys(wide)) if (assumptions[k] === undefined) delete assumptions[k];
    const key = `population ${Object.keys(change).join(' ')}`;
    this.dispatchEvent(new CustomEvent<ScenarioEdit>('scenario-change', { detail: { scenario: { ...s, assumptions: assumptions as Scenario['assumptions'] }, key }, bubbles: true, composed: true }));
  }
}
customElements.define('yb-population-view', YbPopulationView);

declare global {
  interface HTMLElementTagNameMap {
    'yb-population-view': YbPopulationView;
  }
}

/** A figure the worker sent as a float's shortest text (9.0629e-5): in plain digits, four significant. */
function shownNumber(v: string): string {
  const n = Number(v);
  if (!/e/i.test(v) || !Number.isFinite(n)) return v;
  return n.toLocaleString(getLocale() === 'en' ? 'en-US' : 'zh-CN', { maximumSignificantDigits: 4 });
}
