/**
 * Test helper: loads a plan and the workbook it was planned for into the real formula engine (the one
 * behind `npm run calc`), with the plan's names, and reads back computed values.
 */
import type { HyperFormula } from "hyperformula";
import { createEngine, toJsonValue } from "../../src/engine/formula-engine";
import { parseRange } from "../../src/planner/a1";
import { planGrids } from "../../src/planner/layout";
import type { ModelPlan } from "../../src/planner/plan";
import type { SampleWorkbook } from "../../src/planner/samples";

export interface Evaluated {
  hf: HyperFormula;
  /** Value of a sheet-qualified cell: 'Sheet'!$B$5 or 'Sheet'!B5. */
  value: (ref: string) => unknown;
  /** Values of a sheet-qualified one-row range. */
  row: (ref: string) => unknown[];
}

function splitRef(ref: string): { sheet: string; address: string } {
  const i = ref.lastIndexOf("!");
  let sheet = ref.slice(0, i);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: ref.slice(i + 1).replace(/\$/g, "") };
}

/** Loads the workbook and the plan into the formula engine, with the plan's names, as a host would. */
export function evaluatePlan(plan: ModelPlan, workbook: SampleWorkbook): Evaluated {
  const sheets: Record<string, unknown[][]> = {};
  for (const s of workbook.sheets) sheets[s.name] = s.cells.map((r) => r.map((c) => (c === null ? null : c)));
  for (const [name, grid] of Object.entries(planGrids(plan))) {
    if (sheets[name]) throw new Error(`plan sheet ${name} exists in the workbook`);
    sheets[name] = grid;
  }
  const hf = createEngine(sheets);
  for (const n of plan.names) hf.addNamedExpression(n.name, n.refersTo);
  const sheetId = (name: string) => {
    const id = hf.getSheetId(name);
    if (id === undefined) throw new Error(`no sheet ${name}`);
    return id;
  };
  const value = (ref: string) => {
    const { sheet, address } = splitRef(ref);
    const p = parseRange(address);
    return toJsonValue(hf.getCellValue({ sheet: sheetId(sheet), row: p.row, col: p.col }));
  };
  const row = (ref: string) => {
    const { sheet, address } = splitRef(ref);
    const p = parseRange(address);
    const out: unknown[] = [];
    for (let c = p.col; c < p.col + p.cols; c++) out.push(toJsonValue(hf.getCellValue({ sheet: sheetId(sheet), row: p.row, col: c })));
    return out;
  };
  return { hf, value, row };
}
