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
 * ECharts' code, the chart element's, the fund view's, the rest of the
 * workbench's components and the workbench's first render each run in a
 * task of their own, the out-of-sight drawing in tasks of its own after
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
// ECharts' drawing layer (ZRender), ECharts' own core, the chart element's code and Lit's, the fund view's
// (the first results' charts and tables), then the rest of the workbench's, each evaluated in a task of its own.
await import('zrender/lib/zrender.js');
await nextTask();
await import('echarts/core');
await nextTask();
const { warmUpCharts } = await import('./components/chart.ts');
await nextTask();
await import('./components/fund-view.ts');
await nextTask();
const { YbApp } = await import('./components/workbench-app.ts');
await nextTask();
// Made here rather than written in the page, so its first render is a task of its own too.
const app = new YbApp();
app.resultsInParts = true;
document.body.append(app);
// After the page's first render, unless the first result has come meanwhile.
await nextTask();
await warmUpCharts(() => !app.sim.result);
