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
  /**
   * Series given one by one: each a name and a row of values, over the categories in `categories` (a row of
   * years). When given, the chart shows exactly these series, and `dataAddress` is only the block that holds
   * them. Used for rows that are not next to each other (the fund's) and for years as categories, which Excel
   * would otherwise take for a series of numbers.
   */
  rows?: { categories: string; series: Array<{ name: string; values: string }> };
  /** Colours, axes and labels; a host that cannot apply a part of it leaves Excel's default there. */
  look?: ChartLook;
}

/** The unit amounts are shown in on a value axis (the cells hold kronor): Excel's display unit. */
export type ChartUnit = "kr" | "tkr" | "mnkr";

export interface ChartSeriesLook {
  /** Line (line chart) or outline (columns), #RRGGBB. */
  line: string;
  /** Fill of the columns, #RRGGBB (a light shade of `line` for costs, `line` itself for gains). */
  fill: string;
  dash?: boolean;
  /** Per category (column charts coloured by actor): the point's own line and fill, overriding the series'. */
  points?: Array<{ line: string; fill: string }>;
}

export interface ChartLook {
  /** One per series, in the order of the series. */
  series: ChartSeriesLook[];
  /** Axis titles are in the model's language, as the sheet's texts. */
  valueAxis: { unit: ChartUnit; title: string };
  /** "rotate": the category labels are turned 45° (six or more categories); "wrap": wrapped under their category (Excel's default). */
  categoryAxis: { labels: "wrap" | "rotate"; title?: string };
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
