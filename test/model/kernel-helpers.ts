/** Shared by the kernel tests: a shipped scenario prepared to a horizon, and the differences between two results. */
import type { KernelResult } from '../../src/model/kernel.ts';
import type { ProjectionInput } from '../../src/model/project.ts';
import { nodeEnvironment } from '../../src/scenario/node-env.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { prepareScenario } from '../../src/scenario/prepare.ts';
import { exampleText } from '../scenario/helpers.ts';

const env = nodeEnvironment();

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

