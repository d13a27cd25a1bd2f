/** axe-core, loaded into the test page and run on the whole document. */
import type { YbApp } from '../../src/ui/components/workbench-app.ts';
import { settle } from './helpers.ts';

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: unknown[] }[] }[];
}
declare global {
  interface Window {
    axe?: { run: (context: Node, options?: unknown) => Promise<AxeResult> };
  }
}

export async function loadAxe(): Promise<void> {
  if (window.axe) return;
  await new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = '/node_modules/axe-core/axe.min.js';
    s.onload = resolve;
    s.onerror = reject;
    document.head.append(s);
  });
}

/** Every axe-core violation on the page, once the workbench has rendered what it shows. */
export async function violations(app: YbApp): Promise<string[]> {
  await settle(app);
  await new Promise((r) => setTimeout(r, 50));
  const result = await window.axe!.run(document, { resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

