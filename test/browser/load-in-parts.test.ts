/**
 * The built page's load in parts (src/ui/main.ts): with `resultsInParts`, the first results render
 * the fund's cards and charts in one task and the panels below them in a later one; a chart makes
 * its ECharts instance (which reads the laid-out size) only when it first draws.
 */
import { expect } from 'chai';
import '../../src/ui/components/chart.ts';
import type { YbChart } from '../../src/ui/components/chart.ts';
import { YbApp } from '../../src/ui/components/workbench-app.ts';
import { startWorker } from '../../src/ui/state/simulation-controller.ts';
import { Store } from '../../src/ui/state/store.ts';
import { until } from './helpers.ts';

describe('the workbench loading in parts', () => {
  it('renders the fund view with the first results and the panels below it a task later', async () => {
    const app = new YbApp(startWorker(), new Store());
    app.resultsInParts = true;
    const seen: { fund: boolean; population: boolean; backtest: boolean }[] = [];
    // each render of the app as it is done: the first with the fund view is the first with results
    const updated = app.updated.bind(app);
    app.updated = () => {
      updated();
      const root = app.shadowRoot!;
      if (!seen.length && root.querySelector('yb-fund-view'))
        seen.push({ fund: true, population: !!root.querySelector('yb-population-view'), backtest: !!root.querySelector('yb-backtest-view') });
    };
    document.body.append(app);
    try {
      await until(() => seen.length > 0);
      expect(seen[0]).to.deep.equal({ fund: true, population: false, backtest: false });
      await until(() => !!app.shadowRoot!.querySelector('yb-population-view'));
      expect(app.shadowRoot!.querySelector('yb-backtest-view')).to.not.equal(null);
    } finally {
      app.remove();
    }
  });

  it('makes a chart only when it has something to draw', async () => {
    const chart = document.createElement('yb-chart') as YbChart;
    document.body.append(chart);
    try {
      await chart.updateComplete;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      expect(chart.shadowRoot!.querySelector('canvas')).to.equal(null);
      chart.option = { animation: false, xAxis: { type: 'category', data: ['2022', '2023'] }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: [43370.17, 45000] }] };
      await until(() => chart.drawCount === 1);
      expect(chart.shadowRoot!.querySelector('canvas')).to.not.equal(null);
    } finally {
      chart.remove();
    }
  });
});
