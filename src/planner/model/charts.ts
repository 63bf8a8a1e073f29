/**
 * The charts right of the top blocks: the cumulative net present value by actor over the years (a line per
 * actor, from the last By-actor block), the PV of costs and gains by actor (columns, from the who-pays-who-gains
 * table) and, with a fund rule, the fund's cumulative payout, cumulative repayment and balance (lines, from the
 * Fund schedule).
 *
 * The line charts give their series one by one (ChartPlan.rows), so that Excel takes the years for categories
 * and not for a series of numbers. How they look is decided here, once, for every host:
 * - one colour per actor in every chart of the model (the actor's position in the model's actor list); in the
 *   column chart each actor's columns take its colour, costs as a light shade with an outline in the colour,
 *   gains solid, and the legend's two entries in grey say which is which; the fund's lines are grey (solid,
 *   dashed, dark), never an actor's colour;
 * - one unit for the amounts of all the charts (kr, tkr or mnkr, by the largest amount they show), named in
 *   each value axis' title; the cells stay in kronor;
 * - with six or more actors the actor names under the columns are turned 45° (and the chart is taller), so
 *   long names never run into each other; fewer are wrapped under their column.
 */
import { cellAddress } from "../a1";
import { computeResolved } from "../compute";
import type { ChartLook, ChartPlan, ChartSeriesLook, ChartUnit } from "../plan";
import type { ResolvedModel } from "../resolve";
import { CHART_COL, COL } from "./layout";
import type { SheetContext } from "./sheet";

/** Actor colours (Tableau 10 without its grey), then generated hues. No grey: grey is for the legend and the fund. */
const ACTOR_PALETTE = ["#4E79A7", "#F28E2B", "#59A14F", "#E15759", "#B07AA1", "#76B7B2", "#EDC948", "#FF9DA7", "#9C755F"];
/** The fund's lines and the column chart's legend: greys, which no actor has. */
export const NEUTRAL = { costs: { line: "#595959", fill: "#D9D9D9" }, gains: { line: "#595959", fill: "#595959" } } as const;
export const FUND_LOOK: readonly ChartSeriesLook[] = [
  { line: "#8C8C8C", fill: "#8C8C8C" },
  { line: "#404040", fill: "#404040", dash: true },
  { line: "#000000", fill: "#000000" },
];
/** From this many actors on, the actor names under the columns are turned. */
export const ROTATE_FROM = 6;

function hex(r: number, g: number, b: number): string {
  return (
    "#" +
    [r, g, b]
      .map((x) =>
        Math.round(Math.max(0, Math.min(255, x)))
          .toString(16)
          .padStart(2, "0"),
      )
      .join("")
      .toUpperCase()
  );
}

/** HSL (h in degrees, s and l in 0–1) to #RRGGBB. */
function fromHsl(h: number, s: number, l: number): string {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] = h < 60 ? [c, x, 0] : h < 120 ? [x, c, 0] : h < 180 ? [0, c, x] : h < 240 ? [0, x, c] : h < 300 ? [x, 0, c] : [c, 0, x];
  return hex((r + m) * 255, (g + m) * 255, (b + m) * 255);
}

/** The colour of the k-th actor (0-based): the palette, then hues a golden angle apart (never grey, never repeated). */
export function actorColour(k: number): string {
  if (k < ACTOR_PALETTE.length) return ACTOR_PALETTE[k];
  const j = k - ACTOR_PALETTE.length;
  return fromHsl((15 + j * 137.508) % 360, 0.6, 0.32 + 0.12 * (j % 3));
}

/** A light shade of a colour: 60 % of the way to white (the costs' fill). */
export function lightShade(colour: string): string {
  const v = parseInt(colour.slice(1), 16);
  const mix = (c: number) => c + (255 - c) * 0.6;
  return hex(mix((v >> 16) & 255), mix((v >> 8) & 255), mix(v & 255));
}

/** The unit of the charts' value axes: mnkr from 5 million kr, tkr from 5 000 kr, else kr. */
export function chartUnit(largest: number): ChartUnit {
  return largest >= 5e6 ? "mnkr" : largest >= 5e3 ? "tkr" : "kr";
}

/** The largest amount any of the model's charts shows, from the core's evaluation of the model (0 if it cannot be evaluated). */
function largestCharted(m: ResolvedModel): number {
  let r;
  try {
    r = computeResolved(m);
  } catch {
    return 0;
  }
  let top = 0;
  const see = (x: number) => {
    if (Number.isFinite(x)) top = Math.max(top, Math.abs(x));
  };
  for (const a of r.actors) {
    see(a.pvCosts);
    see(a.pvGains);
    let cum = 0;
    a.net.forEach((x, i) => see((cum += x * r.discountFactors[i])));
  }
  if (r.fund) for (const row of [r.fund.cumulativePayout, r.fund.cumulativeRepaid, r.fund.balance]) row.forEach(see);
  return top;
}

export function modelCharts(ctx: SheetContext): ChartPlan[] {
  const { m, t, layout, sheet } = ctx;
  const y = layout.years;
  const cum = layout.byActor.cum;
  const table = layout.actorTable;
  const unit = chartUnit(largestCharted(m));
  const colours = m.actors.map((_, k) => actorColour(k));
  const rotate = m.actors.length >= ROTATE_FROM;
  const lastYear = y.letter(y.count - 1);

  const cumulative: ChartPlan = {
    sheet,
    kind: "line",
    title: t("cumulativeByActor"),
    dataAddress: `${cellAddress(cum.header, COL.label)}:${lastYear}${cum.last + 1}`,
    seriesBy: "rows",
    rows: { categories: y.span(cum.header), series: m.actors.map((a) => ({ name: m.labels.get(a.id)!, values: y.span(cum.rows.get(a.id)!) })) },
    anchor: { row: 3, col: CHART_COL, rows: 16, cols: 8 },
    look: {
      series: colours.map((c) => ({ line: c, fill: c })),
      valueAxis: { unit, title: t("chartAxisPv", { unit }) },
      categoryAxis: { labels: "wrap", title: t("year") },
    },
  };

  const columnRows = rotate ? 21 : 16;
  const byActor: ChartLook = {
    series: [
      { ...NEUTRAL.costs, points: colours.map((c) => ({ line: c, fill: lightShade(c) })) },
      { ...NEUTRAL.gains, points: colours.map((c) => ({ line: c, fill: c })) },
    ],
    valueAxis: { unit, title: t("chartAxisPv", { unit }) },
    categoryAxis: { labels: rotate ? "rotate" : "wrap" },
  };
  const costsAndGains: ChartPlan = {
    sheet,
    kind: "columnClustered",
    title: t("costsAndGainsChart"),
    dataAddress: `${cellAddress(table.header, 0)}:${cellAddress(table.last, 2)}`,
    seriesBy: "columns",
    anchor: { row: 20, col: CHART_COL, rows: columnRows, cols: 8 },
    look: byActor,
  };

  const charts = [cumulative, costsAndGains];
  const fund = layout.fund;
  if (fund) {
    const series = [
      { name: t("cumulativePayout"), values: y.span(fund.cumPayout) },
      { name: t("cumulativeRepayment"), values: y.span(fund.cumRepaid) },
      { name: t("fundBalance"), values: y.span(fund.balance) },
    ];
    charts.push({
      sheet,
      kind: "line",
      title: t("fundChart"),
      dataAddress: `${cellAddress(fund.header, COL.label)}:${lastYear}${fund.balance + 1}`,
      seriesBy: "rows",
      rows: { categories: y.span(fund.header), series },
      anchor: { row: 20 + columnRows + 1, col: CHART_COL, rows: 16, cols: 8 },
      look: {
        series: [...FUND_LOOK],
        valueAxis: { unit, title: t("chartAxisAmount", { unit }) },
        categoryAxis: { labels: "wrap", title: t("year") },
      },
    });
  }
  return charts;
}
