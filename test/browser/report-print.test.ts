/**
 * The report as printed on A4: every table, list and chart fits the page's width in Chinese and in
 * English, so the browser never shrinks the whole document to fit (a table wider than the page
 * made Chromium print the English report at 69%).
 */
import { expect } from 'chai';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import type { YbReport } from '../../src/ui/components/report-view.ts';
import type { YbApp } from '../../src/ui/components/workbench-app.ts';
import floor50 from '../../seeds/scenarios/city-floor-50.json' with { type: 'json' };
import { click, find, freshPage, mount, settle, until } from './helpers.ts';

/** A4 (210 mm) less the report's 12 mm side margins (its @page rule), in CSS pixels at 96 per inch. */
const PRINTABLE_PX = Math.floor(((210 - 2 * 12) / 25.4) * 96); // 186 mm = 702.99 px

async function language(app: YbApp, label: 'English' | '中文'): Promise<void> {
  const button = [...app.shadowRoot!.querySelectorAll('header button')].find((b) => b.textContent?.trim() === label);
  if (button) await click(button);
  await settle(app);
}

/** The report opened in a language, its charts drawn, then laid out as printed: the print style sheet at the width Chromium lays an A4 page out in. */
async function printed(app: YbApp, label: 'English' | '中文'): Promise<YbReport> {
  await language(app, label);
  await click(find(app, '#report'));
  await settle(app);
  const report = find<YbReport>(app, 'yb-report');
  await report.chartsDrawn();
  await emulateMedia({ media: 'print' });
  await setViewport({ width: PRINTABLE_PX, height: 1000 });
  return report;
}

/** Everything in the printed report wider than the page: its tag, width and first words. */
function overflowing(report: YbReport): string[] {
  const article = report.shadowRoot!.querySelector('article')!;
  const right = article.getBoundingClientRect().right;
  return [...article.querySelectorAll('*')]
    .filter((e) => e.getBoundingClientRect().right > right + 0.5 || (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible'))
    .map((e) => `${e.tagName.toLowerCase()} ${Math.round(e.getBoundingClientRect().width)}px “${(e.getAttribute('aria-label') ?? e.textContent ?? '').replace(/\s+/g, ' ').slice(0, 60)}”`);
}

/** Cells of the wrapped tables (compliance, assumptions, changes) whose short text (a year, a figure, a unit) is broken over lines. */
function brokenShortCells(report: YbReport): string[] {
  return [...report.shadowRoot!.querySelectorAll('table.wrap td, table.wrap th')]
    .filter((cell) => {
      const text = cell.textContent!.trim();
      if (!text || text.length > 6 || /\s/.test(text)) return false;
      const range = document.createRange();
      range.selectNodeContents(cell);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      return lines.size > 1;
    })
    .map((cell) => `${cell.closest('table')!.getAttribute('aria-label')}: “${cell.textContent!.trim()}”`);
}

describe('the printed report', () => {
  freshPage();
  // the workbench's page has no margin of its own (index.html)
  beforeEach(() => {
    document.body.style.margin = '0';
  });
  afterEach(async () => {
    await emulateMedia({ media: 'screen' });
    await setViewport({ width: 1280, height: 900 });
  });

  for (const scenario of ['banner-2022', 'city-floor-50'] as const) {
    it(`fits the width of an A4 page in Chinese and in English (${scenario})`, async function () {
      this.timeout(120000);
      const app = await mount();
      if (scenario === 'city-floor-50') expect(await app.openText(JSON.stringify(floor50), 'city-floor-50.json')).to.equal(true);
      if (scenario === 'city-floor-50') await until(() => app.sim.result?.ok === true && app.sim.result.title === floor50.title && !app.sim.running);
      for (const label of ['中文', 'English'] as const) {
        const report = await printed(app, label);
        // the charts take the new width when their resize observers have run, a frame or more after the layout
        for (let frames = 0; frames < 60 && overflowing(report).length; frames++) await new Promise((r) => requestAnimationFrame(() => r(undefined)));
        expect(overflowing(report), label).to.deep.equal([]);
        // a year, a figure or a unit stays on one line ("2022", "580", "万元"), whatever the long source beside it takes
        expect(brokenShortCells(report), label).to.deep.equal([]);
        expect(document.documentElement.scrollWidth, label).to.be.at.most(PRINTABLE_PX);
        await emulateMedia({ media: 'screen' });
        await setViewport({ width: 1280, height: 900 });
        await click(report.shadowRoot!.querySelector('#close')!);
        await settle(app);
      }
    });
  }

  it('keeps each section heading with what follows it: the heading claims 40 mm below it, so it never ends a page', async function () {
    this.timeout(60000);
    const app = await mount();
    await click(find(app, '#report'));
    await settle(app);
    const report = find<YbReport>(app, 'yb-report');
    await report.chartsDrawn();
    await emulateMedia({ media: 'print' });
    // Chromium ignored break-after: avoid before the assumptions table: "4 测算假设" was printed alone at the foot of
    // page 9 of the example's A4 report (page.pdf); with the room claimed it starts page 10 above its table.
    const headings = [...report.shadowRoot!.querySelectorAll('h2')];
    expect(headings.map((h) => h.textContent!.trim().slice(0, 1))).to.deep.equal(['1', '2', '3', '4', '5', '6', '7', '8']);
    const mm = 96 / 25.4;
    for (const h of headings) {
      const after = getComputedStyle(h, '::after');
      expect(getComputedStyle(h).breakAfter, h.textContent!).to.equal('avoid');
      expect(parseFloat(after.height) / mm, h.textContent!).to.be.closeTo(40, 0.1);
      expect(parseFloat(after.marginBottom) / mm, h.textContent!).to.be.closeTo(-40, 0.1);
    }
  });

  it('names every series of every chart under it, in its colour, and draws no legend that pages', async function () {
    this.timeout(60000);
    const app = await mount();
    // the banner's resident fund: its sources of income and the expenditure line made a legend that paged on paper
    const report = await printed(app, 'English');
    const charts = [...report.shadowRoot!.querySelectorAll('yb-chart')] as (HTMLElement & { renderedOption: { legend: { show: boolean }[]; series: { name: string }[] } })[];
    expect(charts.length).to.be.greaterThan(2);
    for (const chart of charts) {
      const drawn = chart.renderedOption;
      expect(drawn.legend[0]!.show, chart.getAttribute('label')!).to.equal(false);
      const list = chart.nextElementSibling as HTMLUListElement;
      const names = [...list.querySelectorAll('li')].map((li) => li.textContent!.trim());
      expect(names, chart.getAttribute('label')!).to.deep.equal(drawn.series.map((s) => s.name));
      // each name whole on the page: nothing cut or hidden behind arrows
      for (const li of list.querySelectorAll('li')) expect(li.getBoundingClientRect().right).to.be.at.most(PRINTABLE_PX + 0.5);
    }
    const income = charts.find((c) => c.getAttribute('label')!.includes('Income'))!;
    const keys = [...(income.nextElementSibling as HTMLElement).querySelectorAll('.key')].map((k) => getComputedStyle(k).borderTopColor);
    // the palette's first colour for the first source (#0b5cad), the expenditure line's own (#1b2430) last
    expect(keys[0]).to.equal('rgb(11, 92, 173)');
    expect(keys.at(-1)).to.equal('rgb(27, 36, 48)');
  });
});
