/**
 * Driving the workbench as a user does, in the test page: real pointer events at an
 * element's place on screen (whatever lies on top there receives them, as for a
 * mouse or a finger) and real key presses.
 */
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { YbApp } from '../../src/ui/components/workbench-app.ts';
import { startWorker } from '../../src/ui/state/simulation-controller.ts';
import { Store } from '../../src/ui/state/store.ts';

export async function until(cond: () => boolean, ms = 15000): Promise<void> {
  const start = performance.now();
  while (!cond()) {
    if (performance.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function mount(): Promise<YbApp> {
  const app = new YbApp(startWorker(), new Store());
  document.body.append(app);
  await until(() => app.sim.result?.ok === true);
  await app.sim.settled();
  return app;
}

/** The first element matching each selector in turn, descending into shadow roots. */
export function find<T extends Element = HTMLElement>(root: Element, ...selectors: string[]): T {
  let at: Element | ShadowRoot = root.shadowRoot ?? root;
  let el: Element | null = null;
  for (const sel of selectors) {
    el = at.querySelector(sel);
    if (!el) throw new Error(`no ${selectors.join(' → ')} (stopped at ${sel})`);
    at = el.shadowRoot ?? el;
  }
  return el as T;
}

/** Wait for every Lit component on the path to finish rendering. */
export async function settle(app: YbApp): Promise<void> {
  await app.sim.settled();
  const walk = async (root: ShadowRoot | null): Promise<void> => {
    if (!root) return;
    for (const el of root.querySelectorAll('*')) {
      const u = (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
      if (u) await u;
      await walk(el.shadowRoot);
    }
  };
  await app.updateComplete;
  await walk(app.shadowRoot);
}

/** Wait until the worker has answered everything asked and the page shows it. */
export async function idle(app: YbApp): Promise<void> {
  await until(() => !app.sim.running);
  await settle(app);
}

/** A lever's field in the levers panel (by default the resident individual standard's). */
export function leverField(app: YbApp, sel = '#lever-resident\\.individual\\.standard'): HTMLInputElement {
  return find<HTMLInputElement>(app, 'yb-lever-panel', sel);
}

/** Switch the workbench to English with its header button, as a user does. */
export async function switchToEnglish(app: YbApp): Promise<void> {
  const english = [...app.shadowRoot!.querySelectorAll('header button')].find((b) => b.textContent === 'English')!;
  await click(english);
  await settle(app);
}

/** A real mouse click at the middle of the element, as the user sees it (scrolled into view first). */
export async function click(el: Element): Promise<void> {
  let box = el.getBoundingClientRect();
  if (box.top < 0 || box.bottom > innerHeight || box.left < 0 || box.right > innerWidth) {
    el.scrollIntoView({ block: 'center' });
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    box = el.getBoundingClientRect();
  }
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

/** Click into a text field, select what it holds and type over it. */
export async function typeInto(el: HTMLInputElement, text: string): Promise<void> {
  await click(el);
  el.select();
  await sendKeys({ type: text });
}

/** The element that has the focus, inside whatever shadow roots hold it. */
export function deepFocus(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

export { sendKeys, sendMouse };

/** In a describe block: a screen of the given size, and an empty page and storage before each test. */
export function freshPage(width = 1280, height = 900): void {
  before(async () => {
    await setViewport({ width, height });
  });
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });
}
