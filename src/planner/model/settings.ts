/**
 * What a model stores about itself (JSON in its hidden settings sheet, see storage.ts): enough to rebuild
 * it, convert it to the portable style, or notice that its budget has changed.
 */
import type { ModelInputs } from "../inputs";
import { Result, attempt, refuse } from "../messages";
import type { ResolvedModel } from "../resolve";
import { SETTINGS_SHEET_PREFIX } from "../storage";

export const PLANNER_VERSION = "1";

/** What is stored with the model (JSON in its hidden settings sheet), enough to rebuild it. */
export interface StoredSettings {
  format: "socinv-model";
  version: 1;
  plannerVersion: string;
  modelKey: string;
  /** The model's visible sheets. */
  sheets: string[];
  inputs: ModelInputs;
  /** The budget block as it was read, to re-read it and notice changes. */
  budget: { sheet: string; address: string; years: number[]; rows: Array<{ sheetRow: number; label: string }> } | null;
}

/** The settings of a model with key `modelKey` on `sheet`. */
export function storedSettings(m: ResolvedModel, modelKey: string, sheet: string): StoredSettings {
  const inp = m.inputs;
  return {
    format: "socinv-model",
    version: 1,
    plannerVersion: PLANNER_VERSION,
    modelKey,
    sheets: [sheet],
    inputs: inp,
    budget: m.budget
      ? {
          sheet: m.budget.sheet,
          address: m.budget.address,
          years: m.budget.years.map((y) => y.year),
          rows: inp.rows.filter((x) => x.role !== "ignore").map((x) => ({ sheetRow: x.sheetRow, label: x.label })),
        }
      : null,
  };
}

/** Reads stored settings (the JSON from a model's settings sheet); refusals as values. */
export function parseSettings(json: string): Result<{ settings: StoredSettings }> {
  return attempt(() => {
    let s: StoredSettings;
    try {
      s = JSON.parse(json) as StoredSettings;
    } catch (e) {
      return badSettings(e instanceof Error ? e.message : String(e));
    }
    if (!s || s.format !== "socinv-model" || s.version !== 1 || !s.inputs || typeof s.modelKey !== "string") return badSettings("format");
    return { settings: s };
  });
}

function badSettings(detail: string): never {
  return refuse("badSettings", { detail });
}

/** Is this sheet name one of the planner's hidden settings sheets? */
export function isSettingsSheet(name: string): boolean {
  return name.startsWith(SETTINGS_SHEET_PREFIX);
}
