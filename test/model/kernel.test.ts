/**
 * The kernel against the exact record on every shipped scenario: every fund's
 * income, expenditure, balances and milestones, to the fen.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/common/money.ts';
import { compileKernel, resultOfProjection } from '../../src/model/kernel.ts';
import { project } from '../../src/model/project.ts';
import { nodeEnvironment } from '../../src/scenario/node-env.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { prepareScenario } from '../../src/scenario/prepare.ts';
import { exampleText } from '../scenario/helpers.ts';

const env = nodeEnvironment();
const names = readdirSync('seeds/scenarios').filter((f) => f.endsWith('.json')).sort();

async function prepared(name: string, until = 2052) {
  const file = `seeds/scenarios/${name}`;
  const s = loadScenario(JSON.parse(exampleText(name)), file);
  s.until = until;
  return (await prepareScenario(s, file, env)).input;
}

describe('kernel', () => {
  it.each(names)('agrees with the exact record to the fen: %s to 2052', async (name) => {
    const input = await prepared(name);
    const k = compileKernel(input).run();
    const e = resultOfProjection(project(input));
    expect(k.problem).toBeUndefined();
    expect(k).toEqual(e);
    // A real projection: a fund with 31 years (2022-2052 for the banner) and non-zero income.
    expect(k.funds![0]!.income.length).toBe(2052 - input.base.year + 1);
    expect(k.funds!.some((f) => f.income[1]! > 0)).toBe(true);
  });

  it('applies shocks as the scenario with those assumptions would', async () => {
    const input = await prepared('banner-2022.json', 2040);
    const kernel = compileKernel(input);
    const a = input.assumptions;
    const shocked = kernel.run({ wageGrowth: 3, costGrowth: 6.5, collectionRate: 95, interestRate: 1.5 });
    const exact = project({ ...input, assumptions: { ...a, wageGrowth: new D('3'), costGrowth: new D('6.5'), collectionRate: new D('95'), interestRate: new D('1.5') } });
    expect(shocked).toEqual(resultOfProjection(exact));
    // Higher cost growth and lower collection leave less: the resident fund's 2040 balance falls.
    const base = kernel.run();
    const resident = (r: typeof base) => r.funds!.find((f) => f.id === 'resident')!.cumulative.at(-1)!;
    expect(resident(shocked)).toBeLessThan(resident(base));
  });
});
