/**
 * The boundary between Excel (or the formula engine) and the calculation core.
 *
 * Every SOCINV function body runs inside `guard`: a SocinvError from the core becomes the matching Excel
 * error with its Swedish and English message, and anything unexpected becomes #VALUE! with a message,
 * never an unhandled exception. Every result is checked on the way out: a finite number, or a table of at
 * most MAX_RESULT_CELLS cells whose numbers are all finite. In Excel, errors are thrown as
 * CustomFunctions.Error (the documented way); elsewhere (the formula engine, tests) the SocinvError itself is
 * thrown for the host to translate.
 */
import { SocinvError, fail } from "../core/errors";
import { checkResultSize } from "../core/values";
import type { RateSpec, Timing } from "../core/discounting";
import { readParam } from "./args";
import { SPECS } from "./specs";

/** The result-size limits (defined in the core, which checks them too), for the adapters and the registry. */
export { MAX_RESULT_CELLS, SHEET_COLS, SHEET_ROWS, checkResultSize, resultFits } from "../core/values";

/**
 * Anything other than a SocinvError is a fault, not a user's mistake; its text (a JavaScript message) is
 * never shown. Exhausted memory or call depth is reported as arguments too large to compute with. The
 * original error stays available as `cause` for debugging.
 */
function toSocinvError(e: unknown): SocinvError {
  if (e instanceof SocinvError) return e;
  const err = new SocinvError(e instanceof RangeError ? "tooLargeToCompute" : "unexpected");
  Object.defineProperty(err, "cause", { value: e, enumerable: false });
  return err;
}

/** Every result is finite or an error: a number, or a rectangular table whose numbers are all finite. */
function checkResult<T>(out: T): T {
  if (typeof out === "number") {
    if (!Number.isFinite(out)) fail("resultNotFinite", { pos: "" });
    return out;
  }
  if (!Array.isArray(out)) return out;
  const rows = out.length;
  const cols = Array.isArray(out[0]) ? (out[0] as unknown[]).length : 0;
  if (rows === 0 || cols === 0) return fail("unexpected"); // no function returns an empty table on purpose
  checkResultSize(rows, cols);
  for (let r = 0; r < rows; r++) {
    const line: unknown = out[r];
    if (!Array.isArray(line) || line.length !== cols) return fail("unexpected");
    for (let c = 0; c < cols; c++) {
      const v: unknown = line[c];
      if (typeof v === "number" && !Number.isFinite(v)) fail("resultNotFinite", { pos: r * cols + c + 1, row: r + 1, col: c + 1 });
    }
  }
  return out;
}

function hostError(err: SocinvError): unknown {
  if (typeof CustomFunctions !== "undefined" && CustomFunctions.Error) {
    return new CustomFunctions.Error(CustomFunctions.ErrorCode[err.kind], err.message);
  }
  return err;
}

export function guard<T>(body: () => T): T {
  try {
    return checkResult(body());
  } catch (e) {
    throw hostError(toSocinvError(e));
  }
}

/** `rate`: a number, or a row/column with one rate per period (the spec's reading, see ./args). */
export function readRate(v: unknown, arg = "rate"): RateSpec {
  const spec = SPECS.NPV.params[0];
  return readParam(arg === spec.name ? spec : { ...spec, name: arg }, v) as RateSpec;
}

/** `type`: 0 (default), 1 or 0.5 (the spec's reading, see ./args). */
export function readTiming(v: unknown): Timing {
  return readParam(SPECS.NPV.params[2], v) as Timing;
}

/** A spilled row. */
export function row(values: readonly number[]): number[][] {
  return [values.slice()];
}
