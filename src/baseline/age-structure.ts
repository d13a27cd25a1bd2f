/**
 * A region's own age structure in a baseline (`ageStructure`): its population
 * or its insured by age group and sex at the end of a year. The loader checks
 * what the schema cannot: groups that overlap or leave ages out, a last group
 * that is not open, negative counts, and totals that contradict the report's
 * insured counts by more than the printed figures' rounding allows. The
 * population model splits it into single years of age (src/population/region.ts).
 */
import { D, ZERO, type Dec } from '../common/money.ts';
import { localizedProblem, type InputProblem } from '../common/errors.ts';
import { message } from '../common/messages.ts';
import type { AgeStructure, Baseline, Figure, Node } from './types.ts';
import { UNIT_SPECS, type Unit } from './units.ts';

export interface AgeSpan {
  from: number;
  /** Inclusive; undefined for the open last group ("85+"). */
  to?: number;
}

export function parseAges(text: string): AgeSpan | undefined {
  const m = /^([0-9]{1,3})(?:-([0-9]{1,3})|(\+))$/.exec(text);
  if (!m) return undefined;
  return m[3] ? { from: Number(m[1]) } : { from: Number(m[1]), to: Number(m[2]) };
}

const persons = (f: Figure): Dec => new D(f.value).times(UNIT_SPECS[f.unit as Unit].factor);

/** Half the last printed place of a figure, in persons. */
function halfPlace(f: Figure, precision: Baseline['precision']): Dec {
  const p = f.precision ?? precision[f.unit];
  return p === undefined ? ZERO : new D(p).times(UNIT_SPECS[f.unit as Unit].factor).dividedBy(2);
}

/** The insured the report gives for a year: a combined fund's, or employees' plus residents'. */
export function reportedInsured(b: Baseline, year: string): { total: Dec; figures: Figure[] } | undefined {
  const fig = (n: Node | undefined): Figure | undefined => (n?.value && n.unit && n.quote ? { value: n.value, unit: n.unit, quote: n.quote, precision: n.precision } : undefined);
  const funds = Object.values(b.funds);
  const combined = funds.find((f) => f.kind === 'combined' && fig(f.periods[year]?.insured));
  if (combined) {
    const f = fig(combined.periods[year]!.insured)!;
    return { total: persons(f), figures: [f] };
  }
  const parts = funds.filter((f) => (f.kind === 'employee' || f.kind === 'resident') && fig(f.periods[year]?.insured)).map((f) => fig(f.periods[year]!.insured)!);
  if (parts.length === 0) return undefined;
  return { total: parts.reduce((s, f) => s.plus(persons(f)), ZERO), figures: parts };
}

/** Everything wrong with a baseline's age structure, each with its JSON path. */
export function ageStructureProblems(b: Baseline, file: string): InputProblem[] {
  const st = b.ageStructure;
  if (!st) return [];
  const out: InputProblem[] = [];
  const add = (path: string, zh: string, en: string) => out.push(localizedProblem(file, `/ageStructure${path}`, message('ageStructure.invalid', { zh, en })));
  const spans = st.groups.map((g) => parseAges(g.ages));
  let expected = 0;
  st.groups.forEach((g, i) => {
    const s = spans[i];
    if (!s) return add(`/groups/${i}/ages`, `"${g.ages}" 不是年龄组：请写成 "20-24"，最后一组写成 "85+"`, `"${g.ages}" is not an age group: write "20-24" or, for the last, "85+"`);
    if (s.to !== undefined && s.to < s.from) return add(`/groups/${i}/ages`, `"${g.ages}" 的终止年龄小于起始年龄`, `"${g.ages}" ends before it starts`);
    if (s.from > 100 || (s.to ?? 0) > 100) return add(`/groups/${i}/ages`, `"${g.ages}"：年龄最高到100，最高龄请用开口组，如 "85+"`, `"${g.ages}": ages go up to 100; use an open group such as "85+" for the oldest`);
    if (s.from < expected) add(`/groups/${i}/ages`, `"${g.ages}" 与前一组（${st.groups[i - 1]!.ages}）重叠；各组不能重叠`, `"${g.ages}" overlaps the group before it (${st.groups[i - 1]!.ages}); groups must not overlap`);
    else if (s.from > expected) add(`/groups/${i}/ages`, `"${g.ages}" 之前缺少 ${expected}-${s.from - 1} 岁；各组须从0岁起覆盖每个年龄`, `ages ${expected}-${s.from - 1} are missing before "${g.ages}"; the groups must cover every age from 0`);
    if (s.to === undefined && i !== st.groups.length - 1) add(`/groups/${i}/ages`, `只有最后一组可以是开口组（"${g.ages}"）`, `only the last group may be open ("${g.ages}")`);
    expected = Math.max(expected, (s.to ?? 100) + 1);
    for (const sex of ['male', 'female'] as const) {
      const f = g[sex];
      if (UNIT_SPECS[f.unit as Unit]?.dimension !== 'persons') add(`/groups/${i}/${sex}/unit`, `单位 "${f.unit}" 不是人数；请用 人 或 万人`, `unit "${f.unit}" is not a count of people; use 人 or 万人`);
      else if (new D(f.value).isNegative()) add(`/groups/${i}/${sex}/value`, `${f.value} ${f.unit}：人数不能为负`, `${f.value} ${f.unit}: a count of people cannot be negative`);
    }
  });
  const last = spans[spans.length - 1];
  if (last && last.to !== undefined) add(`/groups/${st.groups.length - 1}/ages`, `最后一组须为开口组，如 "${last.from}+"，以免遗漏高龄人口`, `the last group must be open, such as "${last.from}+", so that no one is left out`);
  if (out.length) return out;

  // Totals against the report's insured counts of the same year, within the printed rounding.
  const reported = reportedInsured(b, st.year);
  if (!reported) return out;
  const figures = st.groups.flatMap((g) => [g.male, g.female]);
  const sum = figures.reduce((s, f) => s.plus(persons(f)), ZERO);
  const tolerance = [...figures, ...reported.figures].reduce((s, f) => s.plus(halfPlace(f, b.precision)), ZERO);
  const r = reported.total;
  if (st.of === 'insured' && sum.minus(r).abs().greaterThan(tolerance)) {
    const printed = reported.figures.map((f) => `${f.value}${f.unit}`).join(' + ');
    add('/groups', `各组合计 ${sum.toString()} 参保人，而报告 ${st.year} 年参保 ${r.toString()} 人（${printed}）；差额超出四舍五入范围（±${tolerance.toString()}）`, `the groups add up to ${sum.toString()} insured, but the report gives ${r.toString()} insured in ${st.year} (${printed}); more than rounding allows (±${tolerance.toString()})`);
  }
  if (st.of === 'population' && r.minus(sum).greaterThan(tolerance)) {
    add('/groups', `各组合计 ${sum.toString()} 人，少于报告 ${st.year} 年的参保人数 ${r.toString()}`, `the groups add up to ${sum.toString()} people, fewer than the ${r.toString()} insured the report gives in ${st.year}`);
  }
  return out;
}

/** Persons by single year of age 0..100 (100: 100 and over) and sex, float64. */
export interface SingleYearStructure {
  year: number;
  of: AgeStructure['of'];
  male: Float64Array;
  female: Float64Array;
}

/**
 * Single years of age: 5-year groups (with an open last group starting at a
 * multiple of 5) by the same mean-preserving split as the national data
 * (`split5`); any other group evenly over its ages; the open group in
 * proportion to `shape` (the national population at those ages).
 */
export function singleYearStructure(
  st: AgeStructure,
  shape: { male: ArrayLike<number>; female: ArrayLike<number> },
  split5: (groups: readonly number[]) => number[],
): SingleYearStructure {
  const spans = st.groups.map((g) => parseAges(g.ages)!);
  const closed = spans.slice(0, -1);
  const open = spans[spans.length - 1]!;
  const fiveYear = closed.length >= 3 && closed.every((s, i) => s.from === i * 5 && s.to === i * 5 + 4);
  const out = { year: Number(st.year), of: st.of, male: new Float64Array(101), female: new Float64Array(101) };
  for (const sex of ['male', 'female'] as const) {
    const counts = st.groups.map((g) => persons(g[sex]).toNumber());
    const arr = out[sex];
    if (fiveYear) split5(counts.slice(0, -1)).forEach((v, x) => (arr[x] = v));
    else closed.forEach((s, i) => { for (let x = s.from; x <= s.to!; x++) arr[x] = counts[i]! / (s.to! - s.from + 1); });
    let weight = 0;
    for (let x = open.from; x <= 100; x++) weight += shape[sex][x]!;
    for (let x = open.from; x <= 100; x++) arr[x] = weight > 0 ? (counts[counts.length - 1]! * shape[sex][x]!) / weight : counts[counts.length - 1]! / (101 - open.from);
  }
  return out;
}
