/**
 * Parameter resolution for one date: json-rules-engine (the reference), the
 * direct evaluator, and a lookup in the compiled policy timeline (after it
 * is compiled, which is timed separately, for every person and month of a
 * 30-year horizon). Identical values are checked before timing.
 */
import { parseMonth } from '../src/common/period.ts';
import { composeStack, resolveFast, resolveWithEngine, type Facts, type Resolution } from '../src/engine/index.ts';
import { AID_STATUSES, CATEGORIES } from '../src/engine/facts.ts';
import { PolicyTimeline, type PersonFacts } from '../src/model/policy-timeline.ts';
import { loadCatalog } from '../src/rules/catalog-node.ts';
import { report, time } from './timing.ts';

const valuesOf = (r: Resolution) => JSON.stringify([...r.values].map(([k, v]) => [k, v.value.toString()]));

export async function timelineBench(): Promise<void> {
  const catalog = loadCatalog();
  const stack = composeStack(['banner/resident-2022'], (id) => catalog.get(id), catalog.registry);
  const facts: Facts = { month: parseMonth('2023-03')!, category: 'resident', aid: 'dibao', regionTier: 2 };
  const person = { category: facts.category, aid: facts.aid };
  const series = {};
  const compiled = new PolicyTimeline(stack, series, [], facts.regionTier);
  const reference = await resolveWithEngine(stack, facts);
  if (valuesOf(compiled.stateAt(person, facts.month).resolution) !== valuesOf(reference) || valuesOf(resolveFast(stack, facts)) !== valuesOf(reference)) {
    throw new Error('the compiled timeline or the direct evaluator differs from json-rules-engine');
  }
  const n = catalog.registry.names().length;
  const engine = await time(`resolve ${n} parameters for one date, json-rules-engine`, 2000, () => resolveWithEngine(stack, facts));
  const direct = await time(`resolve ${n} parameters for one date, direct evaluator`, 2000, () => resolveFast(stack, facts));
  // Many lookups per sample: one alone is below the timer's resolution.
  const lookups = 10_000;
  const perLookup = await time(`same date through the compiled timeline (× ${lookups})`, 200, () => {
    for (let i = 0; i < lookups; i++) compiled.stateAt(person, facts.month);
  });
  const from = parseMonth('2023-01')!;
  const until = parseMonth('2052-12')!;
  const persons: PersonFacts[] = CATEGORIES.flatMap((category): PersonFacts[] => (category === 'resident' ? AID_STATUSES.map((aid) => ({ category, aid })) : [{ category, aid: 'none' as const }]));
  const compile = await time(`compile the timeline: ${persons.length} persons × ${until - from + 1} months`, 30, () => {
    const tl = new PolicyTimeline(stack, series, [], facts.regionTier);
    for (const p of persons) tl.stateIds(p, from, until);
  });
  for (const t of [engine, direct, perLookup, compile]) report(t);
  const lookupMs = perLookup.medianMs / lookups;
  const amortisedMs = compile.medianMs / (persons.length * (until - from + 1));
  console.log(
    `ratios, one date: json-rules-engine / direct evaluator ${(engine.medianMs / direct.medianMs).toFixed(1)}x; ` +
      `json-rules-engine / timeline lookup ${Math.round(engine.medianMs / lookupMs)}x; ` +
      `json-rules-engine / timeline compile per person-month ${Math.round(engine.medianMs / amortisedMs)}x (identical values)`,
  );
}
