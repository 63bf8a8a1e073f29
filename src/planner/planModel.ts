/**
 * planModel: the user's inputs + the budget block read from the sheet + what the workbook already holds
 * → a ModelPlan (sheets of cells with formulas and formats, names, charts) and the settings to store.
 *
 * The inputs are resolved first (resolve.ts: which budget cell each line reads in each year), then the
 * sheet is built in src/planner/model/ (see docs/model.md for the sheet itself):
 *
 *   build.ts       key, sheet name, and the order in which the sections write
 *   layout.ts      every section's rows and the columns, decided before any cell is written
 *   dialect.ts     the formulas that differ between the "portable" and the "addin" style
 *   texts.ts       every text of the sheet, in Swedish and English
 *   sheet.ts       what a section gets: the model, the layout, the dialect, the texts, a cell writer
 *   heading.ts, assumptions.ts, results.ts, actorTable.ts, grossNet.ts, typicalIndividual.ts
 *                  the top blocks
 *   timeline.ts, lines.ts, byActor.ts, totals.ts, fund.ts (with yearRows.ts)
 *                  the year area
 *   charts.ts, keyCells.ts, settings.ts, workbook.ts
 *                  the charts, the key cells' addresses, the stored settings, the key and sheet name
 */
import type { BudgetBlock } from "./budget";
import type { ModelInputs } from "./inputs";
import { Result, attempt } from "./messages";
import { PlanOutput, buildPlan } from "./model/build";
import type { StoredSettings } from "./model/settings";
import type { WorkbookFacts } from "./model/workbook";
import { resolveModel } from "./resolve";

export type { PlanOutput } from "./model/build";
export type { KeyCells } from "./model/keyCells";
export { PLANNER_VERSION, isSettingsSheet, parseSettings } from "./model/settings";
export type { StoredSettings } from "./model/settings";
export { chooseModelKey } from "./model/workbook";
export type { WorkbookFacts } from "./model/workbook";

/** Plans the model; refusals come back as { ok: false, error } with a bilingual message. */
export function planModel(inputs: ModelInputs, budget: BudgetBlock | null, facts: WorkbookFacts): Result<PlanOutput> {
  return attempt(() => buildPlan(resolveModel(inputs, budget), facts));
}

/**
 * The "convert to portable" command: the same model rebuilt in place with built-in functions only.
 * `budget` is the block re-read from the address stored in the settings.
 */
export function convertToPortable(settings: StoredSettings, budget: BudgetBlock | null, facts: WorkbookFacts): Result<PlanOutput> {
  return planModel({ ...settings.inputs, formulaStyle: "portable" }, budget, {
    ...facts,
    replacing: { modelKey: settings.modelKey, sheets: settings.sheets },
  });
}
