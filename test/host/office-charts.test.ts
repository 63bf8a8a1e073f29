/**
 * The Excel host writes the charts of a model plan as planned: the series one by one (the years as categories),
 * each actor's colour on its line and on its columns, costs in a light shade, the value axis in the plan's unit
 * with its title, the actor names turned with six or more actors, and the fund chart; all in the one write sync.
 */
import { OfficeHost } from "../../src/host/office";
import { readBudgetOrThrow } from "../../src/planner/budget";
import { planModel } from "../../src/planner/planModel";
import { SAMPLES, sampleSnapshot } from "../../src/planner/samples";
import { FakeExcel, sheet, workbook } from "./fake-excel";

const norrkoping = SAMPLES.find((s) => s.id === "norrkoping")!;

function planned() {
  const s = norrkoping;
  const block = readBudgetOrThrow(sampleSnapshot(s.workbook, s.selection.sheet, s.selection.address));
  const r = planModel(s.inputs, block, { sheetNames: s.workbook.sheets.map((x) => x.name), names: [] });
  if (!r.ok) throw new Error(r.error.en);
  return r.plan;
}

async function applied() {
  const plan = planned();
  const excel = new FakeExcel(workbook(norrkoping.workbook.sheets.map((s) => sheet(s.name))));
  const res = await new OfficeHost(excel.run).apply(plan, { language: "sv" });
  const model = excel.state.sheets.find((x) => x.name === plan.sheets[0].name)!;
  return { plan, res, charts: model.charts };
}

describe("charts written to Excel", () => {
  test("three charts (with the fund's), in the constant number of syncs", async () => {
    const { plan, res, charts } = await applied();
    expect(res.charts).toBe(3);
    expect(res.syncs).toBe(2);
    expect(charts.map((c) => [c.type, c.title])).toEqual([
      ["Line", "Ackumulerat nuvärde, netto per aktör"],
      ["ColumnClustered", "Kostnader och nyttor per aktör (nuvärde)"],
      ["Line", "Fonden: utbetalt, återbetalt och saldo (ackumulerat)"],
    ]);
    expect(plan.charts).toHaveLength(3);
  });

  test("line charts: made from the first series' row, the others added, each named and over the years", async () => {
    const { plan, charts } = await applied();
    const q = `'${plan.sheets[0].name}'!`;
    for (const k of [0, 2]) {
      const rows = plan.charts[k].rows!;
      const look = charts[k].look!;
      expect(charts[k].source).toBe(q + rows.series[0].values);
      rows.series.forEach((s, i) => {
        const at = i === 0 ? "series.getItemAt(0)" : `series.add(${s.name})`;
        expect(look[`${at}.name`]).toBe(s.name);
        expect(look[`${at}.setXAxisValues`]).toEqual([q + rows.categories]);
        if (i > 0) expect(look[`${at}.setValues`]).toEqual([q + s.values]);
      });
    }
  });

  test("each actor's colour on its line and its columns; costs light with the colour as outline, gains solid", async () => {
    const { plan, charts } = await applied();
    const [line, columns] = plan.charts;
    line.look!.series.forEach((s, k) => {
      expect(charts[0].look![`series.getItemAt(${k}).format.line.color`]).toBe(s.line);
      expect(charts[0].look![`series.getItemAt(${k}).markerBackgroundColor`]).toBe(s.line);
    });
    const actors = line.look!.series.length;
    expect(actors).toBeGreaterThanOrEqual(6);
    for (const k of [0, 1]) {
      const points = columns.look!.series[k].points!;
      expect(points).toHaveLength(actors);
      points.forEach((p, i) => {
        const at = `series.getItemAt(${k}).points.getItemAt(${i}).format`;
        expect(charts[1].look![`${at}.fill.setSolidColor`]).toEqual([p.fill]);
        expect(charts[1].look![`${at}.border.color`]).toBe(line.look!.series[i].line);
      });
    }
    // The fund's lines: grey, the repayment dashed.
    expect(charts[2].look!["series.getItemAt(1).format.line.lineStyle"]).toBe("Dash");
    expect(charts[2].look!["series.getItemAt(0).format.line.lineStyle"]).toBe("Continuous");
  });

  test("value axis in mnkr (Excel's display unit) with the unit in its title; six actors: names turned 45°", async () => {
    const { charts } = await applied();
    for (const c of charts) {
      expect(c.look!["axes.valueAxis.displayUnit"]).toBe("Millions");
      expect(c.look!["axes.valueAxis.showDisplayUnitLabel"]).toBe(false);
      expect(c.look!["axes.valueAxis.numberFormat"]).toBe("General");
    }
    expect(charts.map((c) => c.look!["axes.valueAxis.title.text"])).toEqual(["Nuvärde, mnkr", "Nuvärde, mnkr", "Belopp, mnkr"]);
    expect(charts.map((c) => c.look!["axes.categoryAxis.title.text"])).toEqual(["År", undefined, "År"]);
    expect(charts.map((c) => c.look!["axes.categoryAxis.textOrientation"])).toEqual([undefined, -45, undefined]);
  });

  test("a plan without a look is written as before (title, source, position only)", async () => {
    const plan = planned();
    for (const c of plan.charts) {
      delete c.look;
      delete c.rows;
    }
    const excel = new FakeExcel(workbook(norrkoping.workbook.sheets.map((s) => sheet(s.name))));
    await new OfficeHost(excel.run).apply(plan);
    const charts = excel.state.sheets.find((x) => x.name === plan.sheets[0].name)!.charts;
    expect(charts.map((c) => c.look)).toEqual([undefined, undefined, undefined]);
  });
});
