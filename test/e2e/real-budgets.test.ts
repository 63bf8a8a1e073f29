/**
 * Real budgets, as municipalities publish them, in the real pane: each workbook of test/planner/real-budgets-data.ts
 * is written to an .xlsx file and opened in the playground, one cell is selected and read, and the pane must show
 * the whole block (across the blank rows between nämnder, and say where it ends), its years, unit and sum rows,
 * no key figures or investments among the rows, repeated labels with their nämnd, actors from the headings and
 * the sheet's title (none for a nämnd it does not know, with a proposal), one warning for text amounts, and a
 * choice between Utfall 2013 and Budget 2013. One model per workbook is built; its NPV in the pane and on the
 * sheet is checked against a hand calculation.
 */
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import type { SampleWorkbook } from "../../src/planner/samples";
import { sampleSnapshot } from "../../src/planner/samples";
import { describeInBrowser, eventually, screenshots, usePlayground } from "./browser";
import { assign, build, cellValue, close, expected, readRangeInPage, readResults, rowIndex, useSelection } from "./pane";
import {
  KOMMUN,
  KOMMUN_NAMNDER,
  KOMMUN_ROWS,
  KOMMUN_SHEET,
  REDOVISNING,
  REDOVISNING_ROWS,
  REDOVISNING_SHEET,
  SOCIAL,
  SOCIAL_SHEET,
} from "../planner/real-budgets-data";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Spaces of every kind as one plain space. */
const plain = (s: string) => s.replace(/[\u00a0\u202f\s]+/g, " ").trim();

/** The workbook as an .xlsx file: values, SUM formulas with their results, number formats. */
async function xlsxOf(wb: SampleWorkbook): Promise<Buffer> {
  const out = new ExcelJS.Workbook();
  for (const s of wb.sheets) {
    const ws = out.addWorksheet(s.name);
    const values = sampleSnapshot(wb, s.name, `A1:H${s.cells.length}`).values;
    s.cells.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = typeof v === "string" && v.startsWith("=") ? { formula: v.slice(1), result: values[r][c] as number } : v;
        const fmt = s.numberFormats?.[r]?.[c];
        if (fmt) cell.numFmt = fmt;
      }),
    );
    ws.getColumn(1).width = 44;
  }
  return Buffer.from(await out.xlsx.writeBuffer());
}

async function openWorkbook(page: Page, url: string, name: string, wb: SampleWorkbook): Promise<void> {
  await page.goto(url);
  await page.locator('[data-cell="A1"]').waitFor();
  await page.getByTestId("file-input").setInputFiles({ name, mimeType: XLSX_MIME, buffer: await xlsxOf(wb) });
  await eventually(async () => expect(plain(await page.getByTestId("page-message").innerText())).toContain(name));
}

/** Selects one cell and reads the block around it. */
async function readFromCell(page: Page, a1: string): Promise<void> {
  await page.locator(`[data-cell="${a1}"]`).scrollIntoViewIfNeeded();
  await page.locator(`[data-cell="${a1}"]`).click();
  expect(await page.getByTestId("name-box").textContent()).toBe(a1);
  await useSelection(page);
}

/** The pane's notes under step 1, as plain text. */
async function notes(page: Page): Promise<string[]> {
  return (await page.getByTestId("budget-notes").locator("li").allInnerTexts()).map(plain);
}

/** The labels of the pane's budget rows, top to bottom. */
async function rowLabels(page: Page): Promise<string[]> {
  return page.locator('[data-testid^="row-"][data-sheet-row]').evaluateAll((els) => els.map((e) => (e.querySelector("span")?.textContent ?? "").trim()));
}

async function actorOf(page: Page, label: string): Promise<string> {
  return page.getByTestId(`actor-${await rowIndex(page, label)}`).inputValue();
}

/** The text cells of a model sheet (its first 120 rows, columns A–F). */
async function sheetTexts(page: Page, sheet: string): Promise<string[]> {
  const s = await readRangeInPage(page, sheet, "A1:F120");
  return s.values.flat().filter((v): v is string => typeof v === "string" && v !== "");
}

describeInBrowser("real budgets, as municipalities publish them", () => {
  const playground = usePlayground();
  beforeAll(() => playground.browser.page.on("dialog", (d) => void d.accept()));

  test("a kommun's driftbudget per nämnd (mnkr, blank rows between nämnder): one cell reads it all", async () => {
    const { page, errors } = playground.browser;
    const shot = screenshots("real-budget-kommun");
    await openWorkbook(page, playground.server.url, "driftbudget-2014.xlsx", KOMMUN);
    const cell = `C${KOMMUN_ROWS.byLabel.get("Socialnämnden – Försörjningsstöd")}`;
    await readFromCell(page, cell);

    // The whole driftbudget, across the six blank rows between the nämnder and the one before the total; it ends
    // where the investeringsbudget starts.
    expect(await page.getByTestId("data-address").innerText()).toBe(`A4:F${KOMMUN_ROWS.total}`);
    expect(plain(await page.getByTestId("data-years").innerText())).toBe("Bokslut 2012, Budget 2013, Budget 2014, Plan 2015, Plan 2016");
    expect(plain(await page.getByTestId("data-rows").innerText())).toMatch(/^24 rader, varav 8 summarader/);
    expect(await page.getByTestId("unit").inputValue()).toBe("mnkr");
    const n = await notes(page);
    expect(n[0]).toBe(
      `Markeringen var en cell (${cell}); blocket A4:F${KOMMUN_ROWS.total} lästes, från årsrubriken på rad 4, över 7 tomma rader mellan delarna. Det slutar där en ny tabell med egen årsrubrik börjar (rad ${KOMMUN_ROWS.total + 3}).`,
    );
    expect(n).toContain(
      '1 rad är inte ett driftbelopp i budgetens enhet och erbjuds inte som kostnad eller nytta: "Investeringsutgifter" (investering). Lägg till en egen rad om en investering hör till insatsens kostnad.',
    );
    await shot(page, "read");

    // Rows: "Politisk verksamhet" with its nämnd, seven times; no investment line among them.
    const labels = await rowLabels(page);
    expect(labels.filter((l) => l.endsWith("Politisk verksamhet"))).toEqual(KOMMUN_NAMNDER.map((x) => `${x.namnd} – Politisk verksamhet`));
    expect(labels).not.toContain("Investeringsutgifter");
    expect(labels).not.toContain("Projekt");

    // Actors from the nämnd headings; the three nämnder the pane does not know get none, and are proposed.
    expect(await actorOf(page, "Kommunstyrelsen – Politisk verksamhet")).toBe("ks");
    expect(await actorOf(page, "Räddningstjänst")).toBe("ks");
    expect(await actorOf(page, "Grundskola")).toBe("bun");
    expect(await actorOf(page, "Försörjningsstöd")).toBe("son");
    expect(await actorOf(page, "Bibliotek")).toBe("kfn");
    const hints = page.getByTestId("actor-hint");
    expect(await hints.evaluateAll((els) => els.map((e) => e.getAttribute("data-name")))).toEqual([
      "Vård- och omsorgsnämnden",
      "Tekniska nämnden",
      "Miljö- och byggnadsnämnden",
    ]);
    expect(plain(await hints.nth(1).innerText())).toContain(
      'Tekniska nämnden står i bladet men finns inte bland aktörerna (3 rader: "Tekniska nämnden – Politisk verksamhet", "Gata och park", "Fastighet").',
    );
    await page.getByTestId("actor-hints").scrollIntoViewIfNeeded();
    await shot(page, "actor-hints");
    // The same in English.
    await page.getByTestId("language-toggle").click();
    await eventually(async () => expect(await page.getByTestId("pane").getAttribute("data-lang")).toBe("en"));
    expect((await notes(page))[0]).toBe(
      `The selection was one cell (${cell}); the block A4:F${KOMMUN_ROWS.total} was read, from the year header in row 4, across 7 blank rows between its parts. It ends where a new table with its own year header starts (row ${KOMMUN_ROWS.total + 3}).`,
    );
    expect(plain(await hints.nth(1).innerText())).toContain("Tekniska nämnden is in the sheet but not among the actors (3 rows:");
    await page.getByTestId("data-summary").scrollIntoViewIfNeeded();
    await shot(page, "read-en");
    await page.getByTestId("language-toggle").click();
    await eventually(async () => expect(await page.getByTestId("pane").getAttribute("data-lang")).toBe("sv"));
    // Adding Tekniska nämnden gives it its rows.
    await hints.nth(1).getByTestId("actor-hint-add").click();
    await eventually(async () => expect(await hints.count()).toBe(2));
    const added = await actorOf(page, "Gata och park");
    expect(
      await page
        .getByTestId(`actor-${await rowIndex(page, "Gata och park")}`)
        .locator("option:checked")
        .innerText(),
    ).toBe("Tekniska nämnden");
    expect(await actorOf(page, "Fastighet")).toBe(added);

    // A model: the Familjecentral project's cost, 5 % of the placements avoided, 2014–2016.
    await assign(page, "Social investering: Familjecentral (projekt)", "cost", "son");
    await assign(page, "Institutionsplaceringar barn och unga", "gain", "son", "5");
    await page.getByTestId("start-year").fill("2014");
    await page.getByTestId("horizon").fill("3");
    await build(page);
    // Net in kr: −525 000, −600 000 and 825 000 (costs 2,5, 2,5, 1,0 mnkr; gains 5 % of 39,5, 38,0, 36,5 mnkr), 3,5 %.
    const hand = -525000 / 1.035 - 600000 / 1.035 ** 2 + 825000 / 1.035 ** 3;
    const shown = await readResults(page);
    close(shown.npv, hand);
    const e = await expected(page, [KOMMUN_SHEET]);
    close((await cellValue(page, e.keyCells.npv)) as number, hand);
    await shot(page, "built");
    await page.getByTestId("language-toggle").click();
    await eventually(async () => expect(await page.getByTestId("pane").getAttribute("data-lang")).toBe("en"));
    await page.getByTestId("result").scrollIntoViewIfNeeded();
    await shot(page, "built-en");
    expect(errors).toEqual([]);
  }, 120_000);

  test("a socialnämnd's budget pasted from a web page (tkr, text, total at the top): one warning, copies named in the model", async () => {
    const { page, errors } = playground.browser;
    const shot = screenshots("real-budget-socialnamnd");
    await openWorkbook(page, playground.server.url, "socialnamnden-budget-2015.xlsx", SOCIAL);
    await readFromCell(page, "B8");

    expect(await page.getByTestId("data-address").innerText()).toBe("A4:F16");
    expect(await page.getByTestId("unit").inputValue()).toBe("tkr");
    expect(plain(await page.getByTestId("data-rows").innerText())).toMatch(/^6 rader, varav 1 summarad/);
    const n = await notes(page);
    const text = n.filter((x) => /var text och lästes som tal/.test(x));
    expect(text).toEqual([
      '33 belopp var text och lästes som tal: B5:F10, D11:F11 (t.ex. "223 450"). Modellen kopierar värdena (de följer inte ändringar i cellerna); skriv in dem som tal om modellen ska följa budgeten.',
    ]);
    expect(n.filter((x) => /^Cellen innehåller/.test(x))).toEqual([]);
    expect(n.find((x) => x.startsWith("4 rader är inte driftbelopp"))).toContain('"Antal årsarbetare" (antal), "Antal platser HVB" (antal)');
    await shot(page, "read");

    // The key figures and the investment line are not rows to choose; every row is Socialnämnden's, from the sheet's name.
    const labels = await rowLabels(page);
    for (const l of ["Antal årsarbetare", "Antal platser HVB", "Andel av kommunens nettokostnad, %", "Investeringar"]) expect(labels).not.toContain(l);
    for (const l of ["Nämnd och förvaltningsledning", "Individ- och familjeomsorg", "Familjehem"]) expect([l, await actorOf(page, l)]).toEqual([l, "son"]);
    expect(await page.getByTestId("actor-hints").count()).toBe(0);

    // A model: the project's cost, 4 % of the placements avoided, 2015–2017.
    await assign(page, "Social investering: Tidigt stöd (projekt)", "cost", "son");
    await assign(page, "Institutionsplaceringar", "gain", "son", "4");
    await page.getByTestId("start-year").fill("2015");
    await page.getByTestId("horizon").fill("3");
    await build(page);
    // Net in kr: 420 000, 360 000, 904 000 (costs 1 200, 1 200, 600 tkr; gains 4 % of 40 500, 39 000, 37 600 tkr), 3,5 %.
    const hand = 420000 / 1.035 + 360000 / 1.035 ** 2 + 904000 / 1.035 ** 3;
    close((await readResults(page)).npv, hand);
    const e = await expected(page, [SOCIAL_SHEET]);
    close((await cellValue(page, e.keyCells.npv)) as number, hand);
    // The model sheet names the copied cells, in the source column and in its notes.
    const texts = await sheetTexts(page, e.settings.sheets[0]);
    expect(texts).toContain("Kopierade värden (D11:F11) av 'Socialnämnden'!B11:F11");
    expect(texts).toContain("Kopierade värden (D9:F9) av 'Socialnämnden'!B9:F9");
    await shot(page, "built");
    // The model's lines, with the copied cells named in the source column.
    const lines = await readRangeInPage(page, e.settings.sheets[0], "A1:F120");
    const at = lines.values.findIndex((r) => r[1] === "Kopierade värden (D9:F9) av 'Socialnämnden'!B9:F9");
    // Selecting the cell scrolls the grid to it, as in Excel.
    await page.evaluate(([sheet, r]) => window.socinvPlayground!.book.select(sheet, { r0: r, c0: 1, r1: r, c1: 1 }), [e.settings.sheets[0], at] as const);
    await page.locator(`[data-cell="B${at + 1}"]`).waitFor();
    await shot(page, "model-lines");
    await page.getByTestId("language-toggle").click();
    await eventually(async () =>
      expect((await notes(page)).some((x) => x.startsWith("33 amounts were text and were read as numbers: B5:F10, D11:F11"))).toBe(true),
    );
    await page.getByTestId("budget-notes").scrollIntoViewIfNeeded();
    await shot(page, "notes-en");
    expect(errors).toEqual([]);
  }, 120_000);

  test("an årsredovisning's driftredovisning (costs negative, totals above, Utfall and Budget 2013): the totals are sums, the column is chosen", async () => {
    const { page, errors } = playground.browser;
    const shot = screenshots("real-budget-arsredovisning");
    await openWorkbook(page, playground.server.url, "arsredovisning-2013.xlsx", REDOVISNING);
    await readFromCell(page, "B13");

    expect(await page.getByTestId("data-address").innerText()).toBe("A4:E27");
    // Four nämnd totals above their rows, and the sum of the nämnder: five sum rows.
    expect(plain(await page.getByTestId("data-rows").innerText())).toMatch(/^14 rader, varav 5 summarader/);
    expect(await page.getByTestId("sign").inputValue()).toBe("costsNegative");
    expect(await page.getByTestId("unit").inputValue()).toBe("mnkr");
    expect(plain(await page.getByTestId("data-years").innerText())).toBe("Utfall 2012, Utfall 2013");
    expect((await notes(page)).find((x) => x.startsWith("2013 har 2 kolumner"))).toBe(
      '2013 har 2 kolumner (C "Budget 2013", D "Utfall 2013"). Modellen läser D "Utfall 2013": utfallet, eftersom året har ett bokslut. Välj en annan kolumn under Årskolumner om den ska användas; kolumnerna summeras aldrig.',
    );
    const pick = page.getByTestId("year-column-2013");
    expect(await pick.inputValue()).toBe("D");
    expect(await pick.locator("option").allInnerTexts()).toEqual(["C: Budget 2013 (budgetbelopp)", "D: Utfall 2013 (utfall)"]);
    expect(plain(await page.getByTestId("year-columns").innerText())).toContain(
      "Förval: D: Utfall 2013 (utfall), eftersom året har ett bokslut: utfallet är det som hände.",
    );
    await page.getByTestId("year-columns").scrollIntoViewIfNeeded();
    await shot(page, "year-columns");

    // The totals are offered only with the sum rows shown; the rows carry their nämnd.
    const labels = await rowLabels(page);
    expect(labels).not.toContain("Socialnämnden");
    expect(labels.filter((l) => l.endsWith("Politisk verksamhet"))).toHaveLength(4);
    await page.getByTestId("show-sum-rows").check();
    const withSums = await rowLabels(page);
    for (const t of ["Kommunstyrelsen", "Barn- och utbildningsnämnden", "Socialnämnden", "Tekniska nämnden"]) expect(withSums).toContain(t);
    await page.getByTestId("show-sum-rows").uncheck();
    expect(await actorOf(page, "Försörjningsstöd")).toBe("son");
    expect(await actorOf(page, "Kommunstyrelsen – Politisk verksamhet")).toBe("ks");

    // The Budget 2013 column: the rows show its amounts, and the model reads it.
    const sfs = REDOVISNING_ROWS.byLabel.get("Socialnämnden – Försörjningsstöd")!;
    await pick.selectOption("C");
    const sfsRow = page.getByTestId(`row-${await rowIndex(page, "Försörjningsstöd")}`);
    await eventually(async () => expect(plain(await sfsRow.innerText())).toMatch(/2012: [−-]44,9 · 2013: [−-]46,0/));
    expect(plain(await page.getByTestId("data-years").innerText())).toBe("Utfall 2012, Budget 2013");
    await assign(page, "Sociala investeringar (projekt)", "cost", "son");
    await assign(page, "Försörjningsstöd", "gain", "son", "5");
    await page.getByTestId("start-year").fill("2012");
    await page.getByTestId("horizon").fill("2");
    await build(page);
    // Costs are negative in the sheet and flipped. In kr: 2012 cost 1,5 mnkr, gain 5 % of 44,9 = 2 245 000, net
    // 745 000; 2013 (Budget) cost 2,0 mnkr, gain 5 % of 46,0 = 2 300 000, net 300 000; 3,5 %.
    const hand = 745000 / 1.035 + 300000 / 1.035 ** 2;
    close((await readResults(page)).npv, hand);
    const e = await expected(page, [REDOVISNING_SHEET]);
    expect(e.inputs.source?.yearColumns).toEqual([{ year: 2013, column: "C" }]);
    close((await cellValue(page, e.keyCells.npv)) as number, hand);
    const model = await readRangeInPage(page, e.settings.sheets[0], "A1:H120");
    const formulas = model.formulas.flat().filter((f): f is string => typeof f === "string" && f.includes("Driftredovisning"));
    expect(formulas.some((f) => f.includes(`Driftredovisning'!C${sfs}`))).toBe(true);
    expect(formulas.some((f) => f.includes(`Driftredovisning'!D${sfs}`))).toBe(false);
    await shot(page, "built");
    await page.getByTestId("language-toggle").click();
    await eventually(async () => expect(await page.getByTestId("pane").getAttribute("data-lang")).toBe("en"));
    expect(await pick.locator("option").allInnerTexts()).toEqual(["C: Budget 2013 (budget amount)", "D: Utfall 2013 (outturn)"]);
    await page.getByTestId("year-columns").scrollIntoViewIfNeeded();
    await shot(page, "year-columns-en");
    expect(errors).toEqual([]);
  }, 120_000);
});
