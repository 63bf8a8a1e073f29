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
import { cellAddress, parseRange, sheetRef } from "./a1";
import type { Grid } from "./budget-grid";
import { findUnit, findYearHeader, labelColumns, noteIgnoredColumns, yearColumnsOf } from "./budget-header";
import { RowTally, cellRanges, noteMergedCells, readRows } from "./budget-rows";
import { groupsFromSumRows, markArithmeticSums, markSumsAbove } from "./budget-sums";
import { NonAmountKind, YearKind, cellText } from "./budget-text";
import { chosenColumns, sameYearGroups, sameYearNote } from "./budget-years";
import type { Unit } from "./inputs";
import { PlannerMessage, Result, attempt, note, refuse, searchText } from "./messages";

export { parseAmountText, parseYearHeader, unitInText } from "./budget-text";
export type { NonAmountKind, ParsedAmount, YearKind } from "./budget-text";

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

/** "nonAmount": a count, a percentage, an investment or an amount per unit: kept and shown, never offered as a cost or gain. */
export type RowKind = "data" | "sum" | "heading" | "nonAmount";

/** Where the block sits: its sheet and the title text above it (what the actor guess reads besides the rows). */
export interface BlockContext {
  sheet: string;
  /** The title rows above the block and the block's own text above its year header. */
  titles: string[];
}

/** A year with more than one column (Utfall 2013 and Budget 2013): all are kept; the model reads `chosen`. */
export interface SameYear {
  year: number;
  /** Its columns, left to right. */
  columns: YearColumn[];
  /** Letter of the column the model reads. */
  chosen: string;
  /** Letter of the reader's default. */
  byDefault: string;
  /** Why `chosen`: the year's outturn (it is closed), its budget or plan, the first column, or the user's pick. */
  reason: "actuals" | "budget" | "first" | "user";
}

export interface BudgetRow {
  /** 0-based row on the source sheet. */
  sheetRow: number;
  kind: RowKind;
  /** The label cells as text (one or two label columns). */
  labels: string[];
  /**
   * The most specific label (the verksamhet when there are two label columns), e.g. "Placeringar". A label
   * that appears more than once in the block gets its nämnd in front: "Socialnämnden – Politisk verksamhet".
   */
  label: string;
  /** The nämnd (or other heading) this row belongs to, when one was recognised. */
  group: string | null;
  /** One per BudgetBlock.years entry. */
  cells: BudgetCell[];
  /** Why a sum row was recognised: its label, its formula, or its numbers (equal to the rows above, or below). */
  sumReason?: "label" | "formula" | "arithmetic";
  /** "above": a total placed above its rows (an årsredovisning's nämnd total). */
  sumPlace?: "above";
  /** What a "nonAmount" row holds. */
  nonAmount?: NonAmountKind;
  /** One cell per BudgetBlock.columns entry, when the block has a year with several columns. */
  columnCells?: BudgetCell[];
  /** The block's sheet and title (shared by its rows), for guessing the row's actor. */
  context?: BlockContext;
}

export interface BudgetBlock {
  sheet: string;
  /** A1 address of the block, e.g. "A3:F30". */
  address: string;
  /** 0-based sheet row of the year header. */
  headerRow: number;
  /** Year columns, left to right as in the sheet: one per year, the one the model reads where a year has several. */
  years: YearColumn[];
  /** Every year column, when a year has more than one (then rows carry columnCells). */
  columns?: YearColumn[];
  /** The years with more than one column, and which one is read. */
  sameYear?: SameYear[];
  /** The sheet and the title above the block. */
  context?: BlockContext;
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

/**
 * Reads a budget block; refusals come back as { ok: false, error } with a bilingual message. When the block was
 * found around one selected cell, a refusal says which area was read and why it ends there.
 */
export function readBudget(snap: RangeSnapshot, opts: ReadOptions = {}): BudgetResult {
  const r = attempt(() => ({ block: readBudgetOrThrow(snap, opts) }));
  if (r.ok || !snap.found) return r;
  const where = searchText(snap.found, snap.address);
  return { ok: false, error: { ...r.error, sv: `${r.error.sv} ${where.sv}`, en: `${r.error.en} ${where.en}` } };
}

/**
 * As readBudget, but a refusal is thrown as a SocinvError. The steps, in order (each explains what it
 * decided in `notes`, or refuses):
 *   0. the size (budget.ts), 1. the year header, 2. the label columns, 3. the unit (budget-header.ts),
 *   4. the rows (budget-rows.ts), the column read for a year with several (budget-years.ts), 5. sum rows by
 *   their numbers (budget-sums.ts), repeated labels named with their nämnd, 6. the closing notes.
 */
export function readBudgetOrThrow(snap: RangeSnapshot, opts: ReadOptions = {}): BudgetBlock {
  const grid = gridOf(snap);
  const notes: PlannerMessage[] = [];

  const { headerRow, cells } = findYearHeader(grid);
  const all = yearColumnsOf(grid, cells);
  const yearCols = new Set(all.map((y) => y.sheetCol - grid.col));

  const labelCols = labelColumns(grid, headerRow, Math.min(...yearCols));
  noteIgnoredColumns(grid, headerRow, yearCols, notes);

  const { unit, unitSource } = findUnit(grid, headerRow, yearCols, opts.contextText ?? [], notes);

  noteMergedCells(grid, headerRow, yearCols, labelCols, notes);
  const { rows, tally } = readRows(grid, headerRow, labelCols, [...yearCols], notes);

  // A year with several columns keeps them all; the model reads one (the default until the user picks).
  const sameYear = sameYearGroups(all);
  const years = chosenColumns(all, sameYear);
  if (sameYear.length) {
    const keep = all.map((c) => years.includes(c));
    for (const r of rows) {
      r.columnCells = r.cells;
      r.cells = r.cells.filter((_, k) => keep[k]);
    }
  }

  markSumsAbove(rows, years.length);
  markArithmeticSums(rows, years.length);
  groupsFromSumRows(rows);
  withNamndInRepeatedLabels(rows);

  const context: BlockContext = { sheet: snap.sheet, titles: [...(opts.contextText ?? []), ...titleAbove(grid, headerRow)] };
  for (const r of rows) r.context = context;

  // Most amounts negative: the sheet shows costs as negative numbers (the model flips them).
  const suggestedSign = tally.negatives > tally.positives ? "costsNegative" : "costsPositive";
  if (snap.found) notes.unshift(foundNote(snap));
  closingNotes(grid, rows, labelCols, years, tally, suggestedSign, notes);
  for (const s of sameYear) notes.push(sameYearNote(s));

  const block: BudgetBlock = {
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
    context,
  };
  if (sameYear.length) {
    block.columns = all;
    block.sameYear = sameYear;
  }
  return block;
}

/** The note that says how the block around one selected cell was found. */
function foundNote(snap: RangeSnapshot): PlannerMessage {
  const f = snap.found!;
  const t = searchText(f, snap.address);
  return { id: "blockFound", severity: f.headerRow === null || f.stop.kind === "window" || f.stop.kind === "limit" ? "warning" : "info", sv: t.sv, en: t.en };
}

/** Text cells of the block above its year header (a title inside the selection). */
function titleAbove(grid: Grid, headerRow: number): string[] {
  const out: string[] = [];
  for (let r = 0; r < headerRow; r++)
    for (let c = 0; c < grid.cols; c++) if (typeof grid.value(r, c) === "string" && cellText(grid.value(r, c))) out.push(cellText(grid.value(r, c)));
  return out;
}

const labelKey = (s: string) => s.toLocaleLowerCase("sv").replace(/\s+/g, " ").trim();

/**
 * A label that appears on more than one row ("Politisk verksamhet" under seven nämnder) is named with its
 * nämnd, "Socialnämnden – Politisk verksamhet", so that the pane and the model say which one it is.
 */
function withNamndInRepeatedLabels(rows: BudgetRow[]): void {
  const count = new Map<string, number>();
  const named = rows.filter((r) => r.kind !== "heading" && r.label !== "");
  for (const r of named) count.set(labelKey(r.label), (count.get(labelKey(r.label)) ?? 0) + 1);
  for (const r of named) {
    if ((count.get(labelKey(r.label)) ?? 0) < 2 || !r.group) continue;
    const g = r.group.trim();
    if (g === "" || labelKey(r.label).startsWith(labelKey(g))) continue;
    r.label = `${g} \u2013 ${r.label}`;
  }
}

/** The row's own label cell, without the nämnd a repeated label is given (what the sheet says). */
export function ownLabel(row: Pick<BudgetRow, "labels" | "label">): string {
  return [...row.labels].reverse().find((l) => l !== "") ?? row.label;
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

/** Step 6: what the reader found, as notes: sum rows, rows that are not amounts, blank rows and years, text amounts, dash negatives, the sign, the year columns. */
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
  if (tally.nonAmount.length) {
    const shown = tally.nonAmount.slice(0, 8).map(({ row, kind }) => ({ label: row.label || `${row.sheetRow + 1}`, kind }));
    notes.push(
      note("nonAmountRows", "info", {
        count: tally.nonAmount.length,
        listSv: shown.map((x) => `"${x.label}" (${NON_AMOUNT_WORD[x.kind].sv})`).join(", ") + (tally.nonAmount.length > 8 ? ", …" : ""),
        listEn: shown.map((x) => `"${x.label}" (${NON_AMOUNT_WORD[x.kind].en})`).join(", ") + (tally.nonAmount.length > 8 ? ", …" : ""),
      }),
    );
  }
  if (tally.textCells.length) {
    const one = tally.textCells.length === 1;
    const m = note("textNumbers", "warning", {
      count: tally.textCells.length,
      cells: cellRanges(tally.textCells),
      example: tally.textExample ? JSON.stringify(tally.textExample.text) : "",
    });
    if (one) m.cell = sheetRef(grid.sheet, cellAddress(tally.textCells[0].row, tally.textCells[0].col));
    notes.push(m);
  }
  if (tally.ambiguousCells.length)
    notes.push(note("ambiguousNumbers", "warning", { count: tally.ambiguousCells.length, cells: cellRanges(tally.ambiguousCells) }));
  if (tally.dashCells.length) notes.push(note("dashZeros", "info", { count: tally.dashCells.length, cells: cellRanges(tally.dashCells) }));
  if (tally.blankRows) notes.push(note("blankRows", "info", { count: tally.blankRows }));
  if (tally.blankYears) notes.push(note("blankYears", "info", { count: tally.blankYears }));
  if (tally.dashNegatives) notes.push(note("dashNegatives", "info", { count: tally.dashNegatives, example: tally.dashExample }));
  if (sign === "costsNegative") notes.push(note("costsNegative", "info"));
  notes.push(note("yearKinds", "info", { list: years.map((y) => `${y.letter} ${y.header}`).join(", ") }));
}

/** What a row that is not an amount holds, in words. */
const NON_AMOUNT_WORD: Record<NonAmountKind, { sv: string; en: string }> = {
  count: { sv: "antal", en: "a count" },
  percent: { sv: "procent eller andel", en: "a percentage or share" },
  investment: { sv: "investering", en: "an investment" },
  perUnit: { sv: "belopp per enhet", en: "an amount per unit" },
  keyFigure: { sv: "nyckeltal", en: "a key figure" },
};

/** The block's year span as [first, last] calendar year. */
export function yearSpan(block: BudgetBlock): [number, number] {
  const ys = block.years.map((y) => y.year);
  return [Math.min(...ys), Math.max(...ys)];
}
