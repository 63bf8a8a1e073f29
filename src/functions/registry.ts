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

export interface ArgShape {
  rows: number;
  cols: number;
  /** The value, when the argument is a literal number or string in the formula. */
  literal?: number | string;
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
];
