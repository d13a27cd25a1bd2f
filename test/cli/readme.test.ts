/**
 * Every command the README shows runs, as written, on a clean clone: the
 * examples exactly, and each synopsis with its optional parts left out, then
 * each optional part in turn (every alternative of "table|json").
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/cli/audit.ts';
import { runBacktest } from '../../src/cli/backtest.ts';
import { runCalc } from '../../src/cli/calc.ts';
import { runSimulate } from '../../src/cli/simulate.ts';
import { runSweep } from '../../src/cli/sweep.ts';
import type { Io } from '../../src/cli/args.ts';

const COMMANDS: Record<string, (argv: string[], io: Io) => Promise<number>> = {
  calc: runCalc,
  simulate: runSimulate,
  audit: (argv, io) => runAudit(argv, io.stdout, io.stderr),
  backtest: runBacktest,
  sweep: runSweep,
};

/** A command line's words as a shell splits them: "quoted words" are one. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** The command lines a reader can copy: each `npm run X -- …` in a code block, synopses expanded. */
function readmeCommands(): string[] {
  const text = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const blocks = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n'));
  const out: string[] = [];
  for (const line of blocks.map((l) => l.trim()).filter((l) => /^npm run (calc|audit|simulate|backtest|sweep) -- /.test(l))) {
    if (line.includes('<')) continue; // a synopsis with placeholders, shown by --help instead
    const optional = [...line.matchAll(/ \[([^\]]+)\]/g)].map((m) => m[1]!);
    const bare = line.replace(/ \[[^\]]+\]/g, '');
    out.push(bare);
    for (const part of optional) {
      const m = /^(\S+) (\S+)$/.exec(part);
      const values = m && m[2]!.includes('|') ? m[2]!.split('|').map((v) => `${m[1]} ${v}`) : [part];
      for (const v of values) out.push(`${bare} ${v}`);
    }
  }
  return out;
}

describe('the README', () => {
  const commands = readmeCommands();

  it('shows examples of every command', () => {
    for (const name of ['calc', 'audit', 'simulate']) expect(commands.some((c) => c.startsWith(`npm run ${name} -- `)), name).toBe(true);
    expect(commands.length).toBeGreaterThanOrEqual(12);
  });

  it.each(commands)('%s', async (line) => {
    const [, name, rest] = /^npm run (\w+) -- (.*)$/.exec(line)!;
    // A file the command writes goes to a temporary folder, not into the clone.
    const argv = words(rest!).map((w, i, all) => (all[i - 1] === '--out' ? join(mkdtempSync(join(tmpdir(), 'readme-')), w) : w));
    let out = '';
    let err = '';
    const code = await COMMANDS[name!]!(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
    expect(err).not.toMatch(/^error: /m);
    expect(code).toBe(0);
    expect(out.length).toBeGreaterThan(100);
  }, 60_000);
});
