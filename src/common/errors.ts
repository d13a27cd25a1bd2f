/**
 * One problem with user input: which file, where in it (a JSON Pointer), and why.
 * Every loader reports problems this way so the CLI and the workbench can show
 * them next to the line they concern.
 */
import type { LocalizedMessage } from './messages.ts';

export interface InputProblem {
  /** File name or id the input came from (a path, a rule-set id, "scenario"). */
  file: string;
  /** JSON Pointer into that file, e.g. `/rules/3/event/params/employee.base.floor`. */
  path: string;
  /** A sentence saying what is wrong and, where possible, what would be right. */
  reason: string;
  /** The same in Chinese and English, by stable id, where the message is one the workbench shows (src/common/messages.ts). */
  message?: LocalizedMessage;
}

/** A problem whose reason is a localized message (the English text as the reason). */
export function localizedProblem(file: string, path: string, m: LocalizedMessage): InputProblem {
  return { file, path, reason: m.en, message: m };
}

export function formatProblem(p: InputProblem): string {
  return `${p.file}${p.path ? ` at ${p.path}` : ''}: ${p.reason}`;
}

/** Thrown when input is refused; carries every problem found, not only the first. */
export class InputError extends Error {
  readonly problems: InputProblem[];

  constructor(problems: InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }

  static one(file: string, path: string, reason: string): InputError {
    return new InputError([{ file, path, reason }]);
  }
}

/** Escape one key for use in a JSON Pointer (RFC 6901). */
export function pointerKey(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointer(...keys: (string | number)[]): string {
  return keys.map((k) => '/' + pointerKey(k)).join('');
}
