/**
 * Reading a Swedish driftbudget from a block of cells: the year header ("Bokslut 2024", "Budget 2025",
 * "Plan 2026", 2027, "B2025"), the row labels (nämnd and verksamhet, one or two label columns), the unit
 * (kr/tkr/mnkr), sum rows, blank rows and years, merged cells, and amounts typed as text with a decimal
 * comma, space thousands and dash or parenthesis negatives.
 *
 * Nothing is silently misread: whatever is not a plain number is either read by a stated rule and
 * explained in `notes`, or refused with a bilingual message. Every amount keeps the A1 address of its
 * cell, so the model can refer to the budget and follow its updates.
 */
import type { RangeSnapshot } from "./snapshot";
import { cellAddress, parseRange } from "./a1";
import type { Grid } from "./budget-grid";
import { findUnit, findYearHeader, labelColumns, noteIgnoredColumns, yearColumnsOf } from "./budget-header";
import { RowTally, noteMergedCells, readRows } from "./budget-rows";
import { groupsFromSumRows, markArithmeticSums } from "./budget-sums";
import { YearKind, cellText } from "./budget-text";
import type { Unit } from "./inputs";
import { PlannerMessage, Result, attempt, note, refuse } from "./messages";

export { parseAmountText, parseYearHeader, unitInText } from "./budget-text";
export type { ParsedAmount, YearKind } from "./budget-text";

/** Larger blocks are refused before they are scanned (see docs/model.md: a driftbudget, not a ledger). */
export const MAX_BLOCK_ROWS = 2000;
export const MAX_BLOCK_COLS = 200;

export interface YearColumn {
  year: number;
  kind: YearKind;
  /** The header as written, e.g. "Budget 2025". */
  header: string;
  /** 0-based column on the sheet and its letter. */
  sheetCol: number;
  letter: string;
}

/** How a cell's amount was obtained. Only "number" and "blank" cells can be referred to live. */
export type CellSource = "number" | "blank" | "text" | "dash" | "unreadable" | "merged";

export interface BudgetCell {
  /** Amount in the budget's unit, as read (sign as in the sheet). Blank → 0. */
  value: number;
  /** A1 address on the source sheet, e.g. "D7". */
  address: string;
  source: CellSource;
}

export type RowKind = "data" | "sum" | "heading";

export interface BudgetRow {
  /** 0-based row on the source sheet. */
  sheetRow: number;
  kind: RowKind;
  /** The label cells as text (one or two label columns). */
  labels: string[];
  /** The most specific label (the verksamhet when there are two label columns), e.g. "Placeringar". */
  label: string;
  /** The nämnd (or other heading) this row belongs to, when one was recognised. */
  group: string | null;
  /** One per BudgetBlock.years entry. */
  cells: BudgetCell[];
  /** Why a sum row was recognised: its label, its formula, or its numbers (equal to the rows above). */
  sumReason?: "label" | "formula" | "arithmetic";
}

export interface BudgetBlock {
  sheet: string;
  /** A1 address of the block, e.g. "A3:F30". */
  address: string;
  /** 0-based sheet row of the year header. */
  headerRow: number;
  /** Year columns, left to right as in the sheet (one per year; duplicates dropped with a note). */
  years: YearColumn[];
  /** 0-based sheet columns holding row labels. */
  labelCols: number[];
  /** Unit found in the sheet, or null: then the user must choose (unitUnknown). */
  unit: Unit | null;
  /** Where the unit was found, e.g. "A1: Belopp i mnkr". */
  unitSource: string | null;
  /** The sheet's sign convention as it appears: most amounts negative → "costsNegative". */
  suggestedSign: "costsPositive" | "costsNegative";
  /** Data, sum and heading rows, top to bottom (blank rows are left out and counted in a note). */
  rows: BudgetRow[];
  /** Explanations and warnings, bilingual. */
  notes: PlannerMessage[];
}

export interface ReadOptions {
  /** Text near the block (e.g. the sheet's title rows) searched for the unit when the block has none. */
  contextText?: string[];
}

/** Result type of readBudget: a block, or a refusal with a bilingual message. */
export type BudgetResult = Result<{ block: BudgetBlock }>;

/** Reads a budget block; refusals come back as { ok: false, error } with a bilingual message. */
export function readBudget(snap: RangeSnapshot, opts: ReadOptions = {}): BudgetResult {
  return attempt(() => ({ block: readBudgetOrThrow(snap, opts) }));
}

/**
 * As readBudget, but a refusal is thrown as a SocinvError. The steps, in order (each explains what it
 * decided in `notes`, or refuses):
 *   0. the size (budget.ts), 1. the year header, 2. the label columns, 3. the unit (budget-header.ts),
 *   4. the rows (budget-rows.ts), 5. sum rows by their numbers (budget-sums.ts), 6. the closing notes.
 */
export function readBudgetOrThrow(snap: RangeSnapshot, opts: ReadOptions = {}): BudgetBlock {
  const grid = gridOf(snap);
  const notes: PlannerMessage[] = [];

  const { headerRow, cells } = findYearHeader(grid);
  const years = yearColumnsOf(grid, cells, notes);
  const yearCols = new Set(years.map((y) => y.sheetCol - grid.col));

  const labelCols = labelColumns(grid, headerRow, Math.min(...yearCols));
  noteIgnoredColumns(grid, headerRow, yearCols, notes);

  const { unit, unitSource } = findUnit(grid, headerRow, yearCols, opts.contextText ?? [], notes);

  noteMergedCells(grid, headerRow, yearCols, labelCols, notes);
  const { rows, tally } = readRows(grid, headerRow, labelCols, [...yearCols], notes);

  markArithmeticSums(rows, years.length);
  groupsFromSumRows(rows);

  // Most amounts negative: the sheet shows costs as negative numbers (the model flips them).
  const suggestedSign = tally.negatives > tally.positives ? "costsNegative" : "costsPositive";
  closingNotes(grid, rows, labelCols, years, tally, suggestedSign, notes);

  return {
    sheet: snap.sheet,
    address: snap.address || `${cellAddress(grid.row, grid.col)}:${cellAddress(grid.row + grid.rows - 1, grid.col + grid.cols - 1)}`,
    headerRow: grid.row + headerRow,
    years,
    labelCols: labelCols.map((c) => grid.col + c),
    unit,
    unitSource,
    suggestedSign,
    rows,
    notes,
  };
}

/** Step 0: the snapshot as a grid, after the size checks (a huge selection is refused before it is scanned). */
function gridOf(snap: RangeSnapshot): Grid {
  const values = snap.values ?? [];
  const rows = values.length;
  const cols = rows ? Math.max(...values.slice(0, 50).map((r) => r.length)) : 0;
  if (rows > MAX_BLOCK_ROWS) refuse("tooManyRows", { rows, max: MAX_BLOCK_ROWS });
  if (cols > MAX_BLOCK_COLS) refuse("tooManyColumns", { cols, max: MAX_BLOCK_COLS });
  if (rows * cols <= 1) refuse("oneCell");
  const value = (r: number, c: number): unknown => values[r]?.[c];
  return {
    sheet: snap.sheet,
    rows,
    cols,
    values,
    row: snap.row,
    col: snap.col,
    value,
    formula: (r, c) => snap.formulas?.[r]?.[c],
    shown: (r, c) => {
      const t = snap.text?.[r]?.[c];
      return t === undefined ? cellText(value(r, c)) : t;
    },
    numberFormat: (r, c) => snap.numberFormats?.[r]?.[c],
    address: (r, c) => cellAddress(snap.row + r, snap.col + c),
    merged: (snap.mergedAreas ?? []).map((a) => {
      const p = parseRange(a);
      return { a, row: p.row - snap.row, col: p.col - snap.col, rows: p.rows, cols: p.cols };
    }),
  };
}

/** Step 6: what the reader found, as notes: sum rows, blank rows and years, dash negatives, the sign, the year columns. */
function closingNotes(
  grid: Grid,
  rows: BudgetRow[],
  labelCols: number[],
  years: YearColumn[],
  tally: RowTally,
  sign: BudgetBlock["suggestedSign"],
  notes: PlannerMessage[],
): void {
  const sums = rows.filter((r) => r.kind === "sum");
  if (sums.length) {
    const list = sums
      .slice(0, 8)
      .map((s) => `${cellAddress(s.sheetRow, grid.col + (labelCols[0] ?? 0))} "${s.label || "—"}"`)
      .join(", ");
    notes.push(note("sumRows", "info", { count: sums.length, list: sums.length > 8 ? list + ", …" : list }));
  }
  if (tally.blankRows) notes.push(note("blankRows", "info", { count: tally.blankRows }));
  if (tally.blankYears) notes.push(note("blankYears", "info", { count: tally.blankYears }));
  if (tally.dashNegatives) notes.push(note("dashNegatives", "info", { count: tally.dashNegatives, example: tally.dashExample }));
  if (sign === "costsNegative") notes.push(note("costsNegative", "info"));
  notes.push(note("yearKinds", "info", { list: years.map((y) => `${y.letter} ${y.header}`).join(", ") }));
}

/** The block's year span as [first, last] calendar year. */
export function yearSpan(block: BudgetBlock): [number, number] {
  const ys = block.years.map((y) => y.year);
  return [Math.min(...ys), Math.max(...ys)];
}
