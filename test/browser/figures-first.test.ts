/**
 * A lever change shows the fund's new figures as soon as the worker has them: the cards and both charts
 * are drawn from the run's figures while the rest of its result (compliance, changes, population…) is
 * still to come, and the panels below keep the last result until it comes. When it comes, what was
 * drawn from the figures is not drawn again. While the lever keeps moving (a new value before a frame has
 * shown the last one's charts), the rest is not asked for the values passed over.
 */
import { expect } from 'chai';
import { YbApp } from '../../src/ui/components/workbench-app.ts';
import type { YbChart } from '../../src/ui/components/chart.ts';
import type { YbDataTable } from '../../src/ui/components/data-table.ts';
import { startWorker, type Api } from '../../src/ui/state/simulation-controller.ts';
import { Store } from '../../src/ui/state/store.ts';
import type { RunView } from '../../src/app/views.ts';
import { find, freshPage, leverField, settle, until } from './helpers.ts';

/**
 * The real worker, with each rest of a run's view held back until `release` is called, the hashes it was asked
 * for, and each run's figures asked for: the resident standard's value, and whether `frame.shown` was set then.
 */
function heldRest() {
  const worker = startWorker();
  const asked: string[] = [];
  const figuresAsked: { standard: string | undefined; afterFrame: boolean }[] = [];
  const frame = { shown: false };
  const hold = { held: Promise.resolve(), release: () => {} };
  const api = new Proxy(worker, {
    get: (target, key) =>
      key === 'rest'
        ? async (...args: Parameters<Api['rest']>) => {
            asked.push(args[0]);
            const result = await target.rest(...args);
            await hold.held;
            return result;
          }
        : key === 'figures'
          ? (...args: Parameters<Api['figures']>) => {
              const overrides = (args[0] as { overrides?: { param: string; value: unknown }[] }).overrides ?? [];
              figuresAsked.push({ standard: [...overrides].reverse().find((o) => o.param === 'resident.individual.standard')?.value as string | undefined, afterFrame: frame.shown });
              return target.figures(...args);
            }
          : (target as unknown as Record<PropertyKey, unknown>)[key],
  }) as Api;
  return { api, asked, hold, figuresAsked, frame };
}

/** The workbench on that worker, the resident fund shown, its first result in. */
async function mountHeld() {
  const { api, asked, hold, figuresAsked, frame } = heldRest();
  const app = new YbApp(api, new Store());
  document.body.append(app);
  await until(() => app.sim.result?.ok === true);
  app._fund = 'resident';
  await settle(app);
  // the resident fund's charts drawn now (a chart draws in a task after the render): later draws are the test's
  for (const chart of find(app, 'yb-fund-view').shadowRoot!.querySelectorAll('yb-chart')) void (chart as YbChart).renderedOption;
  return { app, asked, hold, figuresAsked, frame };
}

describe('figures first', () => {
  freshPage();

  it('draws both charts and the cards from a run\'s figures before its result comes, and not again when it does', async () => {
    const { app, hold } = await mountHeld();
    const before = app.sim.result as RunView;
    const charts = [...find(app, 'yb-fund-view').shadowRoot!.querySelectorAll('yb-chart')] as YbChart[];
    const drawn = charts.map((c) => c.drawCount);
    const summary = find(app, 'yb-scenario-summary');
    const listed = () => [...summary.shadowRoot!.querySelectorAll('td strong')].some((s) => s.textContent === '450');

    hold.held = new Promise((r) => (hold.release = r));
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

    hold.release();
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

  it('asks for the next value\'s figures at once, not after the frame that shows the last value\'s charts', async () => {
    const { app, figuresAsked, frame } = await mountHeld();
    const [balance] = [...find(app, 'yb-fund-view').shadowRoot!.querySelectorAll('yb-chart')] as YbChart[];
    const input = leverField(app);
    const drawn = new Promise((r) => balance!.addEventListener('drawn', r, { once: true }));
    input.value = '431';
    input.dispatchEvent(new Event('input'));
    await drawn;
    // 431's charts are drawn; its result waits for a frame to show them before asking for the rest. The next
    // value comes now, before that frame (as in a drag): its figures are asked for before the frame too.
    frame.shown = false;
    requestAnimationFrame(() => (frame.shown = true));
    input.value = '432';
    input.dispatchEvent(new Event('input'));
    await until(() => !app.sim.running);
    expect(figuresAsked.map((f) => f.standard)).to.include.members(['431', '432']);
    expect(figuresAsked.find((f) => f.standard === '432')).to.deep.equal({ standard: '432', afterFrame: false });
    expect((app.sim.result as RunView).changes[0]).to.include({ param: 'resident.individual.standard', after: '432' });
    app.remove();
  });

  it('asks for the rest of the view only for the value a moving lever rests on', async () => {
    const { app, asked } = await mountHeld();
    const [balance] = [...find(app, 'yb-fund-view').shadowRoot!.querySelectorAll('yb-chart')] as YbChart[];
    const before = asked.length;
    const input = leverField(app);
    // 421, then 422 as soon as 421's charts are drawn (before a frame has shown them), as a drag does
    const drawn = new Promise((r) => balance!.addEventListener('drawn', r, { once: true }));
    input.value = '421';
    input.dispatchEvent(new Event('input'));
    await drawn;
    const passed = app.sim.figures!.hash;
    input.value = '422';
    input.dispatchEvent(new Event('input'));
    await until(() => !app.sim.running);
    await settle(app);
    const last = app.sim.result as RunView;
    expect(last.changes[0]).to.include({ param: 'resident.individual.standard', after: '422' });
    expect(asked.slice(before)).to.deep.equal([last.hash]);
    expect(passed).not.to.equal(last.hash);
    app.remove();
  });
});
