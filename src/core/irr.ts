/**
 * Internal rate of return: the discount rate at which the present value is zero (the break-even
 * discount rate). Robust where Newton's method (Excel IRR) is not: it scans the whole range of rates
 * from −99.9999 % to 1,000,000 % for sign changes and refines each by bisection, so several roots are
 * reported as ambiguous and no root as such, instead of a number that depends on a guess.
 */
import { fail } from "./errors";

const LOW = Math.log(1e-6); // r = −99.9999 %
const HIGH = Math.log(10001); // r = 1,000,000 %
const STEPS = 4000;

/** The sign of NPV at r = e^x − 1 for values at times 0..n−1 (the timing shift does not move roots). */
function npvAt(values: readonly number[], x: number): number {
  const n = values.length;
  const g = Math.exp(x); // 1 + r
  // For r < 0 multiply through by (1 + r)^(n−1) (positive) so nothing overflows; same sign, same roots.
  if (x < 0) {
    let acc = 0;
    for (let i = 0; i < n; i++) acc = acc * g + values[i];
    return acc;
  }
  let acc = 0;
  const inv = 1 / g;
  for (let i = n - 1; i >= 0; i--) acc = acc * inv + values[i];
  return acc;
}

/** All roots in the scanned range, as rates, ascending. */
export function irrRoots(values: readonly number[]): number[] {
  const hasPos = values.some((v) => v > 0);
  const hasNeg = values.some((v) => v < 0);
  if (!hasPos || !hasNeg) return [];
  const roots: number[] = [];
  let xPrev = LOW;
  let fPrev = npvAt(values, xPrev);
  for (let s = 1; s <= STEPS; s++) {
    const x = LOW + ((HIGH - LOW) * s) / STEPS;
    const f = npvAt(values, x);
    if (fPrev === 0) {
      roots.push(xPrev);
    } else if (f !== 0 && Math.sign(f) !== Math.sign(fPrev)) {
      let a = xPrev;
      let b = x;
      let fa = fPrev;
      for (let k = 0; k < 200 && b - a > 1e-15; k++) {
        const m = (a + b) / 2;
        const fm = npvAt(values, m);
        if (fm === 0) {
          a = b = m;
          break;
        }
        if (Math.sign(fm) === Math.sign(fa)) {
          a = m;
          fa = fm;
        } else b = m;
      }
      roots.push((a + b) / 2);
    }
    xPrev = x;
    fPrev = f;
  }
  return roots.map((x) => Math.expm1(x));
}

export function irr(values: readonly number[]): number {
  if (values.length === 0) fail("emptyRange", { arg: "values" });
  const roots = irrRoots(values);
  if (roots.length === 0) fail("noRoot");
  if (roots.length > 1) fail("severalRoots", { roots: roots.map((r) => `${(r * 100).toPrecision(4)} %`).join("; ") });
  return roots[0];
}
