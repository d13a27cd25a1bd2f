/**
 * Whether a baseline's report states its amounts in 亿元 (the national bulletins) rather than 万元: most of
 * the figures it quotes are in 亿元 (a report in 万元 may quote one sum in 亿元).
 */
export function statesAmountsInYi(baseline: unknown): boolean {
  const count = { 亿元: 0, 万元: 0 };
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'unit' && (x === '亿元' || x === '万元')) count[x as '亿元' | '万元']++;
        else walk(x);
      }
    }
  };
  walk(baseline);
  return count.亿元 > count.万元;
}
