import { describe, expect, it } from 'vitest';
import { throttled } from '../../src/analyses/progress.ts';

describe('progress at most every 100 ms', () => {
  it('passes the first report, then one per 100 ms, and always the last', () => {
    let clock = 0;
    const told: [number, number][] = [];
    const progress = throttled((done, total) => told.push([done, total]), 100, () => clock)!;
    // chunks of a 10-chunk run finishing at these times (ms)
    const at = [0, 30, 60, 99, 100, 150, 199, 230, 250, 260];
    at.forEach((t, i) => {
      clock = t;
      progress(i + 1, 10);
    });
    // 0 passes (the first); 30, 60, 99 are within 100 ms of it; 100 passes; 150, 199 are within 100 ms of 100;
    // 230 passes (130 after 100); 250 is within; 260 is the last (10 of 10) and passes
    expect(told).toEqual([[1, 10], [5, 10], [8, 10], [10, 10]]);
  });

  it('leaves no progress as none', () => {
    expect(throttled(undefined)).toBeUndefined();
  });
});
