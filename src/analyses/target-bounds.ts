/**
 * What a goal-seek target may ask of its indicator, one rule for the command line and the workbench:
 * months payable are never below zero (an exhausted fund has none), and a balance rate (the current
 * balance as a percentage of income) is at most 100; below 0 in a year of deficit, which a target may ask about.
 */
export const TARGET_BOUNDS = {
  negative: { zh: '可支付月数不能为负数：请填写 0 或以上的数', en: 'months payable cannot be negative: write 0 or more' },
  percent: { zh: '当期结存率是当期结存占收入的百分比，不超过 100：请填写 100 或以下的数', en: 'the balance rate is the current balance as a percentage of income, at most 100: write 100 or less' },
} as const;

/** Why a target's value cannot be asked of the indicator, in both languages; undefined where it can. */
export function targetValueReason(indicator: string, value: number): { zh: string; en: string } | undefined {
  if (indicator === 'balanceRate') return value > 100 ? TARGET_BOUNDS.percent : undefined;
  return value < 0 ? TARGET_BOUNDS.negative : undefined;
}
