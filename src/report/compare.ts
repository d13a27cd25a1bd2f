/** The difference between two projections, fund by fund and year by year (B − A). */
import type { Dec } from '../common/money.ts';
import type { FundId } from '../model/base-year.ts';
import type { Projection } from '../model/project.ts';

export interface FundYearDiff {
  fund: FundId;
  year: number;
  income: Dec;
  expenditure: Dec;
  currentBalance: Dec;
  cumulative: Dec;
  /** None where either side's fund is exhausted (its months payable, negative, read 耗尽: a difference means nothing). */
  monthsPayable?: Dec;
}

export function compareProjections(a: Projection, b: Projection): FundYearDiff[] {
  const out: FundYearDiff[] = [];
  for (const fb of b.funds) {
    const fa = a.funds.find((f) => f.id === fb.id);
    if (!fa) continue;
    for (const yb of fb.years) {
      const ya = fa.years.find((y) => y.year === yb.year);
      if (!ya) continue;
      out.push({
        fund: fb.id,
        year: yb.year,
        income: yb.incomeTotal.minus(ya.incomeTotal),
        expenditure: yb.expenditureTotal.minus(ya.expenditureTotal),
        currentBalance: yb.currentBalance.minus(ya.currentBalance),
        cumulative: yb.cumulative.minus(ya.cumulative),
        monthsPayable: ya.monthsPayable && yb.monthsPayable && !ya.cumulative.isNegative() && !yb.cumulative.isNegative() ? yb.monthsPayable.minus(ya.monthsPayable) : undefined,
      });
    }
  }
  return out;
}
