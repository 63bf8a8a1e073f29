/**
 * A real formula engine (HyperFormula) with every SOCINV function registered through the same adapters
 * Excel calls. Used by `npm run calc`, the tests and the browser playground; never by the Excel add-in
 * bundle (HyperFormula is GPL-licensed and a devDependency only; a test checks the production bundle).
 *
 * Configured to behave like Excel 365 where HyperFormula can: full double precision (no output rounding),
 * array arithmetic, bare TRUE/FALSE, number literals with an upper-case exponent (1E-9).
 */
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import { SocinvError } from "../core/errors";
import type { CellErrorValue } from "../core/values";
import { ArgShape, FUNCTIONS, FunctionEntry, UNBOUNDED_SPILL } from "../functions/registry";
import { specOf } from "../functions/specs";
import { MAX_RESULT_CELLS, SHEET_COLS, SHEET_ROWS, resultFits } from "../core/values";

export const NAMESPACE = "SOCINV";

const ERROR_STRINGS: Record<string, string> = {
  DIV_BY_ZERO: "#DIV/0!",
  NA: "#N/A",
  NAME: "#NAME?",
  NUM: "#NUM!",
  REF: "#REF!",
  VALUE: "#VALUE!",
  ERROR: "#ERROR!",
  CYCLE: "#CYCLE!",
  SPILL: "#SPILL!",
  LIC: "#LIC!",
  NULL: "#NULL!",
};

const KIND_TO_HF: Record<SocinvError["kind"], ErrorType> = {
  invalidValue: ErrorType.VALUE,
  notAvailable: ErrorType.NA,
  invalidNumber: ErrorType.NUM,
  divisionByZero: ErrorType.DIV_BY_ZERO,
};

export function errorString(e: { type: string }): string {
  return ERROR_STRINGS[e.type] ?? "#VALUE!";
}

/** A cell value as a custom function receives it: numbers, strings, booleans, null for blank, error objects. */
function toCustomFunctionValue(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return null;
  if (v instanceof CellError) return { errorCode: errorString(v), message: v.message } satisfies CellErrorValue;
  if (typeof v === "object" && v !== null && "val" in v) return (v as { val: number }).val; // HyperFormula's rich numbers
  return v;
}

function fromResult(v: unknown): unknown {
  if (v === null || v === undefined) return EmptyValue;
  return v;
}

function literalOf(ast: any): number | string | undefined {
  if (!ast) return undefined;
  if (ast.type === "NUMBER") return ast.value;
  if (ast.type === "STRING") return ast.value;
  if (ast.type === "MINUS_UNARY_OP" && ast.value?.type === "NUMBER") return -ast.value.value;
  if (ast.type === "PARENTHESIS") return literalOf(ast.expression);
  return undefined;
}

/**
 * Whether each parameter may be omitted, from the function's argument spec (src/functions/specs); a
 * parameter without a spec (a test refuses that) falls back to the registry's [brackets].
 */
export function optionalFlags(entry: FunctionEntry): boolean[] {
  const byName = new Map((specOf(entry.id)?.params ?? []).map((p) => [p.name, p.optional]));
  return entry.params.map((name) => byName.get(name.replace(/^\[(.*)\]$/, "$1")) ?? name.startsWith("["));
}

const requiredCounts = new Map<string, number>();
/** How many arguments a function requires (its spec's required parameters), computed once per function. */
function requiredOf(entry: FunctionEntry): number {
  let n = requiredCounts.get(entry.id);
  if (n === undefined) requiredCounts.set(entry.id, (n = optionalFlags(entry).filter((optional) => !optional).length));
  return n;
}

function methodName(id: string): string {
  return "fn_" + id.replace(/\W/g, "_");
}
function sizeMethodName(id: string): string {
  return "size_" + id.replace(/\W/g, "_");
}

/** Builds the HyperFormula plugin class for the registry. */
function buildPlugin(entries: FunctionEntry[]) {
  class SocinvPlugin extends FunctionPlugin {
    static implementedFunctions: Record<string, any> = {};

    call(entry: FunctionEntry, ast: any, state: any): unknown {
      const args: unknown[] = [];
      const n = entry.params.length;
      const given = ast.args as any[];
      if (given.length > n) return new CellError(ErrorType.NA, `${NAMESPACE}.${entry.id}: too many arguments`);
      const required = requiredOf(entry);
      if (given.length < required) return new CellError(ErrorType.NA, `${NAMESPACE}.${entry.id}: too few arguments`);
      for (let i = 0; i < n; i++) {
        const a = given[i];
        if (!a || a.type === "EMPTY") {
          args.push(null); // omitted arguments arrive as null, as in Excel
          continue;
        }
        const v = this.evaluateAst(a, state);
        if (v instanceof SimpleRangeValue) {
          args.push(v.data.map((r) => r.map(toCustomFunctionValue)));
        } else if (v instanceof CellError) {
          return v; // Excel does not call a custom function with an error in a scalar argument
        } else {
          args.push(toCustomFunctionValue(v));
        }
      }
      try {
        const out = entry.fn(...args);
        if (Array.isArray(out)) {
          // The engine reserved the predicted cells before evaluating; a larger result would be cut to fit
          // without a word (or break the engine), so it is an error instead.
          const reserved = this.sizeFor(entry, ast, state);
          const rows = out.length;
          const cols = Array.isArray(out[0]) ? (out[0] as unknown[]).length : 1;
          if (rows > reserved.height || cols > reserved.width) {
            // The engine passes a whole column (A:A) as its filled rows only; Excel passes all 1,048,576, and
            // the function refuses a result of that size: so does the engine, with the same message.
            const whole = UNBOUNDED_SPILL[entry.id]?.(this.argShapes(ast, state));
            const e =
              whole && !resultFits(whole[0], whole[1])
                ? new SocinvError("resultTooLarge", { rows: whole[0], cols: whole[1], max: MAX_RESULT_CELLS, maxRows: SHEET_ROWS, maxCols: SHEET_COLS })
                : new SocinvError("spillSizeUnknown", { rows: reserved.height, cols: reserved.width, gotRows: rows, gotCols: cols });
            return new CellError(KIND_TO_HF[e.kind], e.message);
          }
          return SimpleRangeValue.onlyValues((out as unknown[][]).map((r) => r.map(fromResult)) as any);
        }
        return fromResult(out);
      } catch (e) {
        // The adapters throw only SocinvErrors (see guard); anything else is a fault whose text is not shown.
        const err = e instanceof SocinvError ? e : new SocinvError("unexpected");
        return new CellError(KIND_TO_HF[err.kind], err.message);
      }
    }

    argShapes(ast: any, state: any): ArgShape[] {
      return (ast.args as any[]).map((a) => {
        if (!a || a.type === "EMPTY") return { rows: 1, cols: 1, omitted: true };
        const s = this.arraySizeForAst(a, state);
        // A whole column or row (A:A, 1:1) has an infinite size here; in Excel it is the sheet's height or width.
        const rows = Number.isFinite(s.height) ? s.height : SHEET_ROWS;
        const cols = Number.isFinite(s.width) ? s.width : SHEET_COLS;
        return { rows, cols, literal: literalOf(a) };
      });
    }

    sizeFor(entry: FunctionEntry, ast: any, state: any): ArraySize {
      if (!entry.spill) return ArraySize.scalar();
      const shape = entry.spill(this.argShapes(ast, state));
      return shape ? new ArraySize(shape[1], shape[0]) : ArraySize.error();
    }
  }
  for (const e of entries) {
    const name = `${NAMESPACE}.${e.id}`;
    SocinvPlugin.implementedFunctions[name] = {
      method: methodName(e.id),
      ...(e.spill ? { sizeOfResultArrayMethod: sizeMethodName(e.id) } : {}),
      vectorizationForbidden: true,
      // Every argument reaches the adapter as it is (ANY); the adapter reads it by its spec.
      parameters: optionalFlags(e).map((optional) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: optional })),
    };
    (SocinvPlugin.prototype as any)[methodName(e.id)] = function (this: SocinvPlugin, ast: any, state: any) {
      return this.call(e, ast, state);
    };
    (SocinvPlugin.prototype as any)[sizeMethodName(e.id)] = function (this: SocinvPlugin, ast: any, state: any) {
      return this.sizeFor(e, ast, state);
    };
  }
  return SocinvPlugin;
}

/**
 * Cells a built-in SEQUENCE may produce in the engine. The engine builds the whole array before it checks
 * anything, so =SEQUENCE(1000000,1000) would take the process (or the playground's tab) down; Excel itself
 * has room for it, the engine does not. Larger is a #VALUE! with a message.
 */
export const MAX_SEQUENCE_CELLS = 1_000_000;

const SEQUENCE_TOO_LARGE =
  "SEQUENCE: högst 1 000 000 celler i formelmotorn (npm run calc, lekplatsen) / at most 1,000,000 cells in the formula engine (npm run calc, the playground)";

/** SEQUENCE(rows, [cols], [start], [step]) as in Excel, with its size bounded before anything is allocated. */
class BoundedSequencePlugin extends FunctionPlugin {
  static implementedFunctions = {
    SEQUENCE: {
      method: "sequence",
      sizeOfResultArrayMethod: "sequenceSize",
      parameters: [
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 1, emptyAsDefault: true },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 1, emptyAsDefault: true },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 1, emptyAsDefault: true },
      ],
    },
  };

  sequence(ast: any, state: any): unknown {
    return this.runFunction(ast.args, state, this.metadata("SEQUENCE"), (rows: number, cols: number, start: number, step: number) => {
      const r = Math.trunc(rows);
      const c = Math.trunc(cols);
      if (!(r >= 1 && c >= 1)) return new CellError(ErrorType.VALUE, "SEQUENCE: rader och kolumner minst 1 / rows and columns at least 1");
      if (r * c > MAX_SEQUENCE_CELLS || r > ENGINE_CONFIG.maxRows || c > ENGINE_CONFIG.maxColumns) return new CellError(ErrorType.VALUE, SEQUENCE_TOO_LARGE);
      const out: number[][] = [];
      for (let i = 0; i < r; i++) {
        const row: number[] = [];
        for (let j = 0; j < c; j++) row.push(start + (i * c + j) * step);
        out.push(row);
      }
      return SimpleRangeValue.onlyNumbers(out);
    });
  }

  /** The size from literal counts; anything else (a reference, too large) is one cell, where the error shows. */
  sequenceSize(ast: any): ArraySize {
    const literal = (a: any): number | undefined => (a && a.type === "NUMBER" ? a.value : undefined);
    const rows = literal(ast.args[0]);
    const cols = ast.args.length > 1 && ast.args[1]?.type !== "EMPTY" ? literal(ast.args[1]) : 1;
    if (rows === undefined || cols === undefined) return ArraySize.scalar();
    const r = Math.trunc(rows);
    const c = Math.trunc(cols);
    if (!(r >= 1 && c >= 1) || r * c > MAX_SEQUENCE_CELLS || r > ENGINE_CONFIG.maxRows || c > ENGINE_CONFIG.maxColumns) return ArraySize.scalar();
    return new ArraySize(c, r);
  }
}

let registered = false;
/** Registers SOCINV.* (and the bounded SEQUENCE) with HyperFormula once per process. */
export function registerSocinv(): void {
  if (registered) return;
  const plugin = buildPlugin(FUNCTIONS);
  const names: Record<string, string> = {};
  for (const id of Object.keys(plugin.implementedFunctions)) names[id] = id;
  HyperFormula.registerFunctionPlugin(plugin as any, { enGB: names, enUS: names });
  HyperFormula.unregisterFunction("SEQUENCE");
  HyperFormula.registerFunctionPlugin(BoundedSequencePlugin as any, { enGB: { SEQUENCE: "SEQUENCE" }, enUS: { SEQUENCE: "SEQUENCE" } });
  registered = true;
}

export const ENGINE_CONFIG = {
  licenseKey: "gpl-v3",
  smartRounding: false, // full double precision in results, like Excel's stored values
  useArrayArithmetic: true, // Excel 365 dynamic arrays
  precisionEpsilon: 1e-13,
  maxColumns: 16384,
  maxRows: 1048576,
} as const;

/** A workbook in the formula engine with SOCINV registered and Excel's bare TRUE/FALSE. */
export function createEngine(sheets: Record<string, unknown[][]> = {}): HyperFormula {
  registerSocinv();
  const hf =
    Object.keys(sheets).length > 0
      ? HyperFormula.buildFromSheets(prepareSheets(sheets) as any, ENGINE_CONFIG as any)
      : HyperFormula.buildEmpty(ENGINE_CONFIG as any);
  hf.addNamedExpression("TRUE", "=TRUE()");
  hf.addNamedExpression("FALSE", "=FALSE()");
  return hf;
}

/**
 * Rewrites Excel syntax HyperFormula does not read: number literals with an upper-case exponent
 * (1E-9 → 1e-9). String literals and quoted sheet names are left alone.
 */
export function toEngineSyntax(formula: string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const m = /^(\d+\.?\d*|\.\d+)E([+-]?\d+)/.exec(formula.slice(i));
    const prev = i > 0 ? formula[i - 1] : "";
    if (m && !/[A-Za-z_$.\d]/.test(prev)) {
      out += `${m[1]}e${m[2]}`;
      i += m[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function prepareSheets(sheets: Record<string, unknown[][]>): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  for (const [name, data] of Object.entries(sheets)) {
    out[name] = data.map((r) => r.map((c) => (typeof c === "string" && c.startsWith("=") ? toEngineSyntax(c) : c)));
  }
  return out;
}

/** A computed value as JSON: a number, string, boolean, null, an Excel error string, or a 2-D array for a spill. */
export type JsonValue = number | string | boolean | null | JsonValue[][];

export function toJsonValue(v: unknown): JsonValue {
  if (v === null || v === undefined || v === EmptyValue) return null;
  if (typeof v === "object" && v !== null && "type" in v && "value" in v) return (v as { value: string }).value; // DetailedCellError
  return v as JsonValue;
}

export interface Evaluation {
  value: JsonValue;
  /** The message of an error value, when the function gave one. */
  message?: string;
}

/**
 * Evaluates one formula in a scratch sheet and returns its value: the whole spilled array when it spills.
 * `sheets` provides cells that the formula may refer to (sheet name → rows).
 */
export function evaluateFormula(formula: string, sheets: Record<string, unknown[][]> = {}, hf?: HyperFormula): Evaluation {
  const engine = hf ?? createEngine(sheets);
  const scratchName = "__calc__";
  let sheetId = engine.getSheetId(scratchName);
  if (sheetId === undefined) sheetId = engine.getSheetId(engine.addSheet(scratchName))!;
  engine.setSheetContent(sheetId, []);
  const f = toEngineSyntax(formula.trim().startsWith("=") ? formula.trim() : "=" + formula.trim());
  engine.setCellContents({ sheet: sheetId, row: 0, col: 0 }, [[f]]);
  const top = engine.getCellValue({ sheet: sheetId, row: 0, col: 0 });
  if (typeof top === "object" && top !== null && "type" in top) {
    return { value: (top as any).value, message: (top as any).message };
  }
  const origin = { sheet: sheetId, row: 0, col: 0 };
  if (!engine.isCellPartOfArray(origin)) return { value: toJsonValue(top) };
  // The spill is the block of array cells starting at A1 (the scratch sheet holds nothing else).
  let width = 1;
  while (engine.isCellPartOfArray({ sheet: sheetId, row: 0, col: width })) width++;
  let height = 1;
  while (engine.isCellPartOfArray({ sheet: sheetId, row: height, col: 0 })) height++;
  const values = engine.getRangeValues({ start: origin, end: { sheet: sheetId, row: height - 1, col: width - 1 } });
  return { value: values.map((r) => r.map(toJsonValue)) as JsonValue[][] };
}
