/**
 * From a scenario to a projection's inputs: find the baseline, load the
 * scenario's own rule sets beside the shipped ones, compose the stack, apply
 * defaults to the assumptions, and hash it all.
 */
import { applyStructureShare } from '../population/retiree-share.ts';
import { InputError, localizedProblem, pointer, type InputProblem } from '../common/errors.ts';
import { message } from '../common/messages.ts';
import { composeStack, type PolicyStack } from '../engine/stack.ts';
import { canonicalJson } from '../common/canonical-json.ts';
import type { Override } from '../engine/resolve.ts';
import { resolveAssumptions } from '../model/assumptions.ts';
import type { BaseYear } from '../model/base-year.ts';
import { MAX_HORIZON, type ProjectionInput } from '../model/project.ts';
import { Catalog } from '../rules/catalog.ts';
import { loadRuleSet } from '../rules/load.ts';
import type { ValueExpr } from '../rules/types.ts';
import { valueProblems } from '../rules/values.ts';
import { isDecimalLiteral, D } from '../common/money.ts';
import { contentHash, MODEL_VERSION } from './hash.ts';
import { RETIREMENT_AGE } from '../calculator/retirement.ts';
import { DEFAULT_UNTIL, type Scenario } from './types.ts';
import { resolveUncertainty } from './uncertainty.ts';

export interface Environment {
  /** The shipped rule sets. */
  catalog: Catalog;
  /** The JSON of a baseline under seeds/baselines/ by name, or undefined. */
  baseline: (name: string) => unknown;
  /** A loaded baseline's year as the model's base year. */
  toBaseYear: (baseline: unknown, file: string, year?: number) => BaseYear;
}

export interface Prepared {
  input: ProjectionInput;
  hash: string;
  /** The baseline's JSON, for embedding when the scenario is shared. */
  baselineJson: unknown;
}

export async function prepareScenario(s: Scenario, file: string, env: Environment): Promise<Prepared> {
  const problems: InputProblem[] = [];
  let baselineJson: unknown;
  let baselineFile: string;
  if (typeof s.baseline === 'string') {
    baselineFile = `seeds/baselines/${s.baseline}.json`;
    baselineJson = env.baseline(s.baseline);
    if (baselineJson === undefined) throw InputError.one(file, '/baseline', `no baseline "${s.baseline}" under seeds/baselines/`);
  } else {
    baselineFile = `${file} (embedded baseline)`;
    baselineJson = s.baseline.embedded;
  }
  const base = baseYearOf(env, baselineJson, baselineFile, s, file);

  // The scenario's own rule sets join the shipped ones for this projection only.
  const catalog = env.catalog.copy();
  (s.ruleSets ?? []).forEach((spec, i) => {
    try {
      catalog.addOwn(loadRuleSet(spec, file, env.catalog.registry, undefined, `/ruleSets/${i}`));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems);
    }
  });
  if (problems.length) throw new InputError(problems);
  s.rules.forEach((id, i) => {
    if (!catalog.get(id)) problems.push({ file, path: pointer('rules', i), reason: `no rule set "${id}" in rules/ or in this scenario's ruleSets` });
  });
  const overrides = overridesOf(s, file, env.catalog.registry, problems);
  const until = s.until ?? DEFAULT_UNTIL;
  if (until <= base.year) problems.push({ file, path: '/until', reason: `the horizon ${until} must be after the base year ${base.year}` });
  if (until > MAX_HORIZON) problems.push({ file, path: '/until', reason: `the horizon goes up to ${MAX_HORIZON}` });
  if (problems.length) throw new InputError(problems);

  const stack = reused(env, ['policy', s.rules, s.ruleSets ?? [], file], () => composeStack(s.rules, (id) => catalog.get(id), catalog.registry));
  const assumptions = resolveAssumptions(s.assumptions ?? {}, base, file);
  // Checked with every scenario, so a file with a distribution that cannot be drawn is refused before any run.
  resolveUncertainty(s.assumptions?.uncertainty, assumptions, file);
  const retirementRule = assumptions.population.retirementRule;
  // Kept per baseline too: the population model kept with it is keyed by counts and settings, not by the baseline's age structure.
  const retirement =
    assumptions.population.model === 'none'
      ? undefined
      : reused(env, ['retirement', retirementRule, s.ruleSets ?? [], file], () => retirementStack(catalog, retirementRule, file), baselineJson);
  if (retirement) applyStructureShare(assumptions, base, s.assumptions ?? {}, retirement);
  const input: ProjectionInput = { base, stack, assumptions, overrides, until, retirement };
  const hash = await contentHash({
    model: MODEL_VERSION,
    baseline: baselineJson,
    baseYear: base.year,
    ruleSets: stack.ruleSets.map((r) => r.spec),
    retirement: retirement?.ruleSets.map((r) => r.spec) ?? null,
    registry: stack.registry.names().map((n) => [n, stack.registry.get(n)]),
    // What an override does, not how it is written: notes and "400.0" against "400" do not count.
    overrides: (s.overrides ?? []).map(({ param, value, from, until }) => ({ param, value: normalize(value), from, until })),
    assumptions,
    until,
  }, {
    // the same objects from run to run (a named baseline is loaded once, stacks are kept): their text is written once
    baseline: typeof s.baseline === 'string' && typeof baselineJson === 'object' && baselineJson !== null ? baselineJson : undefined,
    ruleSets: stack,
    registry: stack,
    retirement,
  });
  return { input, hash, baselineJson };
}

/** A scenario's overrides with where each is written; their problems (unknown parameter, bad value, order) added to `problems`. */
export function overridesOf(s: Scenario, file: string, registry: Catalog['registry'], problems: InputProblem[]): Override[] {
  const overrides: Override[] = (s.overrides ?? []).map((o, i) => ({ ...o, file, path: pointer('overrides', i) }));
  overrides.forEach((o) => {
    if (!registry.has(o.param)) {
      const hint = registry.closest(o.param);
      problems.push({ file, path: o.path + '/param', reason: `unknown parameter "${o.param}"${hint ? ` (did you mean "${hint}"?)` : ''}` });
      return;
    }
    const not = registry.get(o.param).notInScenario;
    if (not) {
      problems.push(localizedProblem(file, o.path + '/param', message('override.notInScenario', { param: o.param, zh: not.zh, en: not.en })));
      return;
    }
    problems.push(...valueProblems(o.value, o.param, registry, file, o.path + '/value'));
    if (o.from && o.until && o.from > o.until) problems.push({ file, path: o.path + '/until', reason: `the change ends (${o.until}) before it starts (${o.from})` });
  });
  return overrides;
}

/**
 * Stacks composed before, by what they were composed from (the rule set ids, the scenario's own rule sets
 * and its file name, over the same shipped catalog). A scenario whose rules did not change gets the same
 * stack object, so what is compiled from a stack and kept with it (the policy timeline, the population
 * model: src/model/driver-table.ts) is reused when only a lever or an assumption changed.
 */
const stacks = new WeakMap<Catalog, WeakMap<object, Map<string, PolicyStack>>>();
const STACKS_KEPT = 16;

/** The stack composed from `of` over this environment's catalog (and, given one, for this baseline object), composed once. */
function reused(env: Environment, of: unknown[], compose: () => PolicyStack, baseline?: unknown): PolicyStack {
  const scope = baseline === undefined ? env.catalog : baseline;
  if (typeof scope !== 'object' || scope === null) return compose();
  let byScope = stacks.get(env.catalog);
  if (!byScope) stacks.set(env.catalog, (byScope = new WeakMap()));
  let kept = byScope.get(scope);
  if (!kept) byScope.set(scope, (kept = new Map()));
  const key = canonicalJson(of);
  let stack = kept.get(key);
  if (!stack) {
    stack = compose();
    if (kept.size >= STACKS_KEPT) kept.delete(kept.keys().next().value!);
    kept.set(key, stack);
  }
  return stack;
}

/** The retirement-age rules the population model uses: a rule set that sets the statutory age. */
function retirementStack(catalog: Catalog, id: string, file: string) {
  const path = '/assumptions/population/retirementRule';
  const set = catalog.get(id);
  if (!set) throw InputError.one(file, path, `no rule set "${id}" in rules/ or in this scenario's ruleSets`);
  if (!set.spec.rules.some((r) => RETIREMENT_AGE in r.event.params)) throw InputError.one(file, path, `rule set "${id}" does not set ${RETIREMENT_AGE}`);
  return composeStack([id], (x) => catalog.get(x), catalog.registry);
}

/** The base year, refusing a year the baseline does not have at the scenario's own /baseYear. */
function baseYearOf(env: Environment, json: unknown, baselineFile: string, s: Scenario, file: string) {
  try {
    return env.toBaseYear(json, baselineFile, s.baseYear);
  } catch (err) {
    // An embedded baseline's problems belong to the scenario file, under /baseline/embedded.
    if (err instanceof InputError && typeof s.baseline !== 'string') {
      throw new InputError(err.problems.map((p) => (p.file === baselineFile ? { ...p, file, path: '/baseline/embedded' + p.path } : p)));
    }
    if (err instanceof InputError && s.baseYear !== undefined && err.problems.every((p) => p.file === baselineFile && p.path === '/funds')) {
      throw InputError.one(file, '/baseYear', `the baseline has no full year ${s.baseYear} to start from (${err.problems[0]!.reason})`);
    }
    throw err;
  }
}

function normalize(v: ValueExpr): ValueExpr {
  if (typeof v === 'string') return isDecimalLiteral(v) ? new D(v).toString() : v;
  if ('param' in v || 'series' in v) return v;
  if ('percentOf' in v) return { percentOf: normalize(v.percentOf), percent: normalize(v.percent) };
  return 'max' in v ? { max: v.max.map(normalize) } : { min: v.min.map(normalize) };
}
