/**
 * Exact splits (largest remainder): hand calculations written out, the invariants (parts sum exactly to the
 * total, each part within one unit of its exact quota, a larger share never gets less) and bad input.
 */
import Decimal from "decimal.js";
import fc from "fast-check";
import { _fastApportion, apportion, exactWeights, splitByGains, splitByShares, toUnit } from "../../src/core/allocation";
import { errorOf } from "../helpers/errors";

/** The exact decimal sum of the numbers as Excel shows them. */
const exactSum = (xs: number[]): string => xs.reduce((a, x) => a.plus(new Decimal(x)), new Decimal(0)).toString();
const column = (t: number[][], j = 0) => t.map((r) => r[j]);

describe("SPLIT: hand calculations", () => {
  test("16 Mkr by 35 % / 65 %: 5,600,000 and 10,400,000", () => {
    expect(splitByShares([16e6], [0.35, 0.65])).toEqual([[5.6e6], [10.4e6]]);
  });

  test("100 kr in thirds: quotas 33.33 each, one krona left; equal remainders, so the first listed gets it", () => {
    const third = 1 / 3;
    expect(splitByShares([100], [third, third, third])).toEqual([[34], [33], [33]]);
  });

  test("10 kr by 25/25/50 %: quotas 2.5, 2.5, 5 → floors 2, 2, 5; the missing krona to the first tie", () => {
    expect(splitByShares([10], [0.25, 0.25, 0.5])).toEqual([[3], [2], [5]]);
  });

  test("largest remainder wins regardless of order: 100 kr by 0.115 / 0.445 / 0.44", () => {
    // quotas 11.5, 44.5, 44 → floors 11, 44, 44 (99): remainders .5, .5, 0 → first tie (11.5) gets it
    expect(splitByShares([100], [0.115, 0.445, 0.44])).toEqual([[12], [44], [44]]);
    // quotas 11.7, 44.3, 44 → the .7 remainder gets the krona
    expect(splitByShares([100], [0.117, 0.443, 0.44])).toEqual([[12], [44], [44]]);
    // quotas 11.3, 44.7, 44 → the .7 remainder (second actor) gets it
    expect(splitByShares([100], [0.113, 0.447, 0.44])).toEqual([[11], [45], [44]]);
  });

  test("öre: 1,000.00 kr in thirds → 333.34 + 333.33 + 333.33", () => {
    const t = splitByShares([1000], [1 / 3, 1 / 3, 1 / 3], toUnit(0.01));
    expect(column(t)).toEqual([333.34, 333.33, 333.33]);
    expect(exactSum(column(t))).toBe("1000");
  });

  test("öre with a float-noisy total: 0.1 + 0.2 kr is 30 öre", () => {
    expect(column(splitByShares([0.1 + 0.2], [0.5, 0.5], toUnit("öre")))).toEqual([0.15, 0.15]);
  });

  test("tkr: 1,234,000 kr in thirds → 412,000 + 411,000 + 411,000", () => {
    expect(column(splitByShares([1234000], [1 / 3, 1 / 3, 1 / 3], toUnit("tkr")))).toEqual([412000, 411000, 411000]);
  });

  test("a cost (negative) splits like its amount, with the sign: −100 in thirds → −34, −33, −33", () => {
    expect(column(splitByShares([-100], [1 / 3, 1 / 3, 1 / 3]))).toEqual([-34, -33, -33]);
  });

  test("a row of yearly amounts spills actors × years, each year exact", () => {
    expect(splitByShares([1000, 1001, 0], [0.5, 0.5])).toEqual([
      [500, 501, 0],
      [500, 500, 0],
    ]);
  });

  test("a zero share gets nothing, even of the leftover units", () => {
    expect(column(splitByShares([7], [0.5, 0, 0.5]))).toEqual([4, 0, 3]);
  });
});

describe("SPLITBYGAINS: those who gain pay", () => {
  test("Bunkeflo: 16 Mkr by gains 56 Mkr (region) and 59 Mkr (society); the kommun gains nothing", () => {
    // quotas 16e6 × 56/115 = 7,791,304.348 and 16e6 × 59/115 = 8,208,695.652; floors sum to 15,999,999;
    // the larger remainder (.652, society) gets the last krona.
    expect(splitByGains([16e6], 0, [[-16e6], [56e6], [59e6]])).toEqual([[0], [7791304], [8208696]]);
  });

  test("gains are discounted: at 10 % a gain of 121 in year 2 weighs as 100, one of 110 in year 1 as 100", () => {
    expect(splitByGains([1000], 0.1, [[110, 0], [0, 121], [-50, 0]])).toEqual([[500], [500], [0]]);
  });

  test("nobody gains: #DIV/0!", () => {
    expect(errorOf(() => splitByGains([100], 0, [[-1], [0]]))).toEqual({ excel: "#DIV/0!", id: "noGains" });
  });
});

describe("invariants", () => {
  const shares = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0));
  const units = fc.constantFrom(1, 0.01, 1000, 0.05);

  test("the parts sum EXACTLY to the total, each within one unit of its exact quota, larger share never less", () => {
    fc.assert(
      fc.property(shares, fc.integer({ min: -1e9, max: 1e9 }), units, (w, k, u) => {
        const unit = toUnit(u);
        const amount = new Decimal(k).times(u).toNumber(); // a whole number of units
        const total = w.reduce((a, b) => a + b, 0);
        const s = w.map((x) => x / total); // shares as doubles, summing to 1 within rounding
        const parts = column(splitByShares([amount], s, unit));
        expect(exactSum(parts)).toBe(new Decimal(amount).toString());
        parts.forEach((p, i) => {
          const quota = new Decimal(amount).times(w[i]).dividedBy(total);
          expect(new Decimal(p).minus(quota).abs().lessThan(u)).toBe(true);
          // every part is a whole number of units, written exactly (e.g. 333.34, not 333.34000000000003)
          expect(new Decimal(p).dividedBy(u).isInteger()).toBe(true);
        });
        for (let i = 0; i < w.length; i++) for (let j = 0; j < w.length; j++) if (w[i] > w[j]) expect(Math.abs(parts[i])).toBeGreaterThanOrEqual(Math.abs(parts[j]));
      }),
    );
  });

  test("apportion: exact integers, sum preserved, ties to the first listed", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 20 }), (n, w) => {
        fc.pre(w.some((x) => x > 0n));
        const parts = apportion(n, w);
        expect(parts.reduce((a, b) => a + b, 0n)).toBe(n);
        const W = w.reduce((a, b) => a + b, 0n);
        parts.forEach((p, i) => {
          const floor = (n * w[i]) / W;
          expect(p === floor || p === floor + 1n).toBe(true);
        });
      }),
    );
    expect(apportion(2n, [1n, 1n, 1n])).toEqual([1n, 1n, 0n]);
  });

  test("the fast double path decides exactly as the integers do, or declines (ties, near-whole quotas)", () => {
    let declined = 0;
    let decided = 0;
    fc.assert(
      fc.property(
        // rational shares k/m make exact ties and whole quotas common, the hard cases for doubles
        fc.integer({ min: 1, max: 97 }).chain((m) => fc.tuple(fc.constant(m), fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 12 }))),
        fc.integer({ min: 0, max: 2 ** 40 }),
        ([m, ks], units) => {
          fc.pre(ks.some((k) => k > 0));
          const w = exactWeights(ks.map((k) => k / m));
          const total = w.reduce((a, b) => a + b, 0n);
          const fast = _fastApportion(units, w.map((x) => Number(x) / Number(total)));
          if (fast === null) declined++;
          else {
            decided++;
            expect(fast.map(BigInt)).toEqual(apportion(BigInt(units), w));
          }
        },
      ),
      { numRuns: 2000 },
    );
    expect(decided).toBeGreaterThan(500); // the fast path is used, not always declined
    expect(declined).toBeGreaterThan(0); // and the hard cases do occur
  });
});

describe("bad input: clear errors, never wrong numbers", () => {
  test.each([
    { what: "a negative share", f: () => splitByShares([100], [0.6, -0.1, 0.5]), e: { excel: "#NUM!", id: "negativeShare" } },
    { what: "shares below 100 %", f: () => splitByShares([100], [0.3, 0.3]), e: { excel: "#NUM!", id: "sharesNot100" } },
    { what: "shares in percent (35, 65)", f: () => splitByShares([100], [35, 65]), e: { excel: "#NUM!", id: "sharesNot100" } },
    { what: "all shares zero", f: () => splitByShares([100], [0, 0]), e: { excel: "#NUM!", id: "sharesNot100" } },
    { what: "an amount with öre split in kronor", f: () => splitByShares([1234.56], [0.5, 0.5]), e: { excel: "#NUM!", id: "notWholeUnits" } },
    { what: "an amount not in whole tkr", f: () => splitByShares([1500], [0.5, 0.5], toUnit(1000)), e: { excel: "#NUM!", id: "notWholeUnits" } },
    { what: "an amount too large to be exact", f: () => splitByShares([1e17], [0.5, 0.5]), e: { excel: "#NUM!", id: "amountTooLarge" } },
    { what: "a unit of 0", f: () => toUnit(0), e: { excel: "#NUM!", id: "badUnit" } },
    { what: "an unknown unit name", f: () => toUnit("dollar"), e: { excel: "#NUM!", id: "badUnit" } },
    { what: "a unit with 11 decimals", f: () => toUnit(1e-11), e: { excel: "#NUM!", id: "badUnit" } },
    { what: "no amount", f: () => splitByShares([], [1]), e: { excel: "#VALUE!", id: "emptyRange" } },
  ])("$what", ({ f, e }) => {
    expect(errorOf(f)).toEqual(e);
  });

  test("a message says what to do, in Swedish and English", () => {
    expect(() => splitByShares([100], [35, 65])).toThrow(/summerar till 10000 %.*0,35.* \/ .*sum to 10000%.*0\.35/);
  });
});
