/**
 * Numbers in the pane: shown the way a Swedish or English reader expects, and read back from what people
 * type ("3,5", "3.5", "1 234 567", "1,234,567.5", "12 %").
 */
import type { Lang } from "./strings";

const locale = (lang: Lang) => (lang === "sv" ? "sv-SE" : "en-GB");

export function formatNumber(x: number, lang: Lang, digits = 0): string {
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
}

export function formatKr(x: number, lang: Lang): string {
  return `${formatNumber(x, lang, 0)} kr`;
}

/** A share (0.035) as a percent text without the sign ("3,5"), for percent inputs. */
export function percentText(share: number, lang: Lang): string {
  const p = Math.round(share * 100 * 1e6) / 1e6;
  return lang === "sv" ? String(p).replace(".", ",") : String(p);
}

export function formatPercent(share: number, lang: Lang, digits = 1): string {
  return `${formatNumber(share * 100, lang, digits)} %`;
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
