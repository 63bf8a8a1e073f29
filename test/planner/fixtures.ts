/** Small hand-made budgets for planner tests (the realistic sample lives in src/planner/samples.ts). */
import type { RangeSnapshot } from "../../src/host/host";
import { defaultInputs, ModelInputs } from "../../src/planner/inputs";
import { SampleWorkbook, sampleSnapshot } from "../../src/planner/samples";

/** A snapshot from a grid of values (text = values as strings, General format). */
export function snap(values: (number | string | boolean)[][], opts: Partial<RangeSnapshot> = {}): RangeSnapshot {
  return {
    sheet: "Blad1",
    address: "",
    row: 0,
    col: 0,
    values,
    formulas: values,
    numberFormats: values.map((r) => r.map(() => "General")),
    text: values.map((r) => r.map((v) => String(v))),
    mergedAreas: [],
    ...opts,
  };
}

/**
 * The hand-calculation budget: sheet "Budget 2025" in tkr. Projekt: 100 and 50 tkr (2025, 2026);
 * Placeringar: 0, 80, 80 tkr (2025–2027), the last year repeated in 2028.
 */
export const TINY: SampleWorkbook = {
  sheets: [
    {
      name: "Budget 2025",
      cells: [
        ["Belopp i tkr", null, null, null],
        ["Verksamhet", "Budget 2025", "Plan 2026", "Plan 2027"],
        ["Projekt", 100, 50, null],
        ["Placeringar", 0, 80, 80],
      ],
    },
  ],
};

export function tinySnapshot(): RangeSnapshot {
  return sampleSnapshot(TINY, "Budget 2025", "A1:D4");
}

export function tinyInputs(): ModelInputs {
  const inputs = defaultInputs("sv");
  inputs.title = "Handräknat";
  inputs.source = { sheet: "Budget 2025", address: "A1:D4", detectedUnit: "tkr", unitOverride: null, sign: "costsPositive" };
  inputs.rows = [
    { sheetRow: 2, label: "Projekt", role: "cost", actor: "son", share: 1, after: "zero" },
    { sheetRow: 3, label: "Placeringar", role: "gain", actor: "son", share: 1, after: "repeatLast" },
  ];
  inputs.horizon = 4;
  inputs.discount = { kind: "constant", rate: 0.1 };
  inputs.participants = 10;
  inputs.successProbability = 0.5;
  inputs.mandateYears = 2;
  return inputs;
}
