/**
 * The fiscal subsidy split across government levels (seed 004): the central
 * share first, then the region pays its tier's share of the rest, and the
 * city and county share what remains. The county takes the last fen, so the
 * parts always add up to the whole.
 */
import { percentOf, toFen, type Dec } from '../common/money.ts';

export interface SubsidySplit {
  total: Dec;
  central: Dec;
  region: Dec;
  city: Dec;
  county: Dec;
}

export interface SplitShares {
  /** Percent of the total paid by the central government. */
  central: Dec;
  /** Percent of the non-central part paid by the region (province). */
  regionOfRest: Dec;
  /** Percent of what remains after central and region paid by the city. */
  cityOfRemainder: Dec;
}

/** @param round round each part to the fen (amounts charged per person); off for aggregate amounts. */
export function splitSubsidy(total: Dec, shares: SplitShares, round = true): SubsidySplit {
  const r = round ? toFen : (v: Dec) => v;
  const central = r(percentOf(total, shares.central));
  const rest = total.minus(central);
  const region = r(percentOf(rest, shares.regionOfRest));
  const remainder = rest.minus(region);
  const city = r(percentOf(remainder, shares.cityOfRemainder));
  return { total, central, region, city, county: remainder.minus(city) };
}
