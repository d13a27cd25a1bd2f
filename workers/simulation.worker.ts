/**
 * The simulation worker: the service behind comlink, so projections never block the page. The long
 * analyses tell the page their progress at most every 100 ms, however small their chunks. In the
 * built workbench its input schemas come compiled at build time (src/common/schema-standalone.ts).
 */
import { expose } from 'comlink';
import { usePrecompiled } from '../src/common/schema.ts';
import { precompiled } from '../src/common/precompiled-schemas.ts';
import { throttled, type Progress } from '../src/analyses/progress.ts';
import { SimulationService } from '../src/app/service.ts';
import type { GridRequest, SolveRequest } from '../src/app/analyses-service.ts';
import type { MonteCarloRequest } from '../src/app/uncertainty-service.ts';

class WorkerService extends SimulationService {
  override sensitivity(data: unknown, file?: string, outcome?: string, progress?: Progress) {
    return super.sensitivity(data, file, outcome, throttled(progress));
  }

  override monteCarlo(data: unknown, file: string, req?: MonteCarloRequest, onProgress?: Progress) {
    return super.monteCarlo(data, file, req, throttled(onProgress));
  }

  override solve(data: unknown, file: string, req: SolveRequest, progress?: Progress) {
    return super.solve(data, file, req, throttled(progress));
  }

  override grid(data: unknown, file: string, req: GridRequest, progress?: Progress) {
    return super.grid(data, file, req, throttled(progress));
  }
}

// Built by Vite (and under `npm start`), the input schemas come compiled (vite.config.ts); elsewhere they compile on first use.
// Before expose, and without awaiting anything: a message that arrives before the worker listens is lost.
usePrecompiled(precompiled);

expose(new WorkerService());
