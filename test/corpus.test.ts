/**
 * The corpus of bad inputs (test/fixtures/bad/manifest.json): rule sets,
 * scenarios, baselines, share links and command-line arguments, each run the
 * way a user runs it, with the messages it must produce. For every case: the
 * exit code and each expected line, no stack trace or internal error, no
 * hang (a time limit per case), nothing silently accepted (a refusal, or a
 * warning where the input is run anyway), no partial output on refusal, and
 * the input file unchanged.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../src/cli/audit.ts';
import { runBacktest } from '../src/cli/backtest.ts';
import { runCalc } from '../src/cli/calc.ts';
import { runSimulate } from '../src/cli/simulate.ts';
import { runSweep } from '../src/cli/sweep.ts';
import { problemLines, type Io } from '../src/cli/args.ts';
import { InputError, type InputProblem } from '../src/common/errors.ts';
import { decodeShareLink, shareHashProblem } from '../src/scenario/share-link.ts';
import { parseScenario } from '../src/scenario/load.ts';
import { nodeEnvironment } from '../src/scenario/node-env.ts';
import { prepareScenario } from '../src/scenario/prepare.ts';

const DIR = 'test/fixtures/bad';

interface Case {
  id: string;
  what: string;
  /** A command and its arguments; "{file}" is the case's file. */
  command?: string[];
  /** A file holding a share link's fragment, opened as the workbench opens it. */
  share?: string;
  file?: string;
  exit: number;
  /** Lines stderr must contain ("{file}" is the case's file). */
  stderr: string[];
  stdout?: string[];
}

const cases = JSON.parse(readFileSync(`${DIR}/manifest.json`, 'utf8')) as Case[];

const COMMANDS: Record<string, (argv: string[], io: Io) => Promise<number>> = {
  calc: runCalc,
  simulate: runSimulate,
  audit: (argv, io) => runAudit(argv, io.stdout, io.stderr),
  backtest: runBacktest,
  sweep: runSweep,
};

/** What the workbench does with a link: decode it, then open the scenario it carries; a hash mismatch opens with a notice. */
async function openShareLink(fragment: string, io: Io): Promise<number> {
  const decoded = decodeShareLink(fragment);
  if (!decoded) return 0;
  const print = (kind: 'error' | 'warning', problems: InputProblem[]) => problems.forEach((p) => io.stderr.write(problemLines(p, kind)));
  if (!decoded.ok) {
    print('error', decoded.problems);
    return 2;
  }
  try {
    const prepared = await prepareScenario(parseScenario(decoded.text, 'shared link'), 'shared link', nodeEnvironment());
    const mismatch = shareHashProblem(decoded.hash, prepared.hash);
    if (mismatch) print('warning', [mismatch]);
    io.stdout.write(`opened, content hash ${prepared.hash}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    print('error', err.problems);
    return 2;
  }
}

async function runCase(c: Case): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } };
  const file = c.file ? `${DIR}/${c.file}` : '';
  let code: number;
  if (c.share) code = await openShareLink(readFileSync(`${DIR}/${c.share}`, 'utf8').trim(), io);
  else {
    const [name, ...argv] = c.command!;
    code = await COMMANDS[name!]!(argv.map((a) => a.replace('{file}', file)), io);
  }
  return { code, out, err };
}

describe('the corpus of bad inputs', () => {
  it('has at least 60 cases of every kind', () => {
    const kinds = new Map<string, number>();
    for (const c of cases) kinds.set(c.id.split('/')[0]!, (kinds.get(c.id.split('/')[0]!) ?? 0) + 1);
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect([...kinds.keys()].sort()).toEqual(['baselines', 'cli', 'rules', 'scenarios', 'share']);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const input = c.file ?? c.share;
    const before = input ? readFileSync(`${DIR}/${input}`) : undefined;
    const r = await runCase(c);
    const file = c.file ? `${DIR}/${c.file}` : '';
    if (process.env.CORPUS_PRINT) console.log(JSON.stringify({ id: c.id, code: r.code, err: r.err, out: r.out.slice(0, 300) }));
    expect(r.code, r.err).toBe(c.exit);
    for (const line of c.stderr) expect(r.err).toContain(line.replaceAll('{file}', file));
    for (const line of c.stdout ?? []) expect(r.out).toContain(line);
    // no stack trace, no internal failure
    expect(r.err).not.toMatch(/\n\s+at .+:\d+:\d+|TypeError|ReferenceError|RangeError|the program failed/);
    if (c.exit !== 0) {
      // refused: said so, in Chinese first and then in English, nothing half-written on stdout
      expect(r.err).toMatch(/^错误：.*\nerror: /);
      // every English line has its Chinese line above it, or says it in both languages itself
      const lines = r.err.split('\n');
      const english = lines.flatMap((l, i) => (/^error: /.test(l) && !/^错误：/.test(lines[i - 1] ?? '') && !/\p{Script=Han}/u.test(l.replace(/"[^"]*"|'[^']*'|“[^”]*”|元\/月|万元|元/g, '')) ? [l] : []));
      expect(english).toEqual([]);
      expect(r.out).toBe('');
    } else if (!/accepted/.test(c.what)) {
      // run anyway: never silently
      expect(r.err).toMatch(/^warning: /m);
      expect(r.err).toMatch(/^警告：/m);
    }
    if (input) expect(readFileSync(`${DIR}/${input}`).equals(before!), 'the input file is unchanged').toBe(true);
    // a "__proto__" key in a file stays a key: nothing reaches Object.prototype
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 30_000);
});
