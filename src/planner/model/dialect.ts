/**
 * The two formula dialects of the model sheet behind one interface. Every formula that differs between the
 * styles is written here, once per style:
 *
 * - "portable": built-in Excel functions only (SUMPRODUCT, INDEX, MATCH, IF, ISNUMBER, …); the discount
 *   factors come from an extra timeline row "Accumulated (1 + r)". Works without the add-in.
 * - "addin": SOCINV.NPV, SOCINV.DISCOUNTFACTORS, SOCINV.RATESCHEDULE, SOCINV.PAYBACK and SOCINV.BREAKEVEN
 *   where they make the formula shorter. Needs the add-in wherever the file is opened.
 *
 * Both give the same numbers (test/planner/plan-engine.test.ts evaluates both). Formulas are returned
 * without the leading "=" where they are parts of larger formulas (npv), with it where they fill a cell.
 * Neither style hides an error of the cells it reads (guards.ts): "—" and "Not within the horizon" come from
 * tests of the numbers, never from IFERROR (test/planner/error-propagation.test.ts).
 */
import type { FormulaStyle } from "../inputs";
import { PlannerMessage, note } from "../messages";
import type { PlannedCell } from "../plan";
import { errorsFirst } from "./guards";
import type { FixedId } from "./texts";

/** The references every discounting formula needs. */
export interface DiscountRefs {
  /** The rate: the named constant (SI1_Rate), or the timeline's rate row as an absolute range. */
  rate: string;
  /** The named timing cell (SI1_Timing). */
  timing: string;
  /** The timeline's discount-factor row, absolute. */
  factors: string;
  /** Number of model years. */
  horizon: number;
}

/** What a payback formula reads. */
export interface PaybackRefs {
  /** True for the discounted payback. */
  discounted: boolean;
  /** The total net row, absolute. */
  net: string;
  /** The cumulative (discounted) net row, absolute. */
  cumulative: string;
  /**
   * The result cell "paid back from year": the first year the cumulative stays ≥ 0, the text "Not within the
   * horizon" when the cumulative is negative at the horizon, or the error of an input the cumulative reads.
   */
  paidBackFrom: string;
  /** The first year cell of the timeline, absolute (e.g. $F$60). */
  firstYear: string;
}

/** What a break-even formula reads. */
export interface BreakEvenRefs {
  /** Net cost row and gains-per-success row, absolute. */
  costs: string;
  perSuccess: string;
  /** Result cells: PV of costs and PV of gains per success. */
  pvCosts: string;
  pvPerSuccess: string;
}

/** Where the timeline's discount factors come from, per year column. */
export interface FactorRefs {
  /** Column letter of each model year. */
  cols: string[];
  /** Sheet rows, 1-based as in A1 addresses: rate per year and accumulated growth (portable only). */
  rateRow: number;
  growthRow: number;
}

export interface Dialect {
  readonly style: FormulaStyle;
  /** The sentence of the sheet's source line that names the style. */
  readonly styleText: FixedId;
  /** A note for the pane about the style, or null. */
  styleNote(): PlannerMessage | null;
  /** Does the timeline need the row "Accumulated (1 + r)"? (the portable factors divide by it) */
  readonly growthRow: boolean;
  /** Present value of one year row (`values`, a range), as part of a formula. */
  npv(d: DiscountRefs, values: string): string;
  /** The timeline's rate row for a declining schedule: its formula, or the rates as numbers. */
  scheduleRates(horizon: number, schedule: "standard" | "health", rates: number[]): PlannedCell[];
  /** The timeline's discount-factor row. */
  discountFactors(d: DiscountRefs, f: FactorRefs): PlannedCell[];
  /** Payback in years from today, interpolated within the year; what "paid back from year" holds when that is not a year. */
  payback(d: DiscountRefs, p: PaybackRefs): string;
  /** Successes needed for PV(gains) = PV(costs); "—" when it is undefined (no positive PV per success, negative costs). */
  breakEven(d: DiscountRefs, b: BreakEvenRefs): string;
}

const portable: Dialect = {
  style: "portable",
  styleText: "stylePortable",
  styleNote: () => null,
  growthRow: true,
  npv: (d, values) => `SUMPRODUCT(${values},${d.factors})`,
  scheduleRates: (_horizon, _schedule, rates) => rates,
  // Factor = (1 + r)^timing ÷ Π(1 + r) up to the year: the timing shifts each year's flow within its year.
  discountFactors: (d, f) => f.cols.map((c) => `=(1+${c}${f.rateRow})^${d.timing}/${c}${f.growthRow}`),
  payback: (d, p) => {
    // The year's index m in the timeline, then the fraction of year m at which the cumulative crosses 0.
    // INDEX on a row always with (1, n): Excel reads INDEX(row, n) as the n-th column, the formula engine as a row.
    // For m ≥ 2 the cumulative is < 0 in year m − 1 (else the flags would start there) and ≥ 0 in year m, so the
    // divisor is > 0. Not a year: the text "Not within the horizon" or an input's error, shown as it is.
    const pbf = p.paidBackFrom;
    const m = `(${pbf}-${p.firstYear}+1)`;
    const cum = p.cumulative;
    return `=IF(ISNUMBER(${pbf}),IF(${m}=1,1-${d.timing},${m}-1-${d.timing}-INDEX(${cum},1,${m}-1)/(INDEX(${cum},1,${m})-INDEX(${cum},1,${m}-1))),${pbf})`;
  },
  breakEven: (_d, b) => `=${errorsFirst([b.pvCosts, b.pvPerSuccess], breakEvenIf(b, `${b.pvCosts}/${b.pvPerSuccess}`))}`,
};

const addin: Dialect = {
  style: "addin",
  styleText: "styleAddin",
  styleNote: () => note("addinStyle", "info"),
  growthRow: false,
  npv: (d, values) => `SOCINV.NPV(${d.rate},${values},${d.timing})`,
  // Spilled formulas: the first year's cell holds the formula, the others stay empty for the spill.
  scheduleRates: (horizon, schedule, rates) => rates.map((_, i) => (i === 0 ? `=SOCINV.RATESCHEDULE(${horizon},"${schedule}")` : null)),
  discountFactors: (d, f) => f.cols.map((_, i) => (i === 0 ? `=SOCINV.DISCOUNTFACTORS(${d.rate},${d.horizon},${d.timing})` : null)),
  // SOCINV.PAYBACK's #N/A for "never" is not caught: the sheet's own "paid back from year" decides, so that an
  // input's error (also #N/A) is never shown as "Not within the horizon".
  payback: (d, p) => `=IF(ISNUMBER(${p.paidBackFrom}),SOCINV.PAYBACK(${p.net},${p.discounted ? d.rate : ""},${d.timing}),${p.paidBackFrom})`,
  breakEven: (d, b) => `=${errorsFirst([b.pvCosts, b.pvPerSuccess], breakEvenIf(b, `SOCINV.BREAKEVEN(${b.costs},${b.perSuccess},${d.rate},${d.timing})`))}`,
};

/**
 * Break-even is defined when the PV of one success is a positive number and the PV of costs is not negative
 * (as the core's breakEvenOfPresentValues); "—" otherwise. The inputs' errors are passed on before this.
 */
function breakEvenIf(b: BreakEvenRefs, value: string): string {
  return `IF(ISNUMBER(${b.pvPerSuccess}),IF(AND(${b.pvPerSuccess}>0,${b.pvCosts}>=0),${value},"—"),"—")`;
}

/** The dialect of a formula style. */
export function dialectFor(style: FormulaStyle): Dialect {
  return style === "addin" ? addin : portable;
}
