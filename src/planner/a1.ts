/**
 * A1 addresses, sheet-name quoting, text escaping and unique names: the small pieces every formula and
 * every cell of a plan goes through, so quoting and escaping are done one way only.
 */
import { refuse } from "./messages";

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

/** 0-based row and column → "D7". `abs` makes it "$D$7". */
export function cellAddress(row: number, col: number, abs = false): string {
  return abs ? `$${colLetter(col)}$${row + 1}` : `${colLetter(col)}${row + 1}`;
}

export function rangeAddress(row: number, col: number, rows: number, cols: number, abs = false): string {
  const a = cellAddress(row, col, abs);
  if (rows === 1 && cols === 1) return a;
  return `${a}:${cellAddress(row + rows - 1, col + cols - 1, abs)}`;
}

/** "D7" or "$D$7" → 0-based {row, col}. */
export function parseCell(a: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a.trim());
  if (!m) return refuse("badAddress", { got: JSON.stringify(a) });
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** "B3:G24" (or "B3") → top-left and size. A sheet prefix ("Budget!B3:G24") is ignored. */
export function parseRange(a: string): { row: number; col: number; rows: number; cols: number } {
  const bare = a.includes("!") ? a.slice(a.lastIndexOf("!") + 1) : a;
  const [p, q] = bare.split(":");
  const s = parseCell(p);
  const e = q === undefined ? s : parseCell(q);
  const row = Math.min(s.row, e.row);
  const col = Math.min(s.col, e.col);
  return { row, col, rows: Math.abs(e.row - s.row) + 1, cols: Math.abs(e.col - s.col) + 1 };
}

/**
 * A sheet name as it must appear in a formula. Always quoted: Excel and the formula engine accept quotes
 * on every name, and it is never wrong for names with spaces, quotes, å/ä/ö or names that look like cells.
 * A quote inside the name is doubled: O'Brien → 'O''Brien'.
 */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
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
const BAD_SHEET_CHARS = /[[\]:*?/\\]/g;
export const MAX_SHEET_NAME = 31;

/** Cleans a proposed sheet name so that Excel accepts it. */
export function cleanSheetName(name: string): string {
  let s = name.replace(BAD_SHEET_CHARS, " ").replace(/\s+/g, " ").trim();
  s = s.replace(/^'+|'+$/g, "").trim(); // a sheet name may not start or end with an apostrophe
  if (s === "" || /^history$/i.test(s)) s = "Model";
  return cut(s, MAX_SHEET_NAME);
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
