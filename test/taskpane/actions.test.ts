/**
 * The pane's actions end to end on the Excel host, against the fake Excel: read a Swedish budget from the
 * selection, build a model, list and reopen it, rebuild in place, convert to portable, remove; the budget
 * sheet and everything else stay as they were, and refusals come back as bilingual messages.
 */
import { OfficeHost } from "../../src/host/office";
import { computeModel } from "../../src/planner/compute";
import { ModelInputs, defaultInputs } from "../../src/planner/inputs";
import { buildModel, convertModel, listModels, openModel, preview, readSelectionBlock, removeModel } from "../../src/taskpane/actions";
import { setRowRole, updateRow, withBlock } from "../../src/taskpane/model";
import { FakeExcel } from "../host/fake-excel";
import { budgetBook } from "./budget-fixture";

async function readAndChoose(host: OfficeHost, lang: "sv" | "en" = "sv") {
  const read = await readSelectionBlock(host);
  if (!read.ok) throw new Error(read.error.en);
  const block = read.value.block;
  let inputs: ModelInputs = withBlock(defaultInputs(lang), block);
  const row = (label: string) => block.rows.find((r) => r.label.includes(label))!.sheetRow;
  inputs = setRowRole(inputs, row("Fritidsgårdar"), "cost");
  inputs = updateRow(inputs, row("Fritidsgårdar"), { share: 0.1, actor: "kfn" });
  inputs = setRowRole(inputs, row("Placeringar"), "gain");
  inputs = updateRow(inputs, row("Placeringar"), { share: 0.05, actor: "son" });
  return { block, inputs, read: read.value };
}

describe("pane actions on the Excel host", () => {
  test("reads the budget around the selected cell, with the unit from the title rows above", async () => {
    const excel = new FakeExcel(budgetBook());
    const { block, read } = await readAndChoose(new OfficeHost(excel.run));
    expect(read.snapshot.address).toBe("A3:E10");
    expect(block.years.map((y) => y.year)).toEqual([2024, 2025, 2026, 2027]);
    expect(block.unit).toBe("mnkr");
    expect(block.rows.filter((r) => r.kind === "sum").length).toBe(2);
    expect(excel.writes).toEqual([]); // reading writes nothing
  });

  test("build, list, reopen, rebuild, convert and remove; the rest of the workbook is untouched", async () => {
    const excel = new FakeExcel(budgetBook());
    const host = new OfficeHost(excel.run);
    const original = excel.snapshot();
    const { block, inputs } = await readAndChoose(host);

    const expected = computeModel(inputs, block);
    expect(expected.ok).toBe(true);
    const pre = preview(inputs, block);
    expect(pre.ok && pre.value.npv).toBe(expected.ok && expected.result.npv);

    const built = await buildModel(host, { ...inputs, formulaStyle: "addin" }, block);
    if (!built.ok) throw new Error(built.error.en);
    expect(built.value.modelKey).toBe("SI1");
    expect(built.value.syncs).toBe(2);
    expect(excel.state.active).toBe(built.value.sheet);
    const modelSheet = excel.state.sheets.find((s) => s.name === built.value.sheet)!;
    expect(Object.values(modelSheet.cells).some((v) => typeof v === "string" && v.includes("'Driftbudget 2025'!"))).toBe(true);
    expect(Object.values(modelSheet.cells).some((v) => typeof v === "string" && v.includes("SOCINV."))).toBe(true);

    const listed = await listModels(host);
    if (!listed.ok) throw new Error(listed.error.en);
    expect(listed.value.map((m) => m.stored.modelKey)).toEqual(["SI1"]);
    const settings = listed.value[0].settings!;
    expect(settings.inputs.rows.filter((r) => r.role !== "ignore").length).toBe(2);

    const opened = await openModel(host, settings);
    expect(opened.warning).toBeNull();
    expect(opened.data!.block.address).toBe(block.address);

    // Rebuild in place with a longer horizon: same key, same sheet, budget untouched.
    const rebuilt = await buildModel(host, { ...opened.inputs, horizon: 15 }, opened.data!.block, settings);
    if (!rebuilt.ok) throw new Error(rebuilt.error.en);
    expect(rebuilt.value.modelKey).toBe("SI1");
    expect(rebuilt.value.syncs).toBe(3);
    expect(excel.state.sheets.map((s) => s.name).filter((n) => n.startsWith("SI1") || n.startsWith("SOCINV_")).length).toBe(2);

    // Convert to portable: no SOCINV functions left in the model.
    const again = (await listModels(host)) as { ok: true; value: Array<{ settings: typeof settings }> };
    const converted = await convertModel(host, again.value[0].settings, opened.data!.block);
    if (!converted.ok) throw new Error(converted.error.en);
    const portable = excel.state.sheets.find((s) => s.name === converted.value.sheet)!;
    expect(Object.values(portable.cells).some((v) => typeof v === "string" && v.includes("SOCINV."))).toBe(false);

    const removed = await removeModel(host, "SI1");
    expect(removed.ok).toBe(true);
    const after = excel.snapshot();
    expect(after.sheets).toEqual(original.sheets);
    expect(after.names).toEqual(original.names);
  });

  test("a second model gets its own key and sheets; removing it leaves the first intact", async () => {
    const excel = new FakeExcel(budgetBook());
    const host = new OfficeHost(excel.run);
    const { block, inputs } = await readAndChoose(host);
    const one = await buildModel(host, inputs, block);
    const before = excel.snapshot();
    const two = await buildModel(host, { ...inputs, title: "Variant" }, block);
    if (!one.ok || !two.ok) throw new Error("build failed");
    expect(two.value.modelKey).toBe("SI2");
    await removeModel(host, "SI2");
    const after = excel.snapshot();
    expect(after.sheets).toEqual(before.sheets);
    expect(after.names).toEqual(before.names);
  });

  test("bad selections come back as bilingual messages, never exceptions", async () => {
    const wb = budgetBook();
    wb.selection = { sheet: "Driftbudget 2025", address: "K40" };
    const excel = new FakeExcel(wb);
    const empty = await readSelectionBlock(new OfficeHost(excel.run));
    expect(empty.ok).toBe(false);
    if (!empty.ok) {
      expect(empty.error.sv).toContain("Markeringen är tom");
      expect(empty.error.en).toContain("The selection is empty");
    }
    // A block with numbers but no year header: the planner's message.
    wb.selection = { sheet: "Driftbudget 2025", address: "A5:E6" };
    const noYears = await readSelectionBlock(new OfficeHost(new FakeExcel(wb).run));
    expect(noYears.ok).toBe(false);
    if (!noYears.ok) expect(noYears.error.en).toMatch(/year header/);
  });

  test("building over an existing sheet name is refused with the host's message; nothing is written", async () => {
    const excel = new FakeExcel(budgetBook());
    const host = new OfficeHost(excel.run);
    const { block, inputs } = await readAndChoose(host);
    // The workbook is protected: no sheets may be added.
    excel.state.structureProtected = true;
    const before = excel.snapshot();
    excel.reset();
    const res = await buildModel(host, inputs, block);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.en).toMatch(/workbook structure is protected/);
    expect(excel.writes).toEqual([]);
    expect(excel.snapshot()).toEqual(before);
  });
});
