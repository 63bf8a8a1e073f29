/**
 * Random formulas through the formula engine (src/engine/formula-engine.ts, as `npm run calc` uses it):
 * SOCINV calls with literal arguments, array constants, references to a data sheet that holds blanks, text
 * and error cells, omitted arguments, nested SOCINV calls and built-in wrappers. The engine must never throw
 * and must answer with an Excel error or a value (finite numbers, text, booleans, blanks in a spill).
 */
import type { HyperFormula, RawCellContent } from "hyperformula";
import { createEngine, evaluateFormula } from "../../src/engine/formula-engine";
import type { FunctionEntry } from "../../src/functions/registry";
import { FindingClass, isInternalMessage } from "./checks";
import { Arg, Cell, World, generateArgs, isOptional, roleOf } from "./generators";
import { Rng } from "./prng";

export const DATA_SHEET = "D";
/** A cell that stays empty: data blocks never reach column AZ. */
const EMPTY_CELL = `${DATA_SHEET}!AZ1`;

const ERROR_FORMULAS = ["NA()", "1/0", "SQRT(-1)", '"a"+1', "#REF!"];

export interface EngineFormula {
  formula: string;
  /** Data sheet rows the formula refers to. */
  data: RawCellContent[][];
}

function columnName(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function numberLiteral(x: number, rng: Rng): string {
  if (!Number.isFinite(x)) return rng.pick(["1E308*10", "-1E308*10", "0/0"]);
  if (Object.is(x, -0)) return "-0";
  if (x < 0) return "-" + numberLiteral(-x, rng);
  const s = String(x);
  return rng.chance(0.3) ? s.toUpperCase() : s;
}

const stringLiteral = (s: string): string => `"${s.replace(/"/g, '""')}"`;

function isErrorCell(c: unknown): c is { errorCode: string } {
  return typeof c === "object" && c !== null && "errorCode" in c;
}

/** A cell as an element of an array constant, or null when an array constant cannot hold it (a blank). */
function constantCell(c: Cell, rng: Rng): string | null {
  if (typeof c === "number") return Number.isFinite(c) ? numberLiteral(c, rng) : null;
  if (typeof c === "string") return c === "" ? null : stringLiteral(c);
  if (typeof c === "boolean") return c ? "TRUE" : "FALSE";
  if (isErrorCell(c)) return c.errorCode === "#N/A" ? "#N/A" : null;
  return null;
}

/** A literal for a value in a formula (scalars; an array constant for a small range). */
function constantText(a: Arg, rng: Rng): string {
  if (Array.isArray(a)) return `{${a.map((r) => r.map((c) => constantCell(c, rng) ?? "0").join(",")).join(";")}}`;
  if (a === undefined || a === null) return "";
  return constantCell(a, rng) ?? '""';
}

/** A cell as the data sheet stores it: errors as formulas that produce them, blanks as empty. */
function dataCell(c: Cell, rng: Rng): RawCellContent {
  if (c === undefined || c === null || c === "") return null;
  if (typeof c === "number") return Number.isFinite(c) ? c : "=1E308*10";
  if (isErrorCell(c)) return "=" + rng.pick(ERROR_FORMULAS);
  if (typeof c === "string" && c.startsWith("=")) return c;
  return c;
}

/** Builds formula text for a generated argument list, writing ranges into the data sheet; `override` fixes one argument. */
export function formulaFor(entry: FunctionEntry, rng: Rng, w: World, override?: { param: number; value: Arg }): EngineFormula {
  const args = generateArgs(entry, rng, w);
  if (override) {
    while (args.length <= override.param) args.push(undefined);
    args[override.param] = override.value;
  }
  const data: RawCellContent[][] = [];
  const place = (m: Cell[][]): string => {
    const top = data.length;
    const cols = Math.max(1, ...m.map((r) => r.length));
    for (const r of m) data.push(Array.from({ length: cols }, (_, c) => dataCell(r[c], rng)));
    if (m.length === 0) data.push([null]);
    const rows = Math.max(1, m.length);
    return `${DATA_SHEET}!A${top + 1}:${columnName(cols - 1)}${top + rows}`;
  };
  const text = (a: Arg, i: number): string => {
    const role = roleOf(entry, i);
    if (override?.param === i) return typeof a === "number" ? numberLiteral(a, rng) : constantText(a, rng);
    if (rng.chance(0.04)) {
      // a nested SOCINV call where a range of numbers is expected
      if (role === "rate") return `SOCINV.RATESCHEDULE(${rng.int(1, 40)}${rng.chance(0.3) ? ',"health"' : ""})`;
      if (role === "series") return `SOCINV.DISCOUNTFACTORS(${rng.pick(["0.035", "0", "-0.5"])},${rng.int(1, 20)})`;
      if (role === "table" || role === "gainsTable") return `SOCINV.ADJUSTGAINS({-100,50;0,70},0.1)`;
    }
    if (a === undefined) return "";
    if (Array.isArray(a)) {
      if (a.length > 0 && a[0].length > 0 && a.length * a[0].length <= 60 && rng.chance(0.4)) {
        const cells = a.map((r) => r.map((c) => constantCell(c, rng)));
        if (cells.every((r) => r.length === cells[0].length && r.every((c) => c !== null))) return `{${cells.map((r) => r.join(",")).join(";")}}`;
      }
      return place(a);
    }
    if (a === null || a === "") return rng.chance(0.5) && isOptional(entry.params[i]) ? "" : a === "" ? '""' : EMPTY_CELL;
    if (isErrorCell(a)) return rng.pick(ERROR_FORMULAS);
    if (rng.chance(0.15)) return place([[a]]); // the same value from a cell
    if (typeof a === "number") return numberLiteral(a, rng);
    if (typeof a === "boolean") return a ? "TRUE" : "FALSE";
    return stringLiteral(a);
  };
  const call = `SOCINV.${entry.id}(${args.map(text).join(",")})`;
  const formula = override
    ? call
    : rng.weighted<string>([
        [20, call],
        [1, `SUM(${call})`],
        [1, `${call}*1`],
        [1, `INDEX(${call},1,1)`],
      ]);
  return { formula: "=" + formula, data: data.length ? data : [[null]] };
}

let engine: HyperFormula | null = null;

export function engineOutcome(f: EngineFormula): { ms: number; problems: { cls: FindingClass; detail: string }[]; value: unknown } {
  if (!engine) engine = createEngine({ [DATA_SHEET]: [[null]] });
  const hf = engine;
  const sheet = hf.getSheetId(DATA_SHEET)!;
  hf.setSheetContent(sheet, f.data);
  const problems: { cls: FindingClass; detail: string }[] = [];
  let result: { value: unknown; message?: string } | undefined;
  const t0 = performance.now();
  try {
    result = evaluateFormula(f.formula, {}, hf);
  } catch (e) {
    problems.push({ cls: "engine", detail: `the engine threw ${e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e)}`.slice(0, 300) });
  }
  const ms = performance.now() - t0;
  // A slow formula (a huge spill) may leave the engine heavy: a fresh one for the next, so that its
  // slowness is not blamed on an innocent formula.
  if (ms > 200) engine = null;
  if (result) {
    const v = result.value;
    const bad = (c: unknown): string | null => {
      if (typeof c === "number") return Number.isFinite(c) ? null : "nonFinite";
      if (typeof c === "string" || typeof c === "boolean" || c === null) return null;
      return "badValue";
    };
    if (Array.isArray(v)) {
      let first: string | null = null;
      let where = "";
      v.forEach((r, i) =>
        (Array.isArray(r) ? r : [r]).forEach((c, j) => {
          const b = bad(c);
          if (b && !first) {
            first = b;
            where = `[${i}][${j}] = ${String(c)}`;
          }
        }),
      );
      if (first) problems.push({ cls: first, detail: `spilled ${v.length}×${Array.isArray(v[0]) ? v[0].length : 0}, ${where}` });
    } else {
      const b = bad(v);
      if (b) problems.push({ cls: b as FindingClass, detail: `value ${String(v)} (${typeof v})` });
    }
    // SOCINV messages are bilingual ("svensk / English"); the engine's own (e.g. for SQRT(-1) given as an
    // argument, which Excel would not pass to the function) are not, and are not ours to check.
    const message = result.message ?? "";
    const ours = message.includes(" / ") || /Internal calculation error|Internt fel/.test(message);
    if (ours && isInternalMessage(message)) {
      problems.push({ cls: "internal", detail: `${String(v)}: ${message.slice(0, 300)}` });
    }
  }
  return { ms, problems, value: result?.value };
}

/** The formula and its data block, for a message. */
export function showFormula(f: EngineFormula, limit = 600): string {
  const rows = f.data.length;
  const cols = Math.max(...f.data.map((r) => r.length));
  const preview = f.data
    .slice(0, 4)
    .map(
      (r) =>
        `[${r
          .slice(0, 8)
          .map((c) => (c === null ? "" : JSON.stringify(c)))
          .join(",")}${r.length > 8 ? ",…" : ""}]`,
    )
    .join(",");
  const text = `${f.formula}  with ${DATA_SHEET}!A1:${columnName(cols - 1)}${rows} = [${preview}${rows > 4 ? ",…" : ""}]`;
  return text.length > limit ? text.slice(0, limit - 1) + "…" : text;
}
