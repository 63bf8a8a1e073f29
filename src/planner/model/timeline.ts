/**
 * Writes the Timeline, the first block of the year area: the years (named SI1_Years), period numbers,
 * the time each year's flow is discounted over, the age (typical individual), the effect year and the
 * effect factor (drop-off), the rate per year (SI1_Rates) and the discount factors (SI1_DiscountFactors).
 */
import { FMT } from "./formats";
import type { SheetContext } from "./sheet";
import { yearRow, yearsHeader } from "./yearRows";

export function writeTimeline(ctx: SheetContext): void {
  const { m, t, layout, dialect } = ctx;
  const tl = layout.timeline;
  const y = layout.years;
  const nm = ctx.name;
  const d = m.inputs.discount;

  yearsHeader(ctx, tl.years, t("timeline"), t("year"));
  ctx.defineName("Years", y.absSpan(tl.years), t("yearsComment"));
  yearRow(ctx, tl.period, t("periodNumber"), "calc", FMT.int, (i) => i + 1);
  yearRow(ctx, tl.time, t("timeInDiscounting"), "calc", FMT.years, (_, c) => `=${c}${tl.period + 1}-${nm("Timing")}`);
  if (tl.age !== null) yearRow(ctx, tl.age, t("age"), "calc", FMT.int, (i) => m.inputs.individual.startAge + i);
  yearRow(ctx, tl.effectYear, t("effectYear"), "calc", FMT.int, (i) => Math.max(0, m.effectYears[i]));
  const effectYear = (c: string) => `${c}${tl.effectYear + 1}`;
  yearRow(ctx, tl.effect, t("effectFactor"), "calc", FMT.factor, (_, c) => `=IF(${effectYear(c)}<1,0,(1-${nm("DropOff")})^(${effectYear(c)}-1))`);

  if (d.kind === "constant") {
    yearRow(ctx, tl.rate, t("rateRow"), "calc", FMT.pct, () => `=${nm("Rate")}`);
  } else {
    // Rates per year are inputs; a declining schedule is the add-in's formula or the schedule's numbers.
    const cells = d.kind === "schedule" ? dialect.scheduleRates(m.horizon, d.schedule, m.rates) : m.rates;
    yearRow(ctx, tl.rate, t("rateRow"), d.kind === "perPeriod" ? "input" : "calc", FMT.pct, (i) => cells[i]);
  }
  ctx.defineName("Rates", y.absSpan(tl.rate), t("rateRow"));

  const growth = tl.growth;
  if (growth !== null) {
    yearRow(ctx, growth, t("growth"), "calc", FMT.growth, (i, c) =>
      i === 0 ? `=1+${c}${tl.rate + 1}` : `=${y.letter(i - 1)}${growth + 1}*(1+${c}${tl.rate + 1})`,
    );
  }
  const factors = dialect.discountFactors(ctx.discount, { cols: y.letters, rateRow: tl.rate + 1, growthRow: (growth ?? -1) + 1 });
  yearRow(ctx, tl.df, t("discountFactor"), "calc", FMT.factor, (i) => factors[i]);
  ctx.defineName("DiscountFactors", y.absSpan(tl.df), t("discountFactorsComment"));
}
