/**
 * The population view in the workbench, with the real worker: pyramids of the
 * base year and the horizon, insured counts with CSV, and the retirement-rule
 * switch re-running the scenario.
 */
import { expect } from 'chai';
import { YbApp } from '../../src/ui/components/workbench-app.ts';
import type { YbDataTable } from '../../src/ui/components/data-table.ts';
import type { YbPopulationView } from '../../src/ui/components/population-view.ts';
import { startWorker } from '../../src/ui/state/simulation-controller.ts';
import { Store } from '../../src/ui/state/store.ts';
import type { RunView } from '../../src/app/views.ts';
import { click, find, mount, sendKeys, settle, typeInto } from './helpers.ts';

async function until(cond: () => boolean, ms = 20000): Promise<void> {
  const start = performance.now();
  while (!cond()) {
    if (performance.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the population view', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('shows the banner’s insured by status and switches the retirement rule', async () => {
    const app = new YbApp(startWorker(), new Store());
    document.body.append(app);
    await until(() => app.sim.result?.ok === true);
    await app.sim.settled();
    const view = app.shadowRoot!.querySelector('yb-population-view') as YbPopulationView;
    await view.updateComplete;
    // folded: a headline only, no charts drawn
    expect(view.shadowRoot!.querySelectorAll('yb-chart')).to.have.length(0);
    expect(view.shadowRoot!.querySelector('summary')!.textContent).to.contain('2.85 (2022)');
    view.open = true;
    await view.updateComplete;
    expect(view.shadowRoot!.querySelectorAll('yb-chart.pyramid')).to.have.length(2);
    // every axis says what it counts, in what unit; no figure in exponent notation (the region scale, 9.0629e-5)
    type Axes = { xAxis: { name?: string }[]; yAxis: { name?: string }[] };
    const pyramid = (view.shadowRoot!.querySelector('yb-chart.pyramid') as unknown as { renderedOption: Axes }).renderedOption;
    expect([pyramid.xAxis[0]!.name, pyramid.yAxis[0]!.name]).to.deep.equal(['人', '年龄（岁）']);
    const ratio = (view.shadowRoot!.querySelector('yb-chart:not(.pyramid)') as unknown as { renderedOption: Axes }).renderedOption;
    expect(ratio.yAxis[0]!.name).to.equal('在职人数 ÷ 退休人数');
    expect(view.shadowRoot!.textContent).to.not.match(/\de-\d/);
    expect(view.shadowRoot!.querySelector('#pop-regionScale')!.textContent).to.match(/^0\.0000\d+$/);
    // seed 000: 56945 employees split 64/10/26 by the default shares, 65336 residents
    // axe-core on the open view: no violations
    await new Promise((resolve, reject) => {
      const tag = Object.assign(document.createElement('script'), { src: '/node_modules/axe-core/axe.min.js', onload: resolve, onerror: reject });
      document.head.append(tag);
    });
    await new Promise((r) => setTimeout(r, 300));
    const axe = (window as unknown as { axe: { run: (n: Node, o: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const found = (await axe.run(view, { resultTypes: ['violations'] })).violations.map((v) => `${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    expect(found).to.deep.equal([]);
    const table = view.shadowRoot!.querySelector('yb-data-table') as YbDataTable;
    await table.updateComplete;
    const csv = table.csvText().split('\n');
    expect(csv[1]).to.equal('2022,36445,5695,14806,65336,2.85');
    const reform2030 = (app.sim.result as RunView).population!.insured.find((r) => r.year === 2030)!;
    const radio = view.shadowRoot!.querySelectorAll('input[type=radio]')[1] as HTMLInputElement;
    radio.click();
    await until(() => (app.sim.result as RunView | undefined)?.population?.retirementRule === 'national/retirement-age-pre-reform');
    const before2030 = (app.sim.result as RunView).population!.insured.find((r) => r.year === 2030)!;
    // the rule before the reform retires more people by 2030 and leaves fewer in service
    expect(Number(before2030.counts.retiree)).to.be.greaterThan(Number(reform2030.counts.retiree));
    expect(Number(before2030.counts.inService)).to.be.lessThan(Number(reform2030.counts.inService));
    expect(app.store.active!.scenario.assumptions!.population!.retirementRule).to.equal('national/retirement-age-pre-reform');

    // An assumption changed in the view runs the scenario with it; its reset button takes it out again.
    await view.updateComplete;
    const mortality = view.shadowRoot!.querySelector('#pop-mortalityPercent') as HTMLInputElement;
    expect(mortality.value).to.equal('100');
    mortality.value = '90';
    mortality.dispatchEvent(new Event('change'));
    await until(() => (app.sim.result as RunView | undefined)?.population?.assumptions.find((a) => a.name === 'mortalityPercent')?.value === '90');
    expect(app.store.active!.scenario.assumptions!.population!.mortalityPercent).to.equal('90');
    await view.updateComplete;
    const row = mortality.closest('.assumption')!;
    expect(row.textContent).to.contain('%');
    (row.querySelector('button') as HTMLButtonElement).click();
    await until(() => (app.sim.result as RunView | undefined)?.population?.assumptions.find((a) => a.name === 'mortalityPercent')?.value === '100');
    expect(app.store.active!.scenario.assumptions!.population!.mortalityPercent).to.equal(undefined);
    // the retirement rule chosen before stays
    expect(app.store.active!.scenario.assumptions!.population!.retirementRule).to.equal('national/retirement-age-pre-reform');
  });

  it('refuses a population assumption it cannot use beside its field, keeps the text typed and the scenario', async () => {
    const app = await mount();
    const good = app.sim.result as RunView;
    const view = find<YbPopulationView>(app, 'yb-population-view');
    await click(find(view, 'summary'));
    await settle(app);
    const field = () => find<HTMLInputElement>(view, '#pop-mortalityPercent');
    const error = () => find(view, '#pop-mortalityPercent-error').textContent!.trim();

    // not a number: refused at once, in Chinese, nothing sent
    await typeInto(field(), '九十');
    await sendKeys({ press: 'Tab' });
    await settle(app);
    expect(error()).to.equal('“九十”: 不是数字，未采用');
    expect(field().value).to.equal('九十');
    expect(field().getAttribute('aria-invalid')).to.equal('true');

    // a number out of range (src/population/settings.ts: 10-300% of WPP's death rates): the reason, the text kept
    await typeInto(field(), '500');
    await sendKeys({ press: 'Tab' });
    await until(() => app.sim.result?.ok === false);
    await settle(app);
    expect(error()).to.equal('须在 10 到 300 之间（百分比），现为 500 · 未采用，仍按上一个有效值计算');
    expect(field().value).to.equal('500');
    // the scenario is as it was: no mortality of its own, the last good run on screen
    expect(app.store.active!.scenario.assumptions?.population?.mortalityPercent).to.equal(undefined);
    expect(app.lastGood!.hash).to.equal(good.hash);
    // the refusal beside its field passes axe-core
    if (!(window as unknown as { axe?: unknown }).axe) {
      await new Promise((resolve, reject) => document.head.append(Object.assign(document.createElement('script'), { src: '/node_modules/axe-core/axe.min.js', onload: resolve, onerror: reject })));
    }
    const axe = (window as unknown as { axe: { run: (n: Node, o: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    expect((await axe.run(view, { resultTypes: ['violations'] })).violations.map((v) => `${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`)).to.deep.equal([]);

    // in English, the same reason in English
    const english = [...app.shadowRoot!.querySelectorAll('header button')].find((b) => b.textContent?.trim() === 'English')!;
    await click(english);
    await settle(app);
    expect(error()).to.equal('must be between 10 and 300 (percent), not 500 · not used; the last valid value stays in force');

    // a usable value is taken and the refusal goes
    await typeInto(field(), '90');
    await sendKeys({ press: 'Tab' });
    await until(() => (app.sim.result as RunView | undefined)?.population?.assumptions.find((a) => a.name === 'mortalityPercent')?.value === '90');
    await settle(app);
    expect(error()).to.equal('');
    expect(field().getAttribute('aria-invalid')).to.equal('false');
    expect(app.store.active!.scenario.assumptions!.population!.mortalityPercent).to.equal('90');
  });
});

describe('the population view on a phone', () => {
  beforeEach(async () => {
    localStorage.clear();
    document.body.innerHTML = '';
    const { setViewport } = await import('@web/test-runner-commands');
    await setViewport({ width: 390, height: 844 });
  });
  afterEach(async () => {
    const { setViewport } = await import('@web/test-runner-commands');
    await setViewport({ width: 1280, height: 900 });
  });

  it('opened with a tap, in English, nothing goes past the screen’s edge', async () => {
    const app = await mount();
    const english = [...app.shadowRoot!.querySelectorAll('header button')].find((b) => b.textContent === 'English')!;
    await click(english);
    await settle(app);
    const view = app.shadowRoot!.querySelector('yb-population-view') as YbPopulationView;
    await click(view.shadowRoot!.querySelector('summary')!);
    await settle(app);
    expect(view.shadowRoot!.querySelectorAll('yb-chart.pyramid')).to.have.length(2);
    // the assumptions (their long English labels and sources) wrap within the screen
    const fieldsets = [...view.shadowRoot!.querySelectorAll('fieldset')];
    for (const f of fieldsets) expect(f.getBoundingClientRect().right, f.querySelector('legend')?.textContent ?? '').to.be.at.most(innerWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(innerWidth);
    // the pyramids' legend wraps to two lines here: the plot leaves it room below the axis's name
    const pyramid = view.shadowRoot!.querySelector('yb-chart.pyramid') as unknown as { renderedOption: { grid: { bottom: number }[] } };
    expect(pyramid.renderedOption.grid[0]!.bottom).to.equal(96);
    // and no label runs into the value beside it ("participation" is one word)
    const spilling = [...view.shadowRoot!.querySelectorAll('.assumption label')].filter((l) => l.scrollWidth > l.clientWidth + 1).map((l) => l.textContent);
    expect(spilling).to.deep.equal([]);
  });
});
