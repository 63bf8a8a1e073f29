/**
 * Two columns for the same year (an årsredovisning's "Utfall 2013" beside "Budget 2013", a budget's "Budget
 * 2025" beside "Prognos 2025"): both are kept, with their kind, and the model reads one of them. The reader
 * picks a default and says which and why (sameYearColumns); the user's pick (SourceInputs.yearColumns) is
 * applied by withYearColumns, which resolve.ts and the pane both call, so what the pane shows is what the model
 * reads. Nothing is summed or dropped without a word.
 */
import type { BudgetBlock, BudgetRow, SameYear, YearColumn } from "./budget";
import type { YearPick } from "./inputs";
import { PlannerMessage, note } from "./messages";

/** The kinds a year still to come is read from, in order of preference. */
const FUTURE_ORDER = ["budget", "plan", "prognos", "year"] as const;

/**
 * The default column of a year with several: its outturn (Bokslut/Utfall) when there is one, since the year is
 * then closed and the outturn is what happened; otherwise the budget, then the plan, then a forecast.
 */
export function defaultColumn(columns: YearColumn[]): { column: YearColumn; reason: SameYear["reason"] } {
  const actual = columns.find((c) => c.kind === "bokslut");
  if (actual) return { column: actual, reason: "actuals" };
  for (const k of FUTURE_ORDER) {
    const c = columns.find((x) => x.kind === k);
    if (c) return { column: c, reason: k === "budget" || k === "plan" ? "budget" : "first" };
  }
  return { column: columns[0], reason: "first" };
}

/** The years of `all` (every year column, left to right) that have more than one column, with their default. */
export function sameYearGroups(all: YearColumn[]): SameYear[] {
  const byYear = new Map<number, YearColumn[]>();
  for (const c of all) byYear.set(c.year, [...(byYear.get(c.year) ?? []), c]);
  const out: SameYear[] = [];
  for (const [year, columns] of byYear) {
    if (columns.length < 2) continue;
    const d = defaultColumn(columns);
    out.push({ year, columns, chosen: d.column.letter, byDefault: d.column.letter, reason: d.reason });
  }
  return out;
}

/** One column per year, in the sheet's order: the chosen one where a year has several. */
export function chosenColumns(all: YearColumn[], same: SameYear[]): YearColumn[] {
  return all.filter((c) => {
    const s = same.find((x) => x.year === c.year);
    return !s || s.chosen === c.letter;
  });
}

/** The note that explains a year with several columns. */
export function sameYearNote(s: SameYear): PlannerMessage {
  const list = s.columns.map((c) => `${c.letter} "${c.header}"`).join(", ");
  const chosen = s.columns.find((c) => c.letter === s.chosen)!;
  return note("sameYearColumns", "warning", { year: s.year, count: s.columns.length, list, chosen: `${chosen.letter} "${chosen.header}"`, reason: s.reason });
}

/**
 * The block as the model reads it with the user's picks: each year with several columns reads the picked one
 * (an unknown pick, e.g. after the sheet changed, falls back to the default with a warning). Returns the same
 * block when nothing changes.
 */
export function withYearColumns(block: BudgetBlock, picks: readonly YearPick[] | undefined): { block: BudgetBlock; notes: PlannerMessage[] } {
  const notes: PlannerMessage[] = [];
  if (!block.columns || !block.sameYear?.length) return { block, notes };
  let changed = false;
  const same = block.sameYear.map((s) => {
    const pick = picks?.find((p) => p.year === s.year);
    if (!pick) return s;
    if (!s.columns.some((c) => c.letter === pick.column)) {
      notes.push(note("yearPickMissing", "warning", { year: s.year, column: pick.column, used: s.chosen }));
      return s;
    }
    if (pick.column === s.chosen) return s;
    changed = true;
    return { ...s, chosen: pick.column, reason: "user" as const };
  });
  if (!changed) return { block, notes };
  const all = block.columns;
  const keep = all.map((c) => chosenColumns(all, same).includes(c));
  const rows: BudgetRow[] = block.rows.map((r) => (r.columnCells ? { ...r, cells: r.columnCells.filter((_, k) => keep[k]) } : r));
  return { block: { ...block, years: chosenColumns(all, same), sameYear: same, rows }, notes };
}
