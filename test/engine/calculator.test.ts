import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/common/errors.ts';
import type { EmployeeContribution, ResidentContribution } from '../../src/calculator/person.ts';
import { calc, resolve, s } from '../helpers.ts';

const employee = async (q: Parameters<typeof calc>[0]) => (await calc(q)) as EmployeeContribution;
const resident = async (q: Parameters<typeof calc>[0]) => (await calc(q)) as ResidentContribution;
const CITY = 'city/medical-maternity-2021';

describe('the city (seed 001): floors, ceilings and 8.2% = 6.2% + 2%', () => {
  it('a 3000 元 wage in 2021-09 pays on the 5067 floor', async () => {
    // 5067 × 6.2% = 314.154 → 314.15; 5067 × 2% = 101.34; total 415.49 (= 8.2% of 5067, 415.494)
    const r = await employee({ rules: CITY, date: '2021-09', category: 'in-service', wage: '3000' });
    expect(s(r.base)).toBe('5067');
    expect(s(r.employer)).toBe('314.15');
    expect(s(r.individual)).toBe('101.34');
    expect(s(r.total)).toBe('415.49');
    // the individual 2% goes to the personal account, the employer's part to pooling
    expect(s(r.personalAccount)).toBe('101.34');
    expect(s(r.pooling)).toBe('314.15');
    // maternity 0.5% employer-only on the same floor: 25.335 → 25.34
    expect(s(r.maternity?.employer)).toBe('25.34');
  });

  it('uses the 2021 H1 floor 4674 and ceiling 17529 before July 2021', async () => {
    const low = await employee({ rules: CITY, date: '2021-06', category: 'in-service', wage: '3000' });
    expect(s(low.base)).toBe('4674'); // 4674 × 6.2% = 289.788 → 289.79
    expect(s(low.employer)).toBe('289.79');
    const high = await employee({ rules: CITY, date: '2021-01', category: 'in-service', wage: '25000' });
    expect(s(high.base)).toBe('17529'); // 17529 × 2% = 350.58
    expect(s(high.individual)).toBe('350.58');
    expect(s(high.maternity?.base)).toBe('17529');
  });

  it('caps at 19002 from 2021-07, while maternity has its own 22941 ceiling', async () => {
    const r = await employee({ rules: CITY, date: '2021-07', category: 'in-service', wage: '30000' });
    expect(s(r.base)).toBe('19002'); // 19002 × 6.2% = 1178.124 → 1178.12
    expect(s(r.employer)).toBe('1178.12');
    expect(s(r.maternity?.base)).toBe('22941'); // 22941 × 0.5% = 114.705 → 114.71
    expect(s(r.maternity?.employer)).toBe('114.71');
  });

  it('a wage between floor and ceiling is its own base', async () => {
    const r = await employee({ rules: CITY, date: '2021-10', category: 'in-service', wage: '8888.88' });
    expect(s(r.base)).toBe('8888.88'); // × 6.2% = 551.11056 → 551.11; × 2% = 177.7776 → 177.78
    expect(s(r.employer)).toBe('551.11');
    expect(s(r.individual)).toBe('177.78');
  });

  it('from 2022-03 the floor is 60% of the average wage of the year before last', async () => {
    // an average monthly wage of 8445 in 2020 gives 8445 × 60% = 5067; of 9000, 5400
    const series = { avgMonthlyWage: { '2020': '9000' } };
    const r = await employee({ rules: CITY, date: '2022-03', category: 'in-service', wage: '3000', series });
    expect(s(r.base)).toBe('5400');
    const feb = await employee({ rules: CITY, date: '2022-02', category: 'in-service', wage: '3000', series });
    expect(s(feb.base)).toBe('5067');
  });

  it('refuses 2022-03 without the 2020 average wage, naming the rule and the series', async () => {
    const err = await employee({ rules: CITY, date: '2022-03', category: 'in-service', wage: '3000' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const p = (err as InputError).problems[0]!;
    expect(p.file).toBe('rules/city/medical-maternity-2021.json');
    expect(p.path).toBe('/rules/5/event/params/employee.base.floor/percentOf');
    expect(p.reason).toContain('avgMonthlyWage for 2020');
  });

  it('flexible employment pays 4.8% of last year\'s average wage, all by the person', async () => {
    // 8445 × 4.8% = 405.36
    const r = await employee({ rules: CITY, date: '2021-09', category: 'flexible', series: { avgMonthlyWage: { '2020': '8445' } } });
    expect(s(r.base)).toBe('8445');
    expect(s(r.individual)).toBe('405.36');
    expect(s(r.employer)).toBe('0');
  });

  it('residents: 250 + 550 in 2021 and 320 + 610 in 2022, both reported below the national minimum of 2021', async () => {
    const r21 = await resident({ rules: CITY, date: '2021-05', category: 'resident' });
    expect(s(r21.fundingPerCapita)).toBe('800');
    const r22 = await resident({ rules: CITY, date: '2022-05', category: 'resident' });
    expect([s(r22.standard), s(r22.subsidy)]).toEqual(['320', '610']);
    const res = await resolve({ rules: CITY, date: '2021-05', category: 'resident' });
    // national 2021 minimums: individual 320, subsidy 580
    expect(res.compliance.map((c) => [c.param, s(c.value), s(c.minimum)])).toEqual([
      ['resident.individual.standard', '250', '320'],
      ['resident.subsidy.standard', '550', '580'],
    ]);
    const res22 = await resolve({ rules: CITY, date: '2022-05', category: 'resident' });
    // 2022: 320 < 350 (individual), 610 = 610 (subsidy) is compliant
    expect(res22.compliance.map((c) => c.param)).toEqual(['resident.individual.standard']);
  });

  it('records where each value came from', async () => {
    const res = await resolve({ rules: CITY, date: '2021-09', category: 'in-service' });
    const floor = res.values.get('employee.base.floor')!;
    expect(floor.provenance).toMatchObject({
      kind: 'rule',
      ruleSet: CITY,
      rule: 'floor-2021-07',
      path: '/rules/4/event/params/employee.base.floor',
      quote: '下限是5067元/月',
    });
  });
});

describe('Xinjiang (seed 002): the employer rate halved for 2020-02..2020-06', () => {
  const XJ = 'xinjiang/employee-2020';
  it('charges 4.9% in service and 4.5% for retirees during the cut, 9.8% and 9% outside it', async () => {
    // 10000 × 4.9% = 490; × 9.8% = 980; retiree 5000 × 4.5% = 225, × 9% = 450
    expect(s((await employee({ rules: XJ, date: '2020-02', category: 'in-service', wage: '10000' })).employer)).toBe('490');
    expect(s((await employee({ rules: XJ, date: '2020-06', category: 'in-service', wage: '10000' })).employer)).toBe('490');
    expect(s((await employee({ rules: XJ, date: '2020-01', category: 'in-service', wage: '10000' })).employer)).toBe('980');
    expect(s((await employee({ rules: XJ, date: '2020-07', category: 'in-service', wage: '10000' })).employer)).toBe('980');
    expect(s((await employee({ rules: XJ, date: '2020-04', category: 'retiree', wage: '5000' })).employer)).toBe('225');
    expect(s((await employee({ rules: XJ, date: '2020-12', category: 'retiree', wage: '5000' })).employer)).toBe('450');
    // the individual 2% is not cut: 10000 × 2% = 200
    expect(s((await employee({ rules: XJ, date: '2020-03', category: 'in-service', wage: '10000' })).individual)).toBe('200');
  });
});

describe('Inner Mongolia (seed 004): subsidy split and medical aid', () => {
  const IM = 'inner-mongolia/resident-2022';
  it('splits 610 as 80% central, then 30/50/70% of the rest to the region by tier', async () => {
    // 610 × 80% = 488 central; rest 122. Tier 1: region 36.60, remainder 85.40 → city 42.70, county 42.70 (default 50/50)
    // Tier 2: region 61, remainder 61 → 30.50 + 30.50. Tier 3: region 85.40, remainder 36.60 → 18.30 + 18.30
    const expected = { 1: ['488', '36.6', '42.7', '42.7'], 2: ['488', '61', '30.5', '30.5'], 3: ['488', '85.4', '18.3', '18.3'] };
    for (const tier of [1, 2, 3] as const) {
      const r = await resident({ rules: IM, date: '2022-09', category: 'resident', regionTier: tier });
      expect(s(r.subsidy)).toBe('610');
      const sp = r.split!;
      expect([s(sp.central), s(sp.region), s(sp.city), s(sp.county)]).toEqual(expected[tier]);
    }
  });

  it('says a tier is needed to split the subsidy', async () => {
    const r = await resident({ rules: IM, date: '2022-09', category: 'resident' });
    expect(r.split).toBeUndefined();
    expect(r.splitMissing).toContain('--region-tier');
  });

  it('individual at least 360 in 2022 and 380 in 2023', async () => {
    expect(s((await resident({ rules: IM, date: '2022-01', category: 'resident' })).standard)).toBe('360');
    expect(s((await resident({ rules: IM, date: '2023-12', category: 'resident' })).standard)).toBe('380');
  });

  it('特困 are paid in full; 低保 and 返贫致贫 at least 45% of the individual standard from 2023', async () => {
    const tekun = await resident({ rules: IM, date: '2022-03', category: 'resident', aid: 'tekun' });
    expect([s(tekun.aidPays), s(tekun.personPays)]).toEqual(['360', '0']);
    // 380 × 45% = 171; the person pays 380 - 171 = 209
    for (const aid of ['dibao', 'fanpin'] as const) {
      const r = await resident({ rules: IM, date: '2023-03', category: 'resident', aid });
      expect([s(r.aidPays), s(r.personPays)]).toEqual(['171', '209']);
    }
  });

  it('leaves the 2022 低保 amount to the locality: a clear error, or a scenario value', async () => {
    const err = await resident({ rules: IM, date: '2022-03', category: 'resident', aid: 'dibao' }).catch((e: unknown) => e);
    expect((err as InputError).message).toContain('aid.dibao.subsidy has no value for 2022-03');
    const r = await resident({
      rules: IM, date: '2022-03', category: 'resident', aid: 'dibao',
      overrides: [{ param: 'aid.dibao.subsidy', value: '200', file: 'scenario', path: '/overrides/0' }],
    });
    expect([s(r.aidPays), s(r.personPays)]).toEqual(['200', '160']);
  });

  it('the banner reports 380 + 580 = 960 in 2022, and its 580 is below the region\'s 610', async () => {
    const r = await resident({ rules: 'banner/resident-2022', date: '2022-06', category: 'resident' });
    expect(s(r.fundingPerCapita)).toBe('960');
    const res = await resolve({ rules: 'banner/resident-2022', date: '2022-06', category: 'resident' });
    expect(res.compliance.map((c) => [c.param, s(c.value), s(c.minimum), c.minimumFrom.kind === 'rule' ? c.minimumFrom.ruleSet : ''])).toEqual([
      ['resident.subsidy.standard', '580', '610', 'inner-mongolia/resident-2022'],
    ]);
  });
});

describe('national minimum resident standards 2019-2025', () => {
  it.each([
    ['2019-06', '250', '520'],
    ['2020-06', '280', '550'],
    ['2021-06', '320', '580'],
    ['2022-06', '350', '610'],
    ['2023-06', '380', '640'],
    ['2024-06', '400', '670'],
    ['2025-06', '400', '700'],
    ['2030-06', '500', '850'], // the 2025 standard uprated at the recent pace: 400 + 5 × 20, 700 + 5 × 30
  ])('%s: individual %s, subsidy %s', async (date, individual, subsidy) => {
    const res = await resolve({ rules: 'national/resident-minimum', date, category: 'resident' });
    expect(s(res.values.get('resident.individual.minimum')?.value)).toBe(individual);
    expect(s(res.values.get('resident.subsidy.minimum')?.value)).toBe(subsidy);
  });

  it('has no standard before 2019', async () => {
    const res = await resolve({ rules: 'national/resident-minimum', date: '2018-12', category: 'resident' });
    expect(res.values.has('resident.individual.minimum')).toBe(false);
  });
});
