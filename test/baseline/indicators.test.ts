/**
 * Golden tests: every indicator a seed report prints, reproduced from the
 * report's own inputs. Each cites the document and the sentence.
 */
import { describe, expect, it } from 'vitest';
import { computeIndicators, type Indicator, type IndicatorKind } from '../../src/baseline/indicators.ts';
import { computeMonthsPayable, monthsPayableCandidates } from '../../src/baseline/months-payable.ts';
import { FigureIndex } from '../../src/baseline/figures.ts';
import { seed } from './seeds.ts';

const banner = seed('banner-2022');
const xinjiang = seed('xinjiang-2020');
const bannerIndicators = computeIndicators(banner);
const xinjiangIndicators = computeIndicators(xinjiang);

function find(list: Indicator[], kind: IndicatorKind, fund: string, period: string, pointerEnd = ''): Indicator {
  const hit = list.filter((i) => i.kind === kind && i.fund === fund && i.period === period && i.pointer.endsWith(pointerEnd));
  if (hit.length !== 1) throw new Error(`${hit.length} ${kind} indicators for ${fund} ${period} ${pointerEnd}`);
  return hit[0] as Indicator;
}

const fixed = (i: Indicator, places: number) => i.value.value.toFixed(places);

describe('banner 2022 (000_b6dbc1e4b0658db8.txt)', () => {
  it('balance rate 78.33% = 33973.6 / 43370.17', () => {
    // "职工医疗保险基金当期结存33973.6万元，同比增长328.45%，当期结存率78.33%。"
    const i = find(bannerIndicators, 'balance-rate', 'employee', '2022');
    expect(fixed(i, 4)).toBe('78.3340');
    expect(i.printed).toBe('78.33');
    expect(i.stated?.value).toBe('78.33');
    expect(i.status).toBe('reproduced');
  });

  it('employee fund months payable 174 = 158510.4 / (average 2020-2022 expenditure / 12)', () => {
    // "职工医疗保险基金期末累计结存158510.4万元，可支付174个月。"
    const i = find(bannerIndicators, 'months-payable', 'employee', '2022');
    expect(i.method).toBe('average-expenditure-of-3-years');
    expect(fixed(i, 2)).toBe('173.87');
    expect(i.printed).toBe('174');
    expect(i.status).toBe('reproduced');
    expect(i.formula).toBe('158510.4 / ((12593.7 + 10829.37 + 9396.57) / 3 / 12)');
    // No other expenditure base gives 174.
    const others = i.candidates?.filter((c) => c.expenditureBased && c.method !== i.method).map((c) => [c.method, c.value, c.reproduces]);
    expect(others).toEqual([
      ['current-year-expenditure', '202.43', false],
      ['last-year-expenditure', '175.65', false],
      ['average-expenditure-of-2-years', '188.09', false],
    ]);
  });

  it('pooling fund months payable 170 = 104962.5 / (average 2020-2022 pooling expenditure / 12)', () => {
    // "其中统筹基金累计结存104962.5万元，统筹基金结存占基金结存的66.22%，可支付170个月。"
    const i = find(bannerIndicators, 'months-payable', 'employeePooling', '2022');
    expect(i.method).toBe('average-expenditure-of-3-years');
    expect(fixed(i, 2)).toBe('169.96');
    expect(i.status).toBe('reproduced');
  });

  it('pooling share 66.22% and personal-account share 30.24% of the cumulative balance', () => {
    // "统筹基金结存占基金结存的66.22%" / "个人账户基金累计结存47935.58万元，占基金结存的30.24%"
    const pooling = find(bannerIndicators, 'share', 'employeePooling', '2022');
    const personal = find(bannerIndicators, 'share', 'employeePersonal', '2022');
    expect([fixed(pooling, 4), pooling.printed, pooling.status]).toEqual(['66.2181', '66.22', 'reproduced']);
    expect([fixed(personal, 4), personal.printed, personal.status]).toEqual(['30.2413', '30.24', 'reproduced']);
  });

  it('resident fund months payable 15 = 6909.85 / (2021 expenditure 5535.67 / 12)', () => {
    // "基金当期结存4701.49万元，累计结存6909.85万元，可支付15个月。" The 2021 expenditure is not printed:
    // "居民医疗保险基金支出1991.34万元，比去年同期减少3544.33万元" implies 1991.34 + 3544.33 = 5535.67.
    const i = find(bannerIndicators, 'months-payable', 'resident', '2022');
    expect(i.method).toBe('last-year-expenditure');
    expect(fixed(i, 2)).toBe('14.98');
    expect(i.status).toBe('reproduced');
    const index = new FigureIndex(banner);
    expect(index.value('resident', '2021', 'expenditure', '万元')?.toString()).toBe('5535.67');
    expect(computeMonthsPayable(index, 'resident', '2022', { name: 'current-year-expenditure' })?.months.value.toFixed(2)).toBe('41.64');
  });

  it('medical aid months payable 11 is reproduced by no expenditure base', () => {
    // "基金当期结存472.33万元，累计结存478.19万元，可支付11个月。"
    const i = find(bannerIndicators, 'months-payable', 'medicalAid', '2022');
    expect(i.status).toBe('unreproduced');
    const byMethod = Object.fromEntries((i.candidates ?? []).map((c) => [c.method, [c.value, c.reproduces, c.expenditureBased]]));
    expect(byMethod).toEqual({
      'current-year-expenditure': ['40.83', false, true],
      'last-year-expenditure': ['13.45', false, true],
      'average-expenditure-of-2-years': ['20.24', false, true],
      'current-year-income': ['9.36', false, false],
      // 478.19 / ((612.87 + 427.51) / 2 / 12): the only base that gives 11, and it is income.
      'average-income-of-2-years': ['11.03', true, false],
    });
  });

  it('per-capita resident funding 960 = 580 + 380 元', () => {
    // "2022年居民医保人均筹资960元，其中人均财政补助标准580元，人均个人缴费标准380元。"
    const i = find(bannerIndicators, 'per-capita-total', 'resident', '2022');
    expect([i.printed, i.formula, i.status]).toEqual(['960', '580 + 380', 'reproduced']);
  });

  it('reproduces the stated year-on-year changes of 2022 (within rounding where noted)', () => {
    const rows = bannerIndicators
      .filter((i) => i.kind === 'yoy-change' || i.kind === 'yoy-rate')
      .map((i) => `${i.fund} ${i.pointer.replace(/^\/funds\/[^/]+\/periods\/2022\//, '')} ${i.printed} ${i.stated?.value} ${i.status}`);
    expect(rows).toEqual([
      // "职工基本医疗保险基金收入43370.17万元，比去年同期增加22197.32万元，增长104.84%"
      'employee income/yoy/0/change 22197.32 22197.32 reproduced',
      'employee income/yoy/0/rate 104.84 104.84 reproduced',
      // "职工医疗保险基金总支出9396.57万元，比去年同期减少1432.8万元，下降13.23%"
      'employee expenditure/yoy/0/change -1432.80 -1432.8 reproduced',
      'employee expenditure/yoy/0/rate -13.23 -13.23 reproduced',
      // "职工医疗保险基金当期结存33973.6万元，同比增长328.45%": the growth is 228.45% (an audit finding)
      'employee currentBalance/yoy/0/rate 228.45 328.45 differs',
      // "其中统筹基金收入31005.43万元，比去年同期增加17359.24万元，增长127.21%"
      'employeePooling income/yoy/0/change 17359.24 17359.24 reproduced',
      'employeePooling income/yoy/0/rate 127.21 127.21 reproduced',
      // "其中统筹基金支出4584.27万元，比去年同期减少5070.67万元，下降52.52%": 4584.27 - 9654.95 = -5070.68
      'employeePooling expenditure/yoy/0/change -5070.68 -5070.67 within-rounding',
      'employeePooling expenditure/yoy/0/rate -52.52 -52.52 reproduced',
      // "个人账户基金收入10895.63万元，比去年同期增加3950.96万元，增长56.89%"
      'employeePersonal income/yoy/0/change 3950.96 3950.96 reproduced',
      'employeePersonal income/yoy/0/rate 56.89 56.89 reproduced',
      // "个人账户基金支出4565.62万元，比去年同期增加629.77万元，增长16%"
      'employeePersonal expenditure/yoy/0/change 629.77 629.77 reproduced',
      'employeePersonal expenditure/yoy/0/rate 16.00 16 reproduced',
      // "大额医疗保险补助基金收入1240.4万元，比去年同期增加772.52万元，增长165.11%"
      'employeeLarge income/yoy/0/change 772.52 772.52 reproduced',
      'employeeLarge income/yoy/0/rate 165.11 165.11 reproduced',
      // "大额医疗保险补助基金支出245.77万元，比去年同期减少393.7万元，下降61.57%"
      'employeeLarge expenditure/yoy/0/change -393.70 -393.7 reproduced',
      'employeeLarge expenditure/yoy/0/rate -61.57 -61.57 reproduced',
      // "公务员医疗补助基金收入227.81万元，比去年同期增加114.78万元，增长101.54%": 114.78 / 113.03 = 101.548%,
      // which unrounded 万元 figures (±0.005) can bring to 101.54%
      'employeeCivil income/yoy/0/change 114.78 114.78 reproduced',
      'employeeCivil income/yoy/0/rate 101.55 101.54 within-rounding',
      // "2022年居民医疗保险基金收入6692.82万元，比去年同期增长609.18万元，增长10.01%" (2021 not printed: rate vs change)
      'resident income/yoy/0/rate 10.01 10.01 reproduced',
      // "其中各级财政补助收入4132.91万元（…），比去年同期增长98.96万元，增长2.45%" against the 2021 chart by level
      'resident income/parts/subsidy/yoy/0/change 98.96 98.96 reproduced',
      'resident income/parts/subsidy/yoy/0/rate 2.45 2.45 reproduced',
      // "个人缴费收入2546.22万元，比去年同期增长504.94万元，增长24.74%": 2546.22 - 2041.27 = 504.95
      'resident income/parts/individual/yoy/0/change 504.95 504.94 within-rounding',
      'resident income/parts/individual/yoy/0/rate 24.74 24.74 reproduced',
      // "居民医疗保险基金支出1991.34万元，比去年同期减少3544.33万元，下降64.03%"
      'resident expenditure/yoy/0/rate -64.03 -64.03 reproduced',
      // "2022年医疗救助资金补助收入612.87万元，比去年同期增加185.36万元，增长43.36%" against the 2021 chart
      'medicalAid income/yoy/0/change 185.36 185.36 reproduced',
      'medicalAid income/yoy/0/rate 43.36 43.36 reproduced',
      // "医疗救助资金支出140.54万元，比去年同期减少286.07万元，下降67.06%"
      'medicalAid expenditure/yoy/0/rate -67.06 -67.06 reproduced',
    ]);
  });
});

describe('Xinjiang 区本级 2020 (002_b459c0d7b116afb5.txt)', () => {
  it('budget completion 91.4% (income) and 74.36% (expenditure)', () => {
    // "预算收入380536万元，实际收入347833万元，完成预算收入的91.4%，预算支出331726万元，实际支出246656万元，完成预算支出的74.36%"
    const inc = find(xinjiangIndicators, 'budget-completion', 'employee', '2020', 'incomeCompletion');
    const exp = find(xinjiangIndicators, 'budget-completion', 'employee', '2020', 'expenditureCompletion');
    expect([fixed(inc, 4), inc.printed, inc.status]).toEqual(['91.4061', '91.4', 'reproduced']);
    expect([fixed(exp, 4), exp.printed, exp.status]).toEqual(['74.3553', '74.36', 'reproduced']);
  });

  it('reproduces every growth amount and rate of the analysis table', () => {
    // 职工基本医疗保险收支情况分析表, columns 2019, 2020, 同比增长额, 近三年平均增长额, 同比增长率
    const table = xinjiangIndicators
      .filter((i) => (i.kind === 'yoy-change' || i.kind === 'yoy-rate') && i.pointer.includes('/yoy/0/') && !i.pointer.includes('/parts/pooling') && !i.pointer.includes('/parts/personalAccount'))
      .map((i) => `${i.label.replace(/^(change|growth) of /, '').replace(/ 2020 vs 2019.*$/, '')} ${i.printed} ${i.status}`);
    expect(table).toEqual([
      'income -7379 reproduced', 'income -2.08 reproduced', // 一、总收入 355212 347833 -7379 0 -2.08%
      'income.contributions -12553 reproduced', 'income.contributions -3.60 reproduced', // 其中：征缴收入 348610 336057 -12553 0 -3.60%
      'income.interest 5087 reproduced', 'income.interest 95.44 reproduced', // 利息收入 5330 10417 5087 0 95.44%
      'income.other 1 reproduced', 'income.other 10.00 reproduced', // 其他收入 10 11 1 0 10.00%
      'income.transferIn 86 reproduced', 'income.transferIn 6.81 reproduced', // 转移收入 1262 1348 86 0 6.81%
      'expenditure -22091 reproduced', 'expenditure -8.22 reproduced', // 二、总支出 268747 246656 -22091 0 -8.22%
      'expenditure.benefits -22033 reproduced', 'expenditure.benefits -8.31 reproduced', // 其中：医疗待遇支出 265007 242974 -22033 0 -8.31%
      'expenditure.other 29 reproduced', 'expenditure.other 1.36 reproduced', // 其他支出 2136 2165 29 0 1.36%
      'expenditure.transferOut -87 reproduced', 'expenditure.transferOut -5.42 reproduced', // 转移支出 1604 1517 -87 0 -5.42%
      'currentBalance 14711 reproduced', 'currentBalance 17.01 reproduced', // 三、本年结余 86466 101177 14711 0 17.01%
      'cumulativeBalance 148220 reproduced', 'cumulativeBalance 26.43 reproduced', // 四、累计结余 560783 709003 148220 0 26.43%
    ]);
  });

  it('checks the changes stated in the text, table against text', () => {
    const text = xinjiangIndicators
      .filter((i) => i.pointer.includes('/yoy/1/') || i.pointer.includes('/parts/pooling/') || i.pointer.includes('/parts/personalAccount/'))
      .map((i) => `${i.kind} ${i.pointer.replace('/funds/employee/periods/2020/', '')} ${i.printed} ${i.stated?.value} ${i.status}`);
    expect(text).toEqual([
      // "基金总收入347833万元，与上年同期相比减少7379万元，减少2.08%"
      'yoy-change income/yoy/1/change -7379 -7379 reproduced',
      'yoy-rate income/yoy/1/rate -2.08 -2.08 reproduced',
      // "征缴收入336057万元，与上年同期相比减少6553万元，减少3.6%": the table's 348610 - 336057 is 12553
      'yoy-change income/parts/contributions/yoy/1/change -12553 -6553 differs',
      'yoy-rate income/parts/contributions/yoy/1/rate -3.6 -3.6 reproduced',
      // "其中统筹基金收入185854万元,与上年同期相比减少19607万元，减少9.54%" (2019 not printed: rate vs change)
      'yoy-rate income/parts/contributions/parts/pooling/yoy/0/rate -9.54 -9.54 reproduced',
      // "个人帐户基金收入150204万元, 与上年同期相比增加6754万元，增长4.72%": 6754 / 143450 = 4.71%
      'yoy-rate income/parts/contributions/parts/personalAccount/yoy/0/rate 4.71 4.72 differs',
      // "（2）利息收入：10417万元，与上年同期相比增加5087万元，增长95.44%"
      'yoy-change income/parts/interest/yoy/1/change 5087 5087 reproduced',
      'yoy-rate income/parts/interest/yoy/1/rate 95.44 95.44 reproduced',
      // "（4）转移收入：1348万元，与上年同期相比增加86万元，增长6.81%"
      'yoy-change income/parts/transferIn/yoy/1/change 86 86 reproduced',
      'yoy-rate income/parts/transferIn/yoy/1/rate 6.81 6.81 reproduced',
      // "总支出246656万元，与上年同期相比减少22091万元，降低8.22%"
      'yoy-change expenditure/yoy/1/change -22091 -22091 reproduced',
      'yoy-rate expenditure/yoy/1/rate -8.22 -8.22 reproduced',
      // "（1）医疗待遇支出：242974万元，与上年同期相比减少22033万元，降低8.31%"
      'yoy-change expenditure/parts/benefits/yoy/1/change -22033 -22033 reproduced',
      'yoy-rate expenditure/parts/benefits/yoy/1/rate -8.31 -8.31 reproduced',
      // "其中统筹基金支出136444万元, 与上年同期相比减少14275万元，降低9.47%"
      'yoy-rate expenditure/parts/benefits/parts/pooling/yoy/0/rate -9.47 -9.47 reproduced',
      // "个人帐户基金支出106530万元, 与上年同期相比降低11497万元，降低9.74%"
      'yoy-rate expenditure/parts/benefits/parts/personalAccount/yoy/0/rate -9.74 -9.74 reproduced',
      // "（2）其他支出：2165万元，与上年同期相比增加29万元，增长1.4%" (printed to 0.1%)
      'yoy-change expenditure/parts/other/yoy/1/change 29 29 reproduced',
      'yoy-rate expenditure/parts/other/yoy/1/rate 1.4 1.4 reproduced',
      // "（3）转移支出：1517万元，与上年同期相比减少87万元，减少5.4%"
      'yoy-change expenditure/parts/transferOut/yoy/1/change -87 -87 reproduced',
      'yoy-rate expenditure/parts/transferOut/yoy/1/rate -5.4 -5.4 reproduced',
    ]);
  });
});

describe('months-payable methods', () => {
  it('lists every base the data allows, income bases marked as not expenditure-based', () => {
    const index = new FigureIndex(banner);
    const methods = monthsPayableCandidates(index, 'employee', '2022').map((c) => `${c.method}${c.expenditureBased ? '' : ' (income)'}`);
    expect(methods).toEqual([
      'current-year-expenditure', 'last-year-expenditure', 'average-expenditure-of-2-years', 'average-expenditure-of-3-years',
      'current-year-income (income)', 'average-income-of-2-years (income)', 'average-income-of-3-years (income)',
    ]);
  });

  it('uses the months of a half-year period for the current-period base', () => {
    // City 2022-H1: "基金总支出179174万元 … 滚存结余377926万元" → 377926 / (179174 / 6) = 12.66
    const city = new FigureIndex(seed('city-2021-2022h1'));
    expect(computeMonthsPayable(city, 'employee', '2022-H1', { name: 'current-year-expenditure' })?.months.value.toFixed(2)).toBe('12.66');
    expect(computeMonthsPayable(city, 'employee', '2022-H1', { name: 'average-expenditure-of-N-years', years: 2 })).toBeUndefined();
  });

  it('computes the city per-capita funding the report does not total', () => {
    // "2021年…个人缴费标准为250元，各级财政补助550元；2022年…个人缴费标准为320元，各级财政补助610元。"
    const totals = computeIndicators(seed('city-2021-2022h1')).filter((i) => i.kind === 'per-capita-total').map((i) => [i.period, i.printed, i.status]);
    expect(totals).toEqual([['2021', '800', 'computed'], ['2022', '930', 'computed']]);
  });
});
