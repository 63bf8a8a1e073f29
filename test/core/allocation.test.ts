/**
 * Exact splits (largest remainder): hand calculations written out, the invariants (parts sum exactly to the
 * total, each part within one unit of its exact quota, a larger share never gets less) and bad input.
 */
import Decimal from "decimal.js";
import fc from "fast-check";
import { _fastApportion, apportion, exactWeights, splitByGains, splitByShares, toUnit } from "../../src/core/allocation";
import { SocinvError } from "../../src/core/errors";
import { errorOf, thrown } from "../helpers/errors";

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
    expect(
      splitByGains([1000], 0.1, [
        [110, 0],
        [0, 121],
        [-50, 0],
      ]),
    ).toEqual([[500], [500], [0]]);
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
        for (let i = 0; i < w.length; i++)
          for (let j = 0; j < w.length; j++) if (w[i] > w[j]) expect(Math.abs(parts[i])).toBeGreaterThanOrEqual(Math.abs(parts[j]));
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
          const fast = _fastApportion(
            units,
            w.map((x) => Number(x) / Number(total)),
          );
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
    { what: "an amount with öre split in kronor", f: () => splitByShares([1234.56], [0.5, 0.5]), e: { excel: "#VALUE!", id: "notWholeUnits" } },
    { what: "an amount not in whole tkr", f: () => splitByShares([1500], [0.5, 0.5], toUnit(1000)), e: { excel: "#VALUE!", id: "notWholeUnits" } },
    { what: "an amount too large to be exact", f: () => splitByShares([1e17], [0.5, 0.5]), e: { excel: "#VALUE!", id: "amountTooLarge" } },
    { what: "a unit of 0", f: () => toUnit(0), e: { excel: "#NUM!", id: "badUnit" } },
    { what: "an unknown unit name", f: () => toUnit("dollar"), e: { excel: "#NUM!", id: "badUnit" } },
    { what: "a unit with 11 decimals", f: () => toUnit(1e-11), e: { excel: "#NUM!", id: "badUnit" } },
    { what: "no amount", f: () => splitByShares([], [1]), e: { excel: "#VALUE!", id: "emptyRange" } },
  ])("$what", ({ f, e }) => {
    expect(errorOf(f)).toEqual(e);
  });

  test("a message says what to do, in Swedish and English", () => {
    expect(() => splitByShares([100], [35, 65])).toThrow(/summerar till 10\u00a0000 %.*0,35.* \/ .*sum to 10,000%.*0\.35/);
  });
});

describe("the parts sum exactly to the amount, or a clear error (regressions found by a probe)", () => {
  const messageOf = thrown;

  test("SPLIT(60000000000.4, {0.5, 0.5}) is refused in kronor (it dropped 0.4 kr) and splits exactly in öre", () => {
    const e = messageOf(() => splitByShares([60000000000.4], [0.5, 0.5]));
    expect({ excel: e.excel, id: e.id }).toEqual({ excel: "#VALUE!", id: "notWholeUnits" });
    // the whole amount, with the öre that are the problem, in Swedish and English style, and what to do
    expect(e.sv).toContain("60\u00a0000\u00a0000\u00a0000,4");
    expect(e.sv).toMatch(/Avrunda beloppet.*AVRUNDA\(A1;2\).*mindre enhet/);
    expect(e.en).toContain("60,000,000,000.4");
    expect(e.en).toMatch(/Round the amount.*ROUND\(A1,2\).*smaller unit/);
    // in öre: 6,000,000,000,040 öre, halves of 3,000,000,000,020 öre each
    const parts = column(splitByShares([60000000000.4], [0.5, 0.5], toUnit("öre")));
    expect(parts).toEqual([30000000000.2, 30000000000.2]);
    expect(exactSum(parts)).toBe("60000000000.4");
  });

  test("SPLIT(16724213049.74705, six equal shares) is refused (its parts summed to 16,724,213,050); rounded first, it splits exactly", () => {
    const sixth = 1 / 6;
    const six = [sixth, sixth, sixth, sixth, sixth, sixth];
    expect(errorOf(() => splitByShares([16724213049.74705], six))).toEqual({ excel: "#VALUE!", id: "notWholeUnits" });
    expect(errorOf(() => splitByShares([16724213049.74705], six, toUnit("öre")))).toEqual({ excel: "#VALUE!", id: "notWholeUnits" });
    // =ROUND(…, 0) = 16,724,213,050: quotas 2,787,368,841.67 each; floors sum to 16,724,213,046; the 4 missing
    // kronor go to the first four (equal remainders: ties to the first listed)
    const parts = column(splitByShares([16724213050], six));
    expect(parts).toEqual([2787368842, 2787368842, 2787368842, 2787368842, 2787368841, 2787368841]);
    expect(exactSum(parts)).toBe("16724213050");
  });

  test("SPLIT(1000, {0.5, 0.5}, 1E13) is refused: a unit larger than the amount (it returned {0; 0})", () => {
    const e = messageOf(() => splitByShares([1000], [0.5, 0.5], toUnit(1e13)));
    expect({ excel: e.excel, id: e.id }).toEqual({ excel: "#VALUE!", id: "notWholeUnits" });
    expect(e.sv).toContain("(10\u00a0000\u00a0000\u00a0000\u00a0000)");
    expect(e.en).toContain("(10,000,000,000,000)");
    // a tiny amount in a normal unit is refused too, never a silent 0
    expect(errorOf(() => splitByShares([1e-300], [0.5, 0.5]))).toEqual({ excel: "#VALUE!", id: "notWholeUnits" });
    expect(errorOf(() => splitByShares([0.004], [0.5, 0.5], toUnit("öre")))).toEqual({ excel: "#VALUE!", id: "notWholeUnits" });
  });

  test("an amount of more than 15 digits in the unit is refused with advice; 15 digits still split exactly", () => {
    const e = messageOf(() => splitByShares([2 ** 53 - 1], [0.5, 0.5]));
    expect({ excel: e.excel, id: e.id }).toEqual({ excel: "#VALUE!", id: "amountTooLarge" });
    expect(e.sv).toMatch(/9\u00a0007\u00a0199\u00a0254\u00a0740\u00a0991 är för stort.*15 siffror.*större enhet/);
    expect(e.en).toMatch(/9,007,199,254,740,991 is too large.*15 digits.*larger unit/);
    expect(errorOf(() => splitByShares([1e15], [0.5, 0.5]))).toEqual({ excel: "#VALUE!", id: "amountTooLarge" });
    expect(errorOf(() => splitByShares([1e13], [0.5, 0.5], toUnit("öre")))).toEqual({ excel: "#VALUE!", id: "amountTooLarge" }); // 10^15 öre
    // in tkr the same amounts are few units: 10^15 kr = 10^12 tkr splits
    expect(column(splitByShares([1e15], [0.5, 0.5], toUnit("tkr")))).toEqual([5e14, 5e14]);
    // 16 digits in öre: the double of 90,071,992,547,409.91 kr is also that of …409.90 kr, so which was meant is unknown
    expect(90071992547409.91).toBe(90071992547409.9);
    expect(errorOf(() => splitByShares([90071992547409.91], [0.5, 0.5], toUnit("öre")))).toEqual({ excel: "#VALUE!", id: "amountTooLarge" });
    // 999,999,999,999,999 kr in halves: quotas …999.5, the missing krona to the first
    expect(column(splitByShares([1e15 - 1], [0.5, 0.5])).map(BigInt)).toEqual([500000000000000n, 499999999999999n]);
    // 999,999,999,999,999 öre = 9,999,999,999,999.99 kr: halves 499,999,999,999,999.5 öre
    const cents = column(splitByShares([9999999999999.99], [0.5, 0.5], toUnit("öre")));
    expect(cents).toEqual([5000000000000, 4999999999999.99]);
    expect(exactSum(cents)).toBe("9999999999999.99");
  });

  test("floating-point noise within Excel's 15 digits and a thousandth of a unit counts as the whole amount; a typed fraction never does", () => {
    // 1.1 × 3 = 3.3000000000000003 in doubles; Excel shows 3.3
    expect(1.1 * 3).not.toBe(3.3);
    const parts = column(splitByShares([1.1 * 3], [0.5, 0.5], toUnit("öre")));
    expect(parts).toEqual([1.65, 1.65]);
    // 1,000,000,000.001 kr is what was typed (13 digits): not whole kronor
    expect(errorOf(() => splitByShares([1000000000.001], [0.5, 0.5]))).toEqual({ excel: "#VALUE!", id: "notWholeUnits" });
    // 100,000,000,000,000.5 kr: the half krona is beyond Excel's 15 digits, but half a unit: refused, not rounded
    expect(errorOf(() => splitByShares([1e14 + 0.5], [0.5, 0.5]))).toEqual({ excel: "#VALUE!", id: "notWholeUnits" });
  });

  test("SPLITBYGAINS on gains beyond the double range: a catalogue message, not '[DecimalError] Invalid argument: NaN'", () => {
    const e = messageOf(() =>
      splitByGains([100], 0, [
        [1e308, 1e308],
        [1, 1],
      ]),
    );
    expect({ excel: e.excel, id: e.id }).toEqual({ excel: "#VALUE!", id: "gainsTooLarge" });
    expect(e.message).not.toMatch(/DecimalError|NaN|Infinity/);
    expect(e.sv).toMatch(/aktör nr 1.*för stort/);
    expect(e.en).toMatch(/actor no\. 1.*too large/);
    // a rate near −100 % over many years overflows the same way
    expect(errorOf(() => splitByGains([100], -0.999999, [Array.from({ length: 100 }, () => 1)]))).toEqual({ excel: "#VALUE!", id: "gainsTooLarge" });
  });

  test("gains 1E+300 and 1E−300 side by side: exact where it matters, bounded integers, the big gainer pays all", () => {
    expect(splitByGains([1000], 0, [[1e300], [1e-300], [5e-324]])).toEqual([[1000], [0], [0]]);
  });

  test("100,000 equal shares: 1,000,099,999 kr gives 99,999 actors 10,001 kr and the last 10,000", () => {
    // quota 10,000.99999 each: floors 10,000 × 100,000 = 1,000,000,000; the 99,999 missing kronor go to the
    // first 99,999 (all remainders equal: ties to the first listed)
    const n = 100000;
    const parts = column(
      splitByShares(
        [1e9 + n - 1],
        Array.from({ length: n }, () => 1 / n),
      ),
    );
    expect(parts.slice(0, n - 1).every((p) => p === 10001)).toBe(true);
    expect(parts[n - 1]).toBe(10000);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1e9 + n - 1);
  });

  test("SPLITBYGAINS with 100,000 actors: gains 1, 2, …, 100,000 at rate 0", () => {
    const n = 100000;
    const flows = Array.from({ length: n }, (_, i) => [i + 1]);
    const total = (n * (n + 1)) / 2; // 5,000,050,000
    // twice the total: every quota is whole, 2 × (i + 1)
    const whole = column(splitByGains([2 * total], 0, flows));
    expect(whole.every((p, i) => p === 2 * (i + 1))).toBe(true);
    // the total + 3: quotas (i + 1) + 3 (i + 1) / total; the three largest remainders are the last three actors'
    const plus3 = column(splitByGains([total + 3], 0, flows));
    expect(plus3.every((p, i) => p === i + 1 + (i >= n - 3 ? 1 : 0))).toBe(true);
  });

  test("a result beyond the limit is refused before any work", () => {
    expect(
      errorOf(() =>
        splitByShares(
          [1],
          Array.from({ length: 100001 }, () => 1 / 100001),
        ),
      ),
    ).toEqual({ excel: "#VALUE!", id: "resultTooLarge" });
    expect(
      errorOf(() =>
        splitByShares(
          Array.from({ length: 2000 }, () => 1),
          Array.from({ length: 51 }, () => 1 / 51),
        ),
      ),
    ).toEqual({ excel: "#VALUE!", id: "resultTooLarge" });
  });
});

describe("issue 8 properties", () => {
  /** The released algorithm, written plainly (every missing unit by a linear search): the reference for the tie rule. */
  const reference = (units: bigint, w: bigint[]): bigint[] => {
    const total = w.reduce((a, b) => a + b, 0n);
    const parts = w.map((x) => (units * x) / total);
    const rem = w.map((x) => (units * x) % total);
    let missing = units - parts.reduce((a, b) => a + b, 0n);
    const taken = w.map(() => false);
    for (; missing > 0n; missing--) {
      let best = -1;
      for (let i = 0; i < w.length; i++) if (!taken[i] && (best < 0 || rem[i] > rem[best])) best = i;
      taken[best] = true;
      parts[best] += 1n;
    }
    return parts;
  };

  test("apportion gives the released result (largest remainders, ties to the first listed) on tie-heavy weights", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.constantFrom(0n, 1n, 2n, 3n), { minLength: 1, maxLength: 300 }),
          fc.array(fc.bigInt({ min: 0n, max: 10n ** 30n }), { minLength: 1, maxLength: 50 }),
          fc.integer({ min: 1, max: 200 }).map((n) => Array.from({ length: n }, () => 3333333333333333n)),
        ),
        fc.oneof(fc.bigInt({ min: 0n, max: 10000n }), fc.bigInt({ min: 0n, max: 2n ** 60n })),
        (w, units) => {
          fc.pre(w.some((x) => x > 0n));
          expect(apportion(units, w)).toEqual(reference(units, w));
        },
      ),
      { numRuns: 500 },
    );
  });

  test("SPLIT of any number: the parts sum exactly to the amount at the unit (within float noise), or a clear error", () => {
    const amounts = fc.oneof(
      fc.double({ min: -1e16, max: 1e16, noNaN: true }),
      fc.integer({ min: -1e9, max: 1e9 }).map((k) => k / 100),
      fc.integer({ min: -1e6, max: 1e6 }).map((k) => (k / 100) * 3), // float noise
      fc.bigInt({ min: -(2n ** 53n), max: 2n ** 53n }).map(Number),
    );
    const units = fc.constantFrom(1, 0.01, 1000, 0.05, 1e6, 1e13, 0.0001);
    const shares = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0));
    fc.assert(
      fc.property(amounts, units, shares, (amount, u, w) => {
        const total = w.reduce((a, b) => a + b, 0);
        let parts: number[];
        try {
          parts = column(
            splitByShares(
              [amount],
              w.map((x) => x / total),
              toUnit(u),
            ),
          );
        } catch (e) {
          expect(e).toBeInstanceOf(SocinvError);
          expect(["notWholeUnits", "amountTooLarge"]).toContain((e as SocinvError).id);
          return;
        }
        const sum = parts.reduce((a, x) => a.plus(new Decimal(x)), new Decimal(0));
        // a whole number of units, every part too
        expect(sum.dividedBy(u).isInteger()).toBe(true);
        parts.forEach((p) => expect(new Decimal(p).dividedBy(u).isInteger()).toBe(true));
        if (sum.toNumber() !== amount) {
          // only float noise was dropped: the sum is what Excel shows (15 digits) and under a thousandth of a unit away
          expect(sum.toNumber()).toBe(Number(amount.toPrecision(15)));
          expect(
            sum
              .minus(new Decimal(amount))
              .abs()
              .lessThanOrEqualTo(u / 1000),
          ).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  test("an amount typed as a whole number of units (up to 15 digits, in any unit) always splits, summing exactly to it", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n - 1n), max: 10n ** 15n - 1n }), fc.constantFrom(1, 0.01, 1000, 0.05), (k0, u) => {
        const unit = toUnit(u);
        const k = u === 0.05 ? k0 / 5n : k0; // at most 15 significant digits of k × 5
        const amount = Number(new Decimal(k.toString()).times(u).toString()); // the double of the decimal typed
        const parts = column(splitByShares([amount], [0.3, 0.3, 0.4], unit));
        // in units, exactly: the parts' decimals sum to k × unit
        const inUnits = parts.map((p) => BigInt(new Decimal(p).dividedBy(u).toFixed(0)));
        expect(inUnits.reduce((a, b) => a + b, 0n)).toBe(k);
        expect(exactSum(parts)).toBe(new Decimal(k.toString()).times(u).toString());
      }),
      { numRuns: 1000 },
    );
  });
});
