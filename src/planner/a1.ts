/**
 * A1 addresses, sheet names in references, text escaping and unique names: the small pieces every formula and
 * every cell of a plan goes through. The one implementation for every layer: the hosts (src/host/office-a1.ts)
 * and the playground (playground/a1.ts) build on these and keep only what is theirs (whole rows and columns,
 * multi-area lists, the playground's area shape).
 */
import { refuse } from "./messages";

/** Excel's grid: rows 1 … 1 048 576, columns A … XFD. */
export const EXCEL_ROWS = 1048576;
export const EXCEL_COLS = 16384;

/** 0-based column → letters (0 → A, 25 → Z, 26 → AA). */
export function colLetter(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Column letters → 0-based column (A → 0, xfd → 16383); null when not letters or beyond XFD. */
export function colIndex(letters: string): number | null {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= EXCEL_COLS ? n - 1 : null;
}

/** Row digits → 0-based row ("1" → 0; leading zeros allowed, as Excel reads them); null outside 1 … 1 048 576. */
export function rowIndex(digits: string): number | null {
  if (!/^\d+$/.test(digits)) return null;
  const n = Number(digits);
  return n >= 1 && n <= EXCEL_ROWS ? n - 1 : null;
}

/** 0-based row and column → "D7". `abs` makes it "$D$7". */
export function cellAddress(row: number, col: number, abs = false): string {
  return abs ? `$${colLetter(col)}$${row + 1}` : `${colLetter(col)}${row + 1}`;
}

export function rangeAddress(row: number, col: number, rows: number, cols: number, abs = false): string {
  const a = cellAddress(row, col, abs);
  if (rows === 1 && cols === 1) return a;
  return `${a}:${cellAddress(row + rows - 1, col + cols - 1, abs)}`;
}

/** "D7" or "$D$7" → 0-based {row, col}; null when it is not a cell of Excel's grid (A0, XFE1, D1048577). */
export function tryParseCell(a: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(a.trim());
  if (!m) return null;
  const col = colIndex(m[1]);
  const row = rowIndex(m[2]);
  return col === null || row === null ? null : { row, col };
}

/** As tryParseCell, refusing (bilingual) what is not a cell. */
export function parseCell(a: string): { row: number; col: number } {
  return tryParseCell(a) ?? refuse("badAddress", { got: JSON.stringify(a) });
}

/** A block of cells: 0-based top-left, size in rows and columns. */
export interface A1Range {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** "B3:G24", "G24:B3" or "B3" → top-left and size; a sheet prefix ("Budget!B3:G24") is ignored; null when invalid. */
export function tryParseRange(a: string): A1Range | null {
  const parts = stripSheet(a).split(":");
  if (parts.length > 2) return null;
  const s = tryParseCell(parts[0]);
  const e = parts.length === 2 ? tryParseCell(parts[1]) : s;
  if (!s || !e) return null;
  const row = Math.min(s.row, e.row);
  const col = Math.min(s.col, e.col);
  return { row, col, rows: Math.abs(e.row - s.row) + 1, cols: Math.abs(e.col - s.col) + 1 };
}

/** As tryParseRange, refusing (bilingual) what is not a range. */
export function parseRange(a: string): A1Range {
  return tryParseRange(a) ?? refuse("badAddress", { got: JSON.stringify(a) });
}

/** The address without its sheet part: "'Budget 2025'!B3:G24" → "B3:G24" (a quoted name may contain "!"). */
export function stripSheet(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1);
}

/** "='Kim''s'!B3:C4" → { sheet: "Kim's", address: "B3:C4" } (quotes removed, "" undoubled); no sheet: sheet undefined. */
export function splitSheetRef(ref: string): { sheet?: string; address: string } {
  const s = ref.trim().replace(/^=/, "");
  const bang = s.lastIndexOf("!");
  if (bang < 0) return { address: s };
  let sheet = s.slice(0, bang);
  if (sheet.length >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: s.slice(bang + 1) };
}

/**
 * Whether a sheet name must be quoted in a reference. A name is left bare only when it is a plain identifier
 * (ASCII letter or _ first, then letters, digits, _) that Excel could not read as something else:
 * - not an A1 cell (AB12, xfd1; also beyond the grid, A0 or XFE1, which Excel would leave bare);
 * - not R, C or RC and not starting with an R1C1 reference (R4C, C8, RC2, R1C1b), which Excel reads as one;
 * - not TRUE or FALSE.
 * Excel itself leaves a few more names bare: with a dot (Sheet.1), which the formula engine (HyperFormula)
 * reads only quoted, and with letters beyond ASCII (Förskola), where which characters Excel counts as letters
 * is not documented. Both are quoted here: a quote too many is always accepted, one too few breaks the formula.
 */
export function sheetNeedsQuotes(name: string): boolean {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return true;
  if (/^[A-Za-z]{1,3}\d+$/.test(name)) return true;
  if (/^(r|c|rc)$/i.test(name) || /^(r|c|rc)\d/i.test(name)) return true;
  return /^(true|false)$/i.test(name);
}

/**
 * A sheet name as the plan writes it in a formula: always quoted, which Excel and the formula engine accept
 * for every name, so the plan's formulas have one form. A quote inside the name is doubled: O'Brien → 'O''Brien'.
 */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A sheet name quoted only when sheetNeedsQuotes says so, the way Excel writes references it reports (Range.address). */
export function quoteSheetIfNeeded(name: string): string {
  return sheetNeedsQuotes(name) ? quoteSheet(name) : name;
}

/** 'Budget 2025'!C5 */
export function sheetRef(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}

/**
 * Text for a cell, written with Range.formulas. Excel would read text starting with =, +, - or @ as a
 * formula, and text like "2025", "10%", "TRUE" or "1/2" as a number, boolean or date; a leading apostrophe
 * keeps all of them as the text they are. Plain text is left alone so golden files stay readable.
 */
export function text(s: string): string {
  if (s === "") return s;
  if (/^[=+\-@']/.test(s)) return "'" + s;
  const t = s.trim();
  if (/^[-+(]?[\d\s\u00a0.,]+%?\)?$/.test(t) && /\d/.test(t)) return "'" + s; // number-like
  if (/^(true|false|sant|falskt)$/i.test(t)) return "'" + s;
  if (/^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?$/.test(t)) return "'" + s; // date-like
  if (/^#/.test(t)) return "'" + s; // would read as an error value
  return s;
}

/** Characters Excel forbids in sheet names. */
export const BAD_SHEET_CHARS = /[[\]:*?/\\]/g;
export const MAX_SHEET_NAME = 31;

/** Excel's rule for a sheet name: 1 … 31 characters, none of : \ / ? * [ ], no apostrophe first or last, not "History". */
export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_SHEET_NAME &&
    name.search(BAD_SHEET_CHARS) < 0 &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    !/^history$/i.test(name)
  );
}

/** Cleans a proposed sheet name so that Excel accepts it (isValidSheetName holds for the result). */
export function cleanSheetName(name: string): string {
  // Spaces collapsed; no space or apostrophe at either end, also after a cut.
  const tidy = (x: string) => x.replace(/\s+/g, " ").replace(/^[\s']+|[\s']+$/g, "");
  const s = tidy(cut(tidy(name.replace(BAD_SHEET_CHARS, " ")), MAX_SHEET_NAME));
  return s === "" || /^history$/i.test(s) ? "Model" : s;
}

/** Shortens to `max` characters, at a word boundary when one is not too far back. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const hard = s.slice(0, max);
  const space = hard.lastIndexOf(" ");
  return (space >= max / 2 ? hard.slice(0, space) : hard).trim();
}

/**
 * A sheet name not yet used in the workbook (Excel compares sheet names case-insensitively), made from
 * `base`: "Modell", "Modell (2)", "Modell (3)" …, cut so that the suffix fits in 31 characters.
 */
export function uniqueSheetName(base: string, taken: Iterable<string>): string {
  const used = new Set(Array.from(taken, (s) => s.toLocaleLowerCase("sv")));
  const clean = cleanSheetName(base);
  if (!used.has(clean.toLocaleLowerCase("sv"))) return clean;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = cut(clean, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!used.has(name.toLocaleLowerCase("sv"))) return name;
  }
}
