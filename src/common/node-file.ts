/** Node-only: read a file the user named, refusing a missing or unreadable one in words, not errno codes. */
import { readFileSync } from 'node:fs';
import { InputError, localizedProblem } from './errors.ts';
import { message } from './messages.ts';

/**
 * The file's text, which must be UTF-8 (a byte-order mark is left for the JSON reader to drop).
 * `label` is how the user named it: the path, or the flag and the path ("--rules my.json").
 */
export function readTextFile(path: string, label = path): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
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
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // A file saved as GBK or UTF-16 would otherwise be read with its Chinese turned into U+FFFD.
    throw new InputError([localizedProblem(label, '', message('file.notUtf8'))]);
  }
}
