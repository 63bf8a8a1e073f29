/**
 * SOCINV break-even functions: thin adapters over src/core/breakeven. Arguments are declared in ./specs and
 * read by ./args; the Swedish texts are in ./breakeven.sv.json.
 */
import { breakEvenRate as coreBreakEvenRate, breakEvenSuccesses } from "../core/breakeven";
import { readArgs } from "./args";
import { guard } from "./runtime";
import { SPECS } from "./specs";

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
  return guard(() => {
    const a = readArgs(SPECS.BREAKEVEN, [costs, benefit_per_success, rate, type]);
    return breakEvenSuccesses(a.costs, a.benefit_per_success, a.rate, a.type);
  });
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
  return guard(() => {
    const a = readArgs(SPECS.BREAKEVENRATE, [costs, benefit_per_success, rate, group_size, type]);
    return coreBreakEvenRate(a.costs, a.benefit_per_success, a.rate, a.group_size, a.type);
  });
}
