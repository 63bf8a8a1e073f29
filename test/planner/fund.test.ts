/** Fund schedules (Norrköping savings-based, Malmö committed, Ale dual): hand calculations, engine, invariants. */
import fc from "fast-check";
import { readBudgetOrThrow } from "../../src/planner/budget";
import { computeModel } from "../../src/planner/compute";
import type { FormulaStyle, FundInputs, ModelInputs } from "../../src/planner/inputs";
import { DEFAULT_FUND } from "../../src/planner/inputs";
import { planModel } from "../../src/planner/planModel";
import { SAMPLES, sampleSnapshot } from "../../src/planner/samples";
import { evaluatePlan } from "./engine";
import { TINY, tinyInputs, tinySnapshot } from "./fixtures";

// The hand-calculation budget: intervention costs 100,000 (2025) and 50,000 (2026) kr, Socialnämnden's
// avoided costs 0, 80,000, 80,000, 80,000 kr (2025–2028), no adjustments.
function withFund(fund: Partial<FundInputs>): ModelInputs {
  const i = tinyInputs();
  i.fund = { ...DEFAULT_FUND, ...fund };
  return i;
}

function fundOf(inputs: ModelInputs) {
  const r = computeModel(inputs, readBudgetOrThrow(tinySnapshot()));
  if (!r.ok) throw new Error(r.error.en);
  return r.result.fund!;
}

describe("savings-based repayment (Norrköping), by hand", () => {
  test("from the year after each payout, savings repay what has been paid out", () => {
    // 2025: nothing paid out a year before → 0
    // 2026: paid out by 2025 = 100,000, repaid 0 → repayable 100,000; savings 80,000 → 80,000
    // 2027: paid out by 2026 = 150,000, repaid 80,000 → 70,000; savings 80,000 → 70,000
    // 2028: 150,000 − 150,000 = 0 → 0
    const f = fundOf(withFund({ rule: "savings", repaymentShare: 1, repaymentDelay: 1 }));
    expect(f.payout).toEqual([100000, 50000, 0, 0]);
    expect(f.repayment).toEqual([0, 80000, 70000, 0]);
    expect(f.balance).toEqual([-100000, -70000, 0, 0]);
    expect([f.totalPayout, f.totalRepaid, f.unpaid]).toEqual([150000, 150000, 0]);
  });

  test("a cap of 60,000 a year stretches the repayment: 0, 60,000, 60,000, 30,000", () => {
    const f = fundOf(withFund({ rule: "savings", repaymentDelay: 1, capPerYear: 60000 }));
    expect(f.repayment).toEqual([0, 60000, 60000, 30000]);
    expect(f.unpaid).toBe(0);
  });

  test("a last year of 2027 leaves 30,000 unpaid, reported", () => {
    const f = fundOf(withFund({ rule: "savings", repaymentDelay: 1, capPerYear: 60000, lastYear: 2027 }));
    expect(f.repayment).toEqual([0, 60000, 60000, 0]);
    expect(f.unpaid).toBe(30000);
  });

  test("repaying half of the savings: 0, 40,000, 40,000, 40,000 and 30,000 unpaid", () => {
    const f = fundOf(withFund({ rule: "savings", repaymentShare: 0.5, repaymentDelay: 1 }));
    expect(f.repayment).toEqual([0, 40000, 40000, 40000]);
    expect(f.unpaid).toBe(30000);
  });
});

describe("committed repayment (Malmö), by hand", () => {
  test("half of the payout in 2027 and 2028, with the gap to realised savings", () => {
    const f = fundOf(
      withFund({
        rule: "committed",
        commitments: [
          { actor: "son", year: 2027, share: 0.5 },
          { actor: "son", year: 2028, share: 0.5 },
        ],
      }),
    );
    expect(f.repayment).toEqual([0, 0, 75000, 75000]);
    expect(f.commitments).toEqual([{ actor: "son", amounts: [0, 0, 75000, 75000], gap: [0, -80000, -5000, -5000] }]);
    expect(f.unpaid).toBe(0);
  });
});

describe("dual model (Ale), by hand", () => {
  test("60 % from the fund, repaid from savings; 40 % as a frame appropriation that is not repaid", () => {
    // fund part 60,000 and 30,000; 2026: repayable 60,000 → 60,000; 2027: 90,000 − 60,000 → 30,000
    const f = fundOf(withFund({ rule: "dual", fundShare: 0.6, repaymentDelay: 1, dualRepayment: "savings" }));
    expect(f.payout).toEqual([60000, 30000, 0, 0]);
    expect(f.frame).toEqual([40000, 20000, 0, 0]);
    expect(f.repayment).toEqual([0, 60000, 30000, 0]);
    expect([f.totalFrame, f.totalRepaid, f.unpaid]).toEqual([60000, 90000, 0]);
  });
});

describe("the fund schedule in the formula engine", () => {
  const cases: Array<[string, Partial<FundInputs>]> = [
    ["savings, capped, last year", { rule: "savings", repaymentDelay: 1, capPerYear: 60000, lastYear: 2027 }],
    [
      "committed",
      {
        rule: "committed",
        commitments: [
          { actor: "son", year: 2027, share: 0.5 },
          { actor: "son", year: 2028, share: 0.5 },
        ],
      },
    ],
    ["dual", { rule: "dual", fundShare: 0.6, repaymentDelay: 1 }],
    ["dual committed", { rule: "dual", fundShare: 0.6, dualRepayment: "committed", commitments: [{ actor: "son", year: 2028, share: 1 }] }],
  ];
  test.each(cases.flatMap(([n, f]) => (["portable", "addin"] as FormulaStyle[]).map((s) => [n, s, f] as const)))("%s (%s)", (_n, style, fund) => {
    const inputs = { ...withFund(fund), formulaStyle: style };
    const expected = fundOf(inputs);
    const r = planModel(inputs, readBudgetOrThrow(tinySnapshot()), { sheetNames: ["Budget 2025"], names: [] });
    if (!r.ok) throw new Error(r.error.en);
    const ev = evaluatePlan(r.plan, TINY);
    const f = r.keyCells.fund!;
    expect(ev.row(f.repayment)).toEqual(expected.repayment);
    expect(ev.row(f.balance)).toEqual(expected.balance);
    expect(ev.value(f.unpaid)).toBe(expected.unpaid);
    expect(ev.value(f.payoutTotal)).toBe(expected.totalPayout);
    if (f.frameTotal) expect(ev.value(f.frameTotal)).toBe(expected.totalFrame);
  });
});

describe("invariants of the savings-based schedule", () => {
  const sample = SAMPLES.find((s) => s.id === "norrkoping")!;
  const block = readBudgetOrThrow(sampleSnapshot(sample.workbook, sample.selection.sheet, sample.selection.address));
  test("property: never repays more than was paid out, never negative, within cap and last year; the balance closes", () => {
    fc.assert(
      fc.property(
        fc.record({
          share: fc.double({ min: 0, max: 1, noNaN: true }),
          delay: fc.integer({ min: 0, max: 5 }),
          cap: fc.option(fc.integer({ min: 0, max: 10000000 })),
          lastYear: fc.option(fc.integer({ min: 2024, max: 2036 })),
          fundShare: fc.double({ min: 0.01, max: 1, noNaN: true }),
          dual: fc.boolean(),
          deadweight: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        (a) => {
          const inputs: ModelInputs = JSON.parse(JSON.stringify(sample.inputs));
          inputs.fund = {
            ...inputs.fund,
            rule: a.dual ? "dual" : "savings",
            repaymentShare: a.share,
            repaymentDelay: a.delay,
            capPerYear: a.cap,
            lastYear: a.lastYear,
            fundShare: a.fundShare,
          };
          inputs.adjustments.deadweight = a.deadweight;
          const r = computeModel(inputs, block);
          if (!r.ok) throw new Error(r.error.en);
          const f = r.result.fund!;
          const eps = 1e-6 * Math.max(1, f.totalPayout);
          expect(f.totalRepaid).toBeLessThanOrEqual(f.totalPayout + eps);
          expect(f.unpaid).toBeGreaterThanOrEqual(-eps);
          f.repayment.forEach((x, i) => {
            expect(x).toBeGreaterThanOrEqual(0);
            if (a.cap !== null) expect(x).toBeLessThanOrEqual(a.cap + eps);
            if (a.lastYear !== null && r.result.years[i] > a.lastYear) expect(x).toBe(0);
            // repaid so far never exceeds what was paid out `delay` years before
            const due = i - a.delay >= 0 ? f.cumulativePayout[i - a.delay] : 0;
            expect(f.cumulativeRepaid[i]).toBeLessThanOrEqual(due + eps);
            expect(f.balance[i]).toBeCloseTo(f.cumulativeRepaid[i] - f.cumulativePayout[i], 6);
          });
          f.payout.forEach((p, i) => expect(p + f.frame[i]).toBeCloseTo(r.result.costsGross[i], 6));
        },
      ),
      { numRuns: 300 },
    );
  });
});
