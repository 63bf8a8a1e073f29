/**
 * Effect adjustments (SROI, New Economy / GMCA): from gross to net. The one place these rules live: the
 * SOCINV functions (ADJUSTGAINS, ADJUSTMENTS) and the model (core/model.ts evaluateModel, whose numbers the
 * model sheet's formulas reproduce) use the factors below.
 *
 * On gains (positive cells of an actor flow table, costs negative / gains positive):
 *   net gain = gross × gain factor × effect factor(period)
 *   gain factor   = (1 − deadweight) × (1 − attribution) × (1 − displacement) × (1 − optimism_gains)
 *   effect factor = 0 before the first period of effect, (1 − drop_off)^(period − effect start) from it
 * On costs (negative cells): net cost = gross × cost factor, cost factor = 1 + optimism_costs.
 *
 * Deadweight is what would have happened anyway, attribution the share due to others, displacement value
 * moved rather than created; drop-off is the effect fading by that share each year after the first year of
 * effect; optimism bias raises costs and lowers gains (HM Treasury). The first year of effect is explicit:
 * `effectStart`, a 1-based period (default 1, the first period; in the model the start year + the effect
 * lag). Gains before it count 0. Every adjustment defaults to 0 (no adjustment) and the ADJUSTMENTS table
 * shows for each one whether it was given or left at that default, so no default is ever silent.
 */
import { RateSpec, Timing } from "./discounting";
import { Cell, Table, TOTAL_LABEL, actorCostsAndGains, checkActorRows } from "./actors";
import { catalogue, show } from "./errors";
import { at, outOfRange } from "./invariant";

const raise = catalogue({
  adjustmentRange: {
    kind: "invalidNumber",
    sv: (p) => `${p.arg}: värde nr ${p.pos} är ${p.got}; det ska ligga mellan 0 och ${p.max}.`,
    en: (p) => `${p.arg}: value no. ${p.pos} is ${p.got}; it must be between 0 and ${p.max}.`,
  },
  adjustmentCount: {
    kind: "invalidValue",
    sv: (p) => `${p.arg} har ${p.got} värden men det finns ${p.need} aktörer; ange ett värde för alla eller ett per aktör.`,
    en: (p) => `${p.arg} has ${p.got} values but there are ${p.need} actors; give one value for all or one per actor.`,
  },
  effectStartRange: {
    kind: "invalidValue",
    sv: (p) => `${p.arg} (första effektåret) måste vara ett helt periodnummer från 1 till ${p.max}, tabellens antal år (fick ${p.got}).`,
    en: (p) => `${p.arg} (the first year of effect) must be a whole period number from 1 to ${p.max}, the table's number of years (got ${p.got}).`,
  },
});

export type AdjustmentName = "deadweight" | "attribution" | "displacement" | "dropoff" | "optimism_costs" | "optimism_gains";

export const ADJUSTMENT_NAMES: readonly AdjustmentName[] = ["deadweight", "attribution", "displacement", "dropoff", "optimism_costs", "optimism_gains"];

/** The largest value of each adjustment. Optimism bias on costs may exceed 100 % (HM Treasury's upper bounds reach 200 % for some projects). */
export const ADJUSTMENT_MAX: Readonly<Record<AdjustmentName, number>> = {
  deadweight: 1,
  attribution: 1,
  displacement: 1,
  dropoff: 1,
  optimism_costs: 10,
  optimism_gains: 1,
};

/** Each adjustment: null = not given (default 0), one value for every actor, or one per actor. */
export type AdjustmentInput = Partial<Record<AdjustmentName, readonly number[] | null>>;

export interface ResolvedAdjustments {
  /** Per adjustment, one value per actor. */
  values: Record<AdjustmentName, number[]>;
  /** Whether each adjustment was given (false = the default 0 was used). */
  given: Record<AdjustmentName, boolean>;
}

export function resolveAdjustments(input: AdjustmentInput, actors: number): ResolvedAdjustments {
  const values = {} as Record<AdjustmentName, number[]>;
  const given = {} as Record<AdjustmentName, boolean>;
  for (const name of ADJUSTMENT_NAMES) {
    const v = input[name];
    given[name] = v !== null && v !== undefined;
    if (v === null || v === undefined) {
      values[name] = new Array<number>(actors).fill(0);
      continue;
    }
    if (v.length !== 1 && v.length !== actors) raise("adjustmentCount", { arg: name, got: v.length, need: actors });
    v.forEach((x, i) => checkAdjustment(name, x, i + 1));
    const only = v[0];
    if (v.length !== 1) values[name] = v.slice();
    else if (typeof only === "number") values[name] = new Array<number>(actors).fill(only);
    else return outOfRange("resolveAdjustments", 0, 1);
  }
  return { values, given };
}

/** Refuses a value outside 0 … ADJUSTMENT_MAX[name] (`pos`: its place in the argument, from 1). */
export function checkAdjustment(name: AdjustmentName, x: number, pos = 1): void {
  const max = ADJUSTMENT_MAX[name];
  if (!(x >= 0 && x <= max)) raise("adjustmentRange", { arg: name, pos, got: show(x), max: max === 1 ? "1 (100 %)" : `${max} (${max * 100} %)` });
}

/** The share of a gross gain kept before drop-off: (1 − deadweight)(1 − attribution)(1 − displacement)(1 − optimism on gains). */
export function gainFactor(deadweight: number, attribution: number, displacement: number, optimismGains: number): number {
  return (1 - deadweight) * (1 - attribution) * (1 - displacement) * (1 - optimismGains);
}

/** Net cost per krona of gross cost: 1 + optimism on costs. */
export function costFactor(optimismCosts: number): number {
  return 1 + optimismCosts;
}

/**
 * The effect factor of period t (1-based): 0 before `effectStart`, 1 in it, then (1 − dropOff) less each
 * year: (1 − dropOff)^(t − effectStart). The model sheet's row "Effect factor" is the same:
 * (1 − DropOff)^(effect year − 1), effect year = t − lag.
 */
export function effectFactor(t: number, effectStart: number, dropOff: number): number {
  return t < effectStart ? 0 : Math.pow(1 - dropOff, t - effectStart);
}

/** The effect factors of periods 1…n (see effectFactor). */
export function effectFactors(n: number, effectStart: number, dropOff: number): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = effectFactor(i + 1, effectStart, dropOff);
  return out;
}

/** `effect_start`: a whole period number from 1 to the number of years. */
export function checkEffectStart(x: number, years: number, arg = "effect_start"): number {
  if (!(Number.isInteger(x) && x >= 1 && x <= Math.max(1, years))) raise("effectStartRange", { arg, max: Math.max(1, years), got: show(x) });
  return x;
}

/** The adjusted (net) flow table: same shape, costs raised, gains reduced and faded from `effectStart` (1-based). */
export function adjustFlows(flows: readonly (readonly number[])[], adj: ResolvedAdjustments, effectStart = 1): number[][] {
  const a = adj.values;
  return flows.map((row, i) => {
    // one value per actor of each adjustment (resolveAdjustments), one row per actor
    const dw = a.deadweight[i];
    const att = a.attribution[i];
    const dp = a.displacement[i];
    const og = a.optimism_gains[i];
    const oc = a.optimism_costs[i];
    const dropOff = a.dropoff[i];
    if (
      typeof dw !== "number" ||
      typeof att !== "number" ||
      typeof dp !== "number" ||
      typeof og !== "number" ||
      typeof oc !== "number" ||
      typeof dropOff !== "number"
    )
      return outOfRange("adjustFlows", i, flows.length);
    const keep = gainFactor(dw, att, dp, og);
    const cf = costFactor(oc);
    return row.map((v, t) => {
      if (v < 0) return v * cf;
      if (v > 0) return v * keep * effectFactor(t + 1, effectStart, dropOff);
      return 0;
    });
  });
}

/** The ADJUSTMENTS header; the drop-off column states the first period of effect, so that default is not silent either. */
export function adjustmentHeader(effectStart = 1): string[] {
  return [
    "Aktör / Actor",
    "Dödvikt / Deadweight",
    "Attribution / Attribution",
    "Undanträngning / Displacement",
    `Avtagande per år, effekt från period ${effectStart} / Drop-off per year, effect from period ${effectStart}`,
    "Optimism, kostnader / Optimism bias, costs",
    "Optimism, vinster / Optimism bias, gains",
    "NV kostnader brutto / PV costs gross",
    "NV kostnader justerat / PV costs adjusted",
    "NV vinster brutto / PV gains gross",
    "NV vinster justerat / PV gains adjusted",
    "Netto-NV brutto / Net PV gross",
    "Netto-NV justerat / Net PV adjusted",
  ];
}

/** The header with the default effect start (period 1). */
export const ADJUSTMENT_HEADER: readonly string[] = adjustmentHeader(1);

export const SOURCE_LABEL = "Källa / Source";
export const GIVEN_TEXT = "angivet / given";
export const DEFAULT_TEXT = "standard 0 % (ej angivet) / default 0% (not given)";

/**
 * The gross-vs-net table: a source row saying which adjustments were given and which are the default 0,
 * then per actor the adjustments used and the PVs gross and adjusted side by side, then a total row.
 * `effectStart` is the first period of effect (1-based, checked by the caller: checkEffectStart).
 */
export function adjustmentTable(
  rate: RateSpec,
  actors: readonly string[],
  flows: readonly (readonly number[])[],
  input: AdjustmentInput,
  timing: Timing = 0,
  effectStart = 1,
): Table {
  checkActorRows(actors, flows, "flows");
  const adj = resolveAdjustments(input, actors.length);
  const gross = actorCostsAndGains(rate, flows, timing);
  const net = actorCostsAndGains(rate, adjustFlows(flows, adj, effectStart), timing);
  const out: Table = [
    adjustmentHeader(effectStart),
    [SOURCE_LABEL, ...ADJUSTMENT_NAMES.map((n) => (adj.given[n] ? GIVEN_TEXT : DEFAULT_TEXT)), "", "", "", "", "", ""],
  ];
  const total = { grossCosts: 0, netCosts: 0, grossGains: 0, netGains: 0, grossNet: 0, netNet: 0 };
  actors.forEach((actor, i) => {
    const g = at(gross, i);
    const m = at(net, i);
    total.grossCosts += g.costs;
    total.netCosts += m.costs;
    total.grossGains += g.gains;
    total.netGains += m.gains;
    total.grossNet += g.net;
    total.netNet += m.net;
    const used = ADJUSTMENT_NAMES.map((n): Cell => {
      const x = adj.values[n][i];
      return typeof x === "number" ? x : outOfRange("adjustmentTable", i, actors.length);
    });
    out.push([actor, ...used, g.costs, m.costs, g.gains, m.gains, g.net, m.net]);
  });
  const t = total;
  out.push([TOTAL_LABEL, "", "", "", "", "", "", t.grossCosts, t.netCosts, t.grossGains, t.netGains, t.grossNet, t.netNet]);
  return out;
}
