/**
 * Editing a scenario as a user does, with the mouse and the keyboard: every control under a
 * chart reachable by pointer, an invalid value that breaks nothing, one change however fast
 * it is typed, undo and redo, and changes from a chosen month.
 */
import { expect } from 'chai';
import type { YbApp } from '../../src/ui/components/workbench-app.ts';
import { STORAGE_KEY } from '../../src/ui/state/store.ts';
import type { RunView } from '../../src/app/views.ts';
import { click, find, idle, leverField, mount, sendKeys, sendMouse, settle, typeInto, until, freshPage } from './helpers.ts';

const run = (app: YbApp) => app.sim.result as RunView;
const lever = leverField;

/** The city example opened, and its individual rate's field: 2 % of the wage (rules/city/medical-maternity-2021.json). */
async function cityRate() {
  const app = await mount();
  const pick = find<HTMLSelectElement>(app, '#pick');
  pick.value = 'example:city-2021';
  pick.dispatchEvent(new Event('change'));
  await until(() => run(app)?.baseYear === 2021 && !app.sim.running);
  await settle(app);
  return { app, rate: () => lever(app, '#lever-employee\\.rate\\.individual') };
}

describe('editing with the mouse and the keyboard', () => {
  // a desk's screen: levers and results side by side
  freshPage();
  afterEach(async () => {
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it('a mouse opens the table under a chart, asks why for a year, and is not blocked by the chart tooltip', async () => {
    const app = await mount();
    await settle(app);
    const chart = find(app, 'yb-fund-view', 'yb-chart');
    const summary = find(app, 'yb-fund-view', 'yb-data-table', 'summary');
    summary.scrollIntoView({ block: 'center' });
    const b = chart.getBoundingClientRect();
    // Hover the chart's first year, as a user's pointer does on its way to the table below:
    // ECharts shows its tooltip there, which must not spread over the controls.
    await sendMouse({ type: 'move', position: [Math.round(b.x + 90), Math.round(b.bottom - 80)] });
    await new Promise((r) => setTimeout(r, 100));
    const tip = [...chart.shadowRoot!.querySelectorAll('.canvas > div')].find((d) => !d.querySelector('canvas'));
    expect(tip, 'the chart shows a tooltip').to.not.equal(undefined);
    await click(summary);
    await settle(app);
    const table = find(app, 'yb-fund-view', 'yb-data-table');
    expect(table.shadowRoot!.querySelector('table')).to.not.equal(null);
    // the base year's row: 2022, the report's own figures
    const year = find(app, 'yb-fund-view', 'yb-data-table', 'button.year');
    expect(year.textContent).to.equal('2022');
    await click(year);
    await until(() => !!(app.shadowRoot!.querySelector('yb-why-panel') as unknown as { explain?: unknown }).explain);
    await settle(app);
    const why = find(app, 'yb-why-panel').shadowRoot!.textContent!;
    expect(why).to.contain('2022');
  });

  it('typing 450 quickly or one key at a time gives one change and the same content hash', async () => {
    const app = await mount();
    const original = run(app).hash;
    await typeInto(lever(app), '450');
    await idle(app);
    const fast = { hash: run(app).hash, overrides: app.store.active!.scenario.overrides };
    expect(fast.overrides).to.deep.equal([{ param: 'resident.individual.standard', from: '2023-01', value: '450' }]);
    expect(fast.hash).to.not.equal(original);
    app.remove();

    localStorage.clear();
    const again = await mount();
    await click(lever(again));
    lever(again).select();
    for (const key of '450') {
      await sendKeys({ type: key });
      await idle(again);
    }
    expect(again.store.active!.scenario.overrides).to.deep.equal(fast.overrides);
    expect(run(again).hash).to.equal(fast.hash);
    // the summary lists one change: 380 → 450
    expect(run(again).changes).to.have.length(1);
    expect(run(again).changes[0]).to.include({ before: '380', after: '450' });
  });

  it('an invalid value is shown beside its lever and never run, saved or shared; the last valid one stays', async () => {
    const app = await mount();
    await typeInto(lever(app), '420');
    await idle(app);
    const valid = run(app).hash;
    await typeInto(lever(app), '-1');
    await idle(app);
    const error = find(app, 'yb-lever-panel', '.lever.changed .error');
    expect(error.textContent).to.contain('（resident.individual.standard） 不能为负数，现为 -1');
    expect(lever(app).getAttribute('aria-invalid')).to.equal('true');
    // the scenario (and what is stored for the next visit) keeps 420; the charts show it
    expect(app.store.active!.scenario.overrides).to.deep.equal([{ param: 'resident.individual.standard', from: '2023-01', value: '420' }]);
    expect(localStorage.getItem(STORAGE_KEY)).to.not.contain('"-1"');
    expect(app.lastGood!.hash).to.equal(valid);
    expect(app.working!.overrides![0]!.value).to.equal('420');
    // the next valid value replaces the change in place
    await typeInto(lever(app), '430');
    await idle(app);
    expect(app.store.active!.scenario.overrides).to.deep.equal([{ param: 'resident.individual.standard', from: '2023-01', value: '430' }]);
    expect(find(app, 'yb-lever-panel').shadowRoot!.querySelector('.lever.changed .error')).to.equal(null);
  });

  for (const delay of [0, 50]) {
    it(`120 typed into a percentage ${delay ? 'one key every 50 ms' : 'at once'} is refused, and 2 (in force when the field got focus) stays, not 1 or 12`, async () => {
      const { app, rate } = await cityRate();
      expect(rate().value).to.equal('2');
      const original = run(app).hash;
      await click(rate());
      rate().select();
      for (const key of '120') {
        await sendKeys({ press: key });
        if (delay) await new Promise((r) => setTimeout(r, delay));
      }
      await idle(app);
      // the entry stays as typed, with its reason
      expect(rate().value).to.equal('120');
      expect(rate().getAttribute('aria-invalid')).to.equal('true');
      expect(find(app, 'yb-lever-panel', '.lever .error').textContent).to.contain('（employee.rate.individual） 是百分比，须在 0 到 100 之间，现为 120');
      // in force: no change at all (the rules' 2 %), whatever of 1 % and 12 % was computed on the way
      expect(app.store.active!.scenario.overrides ?? []).to.deep.equal([]);
      expect(find(app, 'yb-lever-panel').shadowRoot!.querySelector('ol.timeline')).to.equal(null);
      // the figures shown are the rules' own again
      expect(app.lastGood!.hash).to.equal(original);
      expect(app.lastGood!.changes).to.deep.equal([]);
    });
  }

  it('150 confirmed with Enter before its refusal arrives is never put back in force by the next refused entry', async () => {
    const { app, rate } = await cityRate();
    const original = run(app).hash;
    await click(rate());
    rate().select();
    for (const key of ['1', '5', '0', 'Enter']) await sendKeys({ press: key });
    await idle(app);
    expect(rate().getAttribute('aria-invalid')).to.equal('true');
    // a second refused entry in the same field: 999 (9 and 99 computed on the way)
    await click(rate());
    rate().select();
    for (const key of '999') await sendKeys({ press: key });
    await idle(app);
    expect(find(app, 'yb-lever-panel', '.lever .error').textContent).to.contain('现为 999');
    // in force: the rules' 2 %, never 150, 9 or 99
    expect(app.store.active!.scenario.overrides ?? []).to.deep.equal([]);
    expect(app.lastGood!.hash).to.equal(original);
  });

  it('undoes and redoes an edit with Ctrl+Z and Ctrl+Shift+Z outside a text field, and a delete from its notice', async () => {
    const app = await mount();
    const original = run(app).hash;
    await typeInto(lever(app), '420');
    await idle(app);
    const changed = run(app).hash;
    // typed digit by digit, the edit is one step
    await click(find(app, 'h1'));
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'z' });
    await sendKeys({ up: 'Control' });
    await idle(app);
    expect(run(app).hash).to.equal(original);
    expect(app.store.active!.scenario.overrides ?? []).to.deep.equal([]);
    expect(lever(app).value).to.equal('380');
    await sendKeys({ down: 'Control' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Z' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ up: 'Control' });
    await idle(app);
    expect(run(app).hash).to.equal(changed);
    expect(lever(app).value).to.equal('420');
    // delete, then undo from the notice
    const title = app.store.active!.scenario.title;
    const del = [...app.shadowRoot!.querySelectorAll('aside > button')].find((b) => b.textContent === '删除')!;
    await click(del);
    await settle(app);
    expect(app.store.state.entries).to.have.length(0);
    await click(find(app, '.toast button'));
    await idle(app);
    expect(app.store.active!.scenario.title).to.equal(title);
    expect(run(app).hash).to.equal(changed);
  });

  it('changes a lever from a chosen month and shows its timeline', async () => {
    const app = await mount();
    const year = () => find<HTMLSelectElement>(app, 'yb-lever-panel', '#levers-at-year');
    const month = () => find<HTMLSelectElement>(app, 'yb-lever-panel', '#levers-at-month');
    expect(`${year().value}-${month().value}`).to.equal('2023-01');
    // by keyboard: the year list one down (2024), the month list six down (07)
    await click(year());
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await idle(app);
    await click(month());
    for (let i = 0; i < 6; i++) await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await idle(app);
    expect(run(app).leversAt).to.equal('2024-07');
    // the banner's rules leave the standard at the national minimum: 380 in 2023, 400 in 2024
    // (seeds/sources/national-standards.md); shown at 2024-07, the lever reads 400
    expect(lever(app).value).to.equal('400');
    await typeInto(lever(app), '450');
    await idle(app);
    expect(app.store.active!.scenario.overrides).to.deep.equal([{ param: 'resident.individual.standard', from: '2024-07', value: '450' }]);
    expect(run(app).changes[0]).to.include({ from: '2024-07', before: '400', after: '450' });
    const chip = find(app, 'yb-lever-panel', '.lever.changed .timeline button');
    expect(chip.textContent).to.equal('2024-07 → 450');
    // back at 2023-01 the lever shows the value in force then
    year().value = '2023';
    year().dispatchEvent(new Event('change'));
    await idle(app);
    month().value = '01';
    month().dispatchEvent(new Event('change'));
    await idle(app);
    expect(lever(app).value).to.equal('380');
    // the timeline's entry brings the lever back to its month
    await click(find(app, 'yb-lever-panel', '.lever.changed .timeline button'));
    await idle(app);
    expect(lever(app).value).to.equal('450');
  });

  it('a stored scenario with a bad change opens with its levers usable and the problem beside the lever', async () => {
    const scenario = {
      version: 1,
      title: 'stored with a slip',
      baseline: 'banner-2022',
      rules: ['banner/resident-2022'],
      overrides: [
        { param: 'resident.individual.standard', from: '2023-01', value: '-1' },
        { param: 'resident.subsidy.standard', from: '2023-01', value: '600' },
      ],
    };
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ entries: [{ id: 'a', scenario }], activeId: 'a', compareIds: [], locale: 'zh' }));
    const app = await mount();
    await idle(app);
    // the good change is in force, the bad one left out and listed
    expect(run(app).changes.map((c) => c.param)).to.deep.equal(['resident.subsidy.standard']);
    expect(find(app, '#skipped').shadowRoot!.textContent).to.contain('/overrides/0/value');
    expect(find(app, 'yb-lever-panel', '.lever .error').textContent).to.contain('不能为负数');
    // a lever still works, and the saved scenario is the one without the slip
    await typeInto(lever(app), '390');
    await idle(app);
    expect(app.store.active!.scenario.overrides).to.deep.equal([
      { param: 'resident.subsidy.standard', from: '2023-01', value: '600' },
      { param: 'resident.individual.standard', from: '2023-01', value: '390' },
    ]);
    expect(app.shadowRoot!.querySelector('#skipped')).to.equal(null);
  });
});

describe('explanations on the lever and in the why panel', () => {
  freshPage();

  it('a lever that moves nothing says why and takes the user to the missing input', async () => {
    const app = await mount();
    await settle(app);
    // the banner's report gives no average wage: employee levers cannot act on contributions
    const employee = find<HTMLDetailsElement>(app, 'yb-lever-panel', 'details');
    if (!employee.open) await click(employee.querySelector('summary')!);
    await settle(app);
    // said once for the group, not under each of its 14 levers (the field's name, not its id)
    const notes = find(app, 'yb-lever-panel').shadowRoot!.querySelectorAll('.inert');
    expect([...notes].filter((n) => n.closest('details') === employee)).to.have.length(1);
    expect(employee.querySelectorAll('.lever .inert')).to.have.length(0);
    const note = find(app, 'yb-lever-panel', 'details .inert.group');
    expect(note.textContent).to.contain('未知平均工资');
    expect(note.textContent).to.not.contain('assumptions.');
    expect(find(app, 'yb-lever-panel', '#lever-employee\\.rate\\.employer').getAttribute('aria-describedby')).to.contain(note.id);
    await click(note.querySelector('button')!);
    await settle(app);
    const panel = find(app, 'yb-lever-panel');
    expect(panel.shadowRoot!.activeElement?.id).to.equal('assume-avgMonthlyWage');
    // the source of a baseline value opens with a tap, no hover needed
    const source = find(app, 'yb-lever-panel', '.lever details.src');
    await click(source.querySelector('summary')!);
    expect((source as HTMLDetailsElement).open).to.equal(true);
  });

  it('the why panel names the fund and shows the inputs with their values and sources', async () => {
    const app = await mount();
    await click(find(app, '#tab-resident'));
    await settle(app);
    await click(find(app, 'yb-fund-view', 'yb-data-table', 'summary'));
    await settle(app);
    await click(find(app, 'yb-fund-view', 'yb-data-table', 'tbody tr:nth-child(2) button.year'));
    await until(() => !!(find(app, 'yb-why-panel') as unknown as { explain?: unknown }).explain);
    await settle(app);
    const why = find(app, 'yb-why-panel').shadowRoot!.textContent!;
    expect(why).to.contain('城乡居民基本医疗保险 · 2023');
    // seed 000: 2022年居民医保参保人数65336人, from the report
    expect(why).to.contain('居民人数（2022年）');
    expect(why).to.contain('65,336 人');
    // assumptions by name, with units and where they come from
    expect(why).to.contain('居民参保率年变化（人口变化之外）');
    expect(why).to.contain('0 %/年');
  });
});

describe('a lever typed back to its baseline', () => {
  freshPage();

  it('is no longer changed: the change goes, and the scenario is the baseline again with its content hash', async () => {
    const app = await mount();
    const original = (app.sim.result as RunView).hash;
    const input = find<HTMLInputElement>(app, 'yb-lever-panel', '#lever-resident\\.individual\\.standard');
    // seed 000's rules: 380 元 from 2023-01, the month the levers start at
    expect(input.value).to.equal('380');
    await typeInto(input, '400');
    await until(() => !app.sim.running && (app.store.active!.scenario.overrides ?? []).length === 1);
    await settle(app);
    expect(input.closest('.lever')!.classList.contains('changed')).to.equal(true);
    await typeInto(input, '380.0');
    await until(() => !app.sim.running && (app.store.active!.scenario.overrides ?? []).length === 0);
    await settle(app);
    expect(input.closest('.lever')!.classList.contains('changed')).to.equal(false);
    expect((app.sim.result as RunView).hash).to.equal(original);
  });
});
