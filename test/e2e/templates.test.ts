/**
 * One run per task-pane template, each on its sample workbook from the menu (the budget block is already
 * selected): choose the template, assign the sample's rows, build, and check the pane, the model sheet and
 * the core agree — the fund's repayments too where the template has a fund.
 */
import { SAMPLES } from "../../src/planner/samples";
import type { TemplateId } from "../../src/planner/inputs";
import { describeInBrowser, eventually, screenshots, usePlayground } from "./browser";
import { assign, build, cellValue, close, expected, fromSheetWithCore, readResults, useSelection } from "./pane";

/** A share as the pane's percent field takes it in Swedish: 0.002 → "0,2". */
const percent = (share: number) => String(Math.round(share * 100 * 1e6) / 1e6).replace(".", ",");

describeInBrowser("one run per template", () => {
  const playground = usePlayground();

  test.each(SAMPLES.map((s) => [s.id] as [TemplateId]))(
    "template %s",
    async (id) => {
      const { page, errors } = playground.browser;
      const sample = SAMPLES.find((s) => s.id === id)!;
      const shot = screenshots(`template-${id}`);
      await page.goto(`${playground.server.url}?sample=template-${id}`);
      await page.locator('[data-cell="A1"]').waitFor();
      expect(await page.getByTestId("name-box").textContent()).toBe(sample.selection.address);
      await useSelection(page);
      await page.getByTestId(`template-${id}`).click();
      expect(await page.getByTestId(`template-${id}`).getAttribute("aria-pressed")).toBe("true");

      // Every share is typed (a gain row has none until it is) and "repeat the last year" is chosen where the sample has it.
      for (const row of sample.inputs.rows) {
        const i = await assign(page, row.label, row.role, row.actor, percent(row.share!));
        if (row.after !== "zero") await page.getByTestId(`after-${i}`).selectOption(row.after);
      }
      if (id === "individual") {
        // The intervention's cost is not in the sheet of one person's costs: a line of the pane's own.
        await page.getByTestId("add-extra-cost").click();
        await page.getByTestId("extra-0-label").fill("Coachning och praktik, 20 deltagare");
        await page.getByTestId("extra-0-actor").selectOption("amn");
        await page.getByTestId("extra-0-amounts").fill("1 200 000; 1 200 000");
      } else {
        await page.getByTestId("participants").fill("60");
        await page.getByTestId("success-probability").fill("40");
      }
      if (id === "malmo") {
        for (let k = 0; k < 2; k++) await page.getByTestId("add-commitment").click();
        await page.getByTestId("commitment-0-actor").selectOption("son");
        await page.getByTestId("commitment-1-actor").selectOption("son");
      }
      if (id === "norrkoping") await page.getByTestId("cap-per-year").fill("3000000");
      await shot(page, "filled");

      await build(page);
      const shown = await readResults(page);
      const e = await expected(
        page,
        sample.workbook.sheets.map((s) => s.name),
      );
      expect(e.inputs.template).toBe(id);
      close(shown.npv, e.result.npv);
      close((await cellValue(page, e.keyCells.npv)) as number, e.result.npv);
      const core = await fromSheetWithCore(page, e);
      close(core.npv, e.result.npv);
      if (e.result.payback === null) expect(shown.payback).toBeNull();
      else close(shown.payback!, e.result.payback);
      if (e.result.breakEven !== null) close(shown.breakEven!, e.result.breakEven);
      for (const a of e.result.actors) close(shown.actors[a.id].pvNet, a.pvNet);
      if (id === "plain" || id === "individual") expect(e.result.fund).toBeNull();
      else {
        expect(e.result.fund).not.toBeNull();
        expect(e.keyCells.fund).not.toBeNull();
        close((await cellValue(page, e.keyCells.fund!.repaidTotal)) as number, e.result.fund!.totalRepaid);
        close((await cellValue(page, e.keyCells.fund!.payoutTotal)) as number, e.result.fund!.totalPayout);
        expect(e.result.fund!.totalPayout).toBeGreaterThan(0);
      }
      if (id === "individual") expect(e.inputs.gainBasis).toBe("perSuccess");
      await shot(page, "built");
      await page.getByTestId("chart-0").scrollIntoViewIfNeeded();
      await eventually(async () => expect(await page.locator('[data-testid="chart-0"] path, [data-testid="chart-0"] rect').count()).toBeGreaterThan(2));
      await shot(page, "charts");
      expect(errors).toEqual([]);
    },
    60_000,
  );
});
