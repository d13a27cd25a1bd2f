/** A scenario file (seeds/scenario.schema.json): everything a projection needs, in one file. */
import type { AssumptionsInput } from '../model/assumptions.ts';
import type { ValueExpr } from '../rules/types.ts';
import type { Notes } from './notes.ts';

export const SCENARIO_VERSION = 1;
export const DEFAULT_UNTIL = 2035;

export interface OverrideSpec {
  param: string;
  value: ValueExpr;
  from?: string;
  until?: string;
  note?: string;
}

export interface Scenario {
  $schema?: string;
  version: number;
  title: string;
  notes?: Notes;
  /** A baseline under seeds/baselines/ by name, or embedded. */
  baseline: string | { embedded: unknown };
  baseYear?: number;
  rules: string[];
  ruleSets?: unknown[];
  overrides?: OverrideSpec[];
  assumptions?: AssumptionsInput;
  until?: number;
}
