import { describe, expect, it } from 'vitest';
import { checkCompliance } from '../../src/baseline/compliance.ts';
import { loadBaseline } from '../../src/baseline/load.ts';
import banner from '../../seeds/baselines/banner-2022.json' with { type: 'json' };
import city from '../../seeds/baselines/city-2021-2022h1.json' with { type: 'json' };
import { stackOf } from '../helpers.ts';

const rows = (list: ReturnType<typeof checkCompliance>) => list.map((c) => [c.period, c.minimumParam, c.stated.toString(), c.minimum.toString()]);

describe('a baseline against the minimums of the rules in force', () => {
  it('the banner\'s 2022 subsidy of 580 is below Inner Mongolia\'s 610; its 380 meets the 360', () => {
    // seed 000: 人均财政补助标准580元，人均个人缴费标准380元; seed 004: 不低于 610 元 … 不低于 360 元
    const list = checkCompliance(loadBaseline(banner, 'banner'), stackOf('inner-mongolia/resident-2022'));
    expect(rows(list)).toEqual([['2022', 'resident.subsidy.minimum', '580', '610']]);
    expect(list[0]!.pointer).toBe('/funds/resident/periods/2022/perCapita/parts/subsidy');
    expect(list[0]!.message).toContain('内医保发〔2022〕21号');
  });

  it('the city\'s 2021 and 2022 standards against the national minimums', () => {
    // seed 001: 2021 individual 250, subsidy 550; 2022 individual 320, subsidy 610.
    // national: 2021 320 + 580; 2022 350 + 610 → three below, the 2022 subsidy equal
    const list = checkCompliance(loadBaseline(city, 'city'), stackOf('national/resident-minimum'));
    expect(rows(list)).toEqual([
      ['2021', 'resident.subsidy.minimum', '550', '580'],
      ['2021', 'resident.individual.minimum', '250', '320'],
      ['2022', 'resident.individual.minimum', '320', '350'],
    ]);
  });

  it('reports nothing where the standards meet the minimums', () => {
    const fixed = structuredClone(banner) as typeof banner;
    (fixed.funds.resident.periods['2022'] as { perCapita: { parts: { subsidy: { value: string } } } }).perCapita.parts.subsidy.value = '610';
    expect(checkCompliance(loadBaseline(fixed, 'fixed'), stackOf('inner-mongolia/resident-2022'))).toEqual([]);
  });
});
