/** The report to hand over: opened with the mouse, laid out for print, and its workbook of every table. */
import { expect } from 'chai';
import { emulateMedia } from '@web/test-runner-commands';
import type { YbReport } from '../../src/ui/components/report-view.ts';
import type { RunView } from '../../src/app/views.ts';
import { click, deepFocus, find, mount, sendKeys, settle, freshPage, typeInto, until } from './helpers.ts';

/** The workbook the app writes, read back with the spreadsheet library. */
async function workbookOf(app: { workbook(): Promise<Uint8Array> }) {
  const bytes = await app.workbook();
  const mod = (await import('exceljs')) as unknown as { default?: typeof import('exceljs') } & typeof import('exceljs');
  const ExcelJS = mod.default ?? mod;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer as ArrayBuffer);
  return wb;
}

describe('the report', () => {
  // a desk's screen: levers and results side by side
  freshPage();
  afterEach(async () => {
    await emulateMedia({ media: 'screen' });
  });

  it('opens from 导出报告 with every section, prints only the document, and goes back', async () => {
    const app = await mount();
    const run = app.sim.result as RunView;
    await click(find(app, '#report'));
    await settle(app);
    const report = find<YbReport>(app, 'yb-report');
    await report.chartsDrawn();
    const text = report.shadowRoot!.textContent!;
    for (const id of ['r-summary', 'r-funds', 'r-subsidy', 'r-assumptions', 'r-compliance', 'r-audit', 'r-sources', 'r-hash']) {
      expect(report.shadowRoot!.querySelector(`#${id}`), id).to.not.equal(null);
    }
    // every fund: a balance chart and an income chart, each followed by its table; and the subsidy chart
    expect(report.shadowRoot!.querySelectorAll('yb-chart')).to.have.length(run.funds.length * 2 + 1);
    expect(text).to.contain(`sha256:${run.hash}`);
    // seed 000: the banner's employee fund took in 43370.17 万元 in 2022
    expect(text).to.contain('43,370.17');
    // the report's contradiction of 2022's current balance, as people read it: (33973.6 / 10343.49 − 1) × 100 = 228.4539…,
    // printed 328.45; no figure of 40 digits, no fund by its id
    expect(text).to.contain('应为 228.45 %，报告印为 328.45 %，相差 -100.00（舍入最多可解释 0.005207）');
    const findings = [...report.shadowRoot!.querySelectorAll('#r-audit ~ ul li')].map((li) => li.textContent!).join('\n');
    expect(findings.match(/.{0,60}\.\d{9,}.{0,20}/g), findings).to.equal(null);
    expect(text).to.not.contain('employeePooling');
    // assumptions are labelled, with units and where they come from: 65336 insured residents, from the report
    const assumptions = [...report.shadowRoot!.querySelectorAll('table[aria-label="测算假设"] tr')].map((tr) => tr.textContent);
    expect(assumptions.some((row) => row!.includes('居民人数') && row!.includes('65,336') && row!.includes('人') && row!.includes('基线报告'))).to.equal(true);
    // printed, the buttons are gone
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle(report.shadowRoot!.querySelector('.toolbar')!).display).to.equal('none');
    await emulateMedia({ media: 'screen' });
    await click(report.shadowRoot!.querySelector('#close')!);
    await settle(app);
    expect(app.shadowRoot!.querySelector('yb-report')).to.equal(null);
    expect(app.shadowRoot!.querySelector('yb-lever-panel')).to.not.equal(null);
  });

  it('with the keyboard: Enter opens it with the focus on its first action, Escape goes back to where it was opened', async () => {
    const app = await mount();
    find(app, '#report').focus();
    await sendKeys({ press: 'Enter' });
    await settle(app);
    const report = find<YbReport>(app, 'yb-report');
    expect(deepFocus()).to.equal(report.shadowRoot!.querySelector('#print'));
    // Tab stays in the report: the next stop is its next action
    await sendKeys({ press: 'Tab' });
    expect(deepFocus()).to.equal(report.shadowRoot!.querySelector('#workbook'));
    await sendKeys({ press: 'Escape' });
    await settle(app);
    expect(app.shadowRoot!.querySelector('yb-report')).to.equal(null);
    expect(deepFocus()).to.equal(find(app, '#report'));
  });

  it('writes every table to the workbook, exact values and named warning levels', async () => {
    const app = await mount();
    const run = app.sim.result as RunView;
    const wb = await workbookOf(app);
    const names = wb.worksheets.map((w) => w.name);
    // a cover, two tables per fund, subsidy, per person, changes, compliance, assumptions, contradictions
    // (and the insured by status, where the population model ran)
    expect(names).to.have.length(1 + run.funds.length * 2 + 6 + (run.population ? 1 : 0));
    const balance = wb.worksheets[1]!;
    expect(balance.getCell('A1').value).to.equal('职工基本医疗保险 累计结存与可支付月数 (万元)');
    // row 3 is 2022: income 43370.17 万元 (seed 000), and the warning level by its Chinese name
    expect(balance.getCell('A3').value).to.equal(2022);
    expect(balance.getCell('B3').value).to.equal(43370.17);
    expect(String(balance.getCell('H3').value)).to.match(/[\u4e00-\u9fff]/);
    // the cover names the scenario, its baseline and rule sets as the report does, not by ids or file names
    const cover = wb.worksheets[0]!;
    expect(cover.getCell('B1').value).to.equal('旗 2022 基线：现行规则');
    expect(cover.getCell('B2').value).to.equal('2022年旗医疗保障基金运行情况（职工医保2020-2022年、居民医保、医疗救助）');
    expect(cover.getCell('B3').value).to.equal('旗2022年居民医保实际筹资标准及基金指标口径；职工医保门诊共济保障机制与个人账户改革（国办发〔2021〕14号）');
    expect(cover.getCell('A4').value).to.equal('测算期间');
    expect(cover.getCell('B4').value).to.equal('2022 – 2035');
    expect(cover.getCell('B5').value).to.equal(`sha256:${run.hash}`);
    expect(String(cover.getCell('B6').value)).to.contain('此处假设为三类地区');
  });
  it('writes numbers as numbers in the summary sheet, and heads the contradictions sheet with its column, not its title again', async () => {
    const app = await mount();
    await typeInto(find<HTMLInputElement>(app, 'yb-lever-panel', '#lever-resident\\.individual\\.standard'), '450');
    await until(() => !app.sim.running && (app.store.active!.scenario.overrides ?? []).length === 1);
    await settle(app);
    const wb = await workbookOf(app);
    const summary = wb.getWorksheet('方案摘要')!;
    // row 1 the title, row 2 the heads, row 3 the change: the individual standard from 380 to 450 元 (2023-01)
    expect([summary.getCell('C2').value, summary.getCell('D2').value]).to.deep.equal(['原值', '新值']);
    expect([summary.getCell('C3').value, summary.getCell('D3').value]).to.deep.equal([380, 450]);
    const audit = wb.getWorksheet('报告矛盾')!;
    expect(audit.getCell('A1').value).to.equal('基线报告自相矛盾之处');
    expect(audit.getCell('A2').value).to.equal('矛盾之处');
  });

  it('names every English sheet in full within Excel’s 31 characters, unique, with the table’s whole title in its first row', async () => {
    const app = await mount();
    const lang = () => [...app.shadowRoot!.querySelectorAll('header button')].find((b) => b.textContent === 'English' || b.textContent === '中文')!;
    await click(lang());
    await settle(app);
    try {
      const wb = await workbookOf(app);
      const names = wb.worksheets.map((w) => w.name);
      expect(new Set(names).size).to.equal(names.length);
      for (const name of names) expect(name.length, name).to.be.at.most(31);
      // the employee fund's two sheets: short names; the titles (68 and 58 characters) head them in full
      expect(names.slice(0, 3)).to.deep.equal(['Cover', 'Employee balance', 'Employee income & spending']);
      expect(wb.worksheets[1]!.getCell('A1').value).to.equal('Employee insurance Cumulative balance and months payable (10k yuan)');
      expect(wb.worksheets[2]!.getCell('A1').value).to.equal('Employee insurance Income by source and expenditure (10k yuan)');
      expect(names).to.include.members(['Subsidy by level', 'Per-person standards', 'Scenario summary', 'Assumptions', 'Report contradictions']);
      const audit = wb.getWorksheet('Report contradictions')!;
      expect(audit.getCell('A1').value).to.equal('Where the baseline report contradicts itself');
      // no sheet carries its title cut at 31 characters ("Employee insurance Cumulative b")
      for (const ws of wb.worksheets.slice(1)) {
        const title = String(ws.getCell('A1').value);
        if (title.length > 31) expect(ws.name, title).to.not.equal(title.slice(0, 31).trim());
        else expect(ws.name).to.equal(title);
      }
    } finally {
      await click(lang());
      await settle(app);
    }
  });
});
