/**
 * The population view's data (src/app/population-view.ts): every population
 * assumption with its unit, source and default, including the age-cost
 * curve's weight, which the user may change and reset.
 */
import { describe, expect, it } from 'vitest';
import { populationView } from '../../src/app/population-view.ts';
import { exampleDoc, runDoc } from '../scenario/helpers.ts';

describe('the population view’s assumptions', () => {
  it('lists fertility, mortality, migration, participation and the age-cost curve, each with its unit and source', async () => {
    const v = populationView((await runDoc(exampleDoc('banner-2022.json'))).projection)!;
    const row = (name: string) => v.assumptions.find((a) => a.name === name)!;
    expect(row('variant')).toMatchObject({ value: 'medium', editable: true, default: 'medium' });
    expect(row('mortalityPercent')).toMatchObject({ unit: { zh: '%', en: '%' }, editable: true, default: '100' });
    expect(row('migrationPercent')).toMatchObject({ unit: { zh: '%', en: '%' }, editable: true, default: '100' });
    expect(row('participation')).toMatchObject({ value: 'cohort', editable: true, default: 'cohort' });
    expect(row('participation').label.zh).toContain('城镇人口比重');
    // the curve: its slope calibrated, its weight (3 for the banner, no visit split) editable
    expect(row('ageCostSlope').editable).toBe(false);
    // its unit in each language (the English view once showed the Chinese 岁)
    expect(row('ageCostSlope').unit).toEqual({ zh: '%/岁', en: '%/year of age' });
    expect(row('retireeCostWeight')).toMatchObject({ value: '3', unit: { zh: '×', en: '×' }, editable: true });
    expect(row('retireeCostWeight').label.en).toContain('5.66');
  });

  it('shows the city’s weight from its visits, 5.66, and a scenario’s own weight once set', async () => {
    const city = populationView((await runDoc(exampleDoc('city-2021.json'))).projection)!;
    expect(city.assumptions.find((a) => a.name === 'retireeCostWeight')!.value).toBe('5.66');
    const doc = exampleDoc('banner-2022.json');
    const own = populationView((await runDoc({ ...doc, assumptions: { ...(doc.assumptions as object), retireeCostWeight: '4' } })).projection)!;
    expect(own.assumptions.find((a) => a.name === 'retireeCostWeight')!.value).toBe('4');
  });
});
