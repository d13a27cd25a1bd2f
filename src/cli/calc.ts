/**
 * npm run calc -- --rules <id|path> --date YYYY-MM --category <in-service|retiree|flexible|resident>
 *   [--region-tier 1|2|3] [--wage N] [--aid tekun|dibao|fanpin] [--series avgMonthlyWage.2020=8445]
 *   [--set param=value] [--format table|json]
 * What one person owes and who pays, under the rules in force that month.
 */
import { CATEGORY_ZH } from '../common/reason-zh.ts';
import { isDecimalLiteral, D, fenString } from '../common/money.ts';
import { parseMonth } from '../common/period.ts';
import { parseJson } from '../common/schema.ts';
import { calculatePerson, concernsCategory, type PersonContribution } from '../calculator/person.ts';
import {
  AID_STATUSES,
  CATEGORIES,
  composeStack,
  resolveWithEngine,
  type AidStatus,
  type Category,
  type Override,
  type Provenance,
  type RegionTier,
  type SeriesData,
} from '../engine/index.ts';
import { loadCatalog } from '../rules/catalog-node.ts';
import { loadRuleSet } from '../rules/load.ts';
import { valueProblems } from '../rules/values.ts';
import { InvalidArgumentError } from 'commander';
import { InputError } from '../common/errors.ts';
import { printRetirement } from './calc-retirement.ts';
import { describeUprate } from '../engine/uprate.ts';
import { Option, cliProgram, collect, progress, decimalValue, integerValue, monthValue, readUserFile, runIfMain, runProgram, table, usageError, type Io } from './args.ts';

interface CalcOptions {
  rules?: string;
  /** Required except for a retirement age (--sex, --born). */
  date?: string;
  category?: Category;
  sex?: 'male' | 'female';
  born?: string;
  formerAge?: number;
  regionTier?: number;
  wage?: string;
  aid?: AidStatus;
  series?: string[];
  set?: string[];
  format: 'table' | 'json';
}

const EXAMPLES = [
  'npm run calc -- --rules inner-mongolia/resident-2022 --date 2022-09 --category resident --region-tier 2',
  'npm run calc -- --rules inner-mongolia/resident-2022 --date 2023-03 --category resident --aid dibao --region-tier 3',
  'npm run calc -- --rules xinjiang/employee-2020 --date 2020-03 --category retiree --wage 5000',
  'npm run calc -- --rules city/medical-maternity-2021 --date 2022-05 --category flexible --series avgMonthlyWage.2021=9000 --format json',
  'npm run calc -- --rules national/retirement-age --sex male --born 1970-06',
  'npm run calc -- --rules national/retirement-age --sex female --born 1980-06 --former-age 50',
];

/** Which flags each category uses, and why not the others; a flag given for another category is said to be unused. */
const APPLIES: Record<'wage' | 'regionTier', { to: readonly Category[]; why: (category: Category) => { zh: string; en: string } }> = {
  wage: {
    to: ['in-service', 'retiree'],
    why: (c) =>
      c === 'flexible'
        ? { zh: '灵活就业人员按规则规定的平均工资（employee.flexible.base）缴费，与本人工资无关', en: 'a flexible worker contributes on employee.flexible.base, an average wage the rules set, whatever the own wage' }
        : { zh: '城乡居民按规则规定的个人缴费标准缴费，与工资无关', en: 'a resident pays the individual standard the rules set, whatever the wage' },
  },
  regionTier: { to: ['resident'], why: () => ({ zh: '它决定居民财政补助在各级政府之间的分担', en: 'it splits the resident subsidy between government levels' }) },
};

export async function runCalc(argv: string[], io: Io): Promise<number> {
  const program = cliProgram(io, 'calc', '一个人每月（职工）或每年（居民）缴多少、谁来缴，以及所依据的规则 — what one person owes and who pays, under the rules in force that month', EXAMPLES)
    .option('--rules <id|file>', '规则集编号或规则集文件 / rule set id (e.g. city/medical-maternity-2021) or a rule-set file (.json)')
    .option('--date <YYYY-MM>', '月份（除查询退休年龄外必填） / the month (required, except for a retirement age)', monthValue)
    .addOption(new Option('--category <category>', '参保类别（除查询退休年龄外必填） / who pays (required, except for a retirement age)').choices(CATEGORIES))
    .addOption(new Option('--sex <sex>', '与 --born 同用：男性或女性的法定退休年龄 / with --born: the statutory retirement age of a man or a woman').choices(['male', 'female']))
    .option('--born <YYYY-MM>', '与 --sex 同用：出生年月 / with --sex: month of birth', monthValue)
    .option('--former-age <50|55>', '女性在2025年改革前的退休年龄：50（工人）或 55（干部） / a woman’s retirement age before the 2025 reform: 50 (workers) or 55 (cadres)', integerChoice([50, 55]))
    .option('--region-tier <1|2|3>', '旗县的地区类别（居民：决定补助分担） / the region tier of the banner/county (residents: splits the subsidy)', integerValue(1, 3, 'a region tier (1, 2 or 3)'))
    .option('--wage <元/月>', '月工资，在职与退休职工 / monthly wage, in-service and retired employees', decimalValue({ above: '0', unit: '元/月' }))
    .addOption(new Option('--aid <group>', '居民的医疗救助类别 / medical-aid group of a resident: 特困 tekun, 低保 dibao, 返贫致贫 fanpin').choices(AID_STATUSES.filter((a) => a !== 'none')))
    .option('--series <avgMonthlyWage.YEAR=元/月>', '规则引用的序列值（可重复） / a series value the rules refer to (repeatable)', collect)
    .option('--set <parameter=value>', '本次计算改写一个参数（可重复） / override one parameter for this calculation (repeatable)', collect)
    .addOption(new Option('--format <format>', '输出格式 / output').choices(['table', 'json']).default('table'))
    .action((opts: CalcOptions) => calc(opts, io));
  return runProgram(program, argv, io);
}

async function calc(values: CalcOptions, io: Io): Promise<void> {
  const catalog = loadCatalog().copy();
  const known = () => catalog.list().map((s) => s.spec.id).join(', ');
  if (!values.rules) throw usageError(`it is required: a rule-set id (${known()}) or a rule-set file`, '--rules');
  let rootId = values.rules;
  let step: (text: string) => void = () => {};
  if (!catalog.get(rootId)) {
    if (!rootId.endsWith('.json')) throw usageError(`no rule set "${rootId}"; known: ${known()}, or a path to a .json file`, '--rules');
    const data = parseJson(readUserFile(rootId, '--rules'), rootId);
    const count = (data as { rules?: unknown[] }).rules?.length ?? 0;
    step = progress(io, rootId, count);
    step(`${count} rules read, checking`);
    const set = loadRuleSet(data, rootId, catalog.registry);
    step(`${count} rules checked`);
    catalog.addOwn(set);
    rootId = set.spec.id;
  }
  if (values.sex || values.born || values.formerAge !== undefined) {
    printRetirement(composeStack([rootId], (id) => catalog.get(id), catalog.registry), rootId, values, io);
    return;
  }
  if (!values.date) throw usageError('it is required: the month, YYYY-MM', '--date');
  if (!values.category) throw usageError(`it is required: one of ${CATEGORIES.join(', ')}`, '--category');
  const month = parseMonth(values.date)!;
  const category = values.category;
  const aid = values.aid ?? 'none';
  if (aid !== 'none' && category !== 'resident') throw usageError(`it applies to residents (--category resident), not to ${category}`, '--aid');
  const regionTier = values.regionTier as RegionTier | undefined;
  const unused: { flag: string; zh: string; en: string }[] = [];
  for (const [key, flag] of [['wage', '--wage'], ['regionTier', '--region-tier']] as const) {
    const a = APPLIES[key]!;
    if (values[key] !== undefined && !a.to.includes(category)) unused.push({ flag, zh: `${flag} 不适用于${CATEGORY_ZH[category]}，未使用：${a.why(category).zh}`, en: `${flag} does not apply to ${category} and was not used: ${a.why(category).en}` });
  }
  const wage = values.wage !== undefined && APPLIES.wage!.to.includes(category) ? new D(values.wage) : undefined;
  const series: SeriesData = {};
  for (const s of values.series ?? []) {
    const m = /^(avgMonthlyWage)\.([0-9]{4})=(.+)$/.exec(s);
    if (!m || !isDecimalLiteral(m[3])) throw usageError(`"${s}" is invalid: write avgMonthlyWage.YEAR=元/月, e.g. avgMonthlyWage.2021=9000`, '--series');
    (series[m[1] as 'avgMonthlyWage'] ??= {})[m[2]!] = m[3];
  }
  const overrides: Override[] = (values.set ?? []).map((s, i) => {
    const m = /^([A-Za-z.]+)=(.+)$/.exec(s);
    if (!m) throw usageError(`"${s}" is invalid: write parameter=value, e.g. employee.rate.employer=6`, '--set');
    const [, param, value] = m as unknown as [string, string, string];
    if (!catalog.registry.has(param)) {
      const hint = catalog.registry.closest(param);
      throw usageError(`unknown parameter "${param}"${hint ? ` (did you mean "${hint}"?)` : ''}`, '--set');
    }
    const problems = valueProblems(value, param, catalog.registry, '--set', '');
    if (problems.length) throw new InputError(problems);
    return { param, value, file: 'command line', path: `/set/${i}` };
  });

  const stack = composeStack([rootId], (id) => catalog.get(id), catalog.registry);
  const facts = { month, category, aid, regionTier };
  step('rule sets composed, matching');
  const resolution = await resolveWithEngine(stack, facts, { series, overrides });
  step('done');
  const result = calculatePerson(resolution, wage);
  const compliance = resolution.compliance.filter((c) => concernsCategory(c.param, category));
  for (const u of unused) io.stderr.write(`警告：${u.zh}\nwarning: ${u.en}\n`);
  if (values.format === 'json') {
    io.stdout.write(
      JSON.stringify(
        {
          rules: rootId,
          date: values.date,
          category,
          aid,
          regionTier: regionTier ?? null,
          ...toJson(result),
          compliance: compliance.map((c) => ({ parameter: c.param, value: c.value.toString(), minimumParameter: c.minimumParam, minimum: c.minimum.toString() })),
          unusedFlags: unused,
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    io.stdout.write(toTable(result) + '\n');
    for (const c of compliance) {
      io.stdout.write(`\n注意 compliance: ${c.param} = ${c.value} is below ${c.minimumParam} = ${c.minimum} (${where(c.minimumFrom)})\n`);
    }
  }
}


function integerChoice(allowed: number[]): (value: string) => number {
  return (value) => {
    const n = integerValue(Math.min(...allowed), Math.max(...allowed))(value);
    if (!allowed.includes(n)) throw new InvalidArgumentError(`it must be one of ${allowed.join(', ')}`);
    return n;
  };
}

function where(p: Provenance): string {
  // A rule's note says what the document does not state (an inferred rate); a default is an assumption of the registry.
  if (p.kind === 'rule') return `${p.ruleSet} · ${p.rule} · ${p.document} ${p.section}${p.note ? `  [注 note: ${p.note}]` : ''}`;
  if (p.kind === 'override') return `override ${p.file} ${p.path}`;
  return `假设 assumed: default in ${p.file} ${p.path}`;
}

function toJson(r: PersonContribution): Record<string, unknown> {
  const used = r.used.map((u) => ({ parameter: u.name, value: u.value.toString(), source: u.provenance }));
  if (r.kind === 'employee') {
    return {
      unit: '元/月',
      base: fenString(r.base),
      employer: fenString(r.employer),
      individual: fenString(r.individual),
      total: fenString(r.total),
      personalAccount: fenString(r.personalAccount),
      pooling: fenString(r.pooling),
      maternity: r.maternity ? { base: fenString(r.maternity.base), employer: fenString(r.maternity.employer) } : null,
      parameters: used,
    };
  }
  return {
    unit: '元/年',
    individualStandard: fenString(r.standard),
    aidPays: fenString(r.aidPays),
    personPays: fenString(r.personPays),
    subsidy: fenString(r.subsidy),
    subsidySplit: r.split
      ? { central: fenString(r.split.central), region: fenString(r.split.region), city: fenString(r.split.city), county: fenString(r.split.county) }
      : null,
    subsidySplitMissing: r.splitMissing ?? null,
    fundingPerCapita: fenString(r.fundingPerCapita),
    parameters: used,
  };
}

function toTable(r: PersonContribution): string {
  const rows: string[][] = [];
  if (r.kind === 'employee') {
    rows.push(
      ['缴费基数 base', fenString(r.base), '元/月'],
      ['单位缴费 employer', fenString(r.employer), '元/月'],
      ['个人缴费 individual', fenString(r.individual), '元/月'],
      ['合计 total (医保, 不含生育 excluding maternity)', fenString(r.total), '元/月'],
      ['  划入个人账户 personal account', fenString(r.personalAccount), '元/月'],
      ['  划入统筹基金 pooling', fenString(r.pooling), '元/月'],
    );
    if (r.maternity) {
      rows.push(
        ['生育保险基数 maternity base', fenString(r.maternity.base), '元/月'],
        ['生育保险单位缴费 maternity (employer)', fenString(r.maternity.employer), '元/月'],
        ['含生育合计 total including maternity', fenString(r.total.plus(r.maternity.employer)), '元/月'],
      );
    }
  } else {
    rows.push(
      ['个人缴费标准 individual standard', fenString(r.standard), '元/年'],
      ['医疗救助资助 paid by medical aid', fenString(r.aidPays), '元/年'],
      ['个人实缴 paid by the person', fenString(r.personPays), '元/年'],
      ['人均财政补助 fiscal subsidy', fenString(r.subsidy), '元/年'],
    );
    if (r.split) {
      rows.push(
        ['  中央 central', fenString(r.split.central), '元/年'],
        ['  自治区(省) region', fenString(r.split.region), '元/年'],
        ['  盟市 city', fenString(r.split.city), '元/年'],
        ['  旗县 county', fenString(r.split.county), '元/年'],
      );
    } else {
      rows.push(['  分级分担 split', '—', r.splitMissing ?? '']);
    }
    rows.push(['人均筹资 funding per capita', fenString(r.fundingPerCapita), '元/年']);
  }
  const out = [table(rows), '', '依据 sources:'];
  for (const u of r.used) {
    const inputs = u.inputs.map((i) => (i.kind === 'param' ? i.name : `${i.name}[${i.year}] = ${i.value}`));
    out.push(`  ${u.name} = ${u.value.toString()}  ← ${where(u.provenance)}${inputs.length ? `  (from ${inputs.join(', ')})` : ''}`);
    if (u.uprated) {
      const d = describeUprate(u.uprated);
      out.push(`      上调 uprated: ${u.uprated.dated.toString()} ${d.zh} / ${d.en} × ${u.uprated.years}; ${u.uprated.note}`);
    }
  }
  return out.join('\n');
}

await runIfMain(import.meta.url, runCalc);
