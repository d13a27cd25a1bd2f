/**
 * Scenario edits as the workbench makes them: one override per parameter and
 * start month, changed in place, so a policy typed quickly or slowly is the
 * same scenario with the same content hash; and the way back from a stored
 * scenario that has problems to one whose levers can be used.
 */
import type { InputProblem } from '../../common/errors.ts';
import type { OverrideSpec, Scenario } from '../../scenario/types.ts';
import type { ValueExpr } from '../../rules/types.ts';

/** Set a parameter from a month: the override for that parameter and month is changed, or one is added. */
export function upsertOverride(s: Scenario, param: string, from: string, value: ValueExpr): Scenario {
  const overrides = [...(s.overrides ?? [])];
  const at = overrides.findIndex((o) => o.param === param && o.from === from);
  if (at >= 0) overrides[at] = { ...overrides[at]!, value };
  else overrides.push({ param, from, value });
  return { ...s, overrides };
}

/** Remove a parameter's override from one month, or every override of it when no month is given. */
export function removeOverride(s: Scenario, param: string, from?: string): Scenario {
  const overrides = (s.overrides ?? []).filter((o) => o.param !== param || (from !== undefined && o.from !== from));
  const { overrides: _all, ...rest } = s;
  return overrides.length ? { ...rest, overrides } : rest;
}

/** A parameter's changes in the order they take effect. */
export function timeline(s: Scenario, param: string): OverrideSpec[] {
  return (s.overrides ?? []).filter((o) => o.param === param).sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
}

/** The override a problem's JSON path points into (`/overrides/3/value` → the fourth), if any. */
export function overrideOf(s: Scenario | undefined, problem: InputProblem): OverrideSpec | undefined {
  const m = /^\/overrides\/(\d+)(\/|$)/.exec(problem.path);
  return m ? s?.overrides?.[Number(m[1])] : undefined;
}

/**
 * The scenario without the overrides, assumptions and horizon its problems point at, so it can be
 * projected and edited while those problems are listed; undefined when a problem lies elsewhere
 * (the baseline, the rules), which no lever can mend.
 */
export function withoutProblems(s: Scenario, problems: InputProblem[]): Scenario | undefined {
  const dropOverrides = new Set<number>();
  let assumptions = s.assumptions ? structuredClone(s.assumptions) : undefined;
  let until = s.until;
  for (const p of problems) {
    const o = /^\/overrides\/(\d+)(\/|$)/.exec(p.path);
    const a = /^\/assumptions\/([^/]+)(?:\/([^/]+))?/.exec(p.path);
    if (o) dropOverrides.add(Number(o[1]));
    else if (a && assumptions) {
      const record = assumptions as Record<string, unknown>;
      const inner = record[a[1]!];
      if (a[2] && inner && typeof inner === 'object' && !Array.isArray(inner)) delete (inner as Record<string, unknown>)[a[2]];
      else delete record[a[1]!];
    } else if (p.path === '/until') until = undefined;
    else return undefined;
  }
  const out: Scenario = { ...s, overrides: (s.overrides ?? []).filter((_, i) => !dropOverrides.has(i)) };
  if (!out.overrides!.length) delete out.overrides;
  if (assumptions) out.assumptions = assumptions;
  if (until === undefined) delete out.until;
  else out.until = until;
  return out;
}

