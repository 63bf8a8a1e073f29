/**
 * The layers drawn in README.md ("Project layout") are enforced by lint: an import the wrong way is an ESLint
 * error, so it fails `npm run lint` and with it `npm test`. Each probe below is a small file linted through
 * ESLint's Node API with the project's own eslint.config.mjs, as if it were placed in the folder it names
 * (lintText with a file path: nothing is written into src/, so the build and other runs are not disturbed).
 * ESLint loads its config with import(), which jest's module system does not allow, so it runs in a child
 * Node process.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");

/** The README's diagram, written out: each folder and the folders it may import from. */
const MAY: Record<string, string[]> = {
  "src/core": [],
  "src/functions": ["src/core"],
  "src/planner": ["src/core"],
  "src/host": ["src/planner", "src/core"],
  "src/taskpane": ["src/host", "src/planner", "src/core"],
  "src/commands": ["src/host", "src/planner", "src/core"],
  "src/engine": ["src/functions", "src/core"],
  playground: ["src/engine", "src/taskpane", "src/commands", "src/host", "src/planner", "src/functions", "src/core"],
};
const FOLDERS = [...Object.keys(MAY), "test"];

interface Probe {
  filePath: string;
  code: string;
}
interface Result {
  filePath: string;
  errors: { ruleId: string | null; message: string }[];
}

const RUNNER = `
import { ESLint } from "eslint";
const probes = JSON.parse(await new Promise((ok) => { let s = ""; process.stdin.on("data", (d) => (s += d)); process.stdin.on("end", () => ok(s)); }));
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const p of probes) {
  const [r] = await eslint.lintText(p.code, { filePath: p.filePath });
  out.push({ filePath: p.filePath, errors: r.messages.filter((m) => m.severity === 2).map((m) => ({ ruleId: m.ruleId, message: m.message })) });
}
process.stdout.write(JSON.stringify(out));
`;

function lint(probes: Probe[]): Result[] {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", RUNNER], {
    cwd: ROOT,
    input: JSON.stringify(probes),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`eslint probe failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Result[];
}

const LAYER_RULES = new Set(["no-restricted-imports", "no-restricted-syntax"]);
const layerErrors = (r: Result) => r.errors.filter((e) => e.ruleId !== null && LAYER_RULES.has(e.ruleId));

/** The import of `to`/x as written in a file at `file` (relative, as the project writes them). */
function spec(file: string, to: string): string {
  const rel = path.posix.relative(path.posix.dirname(file), `${to}/x`);
  return rel.startsWith(".") ? rel : `./${rel}`;
}

// One probe per pair of folders, from a file at the top of the folder and one a level down.
const pairs = FOLDERS.filter((f) => f !== "test").flatMap((from) =>
  FOLDERS.filter((to) => to !== from).flatMap((to) =>
    [`${from}/__layers_probe.ts`, `${from}/deeper/__layers_probe.ts`].map((filePath) => ({
      from,
      to,
      allowed: MAY[from].includes(to),
      probe: { filePath, code: `import { x } from "${spec(filePath, to)}";\nexport const y = x;\n` },
    })),
  ),
);

const forms = (to: string) => {
  const filePath = "src/core/__layers_probe.ts";
  const s = spec(filePath, to);
  return [
    { name: "import type", probe: { filePath, code: `import type { X } from "${s}";\nexport type Y = X;\n` } },
    { name: "export { } from", probe: { filePath, code: `export { x } from "${s}";\n` } },
    { name: "export * from", probe: { filePath, code: `export * from "${s}";\n` } },
    { name: "import()", probe: { filePath, code: `export const y = () => import("${s}");\n` } },
    { name: "require()", probe: { filePath, code: `export const y = require("${s}");\n` } },
  ];
};

let results: Result[] = [];
const formProbes = forms("src/host");
const controls: Probe[] = [
  // The wrong-way import issue 9 found: the planner's input type taken from the host.
  { filePath: "src/planner/__layers_probe.ts", code: `import type { RangeSnapshot } from "../host/host";\nexport type S = RangeSnapshot;\n` },
  // Within a folder, and tests over everything: allowed.
  { filePath: "src/core/__layers_probe.ts", code: `import { x } from "./errors";\nexport const y = x;\n` },
  { filePath: "src/taskpane/components/__layers_probe.tsx", code: `import { x } from "../../planner/budget";\nexport const y = x;\n` },
  {
    filePath: "test/__layers_probe.ts",
    code: `import { x } from "../playground/host";\nimport { z } from "../src/engine/formula-engine";\nexport const y = [x, z];\n`,
  },
  // A package whose name merely contains a layer's name is not a layer.
  { filePath: "src/core/__layers_probe.ts", code: `import { x } from "host-utils/core";\nexport const y = x;\n` },
];

beforeAll(() => {
  results = lint([...pairs.map((p) => p.probe), ...formProbes.map((f) => f.probe), ...controls]);
}, 120_000);

describe("lint enforces the README's layers", () => {
  test("a file in src/core that imports from src/host fails lint, with the rule's message", () => {
    const i = pairs.findIndex((p) => p.from === "src/core" && p.to === "src/host");
    const errors = layerErrors(results[i]);
    expect(errors).toHaveLength(1);
    expect(errors[0].ruleId).toBe("no-restricted-imports");
    expect(errors[0].message).toContain("src/core may import only from nothing else in the project, not from src/host");
  });

  test("every pair of folders: allowed exactly when the diagram draws it", () => {
    const wrong = pairs
      .map((p, i) => ({ ...p, errors: layerErrors(results[i]) }))
      .filter((p) => (p.errors.length === 0) !== p.allowed)
      .map((p) => `${p.probe.filePath} → ${p.to}: ${p.allowed ? "refused but allowed" : "allowed but refused"}`);
    expect(wrong).toEqual([]);
    // The matrix is not trivial: both outcomes occur.
    expect(pairs.filter((p) => p.allowed).length).toBeGreaterThan(10);
    expect(pairs.filter((p) => !p.allowed).length).toBeGreaterThan(40);
  });

  test.each(formProbes.map((f, i) => [f.name, i] as const))("%s: src/core → src/host fails too", (_name, i) => {
    expect(layerErrors(results[pairs.length + i]).length).toBeGreaterThan(0);
  });

  test("the planner may not take its input type from the host (the import issue 9 found)", () => {
    expect(layerErrors(results[pairs.length + formProbes.length])).not.toEqual([]);
  });

  test("imports within a folder, from tests, and of packages are not layer errors", () => {
    for (const r of results.slice(pairs.length + formProbes.length + 1)) expect([r.filePath, layerErrors(r)]).toEqual([r.filePath, []]);
  });
});
