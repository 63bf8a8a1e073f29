/**
 * Writes the Results block (columns A–C under the assumptions): the input check (cells read that are not
 * numbers, and which), the net present value net and gross, the present values of costs and gains, the
 * benefit–cost ratio, payback (undiscounted and discounted), the PV of gains per success and break-even, the
 * net within the mandate period, and the fund's results. The formulas read the year area's total rows below.
 * Which rows exist is decided in layout.ts.
 *
 * An input's error reaches every result that depends on it: "—" and "Not within the horizon" are written
 * only where the quantity is undefined for numbers (no costs, no successes, a cumulative net still negative at
 * the horizon), tested after the inputs' errors are passed on (guards.ts). No IFERROR, but the one on the PV per
 * success, which catches only an overflow (see there).
 */
import { cellAddress } from "../a1";
import type { BlockStyle } from "../plan";
import { FMT } from "./formats";
import { errorsFirst } from "./guards";
import { inputCheckResult } from "./inputCheck";
import { ResultId, TOP, isCommitted, kommunActors } from "./layout";
import type { SheetContext } from "./sheet";

interface Result {
  label: string;
  formula: string;
  format: string;
  explanation: string;
  /** A formula that makes the explanation (the input check's message), instead of a fixed text. */
  explanationFormula?: string;
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
    // No number format: a formula in a cell formatted as text (@) would be kept as text by Excel.
    if (r.explanationFormula) ctx.put(row, TOP.explanation, "note", [[r.explanationFormula]]);
    else ctx.putText(row, TOP.explanation, "note", r.explanation);
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
  /**
   * The first year from which a flag row (stays ≥ 0 from here) is 1. The flags are 1 from some year to the
   * last or nowhere, so the last flag says whether there is such a year; an input's error reaches every flag.
   */
  const paidBackFrom = (flagRow: number) => {
    const flags = y.absSpan(flagRow);
    return `=IF(INDEX(${flags},1,${y.count})=1,INDEX(${y.absSpan(tl.years)},1,MATCH(1,${flags},0)),"${never}")`;
  };
  /** PV of a row over the mandate's years only. */
  const withinMandate = (row: string) => `SUMPRODUCT((${y.absSpan(tl.period)}<=${nm("Mandate")})*${row})`;
  const payback = (discounted: boolean) =>
    dialect.payback(discount, {
      discounted,
      net: y.absSpan(tot.net),
      cumulative: y.absSpan(discounted ? tot.cumDisc : tot.cum),
      paidBackFrom: ra(discounted ? "discPaybackYear" : "paybackYear"),
      firstYear: `$${y.letter(0)}$${tl.years + 1}`,
    });
  switch (id) {
    case "inputCheck": {
      const check = inputCheckResult(ctx);
      return {
        label: t("inputCheck"),
        formula: check.count,
        format: FMT.int,
        explanation: "",
        explanationFormula: check.message,
        name: "InputCheck",
        style: "output",
      };
    }
    case "npv":
      return { label: t("npv"), formula: `=${ctx.pv(tot.net)}`, format: FMT.kr, explanation: t("npvWhy"), name: "NPV" };
    case "pvCosts":
      return { label: t("pvCosts"), formula: `=${ctx.pv(tot.costsNet)}`, format: FMT.kr, explanation: t("pvCostsWhy"), name: "PVCosts" };
    case "pvGains":
      return { label: t("pvGains"), formula: `=${ctx.pv(tot.gainsNet)}`, format: FMT.kr, explanation: t("pvGainsWhy"), name: "PVGains" };
    case "bcr":
      return {
        label: t("bcr"),
        formula: `=${errorsFirst([ra("pvCosts"), ra("pvGains")], `IF(${ra("pvCosts")}>0,${ra("pvGains")}/${ra("pvCosts")},"—")`)}`,
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
    case "pvPerSuccess": {
      // The one IFERROR of the results: gains ÷ a vanishingly small number of successes overflow (#NUM!), and
      // the PV per success is then undefined ("—", as the core's null). It runs only after the errors of what
      // it reads (the net gains, the successes, the discount factors: rate and timing) are passed on, so it
      // catches nothing else.
      const inputs = [`SUM(${y.absSpan(tot.gainsNet)})`, nm("Successes"), `SUM(${y.absSpan(tl.df)})`];
      return {
        label: t("pvPerSuccess"),
        formula: `=${errorsFirst(inputs, `IFERROR(${ctx.pv(tot.perSuccess)},"—")`)}`,
        format: FMT.kr,
        explanation: t("pvPerSuccessWhy"),
        name: "PVPerSuccess",
      };
    }
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
      // Undefined without participants or without a break-even ("—" there); errors are passed on.
      const be = ra("breakEven");
      const n = nm("Participants");
      const formula = `=${errorsFirst([be, n], `IF(ISNUMBER(${be}),IF(${n}>0,${be}/${n},"—"),"—")`)}`;
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
