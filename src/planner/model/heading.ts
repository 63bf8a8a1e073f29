/** Writes the first two rows of the model sheet: the title and the source line (budget, prices, formula style, key). */
import { sheetRef } from "../a1";
import type { SheetContext } from "./sheet";

export function writeHeading(ctx: SheetContext): void {
  const { m, t, layout } = ctx;
  // The default model title is already "Social investering"; don't print it twice.
  const own = m.inputs.title.trim();
  const kind = t("socialInvestment");
  const title = !own || own.toLowerCase() === kind.toLowerCase() ? kind : `${kind}: ${own}`;
  ctx.putText(layout.title, 0, "title", title);

  const source = m.budget ? t("source", { ref: sheetRef(m.budget.sheet, m.budget.address), unit: m.unit }) : "";
  const pix = m.priceIndex;
  const prices = pix ? t("pricesConverted", { year: m.priceYear, index: pix.name }) : t("prices", { year: m.priceYear });
  // The line ends with "Modell SI1." / "Model SI1.": models written by planner v1 are recognised by it.
  ctx.putText(layout.source, 0, "note", t("sourceLine", { source, prices, style: t(ctx.dialect.styleText), key: ctx.modelKey }));
}
