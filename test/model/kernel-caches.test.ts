/**
 * What the kernel and the population model keep between paths gives the same
 * figures as computing it afresh: every cache against its absence, to the fen
 * (amounts) and bit for bit (people).
 */
import { describe, expect, it } from 'vitest';
import { compileKernel, resultOfProjection, type KernelResult } from '../../src/model/kernel.ts';
import { project } from '../../src/model/project.ts';
import { forgetShares, projectInsured } from '../../src/population/insured.ts';
import { differences, preparedExample } from './kernel-helpers.ts';

describe('caches', () => {
  it("gives a population variant the same people with the retirement shares cached from another variant's run as computed cold", async () => {
    const input = await preparedExample('banner-2022.json', 2045);
    const a = input.assumptions;
    const args = (variant: 'low' | 'high', mortalityPercent: number) => ({
      baseYear: input.base.year,
      from: 2020,
      until: 2045,
      counts: { inService: 100_000, flexible: 20_000, retiree: 50_000, resident: 600_000 },
      retirement: input.retirement!,
      assumptions: { ...a.population, population: { ...a.population.population, variant, mortalityPercent } },
      retireeCostWeight: 3,
    });
    forgetShares();
    const cold = projectInsured(args('low', 95));
    // Warm: the shares now come from the high variant's run.
    forgetShares();
    projectInsured(args('high', 105));
    const warm = projectInsured(args('low', 95));
    expect(warm).toEqual(cold);
    // and the variant matters: other people.
    expect(projectInsured(args('high', 105)).years.at(-1)!.byStatus.resident.male).not.toEqual(cold.years.at(-1)!.byStatus.resident.male);
  });

  it('projects a drawn population variant on a kernel that has seen others as on a fresh kernel', async () => {
    const input = await preparedExample('banner-2022.json', 2052);
    const shocks = { costGrowth: 6, collectionRate: 96, population: { variant: 'high' as const, mortalityPercent: 105 }, projectedYearsOnly: true };
    const used = compileKernel(input);
    for (const variant of ['low', 'medium'] as const) used.run({ ...shocks, population: { variant, mortalityPercent: 95 } });
    used.run();
    const warm = used.run(shocks);
    const fresh = compileKernel(input).run(shocks);
    expect(differences(warm, fresh)).toEqual([]);
    // The population is the variant's: its 2052 resident balance differs from the scenario's own.
    const resident = (r: KernelResult) => r.funds!.find((f) => f.id === 'resident')!.cumulative.at(-1)!;
    expect(resident(warm)).not.toBe(resident(used.run({ ...shocks, population: undefined })));
  });

  it("reuses the scenario's drivers between runs without shocks: a run after a shocked one equals the first", async () => {
    const input = await preparedExample('city-2021.json', 2052);
    const k = compileKernel(input);
    const first = k.run();
    k.run({ wageGrowth: 9, costGrowth: 1, collectionRate: 80, projectedYearsOnly: true });
    expect(differences(k.run(), first)).toEqual([]);
  });
  it('shares the float calibration between kernels whose drivers agree in the reported years, with the figures of the exact projection', async () => {
    const input = await preparedExample('banner-2022.json', 2035);
    const override = (param: string, from: string, value: string) => ({ ...input, overrides: [...input.overrides, { param, from, value, file: 'test', path: '/overrides/0' }] });
    // The banner reports 2020-2022: a subsidy from 2026 leaves those years' drivers as they are, so the later
    // kernels take the first one's calibration; an individual standard of 600 元 from 2021 changes them (the
    // "other" line's average level moves), and a kernel given the first calibration would differ in 65 figures.
    compileKernel(override('resident.subsidy.standard', '2026-01', '700')).run();
    for (const [param, from, value] of [
      ['resident.subsidy.standard', '2026-01', '640'],
      ['resident.subsidy.standard', '2026-01', '900'],
      ['resident.individual.standard', '2021-01', '600'],
    ] as const) {
      const s = override(param, from, value);
      expect(differences(compileKernel(s).run(), resultOfProjection(project(s)))).toEqual([]);
    }
  });

  it("shares the scenario's part of a kernel only between inputs of the same base year, assumptions, horizon and retirement rules", async () => {
    const input = await preparedExample('banner-2022.json', 2035);
    const a = input.assumptions;
    const resident = (r: KernelResult) => r.funds!.find((f) => f.id === 'resident')!.cumulative.at(-1)!;
    const first = compileKernel(input).run();
    // Each differs from the first in one thing the shared part reads; a key without it would hand back the first's
    // part (2035's years, the first's start counts, no population model) and differ from the exact record.
    const others = [
      { ...input, until: 2045 },
      { ...input, assumptions: { ...a, counts: { ...a.counts, resident: a.counts.resident!.times('1.1') } } },
      { ...input, retirement: undefined },
    ];
    for (const s of others) {
      const k = compileKernel(s).run();
      expect(differences(k, resultOfProjection(project(s)))).toEqual([]);
      expect(resident(k)).not.toBe(resident(first));
    }
    // and the first input again: its own part, as computed cold.
    expect(differences(compileKernel(input).run(), first)).toEqual([]);
  });
});
