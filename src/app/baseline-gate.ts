/**
 * The workbench holds a scenario's embedded baseline to the report's identities as `npm run simulate`
 * does (src/scenario/baseline-check.ts): one that breaks any is refused with each broken identity, in
 * Chinese and English, before a figure is shown. The check reads the whole baseline, so a baseline
 * that passed is remembered and not audited again on every lever change.
 */
import { canonicalJson } from '../common/canonical-json.ts';
import { InputError } from '../common/errors.ts';
import type { Environment } from '../scenario/prepare.ts';
import { embeddedBaselineCheck, findingProblems } from '../scenario/baseline-check.ts';
import type { Scenario } from '../scenario/types.ts';

const ADVICE = { zh: '用 npm run audit 可查看相关数字', en: 'npm run audit shows the figures involved' };

export class BaselineGate {
  #passed?: string;

  /** Throws the broken identities of the scenario's embedded baseline as problems of `file`. */
  check(scenario: Scenario, file: string, env: Pick<Environment, 'baseline'>): void {
    if (typeof scenario.baseline === 'string') return;
    const key = canonicalJson(scenario.baseline.embedded);
    if (key === this.#passed) return;
    const check = embeddedBaselineCheck(scenario, file, env);
    if (check.findings.length) throw new InputError(findingProblems(check, file, ADVICE));
    this.#passed = key;
  }
}
