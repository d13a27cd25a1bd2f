/** The validators compiled ahead of time for the browser find what ajv finds compiling the schemas at run time. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { precompiledSchemasModule } from '../../src/common/schema-standalone.ts';
import { AJV_OPTIONS } from '../../src/common/schema.ts';
import { EXAMPLE_SCENARIOS, RULE_FILES } from '../../src/data/embedded.ts';
import registrySchema from '../../rules/parameters.schema.json' with { type: 'json' };
import ruleSetSchema from '../../rules/rule-set.schema.json' with { type: 'json' };
import scenarioSchema from '../../seeds/scenario.schema.json' with { type: 'json' };
import registry from '../../rules/parameters.json' with { type: 'json' };

async function precompiled(): Promise<Map<object, ValidateFunction>> {
  mkdirSync('.cache', { recursive: true });
  const file = '.cache/precompiled-schemas.test.mjs';
  writeFileSync(file, precompiledSchemasModule());
  const m = (await import(pathToFileURL(file).href)) as { precompiled: [object, ValidateFunction][] };
  return new Map(m.precompiled);
}

describe('schemas compiled ahead of time', () => {
  it('are the registry, rule-set and scenario schemas, each with the problems a run-time compilation finds', async () => {
    const ahead = await precompiled();
    expect([...ahead.keys()]).toEqual([registrySchema, ruleSetSchema, scenarioSchema]);
    const ajv = new Ajv(AJV_OPTIONS);
    ajv.addSchema(ruleSetSchema);
    const example = Object.values(EXAMPLE_SCENARIOS)[0] as Record<string, unknown>;
    const ruleSet = Object.values(RULE_FILES)[0] as Record<string, unknown>;
    const cases: [object, unknown[]][] = [
      [registrySchema, [registry, { ...registry, extra: 1 }, []]],
      [ruleSetSchema, [...Object.values(RULE_FILES), { ...ruleSet, rules: [{ id: 3 }] }, { id: 'x' }]],
      [
        scenarioSchema,
        [
          ...Object.values(EXAMPLE_SCENARIOS),
          { ...example, colour: 'blue' },
          { ...example, overrides: [{ param: 5, value: '400' }] },
          { ...example, overrides: [{ param: 'resident.individual.standard', value: '-1x', from: '2024-13' }] },
          { ...example, title: 'x'.repeat(100000), assumptions: { growth: { resident: 'fast' } } },
          { version: 'one' },
        ],
      ],
    ];
    let invalid = 0;
    for (const [schema, docs] of cases) {
      const atRunTime = ajv.compile(schema);
      const compiledAhead = ahead.get(schema)!;
      for (const doc of docs) {
        const ok = atRunTime(doc);
        expect(compiledAhead(doc)).toBe(ok);
        expect(compiledAhead.errors ?? null).toEqual(atRunTime.errors ?? null);
        if (!ok) invalid++;
      }
    }
    // every broken document above is refused (and with the same errors)
    expect(invalid).toBe(9);
  });
});
