/** The report's sources of a changed lever, its header, and its layout on a phone. */
import { expect } from 'chai';
import type { YbReport } from '../../src/ui/components/report-view.ts';
import { click, find, freshPage, idle, leverField, mount, settle, typeInto } from './helpers.ts';

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
