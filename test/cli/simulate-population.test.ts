import { describe, expect, it } from 'vitest';
import { runSimulate } from '../../src/cli/simulate.ts';
import { runExample } from '../scenario/helpers.ts';

async function simulate(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runSimulate(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
  return { code, out, err };
}

describe('simulate: insured by status and, with --population, by age group', () => {
  it('the table lists the counts the funds use, with the in-service/retiree ratio and the population assumptions', async () => {
    const r = await simulate('seeds/scenarios/banner-2022.json', '--until', '2026');
    expect(r.code).toBe(0);
    // base year: 56945 employees split 64/10/26 (36444.8, 5694.5, 14805.7) and 65336 residents (seed 000); ratio 74/26
    expect(r.out).toMatch(/2022 +36445 +5695 +14806 +65336 +2\.85/);
    expect(r.out).toContain('retirementRule');
    expect(r.out).toContain('national/retirement-age');
    expect(r.out).not.toContain('年龄结构');
  });

  it('JSON and CSV carry every age group, sex and status; the groups add up to the counts', async () => {
    const json = JSON.parse((await simulate('seeds/scenarios/city-2021.json', '--until', '2030', '--population', '--format', 'json')).out);
    const pop = json.scenario.population;
    expect(pop.ageGroups).toHaveLength(21);
    expect(pop.byAgeGroup).toHaveLength(10);
    const { projection: p } = await runExample('city-2021.json');
    // 2021: residents by age group (rounded per group) add up to 6425900 (seed 001: 642.59万) within rounding
    const residents = pop.byAgeGroup[0].resident;
    const sum = [...residents.male, ...residents.female].reduce((a: number, b: number) => a + b, 0);
    expect(Math.abs(sum - 6425900)).toBeLessThanOrEqual(42);
    expect(pop.insured[0].counts.resident).toBe(p.counts[0]!.counts.resident!.toString());
    const csv = (await simulate('seeds/scenarios/city-2021.json', '--until', '2022', '--population', '--format', 'csv')).out.trim().split('\n');
    expect(csv[0]).toBe('scenario,content_hash,year,age_group,sex,status,persons');
    // 2 years × (the 4 insured counts the funds use + 21 groups × 2 sexes × (population + 4 statuses))
    expect(csv).toHaveLength(1 + 2 * (4 + 21 * 2 * 5));
    // 2021's counts as the table prints them: 823900 employees split 64/10/26 (527296, 82390, 214214) and 6425900 residents (seed 001)
    const all = csv.filter((l) => l.includes(',2021,all,all,')).map((l) => l.split(',').slice(-2).join(' '));
    expect(all).toEqual(['inService 527296', 'flexible 82390', 'retiree 214214', 'resident 6425900']);
    expect(csv.filter((l) => l.includes(',2022,all,all,'))).toHaveLength(4);
  });
});
