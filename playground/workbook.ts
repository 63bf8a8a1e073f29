/**
 * The playground's in-browser workbook: the cells as the user (or the planner) entered them, their number
 * formats and looks, hidden sheets, names and charts, with every value computed by the same formula engine
 * as `npm run calc` (HyperFormula with SOCINV registered).
 *
 * The entered text is kept next to the engine so the formula bar and the downloaded .xlsx show formulas
 * exactly as written in Excel's English syntax; the engine gets them through `toEngineSyntax`.
 */
import { AlwaysSparse, type HyperFormula, type RawCellContent } from "hyperformula";
import { createEngine, errorString, toEngineSyntax } from "../src/engine/formula-engine";
import type { BlockStyle, ChartPlan } from "../src/planner/plan";
import { Area, parseArea } from "./a1";

/** A cell as entered: a number, a boolean, text ("'" first keeps text that looks like a formula), or "=formula". */
export type CellInput = number | string | boolean;
/** A computed value: errors are Excel error strings such as "#N/A"; null is an empty cell. */
export type CellValue = number | string | boolean | null;

export interface CellStyle {
  role?: BlockStyle;
  bold?: boolean;
  italic?: boolean;
  fill?: string;
  fontColor?: string;
  align?: "left" | "center" | "right";
  indent?: number;
  borderTop?: boolean;
  borderBottom?: boolean;
  /** A thin box around each cell (inputs and outputs, so they read as fields). */
  borderAll?: boolean;
  /** Font size in points when not the default 11. */
  size?: number;
}

export type Visibility = "visible" | "hidden" | "veryHidden";

export interface SheetState {
  name: string;
  visibility: Visibility;
  inputs: Map<number, CellInput>;
  formats: Map<number, string>;
  styles: Map<number, CellStyle>;
  /** Column widths in points. */
  columnWidths: Map<number, number>;
  freeze?: { rows: number; cols: number };
  tabColor?: string;
  merges: Area[];
  /** A protected sheet (from an imported file): the grid refuses edits, the host refuses writes. */
  protected: boolean;
}

/** A plain-data copy of a sheet, for rollback, byte-identity checks and tests. */
export interface SheetSnapshot {
  name: string;
  visibility: Visibility;
  cells: Array<[number, number, CellInput]>;
  formats: Array<[number, number, string]>;
  styles: Array<[number, number, CellStyle]>;
  columnWidths: Array<[number, number]>;
  freeze?: { rows: number; cols: number };
  tabColor?: string;
  merges: Area[];
  protected: boolean;
}

export interface PlacedChart extends ChartPlan {
  /** The model that owns the chart; removed with it. */
  modelKey?: string;
}

export interface Selection {
  sheet: string;
  area: Area;
  /** The active cell inside the area (where typing goes). */
  active: { r: number; c: number };
}

export interface NameEntry {
  name: string;
  refersTo: string;
  comment?: string;
}

/** What a sheet starts with when built from data (samples, tests, imported files). */
export interface SheetData {
  name: string;
  rows: Array<Array<CellInput | null | undefined>>;
  /** Same shape as rows (missing entries: General), or one format for all numbers. */
  formats?: Array<Array<string | null | undefined>> | string;
  styles?: Array<Array<CellStyle | null | undefined>>;
  columnWidths?: number[];
  visibility?: Visibility;
  freeze?: { rows: number; cols: number };
  merges?: string[];
  protected?: boolean;
  tabColor?: string;
}

const COLS = 16384;
const MAX_ROWS = 1048576;
export const key = (r: number, c: number): number => r * COLS + c;
export const rowOf = (k: number): number => Math.floor(k / COLS);
export const colOf = (k: number): number => k % COLS;

/** Excel's rules for sheet names; returns a bilingual reason or null when the name is fine. */
export function sheetNameProblem(name: string): { sv: string; en: string } | null {
  if (name.trim() === "") return { sv: "Bladnamnet är tomt.", en: "The sheet name is empty." };
  if (name.length > 31) return { sv: `Bladnamnet "${name}" är längre än 31 tecken.`, en: `The sheet name "${name}" is longer than 31 characters.` };
  if (/[:\\/?*[\]]/.test(name))
    return { sv: `Bladnamnet "${name}" innehåller något av tecknen : \\ / ? * [ ].`, en: `The sheet name "${name}" contains one of : \\ / ? * [ ].` };
  if (name.startsWith("'") || name.endsWith("'"))
    return { sv: `Bladnamnet "${name}" får inte börja eller sluta med apostrof.`, en: `The sheet name "${name}" must not start or end with an apostrophe.` };
  if (name.toLowerCase() === "history") return { sv: `"History" är reserverat i Excel.`, en: `"History" is reserved in Excel.` };
  return null;
}

/** Text the engine would read as a number or a formula keeps a leading apostrophe, as Excel's text cells do. */
export function asTextInput(s: string): string {
  return /^\s*[-+=.'$€£%(\d]/.test(s) || /^(true|false|sant|falskt)$/i.test(s.trim()) || s.startsWith("#") ? "'" + s : s;
}

/** Function prefixes Excel writes in files for newer functions; the engine and the formula bar do without. */
export function stripFunctionPrefixes(formula: string): string {
  return formula.replace(/_xlfn\._xlws\.|_xlfn\.|_xlws\./gi, "");
}

export class PlaygroundWorkbook {
  readonly engine: HyperFormula;
  private readonly order: SheetState[] = [];
  private readonly namesList: NameEntry[] = [];
  charts: PlacedChart[] = [];
  selection: Selection;
  /** Grows with every change; the grid re-renders on it. */
  version = 0;
  /** Engine operations (sheet adds/removes, block writes, name changes), for the host's operation count. */
  engineOperations = 0;
  private listeners = new Set<() => void>();
  private batchDepth = 0;
  private dirty = false;

  constructor(data: SheetData[] = []) {
    this.engine = createEngine();
    // A sparse cell map: the engine's default (dense) gives every row holding a cell an array as wide as the
    // widest row, so =SEQUENCE(20000,1) in column XFD took 6 s and 2 GB (17 MB sparse). Values are the same.
    this.engine.updateConfig({ chooseAddressMappingPolicy: new AlwaysSparse() });
    this.selection = { sheet: "", area: { r0: 0, c0: 0, r1: 0, c1: 0 }, active: { r: 0, c: 0 } };
    this.batch(() => {
      for (const s of data) this.addSheetFromData(s);
    });
    const first = this.visibleSheets()[0];
    if (first) this.selection.sheet = first;
  }

  // ---- change notification ----

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version++;
    if (this.batchDepth > 0) {
      this.dirty = true;
      return;
    }
    for (const l of [...this.listeners]) l();
  }

  /** Runs several changes as one: the engine recalculates once, listeners hear once. */
  batch<T>(fn: () => T): T {
    this.batchDepth++;
    let out: T;
    try {
      out = this.batchDepth === 1 ? (this.engine.batch(() => void (out = fn())), out!) : fn();
    } finally {
      this.batchDepth--;
    }
    if (this.batchDepth === 0 && this.dirty) {
      this.dirty = false;
      for (const l of [...this.listeners]) l();
    }
    return out;
  }

  // ---- sheets ----

  sheetNames(): string[] {
    return this.order.map((s) => s.name);
  }

  visibleSheets(): string[] {
    return this.order.filter((s) => s.visibility === "visible").map((s) => s.name);
  }

  /** Sheet names are case-insensitive in Excel ("Budget" and "BUDGET" clash). */
  sheet(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.order.find((s) => s.name.toLowerCase() === lower);
  }

  private must(name: string): SheetState {
    const s = this.sheet(name);
    if (!s) throw new Error(`No sheet "${name}"`);
    return s;
  }

  private sheetId(name: string): number {
    const id = this.engine.getSheetId(this.must(name).name);
    if (id === undefined) throw new Error(`No engine sheet "${name}"`);
    return id;
  }

  addSheet(name: string, opts: { visibility?: Visibility; index?: number; tabColor?: string; freeze?: { rows: number; cols: number } } = {}): SheetState {
    const problem = sheetNameProblem(name);
    if (problem) throw new Error(problem.en);
    if (this.sheet(name)) throw new Error(`The sheet "${name}" already exists.`);
    this.engineOperations++;
    this.engine.addSheet(name);
    const state: SheetState = {
      name,
      visibility: opts.visibility ?? "visible",
      inputs: new Map(),
      formats: new Map(),
      styles: new Map(),
      columnWidths: new Map(),
      merges: [],
      protected: false,
      tabColor: opts.tabColor,
      freeze: opts.freeze,
    };
    const at = opts.index === undefined ? this.order.length : Math.max(0, Math.min(opts.index, this.order.length));
    this.order.splice(at, 0, state);
    if (!this.selection.sheet && state.visibility === "visible") this.selection.sheet = name;
    this.changed();
    return state;
  }

  removeSheet(name: string): void {
    const s = this.must(name);
    this.engineOperations++;
    this.engine.removeSheet(this.sheetId(name));
    this.order.splice(this.order.indexOf(s), 1);
    this.charts = this.charts.filter((c) => c.sheet.toLowerCase() !== s.name.toLowerCase());
    if (this.selection.sheet.toLowerCase() === s.name.toLowerCase()) {
      this.selection = { sheet: this.visibleSheets()[0] ?? "", area: { r0: 0, c0: 0, r1: 0, c1: 0 }, active: { r: 0, c: 0 } };
    }
    this.changed();
  }

  /** Renames a sheet as Excel does: references to it (in the engine, names and charts) follow the new name. */
  renameSheet(name: string, to: string): void {
    const s = this.must(name);
    const problem = sheetNameProblem(to);
    if (problem) throw new Error(problem.en);
    const clash = this.sheet(to);
    if (clash && clash !== s) throw new Error(`The sheet "${to}" already exists.`);
    this.engineOperations++;
    this.engine.renameSheet(this.sheetId(s.name), to);
    const quote = (n: string) => `'${n.replace(/'/g, "''")}'!`;
    const from = quote(s.name);
    for (const n of this.namesList) n.refersTo = n.refersTo.split(from).join(quote(to));
    this.charts = this.charts.map((c) => (c.sheet.toLowerCase() === s.name.toLowerCase() ? { ...c, sheet: to } : c));
    if (this.selection.sheet === s.name) this.selection = { ...this.selection, sheet: to };
    s.name = to;
    this.changed();
  }

  setVisibility(name: string, visibility: Visibility): void {
    this.must(name).visibility = visibility;
    this.changed();
  }

  addSheetFromData(d: SheetData): SheetState {
    const s = this.addSheet(d.name, { visibility: d.visibility, tabColor: d.tabColor, freeze: d.freeze });
    const rows = d.rows.map((r) => r.map((v) => (v === undefined ? null : v)));
    this.writeBlock(d.name, 0, 0, rows);
    rows.forEach((row, r) =>
      row.forEach((_, c) => {
        const f = typeof d.formats === "string" ? d.formats : d.formats?.[r]?.[c];
        if (f && !(typeof d.formats === "string" && typeof rows[r][c] !== "number")) s.formats.set(key(r, c), f);
        const st = d.styles?.[r]?.[c];
        if (st) s.styles.set(key(r, c), st);
      }),
    );
    d.columnWidths?.forEach((w, c) => {
      if (w) s.columnWidths.set(c, w);
    });
    s.merges = (d.merges ?? []).map((m) => parseArea(m)).filter((a): a is Area => a !== null);
    s.protected = d.protected ?? false;
    return s;
  }

  // ---- cells ----

  /**
   * Writes a block of inputs at (row, col); null leaves a cell as it is. One engine operation for the block.
   * Text starting with "'" is stored as the text after it, as Excel does with Range.formulas.
   */
  writeBlock(sheetName: string, row: number, col: number, cells: Array<Array<CellInput | null>>): void {
    const s = this.must(sheetName);
    const id = this.sheetId(sheetName);
    this.engineOperations++;
    const engineRows: RawCellContent[][] = [];
    cells.forEach((r, i) => {
      const er: RawCellContent[] = [];
      r.forEach((v, j) => {
        if (v === null) {
          const old = s.inputs.get(key(row + i, col + j));
          er.push(old === undefined ? null : this.toEngine(old));
          return;
        }
        s.inputs.set(key(row + i, col + j), v);
        er.push(this.toEngine(v));
      });
      engineRows.push(er);
    });
    if (engineRows.length && engineRows.some((r) => r.length)) {
      this.engine.setCellContents({ sheet: id, row, col }, engineRows);
    }
    this.changed();
  }

  /**
   * Sets or clears (null) one cell, as a user edit does. When the engine throws on it, the cell gets back what
   * it had (in the engine too, as far as the engine allows) and the error is rethrown for the caller to show.
   */
  setInput(sheetName: string, r: number, c: number, input: CellInput | null): void {
    const s = this.must(sheetName);
    const k = key(r, c);
    const old = s.inputs.get(k);
    if (input === null || input === "") s.inputs.delete(k);
    else s.inputs.set(k, input);
    this.engineOperations++;
    const address = { sheet: this.sheetId(sheetName), row: r, col: c };
    try {
      this.engine.setCellContents(address, [[input === null || input === "" ? null : this.toEngine(input)]]);
    } catch (e) {
      if (old === undefined) s.inputs.delete(k);
      else s.inputs.set(k, old);
      try {
        this.engine.setCellContents(address, [[old === undefined ? null : this.toEngine(old)]]);
      } catch {
        // The engine refuses the old content too; the cell's input is restored here at least.
      }
      this.changed();
      throw e;
    }
    this.changed();
  }

  private toEngine(v: CellInput): RawCellContent {
    if (typeof v === "string" && v.startsWith("=")) return toEngineSyntax(stripFunctionPrefixes(v));
    return v;
  }

  input(sheetName: string, r: number, c: number): CellInput | undefined {
    return this.sheet(sheetName)?.inputs.get(key(r, c));
  }

  /** The value the engine computed; errors as Excel error strings; spilled cells have a value but no input. */
  value(sheetName: string, r: number, c: number): CellValue {
    const s = this.sheet(sheetName);
    if (!s) return null;
    const v = this.engine.getCellValue({ sheet: this.sheetId(s.name), row: r, col: c });
    if (v === null || v === undefined) return null;
    if (typeof v === "object") return errorString(v as { type: string });
    return v as CellValue;
  }

  /** The engine's explanation of an error value (e.g. the SOCINV function's bilingual message). */
  errorMessage(sheetName: string, r: number, c: number): string | undefined {
    const s = this.sheet(sheetName);
    if (!s) return undefined;
    const v = this.engine.getCellValue({ sheet: this.sheetId(s.name), row: r, col: c });
    return typeof v === "object" && v !== null && "message" in v ? String((v as { message: string }).message || "") || undefined : undefined;
  }

  /** True when a cell holds anything: an input, or a value spilled into it. */
  isFilled(sheetName: string, r: number, c: number): boolean {
    const s = this.sheet(sheetName);
    if (!s) return false;
    if (s.inputs.has(key(r, c))) return true;
    return this.value(sheetName, r, c) !== null;
  }

  format(sheetName: string, r: number, c: number): string | undefined {
    return this.sheet(sheetName)?.formats.get(key(r, c));
  }

  setFormats(sheetName: string, row: number, col: number, formats: string | string[][], rows: number, cols: number): void {
    const s = this.must(sheetName);
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) {
        const f = typeof formats === "string" ? formats : formats[i]?.[j];
        if (f && f !== "General") s.formats.set(key(row + i, col + j), f);
      }
    this.changed();
  }

  style(sheetName: string, r: number, c: number): CellStyle | undefined {
    return this.sheet(sheetName)?.styles.get(key(r, c));
  }

  setStyles(sheetName: string, row: number, col: number, style: CellStyle, rows: number, cols: number): void {
    const s = this.must(sheetName);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) s.styles.set(key(row + i, col + j), style);
    this.changed();
  }

  /** The smallest area holding every entered or spilled cell; null for an empty sheet. */
  usedArea(sheetName: string): Area | null {
    const s = this.sheet(sheetName);
    if (!s) return null;
    let a: Area | null = null;
    for (const k of s.inputs.keys()) {
      const r = rowOf(k);
      const c = colOf(k);
      if (!a) a = { r0: r, c0: c, r1: r, c1: c };
      else {
        if (r < a.r0) a.r0 = r;
        if (r > a.r1) a.r1 = r;
        if (c < a.c0) a.c0 = c;
        if (c > a.c1) a.c1 = c;
      }
    }
    const dims = this.engine.getSheetDimensions(this.sheetId(s.name));
    // The engine may report an array it refused as reaching past the sheet (1 × 1,000,000): Excel's edges bound it.
    const height = Math.min(dims.height, MAX_ROWS);
    const width = Math.min(dims.width, COLS);
    if (height > 0 && width > 0) {
      if (!a) a = { r0: 0, c0: 0, r1: height - 1, c1: width - 1 };
      else {
        a.r1 = Math.max(a.r1, height - 1);
        a.c1 = Math.max(a.c1, width - 1);
      }
    }
    return a;
  }

  // ---- names ----

  names(): NameEntry[] {
    return this.namesList.map((n) => ({ ...n }));
  }

  hasName(name: string): boolean {
    const lower = name.toLowerCase();
    return this.namesList.some((n) => n.name.toLowerCase() === lower) || lower === "true" || lower === "false";
  }

  /** Whether the engine accepts the name (letters, digits, _ and ., not a cell address). */
  nameIsValid(name: string): boolean {
    return /^[A-Za-z_\u00C0-\u02AF][A-Za-z0-9_.\u00C0-\u02AF]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr]\d*[Cc]\d*$/.test(name);
  }

  addName(name: string, refersTo: string, comment?: string): void {
    if (this.hasName(name)) throw new Error(`The name "${name}" already exists.`);
    const expr = refersTo.startsWith("=") ? refersTo : "=" + refersTo;
    this.engineOperations++;
    this.engine.addNamedExpression(name, toEngineSyntax(stripFunctionPrefixes(expr)));
    this.namesList.push({ name, refersTo: expr, comment });
    this.changed();
  }

  removeName(name: string): void {
    const lower = name.toLowerCase();
    const i = this.namesList.findIndex((n) => n.name.toLowerCase() === lower);
    if (i < 0) return;
    this.engineOperations++;
    this.engine.removeNamedExpression(this.namesList[i].name);
    this.namesList.splice(i, 1);
    this.changed();
  }

  // ---- selection ----

  select(sheet: string, area: Area, active?: { r: number; c: number }): void {
    const s = this.must(sheet);
    this.selection = { sheet: s.name, area: { ...area }, active: active ?? { r: area.r0, c: area.c0 } };
    this.changed();
  }

  activate(sheet: string): void {
    const s = this.must(sheet);
    if (this.selection.sheet !== s.name) this.selection = { sheet: s.name, area: { r0: 0, c0: 0, r1: 0, c1: 0 }, active: { r: 0, c: 0 } };
    this.changed();
  }

  // ---- snapshots ----

  snapshotSheet(name: string): SheetSnapshot {
    const s = this.must(name);
    const sortNum = <T>(m: Map<number, T>) => [...m.entries()].sort((a, b) => a[0] - b[0]);
    return {
      name: s.name,
      visibility: s.visibility,
      cells: sortNum(s.inputs).map(([k, v]) => [rowOf(k), colOf(k), v]),
      formats: sortNum(s.formats).map(([k, v]) => [rowOf(k), colOf(k), v]),
      styles: sortNum(s.styles).map(([k, v]) => [rowOf(k), colOf(k), { ...v }]),
      columnWidths: sortNum(s.columnWidths),
      freeze: s.freeze ? { ...s.freeze } : undefined,
      tabColor: s.tabColor,
      merges: s.merges.map((m) => ({ ...m })),
      protected: s.protected,
    };
  }

  /** Puts a snapshotted sheet back at `index` (used to roll back a failed rebuild). */
  restoreSheet(snap: SheetSnapshot, index?: number): void {
    const s = this.addSheet(snap.name, { visibility: snap.visibility, index, tabColor: snap.tabColor, freeze: snap.freeze });
    if (snap.cells.length) {
      let r1 = 0;
      let c1 = 0;
      for (const [r, c] of snap.cells) {
        r1 = Math.max(r1, r);
        c1 = Math.max(c1, c);
      }
      const rows: Array<Array<CellInput | null>> = Array.from({ length: r1 + 1 }, () => new Array(c1 + 1).fill(null));
      for (const [r, c, v] of snap.cells) rows[r][c] = v;
      this.writeBlock(s.name, 0, 0, rows);
    }
    for (const [r, c, f] of snap.formats) s.formats.set(key(r, c), f);
    for (const [r, c, st] of snap.styles) s.styles.set(key(r, c), { ...st });
    for (const [c, w] of snap.columnWidths) s.columnWidths.set(c, w);
    s.merges = snap.merges.map((m) => ({ ...m }));
    s.protected = snap.protected;
    this.changed();
  }

  /** The position of a sheet in the tab order, or -1. */
  indexOf(name: string): number {
    const s = this.sheet(name);
    return s ? this.order.indexOf(s) : -1;
  }
}

/**
 * Reads what a user typed into a cell: "=…" a formula, "'…" text kept as typed, numbers in the page's
 * language (Swedish "1 234,5" or English "1,234.5", with an optional %), TRUE/FALSE or SANT/FALSKT.
 */
export function parseTyped(text: string, language: "sv" | "en"): CellInput | null {
  const t = text.trim();
  if (t === "") return null;
  if (t.startsWith("=") || t.startsWith("'")) return text;
  const upper = t.toUpperCase();
  if (upper === "TRUE" || upper === "SANT") return true;
  if (upper === "FALSE" || upper === "FALSKT") return false;
  const dec = language === "sv" ? "," : ".";
  const grp = language === "sv" ? /[\s\u00a0]/g : /,/g;
  let s = t.replace(grp, "").replace(/^[–−]/, "-");
  const pct = s.endsWith("%");
  if (pct) s = s.slice(0, -1);
  if (dec === ",") {
    if (s.includes(".") && !s.includes(",")) {
      // A point is also read as the decimal sign: people paste English numbers.
    } else s = s.replace(",", ".");
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) {
    const n = Number(s);
    if (Number.isFinite(n)) return pct ? n / 100 : n;
  }
  return text;
}
