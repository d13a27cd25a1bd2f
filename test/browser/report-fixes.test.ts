/** The report's sources of a changed lever, its header, and its layout on a phone. */
import { expect } from 'chai';
import type { YbReport } from '../../src/ui/components/report-view.ts';
import { click, find, freshPage, idle, leverField, mount, settle, typeInto, switchToEnglish } from './helpers.ts';

/** The report opened with the mouse, its charts drawn. */
async function openReport(app: HTMLElement & { sim: { settled(): Promise<void> } }) {
  await click(find(app, '#report'));
  const report = find<YbReport>(app, 'yb-report');
  await report.updateComplete;
  await report.chartsDrawn();
  return report;
}

describe('the report of a changed scenario', () => {
  freshPage();

  it('gives a changed lever’s source as the scenario’s change from its month, the baseline’s source labelled as such', async () => {
    const app = await mount();
    await typeInto(leverField(app), '450');
    await idle(app);
    const report = await openReport(app);
    await settle(app);
    const sources = report.shadowRoot!.querySelector('#r-sources')!.parentElement!;
    const item = [...sources.querySelectorAll('li')].find((li) => li.textContent!.startsWith('个人缴费标准'))!;
    expect(item.textContent).to.contain('个人缴费标准: 本方案的调整（2023-01起）');
    // the 380 it replaces comes from the parameter registry's default (no rule of banner/resident-2022 sets it from 2023)
    expect(item.textContent).to.contain('基线：参数登记表的默认值');
    expect(item.textContent).to.not.match(/^个人缴费标准: 参数登记表的默认值/);
  });
});

describe('the report’s header and figures', () => {
  freshPage();

  it('in English gives an unambiguous date and “Projected to”; values are grouped by thousands, every digit kept', async () => {
    const app = await mount();
    await switchToEnglish(app);
    const report = await openReport(app);
    const meta = report.shadowRoot!.querySelector('article > .meta')!.textContent!;
    const d = new Date();
    const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    expect(meta).to.contain(`Generated on ${iso}`);
    expect(meta).to.contain('Projected to 2035');
    expect(meta).to.not.contain('Project to');
    // seed 000: 65336 insured residents in 2022, shown 65,336
    const rows = [...report.shadowRoot!.querySelectorAll('#r-assumptions ~ .wide tr')].map((tr) => tr.textContent!);
    expect(rows.some((row) => row.includes('65,336'))).to.equal(true);
    expect(rows.some((row) => /\b65336\b/.test(row))).to.equal(false);
  });
});

describe('on a phone, in English', () => {
  freshPage(390, 844);

  it('the calibration’s assumptions are one card a row, every figure and source on the screen', async () => {
    const app = await mount();
    await switchToEnglish(app);
    const view = find(app, 'yb-backtest-view');
    const details = view.shadowRoot!.querySelector('details')!;
    await click(details.querySelector('summary')!);
    await settle(app);
    const table = view.shadowRoot!.querySelector<HTMLElement>('#assumptions-in-force')!;
    expect(table.getBoundingClientRect().right).to.be.at.most(390);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.length).to.be.above(10);
    for (const row of rows) {
      for (const cell of row.querySelectorAll('td')) {
        const box = cell.getBoundingClientRect();
        expect(box.right, cell.textContent!).to.be.at.most(390);
        expect(box.left, cell.textContent!).to.be.at.least(0);
      }
    }
    expect(document.scrollingElement!.scrollWidth).to.be.at.most(390);
  });

  it('the report does not scroll sideways as a page: each table fits or scrolls in its own box', async () => {
    const app = await mount();
    await typeInto(leverField(app), '450');
    await idle(app);
    await switchToEnglish(app);
    await click(find(app, '#pane-results'));
    const report = await openReport(app);
    await settle(app);
    expect(document.scrollingElement!.scrollWidth).to.be.at.most(390);
    const article = report.shadowRoot!.querySelector('article')!;
    expect(article.scrollWidth).to.be.at.most(article.clientWidth);
    for (const table of report.shadowRoot!.querySelectorAll('table')) {
      const box = table.parentElement!;
      expect(box.getBoundingClientRect().right, table.getAttribute('aria-label')!).to.be.at.most(390);
      if (table.scrollWidth > box.clientWidth) expect(getComputedStyle(box).overflowX, table.getAttribute('aria-label')!).to.equal('auto');
    }
  });
});
