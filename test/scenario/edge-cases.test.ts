/**
 * Edge cases found in review: each comment says what used to happen, the test
 * what happens now.
 */
import { describe, expect, it } from 'vitest';
import { exampleDoc, fundOf, prepareDoc, problemsOf, runDoc, yearOf } from './helpers.ts';

const FILE = 'reform.json';
const banner = () => exampleDoc('banner-2022.json');

describe('refusals at the right place', () => {
  // Before: TypeError "Cannot convert undefined or null to object" from latestFullYear in src/model/from-baseline.ts,
  // because prepareScenario (src/scenario/prepare.ts) passes an embedded baseline to toBaseYear without validating it
  // against seeds/baseline.schema.json.
  it('an embedded baseline that is not a baseline is refused at /baseline/embedded', async () => {
    const problems = await problemsOf(() => prepareDoc({ ...banner(), baseline: { embedded: {} } }, FILE));
    expect(problems.every((p) => p.file === FILE && p.path.startsWith('/baseline/embedded'))).toBe(true);
  });

  // Before prepareScenario checks only the override's parameter name. The value is evaluated during the projection:
  // "abc" throws DecimalError "Invalid argument: abc", 12 (a JSON number) throws TypeError "Cannot use 'in' operator",
  // { "param": "nope" } throws a plain Error "unknown parameter nope" from Registry.get. Checking each value with
  // valueProblems(o.value, o.param, registry, file, o.path + '/value') in prepareScenario would refuse all three.
  it('an override value that is not a value is refused at /overrides/i/value', async () => {
    for (const value of ['abc', 12, { param: 'nope' }]) {
      const problems = await problemsOf(() => prepareDoc({ ...banner(), overrides: [{ param: 'resident.individual.standard', value }] }, FILE));
      expect(problems).toHaveLength(1);
      expect(problems[0]!.path.startsWith('/overrides/0/value')).toBe(true);
    }
  });

  // Before: refused as "seeds/baselines/banner-2022.json at /funds: no fund reports income for 2019".
  it('a base year the baseline does not have is refused at /baseYear of the scenario', async () => {
    const problems = await problemsOf(() => prepareDoc({ ...banner(), baseYear: 2019 }, FILE));
    expect(problems.map((p) => [p.file, p.path])).toEqual([[FILE, '/baseYear']]);
  });
});

describe('a lever unset in the base year and set later', () => {
  // src/model/project.ts expenditureDriver: the resident benefits driver is residents × cost × (ratio ?? 1). The city's
  // rules set no inpatient reimbursement ratio, so the base-year driver uses 1 and a later year the percentage itself:
  // an override of 75 from 2026 multiplies benefits by about 79 (2025: 4554482782.59 元, 2026: 358802153612.64 元).
  // The same mix of kinds affects r.aidReimbursementRatio ?? 1, r.standard ?? 1, r.subsidy ?? 1, the subsidy split by
  // level (whole subsidy in the base year, a level's share later: the banner without a region tier and an override of
  // regionShareOfRest from 2026 cuts its central subsidy by 20%), and employee contributions (the wage mass in the base
  // year, the monthly mechanism once an employer rate is set: the banner's pooling income × 2900).
  it('moves benefits by the ratio of the new ratio to the old one, not by the percentage itself', async () => {
    const doc = { ...exampleDoc('city-2021.json'), overrides: [{ param: 'resident.inpatient.reimbursementRatio', value: '75', from: '2026-01' }] };
    const p = (await runDoc(doc)).projection;
    const r = fundOf(p, 'resident');
    const growth = yearOf(r, 2026).expenditure.benefits!.dividedBy(yearOf(r, 2025).expenditure.benefits!);
    expect(growth.lessThan(2)).toBe(true);
  });
});
