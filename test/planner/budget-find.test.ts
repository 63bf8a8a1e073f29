/**
 * One selected cell inside a budget block with blank rows between its nämnder: the whole block is found
 * (planner/budget-find.ts), and the user is told which area was read and why it ends there. The decision is
 * pure; both hosts only read (the Excel host through the fake Office.js, the playground on its workbook).
 */
import fc from "fast-check";
import { cellAddress, parseRange } from "../../src/planner/a1";
import { readBudget } from "../../src/planner/budget";
import { LONG_BLANK_RUN, SEARCH_AREA, findBlock, searchWindow } from "../../src/planner/budget-find";
import { BUDGET_SHEET, SAMPLE_DRIFTBUDGET, sampleSnapshot } from "../../src/planner/samples";
import { RangeSnapshot, sliceSnapshot } from "../../src/planner/snapshot";
import { OfficeHost } from "../../src/host/office";
import { PlaygroundHost } from "../../playground/host";
import { PlaygroundWorkbook, asTextInput } from "../../playground/workbook";
import { FakeExcel, grid, sheet, workbook } from "../host/fake-excel";
import { snap } from "./fixtures";
import { KOMMUN, KOMMUN_ROWS, KOMMUN_SHEET } from "./real-budgets-data";

/** The whole used area of a sample sheet, as a host would read around a cell. */
function whole(wb: typeof SAMPLE_DRIFTBUDGET, name: string): RangeSnapshot {
  const s = wb.sheets.find((x) => x.name === name)!;
  const cols = Math.max(...s.cells.map((r) => r.length));
  return sampleSnapshot(wb, name, `A1:${cellAddress(s.cells.length + 4, cols + 1)}`);
}

/** The block found around a cell (A1), read as a snapshot with the search attached. */
function around(window: RangeSnapshot, a1: string, dataEnd?: number): RangeSnapshot {
  const c = parseRange(a1);
  const f = findBlock(window, { row: c.row, col: c.col }, dataEnd);
  return { ...sliceSnapshot(window, f.box), found: f.search };
}

describe("the block around one selected cell", () => {
  const sample = whole(SAMPLE_DRIFTBUDGET, BUDGET_SHEET);

  test("one cell in the sample driftbudget gives the whole block A4:G29, across the blank rows between nämnder", () => {
    const s = around(sample, "C12");
    expect(s.address).toBe("A4:G29");
    // Excel's current region of C12 stops at the blank rows: only Socialnämnden's rows (11–18).
    expect(s.found).toEqual({ cell: "C12", window: sample.address, headerRow: 4, gaps: 4, stop: { kind: "end" } });
    const r = readBudget(s, { contextText: ["Nettokostnader per nämnd och verksamhet. Belopp i mnkr"] });
    if (!r.ok) throw new Error(r.error.en);
    expect(r.block.rows.filter((x) => x.kind === "data")).toHaveLength(16);
    expect(r.block.rows.filter((x) => x.kind === "sum")).toHaveLength(5);
    const found = r.block.notes.find((n) => n.id === "blockFound")!;
    expect(found.sv).toBe(
      "Markeringen var en cell (C12); blocket A4:G29 lästes, från årsrubriken på rad 4, över 4 tomma rader mellan delarna. Det slutar där inga fler ifyllda rader följer.",
    );
    expect(found.en).toBe(
      "The selection was one cell (C12); the block A4:G29 was read, from the year header in row 4, across 4 blank rows between its parts. It ends where no more filled rows follow.",
    );
  });

  test("every filled cell of the block, and the title above it, finds the same block", () => {
    const sheetCells = SAMPLE_DRIFTBUDGET.sheets[0].cells;
    for (let r = 0; r < 29; r++) {
      for (let c = 0; c < 7; c++) {
        if (sheetCells[r]?.[c] === null || sheetCells[r]?.[c] === undefined) continue;
        expect([cellAddress(r, c), around(sample, cellAddress(r, c)).address]).toEqual([cellAddress(r, c), "A4:G29"]);
      }
    }
  });

  test("the kommun's driftbudget ends where the investeringsbudget, a table of its own, starts", () => {
    const w = whole(KOMMUN, KOMMUN_SHEET);
    const s = around(w, `C${KOMMUN_ROWS.byLabel.get("Socialnämnden – Försörjningsstöd")}`);
    expect(s.address).toBe(`A4:F${KOMMUN_ROWS.total}`);
    expect(s.found?.stop).toEqual({ kind: "newTable", row: KOMMUN_ROWS.total + 3 });
    expect(s.found?.gaps).toBe(KOMMUN_ROWS.sums.length); // one blank row after each nämnd
    const r = readBudget(s);
    if (!r.ok) throw new Error(r.error.en);
    expect(r.block.notes[0].sv).toMatch(/Det slutar där en ny tabell med egen årsrubrik börjar \(rad \d+\)\.$/);
  });

  test(`${LONG_BLANK_RUN} blank rows end the block, and the note says where`, () => {
    const rows: (string | number)[][] = [
      ["Verksamhet", "Budget 2025", "Plan 2026"],
      ["A", 1, 2],
      ["", "", ""],
      ["B", 3, 4],
      ...Array.from({ length: LONG_BLANK_RUN }, () => ["", "", ""]),
      ["Anteckning", 99, 98],
    ];
    const s = around(snap(rows, { address: `A1:C${rows.length}` }), "B2");
    expect(s.address).toBe("A1:C4");
    expect(s.found?.stop).toEqual({ kind: "blankRows", row: 5, count: LONG_BLANK_RUN });
    const r = readBudget(s);
    expect(r.ok && r.block.notes[0]).toMatchObject({
      id: "blockFound",
      severity: "info",
      en: expect.stringMatching(/across 1 blank row between its parts\. It ends at 3 blank rows \(from row 5\)\.$/),
    });
  });

  test("a header across a long blank run above is not the cell's; a footnote after the last amount is left out", () => {
    const rows: (string | number)[][] = [
      ["Verksamhet", "Budget 2025", "Plan 2026"],
      ["A", 1, 2],
      ...Array.from({ length: LONG_BLANK_RUN }, () => ["", "", ""]),
      ["B", 3, 4],
    ];
    const s = around(snap(rows, { address: `A1:C${rows.length}` }), "B6");
    expect(s.found?.headerRow).toBeNull();
    expect(s.address).toBe("A6:C6");
    const refused = readBudget(s);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.id).toBe("noYearHeader");
      expect(refused.error.sv).toMatch(/Ingen årsrubrik hittades ovanför den, så bara de ifyllda cellerna runt den lästes \(A6:C6\)/);
      expect(refused.error.en).toMatch(/only the filled cells around it were read \(A6:C6\)/);
    }
    const foot = around(
      snap(
        [
          ["Verksamhet", "Budget 2025"],
          ["A", 1],
          ["", ""],
          ["Källa: kommunens budgetbeslut", ""],
        ],
        { address: "A1:B4" },
      ),
      "B2",
    );
    expect(foot.address).toBe("A1:B2");
  });

  test("a block reaching the edge of what was read says it may go on; the largest block is a limit", () => {
    const rows: (string | number)[][] = [["Verksamhet", "Budget 2025", "Plan 2026"], ...Array.from({ length: 30 }, (_, i) => [`Rad ${i}`, i, i + 1])];
    const s = around(snap(rows, { address: `A1:C${rows.length}` }), "B5");
    expect(s.found?.stop).toEqual({ kind: "window", row: 31 });
    expect(around(snap(rows, { address: `A1:C${rows.length}` }), "B5", 30).found?.stop).toEqual({ kind: "end" });
    const r = readBudget(s);
    expect(r.ok && r.block.notes[0]).toMatchObject({
      severity: "warning",
      sv: expect.stringMatching(/vid rad 31, så långt som läses runt en cell; markera hela blocket/),
    });
    // Parts separated by single blank rows, more than the reader's largest block in all.
    const many: (string | number)[][] = [["Verksamhet", "Budget 2025", "Plan 2026"]];
    for (let i = 0; i < 1100; i++) many.push([`Rad ${i}`, i, i], ["", "", ""]);
    const big = around(snap(many, { address: `A1:C${many.length}` }), "B2");
    expect(big.found?.stop).toEqual({ kind: "limit", rows: 2000 });
    expect(big.values.length).toBeLessThanOrEqual(2000);
  });

  test("an empty cell gives just that cell (the hosts call that an empty selection)", () => {
    const s = around(sample, "K40");
    expect(s.address).toBe("K40:K40");
    expect(s.values).toEqual([[""]]);
  });

  test("the area a host reads: around the region, inside the sheet and the used range, at most the cell budget", () => {
    const region = { row: 10, col: 0, rows: 8, cols: 7 };
    const w = searchWindow(region, { rows: 1048576, cols: 16384 });
    expect(w).toEqual({ row: 0, col: 0, rows: 18 + SEARCH_AREA.rowsBelow, cols: 7 + SEARCH_AREA.colsAside });
    expect(searchWindow(region, { rows: 1048576, cols: 16384 }, { row: 0, col: 0, rows: 40, cols: 7 })).toEqual({ row: 0, col: 0, rows: 40, cols: 7 });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 1, max: 24 }),
        (row, col, rows, cols) => {
          const r = { row, col, rows, cols };
          const win = searchWindow(r, { rows: 1048576, cols: 16384 });
          expect(win.row).toBeLessThanOrEqual(row);
          expect(win.col).toBeLessThanOrEqual(col);
          expect(win.row + win.rows).toBeGreaterThanOrEqual(row + rows);
          expect(win.col + win.cols).toBeGreaterThanOrEqual(col + cols);
          expect(win.rows * win.cols).toBeLessThanOrEqual(Math.max(SEARCH_AREA.maxCells, rows * (cols + 2 * SEARCH_AREA.colsAside)));
        },
      ),
    );
  });

  test("property: on any grid the block holds the cell and lies inside what was read", () => {
    const cell = fc.oneof(
      fc.constant(""),
      fc.constant(""),
      fc.integer({ min: -50, max: 3000 }),
      fc.constantFrom("Budget 2025", "Plan 2026", "Summa", "A", "12,5"),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 14 }), fc.nat(), fc.nat(), (values, i, j) => {
        const r = i % values.length;
        const c = j % 4;
        const w = snap(values, { address: `A1:D${values.length}` });
        const f = findBlock(w, { row: r, col: c });
        expect(f.box.row).toBeGreaterThanOrEqual(0);
        expect(f.box.col).toBeGreaterThanOrEqual(0);
        expect(f.box.row + f.box.rows).toBeLessThanOrEqual(values.length);
        expect(f.box.col + f.box.cols).toBeLessThanOrEqual(4);
        if (f.search.headerRow === null) {
          expect(r).toBeGreaterThanOrEqual(f.box.row);
          expect(r).toBeLessThan(f.box.row + f.box.rows);
        }
        expect(typeof readBudget({ ...sliceSnapshot(w, f.box), found: f.search }).ok).toBe("boolean");
      }),
      { numRuns: 300 },
    );
  });
});

describe("both hosts only read; the block is the planner's", () => {
  const cells = KOMMUN.sheets[0].cells;
  const target = `C${KOMMUN_ROWS.byLabel.get("Socialnämnden – Försörjningsstöd")}`;

  test("the playground finds the kommun's whole block from one cell", async () => {
    const book = new PlaygroundWorkbook([
      {
        name: KOMMUN_SHEET,
        rows: cells.map((r) => r.map((v) => (typeof v === "string" && !v.startsWith("=") ? asTextInput(v) : v))),
        formats: KOMMUN.sheets[0].numberFormats,
      },
    ]);
    const a = parseRange(target);
    book.select(KOMMUN_SHEET, { r0: a.row, c0: a.col, r1: a.row, c1: a.col });
    const s = await new PlaygroundHost(book).readSelection();
    expect(s.address).toBe(`A4:F${KOMMUN_ROWS.total}`);
    expect(s.found).toMatchObject({ cell: target, headerRow: 4, gaps: KOMMUN_ROWS.sums.length, stop: { kind: "newTable" } });
  });

  test("the Excel host reads the area around the region in the same two syncs, and gives the same block", async () => {
    // The fake does not calculate: the sheet holds the values the SUM formulas give (as Excel's values would).
    const rows = whole(KOMMUN, KOMMUN_SHEET).values;
    const wb = workbook([sheet(KOMMUN_SHEET, grid(0, 0, rows))], { selection: { sheet: KOMMUN_SHEET, address: target } });
    const excel = new FakeExcel(wb);
    const s = await new OfficeHost(excel.run).readSelection();
    expect(excel.syncs).toBe(2);
    expect(s.address).toBe(`A4:F${KOMMUN_ROWS.total}`);
    expect(s.found).toMatchObject({ cell: target, headerRow: 4, gaps: KOMMUN_ROWS.sums.length, stop: { kind: "newTable" } });
    // Only the area around the region was read, not the sheet.
    const valueReads = excel.reads.filter((r) => r.props.includes("values"));
    expect(valueReads).toHaveLength(1);
    expect(valueReads[0].box.rows * valueReads[0].box.cols).toBeLessThanOrEqual(SEARCH_AREA.maxCells);
  });
});
