/** axe-core on the workbench's main states: no violations of any kind. */
import { expect } from 'chai';
import type { YbApp } from '../../src/ui/components/workbench-app.ts';
import { click, deepFocus, find, freshPage, mount, sendKeys, settle, typeInto, until } from './helpers.ts';
import { loadAxe, violations } from './axe.ts';

describe('accessibility (axe-core)', () => {
  freshPage();
  before(loadAxe);

  it('has no violations on opening, with a table open, an error beside a lever, the comparison, the report and in English', async function () {
    this.timeout(90000); // eight states, each checked in full
    const app = await mount();
    expect(await violations(app), 'on opening').to.deep.equal([]);
    await click(find(app, 'yb-fund-view', 'yb-data-table', 'summary'));
    await click(find(app, 'yb-fund-view', 'yb-data-table', 'button.year'));
    await until(() => !!(find(app, 'yb-why-panel') as unknown as { explain?: unknown }).explain);
    expect(await violations(app), 'table and why panel').to.deep.equal([]);
    await typeInto(find<HTMLInputElement>(app, 'yb-lever-panel', '#lever-resident\\.individual\\.standard'), '-1');
    await until(() => !app.sim.running && !!find(app, 'yb-lever-panel').shadowRoot!.querySelector('.error'));
    expect(await violations(app), 'an invalid value').to.deep.equal([]);
    await typeInto(find<HTMLInputElement>(app, 'yb-lever-panel', '#lever-resident\\.individual\\.standard'), '420');
    await until(() => !app.sim.running && (app.store.active!.scenario.overrides ?? []).length === 1);
    await click(find(app, '#compare-baseline'));
    await until(() => !!(find(app, 'yb-compare-view') as unknown as { result?: unknown }).result);
    expect(await violations(app), 'comparison').to.deep.equal([]);
    await click(find(app, '#report'));
    await settle(app);
    await (find(app, 'yb-report') as unknown as { chartsDrawn(): Promise<void> }).chartsDrawn();
    expect(await violations(app), 'report').to.deep.equal([]);
    await click(find(app, 'yb-report', '#close'));
    const english = [...app.shadowRoot!.querySelectorAll('header button')].find((b) => b.textContent === 'English')!;
    await click(english);
    await until(() => app.shadowRoot!.querySelector('h1')!.textContent === 'Medical-insurance policy workbench');
    expect(await violations(app), 'in English').to.deep.equal([]);
  });

  it('at 390 px, the why panel shows every figure and source on the screen, and has no violations', async function () {
    this.timeout(60000);
    const { setViewport } = await import('@web/test-runner-commands');
    await setViewport({ width: 390, height: 844 });
    try {
      const app = await mount();
      const table = find(app, 'yb-fund-view', 'yb-data-table');
      await click(table.shadowRoot!.querySelector('summary')!);
      await settle(app);
      // 2024 of the employee fund, tapped in its table
      await click([...table.shadowRoot!.querySelectorAll('button.year')].find((b) => b.textContent === '2024')!);
      await until(() => !!find(app, 'yb-why-panel').shadowRoot!.querySelector('table'));
      await settle(app);
      const why = find(app, 'yb-why-panel');
      why.scrollIntoView();
      // each row's figure and source lie within the screen, not in a box to scroll sideways
      const cells = [...why.shadowRoot!.querySelectorAll('tbody td')].filter((td) => td.textContent!.trim());
      expect(cells.length).to.be.greaterThan(20);
      const outside = cells.filter((td) => td.getBoundingClientRect().right > innerWidth + 0.5).map((td) => td.textContent!.trim().slice(0, 40));
      expect(outside).to.deep.equal([]);
      // the figures say which column they are: seed 000's employee income in the base year, 43,369.27 万元 (its funds' sum)
      expect(why.shadowRoot!.textContent).to.contain('43,369.27');
      expect(getComputedStyle(why.shadowRoot!.querySelector('td[data-label]')!, '::before').content).to.contain('2024');
      expect(await violations(app), 'why panel at 390 px').to.deep.equal([]);
    } finally {
      await setViewport({ width: 1280, height: 900 });
    }
  });

  it('has no violations at 390 px, on the levers tab', async function () {
    this.timeout(60000);
    const { setViewport } = await import('@web/test-runner-commands');
    await setViewport({ width: 390, height: 844 });
    try {
      const app = await mount();
      expect(await violations(app), 'results tab').to.deep.equal([]);
      await click(find(app, '#pane-levers'));
      expect(await violations(app), 'levers tab').to.deep.equal([]);
    } finally {
      await setViewport({ width: 1280, height: 900 });
    }
  });

  it('skip links: the first Tab shows “跳到测算结果”, Enter moves the focus to the results; at 390 px the second opens the levers', async function () {
    this.timeout(60000);
    const app = await mount();
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    const first = deepFocus() as HTMLButtonElement;
    expect(first.textContent).to.equal('跳到测算结果');
    // visible when focused: on the screen, not off it
    const box = first.getBoundingClientRect();
    expect(box.top).to.be.at.least(0);
    expect(box.height).to.be.greaterThan(10);
    await sendKeys({ press: 'Enter' });
    await settle(app);
    expect(deepFocus()?.id).to.equal('results');
    expect(deepFocus()!.textContent).to.contain('测算结果');
    // the next Tab is in the results (the fund cards or the tabs), not back in the header
    await sendKeys({ press: 'Tab' });
    expect(app.shadowRoot!.querySelector('main')!.contains(focusHost(app)), `focus on ${focusHost(app)?.tagName}`).to.equal(true);
    expect(await violations(app)).to.deep.equal([]);
    const { setViewport } = await import('@web/test-runner-commands');
    await setViewport({ width: 390, height: 844 });
    try {
      // from the first skip link (where the first Tab on the page lands, as above), Tab to the second
      find(app, '.skip button').focus();
      await sendKeys({ press: 'Tab' });
      expect(deepFocus()!.textContent).to.equal('跳到政策参数');
      await sendKeys({ press: 'Enter' });
      await settle(app);
      // the levers pane is shown (results first on a narrow screen) and has the focus; Tab reaches the title field
      expect(find(app, '#pane-levers').getAttribute('aria-pressed')).to.equal('true');
      expect(deepFocus()?.id).to.equal('levers');
      await sendKeys({ press: 'Tab' });
      expect(deepFocus()?.id).to.equal('title');
      expect(await violations(app), 'at 390 px').to.deep.equal([]);
    } finally {
      await setViewport({ width: 1280, height: 900 });
    }
  });
});

/** The element in the app's own shadow root that holds the focus (a component, or a control of the app). */
function focusHost(app: YbApp): Element | null {
  return app.shadowRoot!.activeElement;
}

