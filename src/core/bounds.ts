/**
 * Bounds on a number, declared once and used to check and to describe it: by the SOCINV argument specs
 * (src/functions/specs), the planner's validation and the task pane's fields. `min`/`max` are inclusive,
 * `above`/`below` exclusive.
 */
import { RATE_FLOOR } from "./discounting";
import { countEn, countSv } from "./errors";

export interface Bounds {
  readonly min?: number;
  readonly max?: number;
  readonly above?: number;
  readonly below?: number;
}

/** A discount rate: above −100 % (1 + r > 0), the rule of core/discounting. */
export const RATE_BOUNDS: Bounds = { above: RATE_FLOOR };
/** A share: 0 to 1 (0–100 %). */
export const SHARE_BOUNDS: Bounds = { min: 0, max: 1 };

/** Whether x is a finite number within the bounds. */
export function withinBounds(x: number, b: Bounds): boolean {
  if (!Number.isFinite(x)) return false;
  if (b.min !== undefined && !(x >= b.min)) return false;
  if (b.max !== undefined && !(x <= b.max)) return false;
  if (b.above !== undefined && !(x > b.above)) return false;
  if (b.below !== undefined && !(x < b.below)) return false;
  return true;
}

/** A bound for a reader: Swedish decimal comma and space as thousands separator, or English; "−" for minus. */
export function formatBound(x: number, lang: "sv" | "en", percent = false): string {
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "−∞";
  const v = percent ? Math.round(x * 100 * 1e9) / 1e9 : x;
  const [int, frac] = String(Math.abs(v)).split(".");
  const whole = lang === "sv" ? countSv(Number(int)) : countEn(Number(int));
  const s = (v < 0 ? "−" : "") + whole + (frac ? (lang === "sv" ? "," : ".") + frac : "");
  return percent ? s + (lang === "sv" ? " %" : "%") : s;
}

/** The bounds in words, e.g. "större än −100 %" / "greater than −100%"; "" when there are none. */
export function describeBounds(b: Bounds, lang: "sv" | "en", percent = false): string {
  const f = (x: number) => formatBound(x, lang, percent);
  const sv = lang === "sv";
  const parts: string[] = [];
  if (b.min !== undefined && b.max !== undefined) parts.push(sv ? `från ${f(b.min)} till ${f(b.max)}` : `from ${f(b.min)} to ${f(b.max)}`);
  else if (b.min !== undefined) parts.push(sv ? `minst ${f(b.min)}` : `at least ${f(b.min)}`);
  else if (b.max !== undefined) parts.push(sv ? `högst ${f(b.max)}` : `at most ${f(b.max)}`);
  if (b.above !== undefined) parts.push(sv ? `större än ${f(b.above)}` : `greater than ${f(b.above)}`);
  if (b.below !== undefined) parts.push(sv ? `mindre än ${f(b.below)}` : `less than ${f(b.below)}`);
  return parts.join(sv ? " och " : " and ");
}
