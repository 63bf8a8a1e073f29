/**
 * A1 addresses for the host layer: pure helpers, no Office globals, so tests and other hosts can use them.
 *
 * Columns, cells, grid limits, sheet-name quoting and validity are the planner's (src/planner/a1.ts, one
 * implementation for every layer); the host adds only what reading Excel's own addresses needs: whole rows
 * and columns ("C:H", "3:40") and multi-area lists.
 */
import { EXCEL_COLS, EXCEL_ROWS, colIndex, rowIndex, stripSheet, tryParseCell } from "../planner/a1";

export { EXCEL_COLS, EXCEL_ROWS, cellAddress, colLetter, isValidSheetName, quoteSheetIfNeeded, stripSheet } from "../planner/a1";

export interface A1Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** One side of a range: a cell ("B3"), a whole column ("C", row null) or a whole row ("3", col null). */
function parsePart(ref: string): { row: number | null; col: number | null } | null {
  const cell = tryParseCell(ref);
  if (cell) return cell;
  const column = /^\$?([A-Za-z]+)$/.exec(ref.trim());
  if (column) {
    const col = colIndex(column[1]);
    return col === null ? null : { row: null, col };
  }
  const row = /^\$?(\d+)$/.exec(ref.trim());
  if (row) {
    const r = rowIndex(row[1]);
    return r === null ? null : { row: r, col: null };
  }
  return null;
}

/**
 * Parses "B3", "B3:G24", "$B$3:$G$24", "C:H" or "3:40" (optionally after "Sheet!") into a 0-based box.
 * Returns null when it is not an A1 address of Excel's grid.
 */
export function parseAddress(address: string): A1Box | null {
  const parts = stripSheet(address).trim().split(":");
  if (parts.length > 2) return null;
  const s = parsePart(parts[0]);
  const e = parts.length === 2 ? parsePart(parts[1]) : s;
  if (!s || !e) return null;
  if ((s.row === null) !== (e.row === null) || (s.col === null) !== (e.col === null)) return null;
  const r0 = s.row ?? 0;
  const r1 = e.row ?? EXCEL_ROWS - 1;
  const c0 = s.col ?? 0;
  const c1 = e.col ?? EXCEL_COLS - 1;
  const row = Math.min(r0, r1);
  const col = Math.min(c0, c1);
  return { row, col, rows: Math.abs(r1 - r0) + 1, cols: Math.abs(c1 - c0) + 1 };
}

/**
 * Splits a multi-area address as Excel reports it ("Sheet1!A1:B2, 'My, sheet'!C3:D4") into its areas
 * without sheet names. Commas inside a quoted sheet name do not split.
 */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") {
      // A doubled quote inside a quoted name is an escaped quote, not the end of the name.
      if (quoted && address[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === "," && !quoted) {
      if (cur.trim()) out.push(stripSheet(cur.trim()));
      cur = "";
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) out.push(stripSheet(cur.trim()));
  return out;
}
