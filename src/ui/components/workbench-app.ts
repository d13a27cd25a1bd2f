/**
 * <yb-app>: the workbench. It keeps the user's scenarios (Store), sends the
 * active one to the simulation worker (SimulationController) on every change,
 * and lays out the lever panel, the fund charts, the summary, the "why"
 * panel and the comparison. It holds no policy logic.
 */
import { jsonTextDepthProblem } from '../../common/json-depth.ts';
import { LitElement, css, html, nothing } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import { looksMisdecoded, stripBom } from '../../common/encoding.ts';
import { localizedProblem, type InputProblem } from '../../common/errors.ts';
import { message } from '../../common/messages.ts';
import type { CompareResult, ExplainView, RunFigures, RunResult, RunView } from '../../app/views.ts';
import type { CatalogView } from '../../app/service.ts';
import type { Scenario } from '../../scenario/types.ts';
import { getLocale, pick, setLocale, t } from '../i18n.ts';
import { downloadBlob, downloadText, fileNameOf } from '../format.ts';
import { SimulationController, startWorker, type Api } from '../state/simulation-controller.ts';
import { Store } from '../state/store.ts';
import { decodeShareLink, encodeShareFragment, shareHashProblem } from '../state/share.ts';
import { withoutProblems } from '../state/edits.ts';
import type { ScenarioEdit } from './lever-panel.ts';
import { base, sanity } from '../styles.ts';
import { titleText } from '../labels.ts';
import { reasonText } from '../problem-text.ts';
import './lever-panel.ts';
import './fund-view.ts';
import './scenario-summary.ts';
import './fund-cards.ts';
import './why-panel.ts';
import './problem-list.ts';
import { compareName } from './compare-view.ts';
import './population-view.ts';
import './report-view.ts';
import './backtest-view.ts';
import { workbookBytes } from '../workbook.ts';
import { AnalysisRunner } from '../state/analysis-runner.ts';
import type { OpenScenario } from './analyses-view.ts';
import { a } from '../locales/analyses.ts';

/** No problems: one array, so a child bound to it does not render again on each of the app's renders. */
const NO_PROBLEMS: InputProblem[] = [];

export class YbApp extends LitElement {
  static override properties = {
    _catalog: { state: true },
    _fileProblems: { state: true },
    _fileText: { state: true },
    _fileHeading: { state: true },
    _fund: { state: true },
    _explain: { state: true },
    _compare: { state: true },
    _dragging: { state: true },
    _toast: { state: true },
    _leversAt: { state: true },
    _editProblems: { state: true },
    _repair: { state: true },
    _pane: { state: true },
    _report: { state: true },
    _analysesOpen: { state: true },
  };
  /** The uncertainty and sensitivity panel is open (its code is loaded the first time it is). */
  declare _analysesOpen: boolean;
  /** The printable report is shown in place of the workbench. */
  declare _report: boolean;
  /** On a narrow screen, which of results and levers is shown (results first). */
  declare _pane: 'results' | 'levers';
  /** The month levers are shown and changed at; undefined for the first projected month. */
  declare _leversAt: string | undefined;
  /** Problems of the last edit that could not be used (the scenario kept its last valid state). */
  declare _editProblems: { scenario: Scenario; problems: InputProblem[] } | undefined;
  /** A stored scenario with problems, without them, so its levers can be used while the problems are listed. */
  declare _repair: { id: string; scenario: Scenario; problems: InputProblem[] } | undefined;
  declare _catalog: CatalogView | undefined;
  declare _fileProblems: InputProblem[];
  declare _fileText: string | undefined;
  /** What the file problems mean: not opened (default), or opened without the changes listed. */
  declare _fileHeading: string;
  declare _fund: string;
  declare _explain: ExplainView | undefined;
  declare _compare: CompareResult | undefined;
  declare _dragging: boolean;
  declare _toast: string;
  #toastUndo = false;
  /** An edit sent to the worker; it becomes part of the scenario only once it has run. */
  #candidate: { id: string; edit: ScenarioEdit } | undefined;
  /** Counts undo and redo, so that text typed before one is not shown after it. */
  #revision = 0;

  readonly store: Store;
  readonly sim: SimulationController;
  /** The long analyses' worker (tornado, heat map, goal seek), apart from the projection's. */
  readonly analyses = new AnalysisRunner();
  /** The last successful run, kept on screen while a change that failed is shown beside its lever. */
  lastGood: RunView | undefined;

  static override styles = [
    base,
    sanity,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--panel);
        /* printed as on screen (inherited by every view): without their backgrounds, the header's title and the chosen tabs, white on blue, would vanish from the page */
        print-color-adjust: exact;
        -webkit-print-color-adjust: exact;
      }
      /* skip links: off screen until focused by the keyboard, then over the header's top left */
      .skip button {
        position: absolute;
        left: 8px;
        top: -100px;
        z-index: 20;
        background: white;
        color: #0b3d6e;
        padding: 8px 12px;
        border: 2px solid var(--accent);
        border-radius: 4px;
        font-weight: 700;
      }
      .skip button:focus {
        top: 8px;
      }
      header {
        display: flex;
        align-items: center;
        gap: 12px;
        padding: 10px 16px;
        background: #0b3d6e;
        color: white;
        flex-wrap: wrap;
      }
      header h1 {
        font-size: 18px;
        margin: 0;
        font-weight: 700;
      }
      header .sub {
        opacity: 0.85;
        font-size: 12px;
      }
      header .spacer {
        flex: 1;
      }
      header button,
      header select {
        background: white;
      }
      header select {
        max-width: 460px;
      }
      .layout {
        display: grid;
        grid-template-columns: 340px 1fr;
        gap: 16px;
        padding: 16px;
        align-items: start;
      }
      aside {
        background: white;
        border: 1px solid var(--line);
        border-radius: 6px;
        padding: 12px;
        position: sticky;
        top: 8px;
        max-height: calc(100vh - 32px);
        overflow: auto;
      }
      aside input.title {
        width: 100%;
        box-sizing: border-box;
        font-weight: 700;
      }
      .rules label {
        display: block;
        font-size: 13px;
        padding: 1px 0;
      }
      nav[role='tablist'] {
        display: flex;
        gap: 4px;
        flex-wrap: wrap;
        margin: 0 0 12px;
      }
      nav button[aria-selected='true'] {
        background: var(--accent);
        color: white;
        border-color: var(--accent);
      }
      .status {
        font-size: 12px;
        color: var(--muted);
        min-height: 16px;
      }
      .drop {
        position: fixed;
        inset: 0;
        background: rgba(11, 92, 173, 0.15);
        border: 4px dashed var(--accent);
        display: grid;
        place-items: center;
        font-size: 20px;
        z-index: 10;
        pointer-events: none;
      }
      .compare-list label {
        display: block;
        font-size: 13px;
      }
      .row {
        display: flex;
        gap: 6px;
        align-items: center;
        flex-wrap: wrap;
        margin: 6px 0;
      }
      main > * {
        margin-bottom: 16px;
      }
      /* Room for the results before the first arrives, so nothing below jumps when it does. */
      .pending {
        min-height: 1400px;
        color: var(--muted);
      }
      .toast {
        position: fixed;
        bottom: 16px;
        right: 16px;
        background: #1b2430;
        color: white;
        padding: 8px 14px;
        border-radius: 6px;
      }
      .layout > * {
        min-width: 0;
      }
      .panes {
        display: none;
      }
      @media (max-width: 900px) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
          padding: 8px;
        }
        aside {
          position: static;
          max-height: none;
        }
        header select {
          max-width: 100%;
          min-width: 0;
        }
        header {
          padding: 8px;
          gap: 6px;
        }
        .panes {
          display: flex;
          gap: 0;
          position: sticky;
          top: 0;
          z-index: 5;
          background: var(--panel);
          padding: 6px 8px 0;
          border-bottom: 1px solid var(--line);
        }
        .panes button {
          flex: 1;
          border-radius: 6px 6px 0 0;
          min-height: 40px;
        }
        .panes button[aria-pressed='true'] {
          background: var(--accent);
          color: white;
          border-color: var(--accent);
        }
        /* the levers pane keeps the (empty) main landmark */
        .layout.results aside,
        .layout.levers main > * {
          display: none;
        }
      }
    `,
  ];

  /**
   * The first results render in two tasks: the heading, cards and the fund's charts, then (after a frame
   * has shown them) the panels below, so no one task of the page's load renders them all. The built
   * page's entry point (src/ui/main.ts) turns this on; otherwise everything renders together.
   */
  resultsInParts = false;
  /** The panels below the fund's charts: waiting for the first results, due in a later task, or shown. */
  #lower: 'waiting' | 'due' | 'shown' = 'waiting';

  override updated(): void {
    if (this.#lower !== 'waiting' || !this.lastGood) return;
    this.#lower = 'due';
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.#lower = 'shown';
        this.requestUpdate();
      }, 0),
    );
  }

  constructor(api: Api = startWorker(), store = new Store()) {
    super();
    updateWhenLocaleChanges(this);
    this.store = store;
    this.sim = new SimulationController(this, api);
    this._fileProblems = [];
    this._fileHeading = '';
    this._fund = 'employee';
    this._dragging = false;
    this._toast = '';
    this._pane = 'results';
    this._report = false;
    this._analysesOpen = false;
    store.addEventListener('change', () => this.requestUpdate());
    this.sim.onResult = (data, result) => this.#onResult(data, result);
  }

  override async connectedCallback(): Promise<void> {
    super.connectedCallback();
    this.addEventListener('dragover', this.#onDragOver);
    this.addEventListener('dragleave', () => (this._dragging = false));
    this.addEventListener('drop', this.#onDrop);
    window.addEventListener('keydown', this.#onKey);
    await setLocale(this.store.state.locale);
    this._catalog = await this.sim.api.catalog();
    await this.#openLink();
    window.addEventListener('hashchange', this.#openLink);
    if (!this.store.active) {
      const first = this.store.state.entries[0];
      if (first) this.store.update((s) => ({ ...s, activeId: first.id }));
      else if (this._catalog.examples[0]) this.store.add(structuredClone(this._catalog.examples[0].scenario), false);
    }
    this.#runActive();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.#onKey);
    window.removeEventListener('hashchange', this.#openLink);
    this.analyses.cancel();
  }

  /** A share link in the address: on opening, or pasted into the address bar of the open workbench. */
  #openLink = async (): Promise<void> => {
    const shared = decodeShareLink(location.hash);
    if (shared && !shared.ok) void this.#showFileProblems(shared.problems, '');
    if (shared?.ok) {
      await this.openText(shared.text, 'shared link', shared.hash);
      history.replaceState(null, '', location.pathname + location.search);
    }
  };

  /**
   * Load a scenario or baseline file's text. A file whose only problems are changes no lever can use
   * (a negative standard, a misspelt parameter) opens without them, the problems listed with the file's
   * lines and beside the levers; any other problem is shown and changes nothing.
   */
  async openText(text: string, file: string, linkHash?: string): Promise<boolean> {
    text = stripBom(text); // a file saved by a Windows editor
    if (looksMisdecoded(text)) {
      // Saved as GBK or UTF-16: read as UTF-8 its Chinese would turn into U+FFFD without a word.
      this.#showFileProblems([localizedProblem(file, '', message('file.notUtf8'))], '');
      return false;
    }
    const deep = jsonTextDepthProblem(text, file); // refused before parsing, as the command line does
    if (deep) {
      void this.#showFileProblems([deep], '');
      return false;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      const msg = (err as Error).message;
      void this.#showFileProblems([{ file, path: '', reason: `not valid JSON: ${msg}` }], text);
      return false;
    }
    const scenario = asScenario(data, this.store.active?.scenario);
    const wrapped = scenario !== data;
    const result = await this.sim.api.run(scenario, file);
    if (!result.ok) {
      const usable = wrapped ? undefined : withoutProblems(scenario as Scenario, result.problems);
      if (usable && (await this.sim.api.run(usable, file)).ok) {
        this.store.add(usable);
        this.#runActive();
        this._editProblems = { scenario: scenario as Scenario, problems: result.problems };
        void this.#showFileProblems(result.problems, text, t('skippedChanges'));
        return true;
      }
      // A baseline file was wrapped in a scenario: point at the places in the file the user gave.
      const problems = wrapped ? result.problems.map((p) => ({ ...p, path: p.path.replace(/^\/baseline\/embedded/, '') })) : result.problems;
      void this.#showFileProblems(problems, text);
      return false;
    }
    // A share link names the content hash its sender saw: opened, the scenario must compute the same.
    const mismatch = shareHashProblem(linkHash, result.hash);
    if (mismatch) void this.#showFileProblems([mismatch], text, t('openedWithNotice'));
    else this._fileProblems = [];
    this.store.add(scenario as Scenario);
    this.#runActive();
    return true;
  }

  /** List a file's problems where the user is looking: the list scrolls into view and takes the focus. */
  async #showFileProblems(problems: InputProblem[], text: string, heading = ''): Promise<void> {
    this._fileProblems = problems;
    this._fileText = text;
    this._fileHeading = heading;
    this._pane = 'results';
    await this.updateComplete;
    const list = this.renderRoot.querySelector('#file-problems') as HTMLElement | null;
    list?.scrollIntoView({ block: 'start' });
    list?.focus({ preventScroll: true });
  }

  /** The active scenario as it is projected: without the problems of a stored one, if it has any. */
  get working(): Scenario | undefined {
    const active = this.store.active;
    if (!active) return undefined;
    return this._repair?.id === active.id ? this._repair.scenario : active.scenario;
  }

  #runActive(): void {
    const active = this.store.active;
    this.#candidate = undefined;
    this._editProblems = undefined;
    if (this._repair && this._repair.id !== active?.id) this._repair = undefined;
    if (active) this.sim.request(this.working, active.scenario.title, this._leversAt);
    void this.#refreshCompare();
  }

  /**
   * An edit is kept once it has run; one that fails leaves the scenario as it was and its problems
   * are shown beside the lever. A stored scenario that fails is opened without the changes it cannot use.
   */
  /** The scenario of the last run that succeeded: the figures shown (lastGood) are its. */
  #shown: unknown;

  #onResult(data: unknown, result: RunResult): void {
    if (result.ok) this.#shown = data;
    const active = this.store.active;
    const candidate = this.#candidate;
    if (candidate && data === candidate.edit.scenario) {
      this.#candidate = undefined;
      if (result.ok) {
        this._editProblems = undefined;
        if (this._repair?.id === candidate.id) this._repair = undefined;
        if (active?.id === candidate.id) this.store.replaceActive(candidate.edit.scenario, candidate.edit.key);
        void this.#refreshCompare();
      } else {
        this._editProblems = { scenario: candidate.edit.scenario, problems: result.problems };
        // A refused entry leaves in force what its field held before this edit began, not a keystroke on the way.
        const fallback = candidate.edit.fallback;
        if (fallback && active?.id === candidate.id) {
          if (JSON.stringify(fallback) !== JSON.stringify(active.scenario)) this.store.replaceActive(fallback, candidate.edit.key);
          // The figures shown may be a keystroke's on the way (15 of 150%, whose run finished before 150 was
          // refused): unless they are already those of what stays in force, run that.
          if (JSON.stringify(fallback) !== JSON.stringify(this.#shown)) this.sim.request(fallback, fallback.title, this._leversAt);
        }
      }
      return;
    }
    if (!result.ok && active && data === active.scenario) {
      const repaired = withoutProblems(active.scenario, result.problems);
      if (repaired) {
        this._repair = { id: active.id, scenario: repaired, problems: result.problems };
        this.sim.request(repaired, active.scenario.title, this._leversAt);
      }
    }
  }

  #compareRequest = 0;

  async #refreshCompare(): Promise<void> {
    const request = ++this.#compareRequest;
    const ids = this.store.state.compareIds.filter((id) => this.store.state.entries.some((e) => e.id === id));
    if (ids.length < 2) {
      this._compare = undefined;
      return;
    }
    const list = ids.map((id) => {
      const e = this.store.state.entries.find((x) => x.id === id)!;
      return { data: e.scenario, file: e.scenario.title };
    });
    const result = await this.sim.api.compare(list);
    if (request === this.#compareRequest) this._compare = result; // a newer comparison was asked for meanwhile
  }

  #change(edit: ScenarioEdit): void {
    const active = this.store.active;
    if (!active) return;
    this._explain = undefined;
    this.#candidate = { id: active.id, edit };
    this.sim.request(edit.scenario, edit.scenario.title, this._leversAt);
  }

  undo(): void {
    if (this.store.undo()) this.#afterHistory();
  }

  redo(): void {
    if (this.store.redo()) this.#afterHistory();
  }

  #afterHistory(): void {
    this.#revision++;
    this._explain = undefined;
    this._toast = '';
    this.#runActive();
  }

  /** Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) undo and redo scenario edits, except in a text field, where they edit the text. */
  #onKey = (e: KeyboardEvent): void => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key !== 'z' && key !== 'y') return;
    const target = e.composedPath()[0] as HTMLElement | undefined;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA)$/.test(target.tagName))) return;
    e.preventDefault();
    if (key === 'y' || e.shiftKey) this.redo();
    else this.undo();
  };

  override render() {
    const active = this.store.active;
    const result = this.sim.result;
    if (result?.ok) this.lastGood = result;
    const run = result?.ok ? result : this.lastGood;
    const working = this.working;
    const repair = this._repair?.id === active?.id ? this._repair : undefined;
    const problems = this._editProblems ?? (repair ? { scenario: active!.scenario, problems: repair.problems } : undefined);
    // A failed run of anything else (the stored scenario could not be opened at all) is listed above the results.
    const runProblems = result && !result.ok && !this._editProblems ? result.problems : [];
    // The report covers the workbench, which stays in the page (hidden and inert) with everything it shows:
    // analysis results, open views and the place it was scrolled to are there again when the report closes.
    const report = this._report && !!run;
    return html`
      ${report
        ? html`<yb-report
            .run=${run}
            .scenario=${working}
            .catalog=${this._catalog}
            @report-print=${this.#print}
            @report-workbook=${this.#workbook}
            @report-close=${this.#closeReport}
          ></yb-report>`
        : nothing}
      <div class="workbench" ?hidden=${report} ?inert=${report}>
      <nav class="skip" aria-label=${t('skipLinks')}>
        <button @click=${() => this.#skipTo('results')}>${t('skipResults')}</button>
        <button @click=${() => this.#skipTo('levers')}>${t('skipLevers')}</button>
      </nav>
      <header>
        <div>
          <h1>${t('appTitle')}</h1>
          <div class="sub">${t('appSubtitle')}</div>
        </div>
        <span class="spacer"></span>
        <label class="sub" for="pick">${t('scenarios')}</label>
        <select id="pick" @change=${(e: Event) => this.#pick((e.target as HTMLSelectElement).value)}>
          <optgroup label=${t('myScenarios')}>
            ${this.store.state.entries.map((e) => html`<option value=${e.id} ?selected=${e.id === active?.id}>${titleText(e.scenario.title)}</option>`)}
          </optgroup>
          <optgroup label=${t('examples')}>
            ${(this._catalog?.examples ?? []).map((x) => html`<option value=${`example:${x.name}`}>${titleText(x.scenario.title)}${t('exampleMark')}</option>`)}
          </optgroup>
        </select>
        <label class="sub" for="from-baseline">${t('newFrom')}</label>
        <select id="from-baseline" @change=${(e: Event) => this.#fromBaseline(e.target as HTMLSelectElement)}>
          <option value="">—</option>
          ${(this._catalog?.baselines ?? []).map((b) =>
            b.cannotStart
              ? html`<option value=${b.name} disabled title=${reasonText(b.cannotStart)}>${b.title}${t('cannotStart')}</option>`
              : html`<option value=${b.name}>${b.title}</option>`,
          )}
        </select>
        <button id="undo" @click=${() => this.undo()} ?disabled=${!this.store.canUndo} aria-keyshortcuts="Control+Z" title="Ctrl+Z">${t('undo')}</button>
        <button id="redo" @click=${() => this.redo()} ?disabled=${!this.store.canRedo} aria-keyshortcuts="Control+Shift+Z" title="Ctrl+Shift+Z">${t('redo')}</button>
        <button @click=${() => this.#duplicate()}>${t('duplicate')}</button>
        <button @click=${() => (this.renderRoot.querySelector('#file') as HTMLInputElement).click()}>${t('open')}</button>
        <input id="file" type="file" accept=".json,application/json" hidden @change=${this.#onFile} />
        <button id="save" @click=${this.#save}>${t('save')}</button>
        <button id="share" @click=${this.#share}>${t('share')}</button>
        <button id="report" @click=${this.#openReport} ?disabled=${!run}>${t('exportReport')}</button>
        <button @click=${this.#toggleLocale} lang=${getLocale() === 'en' ? 'zh' : 'en'}>${t('language')}</button>
      </header>
      <nav class="panes" aria-label=${t('panes')}>
        ${(['results', 'levers'] as const).map(
          (p) => html`<button id=${`pane-${p}`} aria-pressed=${this._pane === p ? 'true' : 'false'} @click=${() => (this._pane = p)}>${t(p === 'results' ? 'resultsPane' : 'levers')}</button>`,
        )}
      </nav>
      <div class="layout ${this._pane}">
        <aside id="levers" tabindex="-1" aria-label=${t('levers')}>
          ${active
            ? html`<label for="title" class="muted">${t('title')}</label>
                <input id="title" class="title" .value=${active.scenario.title} @change=${(e: Event) => this.#change({ scenario: { ...working!, title: (e.target as HTMLInputElement).value }, key: 'title' })} />
                <div class="row muted">${t('baseline')}: ${typeof active.scenario.baseline === 'string' ? (this._catalog?.baselines.find((b) => b.name === active.scenario.baseline)?.title ?? active.scenario.baseline) : t('embedded')}</div>
                ${this.#rules(working!)}
                <div class="status" aria-live="polite">${this.sim.running ? t('running') : run ? `${run.baseYear} → ${run.until} · ${run.millis.toFixed(0)} ms` : ''}</div>
                ${repair ? html`<yb-problem-list id="skipped" .problems=${repair.problems} heading=${t('skippedChanges')}></yb-problem-list>` : nothing}
                <yb-lever-panel
                  .entryId=${`${active.id}#${this.#revision}`}
                  .scenario=${working}
                  .run=${run}
                  .problems=${problems?.problems ?? NO_PROBLEMS}
                  .problemScenario=${problems?.scenario}
                  @scenario-change=${(e: CustomEvent<ScenarioEdit>) => this.#change(e.detail)}
                  @levers-at=${(e: CustomEvent<string>) => {
                    this._leversAt = e.detail;
                    this.#runActive();
                  }}
                ></yb-lever-panel>
                <button style="margin-top:8px" @click=${() => this.#delete(active.id)}>${t('delete')}</button>`
            : nothing}
        </aside>
        <main>
          ${this._fileProblems.length
            ? html`<yb-problem-list id="file-problems" tabindex="-1" .problems=${this._fileProblems} .text=${this._fileText} heading=${this._fileHeading} @dismiss=${() => (this._fileProblems = [])}></yb-problem-list>`
            : nothing}
          ${runProblems.length ? html`<yb-problem-list id="run-problems" .problems=${runProblems} heading=${active?.scenario.title ?? ''}></yb-problem-list>` : nothing}
          ${run ? this.#results(run, problems) : html`<div class="pending" aria-busy="true">${t('running')}</div>`}
          ${this.#compareSection()}
        </main>
      </div>
      ${this._dragging ? html`<div class="drop">${t('dropHere')}</div>` : nothing}
      ${this._toast
        ? html`<div class="toast" role="status">${this._toast} ${this.#toastUndo ? html`<button @click=${() => this.undo()}>${t('undo')}</button>` : nothing}</div>`
        : nothing}
      </div>
    `;
  }

  /** Where the page was scrolled when the report opened, to go back to. */
  #scrollBeforeReport = 0;

  #openReport = (): void => {
    this.#scrollBeforeReport = window.scrollY;
    this._report = true;
    // the report starts at its top
    void this.updateComplete.then(() => window.scrollTo(0, 0));
  };

  #closeReport = async (): Promise<void> => {
    this._report = false;
    await this.updateComplete;
    window.scrollTo(0, this.#scrollBeforeReport);
    // back where the report was opened, the page where it was
    (this.renderRoot.querySelector('#report') as HTMLElement | null)?.focus({ preventScroll: true });
  };

  /** A skip link: the focus moves to the results or the levers (shown first on a narrow screen), past the header's controls. */
  async #skipTo(to: 'results' | 'levers'): Promise<void> {
    // buttons, not fragment links: a fragment does not reach into the shadow root
    this._pane = to;
    await this.updateComplete;
    const target = (this.renderRoot.querySelector(`#${to}`) ?? this.renderRoot.querySelector('main')) as HTMLElement | null;
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }

  #rules(s: Scenario) {
    const sets = this._catalog?.ruleSets ?? [];
    return html`<details class="rules">
      <summary>${t('rules')}: ${s.rules.map((id) => { const r = sets.find((x) => x.id === id); return r ? pick(r.title) : id; }).join(pick({ zh: '；', en: '; ' }))}</summary>
      ${sets.map(
        (r) => html`<label
          ><input type="checkbox" .checked=${s.rules.includes(r.id)} @change=${(e: Event) => {
            const on = (e.target as HTMLInputElement).checked;
            const rules = on ? [...s.rules, r.id] : s.rules.filter((x) => x !== r.id);
            if (rules.length) this.#change({ scenario: { ...s, rules }, key: `rules ${r.id}` });
            else (e.target as HTMLInputElement).checked = true; // at least one rule set stays in force
          }} />
          ${pick(r.title)} <span class="muted">${r.document}</span></label
        >`,
      )}
    </details>`;
  }

  // The same objects on every render: a new array or function bound to a child would make it render again
  // on each of the app's renders (two per lever change), though nothing it shows changed.
  readonly #loadBacktest = (hash: string) => this.sim.api.backtest(hash);
  readonly #hasScenario = (id: string) => this.store.state.entries.some((e) => e.id === id);
  readonly #loadOptions = (data: unknown, file: string, at?: string) => this.sim.api.analysisOptions(data, file, at);

  /**
   * The run the fund's cards and charts show: with the figures of the run in flight where they have come
   * ahead of its result (the panels below keep the last result's until it comes). The same object while
   * neither changes.
   */
  #figured?: { run: RunView; figures: RunFigures; shown: RunView };
  #withFigures(run: RunView): RunView {
    const figures = this.sim.figures;
    if (!figures) return run;
    if (this.#figured?.run !== run || this.#figured.figures !== figures) this.#figured = { run, figures, shown: { ...run, ...figures } };
    return this.#figured.shown;
  }

  #results(last: RunView, problems: { scenario: Scenario; problems: InputProblem[] } | undefined) {
    const run = this.#withFigures(last);
    const funds = run.funds;
    const fund = funds.find((f) => f.id === this._fund) ?? funds[0];
    // the baseline's report states its amounts in 亿元 (the national bulletins): cards and tables say them so
    const yi = this._catalog?.baselines.some((b) => b.yi && b.name === this.working?.baseline) ?? false;
    return html`
      <h2 id="results" class="results-heading" tabindex="-1">${t('resultsPane')} <span class="muted">${run.baseYear} → ${run.until}</span></h2>
      ${run.warnings.length
        ? html`<section id="sanity" class="sanity" role="alert" aria-labelledby="sanity-heading">
            <h3 id="sanity-heading">${t('sanityHeading')}</h3>
            <ul>${run.warnings.map((w) => html`<li>${pick(w)}</li>`)}</ul>
          </section>`
        : nothing}
      <yb-fund-cards .run=${run} ?yi=${yi}></yb-fund-cards>
      <nav role="tablist" aria-label=${t('fundsLabel')}>
        ${funds.map(
          (f) => html`<button
            role="tab"
            id=${`tab-${f.id}`}
            aria-controls="fund-panel"
            aria-selected=${f.id === fund?.id ? 'true' : 'false'}
            tabindex=${f.id === fund?.id ? 0 : -1}
            @click=${() => (this._fund = f.id)}
            @keydown=${(e: KeyboardEvent) => this.#tabKey(e, funds.map((x) => x.id))}
          >
            ${pick(f.name)}
          </button>`,
        )}
      </nav>
      <yb-fund-view id="fund-panel" role="tabpanel" aria-labelledby=${`tab-${fund?.id}`} ?yi=${yi} .fund=${fund} .thresholds=${run.thresholds} .run=${run} @year-select=${(e: CustomEvent<number>) => this.#explain(fund!.id, e.detail)}></yb-fund-view>
      ${this.resultsInParts && this.#lower !== 'shown' ? nothing : this.#lowerResults(last, problems)}
    `;
  }

  #lowerResults(run: RunView, problems: { scenario: Scenario; problems: InputProblem[] } | undefined) {
    return html`
      <yb-why-panel tabindex="-1" .explain=${this._explain} .run=${run}></yb-why-panel>
      ${this.#analysesSection(run)}
      <yb-scenario-summary .run=${run} .notes=${this.working?.notes}></yb-scenario-summary>
      <yb-population-view
        .run=${run}
        .scenario=${this.working}
        .entryId=${`${this.store.active?.id}#${this.#revision}`}
        .problems=${problems?.problems ?? NO_PROBLEMS}
        .problemScenario=${problems?.scenario}
        @scenario-change=${(e: CustomEvent<ScenarioEdit>) => this.#change(e.detail)}></yb-population-view>
      <yb-backtest-view .run=${run} .load=${this.#loadBacktest}></yb-backtest-view>
    `;
  }

  /** Folded until asked for: its code and its chart parts load the first time it opens. */
  #analysesSection(run: RunView) {
    return html`<section id="analyses" aria-label=${a('heading')}>
      <details
        ?open=${this._analysesOpen}
        @toggle=${(e: Event) => {
          const open = (e.target as HTMLDetailsElement).open;
          if (open) void import('./analyses-view.ts');
          this._analysesOpen = open;
        }}
      >
        <summary><h2 style="display:inline">${a('heading')}</h2> <span class="muted">${a('headline')}</span></summary>
        ${this._analysesOpen
          ? html`<yb-analyses-view
              .run=${run}
              .scenario=${this.working}
              .loadOptions=${this.#loadOptions}
              .runner=${this.analyses}
              .hasScenario=${this.#hasScenario}
              @open-scenario=${(e: CustomEvent<OpenScenario>) => this.#openAnswer(e.detail)}
            ></yb-analyses-view>`
          : nothing}
      </details>
    </section>`;
  }

  /** A goal seek's answer as a new scenario (undoable like any new one), its levers shown from the month it changes. */
  #openAnswer(detail: OpenScenario): void {
    const { scenario, leversAt } = detail;
    detail.id = this.store.add(structuredClone(scenario));
    this._leversAt = leversAt;
    this._explain = undefined;
    this.#runActive();
    this.#toastFor(`${a('openAnswer')}：${scenario.title}`);
  }

  #compareSection() {
    const entries = this.store.state.entries;
    const ids = this.store.state.compareIds;
    // numbered as the legend and the tables number them (the first is the reference), wherever they are listed
    const compared = ids.filter((id) => entries.some((e) => e.id === id));
    return html`<section class="compare-list" style="background:white;border:1px solid var(--line);border-radius:6px;padding:12px">
      <h2>${t('compare')}</h2>
      <p class="muted">${t('compareHint')}</p>
      <button id="compare-baseline" @click=${() => this.#compareWithBaseline()} ?disabled=${!this.store.active}>${t('compareWithBaseline')}</button>
      ${entries.map(
        (e) => html`<label><input type="checkbox" .checked=${ids.includes(e.id)} ?disabled=${!ids.includes(e.id) && ids.length >= 4}
            @change=${(ev: Event) => {
              const on = (ev.target as HTMLInputElement).checked;
              this.store.edit((s) => ({ ...s, compareIds: on ? [...s.compareIds, e.id] : s.compareIds.filter((x) => x !== e.id) }));
              void this.#refreshCompare();
            }} />
          ${compared.includes(e.id) ? compareName(compared.indexOf(e.id), e.scenario.title) : titleText(e.scenario.title)}</label>`,
      )}
      <yb-compare-view
        .result=${this._compare}
        @explain-request=${(e: CustomEvent<{ hash: string; fund: string; year: number }>) => this.#explain(e.detail.fund, e.detail.year, e.detail.hash)}
      ></yb-compare-view>
    </section>`;
  }

  /**
   * Compare the scenario shown with its baseline: the same scenario without its changes (kept as a
   * scenario of its own, added once), first, as the reference.
   */
  #compareWithBaseline(): void {
    const active = this.store.active;
    const working = this.working;
    if (!active || !working) return;
    const title = `${working.title} · ${t('baselineCopy')}`;
    const { overrides: _changes, ...rest } = structuredClone(working);
    const existing = this.store.state.entries.find((e) => e.scenario.title === title);
    const id = existing?.id ?? this.store.add({ ...rest, title }, true, false);
    this.store.edit((s) => ({ ...s, compareIds: [id, active.id] }));
    void this.#refreshCompare();
  }

  /** Arrow keys move between the fund tabs, as in any tab list. */
  async #tabKey(e: KeyboardEvent, ids: string[]): Promise<void> {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const at = ids.indexOf(this._fund) < 0 ? 0 : ids.indexOf(this._fund);
    this._fund = ids[(at + step + ids.length) % ids.length]!;
    await this.updateComplete;
    (this.renderRoot.querySelector(`#tab-${CSS.escape(this._fund)}`) as HTMLElement | null)?.focus();
  }

  async #explain(fund: string, year: number, hash?: string): Promise<void> {
    const run = this.sim.result;
    const of = hash ?? (run?.ok ? run.hash : this.lastGood?.hash);
    if (!of) return;
    this._explain = await this.sim.api.explain(of, fund, year);
    await this.updateComplete;
    const panel = this.renderRoot.querySelector('yb-why-panel');
    panel?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    panel?.focus();
  }

  #pick(value: string): void {
    if (value.startsWith('example:')) {
      const x = this._catalog?.examples.find((e) => `example:${e.name}` === value);
      if (x) this.store.add(structuredClone(x.scenario));
    } else {
      this.store.update((s) => ({ ...s, activeId: value }));
    }
    this._explain = undefined;
    this.#runActive();
  }

  /** A new scenario on a shipped baseline, with the rules of the scenario in use; refused ones change nothing. */
  async #fromBaseline(select: HTMLSelectElement): Promise<void> {
    const name = select.value;
    select.value = '';
    const meta = this._catalog?.baselines.find((b) => b.name === name);
    if (!meta) return;
    // The rules of that baseline's example scenario where there is one (its jurisdiction's), else the national ones.
    const example = this._catalog?.examples.find((x) => x.scenario.baseline === name && !(x.scenario.overrides ?? []).length);
    const scenario = example ? { ...structuredClone(example.scenario), title: meta.title } : { version: 1, title: meta.title, baseline: name, rules: ['national/resident-minimum', 'national/fund-warning'] };
    await this.openText(JSON.stringify(scenario, null, 2), `seeds/baselines/${name}.json`);
  }

  /** Delete a scenario; the toast offers to undo it. */
  #delete(id: string): void {
    const title = this.store.state.entries.find((e) => e.id === id)?.scenario.title ?? '';
    this.store.remove(id);
    this.#runActive();
    this.#toastFor(`${t('deleted')}：${title}`, true, 8000);
  }

  #duplicate(): void {
    const a = this.store.active;
    if (!a) return;
    this.store.add(structuredClone(this.working ?? a.scenario));
    this.#runActive();
  }

  #onFile = async (e: Event): Promise<void> => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) await this.openText(await file.text(), file.name);
    input.value = '';
  };

  #onDragOver = (e: DragEvent): void => {
    e.preventDefault();
    this._dragging = true;
  };

  #onDrop = async (e: DragEvent): Promise<void> => {
    e.preventDefault();
    this._dragging = false;
    const file = e.dataTransfer?.files[0];
    if (file) await this.openText(await file.text(), file.name);
  };

  #save = (): void => {
    const a = this.working;
    if (!a) return;
    downloadText(`${fileNameOf(a.title)}.json`, JSON.stringify(a, null, 2) + '\n', 'application/json');
  };

  #share = async (): Promise<void> => {
    const a = this.working;
    if (!a) return;
    const run = await this.sim.api.run(a, 'share');
    const link = location.origin + location.pathname + (await encodeShareFragment(a, run.ok ? run.hash : undefined));
    await navigator.clipboard?.writeText(link).catch(() => undefined);
    this.shareLink = link;
    this.#toastFor(t('shared'));
  };

  #print = async (): Promise<void> => {
    await this.updateComplete;
    await this.renderRoot.querySelector('yb-report')?.chartsDrawn();
    window.print();
  };

  #workbook = async (): Promise<void> => {
    const run = this.lastGood;
    if (!run) return;
    const bytes = await this.workbook();
    downloadBlob(`${fileNameOf(run.title)}.xlsx`, new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  };

  /** The workbook of every table of the scenario shown (for the download, and for tests). */
  async workbook(): Promise<Uint8Array> {
    return workbookBytes(this.lastGood!, this.working, this._catalog);
  }

  /** The last share link made, for tests and for browsers without clipboard access. */
  shareLink = '';

  #toggleLocale = async (): Promise<void> => {
    const next = getLocale() === 'en' ? 'zh' : 'en';
    await setLocale(next);
    this.store.update((s) => ({ ...s, locale: next }));
    document.documentElement.lang = next === 'en' ? 'en' : 'zh-CN';
  };

  #toastTimer?: ReturnType<typeof setTimeout>;

  #toastFor(text: string, offerUndo = false, ms = 2000): void {
    this._toast = text;
    this.#toastUndo = offerUndo;
    clearTimeout(this.#toastTimer);
    this.#toastTimer = setTimeout(() => (this._toast = ''), ms);
  }
}

/** A dropped file is a scenario, or a baseline to start one from (with the rules of the scenario in use). */
function asScenario(data: unknown, current: Scenario | undefined): unknown {
  const d = data as Record<string, unknown>;
  // A baseline is known by its funds (a scenario has none), so one missing its source is told that, as audit does.
  if (d && typeof d === 'object' && 'funds' in d && !('version' in d)) {
    return {
      version: 1,
      title: String(d.title ?? 'baseline'),
      baseline: { embedded: d },
      rules: current?.rules ?? ['national/resident-minimum', 'national/fund-warning'],
      assumptions: current?.assumptions?.regionTier ? { regionTier: current.assumptions.regionTier } : {},
    };
  }
  return data;
}

customElements.define('yb-app', YbApp);

declare global {
  interface HTMLElementTagNameMap {
    'yb-app': YbApp;
  }
}
