/** Payback, break-even and IRR against hand calculations, Excel's IRR examples and invariants. */
import fc from "fast-check";
import { breakEvenRate, breakEvenSuccesses } from "../../src/core/breakeven";
import { presentValue, timeOf } from "../../src/core/discounting";
import { irr, irrRoots } from "../../src/core/irr";
import { payback, paybackAnalysis } from "../../src/core/payback";
import { kindOf } from "../helpers/errors";

describe("payback: hand calculations", () => {
  test.each([
    // cumulative −100, −40, +20 at times 1, 2, 3: crossing at 2 + 40/60
    { values: [-100, 60, 60], opts: {}, expected: 2 + 40 / 60 },
    { values: [-100, 60, 60], opts: { fractional: false }, expected: 3 },
    // start of period: cumulative −1000 (t0), −700, −300, +200 (t3): 2 + 300/500 = 2.6
    { values: [-1000, 300, 400, 500], opts: { timing: 1 as const }, expected: 2.6 },
    // mid-period: same cumulatives at 0.5, 1.5, 2.5, 3.5: 2.5 + 0.6 = 3.1
    { values: [-1000, 300, 400, 500], opts: { timing: 0.5 as const }, expected: 3.1 },
    // discounted at 10 %: −90.909, +49.587, +45.079 → cumulative −90.909, −41.322, +3.757: 2 + 41.322/45.079
    { values: [-100, 60, 60], opts: { rate: 0.1 }, expected: 2 + (100 / 1.1 - 60 / 1.21) / (60 / 1.331) },
    // exactly zero counts as paid back: cumulative −100, 0 → time 2
    { values: [-100, 100], opts: {}, expected: 2 },
    // nothing to pay back: the first value already non-negative → its own time point
    { values: [50, 10], opts: {}, expected: 1 },
    { values: [50, 10], opts: { timing: 1 as const }, expected: 0 },
  ])("$values $opts → $expected", ({ values, opts, expected }) => {
    expect(payback(values, opts)).toBeCloseTo(expected, 12);
  });

  test("a later dip: payback is the recovery that lasts, the first crossing is reported beside it", () => {
    // cumulative −100, +50, −50, +30 at times 1..4
    const r = paybackAnalysis([-100, 150, -100, 80]);
    expect(r.firstTime).toBeCloseTo(1 + 100 / 150, 12);
    expect(r.time).toBeCloseTo(3 + 50 / 80, 12);
  });
  test("a dip that never recovers: never pays back, even though it crossed once", () => {
    const r = paybackAnalysis([-100, 150, -100]);
    expect(r.firstTime).toBeCloseTo(1 + 100 / 150, 12);
    expect(r.time).toBeNull();
    expect(kindOf(() => payback([-100, 150, -100]))).toBe("#N/A");
  });
  test("never within the horizon is #N/A, distinct from other errors", () => {
    expect(kindOf(() => payback([-100, 10, 10]))).toBe("#N/A");
    expect(kindOf(() => payback([]))).toBe("#VALUE!");
  });
  test("discounting can make an undiscounted payback disappear", () => {
    expect(payback([-100, 50, 50])).toBe(3);
    expect(kindOf(() => payback([-100, 50, 50], { rate: 0.035 }))).toBe("#N/A");
  });
});

describe("payback invariants", () => {
  const flows = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 40 });
  const timing = fc.constantFrom(0 as const, 0.5 as const, 1 as const);
  test("consistent with the cumulative sums", () => {
    fc.assert(
      fc.property(flows, timing, fc.boolean(), (values, t, fractional) => {
        const r = paybackAnalysis(values, { timing: t, fractional });
        const cum = r.cumulative;
        if (r.time === null) {
          expect(cum[cum.length - 1]).toBeLessThan(0);
          return;
        }
        // every cumulative at a time point strictly after payback is non-negative
        cum.forEach((c, i) => {
          if (timeOf(i, t) >= r.time!) expect(c).toBeGreaterThanOrEqual(0);
        });
        const j = cum.findIndex((_, i) => timeOf(i, t) >= r.time! - 1e-12);
        if (j > 0) {
          expect(cum[j - 1]).toBeLessThan(0);
          if (fractional) {
            // the interpolated cumulative at the payback time is zero
            const w = r.time! - timeOf(j - 1, t);
            expect(cum[j - 1] + w * (cum[j] - cum[j - 1])).toBeCloseTo(0, 6);
          } else expect(r.time).toBe(timeOf(j, t));
        }
        expect(r.firstTime!).toBeLessThanOrEqual(r.time!);
      }),
    );
  });
});

describe("break-even", () => {
  test("hand calculation, no discounting: 2,000 of costs ÷ 900 of benefit = 2.22 successes", () => {
    expect(breakEvenSuccesses([1000, 1000], [0, 300, 300, 300], 0)).toBeCloseTo(2000 / 900, 12);
  });
  test("hand calculation at 3.5 %, start of period", () => {
    const pvCosts = 1000 + 1000 / 1.035; // 1,966.18
    const pvBenefit = 300 / 1.035 + 300 / 1.035 ** 2 + 300 / 1.035 ** 3; // 840.49
    expect(breakEvenSuccesses([1000, 1000], [0, 300, 300, 300], 0.035, 1)).toBeCloseTo(pvCosts / pvBenefit, 12);
    expect(pvCosts / pvBenefit).toBeCloseTo(2.3393, 4);
  });
  test("Bunkeflo per pupil: 4,600 kr buys 38,000 kr, so one success in 8.26 pays", () => {
    expect(breakEvenSuccesses([4600], [38000], 0)).toBeCloseTo(4600 / 38000, 12);
    expect(1 / breakEvenSuccesses([4600], [38000], 0)).toBeCloseTo(8.26, 2);
  });
  test("success rate for a group; above 100 % is returned, not hidden", () => {
    expect(breakEvenRate([1000, 1000], [0, 300, 300, 300], 0, 10)).toBeCloseTo(0.2222, 4);
    expect(breakEvenRate([1e6], [1000], 0, 100)).toBe(10);
  });
  test("errors: benefit PV 0 is #DIV/0!, negative benefits or costs #NUM!, group size 0 #NUM!", () => {
    expect(kindOf(() => breakEvenSuccesses([1000], [0, 0], 0.03))).toBe("#DIV/0!");
    expect(kindOf(() => breakEvenSuccesses([1000], [-10], 0.03))).toBe("#NUM!");
    expect(kindOf(() => breakEvenSuccesses([-1000], [10], 0.03))).toBe("#NUM!");
    expect(kindOf(() => breakEvenRate([1000], [10], 0.03, 0))).toBe("#NUM!");
  });
  test("invariant: break-even successes make the NPV zero", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.integer({ min: 1, max: 1e5 }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.constantFrom(0 as const, 0.5 as const, 1 as const),
        (costs, benefit, r, t) => {
          const n = breakEvenSuccesses(costs, benefit, r, t);
          const len = Math.max(costs.length, benefit.length);
          const pad = (xs: number[]) => [...xs, ...new Array(len - xs.length).fill(0)];
          const npv = presentValue(
            r,
            pad(benefit).map((b, i) => n * b - pad(costs)[i]),
            t,
          );
          expect(Math.abs(npv)).toBeLessThan(1e-6 * (1 + costs.reduce((s, c) => s + c, 0)));
        },
      ),
    );
  });
});

describe("IRR", () => {
  // Microsoft's IRR help: values −70,000; 12,000; 15,000; 18,000; 21,000 (; 26,000)
  test("Excel example: four years → −2.1 %", () => {
    expect(irr([-70000, 12000, 15000, 18000, 21000])).toBeCloseTo(-0.0212448482, 9);
  });
  test("Excel example: five years → 8.7 %", () => {
    expect(irr([-70000, 12000, 15000, 18000, 21000, 26000])).toBeCloseTo(0.086630948, 9);
  });
  test("Excel example: two years → −44.4 %", () => {
    expect(irr([-70000, 12000, 15000])).toBeCloseTo(-0.4435069413, 9);
  });
  test("two sign changes with two roots (10 % and 20 %) are ambiguous: #NUM!", () => {
    // −100 + 230/(1+r) − 132/(1+r)² = 0 ⇔ (1+r) ∈ {1.1, 1.2}
    expect(irrRoots([-100, 230, -132]).map((r) => Number(r.toFixed(10)))).toEqual([0.1, 0.2]);
    expect(kindOf(() => irr([-100, 230, -132]))).toBe("#NUM!");
  });
  test("no sign change, or no root: #NUM!", () => {
    expect(kindOf(() => irr([100, 200]))).toBe("#NUM!");
    expect(kindOf(() => irr([-100, 50, -20]))).toBe("#NUM!");
  });
  test("invariant: NPV at the IRR is zero", () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 1e6 }), fc.array(fc.integer({ min: 100, max: 1e5 }), { minLength: 1, maxLength: 30 }), (c, gains) => {
        const v = [-c, ...gains];
        const r = irr(v); // one sign change: exactly one root
        const scale = v.reduce((s, x) => s + Math.abs(x), 0);
        expect(Math.abs(presentValue(r, v, 1))).toBeLessThan(1e-9 * scale);
      }),
    );
  });
});
