/**
 * Writes the Results block (columns A–C under the assumptions): the net present value net and gross, the
 * present values of costs and gains, the benefit–cost ratio, payback (undiscounted and discounted), the
 * PV of gains per success and break-even, the net within the mandate period, and the fund's results.
 * The formulas read the year area's total rows below. Which rows exist is decided in layout.ts.
 */
import { cellAddress } from "../a1";
import type { BlockStyle } from "../plan";
import { FMT } from "./formats";
import { ResultId, TOP, isCommitted, kommunActors } from "./layout";
import type { SheetContext } from "./sheet";

interface Result {
  label: string;
  formula: string;
  format: string;
  explanation: string;
  /** Workbook name of the value cell (SI1_<name>), if any. */
  name?: string;
  style?: BlockStyle;
}

export function writeResults(ctx: SheetContext): void {
  const { t, layout } = ctx;
  ctx.put(layout.results.header, 0, "header", [[t("results"), t("value"), t("explanation")]]);
  for (const [id, row] of layout.results.rows) {
    const r = result(ctx, id);
    if (r.name) ctx.defineName(r.name, cellAddress(row, TOP.value, true), r.label);
    ctx.putText(row, TOP.label, "label", r.label);
    ctx.put(row, TOP.value, r.style ?? "output", [[r.formula]], r.format);
    ctx.putText(row, TOP.explanation, "note", r.explanation);
  }
}

/** Label, formula and explanation of one result row. */
function result(ctx: SheetContext, id: ResultId): Result {
  const { m, t, layout, dialect, discount } = ctx;
  const nm = ctx.name;
  const ra = ctx.result;
  const y = layout.years;
  const tl = layout.timeline;
  const tot = layout.totals;
  const fund = layout.fund;
  const never = t("notWithinHorizon");
  /** The first year from which a flag row (stays ≥ 0 from here) is 1. */
  const paidBackFrom = (flagRow: number) => `=IFERROR(INDEX(${y.absSpan(tl.years)},1,MATCH(1,${y.absSpan(flagRow)},0)),"${never}")`;
  /** PV of a row over the mandate's years only. */
  const withinMandate = (row: string) => `SUMPRODUCT((${y.absSpan(tl.period)}<=${nm("Mandate")})*${row})`;
  const payback = (discounted: boolean) =>
    dialect.payback(discount, {
      discounted,
      net: y.absSpan(tot.net),
      cumulative: y.absSpan(discounted ? tot.cumDisc : tot.cum),
      paidBackFrom: ra(discounted ? "discPaybackYear" : "paybackYear"),
      firstYear: `$${y.letter(0)}$${tl.years + 1}`,
      never,
    });
  switch (id) {
    case "npv":
      return { label: t("npv"), formula: `=${ctx.pv(tot.net)}`, format: FMT.kr, explanation: t("npvWhy"), name: "NPV" };
    case "pvCosts":
      return { label: t("pvCosts"), formula: `=${ctx.pv(tot.costsNet)}`, format: FMT.kr, explanation: t("pvCostsWhy"), name: "PVCosts" };
    case "pvGains":
      return { label: t("pvGains"), formula: `=${ctx.pv(tot.gainsNet)}`, format: FMT.kr, explanation: t("pvGainsWhy"), name: "PVGains" };
    case "bcr":
      return {
        label: t("bcr"),
        formula: `=IF(${ra("pvCosts")}>0,${ra("pvGains")}/${ra("pvCosts")},"—")`,
        format: FMT.ratio,
        explanation: t("bcrWhy"),
        name: "BCR",
      };
    case "paybackYear":
      return { label: t("paybackYear"), formula: paidBackFrom(tot.flag), format: FMT.year, explanation: t("paybackYearWhy"), style: "calc" };
    case "discPaybackYear":
      return { label: t("discPaybackYear"), formula: paidBackFrom(tot.flagDisc), format: FMT.year, explanation: t("asAboveDiscounted"), style: "calc" };
    case "payback":
      return { label: t("payback"), formula: payback(false), format: FMT.years, explanation: t("paybackWhy"), name: "PaybackSimple" };
    case "discPayback":
      return { label: t("discPayback"), formula: payback(true), format: FMT.years, explanation: t("asAboveDiscounted"), name: "Payback" };
    case "pvPerSuccess":
      return {
        label: t("pvPerSuccess"),
        formula: `=IFERROR(${ctx.pv(tot.perSuccess)},"—")`,
        format: FMT.kr,
        explanation: t("pvPerSuccessWhy"),
        name: "PVPerSuccess",
      };
    case "breakEven": {
      const formula = dialect.breakEven(discount, {
        costs: y.absSpan(tot.costsNet),
        perSuccess: y.absSpan(tot.perSuccess),
        pvCosts: ra("pvCosts"),
        pvPerSuccess: ra("pvPerSuccess"),
      });
      return { label: t("breakEven"), formula, format: FMT.count, explanation: t("breakEvenWhy"), name: "BreakEven" };
    }
    case "breakEvenShare": {
      const formula = `=IFERROR(IF(${nm("Participants")}>0,${ra("breakEven")}/${nm("Participants")},"—"),"—")`;
      return { label: t("breakEvenShare"), formula, format: FMT.pct, explanation: t("breakEvenShareWhy"), style: "calc" };
    }
    case "mandate":
      return {
        label: t("withinMandate"),
        formula: `=${withinMandate(y.absSpan(tot.disc))}`,
        format: FMT.kr,
        explanation: t("withinMandateWhy"),
        name: "WithinMandate",
      };
    case "kommunMandate": {
      const disc = layout.byActor.disc.rows;
      const formula = `=${kommunActors(m)
        .map((x) => withinMandate(y.absSpan(disc.get(x.id)!)))
        .join("+")}`;
      return { label: t("kommunWithinMandate"), formula, format: FMT.kr, explanation: t("kommunWithinMandateWhy") };
    }
    case "npvGross":
      return {
        label: t("npvGross"),
        formula: `=${ctx.pv(tot.gainsGross)}-${ctx.pv(tot.costsGross)}`,
        format: FMT.kr,
        explanation: t("npvGrossWhy"),
        name: "NPVGross",
        style: "calc",
      };
    case "fundPayout":
      return {
        label: t("fundPayout"),
        formula: `=SUM(${y.span(fund!.payout)})`,
        format: FMT.kr,
        explanation: t("fundPayoutWhy"),
        name: "FundPayout",
        style: "calc",
      };
    case "fundRepaid": {
      const explanation = isCommitted(m) ? t("fundRepaidCommittedWhy") : t("fundRepaidWhy");
      return { label: t("fundRepaid"), formula: `=SUM(${y.span(fund!.repayment)})`, format: FMT.kr, explanation, name: "FundRepaid", style: "calc" };
    }
    case "fundUnpaid":
      return {
        label: t("fundUnpaid"),
        formula: `=${ra("fundPayout")}-${ra("fundRepaid")}`,
        format: FMT.kr,
        explanation: t("fundUnpaidWhy"),
        name: "FundUnpaid",
      };
    case "fundFrame":
      return { label: t("frame"), formula: `=SUM(${y.span(fund!.frame!)})`, format: FMT.kr, explanation: t("frameWhy"), name: "FrameTotal", style: "calc" };
    case "fundPv":
      return { label: t("fundPv"), formula: `=SUM(${y.span(fund!.disc)})`, format: FMT.kr, explanation: t("fundPvWhy"), name: "FundNetPV" };
  }
}
