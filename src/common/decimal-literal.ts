/** Strict decimal literal: what rule sets, baselines and scenarios may contain (and the workbench's fields accept). */
export const DECIMAL_LITERAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

export function isDecimalLiteral(s: unknown): s is string {
  return typeof s === 'string' && DECIMAL_LITERAL.test(s);
}
