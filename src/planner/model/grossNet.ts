/**
 * Writes the "Gross and net" block (columns A–D under the actor table): PV of costs and of gains, NPV and
 * the benefit–cost ratio before the adjustments (gross) and after them (net, from the results), and the
 * difference the adjustments make.
 */
import { cellAddress } from "../a1";
import { FMT } from "./formats";
import { errorsFirst } from "./guards";
import type { SheetContext } from "./sheet";

export function writeGrossNet(ctx: SheetContext): void {
  const { t, layout } = ctx;
  const gn = layout.grossNet;
  const tot = layout.totals;
  const B = cellAddress;
  ctx.put(gn.header, 0, "header", [[t("grossAndNet"), t("gross"), t("net"), t("difference")]]);
  const row = (at: number, label: string, gross: string, net: string, format: string) => {
    const [g, n] = [B(at, 1), B(at, 2)];
    // The difference is undefined ("—") only where a ratio is (no costs); an input's error is passed on.
    // Rounded to what the column shows, so that two equal results never differ by "-0" (a rounding residue).
    const shown = format === FMT.ratio ? 2 : 0;
    const difference = `=${errorsFirst([g, n], `IF(AND(ISNUMBER(${g}),ISNUMBER(${n})),ROUND(${n}-${g},${shown}),"—")`)}`;
    ctx.putText(at, 0, "label", label);
    ctx.put(at, 1, "calc", [[gross, net, difference]], format);
  };
  const grossCosts = B(gn.costs, 1);
  const grossGains = B(gn.gains, 1);
  row(gn.costs, t("pvCostsShort"), `=${ctx.pv(tot.costsGross)}`, `=${ctx.result("pvCosts")}`, FMT.kr);
  row(gn.gains, t("pvGainsShort"), `=${ctx.pv(tot.gainsGross)}`, `=${ctx.result("pvGains")}`, FMT.kr);
  row(gn.npv, t("npvShort"), `=${grossGains}-${grossCosts}`, `=${ctx.result("npv")}`, FMT.kr);
  const bcrGross = `=${errorsFirst([grossCosts, grossGains], `IF(${grossCosts}>0,${grossGains}/${grossCosts},"—")`)}`;
  row(gn.bcr, t("bcr"), bcrGross, `=${ctx.result("bcr")}`, FMT.ratio);
}
