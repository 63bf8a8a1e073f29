/**
 * Issue 9 §5: the argument tables of docs/functions.md agree with the argument specs (src/functions/specs):
 * one table per function, in the order of the specs, each row the spec's kind, whether it is required, its
 * default, what is allowed and what an empty cell means, with the Swedish parameter name. On a difference the
 * test prints the whole section as it should read.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { SPECS } from "../../src/functions/specs";
import { SECTION_HEADING, argumentTables } from "./spec-docs";

const DOC = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "functions.md"), "utf8");

/** The section's function tables: from its first "#### " heading to the next "## " heading. */
function documentedTables(): string {
  const start = DOC.indexOf(`\n${SECTION_HEADING}\n`);
  if (start < 0) throw new Error(`docs/functions.md has no "${SECTION_HEADING}" section`);
  const body = DOC.slice(start + SECTION_HEADING.length + 2);
  const end = body.search(/^## /m);
  const section = end < 0 ? body : body.slice(0, end);
  const first = section.search(/^#### /m);
  return (first < 0 ? "" : section.slice(first)).trim();
}

describe("docs/functions.md, Arguments: the argument tables are the specs'", () => {
  test("one table per function, in the order of the specs", () => {
    const ids = [...documentedTables().matchAll(/^#### `SOCINV\.(\w+)`$/gm)].map((m) => m[1]);
    expect(ids).toEqual(Object.keys(SPECS));
  });

  test("every row agrees with the spec (the expected section is printed on a difference)", () => {
    const expected = argumentTables();
    const got = documentedTables();
    if (got !== expected) {
      // the first table that differs, then the whole section to paste
      const byId = (s: string) => Object.fromEntries(s.split(/\n(?=#### )/).map((t) => [t.split("\n")[0], t]));
      const [e, g] = [byId(expected), byId(got)];
      const first = Object.keys(e).find((k) => e[k] !== g[k]) ?? "";
      expect({ table: first, doc: g[first] ?? "(missing)" }).toEqual({ table: first, doc: e[first] });
    }
    expect(got).toBe(expected);
  });
});
