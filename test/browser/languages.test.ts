/**
 * Every view in one language: in English no Chinese is left but the documents' own words (their
 * titles, paragraphs and quotes, the report's quoted sentences), the scenario's own notes and the
 * Chinese terms of art an English sentence glosses; in Chinese none of the workbench's English
 * words (a method's id, a variant, a unit, a switch) is left.
 */
import { expect } from 'chai';
import type { YbApp } from '../../src/ui/components/workbench-app.ts';
import type { RunView } from '../../src/app/views.ts';
import type { CatalogView } from '../../src/app/service.ts';
import { titleText } from '../../src/ui/labels.ts';
import { notesIn } from '../../src/scenario/notes.ts';
import { click, find, freshPage, mount, settle, until } from './helpers.ts';

/** Chinese terms an English sentence keeps beside their translation (glossary.md), and the button that switches back. */
const GLOSSED = ['以支定收', '大病保险', '返贫致贫', '特困', '低保', '左右', '人均财政补助', '中文'];

/** English the Chinese workbench must not show: what the defects left untranslated, and the workbench's own vocabulary. */
const ENGLISH = /\b(same-year|previous-year|next-year|current-year-expenditure|last-year-expenditure|average-expenditure-3-years|medium|cohort|uniform|as-needed|true|false|timing|exhausted|persons|yuan|Table|Download|Reset|default|months|ASSUMPTION|the|and|of)\b/;

type Source = { kind: string; document?: string; section?: string; quote?: string; note?: string };

/** The documents' own words this run shows: titles, paragraphs, quotes and notes of every source, the baselines' titles, the report's quoted sentences. */
function documentWords(run: RunView, catalog: CatalogView, scenarioNotes: string | undefined): string[] {
  const sources = [...run.levers.flatMap((l) => [l.source, l.baselineSource]), ...run.compliance.map((c) => c.source)].filter((s) => s !== null) as Source[];
  return [
    ...sources.flatMap((s) => [s.document?.trim(), s.section, s.quote, s.note]),
    ...catalog.ruleSets.flatMap((r) => [r.document, r.title.zh]),
    ...catalog.baselines.map((b) => b.title),
    ...run.calibration.timing.map((t) => t.quote),
    scenarioNotes,
  ]
    .filter((w): w is string => !!w && /\p{Script=Han}/u.test(w))
    .sort((a, b) => b.length - a.length);
}

/** The text of every view, shadow roots included, without the analysis panel (its own tests check it) and form fields' values. */
function shownText(root: Element | ShadowRoot, skip: (el: Element) => boolean): string[] {
  const out: string[] = [];
  const walk = (node: Element | ShadowRoot): void => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        const text = child.textContent!.replace(/\s+/g, ' ').trim();
        if (text) out.push(text);
      } else if (child instanceof Element && !skip(child)) {
        for (const attr of ['aria-label', 'title', 'placeholder']) if (child.getAttribute(attr)) out.push(child.getAttribute(attr)!);
        if (child.shadowRoot) walk(child.shadowRoot);
        walk(child);
      }
    }
  };
  walk(root);
  return out;
}

/** Open everything a user can open: every folded part, the population view, a year's why, the comparison, the backtest. */
async function openEverything(app: YbApp): Promise<void> {
  const openAll = (root: ShadowRoot | null): void => {
    if (!root) return;
    for (const d of root.querySelectorAll('details')) if (!d.closest('#analyses')) d.open = true;
    for (const el of root.querySelectorAll('*')) {
      if (el.tagName === 'YB-DATA-TABLE') (el as unknown as { open: boolean }).open = true;
      openAll(el.shadowRoot);
    }
  };
  await click(find(app, 'yb-population-view', 'summary'));
  await click(find(app, '#tab-resident'));
  await settle(app);
  openAll(app.shadowRoot);
  await settle(app);
  await click(find(app, 'yb-fund-view', 'yb-data-table', 'tbody tr:nth-child(2) button.year'));
  await until(() => !!(find(app, 'yb-why-panel') as unknown as { explain?: unknown }).explain);
  await click(find(app, '#compare-baseline'));
  await until(() => !!(find(app, 'yb-compare-view') as unknown as { result?: unknown }).result);
  await click(find(app, 'yb-backtest-view', 'section:nth-of-type(2) button'));
  await until(() => find(app, 'yb-backtest-view').shadowRoot!.querySelector('section:nth-of-type(2) table') !== null, 60000);
  await settle(app);
  openAll(app.shadowRoot);
  await settle(app);
}

describe('every view in one language', () => {
  freshPage();

  it('in English leaves no Chinese but the documents’ own words; in Chinese, none of the workbench’s English', async function () {
    this.timeout(180000);
    const app = await mount();
    const run = app.sim.result as RunView;
    const catalog = (app as unknown as { _catalog: CatalogView })._catalog;
    const allowed = documentWords(run, catalog, notesIn(app.store.active!.scenario.notes, 'en'));
    // the user's own scenarios' titles, as written (the comparison adds one), are the user's words
    const titles = () => app.store.state.entries.map((e) => e.scenario.title).concat(catalog.examples.map((x) => x.scenario.title));
    const skip = (el: Element) => el.id === 'analyses' || el.matches('input, textarea, .notes');
    const chineseIn = (texts: string[]) =>
      texts
        .map((text) => {
          let rest = text;
          for (const w of allowed) rest = rest.split(w).join(' ');
          for (const shown of titles().flatMap((title) => [title, titleText(title)]).sort((x, y) => y.length - x.length)) rest = rest.split(shown).join(' ');
          rest = rest.replace(/“[^”]*”|"[^"]*"/g, ' '); // quoted sentences of the report and documents
          rest = rest.replace(/\p{Script=Han}+〔\d{4}〕\d+号/gu, ' '); // a document's number (国办发〔2021〕14号)
          for (const w of GLOSSED) rest = rest.split(w).join(' ');
          return rest;
        })
        .filter((rest) => /\p{Script=Han}/u.test(rest));

    // Chinese (the default): no English word of the workbench's own
    await openEverything(app);
    const zh = shownText(app.shadowRoot!, (el) => skip(el) || el.matches('[lang="en"], .source-detail')).filter((text) => {
      let rest = text;
      for (const w of allowed) rest = rest.split(w).join(' ');
      return ENGLISH.test(rest.replace(/“[^”]*”|"[^"]*"/g, ' '));
    });
    expect(zh, 'English in the Chinese workbench').to.deep.equal([]);
    await click(find(app, '#report'));
    await settle(app);
    const zhReport = shownText(find(app, 'yb-report').shadowRoot!, (el) => el.matches('[lang="en"]')).filter((text) => {
      let rest = text;
      for (const w of allowed) rest = rest.split(w).join(' ');
      return ENGLISH.test(rest.replace(/“[^”]*”|"[^"]*"/g, ' '));
    });
    expect(zhReport, 'English in the Chinese report').to.deep.equal([]);
    await click(find(app, 'yb-report', '#close'));
    await settle(app);

    // English
    await click([...app.shadowRoot!.querySelectorAll('header button')].find((b) => b.textContent?.trim() === 'English')!);
    await settle(app);
    await openEverything(app);
    expect(chineseIn(shownText(app.shadowRoot!, (el) => skip(el) || el.matches('[lang^="zh"]'))), 'Chinese in the English workbench').to.deep.equal([]);
    await click(find(app, '#report'));
    await settle(app);
    expect(chineseIn(shownText(find(app, 'yb-report').shadowRoot!, (el) => el.matches('[lang^="zh"], .notes'))), 'Chinese in the English report').to.deep.equal([]);
    await click(find(app, 'yb-report', '#close'));
    await click([...app.shadowRoot!.querySelectorAll('header button')].find((b) => b.textContent?.trim() === '中文')!);
    await settle(app);
  });
});
