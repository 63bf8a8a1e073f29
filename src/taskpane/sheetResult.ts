/**
 * The model's figures as the workbook holds them. After a build, a rebuild, an opening and every change,
 * the pane reads the model sheet's key cells back through the host and shows those values. The core's
 * preview of the same inputs (planner/compute.ts) is kept only to prove them equal (within 1e-9, relative)
 * and to flag a disagreement, in which case the sheet's value is what the pane shows. An error in a key cell
 * is shown as that error, never as a number and never as "not within the horizon".
 *
 * Pure functions; actions.ts reads the cells, BuildStep.tsx shows the view.
 */
import type { BudgetBlock } from "../planner/budget";
import type { ModelResult } from "../planner/compute";
import type { ModelInputs } from "../planner/inputs";
import { ResolvedModel, resolveModel } from "../planner/resolve";
import { colLetter, sheetRef, splitSheetRef, tryParseCell } from "../planner/a1";
import { FixedId, TEXTS, translator } from "../planner/model/texts";
import type { KeyCells } from "../planner/planModel";
import type { NamePlan } from "../planner/plan";
import type { RangeSnapshot } from "../planner/snapshot";
import { excelErrorCode, excelErrorText, formatNumber, formatPercentExact } from "./format";
import { Lang, t } from "./strings";

/** The headline figures, in the order the pane shows them. */
export const FIGURES = ["npv", "npvGross", "pvCosts", "pvGains", "bcr", "discountedPayback", "payback", "breakEven", "withinMandate"] as const;
export type FigureId = (typeof FIGURES)[number];
/** The fund's figures (the frame appropriation only in the dual model). */
export const FUND_FIGURES = ["fundPayout", "fundRepaid", "fundUnpaid", "fundFrame", "fundPv"] as const;
export type FundFigureId = (typeof FUND_FIGURES)[number];
export type AnyFigureId = FigureId | FundFigureId;

/** The text id of each figure's label on the model sheet (planner/model/texts.ts): the pane uses the same words. */
export const SHEET_LABEL: Record<AnyFigureId, FixedId> = {
  npv: "npv",
  npvGross: "npvGross",
  pvCosts: "pvCosts",
  pvGains: "pvGains",
  bcr: "bcr",
  discountedPayback: "discPayback",
  payback: "payback",
  breakEven: "breakEven",
  withinMandate: "withinMandate",
  fundPayout: "fundPayout",
  fundRepaid: "fundRepaid",
  fundUnpaid: "fundUnpaid",
  fundFrame: "frame",
  fundPv: "fundPv",
};

/** The workbook name of each figure's cell after the model's key ("SI1_" + name); null when it has none. */
export const SHEET_NAME: Record<AnyFigureId, string | null> = {
  npv: "NPV",
  npvGross: "NPVGross",
  pvCosts: "PVCosts",
  pvGains: "PVGains",
  bcr: "BCR",
  discountedPayback: "Payback",
  payback: "PaybackSimple",
  breakEven: "BreakEven",
  withinMandate: "WithinMandate",
  fundPayout: "FundPayout",
  fundRepaid: "FundRepaid",
  fundUnpaid: "FundUnpaid",
  fundFrame: "FrameTotal",
  fundPv: "FundNetPV",
};

/** A cell of the model sheet, 0-based. */
export interface Cell {
  row: number;
  col: number;
}

/** Where a model's figures are on its sheet: the key cells (planner/model/keyCells.ts) and the named rate and timing. */
export interface ModelCells {
  modelKey: string;
  sheet: string;
  figures: Partial<Record<AnyFigureId, Cell>>;
  /** The who-pays-who-gains table: its header row and one row per actor (columns B–D: PV costs, PV gains, net PV). */
  actorTable: { header: number; rows: Array<{ id: string; row: number }> };
  rate: Cell | null;
  timing: Cell | null;
}

function cellOf(ref: string | null | undefined): Cell | null {
  if (!ref) return null;
  const a = splitSheetRef(ref).address;
  return tryParseCell(a);
}

/**
 * The cells of a planned model (a build's output, or the plan made again for an opened model). `sheet` is the
 * sheet the model is on in the workbook (the stored settings' first sheet), which the plan's addresses are read on.
 */
export function modelCells(modelKey: string, sheet: string, keyCells: KeyCells, names: readonly NamePlan[]): ModelCells {
  const figures: Partial<Record<AnyFigureId, Cell>> = {};
  const put = (id: AnyFigureId, ref: string | null | undefined) => {
    const c = cellOf(ref);
    if (c) figures[id] = c;
  };
  put("npv", keyCells.npv);
  put("npvGross", keyCells.npvGross);
  put("pvCosts", keyCells.pvCosts);
  put("pvGains", keyCells.pvGains);
  put("bcr", keyCells.benefitCostRatio);
  put("discountedPayback", keyCells.discountedPayback);
  put("payback", keyCells.payback);
  put("breakEven", keyCells.breakEven);
  put("withinMandate", keyCells.withinMandate);
  if (keyCells.fund) {
    put("fundPayout", keyCells.fund.payoutTotal);
    put("fundRepaid", keyCells.fund.repaidTotal);
    put("fundUnpaid", keyCells.fund.unpaid);
    put("fundFrame", keyCells.fund.frameTotal);
    put("fundPv", keyCells.fund.pvFundNet);
  }
  const named = (id: string) => cellOf(names.find((n) => n.name.toLowerCase() === `${modelKey}_${id}`.toLowerCase())?.refersTo);
  const first = keyCells.actorTable.firstRow;
  return {
    modelKey,
    sheet,
    figures,
    actorTable: { header: first - 1, rows: keyCells.actorTable.actors.map((id, i) => ({ id, row: first + i })) },
    rate: named("Rate"),
    timing: named("Timing"),
  };
}

/** The one block of the model sheet that holds every cell the pane reads (from column A, for the labels). */
export function readArea(cells: ModelCells): string {
  const all: Cell[] = [
    ...Object.values(cells.figures),
    ...cells.actorTable.rows.map((r) => ({ row: r.row, col: 3 })),
    { row: cells.actorTable.header, col: 0 },
  ];
  if (cells.rate) all.push(cells.rate);
  if (cells.timing) all.push(cells.timing);
  const top = Math.min(...all.map((c) => c.row));
  const bottom = Math.max(...all.map((c) => c.row));
  const right = Math.max(3, ...all.map((c) => c.col));
  return `A${top + 1}:${colLetter(right)}${bottom + 1}`;
}

/** One key cell as read from the sheet. */
export type SheetValue =
  | { kind: "number"; value: number }
  /** The sheet's own "no result" text: "Inte inom horisonten", "—". */
  | { kind: "text"; text: string }
  /** An Excel error value, by its English code ("#VALUE!"). */
  | { kind: "error"; code: string }
  /** #BUSY! or #GETTING_DATA: Excel is still calculating (the add-in's functions). */
  | { kind: "pending"; code: string }
  /** The cell holds its formula's text: the workbook has not calculated it. */
  | { kind: "uncalculated" }
  /** Not where the model's layout puts it: the label next to it is not the sheet's label, or the cell is outside what was read. */
  | { kind: "missing" };

export interface SheetFigures {
  modelKey: string;
  figures: Partial<Record<AnyFigureId, SheetValue>>;
  actors: Record<string, { pvCosts: SheetValue; pvGains: SheetValue; pvNet: SheetValue }>;
  rate: SheetValue | null;
  timing: SheetValue | null;
}

/** A cell's value as the host returned it, classified. */
export function sheetValue(v: unknown): SheetValue {
  if (typeof v === "number") return Number.isFinite(v) ? { kind: "number", value: v } : { kind: "error", code: "#NUM!" };
  if (v === undefined || v === null || v === "") return { kind: "missing" };
  if (typeof v === "string") {
    const code = excelErrorCode(v);
    if (code === "#BUSY!" || code === "#GETTING_DATA") return { kind: "pending", code };
    if (code) return { kind: "error", code };
    if (v.startsWith("=")) return { kind: "uncalculated" };
    return { kind: "text", text: v };
  }
  return { kind: "text", text: String(v) };
}

const norm = (s: unknown) => (typeof s === "string" ? s.trim() : "");

/** Whether a label cell holds the sheet's text `id` in either language. */
function labelIs(v: unknown, id: FixedId): boolean {
  const text = TEXTS[id];
  const l = norm(v);
  return l !== "" && (l === text.sv || l === text.en);
}

/** The figures out of the block read at readArea(cells). */
export function readSheetFigures(snap: Pick<RangeSnapshot, "row" | "col" | "values">, cells: ModelCells): SheetFigures {
  const at = (row: number, col: number): unknown => snap.values[row - snap.row]?.[col - snap.col];
  const labelled = (c: Cell, label: FixedId): SheetValue => (labelIs(at(c.row, 0), label) ? sheetValue(at(c.row, c.col)) : { kind: "missing" });
  const figures: SheetFigures["figures"] = {};
  for (const [id, c] of Object.entries(cells.figures) as Array<[AnyFigureId, Cell]>) figures[id] = labelled(c, SHEET_LABEL[id]);
  const tableFound = labelIs(at(cells.actorTable.header, 0), "whoPaysWhoGains");
  const actors: SheetFigures["actors"] = {};
  for (const { id, row } of cells.actorTable.rows) {
    const v = (col: number): SheetValue => (tableFound ? sheetValue(at(row, col)) : { kind: "missing" });
    actors[id] = { pvCosts: v(1), pvGains: v(2), pvNet: v(3) };
  }
  return {
    modelKey: cells.modelKey,
    figures,
    actors,
    rate: cells.rate ? labelled(cells.rate, "rateReal") : null,
    timing: cells.timing ? labelled(cells.timing, "timing") : null,
  };
}

// ---- The view: what the pane shows for each figure ----

export type Shown =
  /** A number: the sheet's (from "sheet"), or the preview's before a build (from "preview"). */
  | { kind: "number"; value: number; from: "sheet" | "preview"; preview: number | null; differs: boolean }
  /** No result ("not within the horizon", "cannot be computed"), as the sheet or the preview says. */
  | { kind: "none"; from: "sheet" | "preview"; preview: number | null; differs: boolean }
  /** The sheet holds an error: shown as the error. */
  | { kind: "error"; code: string }
  /** Excel is still calculating. */
  | { kind: "pending" }
  /** The sheet's value could not be read: the preview's number, flagged as not confirmed by the workbook. */
  | { kind: "unconfirmed"; value: number | null };

export interface ActorView {
  id: string;
  label: string;
  pvCosts: Shown;
  pvGains: Shown;
  pvNet: Shown;
}

export interface ResultView {
  /** "sheet" when the figures come from the model sheet; "preview" before a build. */
  source: "sheet" | "preview";
  figures: Record<FigureId, Shown>;
  /** The fund's figures when the model has a fund rule (fundFrame only in the dual model). */
  fund: Partial<Record<FundFigureId, Shown>> | null;
  actors: ActorView[];
  /** Figures whose cell holds an error, with the error. */
  errors: Array<{ id: AnyFigureId | "actors"; code: string }>;
  /** Figures where the sheet and the pane's own computation disagree. */
  differs: AnyFigureId[];
  /** Some figure could not be read from the sheet (shown from the preview, flagged). */
  unconfirmed: boolean;
  /** Some figure is still being calculated by Excel. */
  pending: boolean;
}

/** Two numbers agree when they differ by at most 1e-9 of the larger (absolute below 1). */
export function agrees(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function previewFigure(r: ModelResult, id: AnyFigureId): number | null {
  switch (id) {
    case "npv":
      return r.npv;
    case "npvGross":
      return r.npvGross;
    case "pvCosts":
      return r.pvCosts;
    case "pvGains":
      return r.pvGains;
    case "bcr":
      return r.benefitCostRatio;
    case "discountedPayback":
      return r.discountedPayback;
    case "payback":
      return r.payback;
    case "breakEven":
      return r.breakEven;
    case "withinMandate":
      return r.netWithinMandate;
    case "fundPayout":
      return r.fund?.totalPayout ?? null;
    case "fundRepaid":
      return r.fund?.totalRepaid ?? null;
    case "fundUnpaid":
      return r.fund?.unpaid ?? null;
    case "fundFrame":
      return r.fund?.totalFrame ?? null;
    case "fundPv":
      return r.fund?.pvFundNet ?? null;
  }
}

function fromPreview(p: number | null): Shown {
  return p === null
    ? { kind: "none", from: "preview", preview: null, differs: false }
    : { kind: "number", value: p, from: "preview", preview: p, differs: false };
}

/**
 * One figure: the sheet's value compared with the preview's (`compare` false when there is no preview to
 * compare with). `npvError` is the NPV cell's error, if any: the sheet's "no result" texts then stand for
 * that error (payback, ratio and break-even rest on the same flows), so an error never reads as "not within the horizon".
 */
function fromSheet(v: SheetValue | undefined, p: number | null, compare: boolean, npvError: string | null): Shown {
  if (!v || v.kind === "missing" || v.kind === "uncalculated") return { kind: "unconfirmed", value: p };
  if (v.kind === "error") return { kind: "error", code: v.code };
  if (v.kind === "pending") return { kind: "pending" };
  if (v.kind === "text") {
    if (npvError) return { kind: "error", code: npvError };
    return { kind: "none", from: "sheet", preview: p, differs: compare && p !== null };
  }
  return { kind: "number", value: v.value, from: "sheet", preview: p, differs: compare && (p === null || !agrees(v.value, p)) };
}

/**
 * What the pane shows: the sheet's figures when a built model's cells were read (`sheet`), compared with the
 * preview (`preview`, null when the core refused the inputs); the preview alone before a build. `labels` names
 * the actors (id → label) when the preview cannot.
 */
export function resultView(
  preview: ModelResult | null,
  sheet: SheetFigures | "unread" | null,
  opts: { labels?: (id: string) => string; dual?: boolean } = {},
): ResultView | null {
  const labels = opts.labels ?? ((id: string) => id);
  if (sheet === null || sheet === "unread") {
    // Before a build: the preview. A built model whose sheet could not be read: the preview, each figure flagged.
    if (!preview) return null;
    const unread = sheet === "unread";
    const show = (x: number | null): Shown => (unread ? { kind: "unconfirmed", value: x } : fromPreview(x));
    const figures = Object.fromEntries(FIGURES.map((id) => [id, show(previewFigure(preview, id))])) as Record<FigureId, Shown>;
    const fund = preview.fund
      ? Object.fromEntries(FUND_FIGURES.filter((id) => id !== "fundFrame" || opts.dual).map((id) => [id, show(previewFigure(preview, id))]))
      : null;
    const actors = preview.actors.map((a) => ({ id: a.id, label: a.label, pvCosts: show(a.pvCosts), pvGains: show(a.pvGains), pvNet: show(a.pvNet) }));
    return { source: "preview", figures, fund, actors, errors: [], differs: [], unconfirmed: unread, pending: false };
  }
  const compare = preview !== null;
  const p = (id: AnyFigureId) => (preview ? previewFigure(preview, id) : null);
  const npv = sheet.figures.npv;
  const npvError = npv?.kind === "error" ? npv.code : null;
  const figures = Object.fromEntries(FIGURES.map((id) => [id, fromSheet(sheet.figures[id], p(id), compare, npvError)])) as Record<FigureId, Shown>;
  const fundIds = FUND_FIGURES.filter((id) => sheet.figures[id] !== undefined);
  const fund = fundIds.length
    ? (Object.fromEntries(fundIds.map((id) => [id, fromSheet(sheet.figures[id], p(id), compare, npvError)])) as Partial<Record<FundFigureId, Shown>>)
    : null;
  const actors: ActorView[] = Object.entries(sheet.actors).map(([id, v]) => {
    const a = preview?.actors.find((x) => x.id === id);
    return {
      id,
      label: a?.label ?? labels(id),
      pvCosts: fromSheet(v.pvCosts, a?.pvCosts ?? null, compare, npvError),
      pvGains: fromSheet(v.pvGains, a?.pvGains ?? null, compare, npvError),
      pvNet: fromSheet(v.pvNet, a?.pvNet ?? null, compare, npvError),
    };
  });
  const all: Array<[AnyFigureId, Shown]> = [
    ...(Object.entries(figures) as Array<[AnyFigureId, Shown]>),
    ...(Object.entries(fund ?? {}) as Array<[AnyFigureId, Shown]>),
  ];
  const actorShown = actors.flatMap((a) => [a.pvCosts, a.pvGains, a.pvNet]);
  const errors: ResultView["errors"] = all.flatMap(([id, s]) => (s.kind === "error" ? [{ id, code: s.code }] : []));
  const actorError = actorShown.find((s) => s.kind === "error");
  if (actorError && actorError.kind === "error") errors.push({ id: "actors", code: actorError.code });
  const isDiff = (s: Shown) => (s.kind === "number" || s.kind === "none") && s.differs;
  return {
    source: "sheet",
    figures,
    fund,
    actors,
    errors,
    differs: all.filter(([, s]) => isDiff(s)).map(([id]) => id),
    unconfirmed: [...all.map(([, s]) => s), ...actorShown].some((s) => s.kind === "unconfirmed"),
    pending: [...all.map(([, s]) => s), ...actorShown].some((s) => s.kind === "pending"),
  };
}

/** The sheet's actors differ from the preview's by more than the figures: used to flag the actor table. */
export function actorsDiffer(view: ResultView): boolean {
  return view.actors.some((a) => [a.pvCosts, a.pvGains, a.pvNet].some((s) => (s.kind === "number" || s.kind === "none") && s.differs));
}

// ---- Budget cells that are not numbers ----

export interface BadCell {
  /** Sheet-qualified address, e.g. 'Driftbudget 2025'!D12. */
  ref: string;
  /** What the cell holds, as read. */
  text: string;
}

/**
 * The budget cells of the chosen rows that are not numbers (text, or unreadable): the usual reason a model
 * sheet shows #VALUE! in its results. From the block as last read.
 */
export function badBudgetCells(block: BudgetBlock | null, snapshot: Pick<RangeSnapshot, "row" | "col" | "values"> | null, inputs: ModelInputs): BadCell[] {
  if (!block) return [];
  const chosen = new Set(inputs.rows.filter((r) => r.role !== "ignore").map((r) => r.sheetRow));
  const out: BadCell[] = [];
  for (const row of block.rows) {
    if (!chosen.has(row.sheetRow)) continue;
    for (const c of row.cells) {
      if (c.source !== "text" && c.source !== "unreadable") continue;
      const pos = tryParseCell(c.address);
      const raw = pos && snapshot ? snapshot.values[pos.row - snapshot.row]?.[pos.col - snapshot.col] : undefined;
      out.push({ ref: sheetRef(block.sheet, c.address), text: raw === undefined ? "" : String(raw) });
    }
  }
  return out;
}

// ---- What the result rests on ----

export interface BasisItem {
  id: "rate" | "timing" | "years" | "priceYear" | "net" | "payback" | "unit";
  label: string;
  value: string;
}

/** The adjustments, by their key in the inputs and (the same key) their label on the sheet. */
const ADJUSTMENTS = ["deadweight", "attribution", "displacement", "dropOff", "optimismCosts", "optimismGains"] as const;

/**
 * What the result rests on, in the model sheet's words: the rate (as the sheet holds it, when read) or the
 * schedule, the timing, the start year and horizon, the price year, net or gross, which payback, the unit.
 * `sheet` gives the sheet's rate and timing (a reader may have changed them there); the rest is the resolved
 * model (planner/resolve.ts), which is what the planner built the sheet from.
 */
export function resultBasis(lang: Lang, inputs: ModelInputs, block: BudgetBlock | null, sheet: SheetFigures | null): BasisItem[] {
  const tx = translator(lang);
  let m: ResolvedModel | null = null;
  try {
    m = resolveModel(inputs, block);
  } catch {
    m = null;
  }
  const items: BasisItem[] = [];
  const d = inputs.discount;
  const shownValue = (v: SheetValue | null | undefined, fallback: number, show: (x: number) => string): string => {
    if (v?.kind === "number") return show(v.value);
    if (v?.kind === "error") return excelErrorText(v.code, lang);
    return show(fallback);
  };
  if (d.kind === "constant") items.push({ id: "rate", label: tx("rateReal"), value: shownValue(sheet?.rate, d.rate, (x) => formatPercentExact(x, lang)) });
  else if (d.kind === "perPeriod") items.push({ id: "rate", label: tx("rate"), value: tx("ratePerYear") });
  else items.push({ id: "rate", label: tx("rate"), value: d.schedule === "health" ? tx("rateDecliningHealth") : tx("rateDecliningStandard") });
  const timingText = (x: number) =>
    x === 0 ? t(lang, "timingEnd") : x === 1 ? t(lang, "timingStart") : x === 0.5 ? t(lang, "timingMid") : formatNumber(x, lang, 1);
  items.push({ id: "timing", label: tx("timing"), value: shownValue(sheet?.timing, inputs.timing, timingText) });
  if (m) {
    const last = m.years[m.years.length - 1];
    items.push({
      id: "years",
      label: `${tx("startYear")}, ${lowerFirst(tx("horizon"))}`,
      value: t(lang, m.horizon === 1 ? "basisYearsOne" : "basisYears", { start: m.startYear, horizon: m.horizon, last }),
    });
    const prices = m.priceIndex ? tx("pricesConverted", { year: m.priceYear, index: m.priceIndex.name }) : tx("prices", { year: m.priceYear });
    items.push({ id: "priceYear", label: tx("priceYear"), value: prices });
  }
  const a = inputs.adjustments;
  const used = ADJUSTMENTS.filter((k) => a[k] !== 0).map((k) => `${lowerFirst(tx(k))} ${formatPercentExact(a[k], lang)}`);
  items.push({ id: "net", label: tx("npv"), value: used.length ? t(lang, "basisAdjusted", { list: used.join("; ") }) : t(lang, "basisNoAdjustments") });
  const key = sheet?.modelKey;
  items.push({
    id: "payback",
    label: t(lang, "basisPayback"),
    value: key ? t(lang, "basisPaybackNamed", { disc: `${key}_Payback`, simple: `${key}_PaybackSimple` }) : t(lang, "basisPaybackValue"),
  });
  const unit = m?.unit ?? "kr";
  items.push({
    id: "unit",
    label: t(lang, "basisUnitLabel"),
    value: unit === "kr" || !m ? t(lang, "basisUnitKr") : t(lang, "basisUnitConverted", { unit, factor: formatNumber(m.unitFactor, lang, 0) }),
  });
  return items;
}

/** "Horisont (år)" → "horisont (år)" inside a sentence; names and acronyms (KPI) are left alone. */
function lowerFirst(s: string): string {
  return /^[A-ZÅÄÖ][a-zåäö]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}
