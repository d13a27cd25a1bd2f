/** The workbench's calibration, abnormal years, assumptions and backtest, as the worker sends them. */
import { describe, expect, it } from 'vitest';
import { SimulationService } from '../../src/app/service.ts';
import { backtest } from '../../src/analyses/backtest.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { nodeEnvironment } from '../../src/scenario/node-env.ts';
import type { RunView } from '../../src/app/views.ts';
import banner from '../../seeds/scenarios/banner-2022.json' with { type: 'json' };
import xinjiang from '../../seeds/scenarios/xinjiang-2020.json' with { type: 'json' };

describe('calibration and backtest in the workbench service', () => {
  it('sends the banner\'s abnormal 2022 with the report\'s figures, the deferral and every assumption with its origin', async () => {
    const r = (await new SimulationService().run(banner)) as RunView;
    const res = r.calibration.abnormal.find((a) => a.fund === 'resident' && a.side === 'expenditure')!;
    expect(res).toMatchObject({ period: '2022', normalised: true });
    expect(res.reason.zh).toContain('报告：比上年-64.03%');
    expect(r.calibration.timing[0]!.quote).toContain('于2023年进行实际资助补助');
    expect(r.calibration.assumptions.find((a) => a.name === 'assumptions/costGrowth')).toMatchObject({ value: '4', origin: 'default' });
    expect(r.calibration.assumptions.find((a) => a.name === 'uprating/resident.subsidy.minimum')).toMatchObject({ value: '30', origin: 'rule' });
    // structured-cloneable: plain data only
    expect(() => structuredClone(r.calibration)).not.toThrow();
  });

  it('explains a normalised line in the "why" panel with the reason', async () => {
    const s = new SimulationService();
    const r = (await s.run(banner)) as RunView;
    const why = (await s.explain(r.hash, 'employee.pooling', 2023))!;
    const benefits = why.lines.find((l) => l.line === 'expenditure:benefits')!;
    // (the per-capita level moves a little with the population model's counts of 2020-2021)
    expect(benefits.how.zh).toMatch(/统筹基金2022年人均支出比其他报告期平均-5[0-9]\.[0-9]%/);
    expect(benefits.how.en).toContain('the report: -52.52% on the year before');
  });

  it('backtests the current scenario\'s baseline: Xinjiang from 2019 (see test/analyses/backtest.test.ts)', async () => {
    const s = new SimulationService();
    const r = (await s.run(xinjiang)) as RunView;
    const bt = (await s.backtest(r.hash))!;
    expect(bt.runs.map((x) => x.from)).toEqual([2019]);
    // the library's backtest (test/analyses/backtest.test.ts checks it by hand), in 万元 with one-decimal errors
    const lib = (await backtest(loadScenario(xinjiang, 'x'), 'x', nodeEnvironment())).rows.find((x) => x.fund === 'employee' && x.line === 'expenditure')!;
    expect(bt.rows.find((x) => x.line === 'expenditure')).toMatchObject({ period: '2020', reported: '246656', model: lib.model!.dividedBy(10000).toFixed(2), naive: '268747.00', naiveError: '9.0' });
    expect(await s.backtest('no-such-hash')).toBeUndefined();
  });
});
