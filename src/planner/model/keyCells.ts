/** The addresses of the model's key cells, for the pane's summary and for tests. */
import { cellAddress, quoteSheet } from "../a1";
import { ResultId, TOP } from "./layout";
import type { SheetContext } from "./sheet";

/** Sheet-qualified A1 addresses of the model's key cells (for the pane's summary and for tests). */
export interface KeyCells {
  /**
   * The input check: how many cells the model reads are not numbers (0 when all are), and the text naming
   * them ("Cellen 'Driftbudget 2025'!D12 är inte ett tal. …"). A result that is an error with a count above 0
   * is an input's error; the pane can show the message with it.
   */
  inputCheck: { count: string; message: string };
  npv: string;
  npvGross: string;
  pvCosts: string;
  pvGains: string;
  benefitCostRatio: string;
  payback: string;
  discountedPayback: string;
  /** "Paid back from year", undiscounted and discounted: a year, "Not within the horizon", or an error. */
  paybackYear: string;
  discountedPaybackYear: string;
  pvGainsPerSuccess: string;
  breakEven: string;
  breakEvenShare: string;
  successes: string;
  withinMandate: string;
  kommunWithinMandate: string | null;
  /**
   * Who-pays-who-gains table: one row per actor; columns PV costs, PV gains, net PV, share, ratio, mandate
   * (B–G); then the nämnder's subtotal (when there is one) and the total, rows 0-based like firstRow.
   */
  actorTable: { firstRow: number; actors: string[]; columns: string[]; sheet: string; kommunRow: number | null; totalRow: number };
  /** Gross and net: per row the gross, net and difference cells. */
  grossNet: { pvCosts: string[]; pvGains: string[]; npv: string[]; bcr: string[] };
  /** Typical individual (gains per success): per actor with gains, per person gross and net and for all successes; the total. */
  individual: null | { actors: Record<string, string[]>; total: string[] };
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
  const gn = layout.grossNet;
  const ind = layout.individual;
  /** Columns B–D of a row. */
  const threeOf = (row: number) => [1, 2, 3].map((col) => q(cellAddress(row, col)));
  const checkRow = layout.results.rows.get("inputCheck")!;
  return {
    inputCheck: { count: result("inputCheck"), message: q(cellAddress(checkRow, TOP.explanation, true)) },
    npv: result("npv"),
    npvGross: result("npvGross"),
    pvCosts: result("pvCosts"),
    pvGains: result("pvGains"),
    benefitCostRatio: result("bcr"),
    payback: result("payback"),
    discountedPayback: result("discPayback"),
    paybackYear: result("paybackYear"),
    discountedPaybackYear: result("discPaybackYear"),
    pvGainsPerSuccess: result("pvPerSuccess"),
    breakEven: result("breakEven"),
    breakEvenShare: result("breakEvenShare"),
    successes: q(ctx.assumption("Successes")),
    withinMandate: result("mandate"),
    kommunWithinMandate: has("kommunMandate") ? result("kommunMandate") : null,
    actorTable: {
      sheet,
      firstRow: layout.actorTable.first,
      actors: ctx.m.actors.map((x) => x.id),
      columns: ["pvCosts", "pvGains", "pvNet", "shareOfGains", "gainsPerOwnCost", "netWithinMandate"],
      kommunRow: layout.actorTable.kommun?.row ?? null,
      totalRow: layout.actorTable.total,
    },
    grossNet: { pvCosts: threeOf(gn.costs), pvGains: threeOf(gn.gains), npv: threeOf(gn.npv), bcr: threeOf(gn.bcr) },
    individual: ind ? { actors: Object.fromEntries(ind.actors.map((a) => [a.actor.id, threeOf(a.row)])), total: threeOf(ind.total) } : null,
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
