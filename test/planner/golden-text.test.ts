/** The golden files' text form says everything the plan says (golden-text.ts). */
import fc from "fast-check";
import { readBudgetOrThrow } from "../../src/planner/budget";
import type { ModelPlan } from "../../src/planner/plan";
import { planModel } from "../../src/planner/planModel";
import { SAMPLES, sampleSnapshot } from "../../src/planner/samples";
import { goldenText, pretty } from "./golden-text";

function samplePlan(): ModelPlan {
  const s = SAMPLES.find((x) => x.id === "malmo")!;
  const block = readBudgetOrThrow(sampleSnapshot(s.workbook, s.selection.sheet, s.selection.address));
  const r = planModel(s.inputs, block, { sheetNames: s.workbook.sheets.map((x) => x.name), names: [] });
  if (!r.ok) throw new Error(r.error.en);
  return r.plan;
}

describe("golden text", () => {
  test("pretty-printed JSON reads back as the same JSON, for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 12 }), (v, indent) => {
        expect(JSON.stringify(JSON.parse(pretty(v, indent)))).toBe(JSON.stringify(v));
      }),
    );
  });

  test("the settings sheet's JSON is shown pretty-printed, and is the JSON the plan stores", () => {
    const plan = samplePlan();
    const text = goldenText(plan);
    const golden = JSON.parse(text) as { sheets: Array<{ cells: Record<string, unknown>; settings?: { at: string; cells: number; json: unknown } }> };
    const settings = golden.sheets[1];
    expect(settings.settings?.at).toBe("A2");
    expect(settings.settings?.cells).toBe(1);
    expect(settings.cells.A2).toBeUndefined();
    const stored = plan.sheets[1].blocks.find((b) => b.row === 1)!.cells[0][0] as string;
    expect("'" + JSON.stringify(settings.settings?.json)).toBe(stored);
    // One member per line: the model key has a line of its own.
    expect(text).toContain('\n          "modelKey": "SI1",\n');
  });

  test("settings cells that are not exactly what storage.ts writes are shown as cells, not pretty-printed", () => {
    const plan = samplePlan();
    const block = plan.sheets[1].blocks.find((b) => b.row === 1)!;
    const stored = block.cells[0][0] as string;
    block.cells[0][0] = stored.replace('{"format"', '{ "format"'); // same JSON, other text
    const golden = JSON.parse(goldenText(plan)) as { sheets: Array<{ cells: Record<string, unknown[]>; settings?: unknown }> };
    expect(golden.sheets[1].settings).toBeUndefined();
    expect(golden.sheets[1].cells.A2[0]).toBe(block.cells[0][0]);
  });

  test("without pretty settings the text is the plain cell list", () => {
    const plan = samplePlan();
    const golden = JSON.parse(goldenText(plan, { prettySettings: false })) as { sheets: Array<{ cells: Record<string, unknown[]>; settings?: unknown }> };
    expect(golden.sheets[1].settings).toBeUndefined();
    expect(golden.sheets[1].cells.A2[0]).toBe(plan.sheets[1].blocks.find((b) => b.row === 1)!.cells[0][0]);
  });
});
