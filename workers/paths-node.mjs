// A piscina worker (src/analyses/monte-carlo-pool.ts): Node's worker threads cannot start a .ts file, so this
// registers tsx and hands over to the TypeScript task.
import { register } from 'tsx/esm/api';

register();
const task = await import('./paths-node.worker.ts');

export default task.default;
