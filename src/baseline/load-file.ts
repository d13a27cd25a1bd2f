/** Node-only: read a baseline file from disk (the browser passes parsed JSON to load.ts). */
import { readFile } from 'node:fs/promises';
import { InputError } from '../common/errors.ts';
import { parseJson } from '../common/schema.ts';
import { loadBaseline } from './load.ts';
import type { Baseline } from './types.ts';

export async function loadBaselineFile(path: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw InputError.one(path, '', `cannot read the file: ${(err as Error).message}`);
  }
  return loadBaseline(parseJson(text, path), path);
}
