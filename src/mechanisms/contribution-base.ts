/**
 * 缴费基数: the wage clamped to the floor and ceiling in force. A wage below
 * the floor pays on the floor; above the ceiling, the excess is not counted
 * (超过部分不计).
 */
import type { Dec } from '../common/money.ts';
import { D } from '../common/money.ts';

export function contributionBase(wage: Dec, floor: Dec | undefined, ceiling: Dec | undefined): Dec {
  let base = wage;
  if (floor !== undefined) base = D.max(base, floor);
  if (ceiling !== undefined) base = D.min(base, ceiling);
  return base;
}

/** The same clamp on float64, for the model's drivers; NaN means "not set". */
export function contributionBaseF64(wage: number, floor: number, ceiling: number): number {
  let base = wage;
  if (!Number.isNaN(floor) && floor > base) base = floor;
  if (!Number.isNaN(ceiling) && ceiling < base) base = ceiling;
  return base;
}
