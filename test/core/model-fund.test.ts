/**
 * One rule, two speeds: the fund rules in doubles that the model uses (repayment.ts savingsRepaymentRow,
 * committedRepaymentRow, ledgerBalanceRows) against the exact öre ledgers of SOCINV.REPAYSAVINGS and
 * REPAYCOMMITTED (savingsLedger, committedLedger). Equal to the last bit where the ledger's rounding to the
 * öre changes nothing (whole kronor, shares that give whole öre), within the rounding otherwise; where the
 * ledger refuses the terms, the model's rule repays nothing.
 */
import fc from "fast-check";
import { SocinvError } from "../../src/core/errors";
import { committedLedger, committedRepaymentRow, ledgerBalanceRows, num, savingsLedger, savingsRepaymentRow } from "../../src/core/repayment";

const kr = (xs: readonly bigint[]) => xs.map(num);
const totalPerYear = (rows: readonly (readonly bigint[])[], n: number) => Array.from({ length: n }, (_, t) => rows.reduce((s, r) => s + num(r[t]), 0));

describe("a hand calculation", () => {
  test("payouts 1,000 and 500, savings 0, 600, 600, 600, delay 1, cap 700: 0, 600, 600 − (100 left) → 0, 600, 600, 300", () => {
    // year 2: repayable 1,000 (paid out by year 1) → 600; year 3: 1,500 − 600 = 900 → 600; year 4: 300 left → 300
    expect(savingsRepaymentRow([1000, 500], [0, 600, 600, 600], { share: 1, delay: 1, cap: 700, lastYear: null })).toEqual([0, 600, 600, 300]);
    const l = savingsLedger(["SN"], [1000, 500], [[0, 600, 600, 600]], { kind: "savings", share: [1], delay: 1, cap: 700, lastYear: null });
    expect(kr(l.repaid[0])).toEqual([0, 600, 600, 300]);
  });
  test("negative savings repay nothing; a last year stops the repayment", () => {
    expect(savingsRepaymentRow([1000], [0, -50, 400, 400], { share: 0.5, delay: 1, cap: null, lastYear: 3 })).toEqual([0, 0, 200, 0]);
  });
  test("commitments of 25 % and 75 % of 2,000: 500 and 1,500", () => {
    expect(committedRepaymentRow(2000, [0, 0.25, 0.75])).toEqual([0, 500, 1500]);
  });
  test("balances: paid out 1,000 then 500, repaid 0, 600, 600 from a fund of 5,000", () => {
    const r = ledgerBalanceRows([1000, 500, 0], [0, 600, 600], 5000);
    expect(r.outstanding).toEqual([1000, 900, 300]);
    expect(r.balance).toEqual([4000, 4100, 4700]);
    expect(r.cumulativePayout).toEqual([1000, 1500, 1500]);
    expect(r.cumulativeRepaid).toEqual([0, 600, 1200]);
  });
});

describe("savings rule: the model's row and the öre ledger", () => {
  const terms = fc.record({
    n: fc.integer({ min: 1, max: 12 }),
    payout: fc.array(fc.integer({ min: 0, max: 2000000 }), { minLength: 1, maxLength: 12 }),
    savings: fc.array(fc.integer({ min: -250000, max: 500000 }), { minLength: 12, maxLength: 12 }),
    delay: fc.integer({ min: 0, max: 4 }),
    cap: fc.option(fc.integer({ min: 0, max: 800000 })),
    lastYear: fc.option(fc.integer({ min: 1, max: 12 })),
  });

  function both(t: { n: number; payout: number[]; savings: number[]; delay: number; cap: number | null; lastYear: number | null }, share: number) {
    const payout = t.payout.slice(0, t.n);
    const savings = t.savings.slice(0, t.n);
    const fast = savingsRepaymentRow(payout, savings, { share, delay: t.delay, cap: t.cap, lastYear: t.lastYear });
    let exact: number[] | null;
    try {
      // A last year after the table limits nothing in the model; the ledger refuses it, so it is given as none.
      const lastYear = t.lastYear !== null && t.lastYear > t.n ? null : t.lastYear;
      exact = kr(savingsLedger(["SN"], payout, [savings], { kind: "savings", share: [share], delay: t.delay, cap: t.cap, lastYear }).repaid[0]);
    } catch (e) {
      expect(e).toBeInstanceOf(SocinvError);
      exact = null;
    }
    return { fast, exact };
  }

  test("whole kronor, shares 0, ¼, ½, ¾, 1 of savings in multiples of 4 kr: equal to the last bit", () => {
    fc.assert(
      fc.property(terms, fc.constantFrom(0, 0.25, 0.5, 0.75, 1), (t, share) => {
        const r = both({ ...t, savings: t.savings.map((x) => 4 * Math.round(x / 4)) }, share);
        if (r.exact === null) expect(r.fast.every((x) => x === 0)).toBe(true);
        else expect(r.fast).toEqual(r.exact);
      }),
      { numRuns: 500 },
    );
  });

  test("any share: within the ledger's rounding (half an öre per rounded amount, carried over the years)", () => {
    fc.assert(
      fc.property(terms, fc.double({ min: 0, max: 1, noNaN: true }), (t, share) => {
        const r = both(t, share);
        if (r.exact === null) return expect(r.fast.every((x) => x === 0)).toBe(true);
        const exact = r.exact;
        r.fast.forEach((x, i) => expect(Math.abs(x - exact[i])).toBeLessThanOrEqual(0.01 * t.n));
      }),
      { numRuns: 500 },
    );
  });
});

describe("committed rule and balances: the model's rows and the öre ledger", () => {
  test("shares in eighths of a payout in multiples of 8 kr: the same amounts per actor, the same outstanding and balance", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 500000 }),
        fc.array(fc.nat({ max: 40 }), { minLength: 24, maxLength: 24 }),
        fc.integer({ min: 0, max: 1e7 }),
        (actors, years, units, picks, fundStart) => {
          // eight eighths spread over the actor × year cells
          const cells = actors * years;
          const eighths = new Array<number>(cells).fill(0);
          for (let k = 0; k < 8; k++) eighths[picks[k] % cells] += 1;
          const shares = Array.from({ length: actors }, (_, i) => eighths.slice(i * years, (i + 1) * years).map((e) => e / 8));
          const total = 8 * units;
          const payout = [total, ...new Array<number>(years - 1).fill(0)];
          const names = Array.from({ length: actors }, (_, i) => `Nämnd ${i + 1}`);
          const l = committedLedger(names, payout, { kind: "committed", commitments: shares, asShares: true }, fundStart);
          shares.forEach((s, i) => expect(committedRepaymentRow(total, s)).toEqual(kr(l.repaid[i])));
          const rows = ledgerBalanceRows(payout, totalPerYear(l.repaid, years), fundStart);
          expect(rows.outstanding).toEqual(kr(l.outstanding));
          expect(rows.balance).toEqual(kr(l.balance));
        },
      ),
      { numRuns: 300 },
    );
  });
});
