/**
 * Golden files: the plan for each sample, one cell per line, so that a change in the generated model is
 * reviewed in the diff, not missed. `UPDATE_GOLDEN=1 npx jest test/planner/golden` rewrites them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cellAddress } from "../../src/planner/a1";
import { readBudgetOrThrow } from "../../src/planner/budget";
import type { FormulaStyle, ModelInputs } from "../../src/planner/inputs";
import type { ModelPlan } from "../../src/planner/plan";
import { planModel } from "../../src/planner/planModel";
import { SAMPLES, sampleSnapshot } from "../../src/planner/samples";

const DIR = join(__dirname, "golden");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

/** A stable, reviewable text: JSON whose cells are keyed by A1 address, one per line, in reading order. */
export function goldenText(plan: ModelPlan): string {
  const lines: string[] = ["{"];
  lines.push(`  "modelKey": ${JSON.stringify(plan.modelKey)},`);
  lines.push(`  "names": [`);
  plan.names.forEach((n, i) => lines.push(`    ${JSON.stringify(n)}${i < plan.names.length - 1 ? "," : ""}`));
  lines.push(`  ],`);
  lines.push(`  "charts": [`);
  plan.charts.forEach((c, i) => lines.push(`    ${JSON.stringify(c)}${i < plan.charts.length - 1 ? "," : ""}`));
  lines.push(`  ],`);
  lines.push(`  "sheets": [`);
  plan.sheets.forEach((s, si) => {
    const { blocks, ...meta } = s;
    lines.push(`    {`);
    lines.push(`      "meta": ${JSON.stringify(meta)},`);
    lines.push(`      "cells": {`);
    const cells: Array<[number, number, string]> = [];
    for (const b of blocks) {
      b.cells.forEach((row, i) =>
        row.forEach((v, j) => {
          const fmt = typeof b.numberFormat === "string" ? b.numberFormat : b.numberFormat?.[i]?.[j];
          const entry = fmt === undefined ? [v, b.style ?? null] : [v, b.style ?? null, fmt];
          cells.push([b.row + i, b.col + j, `"${cellAddress(b.row + i, b.col + j)}": ${JSON.stringify(entry)}`]);
        }),
      );
    }
    cells.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    cells.forEach((c, i) => lines.push(`        ${c[2]}${i < cells.length - 1 ? "," : ""}`));
    lines.push(`      }`);
    lines.push(`    }${si < plan.sheets.length - 1 ? "," : ""}`);
  });
  lines.push(`  ]`);
  lines.push("}");
  return lines.join("\n") + "\n";
}

const cases: Array<[string, string, FormulaStyle, "sv" | "en"]> = [
  ["plain-portable-sv", "plain", "portable", "sv"],
  ["plain-addin-en", "plain", "addin", "en"],
  ["norrkoping-portable-sv", "norrkoping", "portable", "sv"],
  ["malmo-portable-sv", "malmo", "portable", "sv"],
  ["ale-addin-sv", "ale", "addin", "sv"],
  ["individual-portable-sv", "individual", "portable", "sv"],
];

describe("golden plans", () => {
  test.each(cases)("%s", (file, id, style, lang) => {
    const s = SAMPLES.find((x) => x.id === id)!;
    const inputs: ModelInputs = { ...s.inputs, formulaStyle: style, language: lang };
    const block = readBudgetOrThrow(sampleSnapshot(s.workbook, s.selection.sheet, s.selection.address));
    const r = planModel(inputs, block, { sheetNames: s.workbook.sheets.map((x) => x.name), names: [] });
    if (!r.ok) throw new Error(r.error.en);
    const text = goldenText(r.plan);
    JSON.parse(text); // the golden file is valid JSON
    const path = join(DIR, `${file}.json`);
    if (UPDATE || !existsSync(path)) {
      mkdirSync(DIR, { recursive: true });
      writeFileSync(path, text);
      if (!UPDATE) throw new Error(`${path} was missing and has been written; review it and run again`);
    }
    expect(text).toBe(readFileSync(path, "utf8"));
  });
});
