/** Driving the uncertainty and sensitivity panel as a user does: open it, pick, type. */
import { expect } from 'chai';
import type { YbApp } from '../../src/ui/components/workbench-app.ts';
import type { YbAnalysesView } from '../../src/ui/components/analyses-view.ts';
import type { YbDataTable } from '../../src/ui/components/data-table.ts';
import { click, find, sendKeys, typeInto, until } from './helpers.ts';

/** Open the panel with a click on its heading; resolves once its forms have their choices. */
export async function openPanel(app: YbApp): Promise<YbAnalysesView> {
  await click(find(app, '#analyses summary'));
  await customElements.whenDefined('yb-analyses-view');
  const view = find<YbAnalysesView>(app, 'yb-analyses-view');
  await until(() => view._options?.view.ok === true && view._options.hash === app.lastGood?.hash, 30000);
  await view.updateComplete;
  return view;
}

export function inView<T extends Element = HTMLElement>(view: YbAnalysesView, selector: string): T {
  const el = view.shadowRoot!.querySelector(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el as T;
}

/** Pick a choice of a select with the keyboard, as a user does: focus it, then type the choice's first letters. */
export async function choose(view: YbAnalysesView, id: string, value: string): Promise<void> {
  const select = inView<HTMLSelectElement>(view, `#f-${id}`);
  select.focus();
  const options = [...select.options].map((o) => o.value);
  const steps = options.indexOf(value) - select.selectedIndex;
  if (options.indexOf(value) < 0) throw new Error(`no choice ${value} in ${id}`);
  for (let i = 0; i < Math.abs(steps); i++) await sendKeys({ press: steps > 0 ? 'ArrowDown' : 'ArrowUp' });
  await view.updateComplete;
  expect(view._form[id]).to.equal(value);
}

export async function typeField(view: YbAnalysesView, id: string, text: string): Promise<void> {
  await typeInto(inView<HTMLInputElement>(view, `#f-${id}`), text);
  await view.updateComplete;
}

export function tableOf(view: YbAnalysesView, section: string): YbDataTable {
  return inView<YbDataTable>(view, `${section} yb-data-table`);
}

