/**
 * An error is never shown as a result (issue 10, §4). Text typed into a budget cell the model reads makes
 * every result that depends on it an error, in both formula styles, on the formula engine; the results that
 * do not depend on it keep their numbers; the sheet's input check counts the cell and names it. "Not within
 * the horizon" and "—" appear only where they are true for numbers (a model that never pays back, zero
 * participants), never for an input's error.
 */
import fc from "fast-check";
import { readBudgetOrThrow } from "../../src/planner/budget";
import type { FormulaStyle, ModelInputs } from "../../src/planner/inputs";
import { translator } from "../../src/planner/model/texts";
import { ResolvedModel, resolveModel } from "../../src/planner/resolve";
import { SAMPLES, Sample, SampleWorkbook, sampleSnapshot, syntheticBudget } from "../../src/planner/samples";
import { cellAddress, parseRange, quoteSheet, quoteSheetIfNeeded } from "../../src/planner/a1";
import { Built, build, close } from "./engine";
import { TINY, tinyInputs } from "./fixtures";

const STYLES: FormulaStyle[] = ["portable", "addin"];
const isError = (v: unknown) => typeof v === "string" && /^#[A-Z/0-9]+[!?]?$|^#N\/A$/.test(v);

/**
 * A budget cell one line reads, and what the line is. The actors' sums read the whole column of their block's
 * lines (an exact SUMPRODUCT over the actor column, docs/model.md), so an error in one cost line reaches every
 * actor's costs in that year, and one in a gain line every actor's gains: what depends on the cell is decided
 * by its kind, and the other kind keeps its numbers.
 */
interface Bad {
  address: string;
  kind: "cost" | "gain";
  /** A fund repaid from the savings of some actors (their gains). */
  repaidFromGains: boolean;
}

interface Model {
  b: Built;
  m: ResolvedModel;
  budgetSheet: string;
  inputs: ModelInputs;
}

function model(sample: { inputs: ModelInputs; workbook: SampleWorkbook; selection: { sheet: string; address: string } }, style: FormulaStyle): Model {
  const inputs = { ...sample.inputs, formulaStyle: style };
  const { sheet, address } = sample.selection;
  const b = build(inputs, sample.workbook, sheet, address);
  const m = resolveModel(inputs, readBudgetOrThrow(sampleSnapshot(sample.workbook, sheet, address)));
  return { b, m, budgetSheet: sheet, inputs };
}

/** The first budget cell of the first cost line and of the first gain line that read one. */
function badCells(x: Model): Bad[] {
  const out: Bad[] = [];
  const committed = x.inputs.fund.rule === "committed" || (x.inputs.fund.rule === "dual" && x.inputs.fund.dualRepayment === "committed");
  const repaidFromGains = x.inputs.fund.rule !== "none" && !committed && x.m.repayingActors.length > 0;
  for (const [kind, lines] of [
    ["cost", x.m.costLines],
    ["gain", x.m.gainLines],
  ] as const) {
    for (const l of lines) {
      const c = l.cells.find((cell) => cell.kind === "ref");
      if (!c || c.kind !== "ref") continue;
      out.push({ address: c.address, kind, repaidFromGains });
      break;
    }
  }
  return out;
}

/** Every result cell of the sheet with whether it depends on a given bad cell. */
function resultCells(x: Model): Array<{ what: string; ref: string; depends: (b: Bad) => boolean }> {
  const k = x.b.out.keyCells;
  const sheet = quoteSheet(k.actorTable.sheet);
  const at = (row: number, col: number) => `${sheet}!${cellAddress(row, col)}`;
  const always = () => true;
  const cost = (b: Bad) => b.kind === "cost";
  const gain = (b: Bad) => b.kind === "gain";
  const out: Array<{ what: string; ref: string; depends: (b: Bad) => boolean }> = [
    { what: "NPV", ref: k.npv, depends: always },
    { what: "NPV gross", ref: k.npvGross, depends: always },
    { what: "PV costs", ref: k.pvCosts, depends: cost },
    { what: "PV gains", ref: k.pvGains, depends: gain },
    { what: "BCR", ref: k.benefitCostRatio, depends: always },
    { what: "paid back from year", ref: k.paybackYear, depends: always },
    { what: "paid back from year (discounted)", ref: k.discountedPaybackYear, depends: always },
    { what: "payback", ref: k.payback, depends: always },
    { what: "discounted payback", ref: k.discountedPayback, depends: always },
    { what: "PV per success", ref: k.pvGainsPerSuccess, depends: gain },
    { what: "break-even", ref: k.breakEven, depends: always },
    { what: "break-even share", ref: k.breakEvenShare, depends: always },
    { what: "successes", ref: k.successes, depends: () => false },
    { what: "within mandate", ref: k.withinMandate, depends: always },
  ];
  if (k.kommunWithinMandate) out.push({ what: "kommun within mandate", ref: k.kommunWithinMandate, depends: always });
  if (k.fund) {
    const f = k.fund;
    const repaid = (b: Bad) => cost(b) || b.repaidFromGains;
    out.push({ what: "fund payout", ref: f.payoutTotal, depends: cost });
    if (f.frameTotal) out.push({ what: "frame", ref: f.frameTotal, depends: cost });
    out.push({ what: "fund repaid", ref: f.repaidTotal, depends: repaid });
    out.push({ what: "fund unpaid", ref: f.unpaid, depends: repaid });
    out.push({ what: "fund net PV", ref: f.pvFundNet, depends: repaid });
  }
  // Who pays, who gains: B PV costs, C PV gains, D net, E share of gains, F gains per own krona, G within the mandate.
  const table = k.actorTable;
  const columns = (what: string, row: number) => {
    out.push({ what: `${what} PV costs`, ref: at(row, 1), depends: cost });
    out.push({ what: `${what} PV gains`, ref: at(row, 2), depends: gain });
    out.push({ what: `${what} net PV`, ref: at(row, 3), depends: always });
    out.push({ what: `${what} share of gains`, ref: at(row, 4), depends: gain });
    out.push({ what: `${what} gains per own krona`, ref: at(row, 5), depends: always });
    out.push({ what: `${what} within mandate`, ref: at(row, 6), depends: always });
  };
  table.actors.forEach((id, i) => columns(id, table.firstRow + i));
  if (table.kommunRow !== null) columns("nämnder", table.kommunRow);
  columns("total", table.totalRow);
  // Gross and net: gross, net and the difference per row.
  const gn = k.grossNet;
  for (const [what, refs, depends] of [
    ["PV costs", gn.pvCosts, cost],
    ["PV gains", gn.pvGains, gain],
    ["NPV", gn.npv, always],
    ["BCR", gn.bcr, always],
  ] as const) {
    refs.forEach((ref, j) => out.push({ what: `gross/net ${what} ${["gross", "net", "difference"][j]}`, ref, depends }));
  }
  // Typical individual: per actor with gains, per person gross and net and for all successes.
  const ind = k.individual;
  if (ind) {
    for (const [id, refs] of Object.entries(ind.actors)) refs.forEach((ref, j) => out.push({ what: `individual ${id} [${j}]`, ref, depends: gain }));
    ind.total.forEach((ref, j) => out.push({ what: `individual total [${j}]`, ref, depends: gain }));
  }
  return out;
}

/** Sets a cell of a sheet in the engine. */
function setCell(b: Built, sheet: string, address: string, value: string | number | null): void {
  const p = parseRange(address);
  b.ev.hf.setCellContents({ sheet: b.ev.hf.getSheetId(sheet)!, row: p.row, col: p.col }, [[value]]);
}

/** A cell as the message names it: the sheet quoted only where Excel quotes it. */
const shownRef = (sheet: string, address: string) => `${quoteSheetIfNeeded(sheet)}!${address}`;

/** What a sample's budget cell holds as entered (a number, or a formula). */
function original(wb: SampleWorkbook, sheet: string, address: string): string | number | null {
  const p = parseRange(address);
  return wb.sheets.find((s) => s.name === sheet)!.cells[p.row]?.[p.col] ?? null;
}

describe.each(SAMPLES.map((s) => [s.id, s] as const))("sample %s", (_id, sample: Sample) => {
  describe.each(STYLES)("%s style", (style) => {
    const x = model(sample, style);
    const bads = badCells(x);
    const cells = resultCells(x);
    const t = translator(sample.inputs.language);
    const before = new Map(cells.map((c) => [c.ref, x.b.ev.value(c.ref)]));

    test("with numbers: no result is an error, and the input check says every cell read is a number", () => {
      expect(bads.length).toBeGreaterThan(0);
      for (const c of cells) expect([c.what, isError(before.get(c.ref))]).toEqual([c.what, false]);
      expect(x.b.ev.value(x.b.out.keyCells.inputCheck.count)).toBe(0);
      expect(x.b.ev.value(x.b.out.keyCells.inputCheck.message)).toBe(t("inputCheckOk"));
    });

    test.each(bads.map((b) => [b.kind, b.address, b] as const))(
      "text in the %s cell %s: every result that depends on it is an error, the check names it",
      (_k, _a, bad) => {
        setCell(x.b, x.budgetSheet, bad.address, "tre");
        try {
          for (const c of cells) {
            const v = x.b.ev.value(c.ref);
            if (c.depends(bad)) expect([c.what, v, isError(v)]).toEqual([c.what, v, true]);
            else expect([c.what, v]).toEqual([c.what, before.get(c.ref)]);
          }
          expect(x.b.ev.row(x.b.out.keyCells.net).some(isError)).toBe(true);
          expect(x.b.ev.value(x.b.out.keyCells.inputCheck.count)).toBe(1);
          expect(x.b.ev.value(x.b.out.keyCells.inputCheck.message)).toBe(t("inputCheckOne", { cell: shownRef(x.budgetSheet, bad.address) }));
        } finally {
          setCell(x.b, x.budgetSheet, bad.address, original(sample.workbook, x.budgetSheet, bad.address));
        }
      },
    );

    test("a number typed back: every result is as before", () => {
      for (const bad of bads) {
        setCell(x.b, x.budgetSheet, bad.address, "tre");
        setCell(x.b, x.budgetSheet, bad.address, original(sample.workbook, x.budgetSheet, bad.address));
      }
      for (const c of cells) expect([c.what, x.b.ev.value(c.ref)]).toEqual([c.what, before.get(c.ref)]);
      expect(x.b.ev.value(x.b.out.keyCells.inputCheck.count)).toBe(0);
    });
  });
});

describe.each(STYLES)("%s style, the small hand-calculated budget", (style) => {
  // Budget 2025 (tkr): B3:C3 Projekt 100, 50; B4:D4 Placeringar 0, 80, 80 (D4 repeated in 2028).
  const inputs = (): ModelInputs => ({ ...tinyInputs(), formulaStyle: style });
  const t = translator("sv");
  const fresh = () => build(inputs(), TINY, "Budget 2025", "A1:D4");

  test("two cells that are not numbers: both named, in sheet order, counted in Swedish plural", () => {
    const b = fresh();
    setCell(b, "Budget 2025", "D4", "n/a");
    setCell(b, "Budget 2025", "B3", "tre");
    const k = b.out.keyCells;
    expect(b.ev.value(k.inputCheck.count)).toBe(2);
    expect(b.ev.value(k.inputCheck.message)).toBe(t("inputCheckMany", { count: "2", cells: "'Budget 2025'!B3, 'Budget 2025'!D4" }));
    expect(b.ev.value(k.inputCheck.message)).toMatch(/^2 celler som modellen läser är inte tal: 'Budget 2025'!B3, 'Budget 2025'!D4\. /);
    for (const ref of [k.npv, k.payback, k.discountedPayback, k.breakEven, k.breakEvenShare, k.benefitCostRatio]) expect(b.ev.value(ref)).toMatch(/^#/);
  });

  test("in English: the same formulas, the message in English", () => {
    const b = build({ ...inputs(), language: "en" }, TINY, "Budget 2025", "A1:D4");
    const k = b.out.keyCells;
    expect(b.ev.value(k.inputCheck.message)).toBe("Every cell the model reads (in the budget and the input cells on this sheet) is a number or blank.");
    setCell(b, "Budget 2025", "B4", "zero");
    expect(b.ev.value(k.inputCheck.message)).toBe(
      "Cell 'Budget 2025'!B4 is not a number. Enter a number there (a blank cell counts as 0); results that depend on it cannot be trusted until then.",
    );
    setCell(b, "Budget 2025", "B3", "hundred");
    expect(b.ev.value(k.inputCheck.message)).toMatch(/^2 cells the model reads are not numbers: 'Budget 2025'!B3, 'Budget 2025'!B4\. Enter numbers there/);
    expect(b.ev.value(k.payback)).toBe("#VALUE!");
  });

  test("an error value in a budget cell (a broken budget formula) is passed on and named", () => {
    const b = fresh();
    setCell(b, "Budget 2025", "C4", "=1/0");
    const k = b.out.keyCells;
    // The built-in functions pass #DIV/0! on as it is; the SOCINV functions report an error in their values as #VALUE!.
    const error = style === "portable" ? "#DIV/0!" : "#VALUE!";
    expect(b.ev.value(k.npv)).toBe(error);
    expect(b.ev.value(k.payback)).toBe("#DIV/0!"); // "paid back from year" reads the sheet's own cumulative net
    expect(b.ev.value(k.discountedPayback)).toBe("#DIV/0!");
    expect(b.ev.value(k.breakEven)).toBe("#DIV/0!"); // the PV per success passes the net gains' error on
    expect(b.ev.value(k.inputCheck.message)).toBe(t("inputCheckOne", { cell: "'Budget 2025'!C4" }));
  });

  test("a blank budget cell is 0, not an error: the numbers of a model without that amount", () => {
    const b = fresh();
    setCell(b, "Budget 2025", "C3", null); // Projekt 2026: 50 → blank
    const k = b.out.keyCells;
    // PV costs = 100,000 / 1.1 = 90,909.0909…; PV gains as by hand (180,861.9630); NPV = 89,952.8721.
    close(b.ev.value(k.pvCosts), 100000 / 1.1, "PV costs");
    close(b.ev.value(k.npv), 80000 * (1 / 1.21 + 1 / 1.331 + 1 / 1.4641) - 100000 / 1.1, "NPV");
    expect(b.ev.value(k.inputCheck.count)).toBe(0);
  });

  /** The sheet and address of one of the model's named cells. */
  const named = (b: Built, key: string) => {
    const refersTo = b.out.plan.names.find((n) => n.name === `SI1_${key}`)!.refersTo; // ='SI1 Handräknat'!$B$…
    const bang = refersTo.lastIndexOf("!");
    return { sheet: refersTo.slice(2, bang - 1).replace(/''/g, "'"), address: refersTo.slice(bang + 1).replace(/\$/g, "") };
  };

  test("text in one of the model's own input cells (the deadweight) is named too, and reaches the results", () => {
    const b = fresh();
    const dw = named(b, "Deadweight");
    setCell(b, dw.sheet, dw.address, "tio procent");
    const k = b.out.keyCells;
    expect(b.ev.value(k.inputCheck.message)).toBe(t("inputCheckOne", { cell: dw.address }));
    for (const ref of [k.npv, k.pvGains, k.payback, k.discountedPayback, k.breakEven, k.pvGainsPerSuccess, k.withinMandate])
      expect(b.ev.value(ref)).toMatch(/^#/);
    close(b.ev.value(k.pvCosts), 132231.40495867768, "PV costs"); // as by hand: the costs do not read the deadweight
  });

  if (style === "portable") {
    // (In the add-in style the rate feeds the spilled SOCINV.DISCOUNTFACTORS, which the formula engine cannot
    // size for a text rate: see the report. Excel returns the function's #VALUE!.)
    test("text in the rate: the discounted results are errors, the undiscounted payback is as by hand", () => {
      const b = fresh();
      const rate = named(b, "Rate");
      setCell(b, rate.sheet, rate.address, "tio procent");
      const k = b.out.keyCells;
      expect(b.ev.value(k.inputCheck.message)).toBe(t("inputCheckOne", { cell: rate.address }));
      for (const ref of [k.npv, k.discountedPayback, k.breakEven, k.pvGainsPerSuccess, k.withinMandate]) expect(b.ev.value(ref)).toBe("#VALUE!");
      close(b.ev.value(k.payback), 2.875, "payback"); // 2 + 70,000 / 80,000 years
    });
  }

  test("a number typed as text is named by the check; the formulas read it as Excel does, as its number", () => {
    const b = fresh();
    setCell(b, "Budget 2025", "C3", "'50");
    const k = b.out.keyCells;
    expect(b.ev.value(k.inputCheck.count)).toBe(1);
    expect(b.ev.value(k.inputCheck.message)).toBe(t("inputCheckOne", { cell: "'Budget 2025'!C3" }));
    close(b.ev.value(k.npv), 48630.55802199299, "NPV"); // as by hand with 50
  });

  test('"Inte inom horisonten" only when it is true: the cumulative net is still negative at the horizon', () => {
    const i = inputs();
    i.rows = i.rows.map((r) => (r.role === "gain" ? { ...r, share: 0.1 } : r)); // gains 8,000 a year: never pays back
    const b = build(i, TINY, "Budget 2025", "A1:D4");
    const k = b.out.keyCells;
    expect(b.ev.value(k.payback)).toBe(t("notWithinHorizon"));
    expect(b.ev.value(k.discountedPayback)).toBe(t("notWithinHorizon"));
    expect(b.ev.value(k.paybackYear)).toBe(t("notWithinHorizon"));
    expect(b.result.payback).toBeNull();
    // The same model with text in a budget cell: an error, never "Inte inom horisonten".
    setCell(b, "Budget 2025", "C4", "åttio");
    expect(b.ev.value(k.payback)).toBe("#VALUE!");
    expect(b.ev.value(k.discountedPayback)).toBe("#VALUE!");
    expect(b.ev.value(k.paybackYear)).toBe("#VALUE!");
  });

  test('"—" only where the quantity is undefined: zero participants, and an input error still wins', () => {
    const i = inputs();
    i.participants = 0;
    const b = build(i, TINY, "Budget 2025", "A1:D4");
    const k = b.out.keyCells;
    expect(b.ev.value(k.breakEven)).toBe("—");
    expect(b.ev.value(k.breakEvenShare)).toBe("—");
    expect(b.result.breakEven).toBeNull();
    setCell(b, "Budget 2025", "C4", "åttio");
    expect(b.ev.value(k.breakEven)).toBe("#VALUE!");
    expect(b.ev.value(k.breakEvenShare)).toBe("#VALUE!");
    expect(b.ev.value(k.pvGainsPerSuccess)).toBe("#VALUE!");
  });

  test("property: any set of budget cells made text is counted and named exactly, and NPV is an error iff the set is not empty", () => {
    const b = fresh();
    // The five cells the model reads: B3, C3 (Projekt 2025, 2026), B4, C4, D4 (Placeringar 2025–2027).
    const read = ["B3", "C3", "B4", "C4", "D4"];
    const numbers = new Map(read.map((a) => [a, original(TINY, "Budget 2025", a)]));
    fc.assert(
      fc.property(fc.subarray(read), fc.constantFrom("tre", "=NA()", "1 234,5 kr", "=1/0"), (bad, what) => {
        for (const a of read) setCell(b, "Budget 2025", a, bad.includes(a) ? what : numbers.get(a)!);
        const k = b.out.keyCells;
        expect(b.ev.value(k.inputCheck.count)).toBe(bad.length);
        const message = b.ev.value(k.inputCheck.message) as string;
        for (const a of read) expect([a, message.includes(`'Budget 2025'!${a}`)]).toEqual([a, bad.includes(a)]);
        expect(isError(b.ev.value(k.npv))).toBe(bad.length > 0);
        expect(isError(b.ev.value(k.payback))).toBe(bad.length > 0);
      }),
      { numRuns: 25 },
    );
  });
});

describe("many cells that are not numbers", () => {
  test("the message lists the first ones and ends with “…”; the count is exact", () => {
    // 30 verksamheter × 4 years, every cell read: 120 budget cells, far more than the list's 600 characters.
    const big = syntheticBudget(30, 4);
    const inputs = { ...big.inputs, formulaStyle: "portable" as const };
    const b = build(inputs, big.workbook, "Stor budget", big.address);
    const addresses = big.inputs.rows.flatMap((r) => ["B", "C", "D", "E"].map((c) => `${c}${r.sheetRow + 1}`));
    for (const a of addresses) setCell(b, "Stor budget", a, "x");
    const k = b.out.keyCells;
    expect(b.ev.value(k.inputCheck.count)).toBe(120);
    const message = b.ev.value(k.inputCheck.message) as string;
    expect(message.startsWith("120 celler som modellen läser är inte tal: 'Stor budget'!B3, 'Stor budget'!C3, 'Stor budget'!D3, ")).toBe(true);
    expect(message).toMatch(/, …\. Skriv tal där/);
    expect(message.length).toBeLessThan(1000);
    expect(b.ev.value(k.npv)).toBe("#VALUE!");
    // Fewer cells: all listed, no "…".
    for (const a of addresses.slice(3)) setCell(b, "Stor budget", a, 1000);
    expect(b.ev.value(k.inputCheck.message)).toBe(
      translator("sv")("inputCheckMany", { count: "3", cells: "'Stor budget'!B3, 'Stor budget'!C3, 'Stor budget'!D3" }),
    );
  });
});

/** The input-check block's formulas stay far below Excel's limits: 8,192 characters a formula, 255 a string literal. */
test("every formula of the plan is within Excel's limits", () => {
  for (const sample of SAMPLES) {
    for (const style of STYLES) {
      const x = model(sample, style);
      for (const block of x.b.out.plan.sheets[0].blocks) {
        for (const f of block.cells.flat()) {
          if (typeof f !== "string" || !f.startsWith("=")) continue;
          expect(f.length).toBeLessThan(8192);
          for (const lit of f.match(/"(?:[^"]|"")*"/g) ?? []) expect(lit.length).toBeLessThanOrEqual(257);
        }
      }
    }
  }
});

/** Every IFERROR left in a plan is the one that catches an overflow of the PV per success, after the inputs' errors. */
test("no IFERROR in any plan but the commented one for the PV per success", () => {
  for (const sample of SAMPLES) {
    for (const style of STYLES) {
      const x = model(sample, style);
      const formulas = x.b.out.plan.sheets[0].blocks
        .flatMap((bl) => bl.cells.flat())
        .filter((f): f is string => typeof f === "string" && f.includes("IFERROR"));
      expect(formulas).toHaveLength(1);
      expect(formulas[0]).toMatch(/^=IF\(ISERROR\(SUM\(/);
    }
  }
});

/** The input check reads every cell a reader may change: each input cell of the sheet and each budget cell a formula reads. */
test("the input check covers every input cell and every budget reference of the plan", () => {
  for (const sample of SAMPLES) {
    for (const style of STYLES) {
      const plan = model(sample, style).b.out.plan;
      const blocks = plan.sheets[0].blocks;
      const checked = new Set(
        blocks
          .flatMap((bl) => bl.cells.flat())
          .filter((f): f is string => typeof f === "string" && f.includes("ISBLANK("))
          .flatMap((f) => [...f.matchAll(/ISNUMBER\(([^()]+)\)/g)].map((mm) => mm[1])),
      );
      const own = blocks
        .filter((bl) => bl.style === "input")
        .flatMap((bl) => bl.cells.flatMap((r, i) => r.map((_, j) => cellAddress(bl.row + i, bl.col + j, true))));
      const budget = blocks
        .flatMap((bl) => bl.cells.flat())
        .filter((f): f is string => typeof f === "string" && f.startsWith("=") && !f.includes("ISBLANK("))
        .flatMap((f) => [...f.matchAll(/('(?:[^']|'')+'![A-Z]+\d+)/g)].map((mm) => mm[1]));
      expect(own.length).toBeGreaterThan(5);
      expect(budget.length).toBeGreaterThan(0);
      for (const ref of [...own, ...budget]) expect([sample.id, style, ref, checked.has(ref)]).toEqual([sample.id, style, ref, true]);
    }
  }
});
