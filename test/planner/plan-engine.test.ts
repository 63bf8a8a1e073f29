/**
 * The proof of issue 4: plans are evaluated in the real formula engine (the one behind `npm run calc`), in
 * both formula styles, and the model's NPV, per-actor PVs, payback, break-even and fund schedule equal what
 * the calculation core computes directly — and, for a small budget, what is calculated by hand below.
 */
import fc from "fast-check";
import { readBudgetOrThrow } from "../../src/planner/budget";
import { computeModel } from "../../src/planner/compute";
import type { FormulaStyle, ModelInputs, TemplateId } from "../../src/planner/inputs";
import { convertToPortable } from "../../src/planner/planModel";
import { SAMPLES, SampleWorkbook, sampleSnapshot } from "../../src/planner/samples";
import { Built, build, close, closeRow, evaluatePlan } from "./engine";
import { TINY, tinyInputs } from "./fixtures";

function checkAgainstCore({ out, result, ev }: Built): void {
  const k = out.keyCells;
  close(ev.value(k.npv), result.npv, "NPV");
  close(ev.value(k.npvGross), result.npvGross, "NPV gross");
  close(ev.value(k.pvCosts), result.pvCosts, "PV costs");
  close(ev.value(k.pvGains), result.pvGains, "PV gains");
  close(ev.value(k.benefitCostRatio), result.benefitCostRatio, "BCR");
  close(ev.value(k.payback), result.payback, "payback");
  close(ev.value(k.discountedPayback), result.discountedPayback, "discounted payback");
  close(ev.value(k.pvGainsPerSuccess), result.pvGainsPerSuccess, "PV per success");
  close(ev.value(k.breakEven), result.breakEven, "break-even");
  close(ev.value(k.successes), result.expectedSuccesses, "successes");
  close(ev.value(k.withinMandate), result.netWithinMandate, "within mandate");
  if (k.kommunWithinMandate) close(ev.value(k.kommunWithinMandate), result.kommunNetWithinMandate, "kommun within mandate");
  closeRow(ev.row(k.discountFactors), result.discountFactors, "discount factors");
  closeRow(ev.row(k.net), result.net, "net");
  // Who pays, who gains: one row per actor.
  const t = k.actorTable;
  expect(t.actors).toEqual(result.actors.map((a) => a.id));
  result.actors.forEach((a, i) => {
    const cells = ev.row(`'${t.sheet.replace(/'/g, "''")}'!B${t.firstRow + i + 1}:G${t.firstRow + i + 1}`);
    close(cells[0], a.pvCosts, `${a.id} PV costs`);
    close(cells[1], a.pvGains, `${a.id} PV gains`);
    close(cells[2], a.pvNet, `${a.id} net PV`);
    close(cells[3], a.shareOfGains, `${a.id} share of gains`);
    close(cells[4], a.gainsPerOwnCost, `${a.id} gains per own cost`);
    close(cells[5], a.netWithinMandate, `${a.id} within mandate`);
  });
  if (result.fund) {
    const f = k.fund!;
    close(ev.value(f.payoutTotal), result.fund.totalPayout, "fund payout");
    close(ev.value(f.repaidTotal), result.fund.totalRepaid, "fund repaid");
    close(ev.value(f.unpaid), result.fund.unpaid, "fund unpaid");
    close(ev.value(f.pvFundNet), result.fund.pvFundNet, "fund net PV");
    if (f.frameTotal) close(ev.value(f.frameTotal), result.fund.totalFrame, "frame");
    closeRow(ev.row(f.repayment), result.fund.repayment, "repayment");
    closeRow(ev.row(f.balance), result.fund.balance, "fund balance");
  } else {
    expect(k.fund).toBeNull();
  }
}

describe("a small budget, calculated by hand", () => {
  // Budget in tkr → kr × 1000. Costs 100,000 and 50,000 kr (2025, 2026); gains 0, 80,000, 80,000 and 80,000
  // (2027 repeated in 2028). Rate 10 %, end-of-year timing: discount factors 1/1.1, 1/1.21, 1/1.331, 1/1.4641.
  //   PV costs = 100,000/1.1 + 50,000/1.21                  = 90,909.0909 + 41,322.3140 = 132,231.4050
  //   PV gains = 80,000 × (1/1.21 + 1/1.331 + 1/1.4641)      = 180,861.9630
  //   NPV      = 180,861.9630 − 132,231.4050                 = 48,630.5580
  //   Cumulative net (undiscounted): −100,000, −70,000, 10,000, 90,000 → payback 2 + 70,000/80,000 = 2.875 years
  //   Cumulative discounted: −90,909.09, −66,115.70, −6,010.52, 48,630.56 → 3 + 6,010.52/54,641.08 = 3.11 years
  //   Successes 10 × 0.5 = 5; PV of gains per success = 180,861.9630 / 5 = 36,172.3926; break-even 3.6556
  //   Within a 2-year mandate: −90,909.09 + 30,000/1.21 = −66,115.7025
  const hand = {
    pvCosts: 132231.40495867768,
    pvGains: 180861.96298067068,
    npv: 48630.55802199299,
    payback: 2.875,
    discountedPayback: 3.11,
    pvPerSuccess: 36172.39259613414,
    breakEven: 3.65558912386707,
    mandate: -66115.70247933886,
  };

  test("the core computation gives the hand-calculated numbers", () => {
    const block = readBudgetOrThrow(sampleSnapshot(TINY, "Budget 2025", "A1:D4"));
    const r = computeModel(tinyInputs(), block);
    if (!r.ok) throw new Error(r.error.en);
    expect(r.result.pvCosts).toBeCloseTo(hand.pvCosts, 6);
    expect(r.result.pvGains).toBeCloseTo(hand.pvGains, 6);
    expect(r.result.npv).toBeCloseTo(hand.npv, 6);
    expect(r.result.payback).toBeCloseTo(hand.payback, 12);
    expect(r.result.discountedPayback).toBeCloseTo(hand.discountedPayback, 9);
    expect(r.result.pvGainsPerSuccess).toBeCloseTo(hand.pvPerSuccess, 6);
    expect(r.result.breakEven).toBeCloseTo(hand.breakEven, 9);
    expect(r.result.netWithinMandate).toBeCloseTo(hand.mandate, 6);
  });

  test.each<FormulaStyle>(["portable", "addin"])("the %s model shows the hand-calculated numbers", (style) => {
    const inputs = { ...tinyInputs(), formulaStyle: style };
    const b = build(inputs, TINY, "Budget 2025", "A1:D4");
    const k = b.out.keyCells;
    expect(b.ev.value(k.pvCosts)).toBeCloseTo(hand.pvCosts, 6);
    expect(b.ev.value(k.pvGains)).toBeCloseTo(hand.pvGains, 6);
    expect(b.ev.value(k.npv)).toBeCloseTo(hand.npv, 6);
    expect(b.ev.value(k.payback)).toBeCloseTo(hand.payback, 9);
    expect(b.ev.value(k.discountedPayback)).toBeCloseTo(hand.discountedPayback, 9);
    expect(b.ev.value(k.breakEven)).toBeCloseTo(hand.breakEven, 9);
    expect(b.ev.value(k.withinMandate)).toBeCloseTo(hand.mandate, 6);
    expect(b.ev.row(k.years)).toEqual([2025, 2026, 2027, 2028]);
    checkAgainstCore(b);
  });

  test("the model refers to the budget cells: ='Budget 2025'!B3*SI1_UnitFactor*$C…", () => {
    const b = build(tinyInputs(), TINY, "Budget 2025", "A1:D4");
    const formulas = b.out.plan.sheets[0].blocks.flatMap((x) => x.cells.flat()).filter((c): c is string => typeof c === "string");
    expect(formulas).toEqual(expect.arrayContaining([expect.stringMatching(/^='Budget 2025'!B3\*SI1_UnitFactor\*\$C\d+$/)]));
    // 2028 is after the budget: the gain line repeats 2027's cell, the cost line is 0
    expect(formulas.filter((f) => f.startsWith("='Budget 2025'!D4*")).length).toBe(2);
  });
});

describe.each(SAMPLES.map((s) => [s.id, s] as const))("sample %s", (_id, sample) => {
  test.each<FormulaStyle>(["portable", "addin"])("%s style equals the core", (style) => {
    const inputs = { ...sample.inputs, formulaStyle: style };
    const b = build(inputs, sample.workbook, sample.selection.sheet, sample.selection.address);
    checkAgainstCore(b);
    const formulas = b.out.plan.sheets.flatMap((s) => s.blocks.flatMap((x) => x.cells.flat())).filter((c) => typeof c === "string" && c.startsWith("="));
    expect(formulas.some((f) => (f as string).includes("SOCINV."))).toBe(style === "addin");
  });
});

describe("the model follows the budget", () => {
  const sample = SAMPLES.find((s) => s.id === "norrkoping")!;
  const changed = (): SampleWorkbook => {
    const wb: SampleWorkbook = JSON.parse(JSON.stringify(sample.workbook));
    wb.sheets[0].cells[11][4] = 70.5; // Institutionsplaceringar, Plan 2026: 50.5 → 70.5 mnkr
    return wb;
  };
  const expectFollows = (style: FormulaStyle) => {
    const inputs = { ...sample.inputs, formulaStyle: style };
    const b = build(inputs, sample.workbook, sample.selection.sheet, sample.selection.address);
    const sheetId = b.ev.hf.getSheetId(sample.selection.sheet)!;
    b.ev.hf.setCellContents({ sheet: sheetId, row: 11, col: 4 }, [[70.5]]);
    const after = computeModel(inputs, readBudgetOrThrow(sampleSnapshot(changed(), sample.selection.sheet, sample.selection.address)));
    if (!after.ok) throw new Error(after.error.en);
    expect(after.result.npv).not.toBeCloseTo(b.result.npv, 0);
    close(b.ev.value(b.out.keyCells.npv), after.result.npv, "NPV after the change");
    close(b.ev.value(b.out.keyCells.fund!.repaidTotal), after.result.fund!.totalRepaid, "repaid after the change");
  };

  test("portable style: a changed budget cell flows through to NPV and the fund", () => expectFollows("portable"));

  // Fails today because src/engine/formula-engine.ts registers SOCINV functions with
  // doesNotNeedArgumentsToBeComputed, so HyperFormula does not track their range arguments as dependencies
  // and a SOCINV.NPV cell is not recalculated when its inputs change. Excel is not affected. When the engine
  // is fixed, this starts "failing": turn it into a plain test.
  test("add-in style: a changed budget cell flows through", () => expectFollows("addin"));
});

describe("both styles agree with the core for any settings", () => {
  const sample = SAMPLES[0];
  const arb = fc.record({
    style: fc.constantFrom<FormulaStyle>("portable", "addin"),
    template: fc.constantFrom<TemplateId>("plain", "norrkoping", "malmo", "ale"),
    discount: fc.oneof(
      fc.record({ kind: fc.constant("constant" as const), rate: fc.double({ min: -0.02, max: 0.09, noNaN: true }) }),
      fc.record({ kind: fc.constant("perPeriod" as const), rates: fc.array(fc.double({ min: 0, max: 0.08, noNaN: true }), { minLength: 15, maxLength: 15 }) }),
      fc.record({ kind: fc.constant("schedule" as const), schedule: fc.constantFrom<"standard" | "health">("standard", "health") }),
    ),
    timing: fc.constantFrom<0 | 0.5 | 1>(0, 0.5, 1),
    horizon: fc.integer({ min: 4, max: 15 }),
    lag: fc.integer({ min: 0, max: 3 }),
    mandate: fc.integer({ min: 1, max: 6 }),
    participants: fc.integer({ min: 0, max: 200 }),
    // 0, or a probability a person could mean (denormal probabilities make every amount lose its precision)
    p: fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 1, noNaN: true })),
    shares: fc.array(fc.double({ min: 0, max: 0.5, noNaN: true }), { minLength: 6, maxLength: 6 }),
    gainBasis: fc.constantFrom<"total" | "perSuccess">("total", "perSuccess"),
    cap: fc.option(fc.integer({ min: 0, max: 5000000 })),
    repaymentShare: fc.double({ min: 0, max: 1, noNaN: true }),
    delay: fc.integer({ min: 0, max: 2 }),
  });
  test("property: engine = core (portable and add-in, all rate kinds and timings)", () => {
    fc.assert(
      fc.property(arb, (a) => {
        const base = SAMPLES.find((s) => s.id === a.template)!.inputs;
        const inputs: ModelInputs = JSON.parse(JSON.stringify(base));
        inputs.formulaStyle = a.style;
        inputs.discount = a.discount;
        inputs.timing = a.timing;
        inputs.horizon = a.horizon;
        inputs.effectLag = Math.min(a.lag, a.horizon - 1);
        inputs.mandateYears = a.mandate;
        inputs.participants = a.participants;
        inputs.successProbability = a.p;
        inputs.gainBasis = a.gainBasis;
        const [dw, at, di, dr, oc, og] = a.shares;
        inputs.adjustments = { deadweight: dw, attribution: at, displacement: di, dropOff: dr, optimismCosts: oc, optimismGains: og };
        inputs.fund.capPerYear = a.cap;
        inputs.fund.repaymentShare = a.repaymentShare;
        inputs.fund.repaymentDelay = Math.min(a.delay, a.horizon - 1);
        inputs.fund.commitments = inputs.fund.commitments.filter((c) => c.year < 2025 + a.horizon);
        checkAgainstCore(build(inputs, sample.workbook, sample.selection.sheet, sample.selection.address));
      }),
      { numRuns: Number(process.env.PLANNER_RUNS ?? 10) },
    );
  });
});

describe("convert to portable", () => {
  test("an add-in model is rebuilt in place with built-in functions only, same numbers", () => {
    const sample = SAMPLES.find((s) => s.id === "ale")!;
    const inputs = { ...sample.inputs, formulaStyle: "addin" as const };
    const addin = build(inputs, sample.workbook, sample.selection.sheet, sample.selection.address);
    const block = readBudgetOrThrow(sampleSnapshot(sample.workbook, sample.selection.sheet, sample.selection.address));
    const existing = [...sample.workbook.sheets.map((s) => s.name), ...addin.out.plan.sheets.map((s) => s.name)];
    const converted = convertToPortable(addin.out.settings, block, { sheetNames: existing, names: addin.out.plan.names.map((n) => n.name) });
    if (!converted.ok) throw new Error(converted.error.en);
    expect(converted.plan.modelKey).toBe(addin.out.plan.modelKey);
    expect(converted.plan.sheets.map((s) => s.name)).toEqual(addin.out.plan.sheets.map((s) => s.name));
    expect(converted.settings.inputs.formulaStyle).toBe("portable");
    const all = JSON.stringify(converted.plan.sheets[0]);
    expect(all).not.toMatch(/SOCINV\./);
    const ev = evaluatePlan(converted.plan, sample.workbook);
    close(ev.value(converted.keyCells.npv), addin.result.npv, "NPV");
    close(ev.value(converted.keyCells.breakEven), addin.result.breakEven, "break-even");
  });
});

describe("sheet names, signs, text cells and labels that look like formulas", () => {
  test("a budget sheet called O'Brien å and costs shown as negative numbers", () => {
    const wb: SampleWorkbook = JSON.parse(JSON.stringify(TINY));
    wb.sheets[0].name = "O'Brien å";
    wb.sheets[0].cells = wb.sheets[0].cells.map((r, i) => (i >= 2 ? r.map((c) => (typeof c === "number" ? -c : c)) : r));
    const inputs = tinyInputs();
    inputs.source = { ...inputs.source!, sheet: "O'Brien å", sign: "costsNegative" };
    const b = build(inputs, wb, "O'Brien å", "A1:D4");
    expect(b.ev.value(b.out.keyCells.npv)).toBeCloseTo(48630.55802199299, 6);
    expect(JSON.stringify(b.out.plan)).toContain("=-'O''Brien å'!B3*SI1_UnitFactor");
  });

  test("a number typed as text in the budget is copied into the formula and explained", () => {
    const sample = SAMPLES[0];
    const inputs: ModelInputs = JSON.parse(JSON.stringify(sample.inputs));
    inputs.rows.push({ sheetRow: 16, label: "Statsbidrag, intäkt", role: "cost", actor: "son", share: -1, after: "zero" });
    const b = build(inputs, sample.workbook, sample.selection.sheet, sample.selection.address);
    checkAgainstCore(b);
    expect(JSON.stringify(b.out.plan.sheets[0])).toContain('"=-1.5*SI1_UnitFactor*$C');
  });

  test("actor labels starting with = or - are written as text and still matched", () => {
    const sample = SAMPLES[0];
    const inputs: ModelInputs = JSON.parse(JSON.stringify(sample.inputs));
    inputs.actors.push({ id: "u1", kind: "other", label: { sv: "=Fastighetsbolaget", en: "=Property company" }, userAdded: true });
    inputs.actors.push({ id: "u2", kind: "other", label: { sv: "-Föreningar", en: "-NGOs" }, userAdded: true });
    inputs.extraLines.push({ label: "+Hyresintäkter", role: "gain", actor: "u1", amounts: [0, 100000], after: "repeatLast" });
    inputs.extraLines.push({ label: "@Volontärer", role: "cost", actor: "u2", amounts: [50000], after: "repeatLast" });
    const b = build(inputs, sample.workbook, sample.selection.sheet, sample.selection.address);
    checkAgainstCore(b);
    const texts = b.out.plan.sheets[0].blocks.flatMap((x) => x.cells.flat()).filter((c) => typeof c === "string" && !c.startsWith("="));
    expect(texts).toEqual(expect.arrayContaining(["'=Fastighetsbolaget", "'-Föreningar", "'+Hyresintäkter", "'@Volontärer"]));
    expect(b.result.actors.find((a) => a.id === "u1")!.pvGains).toBeGreaterThan(0);
  });
});
