/**
 * SOCINV effect-adjustment functions: thin adapters over src/core/adjustments (the same rules the investment
 * model uses). Actor flow tables: one row per actor, one column per year, costs negative and gains positive.
 * The JSDoc is the single source of the custom-function metadata; Swedish texts are in adjustments.sv.json.
 */
import { checkFinite, readActors, readTable } from "../core/actors";
import { AdjustmentInput, adjustFlows, adjustmentTable, checkEffectStart, resolveAdjustments } from "../core/adjustments";
import { asMatrix, isBlank, optionalNumber, toSeries, widthOf } from "../core/values";
import { checkResultSize, guard, readRate, readTiming } from "./runtime";

/** Rows of a table argument, to size a result before it is computed (a bare null reads as one blank cell). */
const rowsOf = (v: unknown): number => asMatrix(v ?? null).length;

/** An optional scalar-or-range argument: null when omitted or a single blank cell, else its numbers. */
export function readOptionalSeries(v: unknown, arg: string): number[] | null {
  const m = asMatrix(v);
  if (m.length === 0 || (m.length === 1 && m[0].length === 1 && isBlank(m[0][0]))) return null;
  return toSeries(m, arg);
}

function readAdjustments(
  deadweight: unknown,
  attribution: unknown,
  displacement: unknown,
  dropoff: unknown,
  optimism_costs: unknown,
  optimism_gains: unknown,
): AdjustmentInput {
  // One cell holding 0 is what Excel on the desktop passes for an empty cell (the web passes null): both are
  // "not given", the default 0 %, so the table's source row is the same on both. The numbers are the same anyway.
  const read = (v: unknown, arg: string) => {
    const series = readOptionalSeries(v, arg);
    return series && series.length === 1 && series[0] === 0 ? null : series;
  };
  return {
    deadweight: read(deadweight, "deadweight"),
    attribution: read(attribution, "attribution"),
    displacement: read(displacement, "displacement"),
    dropoff: read(dropoff, "dropoff"),
    optimism_costs: read(optimism_costs, "optimism_costs"),
    optimism_gains: read(optimism_gains, "optimism_gains"),
  };
}

/**
 * `effect_start`: the first period of effect; 1 (the first column) when omitted or an empty cell, which Excel
 * on the desktop passes as 0 (period 0 does not exist, so 0 means "not given", as for cap and last_year).
 */
function readEffectStart(v: unknown, years: number): number {
  const x = optionalNumber(v, "effect_start", 1);
  return checkEffectStart(x === 0 ? 1 : x, years);
}

/**
 * The adjusted (net) actor flow table: gains reduced by deadweight, attribution, displacement, yearly drop-off from the first year of effect and optimism bias; costs raised by optimism bias. Each adjustment defaults to 0; gains before effect_start count 0.
 * @customfunction ADJUSTGAINS
 * @param flows Actor flow table: one row per actor, one column per year; costs negative, gains positive.
 * @param [deadweight] Share of the gains that would have happened anyway (0–1): one for all actors or one per actor. Default 0.
 * @param [attribution] Share of the gains due to others (0–1). Default 0.
 * @param [displacement] Share of the gains only moved from elsewhere (0–1). Default 0.
 * @param [dropoff] Yearly fading of the effect after its first year (0–1): the gain of period t is multiplied by (1 − dropoff)^(t − effect_start). Default 0.
 * @param [optimism_costs] Optimism bias: costs raised by this share (0–10). Default 0.
 * @param [optimism_gains] Optimism bias: gains lowered by this share (0–1). Default 0.
 * @param [effect_start] The first year of effect as a column number of flows (1 = the first column, the default); gains before it count 0.
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
  effect_start?: any,
): number[][] {
  return guard(() => {
    const m = asMatrix(flows ?? null);
    checkResultSize(m.length, widthOf(m)); // same size as flows
    const table = readTable(flows, "flows");
    const adj = resolveAdjustments(readAdjustments(deadweight, attribution, displacement, dropoff, optimism_costs, optimism_gains), table.length);
    return checkFinite(adjustFlows(table, adj, readEffectStart(effect_start, table[0]?.length ?? 0))) as number[][];
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
 * @param [dropoff] Yearly fading of the effect after its first year (0–1): the gain of period t is multiplied by (1 − dropoff)^(t − effect_start). Default 0.
 * @param [optimism_costs] Optimism bias: costs raised by this share (0–10). Default 0.
 * @param [optimism_gains] Optimism bias: gains lowered by this share (0–1). Default 0.
 * @param [type] 0 = end of period (default), 1 = start of period, 0.5 = mid-period.
 * @param [effect_start] The first year of effect as a column number of flows (1 = the first column, the default); gains before it count 0.
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
  effect_start?: any,
): any[][] {
  return guard(() => {
    checkResultSize(rowsOf(flows) + 3, 13); // header, source row, one row per actor, total
    const labels = readActors(actors);
    const table = readTable(flows, "flows");
    const input = readAdjustments(deadweight, attribution, displacement, dropoff, optimism_costs, optimism_gains);
    const start = readEffectStart(effect_start, table[0]?.length ?? 0);
    return checkFinite(adjustmentTable(readRate(rate), labels, table, input, readTiming(type), start));
  });
}
