/**
 * The order in which a run hands the scenario's overrides to the projection while a lever is dragged.
 * A drag changes one override's value run after run. Placed last, the policy without it (the scenario's
 * other overrides, the same at every step) is the parent the model derives each new value's policy from
 * (policyYears in src/model/driver-table.ts), compiled once for the whole drag instead of at every step.
 *
 * Only where the order cannot change what is in force: of several overrides of one parameter in force
 * in a month the one that started last wins, the later in the file only on a tie, so the dragged one is
 * moved only if no other override of its parameter starts in the same month. Messages and provenance
 * keep naming each override by its place in the file (its path), and the content hash is computed
 * from the scenario as written.
 */
import type { Override } from '../engine/resolve.ts';

type Place = Pick<Override, 'param' | 'from' | 'until'>;

const samePlace = (a: Place, b: Place) => a.param === b.param && a.from === b.from && a.until === b.until;

export class DragOrder {
  #previous: readonly Override[] = [];
  /** The override last seen changing alone, by parameter and months. */
  #dragged: Place | undefined;

  /** The overrides to project, in file order but for the one being dragged, which comes last; remembers them for the next run. */
  order(overrides: Override[]): Override[] {
    const before = this.#previous;
    this.#previous = overrides;
    if (before.length === overrides.length && overrides.every((o, i) => samePlace(o, before[i]!))) {
      const changed = overrides.filter((o, i) => JSON.stringify(o.value) !== JSON.stringify(before[i]!.value));
      if (changed.length === 1) this.#dragged = changed[0]!;
    }
    const dragged = this.#dragged;
    if (!dragged) return overrides;
    const at = overrides.findIndex((o) => samePlace(o, dragged));
    if (at < 0 || at === overrides.length - 1) return overrides;
    const o = overrides[at]!;
    if (overrides.some((x, i) => i !== at && x.param === o.param && x.from === o.from)) return overrides;
    return [...overrides.slice(0, at), ...overrides.slice(at + 1), o];
  }
}
