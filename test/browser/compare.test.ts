/** Comparing scenarios as a user does: against the baseline, on any indicator, with distinct names. */
import { expect } from 'chai';
import type { YbCompareView } from '../../src/ui/components/compare-view.ts';
import type { YbDataTable } from '../../src/ui/components/data-table.ts';
import type { RunView } from '../../src/app/views.ts';
import { click, find, mount, sendKeys, settle, typeInto, until, freshPage } from './helpers.ts';

describe('comparison', () => {
  // a desk's screen: levers and results side by side
  freshPage();

  it('compares a change with its baseline on every indicator, by mouse and keyboard', async () => {
    const app = await mount();
    await typeInto(find<HTMLInputElement>(app, 'yb-lever-panel', '#lever-resident\\.individual\\.standard'), '420');
    await until(() => !app.sim.running && (app.store.active!.scenario.overrides ?? []).length === 1);
    await click(find(app, '#compare-baseline'));
    await until(() => app.shadowRoot!.querySelector('yb-compare-view') !== null && !!(find<YbCompareView>(app, 'yb-compare-view').result));
    await settle(app);
    const view = find<YbCompareView>(app, 'yb-compare-view');
    const [base, changed] = view.result!.runs as RunView[];
    expect(base!.title).to.not.equal(changed!.title);
    // the legend names each scenario by its place: copies never merge
    const chart = find(view, 'yb-chart') as unknown as { renderedOption: { series: { name: string }[] } };
    await until(() => !!chart.renderedOption);
    // (each title in the reader's language: the Chinese half of the example's bilingual title)
    expect(chart.renderedOption.series.map((s) => s.name)).to.deep.equal(['1. 旗 2022 基线：现行规则 · 基线（未调整）', '2. 旗 2022 基线：现行规则']);
    // the list of scenarios numbers the compared ones as the legend does (the copy is listed second, but is 1)
    const listed = [...app.shadowRoot!.querySelectorAll('.compare-list > label')].map((l) => l.textContent!.trim());
    expect(listed).to.deep.equal(['2. 旗 2022 基线：现行规则', '1. 旗 2022 基线：现行规则 · 基线（未调整）']);
    // the table's columns by the scenarios' titles, shortened, with the same numbers
    expect(find<YbDataTable>(view, 'yb-data-table').table.columns.map((c) => c.label)).to.deep.equal(['年份', '1. 旗 2022 基线…· 基线（未调整）', '2. 旗 2022 基线：现行规则', '差异 (2 − 1)']);
    // the example is told apart from the working copy of it in the list of scenarios
    const options = [...find<HTMLSelectElement>(app, '#pick').options].map((o) => o.textContent);
    expect(options).to.include('旗 2022 基线：现行规则').and.include('旗 2022 基线：现行规则（示例）');
    // the resident fund's income, year by year: the difference is the changed run's minus the baseline's
    const fund = find<HTMLSelectElement>(view, '#compare-fund');
    fund.focus();
    fund.value = 'resident';
    fund.dispatchEvent(new Event('change'));
    const indicator = find<HTMLSelectElement>(view, '#compare-indicator');
    indicator.value = 'income';
    indicator.dispatchEvent(new Event('change'));
    await settle(app);
    const table = find<YbDataTable>(view, 'yb-data-table');
    const rows = table.table.rows;
    expect(rows[0]![0]).to.equal(2022);
    expect(rows[0]![3]).to.equal('0'); // the base year is the report's for both
    for (const r of rows) expect(Number(r[3])).to.be.closeTo(Number(r[2]) - Number(r[1]), 0.005);
    expect(Number(rows[1]![3])).to.be.greaterThan(0); // 420 in place of 380 from 2023
    // the central subsidy does not depend on the individual standard: no difference in any year
    await click(indicator);
    for (let i = 0; i < 5; i++) await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await settle(app);
    expect(view.indicator).to.equal('subsidy.central');
    expect(find<YbDataTable>(view, 'yb-data-table').table.rows.every((r) => r[3] === '0')).to.equal(true);
    expect(find<YbDataTable>(view, 'yb-data-table').csvText()).to.contain('差异');
  });

  it('gives a second copy of an example its own name', async () => {
    const app = await mount();
    const pick = find<HTMLSelectElement>(app, '#pick');
    for (let i = 0; i < 2; i++) {
      pick.value = 'example:banner-individual-400';
      pick.dispatchEvent(new Event('change'));
      await until(() => !app.sim.running);
    }
    const titles = app.store.state.entries.map((e) => e.scenario.title);
    expect(new Set(titles).size).to.equal(titles.length);
    expect(titles[2]).to.equal(`${titles[1]} (2)`);
  });
});

describe('comparison on a phone', () => {
  freshPage(390, 844);

  it('names every scenario in the legend at once, within the screen', async () => {
    const app = await mount();
    await click(find(app, '#pane-results'));
    await click(find(app, '#compare-baseline'));
    await until(() => app.shadowRoot!.querySelector('yb-compare-view') !== null && !!(find<YbCompareView>(app, 'yb-compare-view').result));
    await settle(app);
    const view = find<YbCompareView>(app, 'yb-compare-view');
    const chart = find(view, 'yb-chart') as unknown as HTMLElement & { renderedOption: { legend: { type: string }[]; series: { name: string }[] } };
    chart.scrollIntoView();
    await until(() => !!chart.renderedOption);
    // a paging legend shows "1/2" and one name: both must be there, the legend a plain one that wraps
    expect(chart.renderedOption.legend[0]!.type).to.equal('plain');
    expect(chart.renderedOption.series).to.have.length(2);
    expect(chart.getBoundingClientRect().right).to.be.at.most(innerWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(innerWidth);
  });
});
