/**
 * A small fake of the Excel JavaScript API, for what office-addin-mock lacks: collections that grow and
 * shrink (worksheets.add/delete, names.add), charts, protection, used ranges, surrounding regions.
 *
 * It keeps Office.js's batching semantics, which is what the host's guarantees rest on: property writes and
 * method calls are only *queued*; they run, in order, at context.sync(). Reading a property that has not
 * been loaded and synced throws, as in Excel. Every write that runs is logged with its sheet and box, so
 * tests can compare the writes to the plan and snapshot the rest of the workbook.
 *
 * It also keeps what makes a failed write dangerous in Excel: batches are not transactional (a failing
 * command stops the batch and the commands before it stay applied), and Excel's limits are enforced where
 * Excel enforces them, when the command runs: 32,767 characters in a cell, 8,192 in a formula, sheet-name
 * and defined-name rules, unique names. `failAtWrite` makes the n-th workbook-changing command fail, so a
 * test can stop a write at every point and look at what is left.
 */
import { cellAddress, isValidSheetName, parseAddress, quoteSheetIfNeeded as quoteSheet, A1Box } from "../../src/host/office-a1";
import { isValidDefinedName } from "../../src/host/checks";

/** Excel's limits, as Excel documents them (not imported from the code under test, so a wrong limit there is caught). */
export const EXCEL = { cellText: 32767, formula: 8192 } as const;

export type Cell = number | string | boolean;

export interface FakeSheet {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  /** Cell contents as entered (constant or formula), keyed "row,col" (0-based). */
  cells: Record<string, Cell>;
  numberFormats: Record<string, string>;
  /** Format properties written, keyed "row,col" then property path, e.g. "fill.color". */
  formats: Record<string, Record<string, unknown>>;
  columnWidths: Record<number, number>;
  freeze: { rows: number; cols: number } | null;
  tabColor: string;
  charts: Array<{ type: string; source: string; seriesBy: string; title: string; position: string[]; look?: Record<string, unknown> }>;
  merged: string[];
}

export interface FakeWorkbook {
  sheets: FakeSheet[];
  names: Array<{ name: string; refersTo: string; comment?: string }>;
  structureProtected: boolean;
  selection: { sheet: string; address: string };
  active: string;
}

export interface WriteRecord {
  op: string;
  sheet?: string;
  box?: A1Box;
  detail?: unknown;
}

export function sheet(name: string, cells: Record<string, Cell> = {}, extra: Partial<FakeSheet> = {}): FakeSheet {
  return {
    name,
    visibility: "Visible",
    protected: false,
    cells,
    numberFormats: {},
    formats: {},
    columnWidths: {},
    freeze: null,
    tabColor: "",
    charts: [],
    merged: [],
    ...extra,
  };
}

/** Cells from a grid placed at an A1 position: grid(1, 0, [["a", 1]]) fills A2:B2. */
export function grid(row: number, col: number, rows: Cell[][]): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v !== "") out[`${row + i},${col + j}`] = v;
    }),
  );
  return out;
}

class ItemNotFound extends Error {
  code = "ItemNotFound";
}
class InvalidArgument extends Error {
  code = "InvalidArgument";
}
class GeneralException extends Error {
  code = "GeneralException";
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function displayValue(v: Cell | undefined): Cell {
  if (v === undefined) return "";
  if (typeof v === "string" && v.startsWith("'")) return v.slice(1);
  // The fake does not calculate; a formula shows as its text so tests can see what was written.
  return v;
}

/** Base for proxies: loaded properties live in `data`; reading one that was not loaded and synced throws. */
class Proxy {
  protected data: Record<string, unknown> = {};
  constructor(protected readonly ctx: FakeContext) {}
  protected get<T>(key: string): T {
    if (!(key in this.data)) throw new Error(`PropertyNotLoaded: ${key} (call load() and sync() first)`);
    return this.data[key] as T;
  }
  protected set(key: string, v: unknown): void {
    this.data[key] = v;
  }
}

export class FakeContext {
  private queue: Array<() => void> = [];
  syncs = 0;
  readonly workbook: FakeWorkbookProxy;
  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbookProxy(this);
  }
  enqueue(op: () => void): void {
    this.queue.push(op);
  }
  /** A command that changes the workbook: counted, and failed on purpose when the test asks. */
  enqueueWrite(op: () => void): void {
    this.queue.push(() => {
      const n = ++this.excel.writeCommands;
      if (this.excel.failAtWrite !== undefined && n === this.excel.failAtWrite) throw new GeneralException(`injected failure at write command ${n}`);
      op();
    });
  }
  get pending(): number {
    return this.queue.length;
  }
  async sync(): Promise<void> {
    this.syncs++;
    this.excel.syncs++;
    const ops = this.queue;
    this.queue = [];
    // Like Excel, a failing command stops the batch; commands before it have already run.
    for (const op of ops) op();
  }
  get state(): FakeWorkbook {
    return this.excel.state;
  }
  findSheet(name: string): FakeSheet {
    const s = this.state.sheets.find((x) => same(x.name, name));
    if (!s) throw new ItemNotFound(`Sheet ${name} not found`);
    return s;
  }
  log(rec: WriteRecord): void {
    this.excel.writes.push(rec);
  }
}

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheets;
  readonly names: FakeNames;
  readonly protection: FakeWorkbookProtection;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheets(ctx);
    this.names = new FakeNames(ctx);
    this.protection = new FakeWorkbookProtection(ctx);
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sel = this.ctx.state.selection;
      return { sheet: this.ctx.findSheet(sel.sheet).name, box: parseAddress(sel.address)! };
    });
  }
}

class FakeWorkbookProtection extends Proxy {
  get protected(): boolean {
    return this.get("protected");
  }
  load(_props: string): this {
    this.ctx.enqueue(() => this.set("protected", this.ctx.state.structureProtected));
    return this;
  }
}

class FakeWorksheets extends Proxy {
  get items(): FakeWorksheet[] {
    return this.get("items");
  }
  load(_props: string): this {
    this.ctx.enqueue(() =>
      this.set(
        "items",
        this.ctx.state.sheets.map((s) => {
          const w = new FakeWorksheet(this.ctx, s.name);
          w.fill(s);
          return w;
        }),
      ),
    );
    return this;
  }
  add(name: string): FakeWorksheet {
    this.ctx.enqueueWrite(() => {
      if (this.ctx.state.structureProtected) throw new InvalidArgument("Workbook structure is protected");
      if (this.ctx.state.sheets.some((s) => same(s.name, name))) throw new InvalidArgument(`Sheet ${name} exists`);
      if (!isValidSheetName(name)) throw new InvalidArgument(`Invalid sheet name ${name}`);
      this.ctx.state.sheets.push(sheet(name));
      this.ctx.log({ op: "addSheet", sheet: name });
    });
    return new FakeWorksheet(this.ctx, name);
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, name);
  }
}

class FakeProtection extends Proxy {
  get protected(): boolean {
    return this.get("protected");
  }
  fill(p: boolean) {
    this.set("protected", p);
  }
}

export class FakeWorksheet extends Proxy {
  readonly protection: FakeProtection;
  readonly freezePanes: { freezeAt: (r: FakeRange) => void; freezeRows: (n: number) => void; freezeColumns: (n: number) => void };
  readonly charts: { add: (type: string, source: FakeRange, seriesBy: string) => FakeChart };
  constructor(
    ctx: FakeContext,
    /** Follows a rename, as an Office.js worksheet object stays bound to its sheet. */
    public sheetName: string,
  ) {
    super(ctx);
    this.protection = new FakeProtection(ctx);
    const applyFreeze = (rows: number, cols: number) => {
      this.target().freeze = { rows, cols };
      this.ctx.log({ op: "freeze", sheet: this.sheetName, detail: { rows, cols } });
    };
    const freeze = (rows: number, cols: number) => this.ctx.enqueueWrite(() => applyFreeze(rows, cols));
    this.freezePanes = {
      freezeAt: (r) =>
        this.ctx.enqueueWrite(() => {
          const { box } = r.resolve();
          applyFreeze(box.rows, box.cols);
        }),
      freezeRows: (n) => freeze(n, 0),
      freezeColumns: (n) => freeze(0, n),
    };
    this.charts = {
      add: (type, source, seriesBy) => {
        const chart = new FakeChart(this.ctx, this.sheetName);
        this.ctx.enqueueWrite(() => {
          const s = this.target();
          const src = source.resolve();
          if (!same(src.sheet, s.name)) throw new InvalidArgument("chart source on another sheet");
          chart.index = s.charts.length;
          s.charts.push({ type, source: `${quoteSheet(src.sheet)}!${boxAddress(src.box)}`, seriesBy, title: "", position: [] });
          this.ctx.log({ op: "addChart", sheet: s.name, box: src.box });
        });
        return chart;
      },
    };
  }
  fill(s: FakeSheet): void {
    this.set("name", s.name);
    this.set("visibility", s.visibility);
    this.protection.fill(s.protected);
  }
  private target(): FakeSheet {
    return this.ctx.findSheet(this.sheetName);
  }
  get name(): string {
    return this.get("name");
  }
  /** Renaming, as Excel does it: names and formulas that refer to the sheet follow the new name. */
  set name(to: string) {
    this.ctx.enqueueWrite(() => {
      const s = this.target();
      if (this.ctx.state.structureProtected) throw new InvalidArgument("Workbook structure is protected");
      if (!isValidSheetName(to)) throw new InvalidArgument(`Invalid sheet name ${to}`);
      if (this.ctx.state.sheets.some((x) => x !== s && same(x.name, to))) throw new InvalidArgument(`Sheet ${to} exists`);
      const from = `${quoteSheet(s.name)}!`;
      const next = `${quoteSheet(to)}!`;
      const follow = (v: string) => v.split(from).join(next);
      for (const n of this.ctx.state.names) n.refersTo = follow(n.refersTo);
      for (const x of this.ctx.state.sheets)
        for (const [k, v] of Object.entries(x.cells)) if (typeof v === "string" && v.startsWith("=")) x.cells[k] = follow(v);
      this.ctx.log({ op: "renameSheet", sheet: s.name, detail: to });
      s.name = to;
      this.sheetName = to;
    });
  }
  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(v: string) {
    this.ctx.enqueueWrite(() => {
      this.target().visibility = v as FakeSheet["visibility"];
      this.ctx.log({ op: "visibility", sheet: this.sheetName, detail: v });
    });
  }
  set tabColor(v: string) {
    this.ctx.enqueueWrite(() => {
      this.target().tabColor = v;
      this.ctx.log({ op: "tabColor", sheet: this.sheetName, detail: v });
    });
  }
  load(_props: string): this {
    this.ctx.enqueue(() => this.fill(this.target()));
    return this;
  }
  delete(): void {
    this.ctx.enqueueWrite(() => {
      const s = this.target();
      if (this.ctx.state.structureProtected) throw new InvalidArgument("Workbook structure is protected");
      const rest = this.ctx.state.sheets.filter((x) => x !== s);
      if (!rest.some((x) => x.visibility === "Visible")) throw new InvalidArgument("A workbook must contain at least one visible worksheet");
      this.ctx.state.sheets = rest;
      this.ctx.log({ op: "deleteSheet", sheet: s.name });
    });
  }
  activate(): void {
    this.ctx.enqueue(() => {
      this.ctx.state.active = this.target().name;
    });
  }
  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const box = parseAddress(address);
      if (!box) throw new InvalidArgument(`bad address ${address}`);
      return { sheet: this.target().name, box };
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.target().name, box: { row, col, rows, cols } }));
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.target();
      const box = usedBox(s, null);
      return box ? { sheet: s.name, box } : null;
    });
  }
}

class FakeChart {
  index = -1;
  readonly title: { text: string };
  /**
   * The chart's series and axes (ExcelApi 1.7–1.8): every property set and method called on them is queued as
   * a write and recorded in the chart's `look` by its path, e.g. "series.getItemAt(1).points.getItemAt(0).format.fill.setSolidColor"
   * → ["#4E79A7"], "axes.valueAxis.displayUnit" → "Millions"; ranges passed as arguments are recorded as their address.
   */
  readonly series: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly axes: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheetName: string,
  ) {
    const title = {} as { text: string };
    Object.defineProperty(title, "text", {
      set: (v: string) => ctx.enqueueWrite(() => (this.chart().title = v)),
      get: () => this.chart().title,
      enumerable: true,
    });
    this.title = title;
    this.series = this.recorder("series");
    this.axes = this.recorder("axes");
  }
  private recorder(path: string): unknown {
    const record = (at: string, v: unknown) => {
      const ch = this.chart();
      (ch.look ??= {})[at] = v;
    };
    const shown = (a: unknown) => {
      if (!(a instanceof FakeRange)) return a;
      const { sheet: s, box } = a.resolve();
      return `${quoteSheet(s)}!${boxAddress(box)}`;
    };
    return new globalThis.Proxy(function () {}, {
      get: (_t, key) => (typeof key === "symbol" || key === "then" ? undefined : this.recorder(`${path}.${key}`)),
      set: (_t, key, v) => {
        this.ctx.enqueueWrite(() => record(`${path}.${String(key)}`, v));
        return true;
      },
      apply: (_t, _self, args: unknown[]) => {
        // getItemAt and the like only point at an object; the other methods change the chart.
        if (!/\.get\w*$/.test(path)) this.ctx.enqueueWrite(() => record(path, args.map(shown)));
        return this.recorder(`${path}(${args.map((a) => (a instanceof FakeRange ? "range" : String(a))).join(",")})`);
      },
    });
  }
  private chart() {
    return this.ctx.findSheet(this.sheetName).charts[this.index];
  }
  setPosition(start: string, end: string): void {
    this.ctx.enqueueWrite(() => {
      this.chart().position = [start, end];
    });
  }
}

class FakeNames extends Proxy {
  get items(): Array<{ name: string; formula: string }> {
    return this.get("items");
  }
  load(_props: string): this {
    this.ctx.enqueue(() =>
      this.set(
        "items",
        this.ctx.state.names.map((n) => ({ name: n.name, formula: n.refersTo })),
      ),
    );
    return this;
  }
  add(name: string, refersTo: string, comment?: string): void {
    this.ctx.enqueueWrite(() => {
      if (this.ctx.state.names.some((n) => same(n.name, name))) throw new InvalidArgument(`Name ${name} exists`);
      if (!isValidDefinedName(name)) throw new InvalidArgument(`Invalid name ${name}`);
      if (refersTo.length > EXCEL.formula) throw new InvalidArgument(`Reference of ${name} too long`);
      this.ctx.state.names.push(comment === undefined ? { name, refersTo } : { name, refersTo, comment });
      this.ctx.log({ op: "addName", detail: name });
    });
  }
  getItem(name: string): { delete: () => void } {
    return {
      delete: () =>
        this.ctx.enqueueWrite(() => {
          const before = this.ctx.state.names.length;
          this.ctx.state.names = this.ctx.state.names.filter((n) => !same(n.name, name));
          if (this.ctx.state.names.length === before) throw new ItemNotFound(`Name ${name} not found`);
          this.ctx.log({ op: "deleteName", detail: name });
        }),
    };
  }
}

function boxAddress(b: A1Box): string {
  return b.rows === 1 && b.cols === 1 ? cellAddress(b.row, b.col) : `${cellAddress(b.row, b.col)}:${cellAddress(b.row + b.rows - 1, b.col + b.cols - 1)}`;
}

function keys(box: A1Box): Array<[number, number, string]> {
  const out: Array<[number, number, string]> = [];
  for (let r = 0; r < box.rows; r++) for (let c = 0; c < box.cols; c++) out.push([r, c, `${box.row + r},${box.col + c}`]);
  return out;
}

/** Bounding box of non-empty cells, optionally within `within`. */
function usedBox(s: FakeSheet, within: A1Box | null): A1Box | null {
  let r0 = Infinity,
    r1 = -1,
    c0 = Infinity,
    c1 = -1;
  for (const k of Object.keys(s.cells)) {
    const [r, c] = k.split(",").map(Number);
    if (within && (r < within.row || r >= within.row + within.rows || c < within.col || c >= within.col + within.cols)) continue;
    r0 = Math.min(r0, r);
    r1 = Math.max(r1, r);
    c0 = Math.min(c0, c);
    c1 = Math.max(c1, c);
  }
  return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

/** Excel's current region: grow the box while any cell touching it (diagonals included) is non-empty. */
function surroundingBox(s: FakeSheet, row: number, col: number): A1Box {
  let r0 = row,
    r1 = row,
    c0 = col,
    c1 = col;
  const filled = (r: number, c: number) => r >= 0 && c >= 0 && s.cells[`${r},${c}`] !== undefined;
  for (let grew = true; grew;) {
    grew = false;
    for (let c = c0 - 1; c <= c1 + 1; c++) {
      if (filled(r0 - 1, c)) {
        r0--;
        grew = true;
      }
      if (filled(r1 + 1, c)) {
        r1++;
        grew = true;
      }
    }
    for (let r = r0 - 1; r <= r1 + 1; r++) {
      if (filled(r, c0 - 1)) {
        c0--;
        grew = true;
      }
      if (filled(r, c1 + 1)) {
        c1++;
        grew = true;
      }
    }
  }
  return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

type Where = { sheet: string; box: A1Box } | null;

class FakeFormat {
  readonly fill: Record<string, unknown>;
  readonly font: Record<string, unknown>;
  readonly borders: { getItem: (side: string) => Record<string, unknown> };
  constructor(range: FakeRange) {
    const setter = (path: string) => (v: unknown) => range.writeFormat(path, v);
    const obj = (prefix: string, props: string[]) => {
      const o: Record<string, unknown> = {};
      for (const p of props) Object.defineProperty(o, p, { set: setter(`${prefix}${p}`), enumerable: true });
      return o;
    };
    this.fill = obj("fill.", ["color"]);
    this.font = obj("font.", ["color", "bold", "italic", "size", "name"]);
    this.borders = { getItem: (side) => obj(`border.${side}.`, ["style", "color", "weight"]) };
    Object.defineProperty(this, "columnWidth", { set: (v: number) => range.writeColumnWidth(v), enumerable: true });
  }
}

export class FakeRange extends Proxy {
  readonly format: FakeFormat;
  readonly worksheet: { load: (p: string) => void; name: string };
  private cached: Where | undefined;
  constructor(
    ctx: FakeContext,
    private readonly locate: () => Where,
  ) {
    super(ctx);
    this.format = new FakeFormat(this);
    const ws = { loaded: "" as string | null, name: "" };
    const worksheet: { load: (p: string) => void; name: string } = {
      load: () =>
        this.ctx.enqueue(() => {
          ws.loaded = this.resolve().sheet;
        }),
      name: "",
    };
    Object.defineProperty(worksheet, "name", {
      get: () => {
        if (!ws.loaded) throw new Error("PropertyNotLoaded: worksheet/name");
        return ws.loaded;
      },
    });
    this.worksheet = worksheet;
  }
  /** Where the range is, computed when its first command runs (as Excel resolves a range at sync). */
  resolveOrNull(): Where {
    if (this.cached === undefined) this.cached = this.locate();
    return this.cached;
  }
  resolve(): { sheet: string; box: A1Box } {
    const w = this.resolveOrNull();
    if (!w) throw new InvalidArgument("null object used");
    return w;
  }
  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
  get address(): string {
    return this.get("address");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get cellCount(): number {
    return this.get("cellCount");
  }
  get values(): Cell[][] {
    return this.get("values");
  }
  get text(): string[][] {
    return this.get("text");
  }
  get formulas(): Cell[][] {
    return this.get("formulas");
  }
  set formulas(grid: (Cell | null)[][]) {
    this.ctx.enqueueWrite(() => {
      const { sheet: name, box } = this.resolve();
      const s = this.ctx.findSheet(name);
      if (grid.length !== box.rows || grid.some((r) => r.length !== box.cols)) throw new InvalidArgument("dimension mismatch");
      if (s.protected) throw new InvalidArgument("sheet protected");
      // Excel refuses the whole command when one cell is over its limits.
      for (const row of grid)
        for (const v of row) {
          if (typeof v !== "string") continue;
          if (v.startsWith("=") ? v.length > EXCEL.formula : v.replace(/^'/, "").length > EXCEL.cellText) {
            throw new InvalidArgument("The text or formula is too long");
          }
        }
      for (const [r, c, k] of keys(box)) {
        const v = grid[r][c];
        if (v === null) continue; // Office.js ignores null: the cell keeps what it had
        if (v === "") delete s.cells[k];
        else s.cells[k] = v;
      }
      this.ctx.log({ op: "formulas", sheet: name, box, detail: grid });
    });
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(grid: (string | null)[][]) {
    this.ctx.enqueueWrite(() => {
      const { sheet: name, box } = this.resolve();
      const s = this.ctx.findSheet(name);
      if (grid.length !== box.rows || grid.some((r) => r.length !== box.cols)) throw new InvalidArgument("dimension mismatch");
      for (const [r, c, k] of keys(box)) if (grid[r][c] !== null) s.numberFormats[k] = grid[r][c]!;
      this.ctx.log({ op: "numberFormat", sheet: name, box, detail: grid });
    });
  }
  writeFormat(path: string, v: unknown): void {
    this.ctx.enqueueWrite(() => {
      const { sheet: name, box } = this.resolve();
      const s = this.ctx.findSheet(name);
      for (const [, , k] of keys(box)) (s.formats[k] ??= {})[path] = v;
      this.ctx.log({ op: "format", sheet: name, box, detail: { [path]: v } });
    });
  }
  writeColumnWidth(v: number): void {
    this.ctx.enqueueWrite(() => {
      const { sheet: name, box } = this.resolve();
      const s = this.ctx.findSheet(name);
      for (let c = box.col; c < box.col + box.cols; c++) s.columnWidths[c] = v;
      this.ctx.log({ op: "columnWidth", sheet: name, box, detail: v });
    });
  }
  load(props: string): this {
    this.ctx.enqueue(() => {
      const w = this.resolveOrNull();
      this.set("isNullObject", w === null);
      if (!w) return;
      const s = this.ctx.findSheet(w.sheet);
      const { box } = w;
      const want = props.split(",").map((p) => p.trim());
      const mk = <T>(f: (k: string) => T): T[][] =>
        Array.from({ length: box.rows }, (_, r) => Array.from({ length: box.cols }, (_, c) => f(`${box.row + r},${box.col + c}`)));
      const all: Record<string, () => unknown> = {
        address: () => `${quoteSheet(s.name)}!${boxAddress(box)}`,
        rowIndex: () => box.row,
        columnIndex: () => box.col,
        rowCount: () => box.rows,
        columnCount: () => box.cols,
        cellCount: () => box.rows * box.cols,
        values: () => mk((k) => displayValue(s.cells[k])),
        formulas: () => mk((k) => (s.cells[k] === undefined ? "" : s.cells[k])),
        numberFormat: () => mk((k) => s.numberFormats[k] ?? "General"),
        text: () => mk((k) => String(displayValue(s.cells[k]))),
      };
      for (const p of want) {
        if (!all[p]) throw new Error(`fake: cannot load ${p}`);
        this.set(p, all[p]());
      }
      this.ctx.excel.reads.push({ sheet: s.name, box, props: want });
    });
    return this;
  }
  getSurroundingRegion(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet: name, box } = this.resolve();
      return { sheet: name, box: surroundingBox(this.ctx.findSheet(name), box.row, box.col) };
    });
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet: name, box } = this.resolve();
      const used = usedBox(this.ctx.findSheet(name), box);
      return used ? { sheet: name, box: used } : null;
    });
  }
  getMergedAreasOrNullObject(): { load: (p: string) => void; isNullObject: boolean; address: string } {
    const out = { loaded: false, isNull: true, addr: "" };
    return {
      load: () =>
        this.ctx.enqueue(() => {
          const { sheet: name, box } = this.resolve();
          const s = this.ctx.findSheet(name);
          const inside = s.merged.filter((a) => {
            const m = parseAddress(a)!;
            return m.row < box.row + box.rows && m.row + m.rows > box.row && m.col < box.col + box.cols && m.col + m.cols > box.col;
          });
          out.loaded = true;
          out.isNull = inside.length === 0;
          out.addr = inside.map((a) => `${quoteSheet(s.name)}!${a}`).join(", ");
        }),
      get isNullObject() {
        if (!out.loaded) throw new Error("PropertyNotLoaded: isNullObject");
        return out.isNull;
      },
      get address() {
        if (!out.loaded) throw new Error("PropertyNotLoaded: address");
        return out.addr;
      },
    };
  }
}

/** The fake Excel: a workbook, the sync counter, and the write log; `run` has Excel.run's shape. */
export class FakeExcel {
  syncs = 0;
  /** Workbook-changing commands run so far (across batches). */
  writeCommands = 0;
  /** Make the n-th workbook-changing command (1-based, counted across batches) fail. */
  failAtWrite?: number;
  writes: WriteRecord[] = [];
  reads: Array<{ sheet: string; box: A1Box; props: string[] }> = [];
  constructor(public state: FakeWorkbook) {}

  run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this);
    const out = await batch(ctx as unknown as Excel.RequestContext);
    // Excel.run sends whatever is still queued when the batch returns; counted like any other sync.
    if (ctx.pending) await ctx.sync();
    return out;
  };

  /** A deep copy of the workbook, for before/after comparisons. */
  snapshot(): FakeWorkbook {
    return JSON.parse(JSON.stringify(this.state));
  }

  reset(): void {
    this.syncs = 0;
    this.writes = [];
    this.reads = [];
  }
}

export function workbook(sheets: FakeSheet[], extra: Partial<FakeWorkbook> = {}): FakeWorkbook {
  return {
    sheets,
    names: [],
    structureProtected: false,
    selection: { sheet: sheets[0]?.name ?? "Blad1", address: "A1" },
    active: sheets[0]?.name ?? "Blad1",
    ...extra,
  };
}
