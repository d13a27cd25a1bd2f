/** Runs a command in-process as a user would, collecting what it writes. */
import type { Io } from '../../src/cli/args.ts';

export async function runCommand(cmd: (argv: string[], io: Io) => Promise<number>, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await cmd(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
  return { code, out, err };
}
