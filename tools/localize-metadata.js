/**
 * Builds the Swedish custom-function metadata (functions.sv-SE.json) from the generated functions.json and
 * the translation tables src/functions/*.sv.json.
 *
 * A table maps a function id to its Swedish texts:
 *   { "NPV": { "description": "…", "parameters": { "rate": { "name": "ränta", "description": "…" } } } }
 * Parameters are keyed by their name in the JSDoc (without the [brackets] of optional ones).
 *
 * Function NAMES are one set for all locales (a workbook must compute the same in a Swedish and an English
 * Excel), so only descriptions and parameter names/descriptions are translated. Anything missing, unknown
 * or left in English is an error listing every problem at once, so the build fails instead of shipping a
 * half-Swedish help text.
 */
const fs = require("node:fs");
const path = require("node:path");

const TABLE_SUFFIX = ".sv.json";

class MissingTranslationError extends Error {
  constructor(problems) {
    super(`Swedish function metadata (sv-SE) is incomplete:\n  - ${problems.join("\n  - ")}`);
    this.name = "MissingTranslationError";
    this.problems = problems;
  }
}

/** The translation tables in `dir`, by file name, in a stable order. */
function readTables(dir) {
  const tables = {};
  for (const name of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(TABLE_SUFFIX))
    .sort()) {
    const file = path.join(dir, name);
    try {
      tables[name] = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
      throw new Error(`${file}: not valid JSON (${e.message})`);
    }
  }
  return tables;
}

function tableFiles(dir) {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(TABLE_SUFFIX))
    .map((f) => path.join(dir, f));
}

const isText = (v) => typeof v === "string" && v.trim() !== "";
// A parameter name shows in Excel's formula tooltip; keep it one word like the JSDoc names.
const PARAM_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;
// A whole sentence identical to the English one was copied, not translated.
const looksUntranslated = (sv, en) => typeof en === "string" && sv.trim() === en.trim() && en.trim().split(/\s+/).length >= 3;

/** Merges the tables into one map id -> texts, reporting ids defined twice and entries that are not objects. */
function mergeTables(tables, problems) {
  const byId = new Map();
  for (const [file, table] of Object.entries(tables)) {
    if (!table || typeof table !== "object" || Array.isArray(table)) {
      problems.push(`${file}: must be an object keyed by function id`);
      continue;
    }
    for (const [id, entry] of Object.entries(table)) {
      if (id.startsWith("$")) continue; // "$comment" and the like
      if (byId.has(id)) {
        problems.push(`${id}: Swedish texts defined in both ${byId.get(id).file} and ${file}`);
        continue;
      }
      byId.set(id, { file, entry });
    }
  }
  return byId;
}

/**
 * @param metadata the generated functions.json, parsed
 * @param tables translation tables by file name (see readTables)
 * @returns the sv-SE metadata: the same functions, ids, names, types and order, with Swedish texts
 * @throws MissingTranslationError listing every missing, unknown or untranslated text
 */
function localizeMetadata(metadata, tables) {
  const problems = [];
  if (!metadata || !Array.isArray(metadata.functions)) throw new Error("functions.json has no functions array");
  const byId = mergeTables(tables, problems);
  const known = new Set(metadata.functions.map((f) => f.id));
  for (const [id, { file }] of byId) {
    if (!known.has(id)) problems.push(`${id}: in ${file} but there is no such function (renamed or removed?)`);
  }

  const functions = metadata.functions.map((fn) => {
    const out = structuredClone(fn);
    const found = byId.get(fn.id);
    const sv = found && found.entry && typeof found.entry === "object" ? found.entry : undefined;
    const params = fn.parameters || [];
    if (!sv) {
      const names = params.map((p) => p.name).join(", ");
      problems.push(`${fn.id}: no Swedish texts (add it to a src/functions/*${TABLE_SUFFIX} table${names ? `; parameters: ${names}` : ""})`);
      return out;
    }
    if (!isText(sv.description)) problems.push(`${fn.id}: missing description`);
    else if (looksUntranslated(sv.description, fn.description)) problems.push(`${fn.id}: description is still in English`);
    else out.description = sv.description;

    const svParams = sv.parameters && typeof sv.parameters === "object" ? sv.parameters : {};
    const expected = new Set(params.map((p) => p.name));
    for (const name of Object.keys(svParams)) {
      if (!expected.has(name))
        problems.push(`${fn.id}: parameter "${name}" in ${found.file} does not exist (parameters: ${[...expected].join(", ") || "none"})`);
    }
    const svNames = new Set();
    out.parameters = params.map((p) => {
      const q = { ...p };
      const t = svParams[p.name];
      if (!t || typeof t !== "object") {
        problems.push(`${fn.id}: parameter "${p.name}" has no Swedish name and description`);
        return q;
      }
      if (!isText(t.name)) problems.push(`${fn.id}: parameter "${p.name}" has no Swedish name`);
      else if (!PARAM_NAME.test(t.name)) problems.push(`${fn.id}: Swedish name "${t.name}" of parameter "${p.name}" must be one word (letters, digits, _)`);
      else if (svNames.has(t.name)) problems.push(`${fn.id}: Swedish parameter name "${t.name}" is used twice`);
      else {
        svNames.add(t.name);
        q.name = t.name;
      }
      if (!isText(t.description)) problems.push(`${fn.id}: parameter "${p.name}" has no Swedish description`);
      else if (looksUntranslated(t.description, p.description)) problems.push(`${fn.id}: description of parameter "${p.name}" is still in English`);
      else q.description = t.description;
      return q;
    });
    return out;
  });

  if (problems.length > 0) throw new MissingTranslationError(problems);
  return { ...structuredClone(metadata), functions };
}

module.exports = { localizeMetadata, readTables, tableFiles, MissingTranslationError, TABLE_SUFFIX };
