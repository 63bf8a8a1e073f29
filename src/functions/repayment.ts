/**
 * SOCINV fund repayment (återföring) functions: thin adapters over src/core/repayment. Each spills the
 * year-by-year ledger: a header row (years 1…N), then labelled rows, then a total / closing column.
 * Swedish texts are in repayment.sv.json.
 */
import { checkFinite, readTable } from "../core/actors";
import {
  CommittedRule,
  SavingsRule,
  commitmentPlan,
  committedLedger,
  committedTable,
  dualLedger,
  dualTable,
  savingsLedger,
  savingsTable,
} from "../core/repayment";
import { asMatrix, toSeries, widthOf } from "../core/values";
import { isGiven, readArgs } from "./args";
import { checkResultSize, guard } from "./runtime";
import { SPECS } from "./specs";

/**
 * The ledger's size (`perActor` rows per row of `table` plus `extraRows`; the table's years plus the label
 * and total columns), refused before anything is computed when it exceeds the result limit.
 */
function checkLedgerSize(table: unknown, perActor: number, extraRows: number): void {
  const m = asMatrix(table ?? null);
  checkResultSize(perActor * m.length + extraRows, widthOf(m) + 2);
}

const savingsRule = (share: number[], a: { delay: number; cap: number | null; last_year: number | null }): SavingsRule => ({
  kind: "savings",
  share,
  delay: a.delay,
  cap: a.cap,
  lastYear: a.last_year,
});

/**
 * Savings-based repayment (Norrköping): from the year after the payout (or a given delay) each actor repays a share of its realised savings until the payout is repaid, optionally with a cap per year and a last year. With payouts over several years, only what was paid out by then can be repaid. Spills the ledger with the fund balance; what is unpaid at the end is shown.
 * @customfunction REPAYSAVINGS
 * @param payout The amount the fund pays out, in year 1, or a row of payouts by year (positive).
 * @param actors Actor names (the nämnder that repay), one per row of savings.
 * @param savings Realised savings per actor (rows) and year (columns), positive. Year 1 is the first column.
 * @param share Share of the savings repaid (0–1): one for all actors or one per actor. Norrköping: 1 (100 %).
 * @param [delay] Years after a payout before it can be repaid: in each year at most what was paid out this many years before, less what is repaid. Default 1 (the year after), also when empty or 0.
 * @param [cap] The most repaid per year, all actors together. Empty or 0 = no cap.
 * @param [last_year] The last year (column number) in which anything is repaid. Default (also when empty or 0): the last year of the table.
 * @param [fund_start] The fund's balance before the payout. Default 0 (the balance then shows the fund's position on this investment).
 * @returns The ledger: header, payout, repayment per actor, total repayment, outstanding and fund balance by year.
 */
export function repaySavings(
  payout: any[][],
  actors: any[][],
  savings: any[][],
  share: any[][],
  delay?: any,
  cap?: any,
  last_year?: any,
  fund_start?: any,
): any[][] {
  return guard(() => {
    checkLedgerSize(savings, 1, 5); // header, payout, one row per actor, total, outstanding, balance
    const a = readArgs(SPECS.REPAYSAVINGS, [payout, actors, savings, share, delay, cap, last_year, fund_start]);
    return checkFinite(savingsTable(savingsLedger(a.actors, a.payout, a.savings, savingsRule(a.share, a), a.fund_start)));
  });
}

/**
 * Committed repayment (Malmö): the receiving nämnder repay what they committed to up front, year by year, independent of realised savings. Spills the ledger with the gap between commitment and realised savings and the fund balance.
 * @customfunction REPAYCOMMITTED
 * @param payout The amount the fund pays out, in year 1, or a row of payouts by year (positive).
 * @param actors Actor names (the nämnder that commit), one per row of commitments.
 * @param commitments Committed repayment per actor (rows) and year (columns): amounts, or shares of the payout when as_shares is TRUE.
 * @param [savings] Realised savings per actor and year, same size as commitments, to show the gap. Optional.
 * @param [as_shares] TRUE when commitments are shares of the payout (together 100 %). Default FALSE (amounts).
 * @param [fund_start] The fund's balance before the payout. Default 0.
 * @returns The ledger: header, payout, commitment per actor, total, realised savings, gap per actor and in total, outstanding and fund balance.
 */
export function repayCommitted(payout: any[][], actors: any[][], commitments: any[][], savings?: any[][], as_shares?: any, fund_start?: any): any[][] {
  return guard(() => {
    checkLedgerSize(commitments, 2, 7); // header, payout, commitment and gap per actor, 5 more rows
    const a = readArgs(SPECS.REPAYCOMMITTED, [payout, actors, commitments, savings, as_shares, fund_start]);
    const rule: CommittedRule = { kind: "committed", commitments: a.commitments, asShares: a.as_shares };
    return checkFinite(committedTable(committedLedger(a.actors, a.payout, rule, a.fund_start), a.savings));
  });
}

/**
 * Dual model (Ale): a fund part repaid from savings (or by a committed plan) and a time-limited frame appropriation that is not repaid. Spills both parts, the repayments, the fund balance and the fund's net result.
 * @customfunction REPAYDUAL
 * @param fund_payout The fund part, in year 1, or a row by year (positive). It is repaid.
 * @param frame The frame appropriation (ramanslag), in year 1, or a row by year (positive). It is not repaid.
 * @param actors Actor names, one per row of savings.
 * @param savings Realised savings per actor (rows) and year (columns), positive.
 * @param repay Share of savings repaid (0–1, one for all or one per actor), or a table of committed repayments the same size as savings.
 * @param [delay] Share rule only: years after a payout before it can be repaid. Default 1 (the year after), also when empty or 0.
 * @param [cap] Share rule only: the most repaid per year. Empty or 0 = no cap.
 * @param [last_year] Share rule only: the last year in which anything is repaid. Default (also when empty or 0): the last year.
 * @param [fund_start] The fund's balance before the payout. Default 0.
 * @returns The ledger: header, fund part, frame, total investment, repayments, realised savings, outstanding, fund balance, fund net result.
 */
export function repayDual(
  fund_payout: any[][],
  frame: any[][],
  actors: any[][],
  savings: any[][],
  repay: any[][],
  delay?: any,
  cap?: any,
  last_year?: any,
  fund_start?: any,
): any[][] {
  return guard(() => {
    checkLedgerSize(savings, 1, 9); // header, 3 investment rows, one row per actor, 5 more rows
    const args = [fund_payout, frame, actors, savings, repay, delay, cap, last_year, fund_start];
    const a = readArgs(SPECS.REPAYDUAL, args);
    const m = a.repay;
    const saved = a.savings;
    // A plan is a table the size of savings spanning several years; anything else is a share (one, or one per actor).
    const isPlan = m.length === saved.length && (m[0]?.length ?? 0) === (saved[0]?.length ?? 0) && (saved[0]?.length ?? 0) > 1;
    let rule: SavingsRule | CommittedRule;
    if (isPlan) {
      const optionsGiven = [5, 6, 7].some((k) => isGiven(SPECS.REPAYDUAL.params[k], args[k]));
      rule = commitmentPlan(readTable(m, "repay"), optionsGiven);
    } else rule = savingsRule(toSeries(m, "repay"), a);
    return checkFinite(dualTable(dualLedger(a.actors, a.fund_payout, a.frame, saved, rule, a.fund_start)));
  });
}
