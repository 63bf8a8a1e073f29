/**
 * Discounting: timing conventions, constant, per-period and declining rates, present value,
 * real ↔ nominal rates and price-year conversion. The one discounting routine every function,
 * the planner's formulas and their tests rely on.
 */
import { fail, show } from "./errors";
import { outOfRange } from "./invariant";
import { trimmedLength } from "./values";

/**
 * When in its period a value falls. Value number i (from 0) sits at time i + 1 − type:
 * 0 = end of period (Excel NPV: the first value is discounted one full period),
 * 1 = start of period (the first value is today, undiscounted), 0.5 = mid-period.
 */
export type Timing = 0 | 0.5 | 1;

/** One rate for every period, or one rate per period (the rate of period k covers time k−1 to k). */
export type RateSpec = number | readonly number[];

export const MAX_PERIODS = 10000;

export function asTiming(x: number): Timing {
  if (x === 0 || x === 1 || x === 0.5) return x;
  return fail("badTiming", { got: show(x) });
}

/** The time, in periods from today, at which value number i sits. */
export function timeOf(i: number, timing: Timing): number {
  return i + 1 - timing;
}

/** How many per-period rates a series of n values needs under a timing convention. */
export function ratesNeeded(n: number, timing: Timing): number {
  return n === 0 ? 0 : Math.ceil(timeOf(n - 1, timing));
}

/**
 * A discount rate must be above this: −100 % (1 + r > 0). The one bound of every rate: as core/bounds
 * RATE_BOUNDS it is also the function specs', the planner's validation's and the task pane's fields'.
 */
export const RATE_FLOOR = -1;

function checkRate(r: number, pos?: number): void {
  if (!(r > RATE_FLOOR)) fail("rateTooLow", { got: show(r), pos: pos ?? "" });
}

/** Validates a rate spec for n values; a range of one cell counts as a constant rate. */
export function normaliseRate(rate: RateSpec, n: number, timing: Timing): RateSpec {
  if (typeof rate === "number") {
    checkRate(rate);
    return rate;
  }
  if (rate.length === 1) {
    const only = rate[0];
    return typeof only === "number" ? normaliseRate(only, n, timing) : outOfRange("normaliseRate", 0, 1);
  }
  const need = ratesNeeded(n, timing);
  if (rate.length < need) fail("tooFewRates", { got: rate.length, need });
  for (let k = 0; k < need; k++) {
    const r = rate[k];
    if (typeof r !== "number") return outOfRange("normaliseRate", k, rate.length);
    checkRate(r, k + 1);
  }
  return rate;
}

/** The rate of period k + 1 of a per-period spec that normaliseRate has checked covers it. */
function rateOfPeriod(spec: readonly number[], k: number): number {
  const r = spec[k];
  return typeof r === "number" ? r : outOfRange("rateOfPeriod", k, spec.length);
}

/**
 * Accumulation factors G_i (so that the discount factor is 1 / G_i) for n values.
 * A constant rate uses (1 + r)^t, exactly as Excel's NPV does. Per-period rates use the cumulative
 * product of each period's (1 + r_k), with a fractional last step for mid-period timing; computing
 * (1 + r_t)^t with period t's own rate would make the factor jump up where a declining schedule steps down.
 */
export function accumulationFactors(rate: RateSpec, n: number, timing: Timing): number[] {
  const spec = normaliseRate(rate, n, timing);
  const out = new Array<number>(n);
  if (typeof spec === "number") {
    const base = 1 + spec;
    for (let i = 0; i < n; i++) out[i] = Math.pow(base, timeOf(i, timing));
    return out;
  }
  // normaliseRate checked that spec has a rate for every period up to the last value's time
  let whole = 1; // product of (1 + r_k) for all whole periods passed so far
  let passed = 0;
  for (let i = 0; i < n; i++) {
    const t = timeOf(i, timing);
    const full = Math.floor(t);
    while (passed < full) whole *= 1 + rateOfPeriod(spec, passed++);
    const frac = t - full;
    out[i] = frac === 0 ? whole : whole * Math.pow(1 + rateOfPeriod(spec, full), frac);
  }
  return out;
}

/**
 * ln G_i for n values: the logarithms of the accumulation factors, which neither overflow nor underflow.
 * The fallback when a factor leaves the range of normal doubles (e.g. (1 − 0.5)^1100).
 */
export function logAccumulationFactors(rate: RateSpec, n: number, timing: Timing): number[] {
  const spec = normaliseRate(rate, n, timing);
  const out = new Array<number>(n);
  if (typeof spec === "number") {
    const l = Math.log1p(spec);
    for (let i = 0; i < n; i++) out[i] = timeOf(i, timing) * l;
    return out;
  }
  let whole = 0;
  let passed = 0;
  for (let i = 0; i < n; i++) {
    const t = timeOf(i, timing);
    const full = Math.floor(t);
    while (passed < full) whole += Math.log1p(rateOfPeriod(spec, passed++));
    const frac = t - full;
    out[i] = frac === 0 ? whole : whole + frac * Math.log1p(rateOfPeriod(spec, full));
  }
  return out;
}

/**
 * Whether an accumulation factor is used directly: a normal double (from 2^−1022) and finite. A subnormal or
 * zero one (r near −100 % over many periods) has lost its digits, and an infinite product may hide a factor
 * that later per-period rates bring back down: there the logarithms (logAccumulationFactors) take over.
 */
export const normalFactor = (g: number): boolean => g >= 2 ** -1022 && g < Infinity;

export function discountFactors(rate: RateSpec, n: number, timing: Timing = 0): number[] {
  const g = accumulationFactors(rate, n, timing);
  let logs: number[] | null = null;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const gi = g[i];
    if (typeof gi !== "number") return outOfRange("discountFactors", i, n);
    if (normalFactor(gi)) out[i] = 1 / gi;
    else {
      const l = (logs ??= logAccumulationFactors(rate, n, timing))[i];
      if (typeof l !== "number") return outOfRange("discountFactors", i, n);
      out[i] = Math.exp(-l); // may be Infinity: a true overflow
    }
  }
  return out;
}

/**
 * Present value of a series (blanks already read as 0). Equals Excel NPV for timing 0 and a constant rate.
 * Trailing zeros are dropped first (they add nothing, and a per-period rate need not cover them). When a
 * factor or the sum leaves the range of doubles, the sum is formed from logarithms, so a finite present value
 * is found even where (1 + r)^t alone over- or underflows; an infinite one is returned as such (an overflow).
 */
export function presentValue(rate: RateSpec, values: readonly number[], timing: Timing = 0): number {
  const n = trimmedLength(values);
  const g = accumulationFactors(rate, n, timing);
  let sum = 0;
  let plain = true;
  for (let i = 0; i < n && plain; i++) {
    const v = values[i];
    const gi = g[i];
    if (typeof v !== "number" || typeof gi !== "number") return outOfRange("presentValue", i, n);
    if (v === 0) continue;
    if (!normalFactor(gi)) plain = false;
    else sum += v / gi;
  }
  if (plain && Number.isFinite(sum)) return sum;
  return logPresentValue(values, logAccumulationFactors(rate, n, timing));
}

/** Σ v_i · e^(−l_i) as sign · e^(M + ln|Σ v_i e^(s_i − M)|), M the largest ln|v_i| − l_i. */
function logPresentValue(values: readonly number[], logG: readonly number[]): number {
  // logG has one entry per value up to the last non-zero one (values may have trailing zeros beyond it)
  let top = -Infinity;
  for (let i = 0; i < logG.length; i++) {
    const v = values[i];
    const l = logG[i];
    if (typeof v !== "number" || typeof l !== "number") return outOfRange("logPresentValue", i, values.length);
    if (v !== 0) top = Math.max(top, Math.log(Math.abs(v)) - l);
  }
  if (top === -Infinity) return 0;
  let mant = 0;
  for (let i = 0; i < logG.length; i++) {
    const v = values[i];
    const l = logG[i];
    if (typeof v !== "number" || typeof l !== "number") return outOfRange("logPresentValue", i, values.length);
    if (v !== 0) mant += Math.sign(v) * Math.exp(Math.log(Math.abs(v)) - l - top);
  }
  if (mant === 0) return 0;
  return Math.sign(mant) * Math.exp(top + Math.log(Math.abs(mant)));
}

/** Discounted values, one per period (the terms of the present value); an overflowing term is ±Infinity. */
export function discountedValues(rate: RateSpec, values: readonly number[], timing: Timing = 0): number[] {
  const g = accumulationFactors(rate, values.length, timing);
  let logs: number[] | null = null;
  return values.map((v, i) => {
    if (v === 0) return 0;
    const gi = g[i];
    if (typeof gi !== "number") return outOfRange("discountedValues", i, g.length);
    if (normalFactor(gi)) return v / gi;
    const l = (logs ??= logAccumulationFactors(rate, values.length, timing))[i];
    if (typeof l !== "number") return outOfRange("discountedValues", i, values.length);
    return Math.sign(v) * Math.exp(Math.log(Math.abs(v)) - l);
  });
}

// ---- Declining long-term rates (HM Treasury Green Book) ----

export type ScheduleName = "standard" | "health";

/** Green Book bands: the rate applies to periods up to and including `through` (period 1 = year 0 to 1). */
const GREEN_BOOK: ReadonlyArray<{ through: number; percent: number }> = [
  { through: 30, percent: 3.5 },
  { through: 75, percent: 3.0 },
  { through: 125, percent: 2.5 },
  { through: 200, percent: 2.0 },
  { through: 300, percent: 1.5 },
  { through: Infinity, percent: 1.0 },
];

export function scheduleName(name: string): ScheduleName {
  const s = name.trim().toLowerCase();
  if (s === "" || s === "standard" || s === "green book" || s === "greenbook") return "standard";
  if (s === "health" || s === "hälsa" || s === "halsa") return "health";
  return fail("unknownSchedule", { got: name });
}

/** Per-period rates of a declining schedule for periods 1..n, usable as a per-period RateSpec. */
export function decliningRates(schedule: ScheduleName, n: number): number[] {
  // The health variant scales the standard rates by 1.5 / 3.5 (1.5 % for the first 30 years). Working in
  // percent and dividing last keeps 3.5 % → 1.5 % exact in doubles.
  const rateOf = (percent: number) => (schedule === "health" ? (percent * 1.5) / 3.5 : percent) / 100;
  const out = new Array<number>(n);
  let k = 1; // the period
  for (const band of GREEN_BOOK) for (; k <= n && k <= band.through; k++) out[k - 1] = rateOf(band.percent); // the last band never ends
  return out;
}

// ---- Real and nominal rates, price years ----

/** (1 + nominal) = (1 + real)(1 + inflation). */
export function realRate(nominal: number, inflation: number): number {
  if (!(inflation > -1)) fail("outOfRange", { arg: "inflation", min: "−100 %", max: "∞", got: show(inflation) });
  if (!(nominal > RATE_FLOOR)) fail("rateTooLow", { got: show(nominal) });
  return (1 + nominal) / (1 + inflation) - 1;
}

export function nominalRate(real: number, inflation: number): number {
  if (!(inflation > -1)) fail("outOfRange", { arg: "inflation", min: "−100 %", max: "∞", got: show(inflation) });
  if (!(real > RATE_FLOOR)) fail("rateTooLow", { got: show(real) });
  return (1 + real) * (1 + inflation) - 1;
}

/**
 * Brings a cost series to the price level of one year: value_t × index_base / index_t.
 * `index` has one price index per period (e.g. KPI or SKR's PKV), `baseIndex` is the index of the price year.
 */
export function toPriceYear(values: readonly number[], index: readonly number[], baseIndex: number): number[] {
  if (index.length !== values.length && index.length !== 1) {
    fail("sizeMismatch", { a: "values", b: "index", sa: values.length, sb: index.length });
  }
  if (!(baseIndex > 0)) fail("notPositive", { arg: "base_index", got: show(baseIndex) });
  return values.map((v, i) => {
    const ix = index.length === 1 ? index[0] : index[i];
    if (typeof ix !== "number") return outOfRange("toPriceYear", i, index.length); // index has 1 or values.length entries
    if (!(ix > 0)) fail("notPositive", { arg: `index (${i + 1})`, got: show(ix) });
    const x = (v * baseIndex) / ix;
    if (Number.isFinite(x) && (x !== 0 || v === 0)) return x;
    // v × base overflowed (or underflowed) on the way although the result may not: reorder the operations.
    const y = v * (baseIndex / ix);
    return Number.isFinite(y) && (y !== 0 || v === 0) ? y : (v / ix) * baseIndex;
  });
}
