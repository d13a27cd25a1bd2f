/**
 * The first projected year of each example baseline scenario is the report
 * it was built from, to the fen. Every expected figure below is copied from
 * the seed document named in the comment (万元 as printed).
 */
import { wageSeries } from '../../src/model/drivers.ts';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/common/money.ts';
import type { FundId } from '../../src/model/base-year.ts';
import type { Projection } from '../../src/model/project.ts';
import { nodeEnvironment } from '../../src/scenario/node-env.ts';
import { exampleDoc, fundOf, problemsOf, runDoc, runExample, s, wan, yearOf } from '../scenario/helpers.ts';

interface Reported {
  income: string;
  expenditure: string;
  current: string;
  cumulative: string;
  lines?: { income?: Record<string, string>; expenditure?: Record<string, string> };
}

function expectReport(p: Projection, id: FundId, year: number, r: Reported): void {
  const y = yearOf(fundOf(p, id), year);
  expect(s(y.incomeTotal), `${id} ${year} income`).toBe(s(wan(r.income)));
  expect(s(y.expenditureTotal), `${id} ${year} expenditure`).toBe(s(wan(r.expenditure)));
  expect(s(y.currentBalance), `${id} ${year} current balance`).toBe(s(wan(r.current)));
  expect(s(y.cumulative), `${id} ${year} cumulative`).toBe(s(wan(r.cumulative)));
  for (const [line, v] of Object.entries(r.lines?.income ?? {})) expect(s(y.income[line as keyof typeof y.income]), `${id} income ${line}`).toBe(s(wan(v)));
  for (const [line, v] of Object.entries(r.lines?.expenditure ?? {})) expect(s(y.expenditure[line as keyof typeof y.expenditure]), `${id} expenditure ${line}`).toBe(s(wan(v)));
}

describe('banner-2022.json starts from seed 000 (2022年旗医疗保障基金运行情况)', async () => {
  const { projection: p } = await runExample('banner-2022.json');

  it('starts in 2022', () => {
    expect(p.baseYear).toBe(2022);
    expect(p.counts[0]!.counts.resident!.toString()).toBe('65336'); // "2022年居民医保参保人数65336人"
  });

  it('reproduces the employee fund and its four sub-funds', () => {
    // "职工基本医疗保险基金收入43370.17万元" … "职工医疗保险基金总支出9396.57万元" …
    // "职工医疗保险基金当期结存33973.6万元" … "职工医疗保险基金期末累计结存158510.4万元"
    expectReport(p, 'employee', 2022, { income: '43370.17', expenditure: '9396.57', current: '33973.6', cumulative: '158510.4' });
    // "其中统筹基金收入31005.43万元" / "其中统筹基金支出4584.27万元" / "其中统筹基金当期结存26421.16万元" / "统筹基金累计结存104962.5万元"
    expectReport(p, 'employee.pooling', 2022, { income: '31005.43', expenditure: '4584.27', current: '26421.16', cumulative: '104962.5' });
    // "个人账户基金收入10895.63万元" / "个人账户基金支出4565.62万元" / "个人账户基金累计结存47935.58万元".
    // The report prints the current balance as "6330万元"; 10895.63 − 4565.62 = 6330.01, which the model keeps.
    expectReport(p, 'employee.account', 2022, { income: '10895.63', expenditure: '4565.62', current: '6330.01', cumulative: '47935.58' });
    // "大额医疗保险补助基金收入1240.4万元" / "支出245.77万元" / "当期结存994.63万元" / "累计结存4567.49万元"
    expectReport(p, 'employee.largeAmount', 2022, { income: '1240.4', expenditure: '245.77', current: '994.63', cumulative: '4567.49' });
    // "公务员医疗补助基金收入227.81万元" / "公务员医疗补助基金无支出" / "当期结存227.81万元" / "累计结存1044.83万元"
    expectReport(p, 'employee.civilServant', 2022, { income: '227.81', expenditure: '0', current: '227.81', cumulative: '1044.83' });
    // The four sub-funds' incomes sum to 43369.27, 0.9 万元 short of the stated 43370.17: kept as "other".
    expect(s(yearOf(fundOf(p, 'employee'), 2022).income.other)).toBe(s(wan('0.9')));
  });

  it('reproduces the resident fund line by line', () => {
    // "2022年居民医疗保险基金收入6692.82万元 … 其中各级财政补助收入4132.91万元（中央级财政补助收入3114万元，自治区级财政补助收入663万元，
    //  市级财政补助收入85.02万元，旗县级财政补助收入270.89万元）… 个人缴费收入2546.22万元"
    // "居民医疗保险基金支出1991.34万元" / "累计结存6909.85万元". The report's current balance 4701.49 is 0.01 above
    // 6692.82 − 1991.34 = 4701.48, which the model keeps; the unexplained 6692.82 − 2546.22 − 4132.91 = 13.69 is "other".
    expectReport(p, 'resident', 2022, {
      income: '6692.82',
      expenditure: '1991.34',
      current: '4701.48',
      cumulative: '6909.85',
      lines: {
        income: { 'contributions.individual': '2546.22', 'subsidy.central': '3114', 'subsidy.region': '663', 'subsidy.city': '85.02', 'subsidy.county': '270.89', other: '13.69' },
        expenditure: { benefits: '1991.34' },
      },
    });
  });

  it('reproduces medical aid', () => {
    // "2022年医疗救助资金补助收入612.87万元 … 其中：中央、自治区配套补助收入403.61万元，市级配套补助收入96.38万元，旗县级配套补助收入112.88万元"
    // "医疗救助资金支出140.54万元 … 2022年当年资助参保支出为0" / "基金当期结存472.33万元，累计结存478.19万元"
    expectReport(p, 'aid', 2022, {
      income: '612.87',
      expenditure: '140.54',
      current: '472.33',
      cumulative: '478.19',
      lines: { income: { 'subsidy.central': '403.61', 'subsidy.city': '96.38', 'subsidy.county': '112.88' }, expenditure: { 'aid.contributions': '0', 'aid.medical': '140.54' } },
    });
  });

  it('reproduces the months payable the report prints (174, 170 and 15 months)', () => {
    // "职工医疗保险基金期末累计结存158510.4万元，可支付174个月" — 158510.4 / ((12593.7 + 10829.37 + 9396.57) / 3 / 12) = 173.9
    // "统筹基金……可支付170个月" — 104962.5 / ((7993.09 + 9654.95 + 4584.27) / 3 / 12) = 170.0
    // "累计结存6909.85万元，可支付15个月" — 6909.85 / ((1991.34 + 3544.33) / 12) = 14.98, the 2021 expenditure implied by "比去年同期减少3544.33万元"
    const months = (id: FundId) => yearOf(fundOf(p, id), 2022).monthsPayable!.toDecimalPlaces(0).toNumber();
    expect(months('employee')).toBe(174);
    expect(months('employee.pooling')).toBe(170);
    expect(months('resident')).toBe(15);
    expect(yearOf(fundOf(p, 'employee'), 2022).monthsPayable!.toDecimalPlaces(1).toString()).toBe('173.9');
  });
});

describe('city-2021.json starts from seed 001 (市医疗、生育保险信息披露（2021年及2022年上半年）)', async () => {
  const { projection: p } = await runExample('city-2021.json');

  it('starts in 2021, the last full year of the report', () => {
    expect(p.baseYear).toBe(2021);
    // "2021年全市参加基本医疗保险724.98万人，其中城镇职工基本医疗保险82.39万人、城乡居民基本医疗保险642.59"
    expect(s(p.counts[0]!.counts.resident)).toBe('6425900');
    const c = p.counts[0]!.counts;
    expect(s(c.inService!.plus(c.retiree!).plus(c.flexible!))).toBe('823900');
  });

  it('reproduces the employee fund (with maternity)', () => {
    // "1.城镇职工医疗保险（含生育保险）2021年基金总收入409651万元，其中，征缴收入399630万元、财政补助收入4544万元、利息收入4203万元；
    //  基金总支出320257万元，其中，待遇支出298861万元；当期结余89394万元，滚存结余339506万元。"
    // Unexplained remainders: income 409651 − 399630 − 4544 − 4203 = 1274, expenditure 320257 − 298861 = 21396.
    expectReport(p, 'employee', 2021, {
      income: '409651',
      expenditure: '320257',
      current: '89394',
      cumulative: '339506',
      lines: { income: { contributions: '399630', subsidy: '4544', interest: '4203', other: '1274' }, expenditure: { benefits: '298861', other: '21396' } },
    });
  });

  it('reproduces the resident fund', () => {
    // "3.城乡居民基本医疗保险2021年基金总收入582693万元，其中，家庭及个人缴费收入201488万元、各级财政缴费补助354874万元、利息收入9106万元；
    //  基金总支出470783万元，待遇支出374128万元、当期结余111910万元，滚存结余654758万元。"
    // Remainders: income 582693 − 201488 − 354874 − 9106 = 17225, expenditure 470783 − 374128 = 96655, which the
    // scenario takes as 大病保险 premiums (criticalIllnessShare 100): the total is as reported.
    expectReport(p, 'resident', 2021, {
      income: '582693',
      expenditure: '470783',
      current: '111910',
      cumulative: '654758',
      lines: { income: { 'contributions.individual': '201488', subsidy: '354874', interest: '9106', other: '17225' }, expenditure: { benefits: '374128', criticalIllness: '96655' } },
    });
  });

  it('the assumed 2021 wage puts the 2020 wage at 8445, of which the stated 5067 floor is 60%', () => {
    // "2021年7月-2022年6月……下限是5067元/月"; 5067 / 0.6 = 8445 = 8867.25 / 1.05
    expect(new D('8867.25').dividedBy('1.05').times('0.6').toString()).toBe('5067');
    expect(exampleDoc('city-2021.json').assumptions).toEqual({ avgMonthlyWage: '8867.25', wageGrowth: '5', criticalIllnessShare: '100', wageHistory: { '2020': '8445' } });
  });

  it('a different wage growth leaves the known 2020 wage, and so the 2022 floor, where the report puts them', async () => {
    // wageHistory keeps 2020 at 8445 whatever the growth: the 2022-05 floor is 60% × 8445 = 5067
    const doc = exampleDoc('city-2021.json');
    doc.assumptions = { ...(doc.assumptions as object), wageGrowth: '3' };
    const { prepared } = await runDoc(doc);
    expect(wageSeries(prepared.input.assumptions, prepared.input.base, 2030).avgMonthlyWage!['2020']).toBe('8445');
  });
});

describe('xinjiang-2020.json starts from seed 002 (2020年新疆维吾尔自治区区本级职工基本医疗保险基金（含生育）绩效自评报告)', async () => {
  const { projection: p } = await runExample('xinjiang-2020.json');

  it('reproduces the employee fund', () => {
    // "2020年，区本级城镇职工基本医疗保险基金总收入347833万元，总支出246656万元，当年结余101177万元,累计结余709003万元。"
    // "征缴收入336057万元" "利息收入：10417万元" "其他收入：11万元" "转移收入：1348万元" (other = 11 + 1348 = 1359);
    // "医疗待遇支出：242974万元" "其他支出：2165万元" "转移支出：1517万元" (other = 2165 + 1517 = 3682).
    expect(p.baseYear).toBe(2020);
    expectReport(p, 'employee', 2020, {
      income: '347833',
      expenditure: '246656',
      current: '101177',
      cumulative: '709003',
      lines: { income: { contributions: '336057', interest: '10417', other: '1359' }, expenditure: { benefits: '242974', other: '3682' } },
    });
    // "2020年度区本级城镇职工基本医疗保险参保人数36.67万人"
    const c = p.counts[0]!.counts;
    expect(s(c.inService!.plus(c.retiree!).plus(c.flexible!))).toBe('366700');
  });
});

describe('county-2019 (seed 003) cannot start a projection', () => {
  it('is refused: its report gives income only for the combined fund, not for employee or resident insurance', async () => {
    // "2019年医疗保险基金收入累计总额为19717.93万元 … 本年收支结余0万元，年末滚存结余0万元": income and balances are printed
    // only for all medical insurance together; the employee and resident funds have expenditure alone.
    const problems = await problemsOf(() => runDoc({ version: 1, title: 'county', baseline: 'county-2019', rules: ['national/resident-minimum'] }, 'county.json', nodeEnvironment()));
    expect(problems).toEqual([
      { file: 'seeds/baselines/county-2019.json', path: '/funds', reason: 'no fund reports a full year with income and a cumulative balance to start a projection from' },
    ]);
  });
});
