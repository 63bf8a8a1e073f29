/**
 * Builds the model plan from a resolved model: chooses the key and the sheet's name, lays the sheet out
 * (layout.ts), lets each section write its cells in sheet order, and adds the charts, the settings sheet
 * and the addresses of the key cells.
 */
import type { PlannerMessage } from "../messages";
import type { ModelPlan, SheetPlan } from "../plan";
import type { ResolvedModel } from "../resolve";
import { settingsSheetPlan } from "../storage";
import { writeActorTable } from "./actorTable";
import { writeAssumptions } from "./assumptions";
import { writeByActor } from "./byActor";
import { modelCharts } from "./charts";
import { dialectFor } from "./dialect";
import { writeFund } from "./fund";
import { writeGrossNet } from "./grossNet";
import { writeHeading } from "./heading";
import { writeInputCheck } from "./inputCheck";
import { KeyCells, keyCells } from "./keyCells";
import { COL, layoutSheet } from "./layout";
import { writeLines } from "./lines";
import { writeResults } from "./results";
import { StoredSettings, storedSettings } from "./settings";
import { sheetContext } from "./sheet";
import { translator } from "./texts";
import { writeTimeline } from "./timeline";
import { writeTotals } from "./totals";
import { writeTypicalIndividual } from "./typicalIndividual";
import { modelWarnings, warningRowCount, writeWarnings } from "./warnings";
import { WorkbookFacts, chooseModelKey, modelSheetName } from "./workbook";

export interface PlanOutput {
  plan: ModelPlan;
  settings: StoredSettings;
  settingsJson: string;
  notes: PlannerMessage[];
  keyCells: KeyCells;
}

/** Column widths of the model sheet, in points. */
const WIDTHS = { actor: 210, source: 120, share: 95, after: 100, label: 230, year: 78 };

export function buildPlan(m: ResolvedModel, facts: WorkbookFacts): PlanOutput {
  const dialect = dialectFor(m.inputs.formulaStyle);
  const notes: PlannerMessage[] = [...m.notes];
  const styleNote = dialect.styleNote();
  if (styleNote) notes.push(styleNote);

  const key = chooseModelKey(facts);
  const sheet = modelSheetName(facts, key, m.inputs.title.trim() || translator(m.inputs.language)("model"));
  const warnings = modelWarnings(m);
  const layout = layoutSheet(m, dialect, warningRowCount(warnings, m.inputs.language, translator(m.inputs.language)("warningsWhy")));
  const { ctx, out } = sheetContext(m, layout, dialect, key, sheet);

  // Top to bottom: the order of the sections is the order of the blocks and names in the plan.
  writeHeading(ctx);
  writeWarnings(ctx, warnings);
  writeAssumptions(ctx);
  writeResults(ctx);
  writeActorTable(ctx);
  writeGrossNet(ctx);
  writeTypicalIndividual(ctx);
  writeTimeline(ctx);
  writeLines(ctx);
  writeByActor(ctx);
  writeTotals(ctx);
  writeFund(ctx);
  writeInputCheck(ctx);

  const modelSheet: SheetPlan = {
    name: sheet,
    blocks: out.blocks,
    columnWidths: [
      { col: COL.actor, width: WIDTHS.actor },
      { col: COL.source, width: WIDTHS.source },
      { col: COL.share, width: WIDTHS.share },
      { col: COL.after, width: WIDTHS.after },
      { col: COL.label, width: WIDTHS.label },
      ...m.years.map((_, i) => ({ col: COL.firstYear + i, width: WIDTHS.year })),
    ],
    tabColor: "#1F6E43",
  };
  const settings = storedSettings(m, key, sheet);
  const settingsJson = JSON.stringify(settings);
  const plan: ModelPlan = {
    modelKey: key,
    sheets: [
      modelSheet,
      settingsSheetPlan(
        key,
        [sheet],
        out.names.map((n) => n.name),
        settingsJson,
      ),
    ],
    names: out.names,
    charts: modelCharts(ctx),
  };
  return { plan, settings, settingsJson, notes, keyCells: keyCells(ctx) };
}
