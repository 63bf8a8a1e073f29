/**
 * The pane's own logic on the planner's data, as pure functions: the row choices offered for a budget
 * block, actor guesses, adding actors, reading stored settings. The React components only call these.
 */
import type { BudgetBlock, BudgetRow } from "../planner/budget";
import { guessActorFor } from "../planner/actor-guess";
import { lineRow } from "../planner/compute";
import {
  ActorDef,
  DEFAULT_FUND,
  ModelInputs,
  PriceIndexPoint,
  RowChoice,
  RowRole,
  SourceInputs,
  StartYearReason,
  Unit,
  actorLabel,
  applyTemplate,
  defaultInputs,
  defaultStartYear,
  newRowChoice,
  TemplateId,
  userActor,
  withRole,
} from "../planner/inputs";
import { resolveModel } from "../planner/resolve";
import type { StoredSettings } from "../planner/planModel";
import { formatNumber } from "./format";
import type { Lang } from "./strings";

/** A message for the user in both languages (from the host, the planner or the pane itself). */
export interface PaneMessage {
  sv: string;
  en: string;
  severity: "error" | "warning" | "info" | "success";
}

export function message(m: { sv: string; en: string }, severity: PaneMessage["severity"] = "error"): PaneMessage {
  return { sv: m.sv, en: m.en, severity };
}

/** Anything thrown or returned as an error, as a bilingual message (never an exception in the UI). */
export function toPaneMessage(e: unknown): PaneMessage {
  if (e && typeof e === "object" && typeof (e as PaneMessage).sv === "string" && typeof (e as PaneMessage).en === "string") {
    return message(e as PaneMessage, "error");
  }
  const detail = e instanceof Error ? e.message : String(e);
  return { sv: `Oväntat fel: ${detail}`, en: `Unexpected error: ${detail}`, severity: "error" };
}

/**
 * The actor a budget row is assigned when it is read: what planner/actor-guess.ts is sure of (the nämnd heading
 * the row sits under, its label, the sheet's title, clear words); "" (no actor yet, the user chooses) otherwise,
 * never a silent default.
 */
export function guessActor(row: Pick<BudgetRow, "group" | "label"> & Partial<Pick<BudgetRow, "context">>, actors: readonly ActorDef[]): string {
  const g = guessActorFor({ label: row.label, group: row.group, sheet: row.context?.sheet, titles: row.context?.titles }, actors);
  return g.sure && g.actor ? g.actor : "";
}

/**
 * "2025: 2 080 000 kr · 2026: 2 020 000 kr · 2027–2034: 0 kr": one entry per model year, a run of equal
 * years at the end shown once as a span.
 */
export function amountsText(years: readonly number[], amounts: readonly number[], lang: Lang): string {
  return amountsParts(years, amounts, lang).join(" · ");
}

/** The entries of amountsText, one per year or span of years. */
export function amountsParts(years: readonly number[], amounts: readonly number[], lang: Lang): string[] {
  const n = Math.min(years.length, amounts.length);
  if (n === 0) return [];
  const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  let tail = n - 1;
  while (tail > 0 && same(amounts[tail - 1], amounts[n - 1])) tail--;
  const kr = (x: number) => `${formatNumber(x, lang, 0)} kr`;
  const parts = years.slice(0, tail).map((y, i) => `${y}: ${kr(amounts[i])}`);
  parts.push(`${tail === n - 1 ? years[tail] : `${years[tail]}–${years[n - 1]}`}: ${kr(amounts[n - 1])}`);
  return parts;
}

/** Rows the user can give a role: data rows, and sum rows (offered but left out by default). */
export function assignableRows(block: BudgetBlock): BudgetRow[] {
  return block.rows.filter((r) => r.kind === "data" || r.kind === "sum");
}

/**
 * One choice per assignable row, all "ignore" to start with; choices the user already made for the same
 * sheet row and label are kept (re-reading the budget must not lose work).
 */
export function rowChoicesFor(block: BudgetBlock, inputs: ModelInputs): RowChoice[] {
  const before = new Map(inputs.rows.map((r) => [r.sheetRow, r]));
  return assignableRows(block).map((row) => {
    const old = before.get(row.sheetRow);
    if (old && old.label === row.label) return old;
    return newRowChoice(row.sheetRow, row.label, guessActor(row, inputs.actors));
  });
}

export function sourceFor(block: BudgetBlock, previous: SourceInputs | null): SourceInputs {
  const same = previous && previous.sheet === block.sheet;
  return {
    sheet: block.sheet,
    address: block.address,
    detectedUnit: block.unit,
    unitOverride: same ? previous.unitOverride : null,
    sign: block.suggestedSign,
    // A year-column pick (Utfall or Budget for the same year) stays when the same block is read again.
    ...(same && previous.address === block.address && previous.yearColumns ? { yearColumns: previous.yearColumns } : {}),
  };
}

/**
 * The inputs after reading a budget block: source, row choices and start year follow the block. The start
 * year is filled in with the block's default (the first Budget/Plan year after the last Bokslut, see
 * defaultStartYear) unless it is one of the block's years already (a year the user typed, or the default
 * from reading the same block before).
 */
export function withBlock(inputs: ModelInputs, block: BudgetBlock): ModelInputs {
  const keep = inputs.startYear !== null && block.years.some((y) => y.year === inputs.startYear);
  const startYear = keep ? inputs.startYear : (defaultStartYear(block.years)?.year ?? inputs.startYear);
  return { ...inputs, source: sourceFor(block, inputs.source), rows: rowChoicesFor(block, inputs), startYear };
}

/** A role change, with the defaults of inputs.ts withRole: a new gain has no share, nothing repeats after the budget. */
export function setRowRole(inputs: ModelInputs, sheetRow: number, role: RowRole): ModelInputs {
  return { ...inputs, rows: inputs.rows.map((r) => (r.sheetRow === sheetRow ? withRole(r, role) : r)) };
}

/** What the pane says next to the start year: the default it would take on this block and why. */
export interface StartYearHint {
  /** "default": the field holds the block's default; "empty": it is empty (the block's first year is used); "actuals": it holds a Bokslut year; "typed": another year. */
  state: "default" | "empty" | "actuals" | "typed";
  /** The year the model starts in (null without a block and a year). */
  year: number | null;
  reason: StartYearReason | null;
  lastActuals: number | null;
  /** The block's default start year (defaultStartYear), null without a block. */
  suggested: number | null;
}

export function startYearHint(inputs: ModelInputs, block: BudgetBlock | null): StartYearHint {
  const d = block ? defaultStartYear(block.years) : null;
  const base = { reason: d?.reason ?? null, lastActuals: d?.lastActuals ?? null, suggested: d?.year ?? null };
  if (inputs.startYear === null) {
    const first = block?.years.length ? Math.min(...block.years.map((y) => y.year)) : null;
    return { state: "empty", year: first, ...base };
  }
  const kind = block?.years.find((y) => y.year === inputs.startYear)?.kind;
  if (kind === "bokslut") return { state: "actuals", year: inputs.startYear, ...base };
  return { state: d && d.year === inputs.startYear ? "default" : "typed", year: inputs.startYear, ...base };
}

/**
 * The amounts in kr that one chosen row adds to the model, per model year, as the model counts them (the
 * planner's own resolution: sign, unit factor, share, effect lag, the years after the budget and a price
 * index), before the adjustments. Null when the row has no role or no share; a refusal (no unit yet, an
 * invalid setting) comes back as its message, so the pane can say why there is no amount.
 */
export type RowAmounts = { ok: true; years: number[]; amounts: number[]; budgetLast: number } | { ok: false; error: { sv: string; en: string } };

export function rowAmounts(inputs: ModelInputs, block: BudgetBlock | null, sheetRow: number): RowAmounts | null {
  const choice = inputs.rows.find((r) => r.sheetRow === sheetRow);
  if (!block || !choice || choice.role === "ignore" || choice.share === null) return null;
  // Only this row, and no fund: its amounts do not depend on the other lines.
  const alone: ModelInputs = { ...inputs, rows: [choice], extraLines: [], fund: { ...DEFAULT_FUND } };
  try {
    const m = resolveModel(alone, block);
    const line = m.costLines[0] ?? m.gainLines[0];
    return { ok: true, years: m.years, amounts: lineRow(m, line), budgetLast: Math.max(...block.years.map((y) => y.year)) };
  } catch (e) {
    return { ok: false, error: toPaneMessage(e) };
  }
}

export function updateRow(inputs: ModelInputs, sheetRow: number, patch: Partial<RowChoice>): ModelInputs {
  return { ...inputs, rows: inputs.rows.map((r) => (r.sheetRow === sheetRow ? { ...r, ...patch } : r)) };
}

export type AddActorResult = { ok: true; inputs: ModelInputs; actor: ActorDef } | { ok: false; reason: "empty" | "duplicate" };

export function addActor(inputs: ModelInputs, name: string): AddActorResult {
  const label = name.trim();
  if (!label) return { ok: false, reason: "empty" };
  const taken = inputs.actors.some((a) => [a.label.sv, a.label.en].some((l) => l.toLowerCase() === label.toLowerCase()));
  if (taken) return { ok: false, reason: "duplicate" };
  const actor = userActor(label, inputs.actors);
  return { ok: true, inputs: { ...inputs, actors: [...inputs.actors, actor] }, actor };
}

export function unitOf(inputs: ModelInputs, block: BudgetBlock | null): Unit | null {
  return inputs.source?.unitOverride ?? inputs.source?.detectedUnit ?? block?.unit ?? null;
}

/** Whether the inputs have anything to compute: a chosen row or an extra line. */
export function hasLines(inputs: ModelInputs): boolean {
  return inputs.rows.some((r) => r.role !== "ignore") || inputs.extraLines.length > 0;
}

/** A template's settings, keeping what describes the sheet (rows, actors, lines, title) and the language. */
export function startFromTemplate(id: TemplateId, inputs: ModelInputs): ModelInputs {
  return applyTemplate(id, inputs);
}

export function freshInputs(lang: Lang): ModelInputs {
  return defaultInputs(lang);
}

/**
 * The inputs with the price index the user typed: no values = no conversion (null), today's behaviour.
 * The name is kept as typed; the planner shows "prisindex"/"price index" for an empty one.
 */
export function withPriceIndex(inputs: ModelInputs, name: string, values: readonly PriceIndexPoint[]): ModelInputs {
  if (values.length === 0) return { ...inputs, priceIndex: null };
  return { ...inputs, priceIndex: { name: name.trim(), values: values.map((x) => ({ year: x.year, value: x.value })) } };
}

/** The year the model's amounts are priced in, as far as the pane knows it: price year, start year, the budget's first year. */
export function effectivePriceYear(inputs: ModelInputs, block: BudgetBlock | null): number | null {
  const years = block?.years.map((y) => y.year) ?? [];
  return inputs.priceYear ?? inputs.startYear ?? (years.length ? Math.min(...years) : null);
}

/** Stored settings from a settings sheet's JSON; null when they are not ours or unreadable. */
export function parseStoredSettings(json: string): StoredSettings | null {
  try {
    const s = JSON.parse(json) as StoredSettings;
    if (!s || typeof s !== "object" || s.format !== "socinv-model" || !s.inputs || typeof s.modelKey !== "string") return null;
    return s;
  } catch {
    return null;
  }
}

export function actorName(inputs: ModelInputs, id: string, lang: Lang): string {
  const a = inputs.actors.find((x) => x.id === id);
  return a ? actorLabel(a, lang) : id;
}

/** "SI1" "Sheet!$C$4" → { sheet, address } for reading a key cell back. */
export function splitRef(ref: string): { sheet: string; address: string } | null {
  const bang = ref.lastIndexOf("!");
  if (bang < 0) return null;
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("=")) sheet = sheet.slice(1);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: ref.slice(bang + 1).replace(/\$/g, "") };
}
