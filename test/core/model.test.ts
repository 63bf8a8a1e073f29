/**
 * The investment model (core/model.ts evaluateModel): a small model calculated by hand, the fund rules and
 * cashable savings, the spec's refusals, and a property test against a plain float implementation written
 * out below (the arithmetic of the model sheet, with none of the core's routines).
 */
import fc from "fast-check";
import { isKommun, presentValueWith } from "../../src/core/actors";
import { breakEvenOfPresentValues, breakEvenSuccesses } from "../../src/core/breakeven";
import { accumulationFactors, discountFactors, normalFactor, presentValue } from "../../src/core/discounting";
import { paybackAnalysis } from "../../src/core/payback";
import { SocinvError } from "../../src/core/errors";
import { ModelSpec, evaluateModel } from "../../src/core/model";
import { errorOf } from "../helpers/errors";

/**
 * Rate 10 %, end of year: G = 1.1, 1.21, 1.331. Socialnämnden pays 1,000 and 500 kr and saves 242 kr in year 3;
 * the region saves 2,200 and 3,630 kr. Deadweight 50 %, drop-off 50 % from year 2, optimism on costs 10 %:
 *   cost factor 1.1, gain factor 0.5, effect factors 0, 1, 0.5
 *   SN:     costs net 1,100, 550, 0;  gains net 0, 0, 242 × 0.5 × 0.5 = 60.5
 *   region: gains net 0, 2,200 × 0.5 = 1,100, 3,630 × 0.25 = 907.5
 *   net per year −1,100, 550, 968
 */
function handSpec(): ModelSpec {
  return {
    years: [2025, 2026, 2027],
    rate: 0.1,
    timing: 0,
    actors: [
      { id: "son", label: "Socialnämnden", kind: "namnd" },
      { id: "region", label: "Regionen", kind: "region" },
    ],
    costs: [{ actor: "son", amounts: [1000, 500, 0] }],
    gains: [
      { actor: "son", amounts: [0, 0, 242] },
      { actor: "region", amounts: [0, 2200, 3630] },
    ],
    participants: 10,
    successProbability: 0.5,
    gainBasis: "total",
    adjustments: { deadweight: 0.5, attribution: 0, displacement: 0, dropOff: 0.5, optimismCosts: 0.1, optimismGains: 0 },
    effectStart: 2,
    mandateYears: 2,
    fund: null,
  };
}

const near = (actual: number | null, expected: number, digits = 9) => {
  expect(actual).not.toBeNull();
  expect(actual!).toBeCloseTo(expected, digits);
};

describe("a small model calculated by hand", () => {
  const r = evaluateModel(handSpec());

  test("rows: gross and net per actor, totals, effect factors", () => {
    expect(r.effectFactors).toEqual([0, 1, 0.5]);
    const [son, region] = r.actors;
    expect(son.costsNet.map((x) => +x.toFixed(9))).toEqual([1100, 550, 0]);
    expect(son.gainsNet).toEqual([0, 0, 60.5]);
    expect(region.gainsNet).toEqual([0, 1100, 907.5]);
    expect(r.net.map((x) => +x.toFixed(9))).toEqual([-1100, 550, 968]);
  });

  test("present values, shares, gains per own krona, benefit–cost ratio", () => {
    // PV costs = 1,100/1.1 + 550/1.21 = 1,000 + 454.5454… = 16,000/11
    near(r.pvCosts, 16000 / 11);
    // PV gains: SN 60.5/1.331 = 500/11; region 1,100/1.21 + 907.5/1.331 = 10,000/11 + 7,500/11 = 17,500/11
    near(r.actors[0].pvGains, 500 / 11);
    near(r.actors[1].pvGains, 17500 / 11);
    near(r.pvGains, 18000 / 11);
    near(r.npv, 2000 / 11);
    near(r.benefitCostRatio, 1.125); // 18,000 / 16,000
    near(r.actors[0].shareOfGains, 1 / 36);
    near(r.actors[1].shareOfGains, 35 / 36);
    near(r.actors[0].gainsPerOwnCost, 1 / 32); // 500 / 16,000
    expect(r.actors[1].gainsPerOwnCost).toBeNull(); // no own costs
    // gross: costs 1,000/1.1 + 500/1.21 = 160,000/121; gains 2,200/1.21 + 3,872/1.331 = 52,000/11
    near(r.pvCostsGross, 160000 / 121);
    near(r.pvGainsGross, 52000 / 11);
    near(r.npvGross, 412000 / 121);
  });

  test("payback: cumulative −1,100, −550, 418 → 2 + 550/968; discounted −1,000, −545.45, 181.82 → 2.75", () => {
    near(r.payback, 2 + 550 / 968, 12);
    near(r.discountedPayback, 2.75, 12);
  });

  test("break-even: 5 expected successes, PV gains per success 18,000/55 → 40/9 successes, 4/9 of the participants", () => {
    expect(r.expectedSuccesses).toBe(5);
    near(r.pvGainsPerSuccess, 18000 / 55);
    near(r.breakEven, 40 / 9);
    near(r.breakEvenShare, 4 / 9);
  });

  test("within a two-year mandate: −1,000 + 454.55 for all, −1,000 − 454.55 for the kommun (Socialnämnden)", () => {
    near(r.netWithinMandate, -6000 / 11);
    near(r.kommunNetWithinMandate, -16000 / 11);
    near(r.actors[1].netWithinMandate, 10000 / 11);
  });

  test("gains per success: the gains are the group's, divided by the expected successes", () => {
    expect(r.gainsPerSuccess!.map((x) => +x.toFixed(9))).toEqual([0, 220, 193.6]);
    // vanishingly few successes: the amounts per success overflow and are not computed
    const few = evaluateModel({ ...handSpec(), participants: 1, successProbability: 5e-324 });
    expect([few.gainsPerSuccess, few.pvGainsPerSuccess, few.breakEven]).toEqual([null, null, null]);
  });

  test("gain basis per success: the gain lines are one person's, × 5 successes", () => {
    const s = evaluateModel({ ...handSpec(), gainBasis: "perSuccess" });
    expect(s.actors[1].gainsGross).toEqual([0, 11000, 18150]);
    near(s.pvGains, (5 * 18000) / 11);
  });
});

describe("the fund", () => {
  const withFund = (fund: ModelSpec["fund"], cashableRegion = true): ModelSpec => {
    const s = handSpec();
    return { ...s, gains: [s.gains[0], { ...s.gains[1], cashable: cashableRegion }], fund };
  };

  test("savings, cap 50 kr: payouts 1,000 and 500; SN saves 60.5 in year 3 → 50 repaid, 1,450 unpaid", () => {
    const f = evaluateModel(withFund({ fundShare: 1, savers: ["son"], repayment: { kind: "savings", share: 1, delay: 1, cap: 50, lastPeriod: null } })).fund!;
    expect(f.payout).toEqual([1000, 500, 0]);
    expect(f.savings).toEqual([0, 0, 60.5]);
    expect(f.repayment).toEqual([0, 0, 50]);
    expect(f.cumulativePayout).toEqual([1000, 1500, 1500]);
    expect(f.balance).toEqual([-1000, -1500, -1450]);
    expect([f.totalPayout, f.totalRepaid, f.unpaid, f.totalFrame]).toEqual([1500, 50, 1450, 0]);
    near(f.pvFundNet, -1000 / 1.1 - 500 / 1.21 + 50 / 1.331);
  });

  test("only cashable gains repay: the region's savings count when they are cashable, not otherwise", () => {
    const fund: ModelSpec["fund"] = { fundShare: 1, savers: ["son", "region"], repayment: { kind: "savings", share: 1, delay: 1, cap: 50, lastPeriod: null } };
    // region cashable: savings 0, 1,100, 968 → 50 in year 2 (1,000 paid out a year before), 50 in year 3
    expect(evaluateModel(withFund(fund, true)).fund!.repayment).toEqual([0, 50, 50]);
    const notCashable = evaluateModel(withFund(fund, false));
    expect(notCashable.fund!.savings).toEqual([0, 0, 60.5]);
    expect(notCashable.fund!.repayment).toEqual([0, 0, 50]);
    // the model's gains are the same either way
    expect(notCashable.actors[1].gainsNet).toEqual([0, 1100, 907.5]);
  });

  test("last period 2: nothing repaid in year 3; last period 0: nothing at all", () => {
    const fund = (lastPeriod: number | null): ModelSpec["fund"] => ({
      fundShare: 1,
      savers: ["son", "region"],
      repayment: { kind: "savings", share: 0.5, delay: 1, cap: null, lastPeriod },
    });
    // year 2: min(0.5 × 1,100, 1,000) = 550; year 3: min(0.5 × (60.5 + 907.5), 1,500 − 550) = 484
    expect(evaluateModel(withFund(fund(null))).fund!.repayment).toEqual([0, 550, 484]);
    expect(evaluateModel(withFund(fund(2))).fund!.repayment).toEqual([0, 550, 0]);
    expect(evaluateModel(withFund(fund(0))).fund!.repayment).toEqual([0, 0, 0]);
  });

  test("committed: 25 % and 50 % of the 1,500 paid out, the gap to Socialnämnden's savings", () => {
    const f = evaluateModel(
      withFund({ fundShare: 1, savers: ["son"], repayment: { kind: "committed", commitments: [{ actor: "son", shares: [0, 0.25, 0.5] }] } }),
    ).fund!;
    expect(f.commitments).toEqual([{ actor: "son", amounts: [0, 375, 750], gap: [0, 375, 689.5] }]);
    expect(f.repayment).toEqual([0, 375, 750]);
    expect([f.totalRepaid, f.unpaid]).toEqual([1125, 375]);
  });

  test("dual (Ale): 60 % through the fund, 40 % frame appropriation not repaid", () => {
    const f = evaluateModel(withFund({ fundShare: 0.6, savers: [], repayment: { kind: "savings", share: 1, delay: 1, cap: null, lastPeriod: null } })).fund!;
    expect(f.payout).toEqual([600, 300, 0]);
    expect(f.frame).toEqual([400, 200, 0]);
    expect(f.totalFrame).toBe(600);
    expect(f.repayment).toEqual([0, 0, 0]); // no repaying actors
  });
});

/**
 * Writes v at a path in a spec, as untyped JavaScript may (a value of any type, anywhere): what the types of
 * ModelSpec rule out is exactly what these tests give evaluateModel. Every object on the way must exist.
 */
function put(spec: ModelSpec, path: ReadonlyArray<string | number>, v: unknown): void {
  let o: unknown = spec;
  path.forEach((key, i) => {
    if (typeof o !== "object" || o === null) throw new Error(`put: nothing to write into at ${path.slice(0, i).join(".")}`);
    if (i === path.length - 1) Reflect.set(o, key, v);
    else o = Reflect.get(o, key);
  });
}

describe("the spec is checked once, with a bilingual message", () => {
  const bad = (change: (s: ModelSpec) => void): unknown => {
    const s: ModelSpec = JSON.parse(JSON.stringify(handSpec()));
    change(s);
    return errorOf(() => evaluateModel(s));
  };
  test.each<[string, (s: ModelSpec) => void, string]>([
    ["no years", (s) => (s.years = []), "modelSpec"],
    ["a line for an actor that is not in the model", (s) => (s.costs[0].actor = "fk"), "modelSpec"],
    ["a line longer than the years", (s) => (s.gains[0].amounts = [1, 2, 3, 4]), "modelSpec"],
    ["an amount that is not finite", (s) => put(s, ["gains", 0, "amounts"], [1, null, 3]), "modelSpec"],
    ["the same actor twice", (s) => (s.actors = [...s.actors, { id: "son", label: "SN", kind: "namnd" }]), "modelSpec"],
    ["effect start 0", (s) => (s.effectStart = 0), "modelSpec"],
    ["effect start after the last year", (s) => (s.effectStart = 4), "modelSpec"],
    ["a mandate of 0 years", (s) => (s.mandateYears = 0), "modelSpec"],
    ["deadweight 120 %", (s) => (s.adjustments.deadweight = 1.2), "adjustmentRange"],
    ["a success probability of 2", (s) => (s.successProbability = 2), "modelSpec"],
    ["a rate of −100 %", (s) => (s.rate = -1), "rateTooLow"],
    ["too few per-period rates", (s) => (s.rate = [0.03, 0.03]), "tooFewRates"],
    ["timing 2", (s) => put(s, ["timing"], 2), "badTiming"],
    [
      "commitments over 100 %",
      (s) => (s.fund = { fundShare: 1, savers: [], repayment: { kind: "committed", commitments: [{ actor: "son", shares: [0.6, 0.6] }] } }),
      "modelSpec",
    ],
    [
      "a repaying actor that is not in the model",
      (s) => (s.fund = { fundShare: 1, savers: ["fk"], repayment: { kind: "savings", share: 1, delay: 1, cap: null, lastPeriod: null } }),
      "modelSpec",
    ],
    [
      "a fund share of 0",
      (s) => (s.fund = { fundShare: 0, savers: [], repayment: { kind: "savings", share: 1, delay: 1, cap: null, lastPeriod: null } }),
      "modelSpec",
    ],
  ])("%s", (_what, change, id) => {
    expect(bad(change)).toEqual({ excel: id === "modelSpec" ? "#VALUE!" : expect.any(String), id });
  });

  test("the message names the part in both languages", () => {
    const s = handSpec();
    try {
      evaluateModel({ ...s, effectStart: 9 });
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(SocinvError);
      expect((e as SocinvError).sv).toBe("Modellen: första effektåret måste vara ett periodnummer 1–3 (fick 9).");
      expect((e as SocinvError).en).toBe("The model: the first year of effect must be a period number 1–3 (got 9).");
    }
  });

  test("amounts whose sums overflow: an error saying so, never an infinite number", () => {
    const s = handSpec();
    const huge: ModelSpec = {
      ...s,
      costs: [
        { actor: "son", amounts: [1e308] },
        { actor: "son", amounts: [1e308] },
      ],
    };
    expect(errorOf(() => evaluateModel(huge))).toEqual({ excel: "#VALUE!", id: "modelNotFinite" });
  });

  test("anything in any field: a result with every number finite, or a SocinvError", () => {
    const junk = fc.oneof(
      fc.constant(null),
      fc.constant(undefined),
      fc.constant("x"),
      fc.constant(NaN),
      fc.constant(Infinity),
      fc.constant(-1),
      fc.constant(1e308),
      fc.constant([]),
      fc.constant({}),
      fc.double(),
    );
    const paths: Array<(s: ModelSpec, v: unknown) => void> = [
      (s, v) => put(s, ["years"], v),
      (s, v) => put(s, ["rate"], v),
      (s, v) => put(s, ["timing"], v),
      (s, v) => put(s, ["actors"], v),
      (s, v) => put(s, ["actors", 0, "id"], v),
      (s, v) => put(s, ["costs"], v),
      (s, v) => put(s, ["costs", 0, "amounts"], v),
      (s, v) => put(s, ["costs", 0, "amounts", 1], v),
      (s, v) => put(s, ["gains", 1, "actor"], v),
      (s, v) => put(s, ["participants"], v),
      (s, v) => put(s, ["successProbability"], v),
      (s, v) => put(s, ["gainBasis"], v),
      (s, v) => put(s, ["adjustments"], v),
      (s, v) => put(s, ["adjustments", "dropOff"], v),
      (s, v) => put(s, ["effectStart"], v),
      (s, v) => put(s, ["mandateYears"], v),
      (s, v) => put(s, ["fund"], v),
      (s, v) => put(s, ["fund"], { fundShare: 1, savers: ["son"], repayment: { kind: "savings", share: v, delay: v, cap: v, lastPeriod: v } }),
      (s, v) => put(s, ["fund"], { fundShare: v, savers: v, repayment: { kind: "committed", commitments: [{ actor: "son", shares: [v] }] } }),
      (s, v) => put(s, ["fund"], { fundShare: 1, savers: [], repayment: v }),
      (s, v) => put(s, ["fund"], { fundShare: 1, savers: [], repayment: { kind: "committed", commitments: v } }),
      (s, v) => put(s, ["gains", 0, "cashable"], v),
    ];
    fc.assert(
      fc.property(fc.nat({ max: paths.length - 1 }), junk, (k, v) => {
        const s = handSpec();
        paths[k](s, v);
        let r;
        try {
          r = evaluateModel(s);
        } catch (e) {
          expect(e).toBeInstanceOf(SocinvError);
          expect((e as SocinvError).sv + (e as SocinvError).en).not.toMatch(/undefined|\[object/);
          return;
        }
        const numbers = JSON.stringify(r, (_k, x) => (typeof x === "number" && !Number.isFinite(x) ? "NOT FINITE" : x));
        expect(numbers).not.toContain("NOT FINITE");
      }),
      { numRuns: 1000 },
    );
  });

  test("costs of a vanishing size: the benefit–cost ratio overflows and is not computed", () => {
    const r = evaluateModel({ ...handSpec(), costs: [{ actor: "son", amounts: [5e-324] }] });
    expect([r.benefitCostRatio, r.actors[0].gainsPerOwnCost]).toEqual([null, null]);
    expect(r.pvCosts).toBeGreaterThan(0);
  });

  test("no successes: break-even and its share cannot be computed, gains per success are 0", () => {
    const r = evaluateModel({ ...handSpec(), participants: 0 });
    expect([r.breakEven, r.breakEvenShare]).toEqual([null, null]);
    expect(r.gainsPerSuccess).toEqual([0, 0, 0]);
  });
});

describe("who is the kommun", () => {
  test("the nämnder (kind namnd) are; the region, the state, the individual and others are not", () => {
    expect(["namnd", "region", "state", "individual", "society", "other"].map((kind) => isKommun({ kind }))).toEqual([true, false, false, false, false, false]);
  });
});

describe("fast forms of core rules equal the rules", () => {
  test("presentValueWith (factors computed once) is presentValue, to the last bit, also where the logarithms take over", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ min: -0.99, max: 2, noNaN: true }), fc.array(fc.double({ min: -0.999, max: 1, noNaN: true }), { minLength: 40, maxLength: 40 })),
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: -1e12, max: 1e12, noNaN: true })), { minLength: 1, maxLength: 40 }),
        fc.constantFrom<0 | 0.5 | 1>(0, 0.5, 1),
        fc.integer({ min: 0, max: 40 }),
        (rate, values, timing, w) => {
          const g = accumulationFactors(rate, values.length, timing);
          const upTo = Math.min(w, values.length);
          const fast = presentValueWith(rate, values, timing, g, g.every(normalFactor), upTo);
          expect(Object.is(fast, presentValue(rate, values.slice(0, upTo), timing))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("breakEvenOfPresentValues is breakEvenSuccesses, null exactly where it refuses or overflows", () => {
    expect(breakEvenOfPresentValues(100, 5e-324)).toBeNull();
    expect(breakEvenOfPresentValues(0, 5e-324)).toBe(0);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 100000 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: -1000, max: 100000 }), { minLength: 1, maxLength: 8 }),
        fc.double({ min: -0.05, max: 0.2, noNaN: true }),
        (costs, benefit, rate) => {
          const n = Math.max(costs.length, benefit.length);
          const pad = (xs: number[]) => [...xs, ...new Array(n - xs.length).fill(0)];
          const fast = breakEvenOfPresentValues(presentValue(rate, pad(costs)), presentValue(rate, pad(benefit)));
          let slow: number | null;
          try {
            slow = breakEvenSuccesses(costs, benefit, rate);
            if (!Number.isFinite(slow)) slow = null; // an overflow: an error in the functions
          } catch (e) {
            expect(e).toBeInstanceOf(SocinvError);
            slow = null;
          }
          expect(fast).toBe(slow);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ---- A plain float implementation, for the property test ----

/** The model's arithmetic written out plainly: discount factors as 1/Π(1 + r), sums by loops, nothing shared. */
function plainModel(s: ModelSpec) {
  const n = s.years.length;
  const rates = typeof s.rate === "number" ? s.years.map(() => s.rate as number) : s.rate;
  const df = s.years.map((_, i) => {
    const t = i + 1 - s.timing;
    const full = Math.floor(t);
    let g = 1;
    for (let k = 0; k < full; k++) g *= 1 + rates[k];
    if (t > full) g *= Math.pow(1 + rates[full], t - full);
    return 1 / g;
  });
  const a = s.adjustments;
  const succ = s.participants * s.successProbability;
  const gf = (1 - a.deadweight) * (1 - a.attribution) * (1 - a.displacement) * (1 - a.optimismGains);
  const eff = s.years.map((_, i) => (i + 1 < s.effectStart ? 0 : (1 - a.dropOff) ** (i + 1 - s.effectStart)));
  const pv = (xs: number[], w = n) => xs.slice(0, w).reduce((acc, x, i) => acc + x * df[i], 0);
  const row = (lines: ModelSpec["costs"], id: string) =>
    s.years.map((_, i) => lines.filter((l) => l.actor === id).reduce((acc, l) => acc + (l.amounts[i] ?? 0), 0));
  const actors = s.actors.map((x) => {
    const cn = row(s.costs, x.id).map((v) => v * (1 + a.optimismCosts));
    const gn = row(s.gains, x.id).map((v, i) => v * (s.gainBasis === "perSuccess" ? succ : 1) * gf * eff[i]);
    const net = gn.map((g, i) => g - cn[i]);
    return { kommun: x.kind === "namnd", pvCosts: pv(cn), pvGains: pv(gn), pvNet: pv(net), mandate: pv(net, Math.min(s.mandateYears, n)), net };
  });
  const net = s.years.map((_, i) => actors.reduce((acc, x) => acc + x.net[i], 0));
  const pvCosts = actors.reduce((acc, x) => acc + x.pvCosts, 0);
  const pvGains = actors.reduce((acc, x) => acc + x.pvGains, 0);
  let cum = 0;
  const cums = net.map((v) => (cum += v));
  let j = n - 1;
  let payback: number | null = null;
  if (cums[n - 1] >= 0) {
    while (j > 0 && cums[j - 1] >= 0) j--;
    payback = j === 0 ? 1 - s.timing : j - s.timing + -cums[j - 1] / (cums[j] - cums[j - 1]);
  }
  return { actors, pvCosts, pvGains, npv: pv(net), bcr: pvCosts > 0 ? pvGains / pvCosts : null, payback, mandate: pv(net, Math.min(s.mandateYears, n)) };
}

describe("property: evaluateModel equals the plain float implementation", () => {
  const ids = ["bun", "son", "region", "fk", "samhalle"];
  const kinds = ["namnd", "namnd", "region", "state", "society"];
  const spec = fc
    .record({
      n: fc.integer({ min: 1, max: 30 }),
      rate: fc.oneof(fc.double({ min: -0.02, max: 0.1, noNaN: true }), fc.constant("perPeriod" as const)),
      timing: fc.constantFrom<0 | 0.5 | 1>(0, 0.5, 1),
      actors: fc.integer({ min: 1, max: 5 }),
      lines: fc.array(fc.record({ cost: fc.boolean(), actor: fc.nat(), amounts: fc.array(fc.integer({ min: -1000, max: 1e6 }), { maxLength: 30 }) }), {
        minLength: 1,
        maxLength: 8,
      }),
      shares: fc.array(fc.double({ min: 0, max: 0.6, noNaN: true }), { minLength: 6, maxLength: 6 }),
      start: fc.nat(),
      mandate: fc.integer({ min: 1, max: 8 }),
      participants: fc.integer({ min: 0, max: 100 }),
      perSuccess: fc.boolean(),
    })
    .map((x): ModelSpec => {
      const actors = ids.slice(0, x.actors).map((id, i) => ({ id, label: id, kind: kinds[i] }));
      const line = (l: (typeof x.lines)[number]) => ({ actor: actors[l.actor % actors.length].id, amounts: l.amounts.slice(0, x.n) });
      const [dw, at, di, dr, oc, og] = x.shares;
      return {
        years: Array.from({ length: x.n }, (_, i) => 2025 + i),
        rate: x.rate === "perPeriod" ? Array.from({ length: x.n }, (_, i) => 0.01 + 0.003 * (i % 7)) : x.rate,
        timing: x.timing,
        actors,
        costs: x.lines.filter((l) => l.cost).map(line),
        gains: x.lines.filter((l) => !l.cost).map(line),
        participants: x.participants,
        successProbability: 0.5,
        gainBasis: x.perSuccess ? "perSuccess" : "total",
        adjustments: { deadweight: dw, attribution: at, displacement: di, dropOff: dr, optimismCosts: oc, optimismGains: og },
        effectStart: 1 + (x.start % x.n),
        mandateYears: x.mandate,
        fund: null,
      };
    });

  test("its discount factors are discountFactors' and its discounted payback is paybackAnalysis's, to the last bit", () => {
    fc.assert(
      fc.property(spec, (s) => {
        const r = evaluateModel(s);
        expect(r.discountFactors).toEqual(discountFactors(s.rate, s.years.length, s.timing));
        expect(r.discountedPayback).toBe(paybackAnalysis(r.net, { rate: s.rate, timing: s.timing }).time);
        expect(r.payback).toBe(paybackAnalysis(r.net, { timing: s.timing }).time);
      }),
      { numRuns: 200 },
    );
    // factors beyond the doubles (11^320 overflows): the core's logarithms take over, the same answers
    const far: ModelSpec = {
      ...handSpec(),
      years: Array.from({ length: 320 }, (_, i) => 2025 + i),
      rate: 10,
      costs: [{ actor: "son", amounts: [1] }],
      gains: [{ actor: "region", amounts: [...new Array(319).fill(0), 1e300] }],
    };
    const r = evaluateModel(far);
    expect(r.discountFactors).toEqual(discountFactors(10, 320, 0));
    expect(r.discountedPayback).toBe(paybackAnalysis(r.net, { rate: 10, timing: 0 }).time);
    expect(r.npv).toBe(presentValue(10, r.net));
    expect(r.npv).toBeCloseTo(-0.1, 12); // −1.1 / 11 + a gain worth about 1e-129 today
    // a discount factor that overflows (1 / 0.05^300 is beyond the doubles) is an error, not a number
    const over: ModelSpec = { ...far, years: far.years.slice(0, 300), rate: -0.95, gains: [] };
    expect(errorOf(() => evaluateModel(over))).toEqual({ excel: "#VALUE!", id: "modelNotFinite" });
  });

  test("PVs per actor, NPV, benefit–cost ratio, simple payback, within the mandate", () => {
    const close = (a: number | null, b: number | null, scale: number) => {
      if (b === null) return expect(a).toBeNull();
      expect(a).not.toBeNull();
      expect(Math.abs(a! - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b), scale));
    };
    fc.assert(
      fc.property(spec, (s) => {
        const r = evaluateModel(s);
        const p = plainModel(s);
        // sums of many terms of both signs are compared on the scale of their terms
        const scale = Math.max(...s.costs.concat(s.gains).flatMap((l) => l.amounts.map(Math.abs)), 0) * s.years.length * Math.max(1, s.participants);
        close(r.pvCosts, p.pvCosts, scale);
        close(r.pvGains, p.pvGains, scale);
        close(r.npv, p.npv, scale);
        close(r.netWithinMandate, p.mandate, scale);
        r.actors.forEach((x, i) => {
          close(x.pvCosts, p.actors[i].pvCosts, scale);
          close(x.pvGains, p.actors[i].pvGains, scale);
          close(x.pvNet, p.actors[i].pvNet, scale);
          close(x.netWithinMandate, p.actors[i].mandate, scale);
        });
        const kommun = p.actors.filter((x) => x.kommun).reduce((acc, x) => acc + x.mandate, 0);
        close(r.kommunNetWithinMandate, kommun, scale);
        if (p.bcr !== null && r.benefitCostRatio !== null) close(r.benefitCostRatio, p.bcr, 1);
        expect(r.benefitCostRatio === null).toBe(!(r.pvCosts > 0));
        // the payback's crossing depends on signs only where a cumulative is far from 0
        if (p.payback !== null && r.payback !== null) expect(Math.abs(r.payback - p.payback)).toBeLessThanOrEqual(1e-6 * s.years.length);
      }),
      { numRuns: 300 },
    );
  });
});
