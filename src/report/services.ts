/**
 * The assumptions of benefits by service: each fund's base-year share of
 * every service (from the report, with its sentence) and each service's cost
 * trend (the scenario's, or the overall costGrowth by default).
 */
import type { AssumptionsInput } from '../model/assumptions.ts';
import type { ProjectionInput } from '../model/project.ts';
import { SERVICE_NAMES, SERVICES, type Service } from '../model/services.ts';
import type { AssumptionEntry } from './assumptions.ts';
import { FUND_NAMES } from './names.ts';

export function serviceAssumptions(input: ProjectionInput, given: AssumptionsInput | undefined): AssumptionEntry[] {
  const mixes = input.base.serviceMix;
  if (!mixes) return [];
  const a = input.assumptions;
  const out: AssumptionEntry[] = [];
  const used = new Set<Service>();
  for (const fund of ['employee', 'resident'] as const) {
    const mix = mixes[fund];
    if (!mix) continue;
    for (const s of SERVICES) {
      const share = mix.shares[s];
      if (share === undefined) continue;
      used.add(s);
      const how =
        s === 'other'
          ? { zh: '待遇支出中报告未按服务列出的部分', en: 'the part of the benefits the report does not give by service' }
          : mix.basis === 'visits'
            ? { zh: `就诊人次×次均医疗费用（假设基金对各项服务支付比例相同）：“${mix.quote}”`, en: `visits × cost per visit (assuming the fund pays the same share of each service): “${mix.quote}”` }
            : { zh: `报告的分项待遇支出：“${mix.quote}”`, en: `the report's benefits by service: “${mix.quote}”` };
      out.push({
        name: `baseline/serviceShare/${fund}/${s}`,
        value: (share * 100).toFixed(2),
        unit: '%',
        origin: 'baseline',
        why: { zh: `${FUND_NAMES[fund].zh}${input.base.year}年待遇支出中${SERVICE_NAMES[s].zh}的比重：${how.zh}`, en: `${FUND_NAMES[fund].en}: ${SERVICE_NAMES[s].en} in the ${input.base.year} benefits: ${how.en}` },
      });
    }
  }
  for (const s of SERVICES) {
    if (!used.has(s)) continue;
    const own = given?.costGrowthByService?.[s] !== undefined;
    out.push({
      name: `assumptions/costGrowthByService/${s}`,
      value: (a.costGrowthByService[s] ?? a.costGrowth).toString(),
      unit: '%/年',
      origin: own ? 'scenario' : 'default',
      why: own
        ? { zh: '方案文件给定', en: 'set in the scenario file' }
        : { zh: `${SERVICE_NAMES[s].zh}费用年增长：未单独设定，同医疗费用价格年增长（costGrowth）`, en: `${SERVICE_NAMES[s].en} prices: no trend of their own, the overall costGrowth` },
    });
  }
  return out;
}
