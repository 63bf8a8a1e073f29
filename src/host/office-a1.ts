/**
 * A1 addresses for the host layer: pure helpers, no Office globals, so tests and other hosts can use them.
 */

// Column letters and cell addresses are the planner's (one implementation for every layer); the host adds
// what only reading Excel's own addresses needs: whole rows/columns, multi-area lists, sheet validity.
export { colLetter as columnLetters, cellAddress } from "../planner/a1";

export interface A1Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function parseCell(ref: string): { row: number | null; col: number | null } | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/.exec(ref);
  if (!m || (!m[1] && !m[2])) return null;
  let col: number | null = null;
  if (m[1]) {
    col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
    col -= 1;
  }
  const row = m[2] ? Number(m[2]) - 1 : null;
  return { row, col };
}

/** Excel's grid size, for whole-row and whole-column references such as "C:H" or "3:40". */
export const EXCEL_ROWS = 1048576;
export const EXCEL_COLS = 16384;

/**
 * Parses "B3", "B3:G24", "$B$3:$G$24", "C:H" or "3:40" (optionally after "Sheet!") into a 0-based box.
 * Returns null when it is not an A1 address.
 */
export function parseAddress(address: string): A1Box | null {
  const bang = address.lastIndexOf("!");
  const a = (bang >= 0 ? address.slice(bang + 1) : address).trim();
  const [p, q] = a.split(":");
  const s = parseCell(p);
  const e = q === undefined ? s : parseCell(q);
  if (!s || !e) return null;
  const r0 = s.row ?? 0;
  const r1 = e.row ?? EXCEL_ROWS - 1;
  const c0 = s.col ?? 0;
  const c1 = e.col ?? EXCEL_COLS - 1;
  if ((s.row === null) !== (e.row === null) || (s.col === null) !== (e.col === null)) return null;
  const row = Math.min(r0, r1);
  const col = Math.min(c0, c1);
  return { row, col, rows: Math.abs(r1 - r0) + 1, cols: Math.abs(c1 - c0) + 1 };
}

/** The address without its sheet part: "'Budget 2025'!B3:G24" -> "B3:G24". */
export function stripSheet(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang >= 0 ? address.slice(bang + 1) : address;
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

/**
 * A sheet name as written in a reference: quoted when it is not a plain identifier (spaces, quotes,
 * å/ä/ö, leading digits, or something that looks like a cell), with inner quotes doubled.
 */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Characters Excel does not allow in a sheet name. */
const BAD_SHEET_CHARS = /[:\\/?*[\]]/;

export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 31 &&
    !BAD_SHEET_CHARS.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history"
  );
}
