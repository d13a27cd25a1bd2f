import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/common/errors.ts';
import { loadBaseline } from '../../src/baseline/load.ts';
import { loadBaselineFile } from '../../src/baseline/load-file.ts';
import { SEED_NAMES, seedFile, seedJson, setAt, type SeedName } from './seeds.ts';

/** Load an edited copy of a seed and return the refusal's problems (fails the test if it loads). */
function refusal(name: SeedName, edit: (doc: Record<string, unknown>) => void): InputError {
  const doc = seedJson(name);
  edit(doc);
  try {
    loadBaseline(doc, seedFile(name));
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected the edited baseline to be refused');
}

const BANNER = seedFile('banner-2022');
const INCOME = '/funds/employee/periods/2022/income';

describe('loadBaseline', () => {
  it.each(SEED_NAMES)('loads the seed %s', (name) => {
    const b = loadBaseline(seedJson(name), seedFile(name));
    expect(b.id).toBe(name);
    expect(Object.keys(b.funds).length).toBeGreaterThan(0);
  });

  it('loads from a file path (Node entry point)', async () => {
    const b = await loadBaselineFile('seeds/baselines/xinjiang-2020.json');
    expect(b.funds.employee?.periods['2020']?.cumulativeBalance?.value).toBe('709003');
  });

  it('refuses an unknown key, naming file, path and key', () => {
    const e = refusal('banner-2022', (d) => setAt(d, `${INCOME}/valeu`, '1'));
    expect(e.problems).toContainEqual({ file: BANNER, path: INCOME, reason: 'unknown key "valeu"' });
    expect(e.message).toContain(`${BANNER} at ${INCOME}: unknown key "valeu"`);
  });

  it('refuses an unknown part name (part names are a closed vocabulary)', () => {
    const e = refusal('banner-2022', (d) => setAt(d, '/funds/resident/periods/2022/income/parts/donations', { value: '1', unit: '万元', quote: 'x' }));
    expect(e.message).toContain(`${BANNER} at /funds/resident/periods/2022/income/parts: unknown key "donations"`);
  });

  it('refuses a unit of the wrong dimension for its place', () => {
    const e = refusal('banner-2022', (d) => setAt(d, `${INCOME}/unit`, '万人'));
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toEqual({
      file: BANNER,
      path: `${INCOME}/unit`,
      reason: 'unit "万人" is not allowed for income 收入; use one of 元, 万元, 亿元',
    });
  });

  it('refuses a unit that does not exist', () => {
    const e = refusal('banner-2022', (d) => setAt(d, `${INCOME}/unit`, '万圆'));
    expect(e.problems[0]?.path).toBe(`${INCOME}/unit`);
    expect(e.problems[0]?.reason).toMatch(/^must be equal to one of the allowed values/);
  });

  it('refuses a share outside 0-100 %', () => {
    const ptr = '/funds/employeePooling/periods/2022/cumulativeBalance/share/value';
    const e = refusal('banner-2022', (d) => setAt(d, ptr, '166.22'));
    expect(e.problems).toEqual([{ file: BANNER, path: ptr, reason: '166.22% is outside 0-100 % for share 占比' }]);
  });

  it('refuses a contribution rate outside 0-100 %', () => {
    const ptr = '/funds/employee/contributions/0/rate/parts/employer/value';
    const e = refusal('city-2021-2022h1', (d) => setAt(d, ptr, '-6.2'));
    expect(e.message).toContain(`${seedFile('city-2021-2022h1')} at ${ptr}: -6.2% is outside 0-100 % for contribution rate 缴费比例`);
  });

  it('refuses a decline of more than 100 %', () => {
    const ptr = '/funds/employee/periods/2022/expenditure/yoy/0/rate/value';
    const e = refusal('banner-2022', (d) => setAt(d, ptr, '-113.23'));
    expect(e.message).toContain(`at ${ptr}: -113.23 is below the minimum -100 for growth rate 增长率`);
  });

  it('refuses a value that is not a decimal string', () => {
    const e = refusal('banner-2022', (d) => setAt(d, `${INCOME}/value`, '43,370.17'));
    expect(e.problems).toMatchObject([{
      file: BANNER, path: `${INCOME}/value`,
      reason: '"43,370.17" is not a decimal number: write digits with at most one point, such as "6.2" (no spaces, commas, units or exponents)',
    }]);
  });

  it('refuses a JSON number where a decimal string belongs', () => {
    const e = refusal('banner-2022', (d) => setAt(d, `${INCOME}/value`, 43370.17));
    expect(e.message).toContain(`${BANNER} at ${INCOME}/value: write the number in quotes, "43370.17": values are exact decimal strings, and a JSON number may lose digits`);
  });

  it('refuses a period key that is not a period', () => {
    const e = refusal('xinjiang-2020', (d) => {
      const periods = (d.funds as Record<string, { periods: Record<string, unknown> }>).employee!.periods;
      periods['20x9'] = periods['2019'];
      delete periods['2019'];
    });
    expect(e.problems).toContainEqual({
      file: seedFile('xinjiang-2020'),
      path: '/funds/employee/periods/20x9',
      reason: '"20x9" is not a period: use a year "2022" (1949-2100), a half "2022-H1" or a quarter "2022-Q3"',
    });
  });

  it('refuses more decimals than the printed precision', () => {
    const ptr = '/funds/employee/periods/2020/income/value';
    const e = refusal('xinjiang-2020', (d) => setAt(d, ptr, '347833.4'));
    expect(e.message).toContain(`at ${ptr}: "347833.4" has more decimals than its printed precision 1`);
  });

  it('refuses a unit without a declared printed precision', () => {
    const e = refusal('xinjiang-2020', (d) => setAt(d, '/precision/亿元', undefined));
    expect(e.message).toContain('at /funds/employee/periods/2020/expenditure/restated/3/unit: no printed precision for unit "亿元"');
  });

  it('refuses a sub-fund that does not exist and a breakdown without "exhaustive"', () => {
    const e = refusal('banner-2022', (d) => {
      setAt(d, '/funds/employee/subFunds/funds/3', 'employeeCivilServant');
      setAt(d, '/funds/resident/periods/2022/income/exhaustive', undefined);
    });
    expect(e.problems).toEqual(expect.arrayContaining([
      { file: BANNER, path: '/funds/employee/subFunds/funds/3', reason: 'names unknown fund "employeeCivilServant"' },
      { file: BANNER, path: '/funds/resident/periods/2022/income/exhaustive', reason: 'say whether the parts are the whole (true) or a "其中" list (false)' },
    ]));
  });

  it('refuses an average method without its number of years', () => {
    const ptr = '/funds/employee/periods/2022/monthsPayable/method';
    const e = refusal('banner-2022', (d) => setAt(d, `${ptr}/years`, undefined));
    expect(e.problems).toEqual([{ file: BANNER, path: ptr, reason: 'average-expenditure-of-N-years needs "years"' }]);
  });

  it('reports every problem at once', () => {
    const e = refusal('banner-2022', (d) => {
      setAt(d, `${INCOME}/unit`, '人');
      setAt(d, '/funds/employeePooling/periods/2022/cumulativeBalance/share/value', '101');
    });
    expect(e.problems.map((p) => p.path)).toEqual([
      `${INCOME}/unit`,
      '/funds/employeePooling/periods/2022/cumulativeBalance/share/value',
    ]);
  });

  it('reports an unreadable file and bad JSON with the file name', async () => {
    await expect(loadBaselineFile('seeds/baselines/missing.json')).rejects.toThrow('seeds/baselines/missing.json: no such file');
    const text = 'seeds/sources/003_2f8dcdecc2c78d08.txt';
    await expect(loadBaselineFile(text)).rejects.toThrow(`${text}: not valid JSON`);
  });
});
