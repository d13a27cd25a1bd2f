/**
 * Every command the README shows runs, as written, on a clean clone: the
 * examples exactly, and each synopsis with its optional parts left out, then
 * each optional part in turn (every alternative of "table|json").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/cli/audit.ts';
import { runBacktest } from '../../src/cli/backtest.ts';
import { runCalc } from '../../src/cli/calc.ts';
import { runSimulate } from '../../src/cli/simulate.ts';
import type { Io } from '../../src/cli/args.ts';

const COMMANDS: Record<string, (argv: string[], io: Io) => Promise<number>> = {
  calc: runCalc,
  simulate: runSimulate,
  audit: (argv, io) => runAudit(argv, io.stdout, io.stderr),
  backtest: runBacktest,
};

/** The command lines a reader can copy: each `npm run X -- …` in a code block, synopses expanded. */
function readmeCommands(): string[] {
  const text = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const blocks = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n'));
  const out: string[] = [];
  for (const line of blocks.map((l) => l.trim()).filter((l) => /^npm run (calc|audit|simulate|backtest) -- /.test(l))) {
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
    let out = '';
    let err = '';
    // words as a shell splits them: a "quoted target" is one argument
    const argv = [...rest!.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
    const code = await COMMANDS[name!]!(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
    expect(err).not.toMatch(/^error: /m);
    expect(code).toBe(0);
    expect(out.length).toBeGreaterThan(100);
  }, 60_000);
});
