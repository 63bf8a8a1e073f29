/**
 * The checks a host makes before it writes anything, and the size estimate of a write, as pure functions.
 *
 * Kept free of Office globals so the rules are the same wherever a plan is applied (Excel, the playground)
 * and can be tested directly. A host gathers a WorkbookState in one read, calls these, and only then queues
 * its writes: a refusal therefore always means "nothing was changed".
 */
import type { BlockPlan, ModelPlan } from "../planner/plan";
import { OWNER_CELL, OwnedList, ParsedSettings, ownerMarker, settingsSheetName, v1OwnerNote } from "../planner/storage";
import { enNumber, svNumber } from "../core/exact";
import { HostError, SELECTION_LIMITS, hostErrors } from "./host";
import { cellAddress, isValidSheetName } from "./office-a1";

export interface WorkbookState {
  /**
   * `visible` false for hidden sheets; omitted means visible. `marker` and `note` are the values of A3 and A2
   * (the ownership marker of a model sheet, and the note format v1 wrote), read when a model is looked up.
   */
  sheets: Array<{ name: string; protected: boolean; visible?: boolean; marker?: unknown; note?: unknown }>;
  /** Workbook-scoped names. */
  names: string[];
  /** What each name refers to, keyed by the lower-cased name, where the host read it (needed for format v1). */
  nameRefs?: Record<string, string>;
  /** Workbook structure protection: no sheets can be added or deleted. */
  structureProtected: boolean;
}

/** What an existing model owns, as found through its settings sheet and proven on the sheets themselves. */
export interface OwnedParts {
  modelKey: string;
  /** The settings sheet's actual name; null when it is missing. */
  settingsSheet: string | null;
  /** Rows of settings text under the header (A2 down), so a rebuild can clear what a shorter text leaves. */
  settingsRows: number;
  /** Model sheets to delete: in the stored list, present, and carrying the model's marker. */
  sheets: string[];
  /** Names to delete: in the stored list and present (format v1: the key's prefix and a reference into its sheets). */
  names: string[];
  /** What the settings sheet lists. */
  listed: OwnedList;
  /** Listed sheets that exist but do not carry the marker: never deleted, reported to the user. */
  unproven: string[];
  /** False when the last write of the model did not finish. */
  complete: boolean;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The quoted form of a sheet name in a reference, as Excel writes it ('It''s'!A1). */
function quoted(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}

/**
 * The parts of model `modelKey` present in the workbook, from its parsed settings sheet. Nothing is taken
 * from a name's shape: a sheet is the model's when it is listed and carries the marker the model wrote;
 * a name when it is listed. (Format v1 stored no names: there a name must carry the key's prefix and refer
 * into one of the model's proven sheets.)
 */
export function ownedParts(state: WorkbookState, parsed: ParsedSettings, settingsRows = 0): OwnedParts {
  const key = parsed.modelKey;
  const find = (n: string) => state.sheets.find((s) => same(s.name, n));
  const settings = find(settingsSheetName(key))?.name ?? null;
  const sheets: string[] = [];
  const unproven: string[] = [];
  for (const n of parsed.sheets) {
    const s = find(n);
    if (!s || same(s.name, settings ?? "") || sheets.includes(s.name)) continue;
    const proven = parsed.version === 2 ? s.marker === ownerMarker(key) : v1OwnerNote(s.note, key) || s.marker === ownerMarker(key);
    (proven ? sheets : unproven).push(s.name);
  }
  let names: string[];
  if (parsed.names) {
    names = parsed.names.map((n) => state.names.find((x) => same(x, n))).filter((n): n is string => n !== undefined);
  } else {
    const k = key.toLowerCase();
    names = state.names.filter((n) => {
      const l = n.toLowerCase();
      if (!l.startsWith(k + "_") && !l.startsWith(k + ".")) return false;
      const ref = state.nameRefs?.[l] ?? "";
      return sheets.some((s) => ref.toLowerCase().includes(quoted(s).toLowerCase()));
    });
  }
  return {
    modelKey: key,
    settingsSheet: settings,
    settingsRows,
    sheets,
    names: [...new Set(names)],
    listed: { sheets: parsed.sheets, names: parsed.names ?? names },
    unproven,
    complete: parsed.complete,
  };
}

/** Every sheet a removal deletes: the proven model sheets and the settings sheet. */
export function deletedSheets(old: OwnedParts): string[] {
  return old.settingsSheet ? [...old.sheets, old.settingsSheet] : [...old.sheets];
}

/**
 * Excel's limits on what a write may contain. A command over one of them fails in Excel, and the commands
 * before it in the same batch stay applied; so every plan is held against them before anything is written.
 */
export const EXCEL_LIMITS = {
  /** Characters in one cell (text or constant). */
  cellText: 32767,
  /** Characters in one formula. */
  formula: 8192,
  /** Characters in a defined name. */
  name: 255,
  /** Characters in a defined name's comment, a chart title, a number format. */
  comment: 255,
  chartTitle: 255,
  numberFormat: 255,
} as const;

/** Excel's rule for a defined name: a letter, _ or \ first, then letters, digits, _ . \; not a cell reference; not R or C. */
export function isValidDefinedName(name: string): boolean {
  if (name.length === 0 || name.length > EXCEL_LIMITS.name) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return false;
  if (/^[rc]$/i.test(name)) return false;
  // A1-style (up to XFD1048576) and R1C1-style references are not names.
  if (/^[a-z]{1,3}\d+$/i.test(name)) return false;
  if (/^r\d*c\d*$/i.test(name)) return false;
  return true;
}

function tooLong(where: string, length: number, max: number): HostError {
  return new HostError(
    `${where}: texten har ${svNumber(length)} tecken, men Excel tillåter högst ${svNumber(max)}. Förkorta titeln, etiketten eller namnet. Inget har ändrats.`,
    `${where}: the text has ${enNumber(length)} characters, but Excel allows at most ${enNumber(max)}. Shorten the title, label or name. Nothing was changed.`,
    "tooLarge",
  );
}

/** A selection over SELECTION_LIMITS is refused before it is read (both hosts). */
export function checkSelectionSize(rows: number, cols: number): void {
  if (rows > SELECTION_LIMITS.rows || rows * cols > SELECTION_LIMITS.cells) throw hostErrors.selectionTooLarge(rows, cols);
}

function cellLength(v: unknown): { length: number; max: number } | null {
  if (typeof v !== "string") return null;
  if (v.startsWith("=")) return { length: v.length, max: EXCEL_LIMITS.formula };
  const text = v.startsWith("'") ? v.slice(1) : v;
  return { length: text.length, max: EXCEL_LIMITS.cellText };
}

/** Every text of a plan held against Excel's limits; the first one over is refused, naming its cell. */
export function checkExcelLimits(plan: ModelPlan): void {
  for (const s of plan.sheets) {
    for (const b of s.blocks) {
      for (let i = 0; i < b.cells.length; i++) {
        const row = b.cells[i];
        for (let j = 0; j < row.length; j++) {
          const len = cellLength(row[j]);
          if (len && len.length > len.max) throw tooLong(`${quoted(s.name)}${cellAddress(b.row + i, b.col + j)}`, len.length, len.max);
          const f = typeof b.numberFormat === "string" ? b.numberFormat : b.numberFormat?.[i]?.[j];
          if (f && f.length > EXCEL_LIMITS.numberFormat)
            throw tooLong(`${quoted(s.name)}${cellAddress(b.row + i, b.col + j)}`, f.length, EXCEL_LIMITS.numberFormat);
        }
      }
    }
  }
  for (const n of plan.names) {
    if (!isValidDefinedName(n.name)) {
      throw new HostError(
        `"${n.name.slice(0, 60)}" kan inte användas som namn i Excel. Inget har ändrats.`,
        `"${n.name.slice(0, 60)}" cannot be used as a name in Excel. Nothing was changed.`,
        "failed",
      );
    }
    if (n.refersTo.length > EXCEL_LIMITS.formula) throw tooLong(n.name, n.refersTo.length, EXCEL_LIMITS.formula);
    if (n.comment && n.comment.length > EXCEL_LIMITS.comment) throw tooLong(n.name, n.comment.length, EXCEL_LIMITS.comment);
  }
  for (const c of plan.charts) {
    for (const t of typeof c.title === "string" ? [c.title] : [c.title.sv, c.title.en]) {
      if (t.length > EXCEL_LIMITS.chartTitle) throw tooLong(c.sheet, t.length, EXCEL_LIMITS.chartTitle);
    }
  }
}

/** A plan's model sheets must leave the ownership marker's cell to the host. */
function checkMarkerCell(plan: ModelPlan): void {
  const settings = settingsSheetName(plan.modelKey);
  for (const s of plan.sheets) {
    if (same(s.name, settings)) continue;
    for (const b of s.blocks) {
      const i = OWNER_CELL.row - b.row;
      const j = OWNER_CELL.col - b.col;
      const v = i >= 0 && j >= 0 ? b.cells[i]?.[j] : undefined;
      if (v !== undefined && v !== null) {
        throw hostErrors.failed(`planen skriver i markörcellen ${s.name}!A3 / the plan writes to the marker cell ${s.name}!A3`);
      }
    }
  }
}

/** What can be checked without the workbook: valid, distinct sheet names, charts on the plan's sheets, Excel's limits, size. */
export function checkPlan(plan: ModelPlan): void {
  const seen = new Set<string>();
  for (const s of plan.sheets) {
    if (!isValidSheetName(s.name)) throw hostErrors.badSheetName(s.name);
    const k = s.name.toLowerCase();
    if (seen.has(k)) throw hostErrors.sheetExists(s.name);
    seen.add(k);
  }
  const settings = settingsSheetName(plan.modelKey);
  if (!plan.sheets.some((s) => same(s.name, settings))) throw hostErrors.failed(`planen saknar bladet ${settings} / the plan has no sheet ${settings}`);
  for (const c of plan.charts) {
    if (!plan.sheets.some((s) => same(s.name, c.sheet))) {
      throw hostErrors.failed(`diagram på okänt blad "${c.sheet}" / chart on unknown sheet "${c.sheet}"`);
    }
  }
  checkMarkerCell(plan);
  checkExcelLimits(plan);
  checkSize(plan);
}

/** Throws the first reason a plan cannot be applied; `old` is the model being rebuilt in place, if any. */
export function checkApply(plan: ModelPlan, state: WorkbookState, old?: OwnedParts): void {
  if (state.structureProtected) throw hostErrors.workbookProtected();
  // A rebuild renames the old sheets to backups before adding the new ones, and reuses its settings sheet.
  const leaving = new Set((old ? deletedSheets(old) : []).map((n) => n.toLowerCase()));
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
  const gone = deletedSheets(old);
  if (gone.length && state.structureProtected) throw hostErrors.workbookProtected();
  for (const n of gone) {
    if (state.sheets.find((s) => same(s.name, n))?.protected) throw hostErrors.sheetProtected(n);
  }
  // Excel keeps at least one visible sheet: a workbook whose only visible sheets are the model's would
  // fail half-way, so it is refused up front.
  const remaining = state.sheets.filter((s) => !gone.some((n) => same(n, s.name)) && s.visible !== false);
  if (gone.length && remaining.length === 0) {
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
  let cols = 1;
  for (const r of block.cells) cols = Math.max(cols, r.length);
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
      let cols = 0;
      for (const r of b.cells) cols = Math.max(cols, r.length);
      bytes += jsonBytes(b.cells);
      // A uniform format is still sent as a full 2-D array (the documented form).
      bytes += Array.isArray(b.numberFormat) ? jsonBytes(b.numberFormat) : b.numberFormat ? (jsonBytes(b.numberFormat) + 1) * b.cells.length * cols : 0;
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
