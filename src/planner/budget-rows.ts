/**
 * Step 4 of reading a budget block (budget.ts): the rows under the header. Each row gets its labels (a
 * label merged down a column applies to every row it covers), one amount per year column, and a kind:
 * a heading (a nämnd without amounts), a sum row recognised by its label or its formula, a row that is not a
 * drift amount (a count, a percentage, an investment: kept, never offered as a cost or gain), or data. Blank
 * rows are left out and counted. Step 5 (budget-sums.ts) then finds the sum rows recognised by their numbers.
 */
import { cellAddress, sheetRef } from "./a1";
import type { BudgetCell, BudgetRow } from "./budget";
import { Grid, mergedAt } from "./budget-grid";
import { NonAmountKind, SUM_FORMULA, SUM_LABEL, SUM_LABEL_END, cellText, isEmpty, isPercentFormat, nonAmountKind, parseAmountText } from "./budget-text";
import { PlannerMessage, note, refuse } from "./messages";

/** What reading the rows counted, for the notes at the end. */
export interface RowTally {
  blankRows: number;
  /** Blank year cells of data and sum rows. */
  blankYears: number;
  negatives: number;
  positives: number;
  /** Negative numbers shown with an en dash, minus sign or parentheses, and the first of them. */
  dashNegatives: number;
  dashExample: string;
  /** Amounts typed as text (read as numbers), a lone dash (read as 0), and a point that could be a thousands separator. */
  textCells: CellAt[];
  dashCells: CellAt[];
  ambiguousCells: CellAt[];
  /** The first text amount, as an example ("1 234,5" → 1234.5). */
  textExample: { text: string; value: number } | null;
  /** Rows that are not drift amounts, with their kind. */
  nonAmount: Array<{ row: BudgetRow; kind: NonAmountKind }>;
}

/** A cell by its 0-based sheet position. */
export interface CellAt {
  row: number;
  col: number;
}

/** Step 4, first: merged cells are explained, labels merged down a column and (a warning) numbers merged across years. */
export function noteMergedCells(grid: Grid, headerRow: number, yearCols: Set<number>, labelCols: number[], notes: PlannerMessage[]): void {
  const labels: string[] = [];
  const numbers: string[] = [];
  for (const m of grid.merged) {
    const inYears = [...yearCols].some((c) => c >= m.col && c < m.col + m.cols);
    if (m.row > headerRow && inYears && m.cols > 1) numbers.push(m.a);
    else if (m.row > headerRow && labelCols.includes(m.col) && m.rows > 1) labels.push(m.a);
  }
  if (labels.length) notes.push(note("mergedCells", "info", { list: labels.join(", ") }));
  if (numbers.length) notes.push(note("mergedNumbers", "warning", { list: numbers.join(", ") }));
}

/** Step 4: reads every row below the header; refuses when no row holds an amount. */
export function readRows(
  grid: Grid,
  headerRow: number,
  labelCols: number[],
  yearCols: number[],
  notes: PlannerMessage[],
): { rows: BudgetRow[]; tally: RowTally } {
  const tally: RowTally = {
    blankRows: 0,
    blankYears: 0,
    negatives: 0,
    positives: 0,
    dashNegatives: 0,
    dashExample: "",
    textCells: [],
    dashCells: [],
    ambiguousCells: [],
    textExample: null,
    nonAmount: [],
  };
  const rows: BudgetRow[] = [];
  let anyNumber = false;
  /** The nämnd the rows belong to, carried down from a heading or a first label column. */
  let group: string | null = null;

  for (let r = headerRow + 1; r < grid.rows; r++) {
    const labels = rowLabels(grid, headerRow, labelCols, r);
    if (labels.every((l) => l === "") && yearCols.every((c) => isEmpty(grid.value(r, c)))) {
      tally.blankRows++;
      continue;
    }
    // Each row is read into its own tally and notes first: a row that is not an amount keeps neither.
    const own: RowTally = {
      ...tally,
      blankYears: 0,
      negatives: 0,
      positives: 0,
      dashNegatives: 0,
      dashExample: "",
      textCells: [],
      dashCells: [],
      ambiguousCells: [],
    };
    const ownNotes: PlannerMessage[] = [];
    const cells = yearCols.map((c) => readCell(grid, r, c, own, ownNotes));
    const numbers = cells.filter((c) => c.source === "number" || c.source === "text").length;
    // The most specific label names the row (the verksamhet); the nämnd goes to `group`.
    const label = [...labels].reverse().find((l) => l !== "") ?? "";
    const sumLabel = SUM_LABEL.test(label) || (label !== "" && SUM_LABEL_END.test(label) && labels.filter((l) => l !== "").length === 1);
    const kindByLabel = label === "" ? null : nonAmountKind(label, null, sumLabel);
    if (
      numbers === 0 &&
      cells.every((c) => c.source === "blank" || c.source === "merged" || c.source === "dash") &&
      (kindByLabel === null || kindByLabel === "investment")
    ) {
      // A label without amounts is a heading: the nämnd its following rows belong to ("Investeringar" too: its rows are investments).
      const headingShape = labelCols.length >= 2 ? labels[0] !== "" && labels.slice(1).every((l) => l === "") : true;
      if (label !== "" && headingShape && !SUM_LABEL.test(label)) {
        group = labels.find((l) => l !== "") ?? label;
        rows.push({ sheetRow: grid.row + r, kind: "heading", labels, label, group, cells });
        continue;
      }
    }
    // With two label columns, a filled first column on a data row names its nämnd (carried down).
    if (labelCols.length >= 2 && labels[0] !== "" && labels.slice(1).some((l) => l !== "")) group = labels[0];
    const row: BudgetRow = { sheetRow: grid.row + r, kind: "data", labels, label, group, cells };
    const percentByFormat =
      cells.some((c) => c.source === "number") && yearCols.every((c, k) => cells[k].source !== "number" || isPercentFormat(grid.numberFormat(r, c)));
    const kind = nonAmountKind(label, group, sumLabel) ?? (percentByFormat ? "percent" : null);
    if (kind) {
      row.kind = "nonAmount";
      row.nonAmount = kind;
      tally.nonAmount.push({ row, kind });
      rows.push(row);
      continue;
    }
    if (numbers > 0) anyNumber = true;
    notes.push(...ownNotes);
    tally.negatives += own.negatives;
    tally.positives += own.positives;
    tally.dashNegatives += own.dashNegatives;
    if (!tally.dashExample) tally.dashExample = own.dashExample;
    tally.textCells.push(...own.textCells);
    tally.dashCells.push(...own.dashCells);
    tally.ambiguousCells.push(...own.ambiguousCells);
    if (!tally.textExample) tally.textExample = own.textExample;
    tally.blankYears += cells.filter((c) => c.source === "blank").length;
    rows.push(sumByLabelOrFormula(grid, r, yearCols, row));
  }
  if (!anyNumber) refuse("noNumbers");
  return { rows, tally };
}

/** The label cells of row r as text; a label merged down a column (a nämnd spanning its verksamheter) applies to every row it covers. */
function rowLabels(grid: Grid, headerRow: number, labelCols: number[], r: number): string[] {
  return labelCols.map((c) => {
    const m = mergedAt(grid, r, c);
    return cellText(m && m.row <= r && m.row >= headerRow + 1 ? grid.value(m.row, m.col) : grid.value(r, c));
  });
}

/** One year cell: a number, a blank (0), a number typed as text (read, counted for one warning), a dash (0), or unreadable (0, with a warning). */
function readCell(grid: Grid, r: number, c: number, tally: RowTally, notes: PlannerMessage[]): BudgetCell {
  const v = grid.value(r, c);
  const address = grid.address(r, c);
  const m = mergedAt(grid, r, c);
  if (m && !(m.row === r && m.col === c)) return { value: 0, address, source: "merged" };
  if (typeof v === "number" && Number.isFinite(v)) {
    if (v < 0) {
      tally.negatives++;
      const shown = grid.shown(r, c).trim();
      if (/^[\u2013\u2014\u2212(]/.test(shown)) {
        tally.dashNegatives++;
        if (!tally.dashExample) tally.dashExample = `${address} "${shown}"`;
      }
    } else if (v > 0) tally.positives++;
    return { value: v, address, source: "number" };
  }
  if (isEmpty(v)) return { value: 0, address, source: "blank" };
  const at: CellAt = { row: grid.row + r, col: grid.col + c };
  if (typeof v === "string" && !v.startsWith("#")) {
    const p = parseAmountText(v);
    if (p.source === "text") {
      if (p.value < 0) tally.negatives++;
      else if (p.value > 0) tally.positives++;
      tally.textCells.push(at);
      if (!tally.textExample) tally.textExample = { text: v, value: p.value };
      if (p.ambiguous) tally.ambiguousCells.push(at);
      return { value: p.value, address, source: "text" };
    }
    if (p.source === "dash") {
      tally.dashCells.push(at);
      return { value: 0, address, source: "dash" };
    }
  }
  notes.push(note("unreadable", "warning", { text: JSON.stringify(cellText(v)) }, sheetRef(grid.sheet, address)));
  return { value: 0, address, source: "unreadable" };
}

/**
 * Cells as a short list of ranges: rectangles where the cells fill one ("C5:F7"), else runs along rows
 * ("C5:F5, C7:D7"); at most `max` ranges, then "…".
 */
export function cellRanges(cells: CellAt[], max = 6): string {
  const byRow = new Map<number, number[]>();
  for (const x of cells) byRow.set(x.row, [...(byRow.get(x.row) ?? []), x.col]);
  // Runs of consecutive columns per row.
  const runs: Array<{ row: number; c0: number; c1: number }> = [];
  for (const [row, cs] of [...byRow].sort((a, b) => a[0] - b[0])) {
    const sorted = [...new Set(cs)].sort((a, b) => a - b);
    let c0 = sorted[0];
    for (let k = 1; k <= sorted.length; k++) {
      if (k < sorted.length && sorted[k] === sorted[k - 1] + 1) continue;
      runs.push({ row, c0, c1: sorted[k - 1] });
      c0 = sorted[k];
    }
  }
  // Runs with the same columns on consecutive rows make a rectangle.
  const boxes: Array<{ r0: number; r1: number; c0: number; c1: number }> = [];
  for (const run of runs) {
    const b = boxes.find((x) => x.c0 === run.c0 && x.c1 === run.c1 && x.r1 === run.row - 1);
    if (b) b.r1 = run.row;
    else boxes.push({ r0: run.row, r1: run.row, c0: run.c0, c1: run.c1 });
  }
  boxes.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  const shown = boxes.slice(0, max).map((b) => {
    const a = cellAddress(b.r0, b.c0);
    return b.r0 === b.r1 && b.c0 === b.c1 ? a : `${a}:${cellAddress(b.r1, b.c1)}`;
  });
  return boxes.length > max ? `${shown.join(", ")}, …` : shown.join(", ");
}

/** A data row is a sum row when its label says so ("Summa …", "… totalt") or a year cell's formula sums (=SUM(…)). */
function sumByLabelOrFormula(grid: Grid, r: number, yearCols: number[], row: BudgetRow): BudgetRow {
  const { labels, label } = row;
  const f = yearCols.map((c) => grid.formula(r, c)).find((x) => typeof x === "string" && x.startsWith("="));
  if (SUM_LABEL.test(label) || (label !== "" && SUM_LABEL_END.test(label) && labels.filter((l) => l !== "").length === 1)) {
    row.kind = "sum";
    row.sumReason = "label";
  } else if (typeof f === "string" && SUM_FORMULA.test(f)) {
    row.kind = "sum";
    row.sumReason = "formula";
  }
  return row;
}
