/**
 * Benefits by medical service and the cost trend of each: where a report gives
 * a fund's base-year benefits by service, the fund's cost index is the
 * base-year-share-weighted sum of one index per service, each growing at its
 * own trend (`assumptions.costGrowthByService`, by default the overall
 * `costGrowth`, so a scenario that sets nothing projects as without it).
 *
 * Where the shares come from (the baseline's quoted figures):
 * - benefits by service (`expenditure.benefits.parts`: 门诊 outpatient, 住院
 *   inpatient; the county, seed 003): the amounts themselves, the rest of the
 *   benefits (转移支出) "other";
 * - visits × cost per visit by service (the city, seed 001: 特定门诊, 住院,
 *   普通门诊 by members in service and retirees): the medical costs of each
 *   service, taken as the fund's spending on it (an assumption: the fund pays
 *   the same share of each), the rest of the benefits "other"; where the visits
 *   cost more than the benefits, the shares are those of the visits.
 * The index is float64 (a ratio, not money); amounts are exact.
 */
import { D, ZERO, type Dec } from '../common/money.ts';
import type { Node } from '../baseline/types.ts';
import { growthIndex } from './growth.ts';
import { UNIT_SPECS, type Unit } from '../baseline/units.ts';

export const SERVICES = ['inpatient', 'specialOutpatient', 'generalOutpatient', 'outpatient', 'other'] as const;
export type Service = (typeof SERVICES)[number];

export const SERVICE_NAMES: Record<Service, { zh: string; en: string }> = {
  inpatient: { zh: '住院', en: 'inpatient' },
  specialOutpatient: { zh: '门诊慢特病（特定门诊）', en: 'special outpatient' },
  generalOutpatient: { zh: '普通门诊', en: 'general outpatient' },
  outpatient: { zh: '门诊（报告未分普通、特定）', en: 'outpatient (not split by the report)' },
  other: { zh: '其他待遇（报告未按服务列出）', en: 'other benefits (not given by service)' },
};

/** A fund's base-year benefits by service. */
export interface ServiceMix {
  /** Amounts by service, 元 (visits × cost per visit where the basis is visits). */
  amounts: Partial<Record<Service, Dec>>;
  /** Each service's share of the base-year benefits, float64, summing to 1. */
  shares: Partial<Record<Service, number>>;
  basis: 'benefits' | 'visits';
  /** The sentence the figures were read from. */
  quote: string;
}

function amount(node: Node | undefined): Dec | undefined {
  if (!node?.value || !node.unit) return undefined;
  return new D(node.value).times(UNIT_SPECS[node.unit as Unit].factor);
}

/** Visit categories of the baseline format, by service. */
const VISIT_SERVICE: Record<string, Service> = {
  inServiceSpecialOutpatient: 'specialOutpatient',
  retiredSpecialOutpatient: 'specialOutpatient',
  specialOutpatient: 'specialOutpatient',
  inServiceInpatient: 'inpatient',
  retiredInpatient: 'inpatient',
  inpatient: 'inpatient',
  generalOutpatient: 'generalOutpatient',
  inServiceGeneralOutpatient: 'generalOutpatient',
  retiredGeneralOutpatient: 'generalOutpatient',
};

const BENEFIT_SERVICE: Record<string, Service> = { inpatient: 'inpatient', outpatient: 'outpatient', specialOutpatient: 'specialOutpatient', generalOutpatient: 'generalOutpatient' };

/**
 * The mix of one fund's base-year period: from its benefits by service where
 * given, else from its visits × cost per visit; undefined where neither gives
 * a service.
 */
export function serviceMixOf(period: { expenditure?: Node; visits?: Node }): ServiceMix | undefined {
  const benefits = period.expenditure?.parts?.benefits;
  const whole = amount(benefits);
  const amounts: Partial<Record<Service, Dec>> = {};
  let basis: ServiceMix['basis'] = 'benefits';
  let quote = '';
  for (const [name, part] of Object.entries(benefits?.parts ?? {})) {
    const s = BENEFIT_SERVICE[name];
    const v = amount(part);
    if (!s || !v) continue;
    amounts[s] = (amounts[s] ?? ZERO).plus(v);
    quote ||= part.quote ?? '';
  }
  if (Object.keys(amounts).length === 0) {
    basis = 'visits';
    for (const [name, part] of Object.entries(period.visits?.parts ?? {})) {
      const s = VISIT_SERVICE[name];
      const n = amount(part);
      const c = part.costPerVisit?.value;
      if (!s || !n || !c) continue;
      amounts[s] = (amounts[s] ?? ZERO).plus(n.times(c));
      quote ||= part.quote ?? '';
    }
  }
  const named = Object.values(amounts).reduce<Dec>((t, v) => t.plus(v!), ZERO);
  if (named.isZero()) return undefined;
  const total = whole && whole.greaterThan(named) ? whole : named;
  if (total.greaterThan(named)) amounts.other = total.minus(named);
  const shares: Partial<Record<Service, number>> = {};
  for (const s of SERVICES) if (amounts[s]) shares[s] = amounts[s]!.dividedBy(total).toNumber();
  return { amounts, shares, basis, quote };
}

/**
 * A fund's price index relative to the base year, float64: Σ share(s) × the
 * index of service s, a service with a trend of its own at (1 + trend)^t, the
 * others at `overall` (the costGrowth index, with any yearly shocks). Without
 * a mix, or with no service on a trend of its own, exactly `overall`.
 */
export function serviceCostIndex(mix: ServiceMix | undefined, trends: Partial<Record<Service, number>>, overall: number, t: number): number {
  if (!mix) return overall;
  const own = (Object.keys(trends) as Service[]).filter((s) => (mix.shares[s] ?? 0) > 0);
  if (own.length === 0) return overall;
  let index = 0;
  for (const s of Object.keys(mix.shares) as Service[]) {
    const trend = trends[s];
    index += mix.shares[s]! * (trend === undefined ? overall : growthIndex(trend, t));
  }
  return index;
}
