/**
 * The kernel against the exact record on every shipped scenario: every line,
 * total and balance of every fund and year, to the fen.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/common/money.ts';
import { compileKernel, resultOfProjection, roundFen, shockedAssumptions, type KernelResult } from '../../src/model/kernel.ts';
import { project, type ProjectionInput } from '../../src/model/project.ts';
import { nodeEnvironment } from '../../src/scenario/node-env.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { prepareScenario } from '../../src/scenario/prepare.ts';
import { exampleText } from '../scenario/helpers.ts';

const env = nodeEnvironment();
const names = readdirSync('seeds/scenarios').filter((f) => f.endsWith('.json')).sort();

export async function preparedExample(name: string, until = 2052): Promise<ProjectionInput> {
  const file = `seeds/scenarios/${name}`;
  const s = loadScenario(JSON.parse(exampleText(name)), file);
  s.until = until;
  return (await prepareScenario(s, file, env)).input;
}

/** Fen differences between two results (every line, total, balance, milestone and subsidy total); months payable to 1e-9 relative. */
export function differences(k: KernelResult, e: KernelResult): string[] {
  if (k.problem || e.problem) return [`problem: ${k.problem?.en ?? e.problem?.en}`];
  const out: string[] = [];
  if (k.funds.map((f) => f.id).join() !== e.funds.map((f) => f.id).join()) return [`funds ${k.funds.map((f) => f.id).join()} against ${e.funds.map((f) => f.id).join()}`];
  k.funds.forEach((kf, j) => {
    const ef = e.funds[j]!;
    const arrays = [['income', kf.income, ef.income], ['expenditure', kf.expenditure, ef.expenditure], ['current', kf.currentBalance, ef.currentBalance], ['cumulative', kf.cumulative, ef.cumulative]] as const;
    const keys = new Set([...kf.lines.keys(), ...ef.lines.keys()]);
    const zero = new Float64Array(kf.income.length);
    const all = [...arrays, ...[...keys].map((key) => [key, kf.lines.get(key) ?? zero, ef.lines.get(key) ?? zero] as const)];
    for (const [name, a, b] of all) for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) out.push(`${kf.id} ${name} ${k.years[i]}: ${a[i]} against ${b[i]} fen`);
    for (let i = 0; i < kf.monthsPayable.length; i++) {
      const a = kf.monthsPayable[i]!;
      const b = ef.monthsPayable[i]!;
      if (!(Number.isNaN(a) && Number.isNaN(b)) && !(Math.abs(a - b) <= 1e-9 * Math.abs(b))) out.push(`${kf.id} months payable ${k.years[i]}: ${a} against ${b}`);
    }
    if (kf.firstDeficitYear !== ef.firstDeficitYear || kf.exhaustionYear !== ef.exhaustionYear) out.push(`${kf.id} milestones ${kf.firstDeficitYear}/${kf.exhaustionYear} against ${ef.firstDeficitYear}/${ef.exhaustionYear}`);
  });
  for (const [level, v] of Object.entries(k.subsidyTotals)) if (v !== e.subsidyTotals[level as keyof typeof k.subsidyTotals]) out.push(`subsidy ${level}: ${v} against ${e.subsidyTotals[level as keyof typeof k.subsidyTotals]}`);
  return out;
}

describe('kernel', () => {
  it.each(names)('agrees with the exact record to the fen: %s to 2052', async (name) => {
    const input = await preparedExample(name);
    const k = compileKernel(input).run();
    const e = resultOfProjection(project(input));
    expect(differences(k, e)).toEqual([]);
    // A real projection: every year from the base year to 2052, income in the years after the base year.
    expect(k.funds![0]!.income.length).toBe(2052 - input.base.year + 1);
    expect(k.funds!.some((f) => f.income[1]! > 0)).toBe(true);
  });

  it('applies shocks as the scenario with those assumptions would', async () => {
    const input = await preparedExample('banner-2022.json', 2040);
    const kernel = compileKernel(input);
    const shocks = { wageGrowth: 3, costGrowth: 6.5, collectionRate: 95, interestRate: 1.5, population: { variant: 'low' as const, mortalityPercent: 90 } };
    const shocked = kernel.run(shocks);
    const exact = project({ ...input, assumptions: { ...input.assumptions, wageGrowth: new D('3'), costGrowth: new D('6.5'), collectionRate: new D('95'), interestRate: new D('1.5'), population: { ...input.assumptions.population, population: { ...input.assumptions.population.population, variant: 'low', mortalityPercent: 90 } } } });
    expect(differences(shocked, resultOfProjection(exact))).toEqual([]);
    expect(shockedAssumptions(input.assumptions, shocks).costGrowth.toString()).toBe('6.5');
    // Higher cost growth and lower collection leave less: the resident fund's 2040 balance falls.
    const base = kernel.run();
    const resident = (r: KernelResult) => r.funds!.find((f) => f.id === 'resident')!.cumulative.at(-1)!;
    expect(resident(shocked)).toBeLessThan(resident(base));
  });

  it('rounds half a fen up, away from zero, and hands a value within reach of a half fen to the exact record', () => {
    expect(roundFen(1234.4)).toBe(1234);
    expect(roundFen(1234.6)).toBe(1235);
    expect(roundFen(-1234.6)).toBe(-1235);
    expect(roundFen(1234.5)).toBeNaN();
    // 0.1 fen × 3 is 0.30000000000000004 in float64: far from a half, rounds to 0.
    expect(roundFen(0.1 * 3)).toBe(0);
    // 2^51 fen and beyond: float64 cannot tell the fen apart safely.
    expect(roundFen(2 ** 51 + 0.25)).toBeNaN();
  });
});
