/**
 * The checks a host makes before it writes anything, and the size estimate of a write, as pure functions.
 *
 * Kept free of Office globals so the rules are the same wherever a plan is applied (Excel, the playground)
 * and can be tested directly. A host gathers a WorkbookState in one read, calls these, and only then queues
 * its writes: a refusal therefore always means "nothing was changed".
 */
import type { BlockPlan, ModelPlan } from "../planner/plan";
import { settingsSheetName, SETTINGS_SHEET_PREFIX } from "../planner/storage";
import { HostError, hostErrors } from "./host";
import { isValidSheetName } from "./office-a1";

export interface WorkbookState {
  /** `visible` false for hidden sheets; omitted means visible. */
  sheets: Array<{ name: string; protected: boolean; visible?: boolean }>;
  /** Workbook-scoped names. */
  names: string[];
  /** Workbook structure protection: no sheets can be added or deleted. */
  structureProtected: boolean;
}

/** What an existing model owns, as found through its settings sheet. */
export interface OwnedParts {
  modelKey: string;
  /** Sheets to delete, the settings sheet included; only sheets that exist. */
  sheets: string[];
  names: string[];
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Names a model owns: the planner prefixes every name with the model's key and a separator ("SI1_rate").
 * The separator matters: model SI1 must never take SI10's names.
 */
export function isOwnedName(name: string, modelKey: string): boolean {
  const n = name.toLowerCase();
  const k = modelKey.toLowerCase();
  return n.startsWith(k + "_") || n.startsWith(k + ".");
}

/** The parts of model `modelKey` present in the workbook; `listedSheets` come from its settings sheet. */
export function ownedParts(state: WorkbookState, modelKey: string, listedSheets: readonly string[]): OwnedParts {
  const exists = (n: string) => state.sheets.find((s) => same(s.name, n))?.name;
  const settings = exists(settingsSheetName(modelKey));
  const sheets: string[] = [];
  for (const n of listedSheets) {
    const actual = exists(n);
    // Another model's settings sheet is never ours, whatever a damaged list says.
    if (actual && !actual.toUpperCase().startsWith(SETTINGS_SHEET_PREFIX) && !sheets.includes(actual)) sheets.push(actual);
  }
  if (settings) sheets.push(settings);
  return { modelKey, sheets, names: state.names.filter((n) => isOwnedName(n, modelKey)) };
}

/** What can be checked without the workbook: valid, distinct sheet names, charts on the plan's sheets, size. */
export function checkPlan(plan: ModelPlan): void {
  const seen = new Set<string>();
  for (const s of plan.sheets) {
    if (!isValidSheetName(s.name)) throw hostErrors.badSheetName(s.name);
    const k = s.name.toLowerCase();
    if (seen.has(k)) throw hostErrors.sheetExists(s.name);
    seen.add(k);
  }
  for (const c of plan.charts) {
    if (!plan.sheets.some((s) => same(s.name, c.sheet))) {
      throw hostErrors.failed(`diagram på okänt blad "${c.sheet}" / chart on unknown sheet "${c.sheet}"`);
    }
  }
  checkSize(plan);
}

/** Throws the first reason a plan cannot be applied; `old` is the model being rebuilt in place, if any. */
export function checkApply(plan: ModelPlan, state: WorkbookState, old?: OwnedParts): void {
  if (state.structureProtected) throw hostErrors.workbookProtected();
  const leaving = new Set((old?.sheets ?? []).map((n) => n.toLowerCase()));
  for (const s of plan.sheets) {
    if (state.sheets.some((x) => same(x.name, s.name)) && !leaving.has(s.name.toLowerCase())) {
      throw hostErrors.sheetExists(s.name);
    }
  }
  const leavingNames = new Set((old?.names ?? []).map((n) => n.toLowerCase()));
  for (const n of plan.names) {
    if (state.names.some((x) => same(x, n.name)) && !leavingNames.has(n.name.toLowerCase())) {
      throw hostErrors.nameExists(n.name);
    }
  }
  if (old) checkRemove(state, old);
}

export function checkRemove(state: WorkbookState, old: OwnedParts): void {
  if (old.sheets.length && state.structureProtected) throw hostErrors.workbookProtected();
  for (const n of old.sheets) {
    if (state.sheets.find((s) => same(s.name, n))?.protected) throw hostErrors.sheetProtected(n);
  }
  // Excel keeps at least one visible sheet, and deletes run before a rebuild adds its new sheets: a
  // workbook whose only visible sheets are the model's would fail half-way, so it is refused up front.
  const remaining = state.sheets.filter((s) => !old.sheets.some((n) => same(n, s.name)) && s.visible !== false);
  if (old.sheets.length && remaining.length === 0) {
    throw new HostError(
      "Modellens blad är de enda synliga i arbetsboken och kan inte tas bort. Lägg till eller visa ett annat blad först. Inget har ändrats.",
      "The model's sheets are the only visible ones in the workbook and cannot be deleted. Add or unhide another sheet first. Nothing was changed.",
      "failed",
    );
  }
}

// ---- Size ----

/**
 * Excel on the web refuses requests over 5 MB. We stay at 3 MB of estimated payload, leaving room for the
 * request's own wrapping and for the estimate being rough (it counts what dominates: cell contents and
 * number formats as UTF-8 JSON, plus a fixed cost per operation).
 */
export const MAX_REQUEST_BYTES = 3_000_000;
/** Cells per write operation; larger blocks are written as several strips in the same sync. */
export const MAX_CELLS_PER_WRITE = 20_000;
const OP_OVERHEAD = 160;

const encoder = new TextEncoder();
function jsonBytes(x: unknown): number {
  return encoder.encode(JSON.stringify(x)).length;
}

/** Splits a block into horizontal strips of at most `maxCells` cells, keeping per-cell formats aligned. */
export function chunkBlock(block: BlockPlan, maxCells = MAX_CELLS_PER_WRITE): BlockPlan[] {
  const cols = Math.max(1, ...block.cells.map((r) => r.length));
  const rowsPer = Math.max(1, Math.floor(maxCells / cols));
  if (block.cells.length <= rowsPer) return [block];
  const out: BlockPlan[] = [];
  for (let r = 0; r < block.cells.length; r += rowsPer) {
    out.push({
      ...block,
      row: block.row + r,
      cells: block.cells.slice(r, r + rowsPer),
      numberFormat: Array.isArray(block.numberFormat) ? block.numberFormat.slice(r, r + rowsPer) : block.numberFormat,
    });
  }
  return out;
}

/** Rough size in bytes of the request that writes a plan. */
export function estimatePayload(plan: ModelPlan): number {
  let bytes = 0;
  for (const s of plan.sheets) {
    bytes += OP_OVERHEAD * (4 + (s.columnWidths?.length ?? 0));
    for (const b of s.blocks) {
      const cols = Math.max(0, ...b.cells.map((r) => r.length));
      bytes += jsonBytes(b.cells);
      // A uniform format is still sent as a full 2-D array (the documented form).
      bytes += Array.isArray(b.numberFormat)
        ? jsonBytes(b.numberFormat)
        : b.numberFormat
          ? (jsonBytes(b.numberFormat) + 1) * b.cells.length * cols
          : 0;
      bytes += OP_OVERHEAD * 8;
    }
  }
  bytes += plan.names.reduce((n, x) => n + OP_OVERHEAD + jsonBytes(x), 0);
  bytes += plan.charts.length * OP_OVERHEAD * 6;
  return bytes;
}

export function checkSize(plan: ModelPlan): void {
  const bytes = estimatePayload(plan);
  if (bytes > MAX_REQUEST_BYTES) {
    const mb = (bytes / 1e6).toFixed(1);
    throw hostErrors.tooLarge({ sv: `cirka ${mb.replace(".", ",")} MB`, en: `about ${mb} MB` });
  }
}
