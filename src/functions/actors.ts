/**
 * SOCINV who-pays-who-gains functions: thin adapters over src/core/actors. Actor flow tables: one row per
 * actor, one column per year, costs negative and gains positive. Arguments are declared in ./specs and read
 * by ./args; the JSDoc is the single source of the custom-function metadata; Swedish texts are in
 * ./actors.sv.json.
 */
import { actorPresentValues, actorSummary, breakEvenByActor, breakEvenTable, checkFinite, summaryTable } from "../core/actors";
import { asMatrix } from "../core/values";
import { readArgs } from "./args";
import { checkResultSize, guard } from "./runtime";
import { SPECS } from "./specs";

/** Rows of a table argument, to size a result before it is computed (a bare null reads as one blank cell). */
const rowsOf = (v: unknown): number => asMatrix(v ?? null).length;

/**
 * Who pays, who gains: per actor the present value of its costs and of its gains, net PV, share of all gains, gains per krona of own costs and its role (investor, main beneficiary, beneficiary), with a header row and a total row.
 * @customfunction ACTORSUMMARY
 * @param rate Discount rate per period: one number, or a row/column with one rate per period (e.g. SOCINV.RATESCHEDULE).
 * @param actors Actor names, one per row of flows (e.g. Socialnämnden, Region, Försäkringskassan).
 * @param flows Actor flow table: one row per actor, one column per year; costs negative, gains (avoided costs) positive. Blank = 0.
 * @param [type] 0 = end of period (default, like Excel NPV), 1 = start of period (first year undiscounted), 0.5 = mid-period.
 * @returns A table: header, one row per actor, total row.
 */
export function actorSummaryFn(rate: any[][], actors: any[][], flows: any[][], type?: any): any[][] {
  return guard(() => {
    checkResultSize(rowsOf(flows) + 2, 7); // header, one row per actor, total
    const a = readArgs(SPECS.ACTORSUMMARY, [rate, actors, flows, type]);
    return checkFinite(summaryTable(actorSummary(a.rate, a.actors, a.flows, a.type)));
  });
}

/**
 * Present value of each row of an actor flow table, as a column (each equals SOCINV.NPV of that row).
 * @customfunction ACTORPV
 * @param rate Discount rate per period: one number, or one rate per period.
 * @param flows Actor flow table: one row per actor, one column per year. Blank = 0.
 * @param [type] 0 = end of period (default), 1 = start of period, 0.5 = mid-period.
 * @returns A column with one present value per row.
 */
export function actorPV(rate: any[][], flows: any[][], type?: any): number[][] {
  return guard(() => {
    checkResultSize(rowsOf(flows), 1);
    const a = readArgs(SPECS.ACTORPV, [rate, flows, type]);
    return checkFinite(actorPresentValues(a.rate, a.flows, a.type).map((x) => [x])) as number[][];
  });
}

/**
 * Break-even per actor and for the whole investment: how many successes pay back each actor's own costs and all costs, over the whole table and within a window such as a four-year mandate period.
 * @customfunction BREAKEVENACTORS
 * @param rate Discount rate per period: one number, or one rate per period.
 * @param actors Actor names, one per row.
 * @param costs The investment's actor flow table: one row per actor, one column per year, costs negative.
 * @param gains_per_success Gains of one success (one person helped) per actor and year, positive. The shorter table counts as 0 after its end.
 * @param [window] Number of years in the window, e.g. 4 for a mandate period. Default 4 (also when empty or 0).
 * @param [type] 0 = end of period (default), 1 = start of period, 0.5 = mid-period.
 * @returns A table: header, one row per actor, a row for the whole investment.
 */
export function breakEvenActors(rate: any[][], actors: any[][], costs: any[][], gains_per_success: any[][], window?: any, type?: any): any[][] {
  return guard(() => {
    checkResultSize(rowsOf(costs) + 2, 7); // header, one row per actor, whole investment
    const a = readArgs(SPECS.BREAKEVENACTORS, [rate, actors, costs, gains_per_success, window, type]);
    return checkFinite(breakEvenTable(breakEvenByActor(a.rate, a.actors, a.costs, a.gains_per_success, a.window, a.type)));
  });
}
