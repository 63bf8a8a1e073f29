/**
 * What every fuzzed call must satisfy, and the classes of failure it reports:
 *
 * - escape:       an exception other than SocinvError left the adapter (the runtime's `guard` must catch all);
 * - hang:         the call took longer than the time bound (reported with its arguments);
 * - killed/crash: the call did not return at all within the hard limit, or took the worker down (the runner
 *                 reports these, see runner.ts);
 * - nonFinite:    NaN or ±Infinity in the result;
 * - badValue:     a result that is not a number, a table of numbers (and text where the function has labels),
 *                 or not rectangular, or empty;
 * - internal:     an error whose message is not from the catalogue (the "internal" message, or one that shows
 *                 a JavaScript failure: "Cannot read", "undefined", "NaN", "[DecimalError]", …);
 * - spill:        the registry's spill predictor promised a shape and the result has another;
 * - inexactSplit: a split whose parts do not add up exactly to the amount at the rounding unit (or a split
 *                 of an amount that is not a whole number of units, which cannot add up exactly);
 * - invariance:   NPV, IRR and PAYBACK must not change when zeros are appended to the series, and IRR and
 *                 PAYBACK not when it is scaled by 2^-64 (exact in doubles), which exposes overflow and
 *                 underflow inside the computation;
 * - engine:       the formula engine threw, or returned something that is neither an Excel error nor a value.
 */
import Decimal from "decimal.js";
import { EXCEL_ERROR_STRING, SocinvError } from "../../src/core/errors";
import type { ArgShape, FunctionEntry } from "../../src/functions/registry";
import { bareName, showArgs, showValue } from "./generators";

import type { Finding, FindingClass } from "./report";
export type { Finding, FindingClass } from "./report";

/** Functions whose results are numbers only (the others have header rows, labels and role texts). */
export const NUMERIC_RESULTS = new Set(["DISCOUNTFACTORS", "RATESCHEDULE", "PRICEYEAR", "ACTORPV", "SPLIT", "SPLITBYGAINS", "ADJUSTGAINS", "CAREERFLOWS"]);

/** Texts that betray a JavaScript failure rather than a message written for the user. */
export const INTERNAL_TEXT =
  /Internt fel|Internal calculation error|Cannot read|undefined|NaN|\[DecimalError\]|Maximum call stack|is not a function|\[object Object\]|is not defined|Invalid array length|is not iterable/;
/** The same without "undefined", which English prose may use ("the value overflows or is undefined"). */
const INTERNAL_TEXT_EN = new RegExp(INTERNAL_TEXT.source.replace("|undefined", ""));
/** Both without "NaN", for a call that was given NaN (a message may show the value it was given). */
const INTERNAL_TEXT_NAN = new RegExp(INTERNAL_TEXT.source.replace("|NaN", ""));
const INTERNAL_TEXT_EN_NAN = new RegExp(INTERNAL_TEXT_EN.source.replace("|NaN", ""));

/**
 * Whether a bilingual message ("svensk text / English text") shows a JavaScript failure. The Swedish half
 * never says "undefined" in prose, so there the word is an interpolated JavaScript value; in the English half
 * only "is/or/be undefined" is prose.
 */
export function isInternalMessage(message: string, sv?: string, givenNaN = false): boolean {
  const swedish = sv ?? message.split(" / ")[0];
  const [all, en] = givenNaN ? [INTERNAL_TEXT_NAN, INTERNAL_TEXT_EN_NAN] : [INTERNAL_TEXT, INTERNAL_TEXT_EN];
  return all.test(swedish) || en.test(message) || /(?<!(?:is|or|be) )\bundefined\b/.test(message);
}

/** Whether any argument holds NaN (only the exotic inputs do; Excel never passes NaN). */
function hasNaN(args: readonly unknown[]): boolean {
  const walk = (v: unknown): boolean => (Array.isArray(v) ? v.some(walk) : typeof v === "number" && Number.isNaN(v));
  return args.some(walk);
}

/** A class of errors thrown as Excel's CustomFunctions.Error (a stand-in in Node), with `code` and `message`. */
export type ExcelErrorClass = new (...args: never[]) => Error & { code: string };
const EXCEL_CODES = new Set(Object.values(EXCEL_ERROR_STRING));

/**
 * Why a thrown value is not an acceptable error, or null when it is one. Outside Excel the adapters throw
 * SocinvError; with `excelError` (CustomFunctions defined, as in Excel) they must throw that class instead.
 */
export function errorProblem(e: unknown, excelError?: ExcelErrorClass, givenNaN = false): { cls: FindingClass; detail: string } | null {
  if (excelError) {
    if (e instanceof excelError) {
      if (!EXCEL_CODES.has(e.code)) return { cls: "internal", detail: `CustomFunctions.Error with code ${String(e.code)}: ${e.message.slice(0, 300)}` };
      if (isInternalMessage(e.message, undefined, givenNaN) || e.message.trim() === "")
        return { cls: "internal", detail: `${e.code} ${e.message.slice(0, 300)}` };
      return null;
    }
    if (e instanceof SocinvError)
      return { cls: "escape", detail: `a SocinvError was thrown past the runtime's guard in Excel (no CustomFunctions.Error): ${e.message.slice(0, 200)}` };
  }
  if (!(e instanceof SocinvError)) {
    const name = e instanceof Error ? e.constructor.name : typeof e;
    const message = e instanceof Error ? e.message : String(e);
    return { cls: "escape", detail: `${name}: ${message.slice(0, 300)}` };
  }
  if (!(e.kind in EXCEL_ERROR_STRING)) return { cls: "internal", detail: `unknown error kind ${String(e.kind)}: ${e.message.slice(0, 300)}` };
  if (e.id === "internal" || isInternalMessage(e.message, e.sv, givenNaN) || e.message.trim() === "") {
    return { cls: "internal", detail: `[${e.id}] ${e.message.slice(0, 300)}` };
  }
  return null;
}

/** Problems of a returned value: a finite number, or a rectangular non-empty table of such (and text where allowed). */
export function valueProblems(out: unknown, textAllowed: boolean): { cls: FindingClass; detail: string }[] {
  if (!Array.isArray(out)) {
    if (typeof out === "number") return Number.isFinite(out) ? [] : [{ cls: "nonFinite", detail: `result ${showValue(out)}` }];
    return [{ cls: "badValue", detail: `result is ${typeof out} ${showValue(out)}` }];
  }
  if (out.length === 0) return [{ cls: "badValue", detail: "result is an empty array" }];
  const problems: { cls: FindingClass; detail: string }[] = [];
  const cols = Array.isArray(out[0]) ? out[0].length : -1;
  let nonFinite = 0;
  let firstNonFinite = "";
  let bad = 0;
  let firstBad = "";
  for (let r = 0; r < out.length; r++) {
    const row = out[r];
    if (!Array.isArray(row) || row.length !== cols || cols === 0) {
      return [{ cls: "badValue", detail: `result is not a rectangular 2-D array (row ${r + 1}: ${showValue(row)})` }];
    }
    for (let c = 0; c < cols; c++) {
      const v = row[c];
      if (typeof v === "number") {
        if (!Number.isFinite(v)) {
          if (nonFinite++ === 0) firstNonFinite = `[${r}][${c}] = ${showValue(v)}`;
        }
      } else if (!(textAllowed && (typeof v === "string" || typeof v === "boolean"))) {
        if (bad++ === 0) firstBad = `[${r}][${c}] = ${showValue(v)} (${v === null ? "null" : typeof v})`;
      }
    }
  }
  if (nonFinite) problems.push({ cls: "nonFinite", detail: `${nonFinite} non-finite cell(s) in a ${out.length}×${cols} result, first ${firstNonFinite}` });
  if (bad) problems.push({ cls: "badValue", detail: `${bad} cell(s) neither a number${textAllowed ? " nor text" : ""}, first ${firstBad}` });
  return problems;
}

/** The argument shapes the formula engine would give the spill predictor for these arguments. */
export function argShapes(args: readonly unknown[]): ArgShape[] {
  let last = args.length;
  while (last > 0 && args[last - 1] === undefined) last--;
  return args.slice(0, last).map((a): ArgShape => {
    if (a === undefined) return { rows: 1, cols: 1, omitted: true };
    if (Array.isArray(a)) {
      let cols = 0;
      for (const r of a) cols = Math.max(cols, Array.isArray(r) ? r.length : 1);
      return { rows: a.length, cols };
    }
    // A number or string given directly stands for a literal in the formula; anything else for a cell.
    if ((typeof a === "number" && Number.isFinite(a)) || typeof a === "string") return { rows: 1, cols: 1, literal: a };
    return { rows: 1, cols: 1 };
  });
}

function spillProblem(entry: FunctionEntry, args: readonly unknown[], out: unknown[][]): { cls: FindingClass; detail: string } | null {
  if (!entry.spill) return null;
  let predicted: [number, number] | null;
  try {
    predicted = entry.spill(argShapes(args));
  } catch (e) {
    return { cls: "escape", detail: `the spill predictor threw: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!predicted) return null;
  const shape: [number, number] = [out.length, Array.isArray(out[0]) ? out[0].length : 0];
  if (predicted[0] !== shape[0] || predicted[1] !== shape[1]) {
    return { cls: "spill", detail: `predicted ${predicted[0]}×${predicted[1]}, returned ${shape[0]}×${shape[1]}` };
  }
  return null;
}

// ---- Exact splits ----

const D = Decimal.clone({ precision: 400, toExpNeg: -20, toExpPos: 40, minE: -9e15, maxE: 9e15 });
type Dec = InstanceType<typeof D>;

const UNIT_NAMES: Record<string, number> = { kr: 1, kronor: 1, öre: 0.01, ore: 0.01, tkr: 1000, mnkr: 1e6, mkr: 1e6, mdkr: 1e9 };

const firstCell = (v: unknown): unknown => {
  let x = v;
  while (Array.isArray(x)) x = x[0];
  return x;
};

/** The rounding unit as the checker reads it independently, or null when it cannot tell. */
function unitOf(v: unknown): Dec | null {
  const x = firstCell(v);
  if (x === null || x === undefined || x === "") return new D(1);
  if (typeof x === "number") return Number.isFinite(x) && x > 0 ? new D(String(x)) : null;
  if (typeof x === "string") {
    const u = UNIT_NAMES[x.trim().toLowerCase()];
    return u === undefined ? null : new D(String(u));
  }
  return null;
}

/** The amounts of a split as a series (blank = 0), or null when they are not all numbers. */
function amountsOf(v: unknown): number[] | null {
  const m: unknown[][] = Array.isArray(v) ? (v as unknown[]).map((r) => (Array.isArray(r) ? r : [r])) : [[v]];
  const flat = m.length > 1 ? m.map((r) => r[0]) : (m[0] ?? []);
  const out: number[] = [];
  for (const c of flat) {
    if (c === null || c === undefined || c === "") out.push(0);
    else if (typeof c === "number" && Number.isFinite(c)) out.push(c);
    else return null;
  }
  return out;
}

/** The spacing of doubles at x. */
function ulp(x: number): number {
  const a = Math.abs(x);
  if (a < 2.2250738585072014e-308) return 5e-324;
  return 2 ** (Math.floor(Math.log2(a)) - 52);
}

/** The shortest decimal that reads back as the double (what Excel shows and stores). */
const exact = (x: number): Dec => new D(String(x));

/**
 * A split's parts (one row per actor, one column per amount) must each be a whole number of units and
 * add up, column by column, exactly to the amount rounded to the unit.
 */
export function splitProblem(entry: FunctionEntry, args: readonly unknown[], out: unknown[][]): { cls: FindingClass; detail: string } | null {
  const names = entry.params.map(bareName);
  const ia = names.indexOf("amount");
  const iu = names.indexOf("unit");
  if (ia < 0 || iu < 0) return null;
  const amounts = amountsOf(args[ia]);
  const unit = unitOf(args[iu]);
  if (!amounts || !unit) return null;
  const cols = Array.isArray(out[0]) ? out[0].length : 0;
  if (cols !== amounts.length) return null; // a shape problem, reported by the spill check
  for (let j = 0; j < cols; j++) {
    let sum = new D(0);
    for (let i = 0; i < out.length; i++) {
      const part = out[i][j];
      if (typeof part !== "number" || !Number.isFinite(part)) return null; // reported by valueProblems
      const p = exact(part);
      if (!p.div(unit).isInteger()) return { cls: "inexactSplit", detail: `part [${i}][${j}] = ${part} is not a whole number of units of ${unit}` };
      sum = sum.plus(p);
    }
    const want = exact(amounts[j]).div(unit).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(unit);
    // The amount must be that many units up to floating-point noise (=0.1+0.2 in öre): a few ulps.
    const noise = new D(ulp(amounts[j])).times(8);
    if (exact(amounts[j]).minus(want).abs().gt(noise)) {
      return {
        cls: "inexactSplit",
        detail: `column ${j + 1}: split the amount ${amounts[j]}, which is not a whole number of units of ${unit} (the parts sum to ${sum.toString()}, off by ${sum.minus(exact(amounts[j])).toString()})`,
      };
    }
    if (!sum.eq(want)) {
      return {
        cls: "inexactSplit",
        detail: `column ${j + 1}: parts sum to ${sum.toString()}, the amount ${amounts[j]} at unit ${unit} is ${want.toString()} (off by ${sum.minus(want).toString()})`,
      };
    }
  }
  return null;
}

// ---- Invariances of the series functions ----

/** Where the series and the rate are: appending zeros or scaling by a power of two must not change the answer. */
const INVARIANT: Record<string, { values: number; rate?: number; scaleInvariant: boolean }> = {
  NPV: { values: 1, rate: 0, scaleInvariant: false }, // linear, but scaling down loses digits to underflow at 1e-300
  IRR: { values: 0, scaleInvariant: true },
  PAYBACK: { values: 0, rate: 1, scaleInvariant: true },
};
const ZEROS = 64;
const SCALE = 2 ** -64;

type Outcome = { ok: true; value: number } | { ok: false; id: string };

function outcomeOf(entry: FunctionEntry, args: unknown[]): Outcome | null {
  try {
    const v = entry.fn(...args);
    return typeof v === "number" ? { ok: true, value: v } : null;
  } catch (e) {
    return { ok: false, id: e instanceof SocinvError ? e.id : "not a SocinvError" };
  }
}

const showOutcome = (o: Outcome): string => (o.ok ? String(o.value) : `error ${o.id}`);
const close = (a: number, b: number): boolean => a === b || Math.abs(a - b) <= 1e-9 * Math.max(1e-300, Math.abs(a), Math.abs(b));

/** A 1-D series of finite numbers and blanks, as [cells, is it a column]. */
function seriesOf(v: unknown): { cells: unknown[]; column: boolean } | null {
  if (!Array.isArray(v) || v.length === 0 || v.length > 5000 || (Array.isArray(v[0]) && v[0].length > 5000)) return null;
  const column = v.length > 1;
  if (column ? !v.every((r) => Array.isArray(r) && r.length === 1) : !(Array.isArray(v[0]) && v[0].length >= 1)) return null;
  const cells = column ? v.map((r) => r[0]) : (v[0] as unknown[]);
  if (!cells.every((c) => c === null || c === "" || (typeof c === "number" && Number.isFinite(c)))) return null;
  return { cells, column };
}

const asSeries = (cells: unknown[], column: boolean): unknown[][] => (column ? cells.map((c) => [c]) : [cells]);

export function invarianceProblem(entry: FunctionEntry, args: unknown[], first: Outcome): { cls: FindingClass; detail: string } | null {
  const spec = INVARIANT[entry.id];
  if (!spec) return null;
  const s = seriesOf(args[spec.values]);
  if (!s || s.cells.length > 5000) return null;
  if (spec.rate !== undefined) {
    const r = args[spec.rate];
    if (Array.isArray(r) && (r.length !== 1 || (r[0] as unknown[]).length !== 1)) return null; // per-period rates need one more rate per zero
  }
  const withSeries = (cells: unknown[]) => args.map((a, i) => (i === spec.values ? asSeries(cells, s.column) : a));

  const zeros = outcomeOf(entry, withSeries([...s.cells, ...new Array(ZEROS).fill(0)]));
  if (zeros && (zeros.ok !== first.ok || (zeros.ok && first.ok && !close(zeros.value, first.value)) || (!zeros.ok && !first.ok && zeros.id !== first.id))) {
    return { cls: "invariance", detail: `${ZEROS} zeros appended to the series changed the answer: ${showOutcome(first)} → ${showOutcome(zeros)}` };
  }

  if (!spec.scaleInvariant) return null;
  const tiny = s.cells.some((c) => typeof c === "number" && c !== 0 && Math.abs(c) < 1e-250);
  if (tiny) return null;
  if (spec.rate !== undefined) {
    // discounting at a huge rate makes the terms underflow: the scaled series then loses digits legitimately
    const r = Array.isArray(args[spec.rate]) ? (args[spec.rate] as unknown[][])[0]?.[0] : args[spec.rate];
    if (typeof r === "number" && Math.abs(r) > 100) return null;
  }
  const scaled = outcomeOf(entry, withSeries(s.cells.map((c) => (typeof c === "number" ? c * SCALE : c))));
  if (!scaled) return null;
  if (scaled.ok !== first.ok || (scaled.ok && first.ok && !close(scaled.value, first.value)) || (!scaled.ok && !first.ok && scaled.id !== first.id)) {
    return { cls: "invariance", detail: `the series scaled by 2^-64 changed the answer: ${showOutcome(first)} → ${showOutcome(scaled)}` };
  }
  return null;
}

// ---- One call ----

export interface CallOutcome {
  returned: boolean;
  /** The message id of an acceptable error (or its Excel error code), for the statistics. */
  errorId?: string;
  ms: number;
  findings: Finding[];
}

/** Calls `entry.fn(...args)` once, timed, and checks everything above. */
export function checkCall(entry: FunctionEntry, args: unknown[], index: number, hangMs: number, excelError?: ExcelErrorClass): CallOutcome {
  let out: unknown;
  let thrown: unknown;
  let threw = false;
  const t0 = performance.now();
  try {
    out = entry.fn(...args);
  } catch (e) {
    threw = true;
    thrown = e;
  }
  const ms = performance.now() - t0;
  const found: { cls: FindingClass; detail: string }[] = [];
  if (ms > hangMs) found.push({ cls: "hang", detail: `took ${Math.round(ms)} ms (bound ${hangMs} ms)${threw ? "" : ", then returned"}` });
  if (!excelError && entry.id in INVARIANT && (threw ? thrown instanceof SocinvError : typeof out === "number")) {
    const inv = invarianceProblem(entry, args, threw ? { ok: false, id: (thrown as SocinvError).id } : { ok: true, value: out as number });
    if (inv) found.push(inv);
  }
  if (threw) {
    let p = errorProblem(thrown, excelError);
    if (p && p.cls === "internal" && /NaN/.test(p.detail) && hasNaN(args)) p = errorProblem(thrown, excelError, true);
    if (p) found.push(p);
  } else {
    found.push(...valueProblems(out, !NUMERIC_RESULTS.has(entry.id)));
    if (Array.isArray(out) && out.length > 0 && Array.isArray(out[0])) {
      const s = spillProblem(entry, args, out as unknown[][]);
      if (s) found.push(s);
      const x = splitProblem(entry, args, out as unknown[][]);
      if (x) found.push(x);
    }
  }
  const input = found.length ? showArgs(args) : "";
  const errorId = !threw ? undefined : thrown instanceof SocinvError ? thrown.id : excelError && thrown instanceof excelError ? thrown.code : "?";
  return { returned: !threw, errorId, ms, findings: found.map((f) => ({ ...f, fn: entry.id, index, input, ms })) };
}
