/**
 * The task pane's host in the browser playground: the same WorkbookHost the Excel host implements, applied
 * to the playground's in-memory workbook on the formula engine (HyperFormula with SOCINV). It keeps the
 * Excel host's rules (the same pure checks, src/host/checks.ts, and the same bilingual messages,
 * hostErrors), so what works here works in Excel:
 * - every check runs before anything is written; a refused plan leaves the workbook as it was;
 * - apply() never overwrites a non-empty cell, an existing sheet (names compared case-insensitively, as in
 *   Excel) or a name; remove() deletes only the model's own sheets, names and charts;
 * - the settings travel in the model's hidden sheet (planner/storage.ts), so a downloaded .xlsx keeps them;
 * - each operation is one read phase plus one engine batch, counted in ApplyResult.syncs, like the Excel
 *   host's constant number of context.sync() calls.
 *
 * Development only, like the rest of playground/: it runs on the formula engine (GPL), which the Excel bundle
 * never contains (see webpack.playground.config.js).
 */
import { EXCEL_COLS, EXCEL_ROWS } from "../src/planner/a1";
import { findBlock, searchWindow } from "../src/planner/budget-find";
import type { BlockStyle, ModelPlan } from "../src/planner/plan";
import { sliceSnapshot } from "../src/planner/snapshot";
import { OWNER_CELL, SETTINGS_SHEET_PREFIX, parseSettingsSheet, settingsSheetName } from "../src/planner/storage";
import { OwnedParts, WorkbookState, checkApply, checkPlan, checkRemove, checkSelectionSize, deletedSheets, ownedParts } from "../src/host/checks";
import { ApplyOptions, ApplyResult, HostError, RangeSnapshot, SELECTION_LIMITS, StoredModel, WorkbookHost, hostErrors } from "../src/host/host";
import { LOOKS } from "../src/host/styles";
import { WriteStep, removeSteps, writeSteps } from "../src/host/write-steps";
import { Area, areaName, cellName, parseArea } from "./a1";
import { DisplayLocale, SWEDISH, formatValue } from "./numfmt";
import { CellInput, CellStyle, PlaygroundWorkbook, SheetSnapshot } from "./workbook";

/** The Excel look of each block role, for the grid and for a downloaded .xlsx. */
export const BLOCK_LOOK: Record<BlockStyle, CellStyle> = Object.fromEntries(
  (Object.keys(LOOKS) as BlockStyle[]).map((k) => {
    const l = LOOKS[k];
    const style: CellStyle = { role: k };
    if (l.fill) style.fill = l.fill.toLowerCase();
    if (l.fontColor) style.fontColor = l.fontColor.toLowerCase();
    if (l.bold) style.bold = true;
    if (l.italic) style.italic = true;
    if (l.size) style.size = l.size;
    if (l.borderTop) style.borderTop = true;
    if (l.borderBottom) style.borderBottom = true;
    if (l.borderAll) style.borderAll = true;
    return [k, style];
  }),
) as Record<BlockStyle, CellStyle>;

function sameText(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export class PlaygroundHost implements WorkbookHost {
  /** Operations this host has run (reads and writes), the playground's equivalent of context.sync() calls. */
  operations = 0;

  constructor(
    readonly book: PlaygroundWorkbook,
    /** How `text` in a snapshot is rendered: the locale of the user's Excel. */
    private readonly locale: DisplayLocale = SWEDISH,
  ) {}

  /** Like the Excel host: one cell means the block around it; a huge selection is trimmed to the used part. */
  async readSelection(): Promise<RangeSnapshot> {
    this.operations++;
    const sel = this.book.selection;
    if (!sel.sheet || !this.book.sheet(sel.sheet)) throw hostErrors.emptySelection();
    const a = sel.area;
    let area: Area;
    const rows = a.r1 - a.r0 + 1;
    const cells = rows * (a.c1 - a.c0 + 1);
    if (cells === 1) return this.readAround(sel.sheet, a.r0, a.c0);
    if (rows <= SELECTION_LIMITS.rows && cells <= SELECTION_LIMITS.cells) area = a;
    else {
      const used = this.book.usedArea(sel.sheet);
      const inter = used && { r0: Math.max(a.r0, used.r0), c0: Math.max(a.c0, used.c0), r1: Math.min(a.r1, used.r1), c1: Math.min(a.c1, used.c1) };
      if (!inter || inter.r0 > inter.r1 || inter.c0 > inter.c1) throw hostErrors.emptySelection();
      area = inter;
    }
    checkAreaSize(area);
    const snap = this.snapshot(sel.sheet, area);
    if (snap.values.every((r) => r.every((v) => v === ""))) throw hostErrors.emptySelection();
    return snap;
  }

  /**
   * One selected cell, as the Excel host reads it: the area around the cell's current region (bounded by the
   * sheet's used range here), and planner/budget-find.ts findBlock decides the block in it.
   */
  private readAround(sheet: string, r: number, c: number): RangeSnapshot {
    const region = this.currentRegion(sheet, r, c);
    checkAreaSize(region);
    const used = this.book.usedArea(sheet);
    const toBox = (x: Area) => ({ row: x.r0, col: x.c0, rows: x.r1 - x.r0 + 1, cols: x.c1 - x.c0 + 1 });
    const win = searchWindow(toBox(region), { rows: EXCEL_ROWS, cols: EXCEL_COLS }, used ? toBox(used) : null);
    const read = this.snapshot(sheet, { r0: win.row, c0: win.col, r1: win.row + win.rows - 1, c1: win.col + win.cols - 1 });
    const found = findBlock(read, { row: r, col: c }, used?.r1);
    const snap: RangeSnapshot = { ...sliceSnapshot(read, found.box), found: found.search };
    if (snap.values.every((row) => row.every((v) => v === ""))) throw hostErrors.emptySelection();
    return snap;
  }

  async readRange(sheet: string, address: string): Promise<RangeSnapshot> {
    this.operations++;
    const area = parseArea(address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address);
    if (!area) throw hostErrors.failed(`"${address}" är ingen cellreferens / is not a cell reference`);
    checkAreaSize(area);
    const s = this.book.sheet(sheet);
    if (!s) throw hostErrors.sheetNotFound(sheet);
    return this.snapshot(s.name, area);
  }

  async sheetNames(): Promise<string[]> {
    this.operations++;
    return this.book.sheetNames();
  }

  async names(): Promise<string[]> {
    this.operations++;
    return this.book.names().map((n) => n.name);
  }

  async models(): Promise<StoredModel[]> {
    this.operations++;
    const out: StoredModel[] = [];
    for (const name of this.book.sheetNames()) {
      if (!name.toUpperCase().startsWith(SETTINGS_SHEET_PREFIX)) continue;
      const parsed = parseSettingsSheet(this.settingsValues(name));
      if (parsed) out.push({ modelKey: parsed.modelKey, sheets: parsed.sheets, settingsJson: parsed.settingsJson, complete: parsed.complete });
    }
    return out;
  }

  async apply(plan: ModelPlan, opts: ApplyOptions = {}): Promise<ApplyResult> {
    // Read phase: the same checks as the Excel host, all before the first write.
    checkPlan(plan);
    this.operations++;
    const state = this.state();
    const old = opts.replace ? this.findModel(opts.replace) : undefined;
    checkApply(plan, state, old);
    this.checkBlocks(plan);

    // Write phase: the same steps, in the same order, as the Excel host. Unlike Excel, a failure here is
    // rolled back to the state before, so the playground never even shows a half-written model.
    this.operations++;
    const steps = writeSteps(plan, state, old);
    const touched = [...new Set([...deletedSheets(old ?? emptyParts(plan.modelKey)), ...plan.sheets.map((s) => s.name)])].filter((n) => this.book.sheet(n));
    const oldSheets = touched.map((n) => ({ snap: this.book.snapshotSheet(n), index: this.book.indexOf(n) }));
    const namesBefore = this.book.names();
    const chartsBefore = this.book.charts.slice();
    const sheetsBefore = this.book.sheetNames();
    try {
      this.book.batch(() => this.run(steps, plan.modelKey));
    } catch (e) {
      this.rollback(sheetsBefore, oldSheets, namesBefore, chartsBefore);
      const detail = e instanceof Error ? e.message : String(e);
      throw new HostError(
        `Modellen kunde inte skrivas (${detail}). Inget har ändrats.`,
        `The model could not be written (${detail}). Nothing was changed.`,
        "failed",
      );
    }
    const firstVisible = plan.sheets.find((s) => !s.hidden);
    if (firstVisible) this.book.activate(firstVisible.name);
    return {
      sheets: plan.sheets.map((s) => s.name),
      names: plan.names.map((n) => n.name),
      charts: plan.charts.length,
      syncs: 2,
    };
  }

  async remove(modelKey: string): Promise<ApplyResult> {
    this.operations++;
    const old = this.findModel(modelKey);
    checkRemove(this.state(), old);
    const charts = this.book.charts.filter((c) => old.sheets.some((s) => sameText(s, c.sheet))).length;
    this.operations++;
    this.book.batch(() => this.run(removeSteps(old), modelKey));
    return { sheets: deletedSheets(old), names: old.names, charts, syncs: 2, kept: old.unproven };
  }

  async activate(sheet: string): Promise<void> {
    this.operations++;
    const s = this.book.sheet(sheet);
    if (!s) throw hostErrors.sheetNotFound(sheet);
    if (s.visibility === "visible") this.book.activate(s.name);
  }

  /**
   * Like Worksheet.onChanged in Excel: `onChange` after an edit of a cell on `sheet` (what the cells hold, as
   * entered), not after a recalculation. The workbook tells its listeners about every change anywhere; the
   * sheet's contents are compared with what they were at the last call to tell whether this sheet changed.
   */
  onSheetChanged(sheet: string, onChange: () => void): () => void {
    let last = this.sheetContents(sheet);
    return this.book.subscribe(() => {
      const now = this.sheetContents(sheet);
      if (now === last) return;
      last = now;
      onChange();
    });
  }

  /** What a sheet's cells hold, as entered, as one text; "" when the sheet does not exist. */
  private sheetContents(sheet: string): string {
    const s = this.book.sheet(sheet);
    if (!s) return "";
    let out = `${s.name}\n`;
    for (const [k, v] of s.inputs) out += `${k}=${typeof v}:${String(v)}\n`;
    return out;
  }

  // ---- reading ----

  /** Excel's CurrentRegion: the block of filled cells around (r, c), bounded by empty rows and columns. */
  currentRegion(sheet: string, r: number, c: number): Area {
    const used = this.book.usedArea(sheet);
    const a: Area = { r0: r, c0: c, r1: r, c1: c };
    if (!used) return a;
    const filled = (rr: number, cc: number) => rr >= 0 && cc >= 0 && this.book.isFilled(sheet, rr, cc);
    const anyInRow = (rr: number, c0: number, c1: number) => {
      for (let cc = Math.max(0, c0); cc <= c1; cc++) if (filled(rr, cc)) return true;
      return false;
    };
    const anyInCol = (cc: number, r0: number, r1: number) => {
      for (let rr = Math.max(0, r0); rr <= r1; rr++) if (filled(rr, cc)) return true;
      return false;
    };
    for (let grew = true; grew;) {
      grew = false;
      if (a.r0 > 0 && anyInRow(a.r0 - 1, a.c0 - 1, a.c1 + 1)) {
        a.r0--;
        grew = true;
      }
      if (a.r1 < used.r1 && anyInRow(a.r1 + 1, a.c0 - 1, a.c1 + 1)) {
        a.r1++;
        grew = true;
      }
      if (a.c0 > 0 && anyInCol(a.c0 - 1, a.r0 - 1, a.r1 + 1)) {
        a.c0--;
        grew = true;
      }
      if (a.c1 < used.c1 && anyInCol(a.c1 + 1, a.r0 - 1, a.r1 + 1)) {
        a.c1++;
        grew = true;
      }
    }
    return a;
  }

  private snapshot(sheet: string, a: Area): RangeSnapshot {
    const values: (number | string | boolean)[][] = [];
    const formulas: (number | string | boolean)[][] = [];
    const numberFormats: string[][] = [];
    const text: string[][] = [];
    for (let r = a.r0; r <= a.r1; r++) {
      const vr: (number | string | boolean)[] = [];
      const fr: (number | string | boolean)[] = [];
      const nr: string[] = [];
      const tr: string[] = [];
      for (let c = a.c0; c <= a.c1; c++) {
        const v = this.book.value(sheet, r, c);
        const input = this.book.input(sheet, r, c);
        const fmt = this.book.format(sheet, r, c) ?? "General";
        vr.push(v === null ? "" : v);
        // Like Range.formulas: the formula, or the constant; text entered as "'x" reads back as "x".
        fr.push(input === undefined ? (v === null ? "" : v) : typeof input === "string" && input.startsWith("'") ? input.slice(1) : input);
        nr.push(fmt);
        tr.push(formatValue(v, fmt, this.locale).text);
      }
      values.push(vr);
      formulas.push(fr);
      numberFormats.push(nr);
      text.push(tr);
    }
    const merged = (this.book.sheet(sheet)?.merges ?? []).filter((m) => m.r0 <= a.r1 && m.r1 >= a.r0 && m.c0 <= a.c1 && m.c1 >= a.c0).map(areaName);
    return { sheet, address: areaName(a), row: a.r0, col: a.c0, values, formulas, numberFormats, text, mergedAreas: merged };
  }

  private settingsValues(sheet: string): unknown[][] {
    const used = this.book.usedArea(sheet);
    if (!used) return [];
    const out: unknown[][] = [];
    for (let r = 0; r <= used.r1; r++) out.push([0, 1, 2].map((c) => this.book.value(sheet, r, c)));
    return out;
  }

  private state(): WorkbookState {
    const nameRefs: Record<string, string> = {};
    for (const n of this.book.names()) nameRefs[n.name.toLowerCase()] = n.refersTo;
    return {
      sheets: this.book.sheetNames().map((name) => ({
        name,
        protected: this.book.sheet(name)!.protected,
        visible: this.book.sheet(name)!.visibility === "visible",
        note: this.book.value(name, 1, 0),
        marker: this.book.value(name, OWNER_CELL.row, OWNER_CELL.col),
      })),
      names: this.book.names().map((n) => n.name),
      nameRefs,
      structureProtected: false,
    };
  }

  /** The parts of a model, found through its settings sheet and proven by its markers, by the Excel host's rules. */
  private findModel(modelKey: string): OwnedParts {
    const settings = this.book.sheet(settingsSheetName(modelKey));
    const values = settings ? this.settingsValues(settings.name) : [];
    const stored = parseSettingsSheet(values);
    if (!stored || stored.modelKey !== modelKey) throw hostErrors.modelNotFound(modelKey);
    return ownedParts(this.state(), stored, Math.max(0, values.length - 1));
  }

  /**
   * Blocks of one sheet must not overlap: a later block would overwrite an earlier one's non-empty cell.
   * (Every planned sheet is new, so nothing else in the workbook can be under a block.)
   */
  private checkBlocks(plan: ModelPlan): void {
    for (const s of plan.sheets) {
      const taken = new Set<number>();
      for (const b of s.blocks) {
        b.cells.forEach((row, i) =>
          row.forEach((v, j) => {
            if (v === null || v === "") return;
            const k = (b.row + i) * 16384 + b.col + j;
            if (taken.has(k)) {
              throw hostErrors.failed(
                `planen skriver två gånger i ${s.name}!${cellName(b.row + i, b.col + j)} / the plan writes twice to ${s.name}!${cellName(b.row + i, b.col + j)}`,
              );
            }
            taken.add(k);
          }),
        );
      }
    }
  }

  // ---- writing ----

  /** Runs the steps of write-steps.ts on the workbook, in order. */
  private run(steps: WriteStep[], modelKey: string): void {
    for (const step of steps) {
      switch (step.op) {
        case "addSheet":
          this.book.addSheet(step.sheet);
          break;
        case "renameSheet":
          this.book.renameSheet(step.sheet, step.to);
          break;
        case "deleteSheet":
          this.book.removeSheet(step.sheet);
          break;
        case "addName":
          this.book.addName(step.name.name, step.name.refersTo, step.name.comment);
          break;
        case "deleteName":
          this.book.removeName(step.name);
          break;
        case "block": {
          const b = step.block;
          if (b.cells.length === 0) break;
          // "" clears a cell (as Range.formulas does in Excel); null leaves it as it is.
          const cells = b.cells.map((row) => row.map((v) => (v === null ? null : v === "" ? null : (v as CellInput))));
          const clears = b.cells.flatMap((row, i) => row.flatMap((v, j) => (v === "" ? [[i, j] as const] : [])));
          this.book.writeBlock(step.sheet, b.row, b.col, cells);
          for (const [i, j] of clears) this.book.setInput(step.sheet, b.row + i, b.col + j, null);
          let cols = 0;
          for (const r of b.cells) cols = Math.max(cols, r.length);
          if (b.numberFormat) this.book.setFormats(step.sheet, b.row, b.col, b.numberFormat, b.cells.length, cols);
          if (b.style && b.style !== "plain") this.book.setStyles(step.sheet, b.row, b.col, BLOCK_LOOK[b.style], b.cells.length, cols);
          break;
        }
        case "sheetLook": {
          const s = this.book.sheet(step.plan.name)!;
          for (const w of step.plan.columnWidths ?? []) s.columnWidths.set(w.col, w.width);
          if (step.plan.tabColor) s.tabColor = step.plan.tabColor;
          if (step.plan.freeze) s.freeze = { ...step.plan.freeze };
          break;
        }
        case "hide":
          this.book.setVisibility(step.sheet, "hidden");
          break;
        case "chart":
          this.book.charts = [...this.book.charts, { ...step.chart, modelKey }];
          break;
      }
    }
  }

  /** Puts the workbook back as it was before a failed write: sheets the write added go, touched sheets and names come back. */
  private rollback(
    sheetsBefore: string[],
    touched: Array<{ snap: SheetSnapshot; index: number }>,
    names: Array<{ name: string; refersTo: string; comment?: string }>,
    charts: PlaygroundWorkbook["charts"],
  ): void {
    this.book.batch(() => {
      for (const n of this.book.names()) {
        const was = names.find((x) => sameText(x.name, n.name));
        if (!was || was.refersTo !== n.refersTo) this.book.removeName(n.name);
      }
      for (const name of this.book.sheetNames()) if (!sheetsBefore.some((b) => sameText(b, name))) this.book.removeSheet(name);
      for (const { snap, index } of touched) {
        if (this.book.sheet(snap.name)) this.book.removeSheet(snap.name);
        this.book.restoreSheet(snap, index);
      }
      for (const n of names) if (!this.book.hasName(n.name)) this.book.addName(n.name, n.refersTo, n.comment);
      this.book.charts = charts;
    });
  }
}

function emptyParts(modelKey: string): OwnedParts {
  return { modelKey, settingsSheet: null, settingsRows: 0, sheets: [], names: [], listed: { sheets: [], names: [] }, unproven: [], complete: true };
}

function checkAreaSize(a: Area): void {
  checkSelectionSize(a.r1 - a.r0 + 1, a.c1 - a.c0 + 1);
}
