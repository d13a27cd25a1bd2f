/**
 * What a user left should be there when they come back, and what the workbench says should hold at
 * every width and in both languages: the report opened and closed over analysis results, months payable of
 * an exhausted fund, a run replaced by another, the keyboard after 取消, a 390 px screen.
 */
import { expect } from 'chai';
import { click, deepFocus, find, freshPage, leverField, mount, sendKeys, sendMouse, settle, switchToEnglish, typeInto, until } from './helpers.ts';
import { inView, openPanel, typeField } from './analyses-helpers.ts';
import { loadAxe, violations } from './axe.ts';
import type { YbPopulationView } from '../../src/ui/components/population-view.ts';
import type { YbCompareView } from '../../src/ui/components/compare-view.ts';
import type { YbDataTable } from '../../src/ui/components/data-table.ts';
import type { RunView } from '../../src/app/views.ts';
import national from '../../seeds/scenarios/national-2022.json' with { type: 'json' };

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

describe('months payable of an exhausted fund', () => {
  freshPage();

  it('read 耗尽 in the comparison’s table, CSV and tooltip, a difference involving one reads —', async function () {
    this.timeout(120000);
    const app = await mount();
    await typeInto(leverField(app), '520');
    await until(() => !app.sim.running && (app.store.active!.scenario.overrides ?? []).length === 1);
    await click(find(app, '#compare-baseline'));
    await until(() => app.shadowRoot!.querySelector('yb-compare-view') !== null && !!find<YbCompareView>(app, 'yb-compare-view').result);
    await settle(app);
    const view = find<YbCompareView>(app, 'yb-compare-view');
    const fund = find<HTMLSelectElement>(view, '#compare-fund');
    const indicator = find<HTMLSelectElement>(view, '#compare-indicator');
    await click(indicator);
    // from 累计结存, the one below
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await settle(app);
    expect(view.indicator).to.equal('monthsPayable');
    expect(fund.value).to.equal('resident');
    // the banner as reported runs its resident fund out in 2034 (months payable −2.30); at 520 元 from 2023 it
    // still has months left then
    const [base] = view.result!.runs as RunView[];
    const exhausted = base!.funds.find((f) => f.id === 'resident')!.years.filter((y) => Number(y.monthsPayable) < 0).map((y) => y.year);
    expect(exhausted[0]).to.equal(2034);
    const table = find<YbDataTable>(view, 'yb-data-table');
    const shown = table.table.rows.map((r) => r.map((c, j) => (table.table.columns[j]!.format ? table.table.columns[j]!.format!(c) : String(c))));
    const y2034 = shown.find((r) => r[0] === '2034')!;
    expect(y2034[1]).to.equal('耗尽');
    expect(Number(y2034[2])).to.be.greaterThan(0);
    expect(y2034[3]).to.equal('—');
    // the CSV: headed by the scenarios' whole names (the table's columns shorten them); 耗尽 where the fund is
    // exhausted, the difference empty, no negative month anywhere
    const csvText = table.csvText().trimEnd().split('\n');
    expect(csvText[0]!.split(',').slice(1, 3)).to.deep.equal(['1. 旗 2022 基线：现行规则 · 基线（未调整）', '2. 旗 2022 基线：现行规则']);
    const csv = csvText.slice(1).map((l) => l.split(','));
    for (const year of exhausted) {
      const row = csv.find((r) => r[0] === String(year))!;
      expect([row[1], row[3]]).to.deep.equal(['耗尽', '']);
    }
    expect(csv.flatMap((r) => r.slice(1)).filter((c) => c.startsWith('-'))).to.deep.equal([]);
    // the chart's tooltip at 2035, pointed at with the mouse, names the baseline's value 耗尽, not 0
    const chart = find(view, 'yb-chart');
    chart.scrollIntoView({ block: 'center' });
    await new Promise((r) => requestAnimationFrame(r));
    const box = chart.getBoundingClientRect();
    const years = table.table.rows.length;
    const i2035 = table.table.rows.findIndex((r) => r[0] === 2035);
    // the plot: 64 px from the left, 16 from the right, each year a category of equal width
    const x = box.x + 64 + ((i2035 + 0.5) * (box.width - 80)) / years;
    await sendMouse({ type: 'move', position: [Math.round(x), Math.round(box.y + box.height / 3)] });
    await until(() => /2035/.test(chart.shadowRoot!.textContent ?? ''));
    const tip = chart.shadowRoot!.textContent!;
    expect(tip).to.match(/1\. [^\n]*?耗尽/);
  });

  it('the tornado’s default outcome is a year the fund still has months payable', async function () {
    this.timeout(120000);
    const app = await mount();
    const view = await openPanel(app);
    // the banner's resident fund is exhausted in 2034: the default outcome is its months payable in 2033, not the horizon's
    expect([view._form.outKind, view._form.outFund, view._form.outYear]).to.deep.equal(['months-payable', 'resident', '2033']);
  });
});

describe('one analysis at a time', () => {
  freshPage();

  it('a run replaced by another says so on its own tab, in both languages; a cancel note stays on its tab', async function () {
    this.timeout(180000);
    const app = await mount();
    const view = await openPanel(app);
    await click(inView(view, '#atab-monteCarlo'));
    await view.updateComplete;
    await typeField(view, 'paths', '20000');
    await click(inView(view, '#mc-run'));
    await until(() => view._busy?.tab === 'monteCarlo');
    // the tornado started meanwhile replaces the Monte Carlo run
    await click(inView(view, '#atab-tornado'));
    await view.updateComplete;
    await click(inView(view, '#tornado-run'));
    await until(() => view._busy?.tab === 'tornado');
    await click(inView(view, '#cancel'));
    await view.updateComplete;
    expect(inView(view, '[role=status]').textContent).to.equal('已取消；尚无结果。');
    // the heat map's tab ran nothing: no note there
    await click(inView(view, '#atab-grid'));
    await view.updateComplete;
    expect(view.shadowRoot!.querySelector('[role=status]')?.textContent ?? null).to.equal(null);
    await click(inView(view, '#atab-monteCarlo'));
    await view.updateComplete;
    expect(view._mc === undefined).to.equal(true);
    expect(inView(view, '[role=status]').textContent).to.equal('已取消：另一项分析开始运行（一次运行一项）；尚无结果。');
    await switchToEnglish(app);
    await view.updateComplete;
    expect(inView(view, '[role=status]').textContent).to.equal('Cancelled: another analysis started (one runs at a time); there is no result yet.');
  });

  it('with the keyboard: 取消 gives the focus back to 运行', async function () {
    this.timeout(180000);
    const app = await mount();
    const view = await openPanel(app);
    await click(inView(view, '#atab-monteCarlo'));
    await view.updateComplete;
    await typeField(view, 'paths', '20000');
    inView(view, '#mc-run').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => view._busy?.tab === 'monteCarlo' && view.shadowRoot!.querySelector('#cancel') !== null);
    await sendKeys({ press: 'Tab' });
    expect(deepFocus()?.id).to.equal('cancel');
    await sendKeys({ press: 'Enter' });
    await view.updateComplete;
    expect(view._busy).to.equal(undefined);
    expect(deepFocus()?.id).to.equal('mc-run');
  });
});

describe('on a phone', () => {
  freshPage(390, 800);
  before(loadAxe);

  it('the backtest’s table scrolls in its own box: the page never scrolls sideways', async function () {
    this.timeout(120000);
    const app = await mount();
    const backtest = find(app, 'yb-backtest-view');
    await click(backtest.shadowRoot!.querySelector('section:nth-of-type(2) button')!);
    await until(() => backtest.shadowRoot!.querySelector('section:nth-of-type(2) table') !== null, 60000);
    await settle(app);
    const table = backtest.shadowRoot!.querySelector('section:nth-of-type(2) table')!;
    // the table is wider than the screen, its box no wider than the screen and scrolling
    expect(table.scrollWidth).to.be.greaterThan(390);
    const box = table.parentElement!;
    expect(getComputedStyle(box).overflowX).to.equal('auto');
    expect(document.documentElement.scrollWidth).to.be.at.most(390);
    expect(await violations(app)).to.deep.equal([]);
  });
});

describe('amounts on chart axes', () => {
  freshPage(390, 844);

  it('are in the unit the cards and tables use, in both languages, the ticks grouped by thousands', async function () {
    this.timeout(120000);
    const app = await mount();
    expect(await app.openText(JSON.stringify(national), 'national-2022.json')).to.equal(true);
    await until(() => !app.sim.running && app.lastGood?.baseYear === 2022 && app.lastGood.title === app.store.active!.scenario.title);
    await settle(app);
    type Axis = { name: string; axisLabel: { formatter: (v: number) => string } };
    const chart = () => find(app, 'yb-fund-view', 'yb-chart') as unknown as { option: { yAxis: Axis[] } };
    // the national employee fund's balance: 亿元 on the cards and in the tables, and so on the axis; 12 亿万元 is
    // 1.2e9 万元 = 120,000 亿元
    expect(find(app, 'yb-fund-cards').shadowRoot!.textContent).to.contain('亿元');
    expect(chart().option.yAxis[0]!.name).to.equal('亿元');
    expect(chart().option.yAxis[0]!.axisLabel.formatter(1.2e9)).to.equal('120,000');
    await switchToEnglish(app);
    expect(find(app, 'yb-fund-cards').shadowRoot!.textContent).to.contain('100 million yuan');
    expect(chart().option.yAxis[0]!.name).to.equal('100 million yuan');
    expect(chart().option.yAxis[0]!.axisLabel.formatter(1.2e9)).to.equal('120,000');
  });
});

describe('the levers on a phone, in English', () => {
  freshPage(390, 844);

  it('show each months-payable method’s whole name in its select', async function () {
    this.timeout(60000);
    const app = await mount();
    await switchToEnglish(app);
    await click(find(app, '#pane-levers'));
    await settle(app);
    const panel = find(app, 'yb-lever-panel');
    const selects = [...panel.shadowRoot!.querySelectorAll<HTMLSelectElement>('.lever select')].filter((s) => [...s.options].some((o) => o.text.includes('expenditure')));
    // the banner's three funds: employee, resident, medical aid
    expect(selects.length).to.equal(3);
    const ctx = document.createElement('canvas').getContext('2d')!;
    for (const select of selects) {
      select.scrollIntoView({ block: 'center' });
      const text = select.selectedOptions[0]!.text;
      ctx.font = getComputedStyle(select).font;
      // the text, the padding and the drop-down arrow (about 24 px) within the select; the select within the screen
      const box = select.getBoundingClientRect();
      expect(ctx.measureText(text).width + 24, text).to.be.at.most(box.width);
      expect(box.right).to.be.at.most(390);
    }
    expect(selects.map((s) => s.selectedOptions[0]!.text)).to.include('average expenditure of 3 years');
    expect(document.documentElement.scrollWidth).to.be.at.most(390);
  });
});

describe('the analyses panel’s forms', () => {
  freshPage();

  it('Home and End move along the tabs; an invalid heat-map month leaves the levers’ values as they were', async function () {
    this.timeout(120000);
    const app = await mount();
    const view = await openPanel(app);
    inView(view, '#atab-tornado').focus();
    await sendKeys({ press: 'End' });
    await view.updateComplete;
    expect([view._tab, deepFocus()?.id]).to.deep.equal(['monteCarlo', 'atab-monteCarlo']);
    await sendKeys({ press: 'Home' });
    await view.updateComplete;
    expect([view._tab, deepFocus()?.id]).to.deep.equal(['tornado', 'atab-tornado']);
    await sendKeys({ press: 'ArrowRight' });
    await view.updateComplete;
    expect(view._tab).to.equal('grid');
    // the heat map's levers at 2030-01: the individual standard 500 元, the subsidy 850 元 (380 and 640 in 2023)
    const rows = () => inView<HTMLSelectElement>(view, '#f-rowsLever').selectedOptions[0]!.text;
    const columns = () => inView<HTMLSelectElement>(view, '#f-columnsLever').selectedOptions[0]!.text;
    await until(() => rows().includes('(500 元/年)'), 30000);
    expect(columns()).to.contain('(850 元/年)');
    await typeField(view, 'gridFrom', '2030-13');
    expect(rows()).to.contain('(500 元/年)');
    expect(columns()).to.contain('(850 元/年)');
    await typeField(view, 'gridFrom', '2031-01');
    // a whole month: the values then in force (+20 and +30 a year)
    await until(() => rows().includes('(520 元/年)'), 30000);
    expect(columns()).to.contain('(880 元/年)');
  });
});
