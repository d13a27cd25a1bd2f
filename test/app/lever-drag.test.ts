import { describe, expect, it } from 'vitest';
import { DragOrder } from '../../src/app/lever-drag.ts';
import type { Override } from '../../src/engine/resolve.ts';
import { SimulationService } from '../../src/app/service.ts';
import type { RunView } from '../../src/app/views.ts';
import banner from '../../seeds/scenarios/banner-2022.json' with { type: 'json' };

const o = (param: string, value: string, from?: string, i = 0): Override => ({ param, value, from, file: 'x', path: `/overrides/${i}` });

describe('the order of a dragged lever’s override', () => {
  it('puts the override that alone changes value last, and keeps it there while nothing else moves', () => {
    const order = new DragOrder();
    const std = (v: string) => o('resident.individual.standard', v, '2023-01', 0);
    const subsidy = o('resident.subsidy.standard', '700', '2023-01', 1);
    expect(order.order([std('400'), subsidy])).toEqual([std('400'), subsidy]); // nothing to compare with yet
    expect(order.order([std('401'), subsidy])).toEqual([subsidy, std('401')]);
    expect(order.order([std('402'), subsidy])).toEqual([subsidy, std('402')]);
    // a run that changes no value (a title) keeps the drag's order, so the same policy is found again
    expect(order.order([std('402'), subsidy])).toEqual([subsidy, std('402')]);
    // another lever dragged: it goes last instead
    const sub = (v: string) => o('resident.subsidy.standard', v, '2023-01', 1);
    expect(order.order([std('402'), sub('710')])).toEqual([std('402'), sub('710')]);
  });

  it('leaves the file order where a tie of parameter and start month would make the order matter', () => {
    const order = new DragOrder();
    const a = (v: string) => o('resident.individual.standard', v, '2023-01', 0);
    const b = o('resident.individual.standard', '450', '2023-01', 1);
    order.order([a('400'), b]);
    // of the two from 2023-01 the later in the file (450) is in force: moving the first last would put it in force
    expect(order.order([a('401'), b])).toEqual([a('401'), b]);
  });

  it('gives a drag the same view as a fresh run of the same scenario', async () => {
    const scenario = (v: string) => ({
      ...banner,
      until: 2040,
      overrides: [
        { param: 'resident.individual.standard', from: '2024-01', value: v },
        { param: 'resident.subsidy.standard', from: '2025-01', value: '700' },
      ],
    });
    const dragged = new SimulationService();
    for (const v of ['420', '430', '440']) await dragged.run(scenario(v), 'drag.json');
    const { millis: _a, ...afterDrag } = (await dragged.run(scenario('450'), 'drag.json')) as RunView;
    const { millis: _b, ...fresh } = (await new SimulationService().run(scenario('450'), 'drag.json')) as RunView;
    expect(afterDrag).toEqual(fresh);
    // the standard in force in 2024 is the dragged 450: 450 per head from 2024 (the lever list shows it with its override, /overrides/0)
    expect(afterDrag.perPerson.find((p) => p.year === 2024)?.residentStandard).toBe('450');
    expect(afterDrag.changes.map((c) => [c.param, c.after])).toEqual([['resident.individual.standard', '450'], ['resident.subsidy.standard', '700']]);
  });
});
