/**
 * Writes the Totals block of the year area: costs and gains gross and net, the net (named SI1_Net), gains
 * per success, the discounted net, the cumulative nets, and the payback helper rows: a flag per year that
 * is 1 when the cumulative net stays ≥ 0 from that year to the end (read right to left), which the
 * results' "paid back from year" looks up.
 */
import type { BlockStyle } from "../plan";
import { FMT } from "./formats";
import { errorsFirst } from "./guards";
import type { ActorBlock } from "./layout";
import type { SheetContext } from "./sheet";
import { runningTotal, yearRow, yearsHeader } from "./yearRows";

export function writeTotals(ctx: SheetContext): void {
  const { t, layout } = ctx;
  const tot = layout.totals;
  const y = layout.years;
  const nm = ctx.name;
  const row = (at: number, label: string, cell: (i: number, c: string) => string, style: BlockStyle = "total", format: string = FMT.kr) =>
    yearRow(ctx, at, label, style, format, cell);
  /** The sum over the actors' rows of a By-actor block. */
  const sumOf = (block: ActorBlock) => (_: number, c: string) => `=SUM(${c}${layout.byActor[block].first + 1}:${c}${layout.byActor[block].last + 1})`;
  /** 1 from the year on which the cumulative row stays ≥ 0 to the last year, else 0. */
  const staysPositive = (at: number, cumRow: number) => (i: number, c: string) =>
    i === y.count - 1 ? `=IF(${c}${cumRow + 1}>=0,1,0)` : `=IF(AND(${c}${cumRow + 1}>=0,${y.letter(i + 1)}${at + 1}=1),1,0)`;

  yearsHeader(ctx, tot.header, t("total"), "");
  row(tot.costsGross, t("costsGross"), sumOf("costsGross"));
  row(tot.costsNet, t("costsNet"), sumOf("costsNet"));
  row(tot.gainsGross, t("gainsGross"), sumOf("gainsGross"));
  row(tot.gainsNet, t("gainsNet"), sumOf("gainsNet"));
  row(tot.net, t("net"), sumOf("net"));
  ctx.defineName("Net", y.absSpan(tot.net), t("netComment"));
  // 0 without successes, as the core; an error of the year's net gains is passed on even then.
  row(
    tot.perSuccess,
    t("gainsPerSuccessNet"),
    (_, c) => `=${errorsFirst([`${c}${tot.gainsNet + 1}`], `IF(${nm("Successes")}>0,${c}${tot.gainsNet + 1}/${nm("Successes")},0)`)}`,
    "calc",
  );
  row(tot.disc, t("discountedNet"), sumOf("disc"), "calc");
  row(tot.cum, t("cumulativeNet"), runningTotal(ctx, tot.cum, tot.net), "calc");
  row(tot.cumDisc, t("cumulativeDiscountedNet"), runningTotal(ctx, tot.cumDisc, tot.disc), "calc");
  row(tot.flag, t("staysPositive"), staysPositive(tot.flag, tot.cum), "calc", FMT.int);
  row(tot.flagDisc, t("staysPositiveDiscounted"), staysPositive(tot.flagDisc, tot.cumDisc), "calc", FMT.int);
}
