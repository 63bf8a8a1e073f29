/**
 * Opening the user's own files in the browser: a good .xlsx opens (read locally); a file that is not a
 * workbook, a 20 MB workbook and a workbook with macros each get a clear bilingual message and the page
 * keeps working. Hostile files (sizes that lie, a zip bomb, too many cells) are refused while unpacking,
 * quickly, with the page painting throughout; a workbook whose formula asks for a million periods opens
 * with an error in that cell. Downloading gives an .xlsx with the formulas and values.
 */
import ExcelJS, { type CellFormulaValue, type Xlsx } from "exceljs";
import JSZip from "jszip";
import fs from "node:fs";
import { BUDGET_SHEET } from "../../src/planner/samples";
import { cellText, describeInBrowser, eventually, screenshots, usePlayground } from "./browser";
import { rezip, sheetXml, zeroBomb } from "../playground/zip-fixtures";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function smallBudget(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget tkr");
  ws.addRow(["Verksamhet", "Budget 2025", "Plan 2026"]);
  ws.addRow(["Fritidsgårdar", 14200, 14800]);
  ws.addRow(["Bibliotek", 9600, 9900]);
  ws.addRow(["Summa", { formula: "SUM(B2:B3)", result: 23800 }, { formula: "SUM(C2:C3)", result: 24700 }]);
  for (const c of ["B", "C"]) for (let r = 2; r <= 4; r++) ws.getCell(`${c}${r}`).numFmt = "#,##0";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function withZipEntry(xlsx: Buffer, name: string, data: Uint8Array, store = false): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  zip.file(name, data, store ? { compression: "STORE" } : {});
  return Buffer.from(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

describeInBrowser("own files in the playground", () => {
  const playground = usePlayground();

  async function open(name: string, buffer: Buffer, mimeType = XLSX_MIME) {
    await playground.browser.page.getByTestId("file-input").setInputFiles({ name, mimeType, buffer });
  }

  async function message(): Promise<{ kind: string | null; text: string }> {
    return eventually(async () => {
      const m = playground.browser.page.getByTestId("page-message");
      await m.waitFor({ timeout: 2000 });
      return { kind: await m.getAttribute("data-kind"), text: await m.innerText() };
    });
  }

  /** The page still works: a cell can be edited and recalculates. */
  async function stillWorks(sheetCell: string) {
    const { page } = playground.browser;
    await page.locator(`[data-cell="${sheetCell}"]`).click();
    await page.keyboard.type("=2+3");
    await page.keyboard.press("Enter");
    expect(await cellText(page, sheetCell)).toBe("5");
    await page.locator(`[data-cell="${sheetCell}"]`).click();
    await page.keyboard.press("Delete");
  }

  test("bad files get clear messages in both languages and the page keeps working", async () => {
    const { page, errors } = playground.browser;
    const shot = screenshots("bad-files");
    await page.goto(playground.server.url);
    await page.locator('[data-cell="A1"]').waitFor();

    await open("budget.xlsx", Buffer.from("Detta är ingen arbetsbok utan en vanlig textfil.\n"), "text/plain");
    let m = await message();
    expect(m.kind).toBe("error");
    expect(m.text).toMatch(/är ingen Excel-arbetsbok/);
    expect(m.text).toMatch(/is not an Excel workbook/);
    await shot(page, "not-a-workbook");
    expect(await cellText(page, "C4")).toBe("Bokslut 2024"); // the sample is still open
    await stillWorks("J2");

    // 20 MB: a real workbook padded with an incompressible part, refused before it is read.
    const padding = new Uint8Array(20 * 1024 * 1024);
    for (let i = 0; i < padding.length; i += 4) padding[i] = (i * 2654435761) >>> 24;
    const big = await withZipEntry(await smallBudget(), "xl/media/image1.bin", padding, true);
    expect(big.length).toBeGreaterThan(20 * 1024 * 1024);
    await open("stor-budget.xlsx", big);
    m = await message();
    expect(m.kind).toBe("error");
    expect(m.text).toMatch(/högst 10 MB/);
    expect(m.text).toMatch(/at most 10 MB/);
    await shot(page, "too-large");
    await stillWorks("J3");

    const macros = await withZipEntry(await smallBudget(), "xl/vbaProject.bin", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]));
    await open("budget-med-makron.xlsm", macros, "application/vnd.ms-excel.sheet.macroEnabled.12");
    m = await message();
    expect(m.text).toMatch(/innehåller makron/);
    expect(m.text).toMatch(/contains macros/);
    // The same file renamed to .xlsx is still recognised by its content.
    await open("budget.xlsx", macros);
    m = await message();
    expect(m.text).toMatch(/contains macros/);
    await shot(page, "macros");
    await stillWorks("J4");
    expect(await cellText(page, "C4")).toBe("Bokslut 2024");
    expect(errors).toEqual([]);
  }, 90_000);

  /** What openTimed leaves on the page's window: the longest gap between frames so far, and whether to keep measuring. */
  type FrameProbe = typeof window & { __gap: number; __frames: boolean };

  /** Opens a file and waits for the page's message, measuring the time and the longest gap between frames. */
  async function openTimed(name: string, buffer: Buffer): Promise<{ ms: number; maxFrameGap: number; kind: string | null; text: string }> {
    const { page } = playground.browser;
    await page.evaluate(() => {
      const w = window as FrameProbe;
      w.__gap = 0;
      w.__frames = true;
      let last = performance.now();
      const tick = (t: number) => {
        w.__gap = Math.max(w.__gap, t - last);
        last = t;
        if (w.__frames) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    // The previous message goes first, so the one waited for is this file's.
    await page.evaluate(() => document.querySelector('[data-testid="page-message"] button')?.dispatchEvent(new MouseEvent("click", { bubbles: true })));
    const t0 = Date.now();
    await open(name, buffer);
    const m = await message();
    const ms = Date.now() - t0;
    const maxFrameGap = await page.evaluate(() => {
      (window as FrameProbe).__frames = false;
      return (window as FrameProbe).__gap;
    });
    return { ms, maxFrameGap, ...m };
  }

  test("hostile files are refused while unpacking, quickly, and the page keeps painting", async () => {
    const { page, errors } = playground.browser;
    const shot = screenshots("hostile-files");
    const figures: string[] = [];
    await page.goto(playground.server.url);
    await page.locator('[data-cell="A1"]').waitFor();
    const sheet = "xl/worksheets/sheet1.xml";
    const base = new Uint8Array(await smallBudget());

    // About 1 MB: the sheet says it is 2 KB and inflates to a gigabyte.
    const lying = Buffer.from(await rezip(base, { [sheet]: { name: sheet, compressed: zeroBomb(1024), declaredSize: 2048 } }));
    let m = await openTimed("ljuger-om-storleken.xlsx", lying);
    figures.push(`sizes that lie (${Math.round(lying.length / 1024)} KB, 1 GB inflated): ${m.ms} ms, longest frame gap ${Math.round(m.maxFrameGap)} ms`);
    expect(m.kind).toBe("error");
    expect(m.text).toMatch(/"ljuger-om-storleken\.xlsx" är skadad: innehållet stämmer inte med filens innehållsförteckning \(xl\/worksheets\/sheet1\.xml\)/);
    expect(m.text).toMatch(/is damaged: its content does not match the file's table of contents/);
    expect(m.maxFrameGap).toBeLessThan(1000);
    await shot(page, "sizes-lie");
    await stillWorks("J2");

    // The same bomb, honest about its gigabyte.
    const bomb = Buffer.from(await rezip(base, { [sheet]: { name: sheet, compressed: zeroBomb(1024), declaredSize: 1024 * 1024 * 1024 } }));
    m = await openTimed("zip-bomb.xlsx", bomb);
    figures.push(`zip bomb (${Math.round(bomb.length / 1024)} KB declaring 1 GB): ${m.ms} ms, longest frame gap ${Math.round(m.maxFrameGap)} ms`);
    expect(m.text).toMatch(/En del av "zip-bomb\.xlsx" \(xl\/worksheets\/sheet1\.xml\) packas upp till mer än 40 MB/);
    expect(m.text).toMatch(/unpacks to more than 40 MB/);
    expect(m.maxFrameGap).toBeLessThan(1000);
    await shot(page, "zip-bomb");
    await stillWorks("J3");

    // 400,010 filled cells: refused by the count while inflating, before ExcelJS builds anything.
    const many = Buffer.from(await rezip(base, { [sheet]: { name: sheet, data: sheetXml(40_001, 10) } }));
    m = await openTimed("for-manga-celler.xlsx", many);
    figures.push(`too many cells (${Math.round(many.length / 1024)} KB, 400,010 cells): ${m.ms} ms, longest frame gap ${Math.round(m.maxFrameGap)} ms`);
    expect(m.text).toMatch(/har fler än 400\u00a0000 ifyllda celler/);
    expect(m.text).toMatch(/more than 400,000 filled cells/);
    await shot(page, "too-many-cells");
    await stillWorks("J4");
    expect(await cellText(page, "C4")).toBe("Bokslut 2024"); // the sample stayed open throughout
    console.log(`Hostile files in the browser:\n  ${figures.join("\n  ")}`);
    expect(errors).toEqual([]);
  }, 120_000);

  test("a workbook whose formula asks for a million periods opens, with an error in that cell", async () => {
    const { page, errors } = playground.browser;
    const shot = screenshots("million-periods");
    await page.goto(playground.server.url);
    await page.locator('[data-cell="A1"]').waitFor();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Faktorer");
    ws.getCell("A1").value = "Diskonteringsfaktorer";
    ws.getCell("A2").value = { formula: "SOCINV.DISCOUNTFACTORS(0.1,1E6)" };
    ws.getCell("A4").value = 7;
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const m = await openTimed("miljon-perioder.xlsx", file);
    console.log(
      `A workbook of ${(file.length / 1024).toFixed(1)} KB with =SOCINV.DISCOUNTFACTORS(0.1,1E6) opened in ${m.ms} ms, longest frame gap ${Math.round(m.maxFrameGap)} ms`,
    );
    expect(m.kind).toBe("info");
    expect(m.text).toMatch(/miljon-perioder\.xlsx/);
    await eventually(async () => expect(await cellText(page, "A1")).toBe("Diskonteringsfaktorer"));
    expect(await cellText(page, "A2")).toMatch(/^#/);
    expect(await page.locator('[data-cell="A2"]').getAttribute("title")).toBeTruthy();
    // The grid works: another cell is edited and shows its value.
    await page.locator('[data-cell="B4"]').click();
    await page.keyboard.type("=A4*6");
    await page.keyboard.press("Enter");
    expect(await cellText(page, "B4")).toBe("42");
    await shot(page, "opened");
    expect(errors).toEqual([]);
  }, 60_000);

  test("opens the user's own .xlsx locally and downloads the result with formulas", async () => {
    const { page } = playground.browser;
    const shot = screenshots("own-file");
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(playground.server.url);
    await page.locator('[data-cell="A1"]').waitFor();
    await open("min-budget.xlsx", await smallBudget());
    const m = await message();
    expect(m.kind).toBe("info");
    expect(m.text).toMatch(/min-budget\.xlsx/);
    await eventually(async () => expect(await cellText(page, "A2")).toBe("Fritidsgårdar"));
    expect(await cellText(page, "B4")).toBe("23\u00a0800");
    await page.locator('[data-cell="B2"]').click();
    await page.keyboard.type("15000");
    await page.keyboard.press("Enter");
    expect(await cellText(page, "B4")).toBe("24\u00a0600");
    await shot(page, "opened-and-edited");
    // Read locally: nothing but the page's own files was fetched.
    expect(requests.every((u) => u.startsWith(playground.server.url) || u.startsWith("blob:") || u.startsWith("data:"))).toBe(true);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
    expect(download.suggestedFilename()).toBe("min-budget-socinv.xlsx");
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    // ExcelJS reads a Node Buffer; its types declare a Buffer of their own.
    await wb.xlsx.load(fs.readFileSync(file!) as unknown as Parameters<Xlsx["load"]>[0]);
    const ws = wb.getWorksheet("Budget tkr")!;
    expect(ws.getCell("B2").value).toBe(15000);
    expect(ws.getCell("B4").formula).toBe("SUM(B2:B3)");
    expect((ws.getCell("B4").value as CellFormulaValue).result).toBe(24600);
    expect(ws.getCell("B4").numFmt).toBe("#,##0");

    // Back to a shipped sample from the menu.
    await page.getByTestId("sample-select").selectOption("driftbudget");
    await eventually(async () => expect(await page.getByTestId(`sheet-tab-${BUDGET_SHEET}`).count()).toBe(1));
  }, 60_000);
});
