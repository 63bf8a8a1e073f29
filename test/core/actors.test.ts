/**
 * Who pays, who gains: per-actor present values, the summary table with roles, break-even per actor and
 * within a window, against hand calculations written out here, plus invariants and bad input.
 */
import fc from "fast-check";
import {
  NEVER_TEXT,
  ROLE_TEXT,
  SUMMARY_HEADER,
  actorCostsAndGains,
  actorPresentValues,
  actorSummary,
  breakEvenByActor,
  breakEvenTable,
  readActors,
  summaryTable,
} from "../../src/core/actors";
import { decliningRates, presentValue } from "../../src/core/discounting";
import { SocinvError } from "../../src/core/errors";
import { errorOf } from "../helpers/errors";

// At 10 %, end of period: 110 in year 1, 121 in year 2 and 133.1 in year 3 are each worth 100 today.
const actors = ["Socialnämnden", "Regionen", "Försäkringskassan"];
const flows = [
  [-110, 0, 66.55], // costs −100, gains 50 (66.55 / 1.331), net −50
  [0, 121, 133.1], // gains 100 + 100 = 200
  [0, -12.1, 66.55], // costs −10, gains 50, net 40
];

describe("per-actor present values: hand calculation at 10 %", () => {
  test("costs, gains and net per actor", () => {
    const pv = actorCostsAndGains(0.1, flows);
    const want = [
      { costs: -100, gains: 50, net: -50 },
      { costs: 0, gains: 200, net: 200 },
      { costs: -10, gains: 50, net: 40 },
    ];
    pv.forEach((p, i) => {
      expect(p.costs).toBeCloseTo(want[i].costs, 10);
      expect(p.gains).toBeCloseTo(want[i].gains, 10);
      expect(p.net).toBeCloseTo(want[i].net, 10);
    });
  });

  test("ACTORPV rows are exactly SOCINV.NPV of each row (same routine, same bits)", () => {
    const pvs = actorPresentValues(0.1, flows);
    flows.forEach((row, i) => expect(pvs[i]).toBe(presentValue(0.1, row)));
    expect(pvs[0]).toBeCloseTo(-50, 10);
  });

  test("the summary: shares of gains, gains ÷ own costs, roles and the total row", () => {
    const s = actorSummary(0.1, actors, flows);
    // all gains 50 + 200 + 50 = 300; costs −110
    expect(s.rows.map((r) => r.shareOfGains)).toEqual([expect.closeTo(50 / 300, 12), expect.closeTo(200 / 300, 12), expect.closeTo(50 / 300, 12)]);
    expect(s.rows[0].gainsPerCost).toBeCloseTo(0.5, 12); // 50 / 100
    expect(s.rows[1].gainsPerCost).toBeNull(); // no own costs: not defined, never a silent 0
    expect(s.rows[2].gainsPerCost).toBeCloseTo(5, 12); // 50 / 10
    expect(s.rows.map((r) => r.role)).toEqual(["investor", "mainBeneficiary", "beneficiary"]);
    expect(s.total.costs).toBeCloseTo(-110, 10);
    expect(s.total.gains).toBeCloseTo(300, 10);
    expect(s.total.net).toBeCloseTo(190, 10);
    expect(s.total.gainsPerCost).toBeCloseTo(300 / 110, 12); // 2.727…: the benefit–cost ratio
  });

  test("the spilled table: header, one row per actor, total; blanks where a ratio is undefined", () => {
    const t = summaryTable(actorSummary(0.1, actors, flows));
    expect(t).toHaveLength(5);
    expect(t[0]).toEqual(SUMMARY_HEADER);
    expect(t.every((r) => r.length === 7)).toBe(true);
    expect(t[2][5]).toBe("");
    expect(t[1][6]).toBe(ROLE_TEXT.investor);
    expect(t[2][6]).toBe(ROLE_TEXT.mainBeneficiary);
    expect(t[4][0]).toBe("Totalt / Total");
    expect(t[4][4]).toBe(1);
  });

  test("Bunkeflo per cohort (seed): kommun 16 Mkr against region 56 Mkr and society 59 Mkr", () => {
    const s = actorSummary(0, ["Kommunen (BUN)", "Regionen (vård)", "Samhället (produktion)"], [[-16e6], [56e6], [59e6]]);
    expect(s.total.gainsPerCost).toBeCloseTo(115 / 16, 12); // 7.1875 ≈ 7.2
    expect(s.total.net).toBe(99e6);
    expect(s.rows.map((r) => r.role)).toEqual(["investor", "mainBeneficiary", "mainBeneficiary"]);
    expect(s.rows[1].shareOfGains).toBeCloseTo(56 / 115, 12); // 48.7 %
    expect(s.rows[2].shareOfGains).toBeCloseTo(59 / 115, 12); // 51.3 %
  });

  test("roles: the largest gainer is a main beneficiary even below 25 %; zero rows are not affected", () => {
    const s = actorSummary(0, ["A", "B", "C", "D", "E", "F", "G"], [[-10], [2], [2], [2], [2], [3], [0]]);
    // gains 11: F has 3/11 = 27 % → main; the others 2/11 = 18 % → beneficiaries
    expect(s.rows.map((r) => r.role)).toEqual(["investor", "beneficiary", "beneficiary", "beneficiary", "beneficiary", "mainBeneficiary", "notAffected"]);
    const t = actorSummary(0, ["A", "B", "C", "D", "E"], [[-10], [1], [1], [1], [2]]);
    expect(t.rows[4].shareOfGains).toBeCloseTo(0.4, 12);
    const u = actorSummary(0, ["A", "B", "C", "D", "E", "F"], [[-10], [2], [2], [2], [2], [2]]);
    // five equal gainers at 20 %: each is the largest, so each is a main beneficiary
    expect(u.rows.slice(1).every((r) => r.role === "mainBeneficiary")).toBe(true);
    expect(actorSummary(0, ["A"], [[-5, 5]]).rows[0].role).toBe("breaksEven");
  });

  test("declining schedule and start-of-period timing, as SOCINV.NPV", () => {
    const rates = decliningRates("standard", 40);
    const row = Array.from({ length: 40 }, (_, i) => (i === 0 ? -1000 : 60));
    const s = actorSummary(rates, ["A"], [row], 1);
    expect(s.rows[0].net).toBeCloseTo(presentValue(rates, row, 1), 9);
    expect(s.rows[0].costs).toBe(-1000); // year 0 undiscounted with type 1
  });
});

describe("invariants", () => {
  const table = fc
    .integer({ min: 1, max: 8 })
    .chain((n) =>
      fc
        .integer({ min: 1, max: 25 })
        .chain((years) => fc.array(fc.array(fc.integer({ min: -1e7, max: 1e7 }), { minLength: years, maxLength: years }), { minLength: n, maxLength: n })),
    );
  const rate = fc.double({ min: -0.05, max: 0.2, noNaN: true });
  const timing = fc.constantFrom(0 as const, 0.5 as const, 1 as const);

  test("PV per actor sums to the PV of the total flow", () => {
    fc.assert(
      fc.property(table, rate, timing, (t, r, ty) => {
        const perActor = actorPresentValues(r, t, ty).reduce((a, b) => a + b, 0);
        const totals = t[0].map((_, j) => t.reduce((s, row) => s + row[j], 0));
        const scale = Math.max(1, ...t.flat().map(Math.abs));
        expect(Math.abs(perActor - presentValue(r, totals, ty))).toBeLessThan(1e-9 * scale * t[0].length);
      }),
    );
  });

  test("the summary adds up: costs + gains = net per row; rows sum to the total; shares sum to 1", () => {
    fc.assert(
      fc.property(table, rate, (t, r) => {
        const labels = t.map((_, i) => `Aktör ${i + 1}`);
        const s = actorSummary(r, labels, t);
        const scale = Math.max(1, ...t.flat().map(Math.abs)) * t[0].length;
        for (const row of s.rows) {
          expect(row.net).toBe(row.costs + row.gains);
          expect(row.costs).toBeLessThanOrEqual(0);
          expect(row.gains).toBeGreaterThanOrEqual(0);
          expect(Math.abs(row.net - presentValue(r, t[s.rows.indexOf(row)]))).toBeLessThan(1e-9 * scale);
        }
        expect(Math.abs(s.rows.reduce((a, x) => a + x.net, 0) - s.total.net)).toBeLessThan(1e-9 * scale);
        if (s.total.gains > 0) expect(s.rows.reduce((a, x) => a + x.shareOfGains!, 0)).toBeCloseTo(1, 10);
        // an investor always has a negative net; a main beneficiary always a positive one
        for (const row of s.rows) {
          if (row.role === "investor") expect(row.net).toBeLessThan(0);
          if (row.role === "mainBeneficiary") expect(row.net).toBeGreaterThan(0);
        }
        if (s.rows.some((x) => x.net > 0)) expect(s.rows.some((x) => x.role === "mainBeneficiary")).toBe(true);
      }),
    );
  });
});

describe("break-even per actor and within a window", () => {
  test("hand calculation, no discounting", () => {
    // Kommun pays 1,000 in years 1 and 2; one success saves the kommun 100 and the region 50 a year in years 2–6.
    const r = breakEvenByActor(
      0,
      ["Kommunen", "Regionen"],
      [
        [-1000, -1000, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0],
      ],
      [
        [0, 100, 100, 100, 100, 100],
        [0, 50, 50, 50, 50, 50],
      ],
    );
    expect(r.rows[0]).toMatchObject({ costs: -2000, gainPerSuccess: 500, successes: 4 }); // 2,000 / 500
    expect(r.rows[0].windowGainPerSuccess).toBe(300); // years 1–4: 0 + 100 + 100 + 100
    expect(r.rows[0].windowSuccesses).toBeCloseTo(2000 / 300, 12); // 6.67 within a four-year mandate
    expect(r.rows[1]).toMatchObject({ costs: 0, successes: 0, windowSuccesses: 0 }); // nothing of its own to pay back
    expect(r.total.successes).toBeCloseTo(2000 / 750, 12); // whole investment: 2.67
    expect(r.total.windowSuccesses).toBeCloseTo(2000 / 450, 12); // 4.44
    expect(r.window).toBe(4);
  });

  test("at 3.5 % with a two-year window", () => {
    const r = breakEvenByActor(0.035, ["Kommunen"], [[-1000, -1000]], [[0, 300, 300, 300]], 2);
    const pvCosts = 1000 / 1.035 + 1000 / 1.035 ** 2; // 1,900.87
    const pvGain = 300 / 1.035 ** 2 + 300 / 1.035 ** 3 + 300 / 1.035 ** 4; // 812.07
    expect(r.rows[0].successes).toBeCloseTo(pvCosts / pvGain, 12);
    expect(r.rows[0].windowSuccesses).toBeCloseTo(pvCosts / (300 / 1.035 ** 2), 12); // 6.80
  });

  test("an actor whose costs a success does not reduce never breaks even; shown as text, not a number", () => {
    const r = breakEvenByActor(
      0,
      ["Skolan", "Regionen"],
      [[-500], [0]],
      [
        [-20, 0],
        [0, 100],
      ],
    );
    expect(r.rows[0].successes).toBe("never");
    expect(r.total.successes).toBeCloseTo(500 / 80, 12);
    const t = breakEvenTable(r);
    expect(t[1][3]).toBe(NEVER_TEXT);
    expect(t[0][4]).toContain("inom 2 år"); // the window is clipped to the table and says so
  });

  test("the Bunkeflo per pupil figure: 4,600 kr per pupil against 38,000 kr per success", () => {
    const r = breakEvenByActor(0, ["Kommunen"], [[-16e6]], [[38000]]);
    expect(r.rows[0].successes).toBeCloseTo(16e6 / 38000, 9); // 421.05 pupils must gain the full 38,000
  });

  test("bad input", () => {
    expect(errorOf(() => breakEvenByActor(0, ["A"], [[1000]], [[10]]))).toEqual({ excel: "#NUM!", id: "costsNotNegative" });
    expect(errorOf(() => breakEvenByActor(0, ["A"], [[-1000]], [[10]], 0))).toEqual({ excel: "#NUM!", id: "badWindow" });
    expect(errorOf(() => breakEvenByActor(0, ["A"], [[-1000]], [[10]], 2.5))).toEqual({ excel: "#NUM!", id: "badWindow" });
    expect(errorOf(() => breakEvenByActor(0, ["A", "B"], [[-1000], [0]], [[10]]))).toEqual({ excel: "#VALUE!", id: "actorsMismatch" });
  });
});

describe("actor labels", () => {
  test("a column or a row of names, trimmed", () => {
    expect(readActors([["Socialnämnden"], [" Regionen "]])).toEqual(["Socialnämnden", "Regionen"]);
    expect(readActors([["A", "B", "C"]])).toEqual(["A", "B", "C"]);
  });
  test.each([
    { v: [["A"], [null]], id: "labelMissing" },
    { v: [["A"], ["  "]], id: "labelMissing" },
    { v: [["A"], [42]], id: "labelNotText" },
    { v: [["Regionen"], ["regionen "]], id: "labelDuplicate" },
    {
      v: [
        ["A", "B"],
        ["C", "D"],
      ],
      id: "notAVector",
    },
    { v: [["A"], [{ errorCode: "#N/A" }]], id: "errorInRange" },
  ])("$id", ({ v, id }) => {
    expect(errorOf(() => readActors(v))).toEqual({ excel: "#VALUE!", id });
  });
  test("labels and flows must agree on the number of actors", () => {
    expect(errorOf(() => actorSummary(0, ["A", "B"], [[1], [2], [3]]))).toEqual({ excel: "#VALUE!", id: "actorsMismatch" });
  });
  test("messages are in Swedish and English", () => {
    try {
      readActors([["Regionen"], ["Regionen"]]);
    } catch (e) {
      expect((e as SocinvError).message).toMatch(/förekommer två gånger.* \/ .*appears twice/);
    }
    expect.assertions(1);
  });
});
