/**
 * Offline check of manifest.xml: what Excel would reject or silently break when sideloading, checked without
 * Microsoft's online validator. Ids, resource ids, URLs against what the build emits, icon pixel sizes,
 * the shared runtime wiring, the SOCINV namespace and the Swedish (sv-SE) overrides.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { DIST, ROOT, ensureProductionBuild } from "./build";

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
  parent?: El;
}

/** A node as fast-xml-parser gives it with preserveOrder: { tag: children, ":@": attributes } or { "#text": text }. */
type OrderedNode = Record<string, unknown>;

function toTree(nodes: OrderedNode[], parent?: El): El[] {
  const out: El[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ":@");
    if (!name || name === "#text" || name === "?xml" || name === "#comment") continue;
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries((node[":@"] ?? {}) as Record<string, unknown>)) attrs[k.replace(/^@_/, "")] = String(v);
    const el: El = { name, attrs, children: [], text: "", parent };
    const kids = node[name] as OrderedNode[];
    el.text = kids
      .filter((k) => "#text" in k)
      .map((k) => String(k["#text"]))
      .join("")
      .trim();
    el.children = toTree(kids, el);
    out.push(el);
  }
  return out;
}

function all(el: El): El[] {
  return [el, ...el.children.flatMap(all)];
}

const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const root = toTree(
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", preserveOrder: true, parseAttributeValue: false, parseTagValue: false }).parse(xml),
)[0];
const elements = all(root);
const named = (name: string) => elements.filter((e) => e.name === name);
const one = (name: string): El => {
  const found = named(name);
  expect(found).toHaveLength(1);
  return found[0];
};
const child = (el: El, name: string) => el.children.find((c) => c.name === name);
/** A direct child of OfficeApp (Description also names the ribbon's tooltips). */
const top = (name: string): El => {
  const found = child(root, name);
  expect(found).toBeDefined();
  return found!;
};
const svOverride = (el: El) => el.children.find((c) => /(^|:)Override$/.test(c.name) && c.attrs.Locale === "sv-SE");

const BASE = "https://localhost:3000/";

// Resources by kind: which element may refer to which kind.
const KIND_OF_RESOURCE: Record<string, string> = { "bt:Images": "image", "bt:Urls": "url", "bt:ShortStrings": "short", "bt:LongStrings": "long" };
const resources = new Map<string, { kind: string; el: El }>();
for (const [container, kind] of Object.entries(KIND_OF_RESOURCE)) {
  for (const c of named(container)) for (const r of c.children) resources.set(r.attrs.id, { kind, el: r });
}
function expectedKind(user: El): string {
  if (user.name === "bt:Image") return "image";
  if (["SourceLocation", "Runtime", "FunctionFile", "LearnMoreUrl"].includes(user.name)) return "url";
  if (user.name === "Description" && user.parent?.name !== "OfficeApp") return "long";
  return "short"; // Label, Title, Namespace
}
const users = elements.filter((e) => e.attrs.resid !== undefined);

function pngSize(file: string): [number, number] {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(b.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe("manifest.xml", () => {
  beforeAll(() => ensureProductionBuild(), 10 * 60_000);

  test("is a task pane add-in for Excel with a fixed GUID and a version matching package.json", () => {
    expect(root.name).toBe("OfficeApp");
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(one("Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    const version = one("Version").text;
    expect(version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(version).toBe(`${pkg.version}.0`);
    expect(named("Host").map((h) => h.attrs.Name ?? h.attrs["xsi:type"])).toEqual(["Workbook", "Workbook"]);
    expect(one("VersionOverrides").attrs["xsi:type"]).toBe("VersionOverridesV1_0");
  });

  test("requires the shared runtime and wires functions, ribbon and pane to one page", () => {
    const sets = named("Set").map((s) => `${s.attrs.Name} ${s.attrs.MinVersion}`);
    expect(sets).toContain("SharedRuntime 1.1");
    const runtime = one("Runtime");
    expect(runtime.attrs.lifetime).toBe("long");
    const shared = runtime.attrs.resid;
    // Microsoft: the shared runtime does not load unless these all use the same resid.
    const page = child(named("Page")[0], "SourceLocation")!;
    expect(page.attrs.resid).toBe(shared);
    expect(one("FunctionFile").attrs.resid).toBe(shared);
    const actions = named("Action").filter((a) => a.attrs["xsi:type"] === "ShowTaskpane");
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) {
      expect(child(a, "SourceLocation")!.attrs.resid).toBe(shared);
      expect(child(a, "TaskpaneId")?.text).toBe("ButtonId1");
    }
    expect(resources.get(shared)!.el.attrs.DefaultValue).toBe(`${BASE}taskpane.html`);
    expect(one("DefaultSettings").children[0].attrs.DefaultValue).toBe(`${BASE}taskpane.html`);
  });

  test("every resource id used is defined once, of the right kind, and every defined one is used", () => {
    const ids = [...named("bt:Image"), ...named("bt:Url"), ...named("bt:String")].filter((e) => e.attrs.id).map((e) => e.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const u of users) {
      const r = resources.get(u.attrs.resid);
      expect({ resid: u.attrs.resid, defined: !!r }).toEqual({ resid: u.attrs.resid, defined: true });
      expect({ resid: u.attrs.resid, usedAs: r!.kind }).toEqual({ resid: u.attrs.resid, usedAs: expectedKind(u) });
    }
    const used = new Set(users.map((u) => u.attrs.resid));
    expect(ids.filter((id) => !used.has(id))).toEqual([]);
  });

  test("every URL is https://localhost:3000/… and names a file the production build emits", () => {
    const urls = elements.flatMap((e) => [e.attrs.DefaultValue, e.attrs.Value]).filter((v): v is string => !!v && /^[a-z]+:\/\//i.test(v));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url.startsWith(BASE)).toBe(true);
      const file = path.join(DIST, ...new URL(url).pathname.split("/").filter(Boolean));
      expect({ url, emitted: fs.existsSync(file) }).toEqual({ url, emitted: true });
    }
    // The served manifest is the same file.
    expect(fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8")).toBe(xml);
  });

  test("icons exist in assets/ at 16, 32, 64, 80 and 128 px, and each reference has the size it claims", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(path.join(ROOT, "assets", `icon-${size}.png`))).toEqual([size, size]);
    }
    const fileOf = (url: string) => path.join(ROOT, new URL(url).pathname);
    expect(pngSize(fileOf(one("IconUrl").attrs.DefaultValue))).toEqual([32, 32]);
    expect(pngSize(fileOf(one("HighResolutionIconUrl").attrs.DefaultValue))).toEqual([64, 64]);
    const sized = named("bt:Image").filter((i) => i.attrs.size);
    expect(sized.length).toBeGreaterThan(0);
    for (const use of sized) {
      const s = Number(use.attrs.size);
      expect(pngSize(fileOf(resources.get(use.attrs.resid)!.el.attrs.DefaultValue))).toEqual([s, s]);
    }
  });

  test("custom functions use the SOCINV namespace, the same in every locale", () => {
    const cf = named("ExtensionPoint").find((e) => e.attrs["xsi:type"] === "CustomFunctions")!;
    expect(cf).toBeDefined();
    for (const part of ["Script", "Page", "Metadata", "Namespace"]) expect(child(cf, part)).toBeDefined();
    const ns = resources.get(child(cf, "Namespace")!.attrs.resid)!.el;
    expect(ns.attrs.DefaultValue).toBe("SOCINV");
    expect(ns.children).toEqual([]);
    const script = resources.get(child(child(cf, "Script")!, "SourceLocation")!.attrs.resid)!.el;
    expect(script.attrs.DefaultValue).toBe(`${BASE}functions.js`);
  });

  test("Swedish (sv-SE) overrides: function metadata, display name, description, labels and tooltips", () => {
    const cf = named("ExtensionPoint").find((e) => e.attrs["xsi:type"] === "CustomFunctions")!;
    const metadata = resources.get(child(child(cf, "Metadata")!, "SourceLocation")!.attrs.resid)!.el;
    expect(metadata.attrs.DefaultValue).toBe(`${BASE}functions.json`);
    expect(svOverride(metadata)?.attrs.Value).toBe(`${BASE}functions.sv-SE.json`);

    const texts = [top("DisplayName"), top("Description"), ...named("bt:String").filter((s) => s !== resources.get("Functions.Namespace")?.el)];
    expect(texts.length).toBeGreaterThanOrEqual(4);
    for (const t of texts) {
      const sv = svOverride(t);
      const label = t.attrs.id ?? t.name;
      expect({ label, sv: !!sv?.attrs.Value?.trim() }).toEqual({ label, sv: true });
      expect(sv!.attrs.Value).not.toBe(t.attrs.DefaultValue);
    }
  });

  test("Microsoft's add-in tooling (what `npm start` runs on Windows/Mac) loads and reads it", () => {
    // In a child process: the tooling requires an ES module, which Node loads but jest's module system cannot.
    // It also needs ajv 8 at the top of node_modules (with legacy-peer-deps npm only puts it there when
    // package.json asks for it); without it `npm start` crashes before reaching Excel.
    const script = [
      'const { OfficeAddinManifest } = require("office-addin-manifest");',
      'if (typeof require("office-addin-debugging").startDebugging !== "function") throw new Error("office-addin-debugging has no startDebugging");',
      "OfficeAddinManifest.readManifestFile(process.argv[1]).then((m) => console.log(JSON.stringify(m)), (e) => { console.error(e.message); process.exit(1); });",
    ].join("\n");
    let out: string;
    try {
      out = execFileSync(process.execPath, ["-e", script, path.join(ROOT, "manifest.xml")], { cwd: ROOT, encoding: "utf8", stdio: "pipe", timeout: 60_000 });
    } catch (e) {
      throw new Error(`office-addin-manifest / office-addin-debugging failed to load or read manifest.xml:\n${(e as { stderr?: string }).stderr ?? e}`);
    }
    const info = JSON.parse(out.trim().split("\n").pop()!);
    expect(info.id).toBe(one("Id").text);
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.defaultSettings.sourceLocation).toBe(`${BASE}taskpane.html`);
  });

  test("texts fit Office's length limits (125 for names and labels, 250 for descriptions)", () => {
    const limit = (el: El) => (el.name === "Description" || resources.get(el.attrs.id)?.kind === "long" ? 250 : 125);
    for (const el of [top("DisplayName"), top("Description"), ...named("bt:String")]) {
      for (const v of [el.attrs.DefaultValue, ...el.children.map((c) => c.attrs.Value)]) {
        expect({ text: v, tooLong: v.length > limit(el) }).toEqual({ text: v, tooLong: false });
      }
    }
  });
});
