/** Node-only: read a baseline file from disk (the browser passes parsed JSON to load.ts). */
import { readTextFile } from '../common/node-file.ts';
import { parseJson } from '../common/schema.ts';
import { loadBaseline } from './load.ts';
import type { Baseline } from './types.ts';

export async function loadBaselineFile(path: string): Promise<Baseline> {
  return loadBaseline(parseJson(readTextFile(path), path), path);
}
