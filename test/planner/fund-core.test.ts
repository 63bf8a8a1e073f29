/**
 * One savings-based repayment rule (Norrköping) in the planner and in the SOCINV functions: for payouts over
 * several years, the planner's fund schedule (computed, and its formulas evaluated in the formula engine)
 * repays exactly what SOCINV.REPAYSAVINGS repays for the same payouts, savings, share, delay, cap and last year.
 * The repaying actors' savings enter REPAYSAVINGS as one row, as the planner sums them before the share.
 */
import fc from "fast-check";
import { SocinvError } from "../../src/core/errors";
import { LABELS } from "../../src/core/repayment";
import { repaySavings } from "../../src/functions/repayment";
import { readBudgetOrThrow } from "../../src/planner/budget";
import { computeModel, FundResult } from "../../src/planner/compute";
import type { FormulaStyle, FundInputs, ModelInputs } from "../../src/planner/inputs";
import { DEFAULT_FUND } from "../../src/planner/inputs";
import { planModel } from "../../src/planner/planModel";
import { SAMPLES, sampleSnapshot } from "../../src/planner/samples";
import { evaluatePlan } from "./engine";
import { TINY, tinyInputs, tinySnapshot } from "./fixtures";

const rowOf = (t: unknown[][], label: string): unknown[] => t.find((r) => r[0] === label)!;

/** REPAYSAVINGS on the planner's own payouts and savings, called as Excel calls it; the total repayment row. */
function repaySavingsRow(f: FundResult, fund: FundInputs, years: readonly number[]): { repayment: number[]; outstanding: number[]; balance: number[] } {
  const n = years.length;
  // The planner's last year is a calendar year, REPAYSAVINGS's a column number; beyond the horizon = no limit.
  const lastCol = fund.lastYear === null || fund.lastYear >= years[n - 1] ? null : fund.lastYear - years[0] + 1;
  const t = repaySavings([f.payout], [["Återbetalande aktörer"]], [f.savings], [[fund.repaymentShare]], fund.repaymentDelay, fund.capPerYear, lastCol, 0);
  const years_ = (label: string) => rowOf(t, label).slice(1, n + 1) as number[];
  return { repayment: years_(LABELS.repaymentTotal), outstanding: years_(LABELS.outstanding), balance: years_(LABELS.balance) };
}

describe("the TINY budget: payouts of 100,000 and 50,000 kr in 2025–2026, savings 0, 80,000, 80,000, 80,000", () => {
  function withFund(fund: Partial<FundInputs>, style: FormulaStyle = "portable"): ModelInputs {
    const i = tinyInputs();
    i.fund = { ...DEFAULT_FUND, ...fund };
    i.formulaStyle = style;
    return i;
  }
  const cases: Array<[string, Partial<FundInputs>, number[]]> = [
    // 2026: 100,000 paid out by 2025 → 80,000 saved → 80,000; 2027: 150,000 − 80,000 = 70,000 → 70,000
    ["delay 1 (the default)", { rule: "savings" }, [0, 80000, 70000, 0]],
    // as delay 1: nothing is saved in 2025, and 2026 may repay up to 150,000
    ["delay 0", { rule: "savings", repaymentDelay: 0 }, [0, 80000, 70000, 0]],
    // 2027: 100,000 paid out by 2025 → 80,000; 2028: 150,000 − 80,000 = 70,000 → 70,000
    ["delay 2", { rule: "savings", repaymentDelay: 2 }, [0, 0, 80000, 70000]],
    // 2028: 100,000 paid out by 2025 → 80,000; 70,000 unpaid
    ["delay 3", { rule: "savings", repaymentDelay: 3 }, [0, 0, 0, 80000]],
    // 2026: 60,000; 2027: 60,000 (cap); 2028: 150,000 − 120,000 = 30,000
    ["cap 60,000", { rule: "savings", capPerYear: 60000 }, [0, 60000, 60000, 30000]],
    ["cap 60,000, last year 2027", { rule: "savings", capPerYear: 60000, lastYear: 2027 }, [0, 60000, 60000, 0]],
    // 50 % of 80,000 = 40,000 a year from 2026
    ["share 50 %", { rule: "savings", repaymentShare: 0.5 }, [0, 40000, 40000, 40000]],
    // fund part 60,000 and 30,000: 2026 repayable 60,000 → 60,000; 2027: 90,000 − 60,000 = 30,000
    ["dual, 60 % from the fund", { rule: "dual", fundShare: 0.6, dualRepayment: "savings" }, [0, 60000, 30000, 0]],
  ];
  test.each(cases)("%s: planner, its formulas and REPAYSAVINGS repay the same", (_name, fund, expected) => {
    const inputs = withFund(fund);
    const block = readBudgetOrThrow(tinySnapshot());
    const r = computeModel(inputs, block);
    if (!r.ok) throw new Error(r.error.en);
    const f = r.result.fund!;
    expect(f.payout.filter((x) => x > 0).length).toBe(2); // the case this is about: payouts over two years
    const core = repaySavingsRow(f, inputs.fund, r.result.years);
    expect(core.repayment).toEqual(expected);
    expect(f.repayment).toEqual(expected);
    expect(core.balance).toEqual(f.balance);
    expect(core.outstanding[3]).toBe(f.unpaid);
    for (const style of ["portable", "addin"] as FormulaStyle[]) {
      const p = planModel(withFund(fund, style), block, { sheetNames: ["Budget 2025"], names: [] });
      if (!p.ok) throw new Error(p.error.en);
      const ev = evaluatePlan(p.plan, TINY);
      expect(ev.row(p.keyCells.fund!.repayment)).toEqual(core.repayment);
      expect(ev.row(p.keyCells.fund!.balance)).toEqual(core.balance);
    }
  });
});

describe("the Norrköping sample (payouts over four years), any share, delay, cap, last year and fund share", () => {
  const sample = SAMPLES.find((s) => s.id === "norrkoping")!;
  const block = readBudgetOrThrow(sampleSnapshot(sample.workbook, sample.selection.sheet, sample.selection.address));

  test("the planner repays what REPAYSAVINGS repays, to the öre; where REPAYSAVINGS refuses, the planner repays nothing", () => {
    fc.assert(
      fc.property(
        fc.record({
          share: fc.double({ min: 0, max: 1, noNaN: true }),
          // from 1: REPAYSAVINGS reads a delay of 0 as not given (the desktop's empty cell), i.e. the default 1
          delay: fc.integer({ min: 1, max: 5 }),
          cap: fc.option(fc.integer({ min: 1, max: 10000000 })),
          lastYear: fc.option(fc.integer({ min: 2024, max: 2036 })),
          fundShare: fc.double({ min: 0.01, max: 1, noNaN: true }),
          dual: fc.boolean(),
        }),
        (a) => {
          const inputs: ModelInputs = JSON.parse(JSON.stringify(sample.inputs));
          inputs.fund = {
            ...inputs.fund,
            rule: a.dual ? "dual" : "savings",
            dualRepayment: "savings",
            repaymentShare: a.share,
            repaymentDelay: a.delay,
            capPerYear: a.cap,
            lastYear: a.lastYear,
            fundShare: a.fundShare,
          };
          const r = computeModel(inputs, block);
          if (!r.ok) throw new Error(r.error.en);
          const f = r.result.fund!;
          expect(f.payout.filter((x) => x > 0).length).toBeGreaterThan(1);
          const years = r.result.years;
          const firstRepayable = years[0] + a.delay; // the first payout is in the first year
          if (a.lastYear !== null && a.lastYear < firstRepayable) {
            // a last year before repayment can start: REPAYSAVINGS says so (or, at column 0, means "no last year"), the planner repays nothing
            if (a.lastYear > years[0] - 1) expect(() => repaySavingsRow(f, inputs.fund, years)).toThrow(SocinvError);
            expect(f.repayment.every((x) => x === 0)).toBe(true);
            return;
          }
          const core = repaySavingsRow(f, inputs.fund, years);
          // The ledger rounds each payout and each year's due amount to the öre, the planner does not: at most
          // half an öre per rounded amount, carried over the years.
          const tolerance = 0.01 * years.length;
          core.repayment.forEach((x, i) => expect(Math.abs(x - f.repayment[i])).toBeLessThanOrEqual(tolerance));
          expect(Math.abs(core.outstanding[years.length - 1] - f.unpaid)).toBeLessThanOrEqual(tolerance);
        },
      ),
      { numRuns: 200 },
    );
  });
});
