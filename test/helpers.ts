import { calculatePerson } from '../src/calculator/person.ts';
import { D } from '../src/common/money.ts';
import { parseMonth } from '../src/common/period.ts';
import { composeStack, resolveWithEngine, type AidStatus, type Category, type Override, type RegionTier, type SeriesData } from '../src/engine/index.ts';
import { loadCatalog } from '../src/rules/catalog-node.ts';

export function stackOf(id: string) {
  const catalog = loadCatalog();
  return composeStack([id], (x) => catalog.get(x), catalog.registry);
}

export interface Query {
  rules: string;
  date: string;
  category: Category;
  aid?: AidStatus;
  regionTier?: RegionTier;
  wage?: string;
  series?: SeriesData;
  overrides?: Override[];
}

export async function resolve(q: Query) {
  return resolveWithEngine(stackOf(q.rules), { month: parseMonth(q.date)!, category: q.category, aid: q.aid ?? 'none', regionTier: q.regionTier }, { series: q.series, overrides: q.overrides });
}

export async function calc(q: Query) {
  const res = await resolve(q);
  return calculatePerson(res, q.wage === undefined ? undefined : new D(q.wage));
}

/** Decimal → string for compact assertions. */
export const s = (v: { toString(): string } | undefined) => v?.toString();
