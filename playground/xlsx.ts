/**
 * Opening the user's own .xlsx and downloading the playground's workbook as .xlsx, with ExcelJS, entirely
 * in the browser: the file is read from the user's disk into memory and never sent anywhere.
 *
 * Checks before parsing, cheapest first, so a bad file costs little and the page keeps working:
 * size (refused above MAX_UPLOAD_BYTES without reading a byte), the file's signature (zip, old .xls /
 * encrypted, anything else), the zip's table of contents (a workbook part; VBA macros refused), then a
 * bounded pre-scan (zipscan.ts) that inflates every entry counting its real bytes, cells and rows and stops
 * at the first cap (the sizes a zip declares are not trusted), then ExcelJS, then the extent of each sheet
 * before any grid or engine memory is allocated for it.
 *
 * Written files hold the formulas as written (English syntax, with Excel's _xlfn. prefixes for newer
 * functions) and the values the engine computed, so Excel shows numbers before it recalculates; hidden
 * sheets stay hidden, names, number formats, column widths, frozen panes and merged cells are kept.
 * ExcelJS cannot write charts: the downloaded file has the model's data and formulas, not its charts
 * (in Excel the add-in draws native charts).
 */
import type { CellErrorValue, CellFormulaValue, Worksheet, Xlsx } from "exceljs";
import type { Bilingual } from "./text";
import { Area, areaName, columnName, parseArea, splitSheetRef } from "./a1";
import { sheetRef } from "../src/planner/a1";
import {
  CellInput,
  CellStyle,
  CellValue,
  NameEntry,
  PlaygroundWorkbook,
  SheetData,
  Visibility,
  asTextInput,
  colOf,
  rowOf,
  stripFunctionPrefixes,
} from "./workbook";
import { ZipLimits, ZipProblem, readDirectory, scanZip } from "./zipscan";

/** Budget workbooks are well under a megabyte; 10 MB leaves room and keeps the browser responsive. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Inflated content of all parts together; counted while inflating, the scan stops when it is passed. */
export const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;
/** Inflated content of one part (a sheet of MAX_CELLS cells is about 20 MB of XML). */
export const MAX_ENTRY_BYTES = 40 * 1024 * 1024;
/** Parts in the zip (a workbook with a hundred sheets has a few hundred). */
export const MAX_ZIP_ENTRIES = 5_000;
/** More cells than this would make the in-browser grid and engine sluggish. */
export const MAX_CELLS = 400_000;
/** Cell elements including empty formatted ones (ExcelJS keeps an object for each). */
export const MAX_CELL_ELEMENTS = 1_000_000;
/** Row elements. */
export const MAX_ROWS = 400_000;
/**
 * Per workbook: the last row plus rows with content × the rightmost column, summed over the sheets. The grid's
 * rows and the formula engine's cell map (a row array as wide as the sheet's widest row) grow with it, so a
 * few cells far out (XFD1048576) must not cost gigabytes.
 */
export const MAX_SHEET_AREA = 5_000_000;

export const ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: MAX_ENTRY_BYTES,
  maxTotalBytes: MAX_UNZIPPED_BYTES,
  maxEntries: MAX_ZIP_ENTRIES,
  maxFilledCells: MAX_CELLS,
  maxCellElements: MAX_CELL_ELEMENTS,
  maxRows: MAX_ROWS,
};

export type UploadProblemCode = "tooLarge" | "notWorkbook" | "oldFormat" | "macros" | "unreadable" | "damaged" | "tooManyCells" | "empty";

export class UploadError extends Error {
  constructor(
    readonly code: UploadProblemCode,
    readonly text: Bilingual,
  ) {
    super(`${text.sv} / ${text.en}`);
    this.name = "UploadError";
  }
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

/** Checks what is known before reading the file: its name and size. */
export function checkBeforeReading(name: string, size: number): void {
  if (size > MAX_UPLOAD_BYTES) {
    throw new UploadError("tooLarge", {
      sv: `Filen "${name}" är ${mb(size).replace(".", ",")} MB. Lekplatsen öppnar arbetsböcker på högst ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; spara budgetbladet i en egen, mindre arbetsbok och försök igen.`,
      en: `The file "${name}" is ${mb(size)} MB. The playground opens workbooks of at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; save the budget sheet in a smaller workbook of its own and try again.`,
    });
  }
  if (size === 0) throw new UploadError("empty", { sv: `Filen "${name}" är tom.`, en: `The file "${name}" is empty.` });
  if (/\.(xlsm|xltm|xlam)$/i.test(name)) throw macros(name);
  if (/\.xlsb$/i.test(name)) {
    throw new UploadError("notWorkbook", {
      sv: `"${name}" är en binär arbetsbok (.xlsb). Spara den som Excel-arbetsbok (.xlsx) och försök igen.`,
      en: `"${name}" is a binary workbook (.xlsb). Save it as an Excel workbook (.xlsx) and try again.`,
    });
  }
}

function macros(name: string): UploadError {
  return new UploadError("macros", {
    sv: `"${name}" innehåller makron (VBA). Lekplatsen öppnar inte arbetsböcker med makron. Spara en kopia som Excel-arbetsbok utan makron (.xlsx) och öppna den.`,
    en: `"${name}" contains macros (VBA). The playground does not open workbooks with macros. Save a copy as an Excel workbook without macros (.xlsx) and open that.`,
  });
}

function notWorkbook(name: string): UploadError {
  return new UploadError("notWorkbook", {
    sv: `"${name}" är ingen Excel-arbetsbok (.xlsx). Välj en fil som sparats från Excel som .xlsx.`,
    en: `"${name}" is not an Excel workbook (.xlsx). Choose a file saved from Excel as .xlsx.`,
  });
}

async function loadExcelJS(): Promise<typeof import("exceljs")> {
  // Bundled for the browser the module comes as its default export; in Node (tests) as the module itself.
  const mod: typeof import("exceljs") & { default?: typeof import("exceljs") } = await import("exceljs");
  return mod.default ?? mod;
}

const MB = (n: number) => n / 1024 / 1024;
const count = (n: number, lang: "sv" | "en") => n.toLocaleString(lang === "sv" ? "sv-SE" : "en-GB");

/** The pre-scan's finding as a message for the user. */
function zipProblem(p: ZipProblem, name: string): UploadError {
  const part = p.entry ? ` (${p.entry})` : "";
  switch (p.code) {
    case "notZip":
      return notWorkbook(name);
    case "tooLarge":
      return new UploadError("tooLarge", {
        sv: `"${name}" packas upp till mer än ${MB(MAX_UNZIPPED_BYTES)} MB, mer än lekplatsen klarar. Uppackningen avbröts där. Spara budgetbladet i en egen, mindre arbetsbok och försök igen.`,
        en: `"${name}" unpacks to more than ${MB(MAX_UNZIPPED_BYTES)} MB, more than the playground handles. Unpacking stopped there. Save the budget sheet in a smaller workbook of its own and try again.`,
      });
    case "entryTooLarge":
      return new UploadError("tooLarge", {
        sv: `En del av "${name}"${part} packas upp till mer än ${MB(MAX_ENTRY_BYTES)} MB, mer än lekplatsen klarar. Uppackningen avbröts där. Spara budgetbladet i en egen, mindre arbetsbok och försök igen.`,
        en: `A part of "${name}"${part} unpacks to more than ${MB(MAX_ENTRY_BYTES)} MB, more than the playground handles. Unpacking stopped there. Save the budget sheet in a smaller workbook of its own and try again.`,
      });
    case "tooManyEntries":
      return new UploadError("tooLarge", {
        sv: `"${name}" består av fler än ${count(MAX_ZIP_ENTRIES, "sv")} delar, fler än en arbetsbok från Excel har. Spara budgetbladet i en egen arbetsbok och försök igen.`,
        en: `"${name}" consists of more than ${count(MAX_ZIP_ENTRIES, "en")} parts, more than a workbook saved by Excel has. Save the budget sheet in a workbook of its own and try again.`,
      });
    case "tooManyCells":
      return p.limit === MAX_CELLS
        ? tooManyCells(name)
        : new UploadError("tooManyCells", {
            sv: `"${name}" har fler än ${count(MAX_CELL_ELEMENTS, "sv")} celler (tomma formaterade celler inräknade), för många för lekplatsen. Spara budgetbladet i en egen arbetsbok.`,
            en: `"${name}" has more than ${count(MAX_CELL_ELEMENTS, "en")} cells (empty formatted cells included), too many for the playground. Save the budget sheet in a workbook of its own.`,
          });
    case "tooManyRows":
      return new UploadError("tooManyCells", {
        sv: `"${name}" har fler än ${count(MAX_ROWS, "sv")} rader, för många för lekplatsen. Spara budgetbladet i en egen arbetsbok.`,
        en: `"${name}" has more than ${count(MAX_ROWS, "en")} rows, too many for the playground. Save the budget sheet in a workbook of its own.`,
      });
    case "unsupported":
      return new UploadError("unreadable", {
        sv: `"${name}" är packad med kryptering eller en komprimering som Excel inte använder för .xlsx${part}. Öppna den i Excel, spara den som .xlsx och försök igen.`,
        en: `"${name}" is packed with encryption or a compression Excel does not use for .xlsx${part}. Open it in Excel, save it as .xlsx and try again.`,
      });
    case "damaged":
    case "sizeMismatch":
      return new UploadError("damaged", {
        sv: `"${name}" är skadad: innehållet stämmer inte med filens innehållsförteckning${part}. Den öppnades inte. Öppna den i Excel, spara den igen som .xlsx och försök igen.`,
        en: `"${name}" is damaged: its content does not match the file's table of contents${part}. It was not opened. Open it in Excel, save it again as .xlsx and try again.`,
      });
  }
}

function tooManyCells(fileName: string): UploadError {
  return new UploadError("tooManyCells", {
    sv: `"${fileName}" har fler än ${count(MAX_CELLS, "sv")} ifyllda celler, för många för lekplatsen. Spara budgetbladet i en egen arbetsbok.`,
    en: `"${fileName}" has more than ${count(MAX_CELLS, "en")} filled cells, too many for the playground. Save the budget sheet in a workbook of its own.`,
  });
}

/** What a read file becomes: sheets for the workbook, its names, and notes to tell the user. */
export interface ReadResult {
  sheets: SheetData[];
  names: NameEntry[];
  notes: Bilingual[];
}

/** Reads a workbook file's bytes (already size-checked) into sheet data; throws UploadError with a clear message. */
export async function readWorkbook(bytes: ArrayBuffer | Uint8Array, name: string): Promise<ReadResult> {
  checkBeforeReading(name, bytes.byteLength);
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const sig = Array.from(u8.slice(0, 4));
  if (sig[0] === 0xd0 && sig[1] === 0xcf && sig[2] === 0x11 && sig[3] === 0xe0) {
    throw new UploadError("oldFormat", {
      sv: `"${name}" är en gammal Excel-fil (.xls) eller en lösenordsskyddad arbetsbok. Spara den som .xlsx utan lösenord och försök igen.`,
      en: `"${name}" is an old Excel file (.xls) or a password-protected workbook. Save it as .xlsx without a password and try again.`,
    });
  }
  if (!(sig[0] === 0x50 && sig[1] === 0x4b && sig[2] === 0x03 && sig[3] === 0x04)) throw notWorkbook(name);

  try {
    // The table of contents first (cheap), then every part inflated and counted.
    const names = readDirectory(u8, ZIP_LIMITS).flatMap((e) => [e.name, ...e.otherNames].map((n) => n.replace(/^\//, "")));
    if (!names.some((e) => e.toLowerCase() === "xl/workbook.xml")) throw notWorkbook(name);
    if (names.some((e) => /vbaProject\.bin$/i.test(e))) throw macros(name);
    await scanZip(u8, ZIP_LIMITS);
  } catch (e) {
    if (e instanceof ZipProblem) throw zipProblem(e, name);
    throw e;
  }

  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS reads any Uint8Array; its types declare a Buffer of their own (an ArrayBuffer).
    await wb.xlsx.load(u8 as unknown as Parameters<Xlsx["load"]>[0]);
  } catch (e) {
    throw new UploadError("unreadable", {
      sv: `"${name}" kunde inte läsas som arbetsbok (${e instanceof Error ? e.message : String(e)}).`,
      en: `"${name}" could not be read as a workbook (${e instanceof Error ? e.message : String(e)}).`,
    });
  }
  return fromExcelJS(wb, name);
}

function argbToCss(argb: string | undefined): string | undefined {
  if (!argb || argb.length < 6) return undefined;
  return "#" + argb.slice(-6).toLowerCase();
}

/** Excel column width in characters → points (7-pixel digits plus padding, at 96 dpi). */
const charsToPoints = (w: number) => Math.round((w * 7 + 5) * 0.75);
const pointsToChars = (p: number) => Math.max(1, Math.round(((p / 0.75 - 5) / 7) * 100) / 100);

function excelDateSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
}

function fromExcelJS(wb: import("exceljs").Workbook, fileName: string): ReadResult {
  const notes: Bilingual[] = [];
  const sheets: SheetData[] = [];
  let cells = 0;
  let formulaCount = 0;
  let area = 0;
  for (const ws of wb.worksheets) {
    // The sheet's extent first: the arrays below and the engine's cell map grow with it.
    let lastRow = 0;
    let rowsWithCells = 0;
    let lastCol = 0;
    ws.eachRow({ includeEmpty: false }, (row, rn) => {
      rowsWithCells++;
      lastRow = Math.max(lastRow, rn);
      lastCol = Math.max(lastCol, row.cellCount);
    });
    area += lastRow + rowsWithCells * lastCol;
    if (area > MAX_SHEET_AREA) {
      const far = `${columnName(Math.max(0, lastCol - 1))}${lastRow}`;
      throw new UploadError("tooManyCells", {
        sv: `Bladet "${ws.name}" i "${fileName}" sträcker sig för långt för lekplatsen: ${count(rowsWithCells, "sv")} rader med innehåll, ända till kolumn ${columnName(Math.max(0, lastCol - 1))} och rad ${count(lastRow, "sv")} (${far}). Ta bort celler långt ut på bladet (Ctrl+End i Excel går till den sista) eller spara budgetbladet i en egen arbetsbok.`,
        en: `The sheet "${ws.name}" in "${fileName}" reaches too far for the playground: ${count(rowsWithCells, "en")} rows with content, out to column ${columnName(Math.max(0, lastCol - 1))} and row ${count(lastRow, "en")} (${far}). Delete cells far out on the sheet (Ctrl+End in Excel goes to the last one) or save the budget sheet in a workbook of its own.`,
      });
    }
    const rows: Array<Array<CellInput | null>> = [];
    const formats: Array<Array<string | null>> = [];
    const styles: Array<Array<CellStyle | null>> = [];
    const put = <T>(m: Array<Array<T | null>>, r: number, c: number, v: T) => {
      while (m.length <= r) m.push([]);
      const row = m[r];
      while (row.length < c) row.push(null);
      row[c] = v;
    };
    ws.eachRow({ includeEmpty: false }, (row, rn) => {
      row.eachCell({ includeEmpty: false }, (cell, cn) => {
        const r = rn - 1;
        const c = cn - 1;
        if (++cells > MAX_CELLS) throw tooManyCells(fileName);
        const input = cellInput(cell);
        if (input !== null) {
          put(rows, r, c, input);
          if (typeof input === "string" && input.startsWith("=")) formulaCount++;
        }
        const fmt = cell.numFmt;
        if (fmt && fmt !== "General") put(formats, r, c, fmt);
        const st = cellStyle(cell);
        if (st) put(styles, r, c, st);
      });
    });
    const widths: number[] = [];
    (ws.columns ?? []).forEach((col, i) => {
      if (col && typeof col.width === "number") widths[i] = charsToPoints(col.width);
    });
    const view = (ws.views ?? [])[0];
    const freeze = view && view.state === "frozen" ? { rows: view.ySplit ?? 0, cols: view.xSplit ?? 0 } : undefined;
    const merges: string[] = ws.model?.merges ?? [];
    sheets.push({
      name: ws.name,
      rows,
      formats,
      styles,
      columnWidths: widths,
      visibility: (ws.state as Visibility) ?? "visible",
      freeze,
      merges,
      // ExcelJS keeps the read protection here; its types leave the field out.
      protected: Boolean((ws as Worksheet & { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
      tabColor: argbToCss(ws.properties?.tabColor?.argb),
    });
  }
  const names: NameEntry[] = [];
  for (const dn of wb.definedNames.model ?? []) {
    if (dn.ranges.length === 1 && !dn.name.startsWith("_xlnm.")) names.push({ name: dn.name, refersTo: "=" + dn.ranges[0] });
  }
  if (sheets.every((s) => s.rows.length === 0)) {
    notes.push({ sv: "Arbetsboken är tom.", en: "The workbook is empty." });
  }
  if (formulaCount > 0) {
    notes.push({
      sv: `${count(formulaCount, "sv")} ${formulaCount === 1 ? "formel" : "formler"} räknas om av lekplatsens formelmotor; funktioner den saknar visar #NAMN?.`,
      en: `${count(formulaCount, "en")} ${formulaCount === 1 ? "formula is" : "formulas are"} recalculated by the playground's formula engine; functions it lacks show #NAME?.`,
    });
  }
  return { sheets, names, notes };
}

function cellInput(cell: import("exceljs").Cell): CellInput | null {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return v === "" ? null : asTextInput(v);
  if (v instanceof Date) return excelDateSerial(v);
  if (typeof v === "object") {
    if ("formula" in v || "sharedFormula" in v) {
      const f = cell.formula;
      return f ? "=" + stripFunctionPrefixes(f) : null;
    }
    if ("richText" in v) return asTextInput(v.richText.map((t) => t.text).join(""));
    if ("text" in v) return asTextInput(String(v.text)); // hyperlink
    if ("error" in v) return String(v.error);
  }
  return null;
}

function cellStyle(cell: import("exceljs").Cell): CellStyle | null {
  const st: CellStyle = {};
  const f = cell.font;
  if (f?.bold) st.bold = true;
  if (f?.italic) st.italic = true;
  if (f?.size && f.size !== 11) st.size = f.size;
  const color = argbToCss(f?.color?.argb);
  if (color && color !== "#000000") st.fontColor = color;
  const fill = cell.fill;
  if (fill?.type === "pattern" && fill.pattern === "solid") {
    const c = argbToCss(fill.fgColor?.argb);
    if (c && c !== "#ffffff") st.fill = c;
  }
  const h = cell.alignment?.horizontal;
  if (h === "left" || h === "center" || h === "right") st.align = h;
  if (cell.alignment?.indent) st.indent = cell.alignment.indent;
  if (cell.border?.top?.style) st.borderTop = true;
  if (cell.border?.bottom?.style) st.borderBottom = true;
  return Object.keys(st).length ? st : null;
}

/** Newer functions Excel stores with the _xlfn. prefix; without it Excel shows #NAME?. */
const XLFN = [
  "XLOOKUP",
  "XMATCH",
  "SEQUENCE",
  "FILTER",
  "SORT",
  "SORTBY",
  "UNIQUE",
  "LET",
  "LAMBDA",
  "IFS",
  "SWITCH",
  "MAXIFS",
  "MINIFS",
  "CONCAT",
  "TEXTJOIN",
  "IFNA",
  "STDEV.S",
  "STDEV.P",
  "VAR.S",
  "VAR.P",
  "RANDARRAY",
  "XOR",
  "DAYS",
  "ISOWEEKNUM",
  "CEILING.MATH",
  "FLOOR.MATH",
  "NORM.DIST",
  "NORM.INV",
  "NORM.S.DIST",
  "NORM.S.INV",
  "RRI",
  "PDURATION",
  "CHOOSECOLS",
  "CHOOSEROWS",
  "VSTACK",
  "HSTACK",
  "TAKE",
  "DROP",
  "TOCOL",
  "TOROW",
  "EXPAND",
  "WRAPROWS",
  "WRAPCOLS",
];
const XLFN_RE = new RegExp(`(^|[^A-Za-z0-9_.])(${XLFN.map((f) => f.replace(".", "\\.")).join("|")})\\(`, "gi");

/** Adds Excel's file prefixes to newer functions outside string literals and quoted sheet names. */
export function withFunctionPrefixes(formula: string): string {
  let out = "";
  let i = 0;
  let plain = "";
  const flush = () => {
    out += plain.replace(XLFN_RE, (_m, pre, fn) => `${pre}_xlfn.${fn.toUpperCase()}(`);
    plain = "";
  };
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      flush();
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
    } else {
      plain += ch;
      i++;
    }
  }
  flush();
  return out;
}

function cssToArgb(css: string): string {
  return "FF" + css.replace("#", "").toUpperCase();
}

/** A cached value as ExcelJS writes it: errors as { error }. */
function resultOf(v: CellValue): CellFormulaValue["result"] {
  // ExcelJS writes any error text; its type lists only the older errors (not #SPILL!, #CALC!).
  if (typeof v === "string" && /^#[A-Z/0-9]+[!?]?$|^#N\/A$/.test(v)) return { error: v as CellErrorValue["error"] };
  return v ?? undefined;
}

/** An array (spilling) formula: ExcelJS writes these two fields, which its types leave out. */
interface ArrayFormulaValue extends CellFormulaValue {
  shareType: "array";
  ref: string;
}

/** The whole workbook as .xlsx bytes. */
export async function writeWorkbook(book: PlaygroundWorkbook): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  wb.creator = "SOCINV playground";
  wb.calcProperties.fullCalcOnLoad = true; // Excel recalculates on open; the cached values are the engine's
  for (const name of book.sheetNames()) {
    const s = book.sheet(name)!;
    const ws = wb.addWorksheet(s.name, {
      state: s.visibility,
      properties: s.tabColor ? { tabColor: { argb: cssToArgb(s.tabColor) } } : undefined,
      views: s.freeze && (s.freeze.rows || s.freeze.cols) ? [{ state: "frozen", xSplit: s.freeze.cols, ySplit: s.freeze.rows }] : undefined,
    });
    for (const [c, w] of s.columnWidths) ws.getColumn(c + 1).width = pointsToChars(w);
    const spills: Area[] = [];
    for (const [k, input] of s.inputs) {
      const r = rowOf(k);
      const c = colOf(k);
      const cell = ws.getCell(r + 1, c + 1);
      const value = book.value(s.name, r, c);
      if (typeof input === "string" && input.startsWith("=")) {
        const formula = withFunctionPrefixes(input.slice(1));
        const spill = spillArea(book, s.name, r, c);
        if (spill) {
          spills.push(spill);
          const arrayFormula: ArrayFormulaValue = { formula, result: resultOf(value), shareType: "array", ref: areaName(spill) };
          cell.value = arrayFormula;
        } else cell.value = { formula, result: resultOf(value) };
      } else if (typeof input === "string" && input.startsWith("'")) cell.value = input.slice(1);
      else cell.value = input;
    }
    // Cached values of spilled cells, as Excel stores them.
    for (const a of spills) {
      for (let r = a.r0; r <= a.r1; r++)
        for (let c = a.c0; c <= a.c1; c++) {
          if (s.inputs.has(r * 16384 + c)) continue;
          const v = book.value(s.name, r, c);
          if (v !== null) ws.getCell(r + 1, c + 1).value = resultOf(v);
        }
    }
    for (const [k, fmt] of s.formats) ws.getCell(rowOf(k) + 1, colOf(k) + 1).numFmt = fmt;
    for (const [k, st] of s.styles) applyStyle(ws.getCell(rowOf(k) + 1, colOf(k) + 1), st);
    for (const m of s.merges) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
  }
  for (const n of book.names()) {
    const ref = splitSheetRef(n.refersTo);
    if (ref.sheet === undefined || !parseArea(ref.address) || !book.sheet(ref.sheet)) continue; // ExcelJS writes ranges only
    wb.definedNames.add(sheetRef(ref.sheet, ref.address), n.name);
  }
  const buf = await wb.xlsx.writeBuffer();
  return buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
}

function spillArea(book: PlaygroundWorkbook, sheet: string, r: number, c: number): Area | null {
  const id = book.engine.getSheetId(book.sheet(sheet)!.name)!;
  const addr = { sheet: id, row: r, col: c };
  if (!book.engine.isCellPartOfArray(addr)) return null;
  let r1 = r;
  let c1 = c;
  while (book.engine.isCellPartOfArray({ sheet: id, row: r1 + 1, col: c }) && book.input(sheet, r1 + 1, c) === undefined) r1++;
  while (book.engine.isCellPartOfArray({ sheet: id, row: r, col: c1 + 1 }) && book.input(sheet, r, c1 + 1) === undefined) c1++;
  return r1 === r && c1 === c ? null : { r0: r, c0: c, r1, c1 };
}

function applyStyle(cell: import("exceljs").Cell, st: CellStyle): void {
  if (st.bold || st.italic || st.fontColor || st.size) {
    cell.font = { bold: st.bold, italic: st.italic, size: st.size, color: st.fontColor ? { argb: cssToArgb(st.fontColor) } : undefined };
  }
  if (st.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: cssToArgb(st.fill) } };
  if (st.align || st.indent) cell.alignment = { horizontal: st.align, indent: st.indent };
  if (st.borderAll) {
    cell.border = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };
  } else if (st.borderTop || st.borderBottom) {
    cell.border = { top: st.borderTop ? { style: "thin" } : undefined, bottom: st.borderBottom ? { style: "thin" } : undefined };
  }
}

/** Builds a workbook from a read file: sheets, then names (a name the engine refuses is skipped with a note). */
export function bookFromRead(read: ReadResult): { book: PlaygroundWorkbook; notes: Bilingual[] } {
  const book = new PlaygroundWorkbook(read.sheets);
  const notes = [...read.notes];
  for (const n of read.names) {
    try {
      if (book.nameIsValid(n.name) && !book.hasName(n.name)) book.addName(n.name, n.refersTo);
    } catch {
      notes.push({ sv: `Namnet ${n.name} kunde inte läsas in.`, en: `The name ${n.name} could not be read.` });
    }
  }
  return { book, notes };
}
