/**
 * Splitting 5-year age groups into single years of age: each group's five
 * single years are read off the quadratic whose integrals over that group and
 * its two neighbours equal their three totals (a mean-preserving
 * three-group quadratic, the idea of the Karup-King formula). The first and
 * last 5-year groups use the quadratic of their own triple; a group whose
 * split would give a negative count is split uniformly instead. The five
 * years always add up to the group's total. The open group 100+ stays whole.
 */

/** ∫_a^b of u^k, for k = 0, 1, 2. */
function moments(a: number, b: number): [number, number, number] {
  return [b - a, (b * b - a * a) / 2, (b * b * b - a * a * a) / 3];
}

/** Solves a 3x3 system by Cramer's rule. */
function solve3(m: number[][], r: number[]): [number, number, number] {
  const det = (x: number[][]) =>
    x[0]![0]! * (x[1]![1]! * x[2]![2]! - x[1]![2]! * x[2]![1]!) - x[0]![1]! * (x[1]![0]! * x[2]![2]! - x[1]![2]! * x[2]![0]!) + x[0]![2]! * (x[1]![0]! * x[2]![1]! - x[1]![1]! * x[2]![0]!);
  const d = det(m);
  const col = (i: number) => m.map((row, k) => row.map((v, j) => (j === i ? r[k]! : v)));
  return [det(col(0)) / d, det(col(1)) / d, det(col(2)) / d];
}

/**
 * Coefficients: single year k of the target group = Σ_j c[k][j] × total of group j of the triple.
 * `position` 0, 1 or 2 is where the target group sits in the triple.
 */
function coefficients(position: 0 | 1 | 2): number[][] {
  const rows = [moments(0, 5), moments(5, 10), moments(10, 15)];
  const out: number[][] = [];
  for (let k = 0; k < 5; k++) {
    const target = moments(position * 5 + k, position * 5 + k + 1);
    // Year k = target · a, where rows · a = totals; so year k = totals · (rows^-T target).
    const t = [0, 1, 2].map((j) => [rows[0]![j]!, rows[1]![j]!, rows[2]![j]!]);
    out.push(solve3(t, target));
  }
  return out;
}

const FIRST = coefficients(0);
const MIDDLE = coefficients(1);
const LAST = coefficients(2);

/** Single years 0..5n-1 from n five-year groups (the open group, if any, is not passed). */
export function splitFiveYearGroups(groups: readonly number[]): number[] {
  const n = groups.length;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const [coef, start] = i === 0 ? [FIRST, 0] : i === n - 1 ? [LAST, n - 3] : [MIDDLE, i - 1];
    const triple = [groups[start]!, groups[start + 1]!, groups[start + 2]!];
    let years = coef.map((c) => c[0]! * triple[0]! + c[1]! * triple[1]! + c[2]! * triple[2]!);
    if (years.some((v) => v < 0)) years = [0, 1, 2, 3, 4].map(() => groups[i]! / 5);
    // Remove the float rounding so the five years add up to the group exactly.
    const diff = groups[i]! - years.reduce((s, v) => s + v, 0);
    years[2] = years[2]! + diff;
    out.push(...years);
  }
  return out;
}
