/**
 * What the task pane needs from a workbook, whoever holds it: Excel through Office.js (./office.ts) or the
 * browser playground's in-memory workbook on the formula engine (./playground.ts). The pane's code only
 * talks to this interface, so the same pane runs in both.
 *
 * Rules every host keeps:
 * - apply() never overwrites a non-empty cell, a sheet or a name it does not own: it checks first and
 *   refuses with a HostError (bilingual message) before writing anything.
 * - apply() and remove() touch only the model's own sheets and names (all carry the model key).
 * - The Excel host uses a constant number of context.sync() calls per operation, whatever the plan's size.
 */
import type { ModelPlan } from "../planner/plan";

/** A block of cells read from a sheet. Arrays are rows × columns of the block. */
export interface RangeSnapshot {
  sheet: string;
  /** A1 address of the block on its sheet, without the sheet name, e.g. "B3:G24". */
  address: string;
  /** 0-based position of the block's top-left cell. */
  row: number;
  col: number;
  /** Computed values: numbers, strings, booleans; "" for an empty cell. */
  values: (number | string | boolean)[][];
  /** Formulas (English syntax) or the constant as entered. */
  formulas: (number | string | boolean)[][];
  /** Number format code of each cell, e.g. "#,##0.0;-#,##0.0" or "# ##0,0;–# ##0,0". */
  numberFormats: string[][];
  /** Text as displayed, e.g. "–1,5" for a dash-formatted negative. */
  text: string[][];
  /** Merged areas inside the block (A1 addresses), so the reader can explain them. */
  mergedAreas: string[];
}

/** A model found in the workbook, with the settings it was built from (stored inside its own hidden sheet). */
export interface StoredModel {
  modelKey: string;
  /** The model's sheets, in order. */
  sheets: string[];
  /** The planner's serialised settings (JSON text), as written by the plan. */
  settingsJson: string;
}

export interface ApplyResult {
  sheets: string[];
  names: string[];
  charts: number;
  /** How many context.sync() calls (or their equivalent) the operation used. */
  syncs: number;
}

export class HostError extends Error {
  constructor(
    readonly sv: string,
    readonly en: string,
    readonly code: "exists" | "protected" | "tooLarge" | "noSelection" | "notFound" | "failed" = "failed",
  ) {
    super(`${sv} / ${en}`);
    this.name = "HostError";
  }
}

export interface WorkbookHost {
  /** The current selection; if it is one cell, its current region (the block around it). */
  readSelection(): Promise<RangeSnapshot>;
  /** Reads a given block, e.g. to re-read the budget a stored model refers to. */
  readRange(sheet: string, address: string): Promise<RangeSnapshot>;
  sheetNames(): Promise<string[]>;
  /** Workbook-scoped names. */
  names(): Promise<string[]>;
  /** Models present in the workbook. */
  models(): Promise<StoredModel[]>;
  /**
   * Writes a plan. With `replace`, first removes the model with that key (rebuild in place) — in the same
   * operation, so a failed check leaves the old model as it was.
   */
  apply(plan: ModelPlan, opts?: { replace?: string }): Promise<ApplyResult>;
  /** Deletes the model's sheets and names; nothing else. */
  remove(modelKey: string): Promise<ApplyResult>;
  /** Moves the user to a sheet (after a build). */
  activate(sheet: string): Promise<void>;
}
