/**
 * Typical individuals: PV per actor of an exclusion career against a reference life, and the flows of an
 * intervention (people × success, effect lag, ramp-up), against closed-form annuities and hand sums.
 */
import fc from "fast-check";
import { actorSummary } from "../../src/core/actors";
import { careerFlows, careerPV, careerSavings, careerTable, rampFactors } from "../../src/core/careers";
import { presentValue } from "../../src/core/discounting";
import { errorOf } from "../helpers/errors";

/** Present value of 1 a year for n years at rate r, end of year: the textbook annuity factor. */
const annuity = (r: number, n: number) => (1 - (1 + r) ** -n) / r;

const actors = ["Kommunen (försörjningsstöd)", "Regionen (vård)", "Försäkringskassan", "Samhället (produktionsbortfall)"];
// yearly costs of a young person in lifelong exclusion, constant from age 20 (one column = every year)
const career = [[150000], [20000], [100000], [300000]];
const reference = [[0], [5000], [0], [0]];

describe("CAREERPV: one avoided career, to age 65", () => {
  test("constant yearly costs from age 20 to 65 at 3.5 %: 45 years of an annuity", () => {
    const a = annuity(0.035, 45); // 22.4955
    expect(a).toBeCloseTo(22.4955, 4);
    const { rows, horizon } = careerPV(0.035, actors, career, reference, { startAge: 20, endAge: null });
    expect(horizon).toEqual({ years: 45, startAge: 20, endAge: 65 });
    expect(rows[0].saving).toBeCloseTo(150000 * a, 6); // 3,374,318
    expect(rows[1].career).toBeCloseTo(20000 * a, 6);
    expect(rows[1].reference).toBeCloseTo(5000 * a, 6);
    expect(rows[1].saving).toBeCloseTo(15000 * a, 6);
    const total = rows.reduce((s, r) => s + r.saving, 0);
    expect(total).toBeCloseTo(565000 * a, 5); // 12.71 Mkr: within the seeds' 10–16 Mkr per young person
    expect(total / 1e6).toBeCloseTo(12.71, 2);
  });

  test("start of period (type 1) is the annuity due: × 1.035", () => {
    const { rows } = careerPV(0.035, actors, career, reference, { startAge: 20, endAge: 65 }, 1);
    expect(rows[0].saving).toBeCloseTo(150000 * annuity(0.035, 45) * 1.035, 6);
  });

  test("a year-by-year table at 10 %, without ages", () => {
    // career 100, 200, 300; reference 0, 50, 50
    // PV career 100/1.1 + 200/1.21 + 300/1.331 = 481.593; PV reference 50/1.21 + 50/1.331 = 78.888
    const { rows, horizon } = careerPV(0.1, ["Kommunen"], [[100, 200, 300]], [[0, 50, 50]]);
    expect(horizon.years).toBe(3);
    expect(rows[0].career).toBeCloseTo(100 / 1.1 + 200 / 1.21 + 300 / 1.331, 10);
    expect(rows[0].reference).toBeCloseTo(50 / 1.21 + 50 / 1.331, 10);
    expect(rows[0].saving).toBeCloseTo(402.7047, 4);
  });

  test("a table longer than the ages is cut at end_age; a reference of one column repeats", () => {
    const { savings, horizon } = careerSavings([[10, 20, 30, 40]], [[1]], { startAge: 18, endAge: 20 });
    expect(horizon.years).toBe(2);
    expect(savings).toEqual([[9, 19]]);
  });

  test("the table states its horizon in the total row and shares of the saving", () => {
    const t = careerTable(careerPV(0.035, actors, career, reference, { startAge: 20, endAge: null }));
    expect(t).toHaveLength(6);
    expect(t[5][0]).toBe("Totalt / Total (45 år/years, ålder/ages 20–64)");
    expect(t[4][4]).toBeCloseTo(300 / 565, 12);
    expect(t[5][4]).toBe(1);
  });
});

describe("CAREERFLOWS: people, success, lag and ramp-up", () => {
  test("10 people, 50 % success, effects from year 3, two years of ramp-up, ages 20–25", () => {
    // saving per career year: 100 (kommun) and 10 (region); × 10 × 0.5 = 500 and 50; ramp ½ then full
    const f = careerFlows([[100], [10]], [[0], [0]], { people: 10, success: 0.5, lag: 2, ramp: 2 }, { startAge: 20, endAge: 25 });
    expect(f).toEqual([
      [0, 0, 250, 500, 500, 500, 500],
      [0, 0, 25, 50, 50, 50, 50],
    ]);
  });

  test("a ramp given year by year, then full effect", () => {
    expect(rampFactors([0.25, 0.5], 4)).toEqual([0.25, 0.5, 1, 1]);
    expect(rampFactors(4, 5)).toEqual([0.25, 0.5, 0.75, 1, 1]);
    expect(rampFactors(0, 2)).toEqual([1, 1]);
  });

  test("fed to the summary: PV = people × success × PV of one career, discounted over the lag", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        (lag, people, success, r) => {
          const flows = careerFlows(career, reference, { people, success, lag, ramp: 1 }, { startAge: 20, endAge: 65 });
          const one = careerPV(r, actors, career, reference, { startAge: 20, endAge: null });
          const s = actorSummary(r, actors, flows);
          s.rows.forEach((row, i) => {
            const want = (people * success * one.rows[i].saving) / (1 + r) ** lag;
            expect(Math.abs(row.net - want)).toBeLessThan(1e-6 * Math.max(1, want));
          });
        },
      ),
      { numRuns: 50 },
    );
  });

  test("no people or no success: zero flows, not an error", () => {
    const f = careerFlows([[100]], [[0]], { people: 0, success: 0.5, lag: 1, ramp: 1 });
    expect(presentValue(0.035, f[0])).toBe(0);
  });
});

describe("bad input", () => {
  const none = { startAge: null, endAge: null };
  test.each([
    { what: "end age without start age", f: () => careerSavings([[1]], [[0]], { startAge: null, endAge: 65 }), e: { excel: "#VALUE!", id: "endWithoutStart" } },
    { what: "end age before start age", f: () => careerSavings([[1]], [[0]], { startAge: 30, endAge: 20 }), e: { excel: "#NUM!", id: "agesReversed" } },
    { what: "a fractional age", f: () => careerSavings([[1]], [[0]], { startAge: 20.5, endAge: null }), e: { excel: "#NUM!", id: "badAge" } },
    {
      what: "a table shorter than the ages",
      f: () => careerSavings([[1, 2, 3]], [[0]], { startAge: 20, endAge: 65 }),
      e: { excel: "#VALUE!", id: "tableTooShort" },
    },
    { what: "tables of different years", f: () => careerSavings([[1, 2, 3]], [[0, 0]], none), e: { excel: "#VALUE!", id: "yearsDiffer" } },
    { what: "tables of different actors", f: () => careerSavings([[1], [2]], [[0]], none), e: { excel: "#VALUE!", id: "tablesMismatch" } },
    { what: "costs entered as negatives", f: () => careerSavings([[-1], [-2]], [[0], [0]], none), e: { excel: "#NUM!", id: "costsNegative" } },
    { what: "labels and tables of different sizes", f: () => careerPV(0, ["A", "B"], [[1]], [[0]]), e: { excel: "#VALUE!", id: "actorsMismatch" } },
    { what: "success above 100 %", f: () => careerFlows([[1]], [[0]], { people: 1, success: 1.2, lag: 0, ramp: 1 }), e: { excel: "#NUM!", id: "shareRange" } },
    { what: "negative people", f: () => careerFlows([[1]], [[0]], { people: -1, success: 1, lag: 0, ramp: 1 }), e: { excel: "#NUM!", id: "badPeople" } },
    { what: "a fractional lag", f: () => careerFlows([[1]], [[0]], { people: 1, success: 1, lag: 0.5, ramp: 1 }), e: { excel: "#NUM!", id: "badLag" } },
    {
      what: "a ramp share above 1",
      f: () => careerFlows([[1]], [[0]], { people: 1, success: 1, lag: 0, ramp: [0.5, 2] }),
      e: { excel: "#NUM!", id: "badRampYears" },
    },
  ])("$what", ({ f, e }) => {
    expect(errorOf(f)).toEqual(e);
  });
});
