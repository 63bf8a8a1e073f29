/**
 * Defaults that cannot mislead, in the real pane on the playground's sample driftbudget (mnkr; Bokslut 2024,
 * Budget 2025, Plan 2026, Plan 2027):
 * - a gain row has no share until one is typed: Build is refused naming the row, nothing is written; once a
 *   share is typed the pane shows what the row adds in kr per year; "repeat the last year" is a choice;
 * - the start year is 2025, the first Budget year after the Bokslut 2024, and the pane says why;
 * - each plausibility warning the pane can produce is shown before Build, does not stop it, and is written
 *   under the model sheet's title.
 */
import type { Page } from "playwright-core";
import { BUDGET_SHEET } from "../../src/planner/samples";
import { cellText, describeInBrowser, dragSelect, eventually, screenshots, usePlayground } from "./browser";
import { assign, build, cellValue, expected, rowIndex, storedModels, useSelection } from "./pane";

const PROJECT = "Social investering: Tidiga insatser";
const PLACEMENTS = "Institutionsplaceringar barn och unga";

/** Spaces of every kind as one plain space, for comparing texts with Swedish number formatting. */
const plain = (s: string) => s.replace(/[\u00a0\u202f\s]+/g, " ").trim();

/** The text of the elements that describe a field (its hint and messages), by the field's test id. */
async function described(page: Page, testId: string): Promise<string> {
  return page.getByTestId(testId).evaluate((el) =>
    (el.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .filter((id) => id)
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );
}

async function openBudget(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('[data-cell="A1"]').waitFor();
}

describeInBrowser("defaults that cannot mislead", () => {
  const playground = usePlayground();

  test("no 100 % default: a gain without a share is not built; the share's kr per year; the start year after the Bokslut", async () => {
    const { page, errors } = playground.browser;
    const shot = screenshots("defaults-share");
    await openBudget(page, playground.server.url);
    await dragSelect(page, "A4", "G29");
    await useSelection(page);

    // The start year: 2025, the first Budget year after Bokslut 2024, and the reason next to the field.
    expect(await page.getByTestId("start-year").inputValue()).toBe("2025");
    expect(plain(await described(page, "start-year"))).toContain(
      "Förvalt: första budget- eller planåret efter bokslutet 2024. Ett bokslut är utfall; att börja där räknar besparingar innan insatsen har börjat.",
    );

    // The project is the cost (the whole line, shown as 100); the placements a gain, with no share typed.
    const project = await assign(page, PROJECT, "cost", "son");
    expect(await page.getByTestId(`share-${project}`).inputValue()).toBe("100");
    const gain = await assign(page, PLACEMENTS, "gain", "son");
    expect(await page.getByTestId(`share-${gain}`).inputValue()).toBe("");
    expect(await page.getByTestId(`after-${gain}`).inputValue()).toBe("zero");
    expect(plain(await page.getByTestId(`share-${gain}-missing`).innerText())).toBe(
      "Skriv hur stor andel av raden som insatsen undviker, t.ex. 5. Ingen andel antas: utan den kan modellen inte byggas.",
    );
    expect(await page.getByTestId(`share-${gain}-amount`).count()).toBe(0);
    await page.getByTestId(`share-${gain}`).scrollIntoViewIfNeeded();
    await shot(page, "gain-without-share");

    // Build is refused, naming the row, and nothing is written to the workbook.
    await page.getByTestId("build").click();
    await eventually(async () => expect(await page.getByTestId("error").innerText()).toContain(PLACEMENTS));
    expect(await storedModels(page)).toEqual([]);
    expect(await page.evaluate(() => window.socinvPlayground!.book.sheetNames())).toEqual([BUDGET_SHEET]);
    await page.getByTestId("error").scrollIntoViewIfNeeded();
    await shot(page, "build-refused");

    // A share typed: 4 % of Budget 2025 52,0 mnkr = 2 080 000 kr; of Plan 2026 50,5 = 2 020 000; of Plan 2027 49,0 =
    // 1 960 000; nothing after the budget (2028–2034 of the default ten years).
    await page.getByTestId(`share-${gain}`).fill("4");
    const amount = page.getByTestId(`share-${gain}-amount`);
    await eventually(async () => expect(await amount.getAttribute("data-state")).toBe("ok"));
    expect(JSON.parse((await amount.getAttribute("data-amounts"))!)).toEqual([2080000, 2020000, 1960000, 0, 0, 0, 0, 0, 0, 0]);
    expect(plain(await amount.innerText())).toBe(
      "Undviken kostnad i modellen, kr per år före justeringar: 2025: 2 080 000 kr · 2026: 2 020 000 kr · 2027: 1 960 000 kr · 2028–2034: 0 kr",
    );
    expect(await page.getByTestId(`share-${gain}-missing`).count()).toBe(0);
    // Repeating the last year is a choice the user makes, and the amounts say what it does.
    await page.getByTestId(`after-${gain}`).selectOption("repeatLast");
    await eventually(async () =>
      expect(plain(await amount.innerText())).toBe(
        "Undviken kostnad i modellen, kr per år före justeringar: 2025: 2 080 000 kr · 2026: 2 020 000 kr · 2027–2034: 1 960 000 kr",
      ),
    );
    await page.getByTestId(`after-${gain}`).selectOption("zero");
    await amount.scrollIntoViewIfNeeded();
    await shot(page, "share-typed");

    // Now it builds, from exactly these choices.
    await build(page);
    const e = await expected(page, [BUDGET_SHEET]);
    expect(e.inputs.startYear).toBe(2025);
    expect(e.inputs.rows.find((r) => r.label.startsWith(PLACEMENTS))).toMatchObject({ role: "gain", share: 0.04, after: "zero" });
    expect(e.inputs.rows.find((r) => r.label.startsWith(PROJECT))).toMatchObject({ role: "cost", share: 1, after: "zero" });
    // The model's first year and its placements line in the sheet: 2025, and the kr the pane showed.
    expect(e.result.years[0]).toBe(2025);
    expect(e.result.gainsGross.slice(0, 4)).toEqual([2080000, 2020000, 1960000, 0]);
    await shot(page, "built");

    // The same in English.
    await page.getByTestId("language-toggle").click();
    await eventually(async () => expect(await page.getByTestId("pane").getAttribute("data-lang")).toBe("en"));
    expect(plain(await described(page, "start-year"))).toContain("Default: the first Budget or Plan year after the actuals of 2024.");
    await eventually(async () =>
      expect(plain(await amount.innerText())).toBe(
        "Avoided cost in the model, kr per year before adjustments: 2025: 2,080,000 kr · 2026: 2,020,000 kr · 2027: 1,960,000 kr · 2028–2034: 0 kr",
      ),
    );
    await amount.scrollIntoViewIfNeeded();
    await shot(page, "share-typed-en");
    expect(errors).toEqual([]);
  }, 120_000);

  test("every plausibility warning the pane can produce: shown before Build, not blocking it, kept on the model sheet", async () => {
    const { page, errors } = playground.browser;
    const shot = screenshots("defaults-warnings");
    await openBudget(page, playground.server.url);
    // A year column with nothing in it: Plan 2028 in H4, right of the comments.
    await page.locator('[data-cell="H4"]').click();
    await page.keyboard.type("Plan 2028");
    await page.keyboard.press("Enter");
    expect(await cellText(page, "H4")).toBe("Plan 2028");
    await selectByKeys(page, "A4", 7, 25);
    expect(await page.getByTestId("name-box").textContent()).toBe("A4:H29");
    await useSelection(page);
    expect(await page.getByTestId("status").innerText()).toContain("16 rader, 5 år");

    // Start in the Bokslut year on purpose; 100 % of the placements; the nämnd's sum row with it; a typed gain of 400 mnkr in 2027.
    await page.getByTestId("start-year").fill("2024");
    expect(plain(await described(page, "start-year"))).toContain(
      "2024 är ett bokslutsår (utfall): besparingar räknas innan insatsen har börjat. Första budget- eller planåret efter bokslutet är 2025.",
    );
    await assign(page, PROJECT, "cost", "son");
    await assign(page, PLACEMENTS, "gain", "son", "100");
    await page.getByTestId("show-sum-rows").click();
    await assign(page, "Summa Socialnämnden", "gain", "son", "1");
    await page.getByTestId("add-extra-gain").click();
    await page.getByTestId("extra-0-label").fill("Färre placeringar (egen bedömning)");
    await page.getByTestId("extra-0-actor").selectOption("son");
    await page.getByTestId("extra-0-amounts").fill("0; 0; 0; 400 000 000");

    const kinds = ["highRatio", "gainsAboveBudget", "sumWithDetail", "blankYear", "gainsBeforeCosts", "startInActuals"];
    const panel = page.getByTestId("warnings");
    const shownKinds = () =>
      page.locator('[data-testid^="warning-"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")!.slice("warning-".length)));
    await eventually(async () => expect(await shownKinds()).toEqual(kinds));
    expect(await panel.getAttribute("data-count")).toBe(String(kinds.length));
    const text = async (kind: string) => plain(await page.getByTestId(`warning-${kind}`).innerText());
    expect(await page.locator("#warnings-heading").innerText()).toBe("6 rimlighetsvarningar");
    expect(await text("blankYear")).toBe('Budgetåret 2028 (kolumn H, "Plan 2028") är helt tomt: modellen räknar 0 kr det året för varje budgetrad.');
    expect(await text("startInActuals")).toBe(
      'Modellen börjar 2024, ett bokslutsår (utfall, "Bokslut 2024"): besparingar räknas då innan insatsen har börjat. Första budget- eller planåret efter bokslutet är 2025.',
    );
    // The project's Bokslut 2024 is "–" (nothing): its first cost is Budget 2025; the placements count from 2024.
    expect(await text("gainsBeforeCosts")).toContain("Nyttorna börjar 2024, före insatsens första kostnadsår 2025");
    expect(await text("sumWithDetail")).toBe(
      `Summaraden "Summa Socialnämnden" och dess delrad "${PLACEMENTS}" är båda valda som nytta: delraden räknas två gånger.`,
    );
    // Socialnämnden's rows in Plan 2027: 66,0 + 49,0 + 24,5 + 95,9 + 22,4 + 4,0 − 1,5 = 260,3 mnkr (also its sum row).
    // Avoided in 2027: 49,0 (100 % of the placements) + 2,603 (1 % of the sum row) + 400 typed = 451,603 mnkr.
    expect(await text("gainsAboveBudget")).toBe(
      "De undvikna kostnaderna för Socialnämnden 2027 (451,6 mnkr, varav egna rader 400,0 mnkr) är större än aktörens budgetrader i blocket samma år (260,3 mnkr).",
    );
    expect(await text("highRatio")).toMatch(/^Nyttan per kostnadskrona är \d+,\d \(nuvärde av nyttor [\d ]+,\d mnkr mot kostnader [\d ]+,\d mnkr\)\. Över 10/);
    const paneSv = await Promise.all(kinds.map(text));
    await panel.scrollIntoViewIfNeeded();
    await shot(page, "warnings-before-build");

    // The warnings do not stop the build; the sheet keeps them under its title, the same texts.
    await build(page);
    const e = await expected(page, [BUDGET_SHEET]);
    const sheet = e.settings.sheets[0];
    const at = async (row: number) => String((await cellValue(page, `'${sheet}'!A${row}`)) ?? "");
    expect(await at(4)).toBe("6 rimlighetsvarningar");
    expect(await at(5)).toBe("Modellen byggdes ändå; kontrollera detta innan den används.");
    // Then each warning, long ones over two lines (a continuation starts with three spaces), then a blank row and the assumptions.
    const lines: string[] = [];
    for (let row = 6; (await at(row)) !== ""; row++) lines.push(await at(row));
    const onSheet: string[] = [];
    for (const l of lines) {
      if (l.startsWith("   ")) onSheet[onSheet.length - 1] += ` ${l.trim()}`;
      else onSheet.push(l);
    }
    expect(onSheet.map(plain)).toEqual(paneSv);
    expect(await at(6 + lines.length + 1)).toBe("Antaganden");
    // The benefit–cost ratio in the warning is the sheet's own.
    const bcr = (await cellValue(page, e.keyCells.benefitCostRatio)) as number;
    expect(bcr).toBeGreaterThan(10);
    expect(paneSv[0]).toContain(`är ${bcr.toFixed(1).replace(".", ",")} (`);
    await page.locator('[data-cell="A4"]').scrollIntoViewIfNeeded();
    await shot(page, "warnings-on-sheet");

    // In English, the same warnings.
    await page.getByTestId("language-toggle").click();
    await eventually(async () => expect(await page.locator("#warnings-heading").innerText()).toBe("6 plausibility warnings"));
    expect(await text("blankYear")).toBe(
      'The budget year 2028 (column H, "Plan 2028") is entirely blank: the model counts 0 kr that year for every budget row.',
    );
    await panel.scrollIntoViewIfNeeded();
    await shot(page, "warnings-en");

    // Back to a plausible model: the start year as proposed, a typed share, no sum row, no typed line: no warnings.
    await page.getByTestId("language-toggle").click();
    await page.getByTestId("start-year").fill("2025");
    await page.getByTestId(`share-${await rowIndex(page, PLACEMENTS)}`).fill("4");
    await page.getByTestId(`role-${await rowIndex(page, "Summa Socialnämnden")}`).selectOption("ignore");
    await page.getByTestId("extra-0-remove").click();
    await dragSelectBack(page);
    await eventually(async () => expect(await page.getByTestId("warnings").count()).toBe(0));

    // A row of Kultur- och fritidsnämnden given to Socialnämnden: the actor check of actor-guess.ts, in the same list.
    await assign(page, "Fritidsgårdar", "gain", "son", "1");
    await eventually(async () => expect(await shownKinds()).toEqual(["actorMismatch"]));
    const mismatch = await text("actorMismatch");
    expect(mismatch).toContain('"Fritidsgårdar"');
    expect(mismatch).toContain("Kultur- och fritidsnämnden");
    await page.getByTestId("build").click();
    await eventually(async () => expect((await storedModels(page)).length).toBe(2));
    const second = JSON.parse((await storedModels(page)).find((x) => x.modelKey === "SI2")!.settingsJson) as { sheets: string[] };
    const at2 = async (row: number) => String((await cellValue(page, `'${second.sheets[0]}'!A${row}`)) ?? "");
    expect(await at2(4)).toBe("1 rimlighetsvarning");
    expect(plain([await at2(6), (await at2(7)).trim()].filter((x) => x).join(" "))).toContain(plain(mismatch));
    expect(errors).toEqual([]);
  }, 120_000);
});

/** Selects from a cell `right` columns and `down` rows further with Shift and the arrow keys, as a user can. */
async function selectByKeys(page: Page, from: string, right: number, down: number): Promise<void> {
  await page.locator(`[data-cell="${from}"]`).click();
  for (let i = 0; i < right; i++) await page.keyboard.press("Shift+ArrowRight");
  for (let i = 0; i < down; i++) await page.keyboard.press("Shift+ArrowDown");
}

/** Reads the sample block without the blank year column again (A4:G29), keeping the choices. */
async function dragSelectBack(page: Page): Promise<void> {
  await page.getByTestId(`sheet-tab-${BUDGET_SHEET}`).click();
  await selectByKeys(page, "A4", 6, 25);
  await useSelection(page);
}
