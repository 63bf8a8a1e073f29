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
import { MAX_CELLS } from "../core/actors";
import { DEFAULT_END_AGE, MAX_AGE, MAX_YEARS } from "../core/careers";
import { MAX_PERIODS } from "../core/discounting";
import { resultFits } from "./runtime";

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

/** 1×1: the arguments will be refused, and the error shows in one cell. */
const ONE_CELL: [number, number] = [1, 1];

/**
 * The shape, unless it is beyond what the function returns (MAX_RESULT_CELLS, the sheet's rows and columns),
 * which the function refuses with an error before computing anything: then 1×1. Never reserve more.
 */
export const bounded =
  (shape: SpillShape): SpillShape =>
  (args) => {
    const s = shape(args);
    return s === null || resultFits(s[0], s[1]) ? s : ONE_CELL;
  };

/**
 * A count argument: its literal value when it is a whole number from `min` to `max`; "bad" when the function
 * will refuse it (a literal out of range or not whole, a text, an omitted required count); null when it is
 * not known before evaluation (a cell reference, a formula). `dflt` is used when an optional count is omitted.
 */
function countArg(a: ArgShape | undefined, min: number, max: number, dflt?: number): number | "bad" | null {
  if (a === undefined || a.omitted || a.literal === "") return dflt ?? "bad"; // "" is a blank: the default
  if (typeof a.literal === "string") return "bad";
  if (typeof a.literal !== "number") return null;
  return Number.isInteger(a.literal) && a.literal >= min && a.literal <= max ? a.literal : "bad";
}

/** A row whose length is the literal value of argument `i` (1 to `max`, as the function accepts). */
export const rowOfLiteral =
  (i: number, max: number = MAX_PERIODS): SpillShape =>
  (args) => {
    const n = countArg(args[i], 1, max);
    return n === null ? null : n === "bad" ? ONE_CELL : [1, n];
  };

/** Same shape as argument `i`. */
export const sameAs =
  (i: number): SpillShape =>
  (args) =>
    args[i] ? [args[i].rows, args[i].cols] : null;

// ---- Shapes of the issue-3 tables (who pays, who gains; repayment; careers) ----

/** Length of a row or column argument. */
const vectorLength = (a: ArgShape | undefined): number | null => (a ? (a.rows > 1 ? a.rows : a.cols) : null);
const is2D = (a: ArgShape | undefined): boolean => a !== undefined && a.rows > 1 && a.cols > 1;

/** PRICEYEAR: the shape of `values`, a row or a column; `index` one cell or as many as `values`. */
const priceYearShape: SpillShape = (args) => {
  const [values, index] = args;
  if (!values) return null;
  if (!index || index.omitted || is2D(values) || is2D(index)) return ONE_CELL;
  if (index.rows * index.cols !== 1 && vectorLength(index) !== vectorLength(values)) return ONE_CELL;
  return [values.rows, values.cols];
};

/**
 * `extraRows` + rows of argument `i` (times `perRow`), `cols` columns (or argument i's columns + `extraCols`).
 * `labels` is the argument with one actor name per row of argument i: another count is refused (1×1).
 */
const tableOf =
  (i: number, perRow: number, extraRows: number, cols: number | { extraCols: number }, labels?: number): SpillShape =>
  (args) => {
    const a = args[i];
    if (!a) return null;
    const shape: [number, number] = [perRow * a.rows + extraRows, typeof cols === "number" ? cols : a.cols + cols.extraCols];
    if (!resultFits(shape[0], shape[1])) return shape; // refused for its size first (see `bounded`)
    if (a.rows * a.cols > MAX_CELLS) return ONE_CELL;
    if (labels !== undefined) {
      const l = args[labels];
      if (l && !l.omitted && (is2D(l) || vectorLength(l) !== a.rows)) return ONE_CELL;
    }
    return shape;
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
  if (!career || !reference) return null;
  if (career.rows !== reference.rows) return ONE_CELL;
  const lag = countArg(args[4], 0, MAX_YEARS, 0);
  const start = countArg(args[6], 0, MAX_AGE, -1); // -1: not given
  const end = countArg(args[7], 0, MAX_AGE, -1);
  if (lag === "bad" || start === "bad" || end === "bad") return ONE_CELL;
  if (lag === null || start === null || end === null) return null;
  let years: number;
  if (start === -1) {
    if (end !== -1) return ONE_CELL; // end_age without start_age
    if (career.cols !== reference.cols && career.cols !== 1 && reference.cols !== 1) return ONE_CELL;
    years = Math.max(career.cols, reference.cols);
  } else {
    const last = end === -1 ? DEFAULT_END_AGE : end;
    if (last <= start) return ONE_CELL;
    years = last - start;
    if ((career.cols !== 1 && career.cols < years) || (reference.cols !== 1 && reference.cols < years)) return ONE_CELL;
  }
  return [career.rows, lag + years];
};

const ENTRIES: FunctionEntry[] = [
  { id: "NPV", fn: discounting.npv, params: ["rate", "values", "[type]"] },
  { id: "DISCOUNTFACTORS", fn: discounting.discountFactors, params: ["rate", "periods", "[type]"], spill: rowOfLiteral(1) },
  { id: "RATESCHEDULE", fn: discounting.rateSchedule, params: ["periods", "[schedule]"], spill: rowOfLiteral(0) },
  { id: "REALRATE", fn: discounting.realRate, params: ["nominal", "inflation"] },
  { id: "NOMINALRATE", fn: discounting.nominalRate, params: ["real", "inflation"] },
  { id: "PRICEYEAR", fn: discounting.priceYear, params: ["values", "index", "base_index"], spill: priceYearShape },
  { id: "PAYBACK", fn: payback.payback, params: ["values", "[rate]", "[type]", "[fractional]"] },
  { id: "BREAKEVEN", fn: payback.breakEven, params: ["costs", "benefit_per_success", "rate", "[type]"] },
  { id: "BREAKEVENRATE", fn: payback.breakEvenRate, params: ["costs", "benefit_per_success", "rate", "group_size", "[type]"] },
  { id: "IRR", fn: payback.irr, params: ["values"] },
  { id: "ACTORSUMMARY", fn: distribution.actorSummaryFn, params: ["rate", "actors", "flows", "[type]"], spill: tableOf(2, 1, 2, 7, 1) },
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
    spill: tableOf(2, 1, 3, 13, 1),
  },
  {
    id: "BREAKEVENACTORS",
    fn: distribution.breakEvenActors,
    params: ["rate", "actors", "costs", "gains_per_success", "[window]", "[type]"],
    spill: tableOf(2, 1, 2, 7, 1),
  },
  {
    id: "REPAYSAVINGS",
    fn: repayment.repaySavings,
    params: ["payout", "actors", "savings", "share", "[delay]", "[cap]", "[last_year]", "[fund_start]"],
    spill: tableOf(2, 1, 5, { extraCols: 2 }, 1),
  },
  {
    id: "REPAYCOMMITTED",
    fn: repayment.repayCommitted,
    params: ["payout", "actors", "commitments", "[savings]", "[as_shares]", "[fund_start]"],
    spill: tableOf(2, 2, 7, { extraCols: 2 }, 1),
  },
  {
    id: "REPAYDUAL",
    fn: repayment.repayDual,
    params: ["fund_payout", "frame", "actors", "savings", "repay", "[delay]", "[cap]", "[last_year]", "[fund_start]"],
    spill: tableOf(3, 1, 9, { extraCols: 2 }, 2),
  },
  {
    id: "CAREERPV",
    fn: careers.careerPVFn,
    params: ["rate", "actors", "career_costs", "reference_costs", "[start_age]", "[end_age]", "[type]"],
    spill: tableOf(2, 1, 2, 5, 1),
  },
  {
    id: "CAREERFLOWS",
    fn: careers.careerFlowsFn,
    params: ["career_costs", "reference_costs", "people", "success", "[lag]", "[ramp]", "[start_age]", "[end_age]"],
    spill: careerFlowsShape,
  },
];

/** The spill shapes before bounding, by id: the formula engine names a too large result with them. */
export const UNBOUNDED_SPILL: Readonly<Record<string, SpillShape>> = Object.fromEntries(ENTRIES.filter((e) => e.spill).map((e) => [e.id, e.spill!]));

/** Every function; each spill shape is bounded (see `bounded`). */
export const FUNCTIONS: FunctionEntry[] = ENTRIES.map((e) => (e.spill ? { ...e, spill: bounded(e.spill) } : e));
