/**
 * What every section module gets: the resolved model, the layout, the dialect, the texts in the model's
 * language, and the means to write cells (blocks) and workbook names. Sections write in sheet order,
 * top to bottom, so blocks and names come out in a stable order.
 */
import { cellAddress, quoteSheet, text } from "../a1";
import type { BlockPlan, BlockStyle, NamePlan, PlannedCell } from "../plan";
import type { ResolvedModel } from "../resolve";
import type { Dialect, DiscountRefs } from "./dialect";
import { AssumptionId, ResultId, SheetLayout, TOP } from "./layout";
import { Translate, translator } from "./texts";

export interface SheetContext {
  readonly m: ResolvedModel;
  readonly layout: SheetLayout;
  readonly dialect: Dialect;
  readonly discount: DiscountRefs;
  /** The sheet's texts in the model's language. */
  readonly t: Translate;
  /** The model's key (SI1) and its sheet's name. */
  readonly modelKey: string;
  readonly sheet: string;
  /** The workbook name SI1_<key>. */
  name(key: string): string;
  /** Defines the workbook name SI1_<key> for an address on the model sheet. */
  defineName(key: string, address: string, comment: string): void;
  /** Writes a block of cells with its top-left corner at (row, col), 0-based. */
  put(row: number, col: number, style: BlockStyle, cells: PlannedCell[][], numberFormat?: string | string[][]): void;
  /** Writes one text cell (escaped so Excel never reads it as a formula or a number). */
  putText(row: number, col: number, style: BlockStyle, s: string): void;
  /** Present value of a year row (0-based sheet row), as part of a formula. */
  pv(row: number): string;
  /** Absolute address of an assumption's value cell, e.g. $B$7. */
  assumption(id: AssumptionId): string;
  /** Absolute address of a result's value cell, e.g. $B$28. */
  result(id: ResultId): string;
}

/** The blocks and names the sections wrote. */
export interface SheetOutput {
  blocks: BlockPlan[];
  names: NamePlan[];
}

export function sheetContext(
  m: ResolvedModel,
  layout: SheetLayout,
  dialect: Dialect,
  modelKey: string,
  sheet: string,
): { ctx: SheetContext; out: SheetOutput } {
  const out: SheetOutput = { blocks: [], names: [] };
  const name = (key: string) => `${modelKey}_${key}`;
  const y = layout.years;
  const discount: DiscountRefs = {
    rate: m.inputs.discount.kind === "constant" ? name("Rate") : y.absSpan(layout.timeline.rate),
    timing: name("Timing"),
    factors: y.absSpan(layout.timeline.df),
    horizon: m.horizon,
  };
  const valueCell = <Id>(rows: Map<Id, number>, id: Id): string => {
    const row = rows.get(id);
    if (row === undefined) throw new Error(`The layout has no row ${String(id)}`);
    return cellAddress(row, TOP.value, true);
  };
  const put: SheetContext["put"] = (row, col, style, cells, numberFormat) => {
    const b: BlockPlan = { row, col, cells, style };
    if (numberFormat !== undefined) b.numberFormat = numberFormat;
    out.blocks.push(b);
  };
  const ctx: SheetContext = {
    m,
    layout,
    dialect,
    discount,
    t: translator(m.inputs.language),
    modelKey,
    sheet,
    name,
    defineName: (key, address, comment) => {
      out.names.push({ name: name(key), refersTo: `=${quoteSheet(sheet)}!${address}`, comment });
    },
    put,
    putText: (row, col, style, s) => put(row, col, style, [[text(s)]]),
    pv: (row) => dialect.npv(discount, y.span(row)),
    assumption: (id) => valueCell(layout.assumptions.rows, id),
    result: (id) => valueCell(layout.results.rows, id),
  };
  return { ctx, out };
}
