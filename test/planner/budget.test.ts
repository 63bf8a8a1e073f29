import fc from "fast-check";
import { MAX_BLOCK_ROWS, parseAmountText, parseYearHeader, readBudget, readBudgetOrThrow, unitInText } from "../../src/planner/budget";
import { cellRanges } from "../../src/planner/budget-rows";
import { nonAmountKind } from "../../src/planner/budget-text";
import { snap } from "./fixtures";
import {
  BUDGET_SELECTION,
  BUDGET_SHEET,
  SAMPLE_DRIFTBUDGET,
  SAMPLE_INDIVIDUAL,
  INDIVIDUAL_SELECTION,
  INDIVIDUAL_SHEET,
  sampleSnapshot,
} from "../../src/planner/samples";

describe("amounts typed as text", () => {
  test.each([
    ["1 234,5", 1234.5],
    ["1\u00a0234,5", 1234.5],
    ["12,3", 12.3],
    ["–1,5", -1.5], // en dash
    ["-1,5", -1.5],
    ["−1,5", -1.5], // minus sign
    ["(1,5)", -1.5],
    ["1,5-", -1.5],
    ["12,3 mnkr", 12.3],
    ["450 tkr", 450],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    ["1,234,567", 1234567],
    ["2.5", 2.5],
    ["+7", 7],
  ])("%j reads as %d", (s, v) => {
    const p = parseAmountText(s);
    expect(p.source).toBe("text");
    expect(p.value).toBeCloseTo(v, 12);
  });

  test.each(["–", "-", "—", "", "   "])("a lone dash or nothing (%j) means 0", (s) => {
    expect(parseAmountText(s)).toEqual({ value: 0, source: "dash" });
  });

  test.each(["x", "n/a", "12 %", "1,2,3,4a", "..", "ca 5"])("%j is not an amount", (s) => {
    expect(parseAmountText(s).source).toBe("unreadable");
  });

  test("a point with three digits after it is read as a decimal point and flagged", () => {
    expect(parseAmountText("1.234")).toEqual({ value: 1.234, source: "text", ambiguous: true });
  });

  test("property: Swedish formatting of a number reads back as the number", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 2 }), fc.constantFrom("–", "-", "−"), (n, decimals, dash) => {
        const x = n / Math.pow(10, decimals);
        const [int, dec] = Math.abs(x).toFixed(decimals).split(".");
        const body = int.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0") + (dec ? "," + dec : "");
        const shown = (x < 0 ? dash : "") + body;
        expect(parseAmountText(shown).value).toBeCloseTo(x, 9);
      }),
    );
  });
});

describe("year headers", () => {
  test.each([
    [2027, 2027, "year"],
    ["2027", 2027, "year"],
    ["Bokslut 2024", 2024, "bokslut"],
    ["Utfall 2024", 2024, "bokslut"],
    ["Budget 2025", 2025, "budget"],
    ["B2025", 2025, "budget"],
    ["Plan 2026", 2026, "plan"],
    ["P 2026", 2026, "plan"],
    ["Prognos 2025", 2025, "prognos"],
    ["2024 bokslut", 2024, "bokslut"],
    ["Budget 2025 (mnkr)", 2025, "budget"],
    ["Plan 2027 tkr", 2027, "plan"],
    ["År 2030", 2030, "year"],
  ])("%j is the year %i (%s)", (h, year, kind) => {
    expect(parseYearHeader(h)).toEqual({ year, kind });
  });

  test.each([[12.5], [1850], ["Nämnd"], ["Budget"], ["Kommentar 2025 xyz"], ["Konto 4010"], [true], [""]])("%j is not a year header", (h) => {
    expect(parseYearHeader(h)).toBeNull();
  });
});

describe("units", () => {
  test.each([
    ["Belopp i mnkr", "mnkr"],
    ["Nettokostnad (tkr)", "tkr"],
    ["Mkr", "mnkr"],
    ["miljoner kronor", "mnkr"],
    ["Tkr", "tkr"],
    ["tusen kronor", "tkr"],
    ["Belopp i kr", "kr"],
    ["kronor per person", "kr"],
    ["Verksamhet", null],
    ["Kristianstad", null],
  ])("%j names %s", (s, unit) => {
    expect(unitInText(s)).toBe(unit);
  });
});

describe("the sample driftbudget", () => {
  const s = sampleSnapshot(SAMPLE_DRIFTBUDGET, BUDGET_SHEET, BUDGET_SELECTION);
  const block = readBudgetOrThrow(s, { contextText: ["Exempelkommun – driftbudget 2025", "Belopp i mnkr"] });

  test("year header: Bokslut, Budget and two Plan years, with their columns", () => {
    expect(block.headerRow).toBe(3);
    expect(block.years.map((y) => [y.year, y.kind, y.letter])).toEqual([
      [2024, "bokslut", "C"],
      [2025, "budget", "D"],
      [2026, "plan", "E"],
      [2027, "plan", "F"],
    ]);
    expect(block.labelCols).toEqual([0, 1]);
  });

  test("the unit comes from the title above the block", () => {
    expect(block.unit).toBe("mnkr");
    expect(block.unitSource).toMatch(/Belopp i mnkr/);
  });

  test("a selection including the title finds the unit itself", () => {
    const whole = readBudgetOrThrow(sampleSnapshot(SAMPLE_DRIFTBUDGET, BUDGET_SHEET, "A1:G29"));
    expect(whole.unit).toBe("mnkr");
    expect(whole.unitSource).toMatch(/^A2:/);
    expect(whole.rows.map((r) => r.sheetRow)).toEqual(block.rows.map((r) => r.sheetRow));
  });

  test("without the title the unit is unknown and the user is asked", () => {
    const b = readBudgetOrThrow(s);
    expect(b.unit).toBeNull();
    expect(b.notes.map((n) => n.id)).toContain("unitUnknown");
  });

  test("rows: verksamhet labels, nämnd groups (merged cells carried down), sum rows by label, formula-free numbers", () => {
    const byRow = new Map(block.rows.map((r) => [r.sheetRow + 1, r]));
    expect(byRow.get(7)).toMatchObject({ kind: "data", label: "Gymnasieskola", group: "Barn- och utbildningsnämnden" });
    expect(byRow.get(12)).toMatchObject({ kind: "data", label: "Institutionsplaceringar barn och unga", group: "Socialnämnden" });
    expect(byRow.get(9)).toMatchObject({ kind: "sum", sumReason: "label", group: "Barn- och utbildningsnämnden" });
    expect(byRow.get(22)).toMatchObject({ kind: "sum", sumReason: "label", label: "S:a Kultur- och fritidsnämnden" });
    expect(byRow.get(27)).toMatchObject({ kind: "sum", sumReason: "arithmetic", label: "AMN", group: "Arbetsmarknadsnämnden" });
    expect(byRow.get(29)).toMatchObject({ kind: "sum", sumReason: "label", label: "Totalt", group: null });
    expect(block.rows.filter((r) => r.kind === "data")).toHaveLength(16);
    expect(block.rows.filter((r) => r.kind === "sum")).toHaveLength(5);
    // blank rows are skipped and counted
    expect(byRow.get(10)).toBeUndefined();
    expect(block.notes.find((n) => n.id === "blankRows")?.sv).toMatch(/^4 tomma rader/);
  });

  test("cells keep their addresses; blank year = 0; dash = 0; text with a dash negative is read", () => {
    const row = (r: number) => block.rows.find((x) => x.sheetRow === r - 1)!;
    expect(row(8).cells.map((c) => [c.address, c.value, c.source])).toEqual([
      ["C8", 31.4, "number"],
      ["D8", 33, "number"],
      ["E8", 34.1, "number"],
      ["F8", 0, "blank"],
    ]);
    expect(row(16).cells[0]).toEqual({ address: "C16", value: 0, source: "dash" });
    expect(row(17).cells.map((c) => [c.value, c.source])).toEqual([
      [-2.4, "number"],
      [-2.6, "number"],
      [-1.5, "text"],
      [-1.5, "number"],
    ]);
    const textNote = block.notes.find((n) => n.id === "textNumbers")!;
    expect(textNote.cell).toBe("'Driftbudget 2025'!E17");
    expect(textNote.severity).toBe("warning");
    expect(textNote.sv).toMatch(/^1 belopp var text och lästes som tal: E17\./);
    expect(block.notes.find((n) => n.id === "dashNegatives")?.en).toMatch(/C17 "–2,4"/);
    expect(block.notes.find((n) => n.id === "blankYears")?.en).toMatch(/^1 blank amount counts as 0/);
  });

  test("every note is bilingual; the comment column and merged cells are explained", () => {
    for (const n of block.notes) {
      expect(n.sv.length).toBeGreaterThan(5);
      expect(n.en.length).toBeGreaterThan(5);
      expect(n.sv).not.toBe(n.en);
    }
    const ids = block.notes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(["ignoredColumns", "mergedCells", "sumRows", "unitFound", "yearKinds"]));
    expect(block.suggestedSign).toBe("costsPositive");
  });
});

describe("other budget layouts", () => {
  test("one label column with nämnd heading rows, plain-number years, tkr in a header, costs negative", () => {
    const b = readBudgetOrThrow(
      snap([
        ["Nettokostnad (tkr)", 2025, 2026, 2027],
        ["Socialnämnden", "", "", ""],
        ["Placeringar", -45200, -46100, -47000],
        ["Försörjningsstöd", -98000, "", -95000],
        ["Summa Socialnämnden", -143200, -46100, -142000],
        ["Barn- och utbildningsnämnden", "", "", ""],
        ["Grundskola", -650000, -660000, -671000],
        ["Elevhälsa", 1200, -31000, -32000],
      ]),
    );
    expect(b.unit).toBe("tkr");
    expect(b.years.map((y) => y.year)).toEqual([2025, 2026, 2027]);
    expect(b.rows.map((r) => [r.kind, r.label, r.group])).toEqual([
      ["heading", "Socialnämnden", "Socialnämnden"],
      ["data", "Placeringar", "Socialnämnden"],
      ["data", "Försörjningsstöd", "Socialnämnden"],
      ["sum", "Summa Socialnämnden", "Socialnämnden"],
      ["heading", "Barn- och utbildningsnämnden", "Barn- och utbildningsnämnden"],
      ["data", "Grundskola", "Barn- och utbildningsnämnden"],
      ["data", "Elevhälsa", "Barn- och utbildningsnämnden"],
    ]);
    expect(b.suggestedSign).toBe("costsNegative");
    expect(b.notes.map((n) => n.id)).toContain("costsNegative");
  });

  test("a sum row recognised by its numbers only (within the rounding of one decimal), offered not dropped", () => {
    const b = readBudgetOrThrow(
      snap([
        ["Verksamhet", "Budget 2025", "Plan 2026"],
        ["A", 1.3, 2.0], // 1.26, 2.04 rounded
        ["B", 3.1, 1.0], // 3.14, 1.01
        ["C", 0.6, 0.6], // 0.55, 0.55
        ["", 4.9, 3.6], // 4.95 (rounded half to even by the ledger), 3.60
      ]),
    );
    expect(b.rows[3]).toMatchObject({ kind: "sum", sumReason: "arithmetic" });
    expect(b.rows).toHaveLength(4);
  });

  test("a sum row recognised by its SUM formula", () => {
    const values = [
      ["Verksamhet", "Budget 2025", "Plan 2026"],
      ["A", 1, 2],
      ["B", 3, 4],
      ["Nämnden", 4, 7],
    ];
    const formulas = values.map((r) => r.slice());
    formulas[3] = ["Nämnden", "=SUM(B2:B3)", "=SUM(C2:C3)"];
    const b = readBudgetOrThrow(snap(values, { formulas }));
    expect(b.rows[2]).toMatchObject({ kind: "sum", sumReason: "formula" });
  });

  test("an unreadable cell and an error value are counted as 0 and named in a warning", () => {
    const b = readBudgetOrThrow(
      snap([
        ["Verksamhet", "Budget 2025", "Plan 2026"],
        ["A", "ca 5", 2],
        ["B", "#DIV/0!", 4],
      ]),
    );
    expect(b.rows[0].cells[0]).toMatchObject({ value: 0, source: "unreadable" });
    expect(b.rows[1].cells[0]).toMatchObject({ value: 0, source: "unreadable" });
    const warnings = b.notes.filter((n) => n.id === "unreadable");
    expect(warnings.map((w) => w.cell)).toEqual(["'Blad1'!B2", "'Blad1'!B3"]);
  });

  test("a year with two columns keeps both; the model reads the budget (no outturn yet), and the note says so", () => {
    const b = readBudgetOrThrow(
      snap([
        ["Verksamhet", "Budget 2025", "Prognos 2025", "Plan 2026"],
        ["A", 1, 1.1, 2],
      ]),
    );
    expect(b.years.map((y) => y.header)).toEqual(["Budget 2025", "Plan 2026"]);
    expect(b.columns?.map((y) => y.header)).toEqual(["Budget 2025", "Prognos 2025", "Plan 2026"]);
    expect(b.rows[0].cells.map((c) => c.value)).toEqual([1, 2]);
    expect(b.rows[0].columnCells?.map((c) => c.value)).toEqual([1, 1.1, 2]);
    expect(b.sameYear).toEqual([expect.objectContaining({ year: 2025, chosen: "B", byDefault: "B", reason: "budget" })]);
    expect(b.notes.find((n) => n.id === "sameYearColumns")?.sv).toMatch(
      /2025 har 2 kolumner \(B "Budget 2025", C "Prognos 2025"\)\. Modellen läser B "Budget 2025"/,
    );
  });

  test("a block that does not start at A1 keeps sheet addresses", () => {
    const b = readBudgetOrThrow(
      snap(
        [
          ["", "Budget 2025", "Plan 2026"],
          ["Förskola", 12.5, 13],
        ],
        { row: 9, col: 3, address: "D10:F11", sheet: "Budget 2025" },
      ),
    );
    expect(b.rows[0].cells.map((c) => c.address)).toEqual(["E11", "F11"]);
    expect(b.rows[0].sheetRow).toBe(10);
    expect(b.years.map((y) => y.letter)).toEqual(["E", "F"]);
  });

  test("the typical-individual sheet: plain year numbers, unit kr from the title", () => {
    const b = readBudgetOrThrow(sampleSnapshot(SAMPLE_INDIVIDUAL, INDIVIDUAL_SHEET, "A1:F9"));
    expect(b.unit).toBe("kr");
    expect(b.years.map((y) => y.year)).toEqual([2025, 2026, 2027, 2028, 2029]);
    expect(b.rows).toHaveLength(6);
    const inner = readBudgetOrThrow(sampleSnapshot(SAMPLE_INDIVIDUAL, INDIVIDUAL_SHEET, INDIVIDUAL_SELECTION));
    expect(inner.rows.map((r) => r.label)).toEqual(b.rows.map((r) => r.label));
  });
});

describe("refusals, with clear bilingual messages", () => {
  test("a single cell", () => {
    const r = readBudget(snap([[42]]));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.id).toBe("oneCell");
      expect(r.error.sv).toMatch(/en enda cell/);
      expect(r.error.en).toMatch(/single cell/);
    }
  });

  test("a selection without numbers", () => {
    const r = readBudget(
      snap([
        ["Nämnd", "Verksamhet"],
        ["Socialnämnden", "Placeringar"],
      ]),
    );
    expect(r.ok || r.error.id).toBe("noNumbers");
  });

  test("a header without amounts below it", () => {
    const r = readBudget(
      snap([
        ["Verksamhet", "Budget 2025", "Plan 2026"],
        ["Förskola", "", ""],
      ]),
    );
    expect(r.ok || r.error.id).toBe("noNumbers");
  });

  test("numbers without a year header", () => {
    const r = readBudget(
      snap([
        ["Verksamhet", "Belopp"],
        ["Förskola", 12.5],
        ["Grundskola", 40.1],
      ]),
    );
    expect(r.ok || r.error.id).toBe("noYearHeader");
    if (!r.ok) expect(r.error.en).toMatch(/"Budget 2025"/);
  });

  test("a lone number 2025 among amounts is not a header", () => {
    const r = readBudget(
      snap([
        ["Verksamhet", "Belopp"],
        ["Förskola", 2025],
        ["Grundskola", 40.1],
      ]),
    );
    expect(r.ok || r.error.id).toBe("noYearHeader");
  });

  test("5,000 rows are refused at once, before any cell is read", () => {
    const values = Array.from({ length: 5000 }, (_, i) => (i === 0 ? ["Verksamhet", "Budget 2025", "Plan 2026"] : [`Rad ${i}`, i, i + 1]));
    const r = readBudget(snap(values));
    expect(r.ok || r.error.id).toBe("tooManyRows");
    if (!r.ok) expect(r.error.sv).toMatch(/5\u00a0000 rader; högst 2\u00a0000/);
  });

  test(`${MAX_BLOCK_ROWS} rows are read (the time is in npm run bench)`, () => {
    const values = Array.from({ length: MAX_BLOCK_ROWS }, (_, i) => (i === 0 ? ["Verksamhet", "Budget 2025", "Plan 2026"] : [`Rad ${i}`, i, i + 1]));
    const b = readBudgetOrThrow(snap(values));
    expect(b.rows).toHaveLength(MAX_BLOCK_ROWS - 1);
  });

  test("too many columns", () => {
    const r = readBudget(snap([Array.from({ length: 250 }, (_, i) => 1900 + i)]));
    expect(r.ok || r.error.id).toBe("tooManyColumns");
  });

  test("readBudget never throws, whatever it is given", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.double({ noNaN: false }), fc.boolean(), fc.integer({ min: 1990, max: 2040 })), { maxLength: 6 }),
          { maxLength: 8 },
        ),
        (values) => {
          const r = readBudget(snap(values));
          expect(typeof r.ok).toBe("boolean");
          if (!r.ok) expect(r.error.sv && r.error.en).toBeTruthy();
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("rows that are not drift amounts, totals above their rows, text amounts in one note", () => {
  test.each([
    ["Antal årsarbetare", "count"],
    ["Antal platser", "count"],
    ["Årsarbetare, st", "count"],
    ["Andel nöjda brukare (%)", "percent"],
    ["Investeringar", "investment"],
    ["Investeringsutgifter", "investment"],
    ["Nettoinvesteringar", "investment"],
    ["Summa investeringar", "investment"],
    ["Kostnad per elev, kr", "perUnit"],
    ["Social investering: Tidiga insatser (projekt)", null],
    ["Sociala investeringsfonden, avsättning", null],
    ["Köpta platser", null],
    ["Försörjningsstöd", null],
  ])("%j is %s", (label, kind) => {
    expect(nonAmountKind(label, null)).toBe(kind);
  });

  test("a row under an Investeringar or Nyckeltal heading is not an amount; a percent format makes a row a percentage", () => {
    expect(nonAmountKind("Ny förskola", "Investeringar")).toBe("investment");
    expect(nonAmountKind("Elever i grundskolan", "Nyckeltal")).toBe("keyFigure");
    const values = [
      ["Verksamhet", "Budget 2025", "Plan 2026"],
      ["Förskola", 12.5, 13],
      ["Grundskola", 40.1, 41],
      ["Täckningsgrad", 0.93, 0.95],
    ];
    const b = readBudgetOrThrow(snap(values, { numberFormats: values.map((r, i) => r.map((_, c) => (i === 3 && c > 0 ? "0%" : "General"))) }));
    expect(b.rows.map((r) => [r.label, r.kind, r.nonAmount])).toEqual([
      ["Förskola", "data", undefined],
      ["Grundskola", "data", undefined],
      ["Täckningsgrad", "nonAmount", "percent"],
    ]);
    // Not an amount, so not counted for the sign or as a part of a sum.
    expect(b.notes.find((n) => n.id === "nonAmountRows")?.en).toBe(
      "1 row is not a drift amount in the budget's unit and is not offered as a cost or gain: \"Täckningsgrad\" (a percentage or share). Add a line of your own if an investment is part of the intervention's cost.",
    );
  });

  test("a total above its rows, typed as a value, with a blank row straight after it, is a sum row of those rows", () => {
    const b = readBudgetOrThrow(
      snap([
        ["Nämnd", "Utfall 2024", "Budget 2025"],
        ["Socialnämnden", -30.5, -31.0],
        ["", "", ""],
        ["Ledning", -5.5, -6.0],
        ["Placeringar", -25.0, -25.0],
        ["", "", ""],
        ["Tekniska nämnden", -12.0, -13.0],
        ["Gata", -7.0, -8.0],
        ["Park", -5.0, -5.0],
      ]),
    );
    expect(b.rows.map((r) => [r.label, r.kind, r.sumPlace, r.group])).toEqual([
      ["Socialnämnden", "sum", "above", "Socialnämnden"],
      ["Ledning", "data", undefined, "Socialnämnden"],
      ["Placeringar", "data", undefined, "Socialnämnden"],
      ["Tekniska nämnden", "sum", "above", "Tekniska nämnden"],
      ["Gata", "data", undefined, "Tekniska nämnden"],
      ["Park", "data", undefined, "Tekniska nämnden"],
    ]);
    // A row followed by rows that do not add up to it (within the rounding shown) is not a sum.
    const plain = readBudgetOrThrow(
      snap([
        ["Verksamhet", "Budget 2025"],
        ["A", 20],
        ["B", 4],
        ["C", 5],
      ]),
    );
    expect(plain.rows.every((r) => r.kind === "data")).toBe(true);
  });

  test("cells as short ranges: rectangles, runs along a row, at most six", () => {
    const at = (a1: string) => {
      const m = /^([A-Z])(\d+)$/.exec(a1)!;
      return { row: Number(m[2]) - 1, col: m[1].charCodeAt(0) - 65 };
    };
    expect(cellRanges(["C5", "D5", "E5", "C6", "D6", "E6"].map(at))).toBe("C5:E6");
    expect(cellRanges(["C5", "D5", "F5", "C7"].map(at))).toBe("C5:D5, F5, C7");
    expect(cellRanges(["B1", "B3", "B5", "B7", "B9", "B11", "B13"].map(at))).toBe("B1, B3, B5, B7, B9, B11, …");
  });
});
