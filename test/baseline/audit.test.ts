import { describe, expect, it } from 'vitest';
import { D, type Dec } from '../../src/common/money.ts';
import { auditBaseline, type Finding } from '../../src/baseline/audit.ts';
import { loadBaseline } from '../../src/baseline/load.ts';
import { getAt, seed, seedFile, seedJson, setAt, type SeedName } from './seeds.ts';

function summary(f: Finding): string {
  const places = f.unit === '%' || f.unit === '月' ? 2 : Math.max(f.expected.decimalPlaces(), 0);
  return `${f.check} ${f.pointer} expected ${f.expected.toFixed(places)} printed ${f.stated.value} difference ${f.difference.toFixed(places)}`;
}

function auditEdited(name: SeedName, edit: (doc: Record<string, unknown>) => void): Finding[] {
  const doc = seedJson(name);
  edit(doc);
  return auditBaseline(loadBaseline(doc, seedFile(name))).findings;
}

const str = (doc: unknown, ptr: string) => getAt(doc, ptr) as string;
const pct = (v: Dec) => v.toDecimalPlaces(2, D.ROUND_HALF_UP).toFixed(2);

describe('audit of the banner 2022 report (000_b6dbc1e4b0658db8.txt)', () => {
  const findings = auditBaseline(seed('banner-2022')).findings;

  it('finds the sub-fund sums that miss the totals in all three years, and the 328.45% growth', () => {
    expect(findings.map(summary)).toEqual([
      // 2020 chart: 16557.4 + 9981.64 + 691.25 + 138.3 vs 医保基金总收入 27369.84
      'sub-funds /funds/employee/periods/2020/income expected 27368.59 printed 27369.84 difference -1.25',
      // 7993.09 + 3958.13 + 641.24 (+ 0 civil-servant) vs 医保基金总支出 12593.7
      'sub-funds /funds/employee/periods/2020/expenditure expected 12592.46 printed 12593.7 difference -1.24',
      'sub-funds /funds/employee/periods/2021/income expected 21171.77 printed 21172.85 difference -1.08',
      // 9654.95 + 3935.85 + 639.47 vs 10829.37: the pooling fund's 2021 expenditure is 3400.90 too high for the total
      'sub-funds /funds/employee/periods/2021/expenditure expected 14230.27 printed 10829.37 difference 3400.90',
      // "其中统筹基金收入31005.43万元 … 个人账户基金收入10895.63万元 … 大额…1240.4万元 … 公务员…227.81万元" vs 43370.17
      'sub-funds /funds/employee/periods/2022/income expected 43369.27 printed 43370.17 difference -0.90',
      // 4584.27 + 4565.62 + 245.77 + 0 ("公务员医疗补助基金无支出") vs 9396.57
      'sub-funds /funds/employee/periods/2022/expenditure expected 9395.66 printed 9396.57 difference -0.91',
      // "职工医疗保险基金当期结存33973.6万元，同比增长328.45%": 33973.6 / 10343.49 - 1 = 228.45%
      'stated-change /funds/employee/periods/2022/currentBalance/yoy/0/rate expected 228.45 printed 328.45 difference -100.00',
    ]);
  });

  it('cites the sentences and explains the 328.45%', () => {
    const growth = findings.find((f) => f.check === 'stated-change');
    expect(growth?.stated.quote).toBe('职工医疗保险基金当期结存33973.6万元，同比增长328.45%，当期结存率78.33%');
    expect(growth?.involved.map((e) => e.value)).toEqual(['33973.6', '10343.49']);
    expect(growth?.hints).toEqual(['328.45% is this period\'s figure as a percentage of the earlier one (328.45%), not the growth']);
    const income2022 = findings.find((f) => f.pointer === '/funds/employee/periods/2022/income');
    expect(income2022?.stated.quote).toContain('职工基本医疗保险基金收入43370.17万元');
    expect(income2022?.involved.map((e) => e.quote)).toContain('其中统筹基金收入31005.43万元，比去年同期增加17359.24万元，增长127.21%');
    expect(income2022?.tolerance.toString()).toBe('0.025');
    expect(income2022?.message).toBe(
      'employee 2022 income: its sub-funds (employeePooling 31005.43 + employeePersonal 10895.63 + employeeLarge 1240.4 + employeeCivil 227.81) add up to 43369.27 万元, but the fund\'s figure is 43370.17 万元 (difference -0.90, rounding allows 0.025)',
    );
  });
});

describe('audit of the city report (001_1e5405ead1cec1d7.txt)', () => {
  it('finds only the resident 2021 assets whose parts exceed the total', () => {
    const findings = auditBaseline(seed('city-2021-2022h1')).findings;
    // "城乡居民基本医疗保险2021年基金总资产654789万元，其中，银行存款297475万元，暂付款598389万元。"
    expect(findings.map(summary)).toEqual([
      'parts-sum /funds/resident/periods/2021/assets expected 895864 printed 654789 difference 241075',
    ]);
    expect(findings[0]?.stated.quote).toContain('基金总资产654789万元，其中，银行存款297475万元，暂付款598389万元');
  });
});

describe('audit of the Xinjiang 区本级 2020 report (002_b459c0d7b116afb5.txt)', () => {
  const findings = auditBaseline(seed('xinjiang-2020')).findings;

  it('finds the implied 2019 splits, the cumulative balance, the 亿元 slip and the stated changes', () => {
    expect(findings.map(summary)).toEqual([
      // 185854 + 19607 and 150204 - 6754 imply 2019 parts of 205461 + 143450 = 348911; the table prints 348610
      'parts-sum /funds/employee/periods/2019/income/parts/contributions expected 348911 printed 348610 difference 301',
      // 136444 + 14275 and 106530 + 11497 imply 2019 parts of 268746; the table's 2019 医疗待遇支出 is 265007
      'parts-sum /funds/employee/periods/2019/expenditure/parts/benefits expected 268746 printed 265007 difference 3739',
      // 四、累计结余 560783 + 三、本年结余 101177 = 661960, not 709003
      'cumulative /funds/employee/periods/2020/cumulativeBalance expected 661960 printed 709003 difference -47043',
      // "支出总计246656亿元": the expenditure is 246656 万元 = 24.6656 亿元
      'unit-slip /funds/employee/periods/2020/expenditure/restated/3 expected 24.6656 printed 246656 difference -246631.3344',
      // "征缴收入336057万元，与上年同期相比减少6553万元": the table says 348610 - 336057 = 12553
      'stated-change /funds/employee/periods/2020/income/parts/contributions/yoy/1/change expected -12553 printed -6553 difference -6000',
      // "个人帐户基金收入150204万元, 与上年同期相比增加6754万元，增长4.72%": 6754 / 143450 = 4.71%
      'stated-change /funds/employee/periods/2020/income/parts/contributions/parts/personalAccount/yoy/0/rate expected 4.71 printed 4.72 difference -0.01',
    ]);
  });

  it('says where to look', () => {
    const benefits = findings[1];
    expect(benefits?.hints).toEqual(['the computed 268746 matches employee expenditure 268747 万元 instead ("二、总支出 268747 246656 -22091 0 -8.22%")']);
    expect(findings[3]?.message).toBe('employee 2020 expenditure: printed as 246656 亿元, but it is 246656 万元 elsewhere; 亿元 for 万元 is a unit slip that overstates it 10000-fold');
    expect(findings[4]?.hints).toEqual(['the same sentence\'s rate -3.6% agrees with the figures; the printed change is the odd one out']);
    expect(findings[5]?.hints).toEqual(['a rate of 4.72% on 150204 万元 needs a change of 6770 万元, not 6754']);
    expect(findings[5]?.difference.toFixed(4)).toBe('-0.0117');
  });
});

describe('audit of the county 2019 report (003_2f8dcdecc2c78d08.txt)', () => {
  it('finds the 3.16 transfer counted inside the employee benefit', () => {
    const findings = auditBaseline(seed('county-2019')).findings;
    expect(findings.map(summary)).toEqual([
      // 2992.48 + 3286.72 + 918.99 = 7198.19 vs "医疗保险待遇支出7195.03万元"
      'sub-funds /funds/medicalInsurance/periods/2019/expenditure/parts/benefits expected 7198.19 printed 7195.03 difference 3.16',
    ]);
    expect(findings[0]?.involved.map((e) => e.quote)).toContain('2019年职工基本医疗保险门诊支出2151.69万元，住院支出837.63万元，转移支出3.16万元，本年待遇支出2992.48万元。');
    expect(findings[0]?.hints.join('\n')).toContain('the difference equals employee expenditure.benefits.transferOut 3.16 万元');
  });
});

describe('corrected copies produce no finding', () => {
  it('Xinjiang with each inconsistent figure corrected', () => {
    const base = '/funds/employee/periods/2020';
    const findings = auditEdited('xinjiang-2020', (d) => {
      setAt(d, `${base}/income/parts/contributions/yoy/1/change/value`, '-12553');
      // 2019 personal account 150204 - 6754 = 143450, so pooling must be 348610 - 143450 = 205160.
      setAt(d, `${base}/income/parts/contributions/parts/pooling/yoy/0/change/value`, '-19306');
      setAt(d, `${base}/income/parts/contributions/parts/pooling/yoy/0/rate/value`, '-9.41');
      setAt(d, `${base}/income/parts/contributions/parts/personalAccount/yoy/0/rate/value`, '4.71');
      // 2019 personal account 106530 + 11497 = 118027, so pooling must be 265007 - 118027 = 146980.
      setAt(d, `${base}/expenditure/parts/benefits/parts/pooling/yoy/0/change/value`, '-10536');
      setAt(d, `${base}/expenditure/parts/benefits/parts/pooling/yoy/0/rate/value`, '-7.17');
      setAt(d, '/funds/employee/periods/2019/cumulativeBalance/value', '607826');
      setAt(d, `${base}/cumulativeBalance/yoy/0/change/value`, '101177');
      setAt(d, `${base}/cumulativeBalance/yoy/0/rate/value`, '16.65');
      setAt(d, `${base}/expenditure/restated/3/unit`, '万元');
    });
    expect(findings.map(summary)).toEqual([]);
  });

  it('city with 暂付款 read as 59838', () => {
    expect(auditEdited('city-2021-2022h1', (d) => setAt(d, '/funds/resident/periods/2021/assets/parts/advances/value', '59838')).map(summary)).toEqual([]);
  });

  it('county with the transfer kept out of the employee benefit', () => {
    const findings = auditEdited('county-2019', (d) => {
      const ben = '/funds/employee/periods/2019/expenditure/parts/benefits';
      setAt(d, `${ben}/value`, '2989.32');
      setAt(d, `${ben}/parts/transferOut`, undefined);
    });
    expect(findings.map(summary)).toEqual([]);
  });

  it('banner with totals equal to their sub-funds and the figures that depend on them recomputed', () => {
    const findings = auditEdited('banner-2022', (d) => {
      const emp = '/funds/employee/periods';
      const set = (p: string, v: string) => setAt(d, `${emp}/${p}`, v);
      set('2020/income/value', '27368.59');
      set('2020/expenditure/value', '12592.46');
      set('2021/income/value', '21171.77');
      set('2021/expenditure/value', '14230.27');
      set('2021/currentBalance/value', '6941.5');
      for (const [flow, v22, v21] of [['income', '43369.27', '21171.77'], ['expenditure', '9395.66', '14230.27']] as const) {
        set(`2022/${flow}/value`, v22);
        for (const r of getAt(d, `${emp}/2022/${flow}/restated`) as { value: string }[]) r.value = v22;
        const change = new D(v22).minus(v21);
        set(`2022/${flow}/yoy/0/change/value`, change.toString());
        set(`2022/${flow}/yoy/0/rate/value`, pct(change.dividedBy(v21).times(100)));
      }
      const bal = new D(str(d, `${emp}/2022/currentBalance/value`));
      set('2022/currentBalance/yoy/0/rate/value', pct(bal.dividedBy('6941.5').minus(1).times(100)));
      set('2022/balanceRate/value', pct(bal.dividedBy('43369.27').times(100)));
      const avg = new D('12592.46').plus('14230.27').plus('9395.66').dividedBy(3);
      set('2022/monthsPayable/value', new D('158510.4').times(12).dividedBy(avg).toDecimalPlaces(0, D.ROUND_HALF_UP).toString());
    });
    expect(findings.map(summary)).toEqual([]);
  });
});

describe('tolerance follows the printed precision', () => {
  const RESIDENT_BALANCE = '/funds/resident/periods/2022/currentBalance/value';

  it('a 0.01 difference at 0.01 万元 is rounding; 0.02 is not', () => {
    // 6692.82 - 1991.34 = 4701.48; printed 4701.49 ("基金当期结存4701.49万元")
    expect(auditEdited('banner-2022', () => {}).filter((f) => f.check === 'balance')).toEqual([]);
    expect(auditEdited('banner-2022', (d) => setAt(d, RESIDENT_BALANCE, '4701.47')).filter((f) => f.check === 'balance')).toEqual([]);
    const off = auditEdited('banner-2022', (d) => setAt(d, RESIDENT_BALANCE, '4701.50')).filter((f) => f.check === 'balance');
    expect(off.map(summary)).toEqual(['balance /funds/resident/periods/2022/currentBalance expected 4701.48 printed 4701.50 difference -0.02']);
    expect(off[0]?.tolerance.toString()).toBe('0.015');
  });

  it('a difference of 1 in whole 万元 is rounding; 2 is not', () => {
    // City 2022-H1: 217593 - 179174 = 38419; printed "当期结余38420万元"
    const ptr = '/funds/employee/periods/2022-H1/currentBalance/value';
    const balance = (v: string) => auditEdited('city-2021-2022h1', (d) => setAt(d, ptr, v)).filter((f) => f.check === 'balance').map(summary);
    expect(balance('38420')).toEqual([]);
    expect(balance('38418')).toEqual([]);
    expect(balance('38421')).toEqual(['balance /funds/employee/periods/2022-H1/currentBalance expected 38419 printed 38421 difference -2']);
  });

  it('a rate printed to 0.01% may be off by what its rounded inputs allow, not more', () => {
    // "公务员医疗补助基金收入227.81万元，比去年同期增加114.78万元，增长101.54%": 227.81 / 113.03 - 1 = 101.548%
    const ptr = '/funds/employeeCivil/periods/2022/income/yoy/0/rate/value';
    const rateFindings = (v: string) => auditEdited('banner-2022', (d) => setAt(d, ptr, v)).filter((f) => f.pointer.startsWith('/funds/employeeCivil'));
    expect(rateFindings('101.54')).toEqual([]);
    expect(rateFindings('101.55')).toEqual([]);
    expect(rateFindings('101.50').map(summary)).toEqual([
      'stated-change /funds/employeeCivil/periods/2022/income/yoy/0/rate expected 101.55 printed 101.50 difference 0.05',
    ]);
  });
});

describe('each check fires on the identity it guards', () => {
  const only = (name: SeedName, edit: (d: Record<string, unknown>) => void, check: Finding['check']) =>
    auditEdited(name, edit).filter((f) => f.check === check).map(summary);

  it('a printed balance rate, share or budget completion that its figures do not give', () => {
    expect(only('banner-2022', (d) => setAt(d, '/funds/employee/periods/2022/balanceRate/value', '78.35'), 'stated-ratio')).toEqual([
      'stated-ratio /funds/employee/periods/2022/balanceRate expected 78.33 printed 78.35 difference -0.02',
    ]);
    expect(only('banner-2022', (d) => setAt(d, '/funds/employeePersonal/periods/2022/cumulativeBalance/share/value', '30.42'), 'stated-ratio')).toEqual([
      'stated-ratio /funds/employeePersonal/periods/2022/cumulativeBalance/share expected 30.24 printed 30.42 difference -0.18',
    ]);
    expect(only('xinjiang-2020', (d) => setAt(d, '/funds/employee/periods/2020/budget/expenditureCompletion/value', '74.63'), 'stated-ratio')).toEqual([
      'stated-ratio /funds/employee/periods/2020/budget/expenditureCompletion expected 74.36 printed 74.63 difference -0.27',
    ]);
  });

  it('months payable that its recorded method does not give', () => {
    expect(only('banner-2022', (d) => setAt(d, '/funds/resident/periods/2022/monthsPayable/method', { name: 'current-year-expenditure' }), 'months-payable')).toEqual([
      'months-payable /funds/resident/periods/2022/monthsPayable expected 41.64 printed 15 difference 26.64',
    ]);
  });

  it('assets less liabilities against the cumulative balance', () => {
    // "基金资产总计767106万元 … 负债总计58103万元 … 基金累计结余709003万元"
    expect(only('xinjiang-2020', (d) => setAt(d, '/funds/employee/periods/2020/liabilities/value', '58203'), 'assets')).toEqual([
      'assets /funds/employee/periods/2020/cumulativeBalance expected 708903 printed 709003 difference -100',
    ]);
  });

  it('a figure printed twice with different values', () => {
    expect(only('xinjiang-2020', (d) => setAt(d, '/funds/employee/periods/2020/income/restated/0/value', '347883'), 'restatement')).toEqual([
      'restatement /funds/employee/periods/2020/income/restated/0 expected 347833 printed 347883 difference -50',
    ]);
  });

  it('an achieved value that misses its target', () => {
    const findings = auditEdited('county-2019', (d) => setAt(d, '/performance/9/actual/value', '98'));
    expect(findings.filter((f) => f.check === 'performance').map((f) => f.message)).toEqual([
      '各项社会保险待遇发放准确率 2019: achieved 98% does not meet the target >= 99%',
    ]);
  });

  it('a contribution rate whose parts do not add up', () => {
    // "在职人员以上年度本人月平均工资总额的8.2%缴费，其中单位6.2%、个人2%"
    expect(only('city-2021-2022h1', (d) => setAt(d, '/funds/employee/contributions/0/rate/parts/employer/value', '6.0'), 'parts-sum')).toContainEqual(
      'parts-sum /funds/employee/contributions/0/rate expected 8.00 printed 8.2 difference -0.20',
    );
  });
});
