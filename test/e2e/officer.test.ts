/**
 * A finance officer in the playground, in Swedish: selects the budget block with the mouse, assigns roles
 * and actors in the task pane, builds the model, reads NPV, the per-actor table, payback and break-even
 * from the page and checks them against the core; changes a budget cell and sees the model follow;
 * downloads the .xlsx and reads it back; removes the model and finds the budget sheet unchanged.
 */
import ExcelJS, { type CellFormulaValue, type Xlsx } from "exceljs";
import fs from "node:fs";
import { BUDGET_SHEET } from "../../src/planner/samples";
import { cellText, describeInBrowser, dragSelect, eventually, screenshots, usePlayground } from "./browser";
import { assign, build, cellValue, close, expected, fromSheetWithCore, readResults, useSelection } from "./pane";

describeInBrowser("a finance officer builds a model (Swedish)", () => {
  const playground = usePlayground();

  test("select, assign, build, read, follow the budget, download, remove", async () => {
    const { page, errors } = playground.browser;
    const shot = screenshots("officer-sv");
    await page.goto(playground.server.url);
    await page.locator('[data-cell="A1"]').waitFor();
    const budgetBefore = await page.evaluate((s) => JSON.stringify(window.socinvPlayground!.book.snapshotSheet(s)), BUDGET_SHEET);

    // 1. The budget block, by mouse.
    await dragSelect(page, "A4", "G29");
    expect(await page.getByTestId("name-box").textContent()).toBe("A4:G29");
    await useSelection(page);
    expect(await page.getByTestId("status").innerText()).toMatch(/Budgetblocket är läst: 16 rader, 4 år/);
    await shot(page, "block-read");

    // 2. The investment: the project is the cost; avoided placements, assistance and upper-secondary costs are the gains.
    await assign(page, "Social investering: Tidiga insatser", "cost", "son");
    await assign(page, "Institutionsplaceringar barn och unga", "gain", "son", "4");
    await assign(page, "Försörjningsstöd", "gain", "son", "1");
    await assign(page, "Gymnasieskola", "gain", "bun", "0,5");
    await page.getByTestId("participants").fill("60");
    await page.getByTestId("success-probability").fill("40");
    await shot(page, "assigned");

    // 3. Build.
    await build(page);
    const shown = await readResults(page);
    await shot(page, "built");

    // 4. The numbers: the pane against the core, the model sheet (formula engine) against both.
    const e = await expected(page, [BUDGET_SHEET]);
    close(shown.npv, e.result.npv);
    expect(shown.payback).toEqual(e.result.payback);
    expect(shown.breakEven).not.toBeNull();
    close(shown.breakEven!, e.result.breakEven!);
    expect(Object.keys(shown.actors).sort()).toEqual(["bun", "son"]);
    for (const a of e.result.actors) close(shown.actors[a.id].pvNet, a.pvNet);
    expect(shown.npvText).toMatch(/^−?-?[\d\u00a0\s]+ kr$/);
    close((await cellValue(page, e.keyCells.npv)) as number, e.result.npv, 1e-9);
    close((await cellValue(page, e.keyCells.breakEven)) as number, e.result.breakEven!, 1e-9);
    const core = await fromSheetWithCore(page, e);
    close(core.npv, shown.npv, 1e-9);
    if (core.payback === null) expect(shown.payback).toBeNull();
    else close(core.payback, shown.payback!, 1e-9);
    // The grid shows the model sheet, with its charts drawn from the computed cells.
    const modelSheet = e.settings.sheets[0];
    expect(await page.getByTestId(`sheet-tab-${modelSheet}`).getAttribute("aria-selected")).toBe("true");
    expect(await page.locator('[data-testid^="chart-"]').count()).toBeGreaterThanOrEqual(1);
    await shot(page, "model-sheet");
    await page.getByTestId("chart-0").scrollIntoViewIfNeeded();
    await shot(page, "charts");

    // 5. The budget changes; the model follows (its NPV cell is recomputed by the formula engine).
    const npvCell = e.keyCells.npv;
    const before = (await cellValue(page, npvCell)) as number;
    await page.getByTestId(`sheet-tab-${BUDGET_SHEET}`).click();
    await page.locator('[data-cell="D12"]').click(); // Institutionsplaceringar, Budget 2025: 52,0
    await page.keyboard.type("62");
    await page.keyboard.press("Enter");
    expect(await cellText(page, "D12")).toBe("62,0");
    const after = (await cellValue(page, npvCell)) as number;
    const e2 = await expected(page, [BUDGET_SHEET]);
    close(after, e2.result.npv, 1e-9);
    // 4 % of 10 mnkr more avoided in 2025, discounted one year at 3.5 % (end-of-year timing), less the adjustments.
    expect(after).toBeGreaterThan(before);
    await page.getByTestId(`sheet-tab-${modelSheet}`).click();
    await shot(page, "model-followed");

    // 6. Download and read back with ExcelJS: the model's formulas and values.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
    const wb = new ExcelJS.Workbook();
    // ExcelJS reads a Node Buffer; its types declare a Buffer of their own.
    await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as Parameters<Xlsx["load"]>[0]);
    // The settings sheet (the model's record) is written first, so that an interrupted write is found.
    expect(wb.worksheets.map((w) => w.name)).toEqual([BUDGET_SHEET, `SOCINV_${e.settings.modelKey}`, ...e.settings.sheets]);
    expect(wb.getWorksheet(`SOCINV_${e.settings.modelKey}`)!.state).toBe("hidden");
    const [npvSheet, npvAddr] = splitRef(npvCell);
    const cell = wb.getWorksheet(npvSheet)!.getCell(npvAddr);
    expect(typeof cell.formula).toBe("string");
    close((cell.value as CellFormulaValue).result as number, after, 1e-12);
    const names = wb.definedNames.model.map((n) => n.name);
    expect(names.length).toBeGreaterThan(3);
    expect(names.every((n: string) => n.startsWith(`${e.settings.modelKey}_`))).toBe(true);
    // Some flow formula refers to the budget sheet, so an updated budget flows through in Excel too.
    let refersToBudget = 0;
    wb.getWorksheet(modelSheet)!.eachRow((row) => row.eachCell((c) => void (c.formula && c.formula.includes(BUDGET_SHEET) && refersToBudget++)));
    expect(refersToBudget).toBeGreaterThan(0);

    // 7. Remove the model: only its sheets and names go; the budget is as it was before the model.
    const budgetNow = await page.evaluate((s) => JSON.stringify(window.socinvPlayground!.book.snapshotSheet(s)), BUDGET_SHEET);
    await page.getByTestId("remove-model").click();
    await page.getByTestId("remove-confirm").click();
    await eventually(async () => expect(await page.getByTestId("no-models").count()).toBe(1));
    const state = await page.evaluate(
      (s) => ({
        sheets: window.socinvPlayground!.book.sheetNames(),
        names: window.socinvPlayground!.book.names(),
        budget: JSON.stringify(window.socinvPlayground!.book.snapshotSheet(s)),
      }),
      BUDGET_SHEET,
    );
    expect(state.sheets).toEqual([BUDGET_SHEET]);
    expect(state.names).toEqual([]);
    expect(state.budget).toBe(budgetNow);
    // …and with the one edit undone, byte for byte the sample as it was opened.
    await page.locator('[data-cell="D12"]').click();
    await page.keyboard.type("52");
    await page.keyboard.press("Enter");
    expect(await page.evaluate((s) => JSON.stringify(window.socinvPlayground!.book.snapshotSheet(s)), BUDGET_SHEET)).toBe(budgetBefore);
    await shot(page, "removed");
    expect(errors).toEqual([]);
  }, 120_000);
});

function splitRef(ref: string): [string, string] {
  const bang = ref.lastIndexOf("!");
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return [sheet, ref.slice(bang + 1).replace(/\$/g, "")];
}
