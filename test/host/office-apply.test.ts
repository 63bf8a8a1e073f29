/**
 * OfficeHost against a fake Excel that keeps Office.js's batching (commands run only at sync) and logs
 * every write: constant sync counts, writes confined to the plan, refusals that change nothing, and
 * rebuild/remove that leave the rest of the workbook identical.
 */
import { OfficeHost } from "../../src/host/office";
import { HostError } from "../../src/host/host";
import { MAX_REQUEST_BYTES, estimatePayload } from "../../src/host/checks";
import { colLetter as columnLetters, isValidSheetName, parseAddress, quoteSheetIfNeeded as quoteSheet, splitAreas } from "../../src/host/office-a1";
import { LOOKS, contrast } from "../../src/host/styles";
import type { ModelPlan } from "../../src/planner/plan";
import { FakeExcel, FakeWorkbook, grid, sheet, workbook } from "./fake-excel";
import { samplePlan } from "./plans";

function budgetWorkbook(): FakeWorkbook {
  const rows = [
    ["Driftbudget, belopp i mnkr", "", "", "", ""],
    ["", "", "", "", ""],
    ["Nämnd / verksamhet", "Bokslut 2024", "Budget 2025", "Plan 2026", "Plan 2027"],
    ["Socialnämnden", "", "", "", ""],
    ["Placeringar barn och unga", 41.2, 43.5, 44.1, 45],
    ["Försörjningsstöd", 88.4, 90.1, "", 92.3],
    ["Summa socialnämnden", 129.6, 133.6, 44.1, 137.3],
  ];
  const wb = workbook(
    [
      sheet("Budget 2025", grid(0, 0, rows), { numberFormats: { "4,1": "#,##0.0" }, merged: ["A1:E1", "A4:E4"] }),
      sheet("Anteckningar", grid(0, 0, [["Egen text", 1]])),
    ],
    {
      names: [
        { name: "Skattesats", refersTo: "='Budget 2025'!$B$5" },
        { name: "SI10_rate", refersTo: "=0.04" },
      ],
    },
  );
  return wb;
}

/** The parts of a workbook a model does not own, for byte-identical comparisons. */
function othersOf(wb: FakeWorkbook, modelKey: string, modelSheets: string[]) {
  const own = new Set([...modelSheets, `SOCINV_${modelKey}`]);
  return {
    sheets: wb.sheets.filter((s) => !own.has(s.name)),
    names: wb.names.filter((n) => !n.name.startsWith(`${modelKey}_`)),
  };
}

async function refusal(p: Promise<unknown>): Promise<HostError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(HostError);
    return e as HostError;
  }
  throw new Error("expected a HostError");
}

/** Every cell a plan writes, keyed "sheet!row,col" -> content (null cells are not written). */
function plannedCells(plan: ModelPlan): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const s of plan.sheets)
    for (const b of s.blocks)
      b.cells.forEach((r, i) =>
        r.forEach((v, j) => {
          if (v !== null) out.set(`${s.name}!${b.row + i},${b.col + j}`, v);
        }),
      );
  return out;
}

describe("OfficeHost.apply", () => {
  test("writes the whole plan in 2 syncs and reports them", async () => {
    const excel = new FakeExcel(budgetWorkbook());
    const host = new OfficeHost(excel.run);
    const plan = samplePlan("SI1", 10);
    const res = await host.apply(plan, { language: "en" });
    expect(res.syncs).toBe(2);
    expect(excel.syncs).toBe(2); // no hidden extra sync at the end of Excel.run
    expect(res).toMatchObject({ sheets: ["Modell SI1", "SOCINV_SI1"], names: ["SI1_rate", "SI1_unit"], charts: 1 });

    const model = excel.state.sheets.find((s) => s.name === "Modell SI1")!;
    expect(model.cells["6,2"]).toBe("='Budget 2025'!C5*SI1_unit");
    expect(model.cells["18,0"]).toBe("'=not a formula"); // escaped label kept as text
    expect(model.numberFormats["6,2"]).toBe("#,##0;-#,##0");
    expect(model.numberFormats["3,1"]).toBe("0.0%");
    expect(model.freeze).toEqual({ rows: 6, cols: 2 });
    expect(model.columnWidths).toEqual({ 0: 160, 1: 120 });
    expect(model.formats["5,0"]).toMatchObject({ "fill.color": LOOKS.header.fill, "font.color": LOOKS.header.fontColor, "font.bold": true });
    expect(model.charts).toEqual([
      { type: "Line", source: "'Modell SI1'!A6:G12", seriesBy: "Rows", title: "Cumulative net by actor", position: ["J3", "Q17"] },
    ]);
    const settings = excel.state.sheets.find((s) => s.name === "SOCINV_SI1")!;
    expect(settings.visibility).toBe("Hidden");
    expect(excel.state.names).toContainEqual({ name: "SI1_rate", refersTo: "='Modell SI1'!$B$4", comment: "Diskonteringsränta / discount rate" });
  });

  test("names are added after their sheets exist and before any formula that uses them is entered", async () => {
    const excel = new FakeExcel(budgetWorkbook());
    await new OfficeHost(excel.run).apply(samplePlan("SI1", 10));
    const ops = excel.writes.map((w) => w.op);
    const lastSheetAdded = ops.lastIndexOf("addSheet");
    const firstName = ops.indexOf("addName");
    const lastName = ops.lastIndexOf("addName");
    // The settings sheet's record and each sheet's ownership marker come first, by design; the model's
    // own cells (which use the names) after the names.
    const firstFormulas = excel.writes.findIndex((w) => w.op === "formulas" && w.sheet === "Modell SI1" && w.box!.row !== 2);
    expect(lastSheetAdded).toBeGreaterThanOrEqual(0);
    expect(firstName).toBeGreaterThan(lastSheetAdded);
    expect(firstFormulas).toBeGreaterThan(lastName);
  });

  test("the number of syncs does not grow with the number of rows (10 vs 2,000 rows)", async () => {
    const counts: number[] = [];
    for (const rows of [10, 2000]) {
      const excel = new FakeExcel(budgetWorkbook());
      const res = await new OfficeHost(excel.run).apply(samplePlan("SI1", rows));
      counts.push(res.syncs, excel.syncs);
      // and a rebuild in place of the same size
      const again = await new OfficeHost(excel.run).apply(samplePlan("SI1", rows), { replace: "SI1" });
      counts.push(again.syncs);
    }
    expect(counts).toEqual([2, 2, 3, 2, 2, 3]);
  });

  test("writes nothing outside the planned ranges, and every planned cell as planned", async () => {
    const excel = new FakeExcel(budgetWorkbook());
    const plan = samplePlan("SI1", 25);
    await new OfficeHost(excel.run).apply(plan);
    const planned = plannedCells(plan);
    const blocks = plan.sheets.flatMap((s) =>
      s.blocks.map((b) => ({ sheet: s.name, row: b.row, col: b.col, rows: b.cells.length, cols: Math.max(...b.cells.map((r) => r.length)) })),
    );
    // Besides the plan, the host writes one cell of its own: the ownership marker in A3 of the model sheet.
    blocks.push({ sheet: "Modell SI1", row: 2, col: 0, rows: 1, cols: 1 });
    planned.set("Modell SI1!2,0", "'SOCINV-MODEL SI1");
    const inside = (sheetName: string, r: number, c: number) =>
      blocks.some((b) => b.sheet === sheetName && r >= b.row && r < b.row + b.rows && c >= b.col && c < b.col + b.cols);
    const planSheets = new Set(plan.sheets.map((s) => s.name));
    expect(excel.writes.length).toBeGreaterThan(0);
    for (const w of excel.writes) {
      if (w.op === "addName") continue;
      expect(planSheets.has(w.sheet!)).toBe(true);
      if (!w.box) continue;
      if (w.op === "columnWidth") {
        const widths = plan.sheets.find((s) => s.name === w.sheet)!.columnWidths!.map((x) => x.col);
        expect(widths).toContain(w.box.col);
        continue;
      }
      if (w.op === "addChart") continue; // reads its source; checked below against the plan's dataAddress
      for (let r = w.box.row; r < w.box.row + w.box.rows; r++)
        for (let c = w.box.col; c < w.box.col + w.box.cols; c++) expect(inside(w.sheet!, r, c)).toBe(true);
    }
    // Cell by cell: what is in the written sheets is exactly the plan.
    const written = new Map<string, unknown>();
    for (const s of excel.state.sheets.filter((x) => planSheets.has(x.name))) for (const [k, v] of Object.entries(s.cells)) written.set(`${s.name}!${k}`, v);
    expect(written).toEqual(planned);
    expect(excel.state.names.map((n) => n.name).sort()).toEqual(["SI10_rate", "SI1_rate", "SI1_unit", "Skattesats"]);
  });

  test("an existing sheet name is refused before anything is written (also in another letter case)", async () => {
    for (const clash of ["Modell SI1", "modell si1"]) {
      const wb = budgetWorkbook();
      wb.sheets.push(sheet(clash, grid(0, 0, [["mitt"]])));
      const excel = new FakeExcel(wb);
      const before = excel.snapshot();
      const e = await refusal(new OfficeHost(excel.run).apply(samplePlan("SI1", 10)));
      expect(e.code).toBe("exists");
      expect(e.sv).toContain("Det finns redan ett blad");
      expect(e.en).toContain(`A sheet named "Modell SI1" already exists`);
      expect(excel.writes).toEqual([]);
      expect(excel.snapshot()).toEqual(before);
      expect(excel.syncs).toBe(1); // only the read
    }
  });

  test("an existing name is refused; nothing changed", async () => {
    const wb = budgetWorkbook();
    wb.names.push({ name: "si1_RATE", refersTo: "=1" });
    const excel = new FakeExcel(wb);
    const before = excel.snapshot();
    const e = await refusal(new OfficeHost(excel.run).apply(samplePlan("SI1", 10)));
    expect(e.code).toBe("exists");
    expect(e.en).toContain("SI1_rate");
    expect(excel.snapshot()).toEqual(before);
  });

  test("a protected workbook structure is refused with a clear message; nothing changed", async () => {
    const excel = new FakeExcel({ ...budgetWorkbook(), structureProtected: true });
    const before = excel.snapshot();
    const e = await refusal(new OfficeHost(excel.run).apply(samplePlan("SI1", 10)));
    expect(e.code).toBe("protected");
    expect(e.sv).toMatch(/skyddad/);
    expect(e.en).toMatch(/Unprotect/);
    expect(excel.snapshot()).toEqual(before);
  });

  test("a plan too large for one request is refused before any sync", async () => {
    const excel = new FakeExcel(budgetWorkbook());
    const plan = samplePlan("SI1", 30000, { years: 12 });
    expect(estimatePayload(plan)).toBeGreaterThan(MAX_REQUEST_BYTES);
    const e = await refusal(new OfficeHost(excel.run).apply(plan));
    expect(e.code).toBe("tooLarge");
    expect(e.en).toMatch(/about \d+\.\d MB/);
    expect(excel.syncs).toBe(0);
  });

  test("the 2,000-row plan stays well under Excel on the web's 5 MB request limit", () => {
    const bytes = estimatePayload(samplePlan("SI1", 2000));
    expect(bytes).toBeLessThan(MAX_REQUEST_BYTES);
    expect(MAX_REQUEST_BYTES).toBeLessThanOrEqual(0.6 * 5 * 1024 * 1024);
  });

  test("large blocks are written as strips within the same sync", async () => {
    const excel = new FakeExcel(budgetWorkbook());
    const res = await new OfficeHost(excel.run).apply(samplePlan("SI1", 4000, { years: 10 }));
    expect(res.syncs).toBe(2);
    const strips = excel.writes.filter((w) => w.op === "formulas" && w.sheet === "Modell SI1" && w.box!.rows > 100);
    expect(strips.length).toBeGreaterThan(1);
    expect(Math.max(...strips.map((w) => w.box!.rows * w.box!.cols))).toBeLessThanOrEqual(20000);
  });
});

describe("rebuild in place and remove", () => {
  async function twoModels() {
    const excel = new FakeExcel(budgetWorkbook());
    const host = new OfficeHost(excel.run);
    await host.apply(samplePlan("SI1", 10));
    await host.apply(samplePlan("SI2", 12));
    excel.reset();
    return { excel, host };
  }

  test("rebuild replaces only the model's own sheets and names; the rest is identical", async () => {
    const { excel, host } = await twoModels();
    const before = othersOf(excel.snapshot(), "SI1", ["Modell SI1"]);
    const res = await host.apply(samplePlan("SI1", 40), { replace: "SI1" });
    expect(res.syncs).toBe(3);
    const after = othersOf(excel.snapshot(), "SI1", ["Modell SI1"]);
    expect(after).toEqual(before);
    const model = excel.state.sheets.find((s) => s.name === "Modell SI1")!;
    expect(model.cells["45,0"]).toBe("Rad 40");
    expect(excel.state.names.filter((n) => n.name.startsWith("SI1_")).length).toBe(2);
    // The old sheet is kept as a backup until the new one is complete, then deleted; the settings sheet is reused.
    expect(excel.writes.filter((w) => w.op === "renameSheet").map((w) => [w.sheet, w.detail])).toEqual([["Modell SI1", "SOCINV_SI1_old1"]]);
    expect(excel.writes.filter((w) => w.op === "deleteSheet").map((w) => w.sheet)).toEqual(["SOCINV_SI1_old1"]);
  });

  test("rebuild to a different sheet name drops the old sheet", async () => {
    const { excel, host } = await twoModels();
    await host.apply(samplePlan("SI1", 5, { sheet: "Kalkyl SI1 (ny)" }), { replace: "SI1" });
    const names = excel.state.sheets.map((s) => s.name);
    expect(names).not.toContain("Modell SI1");
    expect(names).toContain("Kalkyl SI1 (ny)");
    expect(names).toContain("Modell SI2");
  });

  test("a failed check during rebuild leaves the old model as it was", async () => {
    const { excel, host } = await twoModels();
    const before = excel.snapshot();
    // The new plan wants a sheet name the other model owns.
    const e = await refusal(host.apply(samplePlan("SI1", 10, { sheet: "Modell SI2" }), { replace: "SI1" }));
    expect(e.code).toBe("exists");
    expect(excel.snapshot()).toEqual(before);
    expect(excel.writes).toEqual([]);
  });

  test("remove deletes only the model's sheets and names (not SI10's), the rest is identical", async () => {
    const { excel, host } = await twoModels();
    const before = othersOf(excel.snapshot(), "SI1", ["Modell SI1"]);
    const res = await host.remove("SI1");
    expect(res.syncs).toBe(3);
    expect(res.sheets).toEqual(["Modell SI1", "SOCINV_SI1"]);
    expect(res.names.sort()).toEqual(["SI1_rate", "SI1_unit"]);
    const after = excel.snapshot();
    expect(after.sheets.map((s) => s.name)).toEqual(["Budget 2025", "Anteckningar", "SOCINV_SI2", "Modell SI2"]);
    expect(othersOf(after, "SI1", ["Modell SI1"])).toEqual(before);
    expect(after.names.map((n) => n.name)).toContain("SI10_rate");
  });

  test("a protected model sheet: remove and rebuild are refused with a clear message; nothing changed", async () => {
    const { excel, host } = await twoModels();
    excel.state.sheets.find((s) => s.name === "Modell SI1")!.protected = true;
    const before = excel.snapshot();
    for (const attempt of [() => host.remove("SI1"), () => host.apply(samplePlan("SI1", 10), { replace: "SI1" })]) {
      const e = await refusal(attempt());
      expect(e.code).toBe("protected");
      expect(e.sv).toContain(`Bladet "Modell SI1" är skyddat`);
      expect(e.en).toContain(`The sheet "Modell SI1" is protected`);
    }
    expect(excel.snapshot()).toEqual(before);
    expect(excel.writes).toEqual([]);
  });

  test("a model whose sheets are the only visible ones is not removed half-way", async () => {
    const { excel, host } = await twoModels();
    for (const s of excel.state.sheets) if (s.name !== "Modell SI1") s.visibility = "Hidden";
    const before = excel.snapshot();
    const e = await refusal(host.remove("SI1"));
    expect(e.en).toContain("only visible ones");
    expect(excel.snapshot()).toEqual(before);
    expect(excel.writes).toEqual([]);
  });

  test("an unknown model is reported, not guessed", async () => {
    const { excel, host } = await twoModels();
    const e = await refusal(host.remove("SI9"));
    expect(e.code).toBe("notFound");
    expect(excel.writes).toEqual([]);
  });

  test("models() reads every model's settings back (long settings split over cells)", async () => {
    const { host, excel } = await twoModels();
    const models = await host.models();
    expect(excel.syncs).toBe(2);
    expect(models.map((m) => m.modelKey)).toEqual(["SI1", "SI2"]);
    expect(models[0].sheets).toEqual(["Modell SI1"]);
    const settings = JSON.parse(models[1].settingsJson);
    expect(settings).toMatchObject({ modelKey: "SI2", rows: 12 });
    expect(settings.note.length).toBe(40000);
  });
});

describe("OfficeHost reading", () => {
  test("one selected cell reads the block around it, with formats, text and merged areas", async () => {
    const wb = budgetWorkbook();
    wb.selection = { sheet: "Budget 2025", address: "C5" };
    const excel = new FakeExcel(wb);
    const snap = await new OfficeHost(excel.run).readSelection();
    expect(excel.syncs).toBe(2);
    // Like Excel's current region: the blank row under the title ends the block.
    expect(snap).toMatchObject({ sheet: "Budget 2025", address: "A3:E7", row: 2, col: 0, mergedAreas: ["A4:E4"] });
    expect(snap.values[2]).toEqual(["Placeringar barn och unga", 41.2, 43.5, 44.1, 45]);
    expect(snap.values[3][3]).toBe(""); // a blank year stays blank, not shifted
    expect(snap.numberFormats[2][1]).toBe("#,##0.0");
    expect(snap.text[0][1]).toBe("Bokslut 2024");
  });

  test("a block selection is read as selected", async () => {
    const wb = budgetWorkbook();
    wb.selection = { sheet: "Budget 2025", address: "A3:E6" };
    const snap = await new OfficeHost(new FakeExcel(wb).run).readSelection();
    expect(snap.address).toBe("A3:E6");
    expect(snap.values.length).toBe(4);
  });

  test("a whole-column selection is trimmed to the cells in use", async () => {
    const wb = budgetWorkbook();
    wb.selection = { sheet: "Budget 2025", address: "A:E" };
    const snap = await new OfficeHost(new FakeExcel(wb).run).readSelection();
    expect(snap.address).toBe("A1:E7");
    expect(snap.mergedAreas).toEqual(["A1:E1", "A4:E4"]);
  });

  test("a 5,000-row block is refused with a clear message, before its cells are read", async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [`Rad ${i}`, i, i]);
    const wb = workbook([sheet("Stor", grid(0, 0, rows))], { selection: { sheet: "Stor", address: "B10" } });
    const excel = new FakeExcel(wb);
    const e = await refusal(new OfficeHost(excel.run).readSelection());
    expect(e.code).toBe("tooLarge");
    expect(e.sv).toContain("5000 rader");
    expect(e.en).toContain("at most 2000 rows");
    expect(excel.reads.every((r) => !r.props.includes("values"))).toBe(true);
  });

  test("an empty selection is explained", async () => {
    const wb = budgetWorkbook();
    wb.selection = { sheet: "Budget 2025", address: "H20" };
    const e = await refusal(new OfficeHost(new FakeExcel(wb).run).readSelection());
    expect(e.code).toBe("noSelection");
    expect(e.en).toContain("The selection is empty");
  });

  test("readRange re-reads a stored block; a missing sheet is named", async () => {
    const excel = new FakeExcel(budgetWorkbook());
    const host = new OfficeHost(excel.run);
    const snap = await host.readRange("Budget 2025", "A5:E6");
    expect(snap.values[1][4]).toBe(92.3);
    expect(snap.row).toBe(4);
    const e = await refusal(host.readRange("Budget 2026", "A5:E6"));
    expect(e.code).toBe("notFound");
    expect(e.en).toContain(`"Budget 2026"`);
  });

  test("sheetNames, names and activate", async () => {
    const excel = new FakeExcel(budgetWorkbook());
    const host = new OfficeHost(excel.run);
    expect(await host.sheetNames()).toEqual(["Budget 2025", "Anteckningar"]);
    expect(await host.names()).toEqual(["Skattesats", "SI10_rate"]);
    await host.activate("Anteckningar");
    expect(excel.state.active).toBe("Anteckningar");
  });
});

describe("A1 helpers and looks", () => {
  test("addresses, quoting, areas", () => {
    expect(columnLetters(0)).toBe("A");
    expect(columnLetters(25)).toBe("Z");
    expect(columnLetters(26)).toBe("AA");
    expect(columnLetters(16383)).toBe("XFD");
    expect(parseAddress("$B$3:$G$24")).toEqual({ row: 2, col: 1, rows: 22, cols: 6 });
    expect(parseAddress("'Budget 2025'!C:H")).toEqual({ row: 0, col: 2, rows: 1048576, cols: 6 });
    expect(parseAddress("3:40")).toEqual({ row: 2, col: 0, rows: 38, cols: 16384 });
    expect(parseAddress("not an address")).toBeNull();
    expect(quoteSheet("Budget")).toBe("Budget");
    expect(quoteSheet("Budget 2025")).toBe("'Budget 2025'");
    expect(quoteSheet("Förskola")).toBe("'Förskola'");
    expect(quoteSheet("Kim's")).toBe("'Kim''s'");
    expect(quoteSheet("AB12")).toBe("'AB12'");
    expect(splitAreas("'My, sheet'!A1:B2, 'My, sheet'!C3:D4")).toEqual(["A1:B2", "C3:D4"]);
    expect(splitAreas("'Kim''s, x'!A1")).toEqual(["A1"]);
    expect(isValidSheetName("Modell SI1")).toBe(true);
    expect(isValidSheetName("a/b")).toBe(false);
    expect(isValidSheetName("x".repeat(32))).toBe(false);
  });

  test("a font colour is only set with a fill it contrasts with (WCAG AA)", () => {
    for (const look of Object.values(LOOKS)) {
      if (look.fontColor) {
        expect(look.fill).toBeDefined();
        expect(contrast(look.fontColor, look.fill!)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  test("an invalid sheet name in a plan is refused before anything is written", async () => {
    const excel = new FakeExcel(budgetWorkbook());
    const e = await refusal(new OfficeHost(excel.run).apply(samplePlan("SI1", 3, { sheet: "Modell: 1" })));
    expect(e.en).toContain("cannot be used as a sheet name");
    expect(excel.syncs).toBe(0);
    expect(excel.writes).toEqual([]);
  });

  test("quoting survives sheet names with quotes in the fake's own addresses", () => {
    expect(quoteSheet("Ö'rebro")).toBe("'Ö''rebro'");
  });
});
