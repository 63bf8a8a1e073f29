import fc from "fast-check";
import { cellAddress, cleanSheetName, colLetter, parseCell, parseRange, quoteSheet, sheetRef, text, uniqueSheetName } from "../../src/planner/a1";
import { createEngine } from "../../src/engine/formula-engine";

describe("A1 addresses", () => {
  test.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"], // Excel's last column
  ])("column %i is %s", (col, letters) => {
    expect(colLetter(col)).toBe(letters);
    expect(parseCell(`${letters}1`)).toEqual({ row: 0, col });
  });

  test("cell and range addresses, absolute and relative", () => {
    expect(cellAddress(6, 3)).toBe("D7");
    expect(cellAddress(6, 3, true)).toBe("$D$7");
    expect(parseRange("B3:G24")).toEqual({ row: 2, col: 1, rows: 22, cols: 6 });
    expect(parseRange("'Budget 2025'!$C$5")).toEqual({ row: 4, col: 2, rows: 1, cols: 1 });
    expect(() => parseCell("5C")).toThrow(/Ogiltig celladress.*Invalid cell address/);
  });

  test("property: parseCell inverts cellAddress", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1048575 }), fc.integer({ min: 0, max: 16383 }), (row, col) => {
        expect(parseCell(cellAddress(row, col, row % 2 === 0))).toEqual({ row, col });
      }),
    );
  });
});

describe("sheet names in formulas", () => {
  test.each([
    ["Driftbudget", "'Driftbudget'"],
    ["Budget 2025", "'Budget 2025'"],
    ["O'Brien", "'O''Brien'"],
    ["Nämnder å ä ö", "'Nämnder å ä ö'"],
    ["A1", "'A1'"],
  ])("%s is written %s", (name, quoted) => {
    expect(quoteSheet(name)).toBe(quoted);
  });

  test("the formula engine reads the quoted references to the same cells", () => {
    const hf = createEngine({
      "Budget 2025": [[1.5]],
      "O'Brien": [[2]],
      "Nämnder å ä ö": [[4]],
      Calc: [[`=${sheetRef("Budget 2025", "A1")}+${sheetRef("O'Brien", "A1")}+${sheetRef("Nämnder å ä ö", "A1")}`]],
    });
    expect(hf.getCellValue({ sheet: hf.getSheetId("Calc")!, row: 0, col: 0 })).toBe(7.5);
  });
});

describe("text cells are never read as formulas or numbers", () => {
  test.each([
    ["=SUM(A1)", "'=SUM(A1)"],
    ["+46 11 15 00 00", "'+46 11 15 00 00"],
    ["-Region", "'-Region"],
    ["@home", "'@home"],
    ["'quoted", "''quoted"],
    ["2025", "'2025"],
    ["10%", "'10%"],
    ["1 234,5", "'1 234,5"],
    ["TRUE", "'TRUE"],
    ["Falskt", "'Falskt"],
    ["2025-01-31", "'2025-01-31"],
    ["1/2", "'1/2"],
    ["#N/A", "'#N/A"],
    ["Socialnämnden", "Socialnämnden"],
    ["Plan 2026", "Plan 2026"],
    ["", ""],
  ])("%j → %j", (input, written) => {
    expect(text(input)).toBe(written);
  });

  test("the engine shows the escaped text as typed", () => {
    const hf = createEngine({ S: [[text("=1+1"), text("-Region"), text("2025")]] });
    expect(hf.getSheetValues(0)).toEqual([["=1+1", "-Region", "2025"]]);
  });
});

describe("unique sheet names", () => {
  test("a free name is kept, a taken one gets a number (case-insensitive, as Excel compares)", () => {
    expect(uniqueSheetName("SI1 Modell", ["Driftbudget"])).toBe("SI1 Modell");
    expect(uniqueSheetName("SI1 Modell", ["si1 modell"])).toBe("SI1 Modell (2)");
    expect(uniqueSheetName("SI1 Modell", ["SI1 Modell", "SI1 Modell (2)"])).toBe("SI1 Modell (3)");
  });

  test("names are cleaned of characters Excel forbids and kept within 31 characters", () => {
    expect(cleanSheetName("Plan: 2025/2026 [utkast]?")).toBe("Plan 2025 2026 utkast");
    expect(cleanSheetName("'Citat'")).toBe("Citat");
    expect(cleanSheetName("   ")).toBe("Model");
    expect(cleanSheetName("SI1 Unga utanför arbete och studier i kommunen")).toBe("SI1 Unga utanför arbete och");
    const long = "SI1 " + "x".repeat(40);
    const taken = [cleanSheetName(long)];
    const next = uniqueSheetName(long, taken);
    expect(next.length).toBeLessThanOrEqual(31);
    expect(next.endsWith(" (2)")).toBe(true);
  });

  test("property: the result is never taken and always a valid Excel sheet name", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(fc.string({ maxLength: 35 }), { maxLength: 8 }), (base, taken) => {
        const name = uniqueSheetName(base, taken);
        expect(name.length).toBeGreaterThan(0);
        expect(name.length).toBeLessThanOrEqual(31);
        expect(name).not.toMatch(/[[\]:*?/\\]/);
        expect(name.startsWith("'") || name.endsWith("'")).toBe(false);
        expect(taken.map((t) => t.toLocaleLowerCase("sv"))).not.toContain(name.toLocaleLowerCase("sv"));
      }),
    );
  });
});
