/** simulate's population section as text tables: insured by status per year, assumptions, and age groups. */
import type { Projection } from '../model/project.ts';
import { SEXES } from '../population/cohort.ts';
import { STATUSES } from '../population/insured.ts';
import { AGE_GROUPS } from '../population/summary.ts';
import { insuredRows, populationAssumptions, STATUS_NAMES } from '../report/population.ts';
import { table } from './args.ts';

export function populationReport(p: Projection, byAge: boolean): string {
  const rows = insuredRows(p);
  const keys = (Object.keys(STATUS_NAMES) as (keyof typeof STATUS_NAMES)[]).filter((k) => rows.some((r) => r.counts[k] !== undefined));
  const out = ['== 参保人数 insured by status (人 persons) ==', table([['年份 year', ...keys.map((k) => STATUS_NAMES[k].zh), '在职/退休 ratio'], ...rows.map((r) => [String(r.year), ...keys.map((k) => r.counts[k] ?? ''), r.ratio ?? '—'])]), ''];
  const assumptions = populationAssumptions(p);
  if (assumptions.length) {
    out.push('== 人口假设 population assumptions ==', table([['假设 assumption', '值 value', '单位 unit', '来源 source'], ...assumptions.map((a) => [a.name, a.value, a.unit, `${a.zh} / ${a.en}`])]), '');
  }
  const groups = p.population?.byAgeGroup;
  if (byAge && groups) {
    const shown = groups.filter((y, i) => i === 0 || i === groups.length - 1 || (y.year - groups[0]!.year) % 10 === 0);
    for (const y of shown) {
      out.push(`== ${y.year} 年龄结构 population by age group (人 persons) ==`);
      const head = ['年龄 age', '人口 population', ...STATUSES.map((s) => STATUS_NAMES[s].zh)];
      const body = AGE_GROUPS.map((g, i) => [g, String(Math.round(SEXES.reduce((t, s) => t + y.population[s][i]!, 0))), ...STATUSES.map((st) => String(Math.round(SEXES.reduce((t, s) => t + y.byStatus[st][s][i]!, 0))))]);
      out.push(table([head, ...body]), '');
    }
  }
  return out.join('\n');
}
