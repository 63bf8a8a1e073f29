/**
 * The model's numbers without a spreadsheet: the resolved inputs (resolveModel) mapped to the core's model spec
 * and evaluated by the core (core/model.ts evaluateModel), the one implementation of the model's rules. The pane
 * uses it for its preview; the tests check the evaluated model sheet against it in both formula styles. This
 * file holds no rule of the domain: only the mapping (and the price-year conversion of budget cells with the
 * core's toPriceYear).
 */
import { toPriceYear } from "../core/discounting";
import { ModelFund, ModelResult, ModelSpec, evaluateModel } from "../core/model";
import type { BudgetBlock } from "./budget";
import type { ModelInputs } from "./inputs";
import { Result, attempt } from "./messages";
import { ResolvedLine, ResolvedModel, lineAmount, resolveModel } from "./resolve";

export type { ActorResult, FundResult, ModelResult } from "../core/model";

/**
 * One line's amounts in kr, year by year, in the price year's prices: budget lines are converted with the
 * core's toPriceYear (amount × index(price year) ÷ index(the cell's own year)); typed lines are already in the
 * price year's prices.
 */
export function lineRow(m: ResolvedModel, line: ResolvedLine): number[] {
  const raw = m.years.map((_, i) => lineAmount(m, line, i));
  const pi = m.priceIndex;
  if (!pi || line.origin !== "budget") return raw;
  // Cells in the price year itself (and empty ones) are left as they are, as the formula does: (x × base) ÷ base
  // could differ from x in the last bit.
  const asIs = line.cells.map((c) => c.kind === "zero" || c.indexYear === undefined || c.indexYear === pi.priceYear);
  const index = line.cells.map((c, i) => (asIs[i] || c.kind === "zero" ? pi.base : pi.values.get(c.indexYear!)!));
  const converted = toPriceYear(raw, index, pi.base);
  return converted.map((x, i) => (asIs[i] ? raw[i] : x));
}

/** The core's model spec for a resolved model. */
export function modelSpec(m: ResolvedModel): ModelSpec {
  const inp = m.inputs;
  return {
    years: m.years,
    rate: m.rate,
    timing: m.timing,
    actors: m.actors.map((a) => ({ id: a.id, label: m.labels.get(a.id)!, kind: a.kind })),
    costs: m.costLines.map((l) => ({ actor: l.actor.id, amounts: lineRow(m, l) })),
    // Every gain the pane can describe today counts as cashable (the inputs have no such choice yet).
    gains: m.gainLines.map((l) => ({ actor: l.actor.id, amounts: lineRow(m, l), cashable: true })),
    participants: inp.participants,
    successProbability: inp.successProbability,
    gainBasis: inp.gainBasis,
    adjustments: inp.adjustments,
    effectStart: m.effectStart,
    mandateYears: inp.mandateYears,
    fund: fundSpec(m),
  };
}

/**
 * The fund rule as the spec takes it: the last repayment year as a period (years up to it count), the
 * commitments as shares per model year and committing actor, in the order the actors first appear.
 */
function fundSpec(m: ResolvedModel): ModelFund | null {
  const f = m.inputs.fund;
  if (f.rule === "none") return null;
  const committed = f.rule === "committed" || (f.rule === "dual" && f.dualRepayment === "committed");
  const savers = m.repayingActors.map((a) => a.id);
  if (committed) {
    const ids = [...new Set(m.commitments.map((c) => c.actor))];
    const commitments = ids.map((id) => ({
      actor: id,
      shares: m.years.map((y) => m.commitments.filter((c) => c.actor === id && c.year === y).reduce((s, c) => s + c.share, 0)),
    }));
    return { fundShare: f.fundShare, savers, repayment: { kind: "committed", commitments } };
  }
  const lastPeriod = f.lastYear === null ? null : f.lastYear - m.startYear + 1;
  return { fundShare: f.fundShare, savers, repayment: { kind: "savings", share: f.repaymentShare, delay: f.repaymentDelay, cap: f.capPerYear, lastPeriod } };
}

/** The model's numbers from a resolved model. */
export function computeResolved(m: ResolvedModel): ModelResult {
  return evaluateModel(modelSpec(m));
}

/** The model's numbers for inputs and a budget block, or a refusal as a value. */
export function computeModel(inputs: ModelInputs, block: BudgetBlock | null): Result<{ result: ModelResult }> {
  return attempt(() => ({ result: computeResolved(resolveModel(inputs, block)) }));
}
