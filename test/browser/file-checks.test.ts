/**
 * Files the command line refuses or warns about get the same words in the workbench: a scenario
 * whose embedded baseline breaks the report's identities, a baseline file without its source, and
 * a projection whose figures are impossible.
 */
import { expect } from 'chai';
import { click, find, freshPage, idle, mount, settle, until, switchToEnglish } from './helpers.ts';
import levels from '../fixtures/bad/scenarios/embedded-levels-do-not-sum.json' with { type: 'json' };
import absurd from '../fixtures/bad/scenarios/absurd-growth.json' with { type: 'json' };
import noSource from '../fixtures/bad/baselines/no-source.json' with { type: 'json' };

const shownProblems = (app: HTMLElement) => find(app, '#file-problems').shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('files the command line refuses', () => {
  freshPage();

  it('a scenario whose embedded baseline does not add up is refused with each broken identity, as simulate does; nothing changes', async () => {
    const app = await mount();
    const entries = JSON.stringify(app.store.state.entries);
    const hash = app.lastGood!.hash;
    expect(await app.openText(JSON.stringify(levels, null, 2), 'embedded-levels-do-not-sum.json')).to.equal(false);
    await settle(app);
    const shown = shownProblems(app);
    // the fixture prints the resident central subsidy as 3914 (the report: 3114), so 3914 + 663 + 85.02 + 270.89 = 4932.91 against 4132.91
    expect(shown).to.contain('embedded-levels-do-not-sum.json /baseline/embedded/funds/resident/periods/2022/income/parts/subsidy');
    expect(shown).to.contain('内嵌基线不满足报告的恒等关系 [parts-sum]');
    expect(shown).to.contain('应为 4932.91 万元，报告印为 4132.91 万元，相差 800');
    // and the restatement 3114 against 3914
    expect(shown).to.contain('[restatement]');
    expect(JSON.stringify(app.store.state.entries)).to.equal(entries);
    expect(app.lastGood!.hash).to.equal(hash);
    // in English after the switch
    await switchToEnglish(app);
    await until(() => shownProblems(app).includes('the embedded baseline breaks an identity [parts-sum]'));
  });

  it('a baseline file without its source says so, as the command line does, not a scenario’s missing version', async () => {
    const app = await mount();
    const entries = JSON.stringify(app.store.state.entries);
    expect(await app.openText(JSON.stringify(noSource, null, 2), 'no-source.json')).to.equal(false);
    await idle(app);
    const shown = shownProblems(app);
    expect(shown).to.contain('no-source.json');
    expect(shown).to.contain('缺少必填字段“source”');
    expect(shown).to.not.contain('version');
    expect(JSON.stringify(app.store.state.entries)).to.equal(entries);
  });
});

describe('a projection no real fund can have', () => {
  freshPage(390, 844);

  it('is run, but its warnings (as simulate prints them) stand above the fund views and in the report; card figures stay on one line', async () => {
    const app = await mount();
    // the banner's own projection has none (its resident fund's exhausted years read 耗尽, not negative months)
    expect(!!app.shadowRoot!.querySelector('#sanity')).to.equal(false);
    expect(await app.openText(JSON.stringify(absurd, null, 2), 'absurd-growth.json')).to.equal(true);
    await until(() => !app.sim.running && app.lastGood!.until === 2060);
    await settle(app);
    const box = find(app, '#sanity');
    // simulate on this file: the employee fund's cumulative balance passes 10 万亿元 in 2036 (-1156780000 万元)
    expect(box.textContent).to.contain('职工基本医疗保险 2036年起金额超过10万亿元');
    expect(box.textContent).to.contain('医疗救助 2045年起金额超过10万亿元');
    const cards = find(app, 'yb-fund-cards');
    expect(box.compareDocumentPosition(cards) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    // each card's figure on one line, in 亿元 where 万元 would run past 1e8
    for (const big of cards.shadowRoot!.querySelectorAll<HTMLElement>('.big')) {
      const line = parseFloat(getComputedStyle(big).lineHeight) || 30;
      expect(big.getBoundingClientRect().height, big.textContent!).to.be.below(line * 1.5);
      expect(big.scrollWidth, big.textContent!).to.be.at.most(big.clientWidth + 1);
    }
    expect(cards.shadowRoot!.textContent).to.contain('亿元');
    expect(document.scrollingElement!.scrollWidth).to.be.at.most(390);
    // the report says the same, before its figures
    await click(find(app, '#report'));
    await settle(app);
    const report = find(app, 'yb-report').shadowRoot!;
    const warn = report.querySelector('#r-sanity')!;
    expect(warn.textContent).to.contain('职工基本医疗保险 2036年起金额超过10万亿元');
    expect(warn.compareDocumentPosition(report.querySelector('#r-funds')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
  });
});
