/**
 * Three budget tables laid out as municipalities publish them, rebuilt as workbooks from data (the amounts are
 * invented, the layouts are not). Used by the planner tests (test/planner/real-budgets.test.ts) and, written
 * to .xlsx files, by the end-to-end test (test/e2e/real-budgets.test.ts).
 *
 *   KOMMUN       a kommun's driftbudget per nämnd in mnkr: a nämnd heading, its verksamheter (each nämnd has
 *                "Politisk verksamhet"), a =SUM row, a blank row before the next nämnd; seven nämnder, three
 *                of them not among the pane's built-in actors; an "Investeringsutgifter" line; the
 *                investeringsbudget as a table of its own under it.
 *   SOCIAL       a socialnämnd's budget in tkr on a sheet named for the nämnd, pasted from the kommun's web
 *                page (every amount is text: "14 250" with a no-break space, "–" for nothing), the total at
 *                the top, key figures (Antal årsarbetare, Antal platser, a percentage) and an investment line.
 *   REDOVISNING  an årsredovisning's driftredovisning in mnkr: costs negative (shown with an en dash), each
 *                nämnd's total typed as a value above its rows, Utfall 2012, Budget 2013 and Utfall 2013 (two
 *                columns for 2013) and an Avvikelse column.
 */
import type { SampleSheet, SampleWorkbook } from "../../src/planner/samples";

const MNKR = "#,##0.0;–#,##0.0";
const round1 = (x: number) => Math.round(x * 10) / 10;

// ---- A kommun's driftbudget per nämnd (mnkr) ----

export const KOMMUN_SHEET = "Driftbudget";

/** Nämnd, then its verksamheter with Bokslut 2012, Budget 2013, Budget 2014, Plan 2015, Plan 2016. */
export const KOMMUN_NAMNDER: Array<{ namnd: string; rows: Array<[string, ...(number | null)[]]> }> = [
  {
    namnd: "Kommunstyrelsen",
    rows: [
      ["Politisk verksamhet", 12.4, 12.9, 13.2, 13.5, 13.8],
      ["Kommunledningsförvaltning", 48.6, 50.1, 51.7, 52.9, 54.0],
      ["Räddningstjänst", 21.3, 22.0, 22.6, 23.1, 23.6],
    ],
  },
  {
    namnd: "Barn- och utbildningsnämnden",
    rows: [
      ["Politisk verksamhet", 1.8, 1.9, 1.9, 2.0, 2.0],
      ["Förskola", 182.5, 188.0, 193.4, 198.2, 203.0],
      ["Grundskola", 301.2, 309.8, 318.0, 325.1, 331.9],
      ["Gymnasieskola", 128.7, 131.0, 133.6, 136.2, 138.9],
    ],
  },
  {
    namnd: "Socialnämnden",
    rows: [
      ["Politisk verksamhet", 1.5, 1.5, 1.6, 1.6, 1.7],
      ["Individ- och familjeomsorg", 62.3, 64.8, 66.0, 67.4, 68.7],
      ["Institutionsplaceringar barn och unga", 38.4, 41.0, 39.5, 38.0, 36.5],
      ["Försörjningsstöd", 44.9, 46.2, 45.0, 43.8, 42.6],
      ["Social investering: Familjecentral (projekt)", null, null, 2.5, 2.5, 1.0],
    ],
  },
  {
    namnd: "Vård- och omsorgsnämnden",
    rows: [
      ["Politisk verksamhet", 1.2, 1.2, 1.3, 1.3, 1.3],
      ["Äldreomsorg", 412.0, 425.6, 438.9, 451.2, 463.8],
      ["Funktionsstöd (LSS)", 118.4, 122.7, 126.0, 129.3, 132.5],
    ],
  },
  {
    namnd: "Kultur- och fritidsnämnden",
    rows: [
      ["Politisk verksamhet", 0.9, 0.9, 1.0, 1.0, 1.0],
      ["Fritidsgårdar", 8.6, 8.9, 9.2, 9.4, 9.6],
      ["Bibliotek", 11.2, 11.5, 11.8, 12.1, 12.4],
    ],
  },
  {
    namnd: "Tekniska nämnden",
    rows: [
      ["Politisk verksamhet", 0.8, 0.8, 0.9, 0.9, 0.9],
      ["Gata och park", 34.5, 35.2, 36.0, 36.8, 37.5],
      ["Fastighet", 12.1, 12.4, 12.6, 12.9, 13.1],
    ],
  },
  {
    namnd: "Miljö- och byggnadsnämnden",
    rows: [
      ["Politisk verksamhet", 0.7, 0.7, 0.7, 0.8, 0.8],
      ["Miljö- och hälsoskydd", 5.4, 5.6, 5.8, 5.9, 6.1],
      ["Bygglov", 3.1, 3.2, 3.3, 3.4, 3.5],
    ],
  },
];

/** Sheet rows (1-based) of the kommun's driftbudget, filled in while it is built. */
export const KOMMUN_ROWS: { header: number; byLabel: Map<string, number>; sums: number[]; total: number; investment: number; last: number } = {
  header: 4,
  byLabel: new Map(),
  sums: [],
  total: 0,
  investment: 0,
  last: 0,
};

function kommunSheet(): SampleSheet {
  const cols = ["B", "C", "D", "E", "F"];
  const cells: (number | string | null)[][] = [
    ["Driftbudget 2014 med plan 2015–2016", null, null, null, null, null],
    ["Nettokostnad per nämnd och verksamhet, belopp i mnkr", null, null, null, null, null],
    [null, null, null, null, null, null],
    ["Nämnd / verksamhet", "Bokslut 2012", "Budget 2013", "Budget 2014", "Plan 2015", "Plan 2016"],
  ];
  const formats: (string | null)[][] = cells.map((r) => r.map(() => null));
  const push = (row: (number | string | null)[], numeric = true) => {
    cells.push(row);
    formats.push(row.map((_, c) => (numeric && c > 0 ? MNKR : null)));
    return cells.length; // 1-based row
  };
  KOMMUN_NAMNDER.forEach((n, k) => {
    push([n.namnd, null, null, null, null, null], false);
    const first = cells.length + 1;
    for (const [label, ...v] of n.rows) KOMMUN_ROWS.byLabel.set(`${n.namnd} – ${label}`, push([label, ...v]));
    const last = cells.length;
    KOMMUN_ROWS.sums.push(push([`Summa ${n.namnd.charAt(0).toLowerCase()}${n.namnd.slice(1)}`, ...cols.map((c) => `=SUM(${c}${first}:${c}${last})`)]));
    if (n.namnd === "Tekniska nämnden") KOMMUN_ROWS.investment = push(["Investeringsutgifter", 45.0, 52.0, 60.5, 38.0, 30.0]);
    if (k < KOMMUN_NAMNDER.length - 1) push([null, null, null, null, null, null], false);
  });
  push([null, null, null, null, null, null], false);
  KOMMUN_ROWS.total = push(["Summa nämnder", ...cols.map((c) => `=${KOMMUN_ROWS.sums.map((r) => `${c}${r}`).join("+")}`)]);
  KOMMUN_ROWS.last = KOMMUN_ROWS.total;
  // Two blank rows, then the investeringsbudget: a table of its own.
  push([null, null, null, null, null, null], false);
  push([null, null, null, null, null, null], false);
  push(["Investeringsbudget 2014, mnkr", null, null, null, null, null], false);
  push(["Projekt", "Budget 2014", "Plan 2015", "Plan 2016", null, null], false);
  push(["Ny förskola Solrosen", 18.0, 22.0, 4.0, null, null]);
  push(["Gång- och cykelväg", 6.5, 3.0, null, null, null]);
  return { name: KOMMUN_SHEET, cells, numberFormats: formats };
}

// ---- A socialnämnd's budget pasted from a web page (tkr, text) ----

export const SOCIAL_SHEET = "Socialnämnden";

/** Text as a web page shows an amount: no-break space between thousands, "–" for nothing. */
export function webText(x: number | null): string {
  if (x === null) return "–";
  const s = String(Math.abs(x)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  return x < 0 ? `\u2212${s}` : s;
}

/** Bokslut 2013, Budget 2014, Budget 2015, Plan 2016, Plan 2017 (tkr). */
export const SOCIAL_ROWS: Array<[string, ...(number | null)[]]> = [
  ["Nämnd och förvaltningsledning", 14250, 14600, 14900, 15200, 15500],
  ["Individ- och familjeomsorg", 98300, 101200, 103800, 106000, 108300],
  ["Försörjningsstöd", 52700, 54100, 53500, 52300, 51000],
  ["Institutionsplaceringar", 39800, 41200, 40500, 39000, 37600],
  ["Familjehem", 18400, 19000, 19600, 20100, 20600],
  ["Social investering: Tidigt stöd (projekt)", null, null, 1200, 1200, 600],
];

export const SOCIAL_TOTAL = [0, 1, 2, 3, 4].map((k) => SOCIAL_ROWS.reduce((s, r) => s + ((r[k + 1] as number | null) ?? 0), 0));

function socialSheet(): SampleSheet {
  const cells: (number | string | null)[][] = [
    ["Socialnämndens budget 2015", null, null, null, null, null],
    ["Belopp i tkr. Källa: kommunens webbplats", null, null, null, null, null],
    [null, null, null, null, null, null],
    ["Verksamhet", "Bokslut 2013", "Budget 2014", "Budget 2015", "Plan 2016", "Plan 2017"],
    ["Nettokostnad totalt", ...SOCIAL_TOTAL.map(webText)],
    ...SOCIAL_ROWS.map(([l, ...v]) => [l, ...v.map(webText)]),
    [null, null, null, null, null, null],
    ["Antal årsarbetare", "212", "216", "219", "219", "220"],
    ["Antal platser HVB", "14", "14", "12", "12", "10"],
    ["Andel av kommunens nettokostnad, %", "18,2 %", "18,4 %", "18,1 %", "17,9 %", "17,8 %"],
    ["Investeringar", "2\u00a0500", "1\u00a0800", "3\u00a0000", "1\u00a0500", "1\u00a0500"],
  ];
  return { name: SOCIAL_SHEET, cells };
}

// ---- An årsredovisning's driftredovisning (mnkr, costs negative, totals above) ----

export const REDOVISNING_SHEET = "Driftredovisning";

/** Utfall 2012, Budget 2013, Utfall 2013 (mnkr, costs negative). */
export const REDOVISNING_NAMNDER: Array<{ namnd: string; rows: Array<[string, number, number, number]> }> = [
  {
    namnd: "Kommunstyrelsen",
    rows: [
      ["Politisk verksamhet", -8.2, -8.5, -8.3],
      ["Kommunledning och service", -62.3, -64.0, -63.1],
      ["Räddningstjänst", -27.9, -28.5, -29.2],
    ],
  },
  {
    namnd: "Barn- och utbildningsnämnden",
    rows: [
      ["Politisk verksamhet", -2.1, -2.2, -2.0],
      ["Förskola", -180.4, -185.0, -186.9],
      ["Grundskola", -290.0, -297.5, -295.8],
      ["Gymnasieskola", -140.0, -142.0, -144.6],
    ],
  },
  {
    namnd: "Socialnämnden",
    rows: [
      ["Politisk verksamhet", -1.6, -1.7, -1.6],
      ["Individ- och familjeomsorg", -61.0, -62.5, -66.4],
      ["Försörjningsstöd", -44.9, -46.0, -47.3],
      ["Sociala investeringar (projekt)", -1.5, -2.0, -1.8],
    ],
  },
  {
    namnd: "Tekniska nämnden",
    rows: [
      ["Politisk verksamhet", -0.9, -0.9, -0.9],
      ["Gata och park", -33.8, -35.0, -36.2],
      ["Fastighet", -11.5, -12.0, -11.1],
    ],
  },
];

export const REDOVISNING_ROWS: { totals: number[]; byLabel: Map<string, number>; grand: number } = { totals: [], byLabel: new Map(), grand: 0 };

function redovisningSheet(): SampleSheet {
  const cells: (number | string | null)[][] = [
    ["Årsredovisning 2013", null, null, null, null],
    ["Driftredovisning per nämnd, mnkr", null, null, null, null],
    [null, null, null, null, null],
    ["Nämnd / verksamhet", "Utfall 2012", "Budget 2013", "Utfall 2013", "Avvikelse"],
  ];
  const formats: (string | null)[][] = cells.map((r) => r.map(() => null));
  const push = (row: (number | string | null)[], numeric = true) => {
    cells.push(row);
    formats.push(row.map((_, c) => (numeric && c > 0 ? MNKR : null)));
    return cells.length;
  };
  const grand = [0, 0, 0];
  REDOVISNING_NAMNDER.forEach((n, k) => {
    // The nämnd's total, typed as values, above its rows; the deviation is outturn minus budget (costs negative).
    const t = [0, 1, 2].map((y) => round1(n.rows.reduce((s, r) => s + (r[y + 1] as number), 0)));
    t.forEach((v, y) => (grand[y] = round1(grand[y] + v)));
    REDOVISNING_ROWS.totals.push(push([n.namnd, t[0], t[1], t[2], round1(t[2] - t[1])]));
    for (const [label, a, b, c] of n.rows) REDOVISNING_ROWS.byLabel.set(`${n.namnd} – ${label}`, push([`  ${label}`, a, b, c, round1(c - b)]));
    if (k < REDOVISNING_NAMNDER.length - 1) push([null, null, null, null, null], false);
  });
  push([null, null, null, null, null], false);
  REDOVISNING_ROWS.grand = push(["Summa nämnder", grand[0], grand[1], grand[2], round1(grand[2] - grand[1])]);
  return { name: REDOVISNING_SHEET, cells, numberFormats: formats };
}

export const KOMMUN: SampleWorkbook = { sheets: [kommunSheet()] };
export const SOCIAL: SampleWorkbook = { sheets: [socialSheet()] };
export const REDOVISNING: SampleWorkbook = { sheets: [redovisningSheet()] };
