/**
 * Sensitivity and goal seek for the workbench, as plain data: a problem comes
 * back as a list (field, reason), never as an error across the worker
 * boundary. The same library functions as `simulate --sensitivity` and
 * `--solve`, over the embedded rule sets and baselines.
 */
import { appendNote } from '../scenario/notes.ts';
import { InputError, type InputProblem } from '../common/errors.ts';
import { defaultRange, describeTarget, fundForLever, goalSeek, parseTarget, type GoalSeekResult, type Target } from '../analyses/goal-seek.ts';
import { ASSUMPTION_LEVERS, leverInfo, settingName, type LeverInfo } from '../analyses/levers.ts';
import { describeOutcome, exactProjection, fundsOf, kernelEvaluator, parseOutcome, type Evaluator } from '../analyses/outcomes.ts';
import { axisValues, defaultSwings, grid, tornado, type Grid, type Tornado } from '../analyses/sensitivity.ts';
import { D } from '../common/money.ts';
import { FUND_NAMES } from '../report/names.ts';
import { embeddedEnvironment } from '../scenario/embedded-env.ts';
import { loadScenario } from '../scenario/load.ts';
import { prepareScenario, type Prepared } from '../scenario/prepare.ts';
import type { Scenario } from '../scenario/types.ts';
import type { Progress } from '../analyses/progress.ts';
import type { Text } from '../rules/types.ts';

export type Refused = { ok: false; problems: InputProblem[] };

/**
 * A tornado, with each bar's item by its plain name (a parameter without the month), its unit
 * (`units`, by the parameter's or assumption's name) and whether it is an assumption or a policy lever.
 */
export type SensitivityView = { ok: true; outcome: Text; tornado: Tornado; items: Record<string, { label: Text; unit: string; kind: 'parameter' | 'assumption' }> } | Refused;

/** Told after each projection of a long analysis: how many are done of how many (an estimate for a goal seek). */
export type { Progress };

/** A lever an analysis may move, as the workbench's forms list it. */
export interface AnalysisLever {
  name: string;
  kind: 'parameter' | 'assumption';
  label: Text;
  unit: string;
  current: string;
  step: string;
  /** The fund a goal seek's target is for unless another is picked: the lever's own scheme's; none for an assumption or a threshold. */
  fund?: string;
  /** The range a goal seek searches by default (0 to three times the value in force…). */
  solveLow: string;
  solveHigh: string;
  /**
   * The range a heat map spans by default, an assumption stated beside it:
   * ±20% of an amount, ±1 percentage point of a rate, ±2 around an assumption.
   */
  gridLow: string;
  gridHigh: string;
}

export type AnalysisOptions =
  | {
      ok: true;
      baseYear: number;
      until: number;
      firstMonth: string;
      /** The month the levers' values in force (and so their default ranges) are read at. */
      at: string;
      funds: { id: string; name: Text }[];
      levers: AnalysisLever[];
    }
  | Refused;

export interface GridAxisRequest {
  lever: string;
  low: string;
  high: string;
  /** How many values from low to high (2-20). */
  n: number;
}

export interface GridRequest {
  rows: GridAxisRequest;
  columns: GridAxisRequest;
  outcome?: string;
  /** The month a parameter's value changes from (default the first projected month). */
  from?: string;
}

/** A lever of a heat map's axis: its name, kind, plain label and unit. */
export interface GridSide {
  name: string;
  kind: 'parameter' | 'assumption';
  label: Text;
  unit: string;
}

export type GridView = { ok: true; outcome: Text; grid: Grid; rows: GridSide; columns: GridSide } | Refused;

/** The evaluator, telling `progress` after each projection. */
function counting(evaluate: Evaluator, total: number, progress?: Progress): Evaluator {
  if (!progress) return evaluate;
  let done = 0;
  return async (s) => {
    const o = await evaluate(s);
    progress(++done, Math.max(total, done));
    return o;
  };
}

export interface SolveRequest {
  lever: string;
  target: string;
  from?: string;
  range?: string;
  fund?: string;
  largest?: boolean;
}

export type SolveView =
  | {
      ok: true;
      lever: { name: string; kind: 'parameter' | 'assumption'; label: Text; current?: string; unit: string; step: string; low: string; high: string; from?: string };
      target: Text;
      /** The target as data, for a description in the reader's language with the fund by its name. */
      spec: Target;
      result: GoalSeekResult;
    }
  | Refused;

async function refusing<T>(file: string, f: () => Promise<T>): Promise<T | Refused> {
  try {
    return await f();
  } catch (err) {
    if (err instanceof InputError) return { ok: false, problems: err.problems };
    return { ok: false, problems: [{ file, path: '', reason: (err as Error).message }] };
  }
}

async function prepare(data: unknown, file: string) {
  const env = embeddedEnvironment();
  const scenario: Scenario = loadScenario(data, file);
  return { env, scenario, prepared: await prepareScenario(structuredClone(scenario), file, env) };
}

/** The tornado of the default swings for an outcome ("months-payable:resident:2035", as on the command line). */
export function sensitivityView(data: unknown, file: string, outcome?: string, progress?: Progress): Promise<SensitivityView> {
  return refusing(file, async () => {
    const { env, scenario, prepared } = await prepare(data, file);
    const spec = parseOutcome(outcome, prepared, 'outcome');
    const swings = defaultSwings(prepared);
    const evaluate = counting(kernelEvaluator(env, file), 1 + 2 * swings.length, progress);
    const items: Extract<SensitivityView, { ok: true }>['items'] = {};
    for (const s of swings) {
      const name = settingName(s.setting);
      const info = leverInfo(name, prepared);
      items[name] = { label: plainLabel(name, prepared, info), unit: info.unit, kind: s.setting.kind === 'assumption' ? 'assumption' : 'parameter' };
    }
    return { ok: true as const, outcome: describeOutcome(spec), tornado: await tornado(scenario, swings, spec, evaluate), items };
  });
}

/** A goal seek; a found answer carries the scenario to open. */
export function solveView(data: unknown, file: string, req: SolveRequest, progress?: Progress): Promise<SolveView> {
  return refusing(file, async () => {
    const { env, scenario, prepared } = await prepare(data, file);
    const lever = leverInfo(req.lever, prepared, req.from, 'lever');
    const from = lever.setting.kind === 'parameter' ? Number(lever.setting.from.slice(0, 4)) : prepared.input.base.year + 1;
    const target = parseTarget(req.target, fundForLever(lever, prepared, req.fund, 'fund'), from, prepared.input.until, 'target');
    const [low, high] = defaultRange(lever, req.range, 'range');
    // Bisection over the steps of the range for each bound, then the exact confirmation and the step beyond.
    const steps = Math.max(1, new D(high).minus(low).dividedBy(lever.step).floor().toNumber());
    const estimate = 2 * (Math.ceil(Math.log2(steps + 1)) + 1) + 2;
    const exact = exactProjection(env, file);
    let done = 0;
    const tell = () => progress?.(++done, Math.max(estimate, done));
    const evaluate = counting(kernelEvaluator(env, file), estimate, progress && (() => tell()));
    const confirm = async (s: Scenario) => {
      const p = await exact(s);
      tell();
      return p;
    };
    const result = await goalSeek(scenario, { lever, low, high, target, prefer: req.largest ? 'largest' : 'smallest' }, evaluate, confirm);
    if (result.found) result.scenario = { ...result.scenario, notes: appendNote(scenario.notes, goalSeekNote(plainLabel(req.lever, prepared, lever), result.value, target)) };
    const kind = lever.setting.kind === 'assumption' ? ('assumption' as const) : ('parameter' as const);
    return {
      ok: true as const,
      lever: { name: settingName(lever.setting), kind, label: plainLabel(req.lever, prepared, lever), current: lever.current?.toString(), unit: lever.unit, step: lever.step.toString(), low, high, ...(lever.setting.kind === 'parameter' ? { from: lever.setting.from } : {}) },
      target: describeTarget(target),
      spec: target,
      result,
    };
  });
}

/** A suggested span for a heat map around the value in force (an assumption the form states and lets the user change). */
function gridSpan(info: LeverInfo, current: InstanceType<typeof D>): [string, string] {
  const round = (v: InstanceType<typeof D>) => v.dividedBy(info.step).toDecimalPlaces(0).times(info.step);
  if (info.setting.kind === 'assumption') return [round(current.minus(2)).toString(), round(current.plus(2)).toString()];
  if (info.unit === 'percent') return [round(D.max(0, current.minus(1))).toString(), round(D.min(100, current.plus(1))).toString()];
  return [round(current.times('0.8')).toString(), round(current.times('1.2')).toString()];
}

/** The note an answer's scenario carries: what was sought, the fund by its name (not its id), in both languages. */
function goalSeekNote(label: Text, value: string, t: Target): Text {
  const d = describeTarget(t);
  return { zh: `目标求解：${label.zh} = ${value}；${d.zh}`, en: `Goal seek: ${label.en} = ${value}; ${d.en}` };
}

/** A parameter by the registry's name for it, without the month a lever's label adds; an assumption as the library names it. */
function plainLabel(name: string, prepared: Prepared, info: LeverInfo): Text {
  const registry = prepared.input.stack.registry;
  return registry.has(name) ? registry.get(name).label : info.label;
}

/**
 * What the analysis forms offer for a scenario: its funds, its years, and
 * each lever with a value in force (every parameter its rules set in the
 * month `at`, by default the first projected month; each assumption with a
 * value), with default ranges around that value.
 */
export function analysisOptions(data: unknown, file: string, at?: string): Promise<AnalysisOptions> {
  return refusing(file, async () => {
    const { prepared } = await prepare(data, file);
    const registry = prepared.input.stack.registry;
    const base = prepared.input.base.year;
    const month = at && /^[0-9]{4}-(0[1-9]|1[0-2])$/.test(at) && Number(at.slice(0, 4)) > base && Number(at.slice(0, 4)) <= prepared.input.until ? at : `${base + 1}-01`;
    const levers: AnalysisLever[] = [];
    for (const name of [...registry.names(), ...ASSUMPTION_LEVERS]) {
      if (registry.has(name) && registry.get(name).unit === 'method') continue;
      let info: LeverInfo;
      try {
        info = leverInfo(name, prepared, month);
      } catch {
        continue; // not a number a lever can set
      }
      if (!info.current) continue;
      const [solveLow, solveHigh] = defaultRange(info);
      const [gridLow, gridHigh] = gridSpan(info, info.current);
      let fund: string | undefined;
      try {
        fund = fundForLever(info, prepared);
      } catch {
        fund = undefined; // an assumption, or a lever of no one fund: the target names its fund
      }
      levers.push({ name, kind: info.setting.kind === 'assumption' ? 'assumption' : 'parameter', label: plainLabel(name, prepared, info), unit: info.unit, current: info.current.toString(), step: info.step.toString(), ...(fund ? { fund } : {}), solveLow, solveHigh, gridLow, gridHigh });
    }
    return {
      ok: true as const,
      baseYear: base,
      until: prepared.input.until,
      firstMonth: `${base + 1}-01`,
      at: month,
      funds: fundsOf(prepared).map((id) => ({ id, name: FUND_NAMES[id] })),
      levers,
    };
  });
}

/** The outcome at every pair of values of two levers (a heat map), over the library's grid. */
export function gridView(data: unknown, file: string, req: GridRequest, progress?: Progress): Promise<GridView> {
  return refusing(file, async () => {
    const { env, scenario, prepared } = await prepare(data, file);
    const spec = parseOutcome(req.outcome, prepared, 'outcome');
    const axis = (a: GridAxisRequest, field: 'rows' | 'columns') => {
      const info = leverInfo(a.lever, prepared, req.from, `${field}.lever`);
      if (!Number.isInteger(a.n) || a.n < 2 || a.n > 20) throw InputError.one(`${field}.n`, '', `the number of values must be a whole number from 2 to 20, not ${a.n}`);
      for (const [k, v] of [['low', a.low], ['high', a.high]] as const) {
        if (!/^-?[0-9]+(\.[0-9]+)?$/.test(String(v).trim())) throw InputError.one(`${field}.${k}`, '', `"${v}" is not a number`);
      }
      if (new D(a.low).greaterThan(a.high)) throw InputError.one(`${field}.low`, '', `the low end ${a.low} is above the high end ${a.high}`);
      return { setting: info.setting, label: plainLabel(a.lever, prepared, info), values: axisValues(info, a.low, a.high, a.n), unit: info.unit, kind: info.setting.kind === 'assumption' ? ('assumption' as const) : ('parameter' as const) };
    };
    const rows = axis(req.rows, 'rows');
    const columns = axis(req.columns, 'columns');
    if (settingName(rows.setting) === settingName(columns.setting)) throw InputError.one('columns.lever', '', 'pick two different levers');
    const evaluate = counting(kernelEvaluator(env, file), rows.values.length * columns.values.length, progress);
    const result = await grid(scenario, rows, columns, spec, evaluate);
    const side = (x: typeof rows) => ({ name: settingName(x.setting), kind: x.kind, label: x.label, unit: x.unit });
    return { ok: true as const, outcome: describeOutcome(spec), grid: result, rows: side(rows), columns: side(columns) };
  });
}
