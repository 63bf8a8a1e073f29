/**
 * The end-to-end harness: Debian's Chromium (/usr/bin/chromium, never a downloaded browser) driven by
 * playwright-core, the built playground served from a test-local server on a random loopback port, and
 * screenshots of the key steps in test-results/<scenario>/NN-step.png.
 *
 * The playground is built once (webpack production) when dist-playground/ is missing or older than its
 * sources; a lock directory keeps parallel jest workers from building at the same time.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import type { AddressInfo, Server } from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist-playground");
// Outside the working tree (nothing to ignore in git), one per checkout.
const LOCK = path.join(os.tmpdir(), `socinv-playground-build-${Buffer.from(ROOT).toString("hex").slice(-32)}.lock`);
export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** In CI the browser must be there (.ci/run installs it); elsewhere the tests are skipped with a warning. */
export function browserAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing, and CI is set: install Debian's chromium package (apt-get install chromium).`);
  console.warn(`SKIPPED browser end-to-end tests: ${CHROMIUM} is missing (apt-get install chromium). They run in CI.`);
  return false;
}

/** `describe` when the browser exists, `describe.skip` (with a warning) otherwise. */
export function describeInBrowser(name: string, body: () => void): void {
  (browserAvailable() ? describe : describe.skip)(name, body);
}

function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (/\.(tsx?|html|json)$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function buildIsCurrent(): boolean {
  const index = path.join(DIST, "index.html");
  if (!fs.existsSync(index)) return false;
  const built = fs.statSync(index).mtimeMs;
  const configs = ["webpack.playground.config.js", "webpack.common.js"].map((f) => fs.statSync(path.join(ROOT, f)).mtimeMs);
  const sources = Math.max(newestMtime(path.join(ROOT, "src")), newestMtime(path.join(ROOT, "playground")), ...configs);
  return built >= sources;
}

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds dist-playground/ once for all workers, when missing or stale. */
export function ensurePlaygroundBuilt(): void {
  if (buildIsCurrent()) return;
  const deadline = Date.now() + 240_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      // Another worker builds; a lock older than the deadline is from a crashed run.
      if (buildIsCurrent()) return;
      const age = Date.now() - (fs.existsSync(LOCK) ? fs.statSync(LOCK).mtimeMs : Date.now());
      if (age > 240_000) fs.rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error("Timed out waiting for another worker's playground build");
      sleep(500);
    }
  }
  try {
    if (buildIsCurrent()) return;
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--config", "webpack.playground.config.js", "--mode", "production"],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    if (r.status !== 0) throw new Error(`Playground build failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** The playground's own static server (scripts/playground.js) on a random loopback port. */
export async function serve(): Promise<Served> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createServer } = require(path.join(ROOT, "scripts", "playground.js")) as { createServer: (root: string) => Server };
  const server = createServer(DIST);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/** A fresh Chromium with a fresh temporary profile. */
export async function launch(opts: { width?: number; height?: number } = {}): Promise<Browser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "socinv-e2e-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: opts.width ?? 1440, height: opts.height ?? 900 },
    acceptDownloads: true,
    locale: "sv-SE",
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  return {
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface Playground {
  server: Served;
  browser: Browser;
}

/**
 * The playground served and Chromium launched once for the enclosing describe block, both closed after
 * it. The fields are filled in by beforeAll, so tests read them when they run, not when they are declared.
 */
export function usePlayground(): Playground {
  const playground = {} as Playground;
  beforeAll(async () => {
    ensurePlaygroundBuilt();
    playground.server = await serve();
    playground.browser = await launch();
  }, 300_000);
  afterAll(async () => {
    await playground.browser?.close();
    await playground.server?.close();
  });
  return playground;
}

/** Numbered screenshots of one scenario: test-results/<scenario>/01-<step>.png, … */
export function screenshots(scenario: string) {
  const dir = path.join(ROOT, "test-results", scenario);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let n = 0;
  return async (page: Page, step: string) => {
    n++;
    const file = path.join(dir, `${String(n).padStart(2, "0")}-${step}.png`);
    await page.screenshot({ path: file });
    return file;
  };
}

/**
 * Drags the mouse from one grid cell to another, as a user selects a block. The target's position is
 * taken again after each move, because the grid scrolls to keep the selection's moving corner in view.
 */
export async function dragSelect(page: Page, from: string, to: string): Promise<void> {
  const a = page.locator(`[data-cell="${from}"]`);
  await a.scrollIntoViewIfNeeded();
  const boxA = (await a.boundingBox())!;
  await page.mouse.move(boxA.x + boxA.width / 2, boxA.y + boxA.height / 2);
  await page.mouse.down();
  const b = page.locator(`[data-cell="${to}"]`);
  for (let i = 0; i < 4; i++) {
    const boxB = (await b.boundingBox())!;
    await page.mouse.move(boxB.x + Math.min(boxB.width / 2, 10), boxB.y + boxB.height / 2, { steps: i === 0 ? 8 : 2 });
    const name = await page.getByTestId("name-box").textContent();
    if (name?.endsWith(`:${to}`)) break;
  }
  await page.mouse.up();
}

/** The text a grid cell shows. */
export async function cellText(page: Page, a1: string): Promise<string> {
  return (await page.locator(`[data-cell="${a1}"]`).innerText()).trim();
}

/** Retries an assertion until it passes (the page updates asynchronously), then returns its value. */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
