/**
 * Formula pieces that keep an input's error visible. A result that is undefined for some inputs shows "—"
 * (no costs, no successes) or "Not within the horizon"; the test for that condition must never also catch
 * an error of the cells it reads, or a typed "tre" in a budget cell would be shown as "—" or "Not within
 * the horizon" instead of as the error it causes. So: no IFERROR around a result that reads inputs; an
 * IFERROR that is needed for a condition that is not an input's error says which one, and runs only after
 * `errorsFirst` has passed the inputs' errors on.
 */

/**
 * `body` (a formula without "="), unless one of `refs` holds an error: then that error, the first in order.
 * `errorsFirst(["$B$29", "$B$30"], "IF($B$29>0,$B$30/$B$29,\"—\")")` →
 * `IF(ISERROR($B$29),$B$29,IF(ISERROR($B$30),$B$30,IF($B$29>0,$B$30/$B$29,"—")))`.
 */
export function errorsFirst(refs: readonly string[], body: string): string {
  return refs.reduceRight((inner, ref) => `IF(ISERROR(${ref}),${ref},${inner})`, body);
}

/** A text as an Excel string literal: "…" with its quotes doubled. */
export function literal(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
