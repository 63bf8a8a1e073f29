/**
 * Issue 9: the investment model (core/model.ts evaluateModel) on a 12-actor × 50-year model with adjustments,
 * drop-off from an effect start and a savings-based fund, 10,000 times (a sensitivity or Monte Carlo loop),
 * next to a plain float loop written out by hand doing the same arithmetic into preallocated arrays (the cost
 * floor: no checks, no result objects). The two are checked to give the same NPV and repayments first.
 */
import { ModelSpec, evaluateModel } from "../src/core/model";
import type { BenchCase } from "./harness";

const ACTORS = 12;
const YEARS = 50;
const RUNS = 10000;
const RATE = 0.035;
const TIMING = 0.5;
const EFFECT_START = 3;
const ADJ = { deadweight: 0.1, attribution: 0.05, displacement: 0.02, dropOff: 0.03, optimismCosts: 0.1, optimismGains: 0.05 };
const KOMMUN = 5; // the first five actors are nämnder; they repay the fund

const costRows = Array.from({ length: ACTORS }, (_, i) => Array.from({ length: YEARS }, (_, t) => (i < 3 && t < 4 ? 2e6 + 1000 * i : 0)));
const gainRows = Array.from({ length: ACTORS }, (_, i) => Array.from({ length: YEARS }, (_, t) => Math.round(90000 * (1 + Math.sin(i + t)))));

const spec: ModelSpec = {
  years: Array.from({ length: YEARS }, (_, t) => 2025 + t),
  rate: RATE,
  timing: TIMING,
  actors: Array.from({ length: ACTORS }, (_, i) => ({ id: `a${i}`, label: `Aktör ${i + 1}`, kind: i < KOMMUN ? "namnd" : "state" })),
  costs: costRows.map((amounts, i) => ({ actor: `a${i}`, amounts })),
  gains: gainRows.map((amounts, i) => ({ actor: `a${i}`, amounts })),
  participants: 60,
  successProbability: 0.4,
  gainBasis: "total",
  adjustments: ADJ,
  effectStart: EFFECT_START,
  mandateYears: 4,
  fund: {
    fundShare: 1,
    savers: Array.from({ length: KOMMUN }, (_, i) => `a${i}`),
    repayment: { kind: "savings", share: 0.5, delay: 1, cap: 3e6, lastPeriod: null },
  },
};

// ---- The plain float loop ----

const n = YEARS;
const g = new Float64Array(n);
const eff = new Float64Array(n);
const cNet = new Float64Array(n);
const gNet = new Float64Array(n);
const net = new Float64Array(n);
const totCosts = new Float64Array(n);
const totGains = new Float64Array(n);
const totCostsGross = new Float64Array(n);
const totGainsGross = new Float64Array(n);
const savings = new Float64Array(n);
const repay = new Float64Array(n);
const out = { npv: 0, repaid: 0, payback: 0, discountedPayback: 0, breakEven: 0 };

function payback(values: Float64Array, discounted: boolean): number {
  let cum = 0;
  let last = -1; // the last index with a negative cumulative
  let prev = 0;
  let before = 0;
  let after = 0;
  for (let i = 0; i < n; i++) {
    const v = discounted ? values[i] / g[i] : values[i];
    prev = cum;
    cum += v;
    if (cum < 0) {
      last = i;
      before = cum;
    } else if (last === i - 1) {
      after = cum;
      before = prev;
    }
  }
  if (cum < 0) return NaN;
  if (last < 0) return 1 - TIMING;
  return last + 1 - TIMING + -before / (after - before);
}

function plainModel(): void {
  for (let i = 0; i < n; i++) {
    g[i] = Math.pow(1 + RATE, i + 1 - TIMING);
    eff[i] = i + 1 < EFFECT_START ? 0 : Math.pow(1 - ADJ.dropOff, i + 1 - EFFECT_START);
    totCosts[i] = totGains[i] = totCostsGross[i] = totGainsGross[i] = savings[i] = 0;
  }
  const cf = 1 + ADJ.optimismCosts;
  const gf = (1 - ADJ.deadweight) * (1 - ADJ.attribution) * (1 - ADJ.displacement) * (1 - ADJ.optimismGains);
  let pvCostsAll = 0;
  let pvGainsAll = 0;
  let mandateKommun = 0;
  for (let a = 0; a < ACTORS; a++) {
    const c = costRows[a];
    const gr = gainRows[a];
    let pvC = 0;
    let pvG = 0;
    let pvN = 0;
    let pvCG = 0;
    let pvGG = 0;
    let mandate = 0;
    for (let i = 0; i < n; i++) {
      cNet[i] = c[i] * cf;
      gNet[i] = gr[i] * gf * eff[i];
      net[i] = gNet[i] - cNet[i];
      pvC += cNet[i] / g[i];
      pvG += gNet[i] / g[i];
      pvN += net[i] / g[i];
      pvCG += c[i] / g[i];
      pvGG += gr[i] / g[i];
      if (i < 4) mandate += net[i] / g[i];
      totCosts[i] += cNet[i];
      totGains[i] += gNet[i];
      totCostsGross[i] += c[i];
      totGainsGross[i] += gr[i];
      if (a < KOMMUN) savings[i] += gNet[i];
    }
    pvCostsAll += pvC;
    pvGainsAll += pvG;
    if (a < KOMMUN) mandateKommun += mandate;
    if (!Number.isFinite(pvN + pvCG + pvGG + mandateKommun)) throw new Error("bad");
  }
  let npv = 0;
  let pvPerSuccess = 0;
  const successes = 60 * 0.4;
  for (let i = 0; i < n; i++) {
    net[i] = totGains[i] - totCosts[i];
    npv += net[i] / g[i];
    pvPerSuccess += totGains[i] / successes / g[i];
  }
  let paidOut = 0;
  let repaid = 0;
  for (let t = 0; t < n; t++) {
    if (t - 1 >= 0) paidOut += totCostsGross[t - 1];
    const r = Math.max(0, Math.min(0.5 * savings[t], 3e6, Math.max(0, paidOut - repaid)));
    repay[t] = r;
    repaid += r;
  }
  out.npv = npv;
  out.repaid = repaid;
  out.payback = payback(net, false);
  out.discountedPayback = payback(net, true);
  out.breakEven = pvCostsAll / pvPerSuccess + 0 * pvGainsAll;
}

// Both do the same arithmetic: check once.
const once = evaluateModel(spec);
plainModel();
const same = (a: number, b: number) => (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
if (
  !same(once.npv, out.npv) ||
  !same(once.fund!.totalRepaid, out.repaid) ||
  !same(once.payback ?? NaN, out.payback) ||
  !same(once.discountedPayback ?? NaN, out.discountedPayback) ||
  !same(once.breakEven ?? NaN, out.breakEven)
) {
  throw new Error(
    `model.bench: the baseline does not compute the model (${JSON.stringify({ npv: [once.npv, out.npv], repaid: [once.fund!.totalRepaid, out.repaid], payback: [once.payback, out.payback] })})`,
  );
}

export const benchmarks: BenchCase[] = [
  {
    name: `evaluateModel ${ACTORS} actors × ${YEARS} years × ${RUNS.toLocaleString("en")}`,
    detail: `${RUNS} evaluations of a checked spec (12 cost and 12 gain lines, adjustments, drop-off from period ${EFFECT_START}, savings fund with cap, every result row and PV); baseline: the same arithmetic in a hand-written float loop into preallocated arrays`,
    targetMs: 1000,
    run: () => {
      let s = 0;
      for (let k = 0; k < RUNS; k++) s += evaluateModel(spec).npv;
      if (!Number.isFinite(s)) throw new Error("bad");
    },
    baseline: () => {
      let s = 0;
      for (let k = 0; k < RUNS; k++) {
        plainModel();
        s += out.npv;
      }
      if (!Number.isFinite(s)) throw new Error("bad");
    },
  },
];
