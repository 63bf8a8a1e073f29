/**
 * A small renderer of Excel number format codes, enough for the formats the planner writes and the ones
 * found in municipal budget workbooks: General, 0 / #,##0 / 0.0 / 0.0% / #,##0.0, negative and zero
 * sections ("#,##0.0;-#,##0.0;0"), dash negatives ("# ##0,0;–# ##0,0"), colours ([Red]), quoted literals,
 * "\x" escapes, "_x" spacing, thousands scaling ("#,##0,"), text "@", simple dates (yyyy-mm-dd).
 *
 * Codes come in two spellings. Files and Office.js `numberFormat` use the English spelling ("#,##0.0",
 * comma groups, point decimals); Swedish users type the local spelling ("# ##0,0", space groups, comma
 * decimals), which Office.js reports as `numberFormatLocal`. A section with a space between digit
 * placeholders and no point is read as the local spelling, so both render the same.
 *
 * Rounding matches Excel: the value is first taken to 15 significant digits (what Excel stores and shows),
 * then rounded half away from zero in decimal, so 1.005 with "0.00" shows 1.01 as in Excel.
 */

export interface DisplayLocale {
  decimal: string;
  group: string;
  trueText: string;
  falseText: string;
}

/** Swedish Excel groups thousands with a non-breaking space. */
export const SWEDISH: DisplayLocale = { decimal: ",", group: "\u00a0", trueText: "SANT", falseText: "FALSKT" };
export const ENGLISH: DisplayLocale = { decimal: ".", group: ",", trueText: "TRUE", falseText: "FALSE" };

export function displayLocale(language: string): DisplayLocale {
  return language === "en" ? ENGLISH : SWEDISH;
}

export interface Rendered {
  text: string;
  /** Colour from a [Red]-style code, as a CSS colour. */
  color?: string;
  /** Excel aligns numbers right and text left in a General-aligned cell. */
  align: "left" | "right" | "center";
}

type Token =
  | { t: "digit"; ch: "0" | "#" | "?" }
  | { t: "point" }
  | { t: "group" }
  | { t: "scale" }
  | { t: "percent" }
  | { t: "text" }
  | { t: "lit"; s: string }
  | { t: "date"; code: string };

interface Section {
  tokens: Token[];
  color?: string;
  isText: boolean;
  isDate: boolean;
  /** The section writes its own sign (a negative section) so the value is shown unsigned. */
}

const COLORS: Record<string, string> = {
  red: "#c00000",
  blue: "#0000ff",
  green: "#008000",
  black: "#000000",
  white: "#ffffff",
  magenta: "#ff00ff",
  yellow: "#c0a000",
  cyan: "#008b8b",
};

function splitSections(code: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') {
      const j = code.indexOf('"', i + 1);
      const end = j < 0 ? code.length : j;
      cur += code.slice(i, end + 1);
      i = end;
    } else if (ch === "\\" && i + 1 < code.length) {
      cur += code.slice(i, i + 2);
      i++;
    } else if (ch === ";") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** The section with quoted text and escapes removed, for spelling detection. */
function bare(section: string): string {
  return section
    .replace(/"[^"]*"?/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
}

const DATE_CODE = /^(yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s)/i;

function parseSection(section: string): Section {
  const b = bare(section);
  const local = /[#0?] [#0?]/.test(b) && !b.includes(".");
  const isDate = /[ymdhs]/i.test(b.replace(/General/gi, "")) && !/[#0?]/.test(b.replace(/[ymdhs]/gi, ""));
  const tokens: Token[] = [];
  let color: string | undefined;
  let i = 0;
  const s = section;
  const isDigit = (c: string | undefined) => c === "0" || c === "#" || c === "?";
  while (i < s.length) {
    const ch = s[i];
    if (ch === '"') {
      const j = s.indexOf('"', i + 1);
      const end = j < 0 ? s.length : j;
      tokens.push({ t: "lit", s: s.slice(i + 1, end) });
      i = end + 1;
    } else if (ch === "\\") {
      tokens.push({ t: "lit", s: s[i + 1] ?? "" });
      i += 2;
    } else if (ch === "_") {
      tokens.push({ t: "lit", s: " " }); // room for a character, e.g. "_)" to line up with "(1)"
      i += 2;
    } else if (ch === "*") {
      i += 2; // fill characters depend on column width; a fixed-width grid ignores them
    } else if (ch === "[") {
      const j = s.indexOf("]", i);
      const inner = s.slice(i + 1, j < 0 ? s.length : j).toLowerCase();
      if (COLORS[inner]) color = COLORS[inner];
      i = j < 0 ? s.length : j + 1;
    } else if (isDate) {
      const m = DATE_CODE.exec(s.slice(i));
      if (m) {
        tokens.push({ t: "date", code: m[1].toLowerCase() });
        i += m[1].length;
      } else {
        tokens.push({ t: "lit", s: ch });
        i++;
      }
    } else if (/^general/i.test(s.slice(i))) {
      tokens.push({ t: "lit", s: "\u0000GENERAL" });
      i += 7;
    } else if (isDigit(ch)) {
      tokens.push({ t: "digit", ch: ch as "0" | "#" | "?" });
      i++;
    } else if ((ch === "." && !local) || (ch === "," && local)) {
      tokens.push({ t: "point" });
      i++;
    } else if ((ch === "," && !local) || (ch === " " && local)) {
      // A separator between digit placeholders groups thousands; after the last one it scales by 1000.
      const before = tokens.some((t) => t.t === "digit");
      let k = i + 1;
      while (s[k] === ch) k++;
      const after = isDigit(s[k]);
      if (before && after) tokens.push({ t: "group" });
      else if (before && ch === ",") for (let n = i; n < k; n++) tokens.push({ t: "scale" });
      else tokens.push({ t: "lit", s: s.slice(i, k) });
      i = k;
    } else if (ch === "%") {
      tokens.push({ t: "percent" });
      i++;
    } else if (ch === "@") {
      tokens.push({ t: "text" });
      i++;
    } else {
      tokens.push({ t: "lit", s: ch });
      i++;
    }
  }
  return { tokens, color, isText: tokens.some((t) => t.t === "text"), isDate };
}

const cache = new Map<string, Section[]>();
function sectionsOf(code: string): Section[] {
  let s = cache.get(code);
  if (!s) {
    s = splitSections(code).map(parseSection);
    if (cache.size > 2000) cache.clear();
    cache.set(code, s);
  }
  return s;
}

/**
 * Rounds |x| to `decimals` places the way Excel shows it: from the 15-significant-digit decimal form,
 * half away from zero. Returns the integer digits ("" for zero) and exactly `decimals` fraction digits.
 */
export function roundDecimal(x: number, decimals: number): { int: string; frac: string } {
  const a = Math.abs(x);
  if (a === 0) return { int: "", frac: "0".repeat(decimals) };
  const [mant, expPart] = a.toExponential(14).split("e");
  const exp = Number(expPart);
  let digits = mant.replace(".", "").replace(/0+$/, "") || "0";
  // Position of the decimal point inside `digits`.
  let pointAt = exp + 1;
  if (pointAt <= 0) {
    digits = "0".repeat(1 - pointAt) + digits;
    pointAt = 1;
  }
  const keep = pointAt + decimals;
  if (digits.length < keep) digits = digits + "0".repeat(keep - digits.length);
  let kept = digits.slice(0, keep);
  const next = digits.charCodeAt(keep) - 48;
  if (keep < digits.length && next >= 5) {
    // Add one in the last kept place.
    const arr = kept.split("").map(Number);
    let k = arr.length - 1;
    while (k >= 0) {
      if (arr[k] === 9) {
        arr[k] = 0;
        k--;
      } else {
        arr[k]++;
        break;
      }
    }
    kept = (k < 0 ? "1" : "") + arr.join("");
    if (k < 0) pointAt++;
  }
  const intDigits = kept.slice(0, kept.length - decimals).replace(/^0+/, "");
  return { int: intDigits, frac: kept.slice(kept.length - decimals) };
}

function group(digits: string, sep: string): string {
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += sep;
    out += digits[i];
  }
  return out;
}

/** Excel's General: integers as they are, others to 10 significant digits, very large or small in E notation. */
export function formatGeneral(x: number, loc: DisplayLocale): string {
  if (!Number.isFinite(x)) return "#NUM!";
  if (x === 0) return "0";
  const a = Math.abs(x);
  let s: string;
  if (a >= 1e11 || a < 1e-9) {
    const [m, e] = x.toExponential(5).split("e");
    const mant = m.replace(/\.?0+$/, "");
    const n = Number(e);
    s = `${mant}E${n < 0 ? "-" : "+"}${String(Math.abs(n)).padStart(2, "0")}`;
  } else {
    s = String(Number(x.toPrecision(10)));
    if (/e/.test(s))
      s = Number(x.toPrecision(10))
        .toFixed(10)
        .replace(/\.?0+$/, "");
  }
  return s.replace(".", loc.decimal);
}

function renderNumberSection(sec: Section, value: number, signed: boolean, loc: DisplayLocale): string {
  const toks = sec.tokens;
  if (toks.some((t) => t.t === "lit" && t.s === "\u0000GENERAL")) {
    const g = formatGeneral(signed ? value : Math.abs(value), loc);
    return toks.map((t) => (t.t === "lit" ? (t.s === "\u0000GENERAL" ? g : t.s) : "")).join("");
  }
  let x = Math.abs(value);
  const pointIdx = toks.findIndex((t) => t.t === "point");
  const digitIdx = toks.map((t, i) => (t.t === "digit" ? i : -1)).filter((i) => i >= 0);
  for (const t of toks) {
    if (t.t === "percent") x *= 100;
    if (t.t === "scale") x /= 1000;
  }
  const intEnd = pointIdx >= 0 ? pointIdx : toks.length;
  const intDigitToks = digitIdx.filter((i) => i < intEnd);
  const fracDigitToks = digitIdx.filter((i) => i > intEnd);
  const grouping = toks.some((t, i) => t.t === "group" && i < intEnd);
  const maxFrac = fracDigitToks.length;
  const { int, frac } = roundDecimal(x, maxFrac);

  // Integer part: the forced zeros set a minimum width; the leftmost placeholder takes any extra digits.
  const minInt = intDigitToks.filter((i) => (toks[i] as { ch: string }).ch === "0").length;
  let intText = int.padStart(minInt, "0");
  if (grouping) intText = group(intText, loc.group);
  const qPad = intDigitToks.filter((i) => (toks[i] as { ch: string }).ch === "?").length;
  if (intText.length < qPad) intText = intText.padStart(qPad, " ");

  // Fraction: "0" forces a digit, "#" drops trailing zeros, "?" turns them into spaces.
  let fracText = "";
  if (maxFrac > 0) {
    const chars = frac.split("");
    for (let k = maxFrac - 1; k >= 0; k--) {
      const ch = (toks[fracDigitToks[k]] as { ch: string }).ch;
      if (chars[k] !== "0" || ch === "0") break;
      chars[k] = ch === "?" ? " " : "";
    }
    fracText = chars.join("");
  }

  let out = "";
  let numberWritten = false;
  const firstNum = Math.min(...[...digitIdx, pointIdx >= 0 ? pointIdx : Infinity]);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.t === "lit") out += t.s;
    else if (t.t === "percent") out += "%";
    else if (t.t === "text") continue;
    else if (t.t === "date") continue;
    else if (i === firstNum && !numberWritten) {
      if (signed && value < 0) out += "-"; // Excel shows -0.0 for -0.04 in "0.0", so no zero check
      out += intText;
      if (pointIdx >= 0) out += loc.decimal + fracText;
      numberWritten = true;
    }
  }
  // A section without placeholders ("-" or "\"n/a\"") shows only its literals.
  return out;
}

const MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

function renderDate(sec: Section, serial: number): string {
  // Excel's 1900 date system (serial 1 = 1900-01-01, with the fictitious 1900-02-29).
  const days = Math.floor(serial);
  const ms = Math.round((serial - days) * 86400000);
  const base = Date.UTC(1899, 11, 30);
  const d = new Date(base + days * 86400000 + ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  const toks = sec.tokens;
  let out = "";
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.t === "lit") {
      out += t.s;
      continue;
    }
    if (t.t !== "date") continue;
    const prevIsHour = toks
      .slice(0, i)
      .reverse()
      .find((x) => x.t === "date") as { code: string } | undefined;
    const nextIsSec = toks.slice(i + 1).find((x) => x.t === "date") as { code: string } | undefined;
    const minute = (t.code === "m" || t.code === "mm") && (prevIsHour?.code.startsWith("h") || nextIsSec?.code.startsWith("s"));
    switch (t.code) {
      case "yyyy":
        out += d.getUTCFullYear();
        break;
      case "yy":
        out += pad(d.getUTCFullYear() % 100);
        break;
      case "mmmm":
      case "mmm":
        out += MONTHS[d.getUTCMonth()];
        break;
      case "mm":
        out += minute ? pad(d.getUTCMinutes()) : pad(d.getUTCMonth() + 1);
        break;
      case "m":
        out += minute ? d.getUTCMinutes() : d.getUTCMonth() + 1;
        break;
      case "dddd":
      case "ddd":
        out += ["sön", "mån", "tis", "ons", "tor", "fre", "lör"][d.getUTCDay()];
        break;
      case "dd":
        out += pad(d.getUTCDate());
        break;
      case "d":
        out += d.getUTCDate();
        break;
      case "hh":
        out += pad(d.getUTCHours());
        break;
      case "h":
        out += d.getUTCHours();
        break;
      case "ss":
        out += pad(d.getUTCSeconds());
        break;
      case "s":
        out += d.getUTCSeconds();
        break;
    }
  }
  return out;
}

function isErrorString(v: unknown): v is string {
  return typeof v === "string" && /^#[A-Z0-9/]+[!?]?$|^#N\/A$|^#SPILL!$|^#CYCLE!$/.test(v);
}

/**
 * Renders a cell value (number, string, boolean, null for empty, an error string like "#N/A") with a
 * format code (undefined or "" means General).
 */
export function formatValue(value: unknown, format: string | undefined, loc: DisplayLocale = SWEDISH): Rendered {
  if (value === null || value === undefined || value === "") return { text: "", align: "left" };
  if (typeof value === "boolean") return { text: value ? loc.trueText : loc.falseText, align: "center" };
  if (isErrorString(value)) return { text: value, align: "center" };
  const code = format && format.trim() !== "" ? format : "General";
  const sections = sectionsOf(code);
  if (typeof value === "string") {
    const sec = sections.length >= 4 ? sections[3] : sections.find((s) => s.isText && sections.length === 1);
    if (!sec) return { text: value, align: "left" };
    const text = sec.tokens.map((t) => (t.t === "text" ? value : t.t === "lit" ? t.s : "")).join("");
    return { text, color: sec.color, align: "left" };
  }
  if (typeof value !== "number" || !Number.isFinite(value)) return { text: String(value), align: "left" };
  if (/^general$/i.test(code.trim())) return { text: formatGeneral(value, loc), align: "right" };
  // One section covers all numbers and writes the minus itself; with more, the negative section writes its own sign.
  const numeric = sections.filter((s, i) => i < 3 || !s.isText);
  const signed = numeric.length === 1;
  const sec = value > 0 || signed ? numeric[0] : value < 0 ? numeric[1] : (numeric[2] ?? numeric[0]);
  if (sec.isText && !sec.tokens.some((t) => t.t === "digit")) {
    // "@" applied to a number shows the number as General.
    return { text: formatGeneral(value, loc), align: "left" };
  }
  if (sec.isDate) return { text: renderDate(sec, value), color: sec.color, align: "right" };
  return { text: renderNumberSection(sec, value, signed, loc), color: sec.color, align: "right" };
}
