import fc from "fast-check";
import {
  EXCEL_COLS,
  EXCEL_ROWS,
  cellAddress,
  cleanSheetName,
  colIndex,
  colLetter,
  isValidSheetName,
  parseCell,
  parseRange,
  quoteSheet,
  quoteSheetIfNeeded,
  rangeAddress,
  sheetNeedsQuotes,
  sheetRef,
  splitSheetRef,
  stripSheet,
  text,
  tryParseCell,
  tryParseRange,
  uniqueSheetName,
} from "../../src/planner/a1";
import { createEngine } from "../../src/engine/formula-engine";
import { parseAddress } from "../../src/host/office-a1";
import { areaName, parseArea } from "../../playground/a1";

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

describe("Excel's grid bounds every parser", () => {
  // The planner and the host used to accept row 0 (A0 → row -1) and columns past XFD; the playground accepted
  // columns past XFD. All three now read only cells of Excel's grid: rows 1 … 1 048 576, columns A … XFD.
  test.each(["A0", "XFE1", "ZZZ1", "A1048577", "AAAA1", "B", "3", "", "B3:C4:D5", "5C"])("%j is not a range", (a) => {
    expect(tryParseRange(a)).toBeNull();
    expect(() => parseRange(a)).toThrow(/Ogiltig celladress.*Invalid cell address/);
    expect(parseArea(a)).toBeNull();
  });

  test("the corners of the grid, lower case, $ and leading zeros", () => {
    expect(parseCell("XFD1048576")).toEqual({ row: EXCEL_ROWS - 1, col: EXCEL_COLS - 1 });
    expect(parseCell("$xfd$1")).toEqual({ row: 0, col: 16383 });
    expect(parseCell(" A01 ")).toEqual({ row: 0, col: 0 }); // Excel reads A01 as A1
    expect(colIndex("XFD")).toBe(16383);
    expect(colIndex("XFE")).toBeNull();
    expect(tryParseCell("A1048576")).toEqual({ row: 1048575, col: 0 });
    expect(parseRange("G24:B3")).toEqual({ row: 2, col: 1, rows: 22, cols: 6 });
  });

  test("whole rows and columns are the host's, on the same bounds", () => {
    expect(parseAddress("'Budget 2025'!C:H")).toEqual({ row: 0, col: 2, rows: EXCEL_ROWS, cols: 6 });
    expect(parseAddress("3:40")).toEqual({ row: 2, col: 0, rows: 38, cols: EXCEL_COLS });
    expect(parseAddress("XFD:XFE")).toBeNull();
    expect(parseAddress("0:3")).toBeNull();
    expect(parseAddress("1:1048577")).toBeNull();
    expect(parseAddress("B3:H")).toBeNull(); // a cell and a column do not make a range
    expect(parseAddress("A0")).toBeNull();
  });

  test("the playground keeps its area shape and refuses a sheet name it would ignore", () => {
    expect(parseArea("B3:G24")).toEqual({ r0: 2, c0: 1, r1: 23, c1: 6 });
    expect(areaName({ r0: 2, c0: 1, r1: 2, c1: 1 })).toBe("B3");
    expect(parseArea("Budget!B3")).toBeNull();
  });

  test("property: the planner, the host and the playground read every address of the grid alike", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: EXCEL_ROWS - 1 }),
        fc.integer({ min: 0, max: EXCEL_COLS - 1 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        fc.boolean(),
        (row, col, h, w, abs) => {
          const rows = Math.min(h, EXCEL_ROWS - row);
          const cols = Math.min(w, EXCEL_COLS - col);
          const a = rangeAddress(row, col, rows, cols, abs);
          expect(tryParseRange(a)).toEqual({ row, col, rows, cols });
          expect(parseAddress(`'Budget 2025'!${a}`)).toEqual({ row, col, rows, cols });
          const area = { r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 };
          expect(parseArea(a)).toEqual(area);
          expect(areaName(area)).toBe(rangeAddress(row, col, rows, cols));
        },
      ),
    );
  });
});

describe("when a sheet name needs quotes (one rule for every layer)", () => {
  // What Excel writes, as observed in files Excel saved (XlsxWriter issue #1078, "Some notes on worksheet name
  // quoting"): names that are not plain identifiers, A1 cells, and names that are or start with an R1C1
  // reference are quoted. The host's old rule left RC, R1C1 and R4C bare; the playground's also R and C.
  test.each([
    "Sheet 1",
    "Sheet-1",
    "Sheet#1",
    "1Sheet1",
    ".Sheet1",
    "2025",
    "A1",
    "a1",
    "XFD1",
    "XFD1048576",
    "AB12",
    "R",
    "c",
    "RC",
    "rc",
    "R1C1",
    "r1c2",
    "R4C",
    "C8",
    "RC2",
    "rc2z",
    "R1C1b",
    "C16384Z",
    "R1048576C",
  ])("Excel quotes %j, and so do we", (name) => {
    expect(sheetNeedsQuotes(name)).toBe(true);
    expect(quoteSheetIfNeeded(name)).toBe(`'${name}'`);
  });

  test.each(["Sheet1", "Sheet_1", "_Sheet1", "Budget", "Driftbudget", "A", "B", "XFD", "CR", "CZ", "RCZ", "RRC", "bR1C1", "PC16384Z", "ABCD1"])(
    "Excel leaves %j bare, and so do we",
    (name) => {
      expect(sheetNeedsQuotes(name)).toBe(false);
      expect(quoteSheetIfNeeded(name)).toBe(name);
    },
  );

  // Excel leaves these bare; a quote is always accepted, and the formula engine needs it for the dot.
  test.each(["Sheet.1", "été", "Förskola", "A0", "XFE1", "R0C0", "C16385Z", "TRUE", "false"])("%j is quoted although Excel would not", (name) => {
    expect(quoteSheetIfNeeded(name)).toBe(`'${name}'`);
  });

  test("a quote inside is doubled, whichever form is written", () => {
    expect(quoteSheetIfNeeded("Kim's")).toBe("'Kim''s'");
    expect(quoteSheetIfNeeded("Sheet''1")).toBe("'Sheet''''1'");
    expect(quoteSheet("Kim's")).toBe("'Kim''s'");
    expect(quoteSheetIfNeeded("")).toBe("''");
  });

  test("the plan always quotes: one form for every formula it writes", () => {
    expect(quoteSheet("Budget")).toBe("'Budget'");
    expect(sheetRef("Budget", "B3")).toBe("'Budget'!B3");
  });

  test("splitSheetRef undoes both forms; stripSheet keeps the address", () => {
    expect(splitSheetRef("='Kim''s'!B3:C4")).toEqual({ sheet: "Kim's", address: "B3:C4" });
    expect(splitSheetRef("'A!B'!C3")).toEqual({ sheet: "A!B", address: "C3" });
    expect(splitSheetRef("Budget!B3")).toEqual({ sheet: "Budget", address: "B3" });
    expect(splitSheetRef("B3")).toEqual({ address: "B3" });
    expect(stripSheet("'My, sheet'!A1:B2")).toBe("A1:B2");
  });

  const sheetNames = fc
    .string({ unit: fc.constantFrom("a", "B", "r", "C", "1", "0", "_", ".", " ", "'", "å", "!", ",", "-"), minLength: 1, maxLength: 8 })
    .filter(isValidSheetName);

  test("property: splitSheetRef reads back every name however it is quoted", () => {
    fc.assert(
      fc.property(sheetNames, (name) => {
        expect(splitSheetRef(`${quoteSheetIfNeeded(name)}!B3`)).toEqual({ sheet: name, address: "B3" });
        expect(splitSheetRef(`=${sheetRef(name, "B3:C4")}`)).toEqual({ sheet: name, address: "B3:C4" });
      }),
    );
  });

  test("property: the formula engine reads both forms to the named sheet's cell", () => {
    fc.assert(
      fc.property(sheetNames, (name) => {
        const hf = createEngine({
          [name]: [[7]],
          Other: [[1]],
          Calc: [[`=${quoteSheetIfNeeded(name)}!A1`, `=${sheetRef(name, "A1")}`]],
        });
        expect(hf.getSheetValues(hf.getSheetId("Calc")!)).toEqual([[7, 7]]);
        hf.destroy();
      }),
      { numRuns: 60 },
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

  test("a cut never leaves an apostrophe at the end (the old rule could)", () => {
    const name = "x".repeat(20) + "' " + "y".repeat(20);
    expect(cleanSheetName(name)).toBe("x".repeat(20));
    expect(cleanSheetName("' 'Citat' '")).toBe("Citat");
  });

  test("property: cleanSheetName always gives a name Excel accepts", () => {
    const unit = fc.constantFrom("a", "Å", " ", "'", ":", "/", "[", "]", "*", "?", "\\", "\t", "H", "istory", "x".repeat(12));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 12 }), (base) => {
        expect(isValidSheetName(cleanSheetName(base))).toBe(true);
      }),
    );
  });

  test("Excel's rule for a sheet name", () => {
    expect(isValidSheetName("Modell SI1")).toBe(true);
    expect(isValidSheetName("Kim's")).toBe(true);
    expect(isValidSheetName("x".repeat(31))).toBe(true);
    expect(isValidSheetName("x".repeat(32))).toBe(false);
    for (const bad of ["", "a/b", "a:b", "a\\b", "a?b", "a*b", "a[b", "a]b", "'a", "a'", "History", "history"]) expect(isValidSheetName(bad)).toBe(false);
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
