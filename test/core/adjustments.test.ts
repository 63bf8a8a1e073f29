/**
 * Effect adjustments (deadweight, attribution, displacement, drop-off, optimism bias): hand calculations,
 * the gross-vs-net table with its visible defaults, invariants and bad input.
 */
import fc from "fast-check";
import {
  ADJUSTMENT_HEADER,
  DEFAULT_TEXT,
  GIVEN_TEXT,
  adjustFlows,
  adjustmentHeader,
  adjustmentTable,
  checkEffectStart,
  effectFactor,
  effectFactors,
  resolveAdjustments,
} from "../../src/core/adjustments";
import { errorOf } from "../helpers/errors";

const adjust = (flows: number[][], input: Parameters<typeof resolveAdjustments>[0], effectStart?: number) =>
  adjustFlows(flows, resolveAdjustments(input, flows.length), effectStart);

describe("hand calculations", () => {
  test("deadweight 20 % and drop-off 50 % a year after the first year of effect, period 2", () => {
    // A: year 2 is the first year of effect: 50 × 0.8 = 40, then 50 × 0.8 × 0.5 = 20; its cost is untouched
    // B: 100 × 0.8 = 80, then 100 × 0.8 × 0.5 = 40
    expect(
      adjust(
        [
          [-100, 50, 50],
          [0, 100, 100],
        ],
        { deadweight: [0.2], dropoff: [0.5] },
        2,
      ),
    ).toEqual([
      [-100, 40, 20],
      [0, 80, 40],
    ]);
  });

  test("drop-off counts from the first year of effect, period 1 by default, not from an actor's first gain", () => {
    // effect factors 1, 0.5, 0.25, 0.125: [0, 0, 100, 100] → [0, 0, 25, 12.5]
    expect(adjust([[0, 0, 100, 100]], { dropoff: [0.5] })).toEqual([[0, 0, 25, 12.5]]);
    // from period 3: factors 0, 0, 1, 0.5 → [0, 0, 100, 50]
    expect(adjust([[0, 0, 100, 100]], { dropoff: [0.5] }, 3)).toEqual([[0, 0, 100, 50]]);
  });

  test("gains before the first year of effect count 0, with or without drop-off; costs are untouched", () => {
    expect(adjust([[-100, 80, 80, 80]], {}, 3)).toEqual([[-100, 0, 80, 80]]);
    // optimism 10 % on costs, drop-off 20 % from period 2: 80, 64, 51.2
    const [row] = adjust([[-100, 80, 80, 80]], { optimism_costs: [0.1], dropoff: [0.2] }, 2);
    [-110, 80, 64, 51.2].forEach((x, i) => expect(row[i]).toBeCloseTo(x, 12));
  });

  test("the effect factor: 0 before the start, (1 − d)^(t − start) from it", () => {
    expect(effectFactors(5, 2, 0.5)).toEqual([0, 1, 0.5, 0.25, 0.125]);
    expect(effectFactors(3, 1, 0)).toEqual([1, 1, 1]);
    expect(effectFactors(3, 1, 1)).toEqual([1, 0, 0]); // a full drop-off: the first year of effect only
    expect(effectFactor(4, 4, 0.3)).toBe(1);
  });

  test("all at once: keep 0.9 × 0.8 × 0.75 × 0.95 = 0.513 of a gain, costs up 30 %", () => {
    const f = adjust(
      [[-500, 1000, 1000, 1000]],
      {
        deadweight: [0.1],
        attribution: [0.2],
        displacement: [0.25],
        dropoff: [0.1],
        optimism_costs: [0.3],
        optimism_gains: [0.05],
      },
      2, // the first gain's year is the first year of effect
    );
    expect(f[0][0]).toBeCloseTo(-650, 10);
    expect(f[0][1]).toBeCloseTo(513, 10);
    expect(f[0][2]).toBeCloseTo(461.7, 10); // 513 × 0.9
    expect(f[0][3]).toBeCloseTo(415.53, 10); // 513 × 0.81
  });

  test("one value per actor", () => {
    expect(adjust([[100], [100]], { deadweight: [0.1, 0.5] })).toEqual([[90], [50]]);
  });

  test("the table: which adjustments were given and which are the default 0, gross and adjusted PVs side by side", () => {
    const t = adjustmentTable(
      0,
      ["A", "B"],
      [
        [-100, 50, 50],
        [0, 100, 100],
      ],
      { deadweight: [0.2], dropoff: [0.5] },
      0,
      2,
    );
    expect(t[0]).toEqual(adjustmentHeader(2));
    expect(t[0][4]).toBe("Avtagande per år, effekt från period 2 / Drop-off per year, effect from period 2");
    expect(t[1]).toEqual(["Källa / Source", GIVEN_TEXT, DEFAULT_TEXT, DEFAULT_TEXT, GIVEN_TEXT, DEFAULT_TEXT, DEFAULT_TEXT, "", "", "", "", "", ""]);
    // A: costs −100 → −100; gains 100 → 60; net 0 → −40
    expect(t[2]).toEqual(["A", 0.2, 0, 0, 0.5, 0, 0, -100, -100, 100, 60, 0, -40]);
    expect(t[3]).toEqual(["B", 0.2, 0, 0, 0.5, 0, 0, 0, 0, 200, 120, 200, 120]);
    expect(t[4]).toEqual(["Totalt / Total", "", "", "", "", "", "", -100, -100, 300, 180, 200, 80]);
  });

  test("nothing given: every adjustment says default, gross = adjusted", () => {
    const t = adjustmentTable(0.035, ["A"], [[-100, 120]], {});
    expect(t[0]).toEqual(ADJUSTMENT_HEADER); // effect from period 1
    expect(t[1].slice(1, 7).every((c) => c === DEFAULT_TEXT)).toBe(true);
    expect(t[2][7]).toBe(t[2][8]);
    expect(t[2][9]).toBe(t[2][10]);
  });
});

describe("invariants", () => {
  test("adjusted gains never exceed gross, adjusted costs never fall below gross; zero adjustments change nothing", () => {
    const share = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
        share,
        share,
        share,
        share,
        fc.double({ min: 0, max: 2, noNaN: true }),
        share,
        (flows, dw, at, dp, dr, oc, og) => {
          const out = adjust(flows, { deadweight: [dw], attribution: [at], displacement: [dp], dropoff: [dr], optimism_costs: [oc], optimism_gains: [og] });
          out.forEach((row, i) =>
            row.forEach((v, t) => {
              const g = flows[i][t];
              if (g > 0) expect(v).toBeLessThanOrEqual(g);
              if (g > 0) expect(v).toBeGreaterThanOrEqual(0);
              if (g < 0) expect(v).toBeLessThanOrEqual(g);
              if (g === 0) expect(v).toBe(0);
            }),
          );
          expect(adjust(flows, {})).toEqual(flows.map((r) => r.map((v) => (v === 0 ? 0 : v))));
        },
      ),
    );
  });
});

describe("bad input", () => {
  test.each([
    { what: "deadweight above 100 %", input: { deadweight: [1.2] }, e: { excel: "#NUM!", id: "adjustmentRange" } },
    { what: "negative attribution", input: { attribution: [-0.1] }, e: { excel: "#NUM!", id: "adjustmentRange" } },
    { what: "optimism on costs above 1,000 %", input: { optimism_costs: [11] }, e: { excel: "#NUM!", id: "adjustmentRange" } },
    { what: "three values for two actors", input: { dropoff: [0.1, 0.1, 0.1] }, e: { excel: "#VALUE!", id: "adjustmentCount" } },
  ])("$what", ({ input, e }) => {
    expect(errorOf(() => resolveAdjustments(input, 2))).toEqual(e);
  });
  test.each([0, -1, 1.5, 5, NaN])("effect start %p for a 4-year table", (x) => {
    expect(errorOf(() => checkEffectStart(x, 4))).toEqual({ excel: "#VALUE!", id: "effectStartRange" });
  });
  test("effect start 1 to the table's years", () => {
    expect([1, 2, 4].map((x) => checkEffectStart(x, 4))).toEqual([1, 2, 4]);
  });
  test("optimism on costs may exceed 100 %", () => {
    expect(adjust([[-100]], { optimism_costs: [2] })).toEqual([[-300]]);
  });
  test("labels and flows must agree", () => {
    expect(errorOf(() => adjustmentTable(0, ["A"], [[1], [2]], {}))).toEqual({ excel: "#VALUE!", id: "actorsMismatch" });
  });
});
