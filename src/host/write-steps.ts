/**
 * The order in which every host writes and removes a model, as plain data: one list of steps that the
 * Excel host queues as Office.js commands and the playground host runs on its workbook. Keeping the order
 * in one place is what makes the guarantees below the same on both hosts.
 *
 * Excel batches are not transactional: when a command fails, the commands before it stay applied. So the
 * steps are ordered so that a failure at *any* step leaves a workbook the pane can repair:
 * - the settings sheet (the model's record) comes first, with its list of owned parts, its settings and
 *   the state "writing"; the last step sets "complete". A model left "writing" is listed by the pane as
 *   half-written, with Repair (rebuild from the stored settings) and Remove;
 * - every new model sheet gets its ownership marker right after it is added, so Remove can prove it owns
 *   it even when the write stopped there;
 * - a rebuild never deletes the old model's sheets before the new ones are complete: they are renamed to
 *   backups (listed, marked) and deleted only after every new cell, name and chart is written. A failure
 *   half-way leaves the old sheets' contents in the backups, which Repair or Remove clear;
 * - removal deletes names, then sheets, then the settings sheet last, so a failed removal can be retried.
 * Nothing is ever deleted that is not in the stored list and proven (see ownedParts in checks.ts).
 */
import type { BlockPlan, ChartPlan, ModelPlan, NamePlan, SheetPlan } from "../planner/plan";
import { OWNER_CELL, OWNER_FORMAT, OwnedList, ownerMarker, settingsChunks, settingsHeader, settingsSheetName, WriteState } from "../planner/storage";
import type { OwnedParts, WorkbookState } from "./checks";

export type WriteStep =
  | { op: "addSheet"; sheet: string }
  | { op: "renameSheet"; sheet: string; to: string }
  | { op: "deleteSheet"; sheet: string }
  | { op: "addName"; name: NamePlan }
  | { op: "deleteName"; name: string }
  /** One block of cells with its number formats and look. */
  | { op: "block"; sheet: string; block: BlockPlan }
  /** Column widths, frozen panes and tab colour of a new sheet. */
  | { op: "sheetLook"; plan: SheetPlan }
  | { op: "hide"; sheet: string }
  | { op: "chart"; chart: ChartPlan };

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function headerBlock(modelKey: string, list: OwnedList, state: WriteState): BlockPlan {
  return { row: 0, col: 0, cells: [settingsHeader(modelKey, list, state)], style: "plain" };
}

function markerBlock(modelKey: string): BlockPlan {
  return { row: OWNER_CELL.row, col: OWNER_CELL.col, cells: [["'" + ownerMarker(modelKey)]], numberFormat: OWNER_FORMAT, style: "plain" };
}

/** The settings chunks from A2 down, padded with "" (clears the cell) over the rows an older, longer settings text used. */
function chunksBlock(settingsJson: string, rowsBefore: number): BlockPlan {
  const chunks = settingsChunks(settingsJson).map((c) => [c] as [string]);
  while (chunks.length < rowsBefore) chunks.push([""]);
  return { row: 1, col: 0, cells: chunks, numberFormat: "@", style: "plain" };
}

/** Splits a plan into its settings sheet (with its settings JSON) and its model sheets. */
export function planParts(plan: ModelPlan): { settings: SheetPlan; settingsJson: string; modelSheets: SheetPlan[] } {
  const name = settingsSheetName(plan.modelKey);
  const settings = plan.sheets.find((s) => same(s.name, name));
  if (!settings) throw new Error(`plan without settings sheet ${name}`);
  const chunkBlock = settings.blocks.find((b) => b.row === 1 && b.col === 0);
  const settingsJson = (chunkBlock?.cells ?? []).map((r) => String(r[0] ?? "").replace(/^'/, "")).join("");
  return { settings, settingsJson, modelSheets: plan.sheets.filter((s) => s !== settings) };
}

function backupName(modelKey: string, i: number, taken: (n: string) => boolean): string {
  for (let k = i + 1; ; k++) {
    const n = `${settingsSheetName(modelKey)}_old${k}`;
    if (!taken(n)) return n;
  }
}

function modelSheetSteps(modelKey: string, sheets: SheetPlan[]): WriteStep[] {
  const steps: WriteStep[] = [];
  for (const s of sheets) steps.push({ op: "addSheet", sheet: s.name }, { op: "block", sheet: s.name, block: markerBlock(modelKey) });
  return steps;
}

function contentSteps(plan: ModelPlan, sheets: SheetPlan[]): WriteStep[] {
  const steps: WriteStep[] = [];
  // Names before the cells that use them: no Excel version then has to re-resolve a #NAME?.
  for (const n of plan.names) steps.push({ op: "addName", name: n });
  for (const s of sheets) {
    for (const b of s.blocks) steps.push({ op: "block", sheet: s.name, block: b });
    steps.push({ op: "sheetLook", plan: s });
  }
  for (const c of plan.charts) steps.push({ op: "chart", chart: c });
  return steps;
}

/**
 * The steps that write `plan`: a new model, or (with `old`) a rebuild in place of the model `old` found in
 * the workbook `state`. `settingsRows` is how many rows of settings text the old settings sheet holds.
 */
export function writeSteps(plan: ModelPlan, state: WorkbookState, old?: OwnedParts): WriteStep[] {
  const key = plan.modelKey;
  const { settings, settingsJson, modelSheets } = planParts(plan);
  const newList: OwnedList = { sheets: modelSheets.map((s) => s.name), names: plan.names.map((n) => n.name) };
  if (!old) {
    return [
      { op: "addSheet", sheet: settings.name },
      { op: "block", sheet: settings.name, block: headerBlock(key, newList, "writing") },
      { op: "block", sheet: settings.name, block: chunksBlock(settingsJson, 0) },
      ...modelSheetSteps(key, modelSheets),
      ...contentSteps(plan, modelSheets),
      { op: "hide", sheet: settings.name },
      { op: "block", sheet: settings.name, block: headerBlock(key, newList, "complete") },
    ];
  }
  if (!same(old.modelKey, key)) throw new Error(`rebuild of ${old.modelKey} with a plan for ${key}`);
  const settingsSheet = old.settingsSheet ?? settings.name;
  const taken = new Set(state.sheets.map((s) => s.name.toLowerCase()));
  for (const s of plan.sheets) taken.add(s.name.toLowerCase());
  const backups = old.sheets.map((_, i) => {
    const n = backupName(key, i, (x) => taken.has(x.toLowerCase()));
    taken.add(n.toLowerCase());
    return n;
  });
  // While writing, the record lists the old parts, the backups and the new parts: whatever a failure
  // leaves, Repair and Remove find it.
  const during: OwnedList = {
    sheets: [...new Set([...old.listed.sheets, ...backups, ...newList.sheets])],
    names: [...new Set([...old.listed.names, ...old.names, ...newList.names])],
  };
  const steps: WriteStep[] = [];
  if (!old.settingsSheet) steps.push({ op: "addSheet", sheet: settingsSheet });
  steps.push(
    { op: "block", sheet: settingsSheet, block: headerBlock(key, during, "writing") },
    { op: "block", sheet: settingsSheet, block: chunksBlock(settingsJson, old.settingsRows) },
  );
  old.sheets.forEach((s, i) => steps.push({ op: "renameSheet", sheet: s, to: backups[i] }));
  for (const n of old.names) steps.push({ op: "deleteName", name: n });
  steps.push(...modelSheetSteps(key, modelSheets), ...contentSteps(plan, modelSheets));
  for (const b of backups) steps.push({ op: "deleteSheet", sheet: b });
  if (!old.settingsSheet) steps.push({ op: "hide", sheet: settingsSheet });
  steps.push({ op: "block", sheet: settingsSheet, block: headerBlock(key, newList, "complete") });
  return steps;
}

/** The steps that remove a model: names, then its proven sheets, then its settings sheet (its record) last. */
export function removeSteps(old: OwnedParts): WriteStep[] {
  return [
    ...old.names.map((n): WriteStep => ({ op: "deleteName", name: n })),
    ...old.sheets.map((s): WriteStep => ({ op: "deleteSheet", sheet: s })),
    ...(old.settingsSheet ? [{ op: "deleteSheet", sheet: old.settingsSheet } as WriteStep] : []),
  ];
}
