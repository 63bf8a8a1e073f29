/**
 * Reading the texts of a budget sheet the way a Swedish reader would: amounts typed as text ("1 234,5",
 * "–1,5", "(1,5)"), year headers ("Budget 2025", "B2025", "2024 bokslut"), units ("Belopp i mnkr") and
 * the labels of sum rows ("Summa Socialnämnden", "Totalt"). Pure string functions, used by budget.ts.
 */
import type { Unit } from "./inputs";

export const SPACES = /[\s\u00a0\u202f\u2009\u2007]/g;

/** A cell's value as trimmed text ("" for an empty cell). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.replace(SPACES, " ").trim();
  return String(v);
}

/** An empty cell: nothing, or only spaces. */
export function isEmpty(v: unknown): boolean {
  return v === "" || v === null || v === undefined || (typeof v === "string" && v.trim() === "");
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

export type YearKind = "bokslut" | "budget" | "plan" | "prognos" | "year";

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

/** A label that starts like a sum row's: "Summa …", "S:a …", "Totalt", "Delsumma". */
export const SUM_LABEL = /^(summa|s:a|s\.a\.|totalt|total|totals|sum|delsumma|subtotal|netto totalt|nettokostnad totalt|grand total)(?![a-zåäö])/i;
/** A label that ends like a sum row's: "Socialnämnden totalt". */
export const SUM_LABEL_END = /\b(totalt|summa|total)$/i;
/** A formula that sums: =SUM(…), =SUBTOTAL(…), and their Swedish names. */
export const SUM_FORMULA = /^=\s*(SUM|SUBTOTAL|AGGREGATE|SUMMA|DELSUMMA)\s*\(/i;

/** The group a sum row's label names: "Summa Socialnämnden" → "Socialnämnden"; "Totalt" → null. */
export function sumLabelGroup(label: string): string | null {
  const s = label
    .replace(SUM_LABEL, "")
    .replace(SUM_LABEL_END, "")
    .replace(/^[\s:–-]+|[\s:–-]+$/g, "");
  return s === "" ? null : s;
}

// ---- Rows that are not drift amounts ----

/**
 * What a row that is not an amount in the budget's unit holds: a count ("Antal årsarbetare", "Antal platser"),
 * a percentage or share, an investment (capital spending, not drift), an amount per unit ("Kostnad per elev,
 * kr") or a key figure under a heading such as "Nyckeltal".
 */
export type NonAmountKind = "count" | "percent" | "investment" | "perUnit" | "keyFigure";

const COUNT_LABEL = /^(antal|antalet)(?![a-zåäö])|årsarbet|heltidstjänst|helårsplats|\((st|antal|personer)\)\s*$|(?<![a-zåäö])st\.?$/i;
const PERCENT_LABEL = /%|(?<![a-zåäö])(procent|andel|andelen|procentuell)(?![a-zåäö])/i;
/** "Investeringar", "Investeringsutgifter", "Nettoinvesteringar", "Summa investeringar" (but not "Social investering: …", a drift project). */
const INVESTMENT_LABEL = /^((summa|s:a|totalt|netto)\s*)?(netto)?investering(ar|en|s[a-zåäö]*)?(?![a-zåäö])/i;
const PER_UNIT_LABEL =
  /(?<![a-zåäö])per\s+(brukare|elev|invånare|plats|dygn|barn|person|deltagare|år|månad|timme|vårddygn|hushåll|ärende)(?![a-zåäö])|kr\s*\/\s*[a-zåäö]|kronor per/i;
const KEY_FIGURE_GROUP = /^(nyckeltal|verksamhetsmått|volymer|volymmått|mått och nyckeltal|personal)(?![a-zåäö])/i;

/** The kind of a row that is not a drift amount, from its label (and the heading it sits under); null for an amount. */
export function nonAmountKind(label: string, group: string | null, isSumLabel = false): NonAmountKind | null {
  const l = label.trim();
  if (INVESTMENT_LABEL.test(l)) return "investment";
  if (PER_UNIT_LABEL.test(l)) return "perUnit";
  if (COUNT_LABEL.test(l)) return "count";
  if (PERCENT_LABEL.test(l)) return "percent";
  if (isSumLabel || !group) return null;
  if (INVESTMENT_LABEL.test(group.trim())) return "investment";
  if (KEY_FIGURE_GROUP.test(group.trim())) return "keyFigure";
  return null;
}

/** A number format that shows a percentage ("0%", "0,0 %"), outside quoted text. */
export function isPercentFormat(f: string | undefined): boolean {
  return !!f && /%/.test(f.replace(/"[^"]*"/g, ""));
}
