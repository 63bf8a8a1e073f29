/**
 * The model's numbers computed directly with the calculation core, without a spreadsheet: what the model
 * sheet must show once its formulas are evaluated. The pane uses it for a preview before building; the
 * tests check the evaluated plan against it in both formula styles.
 */
import { breakEvenSuccesses } from "../core/breakeven";
import { discountFactors, presentValue, toPriceYear } from "../core/discounting";
import { SocinvError } from "../core/errors";
import { paybackAnalysis } from "../core/payback";
import type { BudgetBlock } from "./budget";
import type { ModelInputs } from "./inputs";
import { Result, attempt } from "./messages";
import { ResolvedLine, ResolvedModel, lineAmount, resolveModel } from "./resolve";

export interface ActorResult {
  id: string;
  label: string;
  costsGross: number[];
  costsNet: number[];
  gainsGross: number[];
  gainsNet: number[];
  net: number[];
  pvCosts: number;
  pvGains: number;
  pvNet: number;
  pvCostsGross: number;
  pvGainsGross: number;
  /** Share of all (net) gains in present value; 0 when there are none. */
  shareOfGains: number;
  /** PV gains ÷ PV own costs; null without own costs. */
  gainsPerOwnCost: number | null;
  /** Net PV of the first `mandateYears` years. */
  netWithinMandate: number;
}

export interface FundResult {
  payout: number[];
  frame: number[];
  savings: number[];
  repayment: number[];
  cumulativePayout: number[];
  cumulativeRepaid: number[];
  /** Repaid so far minus paid out so far (negative while money is outstanding). */
  balance: number[];
  /** Per committing actor: commitment amounts by year. */
  commitments: Array<{ actor: string; amounts: number[]; gap: number[] }>;
  totalPayout: number;
  totalRepaid: number;
  unpaid: number;
  totalFrame: number;
  /** PV of repayments minus payouts. */
  pvFundNet: number;
}

export interface ModelResult {
  years: number[];
  discountFactors: number[];
  effectFactors: number[];
  actors: ActorResult[];
  costs: number[];
  gains: number[];
  net: number[];
  costsGross: number[];
  gainsGross: number[];
  gainsPerSuccess: number[];
  expectedSuccesses: number;
  npv: number;
  npvGross: number;
  pvCosts: number;
  pvGains: number;
  pvCostsGross: number;
  pvGainsGross: number;
  benefitCostRatio: number | null;
  /** Simple and discounted payback in years (sustained, interpolated), null when never within the horizon. */
  payback: number | null;
  discountedPayback: number | null;
  /** null when it cannot be computed (the number of successes is so small that the amounts overflow). */
  pvGainsPerSuccess: number | null;
  /** Break-even successes, null when it cannot be computed (no successes, no gains). */
  breakEven: number | null;
  netWithinMandate: number;
  kommunNetWithinMandate: number;
  fund: FundResult | null;
}

function sumRows(rows: number[][], n: number): number[] {
  const out = new Array<number>(n).fill(0);
  for (const r of rows) for (let i = 0; i < n; i++) out[i] += r[i];
  return out;
}

function cumulative(xs: readonly number[]): number[] {
  let s = 0;
  return xs.map((x) => (s += x));
}

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

/** The model's numbers from a resolved model. */
export function computeResolved(m: ResolvedModel): ModelResult {
  const inp = m.inputs;
  const n = m.horizon;
  const a = inp.adjustments;
  const successes = inp.participants * inp.successProbability;
  const scale = inp.gainBasis === "perSuccess" ? successes : 1;
  const costFactor = 1 + a.optimismCosts;
  const gainFactor = (1 - a.deadweight) * (1 - a.attribution) * (1 - a.displacement) * (1 - a.optimismGains);
  const effect = m.effectYears.map((k) => (k < 1 ? 0 : Math.pow(1 - a.dropOff, k - 1)));
  const df = discountFactors(m.rate, n, m.timing);
  const pv = (xs: number[]) => presentValue(m.rate, xs, m.timing);
  const mandate = (xs: number[]) => {
    let s = 0;
    for (let i = 0; i < Math.min(inp.mandateYears, n); i++) s += xs[i] * df[i];
    return s;
  };

  const lineRows = (lines: typeof m.costLines, actorId: string) => lines.filter((l) => l.actor.id === actorId).map((l) => lineRow(m, l));

  const actors: ActorResult[] = m.actors.map((actor) => {
    const costsGross = sumRows(lineRows(m.costLines, actor.id), n);
    const gainsGross = sumRows(lineRows(m.gainLines, actor.id), n).map((x) => x * scale);
    const costsNet = costsGross.map((x) => x * costFactor);
    const gainsNet = gainsGross.map((x, i) => x * gainFactor * effect[i]);
    const net = gainsNet.map((g, i) => g - costsNet[i]);
    const pvCosts = pv(costsNet);
    const pvGains = pv(gainsNet);
    return {
      id: actor.id,
      label: m.labels.get(actor.id)!,
      costsGross,
      costsNet,
      gainsGross,
      gainsNet,
      net,
      pvCosts,
      pvGains,
      pvNet: pv(net),
      pvCostsGross: pv(costsGross),
      pvGainsGross: pv(gainsGross),
      shareOfGains: 0,
      gainsPerOwnCost: pvCosts > 0 ? pvGains / pvCosts : null,
      netWithinMandate: mandate(net),
    };
  });
  const costs = sumRows(actors.map((x) => x.costsNet), n);
  const gains = sumRows(actors.map((x) => x.gainsNet), n);
  const net = sumRows(actors.map((x) => x.net), n);
  const costsGross = sumRows(actors.map((x) => x.costsGross), n);
  const gainsGross = sumRows(actors.map((x) => x.gainsGross), n);
  const pvCosts = pv(costs);
  const pvGains = pv(gains);
  for (const x of actors) x.shareOfGains = pvGains !== 0 ? x.pvGains / pvGains : 0;
  const gainsPerSuccess = gains.map((g) => (successes > 0 ? g / successes : 0));
  // A vanishingly small number of successes overflows the per-success amounts; the sheet shows "—" then.
  const perSuccessFinite = gainsPerSuccess.every((x) => Number.isFinite(x));
  const pvGainsPerSuccess = perSuccessFinite ? pv(gainsPerSuccess) : null;
  let breakEven: number | null = null;
  if (successes > 0 && perSuccessFinite) {
    try {
      breakEven = breakEvenSuccesses(costs, gainsPerSuccess, m.rate, m.timing);
    } catch (e) {
      if (!(e instanceof SocinvError)) throw e;
    }
  }
  const kommunIds = new Set(m.actors.filter((x) => x.kind === "namnd").map((x) => x.id));

  return {
    years: m.years,
    discountFactors: df,
    effectFactors: effect,
    actors,
    costs,
    gains,
    net,
    costsGross,
    gainsGross,
    gainsPerSuccess,
    expectedSuccesses: successes,
    npv: pv(net),
    npvGross: pv(gainsGross.map((g, i) => g - costsGross[i])),
    pvCosts,
    pvGains,
    pvCostsGross: pv(costsGross),
    pvGainsGross: pv(gainsGross),
    benefitCostRatio: pvCosts > 0 ? pvGains / pvCosts : null,
    payback: paybackAnalysis(net, { rate: null, timing: m.timing }).time,
    discountedPayback: paybackAnalysis(net, { rate: m.rate, timing: m.timing }).time,
    pvGainsPerSuccess,
    breakEven,
    netWithinMandate: mandate(net),
    kommunNetWithinMandate: actors.filter((x) => kommunIds.has(x.id)).reduce((s, x) => s + x.netWithinMandate, 0),
    fund: computeFund(m, actors, costsGross, df),
  };
}

/**
 * Fund schedules. Payouts are the fund's share of the intervention's gross costs as they fall due.
 * Savings-based: from `repaymentDelay` years after a payout, the repaying actors pay back a share of
 * their realised (net) savings, capped per year, until what was paid out is repaid; commitments: the
 * promised shares of the total payout, whatever the savings.
 */
function computeFund(m: ResolvedModel, actors: ActorResult[], costsGross: number[], df: number[]): FundResult | null {
  const f = m.inputs.fund;
  if (f.rule === "none") return null;
  const n = m.horizon;
  const fundShare = f.rule === "dual" ? f.fundShare : f.fundShare;
  const payout = costsGross.map((c) => c * fundShare);
  const frame = costsGross.map((c) => c * (1 - fundShare));
  const cumPayout = cumulative(payout);
  const totalPayout = cumPayout[n - 1] ?? 0;
  const repaying = new Set(m.repayingActors.map((a) => a.id));
  const savings = sumRows(actors.filter((a) => repaying.has(a.id)).map((a) => a.gainsNet), n);
  const committed = f.rule === "committed" || (f.rule === "dual" && f.dualRepayment === "committed");
  const repayment = new Array<number>(n).fill(0);
  const commitments: FundResult["commitments"] = [];
  if (committed) {
    const ids = [...new Set(m.commitments.map((c) => c.actor))];
    for (const id of ids) {
      const amounts = m.years.map((y) => m.commitments.filter((c) => c.actor === id && c.year === y).reduce((s, c) => s + c.share, 0) * totalPayout);
      const own = actors.find((a) => a.id === id)?.gainsNet ?? new Array<number>(n).fill(0);
      commitments.push({ actor: id, amounts, gap: amounts.map((x, i) => x - own[i]) });
      for (let i = 0; i < n; i++) repayment[i] += amounts[i];
    }
  } else {
    let repaid = 0;
    for (let i = 0; i < n; i++) {
      const due = i - f.repaymentDelay >= 0 ? cumPayout[i - f.repaymentDelay] : 0;
      const repayable = Math.max(0, due - repaid);
      const allowed = f.lastYear === null || m.years[i] <= f.lastYear;
      const wish = f.repaymentShare * savings[i];
      const capped = f.capPerYear === null ? wish : Math.min(wish, f.capPerYear);
      repayment[i] = allowed ? Math.max(0, Math.min(capped, repayable)) : 0;
      repaid += repayment[i];
    }
  }
  const cumRepaid = cumulative(repayment);
  const totalRepaid = cumRepaid[n - 1] ?? 0;
  let pvFundNet = 0;
  for (let i = 0; i < n; i++) pvFundNet += (repayment[i] - payout[i]) * df[i];
  return {
    payout,
    frame,
    savings,
    repayment,
    cumulativePayout: cumPayout,
    cumulativeRepaid: cumRepaid,
    balance: cumRepaid.map((r, i) => r - cumPayout[i]),
    commitments,
    totalPayout,
    totalRepaid,
    unpaid: totalPayout - totalRepaid,
    totalFrame: frame.reduce((s, x) => s + x, 0),
    pvFundNet,
  };
}

/** The model's numbers for inputs and a budget block, or a refusal as a value. */
export function computeModel(inputs: ModelInputs, block: BudgetBlock | null): Result<{ result: ModelResult }> {
  return attempt(() => ({ result: computeResolved(resolveModel(inputs, block)) }));
}
