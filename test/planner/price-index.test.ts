/**
 * Price level: budget years (Bokslut 2024, Budget 2025, Plan 2026 …) brought to one price year with an index.
 * The plan is evaluated in the real formula engine in both styles and compared with computeModel (which uses
 * the core's toPriceYear) and with a hand calculation written out below.
 */
import fc from "fast-check";
import { parseRange } from "../../src/planner/a1";
import { readBudgetOrThrow } from "../../src/planner/budget";
import { computeModel } from "../../src/planner/compute";
import type { FormulaStyle, ModelInputs, PriceIndex } from "../../src/planner/inputs";
import { PlanOutput, parseSettings, planModel } from "../../src/planner/planModel";
import { SAMPLES, SampleWorkbook, sampleSnapshot } from "../../src/planner/samples";
import { Built, build, close } from "./engine";
import { TINY, tinyInputs } from "./fixtures";

/** Two budget years in tkr, the second in its own (higher) price level. */
const TWO: SampleWorkbook = {
  sheets: [
    {
      name: "Budget 2025",
      cells: [
        ["Belopp i tkr", null, null],
        ["Verksamhet", "Budget 2025", "Plan 2026"],
        ["Projekt", 100, 105],
        ["Placeringar", 0, 210],
      ],
    },
  ],
};

const KPI: PriceIndex = {
  name: "KPI",
  values: [
    { year: 2025, value: 100 },
    { year: 2026, value: 105 },
  ],
};

function twoInputs(priceIndex: PriceIndex | null = KPI): ModelInputs {
  const inputs = tinyInputs();
  inputs.source = { ...inputs.source!, address: "A1:C4" };
  inputs.horizon = 2;
  inputs.priceIndex = priceIndex;
  return inputs;
}

/** The evaluated model equals the core's numbers. */
function equalsCore({ out, result, ev }: Built): void {
  const k = out.keyCells;
  close(ev.value(k.npv), result.npv, "NPV");
  close(ev.value(k.npvGross), result.npvGross, "NPV gross");
  close(ev.value(k.pvCosts), result.pvCosts, "PV costs");
  close(ev.value(k.pvGains), result.pvGains, "PV gains");
  close(ev.value(k.payback), result.payback, "payback");
  close(ev.value(k.discountedPayback), result.discountedPayback, "discounted payback");
  close(ev.value(k.breakEven), result.breakEven, "break-even");
  close(ev.value(k.withinMandate), result.netWithinMandate, "within mandate");
  ev.row(k.net).forEach((x, i) => close(x, result.net[i], `net[${i}]`));
  const t = k.actorTable;
  result.actors.forEach((a, i) => {
    const cells = ev.row(`'${t.sheet.replace(/'/g, "''")}'!B${t.firstRow + i + 1}:D${t.firstRow + i + 1}`);
    close(cells[0], a.pvCosts, `${a.id} PV costs`);
    close(cells[1], a.pvGains, `${a.id} PV gains`);
    close(cells[2], a.pvNet, `${a.id} net PV`);
  });
  if (result.fund) {
    close(ev.value(k.fund!.repaidTotal), result.fund.totalRepaid, "fund repaid");
    close(ev.value(k.fund!.pvFundNet), result.fund.pvFundNet, "fund net PV");
  }
}

function formulas(out: PlanOutput): string[] {
  return out.plan.sheets[0].blocks.flatMap((b) => b.cells.flat()).filter((c): c is string => typeof c === "string");
}

/** The sheet-qualified cell a plan name refers to, e.g. 'SI1 Handräknat'!$B$12. */
function namedCell(out: PlanOutput, name: string): string {
  const n = out.plan.names.find((x) => x.name === name);
  if (!n) throw new Error(`no name ${name}`);
  return n.refersTo.slice(1);
}

describe("a two-year budget converted to the first year's prices, calculated by hand", () => {
  // Index KPI 2025 = 100, 2026 = 105; price year = start year = 2025. Budget in tkr → kr × 1000.
  //   Costs:  2025: 100 tkr                   = 100,000 kr
  //           2026: 105 tkr × 100/105          = 100,000 kr   (without the index: 105,000)
  //   Gains:  2025: 0;  2026: 210 tkr × 100/105 = 200,000 kr   (without the index: 210,000)
  //   Rate 10 %, end of year: factors 1/1.1, 1/1.21.
  //   PV costs = 100,000/1.1 + 100,000/1.21 = 90,909.0909 + 82,644.6281 = 173,553.7190
  //   PV gains = 200,000/1.21                                         = 165,289.2562
  //   NPV      = 165,289.2562 − 173,553.7190                          =  −8,264.4628
  //   (without the index: 173,553.7190 − 177,685.9504 = −4,132.2314)
  //   Break-even: 5 expected successes; PV per success 33,057.8512 → 173,553.7190 / 33,057.8512 = 5.25
  const hand = { costs: [100000, 100000], gains: [0, 200000], pvCosts: 173553.719008264, pvGains: 165289.256198347, npv: -8264.46280991736, breakEven: 5.25 };

  test("computeModel (the core's toPriceYear) gives the hand-calculated numbers", () => {
    const block = readBudgetOrThrow(sampleSnapshot(TWO, "Budget 2025", "A1:C4"));
    const r = computeModel(twoInputs(), block);
    if (!r.ok) throw new Error(r.error.en);
    r.result.costs.forEach((x, i) => expect(x).toBeCloseTo(hand.costs[i], 9));
    r.result.gains.forEach((x, i) => expect(x).toBeCloseTo(hand.gains[i], 9));
    expect(r.result.pvCosts).toBeCloseTo(hand.pvCosts, 6);
    expect(r.result.pvGains).toBeCloseTo(hand.pvGains, 6);
    expect(r.result.npv).toBeCloseTo(hand.npv, 6);
    expect(r.result.breakEven).toBeCloseTo(hand.breakEven, 9);
    const without = computeModel(twoInputs(null), block);
    if (!without.ok) throw new Error(without.error.en);
    expect(without.result.npv).toBeCloseTo(-4132.231404958677, 6);
  });

  test.each<FormulaStyle>(["portable", "addin"])("the %s model shows the hand-calculated numbers and equals the core", (style) => {
    const b = build({ ...twoInputs(), formulaStyle: style }, TWO, "Budget 2025", "A1:C4");
    const k = b.out.keyCells;
    expect(b.ev.value(k.pvCosts)).toBeCloseTo(hand.pvCosts, 6);
    expect(b.ev.value(k.pvGains)).toBeCloseTo(hand.pvGains, 6);
    expect(b.ev.value(k.npv)).toBeCloseTo(hand.npv, 6);
    expect(b.ev.value(k.breakEven)).toBeCloseTo(hand.breakEven, 9);
    equalsCore(b);
    // The 2026 cell is converted with plain arithmetic in both styles; the price year's cell is not.
    expect(formulas(b.out)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^='Budget 2025'!C3\*SI1_UnitFactor\*\$C\d+\*SI1_Index2025\/SI1_Index2026$/)]),
    );
    expect(formulas(b.out)).toEqual(expect.arrayContaining([expect.stringMatching(/^='Budget 2025'!B3\*SI1_UnitFactor\*\$C\d+$/)]));
    // The index cells are named inputs showing the typed values.
    expect(b.ev.value(namedCell(b.out, "SI1_Index2025"))).toBe(100);
    expect(b.ev.value(namedCell(b.out, "SI1_Index2026"))).toBe(105);
  });

  test("the note says what is converted, in Swedish and English", () => {
    const texts = (lang: "sv" | "en") => {
      const b = build({ ...twoInputs(), language: lang }, TWO, "Budget 2025", "A1:C4");
      return b.out.plan.sheets[0].blocks
        .flatMap((x) => x.cells.flat())
        .filter((c): c is string => typeof c === "string")
        .join("\n");
    };
    expect(texts("sv")).toContain("räknas om till 2025 års priser med KPI");
    expect(texts("sv")).not.toContain("räknas inte om");
    expect(texts("en")).toContain("converted to 2025 prices with KPI");
    expect(texts("en")).not.toContain("not converted");
  });

  test("the index cells are live: a changed index in the sheet reprices the model (portable)", () => {
    const b = build(twoInputs(), TWO, "Budget 2025", "A1:C4");
    const ref = namedCell(b.out, "SI1_Index2026");
    const bang = ref.lastIndexOf("!");
    const sheet = ref.slice(1, bang - 1).replace(/''/g, "'");
    const p = parseRange(ref.slice(bang + 1).replace(/\$/g, ""));
    b.ev.hf.setCellContents({ sheet: b.ev.hf.getSheetId(sheet)!, row: p.row, col: p.col }, [[110]]);
    const after = computeModel(
      twoInputs({
        name: "KPI",
        values: [
          { year: 2025, value: 100 },
          { year: 2026, value: 110 },
        ],
      }),
      readBudgetOrThrow(sampleSnapshot(TWO, "Budget 2025", "A1:C4")),
    );
    if (!after.ok) throw new Error(after.error.en);
    // 2026: costs 105,000 × 100/110, gains 210,000 × 100/110
    expect(after.result.costs[1]).toBeCloseTo(95454.54545454546, 6);
    close(b.ev.value(b.out.keyCells.npv), after.result.npv, "NPV after the index change");
    close(b.ev.value(b.out.keyCells.pvCosts), after.result.pvCosts, "PV costs after the index change");
  });

  test("a later price year raises the earlier year's amounts: 2025 × 105/100", () => {
    const inputs = { ...twoInputs(), priceYear: 2026 };
    const block = readBudgetOrThrow(sampleSnapshot(TWO, "Budget 2025", "A1:C4"));
    const r = computeModel(inputs, block);
    if (!r.ok) throw new Error(r.error.en);
    expect(r.result.costs).toEqual([105000, 105000]);
    expect(r.result.gains).toEqual([0, 210000]);
    const b = build(inputs, TWO, "Budget 2025", "A1:C4");
    equalsCore(b);
  });

  test("a repeated last year stays in real terms: 2027 repeats 2026's converted amount", () => {
    const inputs = { ...twoInputs(), horizon: 3 };
    const block = readBudgetOrThrow(sampleSnapshot(TWO, "Budget 2025", "A1:C4"));
    const r = computeModel(inputs, block);
    if (!r.ok) throw new Error(r.error.en);
    r.result.gains.forEach((x, i) => expect(x).toBeCloseTo([0, 200000, 200000][i], 9));
    equalsCore(build(inputs, TWO, "Budget 2025", "A1:C4"));
  });
});

describe("years the index does not have", () => {
  const tinyBlock = () => readBudgetOrThrow(sampleSnapshot(TINY, "Budget 2025", "A1:D4"));

  test("a budget year after the index's last year uses the last value, with a warning", () => {
    // TINY: Budget 2025, Plan 2026, Plan 2027; the index stops at 2026, so 2027 is taken at 2026's level.
    const inputs = { ...tinyInputs(), priceIndex: KPI };
    const r = computeModel(inputs, tinyBlock());
    if (!r.ok) throw new Error(r.error.en);
    // gains 0, 80, 80 tkr (2028 repeats 2027): 80,000 × 100/105 from 2026 on
    r.result.gains.forEach((x, i) => expect(x).toBeCloseTo([0, 80000, 80000, 80000].map((v) => (v * 100) / 105)[i], 9));
    const planned = planModel(inputs, tinyBlock(), { sheetNames: ["Budget 2025"], names: [] });
    if (!planned.ok) throw new Error(planned.error.en);
    const w = planned.notes.find((n) => n.id === "priceIndexExtended")!;
    expect(w.severity).toBe("warning");
    expect(w.sv).toContain("2027");
    expect(w.en).toContain("2027 use the 2026 index");
    for (const style of ["portable", "addin"] as const) equalsCore(build({ ...inputs, formulaStyle: style }, TINY, "Budget 2025", "A1:D4"));
  });

  test("no value for the price year: a bilingual refusal, not wrong numbers", () => {
    const inputs = { ...twoInputs({ name: "PKV", values: [{ year: 2026, value: 105 }] }) };
    const block = readBudgetOrThrow(sampleSnapshot(TWO, "Budget 2025", "A1:C4"));
    for (const r of [planModel(inputs, block, { sheetNames: [], names: [] }), computeModel(inputs, block)]) {
      if (r.ok) throw new Error("expected a refusal");
      expect(r.error.id).toBe("priceIndexNoPriceYear");
      expect(r.error.sv).toContain("Prisindexet PKV saknar värde för prisåret 2025");
      expect(r.error.en).toContain("The price index PKV has no value for the price year 2025");
    }
  });

  test("a budget year before (or inside) the index without a value is refused", () => {
    const inputs = {
      ...twoInputs({
        name: "KPI",
        values: [
          { year: 2026, value: 105 },
          { year: 2027, value: 108 },
        ],
      }),
      priceYear: 2026,
    };
    const r = computeModel(inputs, readBudgetOrThrow(sampleSnapshot(TWO, "Budget 2025", "A1:C4")));
    if (r.ok) throw new Error("expected a refusal");
    expect(r.error.id).toBe("priceIndexNoYear");
    expect(r.error.sv).toContain("saknar värde för 2025");
    expect(r.error.en).toContain("has no value for 2025");
  });

  test.each([
    [{ name: "KPI", values: [] }],
    [{ name: "KPI", values: [{ year: 2025, value: 0 }] }],
    [{ name: "KPI", values: [{ year: 2025, value: -1 }] }],
    [{ name: "KPI", values: [{ year: 2025.5, value: 100 }] }],
    [
      {
        name: "KPI",
        values: [
          { year: 2025, value: 100 },
          { year: 2025, value: 101 },
        ],
      },
    ],
  ])("an unusable index is refused: %j", (pi) => {
    const r = computeModel(twoInputs(pi as PriceIndex), readBudgetOrThrow(sampleSnapshot(TWO, "Budget 2025", "A1:C4")));
    expect(r.ok || r.error.id).toBe("badInput");
  });
});

describe("without an index nothing changes", () => {
  test("priceIndex null or absent gives the same model sheet as before (the goldens hold the absent case)", () => {
    const sample = SAMPLES[0];
    const block = readBudgetOrThrow(sampleSnapshot(sample.workbook, sample.selection.sheet, sample.selection.address));
    const facts = { sheetNames: sample.workbook.sheets.map((s) => s.name), names: [] };
    const absent = planModel(sample.inputs, block, facts);
    const nulled = planModel({ ...sample.inputs, priceIndex: null }, block, facts);
    if (!absent.ok || !nulled.ok) throw new Error("planning failed");
    expect("priceIndex" in sample.inputs).toBe(false);
    expect(nulled.plan.sheets[0]).toEqual(absent.plan.sheets[0]);
    expect(nulled.plan.names).toEqual(absent.plan.names);
    expect(absent.settingsJson).not.toContain("priceIndex");
  });

  test("an index on a model of typed lines only is not used (typed lines are in the price year's prices)", () => {
    const inputs = { ...twoInputs(), rows: [], source: null, startYear: 2025 };
    inputs.extraLines = [{ label: "Programme", role: "cost", actor: "son", amounts: [1000, 1000], after: "zero" }];
    const r = planModel(inputs, null, { sheetNames: [], names: [] });
    if (!r.ok) throw new Error(r.error.en);
    expect(r.notes.map((n) => n.id)).toContain("priceIndexUnused");
    const c = computeModel(inputs, null);
    if (!c.ok) throw new Error(c.error.en);
    expect(c.result.costs).toEqual([1000, 1000]);
  });

  test("stored settings with an index rebuild the same model", () => {
    const block = readBudgetOrThrow(sampleSnapshot(TWO, "Budget 2025", "A1:C4"));
    const first = planModel(twoInputs(), block, { sheetNames: ["Budget 2025"], names: [] });
    if (!first.ok) throw new Error(first.error.en);
    const read = parseSettings(first.settingsJson);
    if (!read.ok) throw new Error(read.error.en);
    expect(read.settings.inputs.priceIndex).toEqual(KPI);
    const again = planModel(read.settings.inputs, block, { sheetNames: ["Budget 2025"], names: [] });
    if (!again.ok) throw new Error(again.error.en);
    expect(again.plan).toEqual(first.plan);
  });
});

describe("with an index, both styles agree with the core for any settings", () => {
  const arb = fc.record({
    style: fc.constantFrom<FormulaStyle>("portable", "addin"),
    template: fc.constantFrom("plain", "norrkoping", "ale"),
    // Bokslut 2024 … Plan 2027; the index may stop early (the rest use its last value).
    index: fc.array(fc.double({ min: 50, max: 200, noNaN: true }), { minLength: 2, maxLength: 4 }),
    priceYearOffset: fc.integer({ min: 0, max: 3 }),
    horizon: fc.integer({ min: 3, max: 8 }),
    lag: fc.integer({ min: 0, max: 2 }),
    timing: fc.constantFrom<0 | 0.5 | 1>(0, 0.5, 1),
  });
  test("property: engine = core", () => {
    fc.assert(
      fc.property(arb, (a) => {
        const sample = SAMPLES.find((s) => s.id === a.template)!;
        const inputs: ModelInputs = JSON.parse(JSON.stringify(sample.inputs));
        inputs.formulaStyle = a.style;
        inputs.horizon = a.horizon;
        inputs.effectLag = Math.min(a.lag, a.horizon - 1);
        inputs.timing = a.timing;
        inputs.fund.repaymentDelay = Math.min(inputs.fund.repaymentDelay, a.horizon - 1);
        inputs.priceIndex = { name: "PKV", values: a.index.map((value, k) => ({ year: 2024 + k, value })) };
        inputs.priceYear = 2024 + Math.min(a.priceYearOffset, a.index.length - 1);
        equalsCore(build(inputs, sample.workbook, sample.selection.sheet, sample.selection.address));
      }),
      { numRuns: Number(process.env.PLANNER_RUNS ?? 8) },
    );
  });
});
