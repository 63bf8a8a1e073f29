/**
 * An error is never shown as a result (issue 10, §4), and a long title is neither cut in the sheet's tab nor
 * clipped in its title row (§5), in the playground in Chromium: build a model from the sample block with a long
 * Swedish title, type text into a budget cell the model reads, and see the model sheet's paybacks and NPV
 * become errors (#VÄRDEFEL!, never "Inte inom horisonten") and its input check name the cell; type the number
 * back and see the numbers return.
 */
import path from "node:path";
import { BUDGET_SHEET } from "../../src/planner/samples";
import { translator } from "../../src/planner/model/texts";
import { ROOT, cellText, describeInBrowser, dragSelect, eventually, screenshots, usePlayground } from "./browser";
import { assign, build, cellValue, close, expected, useSelection } from "./pane";

const TITLE = "Familjecentral (Ale), förebyggande insatser för barn och unga 2025–2030";
const t = translator("sv");

/** "'Sheet'!$B$5" → { sheet, a1: "B5" } */
function split(ref: string): { sheet: string; a1: string } {
  const bang = ref.lastIndexOf("!");
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, a1: ref.slice(bang + 1).replace(/\$/g, "") };
}

describeInBrowser("errors in the budget reach the model sheet's results (Swedish)", () => {
  const playground = usePlayground();

  test("text in a budget cell the model reads: paybacks and NPV are errors, the check names the cell", async () => {
    const { page, errors } = playground.browser;
    const shot = screenshots("sheet-errors");
    await page.goto(playground.server.url);
    await page.locator('[data-cell="A1"]').waitFor();

    // 1. The sample block, a long title, a cost and two gains with typed shares; build.
    await dragSelect(page, "A4", "G29");
    await useSelection(page);
    await assign(page, "Social investering: Tidiga insatser", "cost", "son");
    const inst = await assign(page, "Institutionsplaceringar barn och unga", "gain", "son", "4");
    const stod = await assign(page, "Försörjningsstöd", "gain", "son", "1");
    for (const i of [inst, stod]) await page.getByTestId(`after-${i}`).selectOption("repeatLast");
    await page.getByTestId("model-title").fill(TITLE);
    await page.getByTestId("participants").fill("60");
    await page.getByTestId("success-probability").fill("40");
    await build(page);
    const e = await expected(page, [BUDGET_SHEET]);
    const k = e.keyCells;
    const modelSheet = e.settings.sheets[0];

    // 2. The tab: whole words, nothing dangling, within Excel's 31 characters.
    expect(modelSheet).toBe("SI1 Familjecentral (Ale)");
    await expect(page.getByTestId(`sheet-tab-${modelSheet}`).innerText()).resolves.toBe(modelSheet);

    // 3. The title row shows the whole title: the text is in A1 and its box is not narrower or lower than the text.
    await page.getByTestId(`sheet-tab-${modelSheet}`).click();
    await page.locator('[data-cell="A1"]').waitFor();
    expect(await cellText(page, "A1")).toBe(`Social investering: ${TITLE}`);
    // The text's own box (ascenders to descenders, start to end) lies inside what the cell shows of it.
    const clip = await page.locator('[data-cell="A1"]').evaluate((cell) => {
      const shown = (cell.querySelector(".pg-runon") ?? cell) as HTMLElement;
      const range = document.createRange();
      range.selectNodeContents(shown);
      const text = range.getBoundingClientRect();
      const box = shown.getBoundingClientRect();
      return {
        left: text.left >= box.left - 0.5,
        right: text.right <= box.right + 0.5,
        top: text.top >= box.top - 0.5,
        bottom: text.bottom <= box.bottom + 0.5,
        scroll: [shown.scrollWidth - shown.clientWidth, shown.scrollHeight - shown.clientHeight],
      };
    });
    expect(clip).toEqual({ left: true, right: true, top: true, bottom: true, scroll: [0, 0] });
    const a1 = (await page.locator('[data-cell="A1"]').boundingBox())!;
    await page.screenshot({
      path: path.join(ROOT, "test-results", "sheet-errors", "title-row.png"),
      clip: { x: a1.x, y: a1.y - 4, width: 900, height: a1.height + 8 },
    });
    // With numbers: the check says every cell read is a number, and the paybacks are years.
    const check = split(k.inputCheck.message).a1;
    expect(await cellValue(page, k.inputCheck.count)).toBe(0);
    expect(await cellText(page, check)).toBe(t("inputCheckOk"));
    expect(typeof (await cellValue(page, k.payback))).toBe("number");
    expect(typeof (await cellValue(page, k.discountedPayback))).toBe("number");
    const npvBefore = (await cellValue(page, k.npv)) as number;
    close(npvBefore, e.result.npv);
    await shot(page, "built");

    // 4. Text in D12 (Institutionsplaceringar, Budget 2025: 52,0), a cell the gain line reads.
    await page.getByTestId(`sheet-tab-${BUDGET_SHEET}`).click();
    await page.locator('[data-cell="D12"]').click();
    await page.keyboard.type("tre");
    await page.keyboard.press("Enter");
    expect(await cellText(page, "D12")).toBe("tre");
    await shot(page, "budget-text");

    // 5. The model sheet: errors, never "Inte inom horisonten"; the check names the cell.
    await page.getByTestId(`sheet-tab-${modelSheet}`).click();
    await page.locator('[data-cell="A1"]').waitFor();
    for (const ref of [k.npv, k.payback, k.discountedPayback, k.paybackYear, k.discountedPaybackYear, k.breakEven, k.benefitCostRatio]) {
      expect([ref, await cellValue(page, ref)]).toEqual([ref, "#VALUE!"]);
    }
    const payback = split(k.payback).a1;
    await eventually(async () => expect(await cellText(page, payback)).toBe("#VÄRDEFEL!"));
    expect(await cellText(page, split(k.discountedPayback).a1)).toBe("#VÄRDEFEL!");
    expect(await cellText(page, split(k.npv).a1)).toBe("#VÄRDEFEL!");
    expect(await cellValue(page, k.inputCheck.count)).toBe(1);
    const message = t("inputCheckOne", { cell: "'Driftbudget 2025'!D12" });
    expect(await cellValue(page, k.inputCheck.message)).toBe(message);
    expect(await cellText(page, check)).toBe(message);
    expect(await page.locator(`[data-cell="${payback}"]`).innerText()).not.toContain(t("notWithinHorizon"));
    // The pane reads the same cells (another part of issue 10): its paybacks and NPV show the sheet's error, never a
    // number or "Inte inom horisonten", and its message names the budget cell.
    await eventually(async () => {
      for (const id of ["result-npv", "result-payback", "result-payback-discounted"]) {
        expect([id, await page.getByTestId(id).getAttribute("data-error")]).toEqual([id, "#VALUE!"]);
        expect(await page.getByTestId(id).innerText()).toBe("#VÄRDEFEL!");
      }
      expect(await page.getByTestId("result-errors").innerText()).toContain("'Driftbudget 2025'!D12");
    });
    await shot(page, "model-errors");

    // 6. The number typed back: the numbers return, the check is clear.
    await page.getByTestId(`sheet-tab-${BUDGET_SHEET}`).click();
    await page.locator('[data-cell="D12"]').click();
    await page.keyboard.type("52");
    await page.keyboard.press("Enter");
    await page.getByTestId(`sheet-tab-${modelSheet}`).click();
    await page.locator('[data-cell="A1"]').waitFor();
    close((await cellValue(page, k.npv)) as number, npvBefore, 1e-12);
    expect(typeof (await cellValue(page, k.payback))).toBe("number");
    expect(await cellText(page, check)).toBe(t("inputCheckOk"));
    await shot(page, "model-restored");
    expect(errors).toEqual([]);
  }, 120_000);
});
