/**
 * Writes the Costs and Gains blocks of the year area: one row per line, with its actor (A), its source
 * (B: the budget row's cells, or "Typed"), its share of the budget row (C, an input), what it holds after
 * the budget years (D), its label (E) and its amount in kr per model year (F…).
 *
 * A budget line's cell is sign × budget cell × unit factor × share (× index(price year) ÷ index(the cell's
 * year) with a price index), so an updated budget flows through: ='Driftbudget 2025'!D12*SI1_UnitFactor*$C74.
 * Typed lines are amounts in kr.
 */
import { colLetter, sheetRef, text } from "../a1";
import type { BlockStyle, PlannedCell } from "../plan";
import type { LineCell, ResolvedLine } from "../resolve";
import { FMT } from "./formats";
import { COL, LinesLayout } from "./layout";
import type { SheetContext } from "./sheet";
import { yearsHeader } from "./yearRows";

export function writeLines(ctx: SheetContext): void {
  const { m, t, layout } = ctx;
  writeBlock(ctx, layout.costs, t("costLines"), "");
  const gainsTitle = m.inputs.gainBasis === "perSuccess" ? t("gainLinesPerSuccess") : t("gainLines");
  writeBlock(ctx, layout.gains, gainsTitle, t("gainsMoved", { lag: m.inputs.effectLag }));
}

function writeBlock(ctx: SheetContext, block: LinesLayout, title: string, note: string): void {
  const { t } = ctx;
  yearsHeader(ctx, block.header, title, t("line"), [t("sourceColumn"), t("shareColumn"), t("afterBudgetColumn")]);
  if (block.none !== null) {
    ctx.putText(block.none, COL.label, "note", t("noLines"));
    return;
  }
  writeGroup(ctx, block.budget.first, block.budget.lines, "calc");
  writeGroup(ctx, block.typed.first, block.typed.lines, "input");
  if (block.note !== null) ctx.putText(block.note, COL.label, "note", note);
}

/** Consecutive lines of one origin (budget or typed), from `first` down. */
function writeGroup(ctx: SheetContext, first: number, lines: ResolvedLine[], style: BlockStyle): void {
  if (!lines.length) return;
  const { m, t } = ctx;
  const fromBudget = lines[0].origin === "budget";
  const after = (l: ResolvedLine) => (l.after === "repeatLast" ? t("afterRepeatLast") : t("afterZero"));
  ctx.put(
    first,
    COL.actor,
    "label",
    lines.map((l) => [text(m.labels.get(l.actor.id)!), text(l.origin === "budget" ? l.sourceText : t("typed"))]),
  );
  ctx.put(
    first,
    COL.share,
    fromBudget ? "input" : "note",
    lines.map((l) => [l.origin === "budget" ? l.share : null]),
    FMT.pct,
  );
  ctx.put(
    first,
    COL.after,
    "label",
    lines.map((l) => [text(after(l)), text(l.label)]),
  );
  ctx.put(
    first,
    COL.firstYear,
    style,
    lines.map((l, j) => l.cells.map((c) => (l.origin === "extra" ? typedCell(c) : budgetCell(ctx, c, first + j)))),
    FMT.kr,
  );
}

function typedCell(c: LineCell): PlannedCell {
  return c.kind === "zero" ? 0 : c.value;
}

/** One year of a budget line in `row`: a formula on the budget cell, or its value copied from a text cell. */
function budgetCell(ctx: SheetContext, c: LineCell, row: number): PlannedCell {
  const { m } = ctx;
  if (c.kind === "zero") return 0;
  const nm = ctx.name;
  const share = `$${colLetter(COL.share)}${row + 1}`;
  // With a price index: × index(price year) ÷ index(the cell's own year), in both formula styles (plain
  // arithmetic keeps the portable style portable and the index cells live).
  const pix = m.priceIndex;
  const reprice = pix && c.indexYear !== undefined && c.indexYear !== m.priceYear ? `*${nm(`Index${m.priceYear}`)}/${nm(`Index${c.indexYear}`)}` : "";
  if (c.kind === "ref") return `=${m.sign === -1 ? "-" : ""}${sheetRef(m.budget!.sheet, c.address)}*${nm("UnitFactor")}*${share}${reprice}`;
  return `=${m.sign * c.value}*${nm("UnitFactor")}*${share}${reprice}`; // copied from a text cell (see notes)
}
