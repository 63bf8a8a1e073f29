/**
 * Reading cell values as numbers, the one coercion path for every SOCINV function.
 *
 * Cells reach a custom function as numbers, strings, booleans, null (omitted argument or empty cell),
 * "" (empty cell in some hosts) or error objects. A budget row's blank year means zero, so blanks
 * become 0 and keep their position (unlike Excel's NPV, which skips them and shifts later years).
 * Text, booleans and errors inside a numeric range are refused with a message naming the position.
 */
import { fail, show } from "./errors";

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
  const cols = rows ? Math.max(...m.map((r) => r.length)) : 0;
  if (rows > 1 && cols > 1) fail("notAVector", { arg, rows, cols });
  const flat: CellValue[] = rows > 1 ? m.map((r) => r[0]) : (m[0] ?? []);
  if (flat.length === 0 && !opts.allowEmpty) fail("emptyRange", { arg });
  return flat.map((c, i) => cellNumber(c, arg, i + 1));
}

/** Reads a 2-D block of numbers (blank → 0), keeping its shape. */
export function toNumberMatrix(v: unknown, arg: string): number[][] {
  const m = asMatrix(v);
  if (m.length === 0 || m[0].length === 0) fail("emptyRange", { arg });
  const cols = m[0].length;
  return m.map((row, r) => {
    const out = new Array<number>(cols);
    for (let c = 0; c < cols; c++) out[c] = cellNumber(row[c], arg, r * cols + c + 1);
    return out;
  });
}
