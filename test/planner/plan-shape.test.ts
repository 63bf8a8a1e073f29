/** What a plan looks like: names, sheets, formats, functions used, charts, settings, refusals and size. */
import { readBudgetOrThrow } from "../../src/planner/budget";
import { FUNCTIONS } from "../../src/functions/registry";
import { parseRange } from "../../src/planner/a1";
import type { ModelInputs } from "../../src/planner/inputs";
import type { Timing } from "../../src/core/discounting";
import { planBytes, planGrids, sheetGrid } from "../../src/planner/layout";
import { PlanOutput, chooseModelKey, parseSettings, planModel } from "../../src/planner/planModel";
import { parseSettingsSheet } from "../../src/planner/storage";
import { SAMPLES, sampleSnapshot, syntheticBudget } from "../../src/planner/samples";
import { tinyInputs, tinySnapshot } from "./fixtures";

const plain = SAMPLES.find((s) => s.id === "plain")!;
const plainBlock = readBudgetOrThrow(sampleSnapshot(plain.workbook, plain.selection.sheet, plain.selection.address));
const sheetNames = plain.workbook.sheets.map((s) => s.name);

function plan(inputs: ModelInputs = plain.inputs, facts = { sheetNames, names: [] as string[] }): PlanOutput {
  const r = planModel(inputs, plainBlock, facts);
  if (!r.ok) throw new Error(r.error.en);
  return r;
}

function formulasOf(out: PlanOutput): string[] {
  return out.plan.sheets.flatMap((s) => s.blocks.flatMap((b) => b.cells.flat())).filter((c): c is string => typeof c === "string" && c.startsWith("="));
}

/** Function names called in a formula, outside string literals and quoted sheet names. */
function functionsIn(formula: string): string[] {
  const bare = formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, "X!");
  return [...bare.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]);
}

// Each is in Excel since 2007 and in the formula engine; checked by the plan-engine tests evaluating them.
const PORTABLE = new Set([
  "SUMPRODUCT",
  "SUM",
  "IF",
  "IFERROR",
  "INDEX",
  "MATCH",
  "AND",
  "ISNUMBER",
  "MIN",
  "MAX",
  "ISERROR",
  "ISBLANK",
  "OR",
  "LEN",
  "LEFT",
  "ROUND",
]);

describe("formula styles", () => {
  test.each(SAMPLES.map((s) => [s.id, s] as const))("%s: portable uses only built-in functions (no LET, LAMBDA or dynamic arrays)", (_id, s) => {
    const block = readBudgetOrThrow(sampleSnapshot(s.workbook, s.selection.sheet, s.selection.address));
    const r = planModel({ ...s.inputs, formulaStyle: "portable" }, block, { sheetNames: s.workbook.sheets.map((x) => x.name), names: [] });
    if (!r.ok) throw new Error(r.error.en);
    const used = new Set(formulasOf(r).flatMap(functionsIn));
    for (const f of used) expect([f, PORTABLE.has(f)]).toEqual([f, true]);
  });

  test("add-in style uses only functions the registry lists, and SOCINV where it shortens the formula", () => {
    const ids = new Set(FUNCTIONS.map((f) => `SOCINV.${f.id}`));
    for (const s of SAMPLES) {
      const block = readBudgetOrThrow(sampleSnapshot(s.workbook, s.selection.sheet, s.selection.address));
      const r = planModel({ ...s.inputs, formulaStyle: "addin", discount: { kind: "schedule", schedule: "standard" } }, block, {
        sheetNames: s.workbook.sheets.map((x) => x.name),
        names: [],
      });
      if (!r.ok) throw new Error(r.error.en);
      const used = new Set(formulasOf(r).flatMap(functionsIn));
      for (const f of used) expect([f, PORTABLE.has(f) || ids.has(f)]).toEqual([f, true]);
      expect([...used].filter((f) => f.startsWith("SOCINV.")).sort()).toEqual([
        "SOCINV.BREAKEVEN",
        "SOCINV.DISCOUNTFACTORS",
        "SOCINV.NPV",
        "SOCINV.PAYBACK",
        "SOCINV.RATESCHEDULE",
      ]);
    }
  });
});

describe("sheets, names and keys never clash", () => {
  test("a fresh workbook gets model SI1 with a sheet and a hidden settings sheet", () => {
    const out = plan();
    expect(out.plan.modelKey).toBe("SI1");
    expect(out.plan.sheets.map((s) => [s.name, !!s.hidden])).toEqual([
      ["SI1 Tidiga insatser för unga", false],
      ["SOCINV_SI1", true],
    ]);
  });

  test("existing sheets, settings sheets and names push the key on; the sheet name is unique", () => {
    expect(chooseModelKey({ sheetNames: ["SI1 Tidiga insatser för unga", "SOCINV_SI2"], names: ["si3_Rate"] })).toBe("SI4");
    const out = plan(plain.inputs, { sheetNames: [...sheetNames, "SI1 Tidiga insatser för unga", "SOCINV_SI2"], names: ["SI3_Rate"] });
    expect(out.plan.modelKey).toBe("SI4");
    expect(out.plan.sheets[0].name).toBe("SI4 Tidiga insatser för unga");
    expect(out.plan.names.every((n) => n.name.startsWith("SI4_"))).toBe(true);
  });

  test("a target sheet name that exists gets a unique name", () => {
    const inputs = { ...plain.inputs, title: "Driftbudget 2025" };
    // The key makes clashes unlikely; a sheet that happens to have the planned name still gets a new one.
    const out = plan(inputs, { sheetNames: [...sheetNames, "SI1 driftbudget 2025"].filter((s) => s !== "x"), names: [] });
    expect(out.plan.modelKey).toBe("SI2");
    const direct = planModel(inputs, plainBlock, {
      sheetNames: [...sheetNames, "SI1 Driftbudget 2025"],
      names: [],
      replacing: { modelKey: "SI1", sheets: [] },
    });
    if (!direct.ok) throw new Error(direct.error.en);
    expect(direct.plan.sheets[0].name).toBe("SI1 Driftbudget 2025 (2)");
  });

  test("rebuilding keeps the key and reuses the model's own sheet name", () => {
    const first = plan();
    const existing = [...sheetNames, ...first.plan.sheets.map((s) => s.name)];
    const again = planModel({ ...plain.inputs, participants: 80 }, plainBlock, {
      sheetNames: existing,
      names: first.plan.names.map((n) => n.name),
      replacing: { modelKey: first.settings.modelKey, sheets: first.settings.sheets },
    });
    if (!again.ok) throw new Error(again.error.en);
    expect(again.plan.modelKey).toBe("SI1");
    expect(again.plan.sheets.map((s) => s.name)).toEqual(first.plan.sheets.map((s) => s.name));
  });

  test("names are valid Excel names, prefixed by the key, and refer to planned, non-empty cells of the model's sheet", () => {
    const out = plan();
    const grids = planGrids(out.plan);
    const seen = new Set<string>();
    for (const n of out.plan.names) {
      expect(n.name).toMatch(/^SI1_[A-Za-z][A-Za-z0-9_]*$/);
      expect(seen.has(n.name.toLowerCase())).toBe(false);
      seen.add(n.name.toLowerCase());
      const m = /^='((?:[^']|'')+)'!(\$[A-Z]+\$\d+(?::\$[A-Z]+\$\d+)?)$/.exec(n.refersTo);
      expect(m).not.toBeNull();
      const sheet = m![1].replace(/''/g, "'");
      expect(sheet).toBe(out.plan.sheets[0].name);
      const p = parseRange(m![2]);
      const v = grids[sheet][p.row]?.[p.col];
      if (n.name !== "SI1_Cap" && n.name !== "SI1_LastYear") expect([n.name, v === null || v === undefined]).toEqual([n.name, false]);
    }
    expect([...seen]).toEqual(
      expect.arrayContaining(["si1_rate", "si1_timing", "si1_participants", "si1_successprob", "si1_deadweight", "si1_npv", "si1_breakeven"]),
    );
  });
});

describe("cells and formats", () => {
  test.each(SAMPLES.map((s) => [s.id, s] as const))("%s: blocks never overlap and formats fit their blocks", (_id, s) => {
    const block = readBudgetOrThrow(sampleSnapshot(s.workbook, s.selection.sheet, s.selection.address));
    const r = planModel(s.inputs, block, { sheetNames: s.workbook.sheets.map((x) => x.name), names: [] });
    if (!r.ok) throw new Error(r.error.en);
    for (const sheet of r.plan.sheets) {
      expect(() => sheetGrid(sheet)).not.toThrow();
      for (const b of sheet.blocks) {
        expect(b.row).toBeGreaterThanOrEqual(0);
        expect(b.col).toBeGreaterThanOrEqual(0);
        const widths = new Set(b.cells.map((row) => row.length));
        expect(widths.size).toBe(1);
        if (Array.isArray(b.numberFormat)) {
          expect(b.numberFormat.length).toBe(b.cells.length);
          b.numberFormat.forEach((row, i) => expect(row.length).toBe(b.cells[i].length));
        }
        for (const c of b.cells.flat()) {
          // text that Excel would read as a formula is escaped; only formulas start with "="
          if (typeof c === "string" && /^[+\-@]/.test(c)) throw new Error(`unescaped text ${c}`);
          if (typeof c === "number") expect(Number.isFinite(c)).toBe(true);
        }
      }
    }
  });

  test("amounts in kr, percentages, factors and years have their number formats", () => {
    const out = plan();
    const formats = new Set(out.plan.sheets[0].blocks.flatMap((b) => (typeof b.numberFormat === "string" ? [b.numberFormat] : (b.numberFormat ?? []).flat())));
    expect([...formats]).toEqual(expect.arrayContaining(["#,##0", "0.0%", "0.0000", "0", "#,##0.00", "0.0"]));
  });

  test("English and Swedish models have the same formulas and different labels", () => {
    const sv = plan();
    const en = plan({ ...plain.inputs, language: "en", title: "Tidiga insatser för unga" });
    expect(formulasOf(en)).toEqual(formulasOf(sv).map((f) => f.replace(/"Inte inom horisonten"/g, '"Not within the horizon"')));
    const labels = (o: PlanOutput) => o.plan.sheets[0].blocks.flatMap((b) => b.cells.flat()).filter((c) => typeof c === "string" && !c.startsWith("="));
    expect(labels(sv)).toContain("Nettonuvärde (netto)");
    expect(labels(en)).toContain("Net present value (net)");
    expect(labels(en)).toContain("Social Insurance Agency");
  });
});

describe("charts", () => {
  test("cumulative net PV by actor (line) and costs vs gains by actor (clustered column) read the right blocks", () => {
    const out = plan();
    const grid = planGrids(out.plan)[out.plan.sheets[0].name];
    const [line, column] = out.plan.charts;
    expect(line.kind).toBe("line");
    expect(line.seriesBy).toBe("rows");
    const l = parseRange(line.dataAddress);
    expect(grid[l.row][l.col]).toBe("Aktör");
    expect(grid[l.row].slice(l.col + 1, l.col + l.cols)).toEqual(Array.from({ length: 10 }, (_, k) => 2025 + k));
    const actorsInLine = Array.from({ length: l.rows - 1 }, (_, k) => grid[l.row + 1 + k][l.col]);
    expect(actorsInLine).toEqual([
      "Barn- och utbildningsnämnden",
      "Socialnämnden",
      "Kommunstyrelsen",
      "Regionen (hälso- och sjukvård)",
      "Försäkringskassan",
      "Samhället (produktion, skatter)",
    ]);
    expect(column.kind).toBe("columnClustered");
    expect(column.seriesBy).toBe("columns");
    const c = parseRange(column.dataAddress);
    expect(grid[c.row].slice(c.col, c.col + 3)).toEqual(["Vem betalar, vem vinner", "Nuvärde kostnader", "Nuvärde nyttor"]);
    expect(Array.from({ length: c.rows - 1 }, (_, k) => grid[c.row + 1 + k][c.col])).toEqual(actorsInLine);
    for (const ch of out.plan.charts) expect(ch.sheet).toBe(out.plan.sheets[0].name);
  });
});

describe("settings are stored in the workbook and read back", () => {
  test("the settings sheet holds the inputs, enough to rebuild", () => {
    const out = plan();
    const settingsSheet = out.plan.sheets[1];
    const grid = sheetGrid(settingsSheet).map((r) => r.map((c) => (typeof c === "string" && c.startsWith("'") ? c.slice(1) : c)));
    const parsed = parseSettingsSheet(grid);
    expect(parsed?.modelKey).toBe("SI1");
    expect(parsed?.sheets).toEqual([out.plan.sheets[0].name]);
    const s = parseSettings(parsed!.settingsJson);
    if (!s.ok) throw new Error(s.error.en);
    expect(s.settings.inputs).toEqual(plain.inputs);
    expect(s.settings.budget?.address).toBe(plain.selection.address);
    expect(s.settings.budget?.rows.map((r) => r.label)).toContain("Institutionsplaceringar barn och unga");
  });

  test("unreadable settings are refused with a message, not an exception", () => {
    for (const json of ["", "{", "null", '{"format":"other"}']) {
      const r = parseSettings(json);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.sv).toMatch(/inställningar/);
    }
  });
});

describe("refusals", () => {
  const refused = (inputs: ModelInputs, id: string, block = plainBlock) => {
    const r = planModel(inputs, block, { sheetNames, names: [] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.id).toBe(id);
      expect(r.error.sv.length).toBeGreaterThan(10);
      expect(r.error.en.length).toBeGreaterThan(10);
    }
  };
  const clone = (): ModelInputs => JSON.parse(JSON.stringify(plain.inputs));

  test("no lines", () => refused({ ...clone(), rows: [], extraLines: [] }, "noLines"));
  test("a line whose actor is not in the list", () => {
    const i = clone();
    i.rows[0].actor = "nobody";
    refused(i, "unknownActor");
  });
  test("two actors with the same name", () => {
    const i = clone();
    i.actors.find((a) => a.id === "region")!.label.sv = "socialnämnden";
    refused(i, "duplicateActor");
  });
  test("an unknown unit", () => {
    const i = clone();
    i.source = { ...i.source!, detectedUnit: null };
    refused(i, "unitUnknown");
  });
  test("a row outside the block", () => {
    const i = clone();
    i.rows[0].sheetRow = 500;
    refused(i, "rowNotInBlock");
  });
  test("rows but no budget block", () => {
    const r = planModel(clone(), null, { sheetNames, names: [] });
    expect(r.ok || r.error.id).toBe("budgetMissing");
  });
  test.each([
    ["horizon", (i: ModelInputs) => (i.horizon = 0)],
    ["horizon too long", (i: ModelInputs) => (i.horizon = 101)],
    ["rate", (i: ModelInputs) => (i.discount = { kind: "constant", rate: -1 })],
    ["per-period rates too few", (i: ModelInputs) => (i.discount = { kind: "perPeriod", rates: [0.03, 0.03] })],
    ["probability", (i: ModelInputs) => (i.successProbability = 1.5)],
    ["deadweight", (i: ModelInputs) => (i.adjustments.deadweight = -0.1)],
    ["timing", (i: ModelInputs) => (i.timing = 2 as unknown as Timing)], // deliberately not a timing
    ["lag ≥ horizon", (i: ModelInputs) => (i.effectLag = 10)],
    [
      "commitments over 100 %",
      (i: ModelInputs) => {
        i.fund.rule = "committed";
        i.fund.commitments = [
          { actor: "son", year: 2027, share: 0.7 },
          { actor: "son", year: 2028, share: 0.7 },
        ];
      },
    ],
  ])("bad input: %s", (_what, change) => {
    const i = clone();
    change(i);
    const r = planModel(i, plainBlock, { sheetNames, names: [] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(["badInput", "badTiming"]).toContain(r.error.id);
  });
  test("more than 1,000 lines", () => {
    const big = syntheticBudget(1001, 3);
    const block = readBudgetOrThrow(sampleSnapshot(big.workbook, "Stor budget", big.address));
    refused(big.inputs, "tooManyLines", block);
  });
});

describe("notes explain what the model did", () => {
  test("a chosen sum row, a changed label and a missing year are noted", () => {
    const i: ModelInputs = JSON.parse(JSON.stringify(plain.inputs));
    i.rows.push({ sheetRow: 17, label: "Summa SoN", role: "gain", actor: "son", share: 0.001, after: "zero" });
    i.rows[1].label = "Placeringar (gammal rubrik)";
    const out = plan(i);
    const ids = out.notes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(["sumRowChosen", "labelChanged", "beyondBudget"]));
  });

  test("Malmö without commitments gets a visible proposal", () => {
    const i: ModelInputs = JSON.parse(JSON.stringify(SAMPLES.find((s) => s.id === "malmo")!.inputs));
    i.fund.commitments = [];
    const out = plan(i);
    expect(out.notes.find((n) => n.id === "defaultCommitments")?.sv).toMatch(/Barn- och utbildningsnämnden, Socialnämnden .*4 år från 2027/); // the template waits 2 years;
  });
});

describe("size", () => {
  test("a 500-row × 10-year block plans well under Excel on the web's 5 MB request limit", () => {
    const big = syntheticBudget(500, 10);
    const block = readBudgetOrThrow(sampleSnapshot(big.workbook, "Stor budget", big.address));
    const r = planModel(big.inputs, block, { sheetNames: ["Stor budget"], names: [] });
    if (!r.ok) throw new Error(r.error.en);
    const bytes = planBytes(r.plan);
    expect(bytes).toBeLessThan(1.5 * 1024 * 1024);
  });

  test("the hand-calculation budget plans too (tiny input, small plan)", () => {
    const r = planModel(tinyInputs(), readBudgetOrThrow(tinySnapshot()), { sheetNames: ["Budget 2025"], names: [] });
    expect(r.ok).toBe(true);
    if (r.ok) expect(planBytes(r.plan)).toBeLessThan(60 * 1024);
  });
});
