/**
 * The planner's input from a sheet: a block of cells as a host reads it. Defined here, below the hosts, so the
 * planner depends on nothing above it; src/host/host.ts re-exports it for the hosts and the pane.
 */
import { cellAddress, tryParseRange } from "./a1";

/** A block of cells read from a sheet. Arrays are rows × columns of the block. */
export interface RangeSnapshot {
  sheet: string;
  /** A1 address of the block on its sheet, without the sheet name, e.g. "B3:G24". */
  address: string;
  /** 0-based position of the block's top-left cell. */
  row: number;
  col: number;
  /** Computed values: numbers, strings, booleans; "" for an empty cell. */
  values: (number | string | boolean)[][];
  /** Formulas (English syntax) or the constant as entered. */
  formulas: (number | string | boolean)[][];
  /** Number format code of each cell, e.g. "#,##0.0;-#,##0.0" or "# ##0,0;–# ##0,0". */
  numberFormats: string[][];
  /** Text as displayed, e.g. "–1,5" for a dash-formatted negative. */
  text: string[][];
  /** Merged areas inside the block (A1 addresses), so the reader can explain them. */
  mergedAreas: string[];
  /**
   * Set when the user selected one cell and the block was found around it (planner/budget-find.ts decides,
   * the host only reads): what was searched and why the block ends where it does. The reader explains it.
   */
  found?: BlockSearch;
}

/** Why a block found around one cell ends where it does. Rows are 1-based sheet rows, as the user sees them. */
export type BlockStop =
  /** Nothing filled follows below the block in the rows searched. */
  | { kind: "end" }
  /** A run of blank rows follows (at least budget-find's LONG_BLANK_RUN), then more cells. */
  | { kind: "blankRows"; row: number; count: number }
  /** The next part below starts a table of its own (it has a year header). */
  | { kind: "newTable"; row: number }
  /** The block reaches the edge of the area read around the cell: it may go on below. */
  | { kind: "window"; row: number }
  /** The block reached the reader's largest size. */
  | { kind: "limit"; rows: number };

export interface BlockSearch {
  /** The selected cell, e.g. "C12". */
  cell: string;
  /** The area the host read around the cell, e.g. "A1:J812". */
  window: string;
  /** 1-based sheet row of the year header the block starts at; null when none was found above the cell. */
  headerRow: number | null;
  /** Blank rows inside the block (between a nämnd and the next), which the search went across. */
  gaps: number;
  stop: BlockStop;
}

/** A rectangle of cells, 0-based sheet positions. */
export interface CellBox {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** The part `box` of a snapshot (which must lie inside it), with the merged areas that touch it. */
export function sliceSnapshot(snap: RangeSnapshot, box: CellBox): RangeSnapshot {
  const r0 = box.row - snap.row;
  const c0 = box.col - snap.col;
  const cut = <T>(grid: T[][], fill: T): T[][] =>
    Array.from({ length: box.rows }, (_, i) => Array.from({ length: box.cols }, (_, j) => grid[r0 + i]?.[c0 + j] ?? fill));
  const merged = snap.mergedAreas.filter((a) => {
    const m = tryParseRange(a);
    return !!m && m.row < box.row + box.rows && m.row + m.rows > box.row && m.col < box.col + box.cols && m.col + m.cols > box.col;
  });
  return {
    sheet: snap.sheet,
    address: `${cellAddress(box.row, box.col)}:${cellAddress(box.row + box.rows - 1, box.col + box.cols - 1)}`,
    row: box.row,
    col: box.col,
    values: cut(snap.values, ""),
    formulas: cut(snap.formulas, ""),
    numberFormats: cut(snap.numberFormats, "General"),
    text: cut(snap.text, ""),
    mergedAreas: merged,
  };
}
