/**
 * The sample workbooks on the playground's menu, shipped as data in the bundle: the planner's samples
 * (src/planner/samples.ts): the Swedish driftbudget, and one workbook per task-pane template with the
 * budget block pre-selected.
 */
import type { TemplateId } from "../src/planner/inputs";
import { SAMPLES, SAMPLE_DRIFTBUDGET, SampleWorkbook, BUDGET_SELECTION, BUDGET_SHEET } from "../src/planner/samples";
import type { Bilingual } from "./text";
import { CellInput, NameEntry, SheetData, asTextInput } from "./workbook";

export interface PlaygroundSample {
  id: string;
  label: Bilingual;
  sheets: SheetData[];
  names?: NameEntry[];
  /** The template the sample is meant for, if any. */
  template?: TemplateId;
  /** The budget block, selected when the sample opens. */
  block?: { sheet: string; address: string };
}

function toSheets(wb: SampleWorkbook): SheetData[] {
  return wb.sheets.map((s) => ({
    name: s.name,
    rows: s.cells.map((row) => row.map((v): CellInput | null => (typeof v === "string" && !v.startsWith("=") ? asTextInput(v) : v))),
    formats: s.numberFormats,
    merges: s.merged,
    // Label columns wide enough to read, number columns narrower, as a finance officer would set them;
    // the title rows above the first block run on over empty cells and do not count.
    columnWidths: (s.cells[0] ?? []).map((_, c) => {
      const body = s.cells.slice(2).map((r) => r[c]);
      const labels = body.filter((v): v is string => typeof v === "string" && !v.startsWith("="));
      const numbers = body.filter((v) => typeof v === "number" || (typeof v === "string" && v.startsWith("="))).length;
      if (numbers > labels.length) return 70;
      return Math.min(240, Math.max(60, Math.max(0, ...labels.map((l) => l.length)) * 5.6));
    }),
    styles: s.cells.map((row, r) => row.map(() => (r === 0 ? { bold: true, size: 13 } : null))),
  }));
}

export function playgroundSamples(): PlaygroundSample[] {
  return [
    {
      id: "driftbudget",
      label: { sv: "Driftbudget 2025 (exempelkommun, mnkr)", en: "Operating budget 2025 (sample municipality, SEK m)" },
      sheets: toSheets(SAMPLE_DRIFTBUDGET),
      block: { sheet: BUDGET_SHEET, address: BUDGET_SELECTION },
    },
    ...SAMPLES.map((s) => ({
      id: `template-${s.id}`,
      label: { sv: `Mall: ${s.label.sv}`, en: `Template: ${s.label.en}` },
      sheets: toSheets(s.workbook),
      template: s.id,
      block: s.selection,
    })),
  ];
}
