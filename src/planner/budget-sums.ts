/**
 * Step 5 of reading a budget block (budget.ts): sum rows recognised by their numbers (a row equal to the
 * rows above it, within the rounding of the decimals shown, or, as in an årsredovisning, a nämnd's total
 * placed above its rows and equal to them), and the nämnd of rows that only a sum row names ("Summa
 * Socialnämnden" under them, or "Socialnämnden" with its total above them). Rows that are not amounts
 * (counts, percentages, investments) take no part.
 */
import type { BudgetRow } from "./budget";
import { sumLabelGroup } from "./budget-text";

function decimalsOf(x: number): number {
  if (Number.isInteger(x)) return 0;
  const s = String(x);
  const i = s.indexOf(".");
  return i < 0 ? 6 : Math.min(6, s.length - i - 1);
}

/** Running totals of a group of rows, so that each row is compared with the rows above in constant time. */
interface Totals {
  sum: number[];
  count: number;
  /** Most decimals seen among the parts. */
  dec: number;
}

function emptyTotals(n: number): Totals {
  return { sum: new Array<number>(n).fill(0), count: 0, dec: 0 };
}

function addTo(t: Totals, row: BudgetRow): void {
  row.cells.forEach((c, y) => {
    t.sum[y] += c.value;
    t.dec = Math.max(t.dec, decimalsOf(c.value));
  });
  t.count++;
}

/** True when `row` equals the sum of at least two rows in every year (within the rounding of shown decimals), not all zero. */
function equalsSum(row: BudgetRow, parts: Totals): boolean {
  if (parts.count < 2) return false;
  let nonZero = false;
  for (let y = 0; y < row.cells.length; y++) {
    const v = row.cells[y].value;
    const dec = Math.max(decimalsOf(v), parts.dec);
    // Parts rounded to the shown decimals may add up to a total that differs by half a unit of the last decimal per part.
    const tol = Math.max(1e-9 * Math.abs(parts.sum[y]), 0.5 * Math.pow(10, -dec) * parts.count * 1.0001);
    if (Math.abs(v - parts.sum[y]) > tol) return false;
    if (v !== 0) nonZero = true;
  }
  return nonZero;
}

/** A total above its rows is looked for among at most this many rows under it (a nämnd has tens of verksamheter). */
const MAX_PARTS_BELOW = 150;

/**
 * Step 5, first: a row equal to the data rows right under it (at least two, down to the next heading, sum
 * row or blank row; a blank row straight after the total is allowed) is their total, placed above them, as
 * an årsredovisning places each nämnd's total. A total recognised by its label ("Nettokostnad totalt" on
 * top) gets its rows the same way. The rows under a nämnd's total belong to that nämnd.
 */
export function markSumsAbove(rows: BudgetRow[], years: number): void {
  for (let i = 0; i < rows.length; i++) {
    const total = rows[i];
    if (total.kind !== "data" && !(total.kind === "sum" && total.sumReason === "label" && !hasPartsAbove(rows, i))) continue;
    const parts = emptyTotals(years);
    const taken: BudgetRow[] = [];
    let best: BudgetRow[] | null = null;
    let prev = total;
    for (let k = i + 1; k < rows.length && taken.length < MAX_PARTS_BELOW; k++) {
      const r = rows[k];
      if (r.kind === "nonAmount") continue;
      if (r.kind !== "data") break;
      const gap = r.sheetRow - prev.sheetRow > 1;
      if (gap && taken.length > 0) break;
      addTo(parts, r);
      taken.push(r);
      prev = r;
      if (equalsSum(total, parts)) best = taken.slice();
    }
    if (!best) continue;
    if (total.kind === "data") {
      total.kind = "sum";
      total.sumReason = "arithmetic";
    }
    total.sumPlace = "above";
    // The total names the nämnd of its rows ("Socialnämnden" above them) unless a heading already did.
    const group = total.sumReason === "label" ? sumLabelGroup(total.label) : total.label || null;
    if (group) {
      if (total.group === null) total.group = group;
      for (const p of best) if (p.group === null) p.group = group;
    }
    i += best.length;
  }
}

/** Are there data rows between row i and the heading or sum row before it (then a label sum closes them)? */
function hasPartsAbove(rows: BudgetRow[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    if (rows[k].kind === "nonAmount") continue;
    // A data row just above, with no blank row between (rows are consecutive on the sheet).
    return rows[k].kind === "data" && rows[i].sheetRow - rows[k].sheetRow === i - k;
  }
  return false;
}

/**
 * Step 5: marks as sums the data rows equal to the data rows since the previous sum or heading, or (a grand
 * total) equal to the earlier sum rows or to all data rows above.
 */
export function markArithmeticSums(rows: BudgetRow[], years: number): void {
  let since = emptyTotals(years);
  const sumsAbove = emptyTotals(years);
  const dataAbove = emptyTotals(years);
  for (const row of rows) {
    if (row.kind === "nonAmount") continue;
    if (row.kind === "heading") {
      since = emptyTotals(years);
      continue;
    }
    if (
      row.kind === "data" &&
      (equalsSum(row, since) || equalsSum(row, sumsAbove) || (sumsAbove.count === 0 && dataAbove.count > since.count && equalsSum(row, dataAbove)))
    ) {
      row.kind = "sum";
      row.sumReason = "arithmetic";
    }
    if (row.kind === "sum") {
      addTo(sumsAbove, row);
      since = emptyTotals(years);
    } else {
      addTo(since, row);
      addTo(dataAbove, row);
    }
  }
}

/** Step 5, continued: rows without a heading take their nämnd from the sum row that closes them ("Summa Socialnämnden"). */
export function groupsFromSumRows(rows: BudgetRow[]): void {
  let pending: BudgetRow[] = [];
  for (const row of rows) {
    if (row.kind === "nonAmount") continue;
    if (row.kind === "data") pending.push(row);
    else if (row.kind === "sum") {
      const g = row.sumReason === "label" ? sumLabelGroup(row.label) : null;
      for (const p of pending) if (p.group === null && g) p.group = g;
      if (row.sumReason === "label") row.group = g; // "Summa Socialnämnden" → Socialnämnden; "Totalt" → none
      pending = [];
    } else pending = [];
  }
}
