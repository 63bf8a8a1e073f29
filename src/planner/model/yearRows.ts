/**
 * The two kinds of rows the year area is made of, shared by its sections: a header row (a title in A,
 * column headers in B–E, the years from F) and a year row (a label in E, one cell per model year from F).
 */
import { text } from "../a1";
import type { BlockStyle, PlannedCell } from "../plan";
import { FMT } from "./formats";
import { COL } from "./layout";
import type { SheetContext } from "./sheet";

/** A header row of the year area: `title` in A, `columns` in B–D, `labelHeader` in E, the years from F. */
export function yearsHeader(ctx: SheetContext, row: number, title: string, labelHeader: string, columns: string[] = ["", "", ""]): void {
  const years = ctx.m.years;
  ctx.put(
    row,
    0,
    "header",
    [[text(title), ...columns.map(text), text(labelHeader), ...years]],
    [[FMT.text, FMT.text, FMT.text, FMT.text, FMT.text, ...years.map(() => FMT.year)]],
  );
}

/** A year row: `label` in E and `cell(i, column letter)` for each model year i from F. */
export function yearRow(ctx: SheetContext, row: number, label: string, style: BlockStyle, format: string, cell: (i: number, col: string) => PlannedCell): void {
  ctx.putText(row, COL.label, "label", label);
  ctx.put(row, COL.firstYear, style, [ctx.layout.years.letters.map((c, i) => cell(i, c))], format);
}

/** Cells of a running total of `ofRow` in the year row `row`: the first year's value, then previous + this year's. */
export function runningTotal(ctx: SheetContext, row: number, ofRow: number): (i: number, col: string) => string {
  const y = ctx.layout.years;
  return (i, c) => (i === 0 ? `=${c}${ofRow + 1}` : `=${y.letter(i - 1)}${row + 1}+${c}${ofRow + 1}`);
}
