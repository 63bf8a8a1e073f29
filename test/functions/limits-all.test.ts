/**
 * Issue 8: every registered SOCINV function at its documented size limit (the cases of
 * bench/limits.bench.ts, which times them) returns a result, not an error: a number, or a rectangular table
 * of finite numbers and texts within the result limit. Correctness at the limit is tested per function
 * (e.g. limits-split, limits-repayment); timing is the bench's job, not this test's.
 */
import { LIMIT_CASES } from "../../bench/limits.bench";
import { MAX_RESULT_CELLS } from "../../src/core/values";
import { FUNCTIONS } from "../../src/functions/registry";

describe("every function at its limit returns a result", () => {
  test("every registered function has a case", () => {
    expect(FUNCTIONS.filter((f) => !LIMIT_CASES.some((c) => c.id === f.id)).map((f) => f.id)).toEqual([]);
  });

  test.each(LIMIT_CASES.map((c) => [`SOCINV.${c.id} at ${c.size}`, c] as const))("%s", (_, c) => {
    const entry = FUNCTIONS.find((f) => f.id === c.id)!;
    const out = entry.fn(...c.args());
    if (typeof out === "number") {
      expect(Number.isFinite(out)).toBe(true);
      return;
    }
    expect(Array.isArray(out)).toBe(true);
    const t = out as unknown[][];
    const cols = t[0].length;
    expect(t.length * cols).toBeLessThanOrEqual(MAX_RESULT_CELLS);
    const bad = t.findIndex((r) => r.length !== cols || r.some((v) => !(typeof v === "string" || (typeof v === "number" && Number.isFinite(v)))));
    expect(bad).toBe(-1);
  });
});
