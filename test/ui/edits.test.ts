import { describe, expect, it } from 'vitest';
import { removeOverride, timeline, upsertOverride, withoutProblems } from '../../src/ui/state/edits.ts';
import type { Scenario } from '../../src/scenario/types.ts';

const base: Scenario = { version: 1, title: 't', baseline: 'banner-2022', rules: ['banner/resident-2022'] };

describe('scenario edits', () => {
  it('keep one override per parameter and month, however many values were typed', () => {
    let s = base;
    for (const typed of ['4', '45', '450']) s = upsertOverride(s, 'resident.individual.standard', '2023-01', typed);
    expect(s.overrides).toEqual([{ param: 'resident.individual.standard', from: '2023-01', value: '450' }]);
    s = upsertOverride(s, 'resident.individual.standard', '2025-01', '480');
    s = upsertOverride(s, 'resident.individual.standard', '2023-01', '440');
    expect(timeline(s, 'resident.individual.standard').map((o) => `${o.from} ${o.value}`)).toEqual(['2023-01 440', '2025-01 480']);
    expect(removeOverride(s, 'resident.individual.standard', '2023-01').overrides).toEqual([{ param: 'resident.individual.standard', from: '2025-01', value: '480' }]);
    expect(removeOverride(s, 'resident.individual.standard')).toEqual(base);
  });

  it('leave out only the changes a problem points at', () => {
    const s: Scenario = {
      ...base,
      overrides: [
        { param: 'a', from: '2023-01', value: '-1' },
        { param: 'b', from: '2023-01', value: '1' },
      ],
      assumptions: { wageGrowth: 'x', counts: { dibao: '-5', tekun: '10' } } as unknown as Scenario['assumptions'],
      until: 2100,
    };
    const problems = ['/overrides/0/value', '/assumptions/wageGrowth', '/assumptions/counts/dibao', '/until'].map((path) => ({ file: 's', path, reason: 'bad' }));
    expect(withoutProblems(s, problems)).toEqual({ ...base, overrides: [{ param: 'b', from: '2023-01', value: '1' }], assumptions: { counts: { tekun: '10' } } });
    // a problem no lever can mend (the baseline) leaves nothing to open
    expect(withoutProblems(s, [{ file: 's', path: '/baseline', reason: 'unknown' }])).toBeUndefined();
  });
});
