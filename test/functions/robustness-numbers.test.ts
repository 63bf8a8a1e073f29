/**
 * Issue 8, numbers: no wrong number. Blanks (zeros) before or after a series do not change IRR or PAYBACK;
 * arithmetic that leaves the doubles is computed another way or is a clear error, never a wrong result;
 * every result, scalar or spilled, is finite or an error (enforced centrally in `guard`).
 */
import fc from "fast-check";
import { SocinvError } from "../../src/core/errors";
import { irr as coreIrr, irrRoots } from "../../src/core/irr";
import { payback as corePayback } from "../../src/core/payback";
import { presentValue } from "../../src/core/discounting";
import { createEngine, evaluateFormula } from "../../src/engine/formula-engine";
import { discountFactors, npv, priceYear } from "../../src/functions/discounting";
import { actorPV } from "../../src/functions/actors";
import { irr } from "../../src/functions/irr";
import { payback } from "../../src/functions/payback";
import { guard } from "../../src/functions/runtime";
import { timesPow2 } from "../../src/core/values";
import { errorOf } from "../helpers/errors";
import { thrown } from "../helpers/errors";

const engine = createEngine();
const calc = (f: string) => evaluateFormula(f, {}, engine);
const zeros = (n: number): number[] => new Array<number>(n).fill(0);
const row = (xs: readonly number[]): number[][] => [xs.slice()];

describe("IRR: blanks before and after the flows change nothing", () => {
  const flows = [-1000, 200, 200, 200, 200, 200, 200, 200, 200, 200];
  /** Σ_{t=1..9} (1 + r)^−t = 5 defines the IRR of −1000 followed by 200 × 9. */
  const annuity9 = (r: number) => {
    let s = 0;
    for (let t = 1; t <= 9; t++) s += (1 + r) ** -t;
    return s;
  };
  const want = coreIrr(flows);

  test("{−1000, 200 × 9} → 13.70 %, as the engine's own IRR and the defining equation say", () => {
    expect(annuity9(want)).toBeCloseTo(5, 12);
    expect(want).toBeCloseTo(calc(`=IRR({${flows.join(",")}})`).value as number, 9);
    expect(want).toBeCloseTo(0.137044742, 8);
  });
  test("followed by 55 zeros: the same 13.70 % (was #NUM! 'several roots (−100.0 %; … 13.70 %)')", () => {
    expect(coreIrr([...flows, ...zeros(55)])).toBe(want);
    expect(irr(row([...flows, ...zeros(55)]))).toBe(want);
    expect(irr([[...flows, ...new Array(55).fill(null)]])).toBe(want); // blank cells
    expect(calc(`=SOCINV.IRR({${[...flows, ...zeros(55)].join(",")}})`).value).toBe(want);
  });
  test("after 85 leading zeros: the same 13.70 % (was spurious roots near 1,000,000 %)", () => {
    expect(irrRoots([...zeros(85), ...flows])).toEqual([want]);
    expect(irr(row([...zeros(85), ...flows]))).toBe(want);
    expect(irr(row([...zeros(400), ...flows, ...zeros(400)]))).toBe(want);
  });
  test("300 zeros inside the flows: one root, solving Σ_{t=301..309} 200 (1 + r)^−t = 1000", () => {
    const r = coreIrr([-1000, ...zeros(300), ...new Array<number>(9).fill(200)]);
    let s = 0;
    for (let t = 301; t <= 309; t++) s += 200 * (1 + r) ** -t;
    expect(s).toBeCloseTo(1000, 8);
    expect(r).toBeGreaterThan(0.0019);
    expect(r).toBeLessThan(0.002);
  });
  test("amounts at the ends of the doubles: 10 % from {−1E308, 1.1E308} and {−1E-300, 1.1E-300}", () => {
    expect(coreIrr([-1e308, 1.1e308])).toBeCloseTo(0.1, 12);
    expect(coreIrr([-1e-300, 1.1e-300])).toBeCloseTo(0.1, 12);
  });
  test("property: IRR(x) = IRR(zeros ++ x ++ zeros), root for root, error for error", () => {
    const outcome = (xs: number[]) => {
      try {
        return coreIrr(xs);
      } catch (e) {
        return (e as SocinvError).id;
      }
    };
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 25 }), fc.nat(120), fc.nat(120), (xs, before, after) => {
        expect(outcome([...zeros(before), ...xs, ...zeros(after)])).toEqual(outcome(xs));
      }),
      { numRuns: 300 },
    );
  });
  test("at most 10,000 values from the first to the last non-zero one; blanks around them do not count", () => {
    const many = [-1e4, ...new Array<number>(10000).fill(1)];
    expect(errorOf(() => irr(row(many)))).toEqual({ excel: "#VALUE!", id: "tooManyValues" });
    expect(thrown(() => irr(row(many))).en).toMatch(/10,001 values.*at most 10,000/);
    expect(typeof irr(row([...zeros(50000), ...many.slice(0, 10000), ...zeros(50000)]))).toBe("number");
  });
});

describe("PAYBACK: overflow is computed around, never reported as 'never pays back'", () => {
  // At r = −50 % the discount factor of time t is 2^t: −100·2, 60·4, 60·8 → cumulative −200, 40, 520.
  // Payback between times 1 and 2: 1 + 200/240 = 11/6.
  const hand = 1 + 200 / 240;

  test("PAYBACK({−100,60,60, 0 × 1197}, −0.5) = 11/6 ≈ 1.83 (was #N/A 'never pays back')", () => {
    expect(payback(row([-100, 60, 60, ...zeros(1197)]), [[-0.5]])).toBeCloseTo(hand, 12);
    expect(payback(row([-100, 60, 60]), [[-0.5]])).toBeCloseTo(hand, 12);
    expect(calc(`=SOCINV.PAYBACK({-100,60,60,${zeros(1197).join(",")}},-0.5)`).value).toBeCloseTo(hand, 12);
  });
  test("a value after 1,196 zeros, discounted by 2^1200 (beyond the doubles), does not change it", () => {
    expect(payback(row([-100, 60, 60, ...zeros(1196), 1]), [[-0.5]])).toBeCloseTo(hand, 10);
  });
  test("a late cost, however small, outweighs everything at −50 %: never pays back, correctly", () => {
    // the cumulative at the end is dominated by −2^1200 < 0
    expect(errorOf(() => payback(row([-100, 60, 60, ...zeros(1196), -1]), [[-0.5]]))).toEqual({ excel: "#N/A", id: "neverPaysBack" });
  });
  test("amounts near 1E308: the cumulative −1, −2, −1, 0, +1 (× 1E308) pays back at time 4 (was 'never': −Infinity)", () => {
    expect(payback(row([-1e308, -1e308, 1e308, 1e308, 1e308]))).toBe(4);
    expect(calc("=SOCINV.PAYBACK({-1E308,-1E308,1E308,1E308,1E308})").value).toBe(4);
  });
  test("property: scaling the flows by 2^1016 (sums beyond the doubles) and appending zeros change nothing", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom(null, 0, 0.05, 0.5, -0.3),
        fc.constantFrom<0 | 0.5 | 1>(0, 0.5, 1),
        fc.nat(50),
        (xs, rate, timing, tail) => {
          const outcome = (v: number[]) => {
            try {
              return corePayback(v, { rate, timing });
            } catch (e) {
              return (e as SocinvError).id;
            }
          };
          const plain = outcome(xs);
          const big = outcome(xs.map((x) => x * 2 ** 1016));
          const padded = outcome([...xs, ...zeros(tail)]);
          expect(padded).toEqual(plain);
          if (typeof plain === "number") expect(big as number).toBeCloseTo(plain, 9);
          else expect(big).toEqual(plain);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("NPV: trailing blanks and factors beyond the doubles", () => {
  test("NPV(−0.5, {1, 0 × 1200}) = 1/0.5 = 2 (the zeros were 0/0)", () => {
    expect(npv([[-0.5]], row([1, ...zeros(1200)]))).toBe(2);
  });
  test("NPV(−0.5, {0 × 1099, 1E-300}) = 1E-300 · 2^1100 ≈ 1.358E31, though 0.5^1100 underflows", () => {
    const want = (2 ** 550 * 1e-150) ** 2; // 2^1100 · 1E-300, without leaving the doubles
    expect(npv([[-0.5]], row([...zeros(1099), 1e-300])) / want).toBeCloseTo(1, 11);
  });
  test("a per-period rate need not cover trailing blanks", () => {
    // {0.05, 0.1} for {100, 100, 0}: 100/1.05 + 100/(1.05·1.1)
    expect(npv([[0.05, 0.1]], [[100, 100, null]])).toBeCloseTo(100 / 1.05 + 100 / (1.05 * 1.1), 12);
    expect(errorOf(() => npv([[0.05, 0.1]], [[100, 100, 1]]))).toEqual({ excel: "#VALUE!", id: "tooFewRates" });
  });
  test("a present value that truly overflows is a clear error: NPV(−0.5, {0 × 1199, 1}) = 2^1200", () => {
    expect(errorOf(() => npv([[-0.5]], row([...zeros(1199), 1])))).toEqual({ excel: "#VALUE!", id: "resultNotFinite" });
    expect(presentValue(-0.5, [...zeros(1199), 1])).toBe(Infinity);
  });
});

describe("every result is finite or an error (guard checks every cell)", () => {
  test("DISCOUNTFACTORS(−0.5,1100): a clear error naming the first cell beyond 1.8E308 (was 77 infinite cells)", () => {
    const e = thrown(() => discountFactors([[-0.5]], 1100));
    expect(e.id).toBe("resultNotFinite");
    expect(e.excel).toBe("#VALUE!");
    // 2^t passes 1.797…E308 at t = 1024: the cell named is no. 1024 or (rounded below the limit) 1025
    expect(e.sv).toMatch(/värde nr 1\u00a002[45] \(rad 1, kolumn 1\u00a002[45]\) blir för stort/);
    expect(e.en).toMatch(/value no\. 1,02[45] \(row 1, column 1,02[45]\) overflows/);
    const r = calc("=SOCINV.DISCOUNTFACTORS(-0.5,1100)");
    expect(r.value).toBe("#VALUE!");
    expect(r.message).toMatch(/spiller över.*overflows/);
  });
  test("DISCOUNTFACTORS(−0.5,1023): the last factor 2^1023 is still found (its accumulation factor is subnormal)", () => {
    const f = discountFactors([[-0.5]], 1023)[0];
    expect(f[1022] / 2 ** 1023).toBeCloseTo(1, 12);
    expect(f.every(Number.isFinite)).toBe(true);
  });
  test("PRICEYEAR({1E308},{0.5},10) = 2E309: an overflow error; ({1E308},{10},5) = 5E307, found in another order", () => {
    expect(errorOf(() => priceYear([[1e308]], [[0.5]], 10))).toEqual({ excel: "#VALUE!", id: "resultNotFinite" });
    expect(calc("=SOCINV.PRICEYEAR({1E308},{0.5},10)").value).toBe("#VALUE!");
    expect(priceYear([[1e308]], [[10]], 5)).toEqual([[5e307]]);
  });
  test("a table result with an overflowing cell: ACTORPV at −99 % over 200 years", () => {
    // 1 / 0.01^200 = 1E400
    const flows = [[...zeros(199), 1]];
    expect(errorOf(() => actorPV([[-0.99]], flows))).toEqual({ excel: "#VALUE!", id: "resultNotFinite" });
  });
  test("guard itself: NaN and ±Infinity anywhere in a table, or as a number, become resultNotFinite; ragged or empty tables a fault", () => {
    expect(errorOf(() => guard(() => NaN))).toEqual({ excel: "#VALUE!", id: "resultNotFinite" });
    expect(
      errorOf(() =>
        guard(() => [
          [1, 2],
          [3, -Infinity],
        ]),
      ),
    ).toEqual({ excel: "#VALUE!", id: "resultNotFinite" });
    expect(
      thrown(() =>
        guard(() => [
          [1, 2],
          [3, NaN],
        ]),
      ).en,
    ).toMatch(/value no\. 4 \(row 2, column 2\)/);
    expect(guard(() => [["text", 1]])).toEqual([["text", 1]]);
    expect(errorOf(() => guard(() => [[1, 2], [3]]))).toEqual({ excel: "#VALUE!", id: "unexpected" });
    expect(errorOf(() => guard(() => []))).toEqual({ excel: "#VALUE!", id: "unexpected" });
  });
  test("guard never shows a JavaScript message: a TypeError is 'unexpected', a RangeError 'too large'", () => {
    const typeError = thrown(() =>
      guard(() => {
        return (null as unknown as number[]).length;
      }),
    );
    expect(typeError.id).toBe("unexpected");
    expect(typeError.message).not.toMatch(/Cannot read|null|length/);
    expect((typeError as unknown as { cause: unknown }).cause).toBeInstanceOf(TypeError);
    const rangeError = thrown(() =>
      guard(() => {
        const deep = (n: number): number => (n === 0 ? 0 : 1 + deep(n - 1));
        return deep(1e7);
      }),
    );
    expect(rangeError.id).toBe("tooLargeToCompute");
    expect(rangeError.message).not.toMatch(/Maximum call stack/);
  });
});

describe("timesPow2 answers at once for any exponent", () => {
  test("±Infinity, huge and NaN exponents over- or underflow as doubles do, without looping", () => {
    expect(timesPow2(3, Infinity)).toBe(Infinity);
    expect(timesPow2(-3, 1e300)).toBe(-Infinity);
    expect(timesPow2(3, -Infinity)).toBe(0);
    expect(timesPow2(0, Infinity)).toBe(0);
    expect(Number.isNaN(timesPow2(1, NaN))).toBe(true);
    expect(timesPow2(1.5, 3)).toBe(12);
    expect(timesPow2(1, -1074)).toBe(5e-324);
    expect(timesPow2(2 ** 1000, -2000)).toBe(2 ** -1000);
  });
});
