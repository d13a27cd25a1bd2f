import { describe, expect, it } from 'vitest';
import { SimulationService } from '../../src/app/service.ts';
import type { RunView } from '../../src/app/views.ts';
import banner from '../../seeds/scenarios/banner-2022.json' with { type: 'json' };
import city from '../../seeds/scenarios/city-2021.json' with { type: 'json' };

describe('the workbench service', () => {
  it('projects the banner baseline and reports its 2022 figures as printed', async () => {
    const r = (await new SimulationService().run(banner)) as RunView;
    expect(r.ok).toBe(true);
    const emp = r.funds.find((f) => f.id === 'employee')!;
    // seed 000: 职工基本医疗保险基金收入43370.17万元 … 期末累计结存158510.4万元，可支付174个月
    expect(emp.years[0]).toMatchObject({ year: 2022, income: '43370.17', expenditure: '9396.57', cumulative: '158510.4' });
    expect(Math.round(Number(emp.years[0]!.monthsPayable))).toBe(174);
    expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives a run\'s figures alone, and the rest of its view after, the two making the whole view without sending anything twice', async () => {
    const service = new SimulationService();
    const figures = await service.figures(banner, 'banner.json');
    if (!figures.ok) throw new Error('the banner did not run');
    // seed 000: 职工基本医疗保险基金收入43370.17万元 … 期末累计结存158510.4万元
    expect(figures.funds.find((f) => f.id === 'employee')!.years[0]).toMatchObject({ year: 2022, income: '43370.17', cumulative: '158510.4' });
    const rest = (await service.rest(figures.hash))!;
    expect(rest.hash).toBe(figures.hash);
    expect(Object.keys(figures).filter((k) => k in rest).sort()).toEqual(['hash', 'millis', 'ok']);
    // together, the same view as a run in one piece
    const whole = (await new SimulationService().run(banner, 'banner.json')) as RunView;
    const { millis: _a, ...parts } = { ...figures, ...rest };
    const { millis: _b, ...one } = whole;
    expect(parts).toEqual(one);
    // a run no longer kept has no rest to give
    expect(await service.rest('0'.repeat(64))).toBe(undefined);
  });

  it('shows each lever with its value in force and where it came from', async () => {
    const r = (await new SimulationService().run(banner)) as RunView;
    // levers at 2023-01: the banner sets nothing for 2023, so the individual standard is the region's 380 minimum
    const std = r.levers.find((l) => l.name === 'resident.individual.standard')!;
    expect(std).toMatchObject({ value: '380', baselineValue: '380', override: null });
    const central = r.levers.find((l) => l.name === 'resident.subsidy.centralShare')!;
    expect(central.source).toMatchObject({ kind: 'rule', ruleSet: 'inner-mongolia/resident-2022', rule: 'central-share' });
  });

  it('offers no lever for the statutory retirement age, which the population model reads by birth month from its own rule set', async () => {
    const r = (await new SimulationService().run(banner)) as RunView;
    expect(r.levers.some((l) => l.name === 'resident.individual.standard')).toBe(true);
    expect(r.levers.some((l) => l.name === 'employee.retirement.age')).toBe(false);
  });

  it('summarises a change against the baseline, old and new value, from its date', async () => {
    const s = { ...banner, overrides: [{ param: 'resident.individual.standard', from: '2024-01', value: '420' }] };
    const r = (await new SimulationService().run(s)) as RunView;
    // national minimum for 2024 is 400 (医保发〔2024〕19号)
    expect(r.changes).toEqual([expect.objectContaining({ param: 'resident.individual.standard', from: '2024-01', before: '400', after: '420' })]);
  });

  it('a lever points at the override in force at its month, whatever the order', async () => {
    // two changes of the standard: 400 from 2025, 450 from 2023; the levers are shown at 2023-01, where 450 applies
    const s = { ...banner, overrides: [{ param: 'resident.individual.standard', from: '2025-01', value: '400' }, { param: 'resident.individual.standard', from: '2023-01', value: '450' }] };
    const r = (await new SimulationService().run(s)) as RunView;
    expect(r.levers.find((l) => l.name === 'resident.individual.standard')).toMatchObject({ value: '450', override: 1 });
  });

  it('offers the city floor as 60% of the average wage of the year before last, changed from 2022-03 where that rule starts', async () => {
    // seed 001: 下限……自2022年3月1日起调整为以本市上上年度……月平均工资60% 为基数
    const r = (await new SimulationService().run(city)) as RunView;
    const floor = r.levers.find((l) => l.name === 'employee.base.floor')!;
    expect(floor.value).toBe('5067'); // at 2022-01 the stated 5067 still applies
    expect(floor.ofWage).toEqual({ percent: '60', yearOffset: -2, from: '2022-03' });
  });

  it('returns problems as data, with file, path and reason', async () => {
    const r = await new SimulationService().run({ ...banner, overrides: [{ param: 'resident.individual.standrd', value: '400' }] }, 'my.json');
    expect(r).toEqual({
      ok: false,
      problems: [{ file: 'my.json', path: '/overrides/0/param', reason: 'unknown parameter "resident.individual.standrd" (did you mean "resident.individual.standard"?)' }],
    });
  });

  it('lists the 2022 subsidy compliance finding of the banner', async () => {
    const r = (await new SimulationService().run(banner)) as RunView;
    expect(r.compliance.filter((c) => c.year === 2022).map((c) => [c.param, c.value, c.minimum])).toEqual([['resident.subsidy.standard', '580', '610']]);
  });

  it('lists the baseline report\'s own contradictions and its standard below the minimum', async () => {
    const r = (await new SimulationService().run(banner)) as RunView;
    // seed 000 states 当期结存 growth 328.45% where 33973.6 / 10343.49 − 1 = 228.45%
    expect(r.audit.some((a) => a.message.includes('328.45'))).toBe(true);
    expect(r.audit.some((a) => a.message.includes('580') && a.message.includes('610'))).toBe(true);
  });

  it('explains a fund year', async () => {
    const svc = new SimulationService();
    const r = (await svc.run(banner)) as RunView;
    await svc.run({ ...banner, overrides: [{ param: 'resident.individual.standard', value: '450', from: '2023-01' }] });
    // the run asked about, not the last one: 2024's standard is the national 400
    const e = (await svc.explain(r.hash, 'resident', 2024))!;
    expect(e.lines.map((l) => l.line)).toContain('income:contributions.individual');
    expect(e.parameters.find((p) => p.name === 'resident.individual.standard')?.value).toBe('400');
  });
});
