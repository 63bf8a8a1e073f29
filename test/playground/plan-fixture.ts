/**
 * A small hand-written ModelPlan over the fixture budget, shaped like the planner's: a model sheet whose
 * flows refer to budget cells, named assumptions, a discount row, an NPV, a chart, and the hidden settings
 * sheet. The numbers it must produce are worked out by hand in the tests.
 */
import { BUDGET_SHEET } from "./fixture-budget";
import type { ModelPlan } from "../../src/planner/plan";
import { settingsSheetPlan } from "../../src/planner/storage";

/** `rowsOfFlows` extra rows of zeros make big plans for the constant-operations test. */
export function fixturePlan(opts: { key?: string; sheet?: string; costRow: number; gainRow: number; rowsOfFlows?: number }): ModelPlan {
  const key = opts.key ?? "SI1";
  const sheet = opts.sheet ?? `Modell ${key}`;
  const q = `'${sheet.replace(/'/g, "''")}'`;
  const b = `'${BUDGET_SHEET}'`;
  const cost = opts.costRow + 1;
  const gain = opts.gainRow + 1;
  const extra = Array.from({ length: opts.rowsOfFlows ?? 0 }, (_, i) => [`Rad ${i + 1}`, 0, 0, 0, 0]);
  return {
    modelKey: key,
    sheets: [
      {
        name: sheet,
        columnWidths: [{ col: 0, width: 200 }],
        blocks: [
          { row: 0, col: 0, cells: [["Social investering (test)"]], style: "title" },
          {
            row: 3,
            col: 0,
            cells: [
              ["Diskonteringsränta", 0.035],
              ["Enhet (kr per mnkr)", 1000000],
            ],
            numberFormat: [
              ["General", "0.0%"],
              ["General", "#,##0"],
            ],
            style: "input",
          },
          { row: 5, col: 0, cells: [["'=Flöden (kr)", 2024, 2025, 2026, 2027]], style: "header" },
          {
            row: 6,
            col: 0,
            cells: [
              ["Kostnad", ...["B", "C", "D", "E"].map((c) => `=-${b}!${c}${cost}*0.1*${key}_Unit`)],
              ["Undviken kostnad", ...["B", "C", "D", "E"].map((c) => `=${b}!${c}${gain}*0.05*${key}_Unit`)],
              ["Netto", "=B7+B8", "=C7+C8", "=D7+D8", "=E7+E8"],
              ...extra,
            ],
            numberFormat: "#,##0;-#,##0",
            style: "calc",
          },
          { row: 10 + (opts.rowsOfFlows ?? 0), col: 0, cells: [["Nuvärde", `=NPV(${key}_Rate,B9:E9)`]], numberFormat: "#,##0", style: "output" },
        ],
      },
      settingsSheetPlan(key, [sheet], [`${key}_Rate`, `${key}_Unit`], JSON.stringify({ title: "test", rows: [opts.costRow, opts.gainRow] })),
    ],
    names: [
      { name: `${key}_Rate`, refersTo: `=${q}!$B$4` },
      { name: `${key}_Unit`, refersTo: `=${q}!$B$5` },
    ],
    charts: [
      {
        sheet,
        kind: "line",
        title: { sv: "Netto per år", en: "Net per year" },
        dataAddress: "A6:E9",
        seriesBy: "rows",
        anchor: { row: 12, col: 0, rows: 12, cols: 6 },
      },
    ],
  };
}
