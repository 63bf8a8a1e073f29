/**
 * The built add-in page (dist/taskpane.html) in Chromium under its own Content Security Policy, offline:
 * the page is served from a made-up https origin and Office.js from the copy in node_modules in place of
 * Microsoft's CDN (both by request interception, nothing leaves the machine). Outside Excel the pane still
 * renders, with Fluent UI's injected styles, and the policy blocks nothing but Office.js's telemetry; code
 * from strings and inline scripts are refused.
 */
import fs from "node:fs";
import path from "node:path";
import { DIST, ensureProductionBuild } from "../project/build";
import { ROOT, describeInBrowser, launch, screenshots, type Browser } from "./browser";

const ORIGIN = "https://socinv-addin.test";
const OFFICE_CDN = "https://appsforoffice.microsoft.com";
const OFFICE_JS = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
};
/** Office.js's telemetry endpoints: the only thing the policy may block. */
const TELEMETRY = /(^|\.)oaspapps\.com$|(^|\.)aria\.microsoft\.com$/;

/** What the probes leave on the page's window: the policy's reports, and flags the refused code would have set. */
type CspProbe = typeof window & { __violations: Array<{ directive: string; blocked: string }>; __evalRan?: boolean; __inlineRan?: boolean };

/** The file inside `root` that a URL path names, or null. */
function fileIn(root: string, urlPath: string): string | null {
  const file = path.resolve(root, "." + decodeURIComponent(urlPath));
  return file.startsWith(root + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
}

describeInBrowser("the add-in page under its Content Security Policy", () => {
  let browser: Browser;
  const requests: string[] = [];

  beforeAll(async () => {
    ensureProductionBuild();
    browser = await launch();
    await browser.context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      requests.push(url.href);
      let file: string | null = null;
      if (url.origin === ORIGIN) file = fileIn(DIST, url.pathname);
      else if (url.origin === OFFICE_CDN && url.pathname.startsWith("/lib/1/hosted/")) file = fileIn(OFFICE_JS, url.pathname.slice("/lib/1/hosted".length));
      if (!file) return route.fulfill({ status: 404, body: "" });
      return route.fulfill({ status: 200, body: fs.readFileSync(file), contentType: TYPES[path.extname(file)] ?? "application/octet-stream" });
    });
  }, 10 * 60_000);
  afterAll(async () => browser?.close());

  test("the pane renders with its styles, only telemetry is blocked, eval and inline scripts are refused", async () => {
    const { page } = browser;
    const shot = screenshots("taskpane-csp");
    await page.addInitScript(() => {
      const w = window as CspProbe;
      w.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => w.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }));
    });
    await page.goto(`${ORIGIN}/taskpane.html`);
    const pane = page.getByTestId("pane");
    await pane.waitFor({ timeout: 30_000 });
    // Fluent UI's styles were inserted and apply: the pane is laid out by its own class rules.
    const styled = await page.evaluate(() => {
      const rules = [...document.querySelectorAll("style")].reduce((n, s) => n + ((s as HTMLStyleElement).sheet?.cssRules.length ?? 0), 0);
      const root = document.querySelector(".fui-FluentProvider") as HTMLElement | null;
      return { rules, font: root ? getComputedStyle(root).fontFamily : "" };
    });
    expect(styled.rules).toBeGreaterThan(20);
    expect(styled.font).toMatch(/Segoe UI/);
    // Code from strings and inline scripts are refused. (The probes run as the page's own code: what the test
    // evaluates itself through DevTools would be exempt from the policy.)
    await page.evaluate(() => {
      window.setTimeout("window.__evalRan = true" as unknown as () => void, 0);
      const s = document.createElement("script");
      s.textContent = "window.__inlineRan = true";
      document.head.appendChild(s);
    });
    await page.waitForTimeout(500);
    const violations: Array<{ directive: string; blocked: string }> = await page.evaluate(() => (window as CspProbe).__violations);
    expect(await page.evaluate(() => [(window as CspProbe).__evalRan, (window as CspProbe).__inlineRan])).toEqual([undefined, undefined]);
    const unexpected = violations.filter((v) => {
      if (v.blocked === "eval" || v.blocked === "inline") return false; // the probes above
      try {
        return !TELEMETRY.test(new URL(v.blocked).hostname);
      } catch {
        return true;
      }
    });
    expect(unexpected).toEqual([]);
    expect(violations.some((v) => v.blocked === "eval")).toBe(true);
    expect(violations.some((v) => v.blocked === "inline")).toBe(true);
    // Everything the page loaded came from its own origin or Office's CDN.
    expect(requests.filter((u) => !u.startsWith(ORIGIN) && !u.startsWith(OFFICE_CDN))).toEqual([]);
    await shot(page, "pane");
  }, 60_000);
});
