/**
 * Errors of the calculation core, as Excel understands them.
 *
 * The core throws `SocinvError` for any input it cannot compute on. The function adapters catch it at the
 * boundary and turn it into an Excel error value (`#VALUE!`, `#N/A`, `#NUM!`, `#DIV/0!`), so nothing ever
 * escapes as an unhandled exception. Every message exists in Swedish and English in one catalogue below.
 */

import { enNumber, svNumber } from "./exact";

/** The Excel error kinds we produce. Names follow CustomFunctions.ErrorCode. */
export type ErrorKind = "invalidValue" | "notAvailable" | "invalidNumber" | "divisionByZero";

/** The error value Excel shows for each kind, in English Excel (Swedish Excel shows the translated form). */
export const EXCEL_ERROR_STRING: Record<ErrorKind, string> = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  invalidNumber: "#NUM!",
  divisionByZero: "#DIV/0!",
};

type Params = Record<string, string | number>;

/** A number parameter in a message by the core's one formatter (10 000, −1,5 in Swedish; 10,000 in English); text as it is. */
const inSv = (x: unknown): string => (typeof x === "number" ? svNumber(x) : String(x));
const inEn = (x: unknown): string => (typeof x === "number" ? enNumber(x) : String(x));
interface Message {
  kind: ErrorKind;
  sv: (p: Params) => string;
  en: (p: Params) => string;
}

/** One catalogue of bilingual messages. Keys are stable; tests refer to them. */
export const MESSAGES = {
  notANumber: {
    kind: "invalidValue",
    sv: (p) => `${p.arg} måste vara ett tal (fick ${p.got}).`,
    en: (p) => `${p.arg} must be a number (got ${p.got}).`,
  },
  textInRange: {
    kind: "invalidValue",
    sv: (p) => `${p.arg}: värde nr ${inSv(p.pos)} är text (${p.got}), inte ett tal.`,
    en: (p) => `${p.arg}: value no. ${inEn(p.pos)} is text (${p.got}), not a number.`,
  },
  errorInRange: {
    kind: "invalidValue",
    sv: (p) => `${p.arg}: värde nr ${inSv(p.pos)} är felvärdet ${p.got}.`,
    en: (p) => `${p.arg}: value no. ${inEn(p.pos)} is the error ${p.got}.`,
  },
  notFinite: {
    kind: "invalidNumber",
    sv: (p) => `${p.arg}: talet är för stort eller ogiltigt.`,
    en: (p) => `${p.arg}: the number is too large or invalid.`,
  },
  emptyRange: {
    kind: "invalidValue",
    sv: (p) => `${p.arg} innehåller inga värden.`,
    en: (p) => `${p.arg} contains no values.`,
  },
  notAVector: {
    kind: "invalidValue",
    sv: (p) => `${p.arg} måste vara en rad eller en kolumn (fick ${inSv(p.rows)}×${inSv(p.cols)}).`,
    en: (p) => `${p.arg} must be a single row or column (got ${inEn(p.rows)}×${inEn(p.cols)}).`,
  },
  rateTooLow: {
    kind: "invalidNumber",
    sv: (p) => `Diskonteringsräntan ${p.pos ? `för period ${inSv(p.pos)} ` : ""}måste vara större än −100 % (fick ${p.got}).`,
    en: (p) => `The discount rate ${p.pos ? `for period ${inEn(p.pos)} ` : ""}must be greater than −100% (got ${p.got}).`,
  },
  tooFewRates: {
    kind: "invalidValue",
    sv: (p) =>
      `Räntan har ${inSv(p.got)} ${Number(p.got) === 1 ? "värde" : "värden"} men ${inSv(p.need)} ${Number(p.need) === 1 ? "period behöver" : "perioder behöver"} en ränta var.`,
    en: (p) =>
      `The rate has ${inEn(p.got)} ${Number(p.got) === 1 ? "value" : "values"} but ${inEn(p.need)} ${Number(p.need) === 1 ? "period needs" : "periods need"} one rate each.`,
  },
  badTiming: {
    kind: "invalidNumber",
    sv: (p) => `Typ måste vara 0 (periodens slut), 1 (periodens början) eller 0,5 (mitten av perioden); fick ${p.got}.`,
    en: (p) => `Type must be 0 (end of period), 1 (start of period) or 0.5 (mid-period); got ${p.got}.`,
  },
  badPeriods: {
    kind: "invalidNumber",
    sv: (p) => `Antal perioder måste vara ett heltal från 1 till ${inSv(p.max)} (fick ${p.got}).`,
    en: (p) => `The number of periods must be a whole number from 1 to ${inEn(p.max)} (got ${p.got}).`,
  },
  badBoolean: {
    kind: "invalidValue",
    sv: (p) => `${p.arg} måste vara SANT eller FALSKT (fick ${p.got}).`,
    en: (p) => `${p.arg} must be TRUE or FALSE (got ${p.got}).`,
  },
  neverPaysBack: {
    kind: "notAvailable",
    sv: () => `Betalar sig inte inom serien: det ackumulerade nettot är negativt i sista perioden.`,
    en: () => `Does not pay back within the series: the cumulative net is negative in the last period.`,
  },
  benefitNotPositive: {
    kind: "divisionByZero",
    sv: () => `Nuvärdet av nyttan per lyckat utfall är 0, så ingen brytpunkt finns.`,
    en: () => `The present value of the benefit per success is 0, so there is no break-even point.`,
  },
  negativeBenefit: {
    kind: "invalidNumber",
    sv: () => `Nuvärdet av nyttan per lyckat utfall är negativt; ange undvikna kostnader som positiva tal.`,
    en: () => `The present value of the benefit per success is negative; enter avoided costs as positive numbers.`,
  },
  negativeCosts: {
    kind: "invalidNumber",
    sv: () => `Nuvärdet av kostnaderna är negativt; ange kostnader som positiva tal.`,
    en: () => `The present value of the costs is negative; enter costs as positive numbers.`,
  },
  notPositive: {
    kind: "invalidNumber",
    sv: (p) => `${p.arg} måste vara större än 0 (fick ${p.got}).`,
    en: (p) => `${p.arg} must be greater than 0 (got ${p.got}).`,
  },
  outOfRange: {
    kind: "invalidNumber",
    sv: (p) => `${p.arg} måste ligga mellan ${inSv(p.min)} och ${inSv(p.max)} (fick ${p.got}).`,
    en: (p) => `${p.arg} must be between ${inEn(p.min)} and ${inEn(p.max)} (got ${p.got}).`,
  },
  unknownSchedule: {
    kind: "invalidValue",
    sv: (p) => `Okänt ränteschema "${p.got}". Välj "standard" eller "health" ("hälsa").`,
    en: (p) => `Unknown rate schedule "${p.got}". Choose "standard" or "health".`,
  },
  noRoot: {
    kind: "invalidNumber",
    sv: () => `Ingen ränta gör nuvärdet till noll (flödet byter inte tecken, eller roten ligger utanför −99,9999 %…1 000 000 %).`,
    en: () => `No rate makes the present value zero (the flows do not change sign, or the root lies outside −99.9999%…1,000,000%).`,
  },
  severalRoots: {
    kind: "invalidNumber",
    sv: (p) => `Flera räntor gör nuvärdet till noll (${percentList(p.roots, "sv")}); internräntan är inte entydig.`,
    en: (p) => `Several rates make the present value zero (${percentList(p.roots, "en")}); the internal rate of return is ambiguous.`,
  },
  sizeMismatch: {
    kind: "invalidValue",
    sv: (p) => `${p.a} och ${p.b} måste ha samma storlek (${p.sa} mot ${p.sb}).`,
    en: (p) => `${p.a} and ${p.b} must have the same size (${p.sa} vs ${p.sb}).`,
  },
  // ---- Robustness (sizes, overflow, missing arguments): issue 8 ----
  missingArgument: {
    kind: "invalidValue",
    sv: (p) => `${p.arg} saknas: ange ett tal, en cell eller ett område.`,
    en: (p) => `${p.arg} is missing: give a number, a cell or a range.`,
  },
  logicalInRange: {
    kind: "invalidValue",
    sv: (p) => `${p.arg}: värde nr ${inSv(p.pos)} är ${p.got === "TRUE" ? "SANT" : "FALSKT"}, ett sanningsvärde, inte ett tal.`,
    en: (p) => `${p.arg}: value no. ${inEn(p.pos)} is ${p.got}, a logical value, not a number.`,
  },
  resultNotFinite: {
    kind: "invalidValue",
    sv: (p) =>
      `Resultatet går inte att räkna ut: ${p.pos ? `värde nr ${countSv(p.pos)} (rad ${countSv(p.row)}, kolumn ${countSv(p.col)})` : "värdet"} ` +
      `blir för stort (spiller över, över 1,8 · 10^308) eller saknar meningsfullt värde (som ∞ − ∞). Kontrollera argumenten, t.ex. en ränta nära −100 % över många perioder eller mycket stora belopp.`,
    en: (p) =>
      `The result cannot be computed: ${p.pos ? `value no. ${countEn(p.pos)} (row ${countEn(p.row)}, column ${countEn(p.col)})` : "the value"} ` +
      `overflows (beyond 1.8 · 10^308) or has no meaningful value (such as ∞ − ∞). Check the arguments, e.g. a rate near −100% over many periods or very large amounts.`,
  },
  resultTooLarge: {
    kind: "invalidValue",
    sv: (p) =>
      `Resultatet skulle bli ${countSv(p.rows)} × ${countSv(p.cols)} celler; högst ${countSv(p.max)} celler, ${countSv(p.maxRows)} rader och ` +
      `${countSv(p.maxCols)} kolumner går att returnera. Markera bara de ifyllda cellerna (t.ex. A1:A100 i stället för A:A).`,
    en: (p) =>
      `The result would be ${countEn(p.rows)} × ${countEn(p.cols)} cells; at most ${countEn(p.max)} cells, ${countEn(p.maxRows)} rows and ` +
      `${countEn(p.maxCols)} columns can be returned. Select only the filled cells (e.g. A1:A100 rather than A:A).`,
  },
  tooManyValues: {
    kind: "invalidValue",
    sv: (p) =>
      `${p.arg} har ${countSv(p.got)} värden från det första till det sista som inte är 0; högst ${countSv(p.max)} går att räkna med. Markera bara de ifyllda cellerna.`,
    en: (p) =>
      `${p.arg} has ${countEn(p.got)} values from the first to the last that is not 0; at most ${countEn(p.max)} can be used. Select only the filled cells.`,
  },
  tooLargeToCompute: {
    kind: "invalidValue",
    sv: () =>
      `Argumenten är för stora att räkna med (minnet eller anropsdjupet räckte inte). Markera bara de ifyllda cellerna (t.ex. A1:A100 i stället för A:A).`,
    en: () => `The arguments are too large to compute with (memory or call depth ran out). Select only the filled cells (e.g. A1:A100 rather than A:A).`,
  },
  unexpected: {
    kind: "invalidValue",
    sv: () => `Oväntat fel i beräkningen (ett programfel i SOCINV, inte i dina data). Kontrollera argumenten; om felet består, rapportera formeln.`,
    en: () => `Unexpected failure in the calculation (a fault in SOCINV, not in your data). Check the arguments; if it persists, please report the formula.`,
  },
  spillSizeUnknown: {
    kind: "invalidValue",
    sv: (p) =>
      `Formelmotorn reserverade ${countSv(p.rows)} × ${countSv(p.cols)} celler men resultatet har ${countSv(p.gotRows)} × ${countSv(p.gotCols)}. ` +
      `Ange antal (perioder, år, fördröjning, åldrar) som tal direkt i formeln.`,
    en: (p) =>
      `The formula engine reserved ${countEn(p.rows)} × ${countEn(p.cols)} cells but the result has ${countEn(p.gotRows)} × ${countEn(p.gotCols)}. ` +
      `Give counts (periods, years, lag, ages) as numbers in the formula itself.`,
  },
  internal: {
    kind: "invalidValue",
    sv: (p) => `Internt fel i beräkningen: ${p.detail}`,
    en: (p) => `Internal calculation error: ${p.detail}`,
  },
} satisfies Record<string, Message>;

export type MessageId = keyof typeof MESSAGES;

export class SocinvError extends Error {
  readonly kind: ErrorKind;
  readonly id: string;
  readonly sv: string;
  readonly en: string;

  constructor(id: MessageId | string, params: Params = {}, catalogue: Record<string, Message> = MESSAGES) {
    const m = catalogue[id] ?? MESSAGES.internal;
    const sv = m.sv(inLanguage(params, "sv"));
    const en = m.en(inLanguage(params, "en"));
    super(`${sv} / ${en}`);
    this.name = "SocinvError";
    this.kind = m.kind;
    this.id = id;
    this.sv = sv;
    this.en = en;
  }

  /** The Excel error string, e.g. "#N/A". */
  get excel(): string {
    return EXCEL_ERROR_STRING[this.kind];
  }
}

/** Throws a SocinvError from the catalogue. Typed `never` so callers can use it in expressions. */
export function fail(id: MessageId, params: Params = {}): never {
  throw new SocinvError(id, params);
}

/**
 * A catalogue other core modules can extend with their own messages while sharing the error type.
 * Use: `const raise = catalogue({...}); raise("myId", {...})`.
 */
export function catalogue<K extends string>(messages: Record<K, Message>): (id: K, params?: Params) => never {
  const merged: Record<string, Message> = { ...MESSAGES, ...messages };
  return (id, params = {}) => {
    throw new SocinvError(id, params, merged);
  };
}

/**
 * The Swedish names of the SOCINV functions' arguments, as Swedish Excel shows them (src/functions/*.sv.json;
 * a test holds the two to the same names), so that a Swedish message names the argument the reader sees.
 */
export const ARGUMENT_NAMES_SV: Readonly<Record<string, string>> = {
  rate: "ränta",
  actors: "aktörer",
  flows: "flöden",
  type: "typ",
  costs: "kostnader",
  gains_per_success: "vinst_per_utfall",
  window: "fönster",
  deadweight: "dödvikt",
  attribution: "attribution",
  displacement: "undanträngning",
  dropoff: "avtagande",
  optimism_costs: "optimism_kostnader",
  optimism_gains: "optimism_vinster",
  effect_start: "effektstart",
  amount: "belopp",
  shares: "andelar",
  unit: "enhet",
  benefit_per_success: "nytta_per_utfall",
  group_size: "gruppstorlek",
  career_costs: "karriärkostnader",
  reference_costs: "referenskostnader",
  start_age: "startålder",
  end_age: "slutålder",
  people: "personer",
  success: "sannolikhet",
  lag: "fördröjning",
  ramp: "upptrappning",
  values: "värden",
  periods: "perioder",
  schedule: "schema",
  nominal: "nominell",
  inflation: "inflation",
  real: "real",
  index: "index",
  base_index: "basindex",
  fractional: "delperiod",
  payout: "utbetalning",
  savings: "besparingar",
  share: "andel",
  delay: "fördröjning",
  cap: "tak",
  last_year: "sista_år",
  fund_start: "fond_start",
  commitments: "åtaganden",
  as_shares: "som_andelar",
  fund_payout: "fondmedel",
  frame: "ramanslag",
  repay: "återbetalning",
};

/** Parameters that name an argument ("rate", "index (3)"), and those that hold a value as show() gives it. */
const ARGUMENT_PARAMS = ["arg", "a", "b", "table"];
const SHOWN_PARAMS = ["got", "min", "max"];
const SHOWN_NUMBER = /^-?(\d+(\.\d+)?(e[+-]\d+)?|Infinity)$/;

/**
 * A message's parameters as one language shows them: in Swedish the argument's Swedish name; a value from
 * show() in the language's own form (−1,5 and 1 000 000 in Swedish, by the core's one number formatter), and
 * "tomt"/"blank", "SANT"/"TRUE" in one language, not both.
 */
function inLanguage(params: Params, lang: "sv" | "en"): Params {
  const out: Params = { ...params };
  if (lang === "sv") {
    for (const k of ARGUMENT_PARAMS) {
      const v = out[k];
      if (typeof v !== "string") continue;
      const m = /^([a-z_]+)(.*)$/.exec(v);
      const name = m?.[1];
      const sv = name !== undefined ? ARGUMENT_NAMES_SV[name] : undefined;
      if (sv !== undefined) out[k] = sv + (m?.[2] ?? "");
    }
  }
  for (const k of SHOWN_PARAMS) {
    const v = out[k];
    if (typeof v === "string") out[k] = shownIn(v, lang);
  }
  return out;
}

/** A value as show() gave it, in one language: a number in the language's form, a blank or a logical value in its words. */
function shownIn(shown: string, lang: "sv" | "en"): string {
  if (SHOWN_NUMBER.test(shown)) {
    const x = Number(shown);
    if (!Number.isFinite(x)) return x < 0 ? (lang === "sv" ? "−∞" : "-∞") : "∞";
    return (lang === "sv" ? svNumber : enNumber)(x);
  }
  const both: Record<string, [string, string]> = { "tomt/blank": ["tomt", "blank"], "SANT/TRUE": ["SANT", "TRUE"], "FALSKT/FALSE": ["FALSKT", "FALSE"] };
  const pair = both[shown];
  return pair ? pair[lang === "sv" ? 0 : 1] : shown;
}

/** A list of percentages ("10.00 %; 25.00 %", as irr gives them) in one language: "10 %; 25 %" / "10%; 25%". */
function percentList(list: unknown, lang: "sv" | "en"): string {
  return String(list)
    .split(";")
    .map((item) => {
      const x = Number(item.trim().replace(/\s*%$/, ""));
      if (!Number.isFinite(x)) return item.trim();
      return lang === "sv" ? `${svNumber(x)}\u00a0%` : `${enNumber(x)}%`;
    })
    .join("; ");
}

/** Formats a number for a message the way a reader expects (up to 6 significant digits). */
export function show(x: unknown): string {
  if (typeof x === "number") return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x);
  if (typeof x === "string") return JSON.stringify(x.length > 30 ? x.slice(0, 27) + "…" : x);
  if (x === null || x === undefined) return "tomt/blank";
  if (typeof x === "boolean") return x ? "SANT/TRUE" : "FALSKT/FALSE";
  return String(x);
}

const groupDigits = (x: unknown, sep: string): string => {
  const n = Number(x);
  if (!Number.isInteger(n)) return String(x);
  return (n < 0 ? "−" : "") + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
};

/** A whole number (a count of cells, rows, values) for a Swedish message: 1 048 576. */
export function countSv(x: unknown): string {
  return groupDigits(x, "\u00a0");
}

/** The same for an English message: 1,048,576. */
export function countEn(x: unknown): string {
  return groupDigits(x, ",");
}
