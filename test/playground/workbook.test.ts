import fc from "fast-check";
import { niceTicks } from "../../playground/Charts";
import { parseArea } from "../../playground/a1";
import { chartSeries } from "../../playground/chart-data";
import { PlaygroundWorkbook, parseTyped, sheetNameProblem } from "../../playground/workbook";

describe("the playground workbook", () => {
  test("values come from the formula engine; SOCINV functions work; edits recalculate", () => {
    const book = new PlaygroundWorkbook([
      {
        name: "Flöden",
        rows: [
          ["År", 1, 2, 3],
          ["Netto", -100, 60, 60],
          ["NPV", "=SOCINV.NPV(0.035,B2:D2)", "=NPV(0.035,B2:D2)"],
        ],
      },
    ]);
    // By hand: −100/1.035 + 60/1.035² + 60/1.035³.
    const npv = -100 / 1.035 + 60 / 1.035 ** 2 + 60 / 1.035 ** 3;
    expect(book.value("Flöden", 2, 1)).toBeCloseTo(npv, 12);
    expect(book.value("Flöden", 2, 2)).toBeCloseTo(npv, 12);
    let heard = 0;
    book.subscribe(() => heard++);
    book.setInput("Flöden", 1, 1, -120);
    expect(heard).toBe(1);
    expect(book.value("Flöden", 2, 1)).toBeCloseTo(npv - 20 / 1.035, 12);
    expect(book.input("Flöden", 2, 1)).toBe("=SOCINV.NPV(0.035,B2:D2)");
  });

  test("errors keep the SOCINV message; text with an apostrophe stays text; 1E-3 is read", () => {
    const book = new PlaygroundWorkbook([{ name: "A", rows: [["=SOCINV.NPV(-2,{1,2})", "'=not a formula", "=1E-3*2", "'2025"]] }]);
    expect(book.value("A", 0, 0)).toBe("#NUM!");
    expect(book.errorMessage("A", 0, 0)).toMatch(/−100 %/);
    expect(book.value("A", 0, 1)).toBe("=not a formula");
    expect(book.value("A", 0, 2)).toBeCloseTo(0.002, 15);
    expect(book.value("A", 0, 3)).toBe("2025");
  });

  test("a batch is heard once; sheets are found case-insensitively; names are workbook-wide", () => {
    const book = new PlaygroundWorkbook([{ name: "Budget", rows: [[1]] }]);
    let heard = 0;
    book.subscribe(() => heard++);
    book.batch(() => {
      book.addSheet("Modell SI1");
      book.writeBlock("Modell SI1", 0, 0, [["=SI1_X*2"]]);
      book.addName("SI1_X", "=Budget!$A$1");
    });
    expect(heard).toBe(1);
    expect(book.value("modell si1", 0, 0)).toBe(2);
    expect(book.sheet("BUDGET")?.name).toBe("Budget");
    expect(() => book.addSheet("budget")).toThrow(/already exists/);
    expect(book.hasName("si1_x")).toBe(true);
    expect(book.usedArea("Modell SI1")).toEqual({ r0: 0, c0: 0, r1: 0, c1: 0 });
  });

  test("a removed and restored sheet is identical", () => {
    const book = new PlaygroundWorkbook([
      {
        name: "Budget",
        rows: [
          ["a", 1.5, "=B1*2"],
          [null, null, "x"],
        ],
        formats: [[null, "0.0", "#,##0"]],
        merges: ["A2:B2"],
        columnWidths: [120],
      },
      { name: "Other", rows: [["=Budget!C1"]] },
    ]);
    const snap = book.snapshotSheet("Budget");
    book.removeSheet("Budget");
    expect(book.value("Other", 0, 0)).toBe("#REF!");
    book.restoreSheet(snap, 0);
    expect(book.snapshotSheet("Budget")).toEqual(snap);
    expect(book.sheetNames()).toEqual(["Budget", "Other"]);
  });

  test.each([
    ["1 234,5", "sv", 1234.5],
    ["1\u00a0234,5", "sv", 1234.5],
    ["–2,4", "sv", -2.4],
    ["3,5%", "sv", 0.035],
    ["1.5", "sv", 1.5],
    ["1,234.5", "en", 1234.5],
    ["-7", "en", -7],
    ["SANT", "sv", true],
    ["false", "en", false],
    ["=A1+1", "sv", "=A1+1"],
    ["'007", "sv", "'007"],
    ["Förskola", "sv", "Förskola"],
    ["", "sv", null],
  ] as const)("typed %p (%s) is %p", (text, lang, want) => {
    expect(parseTyped(text, lang)).toEqual(want);
  });

  test("sheet names follow Excel's rules", () => {
    expect(sheetNameProblem("Modell SI1 (Ålö)")).toBeNull();
    expect(sheetNameProblem("a".repeat(32))?.en).toMatch(/31/);
    expect(sheetNameProblem("Budget/2025")?.en).toMatch(/contains/);
    expect(sheetNameProblem("'x")?.en).toMatch(/apostrophe/);
  });
});

describe("charts read the computed cells", () => {
  test("series by rows and by columns, with text and errors as gaps", () => {
    const book = new PlaygroundWorkbook([
      {
        name: "M",
        rows: [
          ["Aktör", 2025, 2026, 2027],
          ["Socialnämnden", -1, "=B2+2", 3],
          ["Regionen", "x", "=1/0", 5],
        ],
      },
    ]);
    const rows = chartSeries(book, "M", parseArea("A1:D3")!, "rows");
    expect(rows).toEqual({
      categories: ["2025", "2026", "2027"],
      series: [
        { name: "Socialnämnden", values: [-1, 1, 3] },
        { name: "Regionen", values: [null, null, 5] },
      ],
    });
    const cols = chartSeries(book, "M", parseArea("A1:D3")!, "columns");
    expect(cols.categories).toEqual(["Socialnämnden", "Regionen"]);
    expect(cols.series.map((s) => s.name)).toEqual(["2025", "2026", "2027"]);
    expect(cols.series[2].values).toEqual([3, 5]);
  });

  test("property: axis ticks are evenly spaced round numbers covering the data and zero", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.double({ min: -1e9, max: 1e9, noNaN: true }), (a, b) => {
        const lo = Math.min(0, a, b);
        const hi = Math.max(0, a, b);
        const t = niceTicks(lo, hi);
        // Within a billionth of the range: less is invisible on an axis (and below floating-point resolution for denormals).
        const tol = 1e-9 * Math.max(hi - lo, 1e-300);
        expect(t[0]).toBeLessThanOrEqual(lo + tol);
        expect(t[t.length - 1]).toBeGreaterThanOrEqual(hi - tol);
        expect(t.length).toBeLessThanOrEqual(13);
        const step = t[1] - t[0];
        const mantissa = step / 10 ** Math.floor(Math.log10(step));
        expect([1, 2, 2.5, 5, 10].some((m) => Math.abs(m - mantissa) < 1e-6)).toBe(true);
      }),
    );
  });
});

describe("the playground workbook when the engine fails or a formula asks too much", () => {
  test("an edit the engine throws on: the cell keeps its input and value, the error reaches the caller", () => {
    const book = new PlaygroundWorkbook([{ name: "A", rows: [[10, "=A1*2"]] }]);
    const engine = book.engine;
    const original = engine.setCellContents.bind(engine);
    let calls = 0;
    engine.setCellContents = (...args: Parameters<typeof original>) => {
      if (calls++ === 0) throw new RangeError("Invalid array length");
      return original(...args);
    };
    expect(() => book.setInput("A", 0, 0, "=SEQUENCE(1,5)")).toThrow("Invalid array length");
    expect(book.input("A", 0, 0)).toBe(10);
    expect(book.value("A", 0, 1)).toBe(20);
    book.setInput("A", 0, 0, 7); // and the next edit goes through
    expect(book.value("A", 0, 1)).toBe(14);
  });

  test("=SOCINV.DISCOUNTFACTORS(0.1,1E6): an error in its cell, the used area stays within the sheet", () => {
    const book = new PlaygroundWorkbook([{ name: "A", rows: [["Faktorer"]] }]);
    book.setInput("A", 1, 0, "=SOCINV.DISCOUNTFACTORS(0.1,1E6)");
    expect(book.value("A", 1, 0)).toMatch(/^#/);
    const used = book.usedArea("A")!;
    expect(used.c1).toBeLessThanOrEqual(16383);
    expect(used.r1).toBeLessThanOrEqual(1048575);
    // An engine that reports an array past the sheet's edge (as HyperFormula did for 1 × 1,000,000) is bounded by it.
    book.engine.getSheetDimensions = () => ({ width: 1_000_000, height: 2_000_000 });
    expect(book.usedArea("A")).toEqual({ r0: 0, c0: 0, r1: 1048575, c1: 16383 });
  });

  test("=SEQUENCE(1000000,1000) (a billion cells, which ran the engine out of memory) is a #VALUE! with a message; SEQUENCE still works", () => {
    const book = new PlaygroundWorkbook([{ name: "A", rows: [[1000000, 1000]] }]);
    book.setInput("A", 1, 0, "=SEQUENCE(1000000,1000)");
    expect(book.value("A", 1, 0)).toBe("#VALUE!");
    expect(book.errorMessage("A", 1, 0)).toMatch(/1,000,000 cells/);
    book.setInput("A", 2, 0, "=SEQUENCE(A1,B1)"); // counts from cells: checked before the array is built
    expect(book.value("A", 2, 0)).toBe("#VALUE!");
    book.setInput("A", 3, 0, "=SEQUENCE(2,3,10,5)");
    expect([0, 1, 2].map((c) => book.value("A", 3, c))).toEqual([10, 15, 20]);
    expect([0, 1, 2].map((c) => book.value("A", 4, c))).toEqual([25, 30, 35]);
  });
});
