/**
 * npm run sweep -- <scenario files or folders...> [--shard I/N] [--out DIR] [--paths N] [--seed N]
 * Runs Monte Carlo for many scenarios over one worker pool and writes one CSV
 * and one JSON per scenario into --out, with a summary line per scenario. A
 * scenario that is refused is reported and the others still run (exit 2).
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { InputError } from '../common/errors.ts';
import { parseShard, shardOf, type Shard } from '../analyses/sweep.ts';
import { nodeEnvironment } from '../scenario/node-env.ts';
import { parseScenario } from '../scenario/load.ts';
import { prepareScenario } from '../scenario/prepare.ts';
import { embeddedBaselineCheck, findingProblems } from '../scenario/baseline-check.ts';
import { MAX_PATHS, MAX_SEED } from '../scenario/uncertainty.ts';
import { FUND_NAMES } from '../report/summary.ts';
import { cliProgram, integerValue, problemLines, readUserFile, runIfMain, runProgram, usageError, type Io } from './args.ts';
import { executorFor, monteCarloCsv, monteCarloJson, monteCarloRun } from './monte-carlo.ts';

interface SweepOptions {
  shard?: Shard;
  out: string;
  paths?: number;
  seed?: number;
}

const EXAMPLES = [
  'npm run sweep -- seeds/scenarios --paths 200 --out results',
  'npm run sweep -- seeds/scenarios --shard 0/2 --paths 100 --out results',
  'npm run sweep -- seeds/scenarios/banner-2022.json seeds/scenarios/city-2021.json --out results',
];

function shardValue(value: string): Shard {
  const s = parseShard(value);
  if (!s) throw new InvalidArgumentError('write I/N, shard I of N with 0 ≤ I < N, e.g. 0/4 (a Kubernetes Indexed Job: $JOB_COMPLETION_INDEX/N)');
  return s;
}

export async function runSweep(argv: string[], io: Io): Promise<number> {
  let refused = false;
  const program = cliProgram(io, 'sweep', '批量运行多个方案的蒙特卡洛测算，每个方案输出 CSV 与 JSON — Monte Carlo for many scenarios, one CSV and one JSON each', EXAMPLES)
    .argument('<scenarios...>', '方案文件或其所在文件夹（其中每个 .json，按路径排序） / scenario files, or folders of them (every .json inside, sorted by path)')
    .option('--shard <I/N>', '只运行 N 份中的第 I 份：排序后序号模 N 余 I 的方案（默认 0/1：全部） / run only shard I of N: the scenarios whose index in the sorted list is I modulo N (default 0/1: all)', shardValue)
    .option('--out <dir>', '结果所在文件夹（不存在则新建） / the folder for the results (created if missing)', 'sweep-results')
    .option('--paths <n>', `每个方案的路径数，1 至 ${MAX_PATHS}（默认：方案自己的，或 1000） / paths per scenario, 1 to ${MAX_PATHS} (default: each scenario's own, or 1000)`, integerValue(1, MAX_PATHS, 'a whole number of paths'))
    .option('--seed <n>', `所有方案共用的随机种子，0 至 ${MAX_SEED}（默认：方案自己的，或 20260101） / the seed for every scenario, 0 to ${MAX_SEED} (default: each scenario's own, or 20260101)`, integerValue(0, MAX_SEED, 'a whole number'))
    .action(async (inputs: string[], opts: SweepOptions) => {
      refused = await sweep(inputs, opts, io);
    });
  const code = await runProgram(program, argv, io);
  return code === 0 && refused ? 2 : code;
}

/** The scenario files named: files as given, folders by their .json files (recursively), sorted by shardOf. */
export function scenarioFiles(inputs: string[]): string[] {
  const out: string[] = [];
  const walk = (path: string, given: boolean) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw InputError.one(path, '', 'no such file or folder');
    }
    if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name), false);
    else if (given || path.endsWith('.json')) out.push(path);
  };
  for (const i of inputs) walk(i, true);
  return out;
}

async function sweep(inputs: string[], opts: SweepOptions, io: Io): Promise<boolean> {
  const all = scenarioFiles(inputs);
  const mine = shardOf(all, opts.shard);
  const names = mine.map((f) => basename(f, '.json'));
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw usageError(`two scenarios would write ${twice}.csv and ${twice}.json; give files with different names`, '<scenarios...>');
  mkdirSync(opts.out, { recursive: true });
  const shard = opts.shard ? `分片 shard ${opts.shard.index}/${opts.shard.count}: ` : '';
  io.stderr.write(`${shard}${all.length} 个方案中的 ${mine.length} 个 / ${mine.length} of ${all.length} scenarios\n`);
  const env = nodeEnvironment();
  const executor = executorFor(opts.paths ?? 1000, env);
  let refused = false;
  try {
    for (const [i, file] of mine.entries()) {
      try {
        const scenario = parseScenario(readUserFile(file), file);
        const prepared = await prepareScenario(structuredClone(scenario), file, env);
        const check = embeddedBaselineCheck(scenario, file, env);
        if (check.findings.length) throw new InputError(findingProblems(check, file, { zh: '用 npm run audit 可查看相关数字；simulate --allow-inconsistent 可照样测算', en: 'npm run audit shows the figures involved; simulate --allow-inconsistent projects it anyway' }));
        const r = await monteCarloRun(file, scenario, prepared, env, { format: 'json', paths: opts.paths, seed: opts.seed }, io, executor);
        const base = join(opts.out, names[i]!);
        writeFileSync(`${base}.csv`, monteCarloCsv(r, scenario.title));
        writeFileSync(`${base}.json`, JSON.stringify(monteCarloJson(r, scenario.title), null, 2) + '\n');
        const exhausted = r.funds.filter((f) => !f.id.includes('.')).map((f) => `${FUND_NAMES[f.id].zh} ${FUND_NAMES[f.id].en} ${(f.years.at(-1)!.exhaustedBy * 100).toFixed(1)}%`);
        io.stdout.write(`${file}: ${r.paths} 条路径 paths, 种子 seed ${r.seed}; ${r.until} 年前耗尽概率 exhausted by ${r.until}: ${exhausted.join(', ')} -> ${base}.csv, ${base}.json\n`);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        refused = true;
        for (const p of err.problems) io.stderr.write(problemLines(p));
        io.stdout.write(`${file}: 未运行，见错误信息 refused (see stderr)\n`);
      }
    }
  } finally {
    await executor.close?.();
  }
  return refused;
}

await runIfMain(import.meta.url, runSweep);
