/**
 * The selected block's cells as the budget reader's steps see them: positions are 0-based inside the
 * block, addresses are the cells' own on the sheet. budget.ts builds it from the host's snapshot.
 */

/** A merged area, relative to the block. */
export interface MergedArea {
  /** As the host gave it, e.g. "A7:A12". */
  a: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface Grid {
  sheet: string;
  /** Size of the block. */
  rows: number;
  cols: number;
  /** The values as the host read them, rows × columns (rows may differ in length). */
  values: ReadonlyArray<ReadonlyArray<unknown>>;
  /** The sheet's row and column of the block's top-left cell (0-based). */
  row: number;
  col: number;
  /** Computed value of a cell. */
  value(r: number, c: number): unknown;
  /** Formula (or constant) as entered. */
  formula(r: number, c: number): unknown;
  /** The cell's text as displayed ("–1,5" for a dash-formatted negative). */
  shown(r: number, c: number): string;
  numberFormat(r: number, c: number): string | undefined;
  /** A1 address of a cell on its sheet, e.g. "D7". */
  address(r: number, c: number): string;
  merged: MergedArea[];
}

/** The merged area covering a cell, if any. */
export function mergedAt(grid: Grid, r: number, c: number): MergedArea | undefined {
  return grid.merged.find((m) => r >= m.row && r < m.row + m.rows && c >= m.col && c < m.col + m.cols);
}
