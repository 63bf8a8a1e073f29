/**
 * The input check: which cells the model reads are not numbers. A budget cell that holds text ("tre", a
 * number pasted as text) or an error makes every result that depends on it an error (or, for text Excel can
 * read as a number, a number that depends on the locale); the results' first row counts such cells and its
 * explanation names them, e.g. "Cellen 'Driftbudget 2025'!D12 är inte ett tal. …".
 *
 * The block at the end of the year area does the work with built-in functions only (both formula styles,
 * Excel 2007 and later): a row with the message's texts (so that the formulas are the same in every
 * language), then per row of at most CHECK_CHUNK cells how many are neither a number nor blank (F), and
 * running from the first row down how many of them are listed (G) and the list itself (H), which stops
 * growing at LIST_LIMIT characters so that the message stays readable and far below Excel's 32,767.
 */
import { cellAddress, colLetter, text } from "../a1";
import { FMT } from "./formats";
import { literal } from "./guards";
import { COL, CHECK_CHUNK, CheckedCell } from "./layout";
import type { SheetContext } from "./sheet";

/** The list stops growing at this many characters (about 25 addresses); the message then ends with "…". */
const LIST_LIMIT = 600;

/** Columns of the block: count in the row, listed so far, the list so far. */
const COUNT = COL.firstYear;
const LISTED = COL.firstYear + 1;
const LIST = COL.firstYear + 2;

/** A cell is fine when it holds a number or nothing (blank = 0, as everywhere in the model). */
const fine = (c: CheckedCell) => `OR(ISNUMBER(${c.ref}),ISBLANK(${c.ref}))`;

/** Markers for the parts of a text that the formula fills in. */
const MARK = { a: "\u0001", b: "\u0002" } as const;

/**
 * The texts of the message, in the order the formula joins them: the text for no such cell; for one, the text
 * before and after the cell; for several, the texts before the count, between the count and the cells, and after.
 */
export function messageParts(ctx: SheetContext): string[] {
  const { t } = ctx;
  const one = t("inputCheckOne", { cell: MARK.a }).split(MARK.a);
  const many = t("inputCheckMany", { count: MARK.a, cells: MARK.b });
  const [beforeCount, rest] = splitOnce(many, MARK.a);
  const [between, after] = splitOnce(rest, MARK.b);
  if (one.length !== 2) throw new Error("inputCheckOne must name the cell once");
  return [t("inputCheckOk"), one[0], one[1], beforeCount, between, after];
}

function splitOnce(s: string, mark: string): [string, string] {
  const i = s.indexOf(mark);
  if (i < 0 || s.indexOf(mark, i + 1) >= 0) throw new Error("inputCheckMany must give the count, then the cells, once each");
  return [s.slice(0, i), s.slice(i + 1)];
}

export function writeInputCheck(ctx: SheetContext): void {
  const { t, layout } = ctx;
  const check = layout.check;
  ctx.put(check.header, 0, "header", [[t("inputCheckBlock"), "", "", "", "", t("inputCheckCount"), t("inputCheckListed"), t("inputCheckList")]]);
  ctx.putText(check.texts, COL.label, "label", t("inputCheckTexts"));
  ctx.put(check.texts, COL.firstYear, "note", [messageParts(ctx).map((s) => (s === "" ? null : text(s)))], FMT.text);
  check.chunks.forEach(({ row, cells }, k) => {
    const from = k * CHECK_CHUNK + 1;
    ctx.putText(row, COL.label, "label", t("inputCheckRow", { from, to: from + cells.length - 1 }));
    const count = `=${cells.map((c) => `IF(${fine(c)},0,1)`).join("+")}`;
    const own = cells.map((c) => `IF(${fine(c)},"",${literal(`${c.shown}, `)})`).join("&");
    let listed: string;
    let list: string;
    if (k === 0) {
      listed = `=${colLetter(COUNT)}${row + 1}`;
      list = `=${own}`;
    } else {
      const prevList = `${colLetter(LIST)}${row}`;
      const full = `LEN(${prevList})>=${LIST_LIMIT}`;
      listed = `=IF(${full},${colLetter(LISTED)}${row},${colLetter(LISTED)}${row}+${colLetter(COUNT)}${row + 1})`;
      list = `=IF(${full},${prevList},${prevList}&${own})`;
    }
    ctx.put(row, COUNT, "calc", [[count, listed]], FMT.int);
    // No number format: a formula in a cell formatted as text (@) would be kept as text by Excel.
    ctx.put(row, LIST, "calc", [[list]]);
  });
}

/** The first result row: the number of cells read that are not numbers, and the message naming them. */
export function inputCheckResult(ctx: SheetContext): { count: string; message: string } {
  const { layout } = ctx;
  const check = layout.check;
  const part = (i: number) => cellAddress(check.texts, COL.firstYear + i, true);
  const chunks = check.chunks;
  if (!chunks.length) return { count: "=0", message: `=${part(0)}` };
  const first = chunks[0].row + 1;
  const last = chunks[chunks.length - 1].row + 1;
  const n = `SUM(${colLetter(COUNT)}${first}:${colLetter(COUNT)}${last})`;
  const listedAll = `$${colLetter(LISTED)}$${last}`;
  const listAll = `$${colLetter(LIST)}$${last}`;
  const count = ctx.result("inputCheck");
  // The list without its last ", ", and "…" when some cells are left out of it.
  const cells = `LEFT(${listAll},LEN(${listAll})-2)&IF(${listedAll}<${count},", …","")`;
  const one = `${part(1)}&${cells}&${part(2)}`;
  const many = `${part(3)}&${count}&${part(4)}&${cells}&${part(5)}`;
  return { count: `=${n}`, message: `=IF(${count}=0,${part(0)},IF(${count}=1,${one},${many}))` };
}
