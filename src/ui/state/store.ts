/**
 * The scenarios a user is working on, kept in localStorage so they survive a
 * reload. Each change is written at once; a failed load never touches it.
 * Every edit of the user's work (a lever, a title, a new or deleted scenario,
 * the comparison) can be undone and redone.
 */
import type { Scenario } from '../../scenario/types.ts';

export interface Entry {
  id: string;
  scenario: Scenario;
}

export interface WorkbenchState {
  entries: Entry[];
  activeId: string | null;
  compareIds: string[];
  locale: 'zh' | 'en';
}

export const STORAGE_KEY = 'yibao-workbench/v1';

/** What undo restores: the user's work, not the interface language. */
type Work = Pick<WorkbenchState, 'entries' | 'activeId' | 'compareIds'>;

const HISTORY_LIMIT = 100;

export class Store extends EventTarget {
  #state: WorkbenchState;

  constructor(readonly storage: Storage | undefined = globalThis.localStorage) {
    super();
    this.#state = this.#read() ?? { entries: [], activeId: null, compareIds: [], locale: 'zh' };
  }

  get state(): WorkbenchState {
    return this.#state;
  }

  get active(): Entry | undefined {
    return this.#state.entries.find((e) => e.id === this.#state.activeId);
  }

  /** Whether the last change could be written to storage (a full or blocked storage keeps it for this visit only). */
  saved = true;

  #undo: { work: Work; key?: string }[] = [];
  #redo: Work[] = [];

  get canUndo(): boolean {
    return this.#undo.length > 0;
  }

  get canRedo(): boolean {
    return this.#redo.length > 0;
  }

  /**
   * Change the user's work so that it can be undone. Edits with the same key in a row (one lever
   * typed digit by digit) are one step.
   */
  edit(change: (s: WorkbenchState) => WorkbenchState, key?: string): void {
    const last = this.#undo.at(-1);
    if (!(key !== undefined && last?.key === key && this.#redo.length === 0)) {
      this.#undo.push({ work: work(this.#state), key });
      if (this.#undo.length > HISTORY_LIMIT) this.#undo.shift();
    }
    this.#redo = [];
    this.update(change);
  }

  undo(): boolean {
    const step = this.#undo.pop();
    if (!step) return false;
    this.#redo.push(work(this.#state));
    this.update((s) => ({ ...s, ...step.work }));
    return true;
  }

  redo(): boolean {
    const next = this.#redo.pop();
    if (!next) return false;
    this.#undo.push({ work: work(this.#state) });
    this.update((s) => ({ ...s, ...next }));
    return true;
  }

  /** Change state that is not an edit (the language, which scenario is shown). */
  update(change: (s: WorkbenchState) => WorkbenchState): void {
    this.#state = change(this.#state);
    try {
      this.storage?.setItem(STORAGE_KEY, JSON.stringify(this.#state));
      this.saved = true;
    } catch {
      this.saved = false;
    }
    this.dispatchEvent(new Event('change'));
  }

  /** Add a scenario and show it (unless `show` is false); `undoable` false for the one a first visit starts with. */
  add(scenario: Scenario, undoable = true, show = true): string {
    const id = `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    // Two scenarios never share a title: a second copy of an example is "… (2)".
    const titles = new Set(this.#state.entries.map((e) => e.scenario.title));
    let title = scenario.title;
    for (let n = 2; titles.has(title); n++) title = `${scenario.title} (${n})`;
    const entry = { id, scenario: title === scenario.title ? scenario : { ...scenario, title } };
    const change = (s: WorkbenchState) => ({ ...s, entries: [...s.entries, entry], activeId: show ? id : s.activeId });
    if (undoable) this.edit(change);
    else this.update(change);
    return id;
  }

  replaceActive(scenario: Scenario, key?: string): void {
    const id = this.#state.activeId;
    if (!id) return;
    this.edit((s) => ({ ...s, entries: s.entries.map((e) => (e.id === id ? { id, scenario } : e)) }), key === undefined ? undefined : `${id} ${key}`);
  }

  remove(id: string): void {
    this.edit((s) => {
      const entries = s.entries.filter((e) => e.id !== id);
      return { ...s, entries, activeId: s.activeId === id ? (entries[0]?.id ?? null) : s.activeId, compareIds: s.compareIds.filter((c) => c !== id) };
    });
  }

  /** What was stored, if it has the expected shape; anything else is ignored rather than trusted. */
  #read(): WorkbenchState | undefined {
    try {
      const text = this.storage?.getItem(STORAGE_KEY);
      if (!text) return undefined;
      const s = JSON.parse(text) as Partial<WorkbenchState>;
      const entries = Array.isArray(s.entries)
        ? s.entries.filter((e): e is Entry => !!e && typeof e.id === 'string' && !!e.scenario && typeof e.scenario === 'object' && typeof e.scenario.title === 'string')
        : [];
      return {
        entries,
        activeId: entries.some((e) => e.id === s.activeId) ? (s.activeId ?? null) : (entries[0]?.id ?? null),
        compareIds: Array.isArray(s.compareIds) ? s.compareIds.filter((id) => entries.some((e) => e.id === id)) : [],
        locale: s.locale === 'en' ? 'en' : 'zh',
      };
    } catch {
      return undefined;
    }
  }
}

/** A snapshot of the work; entries are replaced, never mutated, so sharing them is safe. */
function work(s: WorkbenchState): Work {
  return { entries: s.entries, activeId: s.activeId, compareIds: s.compareIds };
}
