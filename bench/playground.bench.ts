/**
 * Issue 5: time from clicking Build in the task pane to the model shown, for the sample driftbudget, in
 * the browser playground: measured inside the page with performance.now(), from the click until the
 * result is marked built and the model's sheet is the one shown in the grid. Each round starts from a
 * freshly loaded page with the block read and the rows assigned (not measured).
 *
 * Needs Debian's Chromium (/usr/bin/chromium) and builds dist-playground/ when it is missing or stale.
 */
import fs from "node:fs";
import type { BenchCase } from "./harness";
import { Browser, CHROMIUM, Served, ensurePlaygroundBuilt, launch, serve } from "../test/e2e/browser";
import { assign, useSelection } from "../test/e2e/pane";
import { BUDGET_SELECTION, BUDGET_SHEET } from "../src/planner/samples";

let session: { server: Served; browser: Browser } | null = null;

async function start(): Promise<{ server: Served; browser: Browser }> {
  if (!session) {
    ensurePlaygroundBuilt();
    session = { server: await serve(), browser: await launch() };
  }
  return session;
}

/** One run: a fresh page, the officer's choices, then Build timed in the page. */
async function buildOnce(): Promise<number> {
  const { server, browser } = await start();
  const { page } = browser;
  await page.goto(server.url);
  await page.locator('[data-cell="A1"]').waitFor();
  // Page scripts are strings: tsx's name-keeping helpers do not exist inside the page.
  const [, c0, r0, c1, r1] = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(BUDGET_SELECTION)!;
  const col = (x: string) => x.split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const area = { r0: Number(r0) - 1, c0: col(c0), r1: Number(r1) - 1, c1: col(c1) };
  await page.evaluate(`window.socinvPlayground.book.select(${JSON.stringify(BUDGET_SHEET)}, ${JSON.stringify(area)})`);
  await useSelection(page);
  await assign(page, "Social investering: Tidiga insatser", "cost", "son");
  await assign(page, "Institutionsplaceringar barn och unga", "gain", "son", "4");
  await assign(page, "Försörjningsstöd", "gain", "son", "1");
  await assign(page, "Gymnasieskola", "gain", "bun", "0,5");
  return page.evaluate(MEASURE_BUILD) as Promise<number>;
}

const MEASURE_BUILD = `new Promise((resolve, reject) => {
  const button = document.querySelector('[data-testid="build"]');
  const t0 = performance.now();
  const shown = () => {
    const built = document.querySelector('[data-testid="result"]')?.getAttribute("data-state") === "built";
    const tab = document.querySelector('[data-testid^="sheet-tab-SI1"][aria-selected="true"]');
    if (built && tab) resolve(performance.now() - t0);
    else if (performance.now() - t0 > 60000) reject(new Error("the model was not shown within 60 s"));
    else requestAnimationFrame(shown);
  };
  button.click();
  requestAnimationFrame(shown);
})`;

export const benchmarks: BenchCase[] = fs.existsSync(CHROMIUM)
  ? [
      {
        name: "Playground: Build → model shown (sample driftbudget)",
        detail:
          "click on Build in the task pane until the result is built and the model sheet is shown, measured in Chromium with performance.now(); 4 budget rows, 10 years, portable formulas",
        rounds: 5,
        runAsync: buildOnce,
        teardown: async () => {
          if (!session) return;
          await session.browser.close();
          await session.server.close();
          session = null;
        },
      },
    ]
  : (console.warn(`playground bench skipped: ${CHROMIUM} is missing`), []);
