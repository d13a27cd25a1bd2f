/** Node-only: read a file the user named, refusing a missing or unreadable one in words, not errno codes. */
import { readFileSync } from 'node:fs';
import { InputError } from './errors.ts';

/** `label` is how the user named it: the path, or the flag and the path ("--rules my.json"). */
export function readTextFile(path: string, label = path): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : code === 'EACCES' || code === 'EPERM'
            ? 'not allowed to read it'
            : `cannot read it (${(err as Error).message})`;
    throw InputError.one(label, '', reason);
  }
}
