/**
 * SOCINV who-pays-who-gains functions: thin adapters over src/core/actors, allocation and adjustments.
 * Actor flow tables: one row per actor, one column per year, costs negative and gains positive.
 * The JSDoc is the single source of the custom-function metadata; Swedish texts are in distribution.sv.json.
 */
import { breakEvenByActor, breakEvenTable, actorPresentValues, actorSummary, checkFinite, readActors, readTable, summaryTable, DEFAULT_WINDOW } from "../core/actors";
import { adjustFlows, adjustmentTable, resolveAdjustments, AdjustmentInput } from "../core/adjustments";
import { splitByGains, splitByShares, toUnit, Unit } from "../core/allocation";
import { fail, show } from "../core/errors";
import { asMatrix, isBlank, isCellError, optionalNumber, toSeries, widthOf } from "../core/values";
import { checkResultSize, guard, readRate, readTiming } from "./runtime";

/** Rows of a table argument, to size a result before it is computed (a bare null reads as one blank cell). */
const rowsOf = (v: unknown): number => asMatrix(v ?? null).length;

/** An optional scalar-or-range argument: null when omitted or a single blank cell, else its numbers. */
export function readOptionalSeries(v: unknown, arg: string): number[] | null {
  const m = asMatrix(v);
  if (m.length === 0 || (m.length === 1 && m[0].length === 1 && isBlank(m[0][0]))) return null;
  return toSeries(m, arg);
}

/** `unit`: a number (1 kr default, 0.01 öre, 1000 tkr) or a unit name ("kr", "öre", "tkr", "mnkr"). */
export function readUnit(v: unknown): Unit {
  const x = asMatrix(v)[0]?.[0];
  if (isBlank(x)) return toUnit(1);
  if (isCellError(x)) return fail("errorInRange", { arg: "unit", pos: 1, got: x.errorCode });
  if (typeof x === "number" || typeof x === "string") return toUnit(x);
  return toUnit(show(x));
}

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
    const labels = readActors(actors);
    const table = readTable(flows, "flows");
    return checkFinite(summaryTable(actorSummary(readRate(rate), labels, table, readTiming(type))));
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
    const pvs = actorPresentValues(readRate(rate), readTable(flows, "flows"), readTiming(type));
    return checkFinite(pvs.map((x) => [x])) as number[][];
  });
}

/**
 * Splits an amount (or a row of yearly amounts) between actors by agreed shares, rounded to whole units so that the parts sum exactly to the total (largest remainder).
 * @customfunction SPLIT
 * @param amount The amount to split, or a row of yearly amounts. Costs may be negative.
 * @param shares One share per actor, each 0 or more, together 100 %.
 * @param [unit] Rounding unit: 1 = kronor (default), 0.01 = öre, 1000 = tkr; or "kr", "öre", "tkr", "mnkr".
 * @returns One row per actor, one column per amount.
 */
export function split(amount: any[][], shares: any[][], unit?: any): number[][] {
  return guard(() => splitByShares(toSeries(amount, "amount"), toSeries(shares, "shares"), readUnit(unit)));
}

/**
 * Splits an amount (or a row of yearly amounts) between actors in proportion to each actor's present value of gains ("those who gain pay"), exact to the rounding unit.
 * @customfunction SPLITBYGAINS
 * @param amount The amount to split, or a row of yearly amounts.
 * @param rate Discount rate per period: one number, or one rate per period.
 * @param flows Actor flow table: one row per actor, one column per year; costs negative, gains positive. Only gains count.
 * @param [unit] Rounding unit: 1 = kronor (default), 0.01 = öre, 1000 = tkr; or "kr", "öre", "tkr", "mnkr".
 * @param [type] 0 = end of period (default), 1 = start of period, 0.5 = mid-period.
 * @returns One row per actor, one column per amount.
 */
export function splitByGainsFn(amount: any[][], rate: any[][], flows: any[][], unit?: any, type?: any): number[][] {
  return guard(() =>
    splitByGains(toSeries(amount, "amount"), readRate(rate), readTable(flows, "flows"), readUnit(unit), readTiming(type)),
  );
}

function readAdjustments(
  deadweight: unknown,
  attribution: unknown,
  displacement: unknown,
  dropoff: unknown,
  optimism_costs: unknown,
  optimism_gains: unknown,
): AdjustmentInput {
  return {
    deadweight: readOptionalSeries(deadweight, "deadweight"),
    attribution: readOptionalSeries(attribution, "attribution"),
    displacement: readOptionalSeries(displacement, "displacement"),
    dropoff: readOptionalSeries(dropoff, "dropoff"),
    optimism_costs: readOptionalSeries(optimism_costs, "optimism_costs"),
    optimism_gains: readOptionalSeries(optimism_gains, "optimism_gains"),
  };
}

/**
 * The adjusted (net) actor flow table: gains reduced by deadweight, attribution, displacement, yearly drop-off after the first year of effect and optimism bias; costs raised by optimism bias. Each adjustment defaults to 0.
 * @customfunction ADJUSTGAINS
 * @param flows Actor flow table: one row per actor, one column per year; costs negative, gains positive.
 * @param [deadweight] Share of the gains that would have happened anyway (0–1): one for all actors or one per actor. Default 0.
 * @param [attribution] Share of the gains due to others (0–1). Default 0.
 * @param [displacement] Share of the gains only moved from elsewhere (0–1). Default 0.
 * @param [dropoff] Yearly fading of the effect after its first year (0–1). Default 0.
 * @param [optimism_costs] Optimism bias: costs raised by this share (0–10). Default 0.
 * @param [optimism_gains] Optimism bias: gains lowered by this share (0–1). Default 0.
 * @returns The adjusted table, same size as flows.
 */
export function adjustGains(
  flows: any[][],
  deadweight?: any[][],
  attribution?: any[][],
  displacement?: any[][],
  dropoff?: any[][],
  optimism_costs?: any[][],
  optimism_gains?: any[][],
): number[][] {
  return guard(() => {
    const m = asMatrix(flows ?? null);
    checkResultSize(m.length, widthOf(m)); // same size as flows
    const table = readTable(flows, "flows");
    const adj = resolveAdjustments(readAdjustments(deadweight, attribution, displacement, dropoff, optimism_costs, optimism_gains), table.length);
    return checkFinite(adjustFlows(table, adj)) as number[][];
  });
}

/**
 * Gross and adjusted present values side by side per actor, with the adjustments used and a row saying which were given and which are the default 0.
 * @customfunction ADJUSTMENTS
 * @param rate Discount rate per period: one number, or one rate per period.
 * @param actors Actor names, one per row of flows.
 * @param flows Actor flow table: one row per actor, one column per year; costs negative, gains positive.
 * @param [deadweight] Share of the gains that would have happened anyway (0–1): one for all actors or one per actor. Default 0.
 * @param [attribution] Share of the gains due to others (0–1). Default 0.
 * @param [displacement] Share of the gains only moved from elsewhere (0–1). Default 0.
 * @param [dropoff] Yearly fading of the effect after its first year (0–1). Default 0.
 * @param [optimism_costs] Optimism bias: costs raised by this share (0–10). Default 0.
 * @param [optimism_gains] Optimism bias: gains lowered by this share (0–1). Default 0.
 * @param [type] 0 = end of period (default), 1 = start of period, 0.5 = mid-period.
 * @returns A table: header, source row, one row per actor, total row.
 */
export function adjustmentsFn(
  rate: any[][],
  actors: any[][],
  flows: any[][],
  deadweight?: any[][],
  attribution?: any[][],
  displacement?: any[][],
  dropoff?: any[][],
  optimism_costs?: any[][],
  optimism_gains?: any[][],
  type?: any,
): any[][] {
  return guard(() => {
    checkResultSize(rowsOf(flows) + 3, 13); // header, source row, one row per actor, total
    const labels = readActors(actors);
    const table = readTable(flows, "flows");
    const input = readAdjustments(deadweight, attribution, displacement, dropoff, optimism_costs, optimism_gains);
    return checkFinite(adjustmentTable(readRate(rate), labels, table, input, readTiming(type)));
  });
}

/**
 * Break-even per actor and for the whole investment: how many successes pay back each actor's own costs and all costs, over the whole table and within a window such as a four-year mandate period.
 * @customfunction BREAKEVENACTORS
 * @param rate Discount rate per period: one number, or one rate per period.
 * @param actors Actor names, one per row.
 * @param costs The investment's actor flow table: one row per actor, one column per year, costs negative.
 * @param gains_per_success Gains of one success (one person helped) per actor and year, positive. The shorter table counts as 0 after its end.
 * @param [window] Number of years in the window, e.g. 4 for a mandate period. Default 4.
 * @param [type] 0 = end of period (default), 1 = start of period, 0.5 = mid-period.
 * @returns A table: header, one row per actor, a row for the whole investment.
 */
export function breakEvenActors(rate: any[][], actors: any[][], costs: any[][], gains_per_success: any[][], window?: any, type?: any): any[][] {
  return guard(() => {
    checkResultSize(rowsOf(costs) + 2, 7); // header, one row per actor, whole investment
    const labels = readActors(actors);
    const result = breakEvenByActor(
      readRate(rate),
      labels,
      readTable(costs, "costs"),
      readTable(gains_per_success, "gains_per_success"),
      optionalNumber(window, "window", DEFAULT_WINDOW),
      readTiming(type),
    );
    return checkFinite(breakEvenTable(result));
  });
}
