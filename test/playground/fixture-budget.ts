/**
 * A small Swedish driftbudget for the playground's unit tests (the page ships the planner's samples,
 * src/planner/samples.ts): four nämnder with verksamheter and a sum row each (SUM
 * formulas, as in a real budget file), Bokslut 2024, Budget 2025, Plan 2026 and Plan 2027, net costs in
 * mnkr with one decimal; negative numbers (revenue) shown with a dash.
 */
import type { SheetData, CellInput } from "../../playground/workbook";

export const BUDGET_SHEET = "Driftbudget";
/** Net costs in mnkr, per verksamhet: Bokslut 2024, Budget 2025, Plan 2026, Plan 2027. */
const NAMNDER: Array<{ name: string; rows: Array<[string, number, number, number, number]> }> = [
  {
    name: "Barn- och utbildningsnämnden",
    rows: [
      ["Förskola", 412.6, 425.3, 433.8, 442.5],
      ["Grundskola", 861.2, 884.9, 902.6, 920.7],
      ["Gymnasieskola", 298.4, 309.1, 315.3, 321.6],
      ["Elevhälsa", 54.7, 57.2, 58.3, 59.5],
    ],
  },
  {
    name: "Socialnämnden",
    rows: [
      ["Individ- och familjeomsorg", 141.8, 146.0, 148.9, 151.9],
      ["Placeringar barn och unga (HVB, familjehem)", 96.3, 99.5, 101.5, 103.5],
      ["Försörjningsstöd", 78.9, 81.2, 82.8, 84.5],
      ["Missbruks- och beroendevård vuxna", 38.4, 39.6, 40.4, 41.2],
    ],
  },
  {
    name: "Kultur- och fritidsnämnden",
    rows: [
      ["Fritidsgårdar", 18.2, 18.9, 19.3, 19.7],
      ["Bibliotek", 31.5, 32.4, 33.0, 33.7],
      ["Avgifter och hyresintäkter", -6.1, -6.3, -6.4, -6.5],
    ],
  },
  {
    name: "Arbetsmarknadsnämnden",
    rows: [
      ["Arbetsmarknadsinsatser", 44.9, 46.3, 47.2, 48.1],
      ["Vuxenutbildning", 62.0, 63.8, 65.1, 66.4],
    ],
  },
];

export const MNKR_FORMAT = "#,##0.0;-#,##0.0";
/** As Swedish users type it: space groups, decimal comma, en-dash negatives. */
export const MNKR_DASH_FORMAT = "# ##0,0;–# ##0,0";

export interface BudgetLayout {
  /** 0-based row of the year header. */
  headerRow: number;
  /** Rows of verksamheter (0-based), by nämnd. */
  activityRows: Record<string, number[]>;
  /** Sum row of each nämnd. */
  sumRows: Record<string, number>;
  /** The block a user selects: header to the last sum row, label column to the last year. */
  blockAddress: string;
  lastRow: number;
}

export function fixtureBudget(): { sheet: SheetData; layout: BudgetLayout } {
  const rows: Array<Array<CellInput | null>> = [];
  const formats: Array<Array<string | null>> = [];
  const styles: SheetData["styles"] = [];
  const push = (r: Array<CellInput | null>, f: string | null = null, bold = false) => {
    rows.push(r);
    formats.push(r.map((_, i) => (i > 0 ? f : null)));
    styles.push(r.map(() => (bold ? { bold: true } : null)));
  };
  push(["Driftbudget per nämnd och verksamhet, nettokostnad (belopp i mnkr)"], null, true);
  push(["Kommunfullmäktiges beslut 2024-11-25"]);
  push([]);
  const headerRow = rows.length;
  push(["Nämnd / verksamhet", "Bokslut 2024", "Budget 2025", "Plan 2026", "Plan 2027"], null, true);
  const activityRows: Record<string, number[]> = {};
  const sumRows: Record<string, number> = {};
  for (const n of NAMNDER) {
    push([n.name], null, true);
    const first = rows.length;
    activityRows[n.name] = [];
    for (const [label, ...years] of n.rows) {
      activityRows[n.name].push(rows.length);
      push([label, ...years], MNKR_DASH_FORMAT);
    }
    const last = rows.length - 1;
    sumRows[n.name] = rows.length;
    const col = (c: number) => "BCDE"[c];
    push(
      [`Summa ${n.name.charAt(0).toLowerCase()}${n.name.slice(1)}`, ...[0, 1, 2, 3].map((c) => `=SUM(${col(c)}${first + 1}:${col(c)}${last + 1})`)],
      MNKR_DASH_FORMAT,
      true,
    );
  }
  const lastRow = rows.length - 1;
  return {
    sheet: {
      name: BUDGET_SHEET,
      rows,
      formats,
      styles,
      columnWidths: [260, 80, 80, 80, 80],
      freeze: { rows: headerRow + 1, cols: 1 },
    },
    layout: { headerRow, activityRows, sumRows, blockAddress: `A${headerRow + 1}:E${lastRow + 1}`, lastRow },
  };
}
