/**
 * SOCINV payback, break-even and internal-rate functions: thin adapters over the core.
 */
import { breakEvenRate as coreBreakEvenRate, breakEvenSuccesses } from "../core/breakeven";
import { irr as coreIrr } from "../core/irr";
import { payback as corePayback } from "../core/payback";
import { optionalBoolean, requiredNumber, requiredSeries } from "../core/values";
import { guard, readOptionalRate, readRate, readTiming } from "./runtime";

/**
 * The time, in periods, at which the cumulative net flow (discounted when a rate is given) turns non-negative and stays so. #N/A when it never pays back within the series.
 * @customfunction PAYBACK
 * @param values Net flow per period (costs negative, gains positive). Blank = 0.
 * @param [rate] Discount rate for discounted payback; omit for simple payback.
 * @param [type] Value i (from 0) sits at time i+1 for 0 (default), i for 1, i+0.5 for 0.5.
 * @param [fractional] TRUE (default) interpolates within the period; FALSE gives the time of the first non-negative cumulative.
 * @returns Payback time in periods.
 */
export function payback(values: any[][], rate?: any[][], type?: any, fractional?: any): number {
  return guard(() =>
    corePayback(requiredSeries(values, "values"), {
      rate: readOptionalRate(rate),
      timing: readTiming(type),
      fractional: optionalBoolean(fractional, "fractional", true),
    }),
  );
}

/**
 * Number of successes (people helped) at which the present value of benefits equals that of costs: PV(costs) / PV(benefit_per_success).
 * @customfunction BREAKEVEN
 * @param costs Costs per period, as positive numbers.
 * @param benefit_per_success Avoided costs per period of one success, as positive numbers (aligned with costs; the shorter counts as 0 after its end).
 * @param rate Discount rate: one number or one rate per period.
 * @param [type] 0 = end of period (default), 1 = start of period, 0.5 = mid-period.
 * @returns Break-even number of successes (round up for whole people).
 */
export function breakEven(costs: any[][], benefit_per_success: any[][], rate: any[][], type?: any): number {
  return guard(() =>
    breakEvenSuccesses(requiredSeries(costs, "costs"), requiredSeries(benefit_per_success, "benefit_per_success"), readRate(rate), readTiming(type)),
  );
}

/**
 * Break-even success rate for a target group: the break-even number of successes divided by the group size. Above 100 % means it cannot pay off even if everyone succeeds.
 * @customfunction BREAKEVENRATE
 * @param costs Costs per period, as positive numbers.
 * @param benefit_per_success Avoided costs per period of one success, as positive numbers.
 * @param rate Discount rate: one number or one rate per period.
 * @param group_size Number of people in the target group.
 * @param [type] 0 = end of period (default), 1 = start of period, 0.5 = mid-period.
 * @returns Share of the group that must succeed.
 */
export function breakEvenRate(costs: any[][], benefit_per_success: any[][], rate: any[][], group_size: any, type?: any): number {
  return guard(() =>
    coreBreakEvenRate(
      requiredSeries(costs, "costs"),
      requiredSeries(benefit_per_success, "benefit_per_success"),
      readRate(rate),
      requiredNumber(group_size, "group_size"),
      readTiming(type),
    ),
  );
}

/**
 * Internal rate of return: the discount rate that makes the present value zero (break-even discount rate). #NUM! when there is no such rate or more than one.
 * @customfunction IRR
 * @param values Net flow per period (costs negative, gains positive). Blank = 0.
 * @returns The internal rate of return.
 */
export function irr(values: any[][]): number {
  return guard(() => coreIrr(requiredSeries(values, "values")));
}
