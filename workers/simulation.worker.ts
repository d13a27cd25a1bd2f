/** The simulation worker: the service behind comlink, so projections never block the page. */
import { expose } from 'comlink';
import { SimulationService } from '../src/app/service.ts';

expose(new SimulationService());
