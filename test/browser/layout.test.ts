/** The workbench on a phone: no sideways scrolling, results first, levers one tap away. */
import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import type { RunView } from '../../src/app/views.ts';
import { click, find, mount, settle, typeInto, until } from './helpers.ts';

describe('at 390 px', () => {
  beforeEach(async () => {
    localStorage.clear();
    document.body.innerHTML = '';
    document.body.style.margin = '0';
    await setViewport({ width: 390, height: 844 });
  });
  after(async () => {
    await setViewport({ width: 1280, height: 900 });
  });

  it('shows results before the levers, never scrolls sideways, and changes a lever by touch-sized taps', async () => {
    const app = await mount();
    await settle(app);
    expect(document.documentElement.scrollWidth).to.be.at.most(390);
    // the first screen shows the funds, the levers are a tab away
    const cards = find(app, 'yb-fund-cards').getBoundingClientRect();
    expect(cards.top).to.be.lessThan(844);
    expect(getComputedStyle(find(app, 'aside')).display).to.equal('none');
    await click(find(app, '#pane-levers'));
    await settle(app);
    expect(find(app, 'main').getBoundingClientRect().height).to.equal(0);
    const input = find<HTMLInputElement>(app, 'yb-lever-panel', '#lever-resident\\.individual\\.standard');
    const before = (app.sim.result as RunView).hash;
    await typeInto(input, '400');
    await until(() => (app.sim.result as RunView).hash !== before && !app.sim.running);
    await settle(app);
    expect(document.documentElement.scrollWidth).to.be.at.most(390);
    await click(find(app, '#pane-results'));
    await settle(app);
    // open every table: still no sideways scrolling (the tables scroll in their own box)
    for (const table of app.shadowRoot!.querySelector('yb-fund-view')!.shadowRoot!.querySelectorAll('yb-data-table')) (table as unknown as { open: boolean }).open = true;
    await settle(app);
    expect(document.documentElement.scrollWidth).to.be.at.most(390);
  });

  it('shows the whole scenario title in the header and names the two tables under the subsidy chart apart, in both languages', async () => {
    const app = await mount();
    await settle(app);
    const canvas = document.createElement('canvas').getContext('2d')!;
    for (const label of ['English', '中文']) {
      const select = find<HTMLSelectElement>(app, '#pick');
      canvas.font = getComputedStyle(select).font;
      // the selected title, plus the select's padding and arrow (about 28 px), fits the select's width
      const text = select.selectedOptions[0]!.textContent!.trim();
      expect(canvas.measureText(text).width + 28, `${text} at 390 px`).to.be.at.most(select.clientWidth);
      const controls = [...find(app, 'yb-scenario-summary').shadowRoot!.querySelectorAll('yb-data-table')].map((t) => t.shadowRoot!.querySelector('button')!.textContent!.trim());
      expect(new Set(controls).size, controls.join(' | ')).to.equal(controls.length);
      await click([...app.shadowRoot!.querySelectorAll('header button')].find((b) => b.textContent?.trim() === label)!);
      await settle(app);
    }
  });
});
