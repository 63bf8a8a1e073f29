/** The addresses of the model's key cells, for the pane's summary and for tests. */
import { quoteSheet } from "../a1";
import type { ResultId } from "./layout";
import type { SheetContext } from "./sheet";

/** Sheet-qualified A1 addresses of the model's key cells (for the pane's summary and for tests). */
export interface KeyCells {
  npv: string;
  npvGross: string;
  pvCosts: string;
  pvGains: string;
  benefitCostRatio: string;
  payback: string;
  discountedPayback: string;
  pvGainsPerSuccess: string;
  breakEven: string;
  successes: string;
  withinMandate: string;
  kommunWithinMandate: string | null;
  /** Who-pays-who-gains table: one row per actor; columns PV costs, PV gains, net PV, share, ratio, mandate. */
  actorTable: { firstRow: number; actors: string[]; columns: string[]; sheet: string };
  /** Year rows (sheet-qualified ranges). */
  years: string;
  discountFactors: string;
  net: string;
  fund: null | { payoutTotal: string; repaidTotal: string; unpaid: string; frameTotal: string | null; pvFundNet: string; repayment: string; balance: string };
}

export function keyCells(ctx: SheetContext): KeyCells {
  const { layout, sheet } = ctx;
  const q = (address: string) => `${quoteSheet(sheet)}!${address}`;
  const result = (id: ResultId) => q(ctx.result(id));
  const has = (id: ResultId) => layout.results.rows.has(id);
  const y = layout.years;
  const fund = layout.fund;
  return {
    npv: result("npv"),
    npvGross: result("npvGross"),
    pvCosts: result("pvCosts"),
    pvGains: result("pvGains"),
    benefitCostRatio: result("bcr"),
    payback: result("payback"),
    discountedPayback: result("discPayback"),
    pvGainsPerSuccess: result("pvPerSuccess"),
    breakEven: result("breakEven"),
    successes: q(ctx.assumption("Successes")),
    withinMandate: result("mandate"),
    kommunWithinMandate: has("kommunMandate") ? result("kommunMandate") : null,
    actorTable: {
      sheet,
      firstRow: layout.actorTable.first,
      actors: ctx.m.actors.map((x) => x.id),
      columns: ["pvCosts", "pvGains", "pvNet", "shareOfGains", "gainsPerOwnCost", "netWithinMandate"],
    },
    years: q(y.absSpan(layout.timeline.years)),
    discountFactors: q(y.absSpan(layout.timeline.df)),
    net: q(y.absSpan(layout.totals.net)),
    fund: fund
      ? {
          payoutTotal: result("fundPayout"),
          repaidTotal: result("fundRepaid"),
          unpaid: result("fundUnpaid"),
          frameTotal: has("fundFrame") ? result("fundFrame") : null,
          pvFundNet: result("fundPv"),
          repayment: q(y.absSpan(fund.repayment)),
          balance: q(y.absSpan(fund.balance)),
        }
      : null,
  };
}
