import fc from "fast-check";
import { BUDGET_SHEET, fixtureBudget } from "./fixture-budget";
import { ENGLISH } from "../../playground/numfmt";
import { PlaygroundWorkbook } from "../../playground/workbook";
import { HostError } from "../../src/host/host";
import { PlaygroundHost } from "../../playground/host";
import type { ModelPlan } from "../../src/planner/plan";
import { fixturePlan } from "./plan-fixture";

function setup() {
  const { sheet, layout } = fixtureBudget();
  const book = new PlaygroundWorkbook([sheet, { name: "Anteckningar", rows: [["Fritext"]] }]);
  const host = new PlaygroundHost(book);
  const elevhalsa = layout.activityRows["Barn- och utbildningsnämnden"][3];
  const placeringar = layout.activityRows["Socialnämnden"][1];
  return { book, host, layout, elevhalsa, placeringar };
}

/** Everything a user could see or Excel would save, as plain data. */
function everything(book: PlaygroundWorkbook) {
  return JSON.stringify({
    sheets: book.sheetNames().map((n) => book.snapshotSheet(n)),
    names: book.names(),
    charts: book.charts,
  });
}

async function expectHostError(p: Promise<unknown>, code: HostError["code"], en: RegExp) {
  const e = await p.then(
    () => null,
    (x) => x,
  );
  expect(e).toBeInstanceOf(HostError);
  expect((e as HostError).code).toBe(code);
  expect((e as HostError).en).toMatch(en);
  expect((e as HostError).sv.length).toBeGreaterThan(10);
}

describe("PlaygroundHost reads like Excel", () => {
  test("one selected cell reads its current region, with formulas, formats and shown text", async () => {
    const { book, host, layout } = setup();
    book.select(BUDGET_SHEET, { r0: layout.headerRow + 2, c0: 1, r1: layout.headerRow + 2, c1: 1 });
    const snap = await host.readSelection();
    // The blank row under the title ends the region, as in Excel: header to the last sum row, columns A..E.
    expect(snap.address).toBe(`A${layout.headerRow + 1}:E${layout.lastRow + 1}`);
    const sumRow = layout.sumRows["Barn- och utbildningsnämnden"] - layout.headerRow;
    expect(snap.formulas[sumRow][1]).toBe("=SUM(B6:B9)");
    expect(snap.values[sumRow][1]).toBeCloseTo(412.6 + 861.2 + 298.4 + 54.7, 9);
    expect(snap.numberFormats[sumRow][1]).toBe("# ##0,0;–# ##0,0");
    expect(snap.text[sumRow][1]).toBe("1\u00a0626,9");
    const fees = layout.activityRows["Kultur- och fritidsnämnden"][2] - layout.headerRow;
    expect(snap.text[fees][1]).toBe("–6,1"); // dash-formatted negative as shown
    expect(snap.values[1].slice(1)).toEqual(["", "", "", ""]); // a nämnd's heading row has no numbers
  });

  test("a selected block reads as it is; text locale follows the host", async () => {
    const { book, layout } = setup();
    const host = new PlaygroundHost(book, ENGLISH);
    book.select(BUDGET_SHEET, { r0: layout.headerRow, c0: 0, r1: layout.headerRow + 2, c1: 4 });
    const snap = await host.readSelection();
    expect(snap.address).toBe(`A${layout.headerRow + 1}:E${layout.headerRow + 3}`);
    expect(snap.values[0]).toEqual(["Nämnd / verksamhet", "Bokslut 2024", "Budget 2025", "Plan 2026", "Plan 2027"]);
    expect(snap.text[2][1]).toBe("412.6");
    expect(snap.row).toBe(layout.headerRow);
    expect(snap.col).toBe(0);
  });

  test("readRange, sheetNames, unknown sheet and bad address", async () => {
    const { host } = setup();
    const r = await host.readRange(BUDGET_SHEET, "B6:C6");
    expect(r.values).toEqual([[412.6, 425.3]]);
    expect(await host.sheetNames()).toEqual([BUDGET_SHEET, "Anteckningar"]);
    await expectHostError(host.readRange("Saknas", "A1"), "notFound", /does not exist/);
    await expectHostError(host.readRange(BUDGET_SHEET, "not an address"), "failed", /not a cell reference/);
  });

  test("a whole-column selection is trimmed to the used part; a huge block and an empty one are refused", async () => {
    const { book, host, layout } = setup();
    book.select(BUDGET_SHEET, { r0: 0, c0: 0, r1: 1048575, c1: 4 });
    expect((await host.readSelection()).address).toBe(`A1:E${layout.lastRow + 1}`);
    book.addSheetFromData({ name: "Huvudbok", rows: Array.from({ length: 3000 }, (_, i) => [`konto ${i}`, i]) });
    book.select("Huvudbok", { r0: 0, c0: 0, r1: 2999, c1: 1 });
    await expectHostError(host.readSelection(), "tooLarge", /too large/);
    book.select("Huvudbok", { r0: 5000, c0: 5, r1: 5010, c1: 8 });
    await expectHostError(host.readSelection(), "noSelection", /empty/);
  });
});

describe("PlaygroundHost applies plans by the same rules as Excel", () => {
  test("builds the model: sheets, hidden settings, names, chart; values computed from the budget", async () => {
    const { book, host, elevhalsa, placeringar } = setup();
    const plan = fixturePlan({ costRow: elevhalsa, gainRow: placeringar });
    const res = await host.apply(plan);
    expect(res).toEqual({ sheets: ["Modell SI1", "SOCINV_SI1"], names: ["SI1_Rate", "SI1_Unit"], charts: 1, syncs: 2 });
    expect(book.sheet("SOCINV_SI1")!.visibility).toBe("hidden");
    expect(book.selection.sheet).toBe("Modell SI1");
    expect(book.value("Modell SI1", 5, 0)).toBe("=Flöden (kr)"); // a label starting with = stays text
    // Net per year in kr: −10 % of Elevhälsa + 5 % of Placeringar, by hand:
    const net = [-5.47e6 + 4.815e6, -5.72e6 + 4.975e6, -5.83e6 + 5.075e6, -5.95e6 + 5.175e6];
    net.forEach((x, i) => expect(book.value("Modell SI1", 8, 1 + i)).toBeCloseTo(x, 4));
    const npv = -655000 / 1.035 - 745000 / 1.035 ** 2 - 755000 / 1.035 ** 3 - 775000 / 1.035 ** 4;
    expect(book.value("Modell SI1", 10, 1)).toBeCloseTo(npv, 4);
    expect(book.format("Modell SI1", 3, 1)).toBe("0.0%");
    expect(book.style("Modell SI1", 10, 1)?.role).toBe("output");
    const models = await host.models();
    expect(models).toEqual([
      { modelKey: "SI1", sheets: ["Modell SI1"], settingsJson: JSON.stringify({ title: "test", rows: [elevhalsa, placeringar] }), complete: true },
    ]);
    expect(await host.names()).toEqual(["SI1_Rate", "SI1_Unit"]);
  });

  test("an updated budget flows through; a changed named assumption too", async () => {
    const { book, host, elevhalsa, placeringar } = setup();
    await host.apply(fixturePlan({ costRow: elevhalsa, gainRow: placeringar }));
    book.setInput(BUDGET_SHEET, placeringar, 1, 106.3); // +10 mnkr avoided in 2024
    expect(book.value("Modell SI1", 8, 1)).toBeCloseTo(-5.47e6 + 5.315e6, 4);
    book.setInput("Modell SI1", 3, 1, 0);
    const undiscounted = -5.47e6 + 5.315e6 + (-745000 - 755000 - 775000);
    expect(book.value("Modell SI1", 10, 1)).toBeCloseTo(undiscounted, 4);
  });

  test("refuses an existing sheet name (case-insensitive) and changes nothing", async () => {
    const { book, host, elevhalsa, placeringar } = setup();
    book.addSheetFromData({ name: "MODELL si1", rows: [["mitt eget blad"]] });
    const before = everything(book);
    await expectHostError(host.apply(fixturePlan({ costRow: elevhalsa, gainRow: placeringar })), "exists", /already exists/);
    expect(everything(book)).toBe(before);
  });

  test("refuses an existing name and changes nothing", async () => {
    const { book, host, elevhalsa, placeringar } = setup();
    book.addName("SI1_Rate", `='${BUDGET_SHEET}'!$B$5`);
    const before = everything(book);
    await expectHostError(host.apply(fixturePlan({ costRow: elevhalsa, gainRow: placeringar })), "exists", /SI1_Rate/);
    expect(everything(book)).toBe(before);
  });

  test("refuses invalid sheet names, protected sheets in the way, overlapping blocks; changes nothing", async () => {
    const { book, host, elevhalsa, placeringar } = setup();
    const base = fixturePlan({ costRow: elevhalsa, gainRow: placeringar });
    await host.apply(base);
    book.sheet("Modell SI1")!.protected = true;
    const before = everything(book);
    await expectHostError(
      host.apply({ ...base, sheets: [{ ...base.sheets[0], name: "SI2: modell?" }], modelKey: "SI2" }),
      "failed",
      /cannot be used as a sheet name/,
    );
    await expectHostError(host.apply(base, { replace: "SI1" }), "protected", /protected/);
    await expectHostError(host.remove("SI1"), "protected", /protected/);
    const other = fixturePlan({ key: "SI2", costRow: elevhalsa, gainRow: placeringar });
    const overlap: ModelPlan = {
      ...other,
      sheets: [{ ...other.sheets[0], blocks: [...other.sheets[0].blocks, { row: 0, col: 0, cells: [["x"]] }] }, other.sheets[1]],
    };
    await expectHostError(host.apply(overlap), "failed", /writes twice/);
    expect(everything(book)).toBe(before);
  });

  test("remove deletes only the model's sheets, names and charts; the rest is identical", async () => {
    const { book, host, elevhalsa, placeringar } = setup();
    book.addName("Budgetram", `='${BUDGET_SHEET}'!$B$5`);
    book.addSheetFromData({ name: "SI10 annat", rows: [["not the model"]] });
    const before = everything(book);
    await host.apply(fixturePlan({ costRow: elevhalsa, gainRow: placeringar }));
    const removed = await host.remove("SI1");
    expect(removed).toEqual({ sheets: ["Modell SI1", "SOCINV_SI1"], names: ["SI1_Rate", "SI1_Unit"], charts: 1, syncs: 2, kept: [] });
    expect(everything(book)).toBe(before);
    await expectHostError(host.remove("SI1"), "notFound", /not found/);
  });

  test("rebuild in place replaces the model; a refused rebuild keeps the old one", async () => {
    const { book, host, elevhalsa, placeringar } = setup();
    await host.apply(fixturePlan({ costRow: elevhalsa, gainRow: placeringar }));
    const grundskola = elevhalsa - 2;
    await host.apply(fixturePlan({ costRow: grundskola, gainRow: placeringar }), { replace: "SI1" });
    expect(book.value("Modell SI1", 6, 1)).toBeCloseTo(-86.12e6, 4);
    expect((await host.models()).length).toBe(1);
    book.addSheetFromData({ name: "Modell SI1 kopia", rows: [["x"]] });
    const before = everything(book);
    const clash = fixturePlan({ costRow: elevhalsa, gainRow: placeringar, sheet: "Modell SI1 kopia" });
    await expectHostError(host.apply(clash, { replace: "SI1" }), "exists", /already exists/);
    expect(everything(book)).toBe(before);
    await expectHostError(host.apply(clash, { replace: "SI9" }), "notFound", /SI9 was not found/);
  });

  test("a write that fails half-way is rolled back, also when it replaced a model", async () => {
    const { book, host, elevhalsa, placeringar } = setup();
    await host.apply(fixturePlan({ costRow: elevhalsa, gainRow: placeringar }));
    const before = everything(book);
    const real = book.addName.bind(book);
    let calls = 0;
    book.addName = (n, r, c) => {
      if (++calls === 2) throw new Error("engine refused");
      real(n, r, c);
    };
    await expectHostError(host.apply(fixturePlan({ costRow: elevhalsa - 1, gainRow: placeringar }), { replace: "SI1" }), "failed", /Nothing was changed/);
    book.addName = real;
    expect(everything(book)).toBe(before);
    expect(book.value("Modell SI1", 6, 1)).toBeCloseTo(-5.47e6, 4);
  });

  test("operations are constant in the number of rows", async () => {
    const counts = [];
    for (const rows of [0, 50, 2000]) {
      const { book, host, elevhalsa, placeringar } = setup();
      const ops0 = host.operations;
      const res = await host.apply(fixturePlan({ costRow: elevhalsa, gainRow: placeringar, rowsOfFlows: rows }));
      const rem = await host.remove("SI1");
      counts.push([res.syncs, rem.syncs, host.operations - ops0]);
      expect(book.sheetNames()).toEqual([BUDGET_SHEET, "Anteckningar"]);
    }
    expect(counts).toEqual([
      [2, 2, 4],
      [2, 2, 4],
      [2, 2, 4],
    ]);
  });

  test("property: any plan of new sheets applied and removed leaves the workbook identical", async () => {
    const block = fc.record({
      row: fc.integer({ min: 0, max: 30 }),
      col: fc.integer({ min: 0, max: 8 }),
      cells: fc.array(
        fc.array(
          fc.oneof(
            fc.integer(),
            fc.constant(null),
            fc.string({ maxLength: 5 }).map((s) => "'" + s),
            fc.constant("=1+1"),
          ),
          { minLength: 1, maxLength: 3 },
        ),
        {
          minLength: 1,
          maxLength: 3,
        },
      ),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(block, { maxLength: 4 }), fc.constantFrom("SI1", "SI2", "M7"), async (blocks, key) => {
        const { book, host } = setup();
        const before = everything(book);
        // Keep only blocks that do not overlap earlier ones (overlaps are refused, tested above), nor the
        // ownership marker's cell A3, which the host writes itself.
        const taken = new Set<string>(["2,0"]);
        const free = blocks.filter((b) => {
          const cells = b.cells.flatMap((r, i) => r.map((v, j) => (v === null ? null : `${b.row + i},${b.col + j}`))).filter((x): x is string => x !== null);
          if (cells.some((c) => taken.has(c))) return false;
          cells.forEach((c) => taken.add(c));
          return true;
        });
        const plan: ModelPlan = {
          modelKey: key,
          sheets: [{ name: `Modell ${key}`, blocks: free }, ...fixturePlan({ key, costRow: 5, gainRow: 6 }).sheets.slice(1)],
          names: [{ name: `${key}_X`, refersTo: `='Modell ${key}'!$A$1` }],
          charts: [],
        };
        await host.apply(plan);
        await host.remove(key);
        expect(everything(book)).toBe(before);
      }),
      { numRuns: 40 },
    );
  });
});
