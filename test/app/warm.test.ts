import { describe, expect, it } from 'vitest';
import { SimulationService } from '../../src/app/service.ts';
import type { RunView } from '../../src/app/views.ts';
import { EXAMPLE_SCENARIOS } from '../../src/data/embedded.ts';
import banner from '../../seeds/scenarios/banner-2022.json' with { type: 'json' };

describe('a run begun before it is asked for', () => {
  it('answers the first example’s first run on a first visit, with the figures of a run asked for', async () => {
    const service = new SimulationService();
    service.warm();
    const first = structuredClone(Object.values(EXAMPLE_SCENARIOS)[0]!) as typeof banner;
    const warmed = (await service.run(first, first.title)) as RunView;
    const { millis: _a, ...asked } = (await new SimulationService().run(first, first.title)) as RunView;
    const { millis: _b, ...fromWarm } = warmed;
    expect(fromWarm).toEqual(asked);
    // the first example is the banner's 2022 report: 职工基金期末累计结存158510.4万元 (seed 000)
    expect(warmed.funds.find((f) => f.id === 'employee')!.years[0]!.cumulative).toBe('158510.4');
  });

  it('writes the rest of its view too, which the workbench asks for after its figures', async () => {
    const service = new SimulationService();
    service.warm();
    const first = structuredClone(Object.values(EXAMPLE_SCENARIOS)[0]!) as typeof banner;
    const figures = await service.figures(first, first.title);
    if (!figures.ok) throw new Error('the first example did not run');
    const rest = (await service.rest(figures.hash))!;
    const { millis: _a, ...asked } = (await new SimulationService().run(first, first.title)) as RunView;
    const { millis: _b, ...parts } = { ...figures, ...rest };
    expect(parts).toEqual(asked);
    // the first example is the banner's 2022 report: 职工基金期末累计结存158510.4万元 (seed 000)
    expect(figures.funds.find((f) => f.id === 'employee')!.years[0]!.cumulative).toBe('158510.4');
  });

  it('is not taken for another scenario, nor twice', async () => {
    const service = new SimulationService();
    service.warm(banner, banner.title);
    const other = { ...banner, overrides: [{ param: 'resident.individual.standard', from: '2024-01', value: '420' }] };
    const r = (await service.run(other, banner.title)) as RunView;
    expect(r.changes.map((c) => [c.param, c.after])).toEqual([['resident.individual.standard', '420']]);
    // taken once: after a warm run is dropped or taken, the same scenario runs anew
    service.warm(banner, banner.title);
    const a = await service.run(banner, banner.title);
    const b = await service.run(banner, banner.title);
    expect(a).not.toBe(b);
  });
});
