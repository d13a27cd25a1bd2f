/**
 * The uncertainty and sensitivity panel with the real workers, driven with the
 * pointer and the keyboard: the tornado's ranking, a goal-seek answer opened
 * as a scenario, a target refused beside its field, cancel keeping the result
 * before it, a 390 px screen, axe-core and the language switch.
 */
import { expect } from 'chai';
import type { YbApp } from '../../src/ui/components/workbench-app.ts';
import type { YbAnalysesView } from '../../src/ui/components/analyses-view.ts';
import type { YbDataTable } from '../../src/ui/components/data-table.ts';
import { click, find, freshPage, mount, sendKeys, settle, typeInto, until } from './helpers.ts';
import banner from '../../seeds/scenarios/banner-2022.json' with { type: 'json' };

/** Open the panel with a click on its heading; resolves once its forms have their choices. */
async function openPanel(app: YbApp): Promise<YbAnalysesView> {
  await click(find(app, '#analyses summary'));
  await customElements.whenDefined('yb-analyses-view');
  const view = find<YbAnalysesView>(app, 'yb-analyses-view');
  await until(() => view._options?.view.ok === true && view._options.hash === app.lastGood?.hash, 30000);
  await view.updateComplete;
  return view;
}

function inView<T extends Element = HTMLElement>(view: YbAnalysesView, selector: string): T {
  const el = view.shadowRoot!.querySelector(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el as T;
}

/** Pick a choice of a select with the keyboard, as a user does: focus it, then type the choice's first letters. */
async function choose(view: YbAnalysesView, id: string, value: string): Promise<void> {
  const select = inView<HTMLSelectElement>(view, `#f-${id}`);
  select.focus();
  const options = [...select.options].map((o) => o.value);
  const steps = options.indexOf(value) - select.selectedIndex;
  if (options.indexOf(value) < 0) throw new Error(`no choice ${value} in ${id}`);
  for (let i = 0; i < Math.abs(steps); i++) await sendKeys({ press: steps > 0 ? 'ArrowDown' : 'ArrowUp' });
  await view.updateComplete;
  expect(view._form[id]).to.equal(value);
}

async function typeField(view: YbAnalysesView, id: string, text: string): Promise<void> {
  await typeInto(inView<HTMLInputElement>(view, `#f-${id}`), text);
  await view.updateComplete;
}

function tableOf(view: YbAnalysesView, section: string): YbDataTable {
  return inView<YbDataTable>(view, `${section} yb-data-table`);
}

describe('uncertainty and sensitivity in the workbench', () => {
  freshPage();

  it('ranks the dominant lever first for a constructed scenario', async function () {
    this.timeout(120000);
    const app = await mount();
    // The banner to 2030, outcome: cumulative fiscal subsidy 2023-2030, all levels, S. Most of it is the resident
    // subsidy, insured_y × standard_y; the rest is medical aid's budget funding, which follows aid's costs.
    // The subsidy standard ±10% every year moves the resident part by ±10%: an effect a little under 0.2 S.
    // Resident participation ±1 point a year moves year k's residents by about ±k% (k = 1..8), on average ±4.5%:
    // about 0.09 S. Cost and use growth move only aid's part (under 0.01 S); wages, collection and the individual
    // standard do not touch the subsidy (effect 0). So: the subsidy standard first, participation second.
    expect(await app.openText(JSON.stringify({ ...banner, title: 'constructed', until: 2030 }), 'constructed.json')).to.equal(true);
    await until(() => app.lastGood?.until === 2030);
    const view = await openPanel(app);
    await choose(view, 'outKind', 'subsidy');
    await click(inView(view, '#tornado-run'));
    await until(() => view._tornado !== undefined, 60000);
    await settle(app);
    const rows = tableOf(view, 'section').table.rows;
    expect(rows[0]![0]).to.contain('人均财政补助标准');
    expect(rows[1]![0]).to.contain('参保人数年增长率');
    const [, range, low, high, effect] = rows[0]!;
    expect(range).to.equal('-10% ~ +10%');
    const s = (Number(low) + Number(high)) / 2;
    expect(Number(effect) / s).to.be.within(0.15, 0.2);
    expect(Number(rows[1]![4]) / s).to.be.within(0.06, 0.12);
    expect(rows.slice(2).every((r) => Number(r[4]) / s < 0.01)).to.equal(true);
    for (const untouched of ['工资年增长率', '征缴率', '个人缴费标准']) expect(rows.find((r) => String(r[0]).includes(untouched))?.[4]).to.equal(0);
    // the chart draws the bars in that order, top first
    const chart = inView(view, '#tornado-chart') as unknown as { renderedOption: { yAxis: { data: string[] }[] } };
    await until(() => chart.renderedOption?.yAxis?.[0]?.data?.length === rows.length);
    expect(chart.renderedOption.yAxis[0]!.data[0]).to.contain('人均财政补助标准');
  });

  it('finds the smallest individual standard for a target, and opens it as a scenario whose lever shows it', async function () {
    this.timeout(120000);
    const app = await mount();
    const view = await openPanel(app);
    await click(inView(view, '#atab-solve'));
    await view.updateComplete;
    await choose(view, 'solveLever', 'resident.individual.standard');
    await typeField(view, 'solveFrom', '2026-01');
    await typeField(view, 'valueA', '12');
    await typeField(view, 'until', '2035');
    await click(inView(view, '#solve-run'));
    await until(() => view._solve !== undefined, 60000);
    await view.updateComplete;
    // As `npm run simulate -- seeds/scenarios/banner-2022.json --solve resident.individual.standard --from 2026-01
    // --target "monthsPayable >= 12 until 2035"` prints: 803 元 keeps the resident fund at 12 months payable or
    // more every year 2026-2035; 802 元 gives 11.9808 months in 2035.
    expect(inView(view, '#solve-value').textContent).to.contain('803');
    expect(inView(view, '#solve-beyond').textContent).to.contain('802').and.contain('2035 (11.98)');
    const entries = app.store.state.entries.length;
    await click(inView(view, '#open-answer'));
    await until(() => app.store.state.entries.length === entries + 1 && app.lastGood?.title.includes('803') === true);
    await settle(app);
    const lever = find<HTMLInputElement>(app, 'yb-lever-panel', '#lever-resident\\.individual\\.standard');
    expect(lever.value).to.equal('803');
    // a new scenario like any other: undone with 撤销
    await click(find(app, '#undo'));
    await until(() => app.store.state.entries.length === entries);
  });

  it('refuses an invalid target beside its field and runs nothing', async function () {
    this.timeout(60000);
    const app = await mount();
    const view = await openPanel(app);
    await click(inView(view, '#atab-solve'));
    await view.updateComplete;
    await typeField(view, 'until', '2099');
    await typeField(view, 'valueA', 'abc');
    await click(inView(view, '#solve-run'));
    await view.updateComplete;
    // the banner's horizon is 2035; the lever acts from 2023-01
    expect(inView(view, '#err-until').textContent).to.equal('请填写 2023 至 2035 之间的年份');
    expect(inView(view, '#err-valueA').textContent).to.equal('请填写数字');
    expect(inView(view, '#f-until').getAttribute('aria-invalid')).to.equal('true');
    expect(view._busy).to.equal(undefined);
    expect(view._solve).to.equal(undefined);
    expect(app.analyses.busy).to.equal(false);
  });

  it('shows progress, and a cancelled heat map leaves the previous one', async function () {
    this.timeout(180000);
    const app = await mount();
    const view = await openPanel(app);
    const scenario = structuredClone(app.store.active!.scenario);
    await click(inView(view, '#atab-grid'));
    await view.updateComplete;
    await typeField(view, 'rowsN', '2');
    await typeField(view, 'columnsN', '2');
    await click(inView(view, '#grid-run'));
    await until(() => view._grid !== undefined, 60000);
    const first = view._grid!;
    expect(first.view.ok && first.view.grid.cells.flat()).to.have.length(4);
    // 20 × 20 = 400 projections: long enough to see it move and to cancel it
    await typeField(view, 'rowsN', '20');
    await typeField(view, 'columnsN', '20');
    await click(inView(view, '#grid-run'));
    await until(() => Number(view.shadowRoot!.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow') ?? 0) > 0, 60000);
    const bar = inView(view, '[role=progressbar]');
    expect(bar.getAttribute('aria-valuetext')).to.match(/已完成 \d+ \/ 400 次测算/);
    await click(inView(view, '#cancel'));
    await view.updateComplete;
    expect(view._busy).to.equal(undefined);
    expect(view._grid).to.equal(first);
    expect(inView(view, '[role=status]').textContent).to.contain('已取消');
    expect(tableOf(view, 'section').table.rows).to.have.length(2);
    // the scenario is untouched, and the next run starts a fresh worker
    expect(app.store.active?.scenario).to.deep.equal(scenario);
    await typeField(view, 'rowsN', '3');
    await click(inView(view, '#grid-run'));
    await until(() => view._grid !== first, 60000);
    expect(view._grid!.view.ok && view._grid!.view.grid.rows.values).to.have.length(3);
  });

  it('labels a result for a scenario since changed', async function () {
    this.timeout(90000);
    const app = await mount();
    const view = await openPanel(app);
    await click(inView(view, '#tornado-run'));
    await until(() => view._tornado !== undefined, 60000);
    const lever = find<HTMLInputElement>(app, 'yb-lever-panel', '#lever-resident\\.individual\\.standard');
    await typeInto(lever, '450');
    await until(() => app.lastGood?.hash !== view._tornado!.hash);
    await settle(app);
    expect(inView(view, '.stale').textContent).to.contain('方案已修改');
  });
});

describe('Monte Carlo in the workbench', () => {
  freshPage();

  it('with no variance, the fan collapses onto the deterministic projection; a cancelled run keeps the previous fan', async function () {
    this.timeout(180000);
    const app = await mount();
    // Every uncertain assumption held at the scenario's value: each path is the scenario as stated.
    const fixed = Object.fromEntries(['wageGrowth', 'costGrowth', 'utilizationGrowth', 'growth', 'collectionRate', 'interestRate', 'fertility', 'mortalityPercent'].map((n) => [n, { type: 'fixed' }]));
    const still = { ...banner, title: 'no variance', assumptions: { ...banner.assumptions, uncertainty: fixed } };
    expect(await app.openText(JSON.stringify(still), 'still.json')).to.equal(true);
    await until(() => app.lastGood?.title === 'no variance');
    const view = await openPanel(app);
    await click(inView(view, '#atab-monteCarlo'));
    await view.updateComplete;
    await typeField(view, 'paths', '8');
    await click(inView(view, '#mc-run'));
    await until(() => view._mc !== undefined, 120000);
    await settle(app);
    const mc = view._mc!.view;
    if (!mc.ok) throw new Error(JSON.stringify(mc.problems));
    // the table's median (P50) of the cumulative balance, 万元, year by year, is the projection the workbench shows
    const table = tableOf(view, '#mc-result').table;
    const p50 = table.columns.findIndex((c) => c.label === '累计结存 P50');
    const resident = app.lastGood!.funds.find((f) => f.id === 'resident')!;
    expect(table.rows.map((r) => Number(r[p50]))).to.deep.equal(resident.years.map((y) => Number(y.cumulative)));
    // and the fan's 5th and 95th percentiles are the same line: no band
    const p5 = table.columns.findIndex((c) => c.label === '累计结存 P5');
    const p95 = table.columns.findIndex((c) => c.label === '累计结存 P95');
    expect(table.rows.every((r) => r[p5] === r[p50] && r[p95] === r[p50])).to.equal(true);
    // the chart draws the median over the dashed deterministic line
    const chart = inView(view, '#fan-cumulative') as unknown as { renderedOption: { series: { name: string; data: (number | null)[] }[] } };
    await until(() => (chart.renderedOption?.series?.length ?? 0) > 0);
    const series = chart.renderedOption.series;
    expect(series.find((x) => x.name === '中位数')!.data).to.deep.equal(series.find((x) => x.name === '确定性测算（方案原值）')!.data);
    // a long run cancelled: the fan before it stays
    const first = view._mc;
    await typeField(view, 'paths', '100000');
    await click(inView(view, '#mc-run'));
    await until(() => view.shadowRoot!.querySelector('[role=progressbar]') !== null);
    await click(inView(view, '#cancel'));
    await view.updateComplete;
    expect(view._mc).to.equal(first);
    expect(view.shadowRoot!.querySelector('#mc-result')).to.not.equal(null);
  });
});

describe('the panel on a phone, in English, with axe-core', () => {
  freshPage(390, 844);

  it('fits 390 px, has no axe violations, and switches language', async function () {
    this.timeout(150000);
    const app = await mount();
    await click(find(app, '#pane-results'));
    const view = await openPanel(app);
    await click(inView(view, '#tornado-run'));
    await until(() => view._tornado !== undefined, 60000);
    await click(inView(view, '#atab-solve'));
    await view.updateComplete;
    await typeField(view, 'until', '1999');
    await click(inView(view, '#solve-run'));
    await settle(app);
    expect(document.scrollingElement!.scrollWidth).to.be.at.most(390);
    await new Promise((resolve, reject) => {
      const tag = Object.assign(document.createElement('script'), { src: '/node_modules/axe-core/axe.min.js', onload: resolve, onerror: reject });
      document.head.append(tag);
    });
    await new Promise((r) => setTimeout(r, 300));
    const axe = (window as unknown as { axe: { run: (n: Node, o: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const found = async () => (await axe.run(find(app, '#analyses'), { resultTypes: ['violations'] })).violations.map((v) => `${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    expect(await found()).to.deep.equal([]);
    await click(inView(view, '#atab-tornado'));
    await settle(app);
    expect(await found()).to.deep.equal([]);
    await click(inView(view, '#atab-monteCarlo'));
    await view.updateComplete;
    await typeField(view, 'paths', '40');
    await click(inView(view, '#mc-run'));
    await until(() => view._mc !== undefined, 120000);
    await settle(app);
    expect(document.scrollingElement!.scrollWidth).to.be.at.most(390);
    expect(await found()).to.deep.equal([]);
    await click(inView(view, '#atab-tornado'));
    await settle(app);
    // English: the heading, the tabs, the note, the table's columns
    const language = [...app.shadowRoot!.querySelectorAll('header button')].find((b) => b.textContent?.trim() === 'English')!;
    await click(language);
    await settle(app);
    expect(find(app, '#analyses summary').textContent).to.contain('Uncertainty and sensitivity');
    expect(inView(view, '#atab-grid').textContent!.trim()).to.equal('Two-lever heat map');
    expect(inView(view, '.note').textContent).to.contain('Each bar');
    expect(tableOf(view, 'section').table.columns.map((c) => c.label)).to.include('Outcome at low');
    expect(await found()).to.deep.equal([]);
  });
});
