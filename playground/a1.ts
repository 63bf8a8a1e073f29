/** A1 addresses: columns A..XFD, rows 1..1048576, shared by the playground workbook, grid and charts. */

export interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function columnName(c: number): string {
  let s = "";
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellName(r: number, c: number): string {
  return `${columnName(c)}${r + 1}`;
}

export function areaName(a: Area): string {
  const tl = cellName(a.r0, a.c0);
  return a.r0 === a.r1 && a.c0 === a.c1 ? tl : `${tl}:${cellName(a.r1, a.c1)}`;
}

/** Parses "B3", "$B$3", "B3:G24" (no sheet name); null when it is not an address. */
export function parseArea(address: string): Area | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(address.trim());
  if (!m) return null;
  const col = (s: string) => s.toUpperCase().split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r0 = Number(m[2]) - 1;
  const c0 = col(m[1]);
  const r1 = m[3] ? Number(m[4]) - 1 : r0;
  const c1 = m[3] ? col(m[3]) : c0;
  if (r0 < 0 || r1 < 0) return null;
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
}

/** Splits "'Sheet name'!B3:C4" into the sheet (unquoted) and the address; the sheet is undefined when absent. */
export function splitSheetRef(ref: string): { sheet?: string; address: string } {
  const s = ref.trim().replace(/^=/, "");
  const bang = s.lastIndexOf("!");
  if (bang < 0) return { address: s };
  let sheet = s.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: s.slice(bang + 1) };
}

/** Quotes a sheet name for a reference when Excel requires it (spaces, å/ä/ö, punctuation, a leading digit). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
