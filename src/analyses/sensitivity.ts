/**
 * Sensitivity: which assumption or lever drives an outcome. A tornado swings
 * each one between a stated low and high value, everything else as in the
 * scenario, and ranks them by how far the outcome moves; a grid projects
 * every pair of values of two levers.
 */
import { D, type Dec } from '../common/money.ts';
import type { Prepared } from '../scenario/prepare.ts';
import type { Scenario } from '../scenario/types.ts';
import { leverInfo, pathInForce, withSetting, type LeverInfo, type Setting } from './levers.ts';
import { measure, type Evaluator, type OutcomeSpec } from './outcomes.ts';

export interface Swing {
  setting: Setting;
  label: { zh: string; en: string };
  low: string;
  high: string;
  /** For a parameter, the shift of its path: a percentage of it (relative) or an amount, e.g. "-10" and "10". */
  /** Why this range: the stated rationale, shown beside the bar (an assumption, labelled as such). */
  why: { zh: string; en: string };
}

/**
 * The default swings, each around the value in force in the scenario, with
 * the range stated. These ranges are assumptions for testing, not forecasts.
 */
const DEFAULT_SWINGS: { name: string; delta: string; relative?: boolean; min?: string; max?: string }[] = [
  { name: 'wageGrowth', delta: '2' },
  { name: 'costGrowth', delta: '2' },
  { name: 'utilizationGrowth', delta: '1' },
  { name: 'growth.resident', delta: '1' },
  { name: 'growth.inService', delta: '1' },
  { name: 'retireeCostWeight', delta: '0.5', min: '0' },
  { name: 'collectionRate', delta: '5', min: '0', max: '100' },
  { name: 'resident.individual.standard', delta: '10', relative: true },
  { name: 'resident.subsidy.standard', delta: '10', relative: true },
  { name: 'employee.rate.employer', delta: '0.5' },
];

/** The default swings that apply to the scenario (a lever its rules do not set is left out). */
export function defaultSwings(prepared: Prepared): Swing[] {
  const out: Swing[] = [];
  for (const d of DEFAULT_SWINGS) {
    const info = leverInfo(d.name, prepared);
    if (!info.current) continue;
    const delta = d.relative ? info.current.times(d.delta).dividedBy(100) : new D(d.delta);
    const pct = info.unit === 'percent';
    const by = d.relative ? { zh: `±${d.delta}%`, en: `±${d.delta}%` } : pct ? { zh: `±${d.delta} 个百分点`, en: `±${d.delta} percentage points` } : { zh: `±${d.delta}`, en: `±${d.delta}` };
    const bounded = d.min !== undefined || d.max !== undefined ? { zh: '（限于合理范围）', en: ' (within the possible range)' } : { zh: '', en: '' };
    if (info.setting.kind === 'parameter') {
      // A parameter keeps the path its rules give it (uprating included), shifted every year.
      const from = Number(info.setting.from.slice(0, 4));
      out.push({
        setting: { kind: 'parameter-shift', param: info.setting.param, relative: !!d.relative, inForce: pathInForce(info.setting.param, prepared, from) },
        label: info.label,
        low: `-${d.delta}`,
        high: d.delta,
        why: {
          zh: `假设：${from} 年起每年的现行值上下 ${by.zh}（${from} 年为 ${info.current.toString()}），用于比较影响大小，并非预测`,
          en: `assumption: ${by.en} on the value in force each year from ${from} (${info.current.toString()} in ${from}), to compare effects, not a forecast`,
        },
      });
      continue;
    }
    let low = info.current.minus(delta);
    let high = info.current.plus(delta);
    if (d.min !== undefined) low = D.max(low, d.min);
    if (d.max !== undefined) high = D.min(high, d.max);
    if (low.equals(high)) continue;
    out.push({
      setting: info.setting,
      label: info.label,
      low: roundTo(low, info).toString(),
      high: roundTo(high, info).toString(),
      why: {
        zh: `假设：在方案现值 ${info.current.toString()} 上下 ${by.zh}${bounded.zh}，用于比较影响大小，并非预测`,
        en: `assumption: ${by.en} around the scenario's value ${info.current.toString()}${bounded.en}, to compare effects, not a forecast`,
      },
    });
  }
  return out;
}

function roundTo(v: Dec, info: LeverInfo) {
  return v.dividedBy(info.step).toDecimalPlaces(0).times(info.step);
}

export interface TornadoBar {
  swing: Swing;
  low?: number;
  high?: number;
  /** The distance between the outcomes at low, in force and high: the bar's length. */
  effect: number;
}

export interface Tornado {
  outcome: OutcomeSpec;
  base?: number;
  /** Longest bar first. */
  bars: TornadoBar[];
  evaluations: number;
}

/** Each swing's outcome at its low and high value, ranked by effect. */
export async function tornado(scenario: Scenario, swings: Swing[], outcome: OutcomeSpec, evaluate: Evaluator): Promise<Tornado> {
  const base = measure(await evaluate(scenario), outcome);
  const bars: TornadoBar[] = [];
  for (const swing of swings) {
    const low = measure(await evaluate(withSetting(scenario, swing.setting, swing.low)), outcome);
    const high = measure(await evaluate(withSetting(scenario, swing.setting, swing.high)), outcome);
    const known = [low, base, high].filter((v): v is number => v !== undefined);
    const effect = known.length ? Math.max(...known) - Math.min(...known) : 0;
    bars.push({ swing, low, high, effect });
  }
  bars.sort((a, b) => b.effect - a.effect);
  return { outcome, base, bars, evaluations: 1 + 2 * swings.length };
}

export interface GridAxis {
  setting: Setting;
  label: { zh: string; en: string };
  values: string[];
}

export interface Grid {
  outcome: OutcomeSpec;
  rows: GridAxis;
  columns: GridAxis;
  /** cells[i][j]: the outcome at rows.values[i] and columns.values[j]. */
  cells: (number | undefined)[][];
}

/** The outcome at every pair of values of two levers (a heat map). */
export async function grid(scenario: Scenario, rows: GridAxis, columns: GridAxis, outcome: OutcomeSpec, evaluate: Evaluator): Promise<Grid> {
  const cells: (number | undefined)[][] = [];
  for (const r of rows.values) {
    const withRow = withSetting(scenario, rows.setting, r);
    const row: (number | undefined)[] = [];
    for (const c of columns.values) row.push(measure(await evaluate(withSetting(withRow, columns.setting, c)), outcome));
    cells.push(row);
  }
  return { outcome, rows, columns, cells };
}

/** `n` values evenly from `low` to `high`, rounded to the lever's step. */
export function axisValues(info: LeverInfo, low: string, high: string, n: number): string[] {
  const lo = new D(low);
  const span = new D(high).minus(lo);
  return Array.from({ length: n }, (_, i) => roundTo(n === 1 ? lo : lo.plus(span.times(i).dividedBy(n - 1)), info).toString());
}
