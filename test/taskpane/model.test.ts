/** The pane's pure logic: actor guesses, row choices kept across re-reads, roles, actors, stored settings. */
import type { BudgetBlock, BudgetRow } from "../../src/planner/budget";
import { BUILTIN_ACTORS, defaultInputs } from "../../src/planner/inputs";
import {
  addActor,
  guessActor,
  hasLines,
  parseStoredSettings,
  rowChoicesFor,
  setRowRole,
  splitRef,
  startFromTemplate,
  toPaneMessage,
  updateRow,
  withBlock,
} from "../../src/taskpane/model";
import { HostError } from "../../src/host/host";

function row(sheetRow: number, label: string, group: string | null, kind: BudgetRow["kind"] = "data"): BudgetRow {
  return { sheetRow, kind, labels: [label], label, group, cells: [] };
}

function block(rows: BudgetRow[]): BudgetBlock {
  return {
    sheet: "Driftbudget",
    address: "A4:E20",
    headerRow: 3,
    years: [],
    labelCols: [0],
    unit: "mnkr",
    unitSource: "A1",
    suggestedSign: "costsPositive",
    rows,
    notes: [],
  };
}

describe("guessActor", () => {
  test.each([
    [row(5, "Förskola", "Barn- och utbildningsnämnden"), "bun"],
    [row(6, "Försörjningsstöd", "Socialnämnden"), "son"],
    [row(7, "Fritidsgårdar", "Kultur- och fritidsnämnden"), "kfn"],
    [row(8, "Arbetsmarknadsinsatser", "Arbetsmarknadsnämnden"), "amn"],
    [row(9, "Socialnämnden totalt", null), "son"],
    [row(10, "Okänd verksamhet", "Tekniska nämnden"), "bun"], // no match: the first kommun actor
  ])("%o -> %s", (r, id) => {
    expect(guessActor(r, BUILTIN_ACTORS)).toBe(id);
  });
});

describe("row choices", () => {
  const b = block([
    row(4, "Barn- och utbildningsnämnden", null, "heading"),
    row(5, "Förskola", "Barn- och utbildningsnämnden"),
    row(6, "Grundskola", "Barn- och utbildningsnämnden"),
    row(7, "Summa barn- och utbildningsnämnden", "Barn- och utbildningsnämnden", "sum"),
  ]);

  test("one choice per data and sum row, all ignored at first; headings get none", () => {
    const inputs = withBlock(defaultInputs("sv"), b);
    expect(inputs.rows.map((r) => [r.sheetRow, r.role, r.actor])).toEqual([
      [5, "ignore", "bun"],
      [6, "ignore", "bun"],
      [7, "ignore", "bun"],
    ]);
    expect(inputs.source).toMatchObject({ sheet: "Driftbudget", address: "A4:E20", detectedUnit: "mnkr", unitOverride: null });
    expect(hasLines(inputs)).toBe(false);
  });

  test("a role sets the default for years after the budget; reading the block again keeps the choices", () => {
    let inputs = withBlock(defaultInputs("sv"), b);
    inputs = setRowRole(inputs, 5, "cost");
    inputs = setRowRole(inputs, 6, "gain");
    inputs = updateRow(inputs, 6, { share: 0.25, actor: "son" });
    expect(inputs.rows.find((r) => r.sheetRow === 5)).toMatchObject({ role: "cost", after: "zero" });
    expect(inputs.rows.find((r) => r.sheetRow === 6)).toMatchObject({ role: "gain", after: "repeatLast", share: 0.25, actor: "son" });
    expect(hasLines(inputs)).toBe(true);
    const again = rowChoicesFor(b, inputs);
    expect(again).toEqual(inputs.rows);
    // A row whose label changed is not the same row any more: its choice is dropped.
    const moved = block([row(5, "Förskola (ny)", "Barn- och utbildningsnämnden")]);
    expect(rowChoicesFor(moved, inputs)[0]).toMatchObject({ role: "ignore", label: "Förskola (ny)" });
  });

  test("a template keeps rows, actors and title", () => {
    let inputs = withBlock(defaultInputs("sv"), b);
    inputs = setRowRole({ ...inputs, title: "Tidiga insatser" }, 5, "cost");
    const t = startFromTemplate("norrkoping", inputs);
    expect(t.template).toBe("norrkoping");
    expect(t.fund.rule).toBe("savings");
    expect(t.rows).toEqual(inputs.rows);
    expect(t.title).toBe("Tidiga insatser");
  });
});

describe("actors", () => {
  test("a new actor is added once; empty and duplicate names are refused", () => {
    const inputs = defaultInputs("sv");
    const r = addActor(inputs, "  Fastighetsbolaget  ");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.actor).toMatchObject({ label: { sv: "Fastighetsbolaget", en: "Fastighetsbolaget" }, userAdded: true });
    expect(r.inputs.actors.length).toBe(inputs.actors.length + 1);
    expect(addActor(r.inputs, "fastighetsbolaget")).toEqual({ ok: false, reason: "duplicate" });
    expect(addActor(r.inputs, "Socialnämnden")).toEqual({ ok: false, reason: "duplicate" });
    expect(addActor(r.inputs, "   ")).toEqual({ ok: false, reason: "empty" });
  });
});

describe("stored settings and messages", () => {
  test("only our settings are read back", () => {
    const s = { format: "socinv-model", version: 1, plannerVersion: "1", modelKey: "SI1", sheets: ["SI1 X"], inputs: defaultInputs(), budget: null };
    expect(parseStoredSettings(JSON.stringify(s))).toEqual(s);
    expect(parseStoredSettings("{not json")).toBeNull();
    expect(parseStoredSettings(JSON.stringify({ title: "test" }))).toBeNull();
  });

  test("errors become bilingual messages", () => {
    const e = new HostError("Bladet finns", "The sheet exists", "exists");
    expect(toPaneMessage(e)).toEqual({ sv: "Bladet finns", en: "The sheet exists", severity: "error" });
    expect(toPaneMessage(new Error("boom"))).toMatchObject({ sv: "Oväntat fel: boom", en: "Unexpected error: boom" });
  });

  test("key-cell references split into sheet and address", () => {
    expect(splitRef("'SI1 Social investering'!$C$12")).toEqual({ sheet: "SI1 Social investering", address: "C12" });
    expect(splitRef("='Kim''s'!B2:C3")).toEqual({ sheet: "Kim's", address: "B2:C3" });
    expect(splitRef("Blad1!A1")).toEqual({ sheet: "Blad1", address: "A1" });
    expect(splitRef("A1")).toBeNull();
  });
});
