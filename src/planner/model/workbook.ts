/** The model's key (SI1, SI2 …) and its sheet's name, chosen so that nothing clashes with what the workbook holds. */
import { uniqueSheetName } from "../a1";
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

/** "SI1 <title>", unique among the workbook's sheets; the model being replaced frees its own sheets' names. */
export function modelSheetName(facts: WorkbookFacts, key: string, title: string): string {
  const freed = new Set((facts.replacing?.sheets ?? []).map((s) => s.toLowerCase()));
  if (facts.replacing) freed.add(settingsSheetName(facts.replacing.modelKey).toLowerCase());
  const taken = facts.sheetNames.filter((s) => !freed.has(s.toLowerCase()));
  return uniqueSheetName(`${key} ${title}`, [...taken, settingsSheetName(key)]);
}
