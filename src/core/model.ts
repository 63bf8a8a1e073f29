/**
 * The investment model in one pure function: evaluateModel(spec) → ModelResult.
 *
 * The spec is plain data: the years, the timing and the rate (one rate or one per period), cost and gain lines
 * (an actor and an amount per year, in kronor of the price year; gains cashable or not), participants and the
 * probability of success, how gain amounts are meant (for the group or per success), the adjustments with an
 * explicit first period of effect, the mandate window and the fund rule. The result is every number the model
 * sheet and the pane show: per-actor rows and present values gross and net, shares of the gains, gains per own
 * krona, nets within the mandate, NPV, benefit–cost ratio, both paybacks, break-even count and share, and the
 * fund's schedule.
 *
 * Every rule is the core's: discounting (discounting.ts, through actors.ts presentValueWith), the adjustments
 * (adjustments.ts gainFactor, costFactor, effectFactors), who counts as the kommun (actors.ts isKommun), payback
 * (payback.ts paybackAnalysis), break-even (breakeven.ts), the repayment rules (repayment.ts, in doubles). The
 * planner maps the user's inputs to a spec (planner/compute.ts) and its model sheet's formulas compute the same
 * numbers (test/planner/model-consistency.test.ts).
 *
 * Built for loops (sensitivity, Monte Carlo): the spec is checked once up front (a SocinvError with a bilingual
 * message when it is not a model), then the numbers are computed in one pass per row with no strings built and
 * the discount factors computed once.
 */
import { MAX_CELLS, gainsPerCost, isKommun, presentValueWith } from "./actors";
import { ADJUSTMENT_MAX, AdjustmentName, checkAdjustment, costFactor, effectFactors, gainFactor } from "./adjustments";
import { breakEvenOfPresentValues } from "./breakeven";
import { MAX_PERIODS, RateSpec, Timing, accumulationFactors, asTiming, discountFactors, normalFactor, normaliseRate } from "./discounting";
import { catalogue, show } from "./errors";
import { outOfRange } from "./invariant";
import { paybackAnalysis } from "./payback";
import { committedRepaymentRow, ledgerBalanceRows, savingsRepaymentRow } from "./repayment";

// ---- The spec ----

export interface ModelActor {
  id: string;
  /** As shown in the result. */
  label: string;
  /** "namnd" for the kommun's nämnder (isKommun); region, state, individual, society, other. */
  kind: string;
}

export interface ModelLine {
  /** ModelActor.id */
  actor: string;
  /** Kronor per year in the price year's prices, from the first model year; missing years are 0. */
  amounts: readonly number[];
  /** Gains only: a saving that really shrinks a budget line (default true). Only cashable gains repay a fund. */
  cashable?: boolean;
}

/** Shares 0…1 (optimism on costs 0…10, see ADJUSTMENT_MAX). */
export interface ModelAdjustments {
  deadweight: number;
  attribution: number;
  displacement: number;
  dropOff: number;
  optimismCosts: number;
  optimismGains: number;
}

/** Savings-based repayment (Norrköping): savingsRepaymentRow on the repaying actors' cashable net gains. */
export interface SavingsRepayment {
  kind: "savings";
  /** Share of the savings paid back each year. */
  share: number;
  /** Years after a payout before it can be repaid. */
  delay: number;
  /** Most repaid in one year (kr); null = no cap. */
  cap: number | null;
  /** Last period (1-based) with a repayment; null = the last year; 0 or less = none. */
  lastPeriod: number | null;
}

/** Committed repayment (Malmö): each actor repays shares of the total payout by year, whatever it saves. */
export interface CommittedRepayment {
  kind: "committed";
  /** Per committing actor (any id; one that is not a model actor saves nothing), shares per period. */
  commitments: ReadonlyArray<{ actor: string; shares: readonly number[] }>;
}

export interface ModelFund {
  /** The fund pays this share of the gross costs as they fall due; the rest is a frame appropriation (Ale). */
  fundShare: number;
  /** The repaying actors: their cashable net gains are the fund's realised savings (ModelActor ids). */
  savers: readonly string[];
  repayment: SavingsRepayment | CommittedRepayment;
}

export interface ModelSpec {
  /** Calendar years, one per period. */
  years: readonly number[];
  /** One rate, or one per period (a declining schedule). */
  rate: RateSpec;
  timing: Timing;
  actors: readonly ModelActor[];
  costs: readonly ModelLine[];
  gains: readonly ModelLine[];
  participants: number;
  successProbability: number;
  /** "perSuccess": gain amounts are one success's, multiplied by participants × success probability. */
  gainBasis: "total" | "perSuccess";
  adjustments: ModelAdjustments;
  /** The first period of effect (1-based): gains before it count 0, drop-off counts from it. */
  effectStart: number;
  /** Years from the start that count as "within the mandate". */
  mandateYears: number;
  fund: ModelFund | null;
}

// ---- The result ----

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
  /** Share of all (net) gains in present value; 0 when they sum to 0. */
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
  /** Per committing actor: commitment amounts by year and the gap to its realised savings. */
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
  /** Net gains per expected success, by year; null when there are so few successes that they overflow. */
  gainsPerSuccess: number[] | null;
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
  /** Break-even successes ÷ participants; null without participants or break-even. */
  breakEvenShare: number | null;
  netWithinMandate: number;
  kommunNetWithinMandate: number;
  fund: FundResult | null;
}

// ---- Checking the spec (once, up front) ----

const raise = catalogue({
  modelSpec: {
    kind: "invalidValue",
    sv: (p) => `Modellen: ${p.sv} måste vara ${p.ruleSv} (fick ${p.got}).`,
    en: (p) => `The model: ${p.en} must be ${p.ruleEn} (got ${p.got}).`,
  },
  modelNotFinite: {
    kind: "invalidValue",
    sv: () => `Modellens belopp är för stora för att räknas: ett resultat blir oändligt. Kontrollera enheten (kr, tkr, mnkr) och beloppen.`,
    en: () => `The model's amounts are too large to compute: a result is infinite. Check the unit (kr, tkr, mnkr) and the amounts.`,
  },
});

function bad(sv: string, en: string, ruleSv: string, ruleEn: string, got: unknown): never {
  const shown = got !== null && typeof got === "object" ? (Array.isArray(got) ? `[${got.length}]` : "{…}") : show(got);
  return raise("modelSpec", { sv, en, ruleSv, ruleEn, got: shown });
}

const isWhole = (x: unknown): x is number => typeof x === "number" && Number.isInteger(x);
const isShare = (x: unknown): boolean => typeof x === "number" && x >= 0 && x <= 1;

/** The spec's adjustments, the core's names for them, and what a message calls them. */
const ADJUSTMENT_OF: ReadonlyArray<[keyof ModelAdjustments, AdjustmentName, string, string]> = [
  ["deadweight", "deadweight", "dödvikten", "the deadweight"],
  ["attribution", "attribution", "attributionen", "the attribution"],
  ["displacement", "displacement", "undanträngningen", "the displacement"],
  ["dropOff", "dropoff", "avtagandet", "the drop-off"],
  ["optimismCosts", "optimism_costs", "optimismjusteringen av kostnader", "the optimism bias on costs"],
  ["optimismGains", "optimism_gains", "optimismjusteringen av nyttor", "the optimism bias on gains"],
];

/** A line and the index of its actor, found while checking. */
interface PlacedLine {
  line: ModelLine;
  actor: number;
}

/** Actor indices the evaluation needs, found while checking. */
interface Checked {
  costs: PlacedLine[];
  gains: PlacedLine[];
  /** Some gain line is not cashable: the fund's savings need their own rows. */
  someNotCashable: boolean;
  savers: number[];
  /** Each commitment and its actor's index, or −1 when it is not a model actor (it saves nothing). */
  commitments: Array<{ commitment: CommittedRepayment["commitments"][number]; actor: number }>;
}

function checkLines(lines: readonly ModelLine[], n: number, index: Map<string, number>, sv: string, en: string): PlacedLine[] {
  if (!Array.isArray(lines)) bad(sv, en, "en lista", "a list", lines);
  const out: PlacedLine[] = [];
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k];
    const a = index.get(l?.actor);
    if (a === undefined)
      bad(`aktören på ${sv} nr ${k + 1}`, `the actor of ${en} no. ${k + 1}`, "en av modellens aktörer", "one of the model's actors", l?.actor);
    out.push({ line: l, actor: a });
    const xs = l.amounts;
    if (!Array.isArray(xs) || xs.length > n)
      bad(
        `beloppen på ${sv} nr ${k + 1}`,
        `the amounts of ${en} no. ${k + 1}`,
        `högst ${n} tal, ett per år`,
        `at most ${n} numbers, one per year`,
        Array.isArray(xs) ? xs.length : xs,
      );
    for (let i = 0; i < xs.length; i++) {
      if (!Number.isFinite(xs[i]))
        bad(`belopp ${i + 1} på ${sv} nr ${k + 1}`, `amount ${i + 1} of ${en} no. ${k + 1}`, "ett ändligt tal", "a finite number", xs[i]);
    }
  }
  return out;
}

/** Checks a spec; refuses with a bilingual message naming the part that is not a model. */
export function checkModelSpec(spec: ModelSpec): void {
  check(spec);
}

function check(spec: ModelSpec): Checked {
  const years = spec.years;
  if (!Array.isArray(years) || years.length < 1 || years.length > MAX_PERIODS)
    bad("åren", "the years", `1–${MAX_PERIODS} år`, `1–${MAX_PERIODS} years`, Array.isArray(years) ? years.length : years);
  const n = years.length;
  for (const y of years) if (!Number.isFinite(y)) bad("åren", "the years", "tal", "numbers", y);
  if (typeof spec.timing !== "number") bad("tidpunkten", "the timing", "0, 0,5 eller 1", "0, 0.5 or 1", spec.timing);
  asTiming(spec.timing);
  const rate = spec.rate;
  if (typeof rate !== "number" && !(Array.isArray(rate) && rate.every((r) => typeof r === "number")))
    bad("räntan", "the rate", "ett tal eller ett tal per period", "a number or one number per period", rate);
  normaliseRate(rate, n, spec.timing);
  const actors = spec.actors;
  if (!Array.isArray(actors) || actors.length * n > MAX_CELLS)
    bad(
      "aktörerna",
      "the actors",
      `en lista med högst ${MAX_CELLS} aktörer × år`,
      `a list of at most ${MAX_CELLS} actors × years`,
      Array.isArray(actors) ? actors.length : actors,
    );
  const index = new Map<string, number>();
  actors.forEach((a, i) => {
    if (typeof a?.id !== "string" || index.has(a.id)) bad(`aktör nr ${i + 1}`, `actor no. ${i + 1}`, "ett eget id", "an id of its own", a?.id);
    if (typeof a.label !== "string" || typeof a.kind !== "string")
      bad(`aktör nr ${i + 1}`, `actor no. ${i + 1}`, "ett namn och ett slag", "a label and a kind", a.label);
    index.set(a.id, i);
  });
  const costs = checkLines(spec.costs, n, index, "kostnadsrad", "cost line");
  const gains = checkLines(spec.gains, n, index, "nyttorad", "gain line");
  if (!(Number.isFinite(spec.participants) && spec.participants >= 0))
    bad("antalet deltagare", "the number of participants", "ett tal ≥ 0", "a number ≥ 0", spec.participants);
  if (!isShare(spec.successProbability))
    bad("sannolikheten att lyckas", "the success probability", "mellan 0 och 1", "between 0 and 1", spec.successProbability);
  if (spec.gainBasis !== "total" && spec.gainBasis !== "perSuccess")
    bad("nyttornas grund", "the gain basis", '"total" eller "perSuccess"', '"total" or "perSuccess"', spec.gainBasis);
  const adj = spec.adjustments;
  for (const [key, name, sv, en] of ADJUSTMENT_OF) {
    const x = adj?.[key];
    if (typeof x !== "number") bad(sv, en, `ett tal 0–${ADJUSTMENT_MAX[name]}`, `a number 0–${ADJUSTMENT_MAX[name]}`, x);
    checkAdjustment(name, x);
  }
  if (!(isWhole(spec.effectStart) && spec.effectStart >= 1 && spec.effectStart <= n))
    bad("första effektåret", "the first year of effect", `ett periodnummer 1–${n}`, `a period number 1–${n}`, spec.effectStart);
  if (!(isWhole(spec.mandateYears) && spec.mandateYears >= 1))
    bad("mandatperioden", "the mandate period", "ett heltal ≥ 1 år", "a whole number of years ≥ 1", spec.mandateYears);
  let someNotCashable = false;
  for (const l of spec.gains) if (l.cashable === false) someNotCashable = true;
  const savers: number[] = [];
  const commitments: Checked["commitments"] = [];
  const f = spec.fund;
  if (f !== null) {
    if (!(isShare(f?.fundShare) && f.fundShare > 0)) bad("fondens andel", "the fund's share", "över 0 och högst 1", "above 0 and at most 1", f?.fundShare);
    if (!Array.isArray(f.savers)) bad("de återbetalande aktörerna", "the repaying actors", "en lista", "a list", f.savers);
    for (const id of f.savers) {
      const a = index.get(id);
      if (a === undefined) bad("en återbetalande aktör", "a repaying actor", "en av modellens aktörer", "one of the model's actors", id);
      savers.push(a);
    }
    const r = f.repayment;
    if (r?.kind === "savings") {
      if (!isShare(r.share)) bad("återföringsandelen", "the repayment share", "mellan 0 och 1", "between 0 and 1", r.share);
      if (!(isWhole(r.delay) && r.delay >= 0)) bad("fördröjningen", "the delay", "ett heltal ≥ 0", "a whole number ≥ 0", r.delay);
      if (r.cap !== null && !(Number.isFinite(r.cap) && r.cap >= 0))
        bad("taket per år", "the yearly cap", "ett belopp ≥ 0 eller tomt", "an amount ≥ 0 or empty", r.cap);
      if (r.lastPeriod !== null && !isWhole(r.lastPeriod))
        bad("sista återföringsperioden", "the last repayment period", "ett heltal eller tomt", "a whole number or empty", r.lastPeriod);
    } else if (r?.kind === "committed") {
      if (!Array.isArray(r.commitments)) bad("åtagandena", "the commitments", "en lista", "a list", r.commitments);
      let total = 0;
      for (const c of r.commitments) {
        if (typeof c?.actor !== "string" || !Array.isArray(c.shares) || c.shares.length > n)
          bad("ett åtagande", "a commitment", `en aktör och högst ${n} andelar`, `an actor and at most ${n} shares`, c?.actor);
        commitments.push({ commitment: c, actor: index.get(c.actor) ?? -1 });
        for (const s of c.shares) {
          if (!isShare(s)) bad("ett åtagandes andel", "a commitment's share", "mellan 0 och 1", "between 0 and 1", s);
          total += s;
        }
      }
      if (total > 1 + 1e-9) bad("åtagandena", "the commitments", "högst 100 % av utbetalningen sammanlagt", "at most 100% of the payout in total", total);
    } else
      bad("återföringsregeln", "the repayment rule", '"savings" eller "committed"', '"savings" or "committed"', (r as { kind?: unknown } | undefined)?.kind);
  }
  return { costs, gains, someNotCashable, savers, commitments };
}

// ---- Evaluating ----

/** gainsPerCost, null where the quotient overflows (costs of a vanishing size: the sheet shows an error there). */
function ratioOf(gains: number, costs: number): number | null {
  const x = gainsPerCost(gains, costs);
  return x !== null && Number.isFinite(x) ? x : null;
}

/** A row of n zeros (built by push: a packed array, faster to fill with doubles than a holey one). */
function zeros(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(0);
  return out;
}

// The row helpers below use indexed loops, not for-of or forEach: on rows of 50 years those cost several times
// more per call. Each read is checked where it is made (src/core/invariant.ts).

/** Row k of a table of rows (an actor's index, found while checking). Not at(): see src/core/invariant.ts. */
function rowOf(rows: readonly number[][], k: number): number[] {
  const row = rows[k];
  return row !== undefined ? row : outOfRange("rowOf", k, rows.length);
}

/** Adds a line's amounts into a row (missing years are 0; a line has at most the row's years, checked). */
function addInto(row: number[], amounts: readonly number[]): void {
  if (amounts.length > row.length) return outOfRange("addInto", amounts.length - 1, row.length);
  // Called for every line and actor of every evaluation: checked once above, the reads are asserted (a check per
  // read in addInto, times and netGains cost evaluateModel a twentieth, npm run bench).
  for (let i = 0; i < amounts.length; i++) row[i] = row[i]! + amounts[i]!; // i < amounts.length ≤ row.length
}

/** a − b, year by year (b has at least a's years). */
function minus(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (typeof x !== "number" || typeof y !== "number") return outOfRange("minus", i, a.length);
    out.push(x - y);
  }
  return out;
}

/** x · k year by year, as a new row (by push, as the model built it: an optimised map() returns a holey array). */
function times(xs: readonly number[], k: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < xs.length; i++) out.push(xs[i]! * k); // i < xs.length (asserted as in addInto)
  return out;
}

/** Multiplies a row by a number in place. */
function scaleInPlace(row: number[], k: number): void {
  for (let i = 0; i < row.length; i++) {
    const x = row[i];
    if (typeof x !== "number") return outOfRange("scaleInPlace", i, row.length);
    row[i] = x * k;
  }
}

/** The sum of a row, from the first year on. */
function sumOf(xs: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (typeof x !== "number") return outOfRange("sumOf", i, xs.length);
    s += x;
  }
  return s;
}

const finiteRow = (xs: readonly number[]): boolean => {
  for (let i = 0; i < xs.length; i++) if (!Number.isFinite(xs[i])) return false;
  return true;
};
const finiteOrNull = (x: number | null): boolean => x === null || Number.isFinite(x);

const fin = Number.isFinite;

/**
 * Every number of the result is finite (an overflow is an error, never a number shown wrong). The gains per
 * success, which overflow when the expected successes are vanishingly few, are null then, as are their PV and
 * the break-even. Each actor's rows are summed into the total rows, so finite totals mean finite actor rows.
 */
function checkFiniteResult(r: ModelResult): ModelResult {
  let ok =
    (r.gainsPerSuccess === null || finiteRow(r.gainsPerSuccess)) &&
    finiteRow(r.discountFactors) &&
    finiteRow(r.costs) &&
    finiteRow(r.gains) &&
    finiteRow(r.net) &&
    finiteRow(r.costsGross) &&
    finiteRow(r.gainsGross) &&
    fin(r.npv) &&
    fin(r.npvGross) &&
    fin(r.pvCosts) &&
    fin(r.pvGains) &&
    fin(r.pvCostsGross) &&
    fin(r.pvGainsGross) &&
    fin(r.netWithinMandate) &&
    fin(r.kommunNetWithinMandate) &&
    finiteOrNull(r.benefitCostRatio) &&
    finiteOrNull(r.payback) &&
    finiteOrNull(r.discountedPayback) &&
    finiteOrNull(r.pvGainsPerSuccess) &&
    finiteOrNull(r.breakEven) &&
    finiteOrNull(r.breakEvenShare);
  for (const a of r.actors) {
    ok &&= fin(a.pvCosts) && fin(a.pvGains) && fin(a.pvNet) && fin(a.pvCostsGross) && fin(a.pvGainsGross) && fin(a.shareOfGains);
    ok &&= fin(a.netWithinMandate) && finiteOrNull(a.gainsPerOwnCost);
  }
  const f = r.fund;
  if (f) {
    ok &&= finiteRow(f.savings) && finiteRow(f.repayment) && finiteRow(f.cumulativePayout) && finiteRow(f.cumulativeRepaid) && finiteRow(f.balance);
    ok &&= fin(f.totalPayout) && fin(f.totalRepaid) && fin(f.unpaid) && fin(f.totalFrame) && fin(f.pvFundNet);
    for (const c of f.commitments) ok &&= finiteRow(c.amounts) && finiteRow(c.gap);
  }
  return ok ? r : raise("modelNotFinite");
}

/** The model's numbers. Throws a SocinvError (bilingual) when the spec is not a model or a result overflows. */
export function evaluateModel(spec: ModelSpec): ModelResult {
  return checkFiniteResult(evaluateChecked(spec));
}

function evaluateChecked(spec: ModelSpec): ModelResult {
  const ck = check(spec);
  const n = spec.years.length;
  const { rate, timing } = spec;
  const g = accumulationFactors(rate, n, timing);
  const plain = g.every(normalFactor);
  // discountFactors' own values: 1 / G when every G is a normal double (it takes logarithms otherwise).
  let df: number[];
  if (plain) {
    df = [];
    for (let i = 0; i < n; i++) {
      const x = g[i];
      if (typeof x !== "number") return outOfRange("evaluateModel", i, n);
      df.push(1 / x);
    }
  } else df = discountFactors(rate, n, timing);
  const pv = (xs: readonly number[], upTo = n): number => presentValueWith(rate, xs, timing, g, plain, upTo);
  const window = Math.min(spec.mandateYears, n);

  const a = spec.adjustments;
  const successes = spec.participants * spec.successProbability;
  const perSuccess = spec.gainBasis === "perSuccess";
  const cf = costFactor(a.optimismCosts);
  const gf = gainFactor(a.deadweight, a.attribution, a.displacement, a.optimismGains);
  const effect = effectFactors(n, spec.effectStart, a.dropOff);

  // Gross rows per actor: the lines summed in their order.
  const A = spec.actors.length;
  const costsGrossOf: number[][] = [];
  const gainsGrossOf: number[][] = [];
  for (let k = 0; k < A; k++) {
    costsGrossOf.push(zeros(n));
    gainsGrossOf.push(zeros(n));
  }
  for (const { line, actor } of ck.costs) addInto(rowOf(costsGrossOf, actor), line.amounts);
  for (const { line, actor } of ck.gains) addInto(rowOf(gainsGrossOf, actor), line.amounts);
  // Cashable gross gains per actor, only when some gain is not cashable (else they are the gross gains).
  let cashableGrossOf: number[][] | null = null;
  if (ck.someNotCashable) {
    const rows = spec.actors.map(() => zeros(n));
    for (const { line, actor } of ck.gains) if (line.cashable !== false) addInto(rowOf(rows, actor), line.amounts);
    cashableGrossOf = rows;
  }
  const netGains = (gross: readonly number[]): number[] => {
    if (gross.length !== n || effect.length !== n) return outOfRange("netGains", gross.length, n);
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(gross[i]! * gf * effect[i]!); // both have n entries (asserted as in addInto)
    return out;
  };

  const costs = zeros(n);
  const gains = zeros(n);
  const net = zeros(n);
  const costsGross = zeros(n);
  const gainsGross = zeros(n);
  const cashableNetOf: number[][] = [];
  let kommunNetWithinMandate = 0; // the nämnder's nets within the mandate, in the actors' order
  const actors: ActorResult[] = spec.actors.map((actor, k) => {
    const cg = rowOf(costsGrossOf, k);
    const gg = rowOf(gainsGrossOf, k);
    if (perSuccess) scaleInPlace(gg, successes);
    const cn = times(cg, cf);
    const gn = netGains(gg);
    // One pass for the actor's net row and the five totals (five passes through a helper cost a tenth more).
    const nt: number[] = [];
    for (let i = 0; i < n; i++) {
      // separate reads, not destructuring: an array literal here would be built on every step
      const c = cn[i];
      const g1 = gn[i];
      const c0 = cg[i];
      const g0 = gg[i];
      const tc = costs[i];
      const tg = gains[i];
      const tn = net[i];
      const tc0 = costsGross[i];
      const tg0 = gainsGross[i];
      if (typeof c !== "number" || typeof g1 !== "number" || typeof c0 !== "number" || typeof g0 !== "number") return outOfRange("evaluateModel", i, n);
      if (typeof tc !== "number" || typeof tg !== "number" || typeof tn !== "number" || typeof tc0 !== "number" || typeof tg0 !== "number")
        return outOfRange("evaluateModel", i, n);
      const x = g1 - c;
      nt.push(x);
      costs[i] = tc + c;
      gains[i] = tg + g1;
      net[i] = tn + x;
      costsGross[i] = tc0 + c0;
      gainsGross[i] = tg0 + g0;
    }
    if (cashableGrossOf) {
      const c = rowOf(cashableGrossOf, k);
      if (perSuccess) scaleInPlace(c, successes);
      cashableNetOf.push(netGains(c));
    } else cashableNetOf.push(gn);
    const pvCosts = pv(cn);
    const pvGains = pv(gn);
    const netWithinMandate = pv(nt, window);
    if (isKommun(actor)) kommunNetWithinMandate += netWithinMandate;
    return {
      id: actor.id,
      label: actor.label,
      costsGross: cg,
      costsNet: cn,
      gainsGross: gg,
      gainsNet: gn,
      net: nt,
      pvCosts,
      pvGains,
      pvNet: pv(nt),
      pvCostsGross: pv(cg),
      pvGainsGross: pv(gg),
      shareOfGains: 0,
      gainsPerOwnCost: ratioOf(pvGains, pvCosts),
      netWithinMandate,
    };
  });

  const pvCosts = pv(costs);
  const pvGains = pv(gains);
  const pvCostsGross = pv(costsGross);
  const pvGainsGross = pv(gainsGross);
  // As the model sheet: a share of the total whenever the total is not 0.
  for (const x of actors) x.shareOfGains = pvGains !== 0 ? x.pvGains / pvGains : 0;

  const gainsPerSuccess: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = gains[i];
    if (typeof x !== "number") return outOfRange("evaluateModel", i, n);
    gainsPerSuccess.push(successes > 0 ? x / successes : 0);
  }
  const perSuccessFinite = finiteRow(gainsPerSuccess);
  // A vanishingly small number of successes overflows the per-success amounts; the sheet shows "—" then.
  const pvGainsPerSuccess = perSuccessFinite ? pv(gainsPerSuccess) : null;
  const breakEven = successes > 0 && pvGainsPerSuccess !== null ? breakEvenOfPresentValues(pvCosts, pvGainsPerSuccess) : null;

  // An overflow is an error (checkFiniteResult); stop before the payback, which needs finite amounts.
  if (!finiteRow(net)) raise("modelNotFinite");

  return {
    years: spec.years.slice(),
    discountFactors: df,
    effectFactors: effect,
    actors,
    costs,
    gains,
    net,
    costsGross,
    gainsGross,
    gainsPerSuccess: perSuccessFinite ? gainsPerSuccess : null,
    expectedSuccesses: successes,
    npv: pv(net),
    npvGross: pvGainsGross - pvCostsGross,
    pvCosts,
    pvGains,
    pvCostsGross,
    pvGainsGross,
    benefitCostRatio: ratioOf(pvGains, pvCosts),
    payback: paybackAnalysis(net, { rate: null, timing }).time,
    discountedPayback: discountedPayback(net, g, plain, rate, timing),
    pvGainsPerSuccess,
    breakEven,
    breakEvenShare: breakEven !== null && spec.participants > 0 ? breakEven / spec.participants : null,
    netWithinMandate: pv(net, window),
    kommunNetWithinMandate,
    fund: spec.fund === null ? null : fundSchedule(spec.fund, ck, costsGross, cashableNetOf, n, pv),
  };
}

/**
 * paybackAnalysis with the rate: its cumulative is the running sum of v_i / G_i, so with the factors at hand it
 * is the payback of the discounted values, to the last bit; where a factor or a term leaves the doubles,
 * paybackAnalysis discounts itself (by logarithms).
 */
function discountedPayback(net: readonly number[], g: readonly number[], plain: boolean, rate: RateSpec, timing: Timing): number | null {
  if (plain) {
    const d: number[] = [];
    for (let i = 0; i < net.length; i++) {
      const x = net[i];
      const gi = g[i];
      if (typeof x !== "number" || typeof gi !== "number") return outOfRange("discountedPayback", i, net.length);
      d.push(x / gi);
    }
    if (finiteRow(d)) return paybackAnalysis(d, { rate: null, timing }).time;
  }
  return paybackAnalysis(net, { rate, timing }).time;
}

/**
 * The fund's schedule. Payouts are the fund's share of the gross costs as they fall due, the rest is the
 * frame appropriation; the realised savings are the repaying actors' cashable net gains; repayments follow
 * the savings rule or the commitments (repayment.ts, in doubles).
 */
function fundSchedule(
  f: ModelFund,
  ck: Checked,
  costsGross: readonly number[],
  cashableNetOf: readonly number[][],
  n: number,
  pv: (xs: readonly number[]) => number,
): FundResult {
  const payout = times(costsGross, f.fundShare);
  const frame = times(costsGross, 1 - f.fundShare);
  const totalFrame = sumOf(frame);
  const savings = zeros(n);
  for (const k of ck.savers) addInto(savings, rowOf(cashableNetOf, k));
  let repayment: number[];
  const commitments: FundResult["commitments"] = [];
  const r = f.repayment;
  if (r.kind === "committed") {
    const totalPayout = sumOf(payout);
    repayment = zeros(n);
    for (const { commitment: c, actor: who } of ck.commitments) {
      const shares = c.shares.length === n ? c.shares : [...c.shares, ...zeros(n - c.shares.length)];
      const amounts = committedRepaymentRow(totalPayout, shares);
      const gap = who >= 0 ? minus(amounts, rowOf(cashableNetOf, who)) : amounts.slice();
      addInto(repayment, amounts);
      commitments.push({ actor: c.actor, amounts, gap });
    }
  } else {
    repayment = savingsRepaymentRow(payout, savings, { share: r.share, delay: r.delay, cap: r.cap, lastYear: r.lastPeriod });
  }
  const rows = ledgerBalanceRows(payout, repayment);
  const totalPayout = rows.cumulativePayout[n - 1];
  const totalRepaid = rows.cumulativeRepaid[n - 1];
  const unpaid = rows.outstanding[n - 1];
  if (typeof totalPayout !== "number" || typeof totalRepaid !== "number" || typeof unpaid !== "number") return outOfRange("fundSchedule", n - 1, n);
  const fundNet = minus(repayment, payout);
  return {
    payout,
    frame,
    savings,
    repayment,
    cumulativePayout: rows.cumulativePayout,
    cumulativeRepaid: rows.cumulativeRepaid,
    balance: rows.balance,
    commitments,
    totalPayout,
    totalRepaid,
    unpaid,
    totalFrame,
    pvFundNet: pv(fundNet),
  };
}
