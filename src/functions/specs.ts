/**
 * Argument specs: every SOCINV function's parameters, declared once. For each parameter its kind (how a cell
 * is read), whether it may be omitted, its default, its bounds and what an EMPTY CELL means — in the spirit of
 * a formula engine's function metadata, where types, bounds and defaults are declared per function and one
 * routine coerces and validates (here ./args readArgs).
 *
 * Empty cells: Excel on the desktop passes an empty cell bound to an argument as 0, Excel on the web as null
 * (the same value as an omitted argument). `blank` says which meaning applies, so that both give one result:
 * - "zero": 0 is a meaningful value, and an empty cell is 0 on both (an optional one then defaults to what 0
 *   means; a test checks that reading null and reading 0 agree);
 * - "unset": 0 is invalid or would silently mean something else than the default, so an empty cell — 0 or
 *   null — is "not given": the default, or an error for a required argument;
 * - "refused": an empty cell is an error (actor names).
 *
 * Used by the adapters (readArgs), the registry and the formula engine (names, optionality, spill sizes), and
 * checked by tests against the JSDoc metadata, the behaviour of the core at each bound and the argument tables
 * in docs/functions.md. Shared bounds live in core/bounds, where the planner and the task pane take the
 * discount rate's (RATE_BOUNDS) from too.
 */
import { DEFAULT_WINDOW } from "../core/actors";
import { Bounds, RATE_BOUNDS, SHARE_BOUNDS } from "../core/bounds";
import { MAX_AGE, MAX_YEARS } from "../core/careers";
import { MAX_PERIODS } from "../core/discounting";

/** The bounds of a number or of each number of a range, and the shared ones (defined in the core). */
export { RATE_BOUNDS, SHARE_BOUNDS, describeBounds, formatBound, withinBounds } from "../core/bounds";
export type { Bounds } from "../core/bounds";

/** How an argument's cells are read (see ./args). */
export type Kind =
  | "number" // one number
  | "whole" // one whole number (a count, a year, an age)
  | "timing" // 0, 0.5 or 1
  | "boolean" // TRUE/FALSE (a number: 0 is FALSE)
  | "choice" // one of a few texts
  | "unit" // a rounding unit: a number above 0 or a unit name
  | "rate" // one rate, or a row/column with one rate per period
  | "series" // a row or a column of numbers, blanks 0
  | "table" // a 2-D block of numbers, blanks 0
  | "names" // actor names, one per row of a table
  | "ramp" // years to full effect, or a row of shares of full effect
  | "block"; // a range the function itself interprets (REPAYDUAL's repay: shares or a plan)

/** Kinds that take a range (JSDoc `any[][]`, metadata dimensionality "matrix"); the others take one value. */
export const RANGE_KINDS: ReadonlySet<Kind> = new Set<Kind>(["rate", "series", "table", "names", "ramp", "block"]);
export const isRangeKind = (k: Kind): boolean => RANGE_KINDS.has(k);

export type Blank = "zero" | "unset" | "refused";

export interface Text {
  readonly en: string;
  readonly sv: string;
}

export interface ParamSpec {
  readonly name: string;
  readonly kind: Kind;
  readonly optional: boolean;
  /**
   * For an optional parameter: the value it takes when not given, read as the kind reads a cell; null passes
   * "not given" on to the core (no cap, no ages, no discounting …), described by `defaultText`.
   */
  readonly default?: number | string | boolean | null;
  readonly defaultText?: Text;
  readonly blank: Blank;
  readonly bounds?: Bounds;
  /** For a choice or a timing: the values allowed. */
  readonly options?: readonly (string | number)[];
  /** More on what is allowed, for the reference (a unit name, a row of shares, a bound the data sets). */
  readonly note?: Text;
  /**
   * The catalogue message that refuses a value outside the bounds. `check: "read"` makes the argument
   * routine check the bounds (and refuse an empty required argument) with it; otherwise the core function the
   * adapter calls checks them, and a test proves it refuses exactly outside the declared bounds.
   */
  readonly error?: string;
  readonly check?: "read";
  /** A series that may be an empty range (REPAYDUAL's frame). */
  readonly allowEmpty?: boolean;
  /** A rate: its bounds read as percentages (−100 %). */
  readonly percent?: boolean;
}

export interface FunctionSpec {
  readonly params: readonly ParamSpec[];
}

// ---- Parameters used by many functions ----

const p = <const P extends ParamSpec>(spec: P): P => spec;

const rate = <const N extends string = "rate">(name: N = "rate" as N) =>
  p({ name, kind: "rate", optional: false, blank: "zero", bounds: RATE_BOUNDS, error: "rateTooLow", percent: true });
const TYPE = p({ name: "type", kind: "timing", optional: true, default: 0, blank: "zero", options: [0, 0.5, 1], error: "badTiming" });
const ACTORS = p({ name: "actors", kind: "names", optional: false, blank: "refused" });
const series = <const N extends string>(name: N) => p({ name, kind: "series", optional: false, blank: "zero" });
const table = <const N extends string>(name: N) => p({ name, kind: "table", optional: false, blank: "zero" });
const PERIODS = p({
  name: "periods",
  kind: "whole",
  optional: false,
  blank: "unset",
  bounds: { min: 1, max: MAX_PERIODS },
  error: "badPeriods",
  check: "read",
});
const UNIT = p({
  name: "unit",
  kind: "unit",
  optional: true,
  default: 1,
  blank: "unset",
  bounds: { above: 0 },
  note: { en: `or "kr", "öre", "tkr", "mnkr"`, sv: `eller "kr", "öre", "tkr", "mnkr"` },
  error: "badUnit",
});
const INFLATION = p({ name: "inflation", kind: "number", optional: false, blank: "zero", bounds: { above: -1 }, error: "outOfRange", percent: true });
const adjustment = <const N extends string>(name: N, max = 1) =>
  p({
    name,
    kind: "series",
    optional: true,
    default: null,
    defaultText: { en: "0 (shown as not given)", sv: "0 (redovisas som ej angivet)" },
    blank: "unset",
    bounds: { min: 0, max },
    error: "adjustmentRange",
  });
const ADJUSTMENTS = [
  adjustment("deadweight"),
  adjustment("attribution"),
  adjustment("displacement"),
  adjustment("dropoff"),
  adjustment("optimism_costs", 10),
  adjustment("optimism_gains"),
] as const;
// 0 would mean "the same year", but it is the desktop's empty cell: it reads as not given (the default 1).
const DELAY = p({ name: "delay", kind: "whole", optional: true, default: 1, blank: "unset", bounds: { min: 1, max: 100000 }, error: "notWholeYears" });
const CAP = p({
  name: "cap",
  kind: "number",
  optional: true,
  default: null,
  defaultText: { en: "no cap", sv: "inget tak" },
  blank: "unset",
  bounds: { above: 0 },
  error: "capNotPositive",
});
const LAST_YEAR = p({
  name: "last_year",
  kind: "whole",
  optional: true,
  default: null,
  defaultText: { en: "the table's last year", sv: "tabellens sista år" },
  blank: "unset",
  bounds: { min: 1, max: 100000 },
  error: "notWholeYears",
});
const EFFECT_START = p({
  name: "effect_start",
  kind: "whole",
  optional: true,
  default: 1,
  blank: "unset",
  bounds: { min: 1 },
  note: { en: "at most the table's years", sv: "högst tabellens antal år" },
  error: "effectStartRange",
});
const FUND_START = p({ name: "fund_start", kind: "number", optional: true, default: 0, blank: "zero" });
// An age of 0 is the desktop's empty cell: it reads as not given, so the ages given start at 1.
const age = <const N extends string>(name: N, defaultText: Text) =>
  p({ name, kind: "whole", optional: true, default: null, defaultText, blank: "unset", bounds: { min: 1, max: MAX_AGE }, error: "badAge" });
const START_AGE = age("start_age", { en: "none: the tables' columns", sv: "ingen: tabellernas kolumner" });
const END_AGE = age("end_age", { en: "65 when start_age is given", sv: "65 när start_age anges" });

/**
 * Every function's parameters, in order. The names are the JSDoc's (and the registry's); ids never change
 * once released (test/functions/released-ids.test.ts).
 */
export const SPECS = {
  NPV: { params: [rate(), series("values"), TYPE] },
  DISCOUNTFACTORS: { params: [rate(), PERIODS, TYPE] },
  RATESCHEDULE: {
    params: [
      PERIODS,
      p({ name: "schedule", kind: "choice", optional: true, default: "standard", blank: "unset", options: ["standard", "health"], error: "unknownSchedule" }),
    ],
  },
  REALRATE: {
    params: [p({ name: "nominal", kind: "number", optional: false, blank: "zero", bounds: RATE_BOUNDS, error: "rateTooLow", percent: true }), INFLATION],
  },
  NOMINALRATE: {
    params: [p({ name: "real", kind: "number", optional: false, blank: "zero", bounds: RATE_BOUNDS, error: "rateTooLow", percent: true }), INFLATION],
  },
  PRICEYEAR: {
    params: [
      series("values"),
      p({ name: "index", kind: "series", optional: false, blank: "zero", bounds: { above: 0 }, error: "notPositive" }),
      p({ name: "base_index", kind: "number", optional: false, blank: "unset", bounds: { above: 0 }, error: "notPositive", check: "read" }),
    ],
  },
  PAYBACK: {
    params: [
      series("values"),
      p({
        name: "rate",
        kind: "rate",
        optional: true,
        default: null,
        defaultText: { en: "none: simple payback", sv: "ingen: enkel återbetalningstid" },
        blank: "unset",
        bounds: RATE_BOUNDS,
        error: "rateTooLow",
        percent: true,
      }),
      TYPE,
      p({ name: "fractional", kind: "boolean", optional: true, default: true, blank: "unset", error: "badBoolean" }),
    ],
  },
  BREAKEVEN: { params: [series("costs"), series("benefit_per_success"), rate(), TYPE] },
  BREAKEVENRATE: {
    params: [
      series("costs"),
      series("benefit_per_success"),
      rate(),
      p({ name: "group_size", kind: "number", optional: false, blank: "unset", bounds: { above: 0 }, error: "notPositive", check: "read" }),
      TYPE,
    ],
  },
  IRR: { params: [series("values")] },
  ACTORSUMMARY: { params: [rate(), ACTORS, table("flows"), TYPE] },
  ACTORPV: { params: [rate(), table("flows"), TYPE] },
  BREAKEVENACTORS: {
    params: [
      rate(),
      ACTORS,
      table("costs"),
      table("gains_per_success"),
      p({ name: "window", kind: "whole", optional: true, default: DEFAULT_WINDOW, blank: "unset", bounds: { min: 1 }, error: "badWindow" }),
      TYPE,
    ],
  },
  SPLIT: {
    params: [series("amount"), p({ name: "shares", kind: "series", optional: false, blank: "zero", bounds: { min: 0 }, error: "negativeShare" }), UNIT],
  },
  SPLITBYGAINS: { params: [series("amount"), rate(), table("flows"), UNIT, TYPE] },
  ADJUSTGAINS: { params: [table("flows"), ...ADJUSTMENTS, EFFECT_START] },
  ADJUSTMENTS: { params: [rate(), ACTORS, table("flows"), ...ADJUSTMENTS, TYPE, EFFECT_START] },
  REPAYSAVINGS: {
    params: [
      series("payout"),
      ACTORS,
      table("savings"),
      p({ name: "share", kind: "series", optional: false, blank: "zero", bounds: SHARE_BOUNDS, error: "shareOutOfRange" }),
      DELAY,
      CAP,
      LAST_YEAR,
      FUND_START,
    ],
  },
  REPAYCOMMITTED: {
    params: [
      series("payout"),
      ACTORS,
      table("commitments"),
      p({
        name: "savings",
        kind: "table",
        optional: true,
        default: null,
        defaultText: { en: "none: no gap shown", sv: "inga: inget gap visas" },
        blank: "unset",
      }),
      p({ name: "as_shares", kind: "boolean", optional: true, default: false, blank: "zero", error: "badBoolean" }),
      FUND_START,
    ],
  },
  REPAYDUAL: {
    params: [
      series("fund_payout"),
      p({ name: "frame", kind: "series", optional: false, blank: "zero", allowEmpty: true }),
      ACTORS,
      table("savings"),
      p({
        name: "repay",
        kind: "block",
        optional: false,
        blank: "zero",
        bounds: SHARE_BOUNDS,
        note: { en: "or a table of commitments", sv: "eller en tabell med åtaganden" },
        error: "shareOutOfRange",
      }),
      DELAY,
      CAP,
      LAST_YEAR,
      FUND_START,
    ],
  },
  CAREERPV: { params: [rate(), ACTORS, table("career_costs"), table("reference_costs"), START_AGE, END_AGE, TYPE] },
  CAREERFLOWS: {
    params: [
      table("career_costs"),
      table("reference_costs"),
      p({ name: "people", kind: "number", optional: false, blank: "zero", bounds: { min: 0 }, error: "badPeople" }),
      p({ name: "success", kind: "number", optional: false, blank: "zero", bounds: SHARE_BOUNDS, error: "shareRange" }),
      p({ name: "lag", kind: "whole", optional: true, default: 0, blank: "zero", bounds: { min: 0, max: MAX_YEARS }, error: "badLag" }),
      p({
        name: "ramp",
        kind: "ramp",
        optional: true,
        default: 0,
        blank: "zero",
        bounds: { min: 0, max: MAX_YEARS },
        note: { en: "or a row of shares 0–1", sv: "eller en rad med andelar 0–1" },
        error: "badRampYears",
      }),
      START_AGE,
      END_AGE,
    ],
  },
} as const satisfies Record<string, FunctionSpec>;

export type SpecId = keyof typeof SPECS;

/** The spec of a function id, if it has one. */
export function specOf(id: string): FunctionSpec | undefined {
  return Object.prototype.hasOwnProperty.call(SPECS, id) ? (SPECS as Record<string, FunctionSpec>)[id] : undefined;
}

/** A function's parameter names as the registry and the JSDoc metadata list them: optional ones in [brackets]. */
export function paramNames(spec: FunctionSpec): string[] {
  return spec.params.map((q) => (q.optional ? `[${q.name}]` : q.name));
}
