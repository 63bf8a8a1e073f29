/**
 * Issue 8, arguments: every error a user can cause is a catalogue message, never a JavaScript one.
 * Each adapter gets, in each argument, what Excel and the formula engine can pass: an omitted argument
 * (null, undefined), an empty cell (null on the web, 0 on the desktop, ""), a boolean, text, an error value,
 * an empty or a 2-D range where a row is expected. Every call returns a finite result or throws a SocinvError
 * with a message from the catalogue.
 */
import { SocinvError } from "../../src/core/errors";
import { createEngine, evaluateFormula } from "../../src/engine/formula-engine";
import { careerFlowsFn, careerPVFn } from "../../src/functions/careers";
import { discountFactors, nominalRate, npv, priceYear, rateSchedule, realRate } from "../../src/functions/discounting";
import { actorPV, actorSummaryFn, breakEvenActors } from "../../src/functions/actors";
import { adjustGains, adjustmentsFn } from "../../src/functions/adjustments";
import { breakEven, breakEvenRate } from "../../src/functions/breakeven";
import { irr } from "../../src/functions/irr";
import { payback } from "../../src/functions/payback";
import { errorOf } from "../helpers/errors";

/** Texts that betray a JavaScript failure rather than a message written for the user. */
const INTERNAL =
  /Internt fel|Internal calculation error|Cannot read|undefined|NaN|\[DecimalError\]|Maximum call stack|is not a function|\[object Object\]|is not defined|Invalid array length|is not iterable|Oväntat fel|Unexpected failure/;

const ODD: ReadonlyArray<[string, unknown]> = [
  ["omitted (undefined)", undefined],
  ["omitted or web blank (null)", null],
  ["desktop blank (0)", 0],
  ["empty text", ""],
  ["TRUE", true],
  ["text", "abc"],
  ["an error value", { errorCode: "#N/A" }],
  ["a blank cell", [[null]]],
  ["an empty row", [[]]],
  ["an empty range", []],
  [
    "a 2-D block",
    [
      [1, 2],
      [3, 4],
    ],
  ],
  ["a range with TRUE", [[1, true]]],
  ["a range with an error", [[1, { errorCode: "#DIV/0!" }]]],
  ["a huge number", 1e308],
  ["a negative number", -5],
];

/** An adapter as Excel calls it: each argument whatever a cell or an omission gives. */
type AsExcel = (...a: unknown[]) => unknown;

/** Working arguments for each adapter; each argument is replaced in turn by each odd value. */
const CASES: ReadonlyArray<[string, (...a: never[]) => unknown, unknown[]]> = [
  ["NPV", npv, [[[0.1]], [[-100, 60, 60]], 0]],
  ["DISCOUNTFACTORS", discountFactors, [[[0.1]], 3, 0]],
  ["RATESCHEDULE", rateSchedule, [3, "standard"]],
  ["REALRATE", realRate, [0.055, 0.02]],
  ["NOMINALRATE", nominalRate, [0.035, 0.02]],
  ["PRICEYEAR", priceYear, [[[100, 100]], [[300, 310]], 310]],
  ["PAYBACK", payback, [[[-100, 60, 60]], [[0.1]], 0, true]],
  ["BREAKEVEN", breakEven, [[[1000, 1000]], [[0, 300, 300, 300]], [[0.03]], 0]],
  ["BREAKEVENRATE", breakEvenRate, [[[1000, 1000]], [[0, 300, 300, 300]], [[0.03]], 10, 0]],
  ["IRR", irr, [[[-100, 60, 60]]]],
  [
    "ACTORSUMMARY",
    actorSummaryFn,
    [
      [[0.035]],
      [["SN"], ["Regionen"]],
      [
        [-100, 50, 50],
        [0, 40, 40],
      ],
      0,
    ],
  ],
  [
    "ACTORPV",
    actorPV,
    [
      [[0.035]],
      [
        [-100, 50, 50],
        [0, 40, 40],
      ],
      0,
    ],
  ],
  [
    "ADJUSTGAINS",
    adjustGains,
    [
      [
        [-100, 50, 50],
        [0, 40, 40],
      ],
      [[0.1]],
      [[0.1]],
      [[0.1]],
      [[0.1]],
      [[0.1]],
      [[0.1]],
    ],
  ],
  [
    "ADJUSTMENTS",
    adjustmentsFn,
    [
      [[0.035]],
      [["SN"], ["Regionen"]],
      [
        [-100, 50, 50],
        [0, 40, 40],
      ],
      [[0.1]],
      [[0.1]],
      [[0.1]],
      [[0.1]],
      [[0.1]],
      [[0.1]],
      0,
    ],
  ],
  [
    "BREAKEVENACTORS",
    breakEvenActors,
    [
      [[0.035]],
      [["SN"], ["Regionen"]],
      [
        [-100, 0, 0],
        [0, 0, 0],
      ],
      [
        [0, 50, 50],
        [0, 40, 40],
      ],
      4,
      0,
    ],
  ],
  ["CAREERPV", careerPVFn, [[[0.035]], [["Kommunen"], ["Regionen"]], [[150000], [20000]], [[0], [5000]], 20, 65, 0]],
  ["CAREERFLOWS", careerFlowsFn, [[[100], [10]], [[0], [0]], 10, 0.5, 2, 2, 20, 25]],
];

const isFiniteResult = (out: unknown): boolean =>
  typeof out === "number"
    ? Number.isFinite(out)
    : Array.isArray(out) &&
      out.length > 0 &&
      out.every((r) => Array.isArray(r) && r.length === (out[0] as unknown[]).length && r.every((c) => typeof c !== "number" || Number.isFinite(c)));

describe("every adapter, every argument, every odd value: a finite result or a catalogue message", () => {
  for (const [id, adapter, good] of CASES) {
    test(`${id}`, () => {
      const fn = adapter as AsExcel;
      expect(isFiniteResult(fn(...good))).toBe(true); // the working call works
      const problems: string[] = [];
      for (let i = 0; i < good.length; i++) {
        for (const [what, odd] of ODD) {
          const args = good.slice();
          args[i] = odd;
          try {
            const out = fn(...args);
            if (!isFiniteResult(out)) problems.push(`arg ${i + 1} ${what}: result ${JSON.stringify(out)}`);
          } catch (e) {
            if (!(e instanceof SocinvError)) problems.push(`arg ${i + 1} ${what}: ${String(e)}`);
            else if (INTERNAL.test(e.message) || e.id === "internal" || e.id === "unexpected") problems.push(`arg ${i + 1} ${what}: [${e.id}] ${e.message}`);
            else if (!e.sv || !e.en || e.sv === e.en) problems.push(`arg ${i + 1} ${what}: not bilingual: ${e.message}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

describe("named reproductions", () => {
  const engine = createEngine();
  const calc = (f: string) => evaluateFormula(f, {}, engine);
  // An omitted argument as Excel passes it (null) or as a call from code may (undefined); the types leave both out.
  const omittedNull = null as unknown as unknown[][];
  const omittedUndefined = undefined as unknown as unknown[][];

  test("PRICEYEAR(,100,100): 'values is missing' (was 'Cannot read properties of null (reading 'length')')", () => {
    expect(errorOf(() => priceYear(omittedNull, [[100]], 100))).toEqual({ excel: "#VALUE!", id: "missingArgument" });
    expect(errorOf(() => priceYear(omittedUndefined, [[100]], 100))).toEqual({ excel: "#VALUE!", id: "missingArgument" });
    const r = calc("=SOCINV.PRICEYEAR(,100,100)");
    expect(r.value).toBe("#VALUE!");
    expect(r.message).toBe("värden saknas: ange ett tal, en cell eller ett område. / values is missing: give a number, a cell or a range.");
  });
  test("an omitted required range is named; an empty cell in it is 0 (blank = 0)", () => {
    expect(errorOf(() => npv([[0.1]], omittedNull))).toEqual({ excel: "#VALUE!", id: "missingArgument" });
    expect(errorOf(() => npv(omittedNull, [[1]]))).toEqual({ excel: "#VALUE!", id: "missingArgument" });
    expect(errorOf(() => irr(omittedUndefined))).toEqual({ excel: "#VALUE!", id: "missingArgument" });
    expect(errorOf(() => actorPV([[0.1]], omittedNull))).toEqual({ excel: "#VALUE!", id: "missingArgument" });
    expect(calc("=SOCINV.NPV(0.1,)").message).toMatch(/värden saknas.*values is missing/);
    // a referenced empty cell arrives as a 2-D array: it is 0, as every blank
    expect(npv([[0.1]], [[null]])).toBe(0);
    expect(priceYear([[null]], [[100]], 100)).toEqual([[0]]);
  });
  test("TRUE in a numeric range is named as a logical value, in Swedish SANT", () => {
    const e = (() => {
      try {
        npv([[0.1]], [[1, true]]);
      } catch (x) {
        return x as SocinvError;
      }
      throw new Error("no error");
    })();
    expect(e.id).toBe("logicalInRange");
    expect(e.sv).toBe("värden: värde nr 2 är SANT, ett sanningsvärde, inte ett tal.");
    expect(e.en).toBe("values: value no. 2 is TRUE, a logical value, not a number.");
  });
  test("periods left empty: 'got blank', not 'got 0'", () => {
    const r = calc("=SOCINV.DISCOUNTFACTORS(0.1,)");
    expect(r.value).toBe("#NUM!");
    expect(r.message).toMatch(/fick tomt\).*got blank\)/);
  });
});
