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
import { RateSpec, Timing, discountedValues, timeOf } from "./discounting";

export interface PaybackResult {
  /** Time (in periods) of the sustained payback; null when it never pays back. */
  time: number | null;
  /** Time of the first crossing to non-negative, which may be undone later; null when there is none. */
  firstTime: number | null;
  /** Cumulative (discounted) net per value. */
  cumulative: number[];
}

function crossingTime(cum: readonly number[], j: number, timing: Timing, fractional: boolean): number {
  if (j === 0 || !fractional) return timeOf(j, timing);
  const before = cum[j - 1];
  const after = cum[j];
  // Linear interpolation between the time points of the two values around the crossing (they are 1 apart).
  return timeOf(j - 1, timing) + -before / (after - before);
}

export function paybackAnalysis(
  values: readonly number[],
  opts: { rate?: RateSpec | null; timing?: Timing; fractional?: boolean } = {},
): PaybackResult {
  const timing = opts.timing ?? 0;
  const fractional = opts.fractional ?? true;
  if (values.length === 0) fail("emptyRange", { arg: "values" });
  const flows = opts.rate === undefined || opts.rate === null ? values : discountedValues(opts.rate, values, timing);
  const cumulative = new Array<number>(flows.length);
  let sum = 0;
  for (let i = 0; i < flows.length; i++) cumulative[i] = sum += flows[i];

  let first: number | null = null;
  for (let j = 0; j < cumulative.length; j++) {
    if (cumulative[j] >= 0) {
      first = j;
      break;
    }
  }
  let sustained: number | null = null;
  if (cumulative[cumulative.length - 1] >= 0) {
    let j = cumulative.length - 1;
    while (j > 0 && cumulative[j - 1] >= 0) j--;
    sustained = j;
  }
  return {
    time: sustained === null ? null : crossingTime(cumulative, sustained, timing, fractional),
    firstTime: first === null ? null : crossingTime(cumulative, first, timing, fractional),
    cumulative,
  };
}

/** Payback time, or a #N/A "never pays back" error. */
export function payback(
  values: readonly number[],
  opts: { rate?: RateSpec | null; timing?: Timing; fractional?: boolean } = {},
): number {
  const r = paybackAnalysis(values, opts);
  return r.time === null ? fail("neverPaysBack") : r.time;
}
