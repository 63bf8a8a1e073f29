/**
 * A1 addresses in the shape the playground workbook, grid and charts use (an area as r0, c0, r1, c1), built
 * on the one implementation in src/planner/a1.ts: columns A … XFD, rows 1 … 1 048 576.
 */
import { cellAddress, colLetter, rangeAddress, tryParseRange } from "../src/planner/a1";

export { splitSheetRef } from "../src/planner/a1";

export interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** 0-based column → letters (0 → A). */
export function columnName(c: number): string {
  return colLetter(c);
}

/** 0-based row and column → "D7". */
export function cellName(r: number, c: number): string {
  return cellAddress(r, c);
}

/** "B3" for one cell, "B3:G24" otherwise. */
export function areaName(a: Area): string {
  return rangeAddress(a.r0, a.c0, a.r1 - a.r0 + 1, a.c1 - a.c0 + 1);
}

/** Parses "B3", "$B$3", "B3:G24" (no sheet name: see splitSheetRef); null when it is not an address of the grid. */
export function parseArea(address: string): Area | null {
  if (address.includes("!")) return null;
  const r = tryParseRange(address);
  return r && { r0: r.row, c0: r.col, r1: r.row + r.rows - 1, c1: r.col + r.cols - 1 };
}
