/**
 * Months payable as the workbench shows them: the basis of a figure that rests on an abnormal year
 * (the banner's resident fund divides by the year before's expenditure, and 2022's is the report's,
 * 64.03% below 2021's), and 耗尽 / exhausted, never negative months, once the balance is used up.
 */
import { expect } from 'chai';
import type { YbDataTable } from '../../src/ui/components/data-table.ts';
import { click, find, freshPage, mount, settle, until } from './helpers.ts';

describe('months payable', () => {
  freshPage();

  it('gives the basis of the banner resident fund’s 46.5 months in 2023 and reads 耗尽 once the fund is exhausted', async () => {
    const app = await mount();
    await click(find(app, '#tab-resident'));
    await settle(app);
    const view = find(app, 'yb-fund-view');
    // seed 000 and its rule: months payable on the year before's expenditure. 2023: 7721.53 × 12 ÷ 1991.34 = 46.53
    const notes = find(view, '.months-notes').textContent!.replace(/\s+/g, ' ');
    expect(notes).to.contain('2023年可支付月数 46.5 = 累计结存 7,721.53万元 ÷ （2022年支出 1,991.34万元 ÷ 12）');
    expect(notes).to.contain('2022年支出为报告数，属异常年份');
    expect(find(view, '#months-method').textContent).to.contain('按上年支出');

    const table = find<YbDataTable>(view, 'yb-data-table');
    await click(find(table, 'summary'));
    await settle(app);
    const months = (year: number) => [...table.shadowRoot!.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')!.textContent!.trim() === String(year))!.querySelectorAll('td')[5]!.textContent!.trim();
    expect(months(2023)).to.equal('46.5');
    // the balance runs out in 2034 (cumulative −2,116.85 万元): no months left, not −2.3
    expect(months(2033)).to.equal('0.9');
    expect(months(2034)).to.equal('耗尽');
    expect(months(2035)).to.equal('耗尽');
    const csv = table.csvText().split('\n');
    expect(csv.find((l) => l.startsWith('2034,'))!.split(',')[6]).to.equal('耗尽');
    expect(table.shadowRoot!.textContent).to.not.match(/-\d+\.\d(?!\d)/);

    // the "why" panel of 2023 says the same
    const year2023 = [...table.shadowRoot!.querySelectorAll('button.year')].find((b) => b.textContent === '2023')!;
    await click(year2023);
    await until(() => app.shadowRoot!.querySelector('yb-why-panel')!.shadowRoot!.querySelector('#months-basis') !== null);
    expect(find(app, 'yb-why-panel', '#months-basis').textContent).to.contain('7,721.53万元 ÷ （2022年支出 1,991.34万元 ÷ 12）');

    // in English
    const english = [...app.shadowRoot!.querySelectorAll('header button')].find((b) => b.textContent?.trim() === 'English')!;
    await click(english);
    await settle(app);
    expect(months(2034)).to.equal('exhausted');
    expect(find(view, '.months-notes').textContent).to.contain('2023: months payable 46.5 = cumulative balance 7,721.53 ÷ (expenditure 2022: 1,991.34 ÷ 12) (amounts in 10k yuan; base: ');
    await click([...app.shadowRoot!.querySelectorAll('header button')].find((b) => b.textContent?.trim() === '中文')!);
    await settle(app);
  });
});
