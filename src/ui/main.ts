/**
 * The workbench's entry point. The simulation worker starts loading at once,
 * in parallel with the workbench's own code (ECharts, Lit, the components),
 * and begins the first projection (the scenario stored from the last visit,
 * or the first example on a first visit) before the page has asked for it,
 * so the result is ready sooner. A shared link opens a scenario of its own.
 * While the page waits for that result, a chart is drawn once out of sight,
 * so the first chart of the results is not ECharts' first drawing.
 *
 * No step of the load holds the main thread long (the input stays answered):
 * ECharts' code runs in one task, the workbench's components and its first
 * render in another, the out-of-sight drawing in tasks of their own after
 * that, and the first results show the fund's charts first and the panels
 * below them a task later.
 */
import { prestartWorker, warmWorker } from './state/simulation-controller.ts';
import { Store } from './state/store.ts';
import { nextTask } from './next-task.ts';

prestartWorker();
if (!location.hash.slice(1)) {
  const active = new Store().active;
  warmWorker(active?.scenario, active?.scenario.title);
}
const { warmUpCharts } = await import('./components/chart.ts');
await nextTask();
const { YbApp } = await import('./components/workbench-app.ts');
const app = document.querySelector('yb-app');
if (app instanceof YbApp) {
  app.resultsInParts = true;
  // After the page's first render, unless the first result has come meanwhile.
  await nextTask();
  await warmUpCharts(() => !app.sim.result);
}
