/**
 * Writes the "Who pays, who gains" table (columns A–G under the results): per actor the PV of its costs
 * and gains, its net PV, its share of all gains, its gains per krona of own costs and its net within the
 * mandate period; then the nämnder's subtotal (when there are other actors too) and the total.
 */
import { cellAddress } from "../a1";
import type { BlockStyle, PlannedCell } from "../plan";
import { FMT } from "./formats";
import { errorsFirst } from "./guards";
import type { SheetContext } from "./sheet";

/** Formats of the value columns B–G. */
const VALUE_FORMATS = [[FMT.kr, FMT.kr, FMT.kr, FMT.pct, FMT.ratio, FMT.kr]];

export function writeActorTable(ctx: SheetContext): void {
  const { m, t, layout } = ctx;
  const y = layout.years;
  const table = layout.actorTable;
  const B = cellAddress;
  const total = table.total;
  ctx.put(table.header, 0, "header", [
    [t("whoPaysWhoGains"), t("pvCostsShort"), t("pvGainsShort"), t("netPv"), t("shareOfGains"), t("gainsPerOwnCost"), t("netWithinMandate")],
  ]);
  // Columns D–F of any row: net, share of all gains, gains per own cost.
  const derived = (row: number): PlannedCell[] => [
    `=${B(row, 2)}-${B(row, 1)}`,
    `=IF($C$${total + 1}<>0,${B(row, 2)}/$C$${total + 1},0)`,
    // Undefined ("—") without own costs; an error of either PV is passed on.
    `=${errorsFirst([B(row, 1), B(row, 2)], `IF(${B(row, 1)}>0,${B(row, 2)}/${B(row, 1)},"—")`)}`,
  ];
  const values = (row: number, style: BlockStyle, cells: PlannedCell[]) => ctx.put(row, 1, style, [cells], VALUE_FORMATS);

  const disc = layout.byActor.disc.rows;
  for (const { actor, row } of table.actors) {
    ctx.putText(row, 0, "label", m.labels.get(actor.id)!);
    values(row, "output", [
      `=${ctx.pv(layout.byActor.costsNet.rows.get(actor.id)!)}`,
      `=${ctx.pv(layout.byActor.gainsNet.rows.get(actor.id)!)}`,
      ...derived(row),
      `=SUMPRODUCT((${y.absSpan(layout.timeline.period)}<=${ctx.name("Mandate")})*${y.span(disc.get(actor.id)!)})`,
    ]);
  }

  if (table.kommun) {
    const { row, actors } = table.kommun;
    const rows = actors.map((x) => table.actors.find((a) => a.actor.id === x.id)!.row);
    const sum = (col: number) => `=SUM(${rows.map((x) => B(x, col)).join(",")})`;
    ctx.putText(row, 0, "total", t("kommunCommittees"));
    values(row, "total", [sum(1), sum(2), ...derived(row), sum(6)]);
  }

  const sum = (col: number) => `=SUM(${B(table.first, col)}:${B(table.last, col)})`;
  ctx.putText(total, 0, "total", t("total"));
  const [net, , ratio] = derived(total);
  values(total, "total", [sum(1), sum(2), net, `=IF($C$${total + 1}<>0,1,0)`, ratio, sum(6)]);
}
