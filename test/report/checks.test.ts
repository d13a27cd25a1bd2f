/**
 * Beside the numbers: each fund's subsidy by level in its own columns, results
 * an assumption made absurd, and the reason for every indicator not computed.
 */
import { describe, expect, it } from 'vitest';
import { indicatorGaps, sanityWarnings, subsidyByFund } from '../../src/report/checks.ts';
import { wan2 } from '../../src/report/summary.ts';
import { exampleDoc, runDoc, runExample } from '../scenario/helpers.ts';

describe('subsidy by level, per fund', () => {
  it("keeps medical aid's subsidy out of the resident columns (banner 2022, seed 000)", async () => {
    const { projection } = await runExample('banner-2022.json');
    const byFund = subsidyByFund(projection);
    expect(byFund.map((s) => s.fund)).toEqual(['resident', 'aid']);
    const at2022 = (fund: string) => byFund.find((s) => s.fund === fund)!.years[0]!;
    // 居民: 中央3114万元，自治区663万元，市85.02万元，旗县270.89万元 (sum 4132.91)
    const r = at2022('resident');
    expect([wan2(r.central), wan2(r.region), wan2(r.city), wan2(r.county), wan2(r.unspecified)]).toEqual(['3114.00', '663.00', '85.02', '270.89', '0.00']);
    // 医疗救助: 403.61 / 0 / 96.38 / 112.88 (the chart of seed 000)
    const a = at2022('aid');
    expect([wan2(a.central), wan2(a.region), wan2(a.city), wan2(a.county)]).toEqual(['403.61', '0.00', '96.38', '112.88']);
  });
});

describe('sanity warnings', () => {
  it('none for the example scenarios as shipped, a fund exhausted within the horizon included', async () => {
    // With the population model the banner's residents age: their fund is exhausted within the horizon and its
    // months payable are below zero from then on (test/population/model.test.ts shows why costs rise with age):
    // a projection, not an impossible result.
    for (const name of ['banner-2022.json', 'city-2021.json', 'xinjiang-2020.json', 'national-2022.json']) {
      const p = (await runExample(name)).projection;
      if (name === 'banner-2022.json') expect(p.funds.find((f) => f.id === 'resident')!.years.some((y) => y.monthsPayable?.isNegative())).toBe(true);
      expect(sanityWarnings(p), name).toEqual([]);
    }
  });

  it('none beyond the bound for the national funds to 2060, whose balances pass 10 万亿元 and whose deficits reach 38-57 times their 2022 income', async () => {
    // Bulletins 2022: employee income 20793.27 亿元, resident 10128.90 亿元; 1000 times each is far beyond any year to 2060.
    const p = (await runDoc({ ...exampleDoc('national-2022.json'), until: 2060 })).projection;
    const employee = p.funds.find((f) => f.id === 'employee')!;
    // the fixed 10 万亿元 bound alone would have warned: the employee balance passes it
    expect(employee.years.some((y) => y.cumulative.abs().greaterThan('1e13'))).toBe(true);
    expect(sanityWarnings(p).filter((w) => w.kind === 'beyond-bound')).toEqual([]);
  }, 60_000);

  it('residents shrinking by 99.99% a year fall below one person in the second year', async () => {
    // The banner's insured residents (tens of thousands, below 10^8) × 0.0001² < 1 in 2024; × 0.0001 ≥ 1 in 2023.
    const doc = { ...exampleDoc('banner-2022.json'), until: 2026, assumptions: { regionTier: 3, growth: { resident: '-99.99' } } };
    const w = sanityWarnings((await runDoc(doc)).projection);
    expect(w.map((x) => [x.kind, x.year])).toEqual([['below-one-person', 2024]]);
    expect(w[0]!.en).toMatch(/^insured resident fall below one person in 2024 \(/);
  });

  it('costs doubling every year to 2060: amounts beyond 10 万亿元, once per fund (the exhaustion before it is no warning)', async () => {
    const doc = { ...exampleDoc('banner-2022.json'), until: 2060, assumptions: { regionTier: 3, costGrowth: '100' } };
    const w = sanityWarnings((await runDoc(doc)).projection);
    const resident = w.filter((x) => x.fund === 'resident');
    expect(resident.map((x) => x.kind)).toEqual(['beyond-bound']);
    expect(new Set(w.map((x) => `${x.fund}/${x.kind}`)).size).toBe(w.length);
    // expenditure doubles each year: its first amount past 1e13 元 comes decades in, never in the first years
    expect(resident[0]!.year).toBeGreaterThan(2035);
  });
});

describe('indicators not computed say why', () => {
  it("the banner's civil-servant supplement has no expenditure, so no months payable and no warning level", async () => {
    const gaps = indicatorGaps((await runExample('banner-2022.json')).projection);
    expect(gaps.map((g) => [g.fund, g.indicator, g.from, g.until])).toEqual([
      ['employee.civilServant', 'monthsPayable', 2022, 2035],
      ['employee.civilServant', 'warning', 2022, 2035],
    ]);
    expect(gaps[0]!.en).toBe('no expenditure: months payable divides the balance by monthly expenditure');
    expect(gaps[0]!.zh).toBe('无支出，可支付月数无法计算');
  });
});
