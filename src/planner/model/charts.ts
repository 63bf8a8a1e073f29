/**
 * The two charts right of the top blocks: the cumulative net present value by actor over the years (a
 * line per actor, from the last By-actor block) and the PV of costs and gains by actor (columns, from the
 * who-pays-who-gains table).
 */
import { cellAddress } from "../a1";
import type { ChartPlan } from "../plan";
import { CHART_COL, COL } from "./layout";
import type { SheetContext } from "./sheet";

export function modelCharts(ctx: SheetContext): ChartPlan[] {
  const { t, layout, sheet } = ctx;
  const cum = layout.byActor.cum;
  const table = layout.actorTable;
  return [
    {
      sheet,
      kind: "line",
      title: t("cumulativeByActor"),
      dataAddress: `${cellAddress(cum.header, COL.label)}:${layout.years.letter(layout.years.count - 1)}${cum.last + 1}`,
      seriesBy: "rows",
      anchor: { row: 3, col: CHART_COL, rows: 16, cols: 8 },
    },
    {
      sheet,
      kind: "columnClustered",
      title: t("costsAndGainsChart"),
      dataAddress: `${cellAddress(table.header, 0)}:${cellAddress(table.last, 2)}`,
      seriesBy: "columns",
      anchor: { row: 20, col: CHART_COL, rows: 16, cols: 8 },
    },
  ];
}
