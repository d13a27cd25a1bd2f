/** The workbench's back end for sensitivity and goal seek: plain data, problems as a list. */
import { describe, expect, it } from 'vitest';
import { SimulationService } from '../../src/app/service.ts';
import banner from '../../seeds/scenarios/banner-2022.json' with { type: 'json' };

describe('sensitivity and goal seek in the workbench back end', () => {
  const service = new SimulationService();

  it('solves as simulate --solve does, and the answer opens and runs as a scenario', async () => {
    const r = await service.solve(banner, 'banner-2022.json', { lever: 'resident.individual.standard', from: '2026-01', target: 'monthsPayable >= 12 until 2035' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    if (!r.result.found) throw new Error(r.result.reason.en);
    // the same answer as on the command line (test/analyses/simulate-analyses.test.ts checks it meets the target and 1 元 less does not)
    expect(r.lever).toMatchObject({ name: 'resident.individual.standard', current: '420', step: '1', low: '0', high: '1260' });
    expect(r.result.beyond?.value).toBe(String(Number(r.result.value) - 1));
    const run = await service.run(r.result.scenario, 'answer.json');
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
  }, 120_000);

  it('refuses a lever it does not know, naming the field, without throwing', async () => {
    const r = await service.solve(banner, 'banner-2022.json', { lever: 'resident.individual.standrd', target: 'monthsPayable >= 26' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ file: 'lever', reason: expect.stringContaining('did you mean "resident.individual.standard"') });
    const s = await service.sensitivity(banner, 'banner-2022.json', 'subsidy:province');
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.problems[0]).toMatchObject({ file: 'outcome', reason: expect.stringContaining('unknown level "province"') });
  }, 60_000);

  it('ranks the tornado longest bar first', async () => {
    const s = await service.sensitivity(banner, 'banner-2022.json', 'first-deficit-year:resident');
    if (!s.ok) throw new Error(JSON.stringify(s.problems));
    const effects = s.tornado.bars.map((b) => b.effect);
    expect(effects).toEqual([...effects].sort((a, b) => b - a));
    expect(s.outcome.en).toBe('first deficit year of resident (none: the year after the horizon)');
  }, 120_000);
});
