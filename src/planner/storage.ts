/**
 * How a model remembers its settings inside the workbook: a hidden sheet of its own, so the settings
 * travel with the file (Excel, Excel on the web, the playground, a downloaded .xlsx) and are removed with
 * the model. Layout: A1 marker, B1 model key, C1 the model's visible sheets joined by "|", A2 down:
 * the settings JSON in chunks (a cell holds at most 32,767 characters).
 */
import type { SheetPlan } from "./plan";

export const SETTINGS_MARKER = "SOCINV-MODEL v1";
export const SETTINGS_SHEET_PREFIX = "SOCINV_";
const CHUNK = 30000;

export function settingsSheetName(modelKey: string): string {
  return SETTINGS_SHEET_PREFIX + modelKey;
}

/** The hidden sheet holding a model's settings. Text is written with a leading apostrophe so Excel never reads it as a formula. */
export function settingsSheetPlan(modelKey: string, modelSheets: string[], settingsJson: string): SheetPlan {
  const chunks: string[] = [];
  for (let i = 0; i < settingsJson.length; i += CHUNK) chunks.push(settingsJson.slice(i, i + CHUNK));
  return {
    name: settingsSheetName(modelKey),
    hidden: true,
    blocks: [
      { row: 0, col: 0, cells: [["'" + SETTINGS_MARKER, "'" + modelKey, "'" + modelSheets.join("|")]], style: "plain" },
      { row: 1, col: 0, cells: chunks.map((c) => ["'" + c]), numberFormat: "@", style: "plain" },
    ],
  };
}

/** Reads a settings sheet's values (column A from row 1 down, plus B1, C1); null when it is not one of ours. */
export function parseSettingsSheet(
  values: ReadonlyArray<ReadonlyArray<unknown>>,
): { modelKey: string; sheets: string[]; settingsJson: string } | null {
  if (!values.length || values[0][0] !== SETTINGS_MARKER) return null;
  const modelKey = String(values[0][1] ?? "");
  const sheets = String(values[0][2] ?? "")
    .split("|")
    .filter((s) => s !== "");
  const settingsJson = values
    .slice(1)
    .map((r) => (r[0] === undefined || r[0] === null ? "" : String(r[0])))
    .join("");
  return { modelKey, sheets, settingsJson };
}
