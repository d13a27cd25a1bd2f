/**
 * Benefits by service with a cost trend per service (src/model/services.ts):
 * the base-year shares come from the reports' own figures, and a fund's cost
 * index is the share-weighted sum of the services' indices.
 */
import { describe, expect, it } from 'vitest';
import type { Node } from '../../src/baseline/types.ts';
import { assumptionsInForce } from '../../src/report/assumptions.ts';
import { serviceMixOf } from '../../src/model/services.ts';
import { baselineJson, exampleDoc, fundOf, runDoc, s, yearOf } from '../scenario/helpers.ts';

const countyPeriod = (fund: string) => (baselineJson('county-2019') as { funds: Record<string, { periods: Record<string, { expenditure?: Node; visits?: Node }> }> }).funds[fund]!.periods['2019']!;

describe('base-year benefits by service', () => {
  it('the county (seed 003): 门诊 2151.69万元 and 住院 837.63万元 of the employee benefits 2992.48万元, 转移 3.16万元 other', () => {
    const m = serviceMixOf(countyPeriod('employee'))!;
    expect(m.basis).toBe('benefits');
    expect(s(m.amounts.outpatient)).toBe('21516900');
    expect(s(m.amounts.inpatient)).toBe('8376300');
    expect(s(m.amounts.other)).toBe('31600');
    expect(m.shares.outpatient).toBeCloseTo(2151.69 / 2992.48, 12);
    expect(m.shares.inpatient).toBeCloseTo(837.63 / 2992.48, 12);
    expect(m.quote).toContain('门诊支出2151.69万元，住院支出837.63万元');
  });

  it('the county’s residents: 门诊 93万元 and 住院 3193.72万元, nothing else', () => {
    const m = serviceMixOf(countyPeriod('resident'))!;
    expect(s(m.amounts.outpatient)).toBe('930000');
    expect(s(m.amounts.inpatient)).toBe('31937200');
    expect(m.amounts.other).toBeUndefined();
    expect(m.shares.inpatient! + m.shares.outpatient!).toBeCloseTo(1, 15);
  });

  it('the city (seed 001): visits × cost per visit, the rest of the benefits other', async () => {
    const { prepared } = await runDoc(exampleDoc('city-2021.json'));
    const m = prepared.input.base.serviceMix!.employee!;
    expect(m.basis).toBe('visits');
    // 住院 4.58万人次 × 7364.81 + 10.18万人次 × 8483.68 = 337308298 + 863638624
    expect(s(m.amounts.inpatient)).toBe('1200946922');
    // 特定门诊 47.42万人次 × 400.61 + 61.55万人次 × 301.2 = 189969262 + 185388600
    expect(s(m.amounts.specialOutpatient)).toBe('375357862');
    // 待遇支出 298861万元 − both
    expect(s(m.amounts.other)).toBe(String(2988610000 - 1200946922 - 375357862));
    const r = prepared.input.base.serviceMix!.resident!;
    // 普通门诊 31.30万人次 × 31.26; 特定门诊 106.53万人次 × 402.19; 住院 61.48万人次 × 5044.10
    expect(s(r.amounts.generalOutpatient)).toBe('9784380');
    expect(s(r.amounts.specialOutpatient)).toBe('428453007');
    expect(s(r.amounts.inpatient)).toBe('3101112680');
  });
});

describe('a cost trend per service', () => {
  const doc = (extra: object) => {
    const d = exampleDoc('city-2021.json');
    // the population held still (counts flat), so the benefit line moves by the cost index alone
    return { ...d, until: 2023, assumptions: { ...(d.assumptions as object), population: { model: 'none' }, ...extra } };
  };

  it('inpatient 10 points above the rest: the city’s 2022 employee benefits by hand', async () => {
    const { projection: p } = await runDoc(doc({ costGrowthByService: { inpatient: '14' } }));
    // 298861万元 × (1.14 × inpatient share + 1.04 × the rest) × 1.01 (use), inpatient share 1200946922 / 2988610000:
    //   1.01 × (2988610000 × 1.04 + 0.10 × 1200946922) = 1.01 × 3228249092.2 = 3260531583.122
    expect(s(yearOf(fundOf(p, 'employee'), 2022).expenditure.benefits)).toBe('3260531583.12');
    // without: 2988610000 × 1.04 × 1.01 = 3139235944
    const { projection: q } = await runDoc(doc({}));
    expect(s(yearOf(fundOf(q, 'employee'), 2022).expenditure.benefits)).toBe('3139235944');
  });

  it('every service at the overall trend projects exactly as no trend per service', async () => {
    const { projection: a } = await runDoc(exampleDoc('city-2021.json'));
    const d = exampleDoc('city-2021.json');
    const all4 = { inpatient: '4', specialOutpatient: '4', generalOutpatient: '4', other: '4' };
    const { projection: b } = await runDoc({ ...d, assumptions: { ...(d.assumptions as object), costGrowthByService: all4 } });
    for (const f of a.funds) for (const y of f.years) expect(s(yearOf(fundOf(b, f.id), y.year).cumulative)).toBe(s(y.cumulative));
  });

  it('lists each fund’s shares and each service’s trend as assumptions, with their source', async () => {
    const { prepared, projection } = await runDoc(doc({ costGrowthByService: { inpatient: '14' } }));
    const rows = assumptionsInForce(prepared.input, { costGrowthByService: { inpatient: '14' } }, projection);
    const row = (name: string) => rows.find((r) => r.name === name)!;
    expect(row('baseline/serviceShare/employee/inpatient').value).toBe('40.18');
    expect(row('baseline/serviceShare/employee/inpatient').why.zh).toContain('住院4.58万人次');
    expect(row('assumptions/costGrowthByService/inpatient')).toMatchObject({ value: '14', origin: 'scenario' });
    expect(row('assumptions/costGrowthByService/specialOutpatient')).toMatchObject({ value: '4', origin: 'default' });
  });

  it('refuses a service it does not know, naming the path', async () => {
    await expect(runDoc(doc({ costGrowthByService: { dental: '5' } }))).rejects.toThrow(/costGrowthByService/);
  });
});
