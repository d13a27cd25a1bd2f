/**
 * The workbench's entry point. The simulation worker starts loading at once,
 * in parallel with the workbench's own code (ECharts, Lit, the components),
 * so the first projection is under way before the page can draw it.
 */
import { prestartWorker } from './state/simulation-controller.ts';

prestartWorker();
await import('./components/workbench-app.ts');
