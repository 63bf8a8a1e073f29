/** Reads a chart's series from the computed cells, as Excel reads a chart's source data. */
import type { ChartPlan } from "../src/planner/plan";
import { type Area, parseArea } from "./a1";
import { displayLocale, formatValue } from "./numfmt";
import type { PlaygroundWorkbook } from "./workbook";

export type ChartLike = Pick<ChartPlan, "kind" | "title" | "dataAddress" | "seriesBy" | "sheet" | "anchor" | "rows" | "look">;

export interface ChartData {
  categories: string[];
  series: Array<{ name: string; values: Array<number | null> }>;
}

/**
 * The block's first row and first column are headers. With seriesBy "rows" each further row is a series
 * named by its first cell and the header row gives the categories; "columns" is the transpose.
 * Non-numbers (text, errors, blanks) are gaps, as in an Excel chart.
 */
export function chartSeries(book: PlaygroundWorkbook, sheet: string, a: Area, seriesBy: "rows" | "columns"): ChartData {
  const loc = displayLocale("sv");
  const label = (r: number, c: number) => {
    const v = book.value(sheet, r, c);
    return v === null ? "" : typeof v === "number" && Number.isInteger(v) ? String(v) : formatValue(v, book.format(sheet, r, c), loc).text;
  };
  const num = (r: number, c: number): number | null => {
    const v = book.value(sheet, r, c);
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  };
  const series: ChartData["series"] = [];
  const categories: string[] = [];
  if (seriesBy === "rows") {
    for (let c = a.c0 + 1; c <= a.c1; c++) categories.push(label(a.r0, c));
    for (let r = a.r0 + 1; r <= a.r1; r++) {
      const values: Array<number | null> = [];
      for (let c = a.c0 + 1; c <= a.c1; c++) values.push(num(r, c));
      series.push({ name: label(r, a.c0), values });
    }
  } else {
    for (let r = a.r0 + 1; r <= a.r1; r++) categories.push(label(r, a.c0));
    for (let c = a.c0 + 1; c <= a.c1; c++) {
      const values: Array<number | null> = [];
      for (let r = a.r0 + 1; r <= a.r1; r++) values.push(num(r, c));
      series.push({ name: label(a.r0, c), values });
    }
  }
  return { categories, series };
}

/**
 * A chart's series given one by one (ChartPlan.rows): the categories from one row (or column) of cells, each
 * series a name and one row of values. Null when an address is not one of this sheet's.
 */
export function chartRowSeries(book: PlaygroundWorkbook, sheet: string, rows: NonNullable<ChartPlan["rows"]>): ChartData | null {
  const loc = displayLocale("sv");
  const cells = (address: string): Array<{ r: number; c: number }> | null => {
    const a = parseArea(address);
    if (!a) return null;
    const out: Array<{ r: number; c: number }> = [];
    for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) out.push({ r, c });
    return out;
  };
  const cats = cells(rows.categories);
  if (!cats) return null;
  const categories = cats.map(({ r, c }) => {
    const v = book.value(sheet, r, c);
    return v === null ? "" : typeof v === "number" && Number.isInteger(v) ? String(v) : formatValue(v, book.format(sheet, r, c), loc).text;
  });
  const series: ChartData["series"] = [];
  for (const s of rows.series) {
    const at = cells(s.values);
    if (!at) return null;
    series.push({
      name: s.name,
      values: at.map(({ r, c }) => {
        const v = book.value(sheet, r, c);
        return typeof v === "number" && Number.isFinite(v) ? v : null;
      }),
    });
  }
  return { categories, series };
}
