/**
 * Hand-made model plans of any size for the host tests: shaped like the planner's (a model sheet with a
 * title, an assumptions block, a flows block referring to budget cells, a summary, a chart; a hidden
 * settings sheet; names carrying the model key), so the host is tested independently of the planner.
 */
import type { ModelPlan, PlannedCell } from "../../src/planner/plan";
import { settingsSheetPlan } from "../../src/planner/storage";

export function samplePlan(modelKey: string, rows: number, opts: { sheet?: string; years?: number } = {}): ModelPlan {
  const sheetName = opts.sheet ?? `Modell ${modelKey}`;
  const years = opts.years ?? 5;
  const q = `'${sheetName.replace(/'/g, "''")}'`;
  const header: PlannedCell[] = ["Rad / Row", "Aktör / Actor", ...Array.from({ length: years }, (_, i) => 2025 + i)];
  const flows: PlannedCell[][] = Array.from({ length: rows }, (_, r) => [
    `Rad ${r + 1}`,
    r % 2 ? "Regionen" : "Socialnämnden",
    ...Array.from({ length: years }, (_, y) => `='Budget 2025'!${String.fromCharCode(67 + y)}${r + 5}*${modelKey}_unit`),
  ]);
  const settings = JSON.stringify({ version: 1, modelKey, rows, note: "x".repeat(40000) });
  return {
    modelKey,
    sheets: [
      {
        name: sheetName,
        blocks: [
          { row: 0, col: 0, cells: [["Social investering / Social investment"]], style: "title" },
          {
            row: 3,
            col: 0,
            cells: [
              ["Ränta", 0.035],
              ["Enhet", 1000000],
            ],
            numberFormat: [
              ["@", "0.0%"],
              ["@", "#,##0"],
            ],
            style: "input",
          },
          { row: 5, col: 0, cells: [header], style: "header" },
          { row: 6, col: 0, cells: flows, numberFormat: "#,##0;-#,##0", style: "calc" },
          {
            row: 7 + rows,
            col: 0,
            cells: [
              ["Nuvärde / NPV", null, `=NPV(${modelKey}_rate,C7:C${6 + rows})`],
              ["'=not a formula", null, null],
            ],
            style: "output",
          },
        ],
        columnWidths: [
          { col: 0, width: 160 },
          { col: 1, width: 120 },
        ],
        freeze: { rows: 6, cols: 2 },
        tabColor: "#1F4E79",
      },
      settingsSheetPlan(modelKey, [sheetName], [`${modelKey}_rate`, `${modelKey}_unit`], settings),
    ],
    names: [
      { name: `${modelKey}_rate`, refersTo: `=${q}!$B$4`, comment: "Diskonteringsränta / discount rate" },
      { name: `${modelKey}_unit`, refersTo: `=${q}!$B$5` },
    ],
    charts: [
      {
        sheet: sheetName,
        kind: "line",
        title: { sv: "Ackumulerat netto per aktör", en: "Cumulative net by actor" },
        dataAddress: `A6:${String.fromCharCode(66 + years)}${Math.min(6 + rows, 12)}`,
        seriesBy: "rows",
        anchor: { row: 2, col: years + 4, rows: 15, cols: 8 },
      },
    ],
  };
}
