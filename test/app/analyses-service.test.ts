/** The workbench's back end for sensitivity and goal seek: plain data, problems as a list. */
import { describe, expect, it } from 'vitest';
import { SimulationService } from '../../src/app/service.ts';
import { notesIn } from '../../src/scenario/notes.ts';
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
    // the answer's note names the lever and the fund as people read them
    // in each language (banner-2022's notes are written in both)
    expect(notesIn(r.result.scenario.notes, 'zh')).toContain(`目标求解：个人缴费标准 = ${r.result.value}；城乡居民基本医疗保险：可支付月数不低于 12，2026-2035 年每年`);
    expect(notesIn(r.result.scenario.notes, 'en')).toContain(`Goal seek: Individual contribution standard = ${r.result.value}; `);
    expect(notesIn(r.result.scenario.notes, 'en')).not.toContain('目标求解');
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
    expect(s.outcome.en).toBe('first deficit year of resident insurance (none: the year after the horizon)');
  }, 120_000);
});

describe('the heat map and the analysis forms in the workbench back end', () => {
  const service = new SimulationService();

  it('offers the levers the banner rules set, with their values in force and default ranges', async () => {
    const o = await service.analysisOptions(banner, 'banner-2022.json');
    if (!o.ok) throw new Error(JSON.stringify(o.problems));
    expect(o).toMatchObject({ baseYear: 2022, firstMonth: '2023-01' });
    const individual = o.levers.find((l) => l.name === 'resident.individual.standard')!;
    // 2023-01 under inner-mongolia/resident-2022 + banner rules: 380 元 (the 2023 individual minimum);
    // goal seek 0 to 3 × 380 = 1140; heat map ±20%: 304 to 456
    expect(individual).toMatchObject({ kind: 'parameter', current: '380', solveLow: '0', solveHigh: '1140', gridLow: '304', gridHigh: '456' });
    expect(o.levers.some((l) => l.kind === 'assumption' && l.name === 'costGrowth')).toBe(true);
    // named as rules/parameters.json names it, without the month
    expect(individual.label).toEqual({ zh: '个人缴费标准', en: 'Individual contribution standard' });
    // a goal seek's target is for the lever's own fund; an assumption has none
    expect(individual.fund).toBe('resident');
    expect(o.levers.find((l) => l.name === 'costGrowth')!.fund).toBeUndefined();
  }, 60_000);

  it('gives the levers as in force at a later start month, and their ranges around that value', async () => {
    const o = await service.analysisOptions(banner, 'banner-2022.json', '2026-01');
    if (!o.ok) throw new Error(JSON.stringify(o.problems));
    expect(o.at).toBe('2026-01');
    // 2026-01: national/resident-minimum's 400 元 of 2025 raised by its +20 a year: 420; goal seek 0 to 3 × 420,
    // heat map ±20%: 336 to 504
    const individual = o.levers.find((l) => l.name === 'resident.individual.standard')!;
    expect(individual).toMatchObject({ current: '420', solveLow: '0', solveHigh: '1260', gridLow: '336', gridHigh: '504' });
    // a month outside the projection falls back to the first projected month
    const outside = await service.analysisOptions(banner, 'banner-2022.json', '2099-01');
    expect(outside.ok && outside.at).toBe('2023-01');
  }, 60_000);

  it('projects every pair of two levers, each cell the run of that scenario, telling progress after each', async () => {
    const ticks: [number, number][] = [];
    const g = await service.grid(
      banner,
      'banner-2022.json',
      { rows: { lever: 'resident.individual.standard', low: '380', high: '480', n: 2 }, columns: { lever: 'resident.subsidy.standard', low: '640', high: '740', n: 2 }, outcome: 'months-payable:resident:2030', from: '2026-01' },
      (done, total) => ticks.push([done, total]),
    );
    if (!g.ok) throw new Error(JSON.stringify(g.problems));
    expect(g.grid.rows.values).toEqual(['380', '480']);
    expect(g.grid.columns.values).toEqual(['640', '740']);
    expect(ticks).toEqual([[1, 4], [2, 4], [3, 4], [4, 4]]);
    // the cell (480, 740) is the projection of the scenario with both changes from 2026-01
    const both = { ...banner, overrides: [{ param: 'resident.individual.standard', from: '2026-01', value: '480' }, { param: 'resident.subsidy.standard', from: '2026-01', value: '740' }] };
    const run = await service.run(both, 'both.json');
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
    const months = Number(run.funds.find((f) => f.id === 'resident')!.years.find((y) => y.year === 2030)!.monthsPayable);
    expect(g.grid.cells[1]![1]).toBeCloseTo(months, 4); // the run view prints months payable to 4 places
    // 100 元 more a head, from either side, adds income and so months payable
    expect(g.grid.cells[1]![1]!).toBeGreaterThan(g.grid.cells[0]![1]!);
    expect(g.grid.cells[1]![1]!).toBeGreaterThan(g.grid.cells[1]![0]!);
  }, 120_000);

  it('refuses an axis beside its field: too many values, low above high, the same lever twice', async () => {
    const ask = (rows: object, columns: object) =>
      service.grid(banner, 'banner-2022.json', { rows: { lever: 'resident.individual.standard', low: '300', high: '400', n: 3, ...rows }, columns: { lever: 'costGrowth', low: '3', high: '5', n: 3, ...columns } });
    const many = await ask({ n: 21 }, {});
    expect(many.ok || many.problems[0]).toMatchObject({ file: 'rows.n', reason: expect.stringContaining('from 2 to 20') });
    const upside = await ask({}, { low: '6' });
    expect(upside.ok || upside.problems[0]).toMatchObject({ file: 'columns.low', reason: expect.stringContaining('above the high end') });
    const same = await ask({}, { lever: 'resident.individual.standard', low: '300', high: '400' });
    expect(same.ok || same.problems[0]).toMatchObject({ file: 'columns.lever' });
  }, 60_000);
});
