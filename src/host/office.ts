/**
 * The Excel host: applies model plans and reads budget blocks with Office.js.
 *
 * Every operation runs in one Excel.run batch with a fixed number of context.sync() calls, whatever the
 * size of the plan: Office.js queues commands and sends them at each sync, so the work is one read of the
 * workbook's state, then (for rebuild/remove) one read of the model's settings sheet, then one write of
 * everything. Refusals happen between the reads and the write, before a single command that changes the
 * workbook has been queued: a HostError always means "nothing was changed".
 *
 * Uses ExcelApi 1.9 features (workbook protection, surrounding region, used range of a range) and, where
 * supported, 1.13 (merged areas).
 */
import type { BlockPlan, ChartPlan, ModelPlan, SheetPlan } from "../planner/plan";
import { parseSettingsSheet, settingsSheetName, SETTINGS_SHEET_PREFIX } from "../planner/storage";
import {
  ApplyOptions,
  ApplyResult,
  HostError,
  hostErrors,
  RangeSnapshot,
  SELECTION_LIMITS,
  StoredModel,
  WorkbookHost,
} from "./host";
import { cellAddress, parseAddress, splitAreas, stripSheet } from "./office-a1";
import { checkApply, checkPlan, checkRemove, chunkBlock, OwnedParts, ownedParts, WorkbookState } from "./office-preflight";
import { LOOKS } from "./office-styles";

/** Excel.run's shape; tests pass a fake. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** One batch with its sync calls counted, so ApplyResult.syncs reports what really happened. */
class Batch {
  syncs = 0;
  constructor(readonly ctx: Excel.RequestContext) {}
  async sync(): Promise<void> {
    this.syncs++;
    await this.ctx.sync();
  }
}

function supports(set: string, version: string): boolean {
  if (typeof Office === "undefined" || !Office.context?.requirements?.isSetSupported) return true;
  return Office.context.requirements.isSetSupported(set, version);
}

/** Maps whatever Office.js throws to a bilingual HostError. */
function toHostError(e: unknown, notFound?: () => HostError): HostError {
  if (e instanceof HostError) return e;
  const code = (e as { code?: string })?.code;
  if (code === "ItemNotFound" && notFound) return notFound();
  if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded") {
    return hostErrors.tooLarge({ sv: "över Excels gräns på 5 MB", en: "over Excel's 5 MB limit" });
  }
  const message = e instanceof Error ? e.message : String(e);
  return hostErrors.failed(code ? `${code}: ${message}` : message);
}

const RANGE_INFO = "address,rowIndex,columnIndex,rowCount,columnCount,cellCount";

function checkSelectionSize(rows: number, cols: number): void {
  if (rows > SELECTION_LIMITS.rows || rows * cols > SELECTION_LIMITS.cells) {
    throw hostErrors.selectionTooLarge(rows, cols);
  }
}

/** Pads ragged rows with null (Office.js ignores null: the cell is left as it is). */
function rectangular<T>(rows: T[][], cols: number): (T | null)[][] {
  return rows.map((r) => (r.length === cols ? r : [...r, ...new Array<null>(cols - r.length).fill(null)]));
}

function blockWidth(b: BlockPlan): number {
  return Math.max(0, ...b.cells.map((r) => r.length));
}

function formatGrid(b: BlockPlan, rows: number, cols: number): (string | null)[][] | null {
  if (b.numberFormat === undefined) return null;
  if (Array.isArray(b.numberFormat)) return rectangular(b.numberFormat, cols).slice(0, rows);
  const f = b.numberFormat;
  return Array.from({ length: rows }, () => new Array<string>(cols).fill(f));
}

export class OfficeHost implements WorkbookHost {
  constructor(private readonly run: ExcelRun = (batch) => Excel.run(batch)) {}

  private async batch<T>(body: (b: Batch) => Promise<T>, notFound?: () => HostError): Promise<T> {
    try {
      return await this.run((ctx) => body(new Batch(ctx)));
    } catch (e) {
      throw toHostError(e, notFound);
    }
  }

  // ---- Reading ----

  async readSelection(): Promise<RangeSnapshot> {
    return this.batch(async (b) => {
      const sel = b.ctx.workbook.getSelectedRange();
      sel.load(RANGE_INFO);
      sel.worksheet.load("name");
      // Loaded up front so the choice below costs no extra sync: a single cell means "the block around it",
      // and a whole-column selection is trimmed to the part that holds values.
      const region = sel.getSurroundingRegion();
      region.load(RANGE_INFO);
      const used = sel.getUsedRangeOrNullObject(true);
      used.load(RANGE_INFO);
      await b.sync();

      let chosen: Excel.Range;
      if (sel.cellCount === 1) chosen = region;
      else if (sel.rowCount <= SELECTION_LIMITS.rows && sel.cellCount <= SELECTION_LIMITS.cells) chosen = sel;
      else if (used.isNullObject) throw hostErrors.emptySelection();
      else chosen = used;
      checkSelectionSize(chosen.rowCount, chosen.columnCount);
      const snapshot = await this.loadSnapshot(b, chosen, sel.worksheet.name);
      if (snapshot.values.every((r) => r.every((v) => v === "" || v === null))) throw hostErrors.emptySelection();
      return snapshot;
    });
  }

  async readRange(sheet: string, address: string): Promise<RangeSnapshot> {
    const box = parseAddress(address);
    if (!box) throw hostErrors.failed(`"${address}" är ingen cellreferens / is not a cell reference`);
    checkSelectionSize(box.rows, box.cols);
    return this.batch(
      async (b) => {
        const range = b.ctx.workbook.worksheets.getItem(sheet).getRange(stripSheet(address));
        range.load(RANGE_INFO);
        return this.loadSnapshot(b, range, sheet);
      },
      () => hostErrors.sheetNotFound(sheet),
    );
  }

  /** One sync: the block's contents, formats, text and merged areas. */
  private async loadSnapshot(b: Batch, range: Excel.Range, sheet: string): Promise<RangeSnapshot> {
    range.load("values,formulas,numberFormat,text");
    const merged = supports("ExcelApi", "1.13") ? range.getMergedAreasOrNullObject() : null;
    merged?.load("address");
    await b.sync();
    return {
      sheet,
      address: stripSheet(range.address),
      row: range.rowIndex,
      col: range.columnIndex,
      values: range.values as RangeSnapshot["values"],
      formulas: range.formulas as RangeSnapshot["formulas"],
      numberFormats: range.numberFormat as string[][],
      text: range.text,
      mergedAreas: merged && !merged.isNullObject ? splitAreas(merged.address) : [],
    };
  }

  async sheetNames(): Promise<string[]> {
    return this.batch(async (b) => {
      const ws = b.ctx.workbook.worksheets;
      ws.load("items/name");
      await b.sync();
      return ws.items.map((s) => s.name);
    });
  }

  async names(): Promise<string[]> {
    return this.batch(async (b) => {
      const names = b.ctx.workbook.names;
      names.load("items/name");
      await b.sync();
      return names.items.map((n) => n.name);
    });
  }

  async models(): Promise<StoredModel[]> {
    return this.batch(async (b) => {
      const ws = b.ctx.workbook.worksheets;
      ws.load("items/name");
      await b.sync();
      const candidates = ws.items.map((s) => s.name).filter((n) => n.toUpperCase().startsWith(SETTINGS_SHEET_PREFIX));
      return this.readSettings(b, candidates);
    });
  }

  /** One sync: the settings of every given settings sheet, all loaded together. */
  private async readSettings(b: Batch, settingsSheets: string[]): Promise<StoredModel[]> {
    const ranges = settingsSheets.map((n) => {
      const r = b.ctx.workbook.worksheets.getItem(n).getUsedRangeOrNullObject(true);
      r.load("values");
      return r;
    });
    await b.sync();
    const out: StoredModel[] = [];
    for (const r of ranges) {
      if (r.isNullObject) continue;
      const parsed = parseSettingsSheet(r.values);
      if (parsed) out.push(parsed);
    }
    return out;
  }

  /** One sync: sheets with their protection, workbook names, workbook structure protection. */
  private async readState(b: Batch): Promise<WorkbookState> {
    const ws = b.ctx.workbook.worksheets;
    ws.load("items/name,items/visibility,items/protection/protected");
    const names = b.ctx.workbook.names;
    names.load("items/name");
    const protection = b.ctx.workbook.protection;
    protection.load("protected");
    await b.sync();
    return {
      sheets: ws.items.map((s) => ({ name: s.name, protected: s.protection.protected, visible: s.visibility === "Visible" })),
      names: names.items.map((n) => n.name),
      structureProtected: protection.protected,
    };
  }

  private async findModel(b: Batch, state: WorkbookState, modelKey: string): Promise<OwnedParts> {
    const settings = state.sheets.find((s) => s.name.toLowerCase() === settingsSheetName(modelKey).toLowerCase());
    const stored = settings ? (await this.readSettings(b, [settings.name])).find((m) => m.modelKey === modelKey) : undefined;
    if (!stored) throw hostErrors.modelNotFound(modelKey);
    return ownedParts(state, modelKey, stored.sheets);
  }

  // ---- Writing ----

  async apply(plan: ModelPlan, opts: ApplyOptions = {}): Promise<ApplyResult> {
    checkPlan(plan);
    const language = opts.language ?? "sv";
    return this.batch(async (b) => {
      const state = await this.readState(b);
      const old = opts.replace ? await this.findModel(b, state, opts.replace) : undefined;
      checkApply(plan, state, old);
      // Checks passed: from here on commands are only queued, and sent together in one sync.
      if (old) queueRemoval(b.ctx, old, state);
      // Sheets first, then the names that point into them, then the cells: every formula that uses a
      // model name is entered after the name exists, so no Excel version has to re-resolve a #NAME?.
      const added = new Map<string, Excel.Worksheet>();
      for (const sheet of plan.sheets) added.set(sheet.name, b.ctx.workbook.worksheets.add(sheet.name));
      for (const n of plan.names) b.ctx.workbook.names.add(n.name, n.refersTo, n.comment);
      for (const sheet of plan.sheets) queueSheet(added.get(sheet.name)!, sheet);
      for (const c of plan.charts) queueChart(added.get(c.sheet) ?? b.ctx.workbook.worksheets.getItem(c.sheet), c, language);
      await b.sync();
      return {
        sheets: plan.sheets.map((s) => s.name),
        names: plan.names.map((n) => n.name),
        charts: plan.charts.length,
        syncs: b.syncs,
      };
    });
  }

  async remove(modelKey: string): Promise<ApplyResult> {
    return this.batch(async (b) => {
      const state = await this.readState(b);
      const old = await this.findModel(b, state, modelKey);
      checkRemove(state, old);
      queueRemoval(b.ctx, old, state);
      await b.sync();
      return { sheets: old.sheets, names: old.names, charts: 0, syncs: b.syncs };
    });
  }

  async activate(sheet: string): Promise<void> {
    return this.batch(
      async (b) => {
        b.ctx.workbook.worksheets.getItem(sheet).activate();
        await b.sync();
      },
      () => hostErrors.sheetNotFound(sheet),
    );
  }
}

/** Names first: a name pointing into a deleted sheet would otherwise linger as #REF!. */
function queueRemoval(ctx: Excel.RequestContext, old: OwnedParts, state: WorkbookState): void {
  for (const n of old.names) ctx.workbook.names.getItem(n).delete();
  for (const n of old.sheets) {
    if (!state.sheets.some((s) => s.name === n)) continue;
    const ws = ctx.workbook.worksheets.getItem(n);
    // Hidden sheets are made visible first: some Excel versions refuse to delete a hidden sheet.
    if (n.toUpperCase().startsWith(SETTINGS_SHEET_PREFIX)) ws.visibility = "Visible";
    ws.delete();
  }
}

/** Queues a new sheet's cells, formats, looks, widths, panes and visibility. */
function queueSheet(ws: Excel.Worksheet, sheet: SheetPlan): void {
  for (const block of sheet.blocks) {
    const cols = blockWidth(block);
    if (!block.cells.length || !cols) continue;
    for (const part of chunkBlock(block)) {
      const rows = part.cells.length;
      const range = ws.getRangeByIndexes(part.row, part.col, rows, cols);
      range.formulas = rectangular(part.cells, cols);
      const formats = formatGrid(part, rows, cols);
      if (formats) range.numberFormat = formats;
    }
    queueLook(ws.getRangeByIndexes(block.row, block.col, block.cells.length, cols), block, block.cells.length, cols);
  }
  for (const w of sheet.columnWidths ?? []) ws.getRangeByIndexes(0, w.col, 1, 1).format.columnWidth = w.width;
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) {
    const { rows, cols } = sheet.freeze;
    if (rows > 0 && cols > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, rows, cols));
    else if (rows > 0) ws.freezePanes.freezeRows(rows);
    else ws.freezePanes.freezeColumns(cols);
  }
  if (sheet.tabColor) ws.tabColor = sheet.tabColor;
  if (sheet.hidden) ws.visibility = "Hidden";
}

function queueLook(range: Excel.Range, block: BlockPlan, rows: number, cols: number): void {
  const look = LOOKS[block.style ?? "plain"];
  if (!look) return;
  const f = range.format;
  if (look.fill) f.fill.color = look.fill;
  if (look.fontColor) f.font.color = look.fontColor;
  if (look.bold) f.font.bold = true;
  if (look.italic) f.font.italic = true;
  if (look.size) f.font.size = look.size;
  const edge = (side: Excel.BorderIndex | `${Excel.BorderIndex}`, color: string) => {
    const border = f.borders.getItem(side);
    border.style = "Continuous";
    border.color = color;
  };
  if (look.borderBottom) edge("EdgeBottom", look.borderBottom);
  if (look.borderTop) edge("EdgeTop", look.borderTop);
  if (look.borderAll) {
    for (const side of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const) edge(side, look.borderAll);
    // Inside borders only where there is an inside: Excel rejects them on a single row or column.
    if (rows > 1) edge("InsideHorizontal", look.borderAll);
    if (cols > 1) edge("InsideVertical", look.borderAll);
  }
}

function queueChart(ws: Excel.Worksheet, c: ChartPlan, language: "sv" | "en"): void {
  const type = c.kind === "line" ? "Line" : "ColumnClustered";
  const chart = ws.charts.add(type, ws.getRange(stripSheet(c.dataAddress)), c.seriesBy === "rows" ? "Rows" : "Columns");
  chart.title.text = typeof c.title === "string" ? c.title : c.title[language];
  const a = c.anchor;
  chart.setPosition(cellAddress(a.row, a.col), cellAddress(a.row + Math.max(1, a.rows) - 1, a.col + Math.max(1, a.cols) - 1));
}
