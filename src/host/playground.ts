/**
 * The task pane's host in the browser playground: the same WorkbookHost the Excel host implements, applied
 * to the playground's in-memory workbook on the formula engine (HyperFormula with SOCINV). It keeps the
 * Excel host's rules (the same pure checks, office-preflight.ts, and the same bilingual messages,
 * hostErrors), so what works here works in Excel:
 * - every check runs before anything is written; a refused plan leaves the workbook as it was;
 * - apply() never overwrites a non-empty cell, an existing sheet (names compared case-insensitively, as in
 *   Excel) or a name; remove() deletes only the model's own sheets, names and charts;
 * - the settings travel in the model's hidden sheet (planner/storage.ts), so a downloaded .xlsx keeps them;
 * - each operation is one read phase plus one engine batch, counted in ApplyResult.syncs, like the Excel
 *   host's constant number of context.sync() calls.
 *
 * Never imported by the Excel bundle: it pulls in the formula engine (GPL), see webpack.playground.config.js.
 */
import { Area, areaName, cellName, parseArea } from "../../playground/a1";
import { DisplayLocale, SWEDISH, formatValue } from "../../playground/numfmt";
import { CellInput, CellStyle, PlaygroundWorkbook, SheetSnapshot } from "../../playground/workbook";
import type { BlockStyle, ModelPlan } from "../planner/plan";
import { SETTINGS_SHEET_PREFIX, parseSettingsSheet, settingsSheetName } from "../planner/storage";
import { ApplyOptions, ApplyResult, HostError, RangeSnapshot, SELECTION_LIMITS, StoredModel, WorkbookHost, hostErrors } from "./host";
import { OwnedParts, WorkbookState, checkApply, checkPlan, checkRemove, ownedParts } from "./office-preflight";
import { LOOKS } from "./office-styles";

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
    if (cells === 1) area = this.currentRegion(sel.sheet, a.r0, a.c0);
    else if (rows <= SELECTION_LIMITS.rows && cells <= SELECTION_LIMITS.cells) area = a;
    else {
      const used = this.book.usedArea(sel.sheet);
      const inter = used && { r0: Math.max(a.r0, used.r0), c0: Math.max(a.c0, used.c0), r1: Math.min(a.r1, used.r1), c1: Math.min(a.c1, used.c1) };
      if (!inter || inter.r0 > inter.r1 || inter.c0 > inter.c1) throw hostErrors.emptySelection();
      area = inter;
    }
    checkSelectionSize(area);
    const snap = this.snapshot(sel.sheet, area);
    if (snap.values.every((r) => r.every((v) => v === ""))) throw hostErrors.emptySelection();
    return snap;
  }

  async readRange(sheet: string, address: string): Promise<RangeSnapshot> {
    this.operations++;
    const area = parseArea(address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address);
    if (!area) throw hostErrors.failed(`"${address}" är ingen cellreferens / is not a cell reference`);
    checkSelectionSize(area);
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
      if (parsed) out.push(parsed);
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

    // Write phase: one engine batch. A failure inside it is rolled back to the state before.
    this.operations++;
    const oldSheets = (old?.sheets ?? []).map((n) => ({ snap: this.book.snapshotSheet(n), index: this.book.indexOf(n) }));
    const oldNames = this.book.names().filter((n) => (old?.names ?? []).some((r) => sameText(r, n.name)));
    const chartsBefore = this.book.charts.slice();
    try {
      this.book.batch(() => {
        if (old) this.deleteOwned(old);
        this.write(plan);
      });
    } catch (e) {
      this.rollback(plan, oldSheets, oldNames, chartsBefore);
      const detail = e instanceof Error ? e.message : String(e);
      throw new HostError(
        `Modellen kunde inte skrivas (${detail}). Inget har ändrats.`,
        `The model could not be written (${detail}). Nothing was changed.`,
        "failed",
      );
    }
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
    const charts = this.book.charts.filter((c) => c.modelKey === modelKey).length;
    this.operations++;
    this.book.batch(() => this.deleteOwned(old));
    return { sheets: old.sheets, names: old.names, charts, syncs: 2 };
  }

  async activate(sheet: string): Promise<void> {
    this.operations++;
    const s = this.book.sheet(sheet);
    if (!s) throw hostErrors.sheetNotFound(sheet);
    if (s.visibility === "visible") this.book.activate(s.name);
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
    for (let grew = true; grew; ) {
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
    const merged = (this.book.sheet(sheet)?.merges ?? [])
      .filter((m) => m.r0 <= a.r1 && m.r1 >= a.r0 && m.c0 <= a.c1 && m.c1 >= a.c0)
      .map(areaName);
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
    return {
      sheets: this.book.sheetNames().map((name) => ({ name, protected: this.book.sheet(name)!.protected })),
      names: this.book.names().map((n) => n.name),
      structureProtected: false,
    };
  }

  /** The parts of a model, found through its settings sheet, by the Excel host's rules. */
  private findModel(modelKey: string): OwnedParts {
    const settings = this.book.sheet(settingsSheetName(modelKey));
    const stored = settings ? parseSettingsSheet(this.settingsValues(settings.name)) : null;
    if (!stored || stored.modelKey !== modelKey) throw hostErrors.modelNotFound(modelKey);
    return ownedParts(this.state(), modelKey, stored.sheets);
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

  private write(plan: ModelPlan): void {
    for (const s of plan.sheets) {
      const state = this.book.addSheet(s.name, { visibility: s.hidden ? "hidden" : "visible", tabColor: s.tabColor, freeze: s.freeze });
      for (const b of s.blocks) {
        const cells = b.cells.map((row) => row.map((v) => (v === null || v === "" ? null : (v as CellInput))));
        if (cells.length === 0) continue;
        this.book.writeBlock(s.name, b.row, b.col, cells);
        const rows = b.cells.length;
        const cols = Math.max(...b.cells.map((r) => r.length));
        if (b.numberFormat) this.book.setFormats(s.name, b.row, b.col, b.numberFormat, rows, cols);
        if (b.style && b.style !== "plain") this.book.setStyles(s.name, b.row, b.col, BLOCK_LOOK[b.style], rows, cols);
      }
      for (const w of s.columnWidths ?? []) state.columnWidths.set(w.col, w.width);
    }
    for (const n of plan.names) this.book.addName(n.name, n.refersTo, n.comment);
    this.book.charts = [...this.book.charts, ...plan.charts.map((c) => ({ ...c, modelKey: plan.modelKey }))];
    const firstVisible = plan.sheets.find((s) => !s.hidden);
    if (firstVisible) this.book.activate(firstVisible.name);
  }

  /** Names first: a name pointing into a deleted sheet would otherwise linger as #REF!. */
  private deleteOwned(owned: OwnedParts): void {
    for (const n of owned.names) this.book.removeName(n);
    for (const s of owned.sheets) if (this.book.sheet(s)) this.book.removeSheet(s);
    this.book.charts = this.book.charts.filter((c) => c.modelKey !== owned.modelKey);
  }

  private rollback(
    plan: ModelPlan,
    before: Array<{ snap: SheetSnapshot; index: number }>,
    names: Array<{ name: string; refersTo: string; comment?: string }>,
    charts: PlaygroundWorkbook["charts"],
  ): void {
    this.book.batch(() => {
      for (const n of plan.names) if (this.book.hasName(n.name) && !names.some((x) => sameText(x.name, n.name))) this.book.removeName(n.name);
      for (const s of plan.sheets) if (this.book.sheet(s.name) && !before.some((b) => sameText(b.snap.name, s.name))) this.book.removeSheet(s.name);
      for (const { snap, index } of before) {
        if (this.book.sheet(snap.name)) this.book.removeSheet(snap.name);
        this.book.restoreSheet(snap, index);
      }
      for (const n of names) if (!this.book.hasName(n.name)) this.book.addName(n.name, n.refersTo, n.comment);
      this.book.charts = charts;
    });
  }
}

function checkSelectionSize(a: Area): void {
  const rows = a.r1 - a.r0 + 1;
  const cols = a.c1 - a.c0 + 1;
  if (rows > SELECTION_LIMITS.rows || rows * cols > SELECTION_LIMITS.cells) throw hostErrors.selectionTooLarge(rows, cols);
}
