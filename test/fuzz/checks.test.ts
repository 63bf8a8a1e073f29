/**
 * The fuzz test's own oracle, on functions made to fail: each check must flag what it is meant to flag and
 * pass what is fine, or a clean fuzz run would prove nothing. Also: a task is the same every time it is
 * built from (seed, index), which is what makes `npm run fuzz -- … --only K` reproduce a failure.
 */
import { SocinvError } from "../../src/core/errors";
import { FUNCTIONS, FunctionEntry } from "../../src/functions/registry";
import { argShapes, checkCall, isInternalMessage } from "./checks";
import { FakeCustomFunctionsError, makePlan, makeTask, showTask } from "./tasks";
import { Rng, taskSeed } from "./prng";

const entry = (id: string, fn: FunctionEntry["fn"], params = ["values"], spill?: FunctionEntry["spill"]): FunctionEntry => ({ id, fn, params, spill });
const classes = (e: FunctionEntry, args: unknown[], hangMs = 2000) => checkCall(e, args, 0, hangMs).findings.map((f) => f.cls);
const custom = (sv: string, en: string) => new SocinvError("custom", {}, { custom: { kind: "invalidValue", sv: () => sv, en: () => en } });

describe("errors", () => {
  test("a SocinvError from the catalogue is fine; anything else escapes", () => {
    expect(
      classes(
        entry("F", () => {
          throw new SocinvError("emptyRange", { arg: "values" });
        }),
        [[[1]]],
      ),
    ).toEqual([]);
    expect(
      classes(
        entry("F", () => {
          throw new TypeError("x is not a function");
        }),
        [[[1]]],
      ),
    ).toEqual(["escape"]);
    expect(
      classes(
        entry("F", () => {
          throw "a string";
        }),
        [[[1]]],
      ),
    ).toEqual(["escape"]);
  });
  test("the internal message and JavaScript text in a message are internal", () => {
    expect(
      classes(
        entry("F", () => {
          throw new SocinvError("internal", { detail: "boom" });
        }),
        [1],
      ),
    ).toEqual(["internal"]);
    expect(
      classes(
        entry("F", () => {
          throw custom("fick undefined", "got undefined");
        }),
        [1],
      ),
    ).toEqual(["internal"]);
    expect(
      classes(
        entry("F", () => {
          throw custom("värdet är NaN", "the value is NaN");
        }),
        [1],
      ),
    ).toEqual(["internal"]);
    expect(
      classes(
        entry("F", () => {
          throw custom("[DecimalError] Invalid argument", "[DecimalError] Invalid argument");
        }),
        [1],
      ),
    ).toEqual(["internal"]);
  });
  test("English prose may say 'undefined'; a message may show the NaN it was given", () => {
    expect(isInternalMessage("Värdet blir för stort eller odefinierat. / The value overflows or is undefined.")).toBe(false);
    expect(isInternalMessage("fick NaN / got NaN")).toBe(true);
    expect(
      classes(
        entry("F", () => {
          throw custom("aktör nr 1 är NaN", "actor no. 1 is NaN");
        }),
        [NaN],
      ),
    ).toEqual([]);
  });
  test("as in Excel: CustomFunctions.Error with a catalogue message is fine, a bare SocinvError escapes", () => {
    const cf = (e: unknown) =>
      checkCall(
        entry("F", () => {
          throw e;
        }),
        [1],
        0,
        2000,
        FakeCustomFunctionsError,
      ).findings.map((f) => f.cls);
    expect(cf(new FakeCustomFunctionsError("#NUM!", "Talet är för stort. / The number is too large."))).toEqual([]);
    expect(cf(new FakeCustomFunctionsError("#BUSY!", "x / x"))).toEqual(["internal"]);
    expect(cf(new SocinvError("emptyRange", { arg: "values" }))).toEqual(["escape"]);
  });
});

describe("results", () => {
  test("finite numbers, rectangular tables; text only where the function has labels", () => {
    expect(
      classes(
        entry("F", () => 1.5),
        [1],
      ),
    ).toEqual([]);
    expect(
      classes(
        entry("F", () => NaN),
        [1],
      ),
    ).toEqual(["nonFinite"]);
    expect(
      classes(
        entry("F", () => [[1, -Infinity]]),
        [1],
      ),
    ).toEqual(["nonFinite"]);
    expect(
      classes(
        entry("F", () => [[1], [2, 3]]),
        [1],
      ),
    ).toEqual(["badValue"]);
    expect(
      classes(
        entry("F", () => []),
        [1],
      ),
    ).toEqual(["badValue"]);
    expect(
      classes(
        entry("F", () => [[null]]),
        [1],
      ),
    ).toEqual(["badValue"]);
    expect(
      classes(
        entry("F", () => "text"),
        [1],
      ),
    ).toEqual(["badValue"]);
    expect(
      classes(
        entry("ACTORSUMMARY", () => [
          ["Aktör", 1],
          ["A", true],
        ]),
        [1],
      ),
    ).toEqual([]);
    expect(
      classes(
        entry("ACTORPV", () => [["A"]]),
        [1],
      ),
    ).toEqual(["badValue"]);
  });
  test("a call over the time bound is a hang", () => {
    const slow = entry("F", () => {
      const end = performance.now() + 30;
      while (performance.now() < end);
      return 1;
    });
    expect(classes(slow, [1], 10)).toEqual(["hang"]);
  });
  test("the spill predictor's shape must be the result's", () => {
    const f = entry(
      "F",
      (_r, n) => [new Array(n === 3 ? 2 : n).fill(0)],
      ["rate", "periods"],
      (a) => (typeof a[1]?.literal === "number" ? [1, a[1].literal] : null),
    );
    expect(classes(f, [0.1, 4])).toEqual([]);
    expect(classes(f, [0.1, 3])).toEqual(["spill"]);
    expect(classes(f, [0.1, [[3]]])).toEqual([]); // a cell reference: no prediction
  });
  test("argument shapes as the engine gives them to the predictor", () => {
    expect(argShapes([[[1, 2]], undefined, 3, "kr", null, true, undefined, undefined])).toEqual([
      { rows: 1, cols: 2 },
      { rows: 1, cols: 1, omitted: true },
      { rows: 1, cols: 1, literal: 3 },
      { rows: 1, cols: 1, literal: "kr" },
      { rows: 1, cols: 1 },
      { rows: 1, cols: 1 },
    ]);
  });
});

describe("exact splits", () => {
  const split = (parts: number[][]) => entry("SPLIT", () => parts, ["amount", "shares", "[unit]"]);
  test("parts that add up to the amount at the unit pass, others fail", () => {
    expect(classes(split([[0.1], [0.2]]), [[[0.3]], [[1 / 3], [2 / 3]], 0.01])).toEqual([]);
    expect(classes(split([[0.1], [0.2]]), [[[0.1 + 0.2]], [[1 / 3], [2 / 3]], "öre"])).toEqual([]); // floating-point noise
    expect(classes(split([[0.1], [0.1]]), [[[0.3]], [[0.5], [0.5]], 0.01])).toEqual(["inexactSplit"]);
    expect(classes(split([[0.15], [0.15]]), [[[0.3]], [[0.5], [0.5]], 0.1])).toEqual(["inexactSplit"]); // not whole units
  });
  test("an amount that is not a whole number of units cannot be split exactly", () => {
    expect(classes(split([[30000000000], [30000000000]]), [[[60000000000.4]], [[0.5], [0.5]], 1])).toEqual(["inexactSplit"]);
    expect(classes(split([[0], [0]]), [[[1e-320]], [[0.5], [0.5]]])).toEqual(["inexactSplit"]);
  });
});

describe("invariances", () => {
  test("trailing zeros must not change IRR, NPV or PAYBACK", () => {
    const irr = entry("IRR", (v: number[][]) => {
      if (v[0].length > 10) throw new SocinvError("severalRoots", { roots: "-100 %; -100 %" });
      return 0.1;
    });
    expect(classes(irr, [[[-100, 110]]])).toEqual(["invariance"]);
    expect(
      classes(
        entry("IRR", () => 0.1),
        [[[-100, 110]]],
      ),
    ).toEqual([]);
  });
  test("scaling by 2^-64 must not change IRR or PAYBACK (an overflowing sum does)", () => {
    const payback = entry(
      "PAYBACK",
      (v: number[][]) => {
        let cum = 0;
        for (let i = 0; i < v[0].length; i++) {
          cum += v[0][i];
          if (cum >= 0) return i + 1;
        }
        throw new SocinvError("neverPaysBack");
      },
      ["values", "[rate]"],
    );
    expect(classes(payback, [[[-100, 60, 60]]])).toEqual([]);
    expect(classes(payback, [[[-1e308, -1e308, 1e308, 1e308, 1e308]]])).toEqual(["invariance"]);
  });
});

describe("reproducible tasks", () => {
  test("the generator is deterministic per seed, and tasks differ between indexes", () => {
    const a = new Rng(taskSeed(7, 3));
    const b = new Rng(taskSeed(7, 3));
    expect([a.float(), a.int(1, 100), a.pick(["x", "y", "z"])]).toEqual([b.float(), b.int(1, 100), b.pick(["x", "y", "z"])]);
    expect(taskSeed(7, 3)).not.toBe(taskSeed(7, 4));
  });
  test("a task built twice from (seed, index) is the same task, so --only K re-runs it", () => {
    const plan = makePlan(FUNCTIONS, { seed: 99, calls: 500, engineCalls: 50, huge: false, hugeAll: false });
    for (const k of [0, 17, plan.fixed.length + 3, plan.fixed.length + 499, plan.total - 1]) {
      expect(showTask(makeTask(plan, k))).toBe(showTask(makeTask(plan, k)));
    }
    expect(showTask(makeTask(plan, plan.fixed.length))).not.toBe(showTask(makeTask(plan, plan.fixed.length + FUNCTIONS.length)));
  });
  test("every registered function is in the plan", () => {
    const plan = makePlan(FUNCTIONS, { seed: 1, calls: FUNCTIONS.length, engineCalls: 0, huge: false, hugeAll: false });
    const ids = new Set<string>();
    for (let k = plan.fixed.length; k < plan.total; k++) ids.add(makeTask(plan, k).entry.id);
    expect([...ids].sort()).toEqual(FUNCTIONS.map((f) => f.id).sort());
  });
});
