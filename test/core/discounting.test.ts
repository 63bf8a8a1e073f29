/**
 * Discounting against independent numbers: Excel's documented NPV examples, hand calculations written out,
 * the Green Book's declining schedule, and invariants (fast-check).
 */
import fc from "fast-check";
import {
  accumulationFactors,
  decliningRates,
  discountFactors,
  nominalRate,
  presentValue,
  realRate,
  scheduleName,
  toPriceYear,
} from "../../src/core/discounting";
import { kindOf } from "../helpers/errors";

describe("presentValue: Excel's documented NPV examples", () => {
  test.each([
    // Microsoft's NPV help, example 1: NPV(10%, -10000, 3000, 4200, 6800) = 1,188.44
    { rate: 0.1, values: [-10000, 3000, 4200, 6800], timing: 0 as const, expected: 1188.44, digits: 2 },
    // Example 2: NPV(8%, 8000, 9200, 10000, 12000, 14500) + (-40000) = 1,922.06; the same with type 1 and the
    // investment as first value.
    { rate: 0.08, values: [-40000, 8000, 9200, 10000, 12000, 14500], timing: 1 as const, expected: 1922.06, digits: 2 },
    // Example 2, second part: NPV(8%, 8000, 9200, 10000, 12000, 14500, -9000) + (-40000) = -3,749.47
    { rate: 0.08, values: [-40000, 8000, 9200, 10000, 12000, 14500, -9000], timing: 1 as const, expected: -3749.47, digits: 2 },
  ])("rate $rate, type $timing → $expected", ({ rate, values, timing, expected, digits }) => {
    expect(presentValue(rate, values, timing)).toBeCloseTo(expected, digits);
  });
});

describe("presentValue: hand calculations", () => {
  test("start of period: 100 a year for 3 years at 3.5 % = 100 + 100/1.035 + 100/1.035²", () => {
    expect(presentValue(0.035, [100, 100, 100], 1)).toBeCloseTo(100 + 96.61835748792271 + 93.35107003664031, 10);
  });
  test("end of period discounts the first value once: 100/1.035 + 100/1.035² + 100/1.035³", () => {
    expect(presentValue(0.035, [100, 100, 100], 0)).toBeCloseTo(96.61835748792271 + 93.35107003664031 + 90.19427056680223, 10);
  });
  test("mid-period: 100 at t = 0.5 and 100 at t = 1.5 with 10 %", () => {
    // 1.1^0.5 = 1.0488088481701516; 1.1^1.5 = 1.1536897329871667
    expect(presentValue(0.1, [100, 100], 0.5)).toBeCloseTo(100 / 1.0488088481701516 + 100 / 1.1536897329871667, 10);
  });
  test("blank years are zeros that keep their place (unlike Excel NPV, which skips them)", () => {
    // [1, blank, 3] read as [1, 0, 3]: 1/1.1 + 3/1.331 = 0.9090909 + 2.2539444 = 3.1630353
    expect(presentValue(0.1, [1, 0, 3], 0)).toBeCloseTo(3.163035311795643, 12);
  });
  test("per-period rates compound: 5 % then 10 %: 100/1.05 + 100/(1.05·1.10)", () => {
    expect(presentValue([0.05, 0.1], [100, 100], 0)).toBeCloseTo(95.23809523809524 + 86.58008658008657, 10);
  });
  test("per-period rates, mid-period: the fractional step uses the current period's rate", () => {
    // value 0 at t = 0.5: 1.05^0.5; value 1 at t = 1.5: 1.05 · 1.10^0.5
    expect(presentValue([0.05, 0.1], [100, 100], 0.5)).toBeCloseTo(100 / Math.sqrt(1.05) + 100 / (1.05 * Math.sqrt(1.1)), 10);
  });
  test("a one-cell rate range is a constant rate", () => {
    expect(presentValue([0.1], [100, 100], 0)).toBe(presentValue(0.1, [100, 100], 0));
  });
  test("zero rate: the plain sum", () => {
    expect(presentValue(0, [1, 2, 3, 4], 0.5)).toBe(10);
  });
});

describe("declining schedule (Green Book)", () => {
  const rates = decliningRates("standard", 301);
  test("bands", () => {
    expect(rates[0]).toBe(0.035);
    expect(rates[29]).toBe(0.035); // year 30
    expect(rates[30]).toBe(0.03); // year 31
    expect(rates[74]).toBe(0.03);
    expect(rates[75]).toBe(0.025);
    expect(rates[125]).toBe(0.02);
    expect(rates[200]).toBe(0.015);
    expect(rates[300]).toBe(0.01);
  });
  test("health: 1.5 % for 30 years, then 3.0 × 1.5/3.5 = 1.2857 %", () => {
    const h = decliningRates("health", 31);
    expect(h[0]).toBe(0.015);
    expect(h[30]).toBeCloseTo(0.012857142857142857, 15);
  });
  test("year 31 factor = 1 / (1.035^30 · 1.03), not 1 / 1.03^31", () => {
    const df = discountFactors(rates, 31, 0);
    // 1.035^30 = 2.8067937047, × 1.03 = 2.8909975158
    expect(df[30]).toBeCloseTo(1 / (Math.pow(1.035, 30) * 1.03), 14);
    expect(df[30]).toBeCloseTo(0.3459, 5);
    expect(df[30]).not.toBeCloseTo(1 / Math.pow(1.03, 31), 3);
  });
  test("factors are continuous and strictly decreasing across every break, all timings", () => {
    for (const timing of [0, 0.5, 1] as const) {
      const df = discountFactors(rates, 300, timing);
      for (let i = 1; i < df.length; i++) {
        expect(df[i]).toBeLessThan(df[i - 1]);
        // continuity: no step is larger than one year at the highest rate
        expect(df[i - 1] / df[i]).toBeLessThanOrEqual(1.035 + 1e-12);
      }
    }
  });
  test("names, Swedish alias and errors", () => {
    expect(scheduleName("Hälsa")).toBe("health");
    expect(scheduleName("")).toBe("standard");
    expect(kindOf(() => scheduleName("fancy"))).toBe("#VALUE!");
  });
});

describe("real and nominal rates, price year", () => {
  test("(1 + 5.5 %) / (1 + 2 %) − 1 = 3.4314 %", () => {
    expect(realRate(0.055, 0.02)).toBeCloseTo(0.034313725490196, 14);
  });
  test("(1 + 3.5 %)(1 + 2 %) − 1 = 5.57 %", () => {
    expect(nominalRate(0.035, 0.02)).toBeCloseTo(0.0557, 14);
  });
  test("round trip", () => {
    fc.assert(
      fc.property(fc.double({ min: -0.5, max: 1, noNaN: true }), fc.double({ min: -0.5, max: 1, noNaN: true }), (r, i) => {
        expect(realRate(nominalRate(r, i), i)).toBeCloseTo(r, 12);
      }),
    );
  });
  test("price year: 100 in an index-300 year is 103.33 in an index-310 year", () => {
    const out = toPriceYear([100, 100], [300, 310], 310);
    expect(out[0]).toBeCloseTo(103.33333333333333, 12);
    expect(out[1]).toBe(100);
  });
  test("errors: inflation ≤ −100 %, index ≤ 0, size mismatch", () => {
    expect(kindOf(() => realRate(0.05, -1))).toBe("#NUM!");
    expect(kindOf(() => toPriceYear([1, 2], [100, 0], 100))).toBe("#NUM!");
    expect(kindOf(() => toPriceYear([1, 2, 3], [100, 101], 100))).toBe("#VALUE!");
  });
});

describe("bad input", () => {
  test("rate ≤ −100 % is #NUM!, also per period", () => {
    expect(kindOf(() => presentValue(-1, [1], 0))).toBe("#NUM!");
    expect(kindOf(() => presentValue([0.03, -1.5], [1, 1], 0))).toBe("#NUM!");
    expect(kindOf(() => presentValue(NaN, [1], 0))).toBe("#NUM!");
  });
  test("too few per-period rates is #VALUE!; start-of-period needs one less", () => {
    expect(kindOf(() => presentValue([0.03, 0.03], [1, 1, 1], 0))).toBe("#VALUE!");
    expect(presentValue([0.1, 0.1], [1, 1, 1], 1)).toBeCloseTo(1 + 1 / 1.1 + 1 / 1.21, 12);
  });
  test("1,000-period horizon is computed, and quickly", () => {
    const v = new Array(1000).fill(1);
    // annuity: (1 − 1.035^−1000) / 0.035
    expect(presentValue(0.035, v, 0)).toBeCloseTo((1 - Math.pow(1.035, -1000)) / 0.035, 9);
  });
  test("huge and tiny numbers", () => {
    expect(presentValue(0.1, [1e300, 1e300], 0)).toBeCloseTo(1e300 / 1.1 + 1e300 / 1.21, -290);
    expect(presentValue(0.1, [1e-300], 0)).toBeCloseTo(1e-300 / 1.1, 310);
  });
});

describe("invariants", () => {
  const rate = fc.double({ min: 0.0001, max: 0.5, noNaN: true });
  const series = fc.array(fc.double({ min: -1e7, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 60 });
  const timing = fc.constantFrom(0 as const, 0.5 as const, 1 as const);

  test("factors strictly decreasing for positive rates (constant and per-period)", () => {
    fc.assert(
      fc.property(fc.array(rate, { minLength: 60, maxLength: 60 }), timing, fc.integer({ min: 2, max: 59 }), (rs, t, n) => {
        for (const spec of [rs[0], rs]) {
          const df = discountFactors(spec, n, t);
          for (let i = 1; i < n; i++) expect(df[i]).toBeLessThan(df[i - 1]);
        }
      }),
    );
  });
  test("PV is linear in the values", () => {
    fc.assert(
      fc.property(rate, timing, series, fc.double({ min: -10, max: 10, noNaN: true }), (r, t, xs, a) => {
        const ys = xs.map((x, i) => (i % 3) * 1000 - x / 2);
        const lhs = presentValue(
          r,
          xs.map((x, i) => a * x + ys[i]),
          t,
        );
        const rhs = a * presentValue(r, xs, t) + presentValue(r, ys, t);
        // rounding error grows with the size of the terms summed, not with the result
        const scale = xs.reduce((s, x, i) => s + Math.abs(a * x) + Math.abs(ys[i]), 1);
        expect(Math.abs(lhs - rhs)).toBeLessThanOrEqual(1e-12 * scale);
      }),
    );
  });
  test("start-of-period PV = (1 + r) × end-of-period PV for a constant rate", () => {
    fc.assert(
      fc.property(rate, series, (r, xs) => {
        const scale = xs.reduce((s, x) => s + Math.abs(x), 0) + 1;
        expect(Math.abs(presentValue(r, xs, 1) - (1 + r) * presentValue(r, xs, 0))).toBeLessThan(1e-9 * scale);
      }),
    );
  });
  test("constant rate equals the same rate given per period", () => {
    fc.assert(
      fc.property(rate, timing, fc.integer({ min: 1, max: 80 }), (r, t, n) => {
        const a = accumulationFactors(r, n, t);
        const b = accumulationFactors(new Array(n).fill(r), n, t);
        a.forEach((g, i) => expect(b[i] / g).toBeCloseTo(1, 11));
      }),
    );
  });
});
