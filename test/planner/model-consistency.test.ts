/**
 * One model, one truth: the SOCINV functions, the core's model (evaluateModel), the pane's preview and the
 * model sheet evaluated in the formula engine in both formula styles give the same numbers.
 *
 * 1. Drop-off has one definition: SOCINV.ADJUSTGAINS / ADJUSTMENTS with effect_start = the model's first year
 *    of effect (start year + effect lag) equal the model's net rows and PVs, for lags 0, 1, 2 and drop-offs
 *    0, 20 % and 50 %.
 * 2. For every template and for random models (rows, roles, actors, shares, rate, timing, adjustments, lag,
 *    horizon, fund rule), preview = evaluateModel = the sheet (portable and add-in) within 1e-9 relative.
 */
import fc from "fast-check";
import { evaluateModel } from "../../src/core/model";
import { adjustGains, adjustmentsFn } from "../../src/functions/adjustments";
import { readBudgetOrThrow } from "../../src/planner/budget";
import { ModelResult, computeModel, modelSpec } from "../../src/planner/compute";
import { BUILTIN_ACTORS, FormulaStyle, FundRule, ModelInputs, defaultInputs } from "../../src/planner/inputs";
import { PlanOutput, planModel } from "../../src/planner/planModel";
import { resolveModel } from "../../src/planner/resolve";
import { BUDGET_SELECTION, BUDGET_SHEET, SAMPLES, SAMPLE_DRIFTBUDGET, SampleWorkbook, sampleSnapshot } from "../../src/planner/samples";
import { preview } from "../../src/taskpane/actions";
import type { BudgetBlock } from "../../src/planner/budget";
import { Evaluated, close, closeRow, evaluatePlan } from "./engine";

const STYLES: FormulaStyle[] = ["portable", "addin"];

/** Plans and evaluates the model sheet; throws on a refusal. */
function sheetOf(inputs: ModelInputs, block: BudgetBlock | null, wb: SampleWorkbook): { out: PlanOutput; ev: Evaluated } {
  const out = planModel(inputs, block, { sheetNames: wb.sheets.map((s) => s.name), names: [] });
  if (!out.ok) throw new Error(out.error.en);
  return { out, ev: evaluatePlan(out.plan, wb) };
}

/** The model's numbers straight from the core: the mapping (modelSpec) and evaluateModel. */
const coreOf = (inputs: ModelInputs, block: BudgetBlock | null): ModelResult => evaluateModel(modelSpec(resolveModel(inputs, block)));

/** A cell of the results block found by its label (for results without a key cell). */
function resultCellByLabel(out: PlanOutput, labels: string[]): string {
  const sheet = out.plan.sheets[0];
  const b = sheet.blocks.find((x) => x.col === 0 && x.cells.length === 1 && labels.includes(String(x.cells[0][0])));
  if (!b) throw new Error(`no result labelled ${labels.join(" / ")} on the model sheet`);
  return `'${sheet.name.replace(/'/g, "''")}'!B${b.row + 1}`;
}

// ---- 1. Drop-off: the functions and the model ----

describe("drop-off, one definition: SOCINV.ADJUSTGAINS and ADJUSTMENTS = the model = the model sheet", () => {
  const adj = { deadweight: 0.1, attribution: 0.05, displacement: 0.02, optimismCosts: 0.1, optimismGains: 0.05 };
  /** A model of typed lines: Socialnämnden pays, the region and Försäkringskassan gain (shifted by the lag). */
  function inputsFor(lag: number, dropOff: number, style: FormulaStyle): ModelInputs {
    const i = defaultInputs("en");
    i.startYear = 2025;
    i.horizon = 7;
    i.timing = 0.5;
    i.discount = { kind: "constant", rate: 0.035 };
    i.effectLag = lag;
    i.participants = 10;
    i.successProbability = 0.5;
    i.formulaStyle = style;
    i.adjustments = { ...adj, dropOff };
    i.extraLines = [
      { label: "Insats", role: "cost", actor: "son", amounts: [100000, 50000], after: "zero" },
      { label: "BUP", role: "gain", actor: "region", amounts: [80000, 80000, 60000], after: "repeatLast" },
      { label: "Aktivitetsersättning", role: "gain", actor: "fk", amounts: [0, 30000], after: "repeatLast" },
    ];
    return i;
  }

  const cases = [0, 1, 2].flatMap((lag) => [0, 0.2, 0.5].map((d) => [lag, d] as const));
  test.each(cases)("lag %d, drop-off %d", (lag, dropOff) => {
    const inputs = inputsFor(lag, dropOff, "portable");
    const computed = computeModel(inputs, null);
    if (!computed.ok) throw new Error(computed.error.en);
    const r = computed.result;
    expect(r.years[0] + lag).toBe(2025 + lag); // the first year of effect
    // The model's gross table as an actor flow table: costs negative, gains positive (one sign per actor and year).
    const flows = r.actors.map((a) => a.costsGross.map((c, t) => (c !== 0 ? -c : a.gainsGross[t])));
    const share = (x: number) => [[x]];
    const adjusted = adjustGains(
      flows,
      share(adj.deadweight),
      share(adj.attribution),
      share(adj.displacement),
      share(dropOff),
      share(adj.optimismCosts),
      share(adj.optimismGains),
      lag + 1,
    );
    // The same numbers, to the last bit: both are the core's adjustment rules on the same amounts.
    r.actors.forEach((a, k) => a.net.forEach((x, t) => expect([a.id, t, adjusted[k][t] === x]).toEqual([a.id, t, true])));
    // Without effect_start (period 1), the function fades from the first model year, as the model with lag 0 does.
    if (lag === 0)
      expect(
        adjustGains(
          flows,
          share(adj.deadweight),
          share(adj.attribution),
          share(adj.displacement),
          share(dropOff),
          share(adj.optimismCosts),
          share(adj.optimismGains),
        ),
      ).toEqual(adjusted);
    // ADJUSTMENTS: the adjusted PVs per actor are the model's (costs negative in the function's table).
    const table = adjustmentsFn(
      [[0.035]],
      r.actors.map((a) => [a.label]),
      flows,
      share(adj.deadweight),
      share(adj.attribution),
      share(adj.displacement),
      share(dropOff),
      share(adj.optimismCosts),
      share(adj.optimismGains),
      0.5,
      lag + 1,
    );
    r.actors.forEach((a, k) => {
      close(-table[2 + k][8], a.pvCosts, `${a.id} PV costs adjusted`);
      close(table[2 + k][10], a.pvGains, `${a.id} PV gains adjusted`);
      close(table[2 + k][12], a.pvNet, `${a.id} net PV adjusted`);
    });
    for (const style of STYLES) {
      const { out, ev } = sheetOf({ ...inputs, formulaStyle: style }, null, { sheets: [] });
      const years = r.years.length;
      closeRow(
        ev.row(out.keyCells.net),
        Array.from({ length: years }, (_, t) => adjusted.reduce((s, row) => s + row[t], 0)),
        `${style} net per year`,
      );
      const at = out.keyCells.actorTable;
      r.actors.forEach((a, k) => {
        const cells = ev.row(`'${at.sheet.replace(/'/g, "''")}'!B${at.firstRow + k + 1}:D${at.firstRow + k + 1}`);
        close(cells[0], -table[2 + k][8], `${style} ${a.id} PV costs`);
        close(cells[1], table[2 + k][10], `${style} ${a.id} PV gains`);
      });
    }
  });

  test("the issue's example: [0, 0, 100, 100] at 50 % is [0, 0, 25, 12.5] by default, [0, 0, 100, 50] from period 3", () => {
    // An argument left out, as Excel passes it (null); the signature's optional parameters leave null out.
    const omitted = null as unknown as unknown[][];
    expect(adjustGains([[0, 0, 100, 100]], omitted, omitted, omitted, [[0.5]])).toEqual([[0, 0, 25, 12.5]]);
    expect(adjustGains([[0, 0, 100, 100]], omitted, omitted, omitted, [[0.5]], omitted, omitted, 3)).toEqual([[0, 0, 100, 50]]);
    // the model with the same row as a gain and no lag: effect factors 1, 0.5, 0.25, 0.125
    const i = defaultInputs("en");
    i.startYear = 2025;
    i.horizon = 4;
    i.adjustments = { ...i.adjustments, dropOff: 0.5 };
    i.extraLines = [{ label: "Gain", role: "gain", actor: "region", amounts: [0, 0, 100, 100], after: "zero" }];
    expect(coreOf(i, null).actors[0].gainsNet).toEqual([0, 0, 25, 12.5]);
    // …and with a lag of 2 the model's gains start in period 3: the row shifted, faded from there
    i.effectLag = 2;
    i.extraLines[0].amounts = [100, 100];
    expect(coreOf(i, null).actors[0].gainsNet).toEqual([0, 0, 100, 50]);
  });
});

// ---- 2. Preview = evaluateModel = the sheet ----

/** Every number the sheet shows that the result holds, within 1e-9 relative. */
function checkSheet(out: PlanOutput, ev: Evaluated, r: ModelResult, what: string, participants: number): void {
  const k = out.keyCells;
  const c = (ref: string, x: number | null, name: string) => close(ev.value(ref), x, `${what}: ${name}`);
  c(k.npv, r.npv, "NPV");
  c(k.npvGross, r.npvGross, "NPV gross");
  c(k.pvCosts, r.pvCosts, "PV costs");
  c(k.pvGains, r.pvGains, "PV gains");
  c(k.benefitCostRatio, r.benefitCostRatio, "benefit–cost ratio");
  c(k.payback, r.payback, "payback");
  c(k.discountedPayback, r.discountedPayback, "discounted payback");
  c(k.pvGainsPerSuccess, r.pvGainsPerSuccess, "PV per success");
  c(k.breakEven, r.breakEven, "break-even");
  c(k.successes, r.expectedSuccesses, "expected successes");
  c(resultCellByLabel(out, ["Brytpunkt: andel av deltagarna", "Break-even: share of participants"]), r.breakEvenShare, "break-even share");
  if (participants > 0 && r.breakEven !== null) expect(r.breakEvenShare).toBe(r.breakEven / participants);
  c(k.withinMandate, r.netWithinMandate, "within the mandate");
  if (k.kommunWithinMandate) c(k.kommunWithinMandate, r.kommunNetWithinMandate, "kommun within the mandate");
  else expect(r.kommunNetWithinMandate).toBe(0);
  closeRow(ev.row(k.discountFactors), r.discountFactors, `${what}: discount factors`);
  closeRow(ev.row(k.net), r.net, `${what}: net`);
  const t = k.actorTable;
  expect(t.actors).toEqual(r.actors.map((a) => a.id));
  r.actors.forEach((a, i) => {
    const cells = ev.row(`'${t.sheet.replace(/'/g, "''")}'!B${t.firstRow + i + 1}:G${t.firstRow + i + 1}`);
    close(cells[0], a.pvCosts, `${what}: ${a.id} PV costs`);
    close(cells[1], a.pvGains, `${what}: ${a.id} PV gains`);
    close(cells[2], a.pvNet, `${what}: ${a.id} net PV`);
    close(cells[3], a.shareOfGains, `${what}: ${a.id} share of gains`);
    close(cells[4], a.gainsPerOwnCost, `${what}: ${a.id} gains per own krona`);
    close(cells[5], a.netWithinMandate, `${what}: ${a.id} within the mandate`);
  });
  if (r.fund) {
    const f = k.fund!;
    c(f.payoutTotal, r.fund.totalPayout, "fund payout");
    c(f.repaidTotal, r.fund.totalRepaid, "fund repaid");
    c(f.unpaid, r.fund.unpaid, "fund unpaid");
    c(f.pvFundNet, r.fund.pvFundNet, "fund net PV");
    if (f.frameTotal) c(f.frameTotal, r.fund.totalFrame, "frame appropriation");
    closeRow(ev.row(f.repayment), r.fund.repayment, `${what}: repayment`);
    closeRow(ev.row(f.balance), r.fund.balance, `${what}: fund balance`);
  } else expect(k.fund).toBeNull();
}

/** Preview, evaluateModel and both formula styles on the same inputs. */
function checkAll(inputs: ModelInputs, wb: SampleWorkbook, block: BudgetBlock | null, what: string): void {
  const p = preview(inputs, block);
  if (!p.ok) throw new Error(`${what}: ${p.error.en}`);
  expect(p.value).toEqual(coreOf(inputs, block));
  for (const style of STYLES) {
    const { out, ev } = sheetOf({ ...inputs, formulaStyle: style }, block, wb);
    checkSheet(out, ev, p.value, `${what} (${style})`, inputs.participants);
  }
}

describe.each(SAMPLES.map((s) => [s.id, s] as const))("template %s: preview = evaluateModel = the sheet in both styles", (_id, sample) => {
  test("every number", () => {
    const block = readBudgetOrThrow(sampleSnapshot(sample.workbook, sample.selection.sheet, sample.selection.address));
    checkAll(sample.inputs, sample.workbook, block, sample.id);
  });
});

describe("random models: preview = evaluateModel = the sheet in both styles", () => {
  const block = readBudgetOrThrow(sampleSnapshot(SAMPLE_DRIFTBUDGET, BUDGET_SHEET, BUDGET_SELECTION));
  const dataRows = block.rows.filter((r) => r.kind === "data");
  const actorIds = BUILTIN_ACTORS.map((a) => a.id);
  const share = fc.double({ min: 0, max: 0.5, noNaN: true });

  const model = fc.record({
    rows: fc.uniqueArray(
      fc.record({ k: fc.nat(), gain: fc.boolean(), actor: fc.nat(), share: fc.double({ min: -0.05, max: 0.2, noNaN: true }), repeat: fc.boolean() }),
      { selector: (x) => x.k % dataRows.length, maxLength: 6 },
    ),
    extra: fc.array(
      fc.record({
        gain: fc.boolean(),
        actor: fc.nat(),
        amounts: fc.array(fc.integer({ min: 0, max: 2000000 }), { minLength: 1, maxLength: 4 }),
        repeat: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    discount: fc.oneof(
      fc.record({ kind: fc.constant("constant" as const), rate: fc.double({ min: -0.02, max: 0.09, noNaN: true }) }),
      fc.record({ kind: fc.constant("perPeriod" as const), rates: fc.array(fc.double({ min: 0, max: 0.08, noNaN: true }), { minLength: 12, maxLength: 12 }) }),
      fc.record({ kind: fc.constant("schedule" as const), schedule: fc.constantFrom<"standard" | "health">("standard", "health") }),
    ),
    timing: fc.constantFrom<0 | 0.5 | 1>(0, 0.5, 1),
    horizon: fc.integer({ min: 3, max: 12 }),
    lag: fc.integer({ min: 0, max: 3 }),
    mandate: fc.integer({ min: 1, max: 6 }),
    participants: fc.integer({ min: 0, max: 200 }),
    p: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1, noNaN: true })),
    perSuccess: fc.boolean(),
    adjustments: fc.tuple(share, share, share, share, fc.double({ min: 0, max: 1, noNaN: true }), share),
    priceIndex: fc.boolean(),
    fund: fc.record({
      rule: fc.constantFrom<FundRule>("none", "savings", "committed", "dual"),
      fundShare: fc.double({ min: 0.2, max: 1, noNaN: true }),
      repaymentShare: fc.double({ min: 0, max: 1, noNaN: true }),
      delay: fc.integer({ min: 0, max: 2 }),
      cap: fc.option(fc.integer({ min: 0, max: 3000000 })),
      lastYear: fc.option(fc.integer({ min: 2024, max: 2038 })),
      savers: fc.option(fc.array(fc.nat(), { minLength: 1, maxLength: 3 })),
      commitments: fc.array(fc.record({ actor: fc.nat(), year: fc.integer({ min: 2025, max: 2036 }), share: fc.double({ min: 0, max: 0.2, noNaN: true }) }), {
        maxLength: 5,
      }),
      dualCommitted: fc.boolean(),
    }),
  });

  type Model = typeof model extends fc.Arbitrary<infer T> ? T : never;
  function inputsOf(m: Model): ModelInputs {
    const i = defaultInputs(m.perSuccess ? "en" : "sv");
    i.source = { sheet: BUDGET_SHEET, address: BUDGET_SELECTION, detectedUnit: "mnkr", unitOverride: null, sign: "costsPositive" };
    i.startYear = 2025;
    i.rows = m.rows.map((x) => {
      const row = dataRows[x.k % dataRows.length];
      return {
        sheetRow: row.sheetRow,
        label: row.label,
        role: x.gain ? "gain" : "cost",
        actor: actorIds[x.actor % actorIds.length],
        share: x.share,
        after: x.repeat ? "repeatLast" : "zero",
      };
    });
    i.extraLines = m.extra.map((x, k) => ({
      label: `Rad ${k + 1}`,
      role: x.gain ? "gain" : "cost",
      actor: actorIds[x.actor % actorIds.length],
      amounts: x.amounts,
      after: x.repeat ? "repeatLast" : "zero",
    }));
    i.discount = m.discount;
    i.timing = m.timing;
    i.horizon = m.horizon;
    i.effectLag = Math.min(m.lag, m.horizon - 1);
    i.mandateYears = m.mandate;
    i.participants = m.participants;
    i.successProbability = m.p;
    i.gainBasis = m.perSuccess ? "perSuccess" : "total";
    const [dw, at, di, dr, oc, og] = m.adjustments;
    i.adjustments = { deadweight: dw, attribution: at, displacement: di, dropOff: dr, optimismCosts: oc, optimismGains: og };
    if (m.priceIndex) i.priceIndex = { name: "KPI", values: [2024, 2025, 2026, 2027].map((year, k) => ({ year, value: 100 + 2.3 * k + (k === 3 ? 0.7 : 0) })) };
    const f = m.fund;
    i.fund = {
      ...i.fund,
      rule: f.rule,
      fundShare: f.rule === "dual" ? f.fundShare : 1,
      repaymentShare: f.repaymentShare,
      repaymentDelay: Math.min(f.delay, m.horizon - 1),
      capPerYear: f.cap,
      lastYear: f.lastYear,
      repayingActors: f.savers ? [...new Set(f.savers.map((x) => actorIds[x % actorIds.length]))] : [],
      commitments: f.commitments.map((c) => ({ actor: actorIds[c.actor % actorIds.length], year: c.year, share: c.share })),
      dualRepayment: f.dualCommitted ? "committed" : "savings",
    };
    return i;
  }

  test("property: every number agrees (random rows, roles, actors, shares, rate, timing, adjustments, lag, horizon, fund rule)", () => {
    let built = 0;
    fc.assert(
      fc.property(model, (m) => {
        const inputs = inputsOf(m);
        const p = preview(inputs, block);
        const planned = planModel(inputs, block, { sheetNames: [BUDGET_SHEET], names: [] });
        // A refusal (e.g. commitments above 100 %) is the same refusal in the preview and the sheet.
        expect(planned.ok).toBe(p.ok);
        if (!p.ok || !planned.ok) return;
        built++;
        checkAll(inputs, SAMPLE_DRIFTBUDGET, block, JSON.stringify(m).slice(0, 200));
      }),
      { numRuns: Number(process.env.MODEL_RUNS ?? 12) },
    );
    expect(built).toBeGreaterThan(0);
  });
});
