/**
 * A lever change shows the fund's new figures as soon as the worker has them: the cards and both charts
 * are drawn from the run's figures while the rest of its result (compliance, changes, population…) is
 * still on its way, and the panels below keep the last result until it comes. When it comes, what was
 * drawn from the figures is not drawn again.
 */
import { expect } from 'chai';
import { YbApp } from '../../src/ui/components/workbench-app.ts';
import type { YbChart } from '../../src/ui/components/chart.ts';
import type { YbDataTable } from '../../src/ui/components/data-table.ts';
import { startWorker, type Api } from '../../src/ui/state/simulation-controller.ts';
import { Store } from '../../src/ui/state/store.ts';
import type { RunView } from '../../src/app/views.ts';
import { find, freshPage, leverField, settle, until } from './helpers.ts';

describe('figures first', () => {
  freshPage();

  it('draws both charts and the cards from a run\'s figures before its result comes, and not again when it does', async () => {
    const worker = startWorker();
    // The real worker, with each run's result held back until `release` is called.
    let held: Promise<void> = Promise.resolve();
    let release = () => {};
    const api = new Proxy(worker, {
      get: (target, key) =>
        key === 'runInParts'
          ? async (...args: Parameters<Api['runInParts']>) => {
              const result = await target.runInParts(...args);
              await held;
              return result;
            }
          : (target as unknown as Record<PropertyKey, unknown>)[key],
    }) as Api;
    const app = new YbApp(api, new Store());
    document.body.append(app);
    await until(() => app.sim.result?.ok === true);
    app._fund = 'resident';
    await settle(app);
    const before = app.sim.result as RunView;
    const charts = [...find(app, 'yb-fund-view').shadowRoot!.querySelectorAll('yb-chart')] as YbChart[];
    await until(() => charts.every((c) => c.drawCount > 0));
    const drawn = charts.map((c) => c.drawCount);
    const summary = find(app, 'yb-scenario-summary');
    const listed = () => [...summary.shadowRoot!.querySelectorAll('td strong')].some((s) => s.textContent === '450');

    held = new Promise((r) => (release = r));
    // resident individual standard: 380 in force from 2023-01; raised to 450
    const input = leverField(app);
    input.value = '450';
    input.dispatchEvent(new Event('input'));
    await until(() => charts.every((c, i) => c.drawCount === drawn[i]! + 1));
    // the result is not here yet: the charts show the figures, the panels below the last result
    expect(app.sim.result).to.equal(before);
    const figures = app.sim.figures!;
    expect(figures.hash).not.to.equal(before.hash);
    const resident = figures.funds.find((f) => f.id === 'resident')!;
    const shown = charts[0]!.renderedOption as { series: { data: number[] }[] };
    expect(shown.series[0]!.data).to.deep.equal(resident.years.map((y) => Number(y.cumulative)));
    expect(listed()).to.equal(false);

    release();
    await until(() => (app.sim.result as RunView | undefined)?.hash === figures.hash && !app.sim.running);
    await settle(app);
    const after = app.sim.result as RunView;
    // the result has the same figures, the change listed below with its old and new value
    expect(after.funds.find((f) => f.id === 'resident')).to.deep.equal(resident);
    expect(after.changes[0]).to.include({ param: 'resident.individual.standard', before: '380', after: '450' });
    expect(listed()).to.equal(true);
    // nothing drawn twice: the charts have drawn once for the change, the table is the one made from the figures
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
    expect(charts.map((c) => c.drawCount)).to.deep.equal(drawn.map((n) => n + 1));
    const table = find<YbDataTable>(app, 'yb-fund-view', 'yb-data-table');
    expect(table.csvText()).to.contain(resident.years.at(-1)!.cumulative);
    app.remove();
  });
});
