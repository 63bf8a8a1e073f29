/**
 * The task pane in a real browser (Debian's Chromium, headless, no downloads): the App on the Excel host
 * (OfficeHost) over the fake Excel, bundled with esbuild. Like a finance officer: select the budget, assign
 * roles and actors, build, read the result; remove the model; the whole flow by keyboard; both languages;
 * a bad selection; the dark theme. Screenshots go to test-results/taskpane/ (git-ignored).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { build } from "esbuild";
import { Browser, Page, chromium } from "playwright-core";
import { OfficeHost } from "../../src/host/office";
import { defaultInputs } from "../../src/planner/inputs";
import { computeModel } from "../../src/planner/compute";
import { readSelectionBlock } from "../../src/taskpane/actions";
import { setRowRole, updateRow, withBlock } from "../../src/taskpane/model";
import { FakeExcel } from "../host/fake-excel";
import { budgetBook } from "./budget-fixture";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SHOTS = path.resolve(__dirname, "../../test-results/taskpane");
const ORIGIN = "http://pane.test";
const haveChromium = fs.existsSync(CHROMIUM);
const describeBrowser = haveChromium ? describe : describe.skip;

/** What the harness (harness/pane-harness.tsx) puts on the page's window. */
type HarnessWindow = typeof window & {
  __excel: FakeExcel;
  __select(address: string): void;
  __snapshot(): ReturnType<FakeExcel["snapshot"]>;
  __setLanguage(language: "sv" | "en"): void;
};
if (!haveChromium) console.warn(`pane.browser.test: ${CHROMIUM} not found; the browser tests are skipped`);

jest.setTimeout(60000);

let browser: Browser;
let bundle = "";

/** Rows of the fixture budget the tests assign (0-based sheet rows). */
const PLACERINGAR = 4;
const FRITIDSGARDAR = 8;

async function expectedResult() {
  const excel = new FakeExcel(budgetBook());
  const read = await readSelectionBlock(new OfficeHost(excel.run));
  if (!read.ok) throw new Error(read.error.en);
  let inputs = { ...withBlock(defaultInputs("sv"), read.value.block), participants: 20, successProbability: 0.3 };
  inputs = updateRow(setRowRole(inputs, FRITIDSGARDAR, "cost"), FRITIDSGARDAR, { share: 0.1, actor: "kfn" });
  inputs = updateRow(setRowRole(inputs, PLACERINGAR, "gain"), PLACERINGAR, { share: 0.05, actor: "son" });
  const r = computeModel(inputs, read.value.block);
  if (!r.ok) throw new Error(r.error.en);
  return r.result;
}

beforeAll(async () => {
  if (!haveChromium) return;
  const t0 = Date.now();
  const out = await build({
    entryPoints: [path.resolve(__dirname, "harness/pane-harness.tsx")],
    bundle: true,
    write: false,
    format: "iife",
    target: "es2020",
    jsx: "automatic",
    minify: true,
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
  });
  bundle = out.outputFiles[0].text;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  fs.mkdirSync(SHOTS, { recursive: true });
  if (process.env.PANE_TIMING) console.log(`bundle + launch: ${Date.now() - t0} ms, bundle ${bundle.length} bytes`);
});

afterAll(async () => {
  await browser?.close();
});

async function openPane(query = ""): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 380, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  (page as unknown as { pageErrors: string[] }).pageErrors = errors;
  // Nothing leaves the machine: the page and its script are served from memory.
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${ORIGIN}/pane.js`)) return route.fulfill({ contentType: "text/javascript", body: bundle });
    if (url.startsWith(ORIGIN)) {
      return route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><html><head><meta charset="utf-8"><title>pane</title></head><body style="margin:0"><div id="root"></div><script src="/pane.js"></script></body></html>`,
      });
    }
    return route.abort();
  });
  await page.goto(`${ORIGIN}/${query}`);
  await page.waitForSelector('[data-testid="pane"]');
  return page;
}

const tid = (id: string) => `[data-testid="${id}"]`;

async function indexOfSheetRow(page: Page, sheetRow: number): Promise<string> {
  const testId = await page.getAttribute(`li[data-sheet-row="${sheetRow}"]`, "data-testid");
  return testId!.replace("row-", "");
}

/** Every control has an accessible name; status and errors are live regions; the steps are headings. */
async function expectAccessible(page: Page): Promise<void> {
  const unlabelled = await page.evaluate(() =>
    Array.from(document.querySelectorAll("input, select, textarea, button"))
      .filter((el) => {
        const e = el as HTMLInputElement;
        const named =
          (e.labels && e.labels.length > 0) ||
          e.getAttribute("aria-label") ||
          (e.getAttribute("aria-labelledby") ?? "").split(" ").some((id) => document.getElementById(id)?.textContent?.trim()) ||
          (el.tagName === "BUTTON" && el.textContent?.trim());
        return !named;
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
  expect(unlabelled).toEqual([]);
  expect(await page.getAttribute(tid("status"), "aria-live")).toBe("polite");
  expect(await page.getAttribute(tid("error"), "role")).toBe("alert");
  expect(await page.$$eval("h2", (hs) => hs.map((h) => h.textContent))).toEqual([
    "1. Välj data",
    "2. Beskriv investeringen",
    "3. Bygg modellen",
    "4. Modeller i arbetsboken",
  ]);
}

describeBrowser("task pane in Chromium", () => {
  test("Swedish: select the budget, assign roles and actors, build, read the result, remove (every control labelled)", async () => {
    const expected = await expectedResult();
    const page = await openPane("?lang=sv");
    const original = await page.evaluate(() => (window as HarnessWindow).__snapshot());
    await page.click(tid("use-selection"));
    await page.waitForSelector(tid("data-years"));
    expect(await page.textContent(tid("data-years"))).toBe("Bokslut 2024, Budget 2025, Plan 2026, Plan 2027");
    expect(await page.textContent(tid("data-rows"))).toBe("3 rader, varav 2 summarader");
    expect(await page.inputValue(tid("unit"))).toBe("mnkr");
    await page.screenshot({ path: path.join(SHOTS, "1-data-sv.png"), fullPage: true });
    await expectAccessible(page);

    const cost = await indexOfSheetRow(page, FRITIDSGARDAR);
    const gain = await indexOfSheetRow(page, PLACERINGAR);
    await page.selectOption(tid(`role-${cost}`), "cost");
    await page.selectOption(tid(`actor-${cost}`), "kfn");
    await page.fill(tid(`share-${cost}`), "10");
    await page.selectOption(tid(`role-${gain}`), "gain");
    await page.selectOption(tid(`actor-${gain}`), "son");
    await page.fill(tid(`share-${gain}`), "5");
    await page.fill(tid("participants"), "20");
    await page.fill(tid("success-probability"), "30");
    await page.waitForSelector(`${tid("result")}[data-state="preview"]`);

    await page.click(tid("build"));
    await page.waitForSelector(`${tid("result")}[data-state="built"]`);
    expect(await page.textContent(tid("status"))).toMatch(/Modellen SI1 är byggd på bladet SI1/);
    const value = async (id: string) => Number(await page.getAttribute(tid(id), "data-value"));
    expect(await value("result-npv")).toBeCloseTo(expected.npv, 6);
    expect(await value("result-bcr")).toBeCloseTo(expected.benefitCostRatio!, 9);
    if (expected.payback === null) expect(await page.getAttribute(tid("result-payback"), "data-value")).toBe("");
    else expect(await value("result-payback")).toBeCloseTo(expected.payback, 9);
    expect(expected.breakEven).not.toBeNull();
    expect(await value("result-breakeven")).toBeCloseTo(expected.breakEven!, 9);
    const actors = await page.$$eval(`${tid("actor-table")} tbody tr`, (rows) => rows.map((r) => r.getAttribute("data-testid")));
    expect(actors.sort()).toEqual(["actor-row-kfn", "actor-row-son"]);
    const sheets = await page.evaluate(() => (window as HarnessWindow).__excel.state.sheets.map((s: { name: string }) => s.name));
    expect(sheets.filter((n: string) => n.startsWith("SI1") || n === "SOCINV_SI1").length).toBe(2);
    await page.screenshot({ path: path.join(SHOTS, "2-built-sv.png"), fullPage: true });

    await page.click(tid("remove-model"));
    await page.waitForSelector(tid("remove-confirm"));
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("remove-confirm");
    await page.keyboard.press("Enter");
    await page.waitForSelector(tid("no-models"));
    expect(await page.textContent(tid("status"))).toContain("Modellen SI1 är borttagen");
    const after = await page.evaluate(() => (window as HarnessWindow).__snapshot());
    expect(after.sheets).toEqual(original.sheets);
    expect(after.names).toEqual(original.names);
    expect((page as unknown as { pageErrors: string[] }).pageErrors).toEqual([]);
    await page.close();
  });

  test("an interrupted write: the pane says so, lists the half-written model, and Repair completes it", async () => {
    const page = await openPane("?lang=sv");
    await page.click(tid("use-selection"));
    await page.waitForSelector(tid("data-years"));
    const cost = await indexOfSheetRow(page, FRITIDSGARDAR);
    const gain = await indexOfSheetRow(page, PLACERINGAR);
    await page.selectOption(tid(`role-${cost}`), "cost");
    await page.fill(tid(`share-${cost}`), "10");
    await page.selectOption(tid(`role-${gain}`), "gain");
    await page.fill(tid(`share-${gain}`), "5");
    // Excel fails the 30th command of the write (as when the connection drops half-way).
    await page.evaluate(() => {
      const ex = (window as HarnessWindow).__excel;
      ex.writeCommands = 0;
      ex.failAtWrite = 30;
    });
    await page.click(tid("build"));
    await page.waitForSelector(tid("half-written-SI1"));
    expect(await page.textContent(tid("error"))).toMatch(/avbröts.*halvfärdig/);
    expect(await page.textContent(tid("half-written-SI1"))).toMatch(/Halvfärdig/);
    await page.screenshot({ path: path.join(SHOTS, "half-written-sv.png"), fullPage: true });
    await page.evaluate(() => ((window as HarnessWindow).__excel.failAtWrite = undefined));
    expect(await page.textContent(tid("rebuild-model-SI1"))).toBe("Reparera");
    await page.click(tid("rebuild-model-SI1"));
    await page.waitForFunction(() => !document.querySelector('[data-testid="half-written-SI1"]'));
    const sheets = await page.evaluate(() => (window as HarnessWindow).__excel.state.sheets.map((s: { name: string }) => s.name));
    expect(sheets.filter((n: string) => n.startsWith("SOCINV_"))).toEqual(["SOCINV_SI1"]);
    expect((page as unknown as { pageErrors: string[] }).pageErrors).toEqual([]);
    await page.close();
  });

  test("English, keyboard only: Tab to the button, Enter reads the selection; the toggle switches language", async () => {
    const page = await openPane("?lang=en");
    expect(await page.textContent(tid("use-selection"))).toBe("Use selection");
    let focused = "";
    for (let i = 0; i < 10 && focused !== "use-selection"; i++) {
      await page.keyboard.press("Tab");
      focused = (await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))) ?? "";
    }
    expect(focused).toBe("use-selection");
    await page.keyboard.press("Enter");
    await page.waitForSelector(tid("data-years"));
    expect(await page.textContent(tid("data-rows"))).toBe("3 rows, of which 2 sum rows");
    // Keep going by keyboard: Tab reaches the first role dropdown, and arrow keys change it.
    for (let i = 0; i < 40 && focused !== "role-0"; i++) {
      await page.keyboard.press("Tab");
      focused = (await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))) ?? "";
    }
    expect(focused).toBe("role-0");
    await page.screenshot({ path: path.join(SHOTS, "3-keyboard-en.png"), fullPage: true });
    await page.click(tid("language-toggle"));
    expect(await page.textContent(tid("use-selection"))).toBe("Använd markeringen");
    expect(await page.getAttribute(tid("pane"), "data-lang")).toBe("sv");
    await page.close();
  });

  test("the language prop switches the pane; the pane's own toggle keeps working; the price index field", async () => {
    const page = await openPane("?lang=sv");
    const setLanguage = (l: "sv" | "en") => page.evaluate((x) => (window as HarnessWindow).__setLanguage(x), l);
    // No index: the default says so in words.
    expect(await page.getAttribute(tid("price-index-status"), "data-conversion")).toBe("none");
    expect(await page.textContent(tid("price-index-status"))).toContain("Ingen omräkning");
    expect(await page.getAttribute(tid("price-index"), "placeholder")).toBe("ingen omräkning");
    await page.fill(tid("start-year"), "2024");
    await page.fill(tid("price-index"), "2024: 100; 2025: 102,1");
    expect(await page.getAttribute(tid("price-index-status"), "data-conversion")).toBe("on");
    expect(await page.textContent(tid("price-index-status"))).toContain("räknas om till 2024 års priser med KPI");
    await page.fill(tid("price-index"), "2024: 100; 2025 102,1; x");
    await page.waitForFunction(() => document.body.textContent?.includes('Kan inte läsa "x"'));
    await page.fill(tid("price-index"), "2024: 100; 2025: 102,1");

    await setLanguage("en");
    await page.waitForFunction(() => document.querySelector('[data-testid="pane"]')?.getAttribute("data-lang") === "en");
    expect(await page.textContent(tid("use-selection"))).toBe("Use selection");
    // Like the other list fields, the text stays as typed while it still means the same numbers.
    expect(await page.inputValue(tid("price-index"))).toBe("2024: 100; 2025: 102,1");
    expect(await page.textContent(tid("price-index-status"))).toContain("converted to 2024 prices with KPI");
    // The pane's own toggle still works, and a later prop change still wins.
    await page.click(tid("language-toggle"));
    expect(await page.getAttribute(tid("pane"), "data-lang")).toBe("sv");
    await setLanguage("sv");
    expect(await page.getAttribute(tid("pane"), "data-lang")).toBe("sv");
    await setLanguage("en");
    await page.waitForFunction(() => document.querySelector('[data-testid="pane"]')?.getAttribute("data-lang") === "en");
    await page.click(tid("language-toggle"));
    expect(await page.getAttribute(tid("pane"), "data-lang")).toBe("sv");
    // Emptying the field goes back to no conversion.
    await page.fill(tid("price-index"), "");
    expect(await page.getAttribute(tid("price-index-status"), "data-conversion")).toBe("none");
    expect((page as unknown as { pageErrors: string[] }).pageErrors).toEqual([]);
    await page.close();
  });

  test("a bad selection is explained in the alert region; templates start the flow", async () => {
    const page = await openPane("?lang=sv");
    await page.evaluate(() => (window as HarnessWindow).__select("K40"));
    await page.click(tid("use-selection"));
    await page.waitForFunction(() => document.querySelector('[data-testid="error"]')?.textContent?.includes("Markeringen är tom"));
    await page.click(tid("template-norrkoping"));
    expect(await page.inputValue(tid("fund-rule"))).toBe("savings");
    expect(await page.getAttribute(tid("template-norrkoping"), "aria-pressed")).toBe("true");
    await page.click(tid("template-individual"));
    expect(await page.inputValue(tid("gain-basis"))).toBe("perSuccess");
    expect(await page.inputValue(tid("horizon"))).toBe("47");
    await page.close();
  });

  test("dark theme: dark background, light text", async () => {
    const page = await openPane("?theme=dark&lang=en");
    const [bg, fg] = await page.$eval(tid("pane"), (el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
    const lum = (c: string) => {
      const [r, g, b] = (c.match(/\d+/g) ?? []).map(Number);
      return 0.299 * r + 0.587 * g + 0.114 * b;
    };
    expect(lum(bg)).toBeLessThan(80);
    expect(lum(fg)).toBeGreaterThan(180);
    await page.screenshot({ path: path.join(SHOTS, "4-dark-en.png"), fullPage: true });
    await page.close();
  });
});
