/**
 * The planner's input from a sheet: a block of cells as a host reads it. Defined here, below the hosts, so the
 * planner depends on nothing above it; src/host/host.ts re-exports it for the hosts and the pane.
 */

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
}
