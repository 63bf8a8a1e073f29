/**
 * Effect adjustments (SROI, New Economy / GMCA): from gross to net.
 *
 * On gains (positive cells of an actor flow table, costs negative / gains positive):
 *   net gain = gross × (1 − deadweight) × (1 − attribution) × (1 − displacement)
 *              × (1 − drop_off)^(years since the actor's first year of effect) × (1 − optimism_gains)
 * On costs (negative cells): net cost = gross × (1 + optimism_costs).
 *
 * Deadweight is what would have happened anyway, attribution the share due to others, displacement value
 * moved rather than created; drop-off is the effect fading each year after the first year of effect (the
 * first year with a gain in that actor's row); optimism bias raises costs and lowers gains (HM Treasury).
 * Every adjustment defaults to 0 (no adjustment) and the ADJUSTMENTS table shows for each one whether it was
 * given or left at that default, so no default is ever silent.
 */
import { RateSpec, Timing } from "./discounting";
import { Cell, Table, TOTAL_LABEL, actorCostsAndGains, checkActorRows } from "./actors";
import { catalogue, show } from "./errors";

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
});

export type AdjustmentName = "deadweight" | "attribution" | "displacement" | "dropoff" | "optimism_costs" | "optimism_gains";

export const ADJUSTMENT_NAMES: readonly AdjustmentName[] = ["deadweight", "attribution", "displacement", "dropoff", "optimism_costs", "optimism_gains"];

/** Optimism bias on costs may exceed 100 % (HM Treasury's upper bounds reach 200 % for some projects). */
const MAX: Record<AdjustmentName, number> = {
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
    if (!given[name]) {
      values[name] = new Array<number>(actors).fill(0);
      continue;
    }
    if (v!.length !== 1 && v!.length !== actors) raise("adjustmentCount", { arg: name, got: v!.length, need: actors });
    v!.forEach((x, i) => {
      if (!(x >= 0 && x <= MAX[name])) raise("adjustmentRange", { arg: name, pos: i + 1, got: show(x), max: MAX[name] === 1 ? "1 (100 %)" : `${MAX[name]} (${MAX[name] * 100} %)` });
    });
    values[name] = v!.length === 1 ? new Array<number>(actors).fill(v![0]) : v!.slice();
  }
  return { values, given };
}

/** The adjusted (net) flow table: same shape, costs raised, gains reduced. */
export function adjustFlows(flows: readonly (readonly number[])[], adj: ResolvedAdjustments): number[][] {
  const a = adj.values;
  return flows.map((row, i) => {
    const keep = (1 - a.deadweight[i]) * (1 - a.attribution[i]) * (1 - a.displacement[i]) * (1 - a.optimism_gains[i]);
    const costFactor = 1 + a.optimism_costs[i];
    const first = row.findIndex((v) => v > 0);
    return row.map((v, t) => {
      if (v < 0) return v * costFactor;
      if (v > 0) return v * keep * Math.pow(1 - a.dropoff[i], t - first);
      return 0;
    });
  });
}

export const ADJUSTMENT_HEADER: readonly string[] = [
  "Aktör / Actor",
  "Dödvikt / Deadweight",
  "Tillskrivning / Attribution",
  "Undanträngning / Displacement",
  "Avtagande per år / Drop-off per year",
  "Optimism, kostnader / Optimism bias, costs",
  "Optimism, vinster / Optimism bias, gains",
  "NV kostnader brutto / PV costs gross",
  "NV kostnader justerat / PV costs adjusted",
  "NV vinster brutto / PV gains gross",
  "NV vinster justerat / PV gains adjusted",
  "Netto-NV brutto / Net PV gross",
  "Netto-NV justerat / Net PV adjusted",
];

export const SOURCE_LABEL = "Källa / Source";
export const GIVEN_TEXT = "angivet / given";
export const DEFAULT_TEXT = "standard 0 % (ej angivet) / default 0% (not given)";

/**
 * The gross-vs-net table: a source row saying which adjustments were given and which are the default 0,
 * then per actor the adjustments used and the PVs gross and adjusted side by side, then a total row.
 */
export function adjustmentTable(
  rate: RateSpec,
  actors: readonly string[],
  flows: readonly (readonly number[])[],
  input: AdjustmentInput,
  timing: Timing = 0,
): Table {
  checkActorRows(actors, flows, "flows");
  const adj = resolveAdjustments(input, actors.length);
  const gross = actorCostsAndGains(rate, flows, timing);
  const net = actorCostsAndGains(rate, adjustFlows(flows, adj), timing);
  const out: Table = [ADJUSTMENT_HEADER.slice(), [SOURCE_LABEL, ...ADJUSTMENT_NAMES.map((n) => (adj.given[n] ? GIVEN_TEXT : DEFAULT_TEXT)), "", "", "", "", "", ""]];
  const total = [0, 0, 0, 0, 0, 0];
  actors.forEach((actor, i) => {
    const pvs = [gross[i].costs, net[i].costs, gross[i].gains, net[i].gains, gross[i].net, net[i].net];
    pvs.forEach((x, k) => (total[k] += x));
    out.push([actor, ...ADJUSTMENT_NAMES.map((n): Cell => adj.values[n][i]), ...pvs]);
  });
  out.push([TOTAL_LABEL, "", "", "", "", "", "", ...total]);
  return out;
}
