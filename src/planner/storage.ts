/**
 * How a model remembers its settings and what it owns, inside the workbook: a hidden sheet of its own, so
 * the settings travel with the file (Excel, Excel on the web, the playground, a downloaded .xlsx) and are
 * removed with the model.
 *
 * Settings sheet, format v2:
 * - A1 the marker "SOCINV-MODEL v2", B1 the model key;
 * - C1 the parts the model owns, as JSON: {"sheets":[…],"names":[…]}. JSON, never a joined string, so no
 *   title or name can be confused with the separator;
 * - D1 the state of the last write: "complete", or "writing" while a write is under way. A write that
 *   fails half-way leaves "writing", which is how the pane finds a half-written model and offers to repair
 *   or remove it;
 * - A2 down: the planner's settings JSON in chunks (a cell holds at most 32,767 characters).
 *
 * Every model sheet carries an ownership marker in A3 ("SOCINV-MODEL SI1", hidden by its number format).
 * A sheet is deleted with the model only when it is in the stored list *and* carries the model's marker:
 * ownership is proven, never inferred from a name.
 *
 * Format v1 (released before v2) stored C1 as the sheets joined by "|" and no names. It is still read:
 * its sheets come from the settings JSON (an exact JSON list), its names from the names that carry the
 * key's prefix *and* refer into one of its own sheets, and its sheets' proof is the note in A2 that v1
 * wrote ("… Modell SI1." / "… Model SI1.").
 */
import type { SheetPlan } from "./plan";

export const SETTINGS_MARKER = "SOCINV-MODEL v2";
export const SETTINGS_MARKER_V1 = "SOCINV-MODEL v1";
export const SETTINGS_SHEET_PREFIX = "SOCINV_";
/** Characters of settings JSON per cell, under Excel's 32,767-character cell limit. */
export const SETTINGS_CHUNK = 30000;

/** The model sheets' ownership marker: its cell (0-based) and text. */
export const OWNER_CELL = { row: 2, col: 0 } as const;
/** Number format of the marker cell: shows nothing, the text stays in the cell. */
export const OWNER_FORMAT = ";;;";
export function ownerMarker(modelKey: string): string {
  return `SOCINV-MODEL ${modelKey}`;
}

export type WriteState = "complete" | "writing";

export function settingsSheetName(modelKey: string): string {
  return SETTINGS_SHEET_PREFIX + modelKey;
}

/** What a model owns, as stored in C1 of its settings sheet. */
export interface OwnedList {
  sheets: string[];
  names: string[];
}

export function ownedListJson(list: OwnedList): string {
  return JSON.stringify({ sheets: list.sheets, names: list.names });
}

/** The settings sheet's first row; text is written with a leading apostrophe so Excel never reads it as a formula. */
export function settingsHeader(modelKey: string, list: OwnedList, state: WriteState): string[] {
  return ["'" + SETTINGS_MARKER, "'" + modelKey, "'" + ownedListJson(list), "'" + state];
}

/** The settings JSON split into cells of column A (rows from A2 down). */
export function settingsChunks(settingsJson: string): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < settingsJson.length; i += SETTINGS_CHUNK) chunks.push("'" + settingsJson.slice(i, i + SETTINGS_CHUNK));
  return chunks;
}

/** The hidden sheet holding a model's settings and the list of what it owns (its visible sheets and its names). */
export function settingsSheetPlan(modelKey: string, modelSheets: string[], names: string[], settingsJson: string): SheetPlan {
  return {
    name: settingsSheetName(modelKey),
    hidden: true,
    blocks: [
      { row: 0, col: 0, cells: [settingsHeader(modelKey, { sheets: modelSheets, names }, "complete")], style: "plain" },
      { row: 1, col: 0, cells: settingsChunks(settingsJson).map((c) => [c]), numberFormat: "@", style: "plain" },
    ],
  };
}

export interface ParsedSettings {
  version: 1 | 2;
  modelKey: string;
  /** The model's visible sheets as stored (v2: C1; v1: the settings JSON). */
  sheets: string[];
  /** The model's names as stored; null for v1, which did not store them. */
  names: string[] | null;
  settingsJson: string;
  /** False when the last write did not finish. */
  complete: boolean;
}

function str(v: unknown): string {
  return v === undefined || v === null ? "" : String(v);
}

function stringList(v: unknown): string[] | null {
  return Array.isArray(v) && v.every((x) => typeof x === "string") ? (v as string[]) : null;
}

/**
 * Reads a settings sheet's values (column A from row 1 down, plus B1:D1); null when it is not one of ours.
 * A damaged part list gives empty lists: nothing is then deleted but the settings sheet itself.
 */
export function parseSettingsSheet(values: ReadonlyArray<ReadonlyArray<unknown>>): ParsedSettings | null {
  if (!values.length) return null;
  const head = values[0];
  const marker = head[0];
  if (marker !== SETTINGS_MARKER && marker !== SETTINGS_MARKER_V1) return null;
  const modelKey = str(head[1]);
  const settingsJson = values
    .slice(1)
    .map((r) => str(r[0]))
    .join("");
  if (marker === SETTINGS_MARKER) {
    let list: { sheets?: unknown; names?: unknown } = {};
    try {
      const parsed: unknown = JSON.parse(str(head[2]));
      if (parsed && typeof parsed === "object") list = parsed as typeof list;
    } catch {
      // damaged: own nothing beyond the settings sheet
    }
    return {
      version: 2,
      modelKey,
      sheets: stringList(list.sheets) ?? [],
      names: stringList(list.names) ?? [],
      settingsJson,
      complete: str(head[3]) !== "writing",
    };
  }
  // v1: the sheets joined by "|" in C1 cannot be trusted (a title may hold "|"); the settings JSON's own list can.
  let sheets: string[] = [];
  try {
    const s = JSON.parse(settingsJson) as { sheets?: unknown };
    sheets = stringList(s?.sheets) ?? [];
  } catch {
    sheets = [];
  }
  return { version: 1, modelKey, sheets, names: null, settingsJson, complete: true };
}

/** v1's proof of a model sheet: the note it wrote in A2 ends with "Modell KEY." or "Model KEY.". */
export function v1OwnerNote(note: unknown, modelKey: string): boolean {
  const s = str(note);
  return s.endsWith(`Modell ${modelKey}.`) || s.endsWith(`Model ${modelKey}.`);
}
