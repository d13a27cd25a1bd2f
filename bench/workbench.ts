/**
 * The workbench in headless Chromium, from `vite build` output: the time from
 * navigation to the first chart drawn (the `first-chart` performance mark),
 * then, at horizon 2060, the time from a lever change to the updated chart
 * (median and p95 over many changes, each to a value not seen before, with the
 * resident fund shown) and the longest task the main thread ran meanwhile
 * (PerformanceObserver longtask); and the analyses panel's tornado, heat map
 * and a Monte Carlo run of 2,000 paths, each to its result drawn, with the
 * longest main-thread task during each. A long task is reported twice: by
 * wall clock (PerformanceObserver longtask) and, from a Chrome trace, by the
 * main thread's own CPU time, which a busy machine does not inflate.
 *
 * `BENCH_BEFORE=<folder of another build>` measures that build too, in the
 * same run, so the two can be compared as ratios (e.g. a build of main:
 * `git archive main | tar -x -C /tmp/before`, link node_modules, `npx vite build`).
 * Run alone with `npx tsx bench/workbench.ts` (`WORKBENCH_CHANGES=40 WORKBENCH_LOADS=5
 * WORKBENCH_ANALYSES=0` for a quicker comparison of two builds).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

interface Figures {
  firstChart: number[];
  median: number;
  p95: number;
  /** To both of the fund's charts drawn. */
  bothMedian: number;
  bothP95: number;
  /** The worker's own time to what the charts draw from: the run's figures (RunFigures.millis), or a build's whole result (RunView.millis). */
  workerMedian: number;
  workerP95: number;
  longTasks: number;
  longest: number;
  main: MainThread;
}

async function serve(dist: string, port: number): Promise<ChildProcess> {
  // vite itself, not npx: killing npx would leave the server running
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--outDir', dist, '--port', String(port), '--strictPort'], { stdio: 'ignore' });
  // until it answers (a busy machine starts it slowly), at most 60 s
  for (const t0 = Date.now(); Date.now() - t0 < 60000; await new Promise((r) => setTimeout(r, 250))) {
    if (server.exitCode !== null) throw new Error(`workbench: the server for ${dist} stopped (is port ${port} taken? BENCH_PORT sets another)`);
    if (await fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false)) break;
  }
  return server;
}

/** The page's main-thread tasks while `run` runs: the longest by wall time and by the thread's own CPU time. */
interface MainThread {
  /** Longest task, wall clock (what PerformanceObserver's longtask sees: on a busy machine it includes time the thread was not running). */
  wall: number;
  /** Longest task by the main thread's CPU time: what the page itself made it do. */
  cpu: number;
  /** Tasks over 50 ms of CPU time. */
  over50: number;
  /** The main thread's CPU time in all tasks together. */
  total: number;
  /** The page's workers' CPU time in all their tasks together (the projection's, during lever changes). */
  workers: number;
}

async function traced<T>(browser: Browser, page: Page, run: () => Promise<T>): Promise<{ value: T; main: MainThread }> {
  await browser.startTracing(page, { categories: ['toplevel', 'disabled-by-default-devtools.timeline'] });
  const value = await run();
  const events = (JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: any[] }).traceEvents;
  // The page's own renderer: the browser's trace also holds its own pages' renderers (its omnibox popup, for one, which
  // loads now and then while a page is traced), whose tasks are not the page's.
  // A navigation committed before its new renderer was ready names the renderer once it is (ProcessReadyInBrowser).
  const pagePids = new Set<number>();
  for (const e of events) {
    const data = e.args?.data;
    if (e.name === 'TracingStartedInBrowser') for (const f of data?.frames ?? []) if (f.processId !== undefined) pagePids.add(f.processId);
    if ((e.name === 'FrameCommittedInBrowser' || e.name === 'ProcessReadyInBrowser') && data?.processId !== undefined) pagePids.add(data.processId);
  }
  const ofPage = (e: { pid: number }) => !pagePids.size || pagePids.has(e.pid);
  const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && ofPage(e)).map((e) => `${e.pid}:${e.tid}`));
  if (!mainThreads.size) throw new Error("workbench: the trace has no main thread of the page's renderer");
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && mainThreads.has(`${e.pid}:${e.tid}`));
  const workerThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'DedicatedWorker thread' && ofPage(e)).map((e) => `${e.pid}:${e.tid}`));
  const workerTasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && workerThreads.has(`${e.pid}:${e.tid}`));
  const ms = (us: number | undefined) => (us ?? 0) / 1000;
  return {
    value,
    main: {
      wall: Math.max(0, ...tasks.map((e) => ms(e.dur))),
      cpu: Math.max(0, ...tasks.map((e) => ms(e.tdur))),
      over50: tasks.filter((e) => ms(e.tdur) > 50).length,
      total: tasks.reduce((t, e) => t + ms(e.tdur), 0),
      workers: workerTasks.reduce((t, e) => t + ms(e.tdur), 0),
    },
  };
}

const worst = (xs: MainThread[]): MainThread => ({
  wall: Math.max(0, ...xs.map((x) => x.wall)),
  cpu: Math.max(0, ...xs.map((x) => x.cpu)),
  over50: xs.reduce((n, x) => n + x.over50, 0),
  total: xs.reduce((n, x) => n + x.total, 0),
  workers: xs.reduce((n, x) => n + x.workers, 0),
});

/** Navigation to the first chart drawn, in a fresh page (no stored scenarios), `loads` times. */
async function firstCharts(browser: Browser, url: string, loads: number, load?: MainThread[]): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    // Given `load`, the page's own load is traced to its first chart (reading the code, the first render, the first
    // drawing); a traced load runs slower, so its time is not one of the first-chart figures.
    if (load) load.push((await traced(browser, page, () => loadToFirstChart(page, url))).main);
    else {
      const at = await loadToFirstChart(page, url);
      if (at === undefined) console.log(`workbench: no chart within 60 s of loading ${url}`);
      else out.push(at);
    }
    await context.close();
  }
  return out;
}

/** Navigation to the first chart drawn, in ms from navigation start; undefined if none within 60 s. */
async function loadToFirstChart(page: Page, url: string): Promise<number | undefined> {
  await page.goto(url);
  // The build may predate the mark: fall back to the first frame with a drawn chart.
  // (no named functions inside: the page would see tsx's __name helper)
  const at = await page.evaluate(async () => {
    for (const t0 = performance.now(); performance.now() - t0 < 60000; ) {
      const mark = performance.getEntriesByName('first-chart')[0];
      if (mark) return mark.startTime;
      const app = document.querySelector('yb-app') as any;
      if (app?.shadowRoot?.querySelector('yb-fund-view')?.shadowRoot?.querySelector('yb-chart')?.renderedOption) return performance.now();
      await new Promise((r) => setTimeout(r, 10));
    }
    return undefined;
  });
  return at;
}

/** A page of the built workbench with the default scenario at horizon 2060, the resident fund shown. */
async function leverPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on('crash', () => console.log('workbench: the page crashed'));
  page.on('pageerror', (e) => console.log('workbench: page error', e.message));
  await page.goto(url);
  await page.waitForFunction(() => (document.querySelector('yb-app') as any)?.sim?.result?.ok === true, null, { timeout: 60000 });
  await page.evaluate(async () => {
    const app = document.querySelector('yb-app') as any;
    const scenario = { ...app.store.active.scenario, until: 2060, title: 'bench 2060' };
    await app.openText(JSON.stringify(scenario), 'bench.json');
  });
  await page.waitForFunction(() => (document.querySelector('yb-app') as any)?.lastGood?.until === 2060, null, { timeout: 60000 });
  await page.evaluate(async () => {
    const app = document.querySelector('yb-app') as any;
    await app.sim.settled();
    // The resident fund, whose charts the resident standard moves (a chart a change leaves as it was is not redrawn).
    app._fund = 'resident';
    await app.updateComplete;
  });
  return page;
}

interface Batch {
  times: number[];
  /** To both of the fund's charts drawn. */
  both: number[];
  worker: number[];
  longTasks: number[];
}

/**
 * `n` lever changes to the values from, from + 1, …: each from the input event to the balance chart drawn
 * (its `drawn` event, so the time is exact, not a poll's), and to both of the fund's charts drawn (the
 * income chart beside it); the next change waits for both.
 */
function leverBatch(page: Page, from: number, n: number): Promise<Batch> {
  return page.evaluate(
    async ([from, n]) => {
      const app = document.querySelector('yb-app') as any;
      const panel = app.shadowRoot.querySelector('yb-lever-panel');
      const input = panel.shadowRoot.querySelector('#lever-resident\\.individual\\.standard') as HTMLInputElement;
      const times: number[] = [];
      const both: number[] = [];
      const longTasks: number[] = [];
      const worker: number[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
      observer.observe({ type: 'longtask', buffered: false });
      for (let i = 0; i < n; i++) {
        const [balance, income] = [...app.shadowRoot.querySelector('yb-fund-view').shadowRoot.querySelectorAll('yb-chart')];
        // (no named functions here: the page would see tsx's __name helper)
        const drawn = [balance, income].map(
          (chart) =>
            new Promise<number>((resolve, reject) => {
              const late = setTimeout(() => reject(new Error('no redraw within 10 s')), 10000);
              chart.addEventListener('drawn', () => (clearTimeout(late), resolve(performance.now())), { once: true });
            }),
        );
        const t0 = performance.now();
        // A new value each time, as in a drag: nothing compiled for an earlier value can be reused.
        input.value = String(from + i);
        input.dispatchEvent(new Event('input'));
        const [b, c] = await Promise.all(drawn);
        times.push(b! - t0);
        both.push(Math.max(b!, c!) - t0);
        // What the charts drew from: the run's figures where the build asks for them first, else its whole result.
        worker.push(app.sim.figures?.millis ?? app.sim.result?.millis ?? 0);
      }
      observer.disconnect();
      return { times, both, longTasks, worker };
    },
    [from, n] as const,
  );
}

/**
 * Lever changes on every build, in rounds of ten changes per build in turn, so that the builds share
 * whatever else the machine is doing; five changes first on each are not counted.
 */
async function leverChanges(browser: Browser, urls: string[], changes: number): Promise<Omit<Figures, 'firstChart'>[]> {
  const pages = await Promise.all(urls.map((u) => leverPage(browser, u)));
  const all: Batch[] = urls.map(() => ({ times: [], both: [], worker: [], longTasks: [] }));
  const main: MainThread[][] = urls.map(() => []);
  for (const page of pages) await leverBatch(page, 381, 5);
  for (let done = 0; done < changes; done += 10) {
    for (const [i, page] of pages.entries()) {
      const { value: b, main: m } = await traced(browser, page, () => leverBatch(page, 386 + done, Math.min(10, changes - done)));
      main[i]!.push(m);
      all[i]!.times.push(...b.times);
      all[i]!.both.push(...b.both);
      all[i]!.worker.push(...b.worker);
      all[i]!.longTasks.push(...b.longTasks);
    }
  }
  for (const page of pages) await page.close();
  return all.map((result, i) => {
    const sorted = [...result.times].sort((a, b) => a - b);
    const at = (q: number, xs = sorted) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
    const both = [...result.both].sort((a, b) => a - b);
    const inWorker = [...result.worker].sort((a, b) => a - b);
    return {
      median: at(0.5),
      p95: at(0.95),
      bothMedian: at(0.5, both),
      bothP95: at(0.95, both),
      workerMedian: inWorker[Math.floor(inWorker.length / 2)]!,
      workerP95: inWorker[Math.min(inWorker.length - 1, Math.floor(0.95 * inWorker.length))]!,
      longTasks: result.longTasks.length,
      longest: result.longTasks.length ? Math.max(...result.longTasks) : 0,
      main: worst(main[i]!),
    };
  });
}

interface AnalysisFigures {
  name: string;
  millis: number;
  longTasks: number;
  longest: number;
  main: MainThread;
}

/**
 * The analyses panel of the default scenario: a tornado, a heat map and a Monte Carlo run of 2,000 paths,
 * each from its button to its result drawn, with the main thread's long tasks meanwhile (progress, merging
 * and drawing included).
 */
async function analysisRuns(browser: Browser, url: string, paths = 2000): Promise<AnalysisFigures[]> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on('pageerror', (e) => console.log('workbench: page error', e.message));
  await page.goto(url);
  await page.waitForFunction(() => (document.querySelector('yb-app') as any)?.sim?.result?.ok === true, null, { timeout: 60000 });
  await page.evaluate(async () => {
    const app = document.querySelector('yb-app') as any;
    await app.sim.settled();
    // the panels below the fund's charts render a frame after the first results
    for (const t0 = performance.now(); !app.shadowRoot.querySelector('#analyses summary'); ) {
      if (performance.now() - t0 > 60000) throw new Error('no analyses panel within 60 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    app.shadowRoot.querySelector('#analyses summary').click();
    await customElements.whenDefined('yb-analyses-view');
    const view = app.shadowRoot.querySelector('yb-analyses-view');
    for (const t0 = performance.now(); view._options?.view?.ok !== true; ) {
      if (performance.now() - t0 > 60000) throw new Error('no analysis options within 60 s');
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  const out: AnalysisFigures[] = [];
  const jobs: [string, string, string, string][] = [
    ['tornado', '#atab-tornado', '#tornado-run', '_tornado'],
    ['heat map', '#atab-grid', '#grid-run', '_grid'],
    [`Monte Carlo, ${paths} paths`, '#atab-monteCarlo', '#mc-run', '_mc'],
  ];
  for (const job of jobs) {
    const { value, main } = await traced(browser, page, () =>
      page.evaluate(
        async ([[name, tab, button, kept], paths]) => {
          const view = (document.querySelector('yb-app') as any).shadowRoot.querySelector('yb-analyses-view');
          view.shadowRoot.querySelector(tab).click();
          await view.updateComplete;
          if (kept === '_mc') {
            const field = view.shadowRoot.querySelector('#f-paths') as HTMLInputElement;
            field.value = String(paths);
            field.dispatchEvent(new Event('input'));
            await view.updateComplete;
          }
          const before = view[kept];
          const tasks: number[] = [];
          const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
          observer.observe({ type: 'longtask', buffered: false });
          const t0 = performance.now();
          view.shadowRoot.querySelector(button).click();
          while (view[kept] === before || view._busy) {
            if (performance.now() - t0 > 300000) throw new Error(`${name}: no result within 300 s`);
            await new Promise((r) => setTimeout(r, 20));
          }
          // the result drawn: two frames and the charts' own tasks
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          await new Promise((r) => setTimeout(r, 200));
          const millis = performance.now() - t0 - 200;
          observer.disconnect();
          if (view[kept]?.view?.ok === false) throw new Error(`${name}: ${JSON.stringify(view[kept].view.problems)}`);
          return { name, millis, longTasks: tasks.length, longest: tasks.length ? Math.max(...tasks) : 0 };
        },
        [job, paths] as const,
      ),
    );
    out.push({ ...value, main });
  }
  await page.close();
  return out;
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
    // A page the browser takes for hidden (another window in front) would stop drawing and the bench would wait for it.
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows'],
  });
  try {
    const figures: Figures[] = [];
    // Interleaved, so both builds see the same load on the machine.
    const first: number[][] = builds.map(() => []);
    const load: MainThread[][] = builds.map(() => []);
    for (let round = 0; round < loads; round++) {
      for (const [i, [, , p]] of builds.entries()) first[i]!.push(...(await firstCharts(browser, `http://127.0.0.1:${p}/`, 1)));
    }
    for (let round = 0; round < 3; round++) {
      for (const [i, [, , p]] of builds.entries()) await firstCharts(browser, `http://127.0.0.1:${p}/`, 1, load[i]);
    }
    const levers = await leverChanges(browser, builds.map(([, , p]) => `http://127.0.0.1:${p}/`), changes);
    for (const [i] of builds.entries()) figures.push({ firstChart: first[i]!, ...levers[i]! });
    const analyses: AnalysisFigures[][] = [];
    if (process.env.WORKBENCH_ANALYSES !== '0') for (const [, , p] of builds) analyses.push(await analysisRuns(browser, `http://127.0.0.1:${p}/`));
    const cpuText = (m: MainThread) => `longest task ${m.cpu.toFixed(0)} ms of main-thread CPU (${m.wall.toFixed(0)} ms wall, traced), ${m.over50} over 50 ms`;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    for (const [i, [name]] of builds.entries()) {
      const f = figures[i]!;
      console.log(`${name}:`);
      console.log(`  ${'navigation → first chart drawn'.padEnd(64)} median ${median(f.firstChart).toFixed(0).padStart(7)} ms   (${loads} loads: ${f.firstChart.map((x) => x.toFixed(0)).join(', ')})`);
      const l = worst(load[i]!);
      console.log(`  ${'  during the page load, to the first chart'.padEnd(64)} ${cpuText(l)} (3 more loads, traced)`);
      console.log(`  ${'lever change → updated chart, horizon 2060'.padEnd(64)} median ${f.median.toFixed(1).padStart(7)} ms   p95 ${f.p95.toFixed(1).padStart(7)} ms   (${changes} changes)`);
      console.log(`  ${'  to both of the fund\'s charts drawn'.padEnd(64)} median ${f.bothMedian.toFixed(1).padStart(7)} ms   p95 ${f.bothP95.toFixed(1).padStart(7)} ms`);
      console.log(`  ${'  of which the worker (to the figures the charts draw from)'.padEnd(64)} median ${f.workerMedian.toFixed(1).padStart(7)} ms   p95 ${f.workerP95.toFixed(1).padStart(7)} ms`);
      console.log(`  ${'  main-thread CPU per change (traced)'.padEnd(64)} mean   ${(f.main.total / changes).toFixed(1).padStart(7)} ms`);
      console.log(`  ${'  worker CPU per change (traced)'.padEnd(64)} mean   ${(f.main.workers / changes).toFixed(1).padStart(7)} ms`);
      console.log(`  ${'main-thread long tasks (> 50 ms) during those changes'.padEnd(64)} ${f.longTasks} tasks, longest ${f.longest.toFixed(0)} ms; ${cpuText(f.main)}`);
      for (const r of analyses[i] ?? []) {
        console.log(`  ${`${r.name} → drawn`.padEnd(64)} ${r.millis.toFixed(0).padStart(7)} ms   long tasks ${r.longTasks}, longest ${r.longest.toFixed(0)} ms; ${cpuText(r.main)}`);
      }
    }
    if (figures.length === 2) {
      const [b, a] = figures as [Figures, Figures];
      console.log(
        `  ratios before / this build: first chart ${(median(b.firstChart) / median(a.firstChart)).toFixed(2)}x, lever change median ${(b.median / a.median).toFixed(2)}x, p95 ${(b.p95 / a.p95).toFixed(2)}x; both charts median ${(b.bothMedian / a.bothMedian).toFixed(2)}x, p95 ${(b.bothP95 / a.bothP95).toFixed(2)}x; CPU per change: main thread ${(b.main.total / a.main.total).toFixed(2)}x, worker ${(b.main.workers / a.main.workers).toFixed(2)}x`,
      );
    }
  } finally {
    await browser.close();
    for (const s of servers) s.kill();
  }
}

// WORKBENCH_CHANGES and WORKBENCH_LOADS set other counts; WORKBENCH_ANALYSES=0 leaves the analyses out (a quicker comparison of two builds).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await workbenchBench(Number(process.env.WORKBENCH_CHANGES ?? 60), Number(process.env.WORKBENCH_LOADS ?? 7));
