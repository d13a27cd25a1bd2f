/**
 * The scenarios a user is working on, kept in localStorage so they survive a
 * reload. Each change is written at once; a failed load never touches it.
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

  add(scenario: Scenario): string {
    const id = `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    this.update((s) => ({ ...s, entries: [...s.entries, { id, scenario }], activeId: id }));
    return id;
  }

  replaceActive(scenario: Scenario): void {
    const id = this.#state.activeId;
    if (!id) return;
    this.update((s) => ({ ...s, entries: s.entries.map((e) => (e.id === id ? { id, scenario } : e)) }));
  }

  remove(id: string): void {
    this.update((s) => {
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
