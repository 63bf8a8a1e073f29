/**
 * A small Swedish driftbudget in the fake Excel: title row with the unit, a blank row, Bokslut/Budget/Plan
 * years, two nämnder with verksamheter and sum rows (mnkr, one decimal). Used by the actions test and the
 * browser test of the pane.
 */
import { FakeWorkbook, grid, sheet, workbook } from "../host/fake-excel";

export const BUDGET_SHEET = "Driftbudget 2025";

export const BUDGET = [
  ["Driftbudget per nämnd och verksamhet, nettokostnad (belopp i mnkr)", "", "", "", ""],
  ["", "", "", "", ""],
  ["Nämnd / verksamhet", "Bokslut 2024", "Budget 2025", "Plan 2026", "Plan 2027"],
  ["Socialnämnden", "", "", "", ""],
  ["Placeringar barn och unga", 96.3, 99.5, 101.5, 103.5],
  ["Försörjningsstöd", 78.9, 81.2, 82.8, 84.5],
  ["Summa socialnämnden", 175.2, 180.7, 184.3, 188],
  ["Kultur- och fritidsnämnden", "", "", "", ""],
  ["Fritidsgårdar", 18.2, 18.9, 19.3, 19.7],
  ["Summa kultur- och fritidsnämnden", 18.2, 18.9, 19.3, 19.7],
];

export function budgetBook(): FakeWorkbook {
  return workbook([sheet(BUDGET_SHEET, grid(0, 0, BUDGET)), sheet("Egna anteckningar", grid(0, 0, [["Hej", 1]]))], {
    selection: { sheet: BUDGET_SHEET, address: "C6" },
    names: [{ name: "Skattesats", refersTo: "=0.2135" }],
  });
}
