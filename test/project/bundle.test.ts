/**
 * The production bundle (dist/): free of HyperFormula (GPL; a devDependency for `npm run calc`, tests and
 * the playground only), complete (both metadata files, every function registered) and loading Office.js.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { DIST, ROOT, distFiles, ensureProductionBuild } from "./build";

const TEXT = /\.(js|mjs|cjs|html|json|xml|txt|css|map)$/;
// Strings that survive minification of HyperFormula: its name in messages and its free licence key.
const MARKERS = [/hyperformula/i, /gpl-v3/i];

const read = (name: string) => fs.readFileSync(path.join(DIST, name), "utf8");

describe("production bundle (dist/)", () => {
  beforeAll(() => ensureProductionBuild(), 10 * 60_000);

  test("the markers do find HyperFormula when it is there (so the next test can fail)", () => {
    const hf = path.join(ROOT, "node_modules", "hyperformula", "dist", "hyperformula.min.js");
    const code = fs.readFileSync(hf, "utf8");
    for (const m of MARKERS) expect(m.test(code)).toBe(true);
  });

  test("no file contains HyperFormula, loads it or evaluates code", () => {
    const files = distFiles().filter((f) => TEXT.test(f));
    expect(files.map((f) => path.relative(DIST, f))).toEqual(expect.arrayContaining(["functions.js", "taskpane.js", "taskpane.html"]));
    const offending: string[] = [];
    for (const f of files) {
      const text = fs.readFileSync(f, "utf8");
      for (const m of MARKERS) if (m.test(text)) offending.push(`${path.relative(DIST, f)}: ${m}`);
      if (/\.(m|c)?js$/.test(f) && /\beval\s*\(/.test(text)) offending.push(`${path.relative(DIST, f)}: eval(`);
    }
    expect(offending).toEqual([]);
  });

  test("functions.json and functions.sv-SE.json list the same functions, and functions.js registers each", () => {
    const en = JSON.parse(read("functions.json"));
    const sv = JSON.parse(read("functions.sv-SE.json"));
    const ids = en.functions.map((f: { id: string }) => f.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(sv.functions.map((f: { id: string }) => f.id)).toEqual(ids);
    expect(sv.functions.map((f: { name: string }) => f.name)).toEqual(en.functions.map((f: { name: string }) => f.name));
    const js = read("functions.js");
    const registered = [...js.matchAll(/CustomFunctions\.associate\("([A-Z0-9]+)"/g)].map((m) => m[1]);
    expect([...registered].sort()).toEqual([...ids].sort());
  });

  test("taskpane.html is the shared runtime page: Office.js from Microsoft's CDN, then functions, commands, pane", () => {
    const html = read("taskpane.html");
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]);
    expect(scripts[0]).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    const own = scripts.filter((s) => !/^https?:/.test(s)).map((s) => s.replace(/^\.?\//, "").replace(/\?.*$/, ""));
    expect(own.filter((s) => ["functions.js", "commands.js", "taskpane.js"].includes(s))).toEqual(["functions.js", "commands.js", "taskpane.js"]);
    for (const s of own) expect(fs.existsSync(path.join(DIST, s))).toBe(true);
  });
});

/** The page's Content-Security-Policy meta element (quoted or, as the minified build writes it, unquoted attributes). */
function cspOf(html: string): { policy: string; at: number } | null {
  const m = /<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/i.exec(html);
  if (!m) return null;
  const content = /\bcontent=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(m[0]);
  return content ? { policy: content[1] ?? content[2] ?? content[3], at: m.index } : null;
}

function directives(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

const OFFICE_CDN = "https://appsforoffice.microsoft.com";

/** What is wrong with a policy for the add-in: wildcards, eval, inline script, sources beyond its own and Office's. */
function cspProblems(policy: string): string[] {
  const d = directives(policy);
  const problems: string[] = [];
  const allowed = new Set(["'self'", "'none'", OFFICE_CDN]);
  for (const [name, sources] of d) {
    for (const s of sources) {
      if (s.includes("*")) problems.push(`${name}: wildcard ${s}`);
      if (/^'unsafe-eval'$|^'wasm-unsafe-eval'$|^'unsafe-hashes'$/i.test(s)) problems.push(`${name}: ${s}`);
      else if (s === "'unsafe-inline'" && name !== "style-src") problems.push(`${name}: 'unsafe-inline'`);
      else if (s === "data:" && name !== "img-src") problems.push(`${name}: data:`);
      else if (!allowed.has(s) && s !== "'unsafe-inline'" && s !== "data:") problems.push(`${name}: ${s} is neither the add-in nor Office's CDN`);
    }
  }
  if ((d.get("default-src") ?? []).join(" ") !== "'self'") problems.push("default-src is not 'self'");
  const scripts = d.get("script-src") ?? d.get("default-src") ?? [];
  if ([...scripts].sort().join(" ") !== ["'self'", OFFICE_CDN].sort().join(" ")) problems.push(`script-src is ${scripts.join(" ")}`);
  if ((d.get("object-src") ?? []).join(" ") !== "'none'") problems.push("object-src is not 'none'");
  if (!d.has("base-uri")) problems.push("no base-uri");
  return problems;
}

describe("taskpane.html's Content Security Policy", () => {
  beforeAll(() => ensureProductionBuild(), 10 * 60_000);

  test("the check finds what it must refuse (so the next test can fail)", () => {
    expect(cspProblems("default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; object-src 'none'; base-uri 'self'")).toEqual([]);
    expect(cspProblems("default-src *; script-src 'self' 'unsafe-eval' https://appsforoffice.microsoft.com; object-src 'none'; base-uri 'self'")).toEqual(
      expect.arrayContaining(["default-src: wildcard *", "script-src: 'unsafe-eval'"]),
    );
    expect(cspProblems("default-src 'self'; script-src 'self' https://*.microsoft.com; object-src 'none'; base-uri 'self'").join()).toMatch(/wildcard/);
    expect(
      cspProblems(
        "default-src 'self'; script-src 'self' 'unsafe-inline' https://appsforoffice.microsoft.com https://cdn.example.com; object-src 'none'; base-uri 'self'",
      ),
    ).toEqual(expect.arrayContaining(["script-src: 'unsafe-inline'", "script-src: https://cdn.example.com is neither the add-in nor Office's CDN"]));
    expect(cspOf("<html><head><title>x</title></head></html>")).toBeNull();
  });

  test("dist/taskpane.html has the policy before any script: its own origin and Office's CDN only, no wildcard, no eval", () => {
    const html = read("taskpane.html");
    const csp = cspOf(html);
    expect(csp).not.toBeNull();
    expect(cspProblems(csp!.policy)).toEqual([]);
    expect(csp!.at).toBeLessThan(html.search(/<script\b/i)); // a policy applies only to what comes after it
    // Every script the page loads is allowed by script-src, and none is inline (script-src has no 'unsafe-inline').
    const allowed = directives(csp!.policy).get("script-src")!;
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      const src = /\bsrc=["']?([^"' >]+)/i.exec(m[1])?.[1];
      expect(src ?? `inline script: ${m[2].slice(0, 40)}`).toBeTruthy();
      expect(m[2].trim()).toBe("");
      if (src && /^https?:/.test(src)) expect(allowed).toContain(new URL(src).origin);
    }
    expect(/\son[a-z]+=/i.test(html)).toBe(false); // no inline event handlers either
  });
});
