/**
 * Sensitivity and goal seek: on the kernel evaluator (a scenario compiled once
 * per overrides, assumptions as shocks) and, for comparison in the same run,
 * on the exact evaluator (every scenario prepared and projected in full).
 */
import { readFileSync } from 'node:fs';
import { goalSeek, parseTarget } from '../src/analyses/goal-seek.ts';
import { leverInfo } from '../src/analyses/levers.ts';
import { exactEvaluator, exactProjection, kernelEvaluator, type Evaluator } from '../src/analyses/outcomes.ts';
import { axisValues, defaultSwings, grid, tornado } from '../src/analyses/sensitivity.ts';
import { nodeEnvironment } from '../src/scenario/node-env.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { prepareScenario } from '../src/scenario/prepare.ts';
import { report, time, type Timing } from './timing.ts';

export async function analysesBench(): Promise<void> {
  const file = 'seeds/scenarios/banner-2022.json';
  const env = nodeEnvironment();
  const scenario = loadScenario(JSON.parse(readFileSync(file, 'utf8')), file);
  const prepared = await prepareScenario(scenario, file, env);
  const exact = exactProjection(env, file);
  const lever = leverInfo('resident.individual.standard', prepared, '2026-01');
  const target = parseTarget('monthsPayable >= 12 until 2035', 'resident', 2026, prepared.input.until);
  const ind = leverInfo('resident.individual.standard', prepared);
  const sub = leverInfo('resident.subsidy.standard', prepared);
  const rows = { setting: ind.setting, label: ind.label, values: axisValues(ind, '300', '680', 20) };
  const columns = { setting: sub.setting, label: sub.label, values: axisValues(sub, '500', '880', 20) };
  const swings = defaultSwings(prepared);
  const outcome = { kind: 'months-payable', fund: 'resident', year: 2035 } as const;
  // One run; its CPU time too (this process's, every thread), which a machine busy with other work leaves as it is.
  const once = async (name: string, fn: () => Promise<unknown>): Promise<Timing> => {
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    await fn();
    const ms = performance.now() - start;
    const cpu = process.cpuUsage(cpu0);
    return { name: `${name} (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms)`, runs: 1, medianMs: ms, p95Ms: ms };
  };
  const results: Record<string, Record<string, number>> = {};
  for (const [which, make] of [
    ['kernel', () => kernelEvaluator(env, file)],
    ['exact', () => exactEvaluator(env, file)],
  ] as const) {
    let evaluations = 0;
    // Each run with a new evaluator: what one goal seek from the workbench or the CLI costs.
    const seek = await time(`goal seek (${which}): individual standard for months payable >= 12 to 2035`, 3, async () => {
      const r = await goalSeek(scenario, { lever, low: '0', high: '1260', target }, make(), exact);
      evaluations = r.evaluations;
    });
    report({ ...seek, name: `${seek.name} (${evaluations} + 2 exact)` });
    const evaluate: Evaluator = make();
    const t = await once(`tornado (${which}): ${swings.length} swings, months payable 2035`, () => tornado(scenario, swings, outcome, evaluate));
    report(t);
    // One run (400 projections), a new evaluator: nothing compiled beforehand.
    const g = await once(`20 × 20 grid (${which}): months payable 2035, individual × subsidy standard`, () => grid(scenario, rows, columns, outcome, make()));
    report(g);
    results[which] = { seek: seek.medianMs, tornado: t.medianMs, grid: g.medianMs };
  }
  const k = results.kernel!;
  const e = results.exact!;
  console.log('sensitivity and goal seek, exact evaluator ÷ kernel evaluator in this run:');
  for (const what of ['seek', 'tornado', 'grid'] as const) console.log(`  ${what.padEnd(8)} exact ${e[what]!.toFixed(0).padStart(7)} ms   kernel ${k[what]!.toFixed(0).padStart(7)} ms   ${(e[what]! / k[what]!).toFixed(1)}x`);
}
