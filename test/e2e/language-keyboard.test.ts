/**
 * The same pane in English, and the whole flow with the keyboard only: reach the grid and select the
 * block with arrows, tab into the pane, choose roles and actors, build and remove without a mouse.
 */
import type { Page } from "playwright-core";
import { BUDGET_SHEET } from "../../src/planner/samples";
import { cellText, describeInBrowser, dragSelect, eventually, screenshots, usePlayground } from "./browser";
import { assign, build, cellValue, close, expected, readResults, rowIndex, useSelection } from "./pane";

/** Presses Tab (or Shift+Tab) until the focused element has the test id; fails after `max` presses. */
async function tabTo(page: Page, testId: string, opts: { back?: boolean; max?: number } = {}): Promise<number> {
  for (let n = 1; n <= (opts.max ?? 120); n++) {
    await page.keyboard.press(opts.back ? "Shift+Tab" : "Tab");
    const id = await page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? null);
    if (id === testId) return n;
  }
  throw new Error(`${testId} is not reachable with the keyboard`);
}

async function focusedVisibly(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return false;
    const cs = getComputedStyle(el);
    const ring = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0;
    const shadow = cs.boxShadow !== "none";
    const parent = el.parentElement ? getComputedStyle(el.parentElement) : null;
    const parentRing = !!parent && ((parent.outlineStyle !== "none" && parseFloat(parent.outlineWidth) > 0) || parent.boxShadow !== "none");
    return ring || shadow || parentRing || el.matches(":focus-visible");
  });
}

describeInBrowser("language and keyboard", () => {
  const playground = usePlayground();

  test("an English run: English page, pane and number formats; the language toggle switches the pane", async () => {
    const { page, errors } = playground.browser;
    const shot = screenshots("officer-en");
    await page.goto(`${playground.server.url}?lang=en`);
    await page.locator('[data-cell="A1"]').waitFor();
    expect(await page.locator("h1").first().innerText()).toBe("SOCINV playground");
    expect(await page.getByTestId("pane").getAttribute("data-lang")).toBe("en");
    expect(await cellText(page, "C9")).toBe("1,337.6");
    await dragSelect(page, "A4", "G29");
    await useSelection(page);
    expect(await page.getByTestId("status").innerText()).toMatch(/The budget block was read: 16 rows, 4 years/);
    await assign(page, "Social investering: Tidiga insatser", "cost", "son");
    // The avoided costs continue after the budget's last year: a choice (the default is nothing after it).
    for (const [label, share] of [
      ["Institutionsplaceringar barn och unga", "5"],
      ["Familjehem", "2.5"],
    ])
      await page.getByTestId(`after-${await assign(page, label, "gain", "son", share)}`).selectOption("repeatLast");
    await page.getByTestId("participants").fill("40");
    await page.getByTestId("success-probability").fill("50");
    await build(page);
    expect(await page.getByTestId("status").innerText()).toMatch(/The model SI1 was built/);
    const shown = await readResults(page);
    const e = await expected(page, [BUDGET_SHEET]);
    expect(e.inputs.language).toBe("en");
    expect(e.inputs.rows.find((r) => r.label === "Familjehem")!.share).toBeCloseTo(0.025, 12);
    close(shown.npv, e.result.npv);
    close((await cellValue(page, e.keyCells.npv)) as number, e.result.npv);
    expect(shown.npvText).toMatch(/^-?[\d,]+ kr$/);
    expect(shown.paybackText).toMatch(/year|never/i);
    await shot(page, "built-en");

    await page.getByTestId("language-toggle").click();
    expect(await page.getByTestId("pane").getAttribute("data-lang")).toBe("sv");
    expect(await page.getByTestId("result-npv").innerText()).toMatch(/^[−-]?[\d\u00a0\s]+ kr$/);
    await shot(page, "toggled-sv");
    expect(errors).toEqual([]);
  }, 90_000);

  test("keyboard only: select the block, fill the pane, build and remove", async () => {
    const { page, errors } = playground.browser;
    const shot = screenshots("keyboard");
    await page.goto(playground.server.url);
    await page.locator('[data-cell="A1"]').waitFor();
    await page.locator("body").focus();

    // The grid is reachable with Tab; arrows and Shift+arrows select A4:G29.
    await tabTo(page, "grid");
    expect(await focusedVisibly(page)).toBe(true);
    await page.keyboard.press("Control+Home");
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
    for (let i = 0; i < 6; i++) await page.keyboard.press("Shift+ArrowRight");
    for (let i = 0; i < 25; i++) await page.keyboard.press("Shift+ArrowDown");
    expect(await page.getByTestId("name-box").textContent()).toBe("A4:G29");
    await shot(page, "grid-selected");

    await tabTo(page, "use-selection");
    expect(await focusedVisibly(page)).toBe(true);
    await page.keyboard.press("Enter");
    await page.getByTestId("row-table").waitFor();
    await shot(page, "block-read");

    // Native selects: type-ahead picks an option without a mouse.
    const project = await rowIndex(page, "Social investering: Tidiga insatser");
    await tabTo(page, `role-${project}`);
    await page.keyboard.type("Insatsens");
    await tabTo(page, `actor-${project}`);
    await page.keyboard.type("Soc");
    const placements = await rowIndex(page, "Institutionsplaceringar");
    await tabTo(page, `role-${placements}`, { back: placements < project });
    await page.keyboard.type("Undviken");
    await tabTo(page, `actor-${placements}`);
    await page.keyboard.type("Soc");
    await tabTo(page, `share-${placements}`);
    await page.keyboard.press("Control+A");
    await page.keyboard.type("5");
    expect(await page.getByTestId(`role-${project}`).inputValue()).toBe("cost");
    expect(await page.getByTestId(`actor-${project}`).inputValue()).toBe("son");
    expect(await page.getByTestId(`role-${placements}`).inputValue()).toBe("gain");
    await shot(page, "assigned");

    await tabTo(page, "build");
    expect(await focusedVisibly(page)).toBe(true);
    await page.keyboard.press("Enter");
    await eventually(async () => expect(await page.getByTestId("result").getAttribute("data-state")).toBe("built"));
    await page.getByTestId("current-model").waitFor();
    const shown = await readResults(page);
    const e = await expected(page, [BUDGET_SHEET]);
    close(shown.npv, e.result.npv);
    await shot(page, "built");

    await tabTo(page, "remove-model");
    await page.keyboard.press("Enter");
    // The confirmation takes the focus, so Enter confirms.
    await eventually(async () => expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("remove-confirm"));
    await page.keyboard.press("Enter");
    await eventually(async () => expect(await page.getByTestId("no-models").count()).toBe(1));
    expect(await page.evaluate(() => window.socinvPlayground!.book.sheetNames())).toEqual([BUDGET_SHEET]);
    await shot(page, "removed");
    expect(errors).toEqual([]);
  }, 90_000);
});
