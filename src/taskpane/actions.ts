/**
 * What the pane's buttons do, against any WorkbookHost (Excel or the playground): read the budget block,
 * build, rebuild, convert and remove models, list the models in the workbook. Each returns a value, never
 * throws: a refusal from the host (HostError) or the planner comes back as a bilingual message.
 */
import type { RangeSnapshot, StoredModel, WorkbookHost } from "../host/host";
import { cellAddress } from "../planner/a1";
import { BudgetBlock, readBudget } from "../planner/budget";
import { ModelResult, computeModel } from "../planner/compute";
import type { ModelInputs, SourceInputs } from "../planner/inputs";
import { PlanOutput, StoredSettings, WorkbookFacts, convertToPortable, planModel } from "../planner/planModel";
import { PaneMessage, parseStoredSettings, toPaneMessage } from "./model";
import { ModelCells, SheetFigures, modelCells, readArea, readSheetFigures } from "./sheetResult";

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: PaneMessage };

async function attempt<T>(body: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await body() };
  } catch (e) {
    return { ok: false, error: toPaneMessage(e) };
  }
}

/** Thrown inside an action to stop it with a message (caught by attempt). */
function stop(m: { sv: string; en: string }): never {
  throw { sv: m.sv, en: m.en, severity: "error" } as PaneMessage;
}

/** How many rows above a block are searched for the unit ("Belopp i mnkr" in the sheet's title rows). */
const CONTEXT_ROWS = 6;

/** Text of the rows just above the block (same columns), where budgets state their unit. Best effort. */
async function contextAbove(host: WorkbookHost, snap: Pick<RangeSnapshot, "sheet" | "row" | "col" | "values">): Promise<string[]> {
  if (snap.row <= 0) return [];
  const top = Math.max(0, snap.row - CONTEXT_ROWS);
  const cols = Math.max(1, ...snap.values.slice(0, 1).map((r) => r.length));
  try {
    const above = await host.readRange(snap.sheet, a1Block(top, snap.col, snap.row - top, cols));
    return above.text.flat().filter((s) => s.trim() !== "");
  } catch {
    return [];
  }
}

/** Both corners even for a single cell ("B2:B2"), unlike rangeAddress, so hosts always get a range. */
function a1Block(row: number, col: number, rows: number, cols: number): string {
  return `${cellAddress(row, col)}:${cellAddress(row + rows - 1, col + cols - 1)}`;
}

export interface DataRead {
  snapshot: RangeSnapshot;
  block: BudgetBlock;
}

async function toBlock(host: WorkbookHost, snapshot: RangeSnapshot): Promise<DataRead> {
  const contextText = await contextAbove(host, snapshot);
  const read = readBudget(snapshot, { contextText });
  if (!read.ok) stop(read.error);
  return { snapshot, block: read.block };
}

/** Step 1: the user's selection (or the block around the selected cell) read as a budget block. */
export function readSelectionBlock(host: WorkbookHost): Promise<Outcome<DataRead>> {
  return attempt(async () => toBlock(host, await host.readSelection()));
}

/** The budget block a stored model refers to, read again from its address. */
export function rereadBlock(host: WorkbookHost, source: SourceInputs): Promise<Outcome<DataRead>> {
  return attempt(async () => toBlock(host, await host.readRange(source.sheet, source.address)));
}

/** The model's numbers computed by the core (what the sheet will show); a refusal as a message. */
export function preview(inputs: ModelInputs, block: BudgetBlock | null): Outcome<ModelResult> {
  const r = computeModel(inputs, block);
  return r.ok ? { ok: true, value: r.result } : { ok: false, error: { ...r.error, severity: "error" } };
}

async function facts(host: WorkbookHost, replacing?: StoredSettings): Promise<WorkbookFacts> {
  const [sheetNames, names] = [await host.sheetNames(), await host.names()];
  const f: WorkbookFacts = { sheetNames, names };
  if (replacing) f.replacing = { modelKey: replacing.modelKey, sheets: replacing.sheets };
  return f;
}

export interface Built {
  output: PlanOutput;
  modelKey: string;
  /** The model's first visible sheet, activated after the build. */
  sheet: string;
  syncs: number;
}

async function applyOutput(host: WorkbookHost, output: PlanOutput, language: ModelInputs["language"], replace?: string): Promise<Built> {
  const res = await host.apply(output.plan, replace ? { replace, language } : { language });
  const sheet = output.settings.sheets[0] ?? res.sheets[0];
  try {
    await host.activate(sheet);
  } catch {
    // Moving to the sheet is a courtesy; the model is built either way.
  }
  return { output, modelKey: output.plan.modelKey, sheet, syncs: res.syncs };
}

/** Step 3: plan and write a new model, or rebuild `replacing` in place. */
export function buildModel(host: WorkbookHost, inputs: ModelInputs, block: BudgetBlock | null, replacing?: StoredSettings): Promise<Outcome<Built>> {
  return attempt(async () => {
    const planned = planModel(inputs, block, await facts(host, replacing));
    if (!planned.ok) stop(planned.error);
    return applyOutput(host, planned, inputs.language, replacing?.modelKey);
  });
}

/** The "convert to portable" command: the stored model rebuilt in place with built-in functions only. */
export function convertModel(host: WorkbookHost, settings: StoredSettings, block: BudgetBlock | null): Promise<Outcome<Built>> {
  return attempt(async () => {
    const planned = convertToPortable(settings, block, await facts(host, settings));
    if (!planned.ok) stop(planned.error);
    return applyOutput(host, planned, settings.inputs.language, settings.modelKey);
  });
}

export interface ListedModel {
  stored: StoredModel;
  /** null when the settings cannot be read (the model can still be removed). */
  settings: StoredSettings | null;
}

export function listModels(host: WorkbookHost): Promise<Outcome<ListedModel[]>> {
  return attempt(async () => (await host.models()).map((stored) => ({ stored, settings: parseStoredSettings(stored.settingsJson) })));
}

export function removeModel(host: WorkbookHost, modelKey: string): Promise<Outcome<{ sheets: string[]; names: string[]; kept: string[] }>> {
  return attempt(async () => {
    const res = await host.remove(modelKey);
    return { sheets: res.sheets, names: res.names, kept: res.kept ?? [] };
  });
}

/** Opening a stored model: its inputs and, when it reads a budget, the block read again from the sheet. */
export async function openModel(
  host: WorkbookHost,
  settings: StoredSettings,
): Promise<{ inputs: ModelInputs; data: DataRead | null; warning: PaneMessage | null }> {
  const inputs = settings.inputs;
  if (!inputs.source) return { inputs, data: null, warning: null };
  const again = await rereadBlock(host, inputs.source);
  if (again.ok) return { inputs, data: again.value, warning: null };
  return { inputs, data: null, warning: { ...again.error, severity: "warning" } };
}

/** Where a just-built (or converted) model's figures are on its sheet. */
export function cellsOfBuilt(built: Built): ModelCells {
  const o = built.output;
  return modelCells(built.modelKey, o.settings.sheets[0], o.keyCells, o.plan.names);
}

/**
 * Where an existing model's figures are on its sheet: the plan made again from its stored settings and its
 * budget block as read now (the layout depends on the inputs, not on the amounts), read on the sheet the
 * settings list. A refusal (the budget cannot be read, the settings no longer plan) comes back as a message.
 */
export function locateModel(host: WorkbookHost, settings: StoredSettings, block: BudgetBlock | null): Promise<Outcome<ModelCells>> {
  return attempt(async () => {
    const planned = planModel(settings.inputs, block, await facts(host, settings));
    if (!planned.ok) stop(planned.error);
    return modelCells(settings.modelKey, settings.sheets[0] ?? planned.settings.sheets[0], planned.keyCells, planned.plan.names);
  });
}

/** The model's figures as its sheet holds them now: one read of the block with every key cell. */
export function readFigures(host: WorkbookHost, cells: ModelCells): Promise<Outcome<SheetFigures>> {
  return attempt(async () => readSheetFigures(await host.readRange(cells.sheet, readArea(cells)), cells));
}
