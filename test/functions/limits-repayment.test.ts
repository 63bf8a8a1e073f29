/**
 * Issue 8, the repayment ledgers called as Excel calls them at their documented limit: a spilled result of
 * at most 100,000 cells (rows × columns), checked before the ledger is computed. At the limit the ledger is
 * exact to the öre (numbers written out); beyond it, a clear #VALUE! instead of seconds of work.
 */
import { SocinvError } from "../../src/core/errors";
import { LABELS } from "../../src/core/repayment";
import { repayCommitted, repayDual, repaySavings } from "../../src/functions/repayment";
import { FUNCTIONS } from "../../src/functions/registry";

const idOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof SocinvError) return { excel: e.excel, id: e.id };
    throw e;
  }
  return "no error";
};
const names = (n: number) => Array.from({ length: n }, (_, i) => [`Nämnd ${i + 1}`]);
const table = (n: number, years: number, f: (i: number, t: number) => number) =>
  Array.from({ length: n }, (_, i) => Array.from({ length: years }, (_, t) => f(i, t)));
const rowOf = (t: unknown[][], label: string) => t.find((r) => r[0] === label)!;
const YEARS = 1000;

describe("at the result limit, exact", () => {
  test("REPAYSAVINGS, 94 actors × 1,000 years (99 × 1,002 cells), a cap of 500.01 kr binding every year", () => {
    const n = 94;
    const t = repaySavings(
      [[1e6]],
      names(n),
      table(n, YEARS, (_, y) => (y === 0 ? 0 : 10)),
      [[1]],
      null,
      500.01,
      null,
      null,
    );
    expect(t.length * t[0].length).toBeLessThanOrEqual(100000);
    // years 2–1,000: 940 kr owed, 500.01 kr under the cap = 50,001 öre by equal dues: 531 öre each (49,914),
    // the 87 öre left to the first 87 actors (ties to the first listed): 5.32 kr and 5.31 kr a year
    expect(t[2].slice(1, 3)).toEqual([0, 5.32]);
    expect(t[2][YEARS + 1]).toBe(5314.68); // 999 × 5.32
    expect(t[88][2]).toBe(5.32); // actor 87
    expect(t[89][2]).toBe(5.31); // actor 88
    expect(t[n + 1][YEARS + 1]).toBe(5304.69); // 999 × 5.31
    expect(rowOf(t, LABELS.repaymentTotal)[YEARS + 1]).toBe(499509.99); // 999 × 500.01
    expect(rowOf(t, LABELS.outstanding)[YEARS + 1]).toBe(500490.01);
  });

  test("REPAYCOMMITTED, 46 actors × 1,000 years as shares, with savings: the 7 öre left go to the first cells", () => {
    const n = 46;
    const shares = table(n, YEARS, () => 1 / (n * YEARS));
    const t = repayCommitted(
      [[46e6 + 0.07]],
      names(n),
      shares,
      table(n, YEARS, () => 1000),
      true,
      0,
    );
    // 4,600,000,007 öre in 46,000 equal shares: 100,000 öre each, 7 öre to actor 1's years 1–7
    expect(t[2].slice(1, 9)).toEqual([1000.01, 1000.01, 1000.01, 1000.01, 1000.01, 1000.01, 1000.01, 1000]);
    expect(t[2][YEARS + 1]).toBe(1000000.07);
    expect(rowOf(t, LABELS.gapTotal)[YEARS + 1]).toBe(0.07);
    expect(rowOf(t, LABELS.outstanding)[YEARS + 1]).toBe(0);
  });

  test("REPAYDUAL, 90 actors × 1,000 years: fund net result = repaid − paid out", () => {
    const n = 90;
    const t = repayDual(
      [[1e6]],
      [[2e6, 2e6]],
      names(n),
      table(n, YEARS, (_, y) => (y === 0 ? 0 : 1)),
      [[0.5]],
      null,
      null,
      null,
      null,
    );
    // 90 × 0.50 = 45 kr a year for 999 years = 44,955 kr
    expect(rowOf(t, LABELS.repaymentTotal)[YEARS + 1]).toBe(44955);
    expect(rowOf(t, LABELS.fundResult)[YEARS + 1]).toBe(44955 - 1e6);
    expect(rowOf(t, LABELS.investment).slice(1, 4)).toEqual([-3e6, -2e6, 0]);
  });

  test("REPAYSAVINGS over 16,382 years (the widest spill): repaid 50 kr a year until the payout is back", () => {
    const years = 16382;
    const t = repaySavings(
      [[100000]],
      names(1),
      table(1, years, () => 100),
      [[0.5]],
      null,
      null,
      null,
      null,
    );
    expect(t[0]).toHaveLength(years + 2);
    // 100,000 kr at 50 kr a year from year 2: repaid in year 2,001
    expect(t[2][2001]).toBe(50);
    expect(t[2][2002]).toBe(0);
    expect(rowOf(t, LABELS.outstanding)[years + 1]).toBe(0);
  });
});

describe("beyond the limit: #VALUE! before any work", () => {
  test.each([
    [
      "REPAYSAVINGS 1,000 × 1,000",
      () =>
        repaySavings(
          [[1e6]],
          names(1000),
          table(1000, YEARS, () => 1),
          [[1]],
        ),
    ],
    [
      "REPAYSAVINGS 95 × 1,000",
      () =>
        repaySavings(
          [[1e6]],
          names(95),
          table(95, YEARS, () => 1),
          [[1]],
        ),
    ],
    [
      "REPAYCOMMITTED 47 × 1,000",
      () =>
        repayCommitted(
          [[1e9]],
          names(47),
          table(47, YEARS, () => 1),
        ),
    ],
    [
      "REPAYDUAL 91 × 1,000",
      () =>
        repayDual(
          [[1e6]],
          [[0]],
          names(91),
          table(91, YEARS, () => 1),
          [[1]],
        ),
    ],
    [
      "REPAYSAVINGS 1 × 16,383 years",
      () =>
        repaySavings(
          [[1e6]],
          names(1),
          table(1, 16383, () => 1),
          [[1]],
        ),
    ],
  ])("%s", (_, f) => {
    expect(idOf(f)).toEqual({ excel: "#VALUE!", id: "resultTooLarge" });
  });

  test("the formula engine reserves no more than the function returns: the registry's shape agrees at the limit", () => {
    const shape = (id: string, args: { rows: number; cols: number }[]) => FUNCTIONS.find((f) => f.id === id)!.spill!(args);
    const one = { rows: 1, cols: 1 };
    expect(shape("REPAYSAVINGS", [one, { rows: 94, cols: 1 }, { rows: 94, cols: YEARS }, one])).toEqual([99, 1002]);
    expect(shape("REPAYCOMMITTED", [one, { rows: 46, cols: 1 }, { rows: 46, cols: YEARS }])).toEqual([99, 1002]);
    expect(shape("REPAYDUAL", [one, one, { rows: 90, cols: 1 }, { rows: 90, cols: YEARS }, one])).toEqual([99, 1002]);
  });
});
