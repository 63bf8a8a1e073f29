/**
 * Reading cell values as numbers, the one coercion path for every SOCINV function.
 *
 * Cells reach a custom function as numbers, strings, booleans, null (omitted argument or empty cell),
 * "" (empty cell in some hosts) or error objects. A budget row's blank year means zero, so blanks
 * become 0 and keep their position (unlike Excel's NPV, which skips them and shifts later years).
 * Text, booleans and errors inside a numeric range are refused with a message naming the position.
 */
import { fail, show } from "./errors";
import { outOfRange } from "./invariant";

/** An error value arriving from a cell, e.g. `{ errorCode: "#N/A" }` from the formula engine. */
export interface CellErrorValue {
  errorCode: string;
  message?: string;
}

export type CellValue = number | string | boolean | null | undefined | CellErrorValue;
export type Matrix = CellValue[][];

export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

export function isCellError(v: unknown): v is CellErrorValue {
  return typeof v === "object" && v !== null && typeof (v as CellErrorValue).errorCode === "string";
}

/** Normalises a scalar-or-range argument into a matrix (a bare value becomes 1×1). */
export function asMatrix(v: unknown): Matrix {
  if (Array.isArray(v)) {
    if (v.length === 0) return [];
    return v.map((row) => (Array.isArray(row) ? (row as CellValue[]) : [row as CellValue]));
  }
  return [[v as CellValue]];
}

/** Reads one cell as a finite number; blank → 0. `arg` names the argument, `pos` (1-based) the cell. */
export function cellNumber(v: unknown, arg: string, pos?: number): number {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) fail("notFinite", { arg });
    return v;
  }
  if (isBlank(v)) return 0;
  if (isCellError(v)) fail("errorInRange", { arg, pos: pos ?? 1, got: v.errorCode });
  if (pos !== undefined && typeof v === "boolean") fail("logicalInRange", { arg, pos, got: v ? "TRUE" : "FALSE" });
  if (pos !== undefined) fail("textInRange", { arg, pos, got: show(v) });
  return fail("notANumber", { arg, got: show(v) });
}

/** Reads a scalar argument; an omitted or blank one takes `dflt`. */
export function optionalNumber(v: unknown, arg: string, dflt: number): number {
  if (Array.isArray(v)) v = asMatrix(v)[0]?.[0];
  if (isBlank(v)) return dflt;
  if (typeof v === "boolean") return v ? 1 : 0; // Excel coerces TRUE/FALSE given directly as scalars
  return cellNumber(v, arg);
}

export function requiredNumber(v: unknown, arg: string): number {
  if (Array.isArray(v)) v = asMatrix(v)[0]?.[0];
  if (typeof v === "boolean") return v ? 1 : 0;
  return cellNumber(v, arg);
}

export function optionalBoolean(v: unknown, arg: string, dflt: boolean): boolean {
  if (Array.isArray(v)) v = asMatrix(v)[0]?.[0];
  if (isBlank(v)) return dflt;
  if (typeof v === "boolean") return v;
  if (typeof v === "number" && Number.isFinite(v)) return v !== 0;
  if (typeof v === "string") {
    const s = v.trim().toUpperCase();
    if (s === "TRUE" || s === "SANT") return true;
    if (s === "FALSE" || s === "FALSKT") return false;
  }
  if (isCellError(v)) fail("errorInRange", { arg, pos: 1, got: v.errorCode });
  return fail("badBoolean", { arg, got: show(v) });
}

export function optionalText(v: unknown, arg: string, dflt: string): string {
  if (Array.isArray(v)) v = asMatrix(v)[0]?.[0];
  if (isBlank(v)) return dflt;
  if (isCellError(v)) fail("errorInRange", { arg, pos: 1, got: v.errorCode });
  return String(v);
}

/**
 * Reads a row or a column (or a single cell) as a numeric series in reading order.
 * A 2-D block is refused: periods must run one way.
 */
export function toSeries(v: unknown, arg: string, opts: { allowEmpty?: boolean } = {}): number[] {
  const m = asMatrix(v);
  const rows = m.length;
  const cols = widthOf(m);
  if (rows > 1 && cols > 1) fail("notAVector", { arg, rows, cols });
  const n = rows > 1 ? rows : (m[0]?.length ?? 0);
  if (n === 0 && !opts.allowEmpty) fail("emptyRange", { arg });
  const out = new Array<number>(n);
  const first = m[0] ?? [];
  // A column's row may be empty ([]): its missing cell is blank, as an empty cell is.
  for (let i = 0; i < n; i++) out[i] = cellNumber(rows > 1 ? m[i]?.[0] : first[i], arg, i + 1);
  return out;
}

/** The widest row of a matrix (a loop: spreading a million rows into Math.max overflows the stack). */
export function widthOf(m: readonly (readonly unknown[])[]): number {
  let cols = 0;
  for (const r of m) if (r.length > cols) cols = r.length;
  return cols;
}

/**
 * A required range argument. A bare null or undefined (not inside a 2-D array) is an omitted argument:
 * Excel passes a referenced range, even one empty cell, as a 2-D array, and the formula engine does too.
 */
export function requiredSeries(v: unknown, arg: string): number[] {
  if (v === null || v === undefined) fail("missingArgument", { arg });
  return toSeries(v, arg);
}

/** The length of a series without its trailing zeros (blanks), but at least `min`. */
export function trimmedLength(values: readonly number[], min = 0): number {
  let n = values.length;
  while (n > min && values[n - 1] === 0) n--;
  return n;
}

/** Reads a 2-D block of numbers (blank → 0), keeping its shape. */
export function toNumberMatrix(v: unknown, arg: string): number[][] {
  const m = asMatrix(v);
  const first = m[0];
  if (first === undefined || first.length === 0) return fail("emptyRange", { arg });
  const cols = first.length;
  return m.map((row, r) => {
    const out = new Array<number>(cols);
    for (let c = 0; c < cols; c++) out[c] = cellNumber(row[c], arg, r * cols + c + 1);
    return out;
  });
}

/** x · 2^k for any whole k, in steps that do not overflow or underflow on the way (exact unless subnormal). */
export function timesPow2(x: number, k: number): number {
  if (x === 0 || Number.isNaN(k)) return Number.isNaN(k) ? NaN : x;
  // Beyond ±2,200 every finite non-zero double over- or underflows: answer at once instead of looping k/1000 times.
  if (k > 2200) return x * Infinity;
  if (k < -2200) return x * 0;
  while (k > 1000) {
    x *= 2 ** 1000;
    k -= 1000;
  }
  while (k < -1000) {
    x *= 2 ** -1000;
    k += 1000;
  }
  return x * 2 ** k;
}

/** The power of two k with 2^(k−1) < |x| ≤ 2^k for the largest |x| (0 when all are 0): x · 2^−k lies in [−1, 1]. */
export function binaryMagnitude(values: readonly number[], from = 0, to = values.length): number {
  let maxAbs = 0;
  for (let i = from; i < to; i++) {
    const v = values[i];
    if (typeof v !== "number") return outOfRange("binaryMagnitude", i, values.length);
    const a = Math.abs(v);
    if (a > maxAbs) maxAbs = a;
  }
  return maxAbs > 0 ? Math.ceil(Math.log2(maxAbs)) : 0;
}

// ---- Result sizes ----

/**
 * The most cells a spilled result may have (rows × columns), whatever the function: a larger result is a
 * clear error before anything is allocated. 100,000 cells hold e.g. 10,000 periods or 100 actors × 1,000
 * years; a larger one is almost always a whole-column reference by mistake.
 */
export const MAX_RESULT_CELLS = 100_000;
/** A spill must also fit the sheet. */
export const SHEET_ROWS = 1_048_576;
export const SHEET_COLS = 16_384;

/** Whether a result of rows × cols is within the limits (empty sizes pass: the readers report those). */
function withinLimits(rows: number, cols: number): boolean {
  return rows <= SHEET_ROWS && cols <= SHEET_COLS && rows * cols <= MAX_RESULT_CELLS;
}

/** Whether a result of rows × cols, both whole numbers from 1, may be returned. */
export function resultFits(rows: number, cols: number): boolean {
  return Number.isInteger(rows) && Number.isInteger(cols) && rows >= 1 && cols >= 1 && withinLimits(rows, cols);
}

/** Refuses a result of rows × cols above the limits (call it before computing the result). */
export function checkResultSize(rows: number, cols: number): void {
  if (!withinLimits(rows, cols)) fail("resultTooLarge", { rows, cols, max: MAX_RESULT_CELLS, maxRows: SHEET_ROWS, maxCols: SHEET_COLS });
}
