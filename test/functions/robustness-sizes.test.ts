/**
 * Issue 8, sizes: nothing hangs, nothing allocates without bound, and a whole-column reference works.
 *
 * - The spill predictor (registry) never reserves more than the function returns: a count out of range or a
 *   result above MAX_RESULT_CELLS is 1×1, so the error shows in one cell at once.
 * - Every count is checked before anything is allocated, in the functions too.
 * - No spread into Math.max/push: 130,000 values and more work.
 * - A whole column (1,048,576 cells, only the first filled) gives the answer of the filled cells, or, for a
 *   result the size of the input, a clear error saying what to select.
 */
import fc from "fast-check";
import { SocinvError } from "../../src/core/errors";
import { readActors } from "../../src/core/actors";
import { MAX_RESULT_CELLS, SHEET_COLS, SHEET_ROWS, toSeries } from "../../src/core/values";
import { createEngine, evaluateFormula } from "../../src/engine/formula-engine";
import { careerFlowsFn, careerPVFn } from "../../src/functions/careers";
import { discountFactors, npv, priceYear, rateSchedule } from "../../src/functions/discounting";
import { actorPV, actorSummaryFn, breakEvenActors } from "../../src/functions/actors";
import { adjustGains, adjustmentsFn } from "../../src/functions/adjustments";
import { breakEven, breakEvenRate } from "../../src/functions/breakeven";
import { irr } from "../../src/functions/irr";
import { payback } from "../../src/functions/payback";
import { ArgShape, FUNCTIONS } from "../../src/functions/registry";
import { errorOf } from "../helpers/errors";

const byId = Object.fromEntries(FUNCTIONS.map((f) => [f.id, f]));
const spill = (id: string, args: ArgShape[]) => byId[id].spill!(args);
const lit = (literal: number | string): ArgShape => ({ rows: 1, cols: 1, literal });
const range = (rows: number, cols: number): ArgShape => ({ rows, cols });
const omitted: ArgShape = { rows: 1, cols: 1, omitted: true };

/** A column of n cells: `filled` first (one per row), the rest blank (null, as a host passes an empty cell). */
const column = (n: number, filled: readonly number[] = []): unknown[][] => Array.from({ length: n }, (_, i) => [i < filled.length ? filled[i] : null]);
const ones = (rows: number, cols = 1): number[][] => Array.from({ length: rows }, () => new Array<number>(cols).fill(1));
const names = (n: number): string[][] => Array.from({ length: n }, (_, i) => [`Aktör ${i + 1}`]);
/** Runs f; a hang is caught by jest's test timeout, and the times are in npm run bench, not asserted here. */
const timed = <T>(f: () => T): { out: T } => ({ out: f() });

const engine = createEngine({
  // A1:A10 hold −1000, 200 × 9; the rest of column A is empty (a whole-column reference is A:A)
  Flows: [[-1000], ...Array.from({ length: 9 }, () => [200])],
  Counts: [[5]],
});
const calc = (f: string) => evaluateFormula(f, {}, engine);

describe("the spill predictor never reserves more than the function returns", () => {
  test("DISCOUNTFACTORS(0.1,1E7) and (0.1,1E6): 1×1, an immediate #NUM! in one cell (was 43 s and 2.6 GB, a crashed tab)", () => {
    expect(spill("DISCOUNTFACTORS", [lit(0.1), lit(1e7)])).toEqual([1, 1]);
    expect(spill("DISCOUNTFACTORS", [lit(0.1), lit(1e6)])).toEqual([1, 1]);
    for (const f of ["=SOCINV.DISCOUNTFACTORS(0.1,1E7)", "=SOCINV.DISCOUNTFACTORS(0.1,1E6)"]) {
      const { out } = timed(() => calc(f));
      expect(out.value).toBe("#NUM!");
      expect(out.message).toMatch(/heltal från 1 till 10\u00a0000.*whole number from 1 to 10,000/);
    }
  });
  test("RATESCHEDULE(1E9): 1×1 and #NUM! at once (never finished)", () => {
    expect(spill("RATESCHEDULE", [lit(1e9)])).toEqual([1, 1]);
    const { out } = timed(() => calc("=SOCINV.RATESCHEDULE(1E9)"));
    expect(out.value).toBe("#NUM!");
  });
  test("CAREERFLOWS({2},{1},1,1,1E9): 1×1 and #NUM! at once (never finished)", () => {
    expect(spill("CAREERFLOWS", [range(1, 1), range(1, 1), lit(1), lit(1), lit(1e9)])).toEqual([1, 1]);
    const { out } = timed(() => calc("=SOCINV.CAREERFLOWS({2},{1},1,1,1E9)"));
    expect(out.value).toBe("#NUM!");
    expect(out.message).toMatch(/lag måste vara.*lag must be/);
  });
  test("counts at the limits are predicted exactly; just beyond them 1×1", () => {
    expect(spill("DISCOUNTFACTORS", [lit(0.1), lit(10000)])).toEqual([1, 10000]);
    expect(spill("DISCOUNTFACTORS", [lit(0.1), lit(10001)])).toEqual([1, 1]);
    expect(spill("DISCOUNTFACTORS", [lit(0.1), lit(2.5)])).toEqual([1, 1]);
    expect(spill("DISCOUNTFACTORS", [lit(0.1), lit(-3)])).toEqual([1, 1]);
    expect(spill("DISCOUNTFACTORS", [lit(0.1), lit("10")])).toEqual([1, 1]);
    expect(spill("DISCOUNTFACTORS", [lit(0.1), omitted])).toEqual([1, 1]);
    expect(spill("DISCOUNTFACTORS", [lit(0.1), range(1, 1)])).toBeNull(); // a cell reference: not known before evaluation
    // CAREERFLOWS: lag 0…1000, ages 0…120, end after start, tables long enough for the ages
    const tables = [range(2, 1), range(2, 1), lit(1), lit(1)];
    expect(spill("CAREERFLOWS", [...tables, lit(1000)])).toEqual([2, 1001]);
    expect(spill("CAREERFLOWS", [...tables, lit(1001)])).toEqual([1, 1]);
    expect(spill("CAREERFLOWS", [...tables, lit(2), omitted, lit(20), lit(25)])).toEqual([2, 7]);
    expect(spill("CAREERFLOWS", [...tables, lit(2), omitted, lit(20), lit(121)])).toEqual([1, 1]);
    expect(spill("CAREERFLOWS", [...tables, lit(2), omitted, lit(25), lit(20)])).toEqual([1, 1]);
    expect(spill("CAREERFLOWS", [...tables, lit(2), omitted, omitted, lit(65)])).toEqual([1, 1]); // end_age without start_age
    expect(spill("CAREERFLOWS", [range(2, 3), range(2, 1), lit(1), lit(1), lit(0), omitted, lit(20), lit(25)])).toEqual([1, 1]); // 3 years for 5 ages
    // each of these is what the function does
    expect(careerFlowsFn([[1], [2]], [[0], [0]], 1, 1, 1000).map((r) => r.length)).toEqual([1001, 1001]);
    expect(errorOf(() => careerFlowsFn([[1], [2]], [[0], [0]], 1, 1, 1001))).toEqual({ excel: "#NUM!", id: "badLag" });
    expect(careerFlowsFn([[1], [2]], [[0], [0]], 1, 1, 2, undefined, 20, 25).map((r) => r.length)).toEqual([7, 7]);
  });
  test("a result above MAX_RESULT_CELLS, or beyond the sheet, is predicted 1×1 for every spilling function", () => {
    const huge = range(SHEET_ROWS, 1);
    expect(spill("PRICEYEAR", [huge, lit(100), lit(100)])).toEqual([1, 1]);
    expect(spill("PRICEYEAR", [range(1, MAX_RESULT_CELLS), lit(100), lit(100)])).toEqual([1, 1]); // wider than the sheet
    expect(spill("PRICEYEAR", [range(MAX_RESULT_CELLS, 1), lit(100), lit(100)])).toEqual([MAX_RESULT_CELLS, 1]);
    expect(spill("ACTORPV", [lit(0.1), huge])).toEqual([1, 1]);
    expect(spill("ACTORSUMMARY", [lit(0.1), range(14284, 1), range(14284, 3)])).toEqual([1, 1]); // (14,284 + 2) × 7 > 100,000
    expect(spill("ACTORSUMMARY", [lit(0.1), range(14283, 1), range(14283, 3)])).toEqual([14285, 7]); // 99,995 cells
    expect(spill("ADJUSTGAINS", [range(317, 316)])).toEqual([1, 1]);
    expect(spill("CAREERFLOWS", [range(100, 1), range(100, 1), lit(1), lit(1), lit(1000)])).toEqual([1, 1]); // 100 × 1,001
    expect(spill("SPLIT", [range(1, 1000), range(1000, 1)])).toEqual([1, 1]); // 1,000 actors × 1,000 years
  });
  test("a label count that cannot match the table is 1×1 (the function refuses it)", () => {
    expect(spill("ACTORSUMMARY", [lit(0), range(2, 1), range(3, 4)])).toEqual([1, 1]);
    expect(errorOf(() => actorSummaryFn([[0]], [["A"], ["B"]], ones(3, 4)))).toEqual({ excel: "#VALUE!", id: "actorsMismatch" });
    expect(spill("PRICEYEAR", [range(3, 1), range(2, 1), lit(1)])).toEqual([1, 1]);
    expect(errorOf(() => priceYear(ones(3), ones(2), 1))).toEqual({ excel: "#VALUE!", id: "sizeMismatch" });
  });
  test("property: whatever the argument shapes, a predicted shape fits the limits", () => {
    const shape = fc.oneof(
      fc.record({ rows: fc.integer({ min: 1, max: SHEET_ROWS }), cols: fc.integer({ min: 1, max: SHEET_COLS }) }),
      fc.record({
        rows: fc.constant(1),
        cols: fc.constant(1),
        literal: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -10, max: 1e9 }), fc.string()),
      }),
      fc.constant(omitted),
    );
    const spilling = FUNCTIONS.filter((f) => f.spill);
    fc.assert(
      fc.property(fc.constantFrom(...spilling), fc.array(shape, { maxLength: 10 }), (entry, args) => {
        const s = entry.spill!(args as ArgShape[]);
        if (s === null) return;
        const [rows, cols] = s;
        expect(Number.isInteger(rows) && Number.isInteger(cols) && rows >= 1 && cols >= 1).toBe(true);
        expect(rows <= SHEET_ROWS && cols <= SHEET_COLS && rows * cols <= MAX_RESULT_CELLS).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("the functions bound every size before allocating", () => {
  const tooLarge = (f: () => unknown) => {
    let e: unknown;
    try {
      f();
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(SocinvError);
    expect((e as SocinvError).id).toBe("resultTooLarge");
    expect((e as SocinvError).kind).toBe("invalidValue");
    return e as SocinvError;
  };
  test("periods: DISCOUNTFACTORS and RATESCHEDULE refuse 1E7 and 1E9 without building anything", () => {
    expect(errorOf(() => discountFactors([[0.1]], 1e7))).toEqual({ excel: "#NUM!", id: "badPeriods" });
    expect(errorOf(() => rateSchedule(1e9))).toEqual({ excel: "#NUM!", id: "badPeriods" });
    expect(errorOf(() => rateSchedule(null))).toEqual({ excel: "#NUM!", id: "badPeriods" });
    expect(discountFactors([[0]], 10000)[0]).toHaveLength(10000);
  });
  test("every spilling function refuses a result above 100,000 cells with a message saying what to select", () => {
    const e = tooLarge(() => priceYear(ones(MAX_RESULT_CELLS + 1), [[1]], 1));
    expect(e.sv).toMatch(/100\u00a0001 × 1 celler; högst 100\u00a0000 celler.*A1:A100 i stället för A:A/);
    expect(e.en).toMatch(/100,001 × 1 cells; at most 100,000 cells.*A1:A100 rather than A:A/);
    tooLarge(() => actorPV([[0.1]], ones(MAX_RESULT_CELLS + 1)));
    tooLarge(() => adjustGains(ones(317, 316)));
    tooLarge(() => actorSummaryFn([[0.1]], names(14284), ones(14284)));
    tooLarge(() => adjustmentsFn([[0.1]], names(7691), ones(7691))); // (7,691 + 3) × 13 = 100,022
    tooLarge(() => breakEvenActors([[0.1]], names(14284), ones(14284), ones(14284)));
    tooLarge(() => careerPVFn([[0.1]], names(20000), ones(20000), ones(20000))); // 20,002 × 5
    tooLarge(() =>
      careerFlowsFn(
        ones(100),
        ones(100).map(() => [0]),
        1,
        1,
        1000,
      ),
    ); // 100 × 1,001
    // the largest PRICEYEAR that is allowed works
    expect(priceYear(ones(MAX_RESULT_CELLS), [[2]], 4)).toHaveLength(MAX_RESULT_CELLS);
  });
});

describe("large inputs: no spread overflows the stack", () => {
  test("NPV(0.035,SEQUENCE(130000)) = 1.035 / 0.035² (was 'Maximum call stack size exceeded')", () => {
    // Σ t·v^t over t ≥ 1 with v = 1/1.035 is v/(1 − v)² = 1.035/0.035²; v^130000 is far below the doubles.
    const want = 1.035 / 0.035 ** 2; // 844.8979591836735
    expect(calc("=SOCINV.NPV(0.035,SEQUENCE(130000))").value).toBeCloseTo(want, 7);
    expect(
      npv(
        [[0.035]],
        Array.from({ length: 130000 }, (_, i) => [i + 1]),
      ),
    ).toBeCloseTo(want, 7);
    expect(npv([[0.035]], [Array.from({ length: 16384 }, (_, i) => i + 1)])).toBeCloseTo(want, 7); // a full row
  });
  test("200,000 actor labels and a 200,000-row series are read (the width is found by a loop)", () => {
    expect(readActors(names(200000))).toHaveLength(200000);
    expect(toSeries(ones(200000), "values")).toHaveLength(200000);
    expect(errorOf(() => toSeries(ones(200000, 2), "values"))).toEqual({ excel: "#VALUE!", id: "notAVector" });
    // and a function given them refuses the result for its size, not with a crash
    expect(errorOf(() => actorSummaryFn([[0]], names(200000), ones(200000)))).toEqual({ excel: "#VALUE!", id: "resultTooLarge" });
  });
});

describe("a whole column A:A (1,048,576 cells, A1:A10 filled) gives the answer of A1:A10", () => {
  const filled = [-1000, 200, 200, 200, 200, 200, 200, 200, 200, 200];
  const whole = column(SHEET_ROWS, filled);
  const ten = column(10, filled);
  const benefit = column(SHEET_ROWS, [0, 1, 1, 1]);
  const costs = column(SHEET_ROWS, [1000]);

  test("NPV, IRR, PAYBACK: equal to the filled part, each within a second or two", () => {
    for (const [what, f] of [
      ["NPV", (v: unknown[][]) => npv([[0.1]], v)],
      ["NPV per-period rates", (v: unknown[][]) => npv(column(10, new Array<number>(10).fill(0.1)), v)],
      ["IRR", (v: unknown[][]) => irr(v)],
      ["PAYBACK", (v: unknown[][]) => payback(v)],
      ["PAYBACK discounted", (v: unknown[][]) => payback(v, [[0.1]], 1)],
    ] as const) {
      const { out } = timed(() => f(whole));
      expect([what, out]).toEqual([what, f(ten)]);
    }
  });
  test("the numbers themselves, by hand", () => {
    // annuity factor at 10 % over years 2–10: (1 − 1.1^−9)/0.1 / 1.1
    expect(npv([[0.1]], whole)).toBeCloseTo(-1000 / 1.1 + (200 * (1 - 1.1 ** -9)) / 0.1 / 1.1, 9);
    // IRR: 200 × annuity(9, r) = 1000, i.e. Σ_{t=1..9} (1 + r)^−t = 5
    const r = irr(whole);
    let annuity = 0;
    for (let t = 1; t <= 9; t++) annuity += (1 + r) ** -t;
    expect(annuity).toBeCloseTo(5, 10);
    expect(r).toBeCloseTo(0.137044742, 8);
    // cumulative −1000, −800, …, −0 at value 6 (time 6): 5 × 200 = 1000
    expect(payback(whole)).toBe(6);
  });
  test("BREAKEVEN and BREAKEVENRATE over whole columns", () => {
    // PV costs 1000/1.1; PV benefit 1/1.1² + 1/1.1³ + 1/1.1⁴
    const want = 1000 / 1.1 / (1.1 ** -2 + 1.1 ** -3 + 1.1 ** -4);
    expect(breakEven(costs, benefit, [[0.1]])).toBeCloseTo(want, 9);
    expect(breakEvenRate(costs, benefit, [[0.1]], 1000)).toBeCloseTo(want / 1000, 12);
  });
  test("PRICEYEAR, ACTORPV, ADJUSTGAINS (result the size of the input): a clear error naming the size and A:A", () => {
    for (const f of [() => priceYear(whole, [[100]], 100), () => actorPV([[0.1]], whole), () => adjustGains(whole)]) {
      const { out } = timed(() => errorOf(f));
      expect(out).toEqual({ excel: "#VALUE!", id: "resultTooLarge" });
    }
  });
  test("in the formula engine: A:A equals A1:A10; a spill the size of A:A gives the same message as in Excel", () => {
    expect(calc("=SOCINV.NPV(0.1,Flows!A:A)").value).toBe(calc("=SOCINV.NPV(0.1,Flows!A1:A10)").value);
    expect(calc("=SOCINV.IRR(Flows!A:A)").value).toBe(calc("=SOCINV.IRR(Flows!A1:A10)").value);
    expect(calc("=SOCINV.PAYBACK(Flows!A:A,0.1)").value).toBe(calc("=SOCINV.PAYBACK(Flows!A1:A10,0.1)").value);
    const r = calc("=SOCINV.PRICEYEAR(Flows!A:A,100,100)");
    expect(r.value).toBe("#VALUE!");
    expect(r.message).toMatch(/1\u00a0048\u00a0576 × 1 celler.* \/ .*1,048,576 × 1 cells/);
  });
});

describe("the formula engine never cuts a spill to fit", () => {
  test("a count in a cell: #VALUE! saying to give the count in the formula (not the first factor alone)", () => {
    const r = calc("=SOCINV.DISCOUNTFACTORS(0.1,Counts!A1)");
    expect(r.value).toBe("#VALUE!");
    expect(r.message).toMatch(/reserverade 1 × 1 celler men resultatet har 1 × 5.* \/ .*reserved 1 × 1 cells but the result has 1 × 5/);
  });
});
