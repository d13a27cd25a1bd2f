/**
 * <yb-analyses-view>: uncertainty and sensitivity for the scenario shown. A
 * tornado ranks the assumptions and levers by their effect on an outcome the
 * user picks; a heat map shows the outcome over two levers' values; a goal
 * seek finds the setting of one lever that meets a target and opens it as a
 * new scenario. Every run goes to a worker of its own (AnalysisRunner) with
 * a progress bar and a Cancel button; a cancelled run keeps the previous
 * result, and a result for a scenario since changed is labelled as such.
 * The forms check their input's form (a number, a month, a year in range)
 * and show each problem beside its field; the worker checks the rest.
 * Loaded when the panel is first opened, with the ECharts parts only it uses.
 */
import { LitElement, css, html, nothing } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import * as echarts from 'echarts/core';
import { HeatmapChart } from 'echarts/charts';
import { VisualMapContinuousComponent } from 'echarts/components';
import type { AnalysisLever, AnalysisOptions, GridView, SensitivityView, SolveView } from '../../app/analyses-service.ts';
import type { MonteCarloView } from '../../app/uncertainty-service.ts';
import type { RunView } from '../../app/views.ts';
import type { Scenario } from '../../scenario/types.ts';
import type { InputProblem } from '../../common/errors.ts';
import { targetValueReason } from '../../analyses/target-bounds.ts';
import type { Api } from '../state/simulation-controller.ts';
import { CANCELLED, type AnalysisRunner } from '../state/analysis-runner.ts';
import { pick, t } from '../i18n.ts';
import { csv, downloadText, isExhausted, unitLabel } from '../format.ts';
import { problemText } from '../problem-text.ts';
import { titleWith } from '../labels.ts';
import { a, fill } from '../locales/analyses.ts';
import { axisNames, bindingYear, exhaustionOption, fanOption, figure, heatmapOption, heatmapTable, leverLabel, leverUnit, monthsText, outcomeTitle, percentileTable, targetText, tornadoOption, tornadoTable } from '../analysis-charts.ts';
import { base } from '../styles.ts';
import './chart.ts';
import './data-table.ts';

echarts.use([HeatmapChart, VisualMapContinuousComponent]);

type Tab = 'tornado' | 'grid' | 'solve' | 'monteCarlo';
const TABS: Tab[] = ['tornado', 'grid', 'solve', 'monteCarlo'];
type Kept<V> = { hash: string; view: V };
const NUMBER = /^\s*-?[0-9]+(\.[0-9]+)?\s*$/;
const LEVELS = ['total', 'central', 'region', 'city', 'county'] as const;
/** The form field each of the worker's problem names (InputProblem.file) belongs to. */
const FIELDS: Record<string, string> = {
  outcome: 'outKind',
  'rows.lever': 'rowsLever',
  'rows.low': 'rowsLow',
  'rows.high': 'rowsHigh',
  'rows.n': 'rowsN',
  'columns.lever': 'columnsLever',
  'columns.low': 'columnsLow',
  'columns.high': 'columnsHigh',
  'columns.n': 'columnsN',
  lever: 'solveLever',
  '--from': 'solveFrom',
  target: 'valueA',
  range: 'solveLow',
  '--range': 'solveLow',
  fund: 'solveFund',
  '--paths': 'paths',
  '--seed': 'seed',
};

/** The detail of `open-scenario`: a scenario to add, and the month its levers are best shown at. */
export interface OpenScenario {
  scenario: Scenario;
  leversAt?: string;
  /** The id the workbench gave the scenario it added (set by the listener). */
  id?: string;
}

export class YbAnalysesView extends LitElement {
  static override properties = {
    run: { attribute: false },
    scenario: { attribute: false },
    loadOptions: { attribute: false },
    runner: { attribute: false },
    hasScenario: { attribute: false },
    _tab: { state: true },
    _options: { state: true },
    _form: { state: true },
    _errors: { state: true },
    _busy: { state: true },
    _note: { state: true },
    _tornado: { state: true },
    _grid: { state: true },
    _solve: { state: true },
    _mc: { state: true },
    _at: { state: true },
    _opened: { state: true },
  };
  declare run: RunView | undefined;
  /** The scenario as it is projected (the run's). */
  declare scenario: Scenario | undefined;
  /** The forms' choices for a scenario, from the simulation worker (quick). A function: a comlink proxy bound to a property would pass for a Lit directive. */
  declare loadOptions: ((data: unknown, file: string, at?: string) => Promise<AnalysisOptions>) | undefined;
  /** The analysis worker, for the long runs. */
  declare runner: AnalysisRunner | undefined;
  declare _tab: Tab;
  declare _options: Kept<AnalysisOptions> | undefined;
  declare _form: Record<string, string>;
  declare _errors: Record<string, string>;
  declare _busy: { tab: Tab; done: number; total: number } | undefined;
  /** Per tab, what became of its last run where it did not end with a result: cancelled, or replaced by another analysis. */
  declare _note: Partial<Record<Tab, 'cancelledKept' | 'cancelledNone' | 'replacedKept' | 'replacedNone'>>;
  declare _tornado: Kept<SensitivityView> | undefined;
  declare _grid: Kept<GridView> | undefined;
  declare _solve: Kept<SolveView> | undefined;
  declare _mc: Kept<MonteCarloView> | undefined;
  /** The choices with the levers' values in force at the goal seek's and the heat map's start month, from the worker. */
  declare _at: Partial<Record<'solve' | 'grid', Kept<AnalysisOptions> & { at: string }>>;
  /** The goal-seek answer opened as a scenario, and that scenario's title: opened once. */
  declare _opened: { answer: SolveView; title: string; id?: string } | undefined;
  /** Whether the workbench still has a scenario (an answer opened and then undone has gone: it can be opened again). */
  declare hasScenario: ((id: string) => boolean) | undefined;
  #token = 0;
  /** Fields the user set: a default never overwrites them. */
  #touched = new Set<string>();

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      [role='tablist'] {
        display: flex;
        gap: 4px;
        flex-wrap: wrap;
        margin: 8px 0;
      }
      [role='tab'][aria-selected='true'] {
        background: var(--accent);
        color: white;
        border-color: var(--accent);
      }
      .form {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 12px;
        align-items: flex-start;
        margin: 8px 0;
      }
      .field {
        display: flex;
        flex-direction: column;
        gap: 2px;
        font-size: 13px;
        min-width: 0;
        max-width: 100%;
      }
      .field select {
        max-width: min(440px, 100%);
      }
      .field input {
        width: 8em;
      }
      .field input.month {
        width: 7em;
      }
      .field input.count {
        width: 4em;
      }
      fieldset {
        border: 1px solid var(--line);
        border-radius: 4px;
        display: flex;
        flex-wrap: wrap;
        gap: 8px 12px;
        margin: 0;
        padding: 6px 8px;
        min-width: 0;
      }
      legend {
        font-size: 13px;
        color: var(--muted);
      }
      .error {
        color: var(--bad);
        font-size: 12px;
        max-width: 16em;
      }
      input[aria-invalid='true'] {
        border-color: var(--bad);
      }
      .progress {
        display: flex;
        gap: 8px;
        align-items: center;
        margin: 8px 0;
        flex-wrap: wrap;
      }
      .bar {
        width: min(320px, 60vw);
        height: 10px;
        background: var(--panel);
        border: 1px solid var(--line);
        border-radius: 5px;
        overflow: hidden;
      }
      .bar > div {
        height: 100%;
        background: var(--accent);
      }
      .stale {
        background: #fff4e0;
        border: 1px solid #e0b060;
        padding: 6px 8px;
        border-radius: 4px;
      }
      .stale-result {
        opacity: 0.55;
      }
      .answer {
        font-size: 16px;
        font-weight: 700;
      }
      .fails {
        color: var(--bad);
      }
      yb-chart.heat {
        height: 440px;
      }
      yb-chart.fan {
        height: 340px;
      }
      #tornado-chart {
        height: calc(80px + var(--bars, 8) * 44px);
      }
      .scroll {
        overflow-x: auto;
        max-width: 100%;
      }
      table.years {
        width: auto;
        border-collapse: collapse;
        font-size: 13px;
        margin: 4px 0;
      }
      table.years th,
      table.years td {
        border-bottom: 1px solid var(--line);
        padding: 3px 10px 3px 4px;
        text-align: right;
        white-space: nowrap;
      }
      table.years th[scope='row'] {
        text-align: left;
      }
      table.years thead th {
        white-space: normal;
        vertical-align: bottom;
      }
      table.years caption {
        text-align: left;
        font-weight: 700;
      }
      table.years .badge {
        display: block;
      }
      table.years tr.binding,
      table.years tr.binding th {
        background: #fff4d6;
        font-weight: 700;
      }
      table.years thead th:first-child {
        text-align: left;
      }
      .badge {
        font-size: 11px;
        color: #7a4b00;
        font-weight: 700;
      }
      .ok {
        color: #1e7a45;
      }
      .done {
        background: #e6f4ea;
        border: 1px solid #8cc29c;
        border-radius: 4px;
        padding: 6px 8px;
      }
      @media (max-width: 600px) {
        :host {
          padding: 0 8px;
        }
        yb-chart.fan {
          height: 400px;
        }
        yb-chart.heat {
          height: 480px;
        }
        #tornado-chart {
          height: calc(90px + var(--bars, 8) * 68px);
        }
      }
      p {
        margin: 6px 0;
      }
      .note {
        font-size: 12px;
      }
    `,
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this._tab = 'tornado';
    this._form = {};
    this._errors = {};
    this._note = {};
    this._at = {};
  }

  #optionsTimer?: ReturnType<typeof setTimeout>;

  /**
   * The forms' choices follow the scenario, fetched once its changes settle (not on every keystroke of a
   * lever: each fetch would queue in the projection's worker); the first time at once.
   */
  override updated(changed: Map<string, unknown>): void {
    if (!changed.has('run') || !this.run || this._options?.hash === this.run.hash) return;
    clearTimeout(this.#optionsTimer);
    this.#optionsTimer = setTimeout(() => void this.#loadOptions(), this._options ? 400 : 0);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#optionsTimer);
    clearTimeout(this.#atTimer.solve);
    clearTimeout(this.#atTimer.grid);
  }

  async #loadOptions(): Promise<void> {
    const run = this.run;
    if (!run || !this.loadOptions || !this.scenario) return;
    const view = await this.loadOptions(this.scenario, run.title);
    if (this.run?.hash !== run.hash) return; // a newer scenario meanwhile
    this._options = { hash: run.hash, view };
    if (view.ok) this.#defaults(view);
  }

  /** Fill the fields not yet given from the scenario's choices. */
  #defaults(o: Extract<AnalysisOptions, { ok: true }>): void {
    const f = { ...this._form };
    const keep = (k: string, v: string, valid = true) => {
      if (f[k] === undefined || !valid) f[k] = v;
    };
    const fundIds = o.funds.map((x) => x.id);
    const leverNames = o.levers.map((l) => l.name);
    const firstFund = fundIds.includes('resident') ? 'resident' : fundIds[0] ?? '';
    const yearOk = (y: string | undefined) => Number(y) > o.baseYear && Number(y) <= o.until;
    keep('outKind', 'months-payable');
    keep('outFund', firstFund, fundIds.includes(f.outFund ?? ''));
    keep('outYear', this.#beforeExhaustion(f.outFund!, o), this.#touched.has('outYear') ? yearOk(f.outYear) : false);
    keep('outLevel', 'total');
    // The heat map has an outcome of its own: a subsidy picked for the tornado must not flatten it.
    keep('gKind', 'months-payable');
    keep('gFund', firstFund, fundIds.includes(f.gFund ?? ''));
    keep('gYear', this.#criticalYear(f.gFund!, o), this.#touched.has('gYear') ? yearOk(f.gYear) : false);
    keep('gLevel', 'total');
    const [rows, columns] = this.#gridLevers(f.gFund!, o);
    keep('rowsLever', rows, this.#touched.has('rowsLever') ? leverNames.includes(f.rowsLever ?? '') : false);
    keep('columnsLever', columns, this.#touched.has('columnsLever') ? leverNames.includes(f.columnsLever ?? '') : false);
    keep('gridFrom', this.#gridMonth(f.gYear!, o), this.#touched.has('gridFrom'));
    keep('solveLever', leverNames.includes('resident.individual.standard') ? 'resident.individual.standard' : o.levers[0]?.name ?? '', leverNames.includes(f.solveLever ?? ''));
    keep('solveFrom', o.firstMonth);
    keep('indicator', 'monthsPayable');
    keep('op', '>=');
    keep('valueA', '6');
    keep('valueB', '');
    keep('until', String(o.until), Number(f.until) <= o.until);
    keep('solveFund', '');
    keep('prefer', 'smallest');
    keep('paths', '1000');
    keep('seed', '1');
    keep('mcFund', f.outFund!);
    keep('rowsN', '5');
    keep('columnsN', '5');
    this._form = f;
    for (const axis of ['rows', 'columns'] as const) this.#leverRange(axis, f[`${axis}Lever`]!);
    this.#leverRange('solve', f.solveLever!);
    void this.#loadAt('solve');
    void this.#loadAt('grid');
  }

  /**
   * The default year of the heat map's months payable: the first year the fund, as projected, falls below
   * the normal range's lower end (where a trade-off matters), else the horizon. Read from the run shown.
   */
  #criticalYear(fund: string, o: Extract<AnalysisOptions, { ok: true }>): string {
    const years = this.run?.funds.find((x) => x.id === fund)?.years ?? [];
    const floor = Number(this.run?.thresholds.normalLow ?? 6);
    const below = years.find((y) => y.year > o.baseYear && y.monthsPayable !== null && Number(y.monthsPayable) < floor);
    return String(below?.year ?? o.until);
  }

  /**
   * The tornado's default year: the horizon, or, where the fund as projected is exhausted before it, the
   * last year before (an exhausted fund has no months payable to rank levers by). Read from the run shown.
   */
  #beforeExhaustion(fund: string, o: Extract<AnalysisOptions, { ok: true }>): string {
    const years = this.run?.funds.find((x) => x.id === fund)?.years ?? [];
    const exhausted = years.find((y) => y.year > o.baseYear && isExhausted(y.monthsPayable));
    return String(exhausted ? Math.max(o.baseYear + 1, exhausted.year - 1) : o.until);
  }

  /** The heat map's default start month: January two years before the year looked at (from the first projected month). */
  #gridMonth(year: string, o: Extract<AnalysisOptions, { ok: true }>): string {
    return `${Math.max(o.baseYear + 1, Number(year) - 2)}-01`;
  }

  /**
   * The heat map's default levers for a fund, two that trade off against each other in it: the individual
   * standard × the fiscal subsidy per head for residents and aid; the employer rate × wage growth for
   * employees; wage growth × cost growth where the rules set neither.
   */
  #gridLevers(fund: string, o: Extract<AnalysisOptions, { ok: true }>): [string, string] {
    const has = (n: string) => o.levers.some((l) => l.name === n);
    const pairs: [string, string][] = fund.startsWith('employee')
      ? [['employee.rate.employer', 'wageGrowth']]
      : [['resident.individual.standard', 'resident.subsidy.standard']];
    for (const [r, c] of [...pairs, ['wageGrowth', 'costGrowth'] as [string, string]]) if (has(r) && has(c)) return [r, c];
    return [o.levers[0]?.name ?? '', o.levers[1]?.name ?? ''];
  }

  get #opts(): Extract<AnalysisOptions, { ok: true }> | undefined {
    const o = this._options?.view;
    return o?.ok ? o : undefined;
  }

  /**
   * The levers as in force at the last start month of the form the worker has answered for (while a month
   * being typed is incomplete or invalid, such as 2030-13, they stay as they were); else at the first month.
   */
  #leversFor(form: 'solve' | 'grid'): AnalysisLever[] {
    const at = this._at[form];
    if (at && at.hash === this.run?.hash && at.view.ok) return at.view.levers;
    return this.#opts?.levers ?? [];
  }

  #atTimer: Partial<Record<'solve' | 'grid', ReturnType<typeof setTimeout>>> = {};

  /**
   * Ask the worker for the levers' values in force at a form's start month (the library resolves them; the page
   * never does), once the month typed is whole; then the default range follows, unless the user set it.
   */
  #loadAt(form: 'solve' | 'grid', delay = 0): void {
    clearTimeout(this.#atTimer[form]);
    this.#atTimer[form] = setTimeout(async () => {
      const run = this.run;
      const o = this.#opts;
      const month = this._form[form === 'solve' ? 'solveFrom' : 'gridFrom']?.trim() ?? '';
      if (!run || !o || !this.loadOptions || !this.scenario) return;
      const m = /^([0-9]{4})-(0[1-9]|1[0-2])$/.exec(month);
      if (!m || Number(m[1]) <= o.baseYear || Number(m[1]) > o.until) return;
      const kept = this._at[form];
      if (kept?.hash === run.hash && kept.at === month) return;
      const view = month === o.at ? this._options!.view : await this.loadOptions(this.scenario, run.title, month);
      if (this.run?.hash !== run.hash || this._form[form === 'solve' ? 'solveFrom' : 'gridFrom']?.trim() !== month) return; // changed meanwhile
      this._at = { ...this._at, [form]: { hash: run.hash, view, at: month } };
      if (form === 'solve') this.#leverRange('solve', this._form.solveLever!);
      else for (const axis of ['rows', 'columns'] as const) this.#leverRange(axis, this._form[`${axis}Lever`]!);
    }, delay);
  }

  /** A lever picked or its month changed: its default range, unless the user set one. */
  #leverRange(prefix: 'rows' | 'columns' | 'solve', name: string): void {
    const l = this.#leversFor(prefix === 'solve' ? 'solve' : 'grid').find((x) => x.name === name);
    if (!l) return;
    const f = { ...this._form };
    if (!this.#touched.has(`${prefix}Low`)) f[`${prefix}Low`] = prefix === 'solve' ? l.solveLow : l.gridLow;
    if (!this.#touched.has(`${prefix}High`)) f[`${prefix}High`] = prefix === 'solve' ? l.solveHigh : l.gridHigh;
    this._form = f;
  }

  /** A new lever for a range: the range set for the previous one no longer applies. */
  #pickLever(prefix: 'rows' | 'columns' | 'solve', name: string): void {
    this.#touched.add(`${prefix}Lever`);
    this.#touched.delete(`${prefix}Low`);
    this.#touched.delete(`${prefix}High`);
    this.#leverRange(prefix, name);
  }

  #set(key: string, value: string): void {
    this.#touched.add(key);
    this._form = { ...this._form, [key]: value };
    if (key === 'solveFrom') this.#loadAt('solve', 300);
    if (key === 'gYear' && !this.#touched.has('gridFrom') && this.#opts) this._form = { ...this._form, gridFrom: this.#gridMonth(value, this.#opts) };
    if (key === 'gridFrom' || key === 'gYear') this.#loadAt('grid', 300);
    if (this._errors[key]) {
      const { [key]: _gone, ...rest } = this._errors;
      this._errors = rest;
    }
  }

  override render() {
    const o = this._options?.view;
    if (!this.run) return nothing;
    if (o && !o.ok) return html`<p class="error">${o.problems.map((p) => problemText(p)).join('; ')}</p>`;
    return html`<div role="tablist" aria-label=${a('tabs')}>
        ${TABS.map(
          (tab) => html`<button
            role="tab"
            id=${`atab-${tab}`}
            aria-controls="analysis-panel"
            aria-selected=${this._tab === tab ? 'true' : 'false'}
            tabindex=${this._tab === tab ? 0 : -1}
            @click=${() => (this._tab = tab)}
            @keydown=${this.#tabKey}
          >
            ${a(tab)}
          </button>`,
        )}
      </div>
      <div id="analysis-panel" role="tabpanel" aria-labelledby=${`atab-${this._tab}`}>
        ${this.#opts ? this.#panel() : html`<p class="muted">${t('running')}</p>`}
      </div>`;
  }

  #panel() {
    switch (this._tab) {
      case 'tornado':
        return this.#tornadoPanel();
      case 'grid':
        return this.#gridPanel();
      case 'solve':
        return this.#solvePanel();
      case 'monteCarlo':
        return this.#monteCarloPanel();
    }
  }

  /** The ARIA tabs pattern: ← → move to the previous or next tab (round), Home and End to the first and last. */
  #tabKey = async (e: KeyboardEvent): Promise<void> => {
    const at = TABS.indexOf(this._tab);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: TABS.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    this._tab = TABS[(to + TABS.length) % TABS.length]!;
    await this.updateComplete;
    (this.renderRoot.querySelector(`#atab-${this._tab}`) as HTMLElement | null)?.focus();
  };

  // ---- fields ----

  #error(key: string) {
    const e = this._errors[key];
    return e ? html`<span class="error" id=${`err-${key}`} role="alert">${e}</span>` : nothing;
  }

  #input(key: string, label: string, cls = '') {
    return html`<label class="field"
      >${label}
      <input
        id=${`f-${key}`}
        class=${cls}
        inputmode=${cls === 'month' ? 'text' : 'decimal'}
        .value=${this._form[key] ?? ''}
        aria-invalid=${this._errors[key] ? 'true' : 'false'}
        aria-describedby=${this._errors[key] ? `err-${key}` : nothing}
        @input=${(e: Event) => this.#set(key, (e.target as HTMLInputElement).value)}
      />${this.#error(key)}</label
    >`;
  }

  #select(key: string, label: string, choices: [string, string][], onPick?: (v: string) => void) {
    return html`<label class="field"
      >${label}
      <select
        id=${`f-${key}`}
        @change=${(e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          this.#set(key, v);
          onPick?.(v);
        }}
      >
        ${choices.map(([v, text]) => html`<option value=${v} ?selected=${this._form[key] === v}>${text}</option>`)}
      </select>
      ${this.#error(key)}</label
    >`;
  }

  /** Each lever by the name the workbench gives it, an assumption marked, with its value in force at the form's month. */
  #leverChoices(form: 'solve' | 'grid'): [string, string][] {
    return this.#leversFor(form).map((l) => [l.name, `${leverLabel(l.name, l.kind, l.label)}${l.kind === 'assumption' ? `${a('assumptionMark')}` : ''} (${figure(l.current)} ${leverUnit(l.unit)})`.replace(' )', ')')]);
  }

  /** The outcome's fields: the tornado's (out…) or the heat map's own (g…). */
  #outcomeFields(p: 'out' | 'g') {
    const o = this.#opts!;
    const kind = this._form[`${p}Kind`];
    const years = Array.from({ length: o.until - o.baseYear }, (_, i) => String(o.baseYear + 1 + i));
    const onFund = p === 'g' ? (fund: string) => this.#gridFund(fund) : undefined;
    return html`<fieldset>
      <legend>${a('outcome')}</legend>
      ${this.#select(`${p}Kind`, a('outcome'), [
        ['months-payable', a('outcomeMonths')],
        ['first-deficit-year', a('outcomeDeficit')],
        ['subsidy', a('outcomeSubsidy')],
      ])}
      ${kind !== 'subsidy' ? this.#select(`${p}Fund`, a('fund'), o.funds.map((f) => [f.id, pick(f.name)]), onFund) : nothing}
      ${kind === 'months-payable' ? this.#select(`${p}Year`, a('year'), years.map((y) => [y, y])) : nothing}
      ${kind === 'subsidy' ? this.#select(`${p}Level`, a('level'), LEVELS.map((l) => [l, l === 'total' ? a('allLevels') : t(l)])) : nothing}
    </fieldset>`;
  }

  /** The heat map's fund changed: its default levers and year follow, where the user has not set them. */
  #gridFund(fund: string): void {
    const o = this.#opts;
    if (!o) return;
    const [rows, columns] = this.#gridLevers(fund, o);
    const f = { ...this._form };
    if (!this.#touched.has('gYear')) f.gYear = this.#criticalYear(fund, o);
    if (!this.#touched.has('gridFrom')) f.gridFrom = this.#gridMonth(f.gYear!, o);
    if (!this.#touched.has('rowsLever')) f.rowsLever = rows;
    if (!this.#touched.has('columnsLever')) f.columnsLever = columns;
    this._form = f;
    for (const axis of ['rows', 'columns'] as const) if (!this.#touched.has(`${axis}Lever`)) this.#leverRange(axis, f[`${axis}Lever`]!);
    this.#loadAt('grid');
  }

  #outcome(p: 'out' | 'g' = 'out'): string {
    const f = this._form;
    if (f[`${p}Kind`] === 'subsidy') return `subsidy:${f[`${p}Level`]}`;
    if (f[`${p}Kind`] === 'first-deficit-year') return `first-deficit-year:${f[`${p}Fund`]}`;
    return `months-payable:${f[`${p}Fund`]}:${f[`${p}Year`]}`;
  }

  // ---- running ----

  #progress(tab: Tab) {
    const b = this._busy;
    const note = this._note[tab];
    if (b?.tab !== tab) return note ? html`<p class="muted" role="status">${a(note)}</p>` : nothing;
    const pct = b.total ? Math.round((100 * b.done) / b.total) : 0;
    return html`<div class="progress">
      <div class="bar" role="progressbar" aria-label=${a('progress')} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${pct} aria-valuetext=${fill(a('progressOf'), { done: b.done, total: b.total || '…' })}>
        <div style=${`width:${pct}%`}></div>
      </div>
      <span class="muted">${fill(a('progressOf'), { done: b.done, total: b.total || '…' })}</span>
      <button id="cancel" @click=${() => this.cancel()}>${a('cancel')}</button>
    </div>`;
  }

  /** Stop the running analysis; what was shown stays, and the note says whether there is any. */
  cancel(): void {
    if (!this._busy) return;
    const tab = this._busy.tab;
    this.#keepFocus(tab);
    this.#token++;
    this.runner?.cancel();
    this._busy = undefined;
    this._note = { ...this._note, [tab]: this.#shown(tab) ? 'cancelledKept' : 'cancelledNone' };
  }

  /** 取消 goes when a run ends: if it has the focus, the focus goes to the tab's 运行, not to the page's body. */
  #keepFocus(tab: Tab): void {
    if (this.shadowRoot?.activeElement?.id !== 'cancel') return;
    const id = { tornado: 'tornado-run', grid: 'grid-run', solve: 'solve-run', monteCarlo: 'mc-run' }[tab];
    void this.updateComplete.then(() => (this.shadowRoot?.getElementById(id) as HTMLElement | null)?.focus());
  }

  /** Whether a tab shows a result (of an earlier run). */
  #shown(tab: Tab): boolean {
    return { tornado: this._tornado, grid: this._grid, solve: this._solve, monteCarlo: this._mc }[tab] !== undefined;
  }

  async #start<V>(tab: Tab, job: (api: Api, progress: (done: number, total: number) => void) => Promise<V>, keep: (kept: Kept<V>) => void): Promise<void> {
    const run = this.run;
    if (!run || !this.runner) return;
    const token = ++this.#token;
    // One analysis runs at a time: one running on another tab is cancelled, and its tab says why.
    const replaced = this._busy && this._busy.tab !== tab ? this._busy.tab : undefined;
    this._note = { ...this._note, [tab]: undefined, ...(replaced ? { [replaced]: this.#shown(replaced) ? 'replacedKept' : 'replacedNone' } : {}) };
    this._busy = { tab, done: 0, total: 0 };
    let over = false;
    const result = await this.runner.run(job, (done, total) => {
      // a progress message can arrive after the answer: it must not bring the bar back
      if (token === this.#token && !over) this._busy = { tab, done, total };
    });
    over = true;
    if (token !== this.#token || result === CANCELLED) return;
    this.#keepFocus(tab);
    this._busy = undefined;
    const refused = result as { ok?: boolean; problems?: InputProblem[] };
    if (refused.ok === false) {
      // Each problem beside the field it names.
      const errors: Record<string, string> = {};
      for (const p of refused.problems ?? []) if (FIELDS[p.file]) errors[FIELDS[p.file]!] = problemText(p);
      this._errors = errors;
    }
    keep({ hash: run.hash, view: result });
  }

  /** The worker's problems that name none of the form's fields (those are shown beside their field). */
  #unplaced(problems: InputProblem[]): string {
    return problems
      .filter((p) => !FIELDS[p.file])
      .map((p) => problemText(p))
      .join('; ');
  }

  #stale(hash: string, rerun: () => void) {
    return hash !== this.run?.hash
      ? html`<p class="stale" role="status">${a('stale')} <button @click=${rerun}>${a('rerun')}</button></p>`
      : nothing;
  }

  #check(errors: Record<string, string>): boolean {
    this._errors = errors;
    return Object.keys(errors).length === 0;
  }

  // ---- tornado ----

  runTornado = (): void => {
    const data = this.scenario;
    const file = this.run!.title;
    const outcome = this.#outcome();
    void this.#start<SensitivityView>('tornado', (api, progress) => api.sensitivity(data, file, outcome, progress) as Promise<SensitivityView>, (k) => (this._tornado = k));
  };

  #tornadoPanel() {
    const kept = this._tornado;
    const v = kept?.view;
    return html`<div class="form">${this.#outcomeFields('out')}</div>
      <button id="tornado-run" class="primary" @click=${() => this._busy?.tab !== 'tornado' && this.runTornado()} aria-disabled=${this._busy?.tab === 'tornado' ? 'true' : 'false'}>${a('run')}</button>
      ${this.#progress('tornado')}
      <p class="muted note">${a('tornadoNote')}</p>
      ${kept && v
        ? v.ok
          ? html`${this.#stale(kept.hash, this.runTornado)}
              <section class=${kept.hash !== this.run?.hash ? 'stale-result' : ''} aria-labelledby="tornado-h">
                <h3 id="tornado-h">${outcomeTitle(v.tornado.outcome, this.#opts?.funds ?? [])}</h3>
                <yb-chart id="tornado-chart" style=${`--bars:${v.tornado.bars.length}`} .option=${tornadoOption(v)} label=${`${a('tornado')}: ${outcomeTitle(v.tornado.outcome)}`}></yb-chart>
                <yb-data-table .table=${tornadoTable(v)}></yb-data-table>
              </section>`
          : html`<p class="error" role="alert">${this.#unplaced(v.problems)}</p>`
        : nothing}`;
  }

  // ---- heat map ----

  runGrid = (): void => {
    const o = this.#opts;
    if (!o) return;
    const f = this._form;
    const errors: Record<string, string> = {};
    for (const axis of ['rows', 'columns']) {
      for (const k of ['Low', 'High']) if (!NUMBER.test(f[axis + k] ?? '')) errors[axis + k] = a('notNumber');
      if (!errors[axis + 'Low'] && !errors[axis + 'High'] && Number(f[axis + 'Low']) > Number(f[axis + 'High'])) errors[axis + 'Low'] = a('lowAboveHigh');
      const n = Number(f[axis + 'N']);
      if (!Number.isInteger(n) || n < 2 || n > 20) errors[axis + 'N'] = a('countRange');
    }
    if (f.rowsLever === f.columnsLever) errors.columnsLever = a('sameLever');
    this.#monthCheck('gridFrom', errors);
    if (!this.#check(errors)) return;
    const data = this.scenario;
    const file = this.run!.title;
    const req = {
      rows: { lever: f.rowsLever!, low: f.rowsLow!.trim(), high: f.rowsHigh!.trim(), n: Number(f.rowsN) },
      columns: { lever: f.columnsLever!, low: f.columnsLow!.trim(), high: f.columnsHigh!.trim(), n: Number(f.columnsN) },
      outcome: this.#outcome('g'),
      from: f.gridFrom,
    };
    void this.#start<GridView>('grid', (api, progress) => api.grid(data, file, req, progress) as Promise<GridView>, (k) => (this._grid = k));
  };

  #monthCheck(key: string, errors: Record<string, string>): void {
    const o = this.#opts!;
    const m = /^([0-9]{4})-(0[1-9]|1[0-2])$/.exec((this._form[key] ?? '').trim());
    if (!m || Number(m[1]) <= o.baseYear || Number(m[1]) > o.until) errors[key] = fill(a('notMonth'), { first: o.firstMonth, last: `${o.until}-12` });
  }

  #axisFields(axis: 'rows' | 'columns') {
    return html`<fieldset>
      <legend>${a(axis)}</legend>
      ${this.#select(`${axis}Lever`, a('lever'), this.#leverChoices('grid'), (v) => this.#pickLever(axis, v))}
      ${this.#input(`${axis}Low`, a('lowEnd'))} ${this.#input(`${axis}High`, a('highEnd'))} ${this.#input(`${axis}N`, a('count'), 'count')}
    </fieldset>`;
  }

  #gridPanel() {
    const kept = this._grid;
    const v = kept?.view;
    return html`<div class="form">${this.#axisFields('rows')} ${this.#axisFields('columns')} ${this.#outcomeFields('g')} ${this.#input('gridFrom', a('startMonth'), 'month')}</div>
      <p class="muted note">${a('gridNote')} ${fill(a('gridYearNote'), { n: figure(this.run?.thresholds.normalLow ?? '6') })}</p>
      <button id="grid-run" class="primary" @click=${() => this._busy?.tab !== 'grid' && this.runGrid()} aria-disabled=${this._busy?.tab === 'grid' ? 'true' : 'false'}>${a('run')}</button>
      ${this.#progress('grid')}
      ${kept && v
        ? v.ok
          ? html`${this.#stale(kept.hash, this.runGrid)}
              <section class=${kept.hash !== this.run?.hash ? 'stale-result' : ''} aria-labelledby="grid-h">
                <h3 id="grid-h">${outcomeTitle(v.grid.outcome, this.#opts?.funds ?? [])}</h3>
                <p class="muted note">${axisNames(v)}</p>
                <yb-chart id="grid-chart" class="heat" .option=${heatmapOption(v)} label=${`${a('grid')}: ${outcomeTitle(v.grid.outcome)}`}></yb-chart>
                <yb-data-table .table=${heatmapTable(v)}></yb-data-table>
              </section>`
          : html`<p class="error" role="alert">${this.#unplaced(v.problems)}</p>`
        : nothing}`;
  }

  // ---- goal seek ----

  #solveLever() {
    return this.#leversFor('solve').find((l) => l.name === this._form.solveLever);
  }

  runSolve = (): void => {
    const o = this.#opts;
    const lever = this.#solveLever();
    if (!o || !lever) return;
    const f = this._form;
    const errors: Record<string, string> = {};
    if (lever.kind === 'parameter') this.#monthCheck('solveFrom', errors);
    const fromYear = lever.kind === 'parameter' && !errors.solveFrom ? Number(f.solveFrom!.slice(0, 4)) : o.baseYear + 1;
    // A target months payable is never below zero; a balance rate is a percentage of income, 0 to 100 (as the command line checks).
    const targetCheck = (key: 'valueA' | 'valueB') => {
      const reason = targetValueReason(f.indicator ?? '', Number(f[key]));
      if (!NUMBER.test(f[key] ?? '')) errors[key] = a('notNumber');
      else if (reason) errors[key] = pick(reason);
    };
    targetCheck('valueA');
    if (f.op === 'between') {
      targetCheck('valueB');
      if (!errors.valueA && !errors.valueB && Number(f.valueB) < Number(f.valueA)) errors.valueB = a('upperBelowLower');
    }
    const until = Number(f.until);
    if (!/^\s*[0-9]{4}\s*$/.test(f.until ?? '') || until < fromYear || until > o.until) errors.until = fill(a('notYear'), { first: fromYear, last: o.until });
    for (const k of ['solveLow', 'solveHigh']) if (!NUMBER.test(f[k] ?? '')) errors[k] = a('notNumber');
    if (!errors.solveLow && !errors.solveHigh && Number(f.solveLow) > Number(f.solveHigh)) errors.solveLow = a('lowAboveHigh');
    // A target needs a fund: the lever's own, or one picked (an assumption belongs to none).
    if (!f.solveFund && !lever.fund) errors.solveFund = a('pickFund');
    if (!this.#check(errors)) return;
    const target = `${f.indicator} ${f.op} ${f.valueA!.trim()}${f.op === 'between' ? ` and ${f.valueB!.trim()}` : ''} until ${until}`;
    const req = {
      lever: lever.name,
      target,
      range: `${f.solveLow!.trim()}:${f.solveHigh!.trim()}`,
      ...(lever.kind === 'parameter' ? { from: f.solveFrom!.trim() } : {}),
      ...(f.solveFund ? { fund: f.solveFund } : {}),
      largest: f.prefer === 'largest',
    };
    const data = this.scenario;
    const file = this.run!.title;
    void this.#start<SolveView>('solve', (api, progress) => api.solve(data, file, req, progress) as Promise<SolveView>, (k) => (this._solve = k));
  };

  #solvePanel() {
    const o = this.#opts!;
    const lever = this.#solveLever();
    const f = this._form;
    return html`<div class="form">
        ${this.#select('solveLever', a('lever'), this.#leverChoices('solve'), (v) => this.#pickLever('solve', v))}
        ${lever?.kind === 'parameter' ? this.#input('solveFrom', a('startMonth'), 'month') : nothing}
        <fieldset>
          <legend>${a('target')}</legend>
          ${this.#select('indicator', a('indicator'), [
            ['monthsPayable', a('monthsPayable')],
            ['balanceRate', a('balanceRate')],
          ])}
          ${this.#select('op', a('target'), [
            ['>=', `≥ ${a('atLeast')}`],
            ['<=', `≤ ${a('atMost')}`],
            ['between', a('between')],
          ])}
          ${this.#input('valueA', `${a('value')} (${f.indicator === 'balanceRate' ? '%' : unitLabel('months')})`)} ${f.op === 'between' ? this.#input('valueB', a('upper')) : nothing} ${this.#input('until', a('untilYear'), 'count')}
          ${this.#select('solveFund', a('fund'), [
            ['', lever?.fund ? fill(a('leverFundNamed'), { fund: pick(o.funds.find((x) => x.id === lever.fund)?.name ?? { zh: lever.fund, en: lever.fund }) }) : a('pickFundChoice')],
            ...o.funds.map((x): [string, string] => [x.id, pick(x.name)]),
          ])}
        </fieldset>
        <fieldset>
          <legend>
            ${a('searchRange')}${lever ? ` (${leverUnit(lever.unit)})` : ''}${lever
              ? html` · <span id="solve-in-force"
                    >${lever.kind === 'parameter' ? fill(a('solveAt'), { month: f.solveFrom ?? '', value: `${figure(lever.current)} ${leverUnit(lever.unit)}`.trim() }) : `${a('base')} ${figure(lever.current)} ${leverUnit(lever.unit)}`.trim()}</span
                  >`
              : nothing}
          </legend>
          ${this.#input('solveLow', a('lowEnd'))} ${this.#input('solveHigh', a('highEnd'))}
          ${(['smallest', 'largest'] as const).map(
            (p) => html`<label class="field" style="flex-direction:row;align-items:center;gap:4px"
              ><input type="radio" name="prefer" id=${`f-prefer-${p}`} .checked=${f.prefer === p} @change=${() => this.#set('prefer', p)} style="width:auto" />${a(p)}</label
            >`,
          )}
        </fieldset>
      </div>
      <button id="solve-run" class="primary" @click=${() => this._busy?.tab !== 'solve' && this.runSolve()} aria-disabled=${this._busy?.tab === 'solve' ? 'true' : 'false'}>${a('solveButton')}</button>
      ${this.#progress('solve')} ${this.#solveResult()}`;
  }

  #solveResult() {
    const kept = this._solve;
    const v = kept?.view;
    if (!kept || !v) return nothing;
    if (!v.ok) return this.#unplaced(v.problems) ? html`<p class="error" role="alert">${this.#unplaced(v.problems)}</p>` : nothing;
    const r = v.result;
    const funds = this.#opts?.funds ?? [];
    const months = v.spec.indicator === 'monthsPayable';
    const indicator = a(months ? 'monthsPayable' : 'balanceRate');
    const unit = leverUnit(v.lever.unit);
    const name = leverLabel(v.lever.name, v.lever.kind, v.lever.label);
    const target = targetText(v.spec, funds);
    const shown = (x: string | undefined) => (x === undefined ? '—' : months ? monthsText(x) : figure(x));
    if (!r.found) {
      const why = r.reason.en.includes('both bounds') ? 'noAnswerBoth' : r.reason.en.includes('exact projection') ? 'noAnswerExact' : 'noAnswerRange';
      return html`${this.#stale(kept.hash, this.runSolve)}
        <section id="solve-answer" class=${kept.hash !== this.run?.hash ? 'stale-result' : ''} aria-labelledby="solve-h">
          <h3 id="solve-h">${a('answer')}: ${target}</h3>
          <p class="answer fails" id="solve-none">${a('noAnswer')}</p>
          <p>${fill(a(why), { lever: name, low: figure(v.lever.low), high: figure(v.lever.high), unit, target })}</p>
        </section>`;
    }
    const dir = a(this._form.prefer === 'largest' ? 'more' : 'less');
    const binding = bindingYear(r.years, v.spec);
    const failing = new Map((r.beyond?.failing ?? []).map((y) => [y.year, y]));
    const opened = this.#isOpen(v);
    const valueText = `${figure(r.value)} ${unit}`.trim();
    // Opened as a new scenario, the answer is that scenario's: the panel says so once, not also that the scenario changed.
    return html`${opened ? nothing : this.#stale(kept.hash, this.runSolve)}
      <section id="solve-answer" class=${kept.hash !== this.run?.hash ? 'stale-result' : ''} aria-labelledby="solve-h">
        <h3 id="solve-h">${a('answer')}: ${target}</h3>
        <p class="answer" id="solve-value">${name}${v.lever.from ? html` <span class="muted">(${a('startMonth')} ${v.lever.from})</span>` : nothing} = ${valueText}</p>
        <p>${a('confirmed')}</p>
        <div class="scroll">
          <table id="solve-years" class="years">
            <caption>${indicator}</caption>
            <thead>
              <tr>
                <th scope="col">${t('year')}</th>
                <th scope="col">${fill(a('answerColumn'), { value: valueText })}</th>
                ${r.beyond ? html`<th scope="col">${fill(a('beyondColumn'), { dir, value: `${figure(r.beyond.value)} ${unit}`.trim() })}</th>` : nothing}
              </tr>
            </thead>
            <tbody>
              ${r.years.map((y) => {
                const fail = failing.get(y.year);
                return html`<tr class=${y.year === binding ? 'binding' : ''}>
                  <th scope="row">${y.year}${y.year === binding ? html` <span class="badge">★ ${a('bindingYear')}</span>` : nothing}</th>
                  <td>${shown(y.value)} <span class="ok">✓</span></td>
                  ${r.beyond ? html`<td class=${fail ? 'fails' : 'muted'}>${fail ? html`${shown(fail.value)} ✗ ${a('fails')}` : a('meetsShort')}</td>` : nothing}
                </tr>`;
              })}
            </tbody>
          </table>
        </div>
        <button id="solve-csv" aria-label="${t('downloadCsv')}: ${indicator}" @click=${() => downloadText('goal-seek.csv', this.solveCsvText())}>${t('downloadCsv')}</button>
        ${binding ? html`<p class="muted note">${fill(a('bindingNote'), { year: binding })}</p>` : nothing}
        ${r.beyond
          ? html`<p class="fails" id="solve-beyond">
              ${fill(a('beyond'), { dir, value: `${figure(r.beyond.value)} ${unit}`.trim() })}
              ${r.beyond.failing.map((y) => `${y.year} (${shown(y.value)})`).join(', ')}
            </p>`
          : html`<p class="muted" id="solve-beyond">${fill(a('beyondNone'), { dir })}</p>`}
        <p class="muted note">${fill(a('evaluations'), { n: r.evaluations })}</p>
        <button id="open-answer" class="primary" ?disabled=${opened} @click=${() => this.#open(v)}>${a(opened ? 'openedButton' : 'openAnswer')}</button>
      </section>
      ${opened ? html`<p class="done" id="opened" role="status" tabindex="-1">${fill(a(this.run?.title === this._opened!.title ? 'opened' : 'openedAway'), { title: this._opened!.title })}</p>` : nothing}`;
  }

  /** The goal-seek answer's years as CSV: the indicator at the answer and at the step beyond, exact as computed (the table shows them rounded). Empty with no answer. */
  solveCsvText(): string {
    const v = this._solve?.view;
    if (!v?.ok || !v.result.found) return '';
    const r = v.result;
    const indicator = a(v.spec.indicator === 'monthsPayable' ? 'monthsPayable' : 'balanceRate');
    const unit = leverUnit(v.lever.unit);
    const dir = a(this._form.prefer === 'largest' ? 'more' : 'less');
    const failing = new Map((r.beyond?.failing ?? []).map((y) => [y.year, y.value]));
    const head = [t('year'), `${indicator}: ${fill(a('answerColumn'), { value: `${figure(r.value)} ${unit}`.trim() })}`];
    if (r.beyond) head.push(`${indicator}: ${fill(a('beyondColumn'), { dir, value: `${figure(r.beyond.value)} ${unit}`.trim() })}`);
    const rows = r.years.map((y) => [String(y.year), y.value ?? '', ...(r.beyond ? [failing.get(y.year) ?? a('meetsShort')] : [])]);
    return csv([head, ...rows]);
  }

  // ---- Monte Carlo ----

  runMonteCarlo = (): void => {
    const f = this._form;
    const errors: Record<string, string> = {};
    const paths = Number(f.paths);
    if (!/^\s*[0-9]+\s*$/.test(f.paths ?? '') || paths < 1 || paths > 100000) errors.paths = fill(a('notWhole'), { first: 1, last: 100000 });
    const seed = Number(f.seed);
    if (!/^\s*[0-9]+\s*$/.test(f.seed ?? '') || !Number.isSafeInteger(seed)) errors.seed = fill(a('notWhole'), { first: 0, last: Number.MAX_SAFE_INTEGER });
    if (!this.#check(errors)) return;
    const data = this.scenario;
    const file = this.run!.title;
    void this.#start<MonteCarloView>('monteCarlo', (api, progress) => api.monteCarlo(data, file, { paths, seed }, progress) as Promise<MonteCarloView>, (k) => (this._mc = k));
  };

  #monteCarloPanel() {
    const o = this.#opts!;
    const kept = this._mc;
    const v = kept?.view;
    const fund = v?.ok ? (v.result.funds.find((x) => x.id === this._form.mcFund) ?? v.result.funds[0]) : undefined;
    const fundName = fund ? pick(o.funds.find((x) => x.id === fund.id)?.name ?? { zh: fund.id, en: fund.id }) : '';
    return html`<div class="form">
        ${this.#input('paths', a('paths'))} ${this.#input('seed', a('seed'))} ${this.#select('mcFund', a('fund'), o.funds.map((x) => [x.id, pick(x.name)]))}
      </div>
      <p class="muted note">${a('mcNote')}</p>
      <button id="mc-run" class="primary" @click=${() => this._busy?.tab !== 'monteCarlo' && this.runMonteCarlo()} aria-disabled=${this._busy?.tab === 'monteCarlo' ? 'true' : 'false'}>${a('run')}</button>
      ${this.#progress('monteCarlo')}
      ${kept && v
        ? v.ok && fund
          ? html`${this.#stale(kept.hash, this.runMonteCarlo)}
              <section id="mc-result" class=${kept.hash !== this.run?.hash ? 'stale-result' : ''} aria-labelledby="mc-h">
                <h3 id="mc-h">${fundName} · ${fill(a('pathsSeed'), { paths: v.result.paths, seed: v.result.seed })}</h3>
                <h3>${a('fanCumulative')}</h3>
                <yb-chart id="fan-cumulative" class="fan" .option=${fanOption(v, fund, 'cumulative', this.run?.thresholds)} label=${`${fundName} ${a('fanCumulative')}`}></yb-chart>
                <h3>${a('fanMonths')}</h3>
                <yb-chart id="fan-months" class="fan" .option=${fanOption(v, fund, 'monthsPayable', this.run?.thresholds)} label=${`${fundName} ${a('fanMonths')}`}></yb-chart>
                <h3>${a('exhaustionTitle')}</h3>
                <yb-chart id="exhaustion" style="height:220px" .option=${exhaustionOption(fund)} label=${`${fundName} ${a('exhaustionTitle')}`}></yb-chart>
                <yb-data-table .table=${percentileTable(v, fund, fundName)}></yb-data-table>
                <details>
                  <summary>${a('uncertainAssumptions')}</summary>
                  <ul>
                    ${v.assumptions.map((x) => html`<li>${pick(x.label)}: ${pick(x.value)} <span class="muted">— ${pick(x.why)}</span></li>`)}
                  </ul>
                </details>
              </section>`
          : !v.ok
            ? html`<p class="error" role="alert">${this.#unplaced(v.problems)}</p>`
            : nothing
        : nothing}`;
  }

  /** Whether this answer has been opened and its scenario is still there (not undone or deleted). */
  #isOpen(v: SolveView): boolean {
    const o = this._opened;
    return o?.answer === v && (o.id === undefined || this.hasScenario?.(o.id) !== false);
  }

  /**
   * Open a goal-seek answer as a new scenario, named by the lever's label and value, once: a second click on
   * the same answer does nothing. The workbench shows it at once (and 撤销 takes it back).
   */
  #open(v: Extract<SolveView, { ok: true }>): void {
    if (this.#isOpen(v) || !v.result.found) return;
    const { scenario, value } = v.result;
    // Both languages, as the shipped titles are: the scenario list shows the reader's half, also after a switch.
    const said = (lang: 'zh' | 'en') => `${v.lever.label[lang]} ${figure(value)} ${leverUnit(v.lever.unit, lang)}`.trim();
    const title = titleWith(this.scenario?.title ?? this.run?.title ?? '', { zh: said('zh'), en: said('en') });
    const override = [...(scenario.overrides ?? [])].reverse().find((o) => o.param === v.lever.name);
    const detail: OpenScenario = { scenario: { ...scenario, title }, leversAt: override?.from };
    this.dispatchEvent(new CustomEvent<OpenScenario>('open-scenario', { detail, bubbles: true, composed: true }));
    this._opened = { answer: v, title, id: detail.id };
    // The button is done (disabled); the focus goes to the sentence that says what was opened, not to the page's top.
    void this.updateComplete.then(() => (this.renderRoot.querySelector('#opened') as HTMLElement | null)?.focus());
  }
}

customElements.define('yb-analyses-view', YbAnalysesView);

declare global {
  interface HTMLElementTagNameMap {
    'yb-analyses-view': YbAnalysesView;
  }
}
