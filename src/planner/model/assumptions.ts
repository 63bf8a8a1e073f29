/**
 * Writes the Assumptions block (columns A–C under the source line): one row per assumption with its label,
 * its value and an explanation. The numbers a reader may change in the sheet are named input cells
 * (SI1_Rate, SI1_Deadweight, …); what is structural (start year, horizon, effect lag, fund rule) is shown
 * as a note and changed by rebuilding. Which rows exist is decided in layout.ts.
 */
import { cellAddress, text } from "../a1";
import type { BlockStyle, PlannedCell } from "../plan";
import { FMT } from "./formats";
import { AssumptionId, TOP } from "./layout";
import type { SheetContext } from "./sheet";

interface Assumption {
  label: string;
  value: PlannedCell;
  style: BlockStyle;
  format: string;
  explanation: string;
  /** The workbook name's comment when it is not the label. */
  comment?: string;
}

/** Named cells have ids starting with a capital letter: the id is the name (SI1_<id>). */
function isNamed(id: AssumptionId): boolean {
  return /^[A-Z]/.test(id);
}

export function writeAssumptions(ctx: SheetContext): void {
  const { t, layout } = ctx;
  const header = layout.assumptions.header;
  ctx.put(header, 0, "header", [[t("assumptions"), t("value"), t("explanation")]]);
  for (const [id, row] of layout.assumptions.rows) {
    const a = assumption(ctx, id);
    if (isNamed(id)) ctx.defineName(id, cellAddress(row, TOP.value, true), a.comment ?? a.label);
    ctx.putText(row, TOP.label, "label", a.label);
    // Text values are escaped; formulas and numbers are written as they are.
    const value = typeof a.value === "string" && !a.value.startsWith("=") ? text(a.value) : a.value;
    ctx.put(row, TOP.value, a.style, [[value]], a.format);
    ctx.putText(row, TOP.explanation, "note", a.explanation);
  }
}

/** Label, value and explanation of one assumption row. */
function assumption(ctx: SheetContext, id: AssumptionId): Assumption {
  const { m, t } = ctx;
  const inp = m.inputs;
  const nm = ctx.name;
  const input = (label: string, value: PlannedCell, format: string, explanation: string): Assumption => ({ label, value, style: "input", format, explanation });
  const calc = (label: string, value: string, format: string, explanation: string): Assumption => ({ label, value, style: "calc", format, explanation });
  const shown = (label: string, value: PlannedCell, format: string, explanation: string): Assumption => ({ label, value, style: "note", format, explanation });
  const a = inp.adjustments;
  const f = inp.fund;
  const pix = m.priceIndex;
  switch (id) {
    case "UnitFactor":
      return input(t("unitFactor", { unit: m.unit }), m.unitFactor, FMT.kr, t("unitFactorWhy", { unit: m.unit, factor: m.unitFactor }));
    case "sign":
      return m.sign === -1 ? shown(t("sign"), t("costsNegative"), FMT.text, t("signFlipped")) : shown(t("sign"), t("costsPositive"), FMT.text, t("signAsIs"));
    case "Rate":
      return input(t("rateReal"), inp.discount.kind === "constant" ? inp.discount.rate : null, FMT.pct, t("rateRealWhy"));
    case "discount":
      if (inp.discount.kind === "perPeriod") return shown(t("rate"), t("ratePerYear"), FMT.text, t("ratePerYearWhy"));
      return shown(
        t("rate"),
        inp.discount.kind === "schedule" && inp.discount.schedule === "health" ? t("rateDecliningHealth") : t("rateDecliningStandard"),
        FMT.text,
        t("rateDecliningWhy"),
      );
    case "Timing":
      return input(t("timing"), inp.timing, FMT.years, t("timingWhy"));
    case "startYear":
      return shown(t("startYear"), m.startYear, FMT.year, t("changedByRebuildingModel"));
    case "horizon":
      return shown(t("horizon"), m.horizon, FMT.int, t("changedByRebuildingModel"));
    case "priceYear":
      return shown(t("priceYear"), m.priceYear, FMT.year, pix ? t("priceYearConvertedWhy", { year: m.priceYear, index: pix.name }) : t("priceYearWhy"));
    case "Participants":
      return input(t("participants"), inp.participants, FMT.count, t("participantsWhy"));
    case "SuccessProb":
      return input(t("successProb"), inp.successProbability, FMT.pct, t("successProbWhy"));
    case "Successes":
      return calc(t("successes"), `=${nm("Participants")}*${nm("SuccessProb")}`, FMT.count, t("successesWhy"));
    case "gainBasis":
      return inp.gainBasis === "perSuccess"
        ? shown(t("gainBasis"), t("gainBasisPerSuccess"), FMT.text, t("gainBasisPerSuccessWhy"))
        : shown(t("gainBasis"), t("gainBasisTotal"), FMT.text, t("gainBasisTotalWhy"));
    case "effectLag":
      return shown(t("effectLag"), inp.effectLag, FMT.int, t("effectLagWhy"));
    case "Deadweight":
      return input(t("deadweight"), a.deadweight, FMT.pct, t("deadweightWhy"));
    case "Attribution":
      return input(t("attribution"), a.attribution, FMT.pct, t("attributionWhy"));
    case "Displacement":
      return input(t("displacement"), a.displacement, FMT.pct, t("displacementWhy"));
    case "DropOff":
      return input(t("dropOff"), a.dropOff, FMT.pct, t("dropOffWhy"));
    case "OptimismCosts":
      return input(t("optimismCosts"), a.optimismCosts, FMT.pct, t("optimismCostsWhy"));
    case "OptimismGains":
      return input(t("optimismGains"), a.optimismGains, FMT.pct, t("optimismGainsWhy"));
    case "GainFactor":
      return calc(
        t("gainFactor"),
        `=(1-${nm("Deadweight")})*(1-${nm("Attribution")})*(1-${nm("Displacement")})*(1-${nm("OptimismGains")})`,
        FMT.factor,
        t("gainFactorWhy"),
      );
    case "CostFactor":
      return calc(t("costFactor"), `=1+${nm("OptimismCosts")}`, FMT.factor, t("costFactorWhy"));
    case "Mandate":
      return input(t("mandate"), inp.mandateYears, FMT.int, t("mandateWhy"));
    case "fundModel": {
      const rule = f.rule === "savings" ? t("fundRuleSavings") : f.rule === "committed" ? t("fundRuleCommitted") : t("fundRuleDual");
      return shown(t("fundModel"), rule, FMT.text, t("changedByRebuilding"));
    }
    case "FundShare":
      return input(t("fundShare"), f.fundShare, FMT.pct, f.rule === "dual" ? t("fundShareDualWhy") : t("fundShareWhy"));
    case "RepayShare":
      return input(t("repayShare"), f.repaymentShare, FMT.pct, t("repayShareWhy"));
    case "Cap":
      return input(t("cap"), f.capPerYear, FMT.kr, t("capWhy"));
    case "LastYear":
      return input(t("lastYear"), f.lastYear, FMT.year, t("lastYearWhy"));
    case "repayingActors": {
      const who = m.repayingActors.map((x) => m.labels.get(x.id)).join(", ");
      return shown(t("repayingActors"), who || "—", FMT.text, t("repayingActorsWhy"));
    }
    case "delay":
      return shown(t("delay"), f.repaymentDelay, FMT.int, t("delayWhy"));
    default:
      return indexAssumption(ctx, Number(id.slice("Index".length)));
  }
}

/** One price-index year: a named input cell, so that changing it in the sheet reprices the model. */
function indexAssumption(ctx: SheetContext, year: number): Assumption {
  const { m, t } = ctx;
  const pix = m.priceIndex!;
  const why = year === m.priceYear ? t("indexBaseWhy") : t("indexYearWhy", { year, priceYear: m.priceYear });
  // The index's last year also converts the budget years after it.
  const after = pix.extended.filter((x) => x > year && year === pix.last);
  const also = after.length ? t("indexAlsoFor", { years: after.join(", ") }) : "";
  return {
    label: `${pix.name} ${year}`,
    value: pix.values.get(year)!,
    style: "input",
    format: FMT.index,
    explanation: why + also,
    comment: t("indexComment", { index: pix.name, year }),
  };
}
