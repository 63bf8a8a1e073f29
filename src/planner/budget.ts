/**
 * Reading a Swedish driftbudget from a block of cells: the year header ("Bokslut 2024", "Budget 2025",
 * "Plan 2026", 2027, "B2025"), the row labels (nämnd and verksamhet, one or two label columns), the unit
 * (kr/tkr/mnkr), sum rows, blank rows and years, merged cells, and amounts typed as text with a decimal
 * comma, space thousands and dash or parenthesis negatives.
 *
 * Nothing is silently misread: whatever is not a plain number is either read by a stated rule and
 * explained in `notes`, or refused with a bilingual message. Every amount keeps the A1 address of its
 * cell, so the model can refer to the budget and follow its updates.
 */
import type { RangeSnapshot } from "../host/host";
import { cellAddress, colLetter, parseRange, sheetRef } from "./a1";
import type { Unit } from "./inputs";
import { PlannerMessage, Result, attempt, note, refuse } from "./messages";

/** Larger blocks are refused before they are scanned (see docs/model.md: a driftbudget, not a ledger). */
export const MAX_BLOCK_ROWS = 2000;
export const MAX_BLOCK_COLS = 200;
/** Header rows are looked for among the first rows of the block only. */
const HEADER_SCAN_ROWS = 12;

export type YearKind = "bokslut" | "budget" | "plan" | "prognos" | "year";

export interface YearColumn {
  year: number;
  kind: YearKind;
  /** The header as written, e.g. "Budget 2025". */
  header: string;
  /** 0-based column on the sheet and its letter. */
  sheetCol: number;
  letter: string;
}

/** How a cell's amount was obtained. Only "number" and "blank" cells can be referred to live. */
export type CellSource = "number" | "blank" | "text" | "dash" | "unreadable" | "merged";

export interface BudgetCell {
  /** Amount in the budget's unit, as read (sign as in the sheet). Blank → 0. */
  value: number;
  /** A1 address on the source sheet, e.g. "D7". */
  address: string;
  source: CellSource;
}

export type RowKind = "data" | "sum" | "heading";

export interface BudgetRow {
  /** 0-based row on the source sheet. */
  sheetRow: number;
  kind: RowKind;
  /** The label cells as text (one or two label columns). */
  labels: string[];
  /** The most specific label (the verksamhet when there are two label columns), e.g. "Placeringar". */
  label: string;
  /** The nämnd (or other heading) this row belongs to, when one was recognised. */
  group: string | null;
  /** One per BudgetBlock.years entry. */
  cells: BudgetCell[];
  /** Why a sum row was recognised: its label, its formula, or its numbers (equal to the rows above). */
  sumReason?: "label" | "formula" | "arithmetic";
}

export interface BudgetBlock {
  sheet: string;
  /** A1 address of the block, e.g. "A3:F30". */
  address: string;
  /** 0-based sheet row of the year header. */
  headerRow: number;
  /** Year columns, left to right as in the sheet (one per year; duplicates dropped with a note). */
  years: YearColumn[];
  /** 0-based sheet columns holding row labels. */
  labelCols: number[];
  /** Unit found in the sheet, or null: then the user must choose (unitUnknown). */
  unit: Unit | null;
  /** Where the unit was found, e.g. "A1: Belopp i mnkr". */
  unitSource: string | null;
  /** The sheet's sign convention as it appears: most amounts negative → "costsNegative". */
  suggestedSign: "costsPositive" | "costsNegative";
  /** Data, sum and heading rows, top to bottom (blank rows are left out and counted in a note). */
  rows: BudgetRow[];
  /** Explanations and warnings, bilingual. */
  notes: PlannerMessage[];
}

export interface ReadOptions {
  /** Text near the block (e.g. the sheet's title rows) searched for the unit when the block has none. */
  contextText?: string[];
}

// ---- Numbers typed as text ----

export interface ParsedAmount {
  value: number;
  source: "text" | "dash" | "unreadable";
  /** True when a lone point with three digits after it could have been a thousands separator. */
  ambiguous?: boolean;
  /** True when the text showed a negative with a dash, minus sign or parentheses. */
  negative?: boolean;
}

const DASHES = /^[-\u2013\u2014\u2212]$/;
const SPACES = /[\s\u00a0\u202f\u2009\u2007]/g;

/**
 * Reads an amount typed as text the way a Swedish reader would: "1 234,5", "–1,5", "-1,5", "(1,5)",
 * "1,5-", "12,3 mnkr", "1.234,5", "1,234.5". A lone dash means nothing (0).
 */
export function parseAmountText(raw: string): ParsedAmount {
  let s = raw.replace(SPACES, "");
  if (s === "") return { value: 0, source: "dash" };
  if (DASHES.test(s)) return { value: 0, source: "dash" };
  s = s.replace(/(mnkr|mkr|msek|tkr|tsek|ksek|kr|sek)\.?$/i, "");
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (/^[-\u2013\u2014\u2212]/.test(s)) {
    negative = !negative;
    s = s.slice(1);
  } else if (/^\+/.test(s)) {
    s = s.slice(1);
  } else if (/[-\u2013\u2212]$/.test(s)) {
    negative = !negative; // "1,5-": trailing minus, as some ledgers print it
    s = s.slice(0, -1);
  }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return { value: 0, source: "unreadable" };
  let ambiguous = false;
  const commas = (s.match(/,/g) ?? []).length;
  const points = (s.match(/\./g) ?? []).length;
  let normal: string;
  if (commas > 0 && points > 0) {
    // The later separator is the decimal one: "1.234,5" (Swedish/German) or "1,234.5" (English).
    normal = s.lastIndexOf(",") > s.lastIndexOf(".") ? s.replace(/\./g, "").replace(",", ".") : s.replace(/,/g, "");
  } else if (commas > 1) {
    normal = s.replace(/,/g, "");
  } else if (points > 1) {
    normal = s.replace(/\./g, "");
  } else if (commas === 1) {
    normal = s.replace(",", "."); // Swedish decimal comma
  } else {
    normal = s;
    if (points === 1 && /^\d{1,3}\.\d{3}$/.test(s)) ambiguous = true;
  }
  if (!/^(\d+\.?\d*|\.\d+)$/.test(normal)) return { value: 0, source: "unreadable" };
  const v = Number(normal);
  if (!Number.isFinite(v)) return { value: 0, source: "unreadable" };
  const out: ParsedAmount = { value: negative ? -v : v, source: "text" };
  if (negative && v !== 0) out.negative = true;
  if (ambiguous) out.ambiguous = true;
  return out;
}

// ---- Year headers ----

const KIND_WORDS: Array<[RegExp, YearKind]> = [
  [/^(bokslut|utfall|bokf|bokfört|actual|actuals|outturn|u|bs|bo)$/i, "bokslut"],
  [/^(budget|bud|b|bu|ub|ramar|ram)$/i, "budget"],
  [/^(plan|p|plan\.?år|planår|flerårsplan|ep)$/i, "plan"],
  [/^(prognos|progn|prog|fc|forecast|prel|preliminär)$/i, "prognos"],
  [/^(år|year|ar)$/i, "year"],
];

const MIN_YEAR = 1990;
const MAX_YEAR = 2150;

function kindOf(word: string): YearKind | null {
  const w = word.replace(/[.:]$/, "");
  for (const [re, k] of KIND_WORDS) if (re.test(w)) return k;
  return null;
}

/**
 * A header cell as a year: 2027, "2027", "Budget 2025", "B2025", "Plan 2026 (mnkr)", "Bokslut 2024",
 * "2024 bokslut", "Budget 2025 tkr". Returns null for anything else.
 */
export function parseYearHeader(v: unknown): { year: number; kind: YearKind } | null {
  if (typeof v === "number") {
    return Number.isInteger(v) && v >= MIN_YEAR && v <= MAX_YEAR ? { year: v, kind: "year" } : null;
  }
  if (typeof v !== "string") return null;
  let s = v.replace(SPACES, " ").trim();
  s = s.replace(/\((?:m?n?kr|mkr|tkr|kr|sek|tsek|msek|belopp[^)]*)\)$/i, "").trim(); // unit in parentheses
  s = s.replace(/\s+(mnkr|mkr|tkr|kr)$/i, "").trim();
  let m = /^(\d{4})$/.exec(s);
  if (m) return checkYear(Number(m[1]), "year");
  m = /^([A-Za-zÅÄÖåäö.]+)[\s\-:]*(\d{4})$/.exec(s);
  if (m) {
    const k = kindOf(m[1]);
    return k ? checkYear(Number(m[2]), k) : null;
  }
  m = /^(\d{4})[\s\-:]*([A-Za-zÅÄÖåäö.]+)$/.exec(s);
  if (m) {
    const k = kindOf(m[2]);
    return k ? checkYear(Number(m[1]), k) : null;
  }
  return null;
}

function checkYear(y: number, kind: YearKind): { year: number; kind: YearKind } | null {
  return y >= MIN_YEAR && y <= MAX_YEAR ? { year: y, kind } : null;
}

// ---- Units ----

const UNIT_PATTERNS: Array<[RegExp, Unit]> = [
  [/(^|[^a-zåäö])(mnkr|mkr|msek|mn kr|milj\.? ?kr|miljoner kronor|miljoner kr|mkr\.)([^a-zåäö]|$)/i, "mnkr"],
  [/(^|[^a-zåäö])(tkr|tsek|ksek|tusen kronor|tusental kronor|tusentals kronor|t kr)([^a-zåäö]|$)/i, "tkr"],
  [/(^|[^a-zåäöt])(kr|kronor|sek)([^a-zåäö]|$)/i, "kr"],
];

/** The unit a text names, e.g. "Belopp i mnkr" → "mnkr", "(tkr)" → "tkr"; null when none. */
export function unitInText(s: string): Unit | null {
  for (const [re, u] of UNIT_PATTERNS) if (re.test(s)) return u;
  return null;
}

// ---- Sum rows ----

const SUM_LABEL = /^(summa|s:a|s\.a\.|totalt|total|totals|sum|delsumma|subtotal|netto totalt|nettokostnad totalt|grand total)(?![a-zåäö])/i;
const SUM_LABEL_END = /\b(totalt|summa|total)$/i;
const SUM_FORMULA = /^=\s*(SUM|SUBTOTAL|AGGREGATE|SUMMA|DELSUMMA)\s*\(/i;

function sumLabelGroup(label: string): string | null {
  const s = label.replace(SUM_LABEL, "").replace(SUM_LABEL_END, "").replace(/^[\s:–-]+|[\s:–-]+$/g, "");
  return s === "" ? null : s;
}

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

// ---- The reader ----

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.replace(SPACES, " ").trim();
  return String(v);
}

function isEmpty(v: unknown): boolean {
  return v === "" || v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Result type of readBudget: a block, or a refusal with a bilingual message. */
export type BudgetResult = Result<{ block: BudgetBlock }>;

/** Reads a budget block; refusals come back as { ok: false, error } with a bilingual message. */
export function readBudget(snap: RangeSnapshot, opts: ReadOptions = {}): BudgetResult {
  return attempt(() => ({ block: readBudgetOrThrow(snap, opts) }));
}

/** As readBudget, but a refusal is thrown as a SocinvError. */
export function readBudgetOrThrow(snap: RangeSnapshot, opts: ReadOptions = {}): BudgetBlock {
  const values = snap.values ?? [];
  const nRows = values.length;
  const nCols = nRows ? Math.max(...values.slice(0, 50).map((r) => r.length)) : 0;
  // Size checks first, so a huge selection is refused at once.
  if (nRows > MAX_BLOCK_ROWS) refuse("tooManyRows", { rows: nRows, max: MAX_BLOCK_ROWS });
  if (nCols > MAX_BLOCK_COLS) refuse("tooManyColumns", { cols: nCols, max: MAX_BLOCK_COLS });
  if (nRows * nCols <= 1) refuse("oneCell");

  const at = (r: number, c: number): unknown => values[r]?.[c];
  const formulaAt = (r: number, c: number): unknown => snap.formulas?.[r]?.[c];
  const textAt = (r: number, c: number): string => {
    const t = snap.text?.[r]?.[c];
    return t === undefined ? cellText(at(r, c)) : t;
  };
  const addr = (r: number, c: number): string => cellAddress(snap.row + r, snap.col + c);
  const notes: PlannerMessage[] = [];

  // Merged areas, relative to the block.
  const merged = (snap.mergedAreas ?? []).map((a) => {
    const p = parseRange(a);
    return { a, row: p.row - snap.row, col: p.col - snap.col, rows: p.rows, cols: p.cols };
  });

  // 1. The year header: the row among the first few with the most year cells; text years count more
  //    than bare numbers (a number 2025 can be an amount), and bare numbers need at least two in a row.
  let headerRow = -1;
  let best: Array<{ c: number; year: number; kind: YearKind; header: string }> = [];
  let bestScore = 0;
  for (let r = 0; r < Math.min(nRows, HEADER_SCAN_ROWS); r++) {
    const found: Array<{ c: number; year: number; kind: YearKind; header: string }> = [];
    let score = 0;
    for (let c = 0; c < nCols; c++) {
      const v = at(r, c);
      const y = parseYearHeader(v);
      if (!y) continue;
      found.push({ c, ...y, header: cellText(v) });
      score += typeof v === "string" ? 2 : 1;
    }
    const textYears = found.filter((f) => typeof at(r, f.c) === "string").length;
    if (textYears === 0 && found.length < 2) continue;
    if (textYears === 0) {
      // bare numbers must be increasing or decreasing by one year, as a header is
      const ys = found.map((f) => f.year);
      const step = ys[1] - ys[0];
      if (Math.abs(step) !== 1 || ys.some((y, i) => i > 0 && y - ys[i - 1] !== step)) continue;
    }
    if (score > bestScore) {
      bestScore = score;
      best = found;
      headerRow = r;
    }
  }
  if (headerRow < 0) {
    const anyNumber = values.some((row) => row.some((v) => typeof v === "number"));
    if (!anyNumber) refuse("noNumbers");
    refuse("noYearHeader");
  }

  // One column per year; the first occurrence wins and the other is named in a note.
  const years: YearColumn[] = [];
  for (const f of best) {
    const kept = years.find((y) => y.year === f.year);
    if (kept) {
      notes.push(
        note("duplicateYear", "warning", { year: f.year, kept: `${kept.letter} "${kept.header}"`, dropped: `${colLetter(snap.col + f.c)} "${f.header}"` }),
      );
      continue;
    }
    years.push({ year: f.year, kind: f.kind, header: f.header, sheetCol: snap.col + f.c, letter: colLetter(snap.col + f.c) });
  }
  const yearCols = new Set(years.map((y) => y.sheetCol - snap.col));
  const firstYearCol = Math.min(...yearCols);

  // 2. Label columns: left of the first year column, holding text (or account numbers) below the header.
  const labelCols: number[] = [];
  for (let c = 0; c < firstYearCol; c++) {
    let has = false;
    for (let r = headerRow + 1; r < nRows && !has; r++) if (!isEmpty(at(r, c))) has = true;
    if (has) labelCols.push(c);
  }
  // Columns right of the years or between them without a year header (comments, % change) are not used.
  const ignored: string[] = [];
  for (let c = firstYearCol; c < nCols; c++) {
    if (yearCols.has(c)) continue;
    let has = false;
    for (let r = headerRow + 1; r < nRows && !has; r++) if (!isEmpty(at(r, c))) has = true;
    if (has) ignored.push(`${colLetter(snap.col + c)}${isEmpty(at(headerRow, c)) ? "" : ` "${cellText(at(headerRow, c))}"`}`);
  }
  if (ignored.length) notes.push(note("ignoredColumns", "info", { list: ignored.join(", ") }));

  // 3. The unit: block text above and in the header, then the label cells, then the context, then formats.
  const unitHits = new Map<Unit, string>();
  const lookUnit = (s: string, where: string) => {
    const u = unitInText(s);
    if (u && !unitHits.has(u)) unitHits.set(u, `${where}: ${s.length > 40 ? s.slice(0, 39) + "…" : s}`);
  };
  for (let r = 0; r <= headerRow; r++) for (let c = 0; c < nCols; c++) if (typeof at(r, c) === "string") lookUnit(cellText(at(r, c)), addr(r, c));
  if (unitHits.size === 0) {
    for (const t of opts.contextText ?? []) lookUnit(t, "titel/title");
  }
  let scaledFormat = false;
  if (unitHits.size === 0) {
    const fmts = new Map<Unit, number>();
    for (let r = headerRow + 1; r < Math.min(nRows, headerRow + 60); r++) {
      for (const c of yearCols) {
        const f = snap.numberFormats?.[r]?.[c];
        if (!f || f === "General" || f === "@") continue;
        if (/(0|#),,?(\s|;|"|$)/.test(f.replace(/\\ /g, " ")) && /,{1,2}("|;|\s|$)/.test(f)) scaledFormat = true;
        const q = /"([^"]*)"/.exec(f);
        const u = q ? unitInText(q[1]) : null;
        if (u) fmts.set(u, (fmts.get(u) ?? 0) + 1);
      }
    }
    if (scaledFormat) {
      unitHits.set("kr", "talformat/number format");
      notes.push(note("unitScaledFormat", "info"));
    } else {
      for (const [u] of fmts) unitHits.set(u, "talformat/number format");
    }
  }
  let unit: Unit | null = null;
  let unitSource: string | null = null;
  if (unitHits.size === 1) {
    [[unit, unitSource]] = [...unitHits];
    notes.push(note("unitFound", "info", { unit, where: unitSource }));
  } else if (unitHits.size > 1) {
    notes.push(note("unitConflict", "warning", { units: [...unitHits.keys()].join(", ") }));
  } else {
    notes.push(note("unitUnknown", "warning"));
  }

  // 4. Rows.
  const mergedLabelNotes: string[] = [];
  const mergedNumberNotes: string[] = [];
  const coveredBy = (r: number, c: number) => merged.find((m) => r >= m.row && r < m.row + m.rows && c >= m.col && c < m.col + m.cols);
  for (const m of merged) {
    const inYears = [...yearCols].some((c) => c >= m.col && c < m.col + m.cols);
    if (m.row > headerRow && inYears && m.cols > 1) mergedNumberNotes.push(m.a);
    else if (m.row > headerRow && labelCols.includes(m.col) && m.rows > 1) mergedLabelNotes.push(m.a);
  }
  if (mergedLabelNotes.length) notes.push(note("mergedCells", "info", { list: mergedLabelNotes.join(", ") }));
  if (mergedNumberNotes.length) notes.push(note("mergedNumbers", "warning", { list: mergedNumberNotes.join(", ") }));

  const rows: BudgetRow[] = [];
  let blankRows = 0;
  let blankYears = 0;
  let dashNegatives = 0;
  let dashExample = "";
  let negatives = 0;
  let positives = 0;
  let anyNumber = false;
  let group: string | null = null;
  const yearList = years.map((y) => y.sheetCol - snap.col);

  for (let r = headerRow + 1; r < nRows; r++) {
    const labels = labelCols.map((c) => {
      const m = coveredBy(r, c);
      // a label merged down a column (a nämnd spanning its verksamheter) applies to every row it covers
      const v = m && m.row <= r && m.row >= headerRow + 1 ? at(m.row, m.col) : at(r, c);
      return cellText(v);
    });
    const rowEmpty = labels.every((l) => l === "") && yearList.every((c) => isEmpty(at(r, c)));
    if (rowEmpty) {
      blankRows++;
      continue;
    }
    const cells: BudgetCell[] = [];
    let numbers = 0;
    let blanks = 0;
    for (const c of yearList) {
      const v = at(r, c);
      const address = addr(r, c);
      const m = coveredBy(r, c);
      if (m && !(m.row === r && m.col === c)) {
        cells.push({ value: 0, address, source: "merged" });
        continue;
      }
      if (typeof v === "number" && Number.isFinite(v)) {
        cells.push({ value: v, address, source: "number" });
        numbers++;
        if (v < 0) {
          negatives++;
          const shown = textAt(r, c);
          if (/^[\u2013\u2014\u2212(]/.test(shown.trim())) {
            dashNegatives++;
            if (!dashExample) dashExample = `${address} "${shown.trim()}"`;
          }
        } else if (v > 0) positives++;
        continue;
      }
      if (isEmpty(v)) {
        cells.push({ value: 0, address, source: "blank" });
        blanks++;
        continue;
      }
      if (typeof v === "string" && !v.startsWith("#")) {
        const p = parseAmountText(v);
        const where = sheetRef(snap.sheet, address);
        if (p.source === "text") {
          cells.push({ value: p.value, address, source: "text" });
          numbers++;
          if (p.value < 0) negatives++;
          else if (p.value > 0) positives++;
          notes.push(note("textNumber", "warning", { text: JSON.stringify(v), value: p.value }, where));
          if (p.ambiguous) notes.push(note("ambiguousNumber", "warning", { text: JSON.stringify(v), value: p.value }, where));
          continue;
        }
        if (p.source === "dash") {
          cells.push({ value: 0, address, source: "dash" });
          notes.push(note("dashZero", "info", { text: JSON.stringify(v) }, where));
          continue;
        }
      }
      cells.push({ value: 0, address, source: "unreadable" });
      notes.push(note("unreadable", "warning", { text: JSON.stringify(cellText(v)) }, sheetRef(snap.sheet, address)));
    }
    // The most specific label names the row (the verksamhet); the nämnd goes to `group`.
    const label = [...labels].reverse().find((l) => l !== "") ?? "";
    if (numbers === 0 && cells.every((c) => c.source === "blank" || c.source === "merged" || c.source === "dash")) {
      // A label without amounts is a heading: the nämnd its following rows belong to.
      const headingShape = labelCols.length >= 2 ? labels[0] !== "" && labels.slice(1).every((l) => l === "") : true;
      if (label !== "" && headingShape && !SUM_LABEL.test(label)) {
        group = labels.find((l) => l !== "") ?? label;
        rows.push({ sheetRow: snap.row + r, kind: "heading", labels, label, group, cells });
        continue;
      }
    }
    if (numbers > 0) anyNumber = true;
    blankYears += blanks;
    // With two label columns, a filled first column on a data row names its nämnd (carried down).
    if (labelCols.length >= 2 && labels[0] !== "" && labels.slice(1).some((l) => l !== "")) group = labels[0];
    const row: BudgetRow = { sheetRow: snap.row + r, kind: "data", labels, label, group, cells };
    const f = yearList.map((c) => formulaAt(r, c)).find((x) => typeof x === "string" && x.startsWith("="));
    if (SUM_LABEL.test(label) || (label !== "" && SUM_LABEL_END.test(label) && labels.filter((l) => l !== "").length === 1)) {
      row.kind = "sum";
      row.sumReason = "label";
    } else if (typeof f === "string" && SUM_FORMULA.test(f)) {
      row.kind = "sum";
      row.sumReason = "formula";
    }
    rows.push(row);
  }
  if (!anyNumber) refuse("noNumbers");

  // 5. Sum rows by arithmetic: equal to the data rows since the previous sum or heading, or a grand total
  //    equal to the earlier sum rows or to all data rows above.
  const nYears = years.length;
  let since = emptyTotals(nYears);
  const sumsAbove = emptyTotals(nYears);
  const dataAbove = emptyTotals(nYears);
  for (const row of rows) {
    if (row.kind === "heading") {
      since = emptyTotals(nYears);
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
      since = emptyTotals(nYears);
    } else {
      addTo(since, row);
      addTo(dataAbove, row);
    }
  }

  // Rows without a heading take their nämnd from the sum row that closes them ("Summa Socialnämnden").
  let pending: BudgetRow[] = [];
  for (const row of rows) {
    if (row.kind === "data") pending.push(row);
    else if (row.kind === "sum") {
      const g = row.sumReason === "label" ? sumLabelGroup(row.label) : null;
      for (const p of pending) if (p.group === null && g) p.group = g;
      if (row.sumReason === "label") row.group = g; // "Summa Socialnämnden" → Socialnämnden; "Totalt" → none
      pending = [];
    } else pending = [];
  }

  const sums = rows.filter((r) => r.kind === "sum");
  if (sums.length) {
    const list = sums
      .slice(0, 8)
      .map((s) => `${cellAddress(s.sheetRow, snap.col + (labelCols[0] ?? 0))} "${s.label || "—"}"`)
      .join(", ");
    notes.push(note("sumRows", "info", { count: sums.length, list: sums.length > 8 ? list + ", …" : list }));
  }
  if (blankRows) notes.push(note("blankRows", "info", { count: blankRows }));
  if (blankYears) notes.push(note("blankYears", "info", { count: blankYears }));
  if (dashNegatives) notes.push(note("dashNegatives", "info", { count: dashNegatives, example: dashExample }));
  const suggestedSign = negatives > positives ? "costsNegative" : "costsPositive";
  if (suggestedSign === "costsNegative") notes.push(note("costsNegative", "info"));
  notes.push(
    note("yearKinds", "info", {
      list: years.map((y) => `${y.letter} ${y.header}`).join(", "),
    }),
  );

  const p = { row: snap.row, col: snap.col };
  return {
    sheet: snap.sheet,
    address: snap.address || `${cellAddress(p.row, p.col)}:${cellAddress(p.row + nRows - 1, p.col + nCols - 1)}`,
    headerRow: snap.row + headerRow,
    years,
    labelCols: labelCols.map((c) => snap.col + c),
    unit,
    unitSource,
    suggestedSign,
    rows,
    notes,
  };
}

/** The block's year span as [first, last] calendar year. */
export function yearSpan(block: BudgetBlock): [number, number] {
  const ys = block.years.map((y) => y.year);
  return [Math.min(...ys), Math.max(...ys)];
}
