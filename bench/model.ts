/** One 30-year projection of every fund, with its parameter resolution, from each example scenario. */
import { readdirSync, readFileSync } from 'node:fs';
import { project } from '../src/model/project.ts';
import { nodeEnvironment } from '../src/scenario/node-env.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { prepareScenario } from '../src/scenario/prepare.ts';
import { report, time } from './timing.ts';

export const SCENARIO_DIR = 'seeds/scenarios';

export async function modelBench(): Promise<void> {
  const env = nodeEnvironment();
  const files = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json')).sort();
  for (const name of files) {
    const file = `${SCENARIO_DIR}/${name}`;
    const scenario = loadScenario(JSON.parse(readFileSync(file, 'utf8')), file);
    const prepared0 = await prepareScenario(scenario, file, env);
    scenario.until = Math.min(2060, prepared0.input.base.year + 30);
    const prepared = await prepareScenario(scenario, file, env);
    const years = prepared.input.until - prepared.input.base.year;
    if (name === files[0]) report(await time(`prepare + project ${years} years, all funds: ${name}`, 30, async () => project((await prepareScenario(scenario, file, env)).input)));
    report(await time(`project only (${years} years, all funds): ${name}`, 30, () => project(prepared.input)));
  }
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
