/**
 * The who-pays, split, adjustment, repayment and career adapters called as Excel calls them: omitted arguments arrive as null, empty
 * cells as null, "" or 0; anything at all in any argument gives a result or a SocinvError (which the host
 * turns into an Excel error with its message), never another exception and never a non-finite number.
 */
import fc from "fast-check";
import { SocinvError } from "../../src/core/errors";
import { actorPV, actorSummaryFn, breakEvenActors } from "../../src/functions/actors";
import { split, splitByGainsFn } from "../../src/functions/allocation";
import { adjustGains, adjustmentsFn } from "../../src/functions/adjustments";
import { repayCommitted, repayDual, repaySavings } from "../../src/functions/repayment";
import { careerFlowsFn, careerPVFn } from "../../src/functions/careers";
import { FUNCTIONS } from "../../src/functions/registry";

describe("empty cells and omitted arguments", () => {
  test("blank years in a flow table are 0 and keep their place, whichever way the host sends them", () => {
    const a = actorSummaryFn(
      [[0.1]],
      [["A"], ["B"]],
      [
        [-110, null, 133.1],
        [0, "", 0],
      ],
      null,
    );
    expect(a[1][3]).toBeCloseTo(-100 + 100, 10);
    expect(a[2][6]).toBe("Berörs inte / Not affected");
  });
  test("omitted optional arguments (null) take their documented defaults", () => {
    expect(split([[100]], [[0.5], [0.5]], null)).toEqual([[50], [50]]);
    expect(actorPV([[0]], [[1, 2]], null)).toEqual([[3]]);
    const r = repaySavings([[1000]], [["SN"]], [[0, 600, 600]], [[1]], null, null, null, null);
    expect(r[2].slice(1)).toEqual([0, 600, 400, 1000]); // delay 1, no cap, to the last year, fund 0
  });
  test("cap and last_year from an empty cell (0) mean 'not given'", () => {
    const a = repaySavings([[1000]], [["SN"]], [[0, 600, 600]], [[1]], null, 0, 0, 0);
    expect(a[2].slice(1)).toEqual([0, 600, 400, 1000]);
  });
  test("adjustments from empty cells are the default 0 and are marked as such", () => {
    // Excel passes omitted arguments as null and empty cells as null, "" or 0, whatever the declared type
    const asExcel = adjustmentsFn as (...args: unknown[]) => unknown[][];
    const t = asExcel([[0]], [["A"]], [[-1, 2]], null, [[null]], "", 0, null, null, null);
    expect(t[1][1]).toMatch(/standard/);
    // 0 in one cell is what the desktop passes for an empty cell (the web: null), so it reads as the default 0 %:
    // the same number either way, and the same table on both.
    expect(t[1][4]).toMatch(/standard/);
    expect(t[2].slice(7)).toEqual([-1, -1, 2, 2, 1, 1]);
  });
  test("the unit accepts names and numbers", () => {
    expect(split([[1500]], [[0.5], [0.5]], "öre")).toEqual([[750], [750]]);
    expect(split([[1500]], [[0.5], [0.5]], [["KR"]])).toEqual([[750], [750]]);
    expect(() => split([[1500]], [[0.5], [0.5]], true)).toThrow(SocinvError);
  });
});

describe("fuzz: any argument gives a table or a SocinvError, never another exception or a non-finite number", () => {
  const junkCell = fc.oneof(
    fc.constant(null),
    fc.constant(""),
    fc.constant("text"),
    fc.constant(true),
    fc.constant({ errorCode: "#N/A" }),
    fc.double({ noNaN: false }),
    fc.constantFrom(0, 0.5, 1, 2, -1, 1e308, -1e308, 1e-300, Infinity),
  );
  const junkMatrix = fc
    .integer({ min: 1, max: 4 })
    .chain((r) => fc.integer({ min: 1, max: 5 }).chain((c) => fc.array(fc.array(junkCell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r })));
  const junk = fc.oneof(junkCell, junkMatrix, fc.constant([]), fc.constant([[]]));

  /** Mostly valid arguments for each function (so the success paths run), of consistent sizes. */
  const valid = fc
    .record({ n: fc.integer({ min: 1, max: 4 }), y: fc.integer({ min: 2, max: 6 }), seed: fc.integer({ min: 0, max: 1e6 }) })
    .map(({ n, y, seed }) => {
      let x = seed;
      const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
      const int = (lo: number, hi: number) => Math.floor(lo + rnd() * (hi - lo + 1));
      const labels = Array.from({ length: n }, (_, i) => [`Nämnd ${i + 1}`]);
      const table = (lo: number, hi: number) => Array.from({ length: n }, () => Array.from({ length: y }, () => (rnd() < 0.1 ? null : int(lo, hi))));
      const flows = table(-1e6, 1e6);
      flows[0][0] = -5e5;
      const savings = table(-1e4, 5e5);
      const rate = [[[0.035]], [Array.from({ length: y }, () => 0.03)], [[0]]][int(0, 2)];
      const type = [null, 0, 1, 0.5][int(0, 3)];
      const share = () => [null, rnd(), [[rnd()]]][int(0, 2)];
      const equalShares = labels.map(() => [1 / n]);
      return {
        ACTORSUMMARY: [rate, labels, flows, type],
        ACTORPV: [rate, flows, type],
        SPLIT: [[Array.from({ length: y }, () => int(-1e6, 1e6))], equalShares, [null, 1, 0.01, "öre"][int(0, 3)]],
        SPLITBYGAINS: [[[int(0, 1e7)]], rate, flows, null, type],
        ADJUSTGAINS: [flows, share(), share(), share(), share(), share(), share()],
        ADJUSTMENTS: [rate, labels, flows, share(), share(), share(), share(), share(), share(), type],
        BREAKEVENACTORS: [rate, labels, flows, table(0, 1e5), [null, 1, 4, 10][int(0, 3)], type],
        REPAYSAVINGS: [
          [[int(1, 2e6)]],
          labels,
          savings,
          [[rnd()]],
          [null, 0, 1][int(0, 2)],
          [null, 0, int(1, 1e5)][int(0, 2)],
          [null, y][int(0, 1)],
          [null, int(0, 1e8)][int(0, 1)],
        ],
        REPAYCOMMITTED: [[[1e9]], labels, table(0, 1e5), [null, savings][int(0, 1)], null, [null, 5e9][int(0, 1)]],
        REPAYDUAL: [[[int(1, 2e6)]], [[int(0, 1e6)]], labels, savings, [[rnd()]], null, null, null, null],
        CAREERPV: [rate, labels, labels.map(() => [int(1, 3e5)]), labels.map(() => [int(0, 1e4)]), [null, 20][int(0, 1)], null, type],
        CAREERFLOWS: [
          labels.map(() => [int(1, 3e5)]),
          labels.map(() => [0]),
          int(0, 100),
          rnd(),
          int(0, 3),
          [null, 2, [[0.5, 1]]][int(0, 2)],
          [null, 60][int(0, 1)],
          null,
        ],
      } as Record<string, unknown[]>;
    });

  const mine = {
    actorSummaryFn,
    actorPV,
    split,
    splitByGainsFn,
    adjustGains,
    adjustmentsFn,
    breakEvenActors,
    repaySavings,
    repayCommitted,
    repayDual,
    careerPVFn,
    careerFlowsFn,
  };

  test.each(Object.entries(mine))("%s", (_, fn) => {
    const entry = FUNCTIONS.find((f) => f.fn === fn)!;
    let ok = 0;
    fc.assert(
      fc.property(valid, fc.option(fc.tuple(fc.nat(), junk), { freq: 2 }), (args, mutation) => {
        const a = args[entry.id].slice();
        if (mutation) a[mutation[0] % a.length] = mutation[1];
        let out: unknown;
        try {
          out = (fn as (...a: unknown[]) => unknown)(...a);
        } catch (e) {
          expect(e).toBeInstanceOf(SocinvError);
          expect((e as SocinvError).sv.length).toBeGreaterThan(0);
          expect((e as SocinvError).en.length).toBeGreaterThan(0);
          return;
        }
        ok++;
        expect(Array.isArray(out)).toBe(true);
        for (const row of out as unknown[][]) {
          expect(row.length).toBe((out as unknown[][])[0].length);
          for (const c of row) expect(typeof c === "string" || (typeof c === "number" && Number.isFinite(c))).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
    expect(ok).toBeGreaterThan(20); // the success paths ran, not only the errors
  });
});
