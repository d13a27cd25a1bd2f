/**
 * The workbench in a real browser with the real simulation worker: change a
 * lever and see the numbers move, load a bad file and see the error, keep
 * work across a reload, share a link, switch language.
 */
import { expect } from 'chai';
import { YbApp } from '../../src/ui/components/workbench-app.ts';
import type { YbFundView } from '../../src/ui/components/fund-view.ts';
import type { YbFundCards } from '../../src/ui/components/fund-cards.ts';
import type { YbDataTable } from '../../src/ui/components/data-table.ts';
import { startWorker } from '../../src/ui/state/simulation-controller.ts';
import { Store, STORAGE_KEY } from '../../src/ui/state/store.ts';
import { decodeShareFragment, decodeShareLink, encodeShareFragment } from '../../src/ui/state/share.ts';
import type { RunView } from '../../src/app/views.ts';
import national from '../../seeds/scenarios/national-2022.json' with { type: 'json' };

async function until(cond: () => boolean, ms = 15000): Promise<void> {
  const start = performance.now();
  while (!cond()) {
    if (performance.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function mount(): Promise<YbApp> {
  const app = new YbApp(startWorker(), new Store());
  document.body.append(app);
  await until(() => app.sim.result?.ok === true);
  await app.sim.settled();
  return app;
}

const q = <T extends Element>(root: Element | ShadowRoot | null | undefined, sel: string) => root?.querySelector(sel) as T | null;

describe('the workbench', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('opens on the default scenario with the banner\'s 2022 figures', async () => {
    const app = await mount();
    const run = app.sim.result as RunView;
    expect(run.title).to.contain('Banner 2022');
    const emp = run.funds.find((f) => f.id === 'employee')!;
    // seed 000: 职工基本医疗保险基金收入43370.17万元
    expect(emp.years[0]!.income).to.equal('43370.17');
    const cards = q(app.shadowRoot, 'yb-fund-cards')!.shadowRoot!.textContent!;
    expect(cards).to.contain('职工基本医疗保险');
  });

  it('changing a lever updates the chart and the table', async () => {
    const app = await mount();
    const before = app.sim.result as RunView;
    // resident individual standard: 380 in force from 2023-01; raise it to 420
    const tab = [...app.shadowRoot!.querySelectorAll('nav button')].find((b) => b.textContent!.includes('居民')) as HTMLButtonElement;
    tab.click();
    const panel = q(app.shadowRoot, 'yb-lever-panel')!;
    const input = q<HTMLInputElement>(panel.shadowRoot, '#lever-resident\\.individual\\.standard')!;
    expect(input.value).to.equal('380');
    input.value = '420';
    input.dispatchEvent(new Event('input'));
    await until(() => (app.sim.result as RunView | undefined)?.hash !== before.hash && !app.sim.running);
    const after = app.sim.result as RunView;
    const r0 = before.funds.find((f) => f.id === 'resident')!.years[1]!;
    const r1 = after.funds.find((f) => f.id === 'resident')!.years[1]!;
    expect(Number(r1.incomeBySource['contributions.individual'])).to.be.greaterThan(Number(r0.incomeBySource['contributions.individual']));
    expect(r1.expenditure).to.equal(r0.expenditure);
    await app.updateComplete;
    const view = q<YbFundView>(app.shadowRoot, 'yb-fund-view')!;
    await view.updateComplete;
    const table = q<YbDataTable>(view.shadowRoot, 'yb-data-table')!;
    expect(table.csvText()).to.contain(r1.cumulative);
    const chart = q(view.shadowRoot, 'yb-chart') as unknown as { renderedOption: { series: { data: number[] }[] } };
    // the chart draws in a task of its own after the render: wait for it, then check what it drew
    await until(() => chart.renderedOption.series[0]!.data[1] === Number(r1.cumulative), 5000).catch(() => undefined);
    expect(chart.renderedOption.series[0]!.data[1]).to.equal(Number(r1.cumulative));
    // the change is listed in the summary with its old value
    expect(after.changes[0]).to.include({ param: 'resident.individual.standard', before: '380', after: '420' });
  });

  it('moves the city floor from 60% to 50% of the average wage, as a percentage, from 2022-03', async () => {
    const app = await mount();
    const pick = q<HTMLSelectElement>(app.shadowRoot, '#pick')!;
    pick.value = 'example:city-2021';
    pick.dispatchEvent(new Event('change'));
    await until(() => (app.sim.result as RunView | undefined)?.baseYear === 2021 && !app.sim.running);
    await app.updateComplete;
    const panel = q(app.shadowRoot, 'yb-lever-panel')!;
    await (panel as unknown as YbApp).updateComplete;
    const input = q<HTMLInputElement>(panel.shadowRoot, '#lever-employee\\.base\\.floor')!;
    expect(input.value).to.equal('60');
    const before = (app.sim.result as RunView).hash;
    input.value = '50';
    input.dispatchEvent(new Event('input'));
    await until(() => (app.sim.result as RunView).hash !== before && !app.sim.running);
    expect(app.store.active!.scenario.overrides).to.deep.equal([
      { param: 'employee.base.floor', from: '2022-03', value: { percentOf: { series: 'avgMonthlyWage', yearOffset: -2 }, percent: '50' } },
    ]);
    const after = app.sim.result as RunView;
    // 2022-03: 50% × 8445 (the 2020 wage) = 4222.5 in place of 5067
    expect(after.changes[0]).to.include({ param: 'employee.base.floor', from: '2022-03', before: '5067', after: '4222.5' });
  });

  it('a file with a change no lever can use opens without it, the problem shown at its line; nothing is lost', async () => {
    const app = await mount();
    const entries = app.store.state.entries;
    const text = '{\n  "version": 1,\n  "title": "bad",\n  "baseline": "banner-2022",\n  "rules": ["banner/resident-2022"],\n  "overrides": [{ "param": "resident.individual.standrd", "value": "400" }]\n}\n';
    const ok = await app.openText(text, 'bad.json');
    expect(ok).to.equal(true);
    await app.updateComplete;
    const list = q(app.shadowRoot, '#file-problems')!;
    await (list as unknown as YbApp).updateComplete;
    const shown = list.shadowRoot!.textContent!;
    expect(shown).to.contain('下列调整无法使用，已暂时略过');
    expect(shown).to.contain('bad.json /overrides/0/param (第 6 行)');
    expect(shown).to.contain('未知参数“resident.individual.standrd”（是否指“resident.individual.standard”？）');
    // what the user had is still there; the file opened without the misspelt change, and nothing invalid is stored
    expect(app.store.state.entries.slice(0, entries.length)).to.deep.equal(entries);
    expect(app.store.active!.scenario).to.deep.equal({ version: 1, title: 'bad', baseline: 'banner-2022', rules: ['banner/resident-2022'] });
    expect(localStorage.getItem(STORAGE_KEY)).to.not.contain('standrd');
  });

  it('starts a scenario from another baseline, and refuses one that cannot be projected without losing anything', async () => {
    const app = await mount();
    const select = q<HTMLSelectElement>(app.shadowRoot, '#from-baseline')!;
    select.value = 'xinjiang-2020';
    select.dispatchEvent(new Event('change'));
    await until(() => app.store.state.entries.length === 2 && (app.sim.result as RunView | undefined)?.baseYear === 2020);
    // seed 002: 2020年……基金总收入347833万元
    expect((app.sim.result as RunView).funds.find((f) => f.id === 'employee')!.years[0]!.income).to.equal('347833');
    const before = JSON.stringify(app.store.state);
    select.value = 'county-2019';
    select.dispatchEvent(new Event('change'));
    await until(() => app.shadowRoot!.querySelector('#file-problems') !== null);
    expect(JSON.stringify(app.store.state)).to.equal(before);
  });

  it('shows the cards of a baseline whose report states amounts in 亿元 in 亿元, the exact 万元 figure with its point moved', async function () {
    this.timeout(60000);
    const app = await mount();
    const cardTexts = () => [...q(app.shadowRoot, 'yb-fund-cards')!.shadowRoot!.querySelectorAll('.big')].map((b) => b.textContent!.replace(/\s+/g, ' ').trim());
    // the banner's report is in 万元: its cards stay in 万元
    expect(cardTexts().every((c) => c.endsWith('万元'))).to.equal(true);
    // the national example to 2023: the resident fund's balance (about 7,000 亿元) is below 1 亿 万元, where the cards
    // of a report in 万元 switch to 亿元; the bulletins write it in 亿元, and so does the card
    expect(await app.openText(JSON.stringify({ ...national, until: 2023 }), 'national-2022.json')).to.equal(true);
    await until(() => (app.sim.result as RunView | undefined)?.until === 2023 && !app.sim.running, 60000);
    await app.updateComplete;
    await q<YbFundCards>(app.shadowRoot, 'yb-fund-cards')!.updateComplete;
    const run = app.sim.result as RunView;
    const top = run.funds.filter((f) => !f.id.includes('.'));
    const texts = cardTexts();
    expect(texts).to.have.length(top.length);
    top.forEach((f, i) => {
      // e.g. 1082447515.74 万元 → "108,244.75 亿元": the exact text's digits, the point four places left, rounded to 0.01
      const wan = f.years.at(-1)!.cumulative;
      const [int, frac = ''] = wan.replace('-', '').split('.');
      const digits = (int! + frac).padStart(5 + frac.length, '0');
      const cut = digits.length - frac.length - 4;
      const yi = Number(`${digits.slice(0, cut)}.${digits.slice(cut)}`);
      expect(texts[i], f.id).to.match(/ 亿元$/);
      expect(Number(texts[i]!.replace(/ 亿元$/, '').replace(/,/g, '')), `${f.id} ${wan}`).to.be.closeTo(Math.sign(Number(wan)) * yi, 0.005 + 1e-9);
    });
    // the fund's table as well: its caption in 亿元, the horizon's balance as on the card, its CSV with every digit
    const view = q<YbFundView>(app.shadowRoot, 'yb-fund-view')!;
    await view.updateComplete;
    const table = q<YbDataTable>(view.shadowRoot, 'yb-data-table')!;
    await table.updateComplete;
    expect(table.table.caption).to.match(/\(亿元\)$/);
    // (the table is folded: its cells as it formats them)
    const lastRow = table.table.rows.at(-1)!;
    const cells = table.table.columns.map((c, i) => (c.format ? c.format(lastRow[i]!) : String(lastRow[i])));
    const shownFund = view.fund!;
    const wanLast = shownFund.years.at(-1)!.cumulative;
    expect(cells).to.include(texts[top.indexOf(shownFund)]!.replace(/ 亿元$/, ''));
    // "1082447515.737573" 万元 → "108244.7515737573" 亿元: the same digits
    const csvLast = table.csvText().trimEnd().split('\n').at(-1)!.split(',');
    expect(csvLast.map((c) => c.replace(/[.-]/g, '').replace(/^0+/, ''))).to.include(wanLast.replace(/[.-]/g, '').replace(/^0+/, '').replace(/0+$/, ''));
  });

  it('keeps the scenario across a reload', async () => {
    const app = await mount();
    const scenario = { ...app.store.active!.scenario, title: 'kept', overrides: [{ param: 'resident.individual.standard', from: '2023-01', value: '400' }] };
    app.store.replaceActive(scenario);
    app.remove();
    const again = await mount();
    expect(again.store.active!.scenario.title).to.equal('kept');
    expect((again.sim.result as RunView).changes[0]!.after).to.equal('400');
  });

  it('a share link carries the whole scenario and reproduces the same hash', async () => {
    const app = await mount();
    const hash = (app.sim.result as RunView).hash;
    const share = q<HTMLButtonElement>(app.shadowRoot, '#share')!;
    share.click();
    await until(() => app.shareLink !== '');
    const fragment = app.shareLink.slice(app.shareLink.indexOf('#'));
    const text = (await decodeShareFragment(fragment))!;
    const opened = await app.sim.api.run(JSON.parse(text), 'link');
    expect((opened as RunView).hash).to.equal(hash);
  });

  it('switches to English and back', async () => {
    const app = await mount();
    const button = [...app.shadowRoot!.querySelectorAll('header button')].find((b) => b.textContent === 'English') as HTMLButtonElement;
    button.click();
    await until(() => app.shadowRoot!.querySelector('h1')!.textContent === 'Medical-insurance policy workbench');
    const cards = q(app.shadowRoot, 'yb-fund-cards')!;
    await (cards as unknown as YbApp).updateComplete;
    expect(cards.shadowRoot!.textContent).to.contain('Employee insurance');
    expect(app.store.state.locale).to.equal('en');
    ([...app.shadowRoot!.querySelectorAll('header button')].find((b) => b.textContent === '中文') as HTMLButtonElement).click();
    await until(() => app.shadowRoot!.querySelector('h1')!.textContent === '医保基金政策模拟工作台');
  });
});

const problemsText = (app: YbApp) => app.shadowRoot!.querySelector('#file-problems')?.shadowRoot?.textContent ?? '';

// A link whose scenario computes another content hash opens with a notice; with its own hash, without.
describe('share links in the workbench', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('a link carrying another content hash opens with a notice', async () => {
    const app = await mount();
    const scenario = { ...app.store.active!.scenario, title: 'linked' };
    const decoded = decodeShareLink(await encodeShareFragment(scenario, '0'.repeat(64)));
    expect(decoded?.ok).to.equal(true);
    const ok = decoded?.ok ? await app.openText(decoded.text, 'shared link', decoded.hash) : false;
    expect(ok).to.equal(true);
    await app.updateComplete;
    expect(app.store.active!.scenario.title).to.equal('linked');
    await until(() => /does not match the content hash the link carries \(link 000000000000|内容哈希不一致（链接 000000000000/.test(problemsText(app)));
  });

  it('a link with the hash it computes opens without a notice', async () => {
    const app = await mount();
    const hash = (app.sim.result as RunView).hash;
    const decoded = decodeShareLink(await encodeShareFragment(app.store.active!.scenario, hash));
    expect(decoded?.ok && (await app.openText(decoded.text, 'shared link', decoded.hash))).to.equal(true);
    await app.updateComplete;
    expect(app.shadowRoot!.querySelector('#file-problems')).to.equal(null);
  });

  it('a link pasted into the address bar of the open workbench opens; one with another hash says it opened, with a notice', async () => {
    const app = await mount();
    const hash = (app.sim.result as RunView).hash;
    const entries = app.store.state.entries.length;
    // the same page, only the fragment changes: the browser does not reload, the workbench must read it
    location.hash = (await encodeShareFragment({ ...app.store.active!.scenario, title: 'pasted' }, hash)).slice(1);
    await until(() => app.store.active!.scenario.title === 'pasted');
    expect(app.store.state.entries.length).to.equal(entries + 1);
    expect(location.hash).to.equal('');
    await app.updateComplete;
    expect(app.shadowRoot!.querySelector('#file-problems')).to.equal(null);
    // another hash: opened, so the notice does not say it could not load, and names the link in Chinese
    location.hash = (await encodeShareFragment({ ...app.store.active!.scenario, title: 'altered' }, '0'.repeat(64))).slice(1);
    await until(() => app.store.active!.scenario.title === 'altered');
    await until(() => /内容哈希不一致（链接 000000000000/.test(problemsText(app)));
    const notice = problemsText(app).replace(/\s+/g, ' ');
    expect(notice).to.contain('已打开，但请注意');
    expect(notice).to.contain('分享链接');
    expect(notice).to.not.contain('无法载入');
    expect(notice).to.not.contain('shared link');
    // a damaged link pasted: refused in view, nothing lost
    const before = JSON.stringify(app.store.state.entries);
    location.hash = 'scenario=';
    await until(() => /分享链接已损坏/.test(problemsText(app)));
    expect(JSON.stringify(app.store.state.entries)).to.equal(before);
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('a file saved with a byte-order mark opens; one saved as GBK is refused and changes nothing', async () => {
    const app = await mount();
    const before = app.store.state.entries.length;
    const scenario = { ...app.store.active!.scenario, title: 'from Windows' };
    expect(await app.openText('\uFEFF' + JSON.stringify(scenario), 'bom.json')).to.equal(true);
    expect(app.store.active!.scenario.title).to.equal('from Windows');
    // GBK bytes read as UTF-8: the Chinese title became U+FFFD
    expect(await app.openText(JSON.stringify({ ...scenario, title: '\uFFFD\uFFFD 2022' }), 'gbk.json')).to.equal(false);
    expect(app.store.state.entries.length).to.equal(before + 1);
    await until(() => /the file is not UTF-8 text|文件不是 UTF-8 文本/.test(problemsText(app)));
  });
});
