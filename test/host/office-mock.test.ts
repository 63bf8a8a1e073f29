/**
 * OfficeHost's reads against Microsoft's office-addin-mock, which enforces Office.js's load-then-sync rule:
 * a property read without load() and sync() returns an error instead of the value, so a host that forgot a
 * load (or read before syncing) fails these tests.
 */
// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose full import pulls in
// ESM-only packages (strip-bom via @microsoft/app-manifest) that jest's CommonJS runtime cannot load.
// The enum's values as office-addin-manifest defines them:
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));
import { OfficeMockObject } from "office-addin-mock";
import { OfficeHost, ExcelRun } from "../../src/host/office";

function rangeData(address: string, row: number, col: number, values: unknown[][], extra: Record<string, unknown> = {}) {
  return {
    address,
    rowIndex: row,
    columnIndex: col,
    rowCount: values.length,
    columnCount: values[0].length,
    cellCount: values.length * values[0].length,
    values,
    formulas: values,
    numberFormat: values.map((r) => r.map(() => "General")),
    text: values.map((r) => r.map((v) => String(v))),
    ...extra,
  };
}

const budget = [
  ["Verksamhet", "Budget 2025", "Plan 2026"],
  ["Placeringar", 43.5, 44.1],
  ["Försörjningsstöd", 90.1, -1.5],
];

/** A range of the mock as this file changes it after building. */
interface MockRange {
  isNullObject: boolean;
  merged: MockRange;
  getMergedAreasOrNullObject: () => unknown;
}

/** The mock, which office-addin-mock builds at run time from plain data: the parts used here, and run as Excel.run. */
interface ExcelMock {
  context: {
    workbook: {
      selection: { used: MockRange; region: MockRange; getMergedAreasOrNullObject: () => unknown };
      worksheets: { budget: { block: MockRange; window: MockRange; getRange: () => MockRange } };
    };
  };
  run: ExcelRun;
}

function mockExcel(selection: ReturnType<typeof rangeData>, region: ReturnType<typeof rangeData>): ExcelMock {
  const data = {
    context: {
      workbook: {
        selection: {
          ...selection,
          worksheet: { name: "Budget 2025" },
          region: { ...region, merged: { address: "'Budget 2025'!A1:C1", isNullObject: false } },
          used: { ...region },
          getSurroundingRegion: function () {
            return this.region;
          },
          getUsedRangeOrNullObject: function () {
            return this.used;
          },
          getMergedAreasOrNullObject: function () {
            return this.region.merged;
          },
        },
        getSelectedRange: function () {
          return this.selection;
        },
        worksheets: {
          budget: {
            block: { ...rangeData("'Budget 2025'!A2:C3", 1, 0, budget.slice(1)), merged: { address: "" } },
            // The area read around one selected cell's region (here: just the region).
            window: { ...region, merged: { address: "'Budget 2025'!A1:C1" } },
            getRangeByIndexes: function () {
              return this.window;
            },
          },
          getItem: function () {
            return this.budget;
          },
        },
      },
    },
    run: async function <T>(batch: (ctx: unknown) => Promise<T>): Promise<T> {
      return batch(this.context);
    },
  };
  const mock = new OfficeMockObject(data) as unknown as ExcelMock;
  // isNullObject is readable after any sync in Office.js; the mock only knows loaded properties.
  mock.context.workbook.selection.used.isNullObject = false;
  mock.context.workbook.selection.region.merged.isNullObject = false;
  const sheet = mock.context.workbook.worksheets.budget;
  sheet.getRange = () => sheet.block;
  sheet.block.getMergedAreasOrNullObject = () => sheet.block.merged;
  sheet.window.getMergedAreasOrNullObject = () => sheet.window.merged;
  sheet.window.merged.isNullObject = false;
  sheet.block.merged.isNullObject = true;
  // The region's own merged-areas call: the mock binds methods to the object they were declared on.
  mock.context.workbook.selection.region.getMergedAreasOrNullObject = function () {
    return mock.context.workbook.selection.region.merged;
  };
  return mock;
}

describe("OfficeHost with office-addin-mock", () => {
  test("one selected cell: the area around its region is loaded and the block in it returned in full", async () => {
    const mock = mockExcel(rangeData("'Budget 2025'!B2", 1, 1, [[43.5]]), rangeData("'Budget 2025'!A1:C3", 0, 0, budget));
    const run: ExcelRun = (batch) => mock.run(batch);
    const snap = await new OfficeHost(run).readSelection();
    // The block reaches the edge of what was read, so it may go on: the snapshot says so.
    expect(snap.found).toEqual({ cell: "B2", window: "A1:C3", headerRow: 1, gaps: 0, stop: { kind: "window", row: 3 } });
    expect({ ...snap, found: undefined }).toEqual({
      found: undefined,
      sheet: "Budget 2025",
      address: "A1:C3",
      row: 0,
      col: 0,
      values: budget,
      formulas: budget,
      numberFormats: budget.map((r) => r.map(() => "General")),
      text: budget.map((r) => r.map((v) => String(v))),
      mergedAreas: ["A1:C1"],
    });
  });

  test("a block selection is read as it is (not widened)", async () => {
    const sel = rangeData("'Budget 2025'!A2:C3", 1, 0, budget.slice(1));
    const mock = mockExcel(sel, rangeData("'Budget 2025'!A1:C3", 0, 0, budget));
    mock.context.workbook.selection.getMergedAreasOrNullObject = () => ({
      load: () => undefined,
      isNullObject: true,
      address: null,
    });
    const snap = await new OfficeHost((b) => mock.run(b)).readSelection();
    expect(snap.address).toBe("A2:C3");
    expect(snap.values).toEqual(budget.slice(1));
    expect(snap.mergedAreas).toEqual([]);
  });

  test("readRange loads the stored block of a named sheet", async () => {
    const mock = mockExcel(rangeData("A1", 0, 0, [[1]]), rangeData("A1", 0, 0, [[1]]));
    const snap = await new OfficeHost((b) => mock.run(b)).readRange("Budget 2025", "A2:C3");
    expect(snap).toMatchObject({ sheet: "Budget 2025", address: "A2:C3", row: 1, col: 0, values: budget.slice(1), mergedAreas: [] });
  });

  test("the mock does catch a read without load (so the tests above mean something)", async () => {
    const mock = mockExcel(rangeData("A1", 0, 0, [[1]]), rangeData("A1", 0, 0, [[1]]));
    await mock.run(async (ctx) => {
      const r = ctx.workbook.getSelectedRange();
      await ctx.sync();
      expect(r.values).not.toEqual([[1]]);
    });
  });
});
