/**
 * What each place in a baseline may hold: its dimension (so 人 under income is
 * refused), its sign and range (a share is 0-100 %, a decline at most -100 %),
 * and for breakdowns the names its parts may take. The loader checks against
 * these; the schema's part names are generated from the same tables.
 */
import type { Dimension } from './units.ts';

export interface FigureSpec {
  label: string;
  dimensions: readonly Dimension[];
  /** Inclusive bounds on the printed value, as decimal strings. */
  min?: string;
  max?: string;
}

export interface NodeSpec extends FigureSpec {
  /** Part name → the spec of that part. */
  parts?: Readonly<Record<string, NodeSpecName>>;
  /** Visit categories carry a cost per visit. */
  costPerVisit?: boolean;
}

export const NODE_SPEC_NAMES = [
  'income', 'contributions', 'subsidy', 'expenditure', 'benefits', 'amount', 'balance', 'assets', 'liabilities',
  'insured', 'beneficiaries', 'visits', 'visitCategory', 'perCapita', 'perCapitaPart', 'rate', 'ratePart',
] as const;
export type NodeSpecName = (typeof NODE_SPEC_NAMES)[number];

const money = ['money'] as const;

export const NODE_SPECS: Readonly<Record<NodeSpecName, NodeSpec>> = {
  income: {
    label: 'income 收入',
    dimensions: money,
    min: '0',
    parts: {
      contributions: 'contributions',
      individual: 'amount',
      subsidy: 'subsidy',
      interest: 'amount',
      other: 'amount',
      transferIn: 'amount',
      upperSubsidy: 'amount',
    },
  },
  contributions: {
    label: 'contribution income 征缴收入',
    dimensions: money,
    min: '0',
    parts: { pooling: 'amount', personalAccount: 'amount' },
  },
  subsidy: {
    label: 'fiscal subsidy 财政补助',
    dimensions: money,
    min: '0',
    parts: { central: 'amount', region: 'amount', city: 'amount', county: 'amount' },
  },
  expenditure: {
    label: 'expenditure 支出',
    dimensions: money,
    min: '0',
    parts: {
      benefits: 'benefits',
      contributionSubsidy: 'amount',
      other: 'amount',
      transferOut: 'amount',
      remitUp: 'amount',
      subsidyDown: 'amount',
    },
  },
  benefits: {
    label: 'benefit expenditure 待遇支出',
    dimensions: money,
    min: '0',
    parts: {
      outpatient: 'amount',
      inpatient: 'amount',
      transferOut: 'amount',
      pooling: 'amount',
      personalAccount: 'amount',
      maternityMedical: 'amount',
      maternityAllowance: 'amount',
    },
  },
  amount: { label: 'amount', dimensions: money, min: '0' },
  balance: { label: 'balance 结存', dimensions: money },
  assets: {
    label: 'assets 资产',
    dimensions: money,
    min: '0',
    parts: {
      bankDeposits: 'amount',
      incomeAccount: 'amount',
      expenditureAccount: 'amount',
      fiscalAccount: 'amount',
      advances: 'amount',
      other: 'amount',
    },
  },
  liabilities: {
    label: 'liabilities 负债',
    dimensions: money,
    min: '0',
    parts: { advancesReceived: 'amount', other: 'amount' },
  },
  insured: {
    label: 'insured 参保人数',
    dimensions: ['persons'],
    min: '0',
    parts: { inService: 'insured', retired: 'insured', flexible: 'insured', students: 'insured' },
  },
  beneficiaries: {
    label: 'beneficiaries 享受待遇人数',
    dimensions: ['persons', 'visits'],
    min: '0',
    parts: {
      inpatient: 'beneficiaries',
      outpatient: 'beneficiaries',
      maternityAllowance: 'beneficiaries',
      childbirth: 'beneficiaries',
      familyPlanningSurgery: 'beneficiaries',
    },
  },
  visits: {
    label: 'visits 人次',
    dimensions: ['visits'],
    min: '0',
    parts: {
      generalOutpatient: 'visitCategory',
      specialOutpatient: 'visitCategory',
      inpatient: 'visitCategory',
      inServiceSpecialOutpatient: 'visitCategory',
      inServiceInpatient: 'visitCategory',
      retiredSpecialOutpatient: 'visitCategory',
      retiredInpatient: 'visitCategory',
      childbirth: 'visitCategory',
      familyPlanning: 'visitCategory',
    },
  },
  visitCategory: { label: 'visits 人次', dimensions: ['visits'], min: '0', costPerVisit: true },
  perCapita: {
    label: 'per-capita funding 人均筹资',
    dimensions: ['perCapita'],
    min: '0',
    parts: { subsidy: 'perCapitaPart', individual: 'perCapitaPart' },
  },
  perCapitaPart: { label: 'per-capita funding 人均筹资', dimensions: ['perCapita'], min: '0' },
  rate: {
    label: 'contribution rate 缴费比例',
    dimensions: ['percent'],
    min: '0',
    max: '100',
    parts: { employer: 'ratePart', individual: 'ratePart' },
  },
  ratePart: { label: 'contribution rate 缴费比例', dimensions: ['percent'], min: '0', max: '100' },
};

export function nodeSpec(name: NodeSpecName): NodeSpec {
  return NODE_SPECS[name];
}

/** The breakdown slots of a fund period and the spec of each. */
export const PERIOD_NODES = {
  income: 'income',
  expenditure: 'expenditure',
  currentBalance: 'balance',
  cumulativeBalance: 'balance',
  assets: 'assets',
  liabilities: 'liabilities',
  insured: 'insured',
  beneficiaries: 'beneficiaries',
  visits: 'visits',
  perCapita: 'perCapita',
} as const satisfies Record<string, NodeSpecName>;

export type PeriodNodeSlot = keyof typeof PERIOD_NODES;

export const FIGURE_SPECS = {
  balanceRate: { label: 'balance rate 当期结存率', dimensions: ['percent'], max: '100' },
  monthsPayable: { label: 'months payable 可支付月数', dimensions: ['months'], min: '0' },
  budgetAmount: { label: 'budget 预算', dimensions: money, min: '0' },
  completion: { label: 'budget completion 预算完成率', dimensions: ['percent'], min: '0' },
  share: { label: 'share 占比', dimensions: ['percent'], min: '0', max: '100' },
  costPerVisit: { label: 'cost per visit 次均医疗费用', dimensions: ['costPerVisit'], min: '0' },
  growthRate: { label: 'growth rate 增长率', dimensions: ['percent'], min: '-100' },
  monthlyWage: { label: 'contribution base 缴费基数', dimensions: ['monthlyWage'], min: '0' },
  percentOfWage: { label: 'percent of average wage', dimensions: ['percent'], min: '0' },
  contributionRate: { label: 'contribution rate 缴费比例', dimensions: ['percent'], min: '0', max: '100' },
} as const satisfies Record<string, FigureSpec>;
