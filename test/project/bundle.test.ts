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
