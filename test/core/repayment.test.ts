/**
 * Fund repayment ledgers: Norrköping (share of realised savings), Malmö (committed plan), Ale (fund part +
 * frame appropriation), with the numbers written out; invariants (never repays more than the payout, the
 * fund balance closes exactly, to the öre); bad input.
 */
import Decimal from "decimal.js";
import fc from "fast-check";
import {
  LABELS,
  SavingsRule,
  committedLedger,
  committedTable,
  dualLedger,
  dualTable,
  ledgerTotals,
  num,
  savingsLedger,
  savingsTable,
} from "../../src/core/repayment";
import { errorOf } from "../helpers/errors";

const nums = (xs: readonly bigint[]) => xs.map(num);
/** A ledger amount (öre) as an exact decimal of kronor, for checks written in decimal.js. */
const dec = (c: bigint) => new Decimal(c.toString()).dividedBy(100);
const rule = (r: Partial<SavingsRule> = {}): SavingsRule => ({ kind: "savings", share: [1], delay: 1, cap: null, lastYear: null, ...r });

// Norrköping-style: the fund pays 1.5 Mkr in year 1 to a project run by social services and school.
const nkActors = ["Socialnämnden", "Barn- och utbildningsnämnden"];
const nkSavings = [
  [0, 400000, 600000, 700000, 700000, 700000],
  [0, 100000, 200000, 300000, 300000, 300000],
];

describe("savings-based repayment (Norrköping)", () => {
  test("100 % of savings from the year after the payout, until repaid", () => {
    const l = savingsLedger(nkActors, [1500000], nkSavings, rule());
    // year 2: 400,000 + 100,000 = 500,000 repaid, 1,000,000 outstanding
    // year 3: 600,000 + 200,000 = 800,000 repaid, 200,000 outstanding
    // year 4: 1,000,000 due but only 200,000 outstanding: shared 700 : 300 → 140,000 and 60,000
    expect(nums(l.repaid[0])).toEqual([0, 400000, 600000, 140000, 0, 0]);
    expect(nums(l.repaid[1])).toEqual([0, 100000, 200000, 60000, 0, 0]);
    expect(nums(l.outstanding)).toEqual([1500000, 1000000, 200000, 0, 0, 0]);
    expect(nums(l.balance)).toEqual([-1500000, -1000000, -200000, 0, 0, 0]);
    expect(ledgerTotals(l).unpaid).toBe(0n);
  });

  test("50 % of savings, capped at 300,000 a year, last year 5: 350,000 is left unpaid and shown", () => {
    const l = savingsLedger(nkActors, [1500000], nkSavings, rule({ share: [0.5], cap: 300000, lastYear: 5 }));
    // year 2: due 200,000 + 50,000 = 250,000 (under the cap)
    // year 3: due 300,000 + 100,000 = 400,000 > cap: 300,000 shared 3 : 1 → 225,000 and 75,000
    // years 4 and 5: due 350,000 + 150,000 = 500,000 > cap: 300,000 shared 7 : 3 → 210,000 and 90,000
    // year 6 is after the last year: nothing
    expect(nums(l.repaid[0])).toEqual([0, 200000, 225000, 210000, 210000, 0]);
    expect(nums(l.repaid[1])).toEqual([0, 50000, 75000, 90000, 90000, 0]);
    const totals = ledgerTotals(l);
    expect(num(totals.repaid)).toBe(1150000);
    expect(num(totals.unpaid)).toBe(350000);
    const t = savingsTable(l);
    expect(t[0]).toEqual(["Post / Item", 1, 2, 3, 4, 5, 6, "Summa; saldo vid slut / Total; closing balance"]);
    expect(t[1]).toEqual([LABELS.payout, -1500000, 0, 0, 0, 0, 0, -1500000]);
    expect(t[2]).toEqual([LABELS.repayment + "Socialnämnden", 0, 200000, 225000, 210000, 210000, 0, 845000]);
    expect(t[4]).toEqual([LABELS.repaymentTotal, 0, 250000, 300000, 300000, 300000, 0, 1150000]);
    expect(t[5]).toEqual([LABELS.outstanding, 1500000, 1250000, 950000, 650000, 350000, 350000, 350000]);
  });

  test("delay 2, a fund of 10 Mkr, negative savings repay nothing", () => {
    const l = savingsLedger(["SN"], [1000000], [[0, 300000, -50000, 400000, 400000]], rule({ delay: 2 }), 10e6);
    // repayment may start in year 1 + 2 = 3; year 3 saved −50,000 (a cost increase): nothing
    expect(nums(l.repaid[0])).toEqual([0, 0, 0, 400000, 400000]);
    expect(nums(l.balance)).toEqual([9e6, 9e6, 9e6, 9.4e6, 9.8e6]);
    expect(num(ledgerTotals(l).unpaid)).toBe(200000);
  });

  test("payouts over several years: each payout can be repaid from the year after it, not before", () => {
    const l = savingsLedger(["SN"], [500000, 500000], [[100000, 100000, 600000, 600000]], rule());
    // year 1: paid out up to year 0 = 0 → nothing, although 100,000 was saved
    // year 2: paid out up to year 1 = 500,000, repaid 0 → repayable 500,000; saved 100,000 → 100,000
    // year 3: paid out up to year 2 = 1,000,000 − 100,000 = 900,000 repayable; saved 600,000 → 600,000
    // year 4: 1,000,000 − 700,000 = 300,000 repayable; saved 600,000 → 300,000
    expect(nums(l.repaid[0])).toEqual([0, 100000, 600000, 300000]);
    expect(nums(l.outstanding)).toEqual([500000, 900000, 300000, 0]);
    expect(ledgerTotals(l).unpaid).toBe(0n);
  });

  test("payouts over three years, two actors at 100 % and 50 %, a cap of 400,000, last year 4: what was paid out binds early", () => {
    const savings = [
      [0, 160000, 160000, 400000, 400000, 400000],
      [0, 40000, 40000, 100000, 100000, 100000],
    ];
    const l = savingsLedger(["SN", "BUN"], [100000, 400000, 500000], savings, rule({ share: [1, 0.5], cap: 400000, lastYear: 4 }));
    // owed: SN 100 % → 160,000, 160,000, 400,000…; BUN 50 % → 20,000, 20,000, 50,000…; together 180,000, 180,000, 450,000
    // year 2: repayable = paid out up to year 1 (100,000) − 0 = 100,000 < 180,000 owed → 100,000 shared 160 : 20 = 8 : 1
    //         100,000 × 8/9 = 88,888.888… → 88,888.89 (largest remainder) and 11,111.11
    // year 3: repayable = 500,000 − 100,000 = 400,000; owed 180,000 → 160,000 + 20,000
    // year 4: repayable = 1,000,000 − 280,000 = 720,000; owed 450,000 > cap 400,000 → 400,000 shared 8 : 1
    //         400,000 × 8/9 = 355,555.555… → 355,555.56 and 44,444.44
    // years 5–6: after the last year → nothing; unpaid 1,000,000 − 680,000 = 320,000, reported
    expect(nums(l.repaid[0])).toEqual([0, 88888.89, 160000, 355555.56, 0, 0]);
    expect(nums(l.repaid[1])).toEqual([0, 11111.11, 20000, 44444.44, 0, 0]);
    expect(nums(l.outstanding)).toEqual([100000, 400000, 720000, 320000, 320000, 320000]);
    expect(num(ledgerTotals(l).unpaid)).toBe(320000);
    const t = savingsTable(l);
    expect(t[1]).toEqual([LABELS.payout, -100000, -400000, -500000, 0, 0, 0, -1000000]);
    expect(t[4]).toEqual([LABELS.repaymentTotal, 0, 100000, 180000, 400000, 0, 0, 680000]);
  });

  test("delay 0 repays in the payout's own year; delay 2 counts from the first payout", () => {
    const same = savingsLedger(["SN"], [200000, 200000], [[150000, 150000, 150000]], rule({ delay: 0 }));
    // year 1: paid out up to year 1 = 200,000 → 150,000; year 2: 400,000 − 150,000 = 250,000 → 150,000;
    // year 3: 400,000 − 300,000 = 100,000 → 100,000
    expect(nums(same.repaid[0])).toEqual([150000, 150000, 100000]);
    const late = savingsLedger(["SN"], [0, 300000, 300000], [[50000, 100000, 100000, 100000, 300000, 300000]], rule({ delay: 2 }));
    // first payout year 2 + delay 2 = year 4: paid out up to year 2 = 300,000 → 100,000 saved → 100,000
    // year 5: paid out up to year 3 = 600,000 − 100,000 = 500,000 → 300,000; year 6: 600,000 − 400,000 = 200,000 → 200,000
    expect(nums(late.repaid[0])).toEqual([0, 0, 0, 100000, 300000, 200000]);
    expect(ledgerTotals(late).unpaid).toBe(0n);
  });

  test("a delay that reaches past the horizon from the last payout still repays the first payout", () => {
    // year 1 + 2 = 3 is in the table; year 3 may repay what was paid out up to year 1: 100 of the 200
    const l = savingsLedger(["SN"], [100, 100], [[0, 100, 150]], rule({ delay: 2 }));
    expect(nums(l.repaid[0])).toEqual([0, 0, 100]);
    expect(num(ledgerTotals(l).unpaid)).toBe(100);
  });

  test("to the öre: 100 kr outstanding against 150 kr due from three equal savers → 33.34 + 33.33 + 33.33", () => {
    const l = savingsLedger(
      ["A", "B", "C"],
      [100],
      [
        [0, 50],
        [0, 50],
        [0, 50],
      ],
      rule(),
    );
    expect(l.repaid.map((r) => num(r[1]))).toEqual([33.34, 33.33, 33.33]);
    expect(ledgerTotals(l).unpaid).toBe(0n);
  });

  test("amounts are rounded half-up to the öre before they enter the ledger", () => {
    const l = savingsLedger(["A"], [1000.005], [[0, 333.335]], rule({ share: [1 / 3] }));
    expect(num(l.payout[0])).toBe(1000.01);
    expect(num(l.repaid[0][1])).toBe(111.11); // 333.335 / 3 = 111.111666…
  });
});

describe("committed repayment (Malmö)", () => {
  const actors = ["Socialnämnden", "Barn- och utbildningsnämnden"];
  const plan = [
    [0, 300000, 300000, 300000, 300000],
    [0, 200000, 200000, 200000, 200000],
  ];
  const saved = [
    [0, 250000, 350000, 300000, 300000],
    [0, 100000, 200000, 250000, 250000],
  ];

  test("2 Mkr from the 50 Mkr children-and-youth fund, repaid by commitment whatever was saved", () => {
    const l = committedLedger(actors, [2000000], { kind: "committed", commitments: plan, asShares: false }, 50e6);
    expect(nums(l.outstanding)).toEqual([2e6, 1.5e6, 1e6, 0.5e6, 0]);
    expect(nums(l.balance)).toEqual([48e6, 48.5e6, 49e6, 49.5e6, 50e6]);
    const t = committedTable(l, saved);
    expect(t).toHaveLength(2 * 2 + 7);
    expect(t[4]).toEqual([LABELS.repaymentTotal, 0, 500000, 500000, 500000, 500000, 2000000]);
    expect(t[5]).toEqual([LABELS.savings, 0, 350000, 550000, 550000, 550000, 2000000]);
    // gap = commitment − realised savings: SN commits 300,000 but saved 250,000 in year 2 → 50,000 to find elsewhere
    expect(t[6]).toEqual([LABELS.gap + "Socialnämnden", 0, 50000, -50000, 0, 0, 0]);
    expect(t[7]).toEqual([LABELS.gap + "Barn- och utbildningsnämnden", 0, 100000, 0, -50000, -50000, 0]);
    expect(t[8]).toEqual([LABELS.gapTotal, 0, 150000, -50000, -50000, -50000, 0]);
    expect(t[10]).toEqual([LABELS.balance, 48e6, 48.5e6, 49e6, 49.5e6, 50e6, 50e6]);
  });

  test("without savings the gap rows are blank, and say so — never a silent zero", () => {
    const t = committedTable(committedLedger(actors, [2000000], { kind: "committed", commitments: plan, asShares: false }), null);
    expect(t[5][0]).toBe(LABELS.savingsNotGiven);
    expect(t[5].slice(1).every((c) => c === "")).toBe(true);
    expect(t[8].slice(1).every((c) => c === "")).toBe(true);
  });

  test("commitments as shares of the payout: 15 % and 10 % a year give the same plan", () => {
    const shares = [
      [0, 0.15, 0.15, 0.15, 0.15],
      [0, 0.1, 0.1, 0.1, 0.1],
    ];
    const l = committedLedger(actors, [2000000], { kind: "committed", commitments: shares, asShares: true });
    expect(nums(l.repaid[0])).toEqual(plan[0]);
    expect(nums(l.repaid[1])).toEqual(plan[1]);
  });

  test("thirds of 1,000,000 kr are split exactly to the öre", () => {
    const l = committedLedger(["SN"], [1e6], { kind: "committed", commitments: [[0, 1 / 3, 1 / 3, 1 / 3]], asShares: true });
    expect(nums(l.repaid[0])).toEqual([0, 333333.34, 333333.33, 333333.33]);
    expect(ledgerTotals(l).unpaid).toBe(0n);
  });

  test("a plan short of the payout leaves the rest unpaid, shown", () => {
    const l = committedLedger(["SN"], [1e6], { kind: "committed", commitments: [[0, 200000, 200000]], asShares: false });
    expect(num(ledgerTotals(l).unpaid)).toBe(600000);
  });

  test("bad plans: more than the payout, before the payout, negative, shares not 100 %", () => {
    const c =
      (commitments: number[][], asShares = false) =>
      () =>
        committedLedger(["SN"], [0, 1e6], { kind: "committed", commitments, asShares });
    expect(errorOf(c([[0, 600000, 600000]]))).toEqual({ excel: "#NUM!", id: "commitmentsExceedPayout" });
    expect(errorOf(c([[100, 500000, 400000]]))).toEqual({ excel: "#NUM!", id: "commitmentBeforePayout" });
    expect(errorOf(c([[0, -1, 0]]))).toEqual({ excel: "#NUM!", id: "negativeAmount" });
    expect(errorOf(c([[0, 0.5, 0.4]], true))).toEqual({ excel: "#NUM!", id: "sharesNot100" });
    expect(errorOf(() => committedLedger(["SN", "BUN"], [1], { kind: "committed", commitments: [[0, 1]], asShares: false }))).toEqual({
      excel: "#VALUE!",
      id: "actorsMismatch",
    });
    expect(errorOf(() => committedTable(committedLedger(["SN"], [1e6], { kind: "committed", commitments: [[0, 1e6]], asShares: false }), [[0, 1, 2]]))).toEqual(
      {
        excel: "#VALUE!",
        id: "tablesMismatch",
      },
    );
  });
});

describe("dual model (Ale)", () => {
  test("6 Mkr fund part repaid at 50 % of savings, 4 Mkr frame over two years never repaid", () => {
    const savings = [
      [0, 1000000, 2000000, 3000000],
      [0, 500000, 500000, 500000],
    ];
    const l = dualLedger(["Socialnämnden", "Kultur- och fritidsnämnden"], [6e6], [2e6, 2e6], savings, rule({ share: [0.5] }));
    // repaid: year 2 500,000 + 250,000; year 3 1,000,000 + 250,000; year 4 1,500,000 + 250,000 = 3,750,000
    expect(nums(l.repaid[0])).toEqual([0, 500000, 1000000, 1500000]);
    expect(num(ledgerTotals(l).unpaid)).toBe(2250000);
    const t = dualTable(l);
    expect(t).toHaveLength(2 + 9);
    expect(t[1]).toEqual([LABELS.fundPart, -6e6, 0, 0, 0, -6e6]);
    expect(t[2]).toEqual([LABELS.frame, -2e6, -2e6, 0, 0, -4e6]);
    expect(t[3]).toEqual([LABELS.investment, -8e6, -2e6, 0, 0, -10e6]);
    expect(t[7]).toEqual([LABELS.savings, 0, 1500000, 2500000, 3500000, 7500000]);
    expect(t[9]).toEqual([LABELS.balance, -6e6, -5.25e6, -4e6, -2.25e6, -2.25e6]); // the frame is not the fund's money
    expect(t[10]).toEqual([LABELS.fundResult, -6e6, 750000, 1250000, 1750000, -2250000]);
  });

  test("the fund part may follow a committed plan instead", () => {
    const l = dualLedger(["SN"], [1e6], [5e5], [[0, 1, 1]], { kind: "committed", commitments: [[0, 5e5, 5e5]], asShares: false });
    expect(nums(l.outstanding)).toEqual([1e6, 5e5, 0]);
    expect(nums(l.frame)).toEqual([5e5, 0, 0]);
  });

  test("a frame longer than the horizon is refused", () => {
    expect(errorOf(() => dualLedger(["SN"], [1e6], [1, 1, 1, 1], [[0, 1, 1]], rule()))).toEqual({ excel: "#VALUE!", id: "longerThanHorizon" });
  });
});

describe("invariants", () => {
  const scenario = fc.integer({ min: 1, max: 5 }).chain((n) =>
    fc.integer({ min: 2, max: 15 }).chain((years) =>
      fc.record({
        n: fc.constant(n),
        years: fc.constant(years),
        payout: fc
          .array(
            fc.integer({ min: 0, max: 5e8 }).map((c) => c / 100),
            { minLength: 1, maxLength: Math.min(3, years - 1) },
          )
          .filter((p) => p.some((x) => x > 0)),
        savings: fc.array(
          fc.array(
            fc.integer({ min: -1e8, max: 5e8 }).map((c) => c / 1000),
            { minLength: years, maxLength: years },
          ),
          { minLength: n, maxLength: n },
        ),
        share: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 1 }),
        delay: fc.integer({ min: 0, max: 3 }),
        cap: fc.option(fc.integer({ min: 1, max: 1e8 }).map((c) => c / 100)),
        fundStart: fc.integer({ min: 0, max: 1e9 }),
      }),
    ),
  );

  test("never repays more than the payout; outstanding never negative; the balance closes to the öre", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const actors = Array.from({ length: s.n }, (_, i) => `Nämnd ${i + 1}`);
        fc.pre(s.payout.findIndex((x) => x > 0) + 1 + s.delay <= s.years);
        const l = savingsLedger(actors, s.payout, s.savings, rule({ share: s.share, cap: s.cap, delay: s.delay }), s.fundStart);
        const paidOutBy: bigint[] = [];
        const { paidOut, repaid, unpaid, closingBalance } = ledgerTotals(l);
        const fundStart = BigInt(s.fundStart) * 100n;
        expect(repaid <= paidOut).toBe(true);
        expect(unpaid).toBe(paidOut - repaid);
        expect(closingBalance).toBe(fundStart - paidOut + repaid);
        let paid = 0n;
        let back = 0n;
        for (let t = 0; t < l.years; t++) {
          paid += l.payout[t];
          paidOutBy.push(paid);
          const year = l.repaid.reduce((a, r) => a + r[t], 0n);
          back += year;
          // money flows back only once it has been paid out, `delay` years before
          expect(back <= (t - s.delay >= 0 ? paidOutBy[t - s.delay] : 0n)).toBe(true);
          expect(l.outstanding[t]).toBe(paid - back);
          expect(l.outstanding[t] >= 0n).toBe(true);
          expect(l.balance[t]).toBe(fundStart - paid + back);
          if (s.cap !== null) expect(dec(year).lessThanOrEqualTo(s.cap)).toBe(true);
          l.repaid.forEach((r, i) => {
            expect(r[t] >= 0n).toBe(true);
            // nobody repays more than its share of what it saved (rounded to the öre), computed here in decimal.js
            const due = Decimal.max(0, new Decimal(s.savings[i][t]).times(s.share[0])).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
            expect(dec(r[t]).lessThanOrEqualTo(due)).toBe(true);
          });
        }
        // the spilled table agrees with the ledger: outstanding row's closing value is the unpaid amount
        const table = savingsTable(l);
        expect(table[table.length - 2][l.years + 1]).toBe(num(unpaid));
      }),
      { numRuns: 100 },
    );
  });

  test("a committed plan: repayments are the commitments, the balance closes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 1e6 }),
        (plan, extra) => {
          const committed = plan.flat().reduce((a, b) => a + b, 0);
          const payout = committed + extra;
          fc.pre(payout > 0);
          const l = committedLedger(
            plan.map((_, i) => `N${i}`),
            [payout],
            { kind: "committed", commitments: plan, asShares: false },
          );
          expect(l.repaid.map(nums)).toEqual(plan);
          expect(num(ledgerTotals(l).unpaid)).toBe(extra);
          expect(num(ledgerTotals(l).closingBalance) + extra).toBe(0);
        },
      ),
    );
  });
});

describe("bad input: clear errors, never wrong numbers", () => {
  const sv = [[0, 100, 100]];
  test.each([
    {
      what: "repayment longer than the horizon (last_year 4 of 3)",
      f: () => savingsLedger(["SN"], [100], sv, rule({ lastYear: 4 })),
      e: { excel: "#VALUE!", id: "repayLongerThanHorizon" },
    },
    {
      what: "repayment starting after the horizon",
      f: () => savingsLedger(["SN"], [100], sv, rule({ delay: 3 })),
      e: { excel: "#VALUE!", id: "startAfterHorizon" },
    },
    {
      what: "the first payout plus the delay after the horizon",
      f: () => savingsLedger(["SN"], [0, 100], sv, rule({ delay: 2 })),
      e: { excel: "#VALUE!", id: "startAfterHorizon" },
    },
    {
      what: "last year before the first payout year + delay",
      f: () => savingsLedger(["SN"], [0, 100], sv, rule({ lastYear: 2 })),
      e: { excel: "#VALUE!", id: "lastBeforeStart" },
    },
    {
      what: "last year before the first repayment year",
      f: () => savingsLedger(["SN"], [100], sv, rule({ lastYear: 1 })),
      e: { excel: "#VALUE!", id: "lastBeforeStart" },
    },
    {
      what: "payouts over more years than the table",
      f: () => savingsLedger(["SN"], [1, 1, 1, 1], sv, rule()),
      e: { excel: "#VALUE!", id: "longerThanHorizon" },
    },
    { what: "a negative payout", f: () => savingsLedger(["SN"], [-100], sv, rule()), e: { excel: "#NUM!", id: "negativeAmount" } },
    { what: "no payout", f: () => savingsLedger(["SN"], [0], sv, rule()), e: { excel: "#NUM!", id: "noPayout" } },
    { what: "a share above 100 %", f: () => savingsLedger(["SN"], [100], sv, rule({ share: [1.5] })), e: { excel: "#NUM!", id: "shareOutOfRange" } },
    { what: "a negative share", f: () => savingsLedger(["SN"], [100], sv, rule({ share: [-0.1] })), e: { excel: "#NUM!", id: "shareOutOfRange" } },
    { what: "two shares for one actor", f: () => savingsLedger(["SN"], [100], sv, rule({ share: [0.5, 0.5] })), e: { excel: "#VALUE!", id: "shareCount" } },
    { what: "a fractional delay", f: () => savingsLedger(["SN"], [100], sv, rule({ delay: 1.5 })), e: { excel: "#NUM!", id: "notWholeYears" } },
    { what: "a negative cap", f: () => savingsLedger(["SN"], [100], sv, rule({ cap: -5 })), e: { excel: "#NUM!", id: "capNotPositive" } },
    { what: "labels and savings of different sizes", f: () => savingsLedger(["SN", "BUN"], [100], sv, rule()), e: { excel: "#VALUE!", id: "actorsMismatch" } },
  ])("$what", ({ f, e }) => {
    expect(errorOf(f)).toEqual(e);
  });
  test("the horizon message tells what to do, in both languages", () => {
    expect(() => savingsLedger(["SN"], [100], sv, rule({ lastYear: 4 }))).toThrow(/längre än horisonten.* \/ .*longer than the horizon/);
  });
  test("a start after the horizon is counted from the first payout year, and says so", () => {
    expect(() => savingsLedger(["SN"], [0, 100], sv, rule({ delay: 2 }))).toThrow(
      /år 4 \(första utbetalningsåret 2 \+ fördröjning 2\).* \/ .*year 4 \(first payout year 2 \+ delay 2\)/,
    );
  });
});

describe("issue 8: exact to the öre at any size, a table of a million cells in one pass", () => {
  test("1,000 actors × 1,000 years, a cap of 500.01 kr binding every year: the first actor gets the extra öre", () => {
    const n = 1000;
    const years = 1000;
    const actors = Array.from({ length: n }, (_, i) => `Nämnd ${i + 1}`);
    const savings = Array.from({ length: n }, () => Array.from({ length: years }, (_, t) => (t === 0 ? 0 : 1)));
    const l = savingsLedger(actors, [1e6], savings, rule({ cap: 500.01 }));
    // years 2–1,000: 1,000 kr owed, 500.01 kr repayable under the cap = 50,001 öre shared by equal dues of 100 öre:
    // 50 öre each, the 1 öre left to the first actor (ties to the first listed)
    expect(num(l.repaid[0][1])).toBe(0.51);
    expect(num(l.repaid[1][1])).toBe(0.5);
    expect(num(l.repaid[n - 1][years - 1])).toBe(0.5);
    const t = savingsTable(l);
    expect(t).toHaveLength(n + 5);
    expect(t[2][years + 1]).toBe(509.49); // 999 × 0.51
    expect(t[n + 1][years + 1]).toBe(499.5); // 999 × 0.50
    expect(t[n + 2][years + 1]).toBe(499509.99); // 999 × 500.01
    const totals = ledgerTotals(l);
    expect(totals.repaid).toBe(49950999n);
    expect(num(totals.unpaid)).toBe(500490.01); // 1,000,000 − 499,509.99
    expect(t[n + 4][years + 1]).toBe(-500490.01);
  });

  test("1,000 actors × 1,000 years committed as shares of 1,000,000,000.07 kr: the 7 öre to the first cells", () => {
    const n = 1000;
    const years = 1000;
    const actors = Array.from({ length: n }, (_, i) => `Nämnd ${i + 1}`);
    const shares = Array.from({ length: n }, () => Array.from({ length: years }, () => 1 / (n * years)));
    const savings = Array.from({ length: n }, () => Array.from({ length: years }, () => 1000));
    const l = committedLedger(actors, [1e9 + 0.07], { kind: "committed", commitments: shares, asShares: true });
    // 100,000,000,007 öre in 1,000,000 equal shares: 100,000 öre each, the 7 öre left to the first seven cells
    // (actor 1, years 1–7, in reading order)
    expect(nums(l.repaid[0].slice(0, 8))).toEqual([1000.01, 1000.01, 1000.01, 1000.01, 1000.01, 1000.01, 1000.01, 1000]);
    expect(ledgerTotals(l).unpaid).toBe(0n);
    const t = committedTable(l, savings);
    expect(t[2][years + 1]).toBe(1000000.07);
    expect(t[3][years + 1]).toBe(1000000);
    expect(t[n + 3][1]).toBe(1000000); // realised savings, year 1
    expect(t[n + 4].slice(1, 9)).toEqual([0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0]); // gap, actor 1
    expect(t[2 * n + 4][years + 1]).toBe(0.07); // total gap
  });

  test("1,000 actors × 1,000 years, dual: the fund's net result is repaid − paid out", () => {
    const n = 1000;
    const years = 1000;
    const actors = Array.from({ length: n }, (_, i) => `Nämnd ${i + 1}`);
    const savings = Array.from({ length: n }, () => Array.from({ length: years }, (_, t) => (t === 0 ? 0 : 1)));
    const t = dualTable(dualLedger(actors, [1e6], [1e6, 1e6], savings, rule({ cap: 500.01 })));
    expect(t[3].slice(1, 4)).toEqual([-2e6, -1e6, 0]); // investment: fund part + frame
    expect(t[n + 5][years + 1]).toBe(999000); // realised savings: 999 years × 1,000 kr
    expect(t[n + 8][years + 1]).toBe(-500490.01); // 499,509.99 − 1,000,000
  });

  test("half-up as the decimals typed, where doubles would round down: 2.01 × 50 % = 1.005 → 1.01; 1.005 → 1.01", () => {
    expect(Math.round(2.01 * 0.5 * 100)).toBe(100); // in doubles 100.49999999999999
    expect(Math.round(1.005 * 100)).toBe(100);
    const l = savingsLedger(["SN"], [1.005], [[0, 2.01]], rule({ share: [0.5] }));
    expect(l.payout[0]).toBe(101n);
    expect(num(l.repaid[0][1])).toBe(1.01);
  });

  test("amounts beyond 2^53 öre stay exact: 1,000,000,000,000,000 kr repaid at a third of 300,000,000,000,000 kr a year", () => {
    const l = savingsLedger(["SN"], [1e15], [[0, 3e14, 3e14, 3e14, 3e14]], rule({ share: [1 / 3] }));
    // 3e14 × 0.3333333333333333 = 99,999,999,999,999.99 kr a year (exactly, to the öre), four years
    expect(l.repaid[0][1]).toBe(9999999999999999n);
    expect(ledgerTotals(l).repaid).toBe(39999999999999996n);
    expect(ledgerTotals(l).unpaid).toBe(60000000000000004n); // 600,000,000,000,000.04 kr
  });
});
