/**
 * SOCINV payback: a thin adapter over src/core/payback. Arguments are declared in ./specs and read by ./args;
 * the Swedish texts are in ./payback.sv.json.
 */
import { payback as corePayback } from "../core/payback";
import { readArgs } from "./args";
import { guard } from "./runtime";
import { SPECS } from "./specs";

/**
 * The time, in periods, at which the cumulative net flow (discounted when a rate is given) turns non-negative and stays so. #N/A when it never pays back within the series.
 * @customfunction PAYBACK
 * @param values Net flow per period (costs negative, gains positive). Blank = 0.
 * @param [rate] Discount rate for discounted payback; omit for simple payback.
 * @param [type] Value i (from 0) sits at time i+1 for 0 (default), i for 1, i+0.5 for 0.5.
 * @param [fractional] TRUE (default, also when empty or 0) interpolates within the period; FALSE gives the time of the first non-negative cumulative.
 * @returns Payback time in periods.
 */
export function payback(values: any[][], rate?: any[][], type?: any, fractional?: any): number {
  return guard(() => {
    const a = readArgs(SPECS.PAYBACK, [values, rate, type, fractional]);
    return corePayback(a.values, { rate: a.rate, timing: a.type, fractional: a.fractional });
  });
}
