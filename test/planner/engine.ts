/**
 * Test helper: loads a plan and the workbook it was planned for into the real formula engine (the one
 * behind `npm run calc`), with the plan's names, and reads back computed values.
 */
import type { HyperFormula } from "hyperformula";
import { createEngine, toJsonValue } from "../../src/engine/formula-engine";
import { parseRange } from "../../src/planner/a1";
import { readBudgetOrThrow } from "../../src/planner/budget";
import { ModelResult, computeModel } from "../../src/planner/compute";
import type { ModelInputs } from "../../src/planner/inputs";
import { planGrids } from "../../src/planner/layout";
import type { ModelPlan } from "../../src/planner/plan";
import { PlanOutput, planModel } from "../../src/planner/planModel";
import { SampleWorkbook, sampleSnapshot } from "../../src/planner/samples";

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

/** A plan, the core's numbers for the same inputs, and the plan evaluated in the engine. */
export interface Built {
  out: PlanOutput;
  result: ModelResult;
  ev: Evaluated;
}

/** Reads the budget block, plans the model and computes it with the core; throws on a refusal. */
export function build(inputs: ModelInputs, wb: SampleWorkbook, sheet: string, address: string, contextText?: string[]): Built {
  const block = readBudgetOrThrow(sampleSnapshot(wb, sheet, address), { contextText });
  const planned = planModel(inputs, block, { sheetNames: wb.sheets.map((s) => s.name), names: [] });
  if (!planned.ok) throw new Error(planned.error.en);
  const computed = computeModel(inputs, block);
  if (!computed.ok) throw new Error(computed.error.en);
  return { out: planned, result: computed.result, ev: evaluatePlan(planned.plan, wb) };
}

/** Equal to within 1e-9 relative (the portable style multiplies discount factors up where the core uses powers). */
export function close(actual: unknown, expected: number | null, what: string): void {
  if (expected === null) {
    expect([what, typeof actual]).toEqual([what, "string"]); // shown as text: "—" or "Not within the horizon"
    return;
  }
  if (typeof actual !== "number") throw new Error(`${what}: expected ${expected}, got ${JSON.stringify(actual)}`);
  const tol = 1e-9 * Math.max(1, Math.abs(expected));
  if (Math.abs(actual - expected) > tol) throw new Error(`${what}: expected ${expected}, got ${actual}`);
}

export function closeRow(actual: unknown[], expected: number[], what: string): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((x, i) => close(actual[i], x, `${what}[${i}]`));
}
