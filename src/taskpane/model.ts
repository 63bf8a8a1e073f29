/**
 * The pane's own logic on the planner's data, as pure functions: the row choices offered for a budget
 * block, actor guesses, adding actors, reading stored settings. The React components only call these.
 */
import { isKommun } from "../core/actors";
import type { BudgetBlock, BudgetRow } from "../planner/budget";
import {
  ActorDef,
  ModelInputs,
  PriceIndexPoint,
  RowChoice,
  RowRole,
  SourceInputs,
  Unit,
  actorLabel,
  applyTemplate,
  defaultInputs,
  TemplateId,
  userActor,
} from "../planner/inputs";
import type { StoredSettings } from "../planner/planModel";
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

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-zåäöéü0-9]+/g, " ")
    .trim();

/**
 * The actor a budget row most likely belongs to: the nämnd heading it sits under (or its own label)
 * matched against the actors' names; otherwise the first kommun actor. Only a suggestion the user sees.
 */
export function guessActor(row: Pick<BudgetRow, "group" | "label">, actors: readonly ActorDef[]): string {
  const hay = [row.group ?? "", row.label].map(norm).filter((s) => s);
  for (const h of hay) {
    for (const a of actors) {
      const names = [a.label.sv, a.label.en].map(norm).filter((s) => s.length >= 4);
      if (names.some((n) => h === n || h.startsWith(n) || n.startsWith(h))) return a.id;
    }
  }
  // A row under "Socialnämnden" whose heading says "Individ- och familjeomsorg" still matches by first word.
  for (const h of hay) {
    const first = h.split(" ")[0];
    if (first.length < 5) continue;
    const hit = actors.find((a) => norm(a.label.sv).split(" ")[0] === first);
    if (hit) return hit.id;
  }
  return (actors.find(isKommun) ?? actors[0])?.id ?? "";
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
    return { sheetRow: row.sheetRow, label: row.label, role: "ignore", actor: guessActor(row, inputs.actors), share: 1, after: "zero" };
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
  };
}

/** The inputs after reading a budget block: source, row choices and start year follow the block. */
export function withBlock(inputs: ModelInputs, block: BudgetBlock): ModelInputs {
  return { ...inputs, source: sourceFor(block, inputs.source), rows: rowChoicesFor(block, inputs) };
}

/** A role change also sets the default for the years after the budget: costs stop, gains continue. */
export function setRowRole(inputs: ModelInputs, sheetRow: number, role: RowRole): ModelInputs {
  return {
    ...inputs,
    rows: inputs.rows.map((r) => (r.sheetRow === sheetRow ? { ...r, role, after: role === "gain" ? "repeatLast" : role === "cost" ? "zero" : r.after } : r)),
  };
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
