/**
 * How a core call fails, for tests that check the Excel error (and message id) rather than a thrown
 * exception: "no error" when it returns, "not a SocinvError" when something else was thrown.
 */
import { SocinvError } from "../../src/core/errors";

/** The Excel error and the message id a core call fails with. */
export const errorOf = (f: () => unknown): { excel: string; id: string } | string => {
  try {
    f();
  } catch (e) {
    return e instanceof SocinvError ? { excel: e.excel, id: e.id } : "not a SocinvError";
  }
  return "no error";
};

/** The Excel error alone ("#NUM!", "#VALUE!", …). */
export const kindOf = (f: () => unknown): string => {
  const r = errorOf(f);
  return typeof r === "string" ? r : r.excel;
};

/** The SocinvError a call throws; fails the test when it returns or throws something else. */
export const thrown = (f: () => unknown): SocinvError => {
  try {
    f();
  } catch (e) {
    if (e instanceof SocinvError) return e;
    throw e;
  }
  throw new Error("no error");
};
