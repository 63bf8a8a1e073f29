/**
 * SOCINV exact splits: thin adapters over src/core/allocation. Arguments are declared in ./specs and read by
 * ./args; the JSDoc is the single source of the custom-function metadata; Swedish texts are in
 * ./allocation.sv.json.
 */
import { splitByGains, splitByShares } from "../core/allocation";
import { readArgs } from "./args";
import { guard } from "./runtime";
import { SPECS } from "./specs";

/**
 * Splits an amount (or a row of yearly amounts) between actors by agreed shares, rounded to whole units so that the parts sum exactly to the total (largest remainder).
 * @customfunction SPLIT
 * @param amount The amount to split, or a row of yearly amounts. Costs may be negative.
 * @param shares One share per actor, each 0 or more, together 100 %.
 * @param [unit] Rounding unit: 1 = kronor (default, also when empty or 0), 0.01 = öre, 1000 = tkr; or "kr", "öre", "tkr", "mnkr".
 * @returns One row per actor, one column per amount.
 */
export function split(amount: any[][], shares: any[][], unit?: any): number[][] {
  return guard(() => {
    const a = readArgs(SPECS.SPLIT, [amount, shares, unit]);
    return splitByShares(a.amount, a.shares, a.unit);
  });
}

/**
 * Splits an amount (or a row of yearly amounts) between actors in proportion to each actor's present value of gains ("those who gain pay"), exact to the rounding unit.
 * @customfunction SPLITBYGAINS
 * @param amount The amount to split, or a row of yearly amounts.
 * @param rate Discount rate per period: one number, or one rate per period.
 * @param flows Actor flow table: one row per actor, one column per year; costs negative, gains positive. Only gains count.
 * @param [unit] Rounding unit: 1 = kronor (default, also when empty or 0), 0.01 = öre, 1000 = tkr; or "kr", "öre", "tkr", "mnkr".
 * @param [type] 0 = end of period (default), 1 = start of period, 0.5 = mid-period.
 * @returns One row per actor, one column per amount.
 */
export function splitByGainsFn(amount: any[][], rate: any[][], flows: any[][], unit?: any, type?: any): number[][] {
  return guard(() => {
    const a = readArgs(SPECS.SPLITBYGAINS, [amount, rate, flows, unit, type]);
    return splitByGains(a.amount, a.rate, a.flows, a.unit, a.type);
  });
}
