/**
 * Good Swedish in every bilingual text: each message and template of the tables (the core's error catalogue,
 * the planner's refusals and notes, the model sheet's texts, the pane's strings, the playground's texts) is
 * rendered with representative parameters — counts 0, 1, 2 and large, negative, fractional and huge numbers,
 * one-item and longer lists, values as show() gives them — and so are the messages the code really produces
 * (a budget read with one of each oddity, every SOCINV function called with bad arguments). The Swedish side
 * must not have:
 *
 *   - an ASCII decimal point between digits ("10.00 %", "läst som -1.5"): Swedish has a decimal comma;
 *   - a hyphen-minus before a digit ("-1,5"): the minus sign is −; nor a hyphen between digits (a range takes –);
 *   - a negative zero ("Skillnad -0", "−0,00");
 *   - English words ("shares summerar …", "tomt/blank");
 *   - a plural after the count 1 ("1 tomma belopp"), a plural pronoun for it ("De föreslås") or a plural noun
 *     before a list of one ("Kolumnerna G har");
 *   - the same word pair in both languages at once ("titel/title");
 *   - five or more digits without a thousands separator ("3482126241798,10", "10000").
 *
 * And one word for each term everywhere: attribution (the pane, the sheet, the functions, the glossary), and
 * the functions' argument names in Swedish messages the same as in Swedish Excel (src/functions/*.sv.json).
 */
import fs from "node:fs";
import path from "node:path";
import { ARGUMENT_NAMES_SV, MESSAGES, SocinvError, show } from "../../src/core/errors";
import { irr } from "../../src/core/irr";
import { readBudget } from "../../src/planner/budget";
import { NOTES, REFUSALS, note } from "../../src/planner/messages";
import { TEXTS } from "../../src/planner/model/texts";
import { SAMPLES, sampleSnapshot, type SampleWorkbook } from "../../src/planner/samples";
import { STRINGS, t, type StringKey } from "../../src/taskpane/strings";
import { TEXT } from "../../playground/text";
import { SWEDISH, formatValue } from "../../playground/numfmt";
import { DEFAULT_ADJUSTMENTS } from "../../src/planner/inputs";
import { FMT } from "../../src/planner/model/formats";
import { build } from "../planner/engine";
import { WORKING, outcome, withArg } from "../functions/spec-cases";

const ROOT = path.resolve(__dirname, "..", "..");

// ---- The checks ----

/** English words that have no business in a Swedish text (none of them is a Swedish word). */
const ENGLISH = [
  "the",
  "and",
  "of",
  "is",
  "are",
  "was",
  "not",
  "must",
  "got",
  "with",
  "from",
  "or",
  "blank",
  "title",
  "shares",
  "share",
  "rate",
  "values",
  "value",
  "amount",
  "amounts",
  "flows",
  "costs",
  "gains",
  "year",
  "years",
  "rows",
  "row",
  "sum",
  "cells",
  "number",
  "TRUE",
  "FALSE",
  "none",
  "missing",
  "error",
  "type",
  "periods",
  "actors",
  "commitments",
  "savings",
  "undefined",
];
/** Swedish nouns in the singular that end like a plural. */
const SINGULAR_OK = new Set([
  "nummer",
  "meter",
  "fönster",
  "kommentar",
  "semester",
  "kalender",
  "parameter",
  "register",
  "filter",
  "vinter",
  "sommar",
  "kr",
  "tkr",
  "mnkr",
]);
/** Plural forms that do not end in -ar/-er/-or/-na: adjectives and neuter nouns. */
const PLURAL_WORDS = new Set([
  "tomma",
  "negativa",
  "positiva",
  "sammanfogade",
  "olika",
  "nya",
  "andra",
  "dessa",
  "flera",
  "alla",
  "bladen",
  "åren",
  "beloppen",
  "talen",
  "fälten",
  "värdena",
]);
const PLURAL_END = /(ar|er|or|na)$/;
/** A plural pronoun as the subject of a verb, which a count of 1 makes wrong ("1 summarad … De föreslås"). */
const PLURAL_SUBJECT = /(?<![\p{L}])(De|de) (föreslås|läses|räknas|används|är|har|visas|ingår|står|lästes|hoppades)(?![\p{L}])/u;

interface Problem {
  where: string;
  kind: string;
  text: string;
}

/** Verbs in the present tense and a conjunction that end like a plural noun ("åldrarna 1–1 ger", "1 eller fler"). */
const NOT_NOUNS = new Set([
  "ger",
  "har",
  "använder",
  "kan",
  "visar",
  "finns",
  "blir",
  "gör",
  "behöver",
  "saknar",
  "ligger",
  "betalar",
  "vinner",
  "räknar",
  "eller",
]);

/**
 * The kinds of mistake in one Swedish text (`en`: the English text of the same message, rendered alike; `two`:
 * the same template with the count 2, when there is one). Quoted text ("…", ”…”) is the user's own and not checked.
 */
function problems(where: string, svText: string, enText: string, scenario: Scenario, two?: string): Problem[] {
  const out: Problem[] = [];
  const unquote = (x: string) => x.replace(/"[^"]*"|”[^”]*”|“[^”]*”/g, '""');
  const sv = unquote(svText);
  const en = unquote(enText);
  const flag = (kind: string) => out.push({ where, kind, text: svText });
  if (/\d\.\d/.test(sv)) flag("decimal point between digits");
  if (/(?<![\p{L}\p{N}_])-\d/u.test(sv)) flag("hyphen-minus before a digit (the minus sign is −)");
  if (/\d-\d/.test(sv)) flag("hyphen between digits (a range takes –)");
  if (/(?<![\p{L}\p{N},])[−-]0(?:,0+)?(?![\d,])/u.test(sv)) flag("negative zero");
  const words = ENGLISH.filter((w) => new RegExp(`(?<![\\p{L}_])${w}(?![\\p{L}_])`, "u").test(sv));
  if (words.length) flag(`English words: ${words.join(", ")}`);
  if (/(?<![\p{L}\p{N},])\d{5,}/u.test(sv)) flag("five or more digits without a thousands separator"); // decimals (0,000001) are not grouped
  for (const m of sv.matchAll(/\p{L}+\/\p{L}+/gu)) if (en.includes(m[0])) flag(`both languages at once: ${m[0]}`);
  if (scenario === "one") {
    const counted = /(?<![\p{L}\p{N},.\u00a0–-]|\d |× )1\s(\p{L}+)/gu; // not in 1 000, 1–3 or 1 × 1
    for (const m of sv.matchAll(counted)) {
      const w = m[1].toLowerCase();
      if (!SINGULAR_OK.has(w) && !NOT_NOUNS.has(w) && (PLURAL_WORDS.has(w) || PLURAL_END.test(w))) flag(`plural after 1: "1 ${m[1]}"`);
    }
    // A plural pronoun is wrong only where it stands for the count: the text has one, and says the same with 2.
    const pronoun = PLURAL_SUBJECT.exec(sv)?.[0];
    if (pronoun && counted.test(sv) && (two === undefined || two.includes(pronoun))) flag("plural pronoun for a count of 1");
    for (const m of sv.matchAll(/(\p{L}+) "?G(?![\p{L}\p{N}])/gu)) {
      const w = m[1].toLowerCase();
      if (/(erna|arna|orna|rna)$/.test(w) || PLURAL_WORDS.has(w)) flag(`plural before a list of one: "${m[1]} G"`);
    }
  }
  return out;
}

// ---- Representative parameters ----

const SCENARIOS = ["one", "two", "zero", "negative", "fraction", "huge", "negativeZero"] as const;
type Scenario = (typeof SCENARIOS)[number];

type Kind =
  "count" | "bigCount" | "limit" | "atLeastTwo" | "factor" | "number" | "year" | "list" | "shown" | "arg" | "text" | "unit" | "cell" | "roots" | "bool";

/** What a parameter holds, by its name; anything not listed is a text. */
const KIND: Record<string, Kind> = {
  count: "count",
  rows: "count",
  cols: "count",
  sums: "count",
  max: "count",
  maxRows: "count",
  maxCols: "count",
  need: "count",
  pos: "count",
  row: "count",
  col: "count",
  horizon: "count",
  lag: "count",
  delay: "count",
  years: "count",
  gotRows: "count",
  gotCols: "count",
  startAge: "count",
  endAge: "count",
  start: "count",
  end: "count",
  value: "number",
  factor: "factor",
  total: "number",
  committed: "number",
  payout: "number",
  amount: "number",
  year: "year",
  last: "year",
  budgetLast: "year",
  from: "year",
  priceYear: "year",
  suggest: "year",
  actuals: "year",
  list: "list",
  sheets: "list",
  cells: "list",
  codes: "list",
  figures: "list",
  units: "list",
  got: "shown",
  min: "shown",
  arg: "arg",
  a: "arg",
  b: "arg",
  unit: "unit",
  cell: "cell",
  address: "cell",
  ref: "cell",
  where: "cell",
  roots: "roots",
};

/** Keys whose meaning differs between tables: a list of years in some texts, a count in others. */
const KIND_IN: Record<string, Record<string, Kind>> = {
  "texts.indexAlsoFor": { years: "list" },
  "notes.priceIndexExtended": { years: "list" },
  "refusals.priceIndexNoPriceYear": { years: "list" },
  "refusals.priceIndexNoYear": { years: "list" },
  "messages.tooManyValues": { got: "bigCount" },
  "messages.sizeMismatch": { sa: "text", sb: "text" },
  "refusals.tooManyLines": { got: "count" },
  "notes.unitFound": { kind: "text" },
  "notes.sameYearColumns": { count: "atLeastTwo" },
};

const SHOWN: Record<Scenario, string> = {
  one: show(1),
  two: show(2),
  zero: show(null),
  negative: show(-1.5),
  fraction: show(0.035),
  huge: show(1234567.5),
  negativeZero: show(true),
};
const TEXT_VALUE: Record<string, string> = {
  sv: "Horisonten",
  en: "The horizon",
  ruleSv: "ett heltal från 1 till 100",
  ruleEn: "a whole number from 1 to 100",
  kind: "cell",
  detail: "oväntat",
  label: "Försörjningsstöd",
  text: '"ca 3.5"',
  example: 'C17 "–2,4"',
  name: "KPI",
  index: "KPI",
  key: "SI1",
  sheet: "SI1 Modell",
};

function valueOf(key: string, kind: Kind, scenario: Scenario): string | number {
  const pick = <T>(v: Record<Scenario, T>) => v[scenario];
  switch (kind) {
    case "count":
      // Rows of a budget block, years, columns, warnings: at most a few thousand.
      return pick({ one: 1, two: 2, zero: 0, negative: 12, fraction: 250, huge: 2000, negativeZero: 1 });
    case "bigCount":
      return pick({ one: 1, two: 2, zero: 0, negative: 12, fraction: 12345, huge: 1048576, negativeZero: 1 });
    case "limit":
      // Excel's and the functions' limits: never 1.
      return pick({ one: 1048576, two: 16384, zero: 10000, negative: 100000, fraction: 1000000, huge: 1048576, negativeZero: 10000 });
    case "atLeastTwo":
      return pick({ one: 2, two: 3, zero: 2, negative: 12, fraction: 250, huge: 2000, negativeZero: 2 });
    case "factor":
      return pick({ one: 1, two: 1000, zero: 1, negative: 1000, fraction: 1e6, huge: 1e6, negativeZero: 1 });
    case "number":
      return pick({ one: 1, two: 2, zero: 0, negative: -1.5, fraction: 0.25, huge: 3482126241798.1, negativeZero: -0 });
    case "year":
      return 2025;
    case "list":
      return scenario === "one" ? "G" : "G, H";
    case "shown":
      return SHOWN[scenario];
    case "arg":
      return pick({ one: "rate", two: "shares", zero: "values", negative: "index (3)", fraction: "optimism_costs", huge: "group_size", negativeZero: "flows" });
    case "unit":
      return "tkr";
    case "cell":
      return "'Driftbudget 2025'!C7";
    case "roots":
      return rootsAsIrrGivesThem();
    case "bool":
      return scenario === "one" ? "TRUE" : "FALSE";
    case "text":
      return TEXT_VALUE[key] ?? "Socialnämnden";
  }
}

/** The `roots` of the severalRoots message, as the core's irr gives them (10 % and 20 % for −100, 230, −132). */
function rootsAsIrrGivesThem(): string {
  try {
    irr([-100, 230, -132]);
  } catch (e) {
    const roots = (e as SocinvError & { params?: unknown }).en.match(/\(([^)]*)\)/)?.[1];
    if (roots) return roots.replace(/%/g, " %");
  }
  return "10.00 %; 20.00 %";
}

/** The parameters a template reads: its functions called with a parameter object that records what is read. */
function keysOf(template: Template): string[] {
  const seen = new Set<string>();
  const probe = new Proxy({} as Record<string, string>, {
    get: (_t, key) => {
      if (typeof key === "string") seen.add(key);
      return "1";
    },
  });
  for (const f of [template.sv, template.en]) {
    if (typeof f !== "function") continue;
    try {
      (f as (p: unknown) => string)(probe);
    } catch {
      // a template that computes with a parameter still told which ones it read
    }
  }
  return [...seen];
}

/** The core's errors count cells, values and positions in ranges of up to a million cells. */
const CORE_KIND: Record<string, Kind> = {
  ...KIND,
  pos: "bigCount",
  rows: "bigCount",
  cols: "bigCount",
  need: "bigCount",
  gotRows: "bigCount",
  gotCols: "bigCount",
  max: "limit",
  maxRows: "limit",
  maxCols: "limit",
};

/** Parameters for one template: each key it reads gets its kind's value in the scenario. */
function params(table: string, id: string, keys: string[], scenario: Scenario): Record<string, string | number> {
  const overrides = KIND_IN[`${table}.${id}`] ?? {};
  const kinds = table === "strings" ? STRING_KIND : table === "messages" ? CORE_KIND : KIND;
  return Object.fromEntries(keys.map((k) => [k, valueOf(k, overrides[k] ?? kinds[k] ?? "text", scenario)]));
}

/** The pane's placeholders are filled by the components with text they formatted, except counts and years. */
const STRING_KIND: Record<string, Kind> = {
  count: "count",
  rows: "count",
  sums: "count",
  years: "count",
  horizon: "count",
  year: "year",
  start: "year",
  last: "year",
  suggest: "year",
  actuals: "year",
  sheets: "list",
  cells: "list",
  list: "list",
  rowsList: "list",
};

interface Rendered {
  where: string;
  sv: string;
  en: string;
  scenario: Scenario;
  /** The same template's Swedish with the count 2. */
  two?: string;
}

type Template = { sv: unknown; en: unknown };

/** A text for counts above 1 only, beside its own text for 1 ("warningsMany" beside "warningsOne"). */
const manyOnly = (id: string, ids: string[]) => ids.includes(`${id.replace(/Many$/, "")}One`);

/** Every template of every table, rendered in every scenario. */
function renderAll(): Rendered[] {
  const out: Rendered[] = [];
  const tables: Array<[string, string, Record<string, Template>, (id: string, p: Record<string, string | number>) => { sv: string; en: string }]> = [
    ["core MESSAGES", "messages", MESSAGES, (id, p) => new SocinvError(id, p)],
    ["planner REFUSALS", "refusals", REFUSALS, (id, p) => new SocinvError(id, p, { ...MESSAGES, ...REFUSALS })],
    ["planner NOTES", "notes", NOTES, (id, p) => note(id as keyof typeof NOTES, "info", p)],
    [
      "sheet TEXTS",
      "texts",
      TEXTS,
      (id, p) => {
        const tx = (TEXTS as Record<string, Template>)[id];
        const r = (x: unknown) => (typeof x === "function" ? (x as (q: unknown) => string)(p) : String(x));
        return { sv: r(tx.sv), en: r(tx.en) };
      },
    ],
    ["pane STRINGS", "strings", STRINGS, (id, p) => ({ sv: t("sv", id as StringKey, p), en: t("en", id as StringKey, p) })],
    ["playground TEXT", "playground", TEXT, (id) => (TEXT as Record<string, { sv: string; en: string }>)[id]],
  ];
  for (const [label, table, entries, render] of tables) {
    const ids = Object.keys(entries);
    for (const id of ids) {
      const tx = entries[id];
      const keys =
        table === "strings"
          ? [...new Set([...`${STRINGS[id as StringKey].sv} ${STRINGS[id as StringKey].en}`.matchAll(/\{(\w+)[}|]/g)].map((m) => m[1]))]
          : keysOf(tx);
      const two = render(id, params(table, id, keys, "two")).sv;
      for (const scenario of SCENARIOS) {
        if (scenario === "one" && manyOnly(id, ids)) continue;
        const r = render(id, params(table, id, keys, scenario));
        out.push({ where: `${label}.${id} (${scenario})`, sv: r.sv, en: r.en, scenario, two });
      }
    }
  }
  return out;
}

// ---- Messages the code really gives ----

/** A budget with one of each: the unit only in the title above the block, one sum row, one blank row, one blank amount, numbers typed as text, one column without a year. */
const ODD: SampleWorkbook = {
  sheets: [
    {
      name: "Budget",
      cells: [
        ["Socialnämnden, driftbudget i tkr", null, null, null, null],
        [null, null, null, null, null],
        ["Verksamhet", "Budget 2025", "Plan 2026", "Plan 2027", "Kommentar"],
        ["Placeringar", 4100, 4200, null, "ny plan"],
        ["Försörjningsstöd", "-1.5", 3100, 3200, null],
        [null, null, null, null, null],
        ["Öppenvård", 900, "–50", 950, null],
        ["Summa", "=B4+B5+B7", "=C4+C5+C7", "=D4+D5+D7", null],
      ],
    },
  ],
};

function realMessages(): Rendered[] {
  const out: Rendered[] = [];
  const read = (wb: SampleWorkbook, sheet: string, address: string, contextText?: string[]) => {
    const r = readBudget(sampleSnapshot(wb, sheet, address), { contextText });
    if (!r.ok) {
      out.push({ where: `readBudget ${address} refusal ${r.error.id}`, sv: r.error.sv, en: r.error.en, scenario: "two" });
      return;
    }
    for (const n of r.block.notes) out.push({ where: `readBudget ${sheet}!${address} note ${n.id}`, sv: n.sv, en: n.en, scenario: "one" });
  };
  // The block without its title row: the unit is found in the text above it.
  read(ODD, "Budget", "A3:E8", ["Socialnämnden, driftbudget i tkr"]);
  for (const s of SAMPLES) read(s.workbook, s.selection.sheet, s.selection.address);
  // Messages with numbers of their own: several internal rates of return, shares that do not sum to 100 %.
  for (const [id, args] of [
    ["IRR", [[[-100, 230, -132]]]],
    ["SPLIT", [[[100]], [[0.5], [0.6]]]],
  ] as const) {
    const o = outcome(id, args);
    if ("message" in o) out.push({ where: `SOCINV.${id}: ${o.id}`, sv: o.message.split(" / ")[0], en: o.message.split(" / ")[1] ?? "", scenario: "one" });
  }
  // Every SOCINV function with each argument replaced by something it refuses.
  const bad: unknown[] = ["tre", -1.5, 1e7, null, true, [[1, "x"]], [[-0.5, 2.5]], 0.000001, [[1, 2, 3]]];
  for (const [id, args] of Object.entries(WORKING))
    args.forEach((_, i) => {
      for (const v of bad) {
        const o = outcome(id, withArg(id, i, v));
        if (!("message" in o)) continue;
        const [sv, en] = o.message.split(" / ");
        out.push({ where: `SOCINV.${id} argument ${i + 1} = ${JSON.stringify(v)}: ${o.id}`, sv, en: en ?? "", scenario: "one" });
      }
    });
  return out;
}

// ---- The tests ----

const report = (ps: Problem[]) => ps.map((p) => `${p.where}: ${p.kind}\n    ${p.text}`);

describe("Swedish texts", () => {
  test("every template of every table, rendered with counts, negative, fractional and huge numbers, lists and values", () => {
    const rendered = renderAll();
    expect(rendered.length).toBeGreaterThan(1000);
    const found = rendered.flatMap((r) => problems(r.where, r.sv, r.en, r.scenario, r.two));
    expect(report(found)).toEqual([]);
  });

  test("the messages the code gives: a budget with one of each oddity, the samples, every function with bad arguments", () => {
    const real = realMessages();
    expect(real.filter((r) => r.where.startsWith("SOCINV")).length).toBeGreaterThan(100);
    const ids = new Set(real.map((r) => r.where.replace(/.* note /, "")));
    for (const id of ["unitFound", "sumRows", "blankRows", "blankYears", "textNumbers", "ignoredColumns"]) expect([id, ids.has(id)]).toEqual([id, true]);
    const found = real.flatMap((r) => problems(r.where, r.sv, r.en, r.scenario));
    expect(report(found)).toEqual([]);
  });

  test("the checks catch each kind of mistake the issue found", () => {
    const kinds = (sv: string, en = "", scenario: Scenario = "one") => problems("x", sv, en, scenario).map((p) => p.kind.replace(/:.*/, ""));
    expect(kinds("Kolumnerna G har ingen årsrubrik och används inte.")).toEqual(["plural before a list of one"]);
    expect(kinds("1 tomma belopp räknas som 0.")).toEqual(["plural after 1"]);
    expect(kinds("1 summarader hittades. De föreslås uteslutas.")).toEqual(["plural after 1", "plural pronoun for a count of 1"]);
    expect(kinds("Enheten tkr hittades i titel/title: Budget.", "The unit tkr was found in titel/title: Budget.")).toEqual([
      "English words",
      "both languages at once",
    ]);
    expect(kinds("Enheten kr hittades i talformat/number format.", "The unit kr was found in talformat/number format.")).toEqual([
      "English words",
      "both languages at once",
    ]);
    expect(kinds('Cellen innehåller texten "x", läst som -1.5.')).toEqual([
      "decimal point between digits",
      "hyphen-minus before a digit (the minus sign is −)",
    ]);
    expect(kinds("shares summerar till 110 %.")).toEqual(["English words"]);
    expect(kinds("Flera räntor (10.00 %; 20.00 %).")).toEqual(["decimal point between digits"]);
    expect(kinds("Skillnad -0")).toEqual(["hyphen-minus before a digit (the minus sign is −)", "negative zero"]);
    expect(kinds("Skillnad −0,00")).toEqual(["negative zero"]);
    expect(kinds("Nytta per kostnadskrona 3482126241798,10")).toEqual(["five or more digits without a thousands separator"]);
    expect(kinds("från 1 till 10000 (fick tomt/blank)", "from 1 to 10000 (got tomt/blank)")).toEqual([
      "English words",
      "five or more digits without a thousands separator",
      "both languages at once",
    ]);
    // And what is right passes.
    expect(kinds("1 tomt belopp räknas som 0; −1,5; 3 482 126 241 798,10; 2025–2027; 0,5; 1 år; 1 kr; netto/brutto", "1 blank amount; net/gross")).toEqual([]);
    expect(kinds("Kolumnen G har ingen årsrubrik. Den föreslås uteslutas.")).toEqual([]);
  });

  test("the mistakes the issue found are gone, where they came from", () => {
    const odd = readBudget(sampleSnapshot(ODD, "Budget", "A3:E8"), { contextText: ["Socialnämnden, driftbudget i tkr"] });
    if (!odd.ok) throw new Error(odd.error.en);
    const sv = (id: string) => odd.block.notes.filter((n) => n.id === id).map((n) => n.sv);
    expect(sv("ignoredColumns")).toEqual(['Kolumnen E "Kommentar" har ingen årsrubrik och används inte.']);
    expect(sv("blankYears")).toEqual(["1 tomt belopp räknas som 0 (ett tomt år är noll, det flyttar inte senare år)."]);
    expect(sv("unitFound")).toEqual(['Enheten tkr hittades i texten ovanför blocket: "Socialnämnden, driftbudget i tkr".']);
    expect(odd.block.unitSource).toBe('"Socialnämnden, driftbudget i tkr"');
    expect(sv("sumRows")).toEqual(['1 summarad hittades (A8 "Summa"). Den föreslås uteslutas så att inget räknas två gånger.']);
    expect(sv("blankRows")).toEqual(["1 tom rad hoppades över."]);
    expect(t("sv", "repayingActors")).toBe("Aktörer vars besparingar återförs till fonden (inga valda = kommunens nämnder)");
    expect(t("sv", "rowsFound", { rows: 1, sums: 1 })).toBe("1 rad, varav 1 summarad");
    expect(t("sv", "rowsFound", { rows: 16, sums: 3 })).toBe("16 rader, varav 3 summarader");
    expect(t("en", "readOk", { rows: 1, years: 1 })).toBe("The budget block was read: 1 row, 1 year.");
    const split = outcome("SPLIT", [[[100]], [[0.5], [0.6]]]);
    expect("message" in split && split.message.split(" / ")[0]).toBe("andelar summerar till 110 %, inte 100 %. Ange andelar som 35 % (0,35), inte 35.");
    let several = "";
    try {
      irr([-100, 230, -132]);
    } catch (e) {
      several = (e as SocinvError).sv;
    }
    expect(several).toBe("Flera räntor gör nuvärdet till noll (10\u00a0%; 20\u00a0%); internräntan är inte entydig.");
    expect(new SocinvError("rateTooLow", { got: show(-1.5), pos: "" }).sv).toBe("Diskonteringsräntan måste vara större än −100 % (fick −1,5).");
    expect(TEXTS.chartAxisPv.sv({ unit: "mnkr" })).toBe("Nuvärde, mnkr");
  });
});

describe("one word for each term", () => {
  test("attribution: the pane, the model sheet, the functions' Swedish texts and the glossary say attribution, never tillskrivning", () => {
    expect(STRINGS.attribution.sv).toMatch(/^Attribution/);
    expect(TEXTS.attribution.sv).toBe("Attribution");
    const adjustments = JSON.parse(fs.readFileSync(path.join(ROOT, "src/functions/adjustments.sv.json"), "utf8"));
    expect(adjustments.ADJUSTGAINS.parameters.attribution.name).toBe("attribution");
    expect(ARGUMENT_NAMES_SV.attribution).toBe("attribution");
    const glossary = fs.readFileSync(path.join(ROOT, "docs/glossary.md"), "utf8");
    expect(glossary).toMatch(/^\| \*\*attribution\*\* \| \*\*attribution\*\* \|/m);
    const swedish = [
      ...fs
        .readdirSync(path.join(ROOT, "src/functions"))
        .filter((f) => f.endsWith(".sv.json"))
        .map((f) => fs.readFileSync(path.join(ROOT, "src/functions", f), "utf8")),
      ...renderAll().map((r) => r.sv),
    ];
    for (const s of swedish) expect(s).not.toMatch(/tillskriv/i);
  });

  test("a Swedish message names an argument as Swedish Excel does (the names of src/functions/*.sv.json)", () => {
    const names: Record<string, Set<string>> = {};
    const dir = path.join(ROOT, "src/functions");
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".sv.json"))) {
      const json = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as Record<string, { parameters?: Record<string, { name: string }> }>;
      for (const [id, fn] of Object.entries(json)) {
        if (id.startsWith("$")) continue;
        for (const [en, p] of Object.entries(fn.parameters ?? {})) (names[en] ??= new Set()).add(p.name);
      }
    }
    const fromFiles = Object.fromEntries(Object.entries(names).map(([en, sv]) => [en, [...sv].join(" | ")]));
    expect(Object.fromEntries(Object.entries(ARGUMENT_NAMES_SV).sort())).toEqual(Object.fromEntries(Object.entries(fromFiles).sort()));
    expect(new SocinvError("notANumber", { arg: "rate", got: show("tre") }).sv).toBe('ränta måste vara ett tal (fick "tre").');
    expect(new SocinvError("notANumber", { arg: "index (3)", got: show(null) }).sv).toBe("index (3) måste vara ett tal (fick tomt).");
    expect(new SocinvError("notANumber", { arg: "index (3)", got: show(null) }).en).toBe("index (3) must be a number (got blank).");
  });
});

describe("numbers the model sheet shows, in Swedish", () => {
  test("a huge benefit–cost ratio is shown with thousands separators", () => {
    // The issue's 3482126241798,10: the ratio's number format groups thousands, as every amount's does.
    expect(formatValue(3482126241798.1, FMT.ratio, SWEDISH).text).toBe("3\u00a0482\u00a0126\u00a0241\u00a0798,10");
    expect(formatValue(2.7651, FMT.ratio, SWEDISH).text).toBe("2,77");
    for (const f of [FMT.kr, FMT.ratio, FMT.count]) expect(f).toMatch(/^#,##0/);
  });

  test("Gross and net: no '-0' where the adjustments change less than the column shows (the difference is rounded to it)", () => {
    // A deadweight of 0,000001 % takes about 0,2 kr off 24 million kr of gains: net − gross is −0,2 kr, which "#,##0" shows as "-0".
    const s = SAMPLES.find((x) => x.id === "plain")!;
    const { out, ev } = build({ ...s.inputs, adjustments: { ...DEFAULT_ADJUSTMENTS, deadweight: 1e-8 } }, s.workbook, s.selection.sheet, s.selection.address);
    const cells = out.keyCells.grossNet;
    for (const [row, format] of [
      [cells.pvCosts, FMT.kr],
      [cells.pvGains, FMT.kr],
      [cells.npv, FMT.kr],
      [cells.bcr, FMT.ratio],
    ] as const) {
      const [gross, net, difference] = row.map((ref) => ev.value(ref));
      expect(Math.abs((net as number) - (gross as number))).toBeLessThan(0.5);
      expect(formatValue(difference, format, SWEDISH).text).toMatch(/^0(,00)?$/);
    }
    const [g, n] = cells.pvGains.map((ref) => ev.value(ref)) as number[];
    expect(n - g).toBeLessThan(0); // the case is real: a negative difference that rounds to zero
  });
});
