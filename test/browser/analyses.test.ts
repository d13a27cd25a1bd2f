/**
 * The uncertainty and sensitivity panel with the real workers, driven with the
 * pointer and the keyboard: the tornado's ranking, a goal-seek answer opened
 * as a scenario, a target refused beside its field, cancel keeping the result
 * before it, a 390 px screen, axe-core and the language switch.
 */
import { expect } from 'chai';
import type { YbApp } from '../../src/ui/components/workbench-app.ts';
import type { YbDataTable } from '../../src/ui/components/data-table.ts';
import { click, deepFocus, find, freshPage, mount, sendKeys, settle, switchToEnglish, typeInto, until } from './helpers.ts';
import { choose, inView, openPanel, tableOf, typeField } from './analyses-helpers.ts';
import banner from '../../seeds/scenarios/banner-2022.json' with { type: 'json' };

describe('uncertainty and sensitivity in the workbench', () => {
  freshPage();

  it('with the keyboard: a run keeps the focus on its button, and an answer opened moves it to the sentence saying so', async function () {
    this.timeout(120000);
    const app = await mount();
    const view = await openPanel(app);
    inView(view, '#atab-tornado').focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await view.updateComplete;
    const run = inView(view, '#solve-run');
    run.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => view._busy?.tab === 'solve');
    // running: the button says it is busy and keeps the focus (a disabled one drops it to the page's body)
    expect(run.getAttribute('aria-disabled')).to.equal('true');
    expect(deepFocus()).to.equal(run);
    await until(() => !view._busy && !!view.shadowRoot!.querySelector('#open-answer'), 90000);
    await view.updateComplete;
    expect(deepFocus()).to.equal(inView(view, '#solve-run'));
    const entries = app.store.state.entries.length;
    inView(view, '#open-answer').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => app.store.state.entries.length === entries + 1);
    await settle(app);
    expect(deepFocus()).to.equal(inView(view, '#opened'));
  });

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
    // residents' participation trend, named as the assumption list names it, and marked as an assumption
    expect(rows[1]![0]).to.equal('居民参保率年变化（人口变化之外）（假设）');
    expect(rows[1]![1]).to.equal('测算假设');
    expect(rows[1]![2]).to.equal('-1% ~ 1%');
    const [, kind, range, low, high, effect] = rows[0]!;
    expect(kind).to.equal('政策参数');
    expect(range).to.equal('-10% ~ +10%');
    const s = (Number(low) + Number(high)) / 2;
    expect(Number(effect) / s).to.be.within(0.15, 0.2);
    expect(Number(rows[1]![5]) / s).to.be.within(0.06, 0.12);
    expect(rows.slice(2).every((r) => Number(r[5]) / s < 0.01)).to.equal(true);
    for (const untouched of ['工资年增长率', '征缴率', '个人缴费标准']) expect(rows.find((r) => String(r[0]).includes(untouched))?.[5]).to.equal(0);
    // each range with its unit: the banner's retiree cost weight 3 ± 0.5 times, wage growth 5% ± 2 points
    expect(rows.find((r) => String(r[0]).startsWith('退休人员费用'))?.[2]).to.equal('2.5 ~ 3.5 倍');
    expect(rows.find((r) => String(r[0]).startsWith('工资年增长率'))?.[2]).to.equal('3% ~ 7%');
    // and the stated rationale of every range beside it
    expect(rows.every((r) => String(r[6]).startsWith('假设：'))).to.equal(true);
    // no internal name anywhere in the bars' names
    expect(rows.map((r) => r[0]).join(' ')).to.not.match(/[a-z][A-Za-z]*\.|\b(resident|inService|retiree|flexible|tekun|dibao|fanpin)\b/);
    // the chart draws the bars in that order, top first
    const chart = inView(view, '#tornado-chart') as unknown as { renderedOption: { yAxis: { data: string[] }[] } };
    await until(() => chart.renderedOption?.yAxis?.[0]?.data?.length === rows.length);
    expect(chart.renderedOption.yAxis[0]!.data[0]).to.contain('人均财政补助标准');
  });

  it('takes the goal-seek range from the value in force at its start month, unless the user set it', async function () {
    this.timeout(90000);
    const app = await mount();
    const view = await openPanel(app);
    await click(inView(view, '#atab-solve'));
    await view.updateComplete;
    await choose(view, 'solveLever', 'resident.individual.standard');
    // 2023-01: 380 元 in force (inner-mongolia/resident-2022's 2023 minimum): 0 to 3 × 380
    expect(view._form.solveHigh).to.equal('1140');
    // 2026-01: 420 元 (national/resident-minimum's 400 in 2025, then +20 a year): 0 to 3 × 420 = 1,260
    await typeField(view, 'solveFrom', '2026-01');
    await until(() => view._form.solveHigh === '1260', 30000);
    await view.updateComplete;
    expect(inView<HTMLInputElement>(view, '#f-solveHigh').value).to.equal('1260');
    expect(inView<HTMLSelectElement>(view, '#f-solveLever').selectedOptions[0]!.textContent).to.equal('个人缴费标准 (420 元/年)');
    expect(inView(view, '#solve-in-force').textContent!.trim()).to.equal('2026-01 现行值 420 元/年');
    // a range the user typed stays when the month changes; 2030-01 has 500 元 in force
    await typeField(view, 'solveHigh', '900');
    await typeField(view, 'solveFrom', '2030-01');
    await until(() => inView(view, '#solve-in-force').textContent!.includes('500'), 30000);
    expect(view._form.solveHigh).to.equal('900');
    expect(view._form.solveLow).to.equal('0');
  });

  it('finds the smallest individual standard for a target, shows every year and the failing step, and opens it once as a scenario', async function () {
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
    // more every year 2026-2035 (12.04 in 2035, its lowest); 802 元 gives 11.9808 months in 2035.
    expect(inView(view, '#solve-value').textContent).to.contain('803');
    expect(inView(view, '#solve-beyond').textContent).to.contain('802').and.contain('2035 (11.98)');
    // the fund and the lever by name, never by id
    expect(inView(view, '#solve-h').textContent).to.equal('答案: 城乡居民基本医疗保险：可支付月数不低于 12，2026-2035 年每年');
    expect(inView(view, '#solve-value').textContent!.replace(/\s+/g, ' ').trim()).to.equal('个人缴费标准 (生效月份 2026-01) = 803 元/年');
    // every year in view, not in a folded table: the answer's value, and the step beyond where it fails
    const table = inView<HTMLTableElement>(view, '#solve-years');
    expect(table.getBoundingClientRect().height).to.be.greaterThan(100);
    const rows = [...table.tBodies[0]!.rows].map((r) => [...r.cells].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));
    expect(rows.map((r) => r[0]!.slice(0, 4))).to.deep.equal(['2026', '2027', '2028', '2029', '2030', '2031', '2032', '2033', '2034', '2035']);
    // 2035 binds: the lowest of the ten years, highlighted
    const last = table.tBodies[0]!.rows[9]!;
    expect(last.className).to.equal('binding');
    expect(rows[9]).to.deep.equal(['2035 ★ 约束年份', '12.04 ✓', '11.98 ✗ 不达标']);
    expect(rows.slice(0, 9).every((r) => r[2] === '达标' && !r[0]!.includes('★'))).to.equal(true);
    // the same years as CSV (with the BOM spreadsheets need), exact as computed: 2035 at 803 元 is 12.04 months (rounded on screen), at 802 元 11.98
    const csvLines = view.solveCsvText().trimEnd().split('\n');
    expect(csvLines).to.have.length(11);
    expect(csvLines[0]).to.equal('\ufeff年份,可支付月数: 取 803 元/年 时,可支付月数: 再少一步（802 元/年）时');
    const [y2035, at803, at802] = csvLines[10]!.split(',');
    expect([y2035, Number(at803).toFixed(2), Number(at802).toFixed(2)]).to.deep.equal(['2035', '12.04', '11.98']);
    expect(csvLines.slice(1, 10).every((l) => l.endsWith(',达标'))).to.equal(true);
    expect(inView(view, '#solve-csv').textContent).to.equal('下载 CSV');
    const entries = app.store.state.entries.length;
    await click(inView(view, '#open-answer'));
    // both halves, as the shipped titles are written
    const opened = '旗 2022 基线：现行规则 — 个人缴费标准 803 元/年 Banner 2022 baseline under the rules in force — Individual contribution standard 803 yuan/year';
    await until(() => app.store.state.entries.length === entries + 1 && app.lastGood?.title === opened);
    await settle(app);
    expect(app.lastGood!.title).to.not.match(/resident\./);
    const lever = find<HTMLInputElement>(app, 'yb-lever-panel', '#lever-resident\\.individual\\.standard');
    expect(lever.value).to.equal('803');
    // said in the panel, and not opened a second time
    expect(inView(view, '#opened').textContent).to.contain(app.lastGood!.title).and.contain('现在显示的就是它');
    expect(inView<HTMLButtonElement>(view, '#open-answer').disabled).to.equal(true);
    // one message: the answer opened, not also that the scenario shown has changed since it ran
    expect(!!view.shadowRoot!.querySelector('.stale'), 'no “方案已修改” beside “已作为新方案打开”').to.equal(false);
    await click(inView(view, '#open-answer'));
    await settle(app);
    expect(app.store.state.entries.length).to.equal(entries + 1);
    // the scenario list shows it in the reader's language, also after a switch to English
    const option = () => find<HTMLSelectElement>(app, '#pick').selectedOptions[0]!.textContent;
    expect(option()).to.equal('旗 2022 基线：现行规则 — 个人缴费标准 803 元/年');
    await switchToEnglish(app);
    expect(option()).to.equal('Banner 2022 baseline under the rules in force — Individual contribution standard 803 yuan/year');
    await click([...app.shadowRoot!.querySelectorAll('header button')].find((b) => b.textContent === '中文')!);
    await settle(app);
    // a new scenario like any other: undone with 撤销
    await click(find(app, '#undo'));
    await until(() => app.store.state.entries.length === entries);
    await settle(app);
    // undone, the answer is no longer open: the panel says nothing of it, and it can be opened again
    expect(view.shadowRoot!.querySelector('#opened')?.textContent ?? null).to.equal(null);
    expect(inView<HTMLButtonElement>(view, '#open-answer').disabled).to.equal(false);
    expect(inView(view, '#open-answer').textContent).to.equal('作为新方案打开');
    await click(inView(view, '#open-answer'));
    await until(() => app.store.state.entries.length === entries + 1 && app.lastGood?.title === opened);
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
    // a negative months payable, and a balance rate above 100%: refused beside the field, nothing run
    await typeField(view, 'until', '2035');
    await typeField(view, 'valueA', '-3');
    await click(inView(view, '#solve-run'));
    await view.updateComplete;
    expect(inView(view, '#err-valueA').textContent).to.equal('可支付月数不能为负数：请填写 0 或以上的数');
    await choose(view, 'indicator', 'balanceRate');
    await typeField(view, 'valueA', '150');
    await click(inView(view, '#solve-run'));
    await view.updateComplete;
    expect(inView(view, '#err-valueA').textContent).to.equal('当期结存率以 % 计：请填写 0 至 100 之间的数');
    expect(inView(view, '#f-valueA').getAttribute('aria-invalid')).to.equal('true');
    // an assumption belongs to no fund: the target must name one
    await typeField(view, 'valueA', '20');
    await choose(view, 'solveLever', 'wageGrowth');
    await click(inView(view, '#solve-run'));
    await view.updateComplete;
    expect(inView(view, '#err-solveFund').textContent).to.equal('请选择目标针对的基金：该项不属于某一基金');
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
    expect(inView(view, '[role=status]').textContent).to.equal('已取消；下面仍是上一次的结果。');
    expect(tableOf(view, 'section').table.rows).to.have.length(2);
    // the scenario is untouched, and the next run starts a fresh worker
    expect(app.store.active?.scenario).to.deep.equal(scenario);
    await typeField(view, 'rowsN', '3');
    await click(inView(view, '#grid-run'));
    await until(() => view._grid !== first, 60000);
    expect(view._grid!.view.ok && view._grid!.view.grid.rows.values).to.have.length(3);
  });

  it('defaults the heat map to a trade-off in the fund shown, and a cancelled first run says there is no result', async function () {
    this.timeout(180000);
    const app = await mount();
    const view = await openPanel(app);
    // a subsidy outcome picked for the tornado does not flatten the heat map: it has an outcome of its own
    await choose(view, 'outKind', 'subsidy');
    await click(inView(view, '#atab-grid'));
    await view.updateComplete;
    expect([view._form.gKind, view._form.gFund, view._form.rowsLever, view._form.columnsLever]).to.deep.equal(['months-payable', 'resident', 'resident.individual.standard', 'resident.subsidy.standard']);
    // the year: the first one the banner's resident fund, as projected, falls below the normal range (6 months)
    const critical = app.lastGood!.funds.find((f) => f.id === 'resident')!.years.find((y) => y.year > 2022 && Number(y.monthsPayable) < 6)!.year;
    expect(view._form.gYear).to.equal(String(critical));
    expect(critical).to.equal(2032);
    // from January two years before, around the values then in force: 500 and 850 元 in 2030 (380 and 640 in
    // 2023, raised by the rules: the individual +20 a year from 2025, the subsidy +30), ±20%
    expect(view._form.gridFrom).to.equal('2030-01');
    await until(() => view._form.rowsHigh === '600', 30000);
    expect([view._form.rowsLow, view._form.rowsHigh, view._form.columnsLow, view._form.columnsHigh]).to.deep.equal(['400', '600', '680', '1020']);
    // cancelled before any result: the note says so
    await typeField(view, 'rowsN', '20');
    await typeField(view, 'columnsN', '20');
    await click(inView(view, '#grid-run'));
    await until(() => Number(view.shadowRoot!.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow') ?? 0) > 0, 60000);
    await click(inView(view, '#cancel'));
    await view.updateComplete;
    expect(inView(view, '[role=status]').textContent).to.equal('已取消；尚无结果。');
    expect(view._grid).to.equal(undefined);
    await typeField(view, 'rowsN', '5');
    await typeField(view, 'columnsN', '5');
    await click(inView(view, '#grid-run'));
    await until(() => view._grid !== undefined, 60000);
    await settle(app);
    const g = view._grid!.view;
    if (!g.ok) throw new Error(JSON.stringify(g.problems));
    // a real trade-off: more of either standard, more months payable; no two cells alike
    const cells = g.grid.cells.map((r) => r.map((c) => c!));
    for (const r of cells) for (let j = 1; j < r.length; j++) expect(r[j]!).to.be.greaterThan(r[j - 1]!);
    for (let i = 1; i < cells.length; i++) for (let j = 0; j < 5; j++) expect(cells[i]![j]!).to.be.greaterThan(cells[i - 1]![j]!);
    expect(new Set(cells.flat().map((c) => c.toFixed(2))).size).to.equal(25);
    // both axes named with their unit; values with thousands separators; an exhausted fund said so
    const chart = inView(view, '#grid-chart') as unknown as { renderedOption: { yAxis: { name: string }[]; xAxis: { name: string }[] } };
    await until(() => chart.renderedOption?.yAxis?.length > 0);
    expect(chart.renderedOption.yAxis[0]!.name).to.equal('个人缴费标准 (元/年)');
    expect(chart.renderedOption.xAxis[0]!.name).to.equal('人均财政补助标准 (元/年)');
    const table = tableOf(view, 'section').table;
    expect(table.columns.map((c) => c.label).slice(1)).to.deep.equal(['680', '765', '850', '935', '1,020']);
    const shown = table.rows.flatMap((r) => r.slice(1).map((c, j) => table.columns[j + 1]!.format!(c)));
    expect(shown.filter((x) => x === '耗尽').length).to.equal(cells.flat().filter((c) => c < 0).length);
    expect(shown.some((x) => x === '耗尽')).to.equal(true);
    expect(shown.every((x) => x === '耗尽' || /^[0-9]+\.[0-9]{2}$/.test(x))).to.equal(true);
    // the CSV says 耗尽 in the same cells, never a negative month; its heads and rows' levers are plain numbers
    const csvLines = tableOf(view, 'section').csvText().trimEnd().split('\n');
    expect(csvLines[0]!.split(',').slice(1)).to.deep.equal(['680', '765', '850', '935', '1020']);
    expect(csvLines.slice(1).map((l) => l.split(',')[0])).to.deep.equal(['400', '450', '500', '550', '600']);
    const csvCells = csvLines.slice(1).flatMap((l) => l.split(',').slice(1));
    expect(csvCells.filter((x) => x === '耗尽').length).to.equal(cells.flat().filter((c) => c < 0).length);
    expect(csvCells.filter((x) => x.startsWith('-'))).to.deep.equal([]);
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
    // months payable of an exhausted fund (the banner's resident fund from 2034) reads as exhausted, never negative
    const months = table.columns.findIndex((c) => c.label === '可支付月数 P50');
    const shown = table.rows.map((r) => [r[0], table.columns[months]!.format!(r[months]!)]);
    const exhausted = resident.years.filter((y) => Number(y.monthsPayable) < 0).map((y) => y.year);
    expect(exhausted.length).to.be.greaterThan(0);
    expect(shown.filter(([, m]) => m === '耗尽').map(([y]) => y)).to.deep.equal(exhausted);
    expect(shown.every(([, m]) => !String(m).startsWith('-'))).to.equal(true);
    // and so in its CSV: 耗尽 in the years the fund is exhausted, no negative month in any percentile
    const csvRows = tableOf(view, '#mc-result').csvText().trimEnd().split('\n').slice(1).map((l) => l.split(','));
    const monthCols = table.columns.map((c, i) => (c.label.startsWith('可支付月数') ? i : -1)).filter((i) => i >= 0);
    expect(csvRows.filter((r) => r[months] === '耗尽').map((r) => Number(r[0]))).to.deep.equal(exhausted);
    expect(csvRows.flatMap((r) => monthCols.map((i) => r[i]!)).filter((m) => m.startsWith('-'))).to.deep.equal([]);
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
    await settle(app);
    // each bar keeps room beside the names wrapped on a phone
    const bars = view._tornado!.view.ok ? view._tornado!.view.tornado.bars.length : 0;
    expect(inView(view, '#tornado-chart').getBoundingClientRect().height).to.be.at.least(90 + 68 * bars);
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
    // a goal-seek answer (its years, the binding year, the step beyond) and a heat map: in the screen, no violations
    await typeField(view, 'until', '2035');
    await click(inView(view, '#solve-run'));
    await until(() => view._solve !== undefined, 60000);
    await settle(app);
    expect(inView(view, '#solve-years').getBoundingClientRect().right).to.be.at.most(390);
    expect(document.scrollingElement!.scrollWidth).to.be.at.most(390);
    expect(await found()).to.deep.equal([]);
    await click(inView(view, '#atab-grid'));
    await view.updateComplete;
    await typeField(view, 'rowsN', '3');
    await typeField(view, 'columnsN', '3');
    await click(inView(view, '#grid-run'));
    await until(() => view._grid !== undefined, 60000);
    await settle(app);
    expect(document.scrollingElement!.scrollWidth).to.be.at.most(390);
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
    // readable on a phone: the panel off the screen's edge, the fan's legend whole (the median, the
    // deterministic line and the warning bands named, none paged away)
    expect(inView(view, '#f-paths').getBoundingClientRect().left).to.be.at.least(12);
    const fan = inView(view, '#fan-months') as unknown as { renderedOption: { legend: { type: string; data: (string | { name: string })[] }[] } };
    (fan as unknown as HTMLElement).scrollIntoView();
    await until(() => (fan.renderedOption?.legend?.length ?? 0) > 0);
    expect(fan.renderedOption.legend[0]!.type).to.equal('plain');
    expect(fan.renderedOption.legend[0]!.data.map((d) => (typeof d === 'string' ? d : d.name))).to.include.members(['中位数', '确定性测算（方案原值）', '预警：低于 3 个月（结余不足）', '合理区间：6-9 个月']);
    // the uncertain assumptions in Chinese throughout (the fertility variants by their Chinese names)
    const listed = [...view.shadowRoot!.querySelectorAll('#mc-result details li')].map((li) => li.textContent!).join(' ');
    expect(listed).to.contain('低方案 25%, 中方案 50%, 高方案 25%');
    expect(listed).to.not.match(/\b(low|medium|high|cohort)\b/);
    await click(inView(view, '#atab-tornado'));
    await settle(app);
    // English: the heading, the tabs, the note, the table's columns
    const language = [...app.shadowRoot!.querySelectorAll('header button')].find((b) => b.textContent?.trim() === 'English')!;
    await click(language);
    await settle(app);
    expect(find(app, '#analyses summary').textContent).to.contain('Uncertainty and sensitivity');
    expect(inView(view, '#atab-grid').textContent!.trim()).to.equal('Two-lever heat map');
    expect(inView(view, '.note').textContent).to.contain('Each bar');
    expect(tableOf(view, 'section').table.columns.map((c) => c.label)).to.include('Outcome at low (months)');
    expect(await found()).to.deep.equal([]);
    // no Chinese left in any tab, its tables or its charts (except the aid groups' own names, which the
    // workbench keeps beside their English: 特困, 低保, 返贫致贫)
    const chinese = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
    const strip = (x: string) => x.replace(/特困|低保|返贫致贫/g, '');
    for (const tab of ['tornado', 'grid', 'solve', 'monteCarlo']) {
      await click(inView(view, `#atab-${tab}`));
      await settle(app);
      const texts = [view.shadowRoot!.textContent!];
      for (const t of view.shadowRoot!.querySelectorAll<YbDataTable>('yb-data-table')) texts.push(t.table.caption ?? '', ...t.table.columns.map((c) => c.label), ...t.table.rows.flatMap((r) => r.map((c, j) => (t.table.columns[j]!.format ? t.table.columns[j]!.format!(c) : String(c)))));
      for (const c of view.shadowRoot!.querySelectorAll('yb-chart')) texts.push(JSON.stringify((c as unknown as { option: unknown }).option ?? {}), c.getAttribute('label') ?? '');
      const left = texts.map(strip).filter((x) => chinese.test(x));
      expect(left.map((x) => x.match(new RegExp(`.{0,30}${chinese.source}.{0,30}`))?.[0]), tab).to.deep.equal([]);
    }
  });
});
