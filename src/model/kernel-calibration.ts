/**
 * Calibration on float64, for the kernel's paths: the same decisions and
 * levels as src/model/calibration.ts (the exact statement), without the
 * messages. Where a decision is within reach of its threshold (or a tie between
 * two periods, or a trend, whose least squares lose digits), it says so and
 * the kernel asks the exact calibration instead; an anchor from levels is a
 * float64 within about 1e-15 of the exact one, so the kernel charges such a
 * line with a wider half-fen margin (and the exact anchor near a half fen).
 */
import type { Dec } from '../common/money.ts';
import type { BaseYear, FundId } from './base-year.ts';
import { defaultMethod, type CalibrationMethod, type CalibrationOptions, type Side } from './calibration.ts';

/** Lines the model does not scale from a level (calibration.ts). */
const NOT_CALIBRATED = new Set(['interest', 'aid.contributions']);

export interface FloatCalibration {
  /** By "fund|side|line": the anchor in 元, or `reported` where it is the report's own amount. */
  anchors: Map<string, number | 'reported'>;
  /** By "fund|side|line|year": a full year's level, for the report's deferrals. */
  levels: Map<string, number>;
  /** A decision within reach of its threshold, a tie, or a trend: only the exact calibration can say. */
  close: boolean;
}

type DriverF64 = (fund: FundId, side: Side, line: string, year: number) => number | undefined;

/** Relative distance under which two float64 figures of a decision are too close to call. */
const CLOSE = 1e-9;

export function calibrateF64(base: BaseYear, driverAt: DriverF64, opts: CalibrationOptions, financedAsNeeded: FundId[]): FloatCalibration {
  const out: FloatCalibration = { anchors: new Map(), levels: new Map(), close: false };
  const history = (base.history ?? []).filter((p) => !(p.year === base.year && !p.half));
  const threshold = opts.threshold.toNumber() / 100;
  const near = (a: number, b: number) => Math.abs(a - b) <= CLOSE * Math.max(Math.abs(a), Math.abs(b));
  for (const bf of base.funds) {
    for (const side of ['income', 'expenditure'] as const) {
      if (side === 'income' && financedAsNeeded.includes(bf.id)) continue;
      const lines = bf[side] as Partial<Record<string, Dec>>;
      const kBase = new Map<string, number>();
      for (const [line, amount] of Object.entries(lines) as [string, Dec][]) {
        const d = driverAt(bf.id, side, line, base.year);
        if (!NOT_CALIBRATED.has(line) && d !== undefined && d !== 0) kBase.set(line, amount.toNumber() / d);
      }
      if (kBase.size === 0) continue;
      type Period = { year: number; half: boolean; ratio: number; lines?: Partial<Record<string, Dec>> };
      const periods: Period[] = [{ year: base.year, half: false, ratio: 1, lines }];
      for (const p of history) {
        const got = p.funds[bf.id]?.[side] as Partial<Record<string, Dec>> | undefined;
        if (!got) continue;
        const f = p.half ? 0.5 : 1;
        let expected = 0;
        let reported = 0;
        let complete = true;
        for (const [line, amount] of Object.entries(got) as [string, Dec][]) if (!NOT_CALIBRATED.has(line)) reported += amount.toNumber();
        for (const [line, k] of kBase) {
          const d = driverAt(bf.id, side, line, p.year);
          if (d === undefined) complete = false;
          else expected += k * d * f;
        }
        if (!complete || expected === 0 || reported === 0) continue;
        periods.push({ year: p.year, half: p.half, ratio: reported / expected, lines: got });
      }
      periods.sort((a, b) => a.year - b.year || Number(a.half) - Number(b.half));
      const weight = (x: { half: boolean }) => (x.half ? 0.5 : 1);
      const departureOf = (q: Period, among: Period[]) => {
        let w = 0;
        let s = 0;
        for (const o of among) {
          if (o === q) continue;
          w += weight(o);
          s += o.ratio * weight(o);
        }
        return q.ratio / (s / w) - 1;
      };
      const explained = (q: { year: number }) => (base.timing ?? []).some((t) => t.fund === bf.id && t.side === side && t.year === q.year);
      const flagged = new Set<Period>();
      let remaining = periods.filter((q) => !explained(q));
      while (remaining.length >= 2) {
        const candidates = remaining.length === 2 ? [remaining[1]!] : remaining;
        let worst = candidates[0]!;
        let worstDep = departureOf(worst, remaining);
        for (const q of candidates.slice(1)) {
          const dep = departureOf(q, remaining);
          if (near(Math.abs(dep), Math.abs(worstDep))) out.close = true;
          if (Math.abs(dep) > Math.abs(worstDep)) [worst, worstDep] = [q, dep];
        }
        if (near(Math.abs(worstDep), threshold)) out.close = true;
        if (Math.abs(worstDep) <= threshold) break;
        const apart = remaining.length === 2 && remaining[1]!.year - remaining[0]!.year > 1;
        if (!apart) flagged.add(worst);
        remaining = remaining.filter((q) => q !== worst);
      }
      const baseAbnormal = opts.normalise && [...flagged].some((q) => q.year === base.year && !q.half);
      for (const [line, k] of kBase) {
        const levels = periods.map((q) => {
          const own = q.lines?.[line];
          const d = driverAt(bf.id, side, line, q.year);
          const f = q.half ? 0.5 : 1;
          const level = own !== undefined && d !== undefined && d !== 0 ? own.toNumber() / (d * f) : k * q.ratio;
          if (!q.half) out.levels.set(`${bf.id}|${side}|${line}|${q.year}`, level);
          return { year: q.year, half: q.half, level, used: !(opts.normalise && flagged.has(q)) };
        });
        const method: CalibrationMethod = baseAbnormal ? 'average' : methodFor(opts, bf.id, side, line);
        const usable = levels.filter((l) => l.used && !(baseAbnormal && l.year === base.year && !l.half));
        const key = `${bf.id}|${side}|${line}`;
        if (method === 'last' || usable.length === 0) {
          out.anchors.set(key, 'reported');
          continue;
        }
        if (method === 'trend') {
          out.close = true;
          continue;
        }
        let w = 0;
        let s = 0;
        for (const l of usable) {
          w += l.half ? 0.5 : 1;
          s += l.level * (l.half ? 0.5 : 1);
        }
        const level = s / w;
        out.anchors.set(key, Math.max(0, level) * driverAt(bf.id, side, line, base.year)!);
      }
    }
  }
  return out;
}

/**
 * calibrateF64 once per base year, options and the driver values it reads
 * (every line of every fund at the base year and each reported year): kernels
 * whose policies differ only after the reported years (a grid's cells, a goal
 * seek's steps from a later year) share one. `owner` is the scenario's base
 * year as prepared; `variant` what made `base` from it (critical illness).
 * The result is read only.
 */
export function sharedCalibrateF64(owner: BaseYear, variant: string, base: BaseYear, driverAt: DriverF64, opts: CalibrationOptions, financedAsNeeded: FundId[]): FloatCalibration {
  const options = JSON.stringify([variant, opts.normalise, opts.threshold.toString(), opts.method ?? null, opts.methods, financedAsNeeded]);
  const reads = driverReads(base, driverAt);
  let known = sharedCalibrations.get(owner);
  if (!known) sharedCalibrations.set(owner, (known = []));
  const hit = known.find((c) => c.options === options && sameReads(c.reads, reads));
  if (hit) return hit.result;
  const result = calibrateF64(base, driverAt, opts, financedAsNeeded);
  if (known.length >= SHARED_LIMIT) known.shift();
  known.push({ options, reads, result });
  return result;
}

const sharedCalibrations = new WeakMap<BaseYear, { options: string; reads: Float64Array; result: FloatCalibration }[]>();
const SHARED_LIMIT = 32;

/** Every driver value calibrateF64 may read, in a fixed order; undefined as a flag beside NaN, so the two stay apart. */
function driverReads(base: BaseYear, driverAt: DriverF64): Float64Array {
  const years = [base.year, ...(base.history ?? []).map((p) => p.year)];
  const out: number[] = [];
  for (const bf of base.funds) {
    for (const side of ['income', 'expenditure'] as const) {
      for (const line of Object.keys(bf[side] ?? {})) {
        for (const y of years) {
          const d = driverAt(bf.id, side, line, y);
          out.push(d === undefined ? 1 : 0, d ?? 0);
        }
      }
    }
  }
  return Float64Array.from(out);
}

function sameReads(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function methodFor(opts: CalibrationOptions, fund: FundId, side: Side, line: string): CalibrationMethod {
  return opts.methods[`${fund}/${side}/${line}`] ?? opts.methods[`${fund}/${side}`] ?? opts.methods[fund] ?? opts.method ?? defaultMethod(line);
}
