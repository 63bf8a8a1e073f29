/**
 * The layout of the model sheet, decided before any cell is written: which rows each section has and where
 * they are, and which columns the year area uses. The sections (assumptions.ts, results.ts, …) then write
 * their cells at these positions, and any formula can refer to any row, above or below it.
 *
 * Top of the sheet (columns A–G), rows from 0:
 *   title, source line, (blank: A3 holds the model's ownership marker, written by the host),
 *   Plausibility warnings (only when there are any),
 *   Assumptions, Results, Who pays who gains, Gross and net, Typical individual (when gains are per success)
 * Two charts sit right of the top blocks, from column I.
 *
 * Year area (columns A–E describe a row, F… one column per model year):
 *   Timeline, Costs and Gains (the lines read from the budget or typed), the seven By-actor blocks,
 *   Totals (with the payback helper rows), Fund schedule (when there is a fund), and the Input check (the
 *   cells the model reads that are not numbers; its result is the first row of the Results).
 *
 * Every section ends with one blank row; the year area starts after one more.
 */
import { isKommun } from "../../core/actors";
import { cellAddress, colLetter, parseRange, quoteSheetIfNeeded, sheetRef } from "../a1";
import type { ActorDef } from "../inputs";
import type { ResolvedLine, ResolvedModel } from "../resolve";
import type { Dialect } from "./dialect";

// ---- Columns ----

/** Columns of the year area: A actor, B source, C share, D after the budget, E line label, F… years. */
export const COL = { actor: 0, source: 1, share: 2, after: 3, label: 4, firstYear: 5 } as const;
/** Columns of the top blocks: A label, B value (then more values in the actor table), C explanation. */
export const TOP = { label: 0, value: 1, explanation: 2 } as const;
/** First column of the charts (the top blocks use A–G). */
export const CHART_COL = 8;

/** The year columns F… as letters and ranges. */
export interface YearColumns {
  count: number;
  /** Letter of the i-th model year's column (0-based). */
  letter(i: number): string;
  /** Letters of every year column. */
  letters: string[];
  /** A row's year cells, relative: F60:O60 (rows 0-based). */
  span(row: number): string;
  /** The same, absolute: $F$60:$O$60. */
  absSpan(row: number): string;
}

export function yearColumns(count: number): YearColumns {
  const letters = Array.from({ length: count }, (_, i) => colLetter(COL.firstYear + i));
  const first = letters[0];
  const last = letters[count - 1];
  return {
    count,
    letter: (i) => letters[i],
    letters,
    span: (row) => `${first}${row + 1}:${last}${row + 1}`,
    absSpan: (row) => `$${first}$${row + 1}:$${last}$${row + 1}`,
  };
}

// ---- Row ids of the top sections ----

/** Rows of the Assumptions block. Ids starting with a capital are also the cell's workbook name (SI1_Rate). */
export type AssumptionId =
  | "UnitFactor"
  | "sign"
  | "Rate"
  | "discount"
  | "Timing"
  | "startYear"
  | "horizon"
  | "priceYear"
  | `Index${number}`
  | "Participants"
  | "SuccessProb"
  | "Successes"
  | "gainBasis"
  | "effectLag"
  | "Deadweight"
  | "Attribution"
  | "Displacement"
  | "DropOff"
  | "OptimismCosts"
  | "OptimismGains"
  | "GainFactor"
  | "CostFactor"
  | "Mandate"
  | "fundModel"
  | "FundShare"
  | "RepayShare"
  | "Cap"
  | "LastYear"
  | "repayingActors"
  | "delay";

export type ResultId =
  | "inputCheck"
  | "npv"
  | "pvCosts"
  | "pvGains"
  | "bcr"
  | "paybackYear"
  | "discPaybackYear"
  | "payback"
  | "discPayback"
  | "pvPerSuccess"
  | "breakEven"
  | "breakEvenShare"
  | "mandate"
  | "kommunMandate"
  | "npvGross"
  | "fundPayout"
  | "fundRepaid"
  | "fundUnpaid"
  | "fundFrame"
  | "fundPv";

/** The seven By-actor blocks, top to bottom. */
export const ACTOR_BLOCKS = ["costsGross", "costsNet", "gainsGross", "gainsNet", "net", "disc", "cum"] as const;
export type ActorBlock = (typeof ACTOR_BLOCKS)[number];

// ---- The layout ----

export interface ActorRow {
  actor: ActorDef;
  row: number;
}

/** A Costs or Gains block: budget lines first, then typed lines. */
export interface LinesLayout {
  header: number;
  /** The row saying "No lines" when there are none. */
  none: number | null;
  budget: { first: number; lines: ResolvedLine[] };
  typed: { first: number; lines: ResolvedLine[] };
  /** The row of the note under the lines (gains moved by the effect lag), or null. */
  note: number | null;
  /** First and last line row; -1 when there are no lines. */
  first: number;
  last: number;
}

export interface FundLayout {
  header: number;
  payout: number;
  /** Dual model only. */
  frame: number | null;
  cumPayout: number;
  /** Committed repayment: per committed actor a share row (input), an amount row and a gap row. */
  commitments: Array<{ actor: string; share: number; amount: number; gap: number }> | null;
  /** Repayment from savings: realised savings and what can be repaid. */
  savings: { savings: number; repayable: number } | null;
  repayment: number;
  cumRepaid: number;
  balance: number;
  disc: number;
}

/** A cell the input check reads: the reference in its formula and the address its message names. */
export interface CheckedCell {
  ref: string;
  shown: string;
}

/** The Input check, the last block of the year area: the message's texts, then the checked cells in rows of at most CHECK_CHUNK. */
export interface CheckLayout {
  header: number;
  texts: number;
  chunks: Array<{ row: number; cells: CheckedCell[] }>;
}

/** Cells per row of the Input check: keeps each formula far below Excel's 8,192 characters. */
export const CHECK_CHUNK = 20;

export interface SheetLayout {
  years: YearColumns;
  title: number;
  source: number;
  /** Plausibility warnings under the title (warnings.ts): a header and its lines; null when there are none. */
  warnings: { header: number; rows: number[] } | null;
  assumptions: { header: number; rows: Map<AssumptionId, number> };
  results: { header: number; rows: Map<ResultId, number> };
  actorTable: {
    header: number;
    actors: ActorRow[];
    first: number;
    last: number;
    /** The nämnder's subtotal, when some but not all actors are nämnder. */
    kommun: { row: number; actors: ActorDef[] } | null;
    total: number;
  };
  grossNet: { header: number; costs: number; gains: number; npv: number; bcr: number };
  individual: { header: number; note: number; actors: ActorRow[]; total: number } | null;
  timeline: {
    /** The header row holds the years. */
    years: number;
    period: number;
    time: number;
    age: number | null;
    effectYear: number;
    effect: number;
    rate: number;
    growth: number | null;
    df: number;
  };
  costs: LinesLayout;
  gains: LinesLayout;
  byActor: Record<ActorBlock, { header: number; rows: Map<string, number>; first: number; last: number }>;
  totals: {
    header: number;
    costsGross: number;
    costsNet: number;
    gainsGross: number;
    gainsNet: number;
    net: number;
    perSuccess: number;
    disc: number;
    cum: number;
    cumDisc: number;
    flag: number;
    flagDisc: number;
  };
  fund: FundLayout | null;
  check: CheckLayout;
}

/** Hands out rows top to bottom. */
class Rows {
  private next = 0;
  one(): number {
    return this.next++;
  }
  blank(): void {
    this.next++;
  }
}

/** The model's gains count per successful participant (and the sheet shows the typical individual). */
export function showsIndividual(m: ResolvedModel): boolean {
  return m.inputs.gainBasis === "perSuccess" || m.inputs.template === "individual";
}

/** Repayment by commitments (Malmö, or Ale with committed repayment) rather than from savings. */
export function isCommitted(m: ResolvedModel): boolean {
  const f = m.inputs.fund;
  return f.rule === "committed" || (f.rule === "dual" && f.dualRepayment === "committed");
}

/** The actors that are part of the kommun (its nämnder), by the core's one rule. */
export function kommunActors(m: ResolvedModel): ActorDef[] {
  return m.actors.filter(isKommun);
}

/** The actors with commitments, in the order of their first commitment. */
export function committedActors(m: ResolvedModel): string[] {
  return [...new Set(m.commitments.map((c) => c.actor))];
}

/** The Assumptions block's rows, top to bottom. */
function assumptionIds(m: ResolvedModel): AssumptionId[] {
  const inp = m.inputs;
  const ids: AssumptionId[] = [];
  if ([...m.costLines, ...m.gainLines].some((l) => l.origin === "budget")) ids.push("UnitFactor", "sign");
  ids.push(inp.discount.kind === "constant" ? "Rate" : "discount", "Timing", "startYear", "horizon", "priceYear");
  for (const y of m.priceIndex?.shown ?? []) ids.push(`Index${y}`);
  ids.push("Participants", "SuccessProb", "Successes", "gainBasis", "effectLag");
  ids.push("Deadweight", "Attribution", "Displacement", "DropOff", "OptimismCosts", "OptimismGains", "GainFactor", "CostFactor", "Mandate");
  if (inp.fund.rule !== "none") {
    ids.push("fundModel", "FundShare");
    if (!isCommitted(m)) ids.push("RepayShare", "Cap", "LastYear", "repayingActors");
    ids.push("delay");
  }
  return ids;
}

/** The Results block's rows, top to bottom. */
function resultIds(m: ResolvedModel): ResultId[] {
  const ids: ResultId[] = ["inputCheck", "npv", "pvCosts", "pvGains", "bcr", "paybackYear", "discPaybackYear", "payback", "discPayback"];
  ids.push("pvPerSuccess", "breakEven", "breakEvenShare", "mandate");
  if (kommunActors(m).length) ids.push("kommunMandate");
  ids.push("npvGross");
  const rule = m.inputs.fund.rule;
  if (rule !== "none") ids.push("fundPayout", "fundRepaid", "fundUnpaid", ...(rule === "dual" ? (["fundFrame"] as const) : []), "fundPv");
  return ids;
}

function idRows<Id>(rows: Rows, ids: Id[]): Map<Id, number> {
  return new Map(ids.map((id) => [id, rows.one()]));
}

function actorRows(rows: Rows, actors: ActorDef[]): ActorRow[] {
  return actors.map((actor) => ({ actor, row: rows.one() }));
}

function linesLayout(rows: Rows, lines: ResolvedLine[], hasNote: boolean): LinesLayout {
  const header = rows.one();
  const budget = lines.filter((l) => l.origin === "budget");
  const typed = lines.filter((l) => l.origin === "extra");
  if (lines.length === 0) {
    return { header, none: rows.one(), budget: { first: -1, lines: [] }, typed: { first: -1, lines: [] }, note: null, first: -1, last: -1 };
  }
  const budgetRows = budget.map(() => rows.one());
  const typedRows = typed.map(() => rows.one());
  const all = [...budgetRows, ...typedRows];
  return {
    header,
    none: null,
    budget: { first: budgetRows[0] ?? -1, lines: budget },
    typed: { first: typedRows[0] ?? -1, lines: typed },
    note: hasNote ? rows.one() : null,
    first: all[0],
    last: all[all.length - 1],
  };
}

/** Decides every row of the sheet for the resolved model in the given formula dialect (and the rows its plausibility warnings take). */
export function layoutSheet(m: ResolvedModel, dialect: Dialect, warningRows = 0): SheetLayout {
  const rows = new Rows();

  const title = rows.one();
  const source = rows.one();
  rows.blank();

  let warnings: SheetLayout["warnings"] = null;
  if (warningRows > 0) {
    warnings = { header: rows.one(), rows: Array.from({ length: warningRows }, () => rows.one()) };
    rows.blank();
  }

  const assumptions = { header: rows.one(), rows: idRows(rows, assumptionIds(m)) };
  rows.blank();

  const results = { header: rows.one(), rows: idRows(rows, resultIds(m)) };
  rows.blank();

  const tableHeader = rows.one();
  const tableActors = actorRows(rows, m.actors);
  const namnder = kommunActors(m);
  const kommun = namnder.length && namnder.length < m.actors.length ? { row: rows.one(), actors: namnder } : null;
  const actorTable = { header: tableHeader, actors: tableActors, first: tableHeader + 1, last: tableHeader + m.actors.length, kommun, total: rows.one() };
  rows.blank();

  const grossNet = { header: rows.one(), costs: rows.one(), gains: rows.one(), npv: rows.one(), bcr: rows.one() };
  rows.blank();

  let individual: SheetLayout["individual"] = null;
  if (showsIndividual(m)) {
    const gainActors = m.actors.filter((x) => m.gainLines.some((l) => l.actor.id === x.id));
    individual = { header: rows.one(), note: rows.one(), actors: actorRows(rows, gainActors), total: rows.one() };
    rows.blank();
  }

  // ---- Year area ----
  rows.blank();
  const timeline = {
    years: rows.one(),
    period: rows.one(),
    time: rows.one(),
    age: showsIndividual(m) ? rows.one() : null,
    effectYear: rows.one(),
    effect: rows.one(),
    rate: rows.one(),
    growth: dialect.growthRow ? rows.one() : null,
    df: rows.one(),
  };
  rows.blank();

  const costs = linesLayout(rows, m.costLines, false);
  rows.blank();
  const gainsMoved = m.gainLines.some((l) => l.origin === "budget") && m.inputs.effectLag > 0;
  const gains = linesLayout(rows, m.gainLines, gainsMoved);
  rows.blank();

  const byActor = {} as SheetLayout["byActor"];
  for (const block of ACTOR_BLOCKS) {
    const header = rows.one();
    const at = new Map(m.actors.map((x) => [x.id, rows.one()]));
    byActor[block] = { header, rows: at, first: header + 1, last: header + m.actors.length };
  }
  rows.blank();

  const totals = {
    header: rows.one(),
    costsGross: rows.one(),
    costsNet: rows.one(),
    gainsGross: rows.one(),
    gainsNet: rows.one(),
    net: rows.one(),
    perSuccess: rows.one(),
    disc: rows.one(),
    cum: rows.one(),
    cumDisc: rows.one(),
    flag: rows.one(),
    flagDisc: rows.one(),
  };
  rows.blank();

  let fund: FundLayout | null = null;
  if (m.inputs.fund.rule !== "none") {
    const header = rows.one();
    const payout = rows.one();
    const frame = m.inputs.fund.rule === "dual" ? rows.one() : null;
    const cumPayout = rows.one();
    let commitments: FundLayout["commitments"] = null;
    let savings: FundLayout["savings"] = null;
    if (isCommitted(m)) {
      const ids = committedActors(m);
      const share = ids.map(() => rows.one());
      const amount = ids.map(() => rows.one());
      const gap = ids.map(() => rows.one());
      commitments = ids.map((actor, k) => ({ actor, share: share[k], amount: amount[k], gap: gap[k] }));
    } else {
      savings = { savings: rows.one(), repayable: rows.one() };
    }
    fund = { header, payout, frame, cumPayout, commitments, savings, repayment: rows.one(), cumRepaid: rows.one(), balance: rows.one(), disc: rows.one() };
    rows.blank();
  }

  const cells = checkedCells(m, { assumptions, costs, gains, timeline, fund });
  const check: CheckLayout = { header: rows.one(), texts: rows.one(), chunks: [] };
  for (let i = 0; i < cells.length; i += CHECK_CHUNK) check.chunks.push({ row: rows.one(), cells: cells.slice(i, i + CHECK_CHUNK) });
  rows.blank();

  return {
    years: yearColumns(m.horizon),
    title,
    source,
    warnings,
    assumptions,
    results,
    actorTable,
    grossNet,
    individual,
    timeline,
    costs,
    gains,
    byActor,
    totals,
    fund,
    check,
  };
}

/** The assumptions whose value is a named input cell the reader may change (the others are notes or formulas). */
export const INPUT_ASSUMPTIONS: ReadonlySet<string> = new Set([
  "UnitFactor",
  "Rate",
  "Timing",
  "Participants",
  "SuccessProb",
  "Deadweight",
  "Attribution",
  "Displacement",
  "DropOff",
  "OptimismCosts",
  "OptimismGains",
  "Mandate",
  "FundShare",
  "RepayShare",
  "Cap",
  "LastYear",
]);

export function isInputAssumption(id: AssumptionId): boolean {
  return INPUT_ASSUMPTIONS.has(id) || id.startsWith("Index");
}

/**
 * Every cell the model's formulas read whose content the reader may change: the budget cells (each once, in
 * sheet order) and the model's own input cells (assumptions, the lines' shares, typed amounts, rates per year,
 * commitment shares), in sheet order.
 */
function checkedCells(m: ResolvedModel, l: Pick<SheetLayout, "assumptions" | "costs" | "gains" | "timeline" | "fund">): CheckedCell[] {
  const budget = new Map<string, { row: number; col: number }>();
  for (const line of [...m.costLines, ...m.gainLines]) {
    if (line.origin !== "budget") continue;
    for (const c of line.cells) {
      if (c.kind !== "ref" || budget.has(c.address)) continue;
      const p = parseRange(c.address);
      budget.set(c.address, { row: p.row, col: p.col });
    }
  }
  const sheet = m.budget?.sheet ?? "";
  const byPosition = (a: { row: number; col: number }, b: { row: number; col: number }) => a.row - b.row || a.col - b.col;
  const fromBudget = [...budget]
    .sort(([, a], [, b]) => byPosition(a, b))
    .map(([address]) => ({ ref: sheetRef(sheet, address), shown: `${quoteSheetIfNeeded(sheet)}!${address}` }));

  const own: Array<{ row: number; col: number }> = [];
  for (const [id, row] of l.assumptions.rows) if (isInputAssumption(id)) own.push({ row, col: TOP.value });
  for (const block of [l.costs, l.gains]) {
    block.budget.lines.forEach((_, j) => own.push({ row: block.budget.first + j, col: COL.share }));
    block.typed.lines.forEach((_, j) => m.years.forEach((_y, i) => own.push({ row: block.typed.first + j, col: COL.firstYear + i })));
  }
  if (m.inputs.discount.kind === "perPeriod") m.years.forEach((_, i) => own.push({ row: l.timeline.rate, col: COL.firstYear + i }));
  for (const c of l.fund?.commitments ?? []) m.years.forEach((_, i) => own.push({ row: c.share, col: COL.firstYear + i }));
  const fromSheet = own.sort(byPosition).map(({ row, col }) => ({ ref: cellAddress(row, col, true), shown: cellAddress(row, col) }));
  return [...fromBudget, ...fromSheet];
}
