/**
 * The calculation core is compiled with noUncheckedIndexedAccess (issue 9, "tooling that holds the style"):
 * tsconfig.core.json turns it on for src/core, `npm run typecheck` (and so `npm test`) compiles with it, and
 * the option really reaches the compiler (a probe file with an unchecked read is refused). Where the core
 * reads xs[i] it checks the value (src/core/invariant.ts) rather than asserting it with `!`; an assertion
 * that remains says why on its line.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "..", "..");
const CORE = path.join(ROOT, "src", "core");
const CORE_CONFIG = path.join(ROOT, "tsconfig.core.json");

/** tsconfig.core.json as the compiler reads it, `extends` and comments resolved. */
function coreConfig(): ts.ParsedCommandLine {
  const read = ts.readConfigFile(CORE_CONFIG, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, ROOT, undefined, CORE_CONFIG);
  expect(parsed.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
  return parsed;
}

const coreFiles = (): string[] =>
  fs
    .readdirSync(CORE)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(CORE, f))
    .sort();

/** The diagnostics' codes for a probe file in src/core that reads xs[0] as a number, compiled with `options`. */
function probe(options: ts.CompilerOptions): number[] {
  const file = path.join(CORE, "__strictness_probe__.ts");
  const source = "export const first = (xs: readonly number[]): number => xs[0];\n";
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) => (path.resolve(name) === file ? ts.createSourceFile(name, source, lang) : getSourceFile(name, lang, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === file || fileExists(name);
  // Only the probe is compiled (nothing is written): the project's ambient packages and the DOM library are left out.
  const program = ts.createProgram({ rootNames: [file], options: { ...options, types: [], lib: ["lib.es2020.d.ts"], noEmit: true }, host });
  return ts.getPreEmitDiagnostics(program).map((d) => d.code);
}

describe("tsconfig.core.json", () => {
  test("has noUncheckedIndexedAccess on top of the project's strict settings", () => {
    const { options } = coreConfig();
    expect(options.noUncheckedIndexedAccess).toBe(true);
    expect(options.strict).toBe(true); // from tsconfig.json, which it extends
  });

  test("covers every file of src/core, and only src/core", () => {
    const files = coreConfig()
      .fileNames.map((f) => path.resolve(f))
      .sort();
    expect(files).toEqual(coreFiles());
  });

  test("the option reaches the compiler: an unchecked xs[i] in src/core is an error, and only because of it", () => {
    const { options } = coreConfig();
    expect(probe(options)).toEqual([2322]); // Type 'number | undefined' is not assignable to type 'number'.
    expect(probe({ ...options, noUncheckedIndexedAccess: false })).toEqual([]);
  }, 60_000);
});

describe("npm run typecheck", () => {
  const scripts: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts;
  const commands = (script: string | undefined): string[] => (script ?? "").split("&&").map((c) => c.trim().replace(/\s+/g, " "));

  test("compiles src/core with tsconfig.core.json, besides the whole project with tsconfig.json", () => {
    expect(commands(scripts.typecheck)).toEqual(expect.arrayContaining(["tsc --noEmit -p tsconfig.json", "tsc --noEmit -p tsconfig.core.json"]));
  });

  test("is part of npm test", () => {
    expect(commands(scripts.test)).toContain("npm run typecheck");
  });
});

describe("src/core reads checked values, not asserted ones", () => {
  /** Each `x!` (a non-null assertion) in src/core and whether its line carries a comment. */
  function assertions(): { at: string; commented: boolean }[] {
    const out: { at: string; commented: boolean }[] = [];
    for (const file of coreFiles()) {
      const text = fs.readFileSync(file, "utf8");
      const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, true);
      const lines = text.split("\n");
      const visit = (node: ts.Node): void => {
        if (ts.isNonNullExpression(node)) {
          const line = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
          out.push({ at: `${path.relative(ROOT, file)}:${line + 1}`, commented: /\/\/|\/\*/.test(lines[line] ?? "") });
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    return out;
  }

  test("every non-null assertion says why on its line", () => {
    expect(assertions().filter((a) => !a.commented)).toEqual([]);
  });

  test("no @ts-ignore, @ts-expect-error or @ts-nocheck switches the checks off", () => {
    const switched = coreFiles().filter((f) => /@ts-(ignore|expect-error|nocheck)/.test(fs.readFileSync(f, "utf8")));
    expect(switched.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
