/** Files that cannot be used: the problems where the user looks, each at its place, and a huge line kept short. */
import { expect } from 'chai';
import { click, find, freshPage, mount, sendKeys, settle, until } from './helpers.ts';
import city from '../../seeds/scenarios/city-2021.json' with { type: 'json' };

describe('bad files', () => {
  freshPage();

  it('lists the problems in view, an unknown key at its own line, and changes nothing', async () => {
    const app = await mount();
    const entries = JSON.stringify(app.store.state.entries);
    window.scrollTo(0, document.documentElement.scrollHeight);
    const text = '{\n  "version": 1,\n  "title": "bad",\n  "baseline": "banner-2022",\n  "rules": ["banner/resident-2022"],\n  "colour": "blue"\n}\n';
    expect(await app.openText(text, 'bad.json')).to.equal(false);
    await settle(app);
    const list = find(app, '#file-problems');
    const box = list.getBoundingClientRect();
    expect(box.top).to.be.at.least(0);
    expect(box.top).to.be.lessThan(innerHeight);
    const shown = list.shadowRoot!.textContent!;
    // the key "colour" is on line 6 of the file
    expect(shown).to.contain('(第 6 行)');
    expect(shown).to.contain('未知字段“colour”');
    expect(list.shadowRoot!.querySelector('.here')!.textContent).to.contain('"colour": "blue"');
    expect(JSON.stringify(app.store.state.entries)).to.equal(entries);
  });

  it('a 2 MB file on one line shows a short window around the error and leaves the page usable', async () => {
    const app = await mount();
    const filler = 'x'.repeat(2_000_000);
    // a syntax error after the long string: the excerpt must not carry the whole line
    const text = `{"version": 1, "title": "${filler}", "baseline": "banner-2022" "rules": []}`;
    expect(await app.openText(text, 'huge.json')).to.equal(false);
    await settle(app);
    const list = find(app, '#file-problems');
    const here = list.shadowRoot!.querySelector('.here');
    expect(here, 'the line with the error is shown').to.not.equal(null);
    expect(here!.textContent!.length).to.be.lessThan(100);
    expect(here!.textContent).to.contain('"rules"');
    expect(document.documentElement.scrollWidth).to.be.at.most(innerWidth);
    // dismissed, the workbench is as it was
    await click(list.shadowRoot!.querySelector('button')!);
    await settle(app);
    expect(app.shadowRoot!.querySelector('#file-problems')).to.equal(null);
    expect(document.documentElement.scrollWidth).to.be.at.most(innerWidth);
  });
});

describe('refusals in the reader’s language', () => {
  freshPage();

  it('a JSON syntax error says where and why in Chinese, not in the browser’s English', async () => {
    const app = await mount();
    const entries = JSON.stringify(app.store.state.entries);
    // a comma too many at the end of line 2: the browser stops at column 28, the second comma
    const text = '{"version": 1, "title": "x",\n "baseline": "banner-2022",,\n "rules": []}';
    expect(await app.openText(text, 'malformed.json')).to.equal(false);
    await settle(app);
    const shown = find(app, '#file-problems').shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(shown).to.contain('malformed.json');
    expect(shown).to.contain('不是有效的 JSON（第 2 行第 28 列）：此处应为用英文双引号括起的字段名');
    expect(shown).to.not.match(/Expected|position/);
    expect(JSON.stringify(app.store.state.entries)).to.equal(entries);
    // dismissed with the keyboard: the file's problems are a list to read, then gone
    const dismiss = find(app, '#file-problems', 'button');
    dismiss.focus();
    await sendKeys({ press: 'Enter' });
    await settle(app);
    expect(app.shadowRoot!.querySelector('#file-problems')).to.equal(null);
  });

  it('a floor above its ceiling names both by name, where the ceiling comes from, and the month', async () => {
    const app = await mount();
    const entries = JSON.stringify(app.store.state.entries);
    const text = JSON.stringify({ ...city, title: 'floor above ceiling', overrides: [{ param: 'employee.base.floor', value: '30000', from: '2023-01' }] }, null, 2);
    expect(await app.openText(text, 'floor.json')).to.equal(false);
    await settle(app);
    const shown = find(app, '#file-problems').shadowRoot!.textContent!.replace(/\s+/g, ' ');
    // the city's ceiling in 2023-01 is 300% of 2021's assumed wage, 8867.25 × 3 = 26601.75 元/月
    expect(shown).to.contain('floor.json /overrides/0');
    expect(shown).to.contain('缴费基数下限（employee.base.floor） 30000 高于缴费基数上限（employee.base.ceiling） 26601.75（上限出自 rules/city/medical-maternity-2021.json');
    expect(shown).to.contain('适用于 2023-01');
    // the maternity floor follows the employee floor: its refusal says so, not just the registry's file
    expect(shown).to.contain('（未另行规定时，该参数随缴费基数下限（employee.base.floor）取值）');
    expect(shown).to.not.contain('城乡居民');
    expect(JSON.stringify(app.store.state.entries)).to.equal(entries);
  });
});

describe('refusals of the schema and the loaders, in Chinese', () => {
  freshPage();

  it('a baseline with no full year to start from, picked from 从基线新建, says why in Chinese', async () => {
    const app = await mount();
    const entries = JSON.stringify(app.store.state.entries);
    const select = find<HTMLSelectElement>(app, '#from-baseline');
    // (a native select's list is drawn by the browser, out of the page's reach: picked as its change event)
    select.focus();
    select.value = 'county-2019'; // seed 003 gives no cumulative balance
    select.dispatchEvent(new Event('change'));
    await until(() => app.shadowRoot!.querySelector('#file-problems') !== null);
    await settle(app);
    const shown = find(app, '#file-problems').shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(shown).to.contain('seeds/baselines/county-2019.json /funds');
    expect(shown).to.contain('没有哪个基金报告了含收入和累计结存的完整年度，无法作为测算的起点');
    expect(shown).to.not.contain('no fund reports');
    expect(JSON.stringify(app.store.state.entries)).to.equal(entries);
  });

  it('a value outside its list and a newer format are refused in Chinese, and in English after the switch', async () => {
    const app = await mount();
    const scenario = app.store.active!.scenario;
    // opened without the change it cannot use, which is listed
    expect(await app.openText(JSON.stringify({ ...scenario, assumptions: { regionTier: 5 } }, null, 2), 'tier.json')).to.equal(true);
    await settle(app);
    let shown = find(app, '#file-problems').shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(shown).to.contain('tier.json /assumptions/regionTier');
    expect(shown).to.contain('须为以下取值之一：[1,2,3]');
    expect(await app.openText(JSON.stringify({ ...scenario, version: 2 }), 'newer.json')).to.equal(false);
    await settle(app);
    shown = find(app, '#file-problems').shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(shown).to.contain('由更新版本的程序写成（格式 2；本程序最多读取格式 1）');
    const english = [...app.shadowRoot!.querySelectorAll('header button')].find((b) => b.textContent === 'English')!;
    await click(english);
    await until(() => /written by a newer version of this program \(format 2; this one reads up to 1\)/.test(find(app, '#file-problems').shadowRoot!.textContent!));
  });
});

describe('scenario notes', () => {
  freshPage();

  it('are shown with the summary, as text', async () => {
    const app = await mount();
    const notes = 'Seed 000 <img src=x onerror="window.__xss = 1"> 居民标准 380 元';
    const ok = await app.openText(JSON.stringify({ ...app.store.active!.scenario, title: 'with notes', notes }), 'notes.json');
    expect(ok).to.equal(true);
    await until(() => !app.sim.running && app.store.active!.scenario.title === 'with notes');
    await settle(app);
    const summary = find(app, 'yb-scenario-summary');
    expect(summary.shadowRoot!.querySelector('.notes')!.textContent).to.equal(notes);
    expect(summary.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('of an example are shown in the reader’s language, and in the other after the switch', async () => {
    const app = await mount();
    await settle(app);
    const shown = () => find(app, 'yb-scenario-summary').shadowRoot!.querySelector('.notes')!.textContent!;
    // banner-2022 (seeds/scenarios/banner-2022.json): its region tier is an assumption, said in the reader's language
    expect(shown()).to.contain('此处假设为三类地区');
    expect(shown()).to.not.contain('tier 3 is assumed');
    const english = [...app.shadowRoot!.querySelectorAll('header button')].find((b) => b.textContent === 'English')!;
    await click(english);
    await until(() => app.shadowRoot!.querySelector('h1')!.textContent === 'Medical-insurance policy workbench');
    await settle(app);
    expect(shown()).to.contain('tier 3 is assumed');
    expect(shown()).to.not.contain('假设');
    // the report says the same
    await click(find(app, '#report'));
    await settle(app);
    expect(find(app, 'yb-report').shadowRoot!.querySelector('.notes')!.textContent).to.contain('tier 3 is assumed');
  });
});
