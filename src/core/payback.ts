/**
 * Payback: when the cumulative net flow turns non-negative, undiscounted or discounted.
 *
 * Definition (documented in README and tested): payback is the point after which the cumulative net
 * stays non-negative to the end of the series. If the cumulative turns positive, dips below zero again
 * (a late reinvestment) and recovers, payback is the later recovery: money that must be put back in has
 * not been paid back. The first crossing is reported too (`firstTime`) for those who want it.
 * If the cumulative is negative in the last period, the series never pays back within its horizon.
 */
import { fail } from "./errors";
import { outOfRange } from "./invariant";
import { RateSpec, Timing, accumulationFactors, logAccumulationFactors, normalFactor, timeOf } from "./discounting";
import { binaryMagnitude, timesPow2, trimmedLength } from "./values";

export interface PaybackResult {
  /** Time (in periods) of the sustained payback; null when it never pays back. */
  time: number | null;
  /** Time of the first crossing to non-negative, which may be undone later; null when there is none. */
  firstTime: number | null;
  /** Cumulative (discounted) net per value (±Infinity where it exceeds the doubles; the times do not use it). */
  cumulative: number[];
}

/**
 * The cumulative net as mant[j] · e^(scale[j]). Only the signs and the ratio at the crossing matter, so
 * this form decides payback even where the cumulative itself over- or underflows.
 */
interface Cumulative {
  mant: number[];
  scale: number[];
}

/** Plain doubles: the cumulative itself (scale 0), or null when a factor or a sum leaves the doubles. */
function plainCumulative(values: readonly number[], n: number, rate: RateSpec | null, timing: Timing): Cumulative | null {
  const g = rate === null ? null : accumulationFactors(rate, n, timing);
  const mant = new Array<number>(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== "number") return outOfRange("plainCumulative", i, values.length);
    if (v !== 0 && g !== null) {
      const gi = g[i];
      if (typeof gi !== "number") return outOfRange("plainCumulative", i, n);
      if (!normalFactor(gi)) return null;
      sum += v / gi;
    } else sum += v;
    if (!Number.isFinite(sum)) return null;
    mant[i] = sum;
  }
  return { mant, scale: new Array<number>(n).fill(0) };
}

/**
 * The same with an exponent kept apart: values are scaled by a power of two so that the largest is at most 1,
 * and each term v_i / G_i = v_i · e^(−ln G_i) is added on the scale of the larger of the sum and the term, so
 * the mantissa stays between −n and n. Undiscounted sums stay exact (all scales 0).
 */
function scaledCumulative(values: readonly number[], n: number, rate: RateSpec | null, timing: Timing): Cumulative {
  const logG = rate === null ? null : logAccumulationFactors(rate, n, timing);
  const k = binaryMagnitude(values, 0, n);
  const base = k * Math.LN2;
  const mant = new Array<number>(n);
  const scale = new Array<number>(n);
  let a = 0;
  let l = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (typeof x !== "number") return outOfRange("scaledCumulative", i, values.length);
    const v = timesPow2(x, -k);
    if (v !== 0) {
      const lg = logG === null ? 0 : logG[i];
      if (typeof lg !== "number") return outOfRange("scaledCumulative", i, n);
      const s = -lg;
      if (a === 0) {
        a = v;
        l = s;
      } else if (s > l) {
        a = a * Math.exp(l - s) + v;
        l = s;
      } else a += v * Math.exp(s - l);
    }
    mant[i] = a;
    scale[i] = l + base;
  }
  return { mant, scale };
}

function crossingTime(cum: Cumulative, j: number, timing: Timing, fractional: boolean): number {
  if (j === 0 || !fractional) return timeOf(j, timing);
  // Linear interpolation between the time points of the two values around the crossing (they are 1 apart).
  const scaleBefore = cum.scale[j - 1];
  const scaleAfter = cum.scale[j];
  const mantBefore = cum.mant[j - 1];
  const mantAfter = cum.mant[j];
  if (typeof scaleBefore !== "number" || typeof scaleAfter !== "number" || typeof mantBefore !== "number" || typeof mantAfter !== "number")
    return outOfRange("crossingTime", j, cum.mant.length);
  const top = Math.max(scaleBefore, scaleAfter);
  const before = mantBefore * Math.exp(scaleBefore - top); // < 0
  const after = mantAfter * Math.exp(scaleAfter - top); // ≥ 0
  return timeOf(j - 1, timing) + (after === 0 ? 1 : -before / (after - before));
}

/**
 * Trailing zeros (blanks) are dropped first: they leave the cumulative unchanged, so they cannot change the
 * answer, and discounting them at a rate near −100 % would only produce 0 / 0.
 */
export function paybackAnalysis(values: readonly number[], opts: { rate?: RateSpec | null; timing?: Timing; fractional?: boolean } = {}): PaybackResult {
  const timing = opts.timing ?? 0;
  const fractional = opts.fractional ?? true;
  if (values.length === 0) fail("emptyRange", { arg: "values" });
  const rate = opts.rate === undefined ? null : opts.rate;
  const n = trimmedLength(values, 1);
  const cum = plainCumulative(values, n, rate, timing) ?? scaledCumulative(values, n, rate, timing);
  const nonNegative = (j: number): boolean => {
    const m = cum.mant[j];
    return typeof m === "number" ? m >= 0 : outOfRange("paybackAnalysis", j, n);
  };

  let first: number | null = null;
  for (let j = 0; j < n; j++) {
    if (nonNegative(j)) {
      first = j;
      break;
    }
  }
  let sustained: number | null = null;
  if (nonNegative(n - 1)) {
    let j = n - 1;
    while (j > 0 && nonNegative(j - 1)) j--;
    sustained = j;
  }
  const cumulative = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) {
    const j = Math.min(i, n - 1);
    const m = cum.mant[j];
    const e = cum.scale[j];
    if (typeof m !== "number" || typeof e !== "number") return outOfRange("paybackAnalysis", j, n);
    cumulative[i] = e === 0 ? m : m * Math.exp(e);
  }
  return {
    time: sustained === null ? null : crossingTime(cum, sustained, timing, fractional),
    firstTime: first === null ? null : crossingTime(cum, first, timing, fractional),
    cumulative,
  };
}

/** Payback time, or a #N/A "never pays back" error. */
export function payback(values: readonly number[], opts: { rate?: RateSpec | null; timing?: Timing; fractional?: boolean } = {}): number {
  const r = paybackAnalysis(values, opts);
  return r.time === null ? fail("neverPaysBack") : r.time;
}
