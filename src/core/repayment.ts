/**
 * Fund repayment (återföring): year-by-year ledgers of what a social investment fund pays out and gets back.
 *
 * - Savings-based (Norrköping): from the year after the payout (or a given delay), each actor repays a share
 *   of its realised savings until the payout is repaid, optionally with a cap per year and a last year. With
 *   payouts over several years, money flows back only once it has been paid out: in year t at most what was
 *   paid out up to year t − delay, less what is already repaid (the planner's fund schedule follows the same rule).
 * - Committed (Malmö): the receiving nämnder commit to a repayment plan up front, independent of realised
 *   savings; the ledger shows the gap between commitment and realised savings.
 * - Dual (Ale): a fund part repaid by one of the rules above plus a time-limited frame appropriation
 *   (ramanslag) that is not repaid.
 *
 * The ledger is kept in decimal.js to two decimals (öre in a kr table; every amount entering it is rounded
 * half-up to two decimals first, visibly, in the ledger itself). So the fund balance closes exactly:
 * fund balance at the end = fund at the start − payouts + repayments, and outstanding = payouts − repayments,
 * to the öre, every year. Nothing is ever repaid beyond what is outstanding.
 *
 * Signs in the ledger follow the product's convention from the fund's point of view: a payout is negative
 * (money out of the fund), a repayment positive. Inputs are entered as positive amounts (a payout of 2 Mkr
 * is 2000000); realised savings are positive (avoided costs).
 */
import Decimal from "decimal.js";
import { Table, checkActorRows, checkSameShape } from "./actors";
import { apportion, checkShares } from "./allocation";
import { catalogue, fail, show } from "./errors";

const raise = catalogue({
  negativeAmount: {
    kind: "invalidNumber",
    sv: (p) => `${p.arg}: värde nr ${p.pos} är negativt (${p.got}); ange belopp som positiva tal.`,
    en: (p) => `${p.arg}: value no. ${p.pos} is negative (${p.got}); enter amounts as positive numbers.`,
  },
  noPayout: {
    kind: "invalidNumber",
    sv: (p) => `${p.arg} är 0: det finns inget att återbetala.`,
    en: (p) => `${p.arg} is 0: there is nothing to repay.`,
  },
  longerThanHorizon: {
    kind: "invalidValue",
    sv: (p) => `${p.arg} har ${p.got} år men tabellen ${p.table} bara ${p.years}; den får inte vara längre än horisonten.`,
    en: (p) => `${p.arg} has ${p.got} years but the table ${p.table} only ${p.years}; it must not be longer than the horizon.`,
  },
  shareOutOfRange: {
    kind: "invalidNumber",
    sv: (p) => `share: andel nr ${p.pos} är ${p.got}; andelen av besparingen som återbetalas ska ligga mellan 0 och 100 %.`,
    en: (p) => `share: share no. ${p.pos} is ${p.got}; the share of savings repaid must be between 0 and 100%.`,
  },
  shareCount: {
    kind: "invalidValue",
    sv: (p) => `share har ${p.got} värden men det finns ${p.need} aktörer; ange en andel för alla eller en per aktör.`,
    en: (p) => `share has ${p.got} values but there are ${p.need} actors; give one share for all or one per actor.`,
  },
  notWholeYears: {
    kind: "invalidNumber",
    sv: (p) => `${p.arg} måste vara ett helt antal år från ${p.min} (fick ${p.got}).`,
    en: (p) => `${p.arg} must be a whole number of years from ${p.min} (got ${p.got}).`,
  },
  repayLongerThanHorizon: {
    kind: "invalidValue",
    sv: (p) => `last_year är år ${p.got} men tabellen har bara ${p.years} år: återbetalningen får inte vara längre än horisonten. Förläng tabellen eller välj ett tidigare år.`,
    en: (p) => `last_year is year ${p.got} but the table has only ${p.years} years: the repayment must not be longer than the horizon. Extend the table or choose an earlier year.`,
  },
  startAfterHorizon: {
    kind: "invalidValue",
    sv: (p) => `Återbetalningen skulle börja år ${p.start} (första utbetalningsåret ${p.payout} + fördröjning ${p.delay}), efter tabellens ${p.years} år. Förläng tabellen eller välj en kortare fördröjning.`,
    en: (p) => `Repayment would start in year ${p.start} (first payout year ${p.payout} + delay ${p.delay}), after the table's ${p.years} years. Extend the table or choose a shorter delay.`,
  },
  lastBeforeStart: {
    kind: "invalidValue",
    sv: (p) => `last_year (år ${p.got}) ligger före första återbetalningsåret (år ${p.start}).`,
    en: (p) => `last_year (year ${p.got}) is before the first repayment year (year ${p.start}).`,
  },
  capNotPositive: {
    kind: "invalidNumber",
    sv: (p) => `cap (högsta återbetalning per år) måste vara större än 0 (fick ${p.got}); lämna tom för inget tak.`,
    en: (p) => `cap (the most repaid per year) must be greater than 0 (got ${p.got}); leave it empty for no cap.`,
  },
  commitmentsExceedPayout: {
    kind: "invalidNumber",
    sv: (p) => `Åtagandena summerar till ${p.committed} men utbetalningen är ${p.payout}: ingen får återbetala mer än fonden betalat ut.`,
    en: (p) => `The commitments sum to ${p.committed} but the payout is ${p.payout}: nobody may repay more than the fund paid out.`,
  },
  commitmentBeforePayout: {
    kind: "invalidNumber",
    sv: (p) => `Åtagandena till och med år ${p.year} (${p.committed}) är större än vad fonden betalat ut till dess (${p.payout}).`,
    en: (p) => `The commitments up to year ${p.year} (${p.committed}) exceed what the fund has paid out by then (${p.payout}).`,
  },
  ruleOptionsWithPlan: {
    kind: "invalidValue",
    sv: () => `delay, cap och last_year gäller bara regeln med andel av besparingen; med en åtagandeplan ska de lämnas tomma.`,
    en: () => `delay, cap and last_year apply only to the share-of-savings rule; leave them empty with a commitment plan.`,
  },
});

/** Ledger arithmetic: plenty of digits for amounts up to 10^15 with two decimals. */
const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
type Dec = Decimal;
const ZERO = new Dec(0);

/** An amount entering the ledger, rounded half-up to two decimals. */
export const toCents = (x: number): Dec => new Dec(x).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const sum = (xs: readonly Dec[]): Dec => xs.reduce((a, b) => a.plus(b), ZERO);
const minDec = (a: Dec, b: Dec): Dec => (a.lessThan(b) ? a : b);
/** A ledger amount as a number; never −0. */
export const num = (d: Dec): number => (d.isZero() ? 0 : d.toNumber());

/** Splits `amount` (two decimals) in proportion to `weights` (two decimals) to the öre, exactly. */
function apportionCents(amount: Dec, weights: readonly Dec[]): Dec[] {
  const toInt = (d: Dec) => BigInt(d.times(100).toFixed(0));
  return apportion(toInt(amount), weights.map(toInt)).map((u) => new Dec(u.toString()).dividedBy(100));
}

export interface Ledger {
  actors: string[];
  years: number;
  /** Paid out by the fund per year (positive amounts). */
  payout: Dec[];
  /** Repaid to the fund per actor per year (positive amounts). */
  repaid: Dec[][];
  /** Still to be repaid at the end of each year. */
  outstanding: Dec[];
  /** The fund's balance at the end of each year: fund at start − payouts + repayments so far. */
  balance: Dec[];
  fundStart: Dec;
}

export interface SavingsRule {
  kind: "savings";
  /** Share of realised savings repaid: one for all actors or one per actor, each 0…1. */
  share: readonly number[];
  /** Years after a payout before it may be repaid (1 = the year after, 0 = the same year). */
  delay: number;
  /** The most repaid per year, all actors together; null = no cap. */
  cap: number | null;
  /** The last year (1-based) in which anything is repaid; null = the last year of the table. */
  lastYear: number | null;
}

export interface CommittedRule {
  kind: "committed";
  /** Committed repayment per actor per year: amounts, or shares of the total payout. */
  commitments: readonly (readonly number[])[];
  asShares: boolean;
}

/** A committed plan (amounts) as the fund part's rule; the share rule's options make no sense with it. */
export function commitmentPlan(commitments: readonly (readonly number[])[], shareOptionsGiven: boolean): CommittedRule {
  if (shareOptionsGiven) raise("ruleOptionsWithPlan");
  return { kind: "committed", commitments, asShares: false };
}

function wholeYears(x: number, arg: string, min: number): number {
  if (!Number.isInteger(x) || x < min || x > 100000) raise("notWholeYears", { arg, min, got: show(x) });
  return x;
}

/** Amounts by year (a single amount is year 1), padded to the horizon, rounded to two decimals. */
function amountsByYear(values: readonly number[], years: number, arg: string, table: string): Dec[] {
  if (values.length > years) raise("longerThanHorizon", { arg, got: values.length, table, years });
  const out = new Array<Dec>(years).fill(ZERO);
  values.forEach((v, i) => {
    if (v < 0) raise("negativeAmount", { arg, pos: i + 1, got: show(v) });
    out[i] = toCents(v);
  });
  return out;
}

function payoutByYear(payout: readonly number[], years: number, table: string, arg = "payout"): Dec[] {
  const out = amountsByYear(payout, years, arg, table);
  if (sum(out).isZero()) raise("noPayout", { arg });
  return out;
}

/** Outstanding and balance per year from payouts and repayments: the one place the ledger is closed. */
function closeLedger(actors: string[], payout: Dec[], repaid: Dec[][], fundStart: number): Ledger {
  const years = payout.length;
  const start = toCents(fundStart);
  const outstanding: Dec[] = [];
  const balance: Dec[] = [];
  let paid = ZERO;
  let back = ZERO;
  for (let t = 0; t < years; t++) {
    paid = paid.plus(payout[t]);
    for (const r of repaid) back = back.plus(r[t]);
    outstanding.push(paid.minus(back));
    balance.push(start.minus(paid).plus(back));
  }
  return { actors, years, payout, repaid, outstanding, balance, fundStart: start };
}

/**
 * Norrköping: in year t (up to `lastYear`) the actors together repay
 *   min(Σ share_i × savings_i,t, cap, paid out in years ≤ t − delay − repaid before t),
 * each actor's part rounded to the öre and negative savings repaying nothing. So repayment may start while
 * later payouts are still being made, but never runs ahead of the money paid out `delay` years earlier; the
 * planner's fund schedule (src/planner/compute.ts computeFund) is the same rule. When the cap or the repayable
 * amount binds, the year's repayment is shared among the actors in proportion to what each owed that year
 * (largest remainder, to the öre).
 */
export function savingsLedger(
  actors: string[],
  payout: readonly number[],
  savings: readonly (readonly number[])[],
  rule: SavingsRule,
  fundStart = 0,
): Ledger {
  checkActorRows(actors, savings, "savings");
  const years = savings[0]?.length ?? 0;
  if (years === 0) fail("emptyRange", { arg: "savings" });
  const pay = payoutByYear(payout, years, "savings");
  const n = actors.length;
  if (rule.share.length !== 1 && rule.share.length !== n) raise("shareCount", { got: rule.share.length, need: n });
  rule.share.forEach((s, i) => {
    if (!(s >= 0 && s <= 1)) raise("shareOutOfRange", { pos: i + 1, got: show(s) });
  });
  const share = actors.map((_, i) => new Dec(rule.share.length === 1 ? rule.share[0] : rule.share[i]));
  const delay = wholeYears(rule.delay, "delay", 0);
  // The first year anything can be repaid: nothing is repayable before the first payout plus the delay.
  const firstPayoutYear = pay.findIndex((p) => !p.isZero()) + 1;
  const start = firstPayoutYear + delay;
  if (start > years) raise("startAfterHorizon", { start, payout: firstPayoutYear, delay, years });
  const last = rule.lastYear === null ? years : wholeYears(rule.lastYear, "last_year", 1);
  if (last > years) raise("repayLongerThanHorizon", { got: last, years });
  if (last < start) raise("lastBeforeStart", { got: last, start });
  let cap: Dec | null = null;
  if (rule.cap !== null) {
    cap = toCents(rule.cap);
    if (!cap.greaterThan(0)) raise("capNotPositive", { got: show(rule.cap) });
  }

  const repaid = actors.map(() => new Array<Dec>(years).fill(ZERO));
  const paidOutBy: Dec[] = [];
  let paidOut = ZERO;
  let repaidSoFar = ZERO;
  for (let t = 0; t < years; t++) {
    paidOut = paidOut.plus(pay[t]);
    paidOutBy.push(paidOut);
    const year = t + 1;
    if (year < start || year > last) continue;
    // Only money paid out at least `delay` years ago can flow back.
    const repayable = paidOutBy[t - delay].minus(repaidSoFar);
    if (!repayable.greaterThan(0)) continue;
    const dues = savings.map((row, i) => (row[t] > 0 ? new Dec(row[t]).times(share[i]).toDecimalPlaces(2, Decimal.ROUND_HALF_UP) : ZERO));
    const due = sum(dues);
    let available = minDec(due, repayable);
    if (cap) available = minDec(available, cap);
    const paid = available.equals(due) ? dues : apportionCents(available, dues);
    paid.forEach((p, i) => (repaid[i][t] = p));
    repaidSoFar = repaidSoFar.plus(available);
  }
  return closeLedger(actors, pay, repaid, fundStart);
}

/**
 * Malmö: the nämnder repay what they committed to, year by year, whatever they saved. A plan may not
 * repay more than the fund has paid out at any point. Commitments given as shares of the payout (summing
 * to 100 %) are turned into amounts by an exact largest-remainder split of the payout, to the öre.
 */
export function committedLedger(
  actors: string[],
  payout: readonly number[],
  rule: CommittedRule,
  fundStart = 0,
): Ledger {
  const plan = rule.commitments;
  checkActorRows(actors, plan, "commitments");
  const years = plan[0]?.length ?? 0;
  if (years === 0) fail("emptyRange", { arg: "commitments" });
  const pay = payoutByYear(payout, years, "commitments");
  let repaid: Dec[][];
  if (rule.asShares) {
    const weights = checkShares(plan.flat(), "commitments");
    const totalCents = BigInt(sum(pay).times(100).toFixed(0));
    const parts = apportion(totalCents, weights).map((u) => new Dec(u.toString()).dividedBy(100));
    repaid = plan.map((_, i) => parts.slice(i * years, (i + 1) * years));
  } else {
    repaid = plan.map((row, i) =>
      row.map((v, t) => {
        if (v < 0) raise("negativeAmount", { arg: "commitments", pos: i * years + t + 1, got: show(v) });
        return toCents(v);
      }),
    );
  }
  let paid = ZERO;
  let committed = ZERO;
  for (let t = 0; t < years; t++) {
    paid = paid.plus(pay[t]);
    for (const r of repaid) committed = committed.plus(r[t]);
    if (committed.greaterThan(paid)) {
      const total = sum(repaid.map(sum));
      const payoutTotal = sum(pay);
      if (total.greaterThan(payoutTotal)) raise("commitmentsExceedPayout", { committed: total.toString(), payout: payoutTotal.toString() });
      raise("commitmentBeforePayout", { year: t + 1, committed: committed.toString(), payout: paid.toString() });
    }
  }
  return closeLedger(actors, pay, repaid, fundStart);
}

// ---- Tables ----

const HEADER_FIRST = "Post / Item";
const HEADER_LAST = "Summa; saldo vid slut / Total; closing balance";

function header(years: number): Table {
  return [[HEADER_FIRST, ...Array.from({ length: years }, (_, t) => t + 1), HEADER_LAST]];
}
/** A flow row: the yearly amounts and their sum. */
const flowRow = (label: string, xs: readonly Dec[]): (string | number)[] => [label, ...xs.map(num), num(sum(xs))];
/** A balance row: the year-end balances and the closing balance. */
const balanceRow = (label: string, xs: readonly Dec[]): (string | number)[] => [label, ...xs.map(num), num(xs[xs.length - 1])];
const negate = (xs: readonly Dec[]): Dec[] => xs.map((x) => x.negated());
const yearTotals = (rows: readonly (readonly Dec[])[], years: number): Dec[] =>
  Array.from({ length: years }, (_, t) => sum(rows.map((r) => r[t])));

export const LABELS = {
  payout: "Utbetalning från fonden / Fund payout",
  repayment: "Återbetalning / Repayment: ",
  repaymentTotal: "Återbetalning totalt / Total repayment",
  outstanding: "Kvar att återbetala vid årets slut / Outstanding at year end",
  balance: "Fondens saldo vid årets slut / Fund balance at year end",
  commitment: "Åtagande / Commitment: ",
  savings: "Realiserad besparing / Realised savings",
  savingsNotGiven: "Realiserad besparing (ej angiven) / Realised savings (not given)",
  gap: "Gap åtagande − besparing / Gap commitment − savings: ",
  gapTotal: "Gap totalt / Total gap",
  fundPart: "Fondmedel, återbetalas / Fund part, repaid",
  frame: "Ramanslag, återbetalas ej / Frame appropriation, not repaid",
  investment: "Investering totalt / Total investment",
  repaymentToFund: "Återbetalning till fonden / Repayment to the fund: ",
  fundResult: "Fondens nettoresultat / Fund net result",
} as const;

function ledgerCore(l: Ledger, repaymentLabel: string): Table {
  return [
    ...l.repaid.map((r, i) => flowRow(repaymentLabel + l.actors[i], r)),
    flowRow(LABELS.repaymentTotal, yearTotals(l.repaid, l.years)),
  ];
}

/** REPAYSAVINGS: payout, repayment per actor, total, outstanding and fund balance by year. */
export function savingsTable(l: Ledger): Table {
  return [
    ...header(l.years),
    flowRow(LABELS.payout, negate(l.payout)),
    ...ledgerCore(l, LABELS.repayment),
    balanceRow(LABELS.outstanding, l.outstanding),
    balanceRow(LABELS.balance, l.balance),
  ];
}

/** REPAYCOMMITTED: as the savings ledger, plus realised savings and the gap per actor (blank without savings). */
export function committedTable(l: Ledger, savings: readonly (readonly number[])[] | null): Table {
  if (savings) checkSameShape(l.repaid, "commitments", savings, "savings");
  const blankRow = (label: string) => [label, ...new Array<string>(l.years + 1).fill("")];
  const saved = savings?.map((r) => r.map((v) => new Dec(v)));
  const gaps = saved?.map((r, i) => r.map((s, t) => l.repaid[i][t].minus(s)));
  return [
    ...header(l.years),
    flowRow(LABELS.payout, negate(l.payout)),
    ...ledgerCore(l, LABELS.commitment),
    saved ? flowRow(LABELS.savings, yearTotals(saved, l.years)) : blankRow(LABELS.savingsNotGiven),
    ...l.actors.map((a, i) => (gaps ? flowRow(LABELS.gap + a, gaps[i]) : blankRow(LABELS.gap + a))),
    gaps ? flowRow(LABELS.gapTotal, yearTotals(gaps, l.years)) : blankRow(LABELS.gapTotal),
    balanceRow(LABELS.outstanding, l.outstanding),
    balanceRow(LABELS.balance, l.balance),
  ];
}

export interface DualLedger extends Ledger {
  /** The frame appropriation per year (positive amounts, not repaid). */
  frame: Dec[];
  /** Realised savings per actor per year, as given. */
  savings: Dec[][];
}

/**
 * Ale: the fund part follows the savings rule or a committed plan; the frame appropriation is spent
 * as given and never repaid. Savings are the realised savings (shown in the ledger for both rules).
 */
export function dualLedger(
  actors: string[],
  fundPayout: readonly number[],
  frame: readonly number[],
  savings: readonly (readonly number[])[],
  rule: SavingsRule | CommittedRule,
  fundStart = 0,
): DualLedger {
  checkActorRows(actors, savings, "savings");
  const years = savings[0]?.length ?? 0;
  let ledger: Ledger;
  if (rule.kind === "committed") {
    checkSameShape(rule.commitments, "repay", savings, "savings");
    ledger = committedLedger(actors, fundPayout, rule, fundStart);
  } else ledger = savingsLedger(actors, fundPayout, savings, rule, fundStart);
  return {
    ...ledger,
    frame: amountsByYear(frame, years, "frame", "savings"),
    savings: savings.map((r) => r.map((v) => new Dec(v))),
  };
}

export function dualTable(l: DualLedger): Table {
  const invested = l.payout.map((p, t) => p.plus(l.frame[t]));
  const repaidTotal = yearTotals(l.repaid, l.years);
  return [
    ...header(l.years),
    flowRow(LABELS.fundPart, negate(l.payout)),
    flowRow(LABELS.frame, negate(l.frame)),
    flowRow(LABELS.investment, negate(invested)),
    ...ledgerCore(l, LABELS.repaymentToFund),
    flowRow(LABELS.savings, yearTotals(l.savings, l.years)),
    balanceRow(LABELS.outstanding, l.outstanding),
    balanceRow(LABELS.balance, l.balance),
    flowRow(LABELS.fundResult, repaidTotal.map((r, t) => r.minus(l.payout[t]))),
  ];
}

/** Totals a reader checks first: paid out, repaid, unpaid at the end, closing balance. */
export function ledgerTotals(l: Ledger): { paidOut: Dec; repaid: Dec; unpaid: Dec; closingBalance: Dec } {
  return {
    paidOut: sum(l.payout),
    repaid: sum(l.repaid.map(sum)),
    unpaid: l.outstanding[l.years - 1],
    closingBalance: l.balance[l.years - 1],
  };
}
