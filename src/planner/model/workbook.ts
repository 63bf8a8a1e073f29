/** The model's key (SI1, SI2 …) and its sheet's name, chosen so that nothing clashes with what the workbook holds. */
import { BAD_SHEET_CHARS, MAX_SHEET_NAME, cleanSheetName } from "../a1";
import { settingsSheetName } from "../storage";

/** What the workbook already holds, so that nothing the model creates clashes with it. */
export interface WorkbookFacts {
  sheetNames: string[];
  /** Workbook-scoped names. */
  names: string[];
  /** When rebuilding: the model being replaced. Its key is kept and its sheets' names may be reused. */
  replacing?: { modelKey: string; sheets: string[] };
}

/** Chooses the model key: SI1, SI2 … not used by any settings sheet, sheet or name in the workbook. */
export function chooseModelKey(facts: WorkbookFacts): string {
  if (facts.replacing) return facts.replacing.modelKey;
  const sheets = new Set(facts.sheetNames.map((s) => s.toLowerCase()));
  const names = facts.names.map((n) => n.toLowerCase());
  for (let n = 1; ; n++) {
    const key = `SI${n}`;
    const k = key.toLowerCase();
    if (sheets.has(settingsSheetName(key).toLowerCase())) continue;
    if (names.some((x) => x.startsWith(k + "_"))) continue;
    if ([...sheets].some((s) => s === k || s.startsWith(k + " "))) continue;
    return key;
  }
}

/**
 * "SI1 <title>", unique among the workbook's sheets (Excel compares them case-insensitively; "(2)", "(3)" … when
 * taken); the model being replaced frees its own sheets' names. A title too long for Excel's 31 characters is
 * shortened by whole words (shortName), so the tab never shows half a word or a dangling "(" or ",".
 */
export function modelSheetName(facts: WorkbookFacts, key: string, title: string): string {
  const freed = new Set((facts.replacing?.sheets ?? []).map((s) => s.toLowerCase()));
  if (facts.replacing) freed.add(settingsSheetName(facts.replacing.modelKey).toLowerCase());
  const taken = new Set([...facts.sheetNames.filter((s) => !freed.has(s.toLowerCase())), settingsSheetName(key)].map((s) => s.toLocaleLowerCase("sv")));
  const base = `${key} ${title}`;
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const name = shortName(base, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(name.toLocaleLowerCase("sv"))) return name;
  }
}

/** Punctuation and short words a shortened name must not end with. */
const DANGLING_END = /(?:[\s,;:.&+\-–—(]|\s(?:och|eller|för|i|av|med|på|till|om|samt|inom|and|or|for|of|in|with|on|to|the))+$/iu;

/**
 * `name` as a valid sheet name of at most `max` characters. Longer names keep as many whole words as fit, then
 * lose what would dangle at the end: punctuation, a bracket opened and not closed, a trailing "och" or "för".
 * Only a word too long to fit even alone after the key is cut inside, and then ends with "…", so the cut is seen.
 */
export function shortName(name: string, max: number): string {
  const clean = name.replace(BAD_SHEET_CHARS, " ").replace(/\s+/g, " ").trim();
  if (clean.length <= max) return cleanSheetName(clean);
  const words = clean.split(" ");
  let kept = words[0];
  for (const w of words.slice(1)) {
    if (kept.length + 1 + w.length > max) break;
    kept += " " + w;
  }
  // No whole word fits after the first (the key): the next word is cut, and ends with "…", so the cut is seen.
  if (kept.length > max) return cleanSheetName(kept.slice(0, max - 1) + "…");
  if (kept === words[0] && max - kept.length >= 6) return cleanSheetName(`${kept} ${words[1].slice(0, max - kept.length - 2)}…`);
  for (;;) {
    const before = kept;
    kept = kept.replace(DANGLING_END, "");
    // A bracket left open: drop it and what follows ("Familjecentral (Ale" → "Familjecentral").
    const open = firstUnclosed(kept);
    if (open >= 0) kept = kept.slice(0, open);
    if (kept === before) break;
  }
  return cleanSheetName(kept || words[0].slice(0, max));
}

/** The position of the first "(" that no ")" closes, or -1. */
function firstUnclosed(s: string): number {
  const open: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "(") open.push(i);
    else if (s[i] === ")") open.pop();
  }
  return open.length ? open[0] : -1;
}
