/**
 * The kernel against the exact record, property test: 2,000 random scenarios
 * (every shipped scenario's baseline and rules; random overrides of rates,
 * standards and floors from random months; random assumptions, horizons to
 * 2060, a cost trend of a service of its own, the population model on with a
 * random variant, mortality and migration, or off), every line, total, balance and milestone of every fund
 * and year compared: zero differences in fen. A quarter of the scenarios go
 * through `run(shocks)` on a kernel compiled once for their policy.
 *
 * What recompiles the policy timeline or the population model (overrides,
 * wages, horizon, population settings, counts) is drawn from pools of random
 * values made once, so the caches that make the exact record fast are
 * exercised as in use and the test stays a few seconds per thousand
 * scenarios; growth, cost, collection, interest and the rest are drawn fresh.
 * Seed fixed; fast-check prints the seed and the failing case.
 */
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { D } from '../../src/common/money.ts';
import type { Override } from '../../src/engine/resolve.ts';
import { GROUPS } from '../../src/model/base-year.ts';
import { SERVICES } from '../../src/model/services.ts';
import { compileKernel, resultOfProjection, shockedAssumptions, type KernelResult, type KernelShocks } from '../../src/model/kernel.ts';
import { MAX_HORIZON, project, type ProjectionInput } from '../../src/model/project.ts';
import { compiledPolicy, pathAssumptions, policyYears, startCounts, yearDrivers, type PolicyYears } from '../../src/model/driver-table.ts';
import { DerivedTimeline, type PolicyState, type TimelineView } from '../../src/model/policy-timeline.ts';
import type { Resolution } from '../../src/engine/resolve.ts';
import type { AidStatus, Category } from '../../src/engine/facts.ts';
import { differences, preparedExample } from './kernel-helpers.ts';

const SEED = 20261125;
const names = readdirSync('seeds/scenarios').filter((f) => f.endsWith('.json')).sort();
const inputs: ProjectionInput[] = [];
beforeAll(async () => {
  for (const n of names) inputs.push(await preparedExample(n, 2035));
}, 60_000);

const decimal = (lo: number, hi: number, places = 2) => {
  const f = 10 ** places;
  return fc.integer({ min: Math.round(lo * f), max: Math.round(hi * f) }).map((n) => new D(n).dividedBy(f).toFixed());
};
/** Draws from an arbitrary once, with the test's seed: a pool the property then picks from. */
const pool = <T,>(arb: fc.Arbitrary<T>, n: number, salt: number): T[] => fc.sample(arb, { numRuns: n, seed: SEED + salt });

const PERCENT = ['employee.rate.employer', 'employee.rate.individual', 'employee.rate.employerForRetiree', 'employee.account.shareOfEmployer', 'resident.inpatient.reimbursementRatio', 'aid.tekun.subsidyPercent', 'employee.outpatient.pooledPercent', 'maternity.rate.employer'] as const;
const AMOUNT = ['resident.individual.standard', 'resident.subsidy.standard', 'aid.dibao.subsidy', 'employee.flexible.base'] as const;
const month = fc.tuple(fc.integer({ min: 2019, max: 2060 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
const overrideArb = fc
  .record({
    target: fc.oneof(
      fc.record({ param: fc.constantFrom(...PERCENT), value: decimal(0, 30) }),
      fc.record({ param: fc.constantFrom(...AMOUNT), value: decimal(0, 2000) }),
      fc.record({ param: fc.constant('employee.base.floor'), value: decimal(30, 70).map((percent) => ({ percentOf: { series: 'avgMonthlyWage' as const, yearOffset: -2 }, percent })) }),
    ),
    from: fc.option(month),
    until: fc.option(month),
  })
  .map(({ target, from, until }) => ({ ...target, ...(from ? { from } : {}), ...(until && (!from || until >= from) ? { until } : {}) }));

/** What recompiles the timeline: overrides and wage growth; and the horizon (the population model's too). */
const POLICIES = pool(fc.record({ overrides: fc.array(overrideArb, { maxLength: 3 }), wageGrowth: fc.option(decimal(-2, 9), { nil: undefined }) }), 6, 1);
const HORIZONS = [...pool(fc.integer({ min: 2026, max: MAX_HORIZON - 1 }), 2, 3), MAX_HORIZON];
/** What recomputes the population model: on (variant, mortality, migration, retiree weight) or off. */
const POPULATIONS = pool(
  fc.option(fc.record({ variant: fc.constantFrom('low' as const, 'medium' as const, 'high' as const), mortalityPercent: fc.integer({ min: 70, max: 130 }), migrationPercent: fc.integer({ min: 0, max: 200 }), retireeCostWeight: decimal(1, 5) }), { nil: undefined, freq: 3 }),
  4,
  2,
);

const freshArb = fc.record({
  costGrowth: decimal(-3, 10),
  utilizationGrowth: decimal(-2, 4),
  collectionRate: decimal(60, 100),
  interestRate: fc.option(decimal(0, 5), { nil: undefined }),
  aidFundingGrowth: decimal(-5, 8),
  growth: fc.record(Object.fromEntries(GROUPS.map((g) => [g, decimal(-3, 3)])) as Record<(typeof GROUPS)[number], fc.Arbitrary<string>>),
  retireeCostWeight: decimal(0, 5),
  aidFinancing: fc.constantFrom('as-needed' as const, 'fixed-growth' as const),
  criticalIllnessShare: fc.constantFrom('0', '0', '25.5'),
  normalise: fc.boolean(),
  method: fc.constantFrom(undefined, 'last' as const, 'average' as const, 'trend' as const),
  // cost growth of a service of its own (inpatient, outpatient...), or none
  byService: fc.option(fc.record({ service: fc.constantFrom(...SERVICES), rate: decimal(-2, 9) }), { nil: undefined }),
});

const shocksArb: fc.Arbitrary<KernelShocks> = fc.record(
  {
    // From a pool: the exact record compiles the rules' timeline once per wage path (the kernel does not).
    wageGrowth: fc.constantFrom(...pool(fc.double({ min: -2, max: 9, noNaN: true }), 3, 4)),
    costGrowth: fc.double({ min: -3, max: 10, noNaN: true }),
    utilizationGrowth: fc.double({ min: -2, max: 4, noNaN: true }),
    collectionRate: fc.double({ min: 60, max: 100, noNaN: true }),
    interestRate: fc.double({ min: 0, max: 5, noNaN: true }),
    // As a Monte Carlo path: the reported years (and calibration) keep the scenario's trends.
    projectedYearsOnly: fc.boolean(),
  },
  { requiredKeys: ['costGrowth', 'collectionRate'] },
);

const caseArb = fc.record({
  scenario: fc.nat({ max: names.length - 1 }),
  policy: fc.nat({ max: POLICIES.length - 1 }),
  population: fc.nat({ max: POPULATIONS.length - 1 }),
  until: fc.constantFrom(...HORIZONS),
  fresh: freshArb,
  shocks: fc.option(shocksArb, { nil: undefined, freq: 3 }),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function inputOf(c: Case): ProjectionInput {
  const base = inputs[c.scenario]!;
  const p = POLICIES[c.policy]!;
  const pop = POPULATIONS[c.population];
  const f = c.fresh;
  const a = base.assumptions;
  const d = (v: string) => new D(v);
  const overrides: Override[] = [...base.overrides, ...p.overrides.map((o, i) => ({ ...o, file: 'property', path: `/overrides/${100 + i}` }))];
  return {
    ...base,
    until: Math.max(c.until, base.base.year + 1),
    overrides,
    retirement: pop ? base.retirement : undefined,
    assumptions: {
      ...a,
      wageGrowth: p.wageGrowth === undefined ? a.wageGrowth : d(p.wageGrowth),
      costGrowth: d(f.costGrowth),
      utilizationGrowth: d(f.utilizationGrowth),
      collectionRate: d(f.collectionRate),
      interestRate: f.interestRate === undefined ? undefined : d(f.interestRate),
      aidFundingGrowth: d(f.aidFundingGrowth),
      growth: Object.fromEntries(Object.entries(f.growth).map(([g, v]) => [g, d(v)])) as typeof a.growth,
      retireeCostWeight: d(pop ? pop.retireeCostWeight : f.retireeCostWeight),
      aidFinancing: f.aidFinancing,
      criticalIllnessShare: d(f.criticalIllnessShare),
      costGrowthByService: f.byService ? { [f.byService.service]: d(f.byService.rate) } : a.costGrowthByService,
      calibration: { ...a.calibration, normalise: f.normalise, method: f.method },
      population: pop ? { ...a.population, population: { variant: pop.variant, mortalityPercent: pop.mortalityPercent, migrationPercent: pop.migrationPercent } } : a.population,
    },
  };
}

/** The exact record as a kernel result, or the problem it raised. */
function exact(input: ProjectionInput): KernelResult | { thrown: string } {
  try {
    return resultOfProjection(project(input));
  } catch (err) {
    return { thrown: err instanceof Error ? err.message : String(err) };
  }
}

let compared = 0;
let refused = 0;
let exactLines = 0;
let populationOn = 0;
let beyond = 0;

function agree(c: Case): void {
  const input = inputOf(c);
  const k = compileKernel(input).run(c.shocks);
  const e = exact(c.shocks ? { ...input, assumptions: shockedAssumptions(input.assumptions, c.shocks) } : input);
  if ('thrown' in e) {
    // The exact record refuses (a floor above its ceiling, say): the kernel says so as a value, never throws.
    expect(k.problem, e.thrown).toBeDefined();
    refused++;
    return;
  }
  if (k.problem) throw new Error(`the kernel refused what the exact record projects: ${k.problem.en}`);
  expect(differences(k, e)).toEqual([]);
  compared++;
  if (k.exactLines === -1) beyond++;
  else exactLines += k.exactLines;
  if (input.retirement) populationOn++;
}

describe('kernel and exact record agree to the fen', () => {
  it('2,000 random scenarios: every line, total, balance and milestone of every fund and year', () => {
    fc.assert(fc.property(caseArb, agree), { numRuns: 2000, seed: SEED });
    // The property ran on real projections: most compared (some refused by the rules' own checks), with and without the population model.
    expect(compared + refused).toBe(2000);
    expect(compared).toBeGreaterThan(1500);
    expect(populationOn).toBeGreaterThan(500);
    expect(populationOn).toBeLessThan(compared);
    console.log(`kernel property: ${compared} compared, ${refused} refused by the rules, ${populationOn} with the population model, ${exactLines} lines within reach of a half fen recomputed exactly, ${beyond} paths beyond 2^53 fen projected exactly`);
  }, 600_000);
});

/** Parameters that defaults read (a share of the individual standard, the maternity floor as the employee floor, standards at their minimum). */
const READ_BY_DEFAULTS = ['resident.individual.standard', 'resident.individual.minimum', 'resident.subsidy.minimum', 'aid.dibao.minimumPercent', 'aid.fanpin.minimumPercent', 'employee.base.floor'] as const;
const PERSONS = [['resident', 'none'], ['resident', 'tekun'], ['resident', 'dibao'], ['resident', 'fanpin'], ['in-service', 'none'], ['retiree', 'none'], ['flexible', 'none']] as const;

/** A resolution as plain data, every map in its order: what a derived state must equal. */
const content = (r: Resolution) => ({ facts: r.facts, values: [...r.values], unavailable: [...r.unavailable], unset: [...r.unset], compliance: r.compliance });
/** All of a state as text (decimals as their digits), to compare thousands of them quickly. */
const stateText = (st: PolicyState) => JSON.stringify([content(st.resolution), st.year, st.firstMonth, st.rules.map((r) => r.key), st.overrides]);
/** A person's state in a month, or the refusal resolving it raised. */
const stateAt = (tl: TimelineView, y: number, m: number, category: Category, aid: AidStatus): PolicyState | string => {
  try {
    return tl.stateOf(y, m, category, aid);
  } catch (err) {
    return String(err);
  }
};
/** The month groups of employees' contributions: months, and the three states' contents. */
const groups = (p: PolicyYears) => p.employeeMonths.map((em) => em?.groups.map((g) => [g.months, content(g.rin), content(g.rret), content(g.rflex)]));

describe('a policy derived from one more literal override equals the policy compiled in full', () => {
  it('200 random overrides of standards, rates, shares and parameters defaults read, from random months, on every shipped scenario', () => {
    const literal = fc.record({
      target: fc.oneof(
        fc.record({ param: fc.constantFrom(...PERCENT, 'aid.dibao.minimumPercent', 'aid.fanpin.minimumPercent'), value: decimal(0, 100) }),
        fc.record({ param: fc.constantFrom(...AMOUNT, 'resident.individual.minimum', 'resident.subsidy.minimum'), value: decimal(0, 2000) }),
        // A floor that defaults read (maternity's), at times above its ceiling (refused).
        fc.record({ param: fc.constant('employee.base.floor'), value: decimal(0, 40000) }),
      ),
      from: fc.option(month, { nil: undefined }),
      until: fc.option(month, { nil: undefined }),
    });
    let derived = 0;
    let readByDefaults = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.nat({ max: names.length - 1 }), fc.array(literal, { minLength: 1, maxLength: 2 }), (i, extra) => {
        const base = inputs[i]!;
        const input = { ...base, overrides: [...base.overrides, ...extra.map(({ target, from, until }, j) => ({ ...target, ...(from ? { from } : {}), ...(until && (!from || until >= from) ? { until } : {}), file: 'property', path: `/overrides/${200 + j}` }))] };
        let full;
        try {
          full = compiledPolicy(input);
        } catch (err) {
          // Refused by the rules (a value out of range, a floor above its ceiling): the derived policy says the same.
          expect(() => policyYears(input)).toThrow(String(err instanceof Error ? err.message : err));
          refused++;
          return;
        }
        const policy = policyYears(input);
        if (policy.timeline instanceof DerivedTimeline) derived++;
        if ((READ_BY_DEFAULTS as readonly string[]).includes(input.overrides.at(-1)!.param)) readByDefaults++;
        const p = pathAssumptions(input.assumptions);
        const start = startCounts(input.assumptions, input.base.employees);
        expect(yearDrivers(input, policy, p, start, undefined)).toEqual(yearDrivers(input, full, p, start, undefined));
        expect([policy.residentAsRuled, policy.resident, policy.residentF64, policy.wageYearOffset, policy.thresholds, policy.pooledPercent, [...policy.methods], policy.followsSeries]).toEqual([full.residentAsRuled, full.resident, full.residentF64, full.wageYearOffset, full.thresholds, full.pooledPercent, [...full.methods], full.followsSeries]);
        expect(groups(policy)).toEqual(groups(full));
        // Every person in every month, as the model would meet them after the compile: the same months share a state
        // in both (one state for one state), and each state's values, problems and findings are the same, in order.
        const pairs = new Map<PolicyState, PolicyState>();
        const back = new Map<PolicyState, PolicyState>();
        for (let y = policy.first; y <= policy.until + 1; y++) {
          for (let m = 1; m <= 12; m++) {
            for (const [category, aid] of PERSONS) {
              const d = stateAt(policy.timeline, y, m, category, aid);
              const f = stateAt(full.timeline, y, m, category, aid);
              if (typeof d === 'string' || typeof f === 'string') {
                if (d !== f) expect(d).toEqual(f);
                continue;
              }
              if (!pairs.has(d) && !back.has(f)) {
                if (stateText(d) !== stateText(f)) expect(content(d.resolution)).toEqual(content(f.resolution)); // shows where
                expect(stateText(d)).toBe(stateText(f));
                pairs.set(d, f);
                back.set(f, d);
              }
              if (pairs.get(d) !== f) expect.fail(`${category} ${aid} ${y}-${m}: the derived policy's state is another full compile's state`);
            }
          }
        }
      }),
      { numRuns: 200, seed: SEED + 7 },
    );
    // Most were derived, many of them overrides a default reads; some refused by the rules' own checks.
    expect(derived).toBeGreaterThan(150);
    expect(readByDefaults).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(0);
    console.log(`derived policies: ${derived} derived, ${readByDefaults} of them of a parameter a default reads, ${refused} refused by the rules as in a full compile`);
  }, 600_000);
});
