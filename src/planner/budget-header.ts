/**
 * Steps 1–3 of reading a budget block (budget.ts): find the year header and its columns, the label columns
 * left of them, and the unit. Each step explains what it decided in `notes` or refuses.
 */
import { colLetter } from "./a1";
import type { YearColumn } from "./budget";
import type { Grid } from "./budget-grid";
import { YearKind, cellText, isEmpty, parseYearHeader, unitInText } from "./budget-text";
import type { Unit } from "./inputs";
import { PlannerMessage, note, refuse } from "./messages";

/** Header rows are looked for among the first rows of the block only. */
const HEADER_SCAN_ROWS = 12;
/** Number formats are looked at in this many rows below the header. */
const FORMAT_SCAN_ROWS = 60;

/** A year found in the header row: its column in the block, the year and the header as written. */
interface HeaderCell {
  c: number;
  year: number;
  kind: YearKind;
  header: string;
}

/**
 * Step 1: the year header, the row among the first few with the most year cells. Text years count more
 * than bare numbers (a number 2025 can be an amount), and bare numbers need at least two in a row, one
 * year apart. Refuses when there is none.
 */
export function findYearHeader(grid: Grid): { headerRow: number; cells: HeaderCell[] } {
  let headerRow = -1;
  let best: HeaderCell[] = [];
  let bestScore = 0;
  for (let r = 0; r < Math.min(grid.rows, HEADER_SCAN_ROWS); r++) {
    const found: HeaderCell[] = [];
    let score = 0;
    for (let c = 0; c < grid.cols; c++) {
      const v = grid.value(r, c);
      const y = parseYearHeader(v);
      if (!y) continue;
      found.push({ c, ...y, header: cellText(v) });
      score += typeof v === "string" ? 2 : 1;
    }
    const textYears = found.filter((f) => typeof grid.value(r, f.c) === "string").length;
    if (textYears === 0 && found.length < 2) continue;
    if (textYears === 0) {
      // bare numbers must be increasing or decreasing by one year, as a header is
      const ys = found.map((f) => f.year);
      const step = ys[1] - ys[0];
      if (Math.abs(step) !== 1 || ys.some((y, i) => i > 0 && y - ys[i - 1] !== step)) continue;
    }
    if (score > bestScore) {
      bestScore = score;
      best = found;
      headerRow = r;
    }
  }
  if (headerRow < 0) {
    if (!grid.values.some((row) => row.some((v) => typeof v === "number"))) refuse("noNumbers");
    refuse("noYearHeader");
  }
  return { headerRow, cells: best };
}

/**
 * Step 1, continued: the year columns, left to right. A year may have more than one column (Utfall 2013 and
 * Budget 2013): all are kept, and budget-years.ts says which one the model reads.
 */
export function yearColumnsOf(grid: Grid, cells: HeaderCell[]): YearColumn[] {
  return cells.map((f) => ({ year: f.year, kind: f.kind, header: f.header, sheetCol: grid.col + f.c, letter: colLetter(grid.col + f.c) }));
}

/** Does column c hold anything below the header? */
function hasData(grid: Grid, headerRow: number, c: number): boolean {
  for (let r = headerRow + 1; r < grid.rows; r++) if (!isEmpty(grid.value(r, c))) return true;
  return false;
}

/** Step 2: the label columns, left of the first year column, holding text (or account numbers) below the header. */
export function labelColumns(grid: Grid, headerRow: number, firstYearCol: number): number[] {
  const cols: number[] = [];
  for (let c = 0; c < firstYearCol; c++) if (hasData(grid, headerRow, c)) cols.push(c);
  return cols;
}

/** Step 2, continued: columns right of the years or between them without a year header (comments, % change) are named in a note and not used. */
export function noteIgnoredColumns(grid: Grid, headerRow: number, yearCols: Set<number>, notes: PlannerMessage[]): void {
  const firstYearCol = Math.min(...yearCols);
  const ignored: string[] = [];
  for (let c = firstYearCol; c < grid.cols; c++) {
    if (yearCols.has(c) || !hasData(grid, headerRow, c)) continue;
    const header = grid.value(headerRow, c);
    ignored.push(`${colLetter(grid.col + c)}${isEmpty(header) ? "" : ` "${cellText(header)}"`}`);
  }
  if (ignored.length) notes.push(note("ignoredColumns", "info", { list: ignored.join(", "), count: ignored.length }));
}

/**
 * Step 3: the unit. Looked for in the block's text above and in the header, then in the context (the
 * sheet's title rows), then in the number formats of the year columns. One unit found is used; none or
 * several are left to the user.
 */
export function findUnit(
  grid: Grid,
  headerRow: number,
  yearCols: Set<number>,
  contextText: string[],
  notes: PlannerMessage[],
): { unit: Unit | null; unitSource: string | null } {
  const hits = new Map<Unit, string>();
  // Where each unit was found, for the note's wording; the source itself (shown by the pane as it is) names no language.
  const kinds = new Map<Unit, "cell" | "above" | "format">();
  const look = (s: string, where: string | null) => {
    const u = unitInText(s);
    const shown = s.length > 40 ? s.slice(0, 39) + "…" : s;
    if (u && !hits.has(u)) {
      hits.set(u, where === null ? `"${shown}"` : `${where}: ${shown}`);
      kinds.set(u, where === null ? "above" : "cell");
    }
  };
  for (let r = 0; r <= headerRow; r++) {
    for (let c = 0; c < grid.cols; c++) if (typeof grid.value(r, c) === "string") look(cellText(grid.value(r, c)), grid.address(r, c));
  }
  if (hits.size === 0) for (const t of contextText) look(t, null);
  if (hits.size === 0) unitFromFormats(grid, headerRow, yearCols, hits, notes);

  if (hits.size === 1) {
    const [[unit, unitSource]] = [...hits];
    notes.push(note("unitFound", "info", { unit, where: unitSource, kind: kinds.get(unit) ?? "format" }));
    return { unit, unitSource };
  }
  if (hits.size > 1) notes.push(note("unitConflict", "warning", { units: [...hits.keys()].join(", ") }));
  else notes.push(note("unitUnknown", "warning"));
  return { unit: null, unitSource: null };
}

/** Step 3, last resort: a unit in the number formats ("0,0 \"mnkr\""); a format that scales kronor (#,##0,,) means kr. */
function unitFromFormats(grid: Grid, headerRow: number, yearCols: Set<number>, hits: Map<Unit, string>, notes: PlannerMessage[]): void {
  const found = new Map<Unit, number>();
  let where = "";
  let scaled = false;
  for (let r = headerRow + 1; r < Math.min(grid.rows, headerRow + FORMAT_SCAN_ROWS); r++) {
    for (const c of yearCols) {
      const f = grid.numberFormat(r, c);
      if (!f || f === "General" || f === "@") continue;
      if (/(0|#),,?(\s|;|"|$)/.test(f.replace(/\\ /g, " ")) && /,{1,2}("|;|\s|$)/.test(f)) scaled = true;
      const quoted = /"([^"]*)"/.exec(f);
      const u = quoted ? unitInText(quoted[1]) : null;
      if ((u || scaled) && where === "") where = f; // the format code itself, the same in every language
      if (u) found.set(u, (found.get(u) ?? 0) + 1);
    }
  }
  if (scaled) {
    hits.set("kr", where);
    notes.push(note("unitScaledFormat", "info"));
  } else {
    for (const [u] of found) hits.set(u, where);
  }
}
