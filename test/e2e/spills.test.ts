/**
 * Large spills and failing formulas in the grid: a 10,000-column and a 10,000-row spill render in well under
 * a second (only what is in view is drawn) and keep keyboard and scrolling working; a formula asking for a
 * million periods shows an error in its cell, and a formula engine that throws, or a grid that fails to
 * render, leaves the page working with a message.
 */
import type { Page } from "playwright-core";
import { columnName } from "../../playground/a1";
import { cellText, describeInBrowser, eventually, screenshots, usePlayground } from "./browser";

/** The time of the Enter key press, left on the page's window by enterTimed. */
type EnterProbe = typeof window & { __t0?: number };

/** Types a formula into a cell and returns the time from Enter to the next painted frame, in ms. */
async function enterTimed(page: Page, a1: string, formula: string): Promise<number> {
  await page.locator(`[data-cell="${a1}"]`).click();
  await page.keyboard.type(formula);
  await page.evaluate(() => {
    (window as EnterProbe).__t0 = undefined;
    window.addEventListener("keydown", (e) => e.key === "Enter" && ((window as EnterProbe).__t0 = performance.now()), { capture: true, once: true });
  });
  await page.keyboard.press("Enter");
  return page.evaluate(
    () => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - (window as EnterProbe).__t0!), 0))),
  );
}

const domCells = (page: Page) => page.locator("[data-cell]").count();

/** Whether the cell is drawn inside the grid's visible box. */
async function inView(page: Page, a1: string): Promise<boolean> {
  const grid = (await page.getByTestId("grid").boundingBox())!;
  const box = await page.locator(`[data-cell="${a1}"]`).boundingBox();
  return !!box && box.x >= grid.x - 1 && box.x + box.width <= grid.x + grid.width + 1 && box.y >= grid.y - 1 && box.y + box.height <= grid.y + grid.height + 1;
}

describeInBrowser("large spills and failing formulas", () => {
  const playground = usePlayground();
  const figures: string[] = [];
  afterAll(() => console.log(`Grid render after Enter:\n  ${figures.join("\n  ")}`));

  test("=SEQUENCE(1,10000): rendered at once, scrolls to its end, the keyboard moves through it", async () => {
    const { page, errors } = playground.browser;
    const shot = screenshots("spill-columns");
    await page.goto(playground.server.url);
    await page.locator('[data-cell="A1"]').waitFor();
    const ms = await enterTimed(page, "A31", "=SEQUENCE(1,10000)");
    figures.push(`=SEQUENCE(1,10000): ${Math.round(ms)} ms, ${await domCells(page)} cells in the DOM`);
    expect(await cellText(page, "A31")).toBe("1");
    expect(await cellText(page, "B31")).toBe("2");
    expect(await domCells(page)).toBeLessThan(3000);
    await shot(page, "spilled");

    // Scroll to the far end: the last value is drawn, the rest is not.
    await page.getByTestId("grid").evaluate((el) => (el.scrollLeft = el.scrollWidth));
    const last = `${columnName(9999)}31`;
    await eventually(async () => expect(await cellText(page, last)).toBe("10000"));
    expect(await inView(page, last)).toBe(true);
    expect(await domCells(page)).toBeLessThan(3000);
    await shot(page, "far-right");

    // The keyboard from there: right past the spill, left back, Shift extends; each target stays in view.
    await page.locator(`[data-cell="${last}"]`).click();
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
    expect(await page.getByTestId("name-box").textContent()).toBe(`${columnName(10002)}31`);
    expect(await inView(page, `${columnName(10002)}31`)).toBe(true);
    for (let i = 0; i < 40; i++) await page.keyboard.press("ArrowLeft");
    const back = `${columnName(9962)}31`;
    expect(await page.getByTestId("name-box").textContent()).toBe(back);
    expect(await inView(page, back)).toBe(true);
    expect(await cellText(page, back)).toBe("9963");
    await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.press("Shift+ArrowDown");
    expect(await page.getByTestId("name-box").textContent()).toBe(`${back}:${columnName(9963)}32`);
    // Home goes back to column A, and it is drawn again.
    await page.keyboard.press("Home");
    expect(await page.getByTestId("name-box").textContent()).toBe("A31");
    await eventually(async () => expect(await inView(page, "A31")).toBe(true));
    expect(await cellText(page, "A4")).toBe("Nämnd");
    await shot(page, "back-home");
    expect(errors).toEqual([]);
  }, 60_000);

  test("=SEQUENCE(10000,1): rendered at once, PageDown and scrolling reach its end", async () => {
    const { page, errors } = playground.browser;
    const shot = screenshots("spill-rows");
    await page.goto(playground.server.url);
    await page.locator('[data-cell="A1"]').waitFor();
    const ms = await enterTimed(page, "I31", "=SEQUENCE(10000,1)");
    figures.push(`=SEQUENCE(10000,1): ${Math.round(ms)} ms, ${await domCells(page)} cells in the DOM`);
    expect(await cellText(page, "I31")).toBe("1");
    expect(await cellText(page, "I32")).toBe("2");
    await page.getByTestId("grid").evaluate((el) => (el.scrollTop = el.scrollHeight));
    await eventually(async () => expect(await cellText(page, "I10030")).toBe("10000"));
    expect(await domCells(page)).toBeLessThan(3000);
    await page.locator('[data-cell="I10030"]').click();
    await page.keyboard.press("PageUp");
    const name = (await page.getByTestId("name-box").textContent())!;
    expect(Number(name.slice(1))).toBeLessThan(10030);
    expect(await inView(page, name)).toBe(true);
    await shot(page, "bottom");
    expect(errors).toEqual([]);
  }, 60_000);

  test("=SOCINV.DISCOUNTFACTORS(0.1,1E6) typed: an error in its cell, and the grid keeps working", async () => {
    const { page, errors } = playground.browser;
    const shot = screenshots("spill-million");
    await page.goto(playground.server.url);
    await page.locator('[data-cell="A1"]').waitFor();
    const ms = await enterTimed(page, "I31", "=SOCINV.DISCOUNTFACTORS(0.1,1E6)");
    figures.push(`=SOCINV.DISCOUNTFACTORS(0.1,1E6): ${Math.round(ms)} ms`);
    const shown = await cellText(page, "I31");
    expect(shown).toMatch(/^#/);
    expect(await page.locator('[data-cell="I31"]').getAttribute("title")).toBeTruthy();
    await page.locator('[data-cell="K31"]').click();
    await page.keyboard.type("=2+3");
    await page.keyboard.press("Enter");
    expect(await cellText(page, "K31")).toBe("5");
    await page.locator('[data-cell="C5"]').click();
    await page.keyboard.type("500");
    await page.keyboard.press("Enter");
    expect(await cellText(page, "C9")).toBe("1\u00a0425,3");
    await shot(page, "error-in-cell");
    expect(errors).toEqual([]);
  }, 60_000);

  test("a formula engine that throws: the cell keeps what it had and the page says why", async () => {
    const { page } = playground.browser;
    const shot = screenshots("engine-throws");
    await page.goto(playground.server.url);
    await page.locator('[data-cell="A1"]').waitFor();
    await page.evaluate(() => {
      const engine = window.socinvPlayground!.book.engine;
      const original = engine.setCellContents.bind(engine);
      let armed = true;
      engine.setCellContents = (...args: Parameters<typeof original>) => {
        if (armed) {
          armed = false;
          throw new RangeError("Invalid array length");
        }
        return original(...args);
      };
    });
    await page.locator('[data-cell="C5"]').click();
    await page.keyboard.type("999");
    await page.keyboard.press("Enter");
    const m = page.getByTestId("page-message");
    await m.waitFor();
    expect(await m.innerText()).toMatch(/Formelmotorn kunde inte räkna C5 \(Invalid array length\)\. Cellen har kvar sitt tidigare innehåll\./);
    expect(await m.innerText()).toMatch(/The formula engine could not calculate C5/);
    expect(await cellText(page, "C5")).toBe("412,3");
    expect(await cellText(page, "C9")).toBe("1\u00a0337,6");
    await shot(page, "message");
    // The next edit goes through.
    await page.locator('[data-cell="C5"]').click();
    await page.keyboard.type("999");
    await page.keyboard.press("Enter");
    expect(await cellText(page, "C5")).toBe("999,0");
  }, 60_000);

  test("a grid that fails to render: a message in its place, the pane and the toolbar keep working", async () => {
    const { page } = playground.browser;
    const shot = screenshots("render-fails");
    await page.goto(playground.server.url);
    await page.locator('[data-cell="A1"]').waitFor();
    await page.evaluate(() => {
      const book = window.socinvPlayground!.book;
      book.usedArea = () => {
        throw new Error("test: the engine failed");
      };
      book.select(book.selection.sheet, { r0: 1, c0: 1, r1: 1, c1: 1 });
    });
    const boundary = page.getByTestId("render-error");
    await boundary.waitFor();
    expect(await boundary.innerText()).toMatch(/Arbetsboken kunde inte visas: test: the engine failed/);
    expect(await boundary.innerText()).toMatch(/The workbook could not be shown/);
    expect(await page.getByTestId("pane").count()).toBe(1);
    await shot(page, "boundary");
    // Another workbook from the menu draws the grid again.
    await page.getByTestId("sample-select").selectOption("template-plain");
    await page.locator('[data-cell="A1"]').waitFor();
    expect(await page.getByTestId("render-error").count()).toBe(0);
    await shot(page, "recovered");
  }, 60_000);
});
