/**
 * Function ids never change once released: workbooks store formulas by id, and a renamed or dropped id turns
 * every such cell into #NAME?. This list only grows; parameters may be added only at the end and optional.
 */
import { FUNCTIONS } from "../../src/functions/registry";

const RELEASED: Record<string, string[]> = {
  NPV: ["rate", "values", "[type]"],
  DISCOUNTFACTORS: ["rate", "periods", "[type]"],
  RATESCHEDULE: ["periods", "[schedule]"],
  REALRATE: ["nominal", "inflation"],
  NOMINALRATE: ["real", "inflation"],
  PRICEYEAR: ["values", "index", "base_index"],
  PAYBACK: ["values", "[rate]", "[type]", "[fractional]"],
  BREAKEVEN: ["costs", "benefit_per_success", "rate", "[type]"],
  BREAKEVENRATE: ["costs", "benefit_per_success", "rate", "group_size", "[type]"],
  IRR: ["values"],
  ACTORSUMMARY: ["rate", "actors", "flows", "[type]"],
  ACTORPV: ["rate", "flows", "[type]"],
  SPLIT: ["amount", "shares", "[unit]"],
  SPLITBYGAINS: ["amount", "rate", "flows", "[unit]", "[type]"],
  ADJUSTGAINS: ["flows", "[deadweight]", "[attribution]", "[displacement]", "[dropoff]", "[optimism_costs]", "[optimism_gains]"],
  ADJUSTMENTS: ["rate", "actors", "flows", "[deadweight]", "[attribution]", "[displacement]", "[dropoff]", "[optimism_costs]", "[optimism_gains]", "[type]"],
  BREAKEVENACTORS: ["rate", "actors", "costs", "gains_per_success", "[window]", "[type]"],
  REPAYSAVINGS: ["payout", "actors", "savings", "share", "[delay]", "[cap]", "[last_year]", "[fund_start]"],
  REPAYCOMMITTED: ["payout", "actors", "commitments", "[savings]", "[as_shares]", "[fund_start]"],
  REPAYDUAL: ["fund_payout", "frame", "actors", "savings", "repay", "[delay]", "[cap]", "[last_year]", "[fund_start]"],
  CAREERPV: ["rate", "actors", "career_costs", "reference_costs", "[start_age]", "[end_age]", "[type]"],
  CAREERFLOWS: ["career_costs", "reference_costs", "people", "success", "[lag]", "[ramp]", "[start_age]", "[end_age]"],
};

describe("released function ids", () => {
  const byId = new Map(FUNCTIONS.map((f) => [f.id, f]));
  test.each(Object.keys(RELEASED))("%s still exists with its released parameters first, in order", (id) => {
    const f = byId.get(id);
    expect(f).toBeDefined();
    const released = RELEASED[id];
    expect(f!.params.slice(0, released.length)).toEqual(released);
    // anything added later must be optional
    for (const p of f!.params.slice(released.length)) expect(p.startsWith("[")).toBe(true);
  });
});
