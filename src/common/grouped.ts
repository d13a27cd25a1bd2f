/**
 * A number as written, its thousands grouped for the eye and every digit kept: 65336 → 65,336,
 * 26711.91 → 26,711.91, -1156780000 → -1,156,780,000; anything else (a word, a variant's name) as it is.
 * Tables and panels read it; CSV, JSON and workbooks keep the plain digits.
 */
export function grouped(v: string): string {
  const m = /^(-?)([0-9]+)(\.[0-9]+)?$/.exec(v);
  return m ? `${m[1]}${m[2]!.replace(/\B(?=([0-9]{3})+$)/g, ',')}${m[3] ?? ''}` : v;
}
