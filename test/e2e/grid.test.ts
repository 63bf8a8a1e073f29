/**
 * The playground's workbook in a real browser: the sample budget shown with its number formats, selecting
 * with the mouse and the keyboard, the formula bar, editing a cell and everything recalculating.
 */
import { BUDGET_SHEET } from "../../src/planner/samples";
import { cellText, describeInBrowser, dragSelect, screenshots, usePlayground } from "./browser";

describeInBrowser("playground grid", () => {
  const playground = usePlayground();

  test("shows the budget, selects by mouse and keyboard, edits and recalculates", async () => {
    const { page, errors } = playground.browser;
    const shot = screenshots("grid");
    await page.goto(playground.server.url);
    await page.locator('[data-cell="A1"]').waitFor();
    expect(await cellText(page, "A1")).toMatch(/driftbudget 2025/);
    expect(await cellText(page, "C4")).toBe("Bokslut 2024");
    expect(await cellText(page, "C5")).toBe("412,3");
    // Sum row with a SUM formula, Swedish number format with a non-breaking space between thousands.
    expect(await cellText(page, "C9")).toBe("1\u00a0337,6");
    expect(await cellText(page, "C17")).toBe("–2,4"); // dash negative
    expect(await page.getByTestId(`sheet-tab-${BUDGET_SHEET}`).getAttribute("aria-selected")).toBe("true");
    await shot(page, "budget");

    await dragSelect(page, "A4", "G29");
    expect(await page.getByTestId("name-box").textContent()).toBe("A4:G29");
    await shot(page, "block-selected");

    // Keyboard: click C9, see its formula; shift+arrows extend; arrows move.
    await page.locator('[data-cell="C9"]').click();
    expect(await page.getByTestId("formula-bar").inputValue()).toBe("=SUM(C5:C8)");
    await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.press("Shift+ArrowDown");
    expect(await page.getByTestId("name-box").textContent()).toBe("C9:E10");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    expect(await page.getByTestId("name-box").textContent()).toBe("C5");

    // Type a new amount with a decimal comma; the sum row follows.
    await page.keyboard.type("500,5");
    await page.keyboard.press("Enter");
    expect(await cellText(page, "C5")).toBe("500,5");
    expect(await cellText(page, "C9")).toBe("1\u00a0425,8");
    expect(await page.getByTestId("name-box").textContent()).toBe("C6");
    await shot(page, "edited");

    // F2 edits the existing content; Escape cancels.
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("F2");
    await page.keyboard.press("End");
    await page.keyboard.type("9");
    await page.keyboard.press("Escape");
    expect(await cellText(page, "C5")).toBe("500,5");

    // A formula typed in a cell.
    await page.locator('[data-cell="I6"]').click();
    await page.keyboard.type("=C5*2");
    await page.keyboard.press("Enter");
    expect(await cellText(page, "I6")).toBe("1001");
    await page.locator('[data-cell="I7"]').click();
    await page.keyboard.type("=1/0");
    await page.keyboard.press("Enter");
    expect(await cellText(page, "I7")).toBe("#DIVISION/0!");
    await shot(page, "formula");
    expect(errors).toEqual([]);
  }, 60_000);
});
