/**
 * Every SOCINV function, for hosts other than Excel (the formula engine behind `npm run calc`, tests and
 * the playground). Excel itself reads the JSDoc metadata; a test checks this list against that metadata
 * (ids, parameters, optional flags), so the two cannot drift.
 *
 * `spill` predicts the size of a spilled result from the arguments' sizes and literal values, because a
 * formula engine must reserve the cells before it evaluates (Excel does not need this).
 */
import * as discounting from "./discounting";
import * as payback from "./payback";
import * as distribution from "./distribution";
import * as repayment from "./repayment";
import * as careers from "./careers";

export interface ArgShape {
  rows: number;
  cols: number;
  /** The value, when the argument is a literal number or string in the formula. */
  literal?: number | string;
  /** The argument was left empty in the middle of the list (e.g. `f(a,,c)`): it takes its default. */
  omitted?: boolean;
}

/** [rows, cols] of the result, or null when it cannot be known before evaluation. */
export type SpillShape = (args: ArgShape[]) => [number, number] | null;

export interface FunctionEntry {
  id: string;
  fn: (...args: any[]) => unknown;
  /** Parameter names as in the JSDoc; optional ones in [brackets]. */
  params: string[];
  spill?: SpillShape;
}

const literalCount = (a: ArgShape | undefined): number | null =>
  a && typeof a.literal === "number" && Number.isInteger(a.literal) && a.literal >= 1 ? a.literal : null;

/** A row whose length is the literal value of argument `i`. */
export const rowOfLiteral =
  (i: number): SpillShape =>
  (args) => {
    const n = literalCount(args[i]);
    return n === null ? null : [1, n];
  };

/** Same shape as argument `i`. */
export const sameAs =
  (i: number): SpillShape =>
  (args) =>
    args[i] ? [args[i].rows, args[i].cols] : null;

// ---- Shapes of the issue-3 tables (who pays, who gains; repayment; careers) ----

/** Length of a row or column argument. */
const vectorLength = (a: ArgShape | undefined): number | null => (a ? (a.rows > 1 ? a.rows : a.cols) : null);
/** An optional count argument: its default when omitted at the end, its literal value, or unknown (a cell reference). */
const countOr = (a: ArgShape | undefined, dflt: number): number | null =>
  a === undefined || a.omitted ? dflt : typeof a.literal === "number" && Number.isInteger(a.literal) ? a.literal : null;
/** `extraRows` + rows of argument `i` (times `perRow`), `cols` columns (or argument i's columns + `extraCols`). */
const tableOf =
  (i: number, perRow: number, extraRows: number, cols: number | { extraCols: number }): SpillShape =>
  (args) => {
    const a = args[i];
    if (!a) return null;
    return [perRow * a.rows + extraRows, typeof cols === "number" ? cols : a.cols + cols.extraCols];
  };
const splitShape =
  (sharesOrFlows: number, byRows: boolean): SpillShape =>
  (args) => {
    const actors = byRows ? args[sharesOrFlows]?.rows : vectorLength(args[sharesOrFlows]);
    const years = vectorLength(args[0]);
    return actors && years ? [actors, years] : null;
  };
/** CAREERFLOWS: actors × (lag + career years); career years from the ages when given, else from the tables. */
const careerFlowsShape: SpillShape = (args) => {
  const [career, reference] = args;
  const lag = countOr(args[4], 0);
  if (!career || !reference || lag === null) return null;
  let years: number | null;
  if (args[6] === undefined || args[6].omitted) years = Math.max(career.cols, reference.cols);
  else {
    const start = countOr(args[6], 0);
    const end = countOr(args[7], 65);
    years = start === null || end === null ? null : end - start;
  }
  return years !== null && years >= 1 ? [career.rows, lag + years] : null;
};

export const FUNCTIONS: FunctionEntry[] = [
  { id: "NPV", fn: discounting.npv, params: ["rate", "values", "[type]"] },
  { id: "DISCOUNTFACTORS", fn: discounting.discountFactors, params: ["rate", "periods", "[type]"], spill: rowOfLiteral(1) },
  { id: "RATESCHEDULE", fn: discounting.rateSchedule, params: ["periods", "[schedule]"], spill: rowOfLiteral(0) },
  { id: "REALRATE", fn: discounting.realRate, params: ["nominal", "inflation"] },
  { id: "NOMINALRATE", fn: discounting.nominalRate, params: ["real", "inflation"] },
  { id: "PRICEYEAR", fn: discounting.priceYear, params: ["values", "index", "base_index"], spill: sameAs(0) },
  { id: "PAYBACK", fn: payback.payback, params: ["values", "[rate]", "[type]", "[fractional]"] },
  { id: "BREAKEVEN", fn: payback.breakEven, params: ["costs", "benefit_per_success", "rate", "[type]"] },
  { id: "BREAKEVENRATE", fn: payback.breakEvenRate, params: ["costs", "benefit_per_success", "rate", "group_size", "[type]"] },
  { id: "IRR", fn: payback.irr, params: ["values"] },
  { id: "ACTORSUMMARY", fn: distribution.actorSummaryFn, params: ["rate", "actors", "flows", "[type]"], spill: tableOf(2, 1, 2, 7) },
  { id: "ACTORPV", fn: distribution.actorPV, params: ["rate", "flows", "[type]"], spill: tableOf(1, 1, 0, 1) },
  { id: "SPLIT", fn: distribution.split, params: ["amount", "shares", "[unit]"], spill: splitShape(1, false) },
  { id: "SPLITBYGAINS", fn: distribution.splitByGainsFn, params: ["amount", "rate", "flows", "[unit]", "[type]"], spill: splitShape(2, true) },
  {
    id: "ADJUSTGAINS",
    fn: distribution.adjustGains,
    params: ["flows", "[deadweight]", "[attribution]", "[displacement]", "[dropoff]", "[optimism_costs]", "[optimism_gains]"],
    spill: sameAs(0),
  },
  {
    id: "ADJUSTMENTS",
    fn: distribution.adjustmentsFn,
    params: ["rate", "actors", "flows", "[deadweight]", "[attribution]", "[displacement]", "[dropoff]", "[optimism_costs]", "[optimism_gains]", "[type]"],
    spill: tableOf(2, 1, 3, 13),
  },
  {
    id: "BREAKEVENACTORS",
    fn: distribution.breakEvenActors,
    params: ["rate", "actors", "costs", "gains_per_success", "[window]", "[type]"],
    spill: tableOf(2, 1, 2, 7),
  },
  {
    id: "REPAYSAVINGS",
    fn: repayment.repaySavings,
    params: ["payout", "actors", "savings", "share", "[delay]", "[cap]", "[last_year]", "[fund_start]"],
    spill: tableOf(2, 1, 5, { extraCols: 2 }),
  },
  {
    id: "REPAYCOMMITTED",
    fn: repayment.repayCommitted,
    params: ["payout", "actors", "commitments", "[savings]", "[as_shares]", "[fund_start]"],
    spill: tableOf(2, 2, 7, { extraCols: 2 }),
  },
  {
    id: "REPAYDUAL",
    fn: repayment.repayDual,
    params: ["fund_payout", "frame", "actors", "savings", "repay", "[delay]", "[cap]", "[last_year]", "[fund_start]"],
    spill: tableOf(3, 1, 9, { extraCols: 2 }),
  },
  {
    id: "CAREERPV",
    fn: careers.careerPVFn,
    params: ["rate", "actors", "career_costs", "reference_costs", "[start_age]", "[end_age]", "[type]"],
    spill: tableOf(2, 1, 2, 5),
  },
  {
    id: "CAREERFLOWS",
    fn: careers.careerFlowsFn,
    params: ["career_costs", "reference_costs", "people", "success", "[lag]", "[ramp]", "[start_age]", "[end_age]"],
    spill: careerFlowsShape,
  },
];
