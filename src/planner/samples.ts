/**
 * Sample workbooks shipped as data: a realistic Swedish municipal driftbudget (nämnder with verksamheter,
 * sum rows, Bokslut/Budget/Plan years, mnkr with one decimal, a blank year, dash negatives, a number typed
 * as text) and a typical-individual sheet, with ready inputs for every template. Used by the playground,
 * the planner tests and the benchmark. The amounts are invented but of a plausible size for a kommun of
 * about 60,000 inhabitants.
 */
import type { RangeSnapshot } from "./snapshot";
import { cellAddress, colLetter, parseRange } from "./a1";
import { Bilingual, ModelInputs, TemplateId, applyTemplate, defaultInputs, templateById } from "./inputs";

export interface SampleSheet {
  name: string;
  /** Cells as entered: numbers, text, formulas (English syntax, e.g. "=SUM(C5:C8)"), null for empty. */
  cells: (number | string | null)[][];
  /** Number format per cell (null or missing = General). */
  numberFormats?: (string | null)[][];
  /** Merged areas, A1. */
  merged?: string[];
}

export interface SampleWorkbook {
  sheets: SampleSheet[];
}

export interface Sample {
  id: TemplateId;
  label: Bilingual;
  description: Bilingual;
  workbook: SampleWorkbook;
  /** The block to select (the budget block the inputs refer to). */
  selection: { sheet: string; address: string };
  inputs: ModelInputs;
}

/** One decimal, negatives with an en dash, as many Swedish budget sheets show them. */
export const MNKR_FORMAT = "#,##0.0;–#,##0.0";
const KR_FORMAT = "#,##0";

// ---- The driftbudget ----

type Row = [string, string, number | string | null, number | string | null, number | string | null, number | string | null, string?];

/** Nämnd, verksamhet, Bokslut 2024, Budget 2025, Plan 2026, Plan 2027 (mnkr), comment. "SUM" marks a sum row. */
const BUDGET_ROWS: Array<Row | "blank" | { sum: string; of: [number, number] } | { total: string; of: number[] } | { arith: string; of: [number, number] }> = [
  ["Barn- och utbildningsnämnden", "Förskola", 412.3, 425.0, 431.2, 438.0],
  ["", "Grundskola", 655.8, 671.4, 684.0, 697.5],
  ["", "Gymnasieskola", 238.1, 244.6, 249.9, 255.3],
  ["", "Elevhälsa", 31.4, 33.0, 34.1, null, "Plan 2027 ej fastställd"],
  { sum: "Summa Barn- och utbildningsnämnden", of: [0, 3] },
  "blank",
  ["Socialnämnden", "Individ- och familjeomsorg, myndighet", 61.2, 63.5, 64.8, 66.0],
  ["", "Institutionsplaceringar barn och unga", 48.6, 52.0, 50.5, 49.0],
  ["", "Familjehem", 22.3, 23.1, 23.8, 24.5],
  ["", "Försörjningsstöd", 96.2, 101.0, 98.4, 95.9],
  ["", "Öppenvård och förebyggande arbete", 18.7, 19.5, 21.0, 22.4],
  ["", "Social investering: Tidiga insatser (projekt)", "–", 3.5, 4.0, 4.0, "Ansökan till fonden"],
  ["", "Statsbidrag, intäkt", -2.4, -2.6, "–1,5", -1.5],
  { sum: "Summa Socialnämnden", of: [6, 12] },
  "blank",
  ["Kultur- och fritidsnämnden", "Fritidsgårdar", 14.2, 14.8, 15.1, 15.4],
  ["", "Föreningsbidrag", 9.6, 9.9, 10.1, 10.3],
  { sum: "S:a Kultur- och fritidsnämnden", of: [15, 16] },
  "blank",
  ["Arbetsmarknadsnämnden", "Arbetsmarknadsinsatser", 38.4, 40.2, 41.0, 41.9],
  ["", "Feriejobb för unga", 6.1, 6.5, 6.5, 6.5],
  ["", "Vuxenutbildning", 44.0, 45.3, 46.2, 47.1],
  { arith: "AMN", of: [19, 21] },
  "blank",
  { total: "Totalt", of: [4, 13, 17, 22] },
];

export const BUDGET_SHEET = "Driftbudget 2025";
/** The block a user selects: header row to the total, Nämnd … Kommentar. */
export const BUDGET_SELECTION = "A4:G29";

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function buildBudgetSheet(): SampleSheet {
  const cells: (number | string | null)[][] = [
    ["Exempelkommun – driftbudget 2025 med plan 2026–2027", null, null, null, null, null, null],
    ["Nettokostnader per nämnd och verksamhet. Belopp i mnkr", null, null, null, null, null, null],
    [null, null, null, null, null, null, null],
    ["Nämnd", "Verksamhet", "Bokslut 2024", "Budget 2025", "Plan 2026", "Plan 2027", "Kommentar"],
  ];
  const fmts: (string | null)[][] = cells.map((r) => r.map(() => null));
  const firstData = cells.length; // sheet row (0-based) of BUDGET_ROWS[0]
  const rowOf = (k: number) => firstData + k + 1; // 1-based sheet row of BUDGET_ROWS[k]
  BUDGET_ROWS.forEach((spec) => {
    const numFmt = [null, null, MNKR_FORMAT, MNKR_FORMAT, MNKR_FORMAT, MNKR_FORMAT, null];
    if (spec === "blank") {
      cells.push([null, null, null, null, null, null, null]);
      fmts.push(numFmt);
    } else if (Array.isArray(spec)) {
      cells.push([spec[0] || null, spec[1] || null, spec[2], spec[3], spec[4], spec[5], spec[6] ?? null]);
      fmts.push(numFmt);
    } else if ("sum" in spec) {
      const [a, b] = spec.of;
      cells.push([spec.sum, null, ...["C", "D", "E", "F"].map((c) => `=SUM(${c}${rowOf(a)}:${c}${rowOf(b)})`), null]);
      fmts.push(numFmt);
    } else if ("total" in spec) {
      cells.push([spec.total, null, ...["C", "D", "E", "F"].map((c) => `=${spec.of.map((k) => `${c}${rowOf(k)}`).join("+")}`), null]);
      fmts.push(numFmt);
    } else {
      // A sum row recognisable by its numbers only: typed values, as when a sheet is pasted as values.
      const [a, b] = spec.of;
      const vals = [2, 3, 4, 5].map((c) => {
        let s = 0;
        for (let k = a; k <= b; k++) {
          const v = (BUDGET_ROWS[k] as Row)[c];
          if (typeof v === "number") s += v;
        }
        return round1(s);
      });
      cells.push([spec.arith, null, ...vals, null]);
      fmts.push(numFmt);
    }
  });
  return { name: BUDGET_SHEET, cells, numberFormats: fmts, merged: [`A${rowOf(0)}:A${rowOf(3)}`] };
}

// ---- The typical individual ----

export const INDIVIDUAL_SHEET = "Typindivid";
export const INDIVIDUAL_SELECTION = "A3:F9";

function buildIndividualSheet(): SampleSheet {
  const years = [2025, 2026, 2027, 2028, 2029];
  const rows: Array<[string, number]> = [
    ["Försörjningsstöd", 95000],
    ["Arbetsmarknadsinsatser", 40000],
    ["Psykiatri och primärvård", 28000],
    ["Aktivitetsersättning", 110000],
    ["Polis, domstol och kriminalvård", 12000],
    ["Produktionsbortfall", 380000],
  ];
  const cells: (number | string | null)[][] = [
    ["Merkostnad per år för en ung person i långvarigt utanförskap jämfört med ett vanligt liv, kr per person", null, null, null, null, null],
    [null, null, null, null, null, null],
    ["Post", ...years],
    ...rows.map(([l, v]) => [l, v, v, v, v, v] as (number | string | null)[]),
  ];
  const numberFormats = cells.map((r, i) => r.map((_, c) => (i >= 3 && c >= 1 ? KR_FORMAT : i === 2 && c >= 1 ? "0" : null)));
  return { name: INDIVIDUAL_SHEET, cells, numberFormats };
}

export const SAMPLE_DRIFTBUDGET: SampleWorkbook = { sheets: [buildBudgetSheet()] };
export const SAMPLE_INDIVIDUAL: SampleWorkbook = { sheets: [buildIndividualSheet()] };

// ---- Snapshots (what a host's readRange returns for a sample) ----

function evaluate(sheet: SampleSheet, r: number, c: number, depth = 0): number | string | boolean {
  const v = sheet.cells[r]?.[c];
  if (v === null || v === undefined) return "";
  if (typeof v !== "string" || !v.startsWith("=")) return v;
  if (depth > 20) return "#REF!";
  const refValue = (ref: string): number => {
    const x = evaluate(sheet, parseRange(ref).row, parseRange(ref).col, depth + 1);
    return typeof x === "number" ? x : 0; // SUM and + skip text, as Excel's SUM does
  };
  const sum = /^=SUM\(([A-Z]+\d+):([A-Z]+\d+)\)$/.exec(v);
  if (sum) {
    const a = parseRange(sum[1]);
    const b = parseRange(sum[2]);
    let s = 0;
    for (let rr = a.row; rr <= b.row; rr++) for (let cc = a.col; cc <= b.col; cc++) s += refValue(cellAddress(rr, cc));
    return s;
  }
  const plus = /^=([A-Z]+\d+(?:\+[A-Z]+\d+)*)$/.exec(v);
  if (plus) return plus[1].split("+").reduce((s, ref) => s + refValue(ref), 0);
  return "#NAME?";
}

/** Displays a number as Swedish Excel would with the sample's formats (space thousands, decimal comma, en dash). */
export function displaySv(v: number | string | boolean, fmt: string | null | undefined): string {
  if (typeof v !== "number") return String(v);
  const decimals = fmt && /0\.0/.test(fmt) ? 1 : fmt ? 0 : -1;
  const dash = fmt ? /;–/.test(fmt) : false;
  const abs = Math.abs(v);
  let body: string;
  if (decimals < 0) body = String(abs).replace(".", ",");
  else {
    const [int, dec] = abs.toFixed(decimals).split(".");
    body = fmt && fmt.includes(",") ? int.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0") : int;
    if (dec !== undefined) body += "," + dec;
  }
  if (v < 0) return (dash ? "–" : "-") + body;
  return body;
}

/** The RangeSnapshot a host would return for `address` on a sample sheet. */
export function sampleSnapshot(workbook: SampleWorkbook, sheetName: string, address: string): RangeSnapshot {
  const sheet = workbook.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`No sample sheet ${sheetName}`);
  const p = parseRange(address);
  const values: (number | string | boolean)[][] = [];
  const formulas: (number | string | boolean)[][] = [];
  const numberFormats: string[][] = [];
  const text: string[][] = [];
  for (let r = p.row; r < p.row + p.rows; r++) {
    const vr: (number | string | boolean)[] = [];
    const fr: (number | string | boolean)[] = [];
    const nr: string[] = [];
    const tr: string[] = [];
    for (let c = p.col; c < p.col + p.cols; c++) {
      const raw = sheet.cells[r]?.[c];
      const v = evaluate(sheet, r, c);
      const fmt = sheet.numberFormats?.[r]?.[c] ?? "General";
      vr.push(v);
      fr.push(raw === null || raw === undefined ? "" : raw);
      nr.push(fmt);
      tr.push(displaySv(v, fmt === "General" ? null : fmt));
    }
    values.push(vr);
    formulas.push(fr);
    numberFormats.push(nr);
    text.push(tr);
  }
  const merged = (sheet.merged ?? []).filter((m) => {
    const q = parseRange(m);
    return q.row >= p.row && q.row + q.rows <= p.row + p.rows && q.col >= p.col && q.col + q.cols <= p.col + p.cols;
  });
  return {
    sheet: sheetName,
    address: `${cellAddress(p.row, p.col)}:${colLetter(p.col + p.cols - 1)}${p.row + p.rows}`,
    row: p.row,
    col: p.col,
    values,
    formulas,
    numberFormats,
    text,
    mergedAreas: merged,
  };
}

/** Sheet rows (0-based) of the driftbudget's rows by verksamhet label. */
function budgetRow(label: string): number {
  const s = SAMPLE_DRIFTBUDGET.sheets[0];
  const r = s.cells.findIndex((row) => row[1] === label || row[0] === label);
  if (r < 0) throw new Error(`No sample row ${label}`);
  return r;
}

/** Inputs for the driftbudget sample: an early-intervention project in Socialnämnden. */
function budgetInputs(id: TemplateId, lang: "sv" | "en"): ModelInputs {
  const base = defaultInputs(lang);
  const inputs = applyTemplate(id, {
    ...base,
    title: lang === "sv" ? "Tidiga insatser för unga" : "Early intervention for young people",
    source: { sheet: BUDGET_SHEET, address: BUDGET_SELECTION, detectedUnit: "mnkr", unitOverride: null, sign: "costsPositive" },
    startYear: 2025,
    rows: [
      {
        sheetRow: budgetRow("Social investering: Tidiga insatser (projekt)"),
        label: "Social investering: Tidiga insatser (projekt)",
        role: "cost",
        actor: "son",
        share: 1,
        after: "zero",
      },
      {
        sheetRow: budgetRow("Institutionsplaceringar barn och unga"),
        label: "Institutionsplaceringar barn och unga",
        role: "gain",
        actor: "son",
        share: 0.04,
        after: "repeatLast",
      },
      { sheetRow: budgetRow("Försörjningsstöd"), label: "Försörjningsstöd", role: "gain", actor: "son", share: 0.01, after: "repeatLast" },
      { sheetRow: budgetRow("Gymnasieskola"), label: "Gymnasieskola", role: "gain", actor: "bun", share: 0.002, after: "repeatLast" },
    ],
    extraLines: [
      {
        label: lang === "sv" ? "Barn- och ungdomspsykiatri (BUP)" : "Child and adolescent psychiatry",
        role: "gain",
        actor: "region",
        amounts: [0, 400000, 600000],
        after: "repeatLast",
      },
      { label: lang === "sv" ? "Aktivitetsersättning" : "Activity compensation", role: "gain", actor: "fk", amounts: [0, 0, 300000], after: "repeatLast" },
      { label: lang === "sv" ? "Produktionsvärde" : "Production value", role: "gain", actor: "samhalle", amounts: [0, 0, 0, 1000000], after: "repeatLast" },
      {
        label: lang === "sv" ? "Utvärdering (extern)" : "Evaluation (external)",
        role: "cost",
        actor: "ks",
        amounts: [0, 250000, 250000, 300000],
        after: "zero",
      },
    ],
  });
  inputs.participants = 60;
  inputs.successProbability = 0.4;
  inputs.effectLag = 1;
  inputs.adjustments = { deadweight: 0.1, attribution: 0.05, displacement: 0, dropOff: 0.05, optimismCosts: 0.1, optimismGains: 0.1 };
  if (id === "malmo") {
    inputs.fund.commitments = [2027, 2028, 2029, 2030].flatMap((year) => [
      { actor: "son", year, share: 0.2 },
      { actor: "bun", year, share: 0.05 },
    ]);
  }
  if (id === "norrkoping") inputs.fund.capPerYear = 3000000;
  return inputs;
}

function individualInputs(lang: "sv" | "en"): ModelInputs {
  const rows: Array<[string, string]> = [
    ["Försörjningsstöd", "son"],
    ["Arbetsmarknadsinsatser", "amn"],
    ["Psykiatri och primärvård", "region"],
    ["Aktivitetsersättning", "fk"],
    ["Polis, domstol och kriminalvård", "rv"],
    ["Produktionsbortfall", "samhalle"],
  ];
  const inputs = applyTemplate("individual", {
    ...defaultInputs(lang),
    title: lang === "sv" ? "Unga utanför arbete och studier" : "Young people not in work or education",
    source: { sheet: INDIVIDUAL_SHEET, address: INDIVIDUAL_SELECTION, detectedUnit: "kr", unitOverride: null, sign: "costsPositive" },
    startYear: 2025,
    rows: rows.map(([label, actor], k) => ({ sheetRow: 3 + k, label, role: "gain", actor, share: 1, after: "repeatLast" })),
    extraLines: [
      {
        label: lang === "sv" ? "Insats: coachning och praktik, 20 deltagare" : "Intervention: coaching and work placement, 20 participants",
        role: "cost",
        actor: "amn",
        amounts: [1200000, 1200000],
        after: "zero",
      },
    ],
  });
  inputs.adjustments = { ...inputs.adjustments, deadweight: 0.2, dropOff: 0.02 };
  return inputs;
}

/** Sample inputs for a template (in Swedish or English). */
export function sampleInputs(id: TemplateId, lang: "sv" | "en" = "sv"): ModelInputs {
  return id === "individual" ? individualInputs(lang) : budgetInputs(id, lang);
}

/** One sample per template: the workbook, the block to select and inputs ready to build. */
export const SAMPLES: Sample[] = (["plain", "norrkoping", "malmo", "ale", "individual"] as TemplateId[]).map((id) => {
  const t = templateById(id);
  const individual = id === "individual";
  return {
    id,
    label: t.label,
    description: t.description,
    workbook: individual ? SAMPLE_INDIVIDUAL : SAMPLE_DRIFTBUDGET,
    selection: individual ? { sheet: INDIVIDUAL_SHEET, address: INDIVIDUAL_SELECTION } : { sheet: BUDGET_SHEET, address: BUDGET_SELECTION },
    inputs: sampleInputs(id, "sv"),
  };
});

// ---- Large synthetic budgets (benchmarks, size limits) ----

/**
 * A synthetic driftbudget of `rows` verksamheter × `years` years (from 2025) in tkr, with inputs that use
 * every row: every seventh a cost, the others gains at 2 %, spread over the built-in actors.
 */
export function syntheticBudget(rows: number, years: number): { workbook: SampleWorkbook; address: string; inputs: ModelInputs } {
  const header = ["Verksamhet", ...Array.from({ length: years }, (_, k) => `Budget ${2025 + k}`)];
  const cells: (number | string | null)[][] = [["Belopp i tkr", ...header.slice(1).map(() => null)], header];
  for (let r = 0; r < rows; r++) {
    cells.push([`Verksamhet ${r + 1}`, ...Array.from({ length: years }, (_, k) => Math.round(1000 + ((r * 37 + k * 11) % 500) * 10.3) / 10)]);
  }
  const workbook: SampleWorkbook = { sheets: [{ name: "Stor budget", cells }] };
  const inputs = defaultInputs("sv");
  const actors = inputs.actors.map((a) => a.id);
  inputs.title = "Stor modell";
  inputs.source = { sheet: "Stor budget", address: `A1:${colLetter(years)}${rows + 2}`, detectedUnit: "tkr", unitOverride: null, sign: "costsPositive" };
  inputs.rows = Array.from({ length: rows }, (_, r) => ({
    sheetRow: r + 2,
    label: `Verksamhet ${r + 1}`,
    role: r % 7 === 0 ? ("cost" as const) : ("gain" as const),
    actor: actors[r % actors.length],
    share: r % 7 === 0 ? 0.1 : 0.02,
    after: "zero" as const,
  }));
  inputs.horizon = years;
  inputs.participants = 100;
  inputs.successProbability = 0.5;
  return { workbook, address: inputs.source.address, inputs };
}
