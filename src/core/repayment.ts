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
 * The ledger is kept in whole öre as exact integers (BigInt; öre in a kr table: every amount entering it is
 * rounded half-up to two decimals first, as the decimal the user typed, visibly, in the ledger itself). So
 * the fund balance closes exactly: fund balance at the end = fund at the start − payouts + repayments, and
 * outstanding = payouts − repayments, to the öre, every year. Nothing is ever repaid beyond what is
 * outstanding. Rows that show the realised savings as given (sums, gaps) are exact decimals on the scale of
 * the savings table's most decimals. One pass per year over the actors: O(actors × years), no decimal.js
 * object per cell, so a table at the result limit takes milliseconds.
 *
 * Signs in the ledger follow the product's convention from the fund's point of view: a payout is negative
 * (money out of the fund), a repayment positive. Inputs are entered as positive amounts (a payout of 2 Mkr
 * is 2000000); realised savings are positive (avoided costs).
 */
import { Table, checkActorRows, checkSameShape } from "./actors";
import { apportion, checkShares } from "./allocation";
import { catalogue, fail, show } from "./errors";
import { at, outOfRange } from "./invariant";
import { decimalOf, divHalfUp, enNumber, fromScaled, pow10, svNumber, toCentsExact } from "./exact";

const sv = (x: unknown): string => svNumber(Number(x));
const en = (x: unknown): string => enNumber(Number(x));

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
    sv: (p) => `andel: andel nr ${p.pos} är ${p.got}; andelen av besparingen som återbetalas ska ligga mellan 0 och 100 %.`,
    en: (p) => `share: share no. ${p.pos} is ${p.got}; the share of savings repaid must be between 0 and 100%.`,
  },
  shareCount: {
    kind: "invalidValue",
    sv: (p) => `andel har ${p.got} värden men det finns ${p.need} aktörer; ange en andel för alla eller en per aktör.`,
    en: (p) => `share has ${p.got} values but there are ${p.need} actors; give one share for all or one per actor.`,
  },
  notWholeYears: {
    kind: "invalidNumber",
    sv: (p) => `${p.arg} måste vara ett helt antal år från ${p.min} (fick ${p.got}).`,
    en: (p) => `${p.arg} must be a whole number of years from ${p.min} (got ${p.got}).`,
  },
  repayLongerThanHorizon: {
    kind: "invalidValue",
    sv: (p) =>
      `last_year är år ${p.got} men tabellen har bara ${p.years} år: återbetalningen får inte vara längre än horisonten. Förläng tabellen eller välj ett tidigare år.`,
    en: (p) =>
      `last_year is year ${p.got} but the table has only ${p.years} years: the repayment must not be longer than the horizon. Extend the table or choose an earlier year.`,
  },
  startAfterHorizon: {
    kind: "invalidValue",
    sv: (p) =>
      `Återbetalningen skulle börja år ${p.start} (första utbetalningsåret ${p.payout} + fördröjning ${p.delay}), efter tabellens ${p.years} år. Förläng tabellen eller välj en kortare fördröjning.`,
    en: (p) =>
      `Repayment would start in year ${p.start} (first payout year ${p.payout} + delay ${p.delay}), after the table's ${p.years} years. Extend the table or choose a shorter delay.`,
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
    sv: (p) => `Åtagandena summerar till ${sv(p.committed)} men utbetalningen är ${sv(p.payout)}: ingen får återbetala mer än fonden betalat ut.`,
    en: (p) => `The commitments sum to ${en(p.committed)} but the payout is ${en(p.payout)}: nobody may repay more than the fund paid out.`,
  },
  commitmentBeforePayout: {
    kind: "invalidNumber",
    sv: (p) => `Åtagandena till och med år ${p.year} (${sv(p.committed)}) är större än vad fonden betalat ut till dess (${sv(p.payout)}).`,
    en: (p) => `The commitments up to year ${p.year} (${en(p.committed)}) exceed what the fund has paid out by then (${en(p.payout)}).`,
  },
  ruleOptionsWithPlan: {
    kind: "invalidValue",
    sv: () => `delay, cap och last_year gäller bara regeln med andel av besparingen; med en åtagandeplan ska de lämnas tomma.`,
    en: () => `delay, cap and last_year apply only to the share-of-savings rule; leave them empty with a commitment plan.`,
  },
});

/** An amount in the ledger: a whole number of öre (hundredths of the table's unit), exact. */
export type Cents = bigint;

/** An amount entering the ledger, rounded half-up to two decimals (as its decimal, 1000.005 → 1000.01). */
export const toCents = (x: number): Cents => toCentsExact(x);
const sum = (xs: readonly bigint[]): bigint => {
  let a = 0n;
  for (const x of xs) a += x;
  return a;
};
const minBig = (a: bigint, b: bigint): bigint => (a < b ? a : b);
/** A ledger amount as a number (the double nearest to its exact value); never −0. */
export const num = (c: Cents): number => fromScaled(c, 2);
/** A ledger row's amount in year t (from 0): every row of a ledger spans its years. */
function centsIn(row: readonly Cents[], t: number): Cents {
  const c = row[t];
  return typeof c === "bigint" ? c : outOfRange("ledger", t, row.length);
}

export interface Ledger {
  actors: string[];
  years: number;
  /** Paid out by the fund per year (positive amounts). */
  payout: Cents[];
  /** Repaid to the fund per actor per year (positive amounts). */
  repaid: Cents[][];
  /** Still to be repaid at the end of each year. */
  outstanding: Cents[];
  /** The fund's balance at the end of each year: fund at start − payouts + repayments so far. */
  balance: Cents[];
  fundStart: Cents;
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
function amountsByYear(values: readonly number[], years: number, arg: string, table: string): Cents[] {
  if (values.length > years) raise("longerThanHorizon", { arg, got: values.length, table, years });
  const out = new Array<Cents>(years).fill(0n);
  values.forEach((v, i) => {
    if (v < 0) raise("negativeAmount", { arg, pos: i + 1, got: show(v) });
    out[i] = toCents(v);
  });
  return out;
}

function payoutByYear(payout: readonly number[], years: number, table: string, arg = "payout"): Cents[] {
  const out = amountsByYear(payout, years, arg, table);
  if (sum(out) === 0n) raise("noPayout", { arg });
  return out;
}

/** Outstanding and balance per year from payouts and repayments: the one place the ledger is closed. */
function closeLedger(actors: string[], payout: Cents[], repaid: Cents[][], fundStart: number): Ledger {
  const years = payout.length;
  const start = toCents(fundStart);
  const outstanding: Cents[] = [];
  const balance: Cents[] = [];
  let paid = 0n;
  let back = 0n;
  for (let t = 0; t < years; t++) {
    paid += centsIn(payout, t);
    for (const r of repaid) back += centsIn(r, t);
    outstanding.push(paid - back);
    balance.push(start - paid + back);
  }
  return { actors, years, payout, repaid, outstanding, balance, fundStart: start };
}

/**
 * share × saving rounded half-up to the öre, exactly as the decimals typed (a saving of 0 or less repays
 * nothing). In doubles when the product of the integers is below 2^53, else in BigInt: the same integers.
 */
function dueFrom(share: number): (saving: number) => Cents {
  const { digits, dp } = decimalOf(share);
  const digitsNumber = Number(digits);
  const divisor = 10 ** dp; // exact up to 10^22
  const fast = dp <= 22 && digitsNumber <= Number.MAX_SAFE_INTEGER;
  return (v) => {
    if (!(v > 0) || digits === 0n) return 0n;
    const c = Math.round(v * 100);
    if (fast && c < 1e15 && c / 100 === v) {
      // v = c öre exactly; due = c × digits / 10^dp, half-up
      const p = c * digitsNumber;
      if (p <= Number.MAX_SAFE_INTEGER) {
        if (divisor === 1) return BigInt(p);
        let q = Math.floor(p / divisor);
        let r = p - q * divisor;
        if (r < 0) {
          q -= 1;
          r += divisor;
        } else if (r >= divisor) {
          q += 1;
          r -= divisor;
        }
        return BigInt(2 * r >= divisor ? q + 1 : q);
      }
    }
    // in öre: v × share × 100 = d.digits × digits × 100 / 10^(d.dp + dp)
    const d = decimalOf(v);
    const e = d.dp + dp;
    const product = d.digits * digits * 100n;
    return e === 0 ? product : divHalfUp(product, pow10(e));
  };
}

/**
 * Norrköping: in year t (up to `lastYear`) the actors together repay
 *   min(Σ share_i × savings_i,t, cap, paid out in years ≤ t − delay − repaid before t),
 * each actor's part rounded to the öre and negative savings repaying nothing. So repayment may start while
 * later payouts are still being made, but never runs ahead of the money paid out `delay` years earlier; the
 * model's fund schedule (savingsRepaymentRow below, in doubles) is the same rule. When the cap or the repayable
 * amount binds, the year's repayment is shared among the actors in proportion to what each owed that year
 * (largest remainder, to the öre).
 */
export function savingsLedger(actors: string[], payout: readonly number[], savings: readonly (readonly number[])[], rule: SavingsRule, fundStart = 0): Ledger {
  checkActorRows(actors, savings, "savings");
  const years = savings[0]?.length ?? 0;
  if (years === 0) fail("emptyRange", { arg: "savings" });
  const pay = payoutByYear(payout, years, "savings");
  const n = actors.length;
  if (rule.share.length !== 1 && rule.share.length !== n) raise("shareCount", { got: rule.share.length, need: n });
  rule.share.forEach((s, i) => {
    if (!(s >= 0 && s <= 1)) raise("shareOutOfRange", { pos: i + 1, got: show(s) });
  });
  const dueOf = rule.share.map(dueFrom);
  const due = actors.map((_, i) => dueOf[rule.share.length === 1 ? 0 : i]);
  const delay = wholeYears(rule.delay, "delay", 0);
  // The first year anything can be repaid: nothing is repayable before the first payout plus the delay.
  const firstPayoutYear = pay.findIndex((p) => p !== 0n) + 1;
  const start = firstPayoutYear + delay;
  if (start > years) raise("startAfterHorizon", { start, payout: firstPayoutYear, delay, years });
  const last = rule.lastYear === null ? years : wholeYears(rule.lastYear, "last_year", 1);
  if (last > years) raise("repayLongerThanHorizon", { got: last, years });
  if (last < start) raise("lastBeforeStart", { got: last, start });
  let cap: Cents | null = null;
  if (rule.cap !== null) {
    cap = toCents(rule.cap);
    if (!(cap > 0n)) raise("capNotPositive", { got: show(rule.cap) });
  }

  const repaid = actors.map(() => new Array<Cents>(years).fill(0n));
  const paidOutBy: Cents[] = [];
  let paidOut = 0n;
  let repaidSoFar = 0n;
  const dues = new Array<Cents>(n);
  for (let t = 0; t < years; t++) {
    paidOut += centsIn(pay, t);
    paidOutBy.push(paidOut);
    const year = t + 1;
    if (year < start || year > last) continue;
    // Only money paid out at least `delay` years ago can flow back (t ≥ delay from the start year on).
    const repayable = centsIn(paidOutBy, t - delay) - repaidSoFar;
    if (!(repayable > 0n)) continue;
    let owed = 0n;
    for (let i = 0; i < n; i++) {
      const row = savings[i];
      const dueOn = due[i];
      if (row === undefined || dueOn === undefined) return outOfRange("savingsLedger", i, n);
      const saving = row[t];
      const d = dueOn(typeof saving === "number" ? saving : 0); // a row shorter than the first saves nothing in its missing years (the readers make tables rectangular)
      dues[i] = d;
      owed += d;
    }
    let available = minBig(owed, repayable);
    if (cap !== null) available = minBig(available, cap);
    if (available === 0n) continue;
    const paid = available === owed ? dues : apportion(available, dues);
    for (let i = 0; i < n; i++) {
      const row = repaid[i];
      if (row === undefined) return outOfRange("savingsLedger", i, n);
      row[t] = centsIn(paid, i);
    }
    repaidSoFar += available;
  }
  return closeLedger(actors, pay, repaid, fundStart);
}

/**
 * Malmö: the nämnder repay what they committed to, year by year, whatever they saved. A plan may not
 * repay more than the fund has paid out at any point. Commitments given as shares of the payout (summing
 * to 100 %) are turned into amounts by an exact largest-remainder split of the payout, to the öre.
 */
export function committedLedger(actors: string[], payout: readonly number[], rule: CommittedRule, fundStart = 0): Ledger {
  const plan = rule.commitments;
  checkActorRows(actors, plan, "commitments");
  const years = plan[0]?.length ?? 0;
  if (years === 0) fail("emptyRange", { arg: "commitments" });
  const pay = payoutByYear(payout, years, "commitments");
  let repaid: Cents[][];
  if (rule.asShares) {
    const weights = checkShares(plan.flat(), "commitments");
    const parts = apportion(sum(pay), weights);
    repaid = plan.map((_, i) => parts.slice(i * years, (i + 1) * years));
  } else {
    repaid = plan.map((row, i) =>
      row.map((v, t) => {
        if (v < 0) raise("negativeAmount", { arg: "commitments", pos: i * years + t + 1, got: show(v) });
        return toCents(v);
      }),
    );
  }
  let paid = 0n;
  let committed = 0n;
  for (let t = 0; t < years; t++) {
    paid += centsIn(pay, t);
    for (const r of repaid) committed += centsIn(r, t);
    if (committed > paid) {
      const total = sum(repaid.map(sum));
      const payoutTotal = sum(pay);
      if (total > payoutTotal) raise("commitmentsExceedPayout", { committed: num(total), payout: num(payoutTotal) });
      raise("commitmentBeforePayout", { year: t + 1, committed: num(committed), payout: num(paid) });
    }
  }
  return closeLedger(actors, pay, repaid, fundStart);
}

/**
 * Realised savings as given, exact: every value as its decimal on one scale (the table's most decimals, at
 * least the ledger's two), so sums and gaps against the ledger's öre are exact.
 */
interface ExactTable {
  rows: bigint[][];
  scale: number;
}

function exactTable(values: readonly (readonly number[])[]): ExactTable {
  let scale = 2;
  const ds = values.map((r) =>
    r.map((v) => {
      const d = decimalOf(v);
      if (d.dp > scale) scale = d.dp;
      return d;
    }),
  );
  return { rows: ds.map((r) => r.map((d) => (d.dp === scale ? d.digits : d.digits * pow10(scale - d.dp)))), scale };
}

// ---- Tables ----

const HEADER_FIRST = "Post / Item";
const HEADER_LAST = "Summa; saldo vid slut / Total; closing balance";

function header(years: number): Table {
  return [[HEADER_FIRST, ...Array.from({ length: years }, (_, t) => t + 1), HEADER_LAST]];
}
/** A flow row: the yearly amounts and their sum (amounts in units of 10^−scale: öre by default). */
function flowRow(label: string, xs: readonly bigint[], scale = 2): (string | number)[] {
  const out: (string | number)[] = [label];
  let total = 0n;
  for (const x of xs) {
    out.push(fromScaled(x, scale));
    total += x;
  }
  out.push(fromScaled(total, scale));
  return out;
}
/** A balance row: the year-end balances and the closing balance. */
const balanceRow = (label: string, xs: readonly Cents[]): (string | number)[] => [label, ...xs.map(num), num(at(xs, xs.length - 1, "balanceRow"))];
const negate = (xs: readonly bigint[]): bigint[] => xs.map((x) => -x);
function yearTotals(rows: readonly (readonly bigint[])[], years: number): bigint[] {
  const out = new Array<bigint>(years).fill(0n);
  for (const r of rows) for (let t = 0; t < years; t++) out[t] = centsIn(out, t) + centsIn(r, t);
  return out;
}

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
  return [...l.repaid.map((r, i) => flowRow(repaymentLabel + l.actors[i], r)), flowRow(LABELS.repaymentTotal, yearTotals(l.repaid, l.years))];
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
  const saved = savings ? exactTable(savings) : null;
  // gap = commitment − realised savings, exact on the savings' scale
  const toScale = saved ? pow10(saved.scale - 2) : 1n;
  const gaps = saved?.rows.map((r, i) => {
    const committed = at(l.repaid, i, "committedTable");
    return r.map((s, t) => centsIn(committed, t) * toScale - s);
  });
  const scale = saved?.scale ?? 2;
  return [
    ...header(l.years),
    flowRow(LABELS.payout, negate(l.payout)),
    ...ledgerCore(l, LABELS.commitment),
    saved ? flowRow(LABELS.savings, yearTotals(saved.rows, l.years), scale) : blankRow(LABELS.savingsNotGiven),
    ...l.actors.map((a, i) => (gaps ? flowRow(LABELS.gap + a, at(gaps, i, "committedTable"), scale) : blankRow(LABELS.gap + a))),
    gaps ? flowRow(LABELS.gapTotal, yearTotals(gaps, l.years), scale) : blankRow(LABELS.gapTotal),
    balanceRow(LABELS.outstanding, l.outstanding),
    balanceRow(LABELS.balance, l.balance),
  ];
}

export interface DualLedger extends Ledger {
  /** The frame appropriation per year (positive amounts, not repaid). */
  frame: Cents[];
  /** Realised savings per actor per year, as given. */
  savings: readonly (readonly number[])[];
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
    savings,
  };
}

export function dualTable(l: DualLedger): Table {
  const invested = l.payout.map((p, t) => p + centsIn(l.frame, t));
  const repaidTotal = yearTotals(l.repaid, l.years);
  const saved = exactTable(l.savings);
  return [
    ...header(l.years),
    flowRow(LABELS.fundPart, negate(l.payout)),
    flowRow(LABELS.frame, negate(l.frame)),
    flowRow(LABELS.investment, negate(invested)),
    ...ledgerCore(l, LABELS.repaymentToFund),
    flowRow(LABELS.savings, yearTotals(saved.rows, l.years), saved.scale),
    balanceRow(LABELS.outstanding, l.outstanding),
    balanceRow(LABELS.balance, l.balance),
    flowRow(
      LABELS.fundResult,
      repaidTotal.map((r, t) => r - centsIn(l.payout, t)),
    ),
  ];
}

/** Totals a reader checks first: paid out, repaid, unpaid at the end, closing balance. */
export function ledgerTotals(l: Ledger): { paidOut: Cents; repaid: Cents; unpaid: Cents; closingBalance: Cents } {
  return {
    paidOut: sum(l.payout),
    repaid: sum(l.repaid.map(sum)),
    unpaid: centsIn(l.outstanding, l.years - 1),
    closingBalance: centsIn(l.balance, l.years - 1),
  };
}

// ---- The same rules in doubles, for the model ----
//
// The investment model (core/model.ts) and the model sheet's formulas compute the fund schedule in plain
// doubles, without rounding to the öre, for speed in loops and so that the sheet can show every step. These
// are the ledger rules above in that form (one rule, two speeds: test/core/model-fund.test.ts checks them
// against the ledgers, equal where the ledger's öre rounding changes nothing).

/** The terms of the savings rule for one row of savings (the model sums the repaying actors' savings first). */
export interface SavingsTerms {
  share: number;
  delay: number;
  cap: number | null;
  /** The last year (1-based) in which anything is repaid; null = the last year of the row. */
  lastYear: number | null;
}

/**
 * The savings rule of savingsLedger for one row of savings, in doubles: in year t (1-based, up to lastYear)
 *   repaid_t = max(0, min(share × saving_t, cap, paid out in years ≤ t − delay − repaid before t)),
 * else 0. Where savingsLedger refuses (no payout, a start after the horizon, a last year before the start, a
 * cap of 0) this gives what the rule gives there: nothing in the years it excludes. `payout` may be shorter
 * than `savings` (0 after its end). Fills `out` (length ≥ savings) and returns it.
 */
export function savingsRepaymentRow(
  payout: readonly number[],
  savings: readonly number[],
  terms: SavingsTerms,
  out: number[] = new Array<number>(savings.length),
): number[] {
  const { share, delay, cap, lastYear } = terms;
  let paidOut = 0; // paid out in the years up to t − delay
  let repaid = 0;
  for (let t = 0; t < savings.length; t++) {
    const saving = savings[t];
    if (typeof saving !== "number") return outOfRange("savingsRepaymentRow", t, savings.length);
    const p = payout[t - delay];
    if (typeof p === "number") paidOut += p; // nothing before the first delay has passed, nor after the payout's end
    const repayable = Math.max(0, paidOut - repaid);
    const wish = share * saving;
    const capped = cap === null ? wish : Math.min(wish, cap);
    const r = lastYear === null || t + 1 <= lastYear ? Math.max(0, Math.min(capped, repayable)) : 0;
    out[t] = r;
    repaid += r;
  }
  return out;
}

/**
 * The committed rule with commitments as shares of the total payout, in doubles: share_t × total payout per
 * year (committedLedger splits the same amounts to the öre). Fills `out` and returns it.
 */
export function committedRepaymentRow(totalPayout: number, shares: readonly number[], out: number[] = new Array<number>(shares.length)): number[] {
  for (let t = 0; t < shares.length; t++) {
    const s = shares[t];
    if (typeof s !== "number") return outOfRange("committedRepaymentRow", t, shares.length);
    out[t] = s * totalPayout;
  }
  return out;
}

export interface LedgerRows {
  cumulativePayout: number[];
  cumulativeRepaid: number[];
  /** Still to be repaid at the end of each year: paid out − repaid so far. */
  outstanding: number[];
  /** The fund's balance at the end of each year: fund at the start − paid out + repaid so far. */
  balance: number[];
}

/** closeLedger in doubles: cumulative payout and repayment, outstanding and balance per year. */
export function ledgerBalanceRows(payout: readonly number[], repaid: readonly number[], fundStart = 0): LedgerRows {
  const n = payout.length;
  const cumulativePayout = new Array<number>(n);
  const cumulativeRepaid = new Array<number>(n);
  const outstanding = new Array<number>(n);
  const balance = new Array<number>(n);
  let paid = 0;
  let back = 0;
  for (let t = 0; t < n; t++) {
    const p = payout[t];
    const r = repaid[t];
    if (typeof p !== "number" || typeof r !== "number") return outOfRange("ledgerBalanceRows", t, n);
    paid += p;
    back += r;
    cumulativePayout[t] = paid;
    cumulativeRepaid[t] = back;
    outstanding[t] = paid - back;
    balance[t] = fundStart - paid + back;
  }
  return { cumulativePayout, cumulativeRepaid, outstanding, balance };
}
