/**
 * <yb-lever-panel>: every policy parameter, grouped by scheme, with its unit,
 * the value in force under the chosen rules and its baseline value; and the
 * assumptions. Levers show the values in force in the month being edited (by
 * default the first projected month); a change becomes the scenario's override
 * of that parameter from that month, changed in place as the user types (a
 * `scenario-change` event with the edit's key). Each lever lists its changes
 * on a small timeline; reset removes them. Problems of a change that could not
 * be used are shown beside its lever, whose last valid value stays in force.
 */
import { LitElement, css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { InputProblem } from '../../common/errors.ts';
import type { LeverView, RunView } from '../../app/views.ts';
import type { Scenario } from '../../scenario/types.ts';
import type { AssumptionsInput } from '../../model/assumptions.ts';
import { pick, t, type MessageId } from '../i18n.ts';
import { unitLabel } from '../format.ts';
import { base } from '../styles.ts';
import { methodName, sourceView } from '../labels.ts';
import { DECIMAL_LITERAL as DECIMAL } from '../../common/decimal-literal.ts';
import { typedNumber } from '../typed-number.ts';
import { problemText, readableText } from '../problem-text.ts';
import { overrideOf, removeOverride, timeline, upsertOverride } from '../state/edits.ts';
import type { ValueExpr } from '../../rules/types.ts';

/** A change of the scenario and what it edits (edits of the same thing in a row undo as one). */
export interface ScenarioEdit {
  scenario: Scenario;
  key: string;
  /** What stays in force if this edit is refused: the lever as it was before this edit of its field began. */
  fallback?: Scenario;
}

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
  static override properties = {
    entryId: {},
    scenario: { attribute: false },
    run: { attribute: false },
    problems: { attribute: false },
    problemScenario: { attribute: false },
    _local: { state: true },
  };
  /** Which of the user's scenarios (and which revision of it) is shown: typed text is not carried over to another. */
  declare entryId: string | undefined;
  declare scenario: Scenario | undefined;
  declare run: RunView | undefined;
  /** Problems of a change that could not be used, shown beside the lever or field they concern. */
  declare problems: InputProblem[];
  /** The scenario the problems' paths point into. */
  declare problemScenario: Scenario | undefined;
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
        font-weight: 700;
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
      /* a method's choices are words ("average expenditure of 3 years"): the select has the row below its name to itself */
      .lever.method select {
        grid-column: 1 / -1;
        text-align: left;
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
        font-weight: 700;
      }
      details.src {
        grid-column: 1 / -1;
        font-size: 12px;
        color: var(--muted);
        border: none;
        padding: 0;
      }
      details.src summary {
        font-weight: normal;
        color: var(--accent);
        display: inline;
      }
      .inert {
        grid-column: 1 / -1;
        font-size: 12px;
        color: var(--warn);
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
      .timeline {
        grid-column: 1 / -1;
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        margin: 2px 0 0;
        padding: 0;
        list-style: none;
        font-size: 12px;
      }
      .timeline li {
        display: inline-flex;
        border: 1px solid var(--line);
        border-radius: 10px;
        overflow: hidden;
      }
      .timeline li.here {
        border-color: var(--accent);
      }
      .timeline button {
        border: none;
        border-radius: 0;
        padding: 0 6px;
        font-size: 12px;
        min-height: 24px;
      }
      .at {
        display: flex;
        gap: 8px;
        align-items: center;
        flex-wrap: wrap;
        padding: 4px 0 8px;
        border-bottom: 1px solid var(--line);
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

  #shownAt?: string;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('entryId') && changed.get('entryId') !== undefined) {
      this._local = {};
      this.#before.clear();
      this.#sent.clear();
    }
    // What was asked for and is now in the scenario, or was refused, is no longer on its way.
    for (const [name, sent] of this.#sent) {
      const now = this.scenario && timeline(this.scenario, name).find((o) => o.from === sent.from)?.value;
      if (JSON.stringify(now) === JSON.stringify(sent.value)) this.#sent.delete(name);
      else if (this.#leverProblem(name)) {
        this.#sent.delete(name);
        // An edit begun (Enter, Tab) before its refusal arrived took the refused value as its start: never fall back to it.
        const before = this.#before.get(name);
        if (before && before.from === sent.from && JSON.stringify(before.value) === JSON.stringify(sent.value)) this.#before.delete(name);
      }
    }
    // At another month the levers show the values in force then, not what was typed for the last one.
    if (this.run && this.run.leversAt !== this.#shownAt) {
      if (this.#shownAt !== undefined) this._local = {};
      this.#shownAt = this.run.leversAt;
    }
  }

  override render() {
    const run = this.run;
    if (!this.scenario) return nothing;
    return html`
      ${run ? this.#month(run) : nothing}
      ${run
        ? SCHEMES.map((scheme) => {
            const levers = run.levers.filter((l) => l.scheme === scheme);
            // A scheme the chosen rules say nothing about starts folded.
            const inForce = levers.filter((l) => l.source?.kind === 'rule' || l.override !== null).length;
            // Why the scheme's levers cannot move this scenario: said once for the group, not under each lever.
            const inert = levers.find((l) => l.inert)?.inert ?? null;
            return html`<details ?open=${inForce > 0}>
              <summary>${t(scheme)} <span class="muted">(${inForce}/${levers.length})</span></summary>
              ${inert ? this.#inert(inert, `inert-${scheme}`) : nothing}
              ${levers.map((l) => this.#lever(l, run, inert && l.inert && pick(l.inert.reason) === pick(inert.reason) ? `inert-${scheme}` : undefined))}
            </details>`;
          })
        : nothing}
      <details class="assumptions" open>
        <summary>${t('assumptions')}</summary>
        ${this.#horizon()} ${ASSUMPTIONS.map((f) => this.#assumption(f))}
      </details>
    `;
  }

  /**
   * The month changes start from: the levers show the values in force then. A year and a month list
   * (not a month field, whose half-typed value would be taken midway), each applied at once.
   */
  #month(run: RunView) {
    const [year, month] = run.leversAt.split('-') as [string, string];
    const first = Number(run.leverMonth.slice(0, 4));
    const years = Array.from({ length: run.until - first + 1 }, (_, i) => String(first + i));
    const set = (y: string, m: string) => {
      const v = `${y}-${m}` < run.leverMonth ? run.leverMonth : `${y}-${m}`;
      this.dispatchEvent(new CustomEvent('levers-at', { detail: v, bubbles: true, composed: true }));
    };
    return html`<div class="at" role="group" aria-labelledby="levers-at-label">
      <span id="levers-at-label">${t('changeFrom')}</span>
      <select id="levers-at-year" aria-label="${t('changeFrom')}: ${t('year')}" @change=${(e: Event) => set((e.target as HTMLSelectElement).value, month)}>
        ${years.map((y) => html`<option value=${y} ?selected=${y === year}>${y}</option>`)}
      </select>
      <select id="levers-at-month" aria-label="${t('changeFrom')}: ${t('month')}" @change=${(e: Event) => set(year, (e.target as HTMLSelectElement).value)}>
        ${Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0')).map((m) => html`<option value=${m} ?selected=${m === month}>${m}</option>`)}
      </select>
      <span class="muted" style="font-size:12px">${t('changeFromHint')}</span>
    </div>`;
  }

  #problemFor(path: string): InputProblem | undefined {
    return this.problems.find((p) => p.path === path || p.path.startsWith(path + '/'));
  }

  #leverProblem(name: string): InputProblem | undefined {
    return this.problems.find((p) => overrideOf(this.problemScenario, p)?.param === name);
  }

  /** Why a group of levers moves nothing here, and a way to the assumption that would let it. */
  #inert(inert: NonNullable<LeverView['inert']>, id: string) {
    return html`<div class="inert group" role="note" id=${id}>
      ${readableText(pick(inert.reason))}
      ${inert.missing ? html`<button class="reset" @click=${() => this.#fill(inert.missing!)}>${t('fillIn')} ${this.#assumptionLabel(inert.missing)}</button>` : nothing}
    </div>`;
  }

  /** @param inertNote the id of the group's note that already says why this lever moves nothing */
  #lever(l: LeverView, run: RunView, inertNote?: string) {
    const id = `lever-${l.name}`;
    const changes = timeline(this.scenario!, l.name);
    const changed = changes.length > 0;
    const from = l.ofWage?.from ?? run.leversAt;
    const typed = this._local[l.name];
    const problem = this.#leverProblem(l.name);
    const local = typed !== undefined && typedNumber(typed, percentLever(l)) === undefined;
    const source = l.baselineSource ? sourceView(l.baselineSource) : '';
    return html`<div class="lever ${changed ? 'changed' : ''} ${l.unit === 'method' ? 'method' : ''}">
      <label for=${id}>${pick(l.label)} <span class="muted">${unitLabel(l.unit)}</span></label>
      ${l.unit === 'method'
        ? html`<select id=${id} @change=${(e: Event) => this.#setLever(l, (e.target as HTMLSelectElement).value, run)}>
            ${(l.choices ?? []).map((c) => html`<option value=${c} ?selected=${c === l.value}>${methodName(c)}</option>`)}
          </select>`
        : l.ofWage
          ? html`<input
              id=${id}
              inputmode="decimal"
              .value=${live(typed ?? l.ofWage.percent)}
              aria-describedby="${id}-meta${inertNote ? ` ${inertNote}` : ''}"
              aria-invalid=${local || problem ? 'true' : 'false'}
              @focus=${() => this.#begin(l, run)}
              @change=${() => this.#begin(l, run)}
              @beforeinput=${(e: InputEvent) => this.#replacing(e, l, run)}
              @input=${(e: Event) => this.#typed(l, (e.target as HTMLInputElement).value, run)}
            />`
          : html`<input
            id=${id}
            inputmode="decimal"
            .value=${live(typed ?? l.value ?? '')}
            placeholder=${t('notSet')}
            aria-describedby="${id}-meta${inertNote ? ` ${inertNote}` : ''}"
            aria-invalid=${local || problem ? 'true' : 'false'}
            @focus=${() => this.#begin(l, run)}
            @change=${() => this.#begin(l, run)}
            @beforeinput=${(e: InputEvent) => this.#replacing(e, l, run)}
            @input=${(e: Event) => this.#typed(l, (e.target as HTMLInputElement).value, run)}
          />`}
      ${l.ofWage
        ? html`<div class="meta">% × ${t('avgWageOf')} N${l.ofWage.yearOffset} · ${t('from')} ${l.ofWage.from}</div>`
        : nothing}
      <div class="meta" id="${id}-meta">
        <span>${t('baselineValue')}: ${l.baselineValue === null ? t('notSet') : l.unit === 'method' ? methodName(l.baselineValue) : l.baselineValue}</span>
        ${changed ? html`<button class="reset" @click=${() => this.#reset(l)} aria-label="${t('reset')} ${pick(l.label)}">${t('reset')}</button>` : nothing}
      </div>
      ${source ? html`<details class="src"><summary>${t('source')}</summary>${source}</details>` : nothing}
      ${l.inert && !inertNote ? this.#inert(l.inert, `${id}-inert`) : nothing}
      ${changed
        ? html`<ol class="timeline" aria-label="${t('changesOf')} ${pick(l.label)}">
            ${changes.map(
              (o) => html`<li class=${o.from === from ? 'here' : ''}>
                <button @click=${() => this.#at(o.from)} aria-label="${o.from ?? run.leverMonth} → ${valueText(o.value)}: ${t('editAt')}">${o.from ?? run.leverMonth} → ${valueText(o.value)}</button
                ><button @click=${() => this.#remove(l, o.from)} aria-label="${t('removeChange')} ${o.from ?? ''}">×</button>
              </li>`,
            )}
          </ol>`
        : nothing}
      ${local ? html`<div class="error" role="alert">“${typed}”: ${t('notANumber')}</div>` : nothing}
      ${problem ? html`<div class="error" role="alert">${problemText(problem)} · ${t('lastValidKept')}</div>` : nothing}
    </div>`;
  }

  #assumptionLabel(key: string): string {
    const f = ASSUMPTIONS.find((a) => a.key === key);
    return f ? t(f.label) : key;
  }

  /** Take the user to the assumption a lever needs: the assumptions open, the field focused. */
  async #fill(key: string): Promise<void> {
    const details = this.renderRoot.querySelector('details.assumptions') as HTMLDetailsElement | null;
    if (details) details.open = true;
    await this.updateComplete;
    const input = this.renderRoot.querySelector(`#assume-${CSS.escape(key)}`) as HTMLInputElement | null;
    input?.scrollIntoView({ block: 'center' });
    input?.focus();
  }

  #at(month: string | undefined): void {
    if (month) this.dispatchEvent(new CustomEvent('levers-at', { detail: month, bubbles: true, composed: true }));
  }

  /**
   * Where each lever's field stood when the edit under way began (on focus, after Enter or leaving the
   * field, or when its whole text is typed over): the value a refused entry leaves in force, whatever
   * keystrokes on the way (1 and 12 of 120) were computed meanwhile.
   */
  #before = new Map<string, { from: string; value: ValueExpr | undefined }>();
  /** The last value this panel asked for, per lever and month (undefined: the change removed), before the scenario shows it. */
  #sent = new Map<string, { from: string; value: ValueExpr | undefined }>();

  #begin(l: LeverView, run: RunView): void {
    const from = l.ofWage?.from ?? run.leversAt;
    const typed = this._local[l.name];
    const refused = typed !== undefined && (typedNumber(typed, percentLever(l)) === undefined || !!this.#leverProblem(l.name));
    // A field showing a refused entry: the edit that follows still falls back to what was in force before it.
    if (refused && this.#before.get(l.name)?.from === from) return;
    const sent = this.#sent.get(l.name);
    const value = sent?.from === from ? sent.value : timeline(this.scenario!, l.name).find((o) => o.from === from)?.value;
    this.#before.set(l.name, { from, value });
  }

  /** Typing over the whole text of a field (select all, then type) begins a new edit of it. */
  #replacing(e: InputEvent, l: LeverView, run: RunView): void {
    const input = e.target as HTMLInputElement;
    if (input.value !== '' && input.selectionStart === 0 && input.selectionEnd === input.value.length) this.#begin(l, run);
  }

  /** The scenario with the lever's change from a month as it was when the edit of its field began. */
  #fallback(l: LeverView, from: string): Scenario | undefined {
    const before = this.#before.get(l.name);
    if (!before || before.from !== from) return undefined;
    return before.value === undefined ? removeOverride(this.scenario!, l.name, from) : upsertOverride(this.scenario!, l.name, from, before.value);
  }

  #typed(l: LeverView, value: string, run: RunView): void {
    this._local = { ...this._local, [l.name]: value };
    const n = typedNumber(value, percentLever(l));
    if (n !== undefined) this.#setLever(l, n, run);
    else this.#restore(l, run);
  }

  /**
   * Text that is not a number puts back what was in force when the edit began: the keystrokes on the
   * way (4 of 4,500; 450 of 450x) were numbers and may have been sent, but they are not what was typed.
   */
  #restore(l: LeverView, run: RunView): void {
    const from = l.ofWage?.from ?? run.leversAt;
    const fallback = this.#fallback(l, from);
    if (!fallback) return;
    // Nothing on its way and nothing to put back: no run needed.
    if (!this.#sent.has(l.name) && JSON.stringify(fallback) === JSON.stringify(this.scenario)) return;
    this.#sent.set(l.name, { from, value: this.#before.get(l.name)!.value });
    this.#emit({ scenario: fallback, key: `lever ${l.name} ${from}`, fallback });
  }

  #setLever(l: LeverView, typed: string, run: RunView): void {
    // A percentage of the average wage stays one: the floor at 50% of the wage, not a fixed amount.
    const value = l.ofWage ? { percentOf: { series: 'avgMonthlyWage' as const, yearOffset: l.ofWage.yearOffset }, percent: typed } : typed;
    const from = l.ofWage?.from ?? run.leversAt;
    const key = `lever ${l.name} ${from}`;
    // The value that would be in force without a change from this month: typed back, the change goes.
    const fallback = this.#fallback(l, from);
    if (!l.ofWage && sameValue(typed, this.#withoutChangeAt(l, from))) {
      this.#sent.set(l.name, { from, value: undefined });
      this.#emit({ scenario: removeOverride(this.scenario!, l.name, from), key, fallback });
      return;
    }
    this.#sent.set(l.name, { from, value });
    this.#emit({ scenario: upsertOverride(this.scenario!, l.name, from, value), key, fallback });
  }

  /** A lever's value in force from a month if the scenario had no change starting then: its last earlier change, or the baseline. */
  #withoutChangeAt(l: LeverView, from: string): string | null {
    const earlier = timeline(this.scenario!, l.name).filter((o) => o.from !== undefined && o.from < from && o.until === undefined);
    const last = earlier.at(-1);
    if (last) return typeof last.value === 'string' ? last.value : null;
    return timeline(this.scenario!, l.name).some((o) => o.from === undefined) ? null : l.baselineValue;
  }

  /** A change removed from the lever's timeline: the field shows what is in force without it, and keeps the focus. */
  async #remove(l: LeverView, from: string | undefined): Promise<void> {
    const { [l.name]: _dropped, ...rest } = this._local;
    this._local = rest;
    this.#before.delete(l.name);
    this.#sent.delete(l.name);
    this.#emit({ scenario: removeOverride(this.scenario!, l.name, from), key: `remove ${l.name} ${from}` });
    await this.updateComplete;
    (this.renderRoot.querySelector(`#lever-${CSS.escape(l.name)}`) as HTMLElement | null)?.focus();
  }

  #reset(l: LeverView): void {
    const { [l.name]: _dropped, ...rest } = this._local;
    this._local = rest;
    this.#before.delete(l.name);
    this.#sent.delete(l.name);
    this.#emit({ scenario: removeOverride(this.scenario!, l.name), key: `reset ${l.name}` });
  }

  #horizon() {
    const s = this.scenario!;
    const tier = s.assumptions?.regionTier;
    return html`<div class="row2">
        <label for="until">${t('horizon')}</label>
        <input id="until" type="number" min=${(this.run?.baseYear ?? 2000) + 1} max="2060" .value=${String(s.until ?? 2035)} @change=${(e: Event) => {
          const v = Number((e.target as HTMLInputElement).value);
          if (Number.isInteger(v)) this.#emit({ scenario: { ...s, until: v }, key: 'until' });
        }} />
      </div>
      ${this.#problemFor('/until') ? html`<div class="error" role="alert">${problemText(this.#problemFor('/until')!)}</div>` : nothing}
      <div class="row2">
        <label for="tier">${t('regionTier')}</label>
        <select id="tier" @change=${(e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          const assumptions = { ...(s.assumptions ?? {}), regionTier: v ? (Number(v) as 1 | 2 | 3) : undefined };
          this.#emit({ scenario: { ...s, assumptions }, key: 'regionTier' });
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
            if (v === '' || DECIMAL.test(v)) this.#emit({ scenario: { ...s, assumptions: f.set(a, v === '' ? undefined : v) }, key: id });
          }} />
      </div>
      ${bad ? html`<div class="error" role="alert">“${typed}”: ${t('notANumber')}</div>` : nothing}
      ${problem ? html`<div class="error" role="alert">${problemText(problem)} · ${t('lastValidKept')}</div>` : nothing}`;
  }

  #emit(edit: ScenarioEdit): void {
    this.dispatchEvent(new CustomEvent('scenario-change', { detail: edit, bubbles: true, composed: true }));
  }
}

/** A lever whose field holds a percentage (a rate, or a share of the average wage): `150%` is 150. */
function percentLever(l: LeverView): boolean {
  return l.unit === 'percent' || !!l.ofWage;
}

/** Two values of a lever that mean the same (400, 400.0; a method by its name). */
function sameValue(a: string, b: string | null): boolean {
  if (b === null) return false;
  if (DECIMAL.test(a) && DECIMAL.test(b)) return Number(a) === Number(b);
  return a === b;
}

/** An override's value as written: a number, or a percentage of the wage. */
function valueText(v: ValueExpr): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v && 'percent' in v && typeof v.percent === 'string') return `${v.percent}%`;
  return JSON.stringify(v);
}

customElements.define('yb-lever-panel', YbLeverPanel);

declare global {
  interface HTMLElementTagNameMap {
    'yb-lever-panel': YbLeverPanel;
  }
}
