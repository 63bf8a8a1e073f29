/**
 * Issue 8, SOCINV.SPLIT and SOCINV.SPLITBYGAINS called as Excel calls them: the reproductions from the
 * issue (amounts silently rounded, a unit larger than the amount, gains beyond the double range, sizes that
 * never finished) with the numbers written out, and properties: the parts sum exactly to the amount at the
 * unit or the function gives a catalogue error; at the result limit the split is still exact.
 */
import Decimal from "decimal.js";
import fc from "fast-check";
import { SocinvError } from "../../src/core/errors";
import { split, splitByGainsFn } from "../../src/functions/allocation";
import { thrown } from "../helpers/errors";

const idOf = (f: () => unknown) => {
  const e = thrown(f);
  return { excel: e.excel, id: e.id };
};
const exactSum = (t: number[][]): Decimal => t.flat().reduce((a, x) => a.plus(new Decimal(x)), new Decimal(0));

describe("the issue's reproductions", () => {
  test("=SOCINV.SPLIT(60000000000.4,{0.5;0.5}) is #VALUE! saying the amount, the unit and what to do", () => {
    const e = thrown(() => split([[60000000000.4]], [[0.5], [0.5]]));
    expect(e.excel).toBe("#VALUE!");
    expect(e.sv).toBe(
      "belopp: beloppet 60\u00a0000\u00a0000\u00a0000,4 är inte ett helt antal avrundningsenheter (1), så delarna kan inte summera exakt till det. " +
        "Avrunda beloppet till enheten först (t.ex. =AVRUNDA(A1;2) för öre) eller välj en mindre enhet (t.ex. 0,01 för öre).",
    );
    expect(e.en).toBe(
      "amount: the amount 60,000,000,000.4 is not a whole number of rounding units (1), so the parts cannot sum exactly to it. " +
        "Round the amount to the unit first (e.g. =ROUND(A1,2) for öre) or choose a smaller unit (e.g. 0.01 for öre).",
    );
    expect(split([[60000000000.4]], [[0.5], [0.5]], "öre")).toEqual([[30000000000.2], [30000000000.2]]);
  });

  test("=SOCINV.SPLIT(16724213049.74705, six shares) is #VALUE!; the parts no longer sum to 16,724,213,050", () => {
    const six = Array.from({ length: 6 }, () => [1 / 6]);
    expect(idOf(() => split([[16724213049.74705]], six))).toEqual({ excel: "#VALUE!", id: "notWholeUnits" });
    // a yearly row names the year that is wrong
    expect(thrown(() => split([[1000, 16724213049.74705]], six)).en).toMatch(/^amount \(2\): the amount 16,724,213,049\.74705 /);
  });

  test("=SOCINV.SPLIT(1000,{0.5;0.5},1E13) is #VALUE!, not {0;0}", () => {
    expect(idOf(() => split([[1000]], [[0.5], [0.5]], 1e13))).toEqual({ excel: "#VALUE!", id: "notWholeUnits" });
    expect(split([[3e13]], [[0.5], [0.5]], 1e13)).toEqual([[2e13], [1e13]]); // 3 units: 1.5 each, the odd one to the first
  });

  test("=SOCINV.SPLITBYGAINS on gains summing past 1.8E+308 is #VALUE! with a message, not '[DecimalError] …'", () => {
    const e = thrown(() =>
      splitByGainsFn(
        [[100]],
        [[0]],
        [
          [1e308, 1e308],
          [1, 1],
        ],
      ),
    );
    expect(e.excel).toBe("#VALUE!");
    expect(e.id).toBe("gainsTooLarge");
    expect(e.message).not.toMatch(/Decimal|NaN|Invalid argument/);
  });

  test("100,000 equal shares finish and sum exactly: 10,000,000 kr + 1 → 10,001 kr to the first actor, 100 kr to the rest", () => {
    const n = 100000;
    // quota 100.00001 each: floors 100 × 100,000 = 10,000,000; the one missing krona to the first listed
    const t = split(
      [[1e7 + 1]],
      Array.from({ length: n }, () => [1 / n]),
    );
    expect(t).toHaveLength(n);
    expect(t[0]).toEqual([101]);
    expect(t.slice(1).every((r) => r[0] === 100)).toBe(true);
    expect(exactSum(t).toString()).toBe("10000001");
  });

  test("SPLITBYGAINS with 100,000 actors over 10 years finishes, exact: each gains 10 × its number at rate 0", () => {
    const n = 100000;
    const flows = Array.from({ length: n }, (_, i) => Array.from({ length: 10 }, () => i + 1));
    const total = 10 * ((n * (n + 1)) / 2); // 50,000,500,000
    const t = splitByGainsFn([[total]], [[0]], flows);
    expect(t.every((r, i) => r[0] === 10 * (i + 1))).toBe(true);
  });

  test("a split beyond the result limit is refused before any work", () => {
    expect(
      idOf(() =>
        split(
          [[1]],
          Array.from({ length: 100001 }, () => [1 / 100001]),
        ),
      ),
    ).toEqual({ excel: "#VALUE!", id: "resultTooLarge" });
    expect(
      idOf(() =>
        splitByGainsFn(
          [Array.from({ length: 1001 }, () => 1)],
          [[0]],
          Array.from({ length: 100 }, () => [1]),
        ),
      ),
    ).toEqual({
      excel: "#VALUE!",
      id: "resultTooLarge",
    });
  });
});

describe("properties through the adapter", () => {
  const unitArg = fc.constantFrom<[unknown, number]>([null, 1], ["öre", 0.01], ["tkr", 1000], [0.05, 0.05], [1e13, 1e13]);

  test("the parts sum exactly to the amount at the unit (float noise dropped only below a thousandth of a unit), or a catalogue error", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ min: -1e15, max: 1e15, noNaN: true }),
            fc.integer({ min: -1e10, max: 1e10 }).map((k) => k / 100),
            fc.integer({ min: -1e6, max: 1e6 }).map((k) => (k / 100) * 7),
          ),
          { minLength: 1, maxLength: 4 },
        ),
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 8 }).filter((w) => w.some((x) => x > 0)),
        unitArg,
        (amounts, w, [unit, u]) => {
          const total = w.reduce((a, b) => a + b, 0);
          let t: number[][];
          try {
            t = split(
              [amounts],
              w.map((x) => [x / total]),
              unit,
            );
          } catch (e) {
            expect(e).toBeInstanceOf(SocinvError);
            expect(["notWholeUnits", "amountTooLarge"]).toContain((e as SocinvError).id);
            return;
          }
          amounts.forEach((a, j) => {
            const sum = exactSum(t.map((r) => [r[j]]));
            expect(sum.dividedBy(u).isInteger()).toBe(true);
            if (sum.toNumber() !== a) {
              expect(sum.toNumber()).toBe(Number(a.toPrecision(15)));
              expect(
                sum
                  .minus(new Decimal(a))
                  .abs()
                  .lessThanOrEqualTo(u / 1000),
              ).toBe(true);
            }
          });
        },
      ),
      { numRuns: 2000 },
    );
  });

  test("at the result limit (100,000 cells) a split of arbitrary shares is exact: each part within one unit of its quota", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 1, max: 1e6 }), (k, seed) => {
        const n = 100000;
        let x = seed;
        const raw = Array.from({ length: n }, () => ((x = (x * 1103515245 + 12345) % 2147483648) % 7) + 1);
        const total = raw.reduce((a, b) => a + b, 0);
        const t = split(
          [[k]],
          raw.map((r) => [r / total]),
        );
        expect(t.reduce((a, r) => a + r[0], 0)).toBe(k); // whole kronor below 2^53: a float sum is exact
        // weights are r / total as typed doubles; each part within one krona of k × r / total
        const far = t.findIndex((r, i) => !(Math.abs(r[0] - (k * raw[i]) / total) < 1 + 1e-6));
        expect(far).toBe(-1);
      }),
      { numRuns: 3 },
    );
  });
});
