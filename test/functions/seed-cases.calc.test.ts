/**
 * The who-pays, repayment, career and adjustment functions through the formula engine `npm run calc` uses (the same adapters Excel calls): the seeds' worked
 * cases (Bunkeflo, a Malmö-style committed repayment, a Norrköping-style savings repayment, Ale's dual
 * model, a typical individual), spills nested in spills, ranges with blanks, omitted arguments, bad input,
 * and the spill-size predictors the engine relies on.
 */
import fc from "fast-check";
import { createEngine, evaluateFormula, type JsonValue } from "../../src/engine/formula-engine";
import { FUNCTIONS } from "../../src/functions/registry";

const blank = null;
const years = (first: number | null, rest: number | null, n = 11) => [first, ...new Array(n - 1).fill(rest)];

const engine = createEngine({
  // Bunkeflo: 16 Mkr per cohort paid by the school in year 1; 56 Mkr lower health-care costs and 59 Mkr
  // production value over the ten years after school (spread evenly here: 5.6 and 5.9 Mkr a year).
  Bunkeflo: [
    ["Kommunen (barn- och utbildning)", ...years(-16e6, blank)],
    ["Regionen (hälso- och sjukvård)", ...years(blank, 5.6e6)],
    ["Samhället (produktionsvärde)", ...years(blank, 5.9e6)],
  ],
  // Malmö: 2 Mkr from the children-and-youth fund (50 Mkr); two nämnder commit to repay in years 2–5.
  Malmo: [
    ["Socialnämnden", 0, 300000, 300000, 300000, 300000, blank, 0, 250000, 350000, 300000, 300000],
    ["Barn- och utbildningsnämnden", 0, 200000, 200000, 200000, 200000, blank, 0, 100000, 200000, 250000, 250000],
  ],
  // Norrköping: 1.5 Mkr paid in year 1; the nämnder's realised savings by year.
  Norrkoping: [
    ["Socialnämnden", 0, 400000, 600000, 700000, 700000, 700000],
    ["Barn- och utbildningsnämnden", blank, 100000, 200000, 300000, 300000, 300000],
  ],
  Bad: [
    ["Socialnämnden", -100, 50],
    [blank, 0, 80],
    ["socialnämnden ", 10, "tio"],
  ],
});
const calc = (f: string) => evaluateFormula(f, {}, engine);
const value = (f: string) => calc(f).value;
const table = (f: string): JsonValue[][] => {
  const v = value(f);
  if (!Array.isArray(v)) throw new Error(`${f} gave ${JSON.stringify(v)} (${calc(f).message ?? ""})`);
  return v;
};

describe("Bunkeflo (seed): the kommun invests, the region and society gain", () => {
  test("per cohort: 16 Mkr against 56 + 59 Mkr: benefit–cost ratio 7.19 ≈ 7.2, net 99 Mkr", () => {
    const t = table('=SOCINV.ACTORSUMMARY(0,{"Kommunen";"Regionen";"Samhället"},{-16000000;56000000;59000000})');
    expect(t).toHaveLength(5);
    expect(t[1]).toEqual(["Kommunen", -16e6, 0, -16e6, 0, 0, "Investerare / Investor"]);
    expect(t[2][6]).toBe("Huvudvinnare / Main beneficiary");
    expect(t[3][6]).toBe("Huvudvinnare / Main beneficiary");
    expect(t[4].slice(0, 4)).toEqual(["Totalt / Total", -16e6, 115e6, 99e6]);
    expect(t[4][5]).toBeCloseTo(115 / 16, 12); // 7.1875
    expect(Math.round((t[4][5] as number) * 10) / 10).toBe(7.2);
  });

  test("per pupil: 4,600 kr gives 38,000 kr: ratio 8.26, net 33,400 kr", () => {
    const t = table('=SOCINV.ACTORSUMMARY(0,{"Kommunen";"Samhället och regionen"},{-4600;38000})');
    expect(t[3][3]).toBe(33400);
    expect(t[3][5]).toBeCloseTo(38000 / 4600, 12);
    expect(Math.round((t[3][5] as number) * 100) / 100).toBe(8.26);
  });

  test("year by year from a sheet with blank years: the same totals, and the 16 Mkr split by who gains", () => {
    const t = table("=SOCINV.ACTORSUMMARY(0,Bunkeflo!A1:A3,Bunkeflo!B1:L3)");
    expect(t.map((r) => r[0])).toEqual([
      "Aktör / Actor",
      "Kommunen (barn- och utbildning)",
      "Regionen (hälso- och sjukvård)",
      "Samhället (produktionsvärde)",
      "Totalt / Total",
    ]);
    expect(t[2][2]).toBeCloseTo(56e6, 4);
    expect(t[3][2]).toBeCloseTo(59e6, 4);
    expect(t[4][5]).toBeCloseTo(7.1875, 10);
    // 16 Mkr × 56/115 = 7,791,304.35 and × 59/115 = 8,208,695.65: whole kronor, the last krona to the larger remainder
    expect(value("=SOCINV.SPLITBYGAINS(16000000,0,Bunkeflo!B1:L3)")).toEqual([[0], [7791304], [8208696]]);
    expect(value("=SUM(SOCINV.SPLITBYGAINS(16000000,0.035,Bunkeflo!B1:L3))")).toBe(16e6);
  });

  test("discounted at 3.5 %: each actor's net PV is SOCINV.NPV of its row", () => {
    const t = table("=SOCINV.ACTORSUMMARY(0.035,Bunkeflo!A1:A3,Bunkeflo!B1:L3)");
    const pv = table("=SOCINV.ACTORPV(0.035,Bunkeflo!B1:L3)");
    [1, 2, 3].forEach((r) => {
      expect(t[r][3]).toBeCloseTo(value(`=SOCINV.NPV(0.035,Bunkeflo!B${r}:L${r})`) as number, 6);
      expect(pv[r - 1][0]).toBe(value(`=SOCINV.NPV(0.035,Bunkeflo!B${r}:L${r})`));
    });
    // region: 5.6 Mkr a year in years 2–11 = 5.6 Mkr × annuity(10 years) / 1.035
    expect(t[2][2]).toBeCloseTo((5.6e6 * (1 - 1.035 ** -10)) / 0.035 / 1.035, 4);
  });

  test("break-even: 421.05 pupils must reach the full 38,000 kr to pay one cohort's 16 Mkr", () => {
    const t = table('=SOCINV.BREAKEVENACTORS(0,{"Kommunen"},{-16000000},{38000})');
    expect(t[1][3]).toBeCloseTo(16e6 / 38000, 9);
    expect(t[2][0]).toBe("Hela investeringen / Whole investment");
  });
});

describe("Malmö-style committed repayment, numbers written out", () => {
  test("2 Mkr from a 50 Mkr fund, commitments 300,000 + 200,000 a year in years 2–5, with the gap to realised savings", () => {
    const t = table("=SOCINV.REPAYCOMMITTED(2000000,Malmo!A1:A2,Malmo!B1:F2,Malmo!H1:L2,,50000000)");
    expect(t).toHaveLength(11);
    expect(t[0]).toEqual(["Post / Item", 1, 2, 3, 4, 5, "Summa; saldo vid slut / Total; closing balance"]);
    expect(t[1].slice(1)).toEqual([-2e6, 0, 0, 0, 0, -2e6]);
    expect(t[2].slice(1)).toEqual([0, 300000, 300000, 300000, 300000, 1200000]);
    expect(t[3].slice(1)).toEqual([0, 200000, 200000, 200000, 200000, 800000]);
    expect(t[4].slice(1)).toEqual([0, 500000, 500000, 500000, 500000, 2000000]);
    // realised: 350,000, 550,000, 550,000, 550,000; gap = commitment − savings
    expect(t[5].slice(1)).toEqual([0, 350000, 550000, 550000, 550000, 2000000]);
    expect(t[6].slice(1)).toEqual([0, 50000, -50000, 0, 0, 0]);
    expect(t[7].slice(1)).toEqual([0, 100000, 0, -50000, -50000, 0]);
    expect(t[8].slice(1)).toEqual([0, 150000, -50000, -50000, -50000, 0]);
    expect(t[9].slice(1)).toEqual([2e6, 1.5e6, 1e6, 0.5e6, 0, 0]);
    expect(t[10].slice(1)).toEqual([48e6, 48.5e6, 49e6, 49.5e6, 50e6, 50e6]);
  });

  test("commitments as shares (TRUE) give the same plan", () => {
    const a = table("=SOCINV.REPAYCOMMITTED(2000000,Malmo!A1:A2,Malmo!B1:F2)");
    const b = table("=SOCINV.REPAYCOMMITTED(2000000,Malmo!A1:A2,{0,0.15,0.15,0.15,0.15;0,0.1,0.1,0.1,0.1},,TRUE)");
    expect(b).toEqual(a);
    expect(a[5][0]).toMatch(/ej angiven.*not given/);
  });
});

describe("Norrköping-style savings-based repayment, numbers written out", () => {
  test("100 % of realised savings from year 2 until the 1.5 Mkr is repaid", () => {
    const t = table("=SOCINV.REPAYSAVINGS(1500000,Norrkoping!A1:A2,Norrkoping!B1:G2,1)");
    expect(t).toHaveLength(7);
    // year 2: 500,000; year 3: 800,000; year 4: 200,000 left of 1,000,000 due, shared 7 : 3
    expect(t[2].slice(1)).toEqual([0, 400000, 600000, 140000, 0, 0, 1140000]);
    expect(t[3].slice(1)).toEqual([0, 100000, 200000, 60000, 0, 0, 360000]);
    expect(t[5].slice(1)).toEqual([1.5e6, 1e6, 200000, 0, 0, 0, 0]);
  });

  test("50 %, a cap of 300,000 a year (omitted delay in the middle), last year 5: 350,000 unpaid, reported", () => {
    const t = table("=SOCINV.REPAYSAVINGS(1500000,Norrkoping!A1:A2,Norrkoping!B1:G2,0.5,,300000,5)");
    expect(t[2].slice(1)).toEqual([0, 200000, 225000, 210000, 210000, 0, 845000]);
    expect(t[3].slice(1)).toEqual([0, 50000, 75000, 90000, 90000, 0, 305000]);
    expect(t[4].slice(1)).toEqual([0, 250000, 300000, 300000, 300000, 0, 1150000]);
    expect(t[5][7]).toBe(350000); // unpaid at the end of the horizon
    expect(t[6][7]).toBe(-350000); // the fund's closing position on this investment
  });

  test("the 1.5 Mkr paid out as 300,000 + 1,200,000: only what was paid out a year before can flow back", () => {
    const t = table("=SOCINV.REPAYSAVINGS({300000,1200000},Norrkoping!A1:A2,Norrkoping!B1:G2,1)");
    // owed (100 % of savings): 500,000, 800,000, 1,000,000… from year 2
    // year 2: repayable = 300,000 paid out in year 1 < 500,000 owed → 300,000 shared 400 : 100 → 240,000 and 60,000
    // year 3: repayable = 1,500,000 − 300,000 = 1,200,000; owed 800,000 → 600,000 and 200,000
    // year 4: repayable = 1,500,000 − 1,100,000 = 400,000 < 1,000,000 owed → shared 7 : 3 → 280,000 and 120,000
    expect(t[1].slice(1)).toEqual([-300000, -1200000, 0, 0, 0, 0, -1500000]);
    expect(t[2].slice(1)).toEqual([0, 240000, 600000, 280000, 0, 0, 1120000]);
    expect(t[3].slice(1)).toEqual([0, 60000, 200000, 120000, 0, 0, 380000]);
    expect(t[4].slice(1)).toEqual([0, 300000, 800000, 400000, 0, 0, 1500000]);
    expect(t[5].slice(1)).toEqual([300000, 1200000, 400000, 0, 0, 0, 0]);
  });
});

describe("Ale's dual model", () => {
  test("6 Mkr fund part repaid at 50 % of savings, 2 + 2 Mkr frame not repaid", () => {
    const t = table('=SOCINV.REPAYDUAL(6000000,{2000000,2000000},{"SN";"KFN"},{0,1000000,2000000,3000000;0,500000,500000,500000},0.5)');
    expect(t).toHaveLength(11);
    expect(t[3].slice(1)).toEqual([-8e6, -2e6, 0, 0, -10e6]);
    expect(t[6].slice(1)).toEqual([0, 750000, 1250000, 1750000, 3750000]);
    expect(t[10].slice(1)).toEqual([-6e6, 750000, 1250000, 1750000, -2250000]);
  });
  test("a fund part paid over two years follows the same rule as REPAYSAVINGS", () => {
    const t = table("=SOCINV.REPAYDUAL({300000,1200000},{500000},Norrkoping!A1:A2,Norrkoping!B1:G2,1)");
    // the repayments are those of the REPAYSAVINGS case above: 300,000, 800,000, 400,000 in years 2–4
    expect(t[6].slice(1)).toEqual([0, 300000, 800000, 400000, 0, 0, 1500000]);
    expect(t[8].slice(1)).toEqual([300000, 1200000, 400000, 0, 0, 0, 0]);
    expect(t[10].slice(1)).toEqual([-300000, -900000, 800000, 400000, 0, 0, 0]);
  });
  test("with a committed plan; the share rule's options are refused with a plan", () => {
    expect(table('=SOCINV.REPAYDUAL(1000000,0,{"SN"},{0,1,1},{0,500000,500000})')[7].slice(1)).toEqual([1e6, 5e5, 0, 0]);
    const r = calc('=SOCINV.REPAYDUAL(1000000,0,{"SN"},{0,1,1},{0,500000,500000},2)');
    expect(r.value).toBe("#VALUE!");
    expect(r.message).toMatch(/bara regeln med andel.* \/ .*only to the share-of-savings rule/);
  });
});

describe("typical individual, adjustments and break-even, nested", () => {
  test("CAREERPV to 65 from age 20 at 3.5 %: 565,000 kr a year → 12.71 Mkr per avoided career", () => {
    const t = table('=SOCINV.CAREERPV(0.035,{"Kommunen";"Regionen";"Försäkringskassan";"Samhället"},{150000;20000;100000;300000},{0;5000;0;0},20)');
    expect(t).toHaveLength(6);
    expect(t[5][3]).toBeCloseTo((565000 * (1 - 1.035 ** -45)) / 0.035, 4);
  });

  test("CAREERFLOWS inside ACTORSUMMARY: 10 people, 30 % success, two years' lag", () => {
    const flows = "SOCINV.CAREERFLOWS({150000;20000},{0;5000},10,0.3,2,,20)";
    expect(table(`=${flows}`)[0]).toHaveLength(2 + 45);
    const t = table(`=SOCINV.ACTORSUMMARY(0.035,{"Kommunen";"Regionen"},${flows})`);
    const a = (1 - 1.035 ** -45) / 0.035;
    expect(t[1][2]).toBeCloseTo((10 * 0.3 * 150000 * a) / 1.035 ** 2, 4);
    expect(t[2][2]).toBeCloseTo((10 * 0.3 * 15000 * a) / 1.035 ** 2, 4);
  });

  test("ADJUSTGAINS inside ACTORSUMMARY, and the ADJUSTMENTS table with its defaults visible", () => {
    const t = table('=SOCINV.ACTORSUMMARY(0,{"A";"B"},SOCINV.ADJUSTGAINS({-100,50,50;0,100,100},0.2,,,0.5,,,2))');
    expect(t[3].slice(1, 4)).toEqual([-100, 180, 80]);
    const a = table('=SOCINV.ADJUSTMENTS(0,{"A";"B"},{-100,50,50;0,100,100},{0.2;0.1})');
    expect(a).toHaveLength(5);
    expect(a[1][1]).toBe("angivet / given");
    expect(a[1][2]).toMatch(/standard 0 %.*default 0%/);
    expect(a[3].slice(9, 11)).toEqual([200, 180]);
  });

  test("SPLIT of a yearly row in tkr, and a cost in öre", () => {
    expect(value('=SOCINV.SPLIT({1234000,2000000},{0.5;0.25;0.25},"tkr")')).toEqual([
      [617000, 1000000],
      [309000, 500000],
      [308000, 500000],
    ]);
    expect(value("=SOCINV.SPLIT(-1000,{1;1;1}/3,0.01)")).toEqual([[-333.34], [-333.33], [-333.33]]);
  });
});

describe("bad input through formulas: clear bilingual errors", () => {
  test.each([
    { what: "a missing actor label", f: "=SOCINV.ACTORSUMMARY(0,Bad!A1:A2,Bad!B1:C2)", err: "#VALUE!", msg: /nr 2 saknas.*no\. 2 is missing/ },
    { what: "a duplicated actor label", f: '=SOCINV.ACTORSUMMARY(0,{"Regionen";"regionen"},{1;2})', err: "#VALUE!", msg: /två gånger.*appears twice/ },
    {
      what: "labels and flows of different sizes",
      f: '=SOCINV.ACTORSUMMARY(0,{"A";"B"},{1;2;3})',
      err: "#VALUE!",
      msg: /2 aktörsnamn men flöden har 3 rader.*2 actor labels but flows has 3 rows/,
    },
    { what: "text in the flow table, by position", f: "=SOCINV.ACTORPV(0,Bad!B1:C3)", err: "#VALUE!", msg: /värde nr 6 är text.*value no\. 6 is text/ },
    { what: "a negative share", f: "=SOCINV.SPLIT(100,{1.2;-0.2})", err: "#NUM!", msg: /negativ.*negative/ },
    { what: "shares not summing to 100 %", f: "=SOCINV.SPLIT(100,{0.5;0.4})", err: "#NUM!", msg: /90 %, inte 100 %.*90%, not 100%/ },
    {
      what: "repayment longer than the horizon",
      f: "=SOCINV.REPAYSAVINGS(1500000,Norrkoping!A1:A2,Norrkoping!B1:G2,1,,,7)",
      err: "#VALUE!",
      msg: /längre än horisonten.*longer than the horizon/,
    },
    {
      what: "repayment starting after the horizon",
      f: "=SOCINV.REPAYSAVINGS({0,0,1500000},Norrkoping!A1:A2,Norrkoping!B1:G2,1,4)",
      err: "#VALUE!",
      msg: /första utbetalningsåret 3 \+ fördröjning 4.*first payout year 3 \+ delay 4/,
    },
    {
      what: "commitments beyond the payout",
      f: '=SOCINV.REPAYCOMMITTED(100,{"SN"},{0,60,60})',
      err: "#NUM!",
      msg: /mer än fonden betalat ut.*more than the fund paid out/,
    },
    { what: "career tables of different sizes", f: '=SOCINV.CAREERPV(0.035,{"A";"B"},{1;2},{0;0;0})', err: "#VALUE!", msg: /samma storlek.*same size/ },
    { what: "an adjustment above 100 %", f: "=SOCINV.ADJUSTGAINS({1,2},1.5)", err: "#NUM!", msg: /mellan 0 och.*between 0 and/ },
    { what: "a bad type", f: '=SOCINV.ACTORSUMMARY(0,{"A"},{1},2)', err: "#NUM!", msg: /Typ måste.*Type must/ },
    { what: "an error cell in the flows", f: '=SOCINV.ACTORSUMMARY(0,{"A"},{1,2}/{1,0})', err: "#VALUE!", msg: /felvärdet #DIV\/0!.*the error #DIV\/0!/ },
  ])("$what", ({ f, err, msg }) => {
    const r = calc(f);
    expect(r.value).toBe(err);
    expect(r.message).toMatch(msg);
  });
});

describe("spill sizes: the engine's predictions equal the adapters' results", () => {
  const byId = Object.fromEntries(FUNCTIONS.map((f) => [f.id, f]));
  const cases = (n: number, y: number) => {
    const labels = Array.from({ length: n }, (_, i) => [`Aktör ${i + 1}`]);
    const flows = Array.from({ length: n }, (_, i) => Array.from({ length: y }, (_, t) => (t === 0 && i === 0 ? -1000 : 10 * (i + t))));
    const savings = flows.map((r) => r.map((v) => Math.max(0, v)));
    const shape = (m: unknown[][], literal?: number | string) => ({ rows: m.length, cols: m[0].length, ...(literal === undefined ? {} : { literal }) });
    const s1 = { rows: 1, cols: 1 };
    const lit = (x: number) => ({ rows: 1, cols: 1, literal: x });
    const shares = labels.map(() => [1 / n]);
    const zeros = labels.map(() => [0]);
    const constant = labels.map((_, i) => [1000 * (i + 1)]); // one column: the same yearly cost to age 65
    return [
      { id: "ACTORSUMMARY", args: [[[0.035]], labels, flows], shapes: [s1, shape(labels), shape(flows)] },
      { id: "ACTORPV", args: [[[0.035]], flows], shapes: [s1, shape(flows)] },
      { id: "SPLIT", args: [[flows[0].map(() => 1000)], shares], shapes: [shape([flows[0]]), shape(shares)] },
      { id: "SPLITBYGAINS", args: [[[1000]], [[0]], flows], shapes: [s1, s1, shape(flows)] },
      { id: "ADJUSTGAINS", args: [flows, [[0.1]]], shapes: [shape(flows), s1] },
      { id: "ADJUSTMENTS", args: [[[0]], labels, flows], shapes: [s1, shape(labels), shape(flows)] },
      { id: "BREAKEVENACTORS", args: [[[0]], labels, flows, savings], shapes: [s1, shape(labels), shape(flows), shape(savings)] },
      { id: "REPAYSAVINGS", args: [[[1000]], labels, savings, [[1]]], shapes: [s1, shape(labels), shape(savings), s1] },
      { id: "REPAYCOMMITTED", args: [[[1e9]], labels, savings, savings], shapes: [s1, shape(labels), shape(savings), shape(savings)] },
      { id: "REPAYDUAL", args: [[[1000]], [[0]], labels, savings, [[1]]], shapes: [s1, s1, shape(labels), shape(savings), s1] },
      { id: "CAREERPV", args: [[[0]], labels, savings, zeros], shapes: [s1, shape(labels), shape(savings), shape(zeros)] },
      { id: "CAREERFLOWS", args: [savings, zeros, 1, 0.5, 3], shapes: [shape(savings), shape(zeros), lit(1), lit(0.5), lit(3)] },
      {
        id: "CAREERFLOWS",
        args: [savings, zeros, 1, 0.5, 0, 2, 20, 30],
        shapes: [shape(savings), shape(zeros), lit(1), lit(0.5), lit(0), lit(2), lit(20), lit(30)],
      },
      { id: "CAREERFLOWS", args: [constant, zeros, 1, 0.5, 2, 2, 20], shapes: [shape(constant), shape(zeros), lit(1), lit(0.5), lit(2), lit(2), lit(20)] },
    ];
  };

  test("for 1–12 actors and 2–40 years, every table function's predicted size is its actual size", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 10, max: 40 }), (n, y) => {
        for (const c of cases(n, y)) {
          const out = byId[c.id].fn(...c.args) as unknown[][];
          expect({ id: c.id, size: [out.length, out[0].length] }).toEqual({ id: c.id, size: byId[c.id].spill!(c.shapes) });
          expect(out.every((r) => r.length === out[0].length)).toBe(true);
        }
      }),
      { numRuns: 15 },
    );
  });

  test("a count given as a cell reference cannot be predicted: a clear error in the engine, not a wrong size", () => {
    expect(
      byId.CAREERFLOWS.spill!([
        { rows: 2, cols: 3 },
        { rows: 2, cols: 1 },
        { rows: 1, cols: 1 },
        { rows: 1, cols: 1 },
        { rows: 1, cols: 1 },
      ]),
    ).toBeNull();
    expect(value("=SOCINV.CAREERFLOWS({1;2},{0;0},1,1,Norrkoping!B1)")).toBe("#VALUE!");
    // an argument left empty in the middle takes its default (lag 0), as in Excel
    expect(value("=SOCINV.CAREERFLOWS({1;2},{0;0},1,1,,,20,22)")).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(value("=SOCINV.CAREERFLOWS({1;2},{0;0},1,1,0,,20,22)")).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });
});
