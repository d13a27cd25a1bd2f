/**
 * Sensitivity and goal seek for the workbench, as plain data: a problem comes
 * back as a list (field, reason), never as an error across the worker
 * boundary. The same library functions as `simulate --sensitivity` and
 * `--solve`, over the embedded rule sets and baselines.
 */
import { InputError, type InputProblem } from '../common/errors.ts';
import { defaultRange, describeTarget, fundForLever, goalSeek, parseTarget, type GoalSeekResult } from '../analyses/goal-seek.ts';
import { leverInfo, settingName } from '../analyses/levers.ts';
import { describeOutcome, exactProjection, kernelEvaluator, parseOutcome } from '../analyses/outcomes.ts';
import { defaultSwings, tornado, type Tornado } from '../analyses/sensitivity.ts';
import { embeddedEnvironment } from '../scenario/embedded-env.ts';
import { loadScenario } from '../scenario/load.ts';
import { prepareScenario } from '../scenario/prepare.ts';
import type { Scenario } from '../scenario/types.ts';

type Text = { zh: string; en: string };
export type Refused = { ok: false; problems: InputProblem[] };

export type SensitivityView = { ok: true; outcome: Text; tornado: Tornado } | Refused;

export interface SolveRequest {
  lever: string;
  target: string;
  from?: string;
  range?: string;
  fund?: string;
  largest?: boolean;
}

export type SolveView =
  | { ok: true; lever: { name: string; label: Text; current?: string; unit: string; step: string; low: string; high: string }; target: Text; result: GoalSeekResult }
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
export function sensitivityView(data: unknown, file: string, outcome?: string): Promise<SensitivityView> {
  return refusing(file, async () => {
    const { env, scenario, prepared } = await prepare(data, file);
    const spec = parseOutcome(outcome, prepared, 'outcome');
    return { ok: true as const, outcome: describeOutcome(spec), tornado: await tornado(scenario, defaultSwings(prepared), spec, kernelEvaluator(env, file)) };
  });
}

/** A goal seek; a found answer carries the scenario to open. */
export function solveView(data: unknown, file: string, req: SolveRequest): Promise<SolveView> {
  return refusing(file, async () => {
    const { env, scenario, prepared } = await prepare(data, file);
    const lever = leverInfo(req.lever, prepared, req.from, 'lever');
    const from = lever.setting.kind === 'parameter' ? Number(lever.setting.from.slice(0, 4)) : prepared.input.base.year + 1;
    const target = parseTarget(req.target, fundForLever(lever, prepared, req.fund, 'fund'), from, prepared.input.until, 'target');
    const [low, high] = defaultRange(lever, req.range, 'range');
    const result = await goalSeek(scenario, { lever, low, high, target, prefer: req.largest ? 'largest' : 'smallest' }, kernelEvaluator(env, file), exactProjection(env, file));
    return {
      ok: true as const,
      lever: { name: settingName(lever.setting), label: lever.label, current: lever.current?.toString(), unit: lever.unit, step: lever.step.toString(), low, high },
      target: describeTarget(target),
      result,
    };
  });
}
