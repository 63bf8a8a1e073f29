/**
 * The argument tables of docs/functions.md ("Arguments / Argument"), rendered from the argument specs
 * (src/functions/specs) and the Swedish parameter names (src/functions/*.sv.json). specs-docs.test.ts checks
 * the document against this rendering and prints the section to paste when they differ.
 */
import * as path from "node:path";
import { describeBounds, formatBound } from "../../src/core/bounds";
import { Kind, ParamSpec, SPECS } from "../../src/functions/specs";
import { SwedishTexts, readTables } from "../../tools/localize-metadata";

export const SECTION_HEADING = "## Arguments / Argument";
export const TABLE_HEADER = ["| Argument | Svenska | Kind | Required | Default | Allowed | Empty cell |", "|---|---|---|---|---|---|---|"];

const KIND: Record<Kind, string> = {
  number: "number",
  whole: "whole number",
  timing: "timing",
  boolean: "TRUE/FALSE",
  choice: "text",
  unit: "unit",
  rate: "rate",
  series: "row or column",
  table: "table",
  names: "names",
  ramp: "years or row",
  block: "shares or table",
};

const literal = (v: string | number | boolean): string =>
  typeof v === "string" ? `"${v}"` : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : formatBound(v, "en");

function defaultText(p: ParamSpec): string {
  if (!p.optional) return "—";
  if (p.default === null || p.default === undefined) return p.defaultText?.en ?? "not given";
  return literal(p.default);
}

function allowedText(p: ParamSpec): string {
  const parts: string[] = [];
  if (p.options) parts.push(p.options.map(literal).join(", "));
  if (p.bounds) parts.push(describeBounds(p.bounds, "en", p.percent));
  if (p.note) parts.push(p.note.en);
  return parts.join("; ") || "—";
}

function emptyText(p: ParamSpec): string {
  if (p.blank === "refused") return "refused";
  if (p.blank === "unset") return p.optional ? "not given (also 0)" : "refused (also 0)";
  return p.kind === "boolean" ? "FALSE" : "0";
}

/** Swedish parameter names by function id and parameter, from the translation tables. */
export function swedishNames(): Record<string, Record<string, string>> {
  const tables = readTables(path.join(__dirname, "..", "..", "src", "functions"));
  const out: Record<string, Record<string, string>> = {};
  for (const table of Object.values(tables)) {
    for (const [id, entry] of Object.entries(table as Record<string, SwedishTexts>)) {
      if (id.startsWith("$")) continue;
      out[id] = Object.fromEntries(Object.entries(entry.parameters ?? {}).map(([k, v]) => [k, v.name]));
    }
  }
  return out;
}

/** The table of one function, as lines. */
export function argumentTable(id: keyof typeof SPECS, sv: Record<string, Record<string, string>>): string[] {
  const rows = (SPECS[id].params as readonly ParamSpec[]).map(
    (p) =>
      `| \`${p.name}\` | \`${sv[id]?.[p.name] ?? "?"}\` | ${KIND[p.kind]} | ${p.optional ? "no" : "yes"} | ${defaultText(p)} | ${allowedText(p)} | ${emptyText(p)} |`,
  );
  return [`#### \`SOCINV.${id}\``, "", ...TABLE_HEADER, ...rows];
}

/** Every function's table, in the order of the specs, separated by blank lines. */
export function argumentTables(): string {
  const sv = swedishNames();
  return (Object.keys(SPECS) as (keyof typeof SPECS)[]).map((id) => argumentTable(id, sv).join("\n")).join("\n\n");
}
