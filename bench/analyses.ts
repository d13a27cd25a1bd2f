/**
 * Sensitivity and goal seek over the exact projection (the evaluator a faster
 * kernel will replace): one goal seek, and a 20 × 20 grid of two levers.
 */
import { readFileSync } from 'node:fs';
import { goalSeek, parseTarget } from '../src/analyses/goal-seek.ts';
import { leverInfo } from '../src/analyses/levers.ts';
import { exactEvaluator, exactProjection } from '../src/analyses/outcomes.ts';
import { axisValues, grid } from '../src/analyses/sensitivity.ts';
import { nodeEnvironment } from '../src/scenario/node-env.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { prepareScenario } from '../src/scenario/prepare.ts';
import { report, time } from './timing.ts';

export async function analysesBench(): Promise<void> {
  const file = 'seeds/scenarios/banner-2022.json';
  const env = nodeEnvironment();
  const scenario = loadScenario(JSON.parse(readFileSync(file, 'utf8')), file);
  const prepared = await prepareScenario(scenario, file, env);
  const evaluate = exactEvaluator(env, file);
  const exact = exactProjection(env, file);
  const lever = leverInfo('resident.individual.standard', prepared, '2026-01');
  const target = parseTarget('monthsPayable >= 12 until 2035', 'resident', 2026, prepared.input.until);
  let evaluations = 0;
  const seek = await time('goal seek: individual standard for months payable >= 12 to 2035', 3, async () => {
    const r = await goalSeek(scenario, { lever, low: '0', high: '1260', target }, evaluate, exact);
    evaluations = r.evaluations;
  });
  report({ ...seek, name: `${seek.name} (${evaluations} projections + 2 to confirm)` });
  const ind = leverInfo('resident.individual.standard', prepared);
  const sub = leverInfo('resident.subsidy.standard', prepared);
  const rows = { setting: ind.setting, label: ind.label, values: axisValues(ind, '300', '680', 20) };
  const columns = { setting: sub.setting, label: sub.label, values: axisValues(sub, '500', '880', 20) };
  // One run (400 projections): no warm-up beyond the goal seek's.
  const start = performance.now();
  await grid(scenario, rows, columns, { kind: 'months-payable', fund: 'resident', year: 2035 }, evaluate);
  const ms = performance.now() - start;
  report({ name: '20 × 20 grid: months payable 2035, individual × subsidy standard', runs: 1, medianMs: ms, p95Ms: ms });
}
