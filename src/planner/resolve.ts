/**
 * From the user's inputs and the budget block to the model's lines, year by year: which budget cell (or
 * typed amount) each line reads in each model year. This is the one place where the semantics of rows,
 * roles, shares, the effect lag and "after the budget's last year" are decided; both the formula plan
 * (planModel) and the direct calculation (computeModel) start from it.
 */
import { isKommun } from "../core/actors";
import { Timing, asTiming, decliningRates, RateSpec } from "../core/discounting";
import { show } from "../core/errors";
import { RATE_BOUNDS, describeBounds, withinBounds } from "../core/bounds";
import { parseCell, sheetRef } from "./a1";
import { BudgetBlock, BudgetRow, ownLabel } from "./budget";
import { cellRanges } from "./budget-rows";
import { withYearColumns } from "./budget-years";
import { ActorDef, Commitment, ModelInputs, UNIT_FACTOR, Unit, actorLabel } from "./inputs";
import { PlannerMessage, note, refuse } from "./messages";

export const MAX_HORIZON = 100;
export const MAX_MODEL_LINES = 1000;

/**
 * Where one line's amount for one model year comes from. `value` is in the budget's unit (extra lines: kr).
 * Budget cells carry their own budget year (`year`, which differs from the model year with an effect lag or
 * after the budget's last year) and, with a price index, the index year that converts them (`indexYear`).
 */
export type LineCell =
  | { kind: "ref"; address: string; value: number; year?: number; indexYear?: number }
  | { kind: "const"; value: number; address?: string; year?: number; indexYear?: number }
  | { kind: "zero" };

/** The price index as the model uses it; null when there is nothing to convert. */
export interface ResolvedPriceIndex {
  /** As shown in the model (never empty). */
  name: string;
  /** The price year: budget amounts are converted to its prices. */
  priceYear: number;
  /** index(price year). */
  base: number;
  values: Map<number, number>;
  /** Years whose index cells the model shows (the price year and every index year a budget cell uses). */
  shown: number[];
  /** Budget years after the index's last year, converted with the last year's index. */
  extended: number[];
  /** The index's last year. */
  last: number;
}

export interface ResolvedLine {
  label: string;
  role: "cost" | "gain";
  actor: ActorDef;
  /** "budget": read from the budget block (× sign × unit factor × share); "extra": typed in kr. */
  origin: "budget" | "extra";
  share: number;
  after: "zero" | "repeatLast";
  /** The budget row's cells as a range, e.g. 'Driftbudget'!C7:F7; "" for extra lines. */
  sourceText: string;
  cells: LineCell[];
}

export interface ResolvedModel {
  inputs: ModelInputs;
  startYear: number;
  years: number[];
  horizon: number;
  unit: Unit;
  unitFactor: number;
  /** −1 when the budget shows costs as negative numbers. */
  sign: 1 | -1;
  costLines: ResolvedLine[];
  gainLines: ResolvedLine[];
  /** Actors that appear in any line, in the order of inputs.actors. */
  actors: ActorDef[];
  /** Labels in the model's language, keyed by actor id. */
  labels: Map<string, string>;
  rate: RateSpec;
  /** Per-period rates for the model years (the constant repeated when constant). */
  rates: number[];
  timing: Timing;
  /** The first period of effect (1-based): the start year + the effect lag. Gains count from it, drop-off too. */
  effectStart: number;
  /** Effect year of each model year (1 = first year of effect; ≤ 0 before the effect starts). */
  effectYears: number[];
  /** Actors whose savings repay the fund (fund rules savings and dual/savings). */
  repayingActors: ActorDef[];
  /** Commitments to use (committed rule), possibly proposed by default. */
  commitments: Commitment[];
  /** The budget block the model reads, when there is one. */
  budget: BudgetBlock | null;
  /** The price level of the model's amounts (inputs.priceYear, or the start year). */
  priceYear: number;
  priceIndex: ResolvedPriceIndex | null;
  notes: PlannerMessage[];
}

function check(ok: boolean, sv: string, en: string, ruleSv: string, ruleEn: string, got: unknown): void {
  if (!ok) refuse("badInput", { sv, en, ruleSv, ruleEn, got: show(got) });
}

function isInt(x: unknown): x is number {
  return typeof x === "number" && Number.isInteger(x);
}
function isNum(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x);
}
function isShare(x: unknown): boolean {
  return isNum(x) && x >= 0 && x <= 1;
}

/** Validates the numeric inputs; refuses with a bilingual message naming the input. */
export function validateInputs(inputs: ModelInputs): void {
  check(
    isInt(inputs.horizon) && inputs.horizon >= 1 && inputs.horizon <= MAX_HORIZON,
    "Horisonten",
    "The horizon",
    `ett heltal 1–${MAX_HORIZON} år`,
    `a whole number of years 1–${MAX_HORIZON}`,
    inputs.horizon,
  );
  check(
    isNum(inputs.participants) && inputs.participants >= 0,
    "Antal deltagare",
    "The number of participants",
    "ett tal ≥ 0",
    "a number ≥ 0",
    inputs.participants,
  );
  check(
    isShare(inputs.successProbability),
    "Sannolikheten att lyckas",
    "The success probability",
    "mellan 0 och 1 (0–100 %)",
    "between 0 and 1 (0–100%)",
    inputs.successProbability,
  );
  check(
    isInt(inputs.effectLag) && inputs.effectLag >= 0 && inputs.effectLag < inputs.horizon,
    "Effektfördröjningen",
    "The effect lag",
    "ett heltal från 0 och kortare än horisonten",
    "a whole number from 0, shorter than the horizon",
    inputs.effectLag,
  );
  check(
    isInt(inputs.mandateYears) && inputs.mandateYears >= 1,
    "Mandatperioden",
    "The mandate period",
    "ett heltal ≥ 1 år",
    "a whole number of years ≥ 1",
    inputs.mandateYears,
  );
  check(
    inputs.startYear === null || (isInt(inputs.startYear) && inputs.startYear >= 1900 && inputs.startYear <= 2200),
    "Startåret",
    "The start year",
    "ett årtal",
    "a calendar year",
    inputs.startYear,
  );
  check(
    inputs.priceYear === null || (isInt(inputs.priceYear) && inputs.priceYear >= 1900 && inputs.priceYear <= 2200),
    "Prisåret",
    "The price year",
    "ett årtal",
    "a calendar year",
    inputs.priceYear,
  );
  asTiming(inputs.timing);
  const pi = inputs.priceIndex;
  if (pi !== undefined && pi !== null) {
    check(
      typeof pi === "object" && typeof pi.name === "string" && Array.isArray(pi.values) && pi.values.length > 0,
      "Prisindexet",
      "The price index",
      "ett namn och minst ett år med indexvärde",
      "a name and at least one year with an index value",
      pi,
    );
    const seen = new Set<number>();
    for (const x of pi.values) {
      check(isInt(x?.year) && x.year >= 1900 && x.year <= 2200, "Prisindexets år", "The price index's year", "ett årtal", "a calendar year", x?.year);
      check(isNum(x.value) && x.value > 0, `Prisindexet för ${x.year}`, `The price index for ${x.year}`, "ett tal > 0", "a number > 0", x.value);
      check(!seen.has(x.year), `Prisindexet för ${x.year}`, `The price index for ${x.year}`, "angivet en gång", "given once", "två värden / two values");
      seen.add(x.year);
    }
  }
  const d = inputs.discount;
  // The one bound of every discount rate (core/bounds RATE_BOUNDS), as the SOCINV functions and the pane use it.
  const rateOk = (r: unknown) => isNum(r) && withinBounds(r, RATE_BOUNDS);
  const rateRange = [describeBounds(RATE_BOUNDS, "sv", true), describeBounds(RATE_BOUNDS, "en", true)] as const;
  if (d.kind === "constant") check(rateOk(d.rate), "Diskonteringsräntan", "The discount rate", ...rateRange, d.rate);
  if (d.kind === "perPeriod") {
    check(
      Array.isArray(d.rates) && d.rates.length >= inputs.horizon,
      "Räntorna per år",
      "The rates per year",
      `en ränta för vart och ett av de ${inputs.horizon} åren`,
      `one rate for each of the ${inputs.horizon} years`,
      Array.isArray(d.rates) ? d.rates.length : d.rates,
    );
    d.rates.forEach((r, k) => check(rateOk(r), `Räntan för år ${k + 1}`, `The rate for year ${k + 1}`, ...rateRange, r));
  }
  if (d.kind === "schedule")
    check(
      d.schedule === "standard" || d.schedule === "health",
      "Ränteschemat",
      "The rate schedule",
      '"standard" eller "health"',
      '"standard" or "health"',
      d.schedule,
    );
  const a = inputs.adjustments;
  const adj: Array<[number, string, string]> = [
    [a.deadweight, "Dödviktsandelen", "Deadweight"],
    [a.attribution, "Attributionsandelen", "Attribution"],
    [a.displacement, "Undanträngningsandelen", "Displacement"],
    [a.dropOff, "Avtagandet per år", "Drop-off"],
    [a.optimismCosts, "Optimismjusteringen av kostnader", "Optimism bias on costs"],
    [a.optimismGains, "Optimismjusteringen av nyttor", "Optimism bias on gains"],
  ];
  for (const [v, sv, en] of adj) check(isShare(v), sv, en, "mellan 0 och 1 (0–100 %)", "between 0 and 1 (0–100%)", v);
  const ind = inputs.individual;
  check(
    isInt(ind.startAge) && ind.startAge >= 0 && ind.startAge < 120,
    "Startåldern",
    "The start age",
    "ett heltal 0–119",
    "a whole number 0–119",
    ind.startAge,
  );
  check(
    isInt(ind.endAge) && ind.endAge > ind.startAge && ind.endAge <= 120,
    "Slutåldern",
    "The end age",
    "ett heltal över startåldern",
    "a whole number above the start age",
    ind.endAge,
  );
  const f = inputs.fund;
  if (f.rule !== "none") {
    check(
      isShare(f.fundShare) && f.fundShare > 0,
      "Fondens andel",
      "The fund's share",
      "över 0 och högst 1 (100 %)",
      "above 0 and at most 1 (100%)",
      f.fundShare,
    );
    check(isShare(f.repaymentShare), "Återföringsandelen", "The repayment share", "mellan 0 och 1 (0–100 %)", "between 0 and 1 (0–100%)", f.repaymentShare);
    check(
      isInt(f.repaymentDelay) && f.repaymentDelay >= 0 && f.repaymentDelay < inputs.horizon,
      "Fördröjningen av återföringen",
      "The repayment delay",
      "ett heltal från 0 och kortare än horisonten",
      "a whole number from 0, shorter than the horizon",
      f.repaymentDelay,
    );
    check(
      f.capPerYear === null || (isNum(f.capPerYear) && f.capPerYear >= 0),
      "Taket per år",
      "The yearly cap",
      "ett belopp ≥ 0 eller tomt",
      "an amount ≥ 0 or empty",
      f.capPerYear,
    );
    check(
      f.lastYear === null || isInt(f.lastYear),
      "Sista återföringsåret",
      "The last repayment year",
      "ett årtal eller tomt",
      "a calendar year or empty",
      f.lastYear,
    );
    for (const c of f.commitments) {
      check(isShare(c.share), "Åtagandets andel", "A commitment's share", "mellan 0 och 1 (0–100 %)", "between 0 and 1 (0–100%)", c.share);
      check(isInt(c.year), "Åtagandets år", "A commitment's year", "ett årtal", "a calendar year", c.year);
    }
  }
}

/** The sum rows the user has chosen anyway, and other row-level notes, are collected here. */
function rowByRow(block: BudgetBlock | null): Map<number, BudgetRow> {
  const m = new Map<number, BudgetRow>();
  for (const r of block?.rows ?? []) m.set(r.sheetRow, r);
  return m;
}

export function resolveModel(inputs: ModelInputs, asRead: BudgetBlock | null): ResolvedModel {
  validateInputs(inputs);
  const notes: PlannerMessage[] = [];
  const lang = inputs.language;
  const chosen = inputs.rows.filter((r) => r.role !== "ignore");
  if (chosen.length > 0 && !asRead) refuse("budgetMissing");
  // A year with several columns (Utfall and Budget 2013) reads the one the user picked, else the reader's default.
  const picked = asRead ? withYearColumns(asRead, inputs.source?.yearColumns) : null;
  const block = picked?.block ?? null;
  if (picked && chosen.length > 0) {
    notes.push(...picked.notes);
    for (const s of block?.sameYear ?? []) {
      const c = s.columns.find((x) => x.letter === s.chosen)!;
      notes.push(
        note("yearColumnUsed", "info", {
          year: s.year,
          chosen: `${c.letter} "${c.header}"`,
          list: s.columns.map((x) => `${x.letter} "${x.header}"`).join(", "),
        }),
      );
    }
  }

  // Unit and sign of the budget.
  let unit: Unit = "kr";
  if (block && chosen.length > 0) {
    const u = inputs.source?.unitOverride ?? inputs.source?.detectedUnit ?? block.unit;
    if (!u) refuse("unitUnknown");
    unit = u;
    if (inputs.source?.unitOverride && block.unit && inputs.source.unitOverride !== block.unit) {
      notes.push(note("unitOverride", "warning", { unit: inputs.source.unitOverride, found: block.unit }));
    }
  }
  const sign: 1 | -1 = (inputs.source?.sign ?? block?.suggestedSign ?? "costsPositive") === "costsNegative" ? -1 : 1;

  // Timeline.
  const budgetYears = block ? block.years.map((y) => y.year) : [];
  const startYear = inputs.startYear ?? (budgetYears.length ? Math.min(...budgetYears) : null) ?? inputs.priceYear;
  if (startYear === null)
    refuse("badInput", {
      sv: "Startåret",
      en: "The start year",
      ruleSv: "angivet när inget budgetblock används",
      ruleEn: "given when no budget block is used",
      got: "—",
    });
  const horizon = inputs.horizon;
  const years = Array.from({ length: horizon }, (_, i) => startYear + i);
  const lag = inputs.effectLag;
  const effectStart = lag + 1;
  const effectYears = years.map((_, i) => i + 2 - effectStart);

  // Actors.
  const byId = new Map(inputs.actors.map((a) => [a.id, a]));
  const findActor = (id: string, line: string): ActorDef => {
    // A row whose actor could not be guessed is left without one (see planner/actor-guess.ts): the user chooses.
    if (id === "") return refuse("noActor", { line });
    const a = byId.get(id);
    if (!a) return refuse("unknownActor", { line, actor: id });
    return a;
  };

  const rowsBySheetRow = rowByRow(block);
  const yearCol = new Map<number, number>(); // calendar year → index in block.years
  block?.years.forEach((y, k) => yearCol.set(y.year, k));
  const budgetFirst = budgetYears.length ? Math.min(...budgetYears) : 0;
  const budgetLast = budgetYears.length ? Math.max(...budgetYears) : 0;
  const gaps = new Set<number>();
  const copiedCells = new Set<string>();

  const costLines: ResolvedLine[] = [];
  const gainLines: ResolvedLine[] = [];
  const totalLines = chosen.length + inputs.extraLines.length;
  if (totalLines > MAX_MODEL_LINES) refuse("tooManyLines", { got: totalLines, max: MAX_MODEL_LINES });

  for (const choice of chosen) {
    const row = rowsBySheetRow.get(choice.sheetRow);
    if (!row || !block)
      return refuse("rowNotInBlock", { row: choice.sheetRow + 1, label: choice.label, address: block ? `${block.sheet}!${block.address}` : "—" });
    const label = row.label || choice.label || `Rad ${choice.sheetRow + 1}`;
    // A label stored before repeated labels were named with their nämnd still matches its row.
    if (choice.label && row.label && choice.label !== row.label && choice.label !== ownLabel(row)) {
      notes.push(note("labelChanged", "warning", { cell: `${choice.sheetRow + 1}`, now: row.label, was: choice.label }));
    }
    if (row.kind === "sum") notes.push(note("sumRowChosen", "warning", { label }));
    if (row.kind === "nonAmount") notes.push(note("nonAmountChosen", "warning", { label }));
    // No share is ever assumed: a chosen row without one is refused, naming it (see inputs.ts withRole).
    if (choice.share === null) return refuse("shareMissing", { label, row: choice.sheetRow + 1, role: choice.role });
    check(isNum(choice.share) && Math.abs(choice.share) <= 1000, `Andelen för "${label}"`, `The share for "${label}"`, "ett tal", "a number", choice.share);
    const isGain = choice.role === "gain";
    const shift = isGain ? lag : 0;
    const cells: LineCell[] = years.map((y, i) => {
      // With an effect lag, gains start `lag` years into the model and read the budget from its start year on.
      const src = y - shift;
      if (i < shift || !block.years.length || src < budgetFirst) return { kind: "zero" };
      let k = yearCol.get(src);
      if (k === undefined) {
        if (src > budgetLast) {
          if (choice.after !== "repeatLast") return { kind: "zero" };
          k = yearCol.get(budgetLast)!;
        } else {
          gaps.add(src);
          return { kind: "zero" };
        }
      }
      const c = row.cells[k];
      const year = block.years[k].year;
      if (c.source === "number" || c.source === "blank") return { kind: "ref", address: c.address, value: c.value, year };
      return { kind: "const", value: c.value, address: c.address, year };
    });
    // Cells the model copies (text, a dash) are named in the source column and in one note: they are not live.
    const copied = cells.filter((c): c is Extract<LineCell, { kind: "const" }> => c.kind === "const" && c.address !== undefined).map((c) => c.address!);
    for (const a of copied) copiedCells.add(a);
    const line: ResolvedLine = {
      label,
      role: isGain ? "gain" : "cost",
      actor: findActor(choice.actor, label),
      origin: "budget",
      share: choice.share,
      after: choice.after,
      sourceText: sourceOf(block.sheet, row, copied, lang),
      cells,
    };
    (isGain ? gainLines : costLines).push(line);
  }
  for (const g of [...gaps].sort()) notes.push(note("yearGap", "warning", { year: g }));
  if (copiedCells.size) {
    const at = [...copiedCells].map((a) => parseCell(a));
    notes.push(note("textCopied", "warning", { count: at.length, cells: cellRanges(at) }));
  }

  for (const x of inputs.extraLines) {
    const label = x.label.trim() || (lang === "sv" ? "Egen rad" : "Own line");
    const isGain = x.role === "gain";
    x.amounts.forEach((v, k) => check(isNum(v), `Beloppet ${k + 1} på "${label}"`, `Amount ${k + 1} of "${label}"`, "ett tal", "a number", v));
    const shift = isGain ? lag : 0;
    const cells: LineCell[] = years.map((_, i) => {
      const k = i - shift;
      if (k < 0 || x.amounts.length === 0) return { kind: "zero" };
      if (k < x.amounts.length) return { kind: "const", value: x.amounts[k] };
      return x.after === "repeatLast" ? { kind: "const", value: x.amounts[x.amounts.length - 1] } : { kind: "zero" };
    });
    const line: ResolvedLine = {
      label,
      role: isGain ? "gain" : "cost",
      actor: findActor(x.actor, label),
      origin: "extra",
      share: 1,
      after: x.after,
      sourceText: "",
      cells,
    };
    (isGain ? gainLines : costLines).push(line);
  }
  if (costLines.length + gainLines.length === 0) refuse("noLines");

  if (block && budgetYears.length && years[years.length - 1] > budgetLast && chosen.length > 0) {
    notes.push(note("beyondBudget", "info", { last: years[years.length - 1], budgetLast }));
  }

  // Actors used, in list order; their labels must be unique (the model matches lines to actors by label).
  const usedIds = new Set([...costLines, ...gainLines].map((l) => l.actor.id));
  const actors = inputs.actors.filter((a) => usedIds.has(a.id));
  const labels = new Map<string, string>();
  const seen = new Map<string, string>();
  for (const a of actors) {
    const l = actorLabel(a, lang).trim();
    if (l === "") refuse("emptyActor", { id: a.id });
    const key = l.toLocaleLowerCase("sv");
    if (seen.has(key)) refuse("duplicateActor", { label: l });
    seen.set(key, a.id);
    labels.set(a.id, l);
  }

  // Discounting.
  const d = inputs.discount;
  const rates = d.kind === "constant" ? years.map(() => d.rate) : d.kind === "perPeriod" ? d.rates.slice(0, horizon) : decliningRates(d.schedule, horizon);
  const rate: RateSpec = d.kind === "constant" ? d.rate : rates;

  // Fund: repaying actors and commitments.
  const f = inputs.fund;
  let repayingActors: ActorDef[] = [];
  let commitments: Commitment[] = [];
  if (f.rule !== "none") {
    const gainIds = new Set(gainLines.map((l) => l.actor.id));
    repayingActors = f.repayingActors.length
      ? f.repayingActors.map((id) => findActor(id, lang === "sv" ? "fonden" : "the fund")).filter((a) => usedIds.has(a.id))
      : actors.filter((a) => isKommun(a) && gainIds.has(a.id));
    const committed = f.rule === "committed" || (f.rule === "dual" && f.dualRepayment === "committed");
    if (committed) {
      commitments = f.commitments.filter((c) => years.includes(c.year));
      for (const c of commitments) findActor(c.actor, lang === "sv" ? "åtagande" : "commitment");
      if (f.commitments.length === 0) {
        // A visible proposal, never a silent default: equal parts over four years after the delay.
        const n = Math.min(4, horizon - f.repaymentDelay);
        const from = startYear + f.repaymentDelay;
        if (repayingActors.length && n > 0) {
          for (const a of repayingActors) {
            for (let k = 0; k < n; k++) commitments.push({ actor: a.id, year: from + k, share: 1 / (n * repayingActors.length) });
          }
          notes.push(
            note("defaultCommitments", "warning", {
              actors: repayingActors.map((a) => labels.get(a.id)).join(", "),
              years: n,
              from,
            }),
          );
        }
      }
      const total = commitments.reduce((s, c) => s + c.share, 0);
      check(
        total <= 1 + 1e-9,
        "Åtagandena",
        "The commitments",
        "högst 100 % av utbetalningen sammanlagt",
        "at most 100% of the payout in total",
        `${show(total * 100)} %`,
      );
    }
    if (repayingActors.length === 0 && !committed) notes.push(note("noRepayingActors", "warning"));
  }

  const priceYear = inputs.priceYear ?? startYear;
  const priceIndex = resolvePriceIndex(inputs, priceYear, [...costLines, ...gainLines], notes);

  if (inputs.participants * inputs.successProbability <= 0) notes.push(note("noParticipants", "info"));
  if (inputs.template === "individual" && horizon !== inputs.individual.endAge - inputs.individual.startAge) {
    notes.push(
      note("individualHorizon", "warning", {
        horizon,
        start: inputs.individual.startAge,
        end: inputs.individual.endAge,
        years: inputs.individual.endAge - inputs.individual.startAge,
      }),
    );
  }

  return {
    inputs,
    startYear,
    years,
    horizon,
    unit,
    unitFactor: UNIT_FACTOR[unit],
    sign,
    costLines,
    gainLines,
    actors,
    labels,
    rate,
    rates,
    timing: asTiming(inputs.timing),
    effectStart,
    effectYears,
    repayingActors,
    commitments,
    budget: block,
    priceYear,
    priceIndex,
    notes,
  };
}

/**
 * Which index year converts each budget cell: its own budget year, or the index's last year for budget years
 * after it (a plan year beyond the published index is taken to be at the last known price level). A missing
 * price year, or a budget year before or inside the index without a value, is refused: a guessed index
 * would give wrong numbers that look right. Sets `indexYear` on the lines' budget cells.
 */
function resolvePriceIndex(inputs: ModelInputs, priceYear: number, lines: ResolvedLine[], notes: PlannerMessage[]): ResolvedPriceIndex | null {
  const pi = inputs.priceIndex;
  if (!pi) return null;
  const sv = inputs.language === "sv";
  const name = pi.name.trim() || (sv ? "prisindex" : "price index");
  const values = new Map(pi.values.map((x) => [x.year, x.value]));
  const years = [...values.keys()].sort((a, b) => a - b);
  const listed = years.join(", ");
  const base = values.get(priceYear);
  if (base === undefined) return refuse("priceIndexNoPriceYear", { name: pi.name.trim(), year: priceYear, years: listed });
  const budgetCells = lines.filter((l) => l.origin === "budget").flatMap((l) => l.cells);
  if (budgetCells.length === 0) {
    notes.push(note("priceIndexUnused", "info"));
    return null;
  }
  const last = years[years.length - 1];
  const shown = new Set<number>([priceYear]);
  const extended = new Set<number>();
  for (const c of budgetCells) {
    if (c.kind === "zero" || c.year === undefined) continue;
    if (values.has(c.year)) c.indexYear = c.year;
    else if (c.year > last) {
      c.indexYear = last;
      extended.add(c.year);
    } else return refuse("priceIndexNoYear", { name: pi.name.trim(), year: c.year, years: listed });
    shown.add(c.indexYear);
  }
  notes.push(note("priceIndexApplied", "info", { name, year: priceYear }));
  const ext = [...extended].sort((a, b) => a - b);
  if (ext.length) notes.push(note("priceIndexExtended", "warning", { name, last, years: ext.join(", ") }));
  return { name, priceYear, base, values, shown: [...shown].sort((a, b) => a - b), extended: ext, last };
}

/**
 * The source column's text of a budget line: the row's cells ('Driftbudget'!C7:F7; the cells used when a year's
 * column was picked among several), and which of them the model copies instead of following.
 */
function sourceOf(sheet: string, row: BudgetRow, copied: string[], lang: "sv" | "en"): string {
  if (row.cells.length === 0) return "";
  const ranges = cellRanges(
    row.cells.map((c) => parseCell(c.address)),
    12,
  );
  const ref = ranges.includes(",") ? `${sheetRef(sheet, ranges.split(", ")[0])}, ${ranges.split(", ").slice(1).join(", ")}` : sheetRef(sheet, ranges);
  if (copied.length === 0) return ref;
  const list = cellRanges(copied.map((a) => parseCell(a)));
  const one = copied.length === 1;
  // The copy first: the source column is narrow, and this is what the reader must not miss.
  return lang === "sv" ? `${one ? "Kopierat värde" : "Kopierade värden"} (${list}) av ${ref}` : `${one ? "Copied value" : "Copied values"} (${list}) of ${ref}`;
}

/**
 * The amount in kr of one line in one model year before any price conversion, in the same order of operations
 * as the model's formula (the formula then multiplies by index(price year) ÷ index(year); see computeModel).
 */
export function lineAmount(m: ResolvedModel, line: ResolvedLine, i: number): number {
  const c = line.cells[i];
  if (c.kind === "zero") return 0;
  if (line.origin === "extra") return c.value;
  // Same order of operations as the formula: sign × cell × unit factor × share.
  return m.sign * c.value * m.unitFactor * line.share;
}
