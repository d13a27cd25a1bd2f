/**
 * What a user left should be there when they come back, and what the workbench says should hold at
 * every width and in both languages: the report opened and closed over analysis results, months payable of
 * an exhausted fund, a run replaced by another, the keyboard after 取消, a 390 px screen.
 */
import { expect } from 'chai';
import { click, deepFocus, find, freshPage, mount, sendKeys, settle } from './helpers.ts';
import { inView, openPanel, typeField } from './analyses-helpers.ts';
import { until } from './helpers.ts';
import type { YbPopulationView } from '../../src/ui/components/population-view.ts';

describe('the report over the workbench', () => {
  freshPage();

  it('closed with Escape, gives back the heat map, the open population view, the scroll position and the focus on 导出报告', async function () {
    this.timeout(180000);
    const app = await mount();
    const view = await openPanel(app);
    await click(inView(view, '#atab-grid'));
    await view.updateComplete;
    await typeField(view, 'rowsN', '2');
    await typeField(view, 'columnsN', '2');
    await click(inView(view, '#grid-run'));
    await until(() => view._grid !== undefined, 60000);
    const grid = view._grid;
    const population = find<YbPopulationView>(app, 'yb-population-view');
    await click(population.shadowRoot!.querySelector('summary')!);
    await population.updateComplete;
    expect(population.open).to.equal(true);
    inView(view, '#grid-chart').scrollIntoView({ block: 'center' });
    await new Promise((r) => requestAnimationFrame(r));
    const scrolled = window.scrollY;
    expect(scrolled).to.be.greaterThan(500);
    find(app, '#report').focus({ preventScroll: true });
    await sendKeys({ press: 'Enter' });
    await settle(app);
    expect(app.shadowRoot!.querySelector('yb-report')).to.not.equal(null);
    // the report starts at its top, the workbench behind it neither seen nor reachable
    expect(window.scrollY).to.equal(0);
    const workbench = app.shadowRoot!.querySelector('.workbench') as HTMLElement;
    expect(workbench.hidden && workbench.inert).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await settle(app);
    expect(app.shadowRoot!.querySelector('yb-report')).to.equal(null);
    // the same panel with the same result, the population view still open, the page where it was
    expect(find(app, 'yb-analyses-view')).to.equal(view);
    expect(view._grid).to.equal(grid);
    expect(view.shadowRoot!.querySelector('#grid-chart')).to.not.equal(null);
    expect(find<YbPopulationView>(app, 'yb-population-view').open).to.equal(true);
    expect(Math.abs(window.scrollY - scrolled)).to.be.lessThan(2);
    expect(deepFocus()).to.equal(find(app, '#report'));
  });
});
