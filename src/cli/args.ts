/** Shared command-line plumbing: errors print as "file at path: reason" and exit 2. */
import { InputError, formatProblem } from '../common/errors.ts';

export function runCli(main: () => Promise<void> | void): void {
  Promise.resolve()
    .then(main)
    .catch((err: unknown) => {
      if (err instanceof InputError) {
        for (const p of err.problems) process.stderr.write(`error: ${formatProblem(p)}\n`);
      } else {
        process.stderr.write(`error: ${(err as Error).message}\n`);
      }
      process.exit(2);
    });
}

export function usageError(reason: string): InputError {
  return InputError.one('command line', '', reason);
}

/** Render rows as an aligned text table; widths count CJK characters as two columns. */
export function table(rows: string[][]): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const cols = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, c) => Math.max(...rows.map((r) => width(r[c] ?? ''))));
  return rows
    .map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell + ' '.repeat(widths[c]! - width(cell)))).join('  '))
    .join('\n');
}
