/**
 * npm run calc -- --rules <id|path> --date YYYY-MM --category <in-service|retiree|flexible|resident>
 *   [--region-tier 1|2|3] [--wage N] [--aid tekun|dibao|fanpin] [--series avgMonthlyWage.2020=8445]
 *   [--set param=value] [--format table|json]
 * What one person owes and who pays, under the rules in force that month.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isDecimalLiteral, D, fenString, type Dec } from '../common/money.ts';
import { parseMonth } from '../common/period.ts';
import { parseJson } from '../common/schema.ts';
import { calculatePerson, type PersonContribution } from '../calculator/person.ts';
import {
  AID_STATUSES,
  CATEGORIES,
  REGION_TIERS,
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
import { InputError } from '../common/errors.ts';
import { describeUprate } from '../engine/uprate.ts';
import { runCli, table, usageError } from './args.ts';

runCli(async () => {
  const { values } = parseArgs({
    options: {
      rules: { type: 'string' },
      date: { type: 'string' },
      category: { type: 'string' },
      'region-tier': { type: 'string' },
      wage: { type: 'string' },
      aid: { type: 'string' },
      series: { type: 'string', multiple: true },
      set: { type: 'string', multiple: true },
      format: { type: 'string', default: 'table' },
    },
    strict: true,
  });
  const catalog = loadCatalog();
  if (!values.rules) throw usageError(`--rules is required: one of ${catalog.list().map((s) => s.spec.id).join(', ')}, or a rule-set file`);
  let rootId = values.rules;
  if (!catalog.get(rootId)) {
    if (!rootId.endsWith('.json')) throw usageError(`no rule set "${rootId}"; known: ${catalog.list().map((s) => s.spec.id).join(', ')}`);
    const set = loadRuleSet(parseJson(readFileSync(rootId, 'utf8'), rootId), rootId, catalog.registry);
    catalog.add(set);
    rootId = set.spec.id;
  }
  const month = values.date === undefined ? undefined : parseMonth(values.date);
  if (month === undefined) throw usageError('--date YYYY-MM is required, e.g. --date 2021-09');
  const category = values.category as Category;
  if (!CATEGORIES.includes(category)) throw usageError(`--category must be one of ${CATEGORIES.join(', ')}`);
  const aid = (values.aid ?? 'none') as AidStatus;
  if (!AID_STATUSES.includes(aid)) throw usageError(`--aid must be one of ${AID_STATUSES.filter((a) => a !== 'none').join(', ')}`);
  if (aid !== 'none' && category !== 'resident') throw usageError('--aid applies to residents (--category resident)');
  let regionTier: RegionTier | undefined;
  if (values['region-tier'] !== undefined) {
    regionTier = Number(values['region-tier']) as RegionTier;
    if (!REGION_TIERS.includes(regionTier)) throw usageError('--region-tier must be 1, 2 or 3');
  }
  let wage: Dec | undefined;
  if (values.wage !== undefined) {
    if (!isDecimalLiteral(values.wage)) throw usageError(`--wage must be a number of 元/月, not "${values.wage}"`);
    wage = new D(values.wage);
  }
  const series: SeriesData = {};
  for (const s of values.series ?? []) {
    const m = /^(avgMonthlyWage)\.([0-9]{4})=(.+)$/.exec(s);
    if (!m || !isDecimalLiteral(m[3])) throw usageError(`--series expects avgMonthlyWage.YEAR=元/月, not "${s}"`);
    (series[m[1] as 'avgMonthlyWage'] ??= {})[m[2]!] = m[3];
  }
  const overrides: Override[] = (values.set ?? []).map((s, i) => {
    const m = /^([A-Za-z.]+)=(.+)$/.exec(s);
    if (!m) throw usageError(`--set expects parameter=value, not "${s}"`);
    const [, param, value] = m as unknown as [string, string, string];
    const path = `--set ${param}`;
    if (!catalog.registry.has(param)) {
      const hint = catalog.registry.closest(param);
      throw usageError(`--set: unknown parameter "${param}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
    }
    const problems = valueProblems(value, param, catalog.registry, 'command line', path);
    if (problems.length) throw new InputError(problems);
    return { param, value, file: 'command line', path: `/set/${i}` };
  });

  const stack = composeStack([rootId], (id) => catalog.get(id), catalog.registry);
  const facts = { month, category, aid, regionTier };
  const resolution = await resolveWithEngine(stack, facts, { series, overrides });
  const result = calculatePerson(resolution, wage);
  if (values.format === 'json') {
    process.stdout.write(JSON.stringify({ rules: rootId, date: values.date, category, aid, regionTier: regionTier ?? null, ...toJson(result), compliance: resolution.compliance.map((c) => ({ parameter: c.param, value: c.value.toString(), minimumParameter: c.minimumParam, minimum: c.minimum.toString() })) }, null, 2) + '\n');
  } else if (values.format === 'table') {
    process.stdout.write(toTable(result) + '\n');
    for (const c of resolution.compliance) {
      process.stdout.write(`\n注意 compliance: ${c.param} = ${c.value} is below ${c.minimumParam} = ${c.minimum} (${where(c.minimumFrom)})\n`);
    }
  } else {
    throw usageError('--format must be table or json');
  }
});

function where(p: Provenance): string {
  if (p.kind === 'rule') return `${p.ruleSet} · ${p.rule} · ${p.document} ${p.section}`;
  if (p.kind === 'override') return `override ${p.file} ${p.path}`;
  return `default in ${p.file} ${p.path}`;
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
      ['合计 total', fenString(r.total), '元/月'],
      ['  划入个人账户 personal account', fenString(r.personalAccount), '元/月'],
      ['  划入统筹基金 pooling', fenString(r.pooling), '元/月'],
    );
    if (r.maternity) {
      rows.push(['生育保险基数 maternity base', fenString(r.maternity.base), '元/月'], ['生育保险单位缴费 maternity (employer)', fenString(r.maternity.employer), '元/月']);
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
