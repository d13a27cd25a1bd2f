/**
 * The workbench in headless Chromium, from `vite build` output: the time from
 * navigation to the first chart drawn (the `first-chart` performance mark),
 * then, at horizon 2060, the time from a lever change to the updated chart
 * (median and p95 over many changes) and the longest task the main thread ran
 * meanwhile (PerformanceObserver longtask).
 *
 * `BENCH_BEFORE=<folder of another build>` measures that build too, in the
 * same run, so the two can be compared as ratios (e.g. a build of main:
 * `git archive main | tar -x -C /tmp/before`, link node_modules, `npx vite build`).
 * Run alone with `npx tsx bench/workbench.ts`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

interface Figures {
  firstChart: number[];
  median: number;
  p95: number;
  /** The projection's own time in the worker (RunView.millis). */
  workerMedian: number;
  workerP95: number;
  longTasks: number;
  longest: number;
}

async function serve(dist: string, port: number): Promise<ChildProcess> {
  // vite itself, not npx: killing npx would leave the server running
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--outDir', dist, '--port', String(port), '--strictPort'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 1500));
  return server;
}

/** Navigation to the first chart drawn, in a fresh page (no stored scenarios), `loads` times. */
async function firstCharts(browser: Browser, url: string, loads: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await page.goto(url);
    // The build may predate the mark: fall back to the first frame with a drawn chart.
    // (no named functions inside: the page would see tsx's __name helper)
    const at = await page.evaluate(async () => {
      for (;;) {
        const mark = performance.getEntriesByName('first-chart')[0];
        if (mark) return mark.startTime;
        const app = document.querySelector('yb-app') as any;
        if (app?.shadowRoot?.querySelector('yb-fund-view')?.shadowRoot?.querySelector('yb-chart')?.renderedOption) return performance.now();
        await new Promise((r) => requestAnimationFrame(r));
      }
    });
    out.push(at);
    await context.close();
  }
  return out;
}

async function leverChanges(browser: Browser, url: string, changes: number): Promise<Omit<Figures, 'firstChart'>> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on('crash', () => console.log('workbench: the page crashed'));
  page.on('pageerror', (e) => console.log('workbench: page error', e.message));
  await page.goto(url);
  await page.waitForFunction(() => (document.querySelector('yb-app') as any)?.sim?.result?.ok === true, null, { timeout: 60000 });
  // The default scenario with its horizon at 2060.
  await page.evaluate(async () => {
    const app = document.querySelector('yb-app') as any;
    const scenario = { ...app.store.active.scenario, until: 2060, title: 'bench 2060' };
    await app.openText(JSON.stringify(scenario), 'bench.json');
  });
  await page.waitForFunction(() => (document.querySelector('yb-app') as any)?.lastGood?.until === 2060, null, { timeout: 60000 });
  const result = await page.evaluate(async (n) => {
    const app = document.querySelector('yb-app') as any;
    await app.sim.settled();
    const panel = app.shadowRoot.querySelector('yb-lever-panel');
    const input = panel.shadowRoot.querySelector('#lever-resident\\.individual\\.standard') as HTMLInputElement;
    const times: number[] = [];
    const longTasks: number[] = [];
    const worker: number[] = [];
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
      if (i >= 0) {
        times.push(performance.now() - t0);
        worker.push(app.sim.result?.millis ?? 0);
      }
    }
    return { times, longTasks, worker };
  }, changes);
  await page.close();
  const sorted = [...result.times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const inWorker = [...result.worker].sort((a, b) => a - b);
  return {
    median: at(0.5),
    p95: at(0.95),
    workerMedian: inWorker[Math.floor(inWorker.length / 2)]!,
    workerP95: inWorker[Math.min(inWorker.length - 1, Math.floor(0.95 * inWorker.length))]!,
    longTasks: result.longTasks.length,
    longest: result.longTasks.length ? Math.max(...result.longTasks) : 0,
  };
}

export async function workbenchBench(changes = 60, loads = 7): Promise<void> {
  const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chrome)) {
    console.log('workbench: skipped (no Chromium at ' + chrome + '; set CHROME_PATH)');
    return;
  }
  const built = spawn('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  await new Promise((r) => built.on('exit', r));
  const port = Number(process.env.BENCH_PORT ?? 4180); // another if 4180 is taken: BENCH_PORT=5312 npm run bench
  const builds: [string, string, number][] = [['this build', 'dist', port]];
  const before = process.env.BENCH_BEFORE;
  if (before) builds.unshift([`before (${before})`, before, port + 1]);
  const servers = await Promise.all(builds.map(([, dist, p]) => serve(dist, p)));
  const browser = await chromium.launch({
    executablePath: chrome,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const figures: Figures[] = [];
    // Interleaved, so both builds see the same load on the machine.
    const first: number[][] = builds.map(() => []);
    for (let round = 0; round < loads; round++) {
      for (const [i, [, , p]] of builds.entries()) first[i]!.push(...(await firstCharts(browser, `http://127.0.0.1:${p}/`, 1)));
    }
    for (const [i, [, , p]] of builds.entries()) figures.push({ firstChart: first[i]!, ...(await leverChanges(browser, `http://127.0.0.1:${p}/`, changes)) });
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    for (const [i, [name]] of builds.entries()) {
      const f = figures[i]!;
      console.log(`${name}:`);
      console.log(`  ${'navigation → first chart drawn'.padEnd(64)} median ${median(f.firstChart).toFixed(0).padStart(7)} ms   (${loads} loads: ${f.firstChart.map((x) => x.toFixed(0)).join(', ')})`);
      console.log(`  ${'lever change → updated chart, horizon 2060'.padEnd(64)} median ${f.median.toFixed(1).padStart(7)} ms   p95 ${f.p95.toFixed(1).padStart(7)} ms   (${changes} changes)`);
      console.log(`  ${'  of which the projection in the worker'.padEnd(64)} median ${f.workerMedian.toFixed(1).padStart(7)} ms   p95 ${f.workerP95.toFixed(1).padStart(7)} ms`);
      console.log(`  ${'main-thread long tasks (> 50 ms) during those changes'.padEnd(64)} ${f.longTasks} tasks, longest ${f.longest.toFixed(0)} ms`);
    }
    if (figures.length === 2) {
      const [b, a] = figures as [Figures, Figures];
      console.log(
        `  ratios before / this build: first chart ${(median(b.firstChart) / median(a.firstChart)).toFixed(2)}x, lever change median ${(b.median / a.median).toFixed(2)}x, p95 ${(b.p95 / a.p95).toFixed(2)}x`,
      );
    }
  } finally {
    await browser.close();
    for (const s of servers) s.kill();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await workbenchBench();
