/**
 * How deep a JSON document may nest. Real files stay shallow: a scenario with an
 * embedded baseline and rule sets with nested conditions reaches about 12 levels.
 * 64 is far above that, and far below the depth at which recursive code (schema
 * validation, expression walks, structured cloning to a worker) would overflow the
 * stack; a deeper document is refused with the place it passed the limit, before
 * anything reads further into it.
 */
import { localizedProblem, pointerKey, type InputProblem } from './errors.ts';
import { message } from './messages.ts';

export const MAX_JSON_DEPTH = 64;

interface Frame {
  array: boolean;
  index: number;
  key: string;
  expectKey: boolean;
}

const at = (stack: Frame[]): string => stack.map((f) => '/' + pointerKey(f.array ? f.index : f.key)).join('');

/** The problem with JSON text that nests deeper than the limit, found by scanning the text (it need not be valid JSON). */
export function jsonTextDepthProblem(text: string, file: string, limit = MAX_JSON_DEPTH): InputProblem | undefined {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      const top = stack.at(-1);
      if (top && !top.array && top.expectKey) {
        const raw = text.slice(start, i + 1);
        try {
          top.key = JSON.parse(raw) as string;
        } catch {
          top.key = raw.slice(1, -1);
        }
        top.expectKey = false;
      }
    } else if (c === '{' || c === '[') {
      if (stack.length >= limit) return tooDeep(file, at(stack), limit);
      stack.push({ array: c === '[', index: 0, key: '', expectKey: c === '{' });
    } else if (c === '}' || c === ']') stack.pop();
    else if (c === ',') {
      const top = stack.at(-1);
      if (top?.array) top.index++;
      else if (top) top.expectKey = true;
    }
  }
  return undefined;
}

/** The same for a value already parsed (a file opened in the workbench, a stored scenario), walked without recursion. */
export function jsonValueDepthProblem(value: unknown, file: string, limit = MAX_JSON_DEPTH): InputProblem | undefined {
  const todo: { v: unknown; depth: number; path: string }[] = [{ v: value, depth: 0, path: '' }];
  while (todo.length) {
    const { v, depth, path } = todo.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return tooDeep(file, path, limit);
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
    // Pushed last to first, so the first branch is walked first: the same place the text scan names.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, x] = entries[i]!;
      if (x !== null && typeof x === 'object') todo.push({ v: x, depth: depth + 1, path: path + '/' + pointerKey(k) });
    }
  }
  return undefined;
}

function tooDeep(file: string, path: string, limit: number): InputProblem {
  return localizedProblem(file, path, message('json.tooDeep', { limit }));
}
