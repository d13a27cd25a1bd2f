/**
 * A rule set of any size for timing the loader: four rules a month, one month
 * each, from 2000-01 (contribution rates, floor and ceiling; the region's
 * subsidy share for each of the three region tiers, the same months with
 * conditions that never meet). 24,000 rules span 6,000 months.
 */
import { formatMonth, monthIndex } from '../src/common/period.ts';

export function largeRuleSet(rules: number, id = 'bench/large'): Record<string, unknown> {
  const out: Record<string, unknown>[] = [];
  for (let m = 0; out.length < rules; m++) {
    const month = formatMonth(monthIndex(2000, 1) + m);
    const period = { from: month, until: month };
    const source = { section: `generated month ${month}` };
    out.push({
      id: `rates-${month}`,
      ...period,
      event: { type: 'set', params: { 'employee.rate.employer': '6.2', 'employee.rate.individual': '2', 'employee.base.floor': '4000', 'employee.base.ceiling': '20000' } },
      source,
    });
    for (const tier of [1, 2, 3]) {
      if (out.length >= rules) break;
      out.push({
        id: `tier-${tier}-${month}`,
        ...period,
        conditions: { all: [{ fact: 'regionTier', operator: 'equal', value: tier }] },
        event: { type: 'set', params: { 'resident.subsidy.regionShareOfRest': String(10 + tier * 20) } },
        source,
      });
    }
  }
  return {
    id,
    title: { zh: '生成的大规则集', en: 'generated large rule set' },
    jurisdiction: { level: 'city', name: 'bench' },
    document: { title: 'generated' },
    precedence: 50,
    rules: out,
  };
}
