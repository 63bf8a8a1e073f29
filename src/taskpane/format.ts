/**
 * Numbers in the pane: shown the way a Swedish or English reader expects, and read back from what people
 * type ("3,5", "3.5", "1 234 567", "1,234,567.5", "12 %").
 */
import type { Lang } from "./strings";

/** Swedish: no-break space between thousands, decimal comma, the true minus sign; English: comma, point, hyphen-minus. */
const MARKS = { sv: { group: "\u00a0", decimal: ",", minus: "\u2212" }, en: { group: ",", decimal: ".", minus: "-" } } as const;

/**
 * A number for a reader, with `digits` decimals. The separators are set here rather than left to the
 * browser's locale data (which differs between Excel's web views), and a value that rounds to zero has no
 * sign ("0", never "−0").
 */
export function formatNumber(x: number, lang: Lang, digits = 0): string {
  if (!Number.isFinite(x)) return x > 0 ? "∞" : x < 0 ? `${MARKS[lang].minus}∞` : "–";
  const m = MARKS[lang];
  const parts = new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: true }).formatToParts(Math.abs(x));
  const body = parts.map((p) => (p.type === "group" ? m.group : p.type === "decimal" ? m.decimal : p.value)).join("");
  const zero = !/[1-9]/.test(body);
  return x < 0 && !zero ? m.minus + body : body;
}

export function formatKr(x: number, lang: Lang): string {
  return `${formatNumber(x, lang, 0)} kr`;
}

/** The error codes Excel shows, with the Swedish Excel's names (as the Swedish user sees them in the cell). */
const EXCEL_ERRORS: Record<string, string> = {
  "#VALUE!": "#VÄRDEFEL!",
  "#N/A": "#SAKNAS!",
  "#NUM!": "#OGILTIGT!",
  "#DIV/0!": "#DIVISION/0!",
  "#NAME?": "#NAMN?",
  "#REF!": "#REFERENS!",
  "#NULL!": "#SKÄRNING!",
  "#SPILL!": "#SPILL!",
  "#CALC!": "#BERÄKNING!",
  "#FIELD!": "#FÄLT!",
  "#BLOCKED!": "#BLOCKERAD!",
  "#CONNECT!": "#ANSLUT!",
  "#UNKNOWN!": "#OKÄNT!",
  "#BUSY!": "#UPPTAGET!",
  "#GETTING_DATA": "#HÄMTAR_DATA",
  "#ERROR!": "#FEL!",
  "#CYCLE!": "#CYKEL!",
  "#LIC!": "#LIC!",
};
const ENGLISH_ERROR = new Map(Object.entries(EXCEL_ERRORS).flatMap(([en, sv]) => [[en.toUpperCase(), en] as const, [sv.toUpperCase(), en] as const]));

/** The English code ("#VALUE!") of an Excel error value as a host returns it (in either language); null for anything else. */
export function excelErrorCode(v: unknown): string | null {
  if (typeof v !== "string" || !v.startsWith("#")) return null;
  return ENGLISH_ERROR.get(v.trim().toUpperCase()) ?? null;
}

/** An error code as Excel shows it in the reader's language: "#VALUE!" → "#VÄRDEFEL!" in Swedish. */
export function excelErrorText(code: string, lang: Lang): string {
  return lang === "sv" ? (EXCEL_ERRORS[code] ?? code) : code;
}

/** A share (0.035) as a percent text without the sign ("3,5"), for percent inputs. */
export function percentText(share: number, lang: Lang): string {
  const p = Math.round(share * 100 * 1e6) / 1e6;
  return lang === "sv" ? String(p).replace(".", ",") : String(p);
}

/** A share as a percentage: "3,5 %" (no-break space) in Swedish, "3.5%" in English. */
export function formatPercent(share: number, lang: Lang, digits = 1): string {
  return lang === "sv" ? `${formatNumber(share * 100, lang, digits)}\u00a0%` : `${formatNumber(share * 100, lang, digits)}%`;
}

/** A share as a percentage with as many decimals as it has (up to 6): 0.035 → "3,5 %", 0.00035 → "0,035 %". */
export function formatPercentExact(share: number, lang: Lang): string {
  const p = Math.round(share * 100 * 1e6) / 1e6;
  const digits = Math.min(6, (String(p).split(".")[1] ?? "").length);
  return formatPercent(share, lang, digits);
}

/**
 * Reads a number as typed. With both "," and "." the last one is the decimal mark; a lone "," is a decimal
 * comma in Swedish and, in English, a thousands separator when it groups three digits ("1,234").
 * Returns null for anything that is not a number; "" gives null too (callers decide what empty means).
 */
export function parseNumber(raw: string, lang: Lang): number | null {
  let s = raw
    .replace(/[\s\u00a0\u202f%]/g, "")
    .replace(/kr$/i, "")
    .replace(/[\u2212\u2013]/g, "-");
  if (s === "") return null;
  const comma = s.lastIndexOf(",");
  const point = s.lastIndexOf(".");
  if (comma >= 0 && point >= 0) {
    const dec = comma > point ? "," : ".";
    const group = dec === "," ? "." : ",";
    s = s.split(group).join("").replace(dec, ".");
  } else if (comma >= 0) {
    const grouped = /^-?\d{1,3}(,\d{3})+$/.test(s);
    s = lang === "en" && grouped ? s.replace(/,/g, "") : s.replace(/,/g, ".");
  }
  if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(s)) return null;
  const x = Number(s);
  return Number.isFinite(x) ? x : null;
}

/** A list of numbers separated by semicolons or new lines; null if any item is not a number. */
export function parseNumberList(raw: string, lang: Lang): number[] | null {
  const items = raw
    .split(/[;\n]/)
    .map((x) => x.trim())
    .filter((x) => x !== "");
  const out: number[] = [];
  for (const it of items) {
    const x = parseNumber(it, lang);
    if (x === null) return null;
    out.push(x);
  }
  return out;
}

export function listText(xs: readonly number[], lang: Lang, asPercent = false): string {
  return xs.map((x) => (asPercent ? percentText(x, lang) : lang === "sv" ? String(x).replace(".", ",") : String(x))).join("; ");
}

/** One "year: value" pair as typed in the price index field. */
export interface YearValue {
  year: number;
  value: number;
}

export type YearValuesParse = { ok: true; values: YearValue[] } | { ok: false; item: string };

/**
 * A list of "year: value" pairs separated by semicolons or new lines: "2024: 100; 2025: 102,1". Year and value
 * may also be separated by "=" or by spaces or a tab (two columns pasted from Excel). Values are read like any
 * number field (decimal comma or point) and must be above 0; each year once. Sorted by year; "" gives [].
 */
export function parseYearValues(raw: string, lang: Lang): YearValuesParse {
  const items = raw
    .split(/[;\n]/)
    .map((x) => x.trim())
    .filter((x) => x !== "");
  const out: YearValue[] = [];
  for (const item of items) {
    const m = /^(\d{4})\s*(?:[:=]\s*|\s+)(.+)$/.exec(item);
    const value = m ? parseNumber(m[2], lang) : null;
    if (!m || value === null || !(value > 0) || out.some((x) => x.year === Number(m[1]))) return { ok: false, item };
    out.push({ year: Number(m[1]), value });
  }
  return { ok: true, values: out.sort((a, b) => a.year - b.year) };
}

export function yearValuesText(xs: readonly YearValue[], lang: Lang): string {
  return xs.map((x) => `${x.year}: ${lang === "sv" ? String(x.value).replace(".", ",") : String(x.value)}`).join("; ");
}
