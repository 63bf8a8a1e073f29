/**
 * The plausibility warnings under the model's title (../plausibility.ts decides them): a header with their
 * number and a line saying the model was built all the same, then each warning in the model's language, cut
 * into lines at word boundaries so that no text runs under the charts right of column H (continuation lines
 * indented). A model without warnings has no such rows, so its sheet is exactly as before.
 */
import type { ModelResult } from "../../core/model";
import type { Lang } from "../inputs";
import { PlausibilityWarning, plausibilityWarnings } from "../plausibility";
import { computeResolved } from "../compute";
import type { ResolvedModel } from "../resolve";
import { TOP } from "./layout";
import type { SheetContext } from "./sheet";

/** Characters per line: columns A–H (about 900 points) in the sheet's italic note style. */
export const WARNING_LINE = 130;

/** The warnings for a resolved model, with its evaluated numbers (none that need them if it cannot be evaluated). */
export function modelWarnings(m: ResolvedModel): PlausibilityWarning[] {
  let result: ModelResult | null = null;
  try {
    result = computeResolved(m);
  } catch {
    result = null;
  }
  return plausibilityWarnings(m.inputs, m.budget, result, m);
}

/** One warning as sheet lines: at most WARNING_LINE characters each, broken between words; later lines indented. */
export function warningLines(text: string, width = WARNING_LINE): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/ +/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && next.length > width) {
      lines.push(line);
      line = `   ${word}`;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Every row of the section after its header: the "built all the same" line, then the warnings' lines. */
function sectionLines(warnings: readonly PlausibilityWarning[], lang: Lang, why: string): string[] {
  return [why, ...warnings.flatMap((w) => warningLines(w[lang]))];
}

/** The number of rows the section needs below its header (0 without warnings), for the layout. */
export function warningRowCount(warnings: readonly PlausibilityWarning[], lang: Lang, why: string): number {
  return warnings.length ? sectionLines(warnings, lang, why).length : 0;
}

export function writeWarnings(ctx: SheetContext, warnings: readonly PlausibilityWarning[]): void {
  const at = ctx.layout.warnings;
  if (!at || warnings.length === 0) return;
  const lang = ctx.m.inputs.language;
  ctx.putText(at.header, TOP.label, "header", ctx.t("warningsHeading", { count: warnings.length }));
  sectionLines(warnings, lang, ctx.t("warningsWhy")).forEach((text, k) => ctx.putText(at.rows[k], TOP.label, "note", text));
}
