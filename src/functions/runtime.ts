/**
 * The boundary between Excel (or the formula engine) and the calculation core.
 *
 * Every SOCINV function body runs inside `guard`: a SocinvError from the core becomes the matching Excel
 * error with its Swedish and English message, and anything unexpected becomes #VALUE! with a message,
 * never an unhandled exception. In Excel, errors are thrown as CustomFunctions.Error (the documented way);
 * elsewhere (the formula engine, tests) the SocinvError itself is thrown for the host to translate.
 */
import { SocinvError } from "../core/errors";
import { asMatrix, isBlank, optionalNumber, toSeries } from "../core/values";
import { RateSpec, Timing, asTiming } from "../core/discounting";

function toSocinvError(e: unknown): SocinvError {
  if (e instanceof SocinvError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return new SocinvError("internal", { detail });
}

function hostError(err: SocinvError): unknown {
  if (typeof CustomFunctions !== "undefined" && CustomFunctions.Error) {
    return new CustomFunctions.Error(CustomFunctions.ErrorCode[err.kind], err.message);
  }
  return err;
}

export function guard<T>(body: () => T): T {
  try {
    const out = body();
    if (typeof out === "number" && !Number.isFinite(out)) throw new SocinvError("notFinite", { arg: "result" });
    return out;
  } catch (e) {
    throw hostError(toSocinvError(e));
  }
}

/** `rate`: a number, or a row/column with one rate per period. A single cell is a constant rate. */
export function readRate(v: unknown, arg = "rate"): RateSpec {
  const m = asMatrix(v);
  if (m.length === 1 && m[0].length === 1) return optionalNumber(m[0][0], arg, 0);
  return toSeries(m, arg);
}

/** `type`: 0 (default), 1 or 0.5. */
export function readTiming(v: unknown): Timing {
  return asTiming(optionalNumber(v, "type", 0));
}

/** An optional rate: omitted or blank means "no discounting". */
export function readOptionalRate(v: unknown, arg = "rate"): RateSpec | null {
  const m = asMatrix(v);
  if (m.length === 0 || (m.length === 1 && m[0].length === 1 && isBlank(m[0][0]))) return null;
  return readRate(m, arg);
}

/** A spilled row. */
export function row(values: readonly number[]): number[][] {
  return [values.slice()];
}
