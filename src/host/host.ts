/**
 * What the task pane needs from a workbook, whoever holds it: Excel through Office.js (./office.ts) or the
 * browser playground's in-memory workbook on the formula engine (playground/host.ts). The pane's code only
 * talks to this interface, so the same pane runs in both.
 *
 * Rules every host keeps:
 * - apply() never overwrites a non-empty cell, a sheet or a name it does not own: it checks first (including
 *   Excel's limits on texts, formulas and names) and refuses with a HostError before writing anything. Such
 *   a refusal means nothing was changed.
 * - apply() and remove() delete only what the model's settings sheet lists *and* what is proven to be the
 *   model's (its marker on each sheet; see planner/storage.ts). Never by name or prefix.
 * - A failure after writing began (code "interrupted") may leave a half-written model: it is marked
 *   "writing" in its settings sheet, models() reports it with complete: false, and rebuild (repair) or
 *   remove clean it up. The write order that makes this true is in write-steps.ts.
 * - The Excel host uses a constant number of context.sync() calls per operation, whatever the plan's size.
 */
import type { ModelPlan } from "../planner/plan";
import type { RangeSnapshot } from "../planner/snapshot";

/** The block a host reads; defined in the planner (its input), re-exported for the hosts and the pane. */
export type { RangeSnapshot };

/** A model found in the workbook, with the settings it was built from (stored inside its own hidden sheet). */
export interface StoredModel {
  modelKey: string;
  /** The model's sheets, in order. */
  sheets: string[];
  /** The planner's serialised settings (JSON text), as written by the plan. */
  settingsJson: string;
  /** False when the model's last write did not finish (a half-written model to repair or remove). */
  complete: boolean;
}

export interface ApplyResult {
  sheets: string[];
  names: string[];
  charts: number;
  /** How many context.sync() calls (or their equivalent) the operation used. */
  syncs: number;
  /** remove(): sheets the model lists that no longer carry its marker, and were therefore kept. */
  kept?: string[];
}

export class HostError extends Error {
  constructor(
    readonly sv: string,
    readonly en: string,
    readonly code: "exists" | "protected" | "tooLarge" | "noSelection" | "notFound" | "failed" | "interrupted" = "failed",
  ) {
    super(`${sv} / ${en}`);
    this.name = "HostError";
  }
}

export interface ApplyOptions {
  /** Key of an existing model to rebuild in place: its sheets and names are deleted in the same operation. */
  replace?: string;
  /** Language of texts the host chooses itself (chart titles given in both languages). Default "sv". */
  language?: "sv" | "en";
}

/**
 * Largest block a host reads as a selection. A driftbudget has tens to a few hundred rows; far larger blocks
 * are almost always a whole-column selection or the wrong sheet, and reading them (values, formulas,
 * formats and text) would approach Excel on the web's 5 MB response limit.
 */
export const SELECTION_LIMITS = { rows: 2000, cells: 50000 } as const;

/** Bilingual messages every host uses for the same situations, so the pane shows the same words in Excel and the playground. */
export const hostErrors = {
  sheetExists: (name: string) =>
    new HostError(
      `Det finns redan ett blad som heter "${name}". Inget har ändrats; byt namn på modellen eller på bladet.`,
      `A sheet named "${name}" already exists. Nothing was changed; rename the model or the sheet.`,
      "exists",
    ),
  nameExists: (name: string) =>
    new HostError(
      `Namnet "${name}" finns redan i arbetsboken. Inget har ändrats.`,
      `The name "${name}" already exists in the workbook. Nothing was changed.`,
      "exists",
    ),
  sheetProtected: (name: string) =>
    new HostError(
      `Bladet "${name}" är skyddat. Ta bort skyddet (Granska > Ta bort bladskydd) och försök igen. Inget har ändrats.`,
      `The sheet "${name}" is protected. Unprotect it (Review > Unprotect Sheet) and try again. Nothing was changed.`,
      "protected",
    ),
  workbookProtected: () =>
    new HostError(
      `Arbetsbokens struktur är skyddad, så blad kan inte läggas till eller tas bort. Ta bort skyddet (Granska > Skydda arbetsbok) och försök igen. Inget har ändrats.`,
      `The workbook structure is protected, so sheets cannot be added or deleted. Unprotect it (Review > Protect Workbook) and try again. Nothing was changed.`,
      "protected",
    ),
  tooLarge: (what: { sv: string; en: string }) =>
    new HostError(
      `Modellen är för stor för att skrivas i ett svep (${what.sv}). Minska antalet rader eller år. Inget har ändrats.`,
      `The model is too large to write in one go (${what.en}). Use fewer rows or years. Nothing was changed.`,
      "tooLarge",
    ),
  selectionTooLarge: (rows: number, cols: number) =>
    new HostError(
      `Markeringen är för stor (${rows} rader × ${cols} kolumner). Markera bara budgetblocket, högst ${SELECTION_LIMITS.rows} rader och ${SELECTION_LIMITS.cells} celler.`,
      `The selection is too large (${rows} rows × ${cols} columns). Select only the budget block, at most ${SELECTION_LIMITS.rows} rows and ${SELECTION_LIMITS.cells} cells.`,
      "tooLarge",
    ),
  emptySelection: () =>
    new HostError(
      `Markeringen är tom. Markera budgetblocket (radrubriker och årskolumner) eller en cell i det.`,
      `The selection is empty. Select the budget block (row labels and year columns) or a cell in it.`,
      "noSelection",
    ),
  sheetNotFound: (name: string) => new HostError(`Bladet "${name}" finns inte.`, `The sheet "${name}" does not exist.`, "notFound"),
  modelNotFound: (key: string) =>
    new HostError(
      `Modellen ${key} hittades inte i arbetsboken (dess dolda inställningsblad saknas).`,
      `The model ${key} was not found in the workbook (its hidden settings sheet is missing).`,
      "notFound",
    ),
  badSheetName: (name: string) =>
    new HostError(
      `"${name}" kan inte användas som bladnamn (högst 31 tecken, inte tomt, inga av tecknen : \\ / ? * [ ]).`,
      `"${name}" cannot be used as a sheet name (at most 31 characters, not empty, none of : \\ / ? * [ ]).`,
      "failed",
    ),
  failed: (detail: string) => new HostError(`Excel kunde inte slutföra åtgärden: ${detail}`, `Excel could not complete the operation: ${detail}`, "failed"),
};

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
  apply(plan: ModelPlan, opts?: ApplyOptions): Promise<ApplyResult>;
  /** Deletes the model's sheets and names; nothing else. */
  remove(modelKey: string): Promise<ApplyResult>;
  /** Moves the user to a sheet (after a build). */
  activate(sheet: string): Promise<void>;
  /**
   * Optional: calls `onChange` after cells on `sheet` have changed (the user's edits; the host may also call
   * it when it cannot tell, e.g. when the pane gets the focus back), so the pane can read its figures again.
   * Calls may come in bursts; the pane debounces them. Returns a function that ends the subscription.
   */
  onSheetChanged?(sheet: string, onChange: () => void): () => void;
}
