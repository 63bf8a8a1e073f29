/**
 * The model's charts as planned: one colour per actor in every chart, costs and gains told apart by shade,
 * the fund's lines in greys no actor has, one unit for the value axes chosen by the largest amount shown,
 * category labels turned from six actors on, and a fund chart (cumulative payout, repayment, balance) exactly
 * when the model has a fund rule, reading the fund's rows — checked in the formula engine against the core.
 */
import fc from "fast-check";
import { parseRange } from "../../src/planner/a1";
import { planGrids } from "../../src/planner/layout";
import { FUND_LOOK, NEUTRAL, ROTATE_FROM, actorColour, chartUnit, lightShade } from "../../src/planner/model/charts";
import type { ChartPlan, ModelPlan } from "../../src/planner/plan";
import { SAMPLES } from "../../src/planner/samples";
import { build } from "./engine";
import { TINY, tinyInputs } from "./fixtures";

const sample = (id: string) => SAMPLES.find((s) => s.id === id)!;

function built(id: string, lang: "sv" | "en" = "sv") {
  const s = sample(id);
  return build({ ...s.inputs, language: lang }, s.workbook, s.selection.sheet, s.selection.address);
}

/** The text in a plan's model sheet at an A1 cell. */
function cellText(plan: ModelPlan, a1: string): unknown {
  const grid = planGrids(plan)[plan.sheets[0].name];
  const p = parseRange(a1);
  const v = grid[p.row]?.[p.col];
  return typeof v === "string" && v.startsWith("'") ? v.slice(1) : v;
}

/** Actor label → colour in each chart that shows actors: the line chart's series, the column chart's points. */
function actorColours(plan: ModelPlan): {
  line: Map<string, string>;
  costs: Map<string, { line: string; fill: string }>;
  gains: Map<string, { line: string; fill: string }>;
} {
  const [lineChart, columns] = plan.charts;
  const grid = planGrids(plan)[plan.sheets[0].name];
  const l = parseRange(lineChart.dataAddress);
  const lineLabels = Array.from({ length: l.rows - 1 }, (_, k) => String(grid[l.row + 1 + k][l.col]));
  const c = parseRange(columns.dataAddress);
  const colLabels = Array.from({ length: c.rows - 1 }, (_, k) => String(grid[c.row + 1 + k][c.col]));
  const look = columns.look!;
  return {
    line: new Map(lineLabels.map((a, k) => [a, lineChart.look!.series[k].line])),
    costs: new Map(colLabels.map((a, k) => [a, look.series[0].points![k]])),
    gains: new Map(colLabels.map((a, k) => [a, look.series[1].points![k]])),
  };
}

describe("colours", () => {
  test.each(["plain", "norrkoping", "malmo", "ale", "individual"])("%s: one colour per actor, the same in every chart; costs light, gains solid", (id) => {
    const { out } = built(id);
    const { line, costs, gains } = actorColours(out.plan);
    expect([...costs.keys()]).toEqual([...line.keys()]);
    expect([...gains.keys()]).toEqual([...line.keys()]);
    const colours = [...line.values()];
    expect(new Set(colours).size).toBe(colours.length); // no two actors share a colour
    for (const [actor, colour] of line) {
      expect([actor, costs.get(actor)!.line, gains.get(actor)!.line, gains.get(actor)!.fill]).toEqual([actor, colour, colour, colour]);
      expect([actor, costs.get(actor)!.fill]).toEqual([actor, lightShade(colour)]);
    }
    // The legend's entries (the series themselves) are grey, so they say "light = costs, solid = gains" and no actor.
    const columns = out.plan.charts[1].look!;
    expect([columns.series[0].line, columns.series[0].fill, columns.series[1].fill]).toEqual([NEUTRAL.costs.line, NEUTRAL.costs.fill, NEUTRAL.gains.fill]);
    for (const ch of out.plan.charts.slice(2)) for (const s of ch.look!.series) expect(colours).not.toContain(s.line);
  });

  test("the same actor list gives the same colours in Swedish and English", () => {
    const sv = [...actorColours(built("plain", "sv").out.plan).line.values()];
    const en = [...actorColours(built("plain", "en").out.plan).line.values()];
    expect(en).toEqual(sv);
  });

  test("actor colours: distinct, never grey, never a fund or legend colour, and their light shades are no actor's colour", () => {
    const n = 60;
    const all = Array.from({ length: n }, (_, k) => actorColour(k));
    expect(new Set(all).size).toBe(n);
    const greys = new Set([...FUND_LOOK.map((s) => s.line), NEUTRAL.costs.line, NEUTRAL.costs.fill, NEUTRAL.gains.fill]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: n - 1 }), (k) => {
        const c = all[k];
        expect(c).toMatch(/^#[0-9A-F]{6}$/);
        const [r, g, b] = [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
        expect(Math.max(r, g, b) - Math.min(r, g, b)).toBeGreaterThan(30); // chromatic, not a grey
        expect(greys.has(c)).toBe(false);
        expect(all).not.toContain(lightShade(c));
      }),
    );
  });

  test("light shade: 60 % of the way to white, by hand", () => {
    // #4E79A7 = (78, 121, 167): 78 + 0.6 × 177 = 184.2 → B8; 121 + 0.6 × 134 = 201.4 → C9; 167 + 0.6 × 88 = 219.8 → DC.
    expect(lightShade("#4E79A7")).toBe("#B8C9DC");
    expect(lightShade("#000000")).toBe("#999999");
    expect(lightShade("#FFFFFF")).toBe("#FFFFFF");
  });
});

describe("category labels never run into each other", () => {
  test(`with ${ROTATE_FROM} or more actors the actor names are turned and the chart is taller; fewer are wrapped`, () => {
    const many = built("plain").out.plan; // six actors: BUN, SON, KS, the region, FK, society
    expect(actorColours(many).line.size).toBeGreaterThanOrEqual(ROTATE_FROM);
    expect(many.charts[1].look!.categoryAxis.labels).toBe("rotate");
    const few = build(tinyInputs(), TINY, "Budget 2025", "A1:D4").out.plan; // one actor
    expect(actorColours(few).line.size).toBe(1);
    expect(few.charts[1].look!.categoryAxis.labels).toBe("wrap");
    expect(many.charts[1].anchor.rows).toBeGreaterThan(few.charts[1].anchor.rows);
    // The years under the line charts are short; the playground spaces them, Excel wraps them.
    for (const p of [many, few]) expect(p.charts[0].look!.categoryAxis.labels).toBe("wrap");
  });

  test("the charts do not overlap each other", () => {
    for (const id of ["plain", "norrkoping", "ale"]) {
      const charts = built(id).out.plan.charts;
      for (let k = 1; k < charts.length; k++) {
        const above = charts[k - 1].anchor;
        expect(charts[k].anchor.row).toBeGreaterThanOrEqual(above.row + above.rows);
      }
    }
  });
});

describe("units on the value axes", () => {
  test("mnkr from 5 million kr, tkr from 5 000 kr, else kr", () => {
    expect([chartUnit(0), chartUnit(4999.99), chartUnit(5000), chartUnit(4_999_999), chartUnit(5e6), chartUnit(4.1e8)]).toEqual([
      "kr",
      "kr",
      "tkr",
      "tkr",
      "mnkr",
      "mnkr",
    ]);
  });

  test("the driftbudget's model (millions) is charted in mnkr, named in every value axis' title", () => {
    const { out, result } = built("norrkoping");
    expect(Math.max(...result.actors.map((a) => a.pvGains))).toBeGreaterThan(5e6);
    for (const ch of out.plan.charts) expect(ch.look!.valueAxis.unit).toBe("mnkr");
    expect(out.plan.charts.map((c) => c.look!.valueAxis.title)).toEqual(["Nuvärde, mnkr", "Nuvärde, mnkr", "Belopp, mnkr"]);
    expect(out.plan.charts.map((c) => c.look!.categoryAxis.title ?? null)).toEqual(["År", null, "År"]);
  });

  test("the hand-calculation budget (tkr) is charted in tkr", () => {
    // Costs 100 tkr in 2025 and 50 tkr in 2026 at 10 %, end of year: 100 000 / 1,1 + 50 000 / 1,21 = 90 909 + 41 322 = 132 231 kr,
    // the largest amount shown (the gains, 80 tkr a year from 2026, come to 80 000/1,21 + 80 000/1,331 + 80 000/1,4641 = 180 376 kr),
    // between 5 000 kr and 5 million kr: tkr.
    const { out, result } = build(tinyInputs(), TINY, "Budget 2025", "A1:D4");
    expect(result.pvCosts).toBeCloseTo(100000 / 1.1 + 50000 / 1.21, 6);
    for (const ch of out.plan.charts) expect(ch.look!.valueAxis.unit).toBe("tkr");
    expect(out.plan.charts[0].look!.valueAxis.title).toBe("Nuvärde, tkr");
  });

  test("English axis titles", () => {
    const charts = built("norrkoping", "en").out.plan.charts;
    expect(charts.map((c) => c.look!.valueAxis.title)).toEqual(["Present value, mnkr", "Present value, mnkr", "Amount, mnkr"]);
    expect(charts[2].title).toBe("The fund: paid out, repaid and balance (cumulative)");
  });
});

describe("the cumulative chart", () => {
  test("one series per actor, named by it, the years as categories (never a series of years), the core's cumulative discounted net", () => {
    const { out, result, ev } = built("plain");
    const chart = out.plan.charts[0];
    const q = (a: string) => `'${out.plan.sheets[0].name}'!${a}`;
    expect(ev.row(q(chart.rows!.categories))).toEqual(result.years);
    expect(chart.rows!.series.map((s) => s.name)).toEqual(result.actors.map((a) => a.label));
    chart.rows!.series.forEach((s, k) => {
      expect(cellText(out.plan, `E${parseRange(s.values).row + 1}`)).toBe(s.name);
      let cum = 0;
      const want = result.actors[k].net.map((x, i) => (cum += x * result.discountFactors[i]));
      (ev.row(q(s.values)) as number[]).forEach((x, i) => expect(Math.abs(x - want[i])).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(want[i]))));
    });
    expect(chart.look!.series).toHaveLength(chart.rows!.series.length);
  });
});

describe("the fund chart", () => {
  test.each(["plain", "individual"])("%s (no fund): no fund chart", (id) => {
    expect(built(id).out.plan.charts.map((c) => c.kind)).toEqual(["line", "columnClustered"]);
  });

  test.each(["norrkoping", "malmo", "ale"])("%s: cumulative payout, repayment and balance over the years, the core's numbers", (id) => {
    const { out, result, ev } = built(id);
    expect(out.plan.charts).toHaveLength(3);
    const fund = out.plan.charts[2] as ChartPlan & Required<Pick<ChartPlan, "rows">>;
    expect(fund.kind).toBe("line");
    expect(fund.title).toBe("Fonden: utbetalt, återbetalt och saldo (ackumulerat)");
    const q = (a: string) => `'${out.plan.sheets[0].name}'!${a}`;
    expect(ev.row(q(fund.rows.categories))).toEqual(result.years);
    expect(fund.rows.series.map((s) => s.name)).toEqual(["Ackumulerad utbetalning", "Ackumulerad återbetalning", "Fondens saldo (återbetalt − utbetalt)"]);
    // Each series reads the row the sheet labels with its name (column E), and holds the core's ledger.
    for (const s of fund.rows.series) expect(cellText(out.plan, `E${parseRange(s.values).row + 1}`)).toBe(s.name);
    const f = result.fund!;
    const want = [f.cumulativePayout, f.cumulativeRepaid, f.balance];
    fund.rows.series.forEach((s, k) => {
      const got = ev.row(q(s.values)) as number[];
      got.forEach((x, i) => expect(Math.abs(x - want[k][i])).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(want[k][i]))));
    });
    // The block that holds them, from the fund's header (the years) to its balance.
    const block = parseRange(fund.dataAddress);
    expect([block.row, block.row + block.rows - 1]).toEqual([parseRange(fund.rows.categories).row, parseRange(fund.rows.series[2].values).row]);
    // The balance ends at −(unpaid): repaid − paid out.
    expect(f.balance[f.balance.length - 1]).toBeCloseTo(-f.unpaid, 6);
    expect(fund.look!.series).toEqual([...FUND_LOOK]);
  });
});
