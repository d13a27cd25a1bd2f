/**
 * A baseline against the rules in force: the per-capita standards a report
 * states (人均财政补助, 个人缴费标准) compared with the minimums that the
 * rules set for that year. A standard below its minimum is a finding, with both figures.
 */
import { D, type Dec } from '../common/money.ts';
import { parseMonth } from '../common/period.ts';
import { resolveFast } from '../engine/index.ts';
import type { Provenance } from '../engine/resolve.ts';
import type { PolicyStack } from '../engine/stack.ts';
import { parsePeriod } from './periods.ts';
import type { Baseline } from './types.ts';

export interface ComplianceFinding {
  fund: string;
  period: string;
  /** The baseline figure's place, e.g. /funds/resident/periods/2022/perCapita/parts/subsidy. */
  pointer: string;
  stated: Dec;
  quote?: string;
  minimumParam: string;
  minimum: Dec;
  minimumFrom: Provenance;
  message: string;
}

const CHECKS = [
  { part: 'subsidy', minimum: 'resident.subsidy.minimum', label: 'per-capita subsidy' },
  { part: 'individual', minimum: 'resident.individual.minimum', label: 'individual contribution' },
] as const;

export function checkCompliance(b: Baseline, stack: PolicyStack): ComplianceFinding[] {
  const out: ComplianceFinding[] = [];
  for (const [fundId, fund] of Object.entries(b.funds)) {
    if (fund.kind !== 'resident') continue;
    for (const [key, period] of Object.entries(fund.periods)) {
      const parts = period.perCapita?.parts;
      const p = parsePeriod(key);
      if (!parts || !p) continue;
      const res = resolveFast(stack, { month: parseMonth(`${p.year}-${String(p.firstMonth).padStart(2, '0')}`)!, category: 'resident', aid: 'none' });
      for (const check of CHECKS) {
        const node = parts[check.part];
        const min = res.values.get(check.minimum);
        if (!node?.value || !min || typeof min.value === 'string') continue;
        const stated = new D(node.value);
        if (stated.greaterThanOrEqualTo(min.value)) continue;
        const source = min.provenance.kind === 'rule' ? `${min.provenance.ruleSet} (${min.provenance.document})` : min.provenance.file;
        out.push({
          fund: fundId,
          period: key,
          pointer: `/funds/${fundId}/periods/${key}/perCapita/parts/${check.part}`,
          stated,
          quote: node.quote,
          minimumParam: check.minimum,
          minimum: min.value,
          minimumFrom: min.provenance,
          message: `${key} ${check.label} ${stated.toString()} 元 is below the minimum ${min.value.toString()} 元 set by ${source}`,
        });
      }
    }
  }
  return out;
}
