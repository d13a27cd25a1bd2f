/**
 * A baseline carried inside a scenario (`{"embedded": …}`) is the user's own
 * report: it passes the identity checks of `npm run audit` before it is
 * projected, or every broken identity is reported. The shipped baselines are
 * reports as printed, whose own contradictions the audit documents: an edited
 * copy of one (same id) is held only to the contradictions it adds.
 */
import { auditBaseline, type Finding } from '../baseline/audit.ts';
import { loadBaseline } from '../baseline/load.ts';
import { canonicalJson } from '../common/canonical-json.ts';
import { findingText } from '../baseline/audit-text.ts';
import { localizedProblem, type InputProblem } from '../common/errors.ts';
import { message } from '../common/messages.ts';
import type { Environment } from './prepare.ts';
import type { Scenario } from './types.ts';

export interface BaselineCheck {
  /** Where the baseline's figures sit in the scenario file. */
  at: string;
  findings: Finding[];
}

/** The audit findings of a scenario's embedded baseline that its shipped original (same id), if any, does not have. */
export function embeddedBaselineCheck(scenario: Scenario, file: string, env: Pick<Environment, 'baseline'>): BaselineCheck {
  const at = '/baseline/embedded';
  if (typeof scenario.baseline === 'string') return { at, findings: [] };
  const json = scenario.baseline.embedded as { id?: unknown };
  const shipped = typeof json.id === 'string' ? env.baseline(json.id) : undefined;
  if (shipped !== undefined && canonicalJson(shipped) === canonicalJson(json)) return { at, findings: [] };
  const key = (f: Finding) => `${f.check}|${f.pointer}|${f.message}`;
  const known = new Set(shipped === undefined ? [] : auditBaseline(loadBaseline(shipped, String(json.id))).findings.map(key));
  return { at, findings: auditBaseline(loadBaseline(json, `${file} (embedded baseline)`)).findings.filter((f) => !known.has(key(f))) };
}

/** The findings as problems of the scenario file, at the figure each contradicts. */
export function findingProblems(check: BaselineCheck, file: string, advice?: { zh: string; en: string }): InputProblem[] {
  return check.findings.map((f) => {
    const text = findingText(f);
    const m = message('baseline.identity', { check: f.check, findingZh: text.zh, findingEn: text.en, adviceZh: advice ? `；${advice.zh}` : '', adviceEn: advice ? `; ${advice.en}` : '' });
    return localizedProblem(file, check.at + f.pointer, m);
  });
}
