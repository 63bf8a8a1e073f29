/**
 * Every SOCINV function, for hosts other than Excel (the formula engine behind `npm run calc`, tests and
 * the playground). Excel itself reads the JSDoc metadata; a test checks this list against that metadata
 * (ids, parameters, optional flags), so the two cannot drift. The parameters are the argument specs'
 * (./specs) unless an entry lists them.
 *
 * `spill` predicts the size of a spilled result from the arguments' sizes and literal values, because a
 * formula engine must reserve the cells before it evaluates (Excel does not need this).
 */
import * as discounting from "./discounting";
import * as payback from "./payback";
import * as breakeven from "./breakeven";
import * as irr from "./irr";
import * as actors from "./actors";
import * as allocation from "./allocation";
import * as adjustments from "./adjustments";
import * as repayment from "./repayment";
import * as careers from "./careers";
import { MAX_CELLS } from "../core/actors";
import { DEFAULT_END_AGE } from "../core/careers";
import { resultFits } from "./runtime";
import { withinBounds } from "../core/bounds";
import { ParamSpec, SPECS, paramNames, specOf } from "./specs";

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
 * A whole-number argument as its spec reads it: the literal value when it is a whole number within the spec's
 * bounds; "bad" when the function will refuse it (a literal out of bounds or not whole, a text, an empty
 * required argument); null when it is not known before evaluation (a cell reference, a formula). Empty (omitted,
 * "", and 0 where the spec reads 0 as "not given") is the spec's default, or `notGiven` for a null default.
 */
function countArg(a: ArgShape | undefined, p: ParamSpec, notGiven = -1): number | "bad" | null {
  const empty = a === undefined || a.omitted || a.literal === "" || (p.blank === "unset" && a.literal === 0);
  if (empty) return !p.optional ? "bad" : typeof p.default === "number" ? p.default : notGiven;
  if (typeof a.literal === "string") return "bad";
  if (typeof a.literal !== "number") return null;
  return Number.isInteger(a.literal) && (!p.bounds || withinBounds(a.literal, p.bounds)) ? a.literal : "bad";
}

/** A row whose length is the literal value of argument `i` of function `id` (within its spec's bounds). */
export const rowOfLiteral =
  (id: keyof typeof SPECS, i: number): SpillShape =>
  (args) => {
    const n = countArg(args[i], SPECS[id].params[i]);
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
  const spec = SPECS.CAREERFLOWS.params;
  const lag = countArg(args[4], spec[4]);
  const start = countArg(args[6], spec[6]); // -1: not given
  const end = countArg(args[7], spec[7]);
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

/** An entry as declared below: `params` only where an entry lists them; FUNCTIONS takes the others from SPECS. */
type EntryDecl = Omit<FunctionEntry, "params"> & { params?: string[] };

const ENTRIES: EntryDecl[] = [
  { id: "NPV", fn: discounting.npv },
  { id: "DISCOUNTFACTORS", fn: discounting.discountFactors, spill: rowOfLiteral("DISCOUNTFACTORS", 1) },
  { id: "RATESCHEDULE", fn: discounting.rateSchedule, spill: rowOfLiteral("RATESCHEDULE", 0) },
  { id: "REALRATE", fn: discounting.realRate },
  { id: "NOMINALRATE", fn: discounting.nominalRate },
  { id: "PRICEYEAR", fn: discounting.priceYear, spill: priceYearShape },
  { id: "PAYBACK", fn: payback.payback },
  { id: "BREAKEVEN", fn: breakeven.breakEven },
  { id: "BREAKEVENRATE", fn: breakeven.breakEvenRate },
  { id: "IRR", fn: irr.irr },
  { id: "ACTORSUMMARY", fn: actors.actorSummaryFn, spill: tableOf(2, 1, 2, 7, 1) },
  { id: "ACTORPV", fn: actors.actorPV, spill: tableOf(1, 1, 0, 1) },
  { id: "SPLIT", fn: allocation.split, spill: splitShape(1, false) },
  { id: "SPLITBYGAINS", fn: allocation.splitByGainsFn, spill: splitShape(2, true) },
  {
    id: "ADJUSTGAINS",
    fn: adjustments.adjustGains,
    params: ["flows", "[deadweight]", "[attribution]", "[displacement]", "[dropoff]", "[optimism_costs]", "[optimism_gains]", "[effect_start]"],
    spill: sameAs(0),
  },
  {
    id: "ADJUSTMENTS",
    fn: adjustments.adjustmentsFn,
    params: [
      "rate",
      "actors",
      "flows",
      "[deadweight]",
      "[attribution]",
      "[displacement]",
      "[dropoff]",
      "[optimism_costs]",
      "[optimism_gains]",
      "[type]",
      "[effect_start]",
    ],
    spill: tableOf(2, 1, 3, 13, 1),
  },
  { id: "BREAKEVENACTORS", fn: actors.breakEvenActors, spill: tableOf(2, 1, 2, 7, 1) },
  { id: "REPAYSAVINGS", fn: repayment.repaySavings, spill: tableOf(2, 1, 5, { extraCols: 2 }, 1) },
  { id: "REPAYCOMMITTED", fn: repayment.repayCommitted, spill: tableOf(2, 2, 7, { extraCols: 2 }, 1) },
  { id: "REPAYDUAL", fn: repayment.repayDual, spill: tableOf(3, 1, 9, { extraCols: 2 }, 2) },
  { id: "CAREERPV", fn: careers.careerPVFn, spill: tableOf(2, 1, 2, 5, 1) },
  { id: "CAREERFLOWS", fn: careers.careerFlowsFn, spill: careerFlowsShape },
];

/** The parameters an entry lists, else its spec's (an entry with neither has none, which a test refuses). */
function paramsOf(e: EntryDecl): string[] {
  if (e.params) return e.params;
  const spec = specOf(e.id);
  return spec ? paramNames(spec) : [];
}

/** The spill shapes before bounding, by id: the formula engine names a too large result with them. */
export const UNBOUNDED_SPILL: Readonly<Record<string, SpillShape>> = Object.fromEntries(ENTRIES.filter((e) => e.spill).map((e) => [e.id, e.spill!]));

/** Every function; each spill shape is bounded (see `bounded`). */
export const FUNCTIONS: FunctionEntry[] = ENTRIES.map((e) => ({ ...e, params: paramsOf(e), ...(e.spill ? { spill: bounded(e.spill) } : {}) }));
