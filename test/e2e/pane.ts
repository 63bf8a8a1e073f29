/**
 * What a finance officer does in the task pane, as steps for the end-to-end tests, and the numbers the
 * model must show computed independently in Node: by the planner's core computation (computeModel) and,
 * from the model sheet's own year rows, directly with src/core (presentValue, paybackAnalysis).
 */
import type { Page } from "playwright-core";
import { presentValue } from "../../src/core/discounting";
import { paybackAnalysis } from "../../src/core/payback";
import type { RangeSnapshot, StoredModel } from "../../src/host/host";
import { readBudget } from "../../src/planner/budget";
import { computeModel, type ModelResult } from "../../src/planner/compute";
import type { ModelInputs, RowRole } from "../../src/planner/inputs";
import { planModel, type KeyCells, type StoredSettings } from "../../src/planner/planModel";
import { eventually } from "./browser";

export async function useSelection(page: Page): Promise<void> {
  await page.getByTestId("use-selection").click();
  await page.getByTestId("row-table").waitFor();
}

/** The index in the pane's row test ids ("role-3") of the row whose label starts with `label`. */
export async function rowIndex(page: Page, label: string): Promise<number> {
  const rows = await page
    .locator('[data-testid^="row-"][data-sheet-row]')
    .evaluateAll((els) => els.map((e) => ({ id: e.getAttribute("data-testid")!, text: (e.querySelector("span")?.textContent ?? "").trim() })));
  const hit = rows.find((r) => r.text.startsWith(label));
  if (!hit) throw new Error(`No pane row "${label}" among ${rows.map((r) => r.text).join(" | ")}`);
  return Number(hit.id.slice("row-".length));
}

/** Gives a budget row its role, actor and share (percent), through the pane's own fields. */
export async function assign(page: Page, label: string, role: RowRole, actor: string, sharePercent?: string): Promise<number> {
  const i = await rowIndex(page, label);
  await page.getByTestId(`role-${i}`).selectOption(role);
  await page.getByTestId(`actor-${i}`).selectOption(actor);
  if (sharePercent !== undefined) await page.getByTestId(`share-${i}`).fill(sharePercent);
  return i;
}

export async function build(page: Page): Promise<void> {
  await page.getByTestId("build").click();
  await eventually(async () => {
    const err = (await page.getByTestId("error").innerText()).trim();
    if (err) throw new Error(`The pane refused to build: ${err}`);
    const state = await page.getByTestId("result").getAttribute("data-state", { timeout: 1000 });
    if (state !== "built") throw new Error(`result is ${state}`);
    await page.getByTestId("current-model").waitFor({ timeout: 1000 });
  }, 20_000);
}

export interface PaneResults {
  npv: number;
  npvText: string;
  payback: number | null;
  paybackText: string;
  breakEven: number | null;
  breakEvenText: string;
  /** Actor id → net PV (and the row's text). */
  actors: Record<string, { pvNet: number; text: string }>;
}

export async function readResults(page: Page): Promise<PaneResults> {
  const num = async (id: string) => {
    const v = await page.getByTestId(id).getAttribute("data-value");
    return v === null || v === "" ? null : Number(v);
  };
  const text = async (id: string) => (await page.getByTestId(id).innerText()).trim();
  const actors = await page
    .locator('[data-testid^="actor-row-"]')
    .evaluateAll((els) =>
      els.map((e) => [e.getAttribute("data-testid")!.slice("actor-row-".length), Number(e.getAttribute("data-pv-net")), (e.textContent ?? "").trim()] as const),
    );
  return {
    npv: (await num("result-npv"))!,
    npvText: await text("result-npv"),
    payback: await num("result-payback"),
    paybackText: await text("result-payback"),
    breakEven: await num("result-breakeven"),
    breakEvenText: await text("result-breakeven"),
    actors: Object.fromEntries(actors.map(([id, pvNet, t]) => [id, { pvNet, text: t }])),
  };
}

/** The built model as stored in the workbook, read back through the playground's host in the page. */
export async function storedModels(page: Page): Promise<StoredModel[]> {
  return page.evaluate(() => window.socinvPlayground!.host.models());
}

export async function readRangeInPage(page: Page, sheet: string, address: string): Promise<RangeSnapshot> {
  return page.evaluate(([s, a]) => window.socinvPlayground!.host.readRange(s, a), [sheet, address] as const);
}

/** A computed value of a cell of the page's workbook ("'Sheet'!B3" or "Sheet!B3"). */
export async function cellValue(page: Page, ref: string): Promise<unknown> {
  return page.evaluate((r) => {
    const bang = r.lastIndexOf("!");
    let sheet = r.slice(0, bang);
    if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    const m = /^\$?([A-Z]+)\$?(\d+)/.exec(r.slice(bang + 1))!;
    const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return window.socinvPlayground!.book.value(sheet, Number(m[2]) - 1, col);
  }, ref);
}

/** The values of a one-row range ("'Sheet'!F40:O40") in the page's workbook. */
export async function rowValues(page: Page, ref: string): Promise<number[]> {
  const bang = ref.lastIndexOf("!");
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const snap = await readRangeInPage(page, sheet, ref.slice(bang + 1).replace(/\$/g, ""));
  return snap.values.flat().map((v) => (typeof v === "number" ? v : 0));
}

/** Asserts two numbers agree to `rel` of the expected one (absolute near zero): page, sheet and core round differently. */
export const close = (a: number, b: number, rel = 1e-9) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));

export interface Expected {
  settings: StoredSettings;
  inputs: ModelInputs;
  result: ModelResult;
  keyCells: KeyCells;
}

/**
 * What the model must show: the stored inputs and the budget block as it is now in the page, computed by
 * the core (computeModel); the key cells' addresses from the same plan made in Node.
 */
export async function expected(page: Page, otherSheets: string[]): Promise<Expected> {
  const models = await storedModels(page);
  expect(models).toHaveLength(1);
  const settings = JSON.parse(models[0].settingsJson) as StoredSettings;
  const inputs = settings.inputs;
  const src = inputs.source!;
  const snap = await readRangeInPage(page, src.sheet, src.address);
  const read = readBudget(snap);
  if (!read.ok) throw new Error(read.error.en);
  const computed = computeModel(inputs, read.block);
  if (!computed.ok) throw new Error(computed.error.en);
  const planned = planModel(inputs, read.block, { sheetNames: otherSheets, names: [] });
  if (!planned.ok) throw new Error(planned.error.en);
  expect(planned.plan.modelKey).toBe(settings.modelKey);
  return { settings, inputs, result: computed.result, keyCells: planned.keyCells };
}

/** NPV and payback straight from the model sheet's net row, with src/core. */
export async function fromSheetWithCore(page: Page, e: Expected): Promise<{ npv: number; payback: number | null }> {
  const net = await rowValues(page, e.keyCells.net);
  const d = e.inputs.discount;
  if (d.kind === "schedule") throw new Error("this check uses a constant or per-period rate");
  const rate = d.kind === "constant" ? d.rate : d.rates;
  return { npv: presentValue(rate, net, e.inputs.timing), payback: paybackAnalysis(net, { timing: e.inputs.timing }).time };
}

/** One figure of the pane's result as shown: its text and the attributes that say where the value comes from. */
export interface PaneFigure {
  text: string;
  /** The number shown (null when the figure is not a number). */
  value: number | null;
  /** "sheet" (read from the model sheet) or "preview" (the pane's own computation). */
  source: string | null;
  /** The Excel error code the sheet holds, e.g. "#VALUE!". */
  error: string | null;
  differs: boolean;
  unconfirmed: boolean;
}

/** Reads a figure in one go (text and attributes from the same render). */
export async function readFigure(page: Page, testId: string): Promise<PaneFigure> {
  return page.getByTestId(testId).evaluate((el) => {
    const v = el.getAttribute("data-value");
    return {
      text: (el.textContent ?? "").trim(),
      value: v === null || v === "" ? null : Number(v),
      source: el.getAttribute("data-source"),
      error: el.getAttribute("data-error"),
      differs: el.getAttribute("data-differs") === "true",
      unconfirmed: el.getAttribute("data-unconfirmed") === "true",
    };
  });
}

/** The computed value of a workbook name's cell (SI1_NPV) in the page's workbook; throws when the name does not exist. */
export async function nameValue(page: Page, name: string): Promise<unknown> {
  const refersTo = await page.evaluate(
    (n) => window.socinvPlayground!.book.names().find((x) => x.name.toLowerCase() === n.toLowerCase())?.refersTo ?? null,
    name,
  );
  if (!refersTo) throw new Error(`No workbook name ${name}`);
  return cellValue(page, refersTo.replace(/^=/, ""));
}

/** Types into a cell of the grid as a user does (select it, type, Enter), on the given sheet. */
export async function typeInCell(page: Page, sheet: string, a1: string, text: string): Promise<void> {
  await page.getByTestId(`sheet-tab-${sheet}`).click();
  await page.locator(`[data-cell="${a1}"]`).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}
