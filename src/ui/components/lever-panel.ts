/**
 * <yb-lever-panel>: every policy parameter, grouped by scheme, with its unit,
 * the value in force under the chosen rules and its baseline value; and the
 * assumptions. A change becomes a scenario override from the first projected
 * month (a `scenario-change` event); reset removes it.
 */
import { LitElement, css, html, nothing } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { InputProblem } from '../../common/errors.ts';
import type { LeverView, RunView } from '../../app/views.ts';
import type { Scenario } from '../../scenario/types.ts';
import type { AssumptionsInput } from '../../model/assumptions.ts';
import { pick, t, type MessageId } from '../i18n.ts';
import { unitLabel } from '../format.ts';
import { base } from '../styles.ts';
import { methodName, sourceText } from '../labels.ts';
import { DECIMAL_LITERAL as DECIMAL } from '../../common/decimal-literal.ts';

const SCHEMES = ['employee', 'maternity', 'resident', 'aid', 'fund'] as const;

type AssumptionField = { key: string; label: MessageId; get: (a: AssumptionsInput) => string | undefined; set: (a: AssumptionsInput, v: string | undefined) => AssumptionsInput };

const field = (key: keyof AssumptionsInput & string, label: MessageId): AssumptionField => ({
  key,
  label,
  get: (a) => a[key] as string | undefined,
  set: (a, v) => ({ ...a, [key]: v }),
});
const group = (kind: 'counts' | 'growth', groups: readonly string[], label: MessageId): AssumptionField => ({
  key: `${kind}.${groups[0]}`,
  label,
  get: (a) => a[kind]?.[groups[0] as 'resident'],
  set: (a, v) => {
    const next = { ...(a[kind] ?? {}) } as Record<string, string | undefined>;
    for (const g of groups) next[g] = v;
    return { ...a, [kind]: next };
  },
});

const ASSUMPTIONS: AssumptionField[] = [
  group('growth', ['resident'], 'growthResident'),
  group('growth', ['inService', 'retiree', 'flexible'], 'growthEmployee'),
  field('avgMonthlyWage', 'wage'),
  field('wageGrowth', 'wageGrowth'),
  field('costGrowth', 'costGrowth'),
  field('utilizationGrowth', 'utilizationGrowth'),
  field('retireeShare', 'retireeShare'),
  field('flexibleShare', 'flexibleShare'),
  field('retireeCostWeight', 'retireeCostWeight'),
  field('interestRate', 'interestRate'),
  field('collectionRate', 'collectionRate'),
  field('aidFundingGrowth', 'aidFundingGrowth'),
  group('counts', ['tekun'], 'countTekun'),
  group('counts', ['dibao'], 'countDibao'),
  group('counts', ['fanpin'], 'countFanpin'),
];

export class YbLeverPanel extends LitElement {
  static override properties = { entryId: {}, scenario: { attribute: false }, run: { attribute: false }, problems: { attribute: false }, _local: { state: true } };
  /** Which of the user's scenarios is shown: text typed into another one's fields is not carried over. */
  declare entryId: string | undefined;
  declare scenario: Scenario | undefined;
  declare run: RunView | undefined;
  /** Problems of the last run, shown beside the lever or field they concern. */
  declare problems: InputProblem[];
  /** Text typed that is not (yet) a number: kept here, not sent. */
  declare _local: Record<string, string>;

  static override styles = [
    base,
    css`
      details {
        border-bottom: 1px solid var(--line);
        padding: 6px 0;
      }
      summary {
        font-weight: 600;
        cursor: pointer;
      }
      .lever {
        display: grid;
        grid-template-columns: 1fr 104px;
        gap: 2px 8px;
        padding: 6px 0 4px 4px;
        align-items: center;
      }
      .lever label {
        font-size: 13px;
      }
      .lever input,
      .lever select {
        width: 100%;
        box-sizing: border-box;
        text-align: right;
      }
      .meta {
        grid-column: 1 / -1;
        font-size: 12px;
        color: var(--muted);
        display: flex;
        gap: 6px;
        align-items: center;
      }
      .changed input,
      .changed select {
        border-color: var(--accent);
        background: #eef5fc;
        font-weight: 600;
      }
      .error {
        grid-column: 1 / -1;
        color: var(--bad);
        font-size: 12px;
      }
      .reset {
        padding: 0 6px;
        font-size: 12px;
      }
      .row2 {
        display: grid;
        grid-template-columns: 1fr 104px;
        gap: 6px;
        align-items: center;
        padding: 4px 0 4px 4px;
      }
    `,
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.problems = [];
    this._local = {};
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('entryId') && changed.get('entryId') !== undefined) this._local = {};
  }

  override render() {
    const run = this.run;
    if (!this.scenario) return nothing;
    return html`
      ${run
        ? SCHEMES.map((scheme) => {
            const levers = run.levers.filter((l) => l.scheme === scheme);
            // A scheme the chosen rules say nothing about starts folded.
            const inForce = levers.filter((l) => l.source?.kind === 'rule' || l.override !== null).length;
            return html`<details ?open=${inForce > 0}>
              <summary>${t(scheme)} <span class="muted">(${inForce}/${levers.length})</span></summary>
              ${levers.map((l) => this.#lever(l, run))}
            </details>`;
          })
        : nothing}
      <details open>
        <summary>${t('assumptions')}</summary>
        ${this.#horizon()} ${ASSUMPTIONS.map((f) => this.#assumption(f))}
      </details>
    `;
  }

  #problemFor(path: string): InputProblem | undefined {
    return this.problems.find((p) => p.path === path || p.path.startsWith(path + '/'));
  }

  #lever(l: LeverView, run: RunView) {
    const id = `lever-${l.name}`;
    const changed = l.override !== null;
    const typed = this._local[l.name];
    const problem = l.override !== null ? this.#problemFor(`/overrides/${l.override}`) : undefined;
    const local = typed !== undefined && !DECIMAL.test(typed);
    const source = l.baselineSource ? sourceText(l.baselineSource) : '';
    return html`<div class="lever ${changed ? 'changed' : ''}">
      <label for=${id}>${pick(l.label)} <span class="muted">${unitLabel(l.unit)}</span></label>
      ${l.unit === 'method'
        ? html`<select id=${id} @change=${(e: Event) => this.#setLever(l, (e.target as HTMLSelectElement).value, run)}>
            ${(l.choices ?? []).map((c) => html`<option value=${c} ?selected=${c === l.value}>${methodName(c)}</option>`)}
          </select>`
        : l.ofWage
          ? html`<input
              id=${id}
              inputmode="decimal"
              .value=${typed ?? l.ofWage.percent}
              aria-describedby="${id}-meta"
              aria-invalid=${local || problem ? 'true' : 'false'}
              @input=${(e: Event) => this.#typed(l, (e.target as HTMLInputElement).value, run)}
            />`
          : html`<input
            id=${id}
            inputmode="decimal"
            .value=${typed ?? l.value ?? ''}
            placeholder=${t('notSet')}
            aria-describedby="${id}-meta"
            aria-invalid=${local || problem ? 'true' : 'false'}
            @input=${(e: Event) => this.#typed(l, (e.target as HTMLInputElement).value, run)}
          />`}
      ${l.ofWage
        ? html`<div class="meta">% × ${t('avgWageOf')} N${l.ofWage.yearOffset} · ${t('from')} ${l.ofWage.from}</div>`
        : nothing}
      <div class="meta" id="${id}-meta">
        <span title=${source}>${t('baselineValue')}: ${l.baselineValue ?? t('notSet')}</span>
        ${changed
          ? html`<span>· ${t('changed')} ${t('from')} ${this.scenario?.overrides?.[l.override!]?.from ?? run.leverMonth}</span>
              <button class="reset" @click=${() => this.#reset(l)} aria-label="${t('reset')} ${pick(l.label)}">${t('reset')}</button>`
          : nothing}
      </div>
      ${local ? html`<div class="error" role="alert">“${typed}” ✗</div>` : nothing}
      ${problem ? html`<div class="error" role="alert">${problem.reason}</div>` : nothing}
    </div>`;
  }

  #typed(l: LeverView, value: string, run: RunView): void {
    this._local = { ...this._local, [l.name]: value };
    if (DECIMAL.test(value)) this.#setLever(l, value, run);
  }

  #setLever(l: LeverView, typed: string, run: RunView): void {
    const s = this.scenario!;
    // A percentage of the average wage stays one: the floor at 50% of the wage, not a fixed amount.
    const value = l.ofWage ? { percentOf: { series: 'avgMonthlyWage' as const, yearOffset: l.ofWage.yearOffset }, percent: typed } : typed;
    const overrides = [...(s.overrides ?? [])];
    const at = l.override ?? -1;
    if (at >= 0) overrides[at] = { ...overrides[at]!, value };
    else overrides.push({ param: l.name, from: l.ofWage?.from ?? run.leverMonth, value });
    this.#emit({ ...s, overrides });
  }

  #reset(l: LeverView): void {
    const s = this.scenario!;
    const { [l.name]: _dropped, ...rest } = this._local;
    this._local = rest;
    this.#emit({ ...s, overrides: (s.overrides ?? []).filter((o) => o.param !== l.name) });
  }

  #horizon() {
    const s = this.scenario!;
    const tier = s.assumptions?.regionTier;
    return html`<div class="row2">
        <label for="until">${t('horizon')}</label>
        <input id="until" type="number" min=${(this.run?.baseYear ?? 2000) + 1} max="2060" .value=${String(s.until ?? 2035)} @change=${(e: Event) => {
          const v = Number((e.target as HTMLInputElement).value);
          if (Number.isInteger(v)) this.#emit({ ...s, until: v });
        }} />
      </div>
      ${this.#problemFor('/until') ? html`<div class="error" role="alert">${this.#problemFor('/until')!.reason}</div>` : nothing}
      <div class="row2">
        <label for="tier">${t('regionTier')}</label>
        <select id="tier" @change=${(e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          const assumptions = { ...(s.assumptions ?? {}), regionTier: v ? (Number(v) as 1 | 2 | 3) : undefined };
          this.#emit({ ...s, assumptions });
        }}>
          <option value="" ?selected=${!tier}>${t('tierNone')}</option>
          ${([1, 2, 3] as const).map((n) => html`<option value=${n} ?selected=${tier === n}>${t(`tier${n}`)}</option>`)}
        </select>
      </div>`;
  }

  #assumption(f: AssumptionField) {
    const s = this.scenario!;
    const a = s.assumptions ?? {};
    const id = `assume-${f.key}`;
    const own = f.get(a);
    const typed = this._local[id];
    const placeholder = this.run?.assumptions[f.key] ?? '';
    const problem = this.#problemFor(`/assumptions/${f.key.replace('.', '/')}`);
    const bad = typed !== undefined && typed !== '' && !DECIMAL.test(typed);
    return html`<div class="row2 ${own !== undefined ? 'changed' : ''}">
        <label for=${id}>${t(f.label)}</label>
        <input id=${id} inputmode="decimal" .value=${typed ?? own ?? ''} placeholder=${placeholder} aria-invalid=${bad || problem ? 'true' : 'false'}
          @input=${(e: Event) => {
            const v = (e.target as HTMLInputElement).value.trim();
            this._local = { ...this._local, [id]: v };
            if (v === '' || DECIMAL.test(v)) this.#emit({ ...s, assumptions: f.set(a, v === '' ? undefined : v) });
          }} />
      </div>
      ${bad ? html`<div class="error" role="alert">“${typed}” ✗</div>` : nothing}
      ${problem ? html`<div class="error" role="alert">${problem.reason}</div>` : nothing}`;
  }

  #emit(scenario: Scenario): void {
    this.dispatchEvent(new CustomEvent('scenario-change', { detail: scenario, bubbles: true, composed: true }));
  }
}

customElements.define('yb-lever-panel', YbLeverPanel);

declare global {
  interface HTMLElementTagNameMap {
    'yb-lever-panel': YbLeverPanel;
  }
}
