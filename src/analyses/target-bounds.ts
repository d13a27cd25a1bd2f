/**
 * What a goal-seek target may ask of its indicator, one rule for the command line and the workbench:
 * months payable are never below zero (an exhausted fund has none), and a balance rate is a percentage
 * of income, from 0 to 100.
 */
export const TARGET_BOUNDS = {
  negative: { zh: '可支付月数不能为负数：请填写 0 或以上的数', en: 'months payable cannot be negative: write 0 or more' },
  percent: { zh: '当期结存率以 % 计：请填写 0 至 100 之间的数', en: 'the balance rate is a percentage: write a number from 0 to 100' },
} as const;

/** Why a target's value cannot be asked of the indicator, in both languages; undefined where it can. */
export function targetValueReason(indicator: string, value: number): { zh: string; en: string } | undefined {
  if (indicator === 'balanceRate') return value < 0 || value > 100 ? TARGET_BOUNDS.percent : undefined;
  return value < 0 ? TARGET_BOUNDS.negative : undefined;
}
