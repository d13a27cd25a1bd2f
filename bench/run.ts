/**
 * npm run bench: timings of the engine, the model and the workbench. Numbers
 * vary by machine; they are measured here, never asserted in tests.
 */
import { parseMonth } from '../src/common/period.ts';
import { composeStack, resolveWithEngine, type Facts } from '../src/engine/index.ts';
import { catalogFromFiles } from '../src/rules/catalog.ts';
import { loadCatalog, readRuleFiles } from '../src/rules/catalog-node.ts';
import { defaultRegistry } from '../src/rules/registry.ts';
import { report, time } from './timing.ts';
import { largeRuleSet } from './large-rule-set.ts';
import { parseJson } from '../src/common/schema.ts';
import { loadRuleSet } from '../src/rules/load.ts';
import { modelBench, populationBench } from './model.ts';
import { workbenchBench } from './workbench.ts';
import { timelineBench } from './timeline.ts';
import { analysesBench } from './analyses.ts';
import { monteCarloBench } from './monte-carlo.ts';

async function engineBench(): Promise<void> {
  const catalog = loadCatalog();
  const lookup = (id: string) => catalog.get(id);
  const city = composeStack(['city/medical-maternity-2021'], lookup, catalog.registry);
  const series = { avgMonthlyWage: { '2020': '8445', '2021': '9000' } };
  const cityFacts: Facts = { month: parseMonth('2022-05')!, category: 'in-service', aid: 'none' };
  report(await time('resolve all parameters, city employee 2022-05, json-rules-engine', 2000, () => resolveWithEngine(city, cityFacts, { series })));
  const files = readRuleFiles();
  report(await time('load and validate every rule set (schema and checks)', 50, () => catalogFromFiles(files, defaultRegistry())));
  // A rule set of 24,000 rules from its JSON text: parse, schema, values, overlaps, then the stack with national/fund-warning.
  const large = JSON.stringify({ ...largeRuleSet(24_000), extends: ['national/fund-warning'] });
  report(
    await time('load and check 24,000 rules from JSON text, compose the stack', 5, () => {
      const set = loadRuleSet(parseJson(large, 'large.json'), 'large.json', catalog.registry);
      composeStack([set.spec.id], (id) => (id === set.spec.id ? set : catalog.get(id)), catalog.registry);
    }),
  );
}

console.log('# engine');
await engineBench();
console.log('# policy timeline');
await timelineBench();
console.log('# model');
await modelBench();
await populationBench();
console.log('# sensitivity and goal seek (kernel and exact evaluators)');
await analysesBench();
console.log('# Monte Carlo');
await monteCarloBench();
console.log('# workbench');
await workbenchBench();
