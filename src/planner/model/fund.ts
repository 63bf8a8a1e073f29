/**
 * Writes the Fund schedule, the last block of the year area (only with a fund rule): the fund's payout
 * (its share of the gross costs), the frame appropriation (dual model), then the repayment, either by
 * commitments (Malmö: shares of the payout per actor and year, their amounts and the gap to the actor's
 * savings) or from realised savings (Norrköping: a share of the repaying actors' net gains, at most what
 * was paid out `delay` years before and not yet repaid, capped and up to the last year), and finally the
 * cumulative repayment, the fund's balance and its discounted net.
 */
import { FMT } from "./formats";
import type { FundLayout } from "./layout";
import type { SheetContext } from "./sheet";
import { runningTotal, yearRow, yearsHeader } from "./yearRows";

export function writeFund(ctx: SheetContext): void {
  const { t, layout } = ctx;
  const fund = layout.fund;
  if (!fund) return;
  const nm = ctx.name;
  const costsGross = layout.totals.costsGross + 1;
  yearsHeader(ctx, fund.header, t("fund"), "");
  yearRow(ctx, fund.payout, t("payout"), "calc", FMT.kr, (_, c) => `=${c}${costsGross}*${nm("FundShare")}`);
  if (fund.frame !== null) yearRow(ctx, fund.frame, t("frame"), "calc", FMT.kr, (_, c) => `=${c}${costsGross}*(1-${nm("FundShare")})`);
  yearRow(ctx, fund.cumPayout, t("cumulativePayout"), "calc", FMT.kr, runningTotal(ctx, fund.cumPayout, fund.payout));
  if (fund.commitments) writeCommitments(ctx, fund, fund.commitments);
  if (fund.savings) writeFromSavings(ctx, fund, fund.savings);
  yearRow(ctx, fund.cumRepaid, t("cumulativeRepayment"), "calc", FMT.kr, runningTotal(ctx, fund.cumRepaid, fund.repayment));
  yearRow(ctx, fund.balance, t("fundBalance"), "output", FMT.kr, (_, c) => `=${c}${fund.cumRepaid + 1}-${c}${fund.cumPayout + 1}`);
  yearRow(
    ctx,
    fund.disc,
    t("discountedFundNet"),
    "calc",
    FMT.kr,
    (_, c) => `=(${c}${fund.repayment + 1}-${c}${fund.payout + 1})*${c}$${layout.timeline.df + 1}`,
  );
}

/** Committed repayment: share rows (inputs), amount rows, gap rows per actor, and their sum as the repayment. */
function writeCommitments(ctx: SheetContext, fund: FundLayout, rows: NonNullable<FundLayout["commitments"]>): void {
  const { m, t, layout } = ctx;
  const inp = m.inputs;
  const label = (id: string) => m.labels.get(id) ?? inp.actors.find((x) => x.id === id)?.label[inp.language] ?? id;
  for (const { actor, share } of rows) {
    yearRow(ctx, share, t("commitmentShare", { actor: label(actor) }), "input", FMT.pct, (i) => {
      const s = m.commitments.filter((c) => c.actor === actor && c.year === m.years[i]).reduce((acc, c) => acc + c.share, 0);
      return s === 0 ? null : s;
    });
  }
  for (const { actor, share, amount } of rows) {
    yearRow(ctx, amount, t("commitmentAmount", { actor: label(actor) }), "calc", FMT.kr, (_, c) => `=${c}${share + 1}*${ctx.name("FundPayout")}`);
  }
  for (const { actor, amount, gap } of rows) {
    // An actor without lines has no savings: its gap is the whole commitment.
    const savings = layout.byActor.gainsNet.rows.get(actor);
    yearRow(ctx, gap, t("commitmentGap", { actor: label(actor) }), "calc", FMT.kr, (_, c) =>
      savings !== undefined ? `=${c}${amount + 1}-${c}${savings + 1}` : `=${c}${amount + 1}`,
    );
  }
  const first = rows[0]?.amount;
  const last = rows[rows.length - 1]?.amount;
  yearRow(ctx, fund.repayment, t("repayment"), "output", FMT.kr, (_, c) => (rows.length ? `=SUM(${c}${first + 1}:${c}${last + 1})` : "=0"));
}

/** Repayment from savings: the repaying actors' realised savings, what can be repaid, and the repayment. */
function writeFromSavings(ctx: SheetContext, fund: FundLayout, rows: NonNullable<FundLayout["savings"]>): void {
  const { m, t, layout } = ctx;
  const y = layout.years;
  const nm = ctx.name;
  const delay = m.inputs.fund.repaymentDelay;
  const who = m.repayingActors.map((x) => layout.byActor.gainsNet.rows.get(x.id)! + 1);
  yearRow(ctx, rows.savings, t("realisedSavings"), "calc", FMT.kr, (_, c) => (who.length ? `=${who.map((x) => `${c}${x}`).join("+")}` : "=0"));
  yearRow(ctx, rows.repayable, t("repayable", { delay }), "calc", FMT.kr, (i) => {
    const due = i - delay >= 0 ? `${y.letter(i - delay)}${fund.cumPayout + 1}` : "0";
    const repaidBefore = i >= 1 ? `${y.letter(i - 1)}${fund.cumRepaid + 1}` : "0";
    return `=MAX(0,${due}-${repaidBefore})`;
  });
  yearRow(ctx, fund.repayment, t("repayment"), "output", FMT.kr, (_, c) => {
    const wish = `${nm("RepayShare")}*${c}${rows.savings + 1}`;
    // Blank = no last year / no cap. Anything else is used as a number (+0): text that is not one is an error
    // that reaches the repayment, never read as "no cap".
    const inTime = `IF(ISBLANK(${nm("LastYear")}),TRUE,${c}$${layout.timeline.years + 1}<=${nm("LastYear")}+0)`;
    const cap = `IF(ISBLANK(${nm("Cap")}),${wish},${nm("Cap")}+0)`;
    return `=IF(${inTime},MAX(0,MIN(${wish},${cap},${c}${rows.repayable + 1})),0)`;
  });
}
