/**
 * Who pays, who gains: actor flow tables and the per-actor present values.
 *
 * An actor flow table has one row per actor (a nämnd, the region, Försäkringskassan, Arbetsförmedlingen,
 * rättsväsendet, the individual, society) and one column per year.
 *
 * SIGN CONVENTION (used by every actor flow table in this product): costs are NEGATIVE, avoided costs and
 * other gains are POSITIVE. A cell's sign decides whether it is a cost or a gain, so one row may hold both
 * (a nämnd that pays for the intervention and later saves on placements). SOCINV.BREAKEVEN from the
 * foundation takes positive costs and positive benefits; that is a separate, documented convention for two
 * separate series, not a flow table.
 *
 * Discounting is the foundation's (src/core/discounting): the same `rate` (number, per-period rates or a
 * declining schedule) and `type` (0 end, 1 start, 0.5 mid-period) as SOCINV.NPV.
 */
import { catalogue, fail, show } from "./errors";
import { RateSpec, Timing, accumulationFactors, normalFactor, presentValue } from "./discounting";
import { at, outOfRange } from "./invariant";
import { asMatrix, isBlank, isCellError, toNumberMatrix, widthOf } from "./values";

/** A cell of a spilled table: a number or a text (headers, labels, roles, "" for "not defined"). */
export type Cell = number | string;
export type Table = Cell[][];

export const raise = catalogue({
  labelMissing: {
    kind: "invalidValue",
    sv: (p) => `${p.arg}: aktörsnamn nr ${p.pos} saknas (tom cell). Varje rad i tabellen behöver ett namn.`,
    en: (p) => `${p.arg}: actor label no. ${p.pos} is missing (empty cell). Every row of the table needs a name.`,
  },
  labelNotText: {
    kind: "invalidValue",
    sv: (p) => `${p.arg}: aktörsnamn nr ${p.pos} är ${p.got}, inte ett namn. Har du markerat talen i stället för namnen?`,
    en: (p) => `${p.arg}: actor label no. ${p.pos} is ${p.got}, not a name. Did you select the numbers instead of the names?`,
  },
  labelDuplicate: {
    kind: "invalidValue",
    sv: (p) => `${p.arg}: aktören ${p.got} förekommer två gånger (nr ${p.first} och nr ${p.pos}). Slå ihop raderna eller ge dem olika namn.`,
    en: (p) => `${p.arg}: the actor ${p.got} appears twice (no. ${p.first} and no. ${p.pos}). Merge the rows or give them different names.`,
  },
  actorsMismatch: {
    kind: "invalidValue",
    sv: (p) => `${p.arg} har ${p.labels} aktörsnamn men ${p.table} har ${p.rows} ${Number(p.rows) === 1 ? "rad" : "rader"}; en rad per aktör.`,
    en: (p) =>
      `${p.arg} has ${p.labels} actor ${Number(p.labels) === 1 ? "label" : "labels"} but ${p.table} has ${p.rows} ${Number(p.rows) === 1 ? "row" : "rows"}; one row per actor.`,
  },
  tablesMismatch: {
    kind: "invalidValue",
    sv: (p) => `${p.a} och ${p.b} måste ha samma storlek (${p.sa} mot ${p.sb}).`,
    en: (p) => `${p.a} and ${p.b} must have the same size (${p.sa} vs ${p.sb}).`,
  },
  tooManyCells: {
    kind: "invalidValue",
    sv: (p) => `${p.arg} är för stor (${p.got} celler; högst ${p.max}).`,
    en: (p) => `${p.arg} is too large (${p.got} cells; at most ${p.max}).`,
  },
});

/** Larger tables than this are almost certainly a whole-column reference by mistake. */
export const MAX_CELLS = 1_000_000;

/**
 * Reads actor labels from a row or a column. Labels are names: an empty cell, a number or a duplicate
 * (ignoring case and surrounding spaces) is refused, because each would silently misplace a row's money.
 */
export function readActors(v: unknown, arg = "actors"): string[] {
  if (v === null || v === undefined) fail("missingArgument", { arg });
  const m = asMatrix(v);
  const rows = m.length;
  const cols = widthOf(m);
  if (rows === 0 || cols === 0) fail("emptyRange", { arg });
  if (rows > 1 && cols > 1) fail("notAVector", { arg, rows, cols });
  const cells = rows > 1 ? m.map((r) => r[0]) : at(m, 0, "readActors");
  const seen = new Map<string, number>();
  return cells.map((c, i) => {
    const pos = i + 1;
    if (isBlank(c) || (typeof c === "string" && c.trim() === "")) return raise("labelMissing", { arg, pos });
    if (isCellError(c)) return fail("errorInRange", { arg, pos, got: c.errorCode });
    if (typeof c !== "string") return raise("labelNotText", { arg, pos, got: show(c) });
    const label = c.trim();
    const key = label.toLocaleLowerCase("sv");
    const first = seen.get(key);
    if (first !== undefined) raise("labelDuplicate", { arg, got: show(label), first, pos });
    seen.set(key, pos);
    return label;
  });
}

/** Reads an actor × year table of numbers (blank → 0). A bare null or undefined is an omitted argument. */
export function readTable(v: unknown, arg: string): number[][] {
  if (v === null || v === undefined) fail("missingArgument", { arg });
  const m = asMatrix(v);
  const cells = m.length * widthOf(m);
  if (cells > MAX_CELLS) raise("tooManyCells", { arg, got: cells, max: MAX_CELLS });
  return toNumberMatrix(m, arg);
}

export const sizeText = (t: readonly (readonly unknown[])[]): string => `${t.length}×${t[0]?.length ?? 0}`;

/** One row per actor: the labels and the table must agree. */
export function checkActorRows(labels: readonly string[], table: readonly (readonly unknown[])[], tableArg: string, labelArg = "actors"): void {
  if (labels.length !== table.length) {
    raise("actorsMismatch", { arg: labelArg, labels: labels.length, table: tableArg, rows: table.length });
  }
}

/** Two tables that describe the same actors and years must have the same shape. */
export function checkSameShape(a: readonly (readonly unknown[])[], aArg: string, b: readonly (readonly unknown[])[], bArg: string): void {
  if (a.length !== b.length || (a[0]?.length ?? 0) !== (b[0]?.length ?? 0)) {
    raise("tablesMismatch", { a: aArg, b: bArg, sa: sizeText(a), sb: sizeText(b) });
  }
}

/** Present value of each actor's row, exactly as SOCINV.NPV computes it for that row. */
export function actorPresentValues(rate: RateSpec, flows: readonly (readonly number[])[], timing: Timing = 0): number[] {
  return flows.map((row) => presentValue(rate, row, timing));
}

export interface ActorPV {
  /** PV of the row's negative cells (a negative number, or 0). */
  costs: number;
  /** PV of the row's positive cells (a positive number, or 0). */
  gains: number;
  /** costs + gains. */
  net: number;
}

/**
 * PV of the first `upTo` values with accumulation factors `g` computed once for a whole table (or model):
 * the plain sum Σ v_i / G_i of presentValue, to the last bit. `plain` says every factor is a normal double
 * (normalFactor); otherwise, or when the sum leaves the doubles, presentValue itself computes it (by
 * logarithms), so the answer is always presentValue's.
 */
export function presentValueWith(
  rate: RateSpec,
  values: readonly number[],
  timing: Timing,
  g: readonly number[],
  plain: boolean,
  upTo: number = values.length,
): number {
  if (upTo > values.length || g.length < values.length) return outOfRange("presentValueWith", upTo, values.length);
  if (plain) {
    let s = 0;
    // The model's rows and g have n entries and upTo ≤ n (checked above). This is the model's innermost loop:
    // a check per read here made evaluateModel a tenth slower (npm run bench), so the two reads are asserted.
    for (let i = 0; i < upTo; i++) {
      const v = values[i]!; // i < upTo ≤ values.length
      if (v !== 0) s += v / g[i]!; // g has one factor per value
    }
    if (Number.isFinite(s)) return s;
  }
  return presentValue(rate, upTo === values.length ? values : values.slice(0, upTo), timing);
}

/** Gains per krona of own costs, both as positive amounts (also the benefit–cost ratio); null without costs. */
export function gainsPerCost(gains: number, costs: number): number | null {
  return costs > 0 ? gains / costs : null;
}

/**
 * Is this actor part of the kommun (a nämnd or the kommunstyrelse, kind "namnd")? The kommun's result within
 * the mandate, its subtotal in the who-pays table and the default repaying actors of a fund follow it.
 */
export function isKommun(actor: { kind: string }): boolean {
  return actor.kind === "namnd";
}

/** PV of costs and of gains per actor. The discount factors are computed once for the whole table. */
export function actorCostsAndGains(rate: RateSpec, flows: readonly (readonly number[])[], timing: Timing = 0): ActorPV[] {
  const years = flows[0]?.length ?? 0;
  const g = accumulationFactors(rate, years, timing);
  if (!g.every(normalFactor)) {
    // Factors beyond the doubles (r near −100 % over many years): presentValue sums such terms by logarithms.
    return flows.map((row) => {
      const costs = presentValue(
        rate,
        row.map((v) => Math.min(v, 0)),
        timing,
      );
      const gains = presentValue(
        rate,
        row.map((v) => Math.max(v, 0)),
        timing,
      );
      return { costs, gains, net: costs + gains };
    });
  }
  if (g.length !== years) return outOfRange("actorCostsAndGains", g.length, years);
  return flows.map((row) => {
    let costs = 0;
    let gains = 0;
    // The loop over every cell of the table (1,000,000 at the limit): its bounds make both reads in range, and a
    // check per read cost a seventh of ACTORSUMMARY at the limit (npm run bench), so the reads are asserted. A row
    // shorter than the first adds nothing in its missing years, a longer one nothing after them (the readers
    // make tables rectangular).
    const m = Math.min(years, row.length);
    for (let i = 0; i < m; i++) {
      const v = row[i]!; // i < m ≤ row.length
      if (v < 0) {
        costs += v / g[i]!; // i < m ≤ years = g.length
      } else if (v > 0) {
        gains += v / g[i]!; // i < m ≤ years = g.length
      }
    }
    return { costs, gains, net: costs + gains };
  });
}

export type Role = "investor" | "mainBeneficiary" | "beneficiary" | "breaksEven" | "notAffected";

export const ROLE_TEXT: Record<Role, string> = {
  investor: "Investerare / Investor",
  mainBeneficiary: "Huvudvinnare / Main beneficiary",
  beneficiary: "Vinnare / Beneficiary",
  breaksEven: "Går jämnt upp / Breaks even",
  notAffected: "Berörs inte / Not affected",
};

/** An actor gaining at least this share of all gains is a main beneficiary (so is the largest gainer). */
export const MAIN_BENEFICIARY_SHARE = 0.25;

export interface ActorSummaryRow extends ActorPV {
  actor: string;
  /** Share of the gains of all actors; null when nobody gains. */
  shareOfGains: number | null;
  /** Gains ÷ own costs (both as positive amounts); null when the actor has no costs. */
  gainsPerCost: number | null;
  role: Role;
}

export interface ActorSummary {
  rows: ActorSummaryRow[];
  total: ActorPV & { gainsPerCost: number | null };
}

/**
 * The who-pays-who-gains summary. Roles: an actor whose net PV is negative is an investor (it pays more
 * than it gets back); among actors with a positive net PV, those with at least 25 % of all gains, and
 * always the one with the largest gains, are main beneficiaries; the others are beneficiaries.
 */
export function actorSummary(rate: RateSpec, labels: readonly string[], flows: readonly (readonly number[])[], timing: Timing = 0): ActorSummary {
  checkActorRows(labels, flows, "flows");
  const pvs = actorCostsAndGains(rate, flows, timing);
  let costs = 0;
  let gains = 0;
  for (const p of pvs) {
    costs += p.costs;
    gains += p.gains;
  }
  let largestGain = 0;
  for (const p of pvs) if (p.net > 0 && p.gains > largestGain) largestGain = p.gains;
  const rows = pvs.map((p, i): ActorSummaryRow => {
    const shareOfGains = gains > 0 ? p.gains / gains : null;
    let role: Role;
    if (p.net < 0) role = "investor";
    else if (p.net > 0) role = (shareOfGains ?? 0) >= MAIN_BENEFICIARY_SHARE || p.gains === largestGain ? "mainBeneficiary" : "beneficiary";
    else role = p.costs === 0 && p.gains === 0 ? "notAffected" : "breaksEven";
    return { actor: at(labels, i, "actorSummary"), ...p, shareOfGains, gainsPerCost: gainsPerCost(p.gains, -p.costs), role };
  });
  return { rows, total: { costs, gains, net: costs + gains, gainsPerCost: gainsPerCost(gains, -costs) } };
}

export const SUMMARY_HEADER: readonly string[] = [
  "Aktör / Actor",
  "NV kostnader / PV costs",
  "NV vinster / PV gains",
  "Netto-NV / Net PV",
  "Andel av vinsterna / Share of gains",
  "Vinst per kostnadskrona / Gains ÷ own costs",
  "Roll / Role",
];

export const TOTAL_LABEL = "Totalt / Total";

/** "" marks a cell that is not defined (a ratio without a denominator); it is never a silent zero. */
export const orBlank = (x: number | null): Cell => (x === null ? "" : x);

export function summaryTable(s: ActorSummary): Table {
  const out: Table = [SUMMARY_HEADER.slice()];
  for (const r of s.rows) {
    out.push([r.actor, r.costs, r.gains, r.net, orBlank(r.shareOfGains), orBlank(r.gainsPerCost), ROLE_TEXT[r.role]]);
  }
  const t = s.total;
  out.push([TOTAL_LABEL, t.costs, t.gains, t.net, t.gains > 0 ? 1 : "", orBlank(t.gainsPerCost), ""]);
  return out;
}

/** Every number in a table must be finite: an overflow is an error, never a cell showing a wrong number. */
export function checkFinite(t: Table): Table {
  t.forEach((r, i) =>
    r.forEach((c, j) => {
      if (typeof c === "number" && !Number.isFinite(c)) fail("resultNotFinite", { pos: i * r.length + j + 1, row: i + 1, col: j + 1 });
    }),
  );
  return t;
}

// ---- Break-even per actor and within a window ----

export const NEVER_TEXT = "Aldrig / Never";
export const WHOLE_INVESTMENT_LABEL = "Hela investeringen / Whole investment";
export const DEFAULT_WINDOW = 4;

const raiseBreakEven = catalogue({
  costsNotNegative: {
    kind: "invalidNumber",
    sv: () => `costs innehåller inga negativa tal. I aktörstabeller är kostnader negativa och vinster positiva.`,
    en: () => `costs holds no negative numbers. In actor tables costs are negative and gains positive.`,
  },
  badWindow: {
    kind: "invalidNumber",
    sv: (p) => `fönster måste vara ett helt antal år, 1 eller fler (fick ${p.got}).`,
    en: (p) => `window must be a whole number of years, 1 or more (got ${p.got}).`,
  },
});

const padRow = (row: readonly number[], n: number): number[] => {
  const out = row.slice();
  for (let i = row.length; i < n; i++) out.push(0);
  return out;
};

/**
 * Successes needed for own costs to be paid back: −PV(costs) ÷ PV(gain per success). 0 when there is no
 * net cost to pay back; "never" when there is one but a success brings this actor no gain. A real number:
 * round up for whole people.
 */
export function successesNeeded(pvCosts: number, pvGainPerSuccess: number): number | "never" {
  if (pvCosts >= 0) return 0;
  if (pvGainPerSuccess <= 0) return "never";
  return -pvCosts / pvGainPerSuccess;
}

export interface BreakEvenRow {
  actor: string;
  costs: number;
  gainPerSuccess: number;
  successes: number | "never";
  windowCosts: number;
  windowGainPerSuccess: number;
  windowSuccesses: number | "never";
}

/**
 * Break-even by actor: for each actor's own costs, for the whole investment (the sum over actors), over the
 * whole table and within the first `window` years (e.g. a four-year mandate). `costs` is the investment's
 * actor flow table (costs negative); `gains` holds the gains of ONE success per actor and year. The tables
 * may have different numbers of years: the shorter counts as zero after its end, as in SOCINV.BREAKEVEN.
 */
export function breakEvenByActor(
  rate: RateSpec,
  actors: readonly string[],
  costs: readonly (readonly number[])[],
  gains: readonly (readonly number[])[],
  window: number = DEFAULT_WINDOW,
  timing: Timing = 0,
): { rows: BreakEvenRow[]; total: BreakEvenRow; window: number } {
  checkActorRows(actors, costs, "costs");
  checkActorRows(actors, gains, "gains_per_success");
  if (!costs.some((r) => r.some((v) => v < 0))) raiseBreakEven("costsNotNegative");
  if (!Number.isInteger(window) || window < 1) raiseBreakEven("badWindow", { got: show(window) });
  const years = Math.max(costs[0]?.length ?? 0, gains[0]?.length ?? 0);
  const c = costs.map((r) => padRow(r, years));
  const g = gains.map((r) => padRow(r, years));
  const w = Math.min(window, years);
  const pv = (t: number[][]) => actorCostsAndGains(rate, t, timing);
  const [pc, pg, wc, wg] = [pv(c), pv(g), pv(c.map((r) => r.slice(0, w))), pv(g.map((r) => r.slice(0, w)))];
  const row = (actor: string, a: number, b: number, d: number, e: number): BreakEvenRow => ({
    actor,
    costs: a,
    gainPerSuccess: b,
    successes: successesNeeded(a, b),
    windowCosts: d,
    windowGainPerSuccess: e,
    windowSuccesses: successesNeeded(d, e),
  });
  const total = (xs: ActorPV[]) => xs.reduce((s, x) => s + x.net, 0);
  return {
    // one PV per actor in each (checkActorRows)
    rows: actors.map((a, i) => row(a, at(pc, i).net, at(pg, i).net, at(wc, i).net, at(wg, i).net)),
    total: row(WHOLE_INVESTMENT_LABEL, total(pc), total(pg), total(wc), total(wg)),
    window: w,
  };
}

export function breakEvenTable(r: { rows: BreakEvenRow[]; total: BreakEvenRow; window: number }): Table {
  const w = r.window;
  const cell = (x: number | "never"): Cell => (x === "never" ? NEVER_TEXT : x);
  return [
    [
      "Aktör / Actor",
      "NV egna kostnader / PV own costs",
      "NV vinst per lyckat utfall / PV gain per success",
      "Brytpunkt, antal lyckade / Break-even successes",
      `NV kostnader inom ${w} år / PV costs within ${w} years`,
      `NV vinst per utfall inom ${w} år / PV gain per success within ${w} years`,
      `Brytpunkt inom ${w} år / Break-even within ${w} years`,
    ],
    ...[...r.rows, r.total].map((x): Cell[] => [
      x.actor,
      x.costs,
      x.gainPerSuccess,
      cell(x.successes),
      x.windowCosts,
      x.windowGainPerSuccess,
      cell(x.windowSuccesses),
    ]),
  ];
}
