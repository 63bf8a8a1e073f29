/**
 * Writes the "Gross and net" block (columns A–D under the actor table): PV of costs and of gains, NPV and
 * the benefit–cost ratio before the adjustments (gross) and after them (net, from the results), and the
 * difference the adjustments make.
 */
import { cellAddress } from "../a1";
import { FMT } from "./formats";
import type { SheetContext } from "./sheet";

export function writeGrossNet(ctx: SheetContext): void {
  const { t, layout } = ctx;
  const gn = layout.grossNet;
  const tot = layout.totals;
  const B = cellAddress;
  ctx.put(gn.header, 0, "header", [[t("grossAndNet"), t("gross"), t("net"), t("difference")]]);
  const row = (at: number, label: string, gross: string, net: string, format: string) => {
    ctx.putText(at, 0, "label", label);
    ctx.put(at, 1, "calc", [[gross, net, `=IFERROR(${B(at, 2)}-${B(at, 1)},"—")`]], format);
  };
  const grossCosts = B(gn.costs, 1);
  const grossGains = B(gn.gains, 1);
  row(gn.costs, t("pvCostsShort"), `=${ctx.pv(tot.costsGross)}`, `=${ctx.result("pvCosts")}`, FMT.kr);
  row(gn.gains, t("pvGainsShort"), `=${ctx.pv(tot.gainsGross)}`, `=${ctx.result("pvGains")}`, FMT.kr);
  row(gn.npv, t("npvShort"), `=${grossGains}-${grossCosts}`, `=${ctx.result("npv")}`, FMT.kr);
  row(gn.bcr, t("bcr"), `=IF(${grossCosts}>0,${grossGains}/${grossCosts},"—")`, `=${ctx.result("bcr")}`, FMT.ratio);
}
