/**
 * Issue 9 §5: an empty cell gives the same result in Excel on the desktop (which passes it as 0) and on the
 * web (which passes it as null, like an omitted argument). Every function is run over its working call with
 * each argument in turn replaced by an empty cell both ways, and the results must be identical: the same
 * value, or the same error with the same message. For an argument whose empty cell the spec marks "refused"
 * (actor names) both must be an error.
 */
import fc from "fast-check";
import { createEngine, evaluateFormula } from "../../src/engine/formula-engine";
import { payback } from "../../src/functions/payback";
import { split } from "../../src/functions/allocation";
import { ParamSpec, SPECS, isRangeKind } from "../../src/functions/specs";
import { WORKING, outcome, withArg } from "./spec-cases";

/** An empty cell as each host passes it: a scalar argument gets 0 or null; a range argument a 1×1 range. */
const desktop = (p: ParamSpec): unknown => (isRangeKind(p.kind) ? [[0]] : 0);
const web = (p: ParamSpec): unknown => (isRangeKind(p.kind) ? [[null]] : null);

/**
 * Arguments whose adapter does not read through the spec routine yet (src/functions/adjustments.ts, moved
 * there by another change): ADJUSTMENTS shows an adjustment of 0 as "given" and an empty cell as "not given"
 * in its source row (the numbers agree). Each is a known desktop/web difference: the test expects it to fail,
 * so it starts failing (and is to be removed from this list) once the adapter reads by the spec.
 */
const PENDING: Record<string, string[]> = {};

const CASES = Object.entries(SPECS).flatMap(([id, s]) => s.params.map((p, i) => ({ id, p: p as ParamSpec, i })));

describe("every function, every argument: an empty cell is the same on the desktop (0) and the web (null)", () => {
  for (const { id, p, i } of CASES) {
    const pending = PENDING[id]?.includes(p.name) ?? false;
    const run = pending ? test.failing : test;
    run(`${id}.${p.name} (${p.blank})`, () => {
      const d = outcome(id, withArg(id, i, desktop(p)));
      const w = outcome(id, withArg(id, i, web(p)));
      if (p.blank === "refused") {
        expect("excel" in d && "excel" in w).toBe(true);
        expect((d as { excel: string }).excel).toBe((w as { excel: string }).excel);
      } else expect(d).toEqual(w);
      // An optional argument left empty is the same as omitted at the end of the call.
      if (p.optional && i === WORKING[id].length - 1) expect(outcome(id, WORKING[id].slice(0, i))).toEqual(w);
    });
  }
  test("the pending list names only real arguments", () => {
    for (const [id, names] of Object.entries(PENDING))
      for (const n of names) expect(SPECS[id as keyof typeof SPECS].params.some((p) => p.name === n)).toBe(true);
  });
});

describe("named cases through the formula engine: a cell holding 0 (the desktop's empty cell) and an empty cell", () => {
  // Row 1: A empty, B 0, C 20; the Norrköping savings of docs/functions-distribution.md in rows 2–3.
  const engine = createEngine({
    S: [
      [null, 0, 20],
      ["Socialnämnden", 0, 400000, 600000, 700000, 700000, 700000],
      ["Barn- och utbildningsnämnden", 0, 100000, 200000, 300000, 300000, 300000],
    ],
  });
  const calc = (f: string) => evaluateFormula(f, {}, engine).value;
  const both = (f: (cell: string) => string) => {
    const empty = calc(f("S!A1"));
    expect(calc(f("S!B1"))).toEqual(empty);
    return empty;
  };

  test("PAYBACK({-100,30,40,50,60},,,<empty>): fractional is the default TRUE: 3 + 30/50 = 3.6", () => {
    // cumulative −100, −70, −30, +20 at times 1…4: crosses between 3 and 4
    expect(both((c) => `=SOCINV.PAYBACK({-100,30,40,50,60},,,${c})`)).toBeCloseTo(3.6, 12);
    expect(calc("=SOCINV.PAYBACK({-100,30,40,50,60},,,FALSE)")).toBe(4);
  });
  test("SPLIT with an empty unit cell: kronor", () => {
    expect(both((c) => `=SOCINV.SPLIT({1000,1001},{0.5;0.25;0.25},${c})`)).toEqual([
      [500, 501],
      [250, 250],
      [250, 250],
    ]);
  });
  test("BREAKEVENACTORS with an empty window cell: the default 4 years", () => {
    const f = (c: string) =>
      `=SOCINV.BREAKEVENACTORS(0,{"Kommunen";"Regionen"},{-1000,-1000,0,0,0,0;0,0,0,0,0,0},{0,100,100,100,100,100;0,50,50,50,50,50},${c})`;
    const t = both(f) as unknown[][];
    // Kommunen: 2,000 ÷ 500 = 4 over the table, 2,000 ÷ 300 = 6.67 within 4 years (the header says 4 years)
    expect(t[1][3]).toBe(4);
    expect(t[1][6]).toBeCloseTo(2000 / 300, 12);
    expect(t[0][6]).toBe("Brytpunkt inom 4 år / Break-even within 4 years");
    expect(t).toEqual(calc(f("4")));
  });
  test("REPAYSAVINGS with an empty delay cell: the default, the year after", () => {
    const t = both((c) => `=SOCINV.REPAYSAVINGS(1500000,S!A2:A3,S!B2:G3,1,${c})`) as number[][];
    expect(t[5].slice(1, 5)).toEqual([1.5e6, 1e6, 200000, 0]); // outstanding, as with delay omitted
  });
  test("CAREERPV with empty start_age and end_age cells: no ages; with start 20 and an empty end: to 65", () => {
    const pv = (start: string, end: string) => calc(`=SOCINV.CAREERPV(0.035,{"Kommunen"},{150000},{0},${start},${end})`) as unknown[][];
    const none = pv("S!A1", "S!A1");
    expect(pv("S!B1", "S!B1")).toEqual(none);
    expect(none[1][3]).toBeCloseTo(150000 / 1.035, 6); // one column, no ages: one year
    const to65 = pv("S!C1", "S!A1");
    expect(pv("S!C1", "S!B1")).toEqual(to65);
    expect(to65[1][3]).toBeCloseTo((150000 * (1 - 1.035 ** -45)) / 0.035, 4); // 45 years: 3,374,318
  });
  test("CAREERFLOWS with lag, start_age and end_age left empty (literal counts: the engine sizes the spill)", () => {
    const f = (lag: string, start: string, end: string) => calc(`=SOCINV.CAREERFLOWS({100;10},{0;0},10,0.5,${lag},2,${start},${end})`);
    // lag 0 and no ages: one year of effect, at half the effect (ramp 2): 100 × 10 × 0.5 × 1/2
    expect(f("", "", "")).toEqual([[250], [25]]);
    expect(f("0", "0", "0")).toEqual(f("", "", ""));
    expect(f("0", "20", "0")).toEqual(f("", "20", "")); // to the default 65: 45 years
    expect((f("", "20", "") as number[][])[0]).toHaveLength(45);
  });
});

describe("properties: empty optional arguments, both ways, over random data", () => {
  test("PAYBACK: fractional left empty (0 or null) is TRUE, the default", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 30 }), fc.constantFrom(0, 0.5, 1), (xs, type) => {
        const values = [[-1000, ...xs, 2000 * xs.length + 1000]]; // pays back by the last period
        // Excel passes an omitted rate as null, which the declared type leaves out.
        const noRate = null as unknown as unknown[][];
        const omitted = payback(values, noRate, type);
        expect(payback(values, noRate, type, 0)).toBe(omitted);
        expect(payback(values, noRate, type, null)).toBe(omitted);
        expect(payback(values, [[0]], type, 0)).toBe(omitted); // an empty rate cell: simple payback
        expect(payback(values, noRate, type, true)).toBe(omitted);
      }),
    );
  });
  test("SPLIT: an empty unit cell (0 or null) splits in kronor", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 }),
        (amounts, w) => {
          const total = w.reduce((a, b) => a + b, 0);
          const shares = w.map((x) => [x / total]);
          let kr: unknown;
          try {
            kr = split([amounts], shares, 1);
          } catch (e) {
            kr = (e as Error).message; // shares that do not sum to 100 % at 15 digits: the same refusal
          }
          for (const empty of [0, null, "", [[null]], [[0]]]) {
            let r: unknown;
            try {
              r = split([amounts], shares, empty);
            } catch (e) {
              r = (e as Error).message;
            }
            expect(r).toEqual(kr);
          }
        },
      ),
    );
  });
});
