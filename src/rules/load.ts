/**
 * Loading one rule-set file: JSON Schema first (unknown keys are errors),
 * then the checks a schema cannot express. Every problem names the file,
 * the JSON path and the reason; all problems are reported at once.
 */
import { InputError, pointer, type InputProblem } from '../common/errors.ts';
import { D, isDecimalLiteral } from '../common/money.ts';
import { overlappingPairs, parseMonth, periodSpan, type Period, type PeriodSpan } from '../common/period.ts';
import { schemaProblems } from '../common/schema.ts';
import { provablyDisjoint } from '../engine/conditions.ts';
import { FACT_DOMAINS } from '../engine/facts.ts';
import ruleSetSchema from '../../rules/rule-set.schema.json' with { type: 'json' };
import type { Registry } from './registry.ts';
import type { Condition, RuleSet, RuleSetSpec, RuleSpec } from './types.ts';
import { valueProblems } from './values.ts';

export function rulePeriod(rule: RuleSpec): Period {
  return {
    from: rule.from === undefined ? undefined : parseMonth(rule.from),
    until: rule.until === undefined ? undefined : parseMonth(rule.until),
  };
}

/**
 * @param expectedId the id the file's location implies (rules/<id>.json), when known.
 * @param at where the rule set sits inside `file` (a scenario's "/ruleSets/0"), prefixed to every path.
 */
export function loadRuleSet(data: unknown, file: string, registry: Registry, expectedId?: string, at = ''): RuleSet {
  const inFile = (problems: InputProblem[]) => new InputError(problems.map((p) => ({ ...p, path: at + p.path })));
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw inFile([{ file, path: '', reason: 'a rule set is a JSON object: {"id": …, "title": …, "rules": […], …}' }]);
  const schema = schemaProblems(ruleSetSchema, data, file);
  if (schema.length) throw inFile(schema);
  const spec = data as RuleSetSpec;
  const problems: InputProblem[] = [];
  if (expectedId !== undefined && spec.id !== expectedId) {
    problems.push({ file, path: '/id', reason: `id "${spec.id}" must match the file's place under rules/ ("${expectedId}")` });
  }
  const seen = new Map<string, number>();
  spec.rules.forEach((rule, i) => {
    const at = pointer('rules', i);
    const first = seen.get(rule.id);
    if (first !== undefined) problems.push({ file, path: at + '/id', reason: `rule id "${rule.id}" is used twice (also at /rules/${first})` });
    else seen.set(rule.id, i);
    const period = rulePeriod(rule);
    if (period.from !== undefined && period.until !== undefined && period.from > period.until) {
      problems.push({ file, path: at + '/until', reason: `the period ends (${rule.until}) before it starts (${rule.from})` });
    }
    if (rule.conditions) problems.push(...conditionProblems(rule.conditions, file, at + '/conditions'));
    for (const [name, value] of Object.entries(rule.event.params)) {
      const vpath = at + pointer('event', 'params', name);
      if (!registry.has(name)) {
        const hint = registry.closest(name);
        problems.push({ file, path: vpath, reason: `unknown parameter "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}` });
        continue;
      }
      problems.push(...valueProblems(value, name, registry, file, vpath));
    }
    for (const [name, u] of Object.entries(rule.uprate ?? {})) {
      const upath = at + pointer('uprate', name);
      if (!(name in rule.event.params)) problems.push({ file, path: upath, reason: `the rule does not set ${name}, so it cannot say how it is uprated` });
      else if (rule.until !== undefined) problems.push({ file, path: upath, reason: `the rule ends in ${rule.until}; only an open-ended rule is uprated past its last dated value` });
      else if (rule.from === undefined) problems.push({ file, path: upath, reason: 'uprating counts years from the rule\'s "from" month, which is missing' });
      if ((u.how === 'amount' || u.how === 'percent') && u.perYear === undefined) problems.push({ file, path: upath + '/perYear', reason: `"${u.how}" needs perYear` });
      if (u.how === 'series' && u.series === undefined) problems.push({ file, path: upath + '/series', reason: '"series" needs the series it follows' });
    }
  });
  if (problems.length === 0) problems.push(...overlapProblems(spec, file, registry));
  if (problems.length) throw inFile(problems);
  return { spec, file, at };
}

function conditionProblems(c: Condition, file: string, path: string): InputProblem[] {
  if ('all' in c) return c.all.flatMap((x, i) => conditionProblems(x, file, `${path}/all/${i}`));
  if ('any' in c) return c.any.flatMap((x, i) => conditionProblems(x, file, `${path}/any/${i}`));
  if ('not' in c) return conditionProblems(c.not, file, `${path}/not`);
  const domain = FACT_DOMAINS[c.fact];
  const listOps = c.operator === 'in' || c.operator === 'notIn';
  if (listOps && !Array.isArray(c.value)) return [{ file, path: path + '/value', reason: `"${c.operator}" needs a list of values` }];
  if (!domain) {
    if (!listOps && typeof c.value !== 'number') return [{ file, path: path + '/value', reason: `${c.fact} is compared with a number` }];
    return [];
  }
  const values = listOps ? (c.value as unknown[]) : [c.value];
  return values
    .filter((v) => !domain.includes(v))
    .map((v) => ({ file, path: path + '/value', reason: `${JSON.stringify(v)} is not a ${c.fact}; expected one of ${JSON.stringify(domain)}` }));
}

type Span = PeriodSpan<RuleSpec>;

/**
 * Two rules of one set that may apply in the same month to the same person
 * and set the same parameter have the same precedence: which wins would be an
 * accident, so it is refused. Literal floors above their ceilings are refused
 * here too; computed ones when they are resolved.
 */
function overlapProblems(spec: RuleSetSpec, file: string, registry: Registry): InputProblem[] {
  const found: { order: [number, number]; problem: InputProblem }[] = [];
  const byParam = new Map<string, Span[]>();
  spec.rules.forEach((rule, i) => {
    const p = rulePeriod(rule);
    const span = periodSpan(rule, i, p);
    for (const name of Object.keys(rule.event.params)) {
      const list = byParam.get(name);
      if (list) list.push(span);
      else byParam.set(name, [span]);
    }
  });
  for (const [name, spans] of byParam) {
    overlappingPairs(spans, spans, (a, b) => {
      if ((a.item.priority ?? 0) !== (b.item.priority ?? 0) || provablyDisjoint(a.item.conditions, b.item.conditions)) return;
      found.push({
        order: [a.i, b.i],
        problem: {
          file,
          path: pointer('rules', b.i, 'event', 'params', name),
          reason: `rules "${a.item.id}" (/rules/${a.i}) and "${b.item.id}" both set ${name} for overlapping periods and persons with the same precedence; split the periods or narrow the conditions`,
        },
      });
    });
    const ceilingName = registry.get(name).notAbove;
    if (!ceilingName) continue;
    const literal = (list: Span[], param: string) => list.filter((s) => isDecimalLiteral(s.item.event.params[param]));
    const floors = literal(spans, name);
    const ceilings = literal(byParam.get(ceilingName) ?? [], ceilingName);
    const check = (a: Span, b: Span) => {
      const problem = literalOrderProblem(name, ceilingName, a, b, file);
      if (problem) found.push({ order: [a.i, b.i], problem });
    };
    for (const s of floors) if (s.item.event.params[ceilingName] !== undefined) check(s, s);
    overlappingPairs(floors, ceilings, (a, b) => {
      if (a.i !== b.i && !provablyDisjoint(a.item.conditions, b.item.conditions)) check(a, b);
    });
  }
  // In file order, whatever order the sweeps found them in.
  return found.sort((x, y) => x.order[0] - y.order[0] || x.order[1] - y.order[1]).map((f) => f.problem);
}

/** A literal `name` in rule a above the literal ceiling rule b sets in the same period (a and b may be one rule). */
function literalOrderProblem(name: string, ceilingName: string, a: Span, b: Span, file: string): InputProblem | undefined {
  const value = a.item.event.params[name];
  const ceiling = b.item.event.params[ceilingName];
  if (!isDecimalLiteral(value) || !isDecimalLiteral(ceiling) || !new D(value).greaterThan(ceiling)) return undefined;
  return {
    file,
    path: pointer('rules', a.i, 'event', 'params', name),
    reason: `${name} ${value} is above ${ceilingName} ${ceiling} (set at /rules/${b.i}/event/params/${ceilingName}) in the same period`,
  };
}
