/**
 * Calibration on every reported year. A projected line is level × driver,
 * where the driver carries counts, standards, wages and costs (per capita by
 * category) and the level is what the reports say one unit of driver is
 * worth. Each reported period gives a level (amount ÷ driver; a half year
 * against half the year's driver); the scenario picks per line which to use:
 * the last full year, the average of the reported periods, or their straight-
 * line trend at the base year.
 *
 * A period is abnormal when its income or expenditure, against what the base
 * year's levels give for it, departs from the other periods' average by more
 * than a stated threshold. By default an abnormal base year is normalised
 * (its levels replaced by the average of the normal periods) and the report's
 * own deferrals are moved to the year they were paid in; both can be switched
 * off. The base year itself is always shown as reported.
 */
import { D, ONE, ZERO, type Dec } from '../common/money.ts';
import { FUND_NAMES } from '../report/names.ts';
import type { BaseYear, ExpenditureLine, FundId, IncomeLine, ReportedPeriod, TimingItem } from './base-year.ts';

export type CalibrationMethod = 'last' | 'average' | 'trend';
export const CALIBRATION_METHODS: readonly CalibrationMethod[] = ['last', 'average', 'trend'];
export type Side = 'income' | 'expenditure';

export interface CalibrationOptions {
  normalise: boolean;
  /** Percent departure from the other periods' average that makes a period abnormal. */
  threshold: Dec;
  /** Method of every line not named in `methods`. */
  method?: CalibrationMethod;
  /** By "fund", "fund/side" or "fund/side/line", the most specific winning. */
  methods: Record<string, CalibrationMethod>;
}

export const DEFAULT_THRESHOLD = '30';

/**
 * Default method of a line: the last full year, whose standards and rates are
 * the ones in force; "other" lines (transfers, one-off items, whatever a
 * report leaves unexplained) take the average of the reported periods, as they
 * do not follow a standard. The rationale is shown with every line.
 */
export function defaultMethod(line: string): CalibrationMethod {
  return line === 'other' ? 'average' : 'last';
}

export interface PeriodLevel {
  year: number;
  half: boolean;
  /** Amount per unit of driver. */
  level: Dec;
  /** The period reports this line itself (else its fund's total gave it, in the base year's proportions). */
  ownLine: boolean;
  used: boolean;
}

export interface LineCalibration {
  fund: FundId;
  side: Side;
  line: IncomeLine | ExpenditureLine;
  method: CalibrationMethod;
  /** The method was not the scenario's choice but the default, or normalisation of an abnormal base year. */
  origin: 'default' | 'scenario' | 'normalised';
  levels: PeriodLevel[];
  /** The base-year amount the projection grows from: the chosen level × the base year's driver, in 元. */
  anchor: Dec;
  /** As reported in the base year, in 元. */
  reported: Dec;
}

export interface AbnormalPeriod {
  fund: FundId;
  side: Side;
  year: number;
  half: boolean;
  /** Percent departure of this period's level from the other periods' average. */
  departure: Dec;
  /** The change over the previous year the report itself states, in percent, where it does. */
  statedChange?: string;
  /** Normalised in the projection (only the base year is; an earlier one is left out of averages). */
  normalised: boolean;
  reason: { zh: string; en: string };
}

export interface DeferralMove {
  item: TimingItem;
  /** Applied in the projection (normalisation on and the year paid in after the base year). */
  applied: boolean;
  /** What moved, in 元: as stated, else the model's figure for the year it belongs to; set by the projection. */
  amount?: Dec;
}

export interface Calibration {
  options: { normalise: boolean; threshold: string };
  lines: LineCalibration[];
  abnormal: AbnormalPeriod[];
  timing: DeferralMove[];
}

/** The driver of a line in a year (a half year gets half), or undefined where the model has none. */
export type DriverAt = (fund: FundId, side: Side, line: string, year: number) => Dec | undefined;

/** Lines the model does not scale from a level: interest follows the opening balance, aid contributions are computed. */
const NOT_CALIBRATED = new Set(['interest', 'aid.contributions']);

const SIDE_NAMES: Record<Side, { zh: string; en: string }> = { income: { zh: '收入', en: 'income' }, expenditure: { zh: '支出', en: 'expenditure' } };

/** @param financedAsNeeded funds whose income is whatever they spend (medical aid, 以支定收): their income is not calibrated. */
export function calibrate(base: BaseYear, driverAt: DriverAt, opts: CalibrationOptions, financedAsNeeded: FundId[] = []): Calibration {
  const history = (base.history ?? []).filter((p) => !(p.year === base.year && !p.half));
  const baseStated = (base.history ?? []).find((p) => p.year === base.year && !p.half)?.statedChange;
  const lines: LineCalibration[] = [];
  const abnormal: AbnormalPeriod[] = [];
  const threshold = opts.threshold.dividedBy(100);
  for (const bf of base.funds) {
    for (const side of ['income', 'expenditure'] as const) {
      if (side === 'income' && financedAsNeeded.includes(bf.id)) continue;
      const baseLines = Object.entries(bf[side]) as [IncomeLine | ExpenditureLine, Dec][];
      const kBase = new Map<IncomeLine | ExpenditureLine, Dec>();
      for (const [line, amount] of baseLines) {
        const d = driverAt(bf.id, side, line, base.year);
        if (!NOT_CALIBRATED.has(line) && d && !d.isZero()) kBase.set(line, amount.dividedBy(d));
      }
      if (kBase.size === 0) continue;
      // Each period against what the base year's levels give for it.
      const periods: { p: ReportedPeriod | undefined; year: number; half: boolean; ratio: Dec; lines?: Partial<Record<string, Dec>>; stated?: string }[] = [
        { p: undefined, year: base.year, half: false, ratio: ONE, lines: bf[side], stated: baseStated?.[bf.id]?.[side] },
      ];
      for (const p of history) {
        const got = p.funds[bf.id]?.[side];
        if (!got) continue;
        const f = p.half ? new D(0.5) : ONE;
        let expected = ZERO;
        let reported = ZERO;
        let complete = true;
        for (const [line, amount] of Object.entries(got) as [string, Dec][]) if (!NOT_CALIBRATED.has(line)) reported = reported.plus(amount);
        for (const [line, k] of kBase) {
          const d = driverAt(bf.id, side, line, p.year);
          if (!d) complete = false;
          else expected = expected.plus(k.times(d).times(f));
        }
        if (!complete || expected.isZero() || reported.isZero()) continue;
        periods.push({ p, year: p.year, half: p.half, ratio: reported.dividedBy(expected), lines: got, stated: p.statedChange?.[bf.id]?.[side] });
      }
      periods.sort((a, b) => a.year - b.year || Number(a.half) - Number(b.half));
      const weight = (x: { half: boolean }) => (x.half ? new D(0.5) : ONE);
      const departureOf = (q: (typeof periods)[number], among: (typeof periods)[number][]) => {
        const others = among.filter((o) => o !== q);
        const w = others.reduce((s, o) => s.plus(weight(o)), ZERO);
        return q.ratio.dividedBy(others.reduce((s, o) => s.plus(o.ratio.times(weight(o))), ZERO).dividedBy(w)).minus(1);
      };
      // The report's own timing statement explains a year's departure on that side: it is moved, not levelled.
      const explained = (q: { year: number }) => (base.timing ?? []).some((t) => t.fund === bf.id && t.side === side && t.year === q.year);
      // One at a time, the period furthest from the others' average, while it is beyond the threshold; with
      // two periods left, the later is judged against the earlier (the reference it is a change from).
      const flagged = new Set<(typeof periods)[number]>();
      let remaining = periods.filter((q) => !explained(q));
      while (remaining.length >= 2) {
        const candidates = remaining.length === 2 ? [remaining[1]!] : remaining;
        let worst = candidates[0]!;
        let worstDep = departureOf(worst, remaining);
        for (const q of candidates.slice(1)) {
          const dep = departureOf(q, remaining);
          if (dep.abs().greaterThan(worstDep.abs())) [worst, worstDep] = [q, dep];
        }
        if (worstDep.abs().lessThanOrEqualTo(threshold)) break;
        // Two periods years apart may differ by a trend the drivers miss: shown, not adjusted.
        const apart = remaining.length === 2 && remaining[1]!.year - remaining[0]!.year > 1;
        if (!apart) flagged.add(worst);
        const isBase = worst.year === base.year && !worst.half;
        const pct = worstDep.times(100).toDecimalPlaces(1).toFixed(1);
        const name = FUND_NAMES[bf.id];
        const when = worst.half ? { zh: `${worst.year}年上半年`, en: `${worst.year} H1` } : { zh: `${worst.year}年`, en: String(worst.year) };
        const sign = (x: string) => (x.startsWith('-') ? x : `+${x}`);
        const stated = worst.stated ? { zh: `；报告：比上年${sign(worst.stated)}%`, en: `; the report: ${sign(worst.stated)}% on the year before` } : { zh: '', en: '' };
        const normalised = isBase && opts.normalise && !apart;
        const what = apart
          ? { zh: `；与${remaining[0]!.year}年相隔多年，可能是趋势，未作调整`, en: `; ${remaining[0]!.year} is years before, the difference may be a trend, so nothing is adjusted` }
          : normalised
          ? { zh: '；预测按其他报告期的平均水平', en: "; the projection uses the other reported periods' average level" }
          : isBase
            ? { zh: '；未调整（已关闭异常年份调整）', en: '; not adjusted (normalisation is off)' }
            : opts.normalise
              ? { zh: '；不计入平均', en: '; left out of averages' }
              : { zh: '', en: '' };
        abnormal.push({
          fund: bf.id,
          side,
          year: worst.year,
          half: worst.half,
          departure: worstDep.times(100),
          statedChange: worst.stated,
          normalised,
          reason: {
            zh: `${name.zh}${when.zh}人均${SIDE_NAMES[side].zh}比其他报告期平均${sign(pct)}%，超过阈值±${opts.threshold.toString()}%${stated.zh}${what.zh}`,
            en: `${name.en} ${when.en}: per-capita ${SIDE_NAMES[side].en} ${sign(pct)}% against the other reported periods' average, beyond the ±${opts.threshold.toString()}% threshold${stated.en}${what.en}`,
          },
        });
        remaining = remaining.filter((q) => q !== worst);
      }
      const baseAbnormal = opts.normalise && [...flagged].some((q) => q.year === base.year && !q.half);
      for (const [line, k] of kBase) {
        const levels: PeriodLevel[] = periods.map((q) => {
          const own = q.lines?.[line];
          const d = driverAt(bf.id, side, line, q.year);
          const f = q.half ? new D(0.5) : ONE;
          const level = own !== undefined && d && !d.isZero() ? own.dividedBy(d.times(f)) : k.times(q.ratio);
          const used = !(opts.normalise && flagged.has(q));
          return { year: q.year, half: q.half, level, ownLine: own !== undefined, used };
        });
        const chosen = methodFor(opts, bf.id, side, line);
        const method: CalibrationMethod = baseAbnormal ? 'average' : chosen.method;
        const usable = levels.filter((l) => l.used && !(baseAbnormal && l.year === base.year && !l.half));
        const reported = bf[side][line as never] as Dec;
        const level = method === 'last' || usable.length === 0 ? undefined : method === 'average' ? weightedMean(usable) : trendAt(usable, base.year);
        const d0 = driverAt(bf.id, side, line, base.year)!;
        // The last year is the report itself, exactly; a level from several periods is never negative.
        const anchor = level === undefined ? reported : D.max(ZERO, level).times(d0);
        lines.push({ fund: bf.id, side, line, method, origin: baseAbnormal ? 'normalised' : chosen.origin, levels, anchor, reported });
      }
    }
  }
  const timing = (base.timing ?? []).map((item) => ({ item, applied: opts.normalise && item.kind === 'deferred' && item.to !== undefined && item.to > base.year && item.year <= base.year }));
  return { options: { normalise: opts.normalise, threshold: opts.threshold.toString() }, lines, abnormal, timing };
}

function methodFor(opts: CalibrationOptions, fund: FundId, side: Side, line: string): { method: CalibrationMethod; origin: 'default' | 'scenario' } {
  const named = opts.methods[`${fund}/${side}/${line}`] ?? opts.methods[`${fund}/${side}`] ?? opts.methods[fund] ?? opts.method;
  return named ? { method: named, origin: 'scenario' } : { method: defaultMethod(line), origin: 'default' };
}

function weightedMean(levels: PeriodLevel[]): Dec {
  let w = ZERO;
  let s = ZERO;
  for (const l of levels) {
    const x = l.half ? new D(0.5) : ONE;
    w = w.plus(x);
    s = s.plus(l.level.times(x));
  }
  return s.dividedBy(w);
}

/** Weighted least-squares line through the levels, read at `year`; undefined with fewer than two distinct years. */
function trendAt(levels: PeriodLevel[], year: number): Dec | undefined {
  const pts = levels.map((l) => ({ x: new D(l.year).plus(l.half ? new D(-0.25) : ZERO), y: l.level, w: l.half ? new D(0.5) : ONE }));
  const w = pts.reduce((s, p) => s.plus(p.w), ZERO);
  const mx = pts.reduce((s, p) => s.plus(p.x.times(p.w)), ZERO).dividedBy(w);
  const my = pts.reduce((s, p) => s.plus(p.y.times(p.w)), ZERO).dividedBy(w);
  const sxx = pts.reduce((s, p) => s.plus(p.w.times(p.x.minus(mx).pow(2))), ZERO);
  if (sxx.isZero()) return undefined;
  const sxy = pts.reduce((s, p) => s.plus(p.w.times(p.x.minus(mx)).times(p.y.minus(my))), ZERO);
  return my.plus(sxy.dividedBy(sxx).times(new D(year).minus(mx)));
}

/** The anchor of a line, where calibration gives one. */
export function anchorOf(c: Calibration | undefined, fund: FundId, side: Side, line: string): Dec | undefined {
  return c?.lines.find((l) => l.fund === fund && l.side === side && l.line === line)?.anchor;
}
