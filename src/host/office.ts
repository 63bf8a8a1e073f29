/**
 * The Excel host: applies model plans and reads budget blocks with Office.js.
 *
 * Every operation runs in one Excel.run batch with a fixed number of context.sync() calls, whatever the
 * size of the plan: one read of the workbook's state, then (for rebuild/remove) one read of the model's
 * settings sheet and of each sheet's ownership marker, then one write of everything.
 *
 * Refusals (HostError from the checks in checks.ts: existing sheets and names, protection, Excel's
 * limits on text, formulas and names, size) happen before a single command that changes the workbook is
 * queued, so a refusal means "nothing was changed". A failure *during* the write is different: Excel
 * batches are not transactional, and the commands before the failing one stay applied. The write is
 * therefore ordered (write-steps.ts) so that whatever it leaves is a model marked "writing" that the pane
 * lists as half-written and can repair or remove, and such a failure says so instead of "nothing changed".
 *
 * Requirement sets: ExcelApi 1.7 without a guard (names with comments, worksheet visibility, tab colour,
 * surrounding region, used range, ranges by indexes; workbook protection is guarded); 1.13 for merged areas, where supported.
 */
import { EXCEL_COLS, EXCEL_ROWS } from "../planner/a1";
import { findBlock, searchWindow } from "../planner/budget-find";
import type { BlockPlan, ChartPlan, ModelPlan, SheetPlan } from "../planner/plan";
import { sliceSnapshot } from "../planner/snapshot";
import { OWNER_CELL, parseSettingsSheet, settingsSheetName, SETTINGS_SHEET_PREFIX } from "../planner/storage";
import { ApplyOptions, ApplyResult, HostError, hostErrors, RangeSnapshot, SELECTION_LIMITS, StoredModel, WorkbookHost } from "./host";
import { cellAddress, parseAddress, splitAreas, stripSheet } from "./office-a1";
import { checkApply, checkPlan, checkRemove, checkSelectionSize, chunkBlock, deletedSheets, OwnedParts, ownedParts, WorkbookState } from "./checks";
import { removeSteps, WriteStep, writeSteps } from "./write-steps";
import { LOOKS } from "./styles";

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

/** Pads ragged rows with null (Office.js ignores null: the cell is left as it is). */
function rectangular<T>(rows: T[][], cols: number): (T | null)[][] {
  return rows.map((r) => (r.length === cols ? r : [...r, ...new Array<null>(cols - r.length).fill(null)]));
}

function blockWidth(b: BlockPlan): number {
  let w = 0;
  for (const r of b.cells) w = Math.max(w, r.length);
  return w;
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

      if (sel.cellCount === 1) return this.readAround(b, sel, region);
      let chosen: Excel.Range;
      if (sel.rowCount <= SELECTION_LIMITS.rows && sel.cellCount <= SELECTION_LIMITS.cells) chosen = sel;
      else if (used.isNullObject) throw hostErrors.emptySelection();
      else chosen = used;
      checkSelectionSize(chosen.rowCount, chosen.columnCount);
      const snapshot = await this.loadSnapshot(b, chosen, sel.worksheet.name);
      if (snapshot.values.every((r) => r.every((v) => v === "" || v === null))) throw hostErrors.emptySelection();
      return snapshot;
    });
  }

  /**
   * One selected cell: the area around its current region is read in one sync (planner/budget-find.ts
   * searchWindow: bounded rows and columns), and findBlock decides the block in it, across the blank rows
   * between nämnder; the snapshot says what was searched and why the block ends there.
   */
  private async readAround(b: Batch, sel: Excel.Range, region: Excel.Range): Promise<RangeSnapshot> {
    checkSelectionSize(region.rowCount, region.columnCount);
    const sheet = sel.worksheet.name;
    const box = { row: region.rowIndex, col: region.columnIndex, rows: region.rowCount, cols: region.columnCount };
    const win = searchWindow(box, { rows: EXCEL_ROWS, cols: EXCEL_COLS });
    const range = b.ctx.workbook.worksheets.getItem(sheet).getRangeByIndexes(win.row, win.col, win.rows, win.cols);
    range.load(RANGE_INFO);
    const read = await this.loadSnapshot(b, range, sheet);
    const found = findBlock(read, { row: sel.rowIndex, col: sel.columnIndex });
    const snapshot: RangeSnapshot = { ...sliceSnapshot(read, found.box), found: found.search };
    if (snapshot.values.every((r) => r.every((v) => v === "" || v === null))) throw hostErrors.emptySelection();
    return snapshot;
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
      const found = await this.readSettings(b, candidates);
      return found.map(({ parsed }) => ({
        modelKey: parsed.modelKey,
        sheets: parsed.sheets,
        settingsJson: parsed.settingsJson,
        complete: parsed.complete,
      }));
    });
  }

  /** One sync: the settings of every given settings sheet, all loaded together (plus `also`, loaded in the same sync). */
  private async readSettings(b: Batch, settingsSheets: string[], also?: () => void) {
    const ranges = settingsSheets.map((n) => {
      const r = b.ctx.workbook.worksheets.getItem(n).getUsedRangeOrNullObject(true);
      r.load("values");
      return r;
    });
    also?.();
    await b.sync();
    const out: Array<{ parsed: NonNullable<ReturnType<typeof parseSettingsSheet>>; rows: number }> = [];
    for (const r of ranges) {
      if (r.isNullObject) continue;
      const parsed = parseSettingsSheet(r.values);
      if (parsed) out.push({ parsed, rows: Math.max(0, r.values.length - 1) });
    }
    return out;
  }

  /** One sync: sheets with their protection and visibility, workbook names and what they refer to, structure protection. */
  private async readState(b: Batch): Promise<WorkbookState> {
    const ws = b.ctx.workbook.worksheets;
    ws.load("items/name,items/visibility,items/protection/protected");
    const names = b.ctx.workbook.names;
    names.load("items/name,items/formula");
    const protection = b.ctx.workbook.protection;
    protection.load("protected");
    await b.sync();
    const nameRefs: Record<string, string> = {};
    for (const n of names.items) nameRefs[n.name.toLowerCase()] = String(n.formula ?? "");
    return {
      sheets: ws.items.map((s) => ({ name: s.name, protected: s.protection.protected, visible: s.visibility === "Visible" })),
      names: names.items.map((n) => n.name),
      nameRefs,
      structureProtected: protection.protected,
    };
  }

  /**
   * One sync: the model's settings sheet and, on every sheet, the cells that prove ownership (A2 for format
   * v1's note, A3 for the marker), so the parts found are proven, not guessed from names.
   */
  private async findModel(b: Batch, state: WorkbookState, modelKey: string): Promise<OwnedParts> {
    const settings = state.sheets.find((s) => s.name.toLowerCase() === settingsSheetName(modelKey).toLowerCase());
    if (!settings) throw hostErrors.modelNotFound(modelKey);
    const proofs = state.sheets.map((s) => {
      const r = b.ctx.workbook.worksheets.getItem(s.name).getRangeByIndexes(1, 0, OWNER_CELL.row, 1);
      return { s, r };
    });
    const found = await this.readSettings(b, [settings.name], () => proofs.forEach((p) => p.r.load("values")));
    const stored = found.find((m) => m.parsed.modelKey === modelKey);
    if (!stored) throw hostErrors.modelNotFound(modelKey);
    for (const { s, r } of proofs) {
      s.note = r.values[0]?.[0];
      s.marker = r.values[OWNER_CELL.row - 1]?.[0];
    }
    return ownedParts(state, stored.parsed, stored.rows);
  }

  // ---- Writing ----

  async apply(plan: ModelPlan, opts: ApplyOptions = {}): Promise<ApplyResult> {
    checkPlan(plan);
    const language = opts.language ?? "sv";
    let writing = false;
    let added: string[] = [];
    try {
      return await this.run(async (ctx) => {
        const b = new Batch(ctx);
        const state = await this.readState(b);
        const old = opts.replace ? await this.findModel(b, state, opts.replace) : undefined;
        checkApply(plan, state, old);
        // Checks passed: from here on commands are only queued, in the order of write-steps.ts, and sent together.
        const steps = writeSteps(plan, state, old);
        added = steps.flatMap((st) => (st.op === "addSheet" ? [st.sheet] : []));
        queueSteps(b.ctx, steps, state, language);
        writing = true;
        await b.sync();
        return {
          sheets: plan.sheets.map((s) => s.name),
          names: plan.names.map((n) => n.name),
          charts: plan.charts.length,
          syncs: b.syncs,
        };
      });
    } catch (e) {
      if (!writing) throw toHostError(e);
      await this.dropEmptySheets(added);
      throw halfWritten(plan.modelKey, e);
    }
  }

  /**
   * After an interrupted write: deletes the sheets this operation added that are still empty. A sheet
   * added just before the failure has no marker yet, so Remove could not prove it is the model's; it did
   * not exist before this operation and holds nothing, so deleting it loses nothing. Best effort: when
   * Excel cannot be reached, the sheet stays and the message says what happened.
   */
  private async dropEmptySheets(added: string[]): Promise<void> {
    if (!added.length) return;
    try {
      await this.run(async (ctx) => {
        const ws = ctx.workbook.worksheets;
        ws.load("items/name");
        await ctx.sync();
        const present = added.filter((n) => ws.items.some((s) => s.name.toLowerCase() === n.toLowerCase()));
        const used = present.map((n) => {
          const r = ws.getItem(n).getUsedRangeOrNullObject(false);
          r.load("address");
          return { n, r };
        });
        await ctx.sync();
        for (const { n, r } of used) if (r.isNullObject) ws.getItem(n).delete();
        await ctx.sync();
      });
    } catch {
      // the workbook could not be reached; the half-written model is reported to the user
    }
  }

  async remove(modelKey: string): Promise<ApplyResult> {
    let writing = false;
    try {
      return await this.run(async (ctx) => {
        const b = new Batch(ctx);
        const state = await this.readState(b);
        const old = await this.findModel(b, state, modelKey);
        checkRemove(state, old);
        queueSteps(b.ctx, removeSteps(old), state, "sv");
        writing = true;
        await b.sync();
        return { sheets: deletedSheets(old), names: old.names, charts: 0, syncs: b.syncs, kept: old.unproven };
      });
    } catch (e) {
      throw writing ? halfWritten(modelKey, e) : toHostError(e);
    }
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

  // ---- Change events ----

  /**
   * Worksheet.onChanged (ExcelApi 1.7) on `sheet`: Excel calls back after every edit of its cells. Where the
   * requirement set is missing, or the registration fails (the sheet is gone, the host has no events), the
   * pane is told instead whenever it gets the focus back or becomes visible, which is when a user who edited
   * the budget returns to it. The registration is asynchronous; ending the subscription before it finished
   * removes the handler as soon as it exists.
   */
  onSheetChanged(sheet: string, onChange: () => void): () => void {
    let ended = false;
    let handler: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;
    let unwatch: (() => void) | null = null;
    const fallback = () => {
      if (!ended && !unwatch) unwatch = watchFocus(onChange);
    };
    const removeHandler = () => {
      const h = handler;
      handler = null;
      if (!h || typeof Excel === "undefined") return;
      void Excel.run(h.context, async (ctx) => {
        h.remove();
        await ctx.sync();
      }).catch(() => undefined); // the workbook is gone or closed: nothing to remove
    };
    if (!supports("ExcelApi", "1.7")) fallback();
    else {
      Promise.resolve()
        .then(() =>
          this.run(async (ctx) => {
            const ws = ctx.workbook.worksheets.getItem(sheet);
            if (!ws.onChanged) throw new Error("no change events");
            handler = ws.onChanged.add(async () => {
              if (!ended) onChange();
            });
            await ctx.sync();
          }),
        )
        .then(
          () => {
            if (ended) removeHandler();
          },
          () => {
            handler = null;
            fallback();
          },
        );
    }
    return () => {
      ended = true;
      unwatch?.();
      unwatch = null;
      removeHandler();
    };
  }
}

/** Calls `onChange` when the pane's window gets the focus or becomes visible again; returns the way to stop. */
function watchFocus(onChange: () => void): () => void {
  if (typeof window === "undefined" || typeof document === "undefined") return () => undefined;
  const onFocus = () => onChange();
  const onVisible = () => {
    if (document.visibilityState === "visible") onChange();
  };
  window.addEventListener("focus", onFocus);
  document.addEventListener("visibilitychange", onVisible);
  return () => {
    window.removeEventListener("focus", onFocus);
    document.removeEventListener("visibilitychange", onVisible);
  };
}

/** A failure after the write began: some commands may have run. The model is left marked "writing". */
function halfWritten(modelKey: string, e: unknown): HostError {
  const inner = toHostError(e);
  const sv = inner.sv.replace(/ ?Inget har ändrats\.?/, "");
  const en = inner.en.replace(/ ?Nothing was changed\.?/, "");
  return new HostError(
    `Skrivningen av modellen ${modelKey} avbröts: ${sv} Modellen kan vara halvfärdig; välj Reparera eller Ta bort under Modeller. Inget av ditt eget innehåll har ändrats.`,
    `Writing the model ${modelKey} was interrupted: ${en} The model may be half-written; choose Repair or Remove under Models. None of your own content was changed.`,
    "interrupted",
  );
}

/** Queues the steps of a write or removal as Office.js commands, in order. */
function queueSteps(ctx: Excel.RequestContext, steps: WriteStep[], state: WorkbookState, language: "sv" | "en"): void {
  const sheets = new Map<string, Excel.Worksheet>();
  const sheet = (name: string) => sheets.get(name.toLowerCase()) ?? ctx.workbook.worksheets.getItem(name);
  const hidden = new Set(state.sheets.filter((s) => s.visible === false).map((s) => s.name.toLowerCase()));
  for (const step of steps) {
    switch (step.op) {
      case "addSheet":
        sheets.set(step.sheet.toLowerCase(), ctx.workbook.worksheets.add(step.sheet));
        break;
      case "renameSheet": {
        const ws = sheet(step.sheet);
        ws.name = step.to;
        sheets.delete(step.sheet.toLowerCase());
        sheets.set(step.to.toLowerCase(), ws);
        break;
      }
      case "deleteSheet": {
        const ws = sheet(step.sheet);
        // Hidden sheets are made visible first: some Excel versions refuse to delete a hidden sheet.
        if (hidden.has(step.sheet.toLowerCase())) ws.visibility = "Visible";
        ws.delete();
        sheets.delete(step.sheet.toLowerCase());
        break;
      }
      case "addName":
        ctx.workbook.names.add(step.name.name, step.name.refersTo, step.name.comment);
        break;
      case "deleteName":
        ctx.workbook.names.getItem(step.name).delete();
        break;
      case "block":
        queueBlock(sheet(step.sheet), step.block);
        break;
      case "sheetLook":
        queueSheetLook(sheet(step.plan.name), step.plan);
        break;
      case "hide":
        sheet(step.sheet).visibility = "Hidden";
        hidden.add(step.sheet.toLowerCase());
        break;
      case "chart":
        queueChart(sheet(step.chart.sheet), step.chart, language);
        break;
    }
  }
}

/** One block's cells (in strips of at most MAX_CELLS_PER_WRITE), number formats and look. */
function queueBlock(ws: Excel.Worksheet, block: BlockPlan): void {
  const cols = blockWidth(block);
  if (!block.cells.length || !cols) return;
  for (const part of chunkBlock(block)) {
    const rows = part.cells.length;
    const range = ws.getRangeByIndexes(part.row, part.col, rows, cols);
    range.formulas = rectangular(part.cells, cols);
    const formats = formatGrid(part, rows, cols);
    if (formats) range.numberFormat = formats;
  }
  queueLook(ws.getRangeByIndexes(block.row, block.col, block.cells.length, cols), block, block.cells.length, cols);
}

/** A new sheet's widths, panes and tab colour; visibility is its own step. */
function queueSheetLook(ws: Excel.Worksheet, sheet: SheetPlan): void {
  for (const w of sheet.columnWidths ?? []) ws.getRangeByIndexes(0, w.col, 1, 1).format.columnWidth = w.width;
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) {
    const { rows, cols } = sheet.freeze;
    if (rows > 0 && cols > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, rows, cols));
    else if (rows > 0) ws.freezePanes.freezeRows(rows);
    else ws.freezePanes.freezeColumns(cols);
  }
  if (sheet.tabColor) ws.tabColor = sheet.tabColor;
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

/**
 * A chart: from its data block, or from its rows one by one (series added to the first; ExcelApi 1.7), then its
 * look (colours per series and per point, the value axis' display unit and title, turned category labels), all
 * queued without a sync. Parts of ExcelApi 1.8 (label angle, axis number format) only where supported.
 */
function queueChart(ws: Excel.Worksheet, c: ChartPlan, language: "sv" | "en"): void {
  const type = c.kind === "line" ? "Line" : "ColumnClustered";
  // Series one by one: the chart is made from the first one's values alone, the others are added to it.
  const source = c.rows?.series[0]?.values ?? c.dataAddress;
  const chart = ws.charts.add(type, ws.getRange(stripSheet(source)), c.rows || c.seriesBy === "rows" ? "Rows" : "Columns");
  if (c.rows) {
    const categories = ws.getRange(stripSheet(c.rows.categories));
    c.rows.series.forEach((s, k) => {
      const series = k === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
      if (k > 0) series.setValues(ws.getRange(stripSheet(s.values)));
      series.name = s.name;
      series.setXAxisValues(categories);
    });
  }
  chart.title.text = typeof c.title === "string" ? c.title : c.title[language];
  if (c.look) queueChartLook(chart, c.kind, c.look);
  const a = c.anchor;
  chart.setPosition(cellAddress(a.row, a.col), cellAddress(a.row + Math.max(1, a.rows) - 1, a.col + Math.max(1, a.cols) - 1));
}

const DISPLAY_UNIT = { kr: "None", tkr: "Thousands", mnkr: "Millions" } as const;

function queueChartLook(chart: Excel.Chart, kind: ChartPlan["kind"], look: NonNullable<ChartPlan["look"]>): void {
  look.series.forEach((s, k) => {
    const series = chart.series.getItemAt(k);
    series.format.line.color = s.line;
    if (kind === "line") {
      series.format.line.lineStyle = s.dash ? "Dash" : "Continuous";
      series.markerBackgroundColor = s.line;
      series.markerForegroundColor = s.line;
    } else series.format.fill.setSolidColor(s.fill);
    s.points?.forEach((p, i) => {
      const point = series.points.getItemAt(i);
      point.format.fill.setSolidColor(p.fill);
      point.format.border.color = p.line;
      point.format.border.lineStyle = "Continuous";
    });
  });
  // The cells hold kronor; the axis shows them in the plan's unit, which its title names (no extra unit label).
  const value = chart.axes.valueAxis;
  value.displayUnit = DISPLAY_UNIT[look.valueAxis.unit];
  value.showDisplayUnitLabel = false;
  value.title.text = look.valueAxis.title;
  const category = chart.axes.categoryAxis;
  if (look.categoryAxis.title) category.title.text = look.categoryAxis.title;
  if (supports("ExcelApi", "1.8")) {
    // The source cells' "#,##0" would round 2,5 mnkr to "3": the axis shows its numbers as they are.
    value.numberFormat = "General";
    if (look.categoryAxis.labels === "rotate") category.textOrientation = -45;
  }
}
