/**
 * Break-even: how many successes (people helped) make the present value of benefits equal the present
 * value of costs, and the success rate that means for a target group.
 */
import { fail, show } from "./errors";
import { RateSpec, Timing, presentValue } from "./discounting";

/** Pads a series with zeros to length n: a shorter series counts as zero after its end. */
export function padTo(values: readonly number[], n: number): number[] {
  const out = values.slice();
  while (out.length < n) out.push(0);
  return out;
}

/**
 * PV(costs) ÷ PV(benefit of one success). Costs and benefits are positive per-period amounts aligned
 * to the same periods. A real number: 37.2 means 38 people must succeed.
 */
export function breakEvenSuccesses(costs: readonly number[], benefitPerSuccess: readonly number[], rate: RateSpec, timing: Timing = 0): number {
  const n = Math.max(costs.length, benefitPerSuccess.length);
  const pvCosts = presentValue(rate, padTo(costs, n), timing);
  const pvBenefit = presentValue(rate, padTo(benefitPerSuccess, n), timing);
  if (pvBenefit === 0) fail("benefitNotPositive");
  if (pvBenefit < 0) fail("negativeBenefit");
  if (pvCosts < 0) fail("negativeCosts");
  return pvCosts / pvBenefit;
}

/**
 * The same rule on present values already computed (PV of costs, PV of the benefit of one success), for
 * loops: null where breakEvenSuccesses refuses (no positive benefit, negative costs) or its quotient is not
 * finite (a vanishing benefit, which the functions report as an error), with no error built.
 */
export function breakEvenOfPresentValues(pvCosts: number, pvBenefit: number): number | null {
  if (!(pvBenefit > 0 && pvCosts >= 0)) return null;
  const x = pvCosts / pvBenefit;
  return Number.isFinite(x) ? x : null;
}

/**
 * Break-even success rate for a target group of `groupSize` people. Above 1 (100 %) means that even if
 * everyone succeeds, the investment does not pay off; it is returned, not hidden.
 */
export function breakEvenRate(costs: readonly number[], benefitPerSuccess: readonly number[], rate: RateSpec, groupSize: number, timing: Timing = 0): number {
  if (!(groupSize > 0)) fail("notPositive", { arg: "group_size", got: show(groupSize) });
  return breakEvenSuccesses(costs, benefitPerSuccess, rate, timing) / groupSize;
}
