/**
 * The custom-function metadata Excel reads (generated from the JSDoc, as the build does) against the
 * registry other hosts use, and the Swedish metadata built from the *.sv.json tables.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { FUNCTIONS } from "../../src/functions/registry";
import { SPECS, isRangeKind } from "../../src/functions/specs";
import { FunctionsMetadata, MissingTranslationError, SwedishTexts, TranslationTable, localizeMetadata, readTables } from "../../tools/localize-metadata";
import { ROOT } from "./build";

const FUNCTIONS_DIR = path.join(ROOT, "src", "functions");
const sources: string[] = JSON.parse(fs.readFileSync(path.join(FUNCTIONS_DIR, "sources.json"), "utf8"));

let metadata: FunctionsMetadata;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(sources.map((s) => path.join(ROOT, s)));
  expect(result.errors).toEqual([]);
  metadata = JSON.parse(result.metadataJson);
}, 60_000);

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));
const realTables = () => readTables(FUNCTIONS_DIR);

function problemsOf(meta: FunctionsMetadata, tables: Record<string, TranslationTable>): string[] {
  try {
    localizeMetadata(meta, tables);
  } catch (e) {
    expect(e).toBeInstanceOf(MissingTranslationError);
    return (e as MissingTranslationError).problems;
  }
  return [];
}

describe("sources.json and the functions entry", () => {
  test("every module with @customfunction is listed in sources.json, and only those", () => {
    const withFunctions = fs
      .readdirSync(FUNCTIONS_DIR)
      .filter((f) => f.endsWith(".ts"))
      .filter((f) => /@customfunction\b/.test(fs.readFileSync(path.join(FUNCTIONS_DIR, f), "utf8")))
      .map((f) => `src/functions/${f}`)
      .sort();
    expect([...sources].sort()).toEqual(withFunctions);
  });

  test("src/functions/index.ts imports exactly the modules in sources.json (else Excel never registers them)", () => {
    const index = fs.readFileSync(path.join(FUNCTIONS_DIR, "index.ts"), "utf8");
    const imported = [...index.matchAll(/^import\s+["']\.\/([\w.-]+)["'];/gm)].map((m) => `src/functions/${m[1]}.ts`).sort();
    expect(imported).toEqual([...sources].sort());
  });
});

describe("functions.json (from the JSDoc) and the registry", () => {
  test("ids are upper-case A–Z/0–9, unique, and each function's name is its id", () => {
    const ids = metadata.functions.map((f) => f.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of metadata.functions) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9]*$/);
      expect(f.name).toBe(f.id);
    }
  });

  test("the registry lists the same functions, with the same parameter names, order and optional flags", () => {
    const fromMetadata = Object.fromEntries(metadata.functions.map((f) => [f.id, f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name))]));
    const fromRegistry = Object.fromEntries(FUNCTIONS.map((f) => [f.id, f.params]));
    expect(fromRegistry).toEqual(fromMetadata);
    expect(FUNCTIONS).toHaveLength(metadata.functions.length); // no id twice in the registry
  });

  test("every function and parameter has an English description", () => {
    for (const f of metadata.functions) {
      expect({ id: f.id, described: !!f.description?.trim() }).toEqual({ id: f.id, described: true });
      for (const p of f.parameters) expect({ id: f.id, p: p.name, described: !!p.description?.trim() }).toEqual({ id: f.id, p: p.name, described: true });
    }
  });
});

describe("Swedish metadata (functions.sv-SE.json)", () => {
  test("every function and parameter has Swedish texts; ids, names, types and order are unchanged", () => {
    const sv = localizeMetadata(metadata, realTables());
    expect(sv.functions.map((f) => [f.id, f.name])).toEqual(metadata.functions.map((f) => [f.id, f.name]));
    sv.functions.forEach((s, i) => {
      const en = metadata.functions[i];
      expect(s.description).not.toBe(en.description);
      expect(s.result).toEqual(en.result);
      expect(s.parameters.map(({ name: _n, description: _d, ...rest }) => rest)).toEqual(en.parameters.map(({ name: _n, description: _d, ...rest }) => rest));
      s.parameters.forEach((p) => {
        expect(typeof p.description).toBe("string");
        expect(p.name).toMatch(/^[\p{L}_][\p{L}\p{N}_]*$/u);
      });
    });
  });

  test("a table missing a function, a parameter or a description is an error naming each gap", () => {
    const tables = clone(realTables());
    const [firstFile] = Object.keys(tables);
    const table = tables[firstFile] as Record<string, SwedishTexts>;
    const [dropped, partial] = Object.keys(table).filter((k) => !k.startsWith("$"));
    const partialParams = Object.keys(table[partial].parameters ?? {});
    expect(partialParams.length).toBeGreaterThan(0); // the test needs a function with parameters here
    delete table[dropped];
    delete table[partial].parameters![partialParams[0]];
    table[partial].description = " ";

    const problems = problemsOf(metadata, tables);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${dropped}: no Swedish texts`)),
        `${partial}: missing description`,
        `${partial}: parameter "${partialParams[0]}" has no Swedish name and description`,
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  test("no tables at all: every function is reported", () => {
    const problems = problemsOf(metadata, {});
    expect(problems).toHaveLength(metadata.functions.length);
  });

  test("unknown ids and parameters, duplicates, English left in place and bad names are errors", () => {
    const meta: FunctionsMetadata = {
      functions: [
        {
          id: "NPV",
          name: "NPV",
          description: "Present value of a series.",
          parameters: [
            { name: "rate", description: "Discount rate per period." },
            { name: "values", description: "One value per period." },
          ],
        },
      ],
    };
    const ok = {
      description: "Nuvärdet av en serie.",
      parameters: { rate: { name: "ränta", description: "Ränta per period." }, values: { name: "värden", description: "Ett värde per period." } },
    };
    expect(localizeMetadata(meta, { "a.sv.json": { NPV: ok } }).functions[0].parameters.map((p) => p.name)).toEqual(["ränta", "värden"]);

    expect(problemsOf(meta, { "a.sv.json": { NPV: ok, NPVX: ok } })).toEqual([expect.stringMatching(/^NPVX: in a\.sv\.json but there is no such function/)]);
    expect(problemsOf(meta, { "a.sv.json": { NPV: ok }, "b.sv.json": { NPV: ok } })).toEqual([expect.stringMatching(/^NPV: Swedish texts defined in both/)]);
    const extraParam: Required<SwedishTexts> = clone(ok);
    extraParam.parameters.typ = { name: "typ", description: "Tidpunkt." };
    expect(problemsOf(meta, { "a.sv.json": { NPV: extraParam } })).toEqual([expect.stringMatching(/^NPV: parameter "typ" in a\.sv\.json does not exist/)]);
    const english = clone(ok);
    english.description = "Present value of a series.";
    expect(problemsOf(meta, { "a.sv.json": { NPV: english } })).toEqual(["NPV: description is still in English"]);
    const spaced = clone(ok);
    spaced.parameters.rate.name = "diskonterings ränta";
    expect(problemsOf(meta, { "a.sv.json": { NPV: spaced } })).toEqual([expect.stringMatching(/must be one word/)]);
    const twice = clone(ok);
    twice.parameters.values.name = "ränta";
    expect(problemsOf(meta, { "a.sv.json": { NPV: twice } })).toEqual([expect.stringMatching(/"ränta" is used twice/)]);
    // Comments are allowed in the tables.
    expect(problemsOf(meta, { "a.sv.json": { $comment: "Svenska texter", NPV: ok } })).toEqual([]);
  });
});

describe("the argument specs (src/functions/specs) and the modules", () => {
  test("functions.json has exactly the specs' functions and parameters: names, order, optional, and a range where the spec takes one", () => {
    const fromMetadata = Object.fromEntries(
      metadata.functions.map((f) => [f.id, f.parameters.map((p) => ({ name: p.name, optional: !!p.optional, range: p.dimensionality === "matrix" }))]),
    );
    const fromSpecs = Object.fromEntries(
      Object.entries(SPECS).map(([id, s]) => [id, s.params.map((p) => ({ name: p.name, optional: p.optional, range: isRangeKind(p.kind) }))]),
    );
    expect(fromMetadata).toEqual(fromSpecs);
  });

  test("each adapter module has its own Swedish table (X.ts → X.sv.json) with exactly its functions", () => {
    const tables = realTables();
    const claimed: string[] = [];
    for (const source of sources) {
      const base = path.basename(source, ".ts");
      const ids = [...fs.readFileSync(path.join(ROOT, source), "utf8").matchAll(/@customfunction\s+(\w+)/g)].map((m) => m[1]).sort();
      const table = tables[`${base}.sv.json`] as Record<string, unknown> | undefined;
      expect({
        source,
        ids: table
          ? Object.keys(table)
              .filter((k) => !k.startsWith("$"))
              .sort()
          : "no table",
      }).toEqual({ source, ids });
      claimed.push(`${base}.sv.json`);
    }
    expect(Object.keys(tables).sort()).toEqual(claimed.sort()); // no table without its module
  });
});
