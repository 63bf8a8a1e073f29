/** The pane's pure logic: actor guesses, row choices kept across re-reads, roles, actors, stored settings. */
import type { BudgetBlock, BudgetRow, YearKind } from "../../src/planner/budget";
import { computeModel } from "../../src/planner/compute";
import { BUILTIN_ACTORS, ModelInputs, defaultInputs, lacksShare } from "../../src/planner/inputs";
import { planModel } from "../../src/planner/planModel";
import {
  addActor,
  amountsText,
  rowAmounts,
  startYearHint,
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
    [row(10, "Okänd verksamhet", "Tekniska nämnden"), ""], // a nämnd not among the actors: none, never a silent default
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

  test("a role keeps nothing after the budget's years; reading the block again keeps the choices", () => {
    let inputs = withBlock(defaultInputs("sv"), b);
    inputs = setRowRole(inputs, 5, "cost");
    inputs = setRowRole(inputs, 6, "gain");
    inputs = updateRow(inputs, 6, { share: 0.25, actor: "son" });
    expect(inputs.rows.find((r) => r.sheetRow === 5)).toMatchObject({ role: "cost", after: "zero", share: 1 });
    expect(inputs.rows.find((r) => r.sheetRow === 6)).toMatchObject({ role: "gain", after: "zero", share: 0.25, actor: "son" });
    expect(hasLines(inputs)).toBe(true);
    const again = rowChoicesFor(b, inputs);
    expect(again).toEqual(inputs.rows);
    // A row whose label changed is not the same row any more: its choice is dropped.
    const moved = block([row(5, "Förskola (ny)", "Barn- och utbildningsnämnden")]);
    expect(rowChoicesFor(moved, inputs)[0]).toMatchObject({ role: "ignore", label: "Förskola (ny)" });
  });

  test("the column picked for a year with two columns stays when the same block is read again, not for another block", () => {
    const first = withBlock(defaultInputs("sv"), b);
    const picked: ModelInputs = { ...first, source: { ...first.source!, yearColumns: [{ year: 2013, column: "D" }] } };
    expect(withBlock(picked, b).source?.yearColumns).toEqual([{ year: 2013, column: "D" }]);
    expect(withBlock(picked, { ...b, address: "A30:E40" }).source?.yearColumns).toBeUndefined();
    expect(withBlock(picked, { ...b, sheet: "Annat blad" }).source?.yearColumns).toBeUndefined();
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

// ---- Defaults that cannot mislead ----

/** A block in mnkr on sheet rows 4… with Bokslut/Budget/Plan years in columns C…, one row per [label, values]. */
function yearBlock(years: Array<[number, YearKind]>, rows: Array<[string, number[]]>): BudgetBlock {
  const letters = "CDEFGH";
  return {
    ...block([]),
    years: years.map(([year, kind], k) => ({ year, kind, header: `${kind} ${year}`, sheetCol: k + 2, letter: letters[k] })),
    rows: rows.map(([label, values], i) => ({
      sheetRow: 4 + i,
      kind: "data" as const,
      labels: [label],
      label,
      group: "Socialnämnden",
      cells: values.map((value, k) => ({ value, address: `${letters[k]}${5 + i}`, source: "number" as const })),
    })),
  };
}

const DRIFT = yearBlock(
  [
    [2024, "bokslut"],
    [2025, "budget"],
    [2026, "plan"],
  ],
  [
    ["Projekt", [0, 3.5, 4]],
    ["Institutionsplaceringar", [48.6, 52, 50.5]],
  ],
);

describe("a gain's share is the user's choice", () => {
  test("a new row has no share and nothing after the budget; a gain keeps it so until typed; a cost counts the whole row", () => {
    let inputs = withBlock(defaultInputs("sv"), DRIFT);
    expect(inputs.rows.map((r) => [r.role, r.share, r.after])).toEqual([
      ["ignore", null, "zero"],
      ["ignore", null, "zero"],
    ]);
    inputs = setRowRole(setRowRole(inputs, 4, "cost"), 5, "gain");
    expect(inputs.rows.map((r) => [r.role, r.share, r.after])).toEqual([
      ["cost", 1, "zero"],
      ["gain", null, "zero"],
    ]);
    expect(inputs.rows.map(lacksShare)).toEqual([false, true]);
    // Choosing the same role again changes nothing; a share typed for a gain is not carried into another role and back.
    inputs = updateRow(inputs, 5, { share: 0.04, after: "repeatLast" });
    expect(setRowRole(inputs, 5, "gain").rows[1]).toMatchObject({ share: 0.04, after: "repeatLast" });
    expect(setRowRole(setRowRole(inputs, 5, "cost"), 5, "gain").rows[1]).toMatchObject({ share: null, after: "zero" });
    // A cost's 100 % never becomes a gain's.
    expect(setRowRole(inputs, 4, "gain").rows[0]).toMatchObject({ role: "gain", share: null });
  });

  test("the planner refuses the row without a share, naming it; with a share typed it builds", () => {
    let inputs: ModelInputs = { ...withBlock(defaultInputs("sv"), DRIFT), horizon: 3 };
    inputs = setRowRole(setRowRole(inputs, 4, "cost"), 5, "gain");
    const refused = planModel(inputs, DRIFT, { sheetNames: [], names: [] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.sv).toContain('Raden "Institutionsplaceringar" (rad 6) saknar andel');
    expect(planModel(updateRow(inputs, 5, { share: 0.04 }), DRIFT, { sheetNames: [], names: [] }).ok).toBe(true);
  });

  test("a stored model of before keeps what it stored: share 1 and the last year repeated", () => {
    const old: ModelInputs = {
      ...defaultInputs("sv"),
      source: { sheet: "Driftbudget", address: "A4:E20", detectedUnit: "mnkr", unitOverride: null, sign: "costsPositive" },
      startYear: null,
      horizon: 4,
      discount: { kind: "constant", rate: 0 },
      rows: [
        { sheetRow: 4, label: "Projekt", role: "cost", actor: "son", share: 1, after: "zero" },
        { sheetRow: 5, label: "Institutionsplaceringar", role: "gain", actor: "son", share: 1, after: "repeatLast" },
      ],
    };
    const settings = { format: "socinv-model", version: 1, plannerVersion: "1", modelKey: "SI1", sheets: ["SI1 X"], inputs: old, budget: null };
    const read = parseStoredSettings(JSON.stringify(settings))!;
    expect(read.inputs.rows).toEqual(old.rows);
    expect(read.inputs.startYear).toBeNull();
    // Re-reading the same block keeps the choices (same rows, same labels).
    expect(rowChoicesFor(DRIFT, read.inputs)).toEqual(old.rows);
    // The numbers of before: from 2024 (the block's first year), 100 % of the row, 2026 repeated in 2027, in kr.
    const r = computeModel(read.inputs, DRIFT);
    if (!r.ok) throw new Error(r.error.en);
    expect(r.result.gainsGross).toEqual([48.6e6, 52e6, 50.5e6, 50.5e6]);
    expect(r.result.costsGross).toEqual([0, 3.5e6, 4e6, 0]);
  });

  test("the amounts a row adds to the model, in kr per year, worked out by hand", () => {
    let inputs: ModelInputs = { ...withBlock(defaultInputs("sv"), DRIFT), horizon: 4 };
    expect(inputs.startYear).toBe(2025);
    inputs = updateRow(setRowRole(inputs, 5, "gain"), 5, { share: 0.04 });
    // 4 % of 52,0 mnkr = 2 080 000 kr (2025), of 50,5 mnkr = 2 020 000 kr (2026); nothing after the budget.
    expect(rowAmounts(inputs, DRIFT, 5)).toEqual({ ok: true, years: [2025, 2026, 2027, 2028], amounts: [2080000, 2020000, 0, 0], budgetLast: 2026 });
    const repeated = updateRow(inputs, 5, { after: "repeatLast" });
    expect(rowAmounts(repeated, DRIFT, 5)).toMatchObject({ amounts: [2080000, 2020000, 2020000, 2020000] });
    // One year of effect lag: the avoided costs come a year later.
    expect(rowAmounts({ ...inputs, effectLag: 1 }, DRIFT, 5)).toMatchObject({ amounts: [0, 2080000, 2020000, 0] });
    expect(amountsText([2025, 2026, 2027, 2028], [2080000, 2020000, 0, 0], "sv")).toBe(
      "2025: 2\u00a0080\u00a0000 kr · 2026: 2\u00a0020\u00a0000 kr · 2027–2028: 0 kr",
    );
    expect(amountsText([2025, 2026, 2027], [2080000, 2020000, 2020000], "en")).toBe("2025: 2,080,000 kr · 2026–2027: 2,020,000 kr");
    // Without a share, no amount; without a unit, the reason.
    expect(rowAmounts(updateRow(inputs, 5, { share: null }), DRIFT, 5)).toBeNull();
    const noUnit = rowAmounts({ ...inputs, source: { ...inputs.source!, detectedUnit: null } }, { ...DRIFT, unit: null }, 5);
    expect(noUnit).toMatchObject({ ok: false });
  });
});

describe("the start year follows the budget's kinds of year", () => {
  test("after the last Bokslut, said why; a typed year of the block is kept; a year outside it is replaced", () => {
    const inputs = withBlock(defaultInputs("sv"), DRIFT);
    expect(inputs.startYear).toBe(2025);
    expect(startYearHint(inputs, DRIFT)).toEqual({ state: "default", year: 2025, reason: "afterActuals", lastActuals: 2024, suggested: 2025 });
    expect(withBlock({ ...inputs, startYear: 2026 }, DRIFT).startYear).toBe(2026);
    expect(withBlock({ ...inputs, startYear: 2030 }, DRIFT).startYear).toBe(2025);
    expect(startYearHint({ ...inputs, startYear: 2024 }, DRIFT)).toMatchObject({ state: "actuals", suggested: 2025 });
    expect(startYearHint({ ...inputs, startYear: null }, DRIFT)).toMatchObject({ state: "empty", year: 2024 });
    expect(startYearHint({ ...inputs, startYear: 2026 }, DRIFT)).toMatchObject({ state: "typed" });
  });

  test("a block without years leaves the start year as it is", () => {
    expect(withBlock(defaultInputs("sv"), block([])).startYear).toBeNull();
  });
});
