/**
 * Reading xs[i] where i is known to be in range. The core is compiled with noUncheckedIndexedAccess
 * (tsconfig.core.json), so such a read is typed `T | undefined`; an undefined there would be a fault in SOCINV,
 * never in the user's data, and it is reported as one (the "internal" message) instead of flowing on as NaN.
 *
 * How, without slowing the hot paths (measured with npm run bench; V8 as in Node 20):
 * - Numbers are read into a local and checked where they are read: `if (typeof x !== "number") return
 *   outOfRange(...)`. Once optimised the check costs nothing on a packed array and little on a holey one
 *   (`new Array(n)`, `fill`, an optimised `map()`); an `x === undefined` test costs several times more on a
 *   holey array of doubles, and `x ?? 0` more still, as both make V8 box the doubles.
 * - at() is for rows, objects, texts and bigints, never numbers: one helper reading arrays of every kind makes
 *   V8 generalise the arrays it sees to the most general kind among them, and a row of doubles read next to a
 *   row of objects becomes a row of boxed numbers everywhere it goes (evaluateModel ran twice as slow so).
 * - Arrays keep the form they had (preallocated with `new Array(n)` where the core did so): building by push
 *   is several times slower for long rows.
 * - Where even a typeof check showed in the figures (presentValueWith, actorCostsAndGains, and the model's
 *   addInto, times and netGains), the bounds are checked once before the loop and its reads are asserted with
 *   `!`, each with a comment saying why (test/project/strictness.test.ts requires the comment).
 */
import { fail } from "./errors";

/** What at() may read: anything but numbers (and undefined). */
export type NotANumber = object | string | bigint | boolean | symbol | null;

/** The internal error for an index that was proven in range and is not. */
export function outOfRange(where: string, i: number, length: number): never {
  return fail("internal", { detail: `${where}: index ${i} outside 0…${length - 1}` });
}

/** xs[i] for an index known to be in range (not for numbers: see above). */
export function at<T extends NotANumber>(xs: ArrayLike<T>, i: number, where = "at"): T {
  const x = xs[i];
  if (x === undefined) return outOfRange(where, i, xs.length);
  return x;
}
