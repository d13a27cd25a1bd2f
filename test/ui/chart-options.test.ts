/** The fund charts' options, from a real run of the city example (its resident fund has several sources of income). */
import { describe, expect, it } from 'vitest';
import { SimulationService } from '../../src/app/service.ts';
import { incomeOption } from '../../src/ui/chart-options.ts';
import type { RunView } from '../../src/app/views.ts';
import city from '../../seeds/scenarios/city-2021.json' with { type: 'json' };

describe('incomeOption', () => {
  it('names expenditure first in the legend, then the sources of income in the order they are stacked', async () => {
    const run = (await new SimulationService().run(city, 'city-2021.json')) as RunView;
    expect(run.ok).toBe(true);
    const fund = run.funds.find((f) => f.id === 'resident')!;
    const option = incomeOption(fund);
    const bars = option.series.filter((s) => s.type === 'bar').map((s) => s.name);
    // 支出 (the line) first: on a phone the legend pages, and the line's name must be on its first page
    expect(option.legend.data).toEqual(['支出', ...bars]);
    expect(bars.length).toBeGreaterThanOrEqual(3);
    expect(option.series.at(-1)).toMatchObject({ name: '支出', type: 'line' });
  });
});
