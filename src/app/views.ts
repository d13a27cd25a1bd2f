/**
 * What the worker sends the workbench: plain, structured-cloneable data with
 * every amount as an exact decimal string. The workbench formats and draws
 * these; it never computes policy.
 */
import type { InputProblem } from '../common/errors.ts';
import type { Scheme, Text, Unit } from '../rules/types.ts';
import type { WarningLevel } from '../model/fund-year.ts';
import type { Provenance } from '../engine/resolve.ts';
import type { PopulationView } from './population-view.ts';
import type { CalibrationView } from './calibration-views.ts';

export interface FundYearView {
  year: number;
  /** 万元, exact. */
  income: string;
  expenditure: string;
  currentBalance: string;
  cumulative: string;
  /** Percent; null without income. */
  balanceRate: string | null;
  monthsPayable: string | null;
  warning: WarningLevel;
  incomeBySource: Record<string, string>;
  expenditureByUse: Record<string, string>;
}

export interface FundView {
  id: string;
  name: Text;
  parts: string[] | null;
  firstDeficitYear: number | null;
  exhaustionYear: number | null;
  years: FundYearView[];
}

export interface LeverView {
  name: string;
  scheme: Scheme;
  unit: Unit;
  label: Text;
  choices?: string[];
  /** In force in the month the levers are shown at (RunView.leversAt), with the scenario's overrides; null where nothing sets it. */
  value: string | null;
  /** The same without the scenario's overrides. */
  baselineValue: string | null;
  source: Provenance | null;
  baselineSource: Provenance | null;
  /**
   * Where the value in force is a percentage of an earlier year's average wage (the city's floor),
   * that percentage and the series, so the lever can change the percentage rather than fix an amount.
   */
  ofWage: { percent: string; yearOffset: number; from: string } | null;
  /** Index into the scenario's overrides, where one sets this parameter. */
  override: number | null;
  /** Why changing this lever moves nothing in this scenario, and the assumption (its key) that would let it. */
  inert: { reason: Text; missing: string | null } | null;
}

export interface ChangeView {
  param: string;
  label: Text;
  unit: Unit;
  from: string | null;
  until: string | null;
  before: string | null;
  after: string;
  note?: string;
}

export interface ThresholdsView {
  low: string | null;
  normalLow: string | null;
  normalHigh: string | null;
  high: string | null;
}

export interface ComplianceView {
  param: string;
  label: Text;
  value: string;
  minimumParam: string;
  minimum: string;
  year: number;
  source: Provenance;
}

export interface RunView {
  ok: true;
  title: string;
  hash: string;
  baseYear: number;
  until: number;
  /** First projected month, the date levers are shown and changed at. */
  leverMonth: string;
  /** The month the levers' values are shown at, the start of a change made now. */
  leversAt: string;
  funds: FundView[];
  subsidy: { year: number; central: string; region: string; city: string; county: string; unspecified: string }[];
  subsidyTotals: { central: string; region: string; city: string; county: string; unspecified: string };
  perPerson: { year: number; residentStandard: string | null; residentSubsidy: string | null; aidPays: { tekun: string; dibao: string; fanpin: string } }[];
  thresholds: ThresholdsView;
  levers: LeverView[];
  changes: ChangeView[];
  compliance: ComplianceView[];
  notes: Text[];
  /** Every assumption after defaults, flattened ("growth.resident": "-1.88"). */
  assumptions: Record<string, string>;
  /** Abnormal periods, the report's deferrals and every assumption in force with its origin. */
  calibration: CalibrationView;
  /** The baseline's own audit findings, where the baseline module provides them. */
  audit: { message: string; text: Text }[];
  /** Insured by status and age from the population model (src/app/population-view.ts). */
  population: PopulationView | null;
  /** Results no real fund can have (src/report/checks.ts sanityWarnings), as simulate prints them (an exhausted fund is a projection, not one of them: its months payable read 耗尽). */
  warnings: Text[];
  millis: number;
}

/**
 * The part of a run's view the fund's cards and charts read (the funds' figures, the warning bands, the
 * levers and calibration their notes name), sent ahead of the rest while a lever moves; `millis` is the
 * time to it.
 */
export type RunFigures = Pick<RunView, 'ok' | 'title' | 'hash' | 'baseYear' | 'until' | 'leverMonth' | 'leversAt' | 'funds' | 'thresholds' | 'levers' | 'calibration' | 'millis'>;

/** The rest of a run's view, sent after its figures (SimulationService.runInParts); `millis` is the time to the whole. */
export type RunRest = Omit<RunView, Exclude<keyof RunFigures, 'ok' | 'hash' | 'millis'>>;

export interface FailedRun {
  ok: false;
  problems: InputProblem[];
}

export type RunResult = RunView | FailedRun;

export interface ExplainView {
  fund: string;
  fundName: Text;
  year: number;
  baseYear: number;
  /** What the lines are moved by: insured people in the base year and this year, with where each comes from. */
  inputs: { name: string; value: string; unit: 'people'; source: Text }[];
  /** Each line this year and in the base year (万元), and how the one follows from the other. */
  lines: { line: string; amount: string; base: string | null; how: Text }[];
  parameters: { name: string; label: Text; unit: Unit; value: string; source: Provenance }[];
  assumptions: Record<string, string>;
}

export interface DiffRow {
  fund: string;
  year: number;
  income: string;
  expenditure: string;
  currentBalance: string;
  cumulative: string;
  monthsPayable: string | null;
}

export interface CompareResult {
  runs: RunResult[];
  /** diffs[k] compares runs[k + 1] with runs[0]. */
  diffs: DiffRow[][];
  /** The subsidy each government level pays, runs[k + 1] − runs[0], 万元. */
  subsidyDiffs: { year: number; central: string; region: string; city: string; county: string; unspecified: string }[][];
}
