/**
 * A model plan: everything the task pane will write to the workbook, as plain data.
 *
 * The planner (pure functions, no Office) turns the user's inputs and the budget block read from the sheet
 * into a ModelPlan; a host (Office.js in Excel, the formula engine in the playground) applies it. Keeping
 * the plan as data lets tests evaluate it in a real formula engine and review it as golden files, and lets
 * the Excel host write it in a constant number of context.sync() calls.
 */

/** One cell of a block: a number, a boolean, text, a formula (string starting with "="), or null for "leave empty". */
export type PlannedCell = number | boolean | string | null;

/** Visual role of a block; each host maps it to fonts, fills and borders (light and dark friendly). */
export type BlockStyle = "title" | "header" | "label" | "input" | "calc" | "output" | "total" | "note" | "plain";

export interface BlockPlan {
  /** 0-based top-left position on the sheet. */
  row: number;
  col: number;
  /**
   * Rows of cells, written at once with Range.formulas (English syntax). Text that would read as a formula
   * (starting with =, +, -, @) is already escaped with a leading apostrophe by the planner (see `text()`).
   */
  cells: PlannedCell[][];
  /** One number format for the whole block, or one per cell (same shape as `cells`). Excel's format codes. */
  numberFormat?: string | string[][];
  style?: BlockStyle;
}

export interface ChartPlan {
  /** Sheet the chart is placed on and whose cells it reads. */
  sheet: string;
  kind: "line" | "columnClustered";
  title: { sv: string; en: string } | string;
  /** A1 address on `sheet` of the data, including the header row/column used for series names and categories. */
  dataAddress: string;
  seriesBy: "rows" | "columns";
  /** Where to put the chart: top-left cell and size in cells. */
  anchor: { row: number; col: number; rows: number; cols: number };
}

export interface NamePlan {
  /** Workbook-scoped name, prefixed by the model's key so models never clash. */
  name: string;
  /** What it refers to, as an English-syntax reference or formula, e.g. "='Model 1'!$C$4". */
  refersTo: string;
  comment?: string;
}

export interface SheetPlan {
  name: string;
  blocks: BlockPlan[];
  /** Column widths in points (Excel's ColumnWidth unit differs; hosts convert). */
  columnWidths?: Array<{ col: number; width: number }>;
  /** Freeze panes at this many rows/columns. */
  freeze?: { rows: number; cols: number };
  tabColor?: string;
  /** Hidden sheets hold the model's stored settings; users do not edit them. */
  hidden?: boolean;
}

export interface ModelPlan {
  /** Stable key of this model in the workbook, e.g. "SI1"; every sheet and name the model owns carries it. */
  modelKey: string;
  /** New sheets, all owned by the model; a host must refuse to apply if any name exists already. */
  sheets: SheetPlan[];
  names: NamePlan[];
  charts: ChartPlan[];
}
