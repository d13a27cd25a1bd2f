/**
 * One projection of every fund to 2052 from each example scenario: the exact
 * (decimal) record, warm, and the kernel (float64, integer fen) on the same
 * scenario, with their ratio in this run; the kernel also with a path's shocks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { compileKernel } from '../src/model/kernel.ts';
import { project } from '../src/model/project.ts';
import { nodeEnvironment } from '../src/scenario/node-env.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { prepareScenario } from '../src/scenario/prepare.ts';
import { report, time } from './timing.ts';

export const SCENARIO_DIR = 'seeds/scenarios';
const HORIZON = 2052;

export async function modelBench(): Promise<void> {
  const env = nodeEnvironment();
  const files = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json')).sort();
  const rows: string[] = [];
  for (const name of files) {
    const file = `${SCENARIO_DIR}/${name}`;
    const scenario = loadScenario(JSON.parse(readFileSync(file, 'utf8')), file);
    scenario.until = HORIZON;
    const prepared = await prepareScenario(scenario, file, env);
    if (name === files[0]) report(await time(`prepare + project to ${HORIZON}, all funds: ${name}`, 30, async () => project((await prepareScenario(scenario, file, env)).input)));
    const exact = await time(`exact record to ${HORIZON} (warm): ${name}`, 50, () => project(prepared.input));
    report(exact);
    const kernel = compileKernel(prepared.input);
    const k = await time(`kernel to ${HORIZON}: ${name}`, 2000, () => kernel.run());
    report({ ...k, name: `${k.name} (${(k.medianMs * 1000).toFixed(1)} µs)` });
    let i = 0;
    // A Monte Carlo path: new cost growth and collection each run (calibration of the reported years redone).
    const shocked = await time(`kernel to ${HORIZON}, a new path each run: ${name}`, 500, () => kernel.run({ costGrowth: 3 + (i++ % 997) / 250, collectionRate: 90 + (i % 11) }));
    report({ ...shocked, name: `${shocked.name} (${(shocked.medianMs * 1000).toFixed(1)} µs)` });
    const compile = await time(`compile the kernel (rules and population cached): ${name}`, 20, () => compileKernel(prepared.input));
    report(compile);
    rows.push(`${name.padEnd(34)} exact ${exact.medianMs.toFixed(2).padStart(7)} ms   kernel ${(k.medianMs * 1000).toFixed(1).padStart(7)} µs   ${(exact.medianMs / k.medianMs).toFixed(0).padStart(5)}x   new path ${(shocked.medianMs * 1000).toFixed(1).padStart(7)} µs`);
  }
  console.log(`exact record and kernel to ${HORIZON}, medians in this run:`);
  for (const r of rows) console.log('  ' + r);
}

/** The population model's own parts, uncached: what a first projection (or a new fertility, mortality or migration assumption) pays. */
export async function populationBench(): Promise<void> {
  const { basePopulation, step, POPULATION_DEFAULTS } = await import('../src/population/cohort.ts');
  const { demography } = await import('../src/population/data.ts');
  const { retirementAgeTable } = await import('../src/calculator/retirement.ts');
  const { composeStack } = await import('../src/engine/index.ts');
  const env = nodeEnvironment();
  const d = demography();
  report(
    await time('population: cohort projection 2020-2060, single ages by sex (uncached)', 30, () => {
      let y = basePopulation(d);
      while (y.year < 2060) y = step(d, y, POPULATION_DEFAULTS).next;
    }),
  );
  report(
    await time('retirement ages by birth month 1915-2060, three groups (uncached)', 5, () => {
      const stack = composeStack(['national/retirement-age'], (id) => env.catalog.get(id), env.catalog.registry);
      for (const [sex, former] of [['male', undefined], ['female', 50], ['female', 55]] as const) retirementAgeTable(stack, sex, former, 1915 * 12, 2060 * 12 + 11);
    }),
  );
}
