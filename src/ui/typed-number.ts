/**
 * A number as a user types it into a field: digits and separators from a Chinese keyboard's
 * full-width forms (４５００，４,５００．５) read as ASCII, and thousands grouped as the workbench
 * prints them (4,500) read without the commas. The text is read whole or not at all: `4,5`,
 * `450x` and `4,50` are not numbers, never 4 or 450.
 */
import { DECIMAL_LITERAL } from '../common/decimal-literal.ts';

/** Commas only between groups of three digits: 4,500 and 1,234,567.5, not 4,5 or 45,00. */
const GROUPED = /^-?[1-9][0-9]{0,2}(,[0-9]{3})+(\.[0-9]+)?$/;

/**
 * The decimal literal a field's text stands for, or undefined when it is not a number.
 * @param percent a percentage field: a trailing % sign is the unit, not part of the number
 */
export function typedNumber(text: string, percent = false): string | undefined {
  let s = text.normalize('NFKC').trim().replace(/−/g, '-');
  if (percent && s.endsWith('%')) s = s.slice(0, -1).trim();
  if (GROUPED.test(s)) s = s.replace(/,/g, '');
  return DECIMAL_LITERAL.test(s) ? s : undefined;
}
