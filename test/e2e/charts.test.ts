/**
 * The model's charts in the playground, built through the real pane: a Norrköping model with six actors
 * (so the actor names under the columns are turned) and its fund. Every actor has one colour in every chart,
 * the value axes say mnkr, the fund chart shows the cumulative payout, repayment and balance of the sheet's
 * Fund schedule, and no text of any chart overlaps another (measured on the drawn SVG, turned text included).
 *
 * And the playground page: switching to another sample workbook with unsaved changes asks first.
 */
import type { Page } from "playwright-core";
import { BUDGET_SHEET, SAMPLES } from "../../src/planner/samples";
import { cellText, describeInBrowser, eventually, screenshots, usePlayground } from "./browser";
import { assign, build, cellValue, useSelection } from "./pane";

/** A share as the pane's percent field takes it in Swedish: 0.002 → "0,2". */
const percent = (share: number) => String(Math.round(share * 100 * 1e6) / 1e6).replace(".", ",");

interface TextBox {
  text: string;
  role: string;
  /** The four corners on the page, in order around the box (turned text gives a turned box). */
  corners: Array<{ x: number; y: number }>;
}

/** Every text drawn in a chart, with its box as drawn (its glyph box through the element's transform). */
async function textBoxes(page: Page, index: number): Promise<TextBox[]> {
  return page.locator(`[data-testid="chart-${index}"] svg text`).evaluateAll((els) =>
    els.map((el) => {
      const t = el as SVGTextElement;
      const b = t.getBBox();
      const m = t.getScreenCTM()!;
      const at = (x: number, y: number) => ({ x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f });
      return {
        text: Array.from(t.childNodes)
          .filter((n) => n.nodeName !== "title")
          .map((n) => n.textContent ?? "")
          .join(""),
        role: t.getAttribute("data-role") ?? "",
        corners: [at(b.x, b.y), at(b.x + b.width, b.y), at(b.x + b.width, b.y + b.height), at(b.x, b.y + b.height)],
      };
    }),
  );
}

/** Two convex boxes overlap unless an edge's normal separates them (by more than `gap` px of tolerance). */
function overlap(a: TextBox["corners"], b: TextBox["corners"], gap = 0.5): boolean {
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const p = poly[i];
      const q = poly[(i + 1) % poly.length];
      const nx = q.y - p.y;
      const ny = p.x - q.x;
      const len = Math.hypot(nx, ny) || 1;
      const proj = (pts: typeof a) => pts.map((r) => (r.x * nx + r.y * ny) / len);
      const pa = proj(a);
      const pb = proj(b);
      if (Math.max(...pa) < Math.min(...pb) + gap || Math.max(...pb) < Math.min(...pa) + gap) return false;
    }
  }
  return true;
}

async function overlaps(page: Page, index: number): Promise<string[]> {
  const boxes = (await textBoxes(page, index)).filter((b) => b.text.trim() !== "");
  const out: string[] = [];
  // Inside the chart, 2 px from its edge.
  const frame = (await page.getByTestId(`chart-${index}`).locator("svg").boundingBox())!;
  for (const b of boxes)
    if (b.corners.some((c) => c.x < frame.x + 2 || c.x > frame.x + frame.width - 2 || c.y < frame.y + 2 || c.y > frame.y + frame.height - 2))
      out.push(`${b.role} "${b.text}" outside the chart`);
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (overlap(boxes[i].corners, boxes[j].corners)) out.push(`${boxes[i].role} "${boxes[i].text}" × ${boxes[j].role} "${boxes[j].text}"`);
  return out;
}

describeInBrowser("the model's charts", () => {
  const playground = usePlayground();

  test("six actors and a fund: one colour per actor, mnkr on the axes, the fund chart, no text over other text", async () => {
    const { page, errors } = playground.browser;
    const sample = SAMPLES.find((s) => s.id === "norrkoping")!;
    const shot = screenshots("charts");
    await page.goto(`${playground.server.url}?sample=template-norrkoping`);
    await page.locator('[data-cell="A1"]').waitFor();
    await useSelection(page);
    await page.getByTestId("template-norrkoping").click();
    for (const row of sample.inputs.rows) await assign(page, row.label, row.role, row.actor, row.share === null ? undefined : percent(row.share));
    // Four more actors through the pane's own lines: the region, the Social Insurance Agency, society, the executive board.
    for (const [j, line] of sample.inputs.extraLines.entries()) {
      await page.getByTestId(line.role === "cost" ? "add-extra-cost" : "add-extra-gain").click();
      await page.getByTestId(`extra-${j}-label`).fill(line.label);
      await page.getByTestId(`extra-${j}-actor`).selectOption(line.actor);
      await page.getByTestId(`extra-${j}-amounts`).fill(line.amounts.map((x) => String(x)).join("; "));
      await page.getByTestId(`extra-${j}-after`).selectOption(line.after);
    }
    await page.getByTestId("participants").fill("60");
    await page.getByTestId("success-probability").fill("40");
    await page.getByTestId("cap-per-year").fill("3000000");
    await build(page);

    await eventually(async () => expect(await page.locator('[data-testid^="chart-"]').count()).toBe(3));
    const kinds = await page.locator('[data-testid^="chart-"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-kind")));
    expect(kinds).toEqual(["line", "columnClustered", "line"]);

    // One colour per actor: the line chart's series and the column chart's columns (costs and gains) agree.
    const lineColours = await page
      .locator('[data-testid="chart-0"] g[data-series]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute("data-series")!, e.getAttribute("data-colour")!] as [string, string]));
    expect(lineColours.length).toBeGreaterThanOrEqual(6);
    expect(new Set(lineColours.map(([, c]) => c)).size).toBe(lineColours.length);
    const bars = await page
      .locator('[data-testid="chart-1"] rect[data-category]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute("data-category")!, e.getAttribute("stroke")!, e.getAttribute("fill")!] as [string, string, string]));
    const colourOf = new Map(lineColours);
    for (const [actor, stroke] of bars) expect([actor, stroke]).toEqual([actor, colourOf.get(actor)]);
    // Costs in a light shade, gains solid: two fills per actor that has both.
    const costsFills = await page
      .locator('[data-testid="chart-1"] g[data-series]:first-of-type rect')
      .evaluateAll((els) => els.map((e) => e.getAttribute("fill")));
    for (const f of costsFills) expect([...colourOf.values()]).not.toContain(f);
    // The fund's lines are none of the actors' colours.
    const fundColours = await page.locator('[data-testid="chart-2"] g[data-series]').evaluateAll((els) => els.map((e) => e.getAttribute("data-colour")));
    expect(fundColours).toHaveLength(3);
    for (const c of fundColours) expect([...colourOf.values()]).not.toContain(c);
    const fundSeries = await page.locator('[data-testid="chart-2"] g[data-series]').evaluateAll((els) => els.map((e) => e.getAttribute("data-series")));
    expect(fundSeries).toEqual(["Ackumulerad utbetalning", "Ackumulerad återbetalning", "Fondens saldo (återbetalt − utbetalt)"]);

    // Units: the axes' titles name mnkr, the ticks are plain numbers in Swedish form (no "mn", "tn").
    for (const k of [0, 1, 2]) {
      const boxes = await textBoxes(page, k);
      expect(boxes.filter((b) => b.role === "value-title").map((b) => b.text)).toEqual([k === 2 ? "Belopp, mnkr" : "Nuvärde, mnkr"]);
      for (const t of boxes.filter((b) => b.role === "tick")) expect(t.text).toMatch(/^−?\d{1,3}(\u00a0\d{3})*(,\d+)?$/);
    }

    // The six actor names under the columns are turned; every name is there (in full, or shortened with its full text as tooltip).
    const cats = await page
      .locator('[data-testid="chart-1"] text[data-role="category"]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute("data-label"), e.getAttribute("transform")]));
    expect(cats.map(([l]) => l)).toEqual(lineColours.map(([a]) => a));
    for (const [, transform] of cats) expect(transform).toMatch(/rotate\(-(45|90) /);

    // The fund chart's last points are the sheet's Fund schedule (the balance ends at minus what is unpaid).
    const fundValues = await page.evaluate(() => {
      const pg = window.socinvPlayground!;
      const ch = pg.book.charts.find((c) => c.rows && c.rows.series.length === 3)!;
      return ch.rows!.series.map((s) => s.values);
    });
    const sheet = await page.evaluate(() => window.socinvPlayground!.book.charts[0].sheet);
    const last = (address: string) => `'${sheet}'!${address.split(":")[1]}`;
    const unpaid = (await cellValue(
      page,
      (await page.evaluate(() => window.socinvPlayground!.book.names().find((n) => n.name === "SI1_FundUnpaid")?.refersTo ?? ""))!.replace(/^=/, ""),
    )) as number;
    expect((await cellValue(page, last(fundValues[2]))) as number).toBeCloseTo(-unpaid, 2);

    // No text of any chart lies on another.
    for (const k of [0, 1, 2]) expect([k, await overlaps(page, k)]).toEqual([k, []]);

    for (const k of [0, 1, 2]) {
      const chart = page.getByTestId(`chart-${k}`);
      await chart.scrollIntoViewIfNeeded();
      await chart.screenshot({ path: (await shot(page, `chart-${k}`)).replace(/\.png$/, "-only.png") });
    }
    expect(errors).toEqual([]);
  }, 120_000);

  test("narrow charts and long names: still nothing on top of anything", async () => {
    const { page, errors } = playground.browser;
    // The same model, its charts drawn at 330 px wide (the smallest the grid draws) with actors of long names.
    await page.evaluate(() => {
      const pg = window.socinvPlayground!;
      const sheet = pg.book.charts[0].sheet;
      pg.book.charts = pg.book.charts.map((c) => (c.sheet === sheet ? { ...c, anchor: { ...c.anchor, cols: 3 } } : c));
      pg.book.setInput(sheet, 0, 0, pg.book.input(sheet, 0, 0) ?? ""); // redraw
    });
    const shot = screenshots("charts-narrow");
    for (const k of [0, 1, 2]) {
      await eventually(async () => expect((await page.getByTestId(`chart-${k}`).boundingBox())!.width).toBeLessThan(400));
      expect([k, await overlaps(page, k)]).toEqual([k, []]);
      const chart = page.getByTestId(`chart-${k}`);
      await chart.scrollIntoViewIfNeeded();
      await chart.screenshot({ path: (await shot(page, `chart-${k}`)).replace(/\.png$/, "-only.png") });
    }
    expect(errors).toEqual([]);
  }, 60_000);
});

describeInBrowser("switching the sample workbook", () => {
  const playground = usePlayground();

  test("with unsaved changes the page asks first; Cancel keeps them, Switch anyway replaces them; unchanged switches at once", async () => {
    const { page, errors } = playground.browser;
    const shot = screenshots("switch-sample");
    await page.goto(playground.server.url);
    await page.locator('[data-cell="A1"]').waitFor();
    // Nothing changed yet: the switch is immediate.
    await page.getByTestId("sample-select").selectOption("template-plain");
    await eventually(async () => expect(await page.evaluate(() => window.socinvPlayground!.source)).toBe("template-plain"));
    expect(await page.getByTestId("unsaved-confirm").count()).toBe(0);
    await page.getByTestId("sample-select").selectOption("driftbudget");
    await eventually(async () => expect(await page.evaluate(() => window.socinvPlayground!.source)).toBe("driftbudget"));

    // A change: D12 from 52,0 to 62.
    await page.locator('[data-cell="D12"]').click();
    await page.keyboard.type("62");
    await page.keyboard.press("Enter");
    expect(await cellText(page, "D12")).toBe("62,0");

    await page.getByTestId("sample-select").selectOption("template-malmo");
    const ask = page.getByTestId("unsaved-confirm");
    await ask.waitFor();
    expect(await ask.getAttribute("role")).toBe("alertdialog");
    expect(await ask.innerText()).toMatch(/Arbetsboken har ändringar som inte är nedladdade\. Byter du till ”Mall: Malmö.*” försvinner de/);
    // The safe answer has the focus; the workbook and the menu are unchanged while the page asks.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("unsaved-keep");
    expect(await page.getByTestId("sample-select").inputValue()).toBe("driftbudget");
    await shot(page, "asks");

    await page.getByTestId("unsaved-keep").click();
    expect(await ask.count()).toBe(0);
    expect(await page.evaluate(() => window.socinvPlayground!.source)).toBe("driftbudget");
    expect(await cellText(page, "D12")).toBe("62,0");
    await shot(page, "kept");

    // Escape is Cancel too.
    await page.getByTestId("sample-select").selectOption("template-ale");
    await ask.waitFor();
    await page.keyboard.press("Escape");
    expect(await ask.count()).toBe(0);
    expect(await cellText(page, "D12")).toBe("62,0");

    // Opening a file asks as well.
    await page.getByTestId("open-file").click();
    await ask.waitFor();
    expect(await ask.innerText()).toMatch(/Öppnar du en annan fil försvinner de/);
    await page.getByTestId("unsaved-keep").click();

    // Switch anyway: the new sample, the change gone.
    await page.getByTestId("sample-select").selectOption("template-malmo");
    await ask.waitFor();
    await page.getByTestId("unsaved-discard").click();
    await eventually(async () => expect(await page.evaluate(() => window.socinvPlayground!.source)).toBe("template-malmo"));
    expect(await ask.count()).toBe(0);
    await shot(page, "switched");

    // After a download the changes are kept in the file: switching no longer asks.
    await page.getByTestId("sample-select").selectOption("driftbudget");
    await eventually(async () => expect(await page.evaluate(() => window.socinvPlayground!.source)).toBe("driftbudget"));
    await page.getByTestId(`sheet-tab-${BUDGET_SHEET}`).click();
    await page.locator('[data-cell="D12"]').click();
    await page.keyboard.type("62");
    await page.keyboard.press("Enter");
    const download = page.waitForEvent("download");
    await page.getByTestId("download").click();
    await download;
    await page.getByTestId("sample-select").selectOption("template-plain");
    await eventually(async () => expect(await page.evaluate(() => window.socinvPlayground!.source)).toBe("template-plain"));
    expect(await ask.count()).toBe(0);

    // In English too.
    await page.getByTestId("page-language").selectOption("en");
    await page.locator('[data-cell="B2"]').click();
    await page.keyboard.type("x");
    await page.keyboard.press("Enter");
    await page.getByTestId("sample-select").selectOption("driftbudget");
    await ask.waitFor();
    expect(await ask.innerText()).toMatch(/The workbook has changes that have not been downloaded\. Switching to “Operating budget 2025 .*” discards them\./);
    await shot(page, "asks-en");
    await page.getByTestId("unsaved-keep").click();
    expect(errors).toEqual([]);
  }, 90_000);
});
