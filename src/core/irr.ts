/**
 * Internal rate of return: the discount rate at which the present value is zero (the break-even
 * discount rate). Robust where Newton's method (Excel IRR) is not: it scans the whole range of rates
 * from −99.9999 % to 1,000,000 % for sign changes and refines each by bisection, so several roots are
 * reported as ambiguous and no root as such, instead of a number that depends on a guess.
 *
 * Blanks are zeros and must not change the answer. Trailing zeros add nothing to the present value and
 * leading zeros multiply it by (1 + r)^−k, which moves no root, so both are stripped before the scan. What is
 * left starts and ends with a non-zero value, and the values are scaled by a power of two to at most 1: then
 * the polynomial evaluated below is dominated by a non-zero constant term at both ends of the range, so it
 * can neither overflow nor underflow to a spurious 0.
 */
import { MAX_PERIODS } from "./discounting";
import { fail } from "./errors";
import { outOfRange } from "./invariant";
import { binaryMagnitude, timesPow2 } from "./values";

const LOW = Math.log(1e-6); // r = −99.9999 %
const HIGH = Math.log(10001); // r = 1,000,000 %
const STEPS = 4000;

/** The most values (from the first to the last non-zero one) the scan accepts: 4,000 steps × n stays fast. */
export const MAX_IRR_VALUES = MAX_PERIODS;

/**
 * The sign of NPV at r = e^x − 1 for values at times 0..n−1 (the timing shift does not move roots).
 * For r < 0 it multiplies through by (1 + r)^(n−1) and for r ≥ 0 evaluates in 1 / (1 + r): both positive
 * factors, so the sign and the roots are those of the NPV, and no power exceeds 1.
 */
function npvAt(values: readonly number[], x: number): number {
  const n = values.length;
  const g = Math.exp(x); // 1 + r
  if (x < 0) {
    let acc = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (typeof v !== "number") return outOfRange("npvAt", i, n);
      acc = acc * g + v;
    }
    return acc;
  }
  let acc = 0;
  const inv = 1 / g;
  for (let i = n - 1; i >= 0; i--) {
    const v = values[i];
    if (typeof v !== "number") return outOfRange("npvAt", i, n);
    acc = acc * inv + v;
  }
  return acc;
}

/** The values from the first to the last non-zero one, scaled by a power of two so the largest is in [0.5, 1]. */
export function irrCore(values: readonly number[]): number[] {
  let a = 0;
  let b = values.length - 1;
  while (a <= b && values[a] === 0) a++;
  while (b >= a && values[b] === 0) b--;
  if (a > b) return [];
  const k = binaryMagnitude(values, a, b + 1);
  const out = new Array<number>(b - a + 1);
  for (let i = a; i <= b; i++) {
    const v = values[i];
    if (typeof v !== "number") return outOfRange("irrCore", i, values.length);
    out[i - a] = timesPow2(v, -k);
  }
  return out;
}

/** Bisection of a sign change between a (sign `sa`) and b. */
function bisect(values: readonly number[], a: number, b: number, sa: number): number {
  for (let k = 0; k < 200 && b - a > 1e-15; k++) {
    const m = (a + b) / 2;
    const fm = npvAt(values, m);
    if (fm === 0) return m;
    if (Math.sign(fm) === sa) a = m;
    else b = m;
  }
  return (a + b) / 2;
}

/** All roots in the scanned range, as rates, ascending. */
export function irrRoots(values: readonly number[]): number[] {
  const core = irrCore(values);
  if (!core.some((v) => v > 0) || !core.some((v) => v < 0)) return [];
  if (core.length > MAX_IRR_VALUES) fail("tooManyValues", { arg: "values", got: core.length, max: MAX_IRR_VALUES });
  const roots: number[] = [];
  let lastSign = 0; // sign of the last non-zero NPV on the grid
  let lastX = LOW;
  let zeroFrom: number | null = null; // a run of grid points where the NPV is exactly 0 counts as one root
  let zeroTo = LOW;
  for (let s = 0; s <= STEPS; s++) {
    const x = LOW + ((HIGH - LOW) * s) / STEPS;
    const f = npvAt(core, x);
    if (f === 0) {
      zeroFrom ??= x;
      zeroTo = x;
      continue;
    }
    const sign = Math.sign(f);
    if (zeroFrom !== null) {
      roots.push((zeroFrom + zeroTo) / 2);
      zeroFrom = null;
    } else if (lastSign !== 0 && sign !== lastSign) {
      roots.push(bisect(core, lastX, x, lastSign));
    }
    lastSign = sign;
    lastX = x;
  }
  if (zeroFrom !== null) roots.push((zeroFrom + zeroTo) / 2);
  return roots.map((x) => Math.expm1(x));
}

export function irr(values: readonly number[]): number {
  if (values.length === 0) fail("emptyRange", { arg: "values" });
  const roots = irrRoots(values);
  const root = roots[0];
  if (root === undefined) return fail("noRoot");
  if (roots.length > 1) fail("severalRoots", { roots: roots.map((r) => `${(r * 100).toPrecision(4)} %`).join("; ") });
  return root;
}
