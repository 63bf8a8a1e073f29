/**
 * The budget block around one selected cell. Excel's current region (Range.getSurroundingRegion) stops at the
 * first blank row, but a driftbudget has a blank row between one nämnd and the next, so one cell would give one
 * nämnd without its year header. Here the host reads a bounded area around the cell's region (searchWindow),
 * and findBlock decides, from the values only:
 *
 *   - the year header: the nearest row at or above the cell with year headers ("Budget 2025", or plain years
 *     one apart), not across a long run of blank rows; else one inside the cell's own region below it;
 *   - the rows: from the header down, part after part (a part is a run of filled rows), across short runs of
 *     blank rows, until a long run of blank rows (LONG_BLANK_RUN), a part that starts a table of its own (its
 *     own year header, e.g. the investeringsbudget under the driftbudget), the end of what was read, or the
 *     reader's largest block; trailing parts without amounts (footnotes, a title) are left out;
 *   - the columns: the header's and every included part's filled columns around it.
 *
 * Without a year header the block is the cell's current region, as before; the reader then refuses with the
 * area named. Pure: both hosts (src/host/office.ts and playground/host.ts) call it on what they read.
 */
import { EXCEL_ROWS, cellAddress } from "./a1";
import { MAX_BLOCK_COLS, MAX_BLOCK_ROWS } from "./budget";
import { isEmpty, parseYearHeader } from "./budget-text";
import type { BlockSearch, BlockStop, CellBox, RangeSnapshot } from "./snapshot";

/** This many blank rows in a row end a block; fewer are the separators between nämnder. */
export const LONG_BLANK_RUN = 3;

/** How far around the cell's region a host reads (rows above and below, columns either side), and at most how many cells. */
export const SEARCH_AREA = { rowsAbove: 150, rowsBelow: 600, colsAside: 20, maxCells: 50000 } as const;

/** Rows of a part looked at for a year header of its own (a title row may come first). */
const NEW_TABLE_ROWS = 3;
/** Rows below a selected title looked at for the year header under it. */
const HEADER_BELOW_ROWS = 12;

/**
 * The area a host reads around a cell's region (0-based), inside the sheet's edges and `bound` (the sheet's used
 * range, when the host knows it), at most SEARCH_AREA.maxCells cells: rows below are given up first.
 */
export function searchWindow(region: CellBox, sheet: { rows: number; cols: number }, bound?: CellBox | null): CellBox {
  const top0 = bound ? bound.row : 0;
  const left0 = bound ? bound.col : 0;
  const bottom0 = bound ? bound.row + bound.rows - 1 : sheet.rows - 1;
  const right0 = bound ? bound.col + bound.cols - 1 : sheet.cols - 1;
  const left = Math.max(left0, 0, region.col - SEARCH_AREA.colsAside);
  const right = Math.min(right0, sheet.cols - 1, region.col + region.cols - 1 + SEARCH_AREA.colsAside);
  const cols = Math.max(1, right - left + 1);
  let top = Math.max(top0, 0, region.row - SEARCH_AREA.rowsAbove);
  let bottom = Math.min(bottom0, sheet.rows - 1, region.row + region.rows - 1 + SEARCH_AREA.rowsBelow);
  // Keep the region itself; trim below, then above, to the cell budget.
  const maxRows = Math.max(region.rows, Math.floor(SEARCH_AREA.maxCells / cols));
  if (bottom - top + 1 > maxRows) bottom = Math.max(region.row + region.rows - 1, top + maxRows - 1);
  if (bottom - top + 1 > maxRows) top = Math.max(top, bottom - maxRows + 1);
  // A region outside the bound (an empty cell) still gets itself.
  top = Math.min(top, region.row);
  bottom = Math.max(bottom, region.row + region.rows - 1);
  return {
    row: top,
    col: Math.min(left, region.col),
    rows: bottom - top + 1,
    cols: Math.max(right, region.col + region.cols - 1) - Math.min(left, region.col) + 1,
  };
}

export interface FoundBlock {
  /** The block to read, 0-based sheet positions. */
  box: CellBox;
  search: BlockSearch;
}

/** Window-relative helpers over a snapshot's values. */
interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/**
 * The block around the cell (0-based sheet row and column) inside `window` (what the host read). `dataEnd` is
 * the sheet's last row with data when the host knows it (then reaching the window's bottom there is the end).
 */
export function findBlock(window: RangeSnapshot, cell: { row: number; col: number }, dataEnd?: number): FoundBlock {
  const v = window.values;
  const rows = v.length;
  const cols = rows ? Math.max(...v.map((r) => r.length)) : 0;
  const r = cell.row - window.row;
  const c = cell.col - window.col;
  const filled = (i: number, j: number) => i >= 0 && j >= 0 && i < rows && j < cols && !isEmpty(v[i]?.[j]);
  const rowFilled = (i: number, a: Area) => {
    for (let j = a.c0; j <= a.c1; j++) if (filled(i, j)) return true;
    return false;
  };
  const at = (a: Area): CellBox => ({ row: window.row + a.r0, col: window.col + a.c0, rows: a.r1 - a.r0 + 1, cols: a.c1 - a.c0 + 1 });
  const search = (headerRow: number | null, gaps: number, stop: BlockStop): BlockSearch => ({
    cell: cellAddress(cell.row, cell.col),
    window: `${cellAddress(window.row, window.col)}:${cellAddress(window.row + Math.max(rows, 1) - 1, window.col + Math.max(cols, 1) - 1)}`,
    headerRow: headerRow === null ? null : window.row + headerRow + 1,
    gaps,
    stop,
  });

  /** Excel's current region around (i, j) inside the window: filled cells connected through their neighbours. */
  const regionAround = (i: number, j: number): Area => {
    const a: Area = { r0: i, c0: j, r1: i, c1: j };
    const anyInRow = (rr: number, c0: number, c1: number) => {
      for (let cc = Math.max(0, c0); cc <= Math.min(cols - 1, c1); cc++) if (filled(rr, cc)) return true;
      return false;
    };
    const anyInCol = (cc: number, r0: number, r1: number) => {
      for (let rr = Math.max(0, r0); rr <= Math.min(rows - 1, r1); rr++) if (filled(rr, cc)) return true;
      return false;
    };
    for (let grew = true; grew;) {
      grew = false;
      if (a.r0 > 0 && anyInRow(a.r0 - 1, a.c0 - 1, a.c1 + 1)) {
        a.r0--;
        grew = true;
      }
      if (a.r1 < rows - 1 && anyInRow(a.r1 + 1, a.c0 - 1, a.c1 + 1)) {
        a.r1++;
        grew = true;
      }
      if (a.c0 > 0 && anyInCol(a.c0 - 1, a.r0 - 1, a.r1 + 1)) {
        a.c0--;
        grew = true;
      }
      if (a.c1 < cols - 1 && anyInCol(a.c1 + 1, a.r0 - 1, a.r1 + 1)) {
        a.c1++;
        grew = true;
      }
    }
    return a;
  };

  /** Is row i a year header within columns a (the rule of budget-header's findYearHeader: a text year, or two plain years one apart)? */
  const isHeader = (i: number, a: Area): boolean => {
    const found: Array<{ year: number; text: boolean }> = [];
    for (let j = a.c0; j <= a.c1; j++) {
      const y = parseYearHeader(v[i]?.[j]);
      if (y) found.push({ year: y.year, text: typeof v[i]?.[j] === "string" });
    }
    if (found.some((f) => f.text)) return true;
    if (found.length < 2) return false;
    const step = found[1].year - found[0].year;
    return Math.abs(step) === 1 && found.every((f, k) => k === 0 || f.year - found[k - 1].year === step);
  };

  /** Does row i hold an amount (a number, or text that is not a label: "1 234,5") in columns a, right of its first filled cell? */
  const hasAmount = (i: number, a: Area): boolean => {
    let first = true;
    for (let j = a.c0; j <= a.c1; j++) {
      const x = v[i]?.[j];
      if (isEmpty(x)) continue;
      if (first) {
        first = false;
        if (typeof x === "string") continue;
      }
      if (typeof x === "number" || (typeof x === "string" && /^[-\u2013\u2212(+]?\s*\d[\d\s\u00a0.,]*\)?$/.test(x.trim()))) return true;
    }
    return false;
  };

  const own = filled(r, c) ? regionAround(r, c) : { r0: r, c0: c, r1: r, c1: c };
  if (!filled(r, c)) return { box: at(own), search: search(null, 0, { kind: "end" }) };

  // The year header: at or above the cell, not across a long blank run; else just below it (a title was
  // selected). A row counts as blank only when it is blank across the whole area read (a verksamhet row may
  // leave the nämnd column empty); the header's own part must reach the cell's columns.
  const all: Area = { r0: 0, c0: 0, r1: rows - 1, c1: cols - 1 };
  const headerAt = (i: number): number | null => {
    if (!isHeader(i, all)) return null;
    // The year cell nearest the cell's columns, and its part of the row must overlap them.
    let best: number | null = null;
    for (let j = 0; j < cols; j++) {
      if (!parseYearHeader(v[i]?.[j])) continue;
      if (best === null || Math.abs(j - c) < Math.abs(best - c)) best = j;
    }
    if (best === null) return null;
    const part = regionAround(i, best);
    return part.c0 <= own.c1 + 1 && part.c1 >= own.c0 - 1 ? best : null;
  };
  let header = -1;
  let headerCol = c;
  let blanks = 0;
  for (let i = r; i >= 0 && header < 0; i--) {
    if (!rowFilled(i, all)) {
      if (++blanks >= LONG_BLANK_RUN) break;
      continue;
    }
    blanks = 0;
    const at = headerAt(i);
    if (at !== null) [header, headerCol] = [i, at];
  }
  blanks = 0;
  for (let i = r + 1; i < Math.min(rows, r + HEADER_BELOW_ROWS) && header < 0; i++) {
    if (!rowFilled(i, all)) {
      if (++blanks >= LONG_BLANK_RUN) break;
      continue;
    }
    blanks = 0;
    const at = headerAt(i);
    if (at !== null) [header, headerCol] = [i, at];
  }
  const beyondWindow = (last: number) => (dataEnd === undefined ? window.row + last < EXCEL_ROWS - 1 : window.row + last < dataEnd);
  if (header < 0) {
    const stop: BlockStop = own.r1 >= rows - 1 && beyondWindow(rows - 1) ? { kind: "window", row: window.row + rows } : { kind: "end" };
    return { box: at(own), search: search(null, 0, stop) };
  }

  // The header's part gives the first columns; the block starts at the header row.
  const first = regionAround(header, headerCol);
  const block: Area = { r0: header, c0: first.c0, r1: Math.max(first.r1, header), c1: first.c1 };
  let lastWithAmount = -1;
  for (let i = header + 1; i <= block.r1; i++) if (hasAmount(i, block)) lastWithAmount = i;
  let gaps = 0;
  let pendingGaps = 0;
  let stop: BlockStop | null = null;

  for (let i = block.r1 + 1; i < rows && !stop;) {
    // The blank rows after the part so far (cells just outside its columns count, a table beside it does not).
    const wide = { ...block, c0: Math.max(0, block.c0 - 1), c1: Math.min(cols - 1, block.c1 + 1) };
    let j = i;
    while (j < rows && !rowFilled(j, wide)) j++;
    const blank = j - i;
    if (j >= rows) {
      // Blank to the end of what was read.
      const more = beyondWindow(rows - 1);
      stop = !more
        ? { kind: "end" }
        : blank >= LONG_BLANK_RUN
          ? { kind: "blankRows", row: window.row + i + 1, count: blank }
          : { kind: "window", row: window.row + rows };
      if (dataEnd === undefined && blank >= LONG_BLANK_RUN) stop = { kind: "end" };
      break;
    }
    if (blank >= LONG_BLANK_RUN) {
      stop = { kind: "blankRows", row: window.row + i + 1, count: blank };
      break;
    }
    // The next part: a table of its own when a year header opens it.
    const part = regionAround(j, firstFilledIn(j, wide) ?? block.c0);
    const overlaps = part.c0 <= block.c1 && part.c1 >= block.c0;
    let opens = false;
    for (let k = j; k <= Math.min(part.r1, j + NEW_TABLE_ROWS - 1); k++)
      if (isHeader(k, { ...part, c0: Math.min(part.c0, block.c0), c1: Math.max(part.c1, block.c1) })) opens = true;
    if (!overlaps || opens) {
      stop = { kind: "newTable", row: window.row + j + 1 };
      break;
    }
    if (part.r1 - header + 1 > MAX_BLOCK_ROWS) {
      stop = { kind: "limit", rows: MAX_BLOCK_ROWS };
      break;
    }
    pendingGaps += blank;
    block.r1 = part.r1;
    block.c0 = Math.min(block.c0, part.c0);
    block.c1 = Math.min(Math.max(block.c1, part.c1), block.c0 + MAX_BLOCK_COLS - 1);
    for (let k = j; k <= part.r1; k++) {
      if (hasAmount(k, block)) {
        lastWithAmount = k;
        gaps += pendingGaps;
        pendingGaps = 0;
      }
    }
    i = part.r1 + 1;
  }
  if (!stop) stop = block.r1 >= rows - 1 && beyondWindow(rows - 1) ? { kind: "window", row: window.row + rows } : { kind: "end" };
  // Parts after the last amount (a footnote, the next table's title) are not the budget's.
  if (lastWithAmount > header && lastWithAmount < block.r1) block.r1 = lastWithAmount;
  return { box: at(block), search: search(header, gaps, stop) };

  function firstFilledIn(i: number, a: Area): number | null {
    for (let j = a.c0; j <= a.c1; j++) if (filled(i, j)) return j;
    return null;
  }
}
