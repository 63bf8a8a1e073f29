/**
 * Nothing the user owns is ever deleted or changed, on either host (issue "Nothing lost"): the three
 * data-loss cases an adversarial probe found, as named regression tests, plus a write stopped at every
 * single command (the fake Excel keeps Excel's non-transactional batches) that must always leave a workbook
 * whose user content is intact and whose half-written model the pane can find and remove.
 */
import { HostError, WorkbookHost } from "../../src/host/host";
import { OfficeHost } from "../../src/host/office";
import { PlaygroundHost } from "../../playground/host";
import { ModelInputs, defaultInputs } from "../../src/planner/inputs";
import { buildModel, listModels, readSelectionBlock, removeModel } from "../../src/taskpane/actions";
import { setRowRole, updateRow, withBlock } from "../../src/taskpane/model";
import { PlaygroundWorkbook } from "../../playground/workbook";
import { FakeExcel, grid, sheet, workbook } from "./fake-excel";
import { BUDGET } from "../taskpane/budget-fixture";

const NOTES = [
  ["Mina anteckningar", ""],
  ["Viktigt", 42],
];

/** The user's workbook: a budget sheet named "Budget", a notes sheet "Anteckningar", and a name of their own. */
interface World {
  host: WorkbookHost;
  /** The user's own sheets and names, as text, for byte-identical comparisons. */
  userParts: () => string;
  sheetNames: () => string[];
  nameList: () => string[];
  addUserName: (name: string) => void;
}

function excelWorld(): World & { excel: FakeExcel } {
  const excel = new FakeExcel(
    workbook([sheet("Budget", grid(0, 0, BUDGET)), sheet("Anteckningar", grid(0, 0, NOTES))], {
      selection: { sheet: "Budget", address: "C6" },
      names: [{ name: "Skattesats", refersTo: "=0.2135" }],
    }),
  );
  const userSheets = () => excel.state.sheets.filter((s) => s.name === "Budget" || s.name === "Anteckningar");
  const userNames = () => excel.state.names.filter((n) => !/^SI\d+_(?!MinEgen)/.test(n.name));
  return {
    excel,
    host: new OfficeHost(excel.run),
    userParts: () => JSON.stringify({ sheets: userSheets(), names: userNames() }),
    sheetNames: () => excel.state.sheets.map((s) => s.name),
    nameList: () => excel.state.names.map((n) => n.name),
    addUserName: (name) => excel.state.names.push({ name, refersTo: "='Anteckningar'!$B$2" }),
  };
}

function playgroundWorld(): World & { book: PlaygroundWorkbook } {
  const book = new PlaygroundWorkbook([
    { name: "Budget", rows: BUDGET },
    { name: "Anteckningar", rows: NOTES },
  ]);
  book.addName("Skattesats", "=0.2135");
  book.select("Budget", { r0: 5, c0: 2, r1: 5, c1: 2 });
  const userParts = () =>
    JSON.stringify({
      sheets: ["Budget", "Anteckningar"].map((n) => (book.sheet(n) ? book.snapshotSheet(n) : null)),
      names: book.names().filter((n) => !/^SI\d+_(?!MinEgen)/.test(n.name)),
    });
  return {
    book,
    host: new PlaygroundHost(book),
    userParts,
    sheetNames: () => book.sheetNames(),
    nameList: () => book.names().map((n) => n.name),
    addUserName: (name) => book.addName(name, "='Anteckningar'!$B$2"),
  };
}

async function inputsFor(host: WorkbookHost, title: string): Promise<{ inputs: ModelInputs; block: Parameters<typeof buildModel>[2] }> {
  const read = await readSelectionBlock(host);
  if (!read.ok) throw new Error(read.error.en);
  const block = read.value.block;
  let inputs = withBlock(defaultInputs("sv"), block);
  const row = (label: string) => block.rows.find((r) => r.label.includes(label))!.sheetRow;
  inputs = setRowRole(inputs, row("Fritidsgårdar"), "cost");
  inputs = updateRow(inputs, row("Fritidsgårdar"), { share: 0.1, actor: "kfn" });
  inputs = setRowRole(inputs, row("Placeringar"), "gain");
  inputs = updateRow(inputs, row("Placeringar"), { share: 0.05, actor: "son" });
  return { inputs: { ...inputs, title }, block };
}

async function build(w: World, title: string) {
  const { inputs, block } = await inputsFor(w.host, title);
  const built = await buildModel(w.host, inputs, block);
  if (!built.ok) throw new Error(built.error.en);
  return { inputs, block, built: built.value };
}

const worlds: Array<[string, () => World]> = [
  ["Excel", excelWorld],
  ["playground", playgroundWorld],
];

describe.each(worlds)("nothing the user owns is lost (%s host)", (_label, make) => {
  test.each(["x|Budget", "Familjecentral|Anteckningar", "|Budget|Anteckningar|"])(
    "a | in the title (%s): Remove deletes the model's sheets and nothing else",
    async (title) => {
      const w = make();
      const before = w.userParts();
      const { built } = await build(w, title);
      expect(built.sheet.startsWith("SI1 ")).toBe(true);
      expect(w.sheetNames()).toContain(built.sheet);
      const removed = await removeModel(w.host, "SI1");
      if (!removed.ok) throw new Error(removed.error.en);
      expect(w.sheetNames()).toEqual(["Budget", "Anteckningar"]);
      expect(w.userParts()).toBe(before);
      expect(removed.value.sheets).toEqual([built.sheet, "SOCINV_SI1"]);
    },
  );

  test("Remove keeps a user's name that shares the model's prefix (SI1_MinEgenKalkyl)", async () => {
    const w = make();
    await build(w, "Familjecentral");
    w.addUserName("SI1_MinEgenKalkyl");
    const before = w.userParts();
    const removed = await removeModel(w.host, "SI1");
    if (!removed.ok) throw new Error(removed.error.en);
    expect(removed.value.names).not.toContain("SI1_MinEgenKalkyl");
    expect(w.nameList()).toContain("SI1_MinEgenKalkyl");
    expect(w.nameList().filter((n) => n.startsWith("SI1_"))).toEqual(["SI1_MinEgenKalkyl"]);
    expect(w.userParts()).toBe(before);
  });

  test("a title over Excel's 32,767-character cell limit is refused before anything is written, on build and on rebuild", async () => {
    const w = make();
    const long = "Familjecentral ".repeat(2800); // 42,000 characters, as a pasted text
    const { inputs, block } = await inputsFor(w.host, long);
    const beforeAll = w.sheetNames().join("|") + w.userParts();
    const refused = await buildModel(w.host, inputs, block);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.sv).toMatch(/32\u00a0767/);
      expect(refused.error.en).toMatch(/32,767/);
    }
    expect(w.sheetNames().join("|") + w.userParts()).toBe(beforeAll);

    // Rebuild of an existing model with the long title: refused, the old model intact and found.
    const { built } = await build(w, "Familjecentral");
    const models = await listModels(w.host);
    if (!models.ok) throw new Error(models.error.en);
    const settings = models.value[0].settings!;
    const snapshot = w.sheetNames().join("|") + w.userParts();
    const again = await buildModel(w.host, { ...inputs, title: long }, block, settings);
    expect(again.ok).toBe(false);
    expect(w.sheetNames().join("|") + w.userParts()).toBe(snapshot);
    const still = await listModels(w.host);
    expect(still.ok && still.value.map((m) => [m.stored.modelKey, m.stored.complete])).toEqual([["SI1", true]]);
    expect(w.sheetNames()).toContain(built.sheet);
    const removed = await removeModel(w.host, "SI1");
    expect(removed.ok).toBe(true);
    expect(w.sheetNames()).toEqual(["Budget", "Anteckningar"]);
  });

  test("a sheet listed by the model but without its marker is never deleted (ownership is proven, not inferred)", async () => {
    const w = make();
    const { built } = await build(w, "Familjecentral");
    // The user deletes the model sheet and makes a sheet of their own with the same name.
    if ("excel" in w) {
      const ex = (w as ReturnType<typeof excelWorld>).excel;
      ex.state.sheets = ex.state.sheets.filter((s) => s.name !== built.sheet);
      ex.state.sheets.push(sheet(built.sheet, grid(0, 0, [["Min egen kalkyl", 1]])));
    } else {
      const book = (w as ReturnType<typeof playgroundWorld>).book;
      book.removeSheet(built.sheet);
      book.addSheetFromData({ name: built.sheet, rows: [["Min egen kalkyl", 1]] });
    }
    const removed = await removeModel(w.host, "SI1");
    if (!removed.ok) throw new Error(removed.error.en);
    expect(w.sheetNames()).toContain(built.sheet);
    expect(removed.value.sheets).toEqual(["SOCINV_SI1"]);
  });
});

describe("a write stopped at any command (Excel is not transactional)", () => {
  /** How many workbook-changing commands a clean build (and then a rebuild) takes. */
  async function commandCounts(): Promise<{ build: number; rebuild: number }> {
    const w = excelWorld();
    const { inputs, block } = await inputsFor(w.host, "Familjecentral");
    w.excel.writeCommands = 0;
    const b = await buildModel(w.host, inputs, block);
    const buildCount = w.excel.writeCommands;
    const listed = await listModels(w.host);
    const settings = (listed.ok ? listed.value[0].settings : null) ?? undefined;
    w.excel.writeCommands = 0;
    const r = await buildModel(w.host, { ...inputs, horizon: inputs.horizon + 2 }, block, settings);
    expect(b.ok && r.ok).toBe(true);
    return { build: buildCount, rebuild: w.excel.writeCommands };
  }

  test("a new build: the user's content is intact, and whatever is left is found and removed", async () => {
    const { build: n } = await commandCounts();
    expect(n).toBeGreaterThan(20);
    for (let k = 1; k <= n; k++) {
      const w = excelWorld();
      const before = w.userParts();
      const beforeSheets = w.sheetNames().join("|");
      const { inputs, block } = await inputsFor(w.host, "Familjecentral");
      w.excel.writeCommands = 0;
      w.excel.failAtWrite = k;
      const out = await buildModel(w.host, inputs, block);
      w.excel.failAtWrite = undefined;
      expect([k, out.ok]).toEqual([k, false]);
      expect(w.userParts()).toBe(before);
      const listed = await listModels(w.host);
      if (!listed.ok) throw new Error(listed.error.en);
      if (w.sheetNames().join("|") !== beforeSheets || w.nameList().some((x) => x.startsWith("SI1_"))) {
        // Something was left: the pane must see it as a half-written model, and Remove must clear it.
        expect([k, listed.value.map((m) => [m.stored.modelKey, m.stored.complete])]).toEqual([k, [["SI1", false]]]);
        const removed = await removeModel(w.host, "SI1");
        expect([k, removed.ok]).toEqual([k, true]);
      } else {
        expect(listed.value).toEqual([]);
      }
      expect([k, w.sheetNames().join("|")]).toEqual([k, beforeSheets]);
      expect(w.userParts()).toBe(before);
      expect(w.nameList().filter((x) => x.startsWith("SI1_"))).toEqual([]);
    }
  });

  test("a rebuild: the user's content is intact, the old model's sheet survives as the model or a backup, Repair completes it", async () => {
    const { rebuild: n } = await commandCounts();
    for (let k = 1; k <= n; k++) {
      const w = excelWorld();
      const { inputs, block, built } = await build(w, "Familjecentral");
      const listed0 = await listModels(w.host);
      const settings = listed0.ok ? listed0.value[0].settings! : null;
      const oldCells = JSON.stringify(w.excel.state.sheets.find((s) => s.name === built.sheet)!.cells);
      const before = w.userParts();
      w.excel.writeCommands = 0;
      w.excel.failAtWrite = k;
      const out = await buildModel(w.host, { ...inputs, horizon: inputs.horizon + 2 }, block, settings!);
      w.excel.failAtWrite = undefined;
      expect([k, out.ok]).toEqual([k, false]);
      if (!out.ok) expect(out.error.en).toMatch(/interrupted|could not/);
      expect(w.userParts()).toBe(before);
      // Until the new model is complete, the old model's cells exist: under its name or as a backup.
      const listed = await listModels(w.host);
      if (!listed.ok) throw new Error(listed.error.en);
      expect(listed.value.map((m) => m.stored.modelKey)).toEqual(["SI1"]);
      if (!listed.value[0].stored.complete) {
        const keeps = w.excel.state.sheets.some((s) => JSON.stringify(s.cells) === oldCells);
        const newDone = w.excel.state.sheets.some((s) => s.name === built.sheet && Object.keys(s.cells).length > 3);
        expect([k, keeps || newDone]).toEqual([k, true]);
      }
      // Repair: rebuild from what the settings sheet holds; then everything is as after a clean rebuild.
      const stored = listed.value[0].settings!;
      const repaired = await buildModel(w.host, stored.inputs, block, stored);
      if (!repaired.ok) throw new Error(`${k}: ${repaired.error.en}`);
      const again = await listModels(w.host);
      expect(again.ok && again.value.map((m) => [m.stored.modelKey, m.stored.complete])).toEqual([["SI1", true]]);
      expect(w.sheetNames().filter((s) => s.startsWith("SOCINV_"))).toEqual(["SOCINV_SI1"]);
      expect(w.userParts()).toBe(before);
      const removed = await removeModel(w.host, "SI1");
      expect(removed.ok).toBe(true);
      expect(w.sheetNames()).toEqual(["Budget", "Anteckningar"]);
    }
  });

  test("a refusal is a HostError that says nothing changed; an interruption says the model may be half-written", async () => {
    const w = excelWorld();
    const { inputs, block } = await inputsFor(w.host, "Familjecentral");
    w.excel.failAtWrite = 12;
    try {
      const { planModel } = await import("../../src/planner/planModel");
      const planned = planModel(inputs, block, { sheetNames: w.sheetNames(), names: w.nameList() });
      if (!planned.ok) throw new Error(planned.error.en);
      await w.host.apply(planned.plan);
      throw new Error("expected a failure");
    } catch (e) {
      expect(e).toBeInstanceOf(HostError);
      expect((e as HostError).code).toBe("interrupted");
      expect((e as HostError).sv).toMatch(/halvfärdig/);
      expect((e as HostError).en).not.toMatch(/Nothing was changed/);
    }
  });
});

describe("models written by the released format v1 (sheets joined by |)", () => {
  test("Remove reads the exact list from the settings JSON and proves each sheet; Budget stays", async () => {
    const w = excelWorld();
    const modelSheet = "SI1 x|Budget";
    const json = JSON.stringify({ format: "socinv-model", version: 1, modelKey: "SI1", sheets: [modelSheet] });
    w.excel.state.sheets.push(
      sheet(modelSheet, grid(0, 0, [["Social investering: x|Budget"], ["Källa: … Modell SI1."]])),
      sheet("SOCINV_SI1", grid(0, 0, [["SOCINV-MODEL v1", "SI1", `${modelSheet}|Budget`], [json]]), { visibility: "Hidden" }),
    );
    w.excel.state.names.push({ name: "SI1_Rate", refersTo: `='${modelSheet}'!$B$7` }, { name: "SI1_MinEgenKalkyl", refersTo: "='Anteckningar'!$B$2" });
    const before = w.userParts();
    const removed = await removeModel(w.host, "SI1");
    if (!removed.ok) throw new Error(removed.error.en);
    expect(removed.value.sheets).toEqual([modelSheet, "SOCINV_SI1"]);
    expect(removed.value.names).toEqual(["SI1_Rate"]);
    expect(w.sheetNames()).toEqual(["Budget", "Anteckningar"]);
    expect(w.nameList()).toContain("SI1_MinEgenKalkyl");
    expect(w.userParts()).toBe(before);
  });
});
