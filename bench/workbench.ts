/**
 * The workbench in headless Chromium: time from a lever change to the
 * updated chart (median and p95 over many changes), and the longest task the
 * main thread ran meanwhile. Needs `vite build` output and Chromium.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export async function workbenchBench(changes = 60): Promise<void> {
  const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chrome)) {
    console.log('workbench: skipped (no Chromium at ' + chrome + '; set CHROME_PATH)');
    return;
  }
  const built = spawn('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  await new Promise((r) => built.on('exit', r));
  const port = Number(process.env.BENCH_PORT ?? 4180); // another if 4180 is taken: BENCH_PORT=5312 npm run bench
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 1500));
  const browser = await chromium.launch({
    executablePath: chrome,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.on('crash', () => console.log('workbench: the page crashed'));
    page.on('pageerror', (e) => console.log('workbench: page error', e.message));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => (document.querySelector('yb-app') as any)?.sim?.result?.ok === true, null, { timeout: 30000 });
    const result = await page.evaluate(async (n) => {
      const app = document.querySelector('yb-app') as any;
      const panel = app.shadowRoot.querySelector('yb-lever-panel');
      const input = panel.shadowRoot.querySelector('#lever-resident\\.individual\\.standard') as HTMLInputElement;
      const times: number[] = [];
      const longTasks: number[] = [];
      const warmUp = 5;
      for (let i = -warmUp; i < n; i++) {
        if (i === 0) new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
        const chart = app.shadowRoot.querySelector('yb-fund-view').shadowRoot.querySelector('yb-chart');
        const drawn = chart.drawCount;
        const t0 = performance.now();
        input.value = String(380 + ((i % 20) + 1) * 5);
        input.dispatchEvent(new Event('input'));
        // until the balance chart has drawn the new result (it draws in a task of its own after the render)
        while (chart.drawCount === drawn) {
          if (performance.now() - t0 > 10000) throw new Error('no redraw within 10 s');
          await new Promise((r) => setTimeout(r, 0));
        }
        if (i >= 0) times.push(performance.now() - t0);
      }
      return { times, longTasks };
    }, changes);
    const sorted = [...result.times].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
    console.log(`${'lever change → updated chart in the workbench'.padEnd(66)} median ${at(0.5).toFixed(1).padStart(9)} ms   p95 ${at(0.95).toFixed(1).padStart(9)} ms   (${changes} changes)`);
    const longest = result.longTasks.length ? Math.max(...result.longTasks) : 0;
    console.log(`${'main-thread long tasks (> 50 ms) during those changes'.padEnd(66)} ${result.longTasks.length} tasks, longest ${longest.toFixed(0)} ms`);
  } finally {
    await browser.close();
    server.kill();
  }
}
