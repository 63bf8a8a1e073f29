/**
 * The discounting, payback, break-even and IRR functions inside real formulas, in the formula engine `npm run calc` uses:
 * ranges with blanks, array constants, errors flowing in, omitted arguments, spills, and agreement with
 * the engine's own (independent) NPV on all-numeric input.
 */
import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { createEngine, evaluateFormula } from "../../src/engine/formula-engine";
import { npv } from "../../src/functions/discounting";

const engine = createEngine({
  Budget: [
    [1, null, 3, "=NA()", "text", 0.1],
    [-100, 60, 60, null, null, null],
  ],
  // Swedish sheet name with a space, as budget sheets often have
  "Plan 2026": [[100], [200], [300]],
});
const calc = (f: string) => evaluateFormula(f, {}, engine);
/** Compares a spilled matrix cell by cell to 14 significant digits (1/1.1² and 1/1.21 differ in the last bit). */
const expectMatrixClose = (got: unknown, want: number[][]) => {
  expect(Array.isArray(got)).toBe(true);
  const g = got as number[][];
  expect(g.map((r) => r.length)).toEqual(want.map((r) => r.length));
  want.forEach((r, i) => r.forEach((w, j) => expect(g[i][j] / w).toBeCloseTo(1, 14)));
};
const value = (f: string) => calc(f).value;

describe("SOCINV.NPV in formulas", () => {
  test("Excel's example equals the built-in NPV", () => {
    expect(value("=SOCINV.NPV(0.1,{-10000,3000,4200,6800})")).toBeCloseTo(1188.44341233522, 9);
    expect(value("=NPV(0.1,-10000,3000,4200,6800)")).toBeCloseTo(1188.44341233522, 9);
  });
  test("the issue's example: =SOCINV.NPV(0.035,{100,100,100},1) = 289.969…", () => {
    expect(value("=SOCINV.NPV(0.035,{100,100,100},1)")).toBeCloseTo(289.969427524563, 10);
  });
  test("a blank year is zero and keeps its place; Excel's NPV skips it", () => {
    expect(value("=SOCINV.NPV(0.1,Budget!A1:C1)")).toBeCloseTo(1 / 1.1 + 3 / 1.331, 12);
    expect(value("=NPV(0.1,Budget!A1:C1)")).toBeCloseTo(1 / 1.1 + 3 / 1.21, 12);
  });
  test("a column, a quoted sheet name, a rate from a cell", () => {
    expect(value("=SOCINV.NPV(Budget!F1,'Plan 2026'!A1:A3,1)")).toBeCloseTo(100 + 200 / 1.1 + 300 / 1.21, 10);
  });
  test("an error in the range flows out with a message naming the position", () => {
    const r = calc("=SOCINV.NPV(0.1,Budget!A1:D1)");
    expect(r.value).toBe("#VALUE!");
    expect(r.message).toMatch(/värde nr 4.*#N\/A.*value no\. 4/);
  });
  test("text in the range names the position in both languages", () => {
    const r = calc("=SOCINV.NPV(0.1,Budget!E1:E1)");
    expect(r.value).toBe("#VALUE!");
    expect(r.message).toMatch(/nr 1 är text.*no\. 1 is text/);
  });
  test("an error as a scalar argument propagates like Excel", () => {
    expect(value("=SOCINV.NPV(NA(),{1,2})")).toBe("#N/A");
  });
  test("rate ≤ −100 % is #NUM!, a bad type #NUM!, a 2-D block #VALUE!", () => {
    expect(value("=SOCINV.NPV(-1,{1,2})")).toBe("#NUM!");
    expect(value("=SOCINV.NPV(0.1,{1,2},2)")).toBe("#NUM!");
    expect(value("=SOCINV.NPV(0.1,{1,2;3,4})")).toBe("#VALUE!");
  });
  test("per-period rates and a declining schedule as the rate", () => {
    expect(value("=SOCINV.NPV({0.05,0.1},{100,100})")).toBeCloseTo(100 / 1.05 + 100 / (1.05 * 1.1), 10);
    expect(value("=SOCINV.NPV(SOCINV.RATESCHEDULE(40),SOCINV.DISCOUNTFACTORS(0,40))")).toBeCloseTo(
      Array.from({ length: 40 }, (_, i) => 1 / (Math.pow(1.035, Math.min(i + 1, 30)) * Math.pow(1.03, Math.max(0, i + 1 - 30)))).reduce((s, x) => s + x, 0),
      10,
    );
  });
  test("number literals with an upper-case exponent, bare TRUE/FALSE", () => {
    expect(value("=SOCINV.NPV(1E-1,{1,2})")).toBeCloseTo(1 / 1.1 + 2 / 1.21, 12);
    expect(value("=SOCINV.PAYBACK({-100,60,60},,,FALSE)")).toBe(3);
    expect(value("=SOCINV.PAYBACK({-100,60,60},,,TRUE)")).toBeCloseTo(2 + 2 / 3, 12);
  });
  test("property: equals the engine's own NPV on all-numeric input", () => {
    fc.assert(
      fc.property(fc.double({ min: -0.5, max: 1, noNaN: true }), fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 30 }), (r, xs) => {
        const list = xs.join(",");
        const ours = value(`=SOCINV.NPV(${r},{${list}})`) as number;
        const theirs = value(`=NPV(${r},${list})`) as number;
        expect(Math.abs(ours - theirs)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(theirs)));
      }),
      { numRuns: 50 },
    );
  });
});

describe("spills and the other functions", () => {
  test("DISCOUNTFACTORS spills a row", () => {
    expectMatrixClose(value("=SOCINV.DISCOUNTFACTORS(0.1,3)"), [[1 / 1.1, 1 / 1.21, 1 / 1.331]]);
    expectMatrixClose(value("=SOCINV.DISCOUNTFACTORS(0.1,2,1)"), [[1, 1 / 1.1]]);
  });
  test("DISCOUNTFACTORS: periods must be a whole number from 1", () => {
    expect(value("=SOCINV.DISCOUNTFACTORS(0.1,0)")).toBe("#NUM!");
  });
  test("RATESCHEDULE spills; health variant; unknown name", () => {
    expect(value('=SOCINV.RATESCHEDULE(2,"health")')).toEqual([[0.015, 0.015]]);
    expect(value('=SOCINV.RATESCHEDULE(2,"x")')).toBe("#VALUE!");
  });
  test("PAYBACK: simple, discounted, never", () => {
    expect(value("=SOCINV.PAYBACK(Budget!A2:C2)")).toBeCloseTo(2 + 40 / 60, 12);
    expect(value("=SOCINV.PAYBACK({-100,60,60},0.1)")).toBeCloseTo(2 + (100 / 1.1 - 60 / 1.21) / (60 / 1.331), 12);
    const never = calc("=SOCINV.PAYBACK({-100,10,10})");
    expect(never.value).toBe("#N/A");
    expect(never.message).toMatch(/Betalar sig inte.*Does not pay back/);
  });
  test("BREAKEVEN and BREAKEVENRATE: the shorter series counts as zero after its end", () => {
    expect(value("=SOCINV.BREAKEVEN({1000,1000},{0,300,300,300},0)")).toBeCloseTo(2000 / 900, 12);
    expect(value("=SOCINV.BREAKEVENRATE({1000,1000},{0,300,300,300},0,10)")).toBeCloseTo(2000 / 9000, 12);
    expect(value("=SOCINV.BREAKEVEN({1000},{0},0.03)")).toBe("#DIV/0!");
  });
  test("REALRATE, NOMINALRATE, IRR, PRICEYEAR", () => {
    expect(value("=SOCINV.REALRATE(0.055,0.02)")).toBeCloseTo(1.055 / 1.02 - 1, 15);
    expect(value("=SOCINV.NOMINALRATE(0.035,0.02)")).toBeCloseTo(0.0557, 15);
    expect(value("=SOCINV.IRR({-70000,12000,15000,18000,21000,26000})")).toBeCloseTo(0.086630948, 8);
    expect(value("=IRR({-70000,12000,15000,18000,21000,26000})")).toBeCloseTo(0.086630948, 8);
    expect(value("=SOCINV.IRR({-100,230,-132})")).toBe("#NUM!");
    expectMatrixClose(value("=SOCINV.PRICEYEAR({100,100},{300,310},310)"), [[(100 * 310) / 300, 100]]);
  });
  test("wrong number of arguments", () => {
    expect(value("=SOCINV.REALRATE(0.05)")).toBe("#N/A");
  });
});

describe("in Excel, errors are thrown as CustomFunctions.Error", () => {
  test("guard converts a core error into the host's error with the bilingual message", () => {
    class FakeError {
      constructor(
        readonly code: string,
        readonly message: string,
      ) {}
    }
    // A stand-in for Excel's runtime, which the test environment does not have.
    const host = globalThis as { CustomFunctions?: unknown };
    host.CustomFunctions = {
      Error: FakeError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!" },
    };
    try {
      let thrown: unknown;
      try {
        npv([[-1]], [[1, 2]], null);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(FakeError);
      expect((thrown as FakeError).code).toBe("#NUM!");
      expect((thrown as FakeError).message).toMatch(/Diskonteringsräntan.*discount rate/);
      // omitted optional argument (null) and empty cells ("" / null / 0) are all fine
      expect(npv([[0.1]], [[1, "", null, 0]], null)).toBeCloseTo(1 / 1.1, 12);
    } finally {
      delete host.CustomFunctions;
    }
  });
});

describe("the calc command", () => {
  test("--stdin prints one JSON line per formula", () => {
    const out = execFileSync("npx", ["tsx", "tools/calc.ts", "--stdin"], {
      input: "=SOCINV.NPV(0.035,{100,100,100},1)\n=NPV(0.1,-10000,3000,4200,6800)\n=SOCINV.DISCOUNTFACTORS(0.1,2)\n=SOCINV.PAYBACK({-1,0})\n",
      encoding: "utf8",
    });
    const lines = out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[0]).toBeCloseTo(289.969427524563, 10);
    expect(lines[1]).toBeCloseTo(1188.44341233522, 10);
    expectMatrixClose(lines[2], [[1 / 1.1, 1 / 1.21]]);
    expect(lines[3]).toBe("#N/A");
  });
});
