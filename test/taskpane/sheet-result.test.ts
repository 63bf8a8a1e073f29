/**
 * The pane's figures from the model sheet (src/taskpane/sheetResult.ts): a model planned on the hand-calculation
 * budget and evaluated in the real formula engine, its key cells read back as a host returns them; the
 * comparison with the pane's own computation; errors, cells not yet calculated and moved labels; the budget
 * cells that are not numbers; what the result rests on.
 */
import fc from "fast-check";
import { cellAddress, parseRange, quoteSheet } from "../../src/planner/a1";
import { readBudgetOrThrow } from "../../src/planner/budget";
import { computeModel } from "../../src/planner/compute";
import { sampleSnapshot } from "../../src/planner/samples";
import type { RangeSnapshot } from "../../src/host/host";
import {
  ModelCells,
  SheetFigures,
  agrees,
  badBudgetCells,
  modelCells,
  readArea,
  readSheetFigures,
  resultBasis,
  resultView,
  sheetValue,
} from "../../src/taskpane/sheetResult";
import { build } from "../planner/engine";
import { TINY, tinyInputs } from "../planner/fixtures";

/**
 * The hand calculation (fixtures.ts): tkr × 1000; Projekt 100, 50, 0 tkr (2025–2027) is the cost, Placeringar
 * 0, 80, 80 tkr and 80 again in 2028 the gain; 10 %, end of year. Net per year −100 000, +30 000, +80 000,
 * +80 000 kr.
 */
const HAND_NPV = -100_000 / 1.1 + 30_000 / 1.1 ** 2 + 80_000 / 1.1 ** 3 + 80_000 / 1.1 ** 4; // 48 630,558…

function tinyModel() {
  const inputs = tinyInputs();
  const b = build(inputs, TINY, "Budget 2025", "A1:D4");
  const sheet = b.out.settings.sheets[0];
  const cells = modelCells(b.out.plan.modelKey, sheet, b.out.keyCells, b.out.plan.names);
  // The block a host returns for readArea: computed values, "" for empty cells.
  const area = parseRange(readArea(cells));
  const values = Array.from({ length: area.rows }, (_, i) =>
    Array.from({ length: area.cols }, (_, j) => {
      const v = b.ev.value(`${quoteSheet(sheet)}!${cellAddress(area.row + i, area.col + j)}`);
      return v === null || v === undefined ? "" : (v as number | string | boolean);
    }),
  );
  const snap: Pick<RangeSnapshot, "row" | "col" | "values"> = { row: area.row, col: area.col, values };
  return { inputs, b, sheet, cells, snap };
}

/** The same block with one cell's value replaced. */
function withCell(snap: Pick<RangeSnapshot, "row" | "col" | "values">, at: { row: number; col: number }, v: number | string) {
  const values = snap.values.map((r) => r.slice());
  values[at.row - snap.row][at.col - snap.col] = v;
  return { ...snap, values };
}

describe("the model sheet's key cells, read back", () => {
  test("every figure is the sheet's cell, equal to the hand calculation and to the pane's own computation", () => {
    const { b, cells, snap } = tinyModel();
    const figures = readSheetFigures(snap, cells);
    expect(figures.modelKey).toBe("SI1");
    const npv = figures.figures.npv!;
    expect(npv.kind).toBe("number");
    if (npv.kind !== "number") return;
    expect(npv.value).toBe(b.ev.value(b.out.keyCells.npv));
    expect(Math.abs(npv.value - HAND_NPV)).toBeLessThan(1e-6);
    expect(figures.rate).toEqual({ kind: "number", value: 0.1 });
    expect(figures.timing).toEqual({ kind: "number", value: 0 });
    expect(figures.figures.discountedPayback).toEqual({ kind: "number", value: b.ev.value(b.out.keyCells.discountedPayback) });
    expect(figures.figures.payback).toEqual({ kind: "number", value: b.ev.value(b.out.keyCells.payback) });
    expect(Object.keys(figures.actors)).toEqual(["son"]);

    const view = resultView(b.result, figures)!;
    expect(view.source).toBe("sheet");
    expect(view.errors).toEqual([]);
    expect(view.differs).toEqual([]);
    expect(view.unconfirmed).toBe(false);
    for (const id of ["npv", "pvCosts", "pvGains", "discountedPayback", "payback"] as const) {
      const s = view.figures[id];
      expect([id, s.kind, s.kind === "number" && s.from]).toEqual([id, "number", "sheet"]);
    }
    // The sheet's payback is the discounted one: the discounted cumulative net −90 909, −66 116, −6 011, +48 631
    // turns in the fourth year, the undiscounted −100 000, −70 000, +10 000 in the third.
    const disc = view.figures.discountedPayback;
    const simple = view.figures.payback;
    expect(disc.kind === "number" && disc.value > 3 && disc.value <= 4).toBe(true);
    expect(simple.kind === "number" && simple.value > 2 && simple.value <= 3).toBe(true);
    expect(view.actors[0].pvNet).toMatchObject({ kind: "number", from: "sheet", differs: false });
  });

  test("the block read is one rectangle from column A holding every key cell", () => {
    const { cells } = tinyModel();
    const a = parseRange(readArea(cells));
    expect(a.col).toBe(0);
    for (const c of [...Object.values(cells.figures), cells.rate!, cells.timing!]) {
      expect(c.row >= a.row && c.row < a.row + a.rows && c.col < a.col + a.cols).toBe(true);
    }
    for (const r of cells.actorTable.rows) expect(r.row < a.row + a.rows).toBe(true);
  });

  test("the sheet and the pane disagree (an assumption changed on the sheet): the sheet's value is shown, flagged", () => {
    const { b, cells, snap } = tinyModel();
    const moved = readSheetFigures(withCell(snap, cells.figures.npv!, HAND_NPV * 1.001), cells);
    const view = resultView(b.result, moved)!;
    expect(view.figures.npv).toMatchObject({ kind: "number", value: HAND_NPV * 1.001, from: "sheet", differs: true });
    expect(view.differs).toEqual(["npv"]);
    // Within 1e-9 relative they agree (the sheet and the core round differently).
    const same = readSheetFigures(withCell(snap, cells.figures.npv!, b.result.npv * (1 + 5e-10)), cells);
    expect(resultView(b.result, same)!.differs).toEqual([]);
  });

  test("an error in the NPV is shown as that error, and payback's 'not within the horizon' becomes the error too", () => {
    const { b, cells, snap } = tinyModel();
    let s = withCell(snap, cells.figures.npv!, "#VALUE!");
    s = withCell(s, cells.figures.discountedPayback!, "Inte inom horisonten");
    s = withCell(s, cells.figures.bcr!, "—");
    const view = resultView(b.result, readSheetFigures(s, cells))!;
    expect(view.figures.npv).toEqual({ kind: "error", code: "#VALUE!" });
    expect(view.figures.discountedPayback).toEqual({ kind: "error", code: "#VALUE!" });
    expect(view.figures.bcr).toEqual({ kind: "error", code: "#VALUE!" });
    expect(view.errors.map((e) => e.id)).toEqual(["npv", "bcr", "discountedPayback"]);
    // Without an error, the sheet's "not within the horizon" is shown as such (and flagged when the pane has a number).
    const never = resultView(b.result, readSheetFigures(withCell(snap, cells.figures.discountedPayback!, "Inte inom horisonten"), cells))!;
    expect(never.figures.discountedPayback).toMatchObject({ kind: "none", from: "sheet", differs: true });
  });

  test("a cell not calculated, or not where the layout puts it, is never shown as the sheet's: the preview, unconfirmed", () => {
    const { b, cells, snap } = tinyModel();
    const formula = resultView(b.result, readSheetFigures(withCell(snap, cells.figures.npv!, "=SUM(F40:I40)"), cells))!;
    expect(formula.figures.npv).toEqual({ kind: "unconfirmed", value: b.result.npv });
    expect(formula.unconfirmed).toBe(true);
    // A label that is not the sheet's (an older layout, a row moved by hand).
    const moved = withCell(snap, { row: cells.figures.npv!.row, col: 0 }, "Något annat");
    expect(readSheetFigures(moved, cells).figures.npv).toEqual({ kind: "missing" });
    // Nothing read at all.
    const unread = resultView(b.result, "unread")!;
    expect(unread.figures.npv).toEqual({ kind: "unconfirmed", value: b.result.npv });
    expect(unread.actors[0].pvNet).toEqual({ kind: "unconfirmed", value: b.result.actors[0].pvNet });
    // #BUSY!: Excel is still calculating.
    const busy = resultView(b.result, readSheetFigures(withCell(snap, cells.figures.npv!, "#BUSY!"), cells))!;
    expect(busy.figures.npv).toEqual({ kind: "pending" });
    expect(busy.pending).toBe(true);
  });

  test("before a build: the preview, marked as such; nothing to show without a preview", () => {
    const { b } = tinyModel();
    const view = resultView(b.result, null)!;
    expect(view.source).toBe("preview");
    expect(view.figures.npv).toEqual({ kind: "number", value: b.result.npv, from: "preview", preview: b.result.npv, differs: false });
    expect(resultView(null, null)).toBeNull();
  });
});

describe("cell values as hosts return them", () => {
  test.each([
    [12.5, { kind: "number", value: 12.5 }],
    ["#VALUE!", { kind: "error", code: "#VALUE!" }],
    ["#VÄRDEFEL!", { kind: "error", code: "#VALUE!" }],
    ["#SAKNAS!", { kind: "error", code: "#N/A" }],
    ["#DIV/0!", { kind: "error", code: "#DIV/0!" }],
    ["#BUSY!", { kind: "pending", code: "#BUSY!" }],
    ["#GETTING_DATA", { kind: "pending", code: "#GETTING_DATA" }],
    ["=SUM(A1:A3)", { kind: "uncalculated" }],
    ["Inte inom horisonten", { kind: "text", text: "Inte inom horisonten" }],
    ["—", { kind: "text", text: "—" }],
    ["", { kind: "missing" }],
    [null, { kind: "missing" }],
    [Number.POSITIVE_INFINITY, { kind: "error", code: "#NUM!" }],
  ] as const)("%j", (v, want) => {
    expect(sheetValue(v)).toEqual(want);
  });

  test("agreement is within 1e-9 of the larger number, symmetric", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.double({ min: -1e12, max: 1e12, noNaN: true }), (a, b) => {
        expect(agrees(a, b)).toBe(agrees(b, a));
        expect(agrees(a, a)).toBe(true);
        expect(agrees(a, a + 0.5e-9 * Math.max(1, Math.abs(a)))).toBe(true);
        expect(agrees(a, a + 3e-9 * Math.max(1, Math.abs(a)))).toBe(false);
      }),
    );
  });
});

describe("the budget cells that are not numbers", () => {
  test("named by sheet and cell, with what they hold; only the rows the model uses", () => {
    const wb = structuredClone(TINY);
    wb.sheets[0].cells[3][2] = "tre"; // Placeringar, Plan 2026 (C4)
    wb.sheets[0].cells[2][3] = "x"; // Projekt, Plan 2027 (D3)
    const snapshot = sampleSnapshot(wb, "Budget 2025", "A1:D4");
    const block = readBudgetOrThrow(snapshot);
    const inputs = tinyInputs();
    expect(badBudgetCells(block, snapshot, inputs)).toEqual([
      { ref: "'Budget 2025'!D3", text: "x" },
      { ref: "'Budget 2025'!C4", text: "tre" },
    ]);
    inputs.rows[0].role = "ignore";
    expect(badBudgetCells(block, snapshot, inputs)).toEqual([{ ref: "'Budget 2025'!C4", text: "tre" }]);
    expect(badBudgetCells(null, null, inputs)).toEqual([]);
  });
});

describe("what the result rests on", () => {
  const basisOf = (lang: "sv" | "en", sheet: SheetFigures | null = null) => {
    const inputs = tinyInputs();
    const block = readBudgetOrThrow(sampleSnapshot(TINY, "Budget 2025", "A1:D4"));
    return Object.fromEntries(resultBasis(lang, inputs, block, sheet).map((b) => [b.id, `${b.label}: ${b.value}`]));
  };

  test("in the sheet's words, in Swedish and English", () => {
    expect(basisOf("sv")).toEqual({
      rate: "Diskonteringsränta (real): 10\u00a0%",
      timing: "Tidpunkt inom året: Årets slut (som Excels NPV)",
      years: "Startår, horisont (år): 2025, 4 år (2025–2028)",
      priceYear: "Prisår: 2025 års priser",
      net: "Nettonuvärde (netto): inga justeringar (netto = brutto)",
      payback: "Återbetalningstid: diskonterad och ej diskonterad: år tills det ackumulerade nettot varaktigt är ≥ 0",
      unit: "Enhet: alla belopp i kronor (kr); budgetens tkr är omräknade (1 tkr = 1\u00a0000 kr)",
    });
    expect(basisOf("en").rate).toBe("Discount rate (real): 10%");
    expect(basisOf("en").years).toBe("Start year, horizon (years): 2025, 4 years (2025–2028)");
  });

  test("the rate and timing as the sheet holds them, and the named paybacks once built", () => {
    const { cells, snap } = tinyModel();
    const changed: ModelCells = cells;
    const sheet = readSheetFigures(withCell(withCell(snap, changed.rate!, 0.05), changed.timing!, 0.5), changed);
    const b = basisOf("sv", sheet);
    expect(b.rate).toBe("Diskonteringsränta (real): 5\u00a0%");
    expect(b.timing).toBe("Tidpunkt inom året: Mitten av året");
    expect(b.payback).toContain("diskonterad (SI1_Payback) och ej diskonterad (SI1_PaybackSimple)");
  });

  test("adjustments are listed when any is used", () => {
    const inputs = tinyInputs();
    inputs.adjustments = { ...inputs.adjustments, deadweight: 0.1, dropOff: 0.05 };
    const block = readBudgetOrThrow(sampleSnapshot(TINY, "Budget 2025", "A1:D4"));
    const net = resultBasis("sv", inputs, block, null).find((x) => x.id === "net")!;
    expect(net.value).toBe("efter justeringar: dödvikt 10\u00a0%; avtagande per år 5\u00a0%");
    expect(computeModel(inputs, block).ok).toBe(true);
  });
});
