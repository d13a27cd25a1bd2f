/**
 * The three commands through their shared command-line layer, in-process:
 * --help with examples, values refused as invalid (not missing) and blamed on
 * their flag, negative numbers taken as values and refused by range, exit codes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baselineJson, exampleDoc } from '../scenario/helpers.ts';
import { runAudit } from '../../src/cli/audit.ts';
import { runCalc } from '../../src/cli/calc.ts';
import { runSimulate } from '../../src/cli/simulate.ts';
import type { Io } from '../../src/cli/args.ts';

type Runner = (argv: string[], io: Io) => Promise<number>;
const audit: Runner = (argv, io) => runAudit(argv, io.stdout, io.stderr);

async function run(cmd: Runner, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await cmd(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
  return { code, out, err };
}

describe('--help', () => {
  it.each([
    ['calc', runCalc, '--category <category>'],
    ['audit', audit, '<baseline.json>'],
    ['simulate', runSimulate, '<scenario.json>'],
  ] as const)('%s --help prints usage and runnable examples, exit 0', async (name, cmd, usage) => {
    const r = await run(cmd, '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Usage: ${name}`);
    expect(r.out).toContain(usage);
    expect(r.out).toContain(`Examples / 示例:\n  npm run ${name} -- `);
    expect(r.err).toBe('');
  });
});

describe('calc arguments', () => {
  const base = ['--rules', 'city/medical-maternity-2021', '--date', '2022-05', '--category', 'in-service', '--series', 'avgMonthlyWage.2020=7000'];

  it('a negative wage is taken as a value and refused by its range (both spellings)', async () => {
    for (const wage of [['--wage', '-5'], ['--wage=-5']]) {
      const r = await run(runCalc, ...base, ...wage);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain("error: option '--wage <元/月>' argument '-5' is invalid. it must be above 0 元/月");
    }
    const zero = await run(runCalc, ...base, '--wage', '0');
    expect(zero.err).toContain("argument '0' is invalid. it must be above 0 元/月");
  });

  it('an impossible month is invalid, not missing', async () => {
    const r = await run(runCalc, '--rules', 'city/medical-maternity-2021', '--date', '2021-13', '--category', 'resident');
    expect(r.code).toBe(2);
    expect(r.err).toContain("error: option '--date <YYYY-MM>' argument '2021-13' is invalid. month 13 does not exist; months run from 01 to 12");
    expect(r.err).not.toContain('required');
  });

  it('a missing rule-set file is blamed on --rules in words', async () => {
    const r = await run(runCalc, '--rules', 'no-such-rules.json', '--date', '2022-05', '--category', 'resident');
    expect(r.code).toBe(2);
    expect(r.err).toBe('错误：--rules no-such-rules.json：没有这个文件\nerror: --rules no-such-rules.json: no such file\n');
  });

  it('8000 元 in the city, 2022-05: 6.2% + 2%, maternity 0.5% shown beside the total', async () => {
    const r = await run(runCalc, ...base, '--wage', '8000');
    expect(r.code).toBe(0);
    // 8000 × 6.2% = 496.00, × 2% = 160.00, total 656.00; maternity 8000 × 0.5% = 40.00; with it 696.00
    expect(r.out).toMatch(/合计 total \(医保, 不含生育 excluding maternity\) +656\.00/);
    expect(r.out).toMatch(/生育保险单位缴费 maternity \(employer\) +40\.00/);
    expect(r.out).toMatch(/含生育合计 total including maternity +696\.00/);
    // the account shares are the registry's defaults, labelled as assumptions
    expect(r.out).toContain('employee.account.shareOfIndividual = 100  ← 假设 assumed: default in rules/parameters.json');
  });

  it("Xinjiang's standing rate is labelled as inferred in the table", async () => {
    const r = await run(runCalc, '--rules', 'xinjiang/employee-2020', '--date', '2021-03', '--category', 'in-service', '--wage', '5000');
    expect(r.code).toBe(0);
    expect(r.out).toContain('employee.rate.employer = 9.8');
    expect(r.out).toContain('[注 note: standing employer rates inferred as twice the halved ones');
  });

  it('--wage for a flexible worker is said not to apply, and the result is computed without it', async () => {
    const r = await run(runCalc, '--rules', 'city/medical-maternity-2021', '--date', '2022-05', '--category', 'flexible', '--series', 'avgMonthlyWage.2021=9000', '--wage', '100', '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.err).toContain('warning: --wage does not apply to flexible and was not used');
    const json = JSON.parse(r.out) as { base: string; individual: string; unusedFlags: { flag: string }[] };
    // base is the 2021 average wage 9000; 4.8% = 432.00
    expect(json.base).toBe('9000.00');
    expect(json.individual).toBe('432.00');
    expect(json.unusedFlags.map((u) => u.flag)).toEqual(['--wage']);
  });

  it('an employee is not shown resident compliance notes', async () => {
    // the city's 2022 resident standard 320 is below the national 350: a resident sees it, an employee does not
    const city = ['--rules', 'city/medical-maternity-2021', '--date', '2022-05', '--series', 'avgMonthlyWage.2020=7000'];
    const resident = await run(runCalc, ...city, '--category', 'resident');
    expect(resident.out).toContain('注意 compliance: resident.individual.standard = 320 is below resident.individual.minimum = 350');
    const employee = await run(runCalc, ...city, '--category', 'in-service', '--wage', '8000');
    expect(employee.code).toBe(0);
    expect(employee.out).not.toContain('compliance');
  });

  it('an unknown option is named, with a suggestion', async () => {
    const r = await run(runCalc, ...base, '--wag', '5000');
    expect(r.code).toBe(2);
    expect(r.err).toContain("error: unknown option '--wag'");
    expect(r.err).toContain('--wage');
  });
});

describe('simulate and audit arguments', () => {
  it('--until 2100 is blamed on the flag, not the scenario', async () => {
    const r = await run(runSimulate, 'seeds/scenarios/banner-2022.json', '--until', '2100');
    expect(r.code).toBe(2);
    expect(r.err).toContain("error: option '--until <year>' argument '2100' is invalid. it must be from 1900 to 2060");
  });

  it('--until before the base year is blamed on --until', async () => {
    const r = await run(runSimulate, 'seeds/scenarios/banner-2022.json', '--until', '2010');
    expect(r.code).toBe(2);
    expect(r.err).toBe('错误：--until：测算期 2010 须晚于基期 2022\nerror: --until: the horizon 2010 must be after the base year 2022\n');
  });

  it('a missing --compare file is blamed on --compare', async () => {
    const r = await run(runSimulate, 'seeds/scenarios/banner-2022.json', '--compare', 'nope.json');
    expect(r.code).toBe(2);
    expect(r.err).toBe('错误：--compare nope.json：没有这个文件\nerror: --compare nope.json: no such file\n');
  });

  it('audit refusals use the same "error:" style', async () => {
    const r = await run(audit, 'nope.json');
    expect(r.code).toBe(2);
    expect(r.err).toBe('错误：nope.json：没有这个文件\nerror: nope.json: no such file\n');
    const rules = await run(audit, 'seeds/baselines/banner-2022.json', '--rules', 'nowhere/none');
    expect(rules.err).toMatch(/^错误：--rules：没有规则集“nowhere\/none”；已有：.*\nerror: --rules: no rule set "nowhere\/none"; known: /);
  });
});

describe('simulate with an embedded baseline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'embedded-'));
  const write = (name: string, doc: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(doc));
    return file;
  };
  const withBaseline = (edit: (b: Record<string, any>) => void) => {
    const doc = exampleDoc('banner-2022.json');
    const b = baselineJson('banner-2022') as Record<string, any>;
    edit(b);
    return { ...doc, baseline: { embedded: b } };
  };
  const AT = '/baseline/embedded/funds/resident/periods/2022/income/parts/subsidy';

  it('a verbatim copy of the shipped report runs as the report does', async () => {
    const r = await run(runSimulate, write('copy.json', withBaseline(() => {})), '--until', '2023');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
  });

  it('levels that do not add up to the subsidy are refused, the way audit finds them', async () => {
    // central 3914 instead of 3114: 3914 + 663 + 85.02 + 270.89 = 4932.91 ≠ 4132.91
    const file = write('levels.json', withBaseline((b) => (b.funds.resident.periods['2022'].income.parts.subsidy.parts.central.value = '3914')));
    const r = await run(runSimulate, file);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(
      `error: ${file} at ${AT}: the embedded baseline breaks an identity [parts-sum]: resident 2022 income.subsidy: the parts 3914 + 663 + 85.02 + 270.89 add up to 4932.91 万元, but the total is 4132.91 万元 (difference 800.00, rounding allows 0.025); npm run audit shows the figures involved; to project it anyway, add --allow-inconsistent`,
    );
    const anyway = await run(runSimulate, file, '--allow-inconsistent', '--until', '2023', '--format', 'json');
    expect(anyway.code).toBe(0);
    expect(anyway.err).toContain(`warning: ${file} at ${AT}: the embedded baseline breaks an identity [parts-sum]`);
    const json = JSON.parse(anyway.out) as { scenario: { baselineFindings: { check: string }[] } };
    expect(json.scenario.baselineFindings.map((f) => f.check)).toEqual(['parts-sum', 'restatement']);
  });
});

describe('audit --format json in both languages', () => {
  it('writes each finding and compliance note in Chinese and English (seed 000: 人均财政补助标准580元; 内医保发〔2022〕21号: 不低于 610 元)', async () => {
    const r = await run(audit, 'seeds/baselines/banner-2022.json', '--rules', 'inner-mongolia/resident-2022', '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { findings: { message: string; text: { zh: string; en: string } }[]; compliance: { message: string; text: { zh: string; en: string } }[] };
    expect(json.compliance[0]!.text.zh).toMatch(/^2022 人均财政补助 580 元，低于 inner-mongolia\/resident-2022（内医保发〔2022〕21号[^）]*）规定的最低标准 610 元$/);
    expect(json.compliance[0]!.text.en).toBe(json.compliance[0]!.message);
    expect(json.findings.length).toBeGreaterThan(0);
    for (const f of json.findings) expect([f.text.en === f.message, /[\u4e00-\u9fff]/.test(f.text.zh)]).toEqual([true, true]);
  });
});

describe('audit says why an indicator is 0', () => {
  it("the county's months payable is 0 because it remits its balance upward (seed 003: 上解上级支出12519.49万元)", async () => {
    const r = await run(audit, 'seeds/baselines/county-2019.json', '--format', 'json');
    const json = JSON.parse(r.out) as { indicators: { kind: string; printed: string; why?: string }[] };
    const months = json.indicators.find((i) => i.kind === 'months-payable')!;
    expect(months.printed).toBe('0.00');
    expect(months.why).toBe('the cumulative balance is 0: the fund remits its balance upward (上解上级支出 12519.49 万元), so it keeps none');
    expect(json.indicators.find((i) => i.kind === 'balance-rate')!.why).toMatch(/^the current balance is 0: the fund remits its balance upward/);
  });
});

describe('simulate table', () => {
  it('reads 耗尽 exhausted for a fund whose balance is used up, never negative months, and groups thousands', async () => {
    const r = await run(runSimulate, 'seeds/scenarios/banner-2022.json');
    expect(r.code).toBe(0);
    const resident = r.out.slice(r.out.indexOf('== 城乡居民基本医疗保险'));
    // the banner's resident fund is exhausted in 2034 (its warning says months payable would be -2.3)
    expect(resident).toMatch(/\n2034 .* 耗尽 exhausted /);
    expect(resident.slice(0, resident.indexOf('\n\n'))).not.toMatch(/ -\d+\.\d /);
    // 2022, seed 000: employee income 43370.17 万元
    expect(r.out).toMatch(/\n2022 +43,370\.17 /);
    expect(r.out).toContain('基期 2022 年，测算至 2035 年；金额单位 万元 base year 2022, projected to 2035; amounts in 万元');
  }, 60_000);
});
