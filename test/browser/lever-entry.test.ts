/**
 * What a lever's field puts in force: a number typed whole (thousands separators as the workbench
 * prints them, full-width digits as a Chinese keyboard gives them), or, for text that is not a
 * number, nothing but what was in force when the edit began; and a change removed from its
 * timeline leaves the field showing the value in force again.
 */
import { expect } from 'chai';
import type { YbApp } from '../../src/ui/components/workbench-app.ts';
import type { RunView } from '../../src/app/views.ts';
import { click, deepFocus, find, freshPage, idle, leverField, mount, sendKeys, settle, typeInto, until, switchToEnglish } from './helpers.ts';

const run = (app: YbApp) => app.sim.result as RunView;
const lever = leverField;

/** Select the field's text and press each key, `delay` ms apart. */
async function press(app: YbApp, input: () => HTMLInputElement, keys: string, delay: number): Promise<void> {
  await click(input());
  input().select();
  for (const key of keys) {
    await sendKeys({ press: key });
    if (delay) await new Promise((r) => setTimeout(r, delay));
  }
  await idle(app);
}

describe('what a lever field puts in force', () => {
  freshPage();

  for (const delay of [0, 50]) {
    it(`4,500 typed ${delay ? 'one key every 50 ms' : 'at once'} is 4500, never the 4 on the way`, async () => {
      const app = await mount();
      await press(app, () => lever(app), '4,500', delay);
      expect(lever(app).value).to.equal('4,500');
      expect(lever(app).getAttribute('aria-invalid')).to.equal('false');
      expect(app.store.active!.scenario.overrides).to.deep.equal([{ param: 'resident.individual.standard', from: '2023-01', value: '4500' }]);
      expect(find(app, 'yb-lever-panel', '.lever.changed .timeline button').textContent).to.equal('2023-01 → 4500');
      expect(run(app).changes[0]).to.include({ before: '380', after: '4500' });
    });

    it(`450x and 4,5 typed ${delay ? 'one key every 50 ms' : 'at once'} leave the 380 in force when the edit began`, async () => {
      const app = await mount();
      const original = run(app).hash;
      await press(app, () => lever(app), '450x', delay);
      expect(lever(app).value).to.equal('450x');
      expect(find(app, 'yb-lever-panel', '.lever .error').textContent).to.contain('不是数字');
      expect(app.store.active!.scenario.overrides ?? []).to.deep.equal([]);
      // the run of the value in force comes last, whatever runs the keys on the way started
    await until(() => app.lastGood?.hash === original && !app.sim.running);
    expect(app.lastGood!.hash).to.equal(original);
      // a half-typed grouping is not a number either: 4,5 keeps 380, not 4
      await press(app, () => lever(app), '4,5', delay);
      expect(app.store.active!.scenario.overrides ?? []).to.deep.equal([]);
      // the run of the value in force comes last, whatever runs the keys on the way started
    await until(() => app.lastGood?.hash === original && !app.sim.running);
    expect(app.lastGood!.hash).to.equal(original);
      // and a change in force before the edit is what stays: 420, then 420x
      await press(app, () => lever(app), '420', delay);
      await press(app, () => lever(app), '4201x', delay);
      expect(app.store.active!.scenario.overrides).to.deep.equal([{ param: 'resident.individual.standard', from: '2023-01', value: '420' }]);
    });
  }

  it('full-width digits and comma (４，５００) are read as 4500', async () => {
    const app = await mount();
    await typeInto(lever(app), '４，５００');
    await idle(app);
    expect(app.store.active!.scenario.overrides).to.deep.equal([{ param: 'resident.individual.standard', from: '2023-01', value: '4500' }]);
  });

  it('removing a change with × (mouse or Enter) shows the value in force again and keeps the focus on the lever', async () => {
    const app = await mount();
    const original = run(app).hash;
    await typeInto(lever(app), '450');
    await idle(app);
    await click(find(app, 'yb-lever-panel', '.lever.changed .timeline li button:last-child'));
    await idle(app);
    expect(run(app).hash).to.equal(original);
    expect(lever(app).value).to.equal('380');
    expect(deepFocus()).to.equal(lever(app));
    // again by keyboard: Tab from the chip's month to its ×, then Enter
    await typeInto(lever(app), '460');
    await idle(app);
    find<HTMLButtonElement>(app, 'yb-lever-panel', '.lever.changed .timeline li button').focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await idle(app);
    expect(app.store.active!.scenario.overrides ?? []).to.deep.equal([]);
    expect(lever(app).value).to.equal('380');
    expect(deepFocus()).to.equal(lever(app));
  });
});

describe('a percentage lever on a phone, in English', () => {
  freshPage(390, 844);

  it('150% keeps the 2 % in force, not 150, 15 or 1', async () => {
    const app = await mount();
    await switchToEnglish(app);
    const pick = find<HTMLSelectElement>(app, '#pick');
    pick.value = 'example:city-2021';
    pick.dispatchEvent(new Event('change'));
    await until(() => run(app)?.baseYear === 2021 && !app.sim.running);
    await settle(app);
    const original = run(app).hash;
    await click(find(app, '#pane-levers'));
    await settle(app);
    const rate = () => lever(app, '#lever-employee\\.rate\\.individual');
    expect(rate().value).to.equal('2');
    await press(app, rate, '150%', 0);
    expect(rate().getAttribute('aria-invalid')).to.equal('true');
    expect(app.store.active!.scenario.overrides ?? []).to.deep.equal([]);
    // the run of the value in force comes last, whatever runs the keys on the way started
    await until(() => app.lastGood?.hash === original && !app.sim.running);
    expect(app.lastGood!.hash).to.equal(original);
  });
});
