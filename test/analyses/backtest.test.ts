import { describe, expect, it } from 'vitest';
import { backtest } from '../../src/analyses/backtest.ts';
import { nodeEnvironment } from '../../src/scenario/node-env.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { exampleText, s, wan } from '../scenario/helpers.ts';

const example = (name: string) => loadScenario(JSON.parse(exampleText(name)), `seeds/scenarios/${name}`);

describe('backtest', () => {
  it('Xinjiang from 2019: 2020 expenditure by hand, beside the naive forecast', async () => {
    // Counts without the population model, so that they stay as the report's (the population model's own test is
    // below: between 2019 and 2020 people retire, and the expenditure it projects is higher).
    const flat = example('xinjiang-2020.json');
    flat.assumptions = { ...flat.assumptions, population: { model: 'none' } };
    const r = await backtest(flat, 'seeds/scenarios/xinjiang-2020.json', nodeEnvironment());
    expect(r.runs.map((x) => x.from)).toEqual([2019]);
    const row = r.rows.find((x) => x.fund === 'employee' && x.line === 'expenditure' && x.year === 2020)!;
    // seed 002, 2019: 待遇支出 265007 + 其他 3740 万元. 2019 prints no insured count and 2020 states no change, so the
    // counts stay as 2020's; cost per head grows 4% × 1% use: 265007 × 1.04 × 1.01 = 278363.3528, "other" stays 3740
    // (the average of its one reported year, flat driver): model 282103.3528 万元 against the reported 246656 (+14.37%).
    expect(s(row.reported)).toBe(s(wan('246656')));
    expect(s(row.model)).toBe(s(wan('282103.3528')));
    expect(row.modelError!.toDecimalPlaces(2).toString()).toBe('14.37');
    // The naive forecast has no 2018 to take a growth from: 2019 carried flat, 268747 (+8.96%)
    expect(s(row.naive)).toBe(s(wan('268747')));
    expect(row.naiveError!.toDecimalPlaces(2).toString()).toBe('8.96');
    expect(r.runs[0]!.caveats.some((c) => c.en.includes('insured in 2019 not reported: taken as 2020\'s'))).toBe(true);
    // With the population model, retirements between 2019 and 2020 raise the cost per insured person: a higher figure
    const aged = await backtest(example('xinjiang-2020.json'), 'seeds/scenarios/xinjiang-2020.json', nodeEnvironment());
    const agedRow = aged.rows.find((x) => x.fund === 'employee' && x.line === 'expenditure' && x.year === 2020)!;
    expect(agedRow.model!.greaterThan(row.model!)).toBe(true);
    expect(agedRow.model!.dividedBy(row.model!).lessThan('1.02')).toBe(true);
  });

  it('compares a half year with half the projected year (the city, 2022 H1)', async () => {
    const r = await backtest(example('city-2021.json'), 'seeds/scenarios/city-2021.json', nodeEnvironment());
    const rows = r.rows.filter((x) => x.from === 2021);
    expect(rows.every((x) => x.half && x.year === 2022)).toBe(true);
    // seed 001: 2022年上半年 employee income 217593, resident income 348032 万元
    expect(rows.filter((x) => x.line === 'income').map((x) => s(x.reported))).toEqual([s(wan('217593')), s(wan('348032'))]);
    expect(rows.some((x) => x.line === 'cumulative')).toBe(false);
  });

  it('uses only the data up to the start year and refuses a start year without a later report', async () => {
    const r = await backtest(example('banner-2022.json'), 'seeds/scenarios/banner-2022.json', nodeEnvironment(), 2021);
    expect(r.runs.map((x) => x.from)).toEqual([2021]);
    expect(r.rows.every((x) => x.year === 2022)).toBe(true);
    // from 2021 the report's 2022 deferral is not known, and the banner's resident 2022 is the report's −64.03%
    const res = r.rows.find((x) => x.fund === 'resident' && x.line === 'expenditure')!;
    expect(s(res.reported)).toBe(s(wan('1991.34')));
    await expect(backtest(example('banner-2022.json'), 'x', nodeEnvironment(), 2022)).rejects.toThrow(/--from.*2020, 2021/);
  });
});

describe('the national baseline (NHSA bulletins 2018-2022)', () => {
  it('quotes every figure verbatim from the bulletin table and prefers the 公报', async () => {
    const { readFileSync } = await import('node:fs');
    const b = JSON.parse(readFileSync(new URL('../../seeds/baselines/national-2022.json', import.meta.url), 'utf8')) as { funds: Record<string, { periods: Record<string, Record<string, { quote: string; note?: string; value: string }>> }> };
    const source = readFileSync(new URL('../../seeds/sources/national-bulletins.md', import.meta.url), 'utf8');
    const figures = Object.values(b.funds).flatMap((f) => Object.values(f.periods).flatMap((p) => Object.values(p)));
    for (const f of figures) expect(source, f.quote).toContain(f.quote);
    // a 快报 figure says so; the 2022 employee income is the 公报's 20793.27, not the 快报's 20637.18
    for (const f of figures.filter((x) => x.quote.includes('| 快报 |'))) expect(f.note, f.quote).toMatch(/快报/);
    expect(b.funds.employee!.periods['2022']!.income!.value).toBe('20793.27');
  });

  it('backtests from 2020 and 2021: the 2022 employee income from 2021 by hand', async () => {
    // employees by a stated growth alone (2021 to 2022 in the 公报: +2.29%), without the population model, as computed by hand below
    const flat = example('national-2022.json');
    flat.assumptions = { ...flat.assumptions, growth: { inService: '2.29', retiree: '2.29', resident: '-2.50' }, population: { model: 'none' } };
    const r = await backtest(flat, 'seeds/scenarios/national-2022.json', nodeEnvironment());
    expect(r.runs.map((x) => x.from)).toEqual([2020, 2021]);
    expect(r.skipped.map((x) => x.from)).toEqual([2018, 2019]);
    const row = r.rows.find((x) => x.from === 2021 && x.fund === 'employee' && x.line === 'income' && x.year === 2022)!;
    // No national rule sets employee rates: contributions follow employees × wages. 2021 income 19003.10 亿元 over
    // 26106 + 9324 = 35430 万 employees (公报), growing +2.29% and wages +5%:
    // 19003.10 × 1.0229 × 1.05 = 20410.1845 亿元 against the reported 20793.27 (−1.84%)
    expect(s(row.reported)).toBe(s(wan('207932700')));
    expect(row.model.dividedBy(1e8).toDecimalPlaces(4).toString()).toBe('20410.1845');
    expect(row.modelError!.toDecimalPlaces(2).toString()).toBe('-1.84');
  });
});
