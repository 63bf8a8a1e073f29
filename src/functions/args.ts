/**
 * The one routine that reads a SOCINV function's arguments: for each parameter of its spec (./specs) it
 * applies what an empty cell means (0 on the desktop, null on the web), takes the default of an omitted
 * optional argument, refuses an omitted required one, reads the cells as the parameter's kind and checks the
 * bounds the spec marks `check: "read"` (the core checks the others).
 */
import { readActors, readTable } from "../core/actors";
import { Unit, toUnit } from "../core/allocation";
import { RateSpec, Timing, asTiming } from "../core/discounting";
import { catalogue, fail, show } from "../core/errors";
import { Matrix, asMatrix, isBlank, isCellError, optionalBoolean, optionalNumber, optionalText, toSeries } from "../core/values";
import { describeBounds, formatBound, withinBounds } from "../core/bounds";
import { FunctionSpec, Kind, ParamSpec, isRangeKind } from "./specs";

/** What each kind reads to. */
export interface KindValue {
  number: number;
  whole: number;
  timing: Timing;
  boolean: boolean;
  choice: string;
  unit: Unit;
  rate: RateSpec;
  series: number[];
  table: number[][];
  names: string[];
  ramp: number | number[];
  block: Matrix;
}

/** The value a parameter reads to: null when it is optional with no default and not given. */
export type ValueOf<P extends ParamSpec> = P extends { default: null } ? KindValue[P["kind"]] | null : KindValue[P["kind"]];

/** A function's arguments by parameter name. */
export type ArgValues<S extends FunctionSpec> = { [P in S["params"][number] as P["name"]]: ValueOf<P> };

const raise = catalogue({
  argOutOfBounds: {
    kind: "invalidNumber",
    sv: (p) => `${p.arg} måste vara ${p.sv} (fick ${p.got}).`,
    en: (p) => `${p.arg} must be ${p.en} (got ${p.got}).`,
  },
  notWhole: {
    kind: "invalidNumber",
    sv: (p) => `${p.arg} måste vara ett heltal (fick ${p.got}).`,
    en: (p) => `${p.arg} must be a whole number (got ${p.got}).`,
  },
});

/** The first cell of a scalar argument (a range given where one value is expected counts by its first cell). */
const firstCell = (v: unknown): unknown => (Array.isArray(v) ? asMatrix(v)[0]?.[0] : v);

/** Reads one cell, or a scalar argument, as a number: TRUE/FALSE given directly are 1/0, as Excel coerces them. */
const numberOf = (x: unknown, p: ParamSpec): number => optionalNumber(x, p.name, 0);

function unitOf(x: unknown, p: ParamSpec): Unit {
  if (isCellError(x)) return fail("errorInRange", { arg: p.name, pos: 1, got: x.errorCode });
  if (typeof x === "number" || typeof x === "string") return toUnit(x);
  return toUnit(isBlank(x) ? 1 : show(x));
}

/** `rate` (or ramp): one cell is one number, anything longer a row or a column. */
function numberOrSeries(v: unknown, p: ParamSpec): number | number[] {
  const m = asMatrix(v);
  if (m.length === 1 && m[0].length === 1) return numberOf(m[0][0], p);
  return toSeries(m, p.name);
}

const READ: { [K in Kind]: (v: unknown, p: ParamSpec) => KindValue[K] } = {
  number: (v, p) => numberOf(firstCell(v), p),
  whole: (v, p) => numberOf(firstCell(v), p),
  timing: (v, p) => asTiming(numberOf(firstCell(v), p)),
  boolean: (v, p) => optionalBoolean(firstCell(v), p.name, false),
  choice: (v, p) => optionalText(firstCell(v), p.name, ""),
  unit: (v, p) => unitOf(firstCell(v), p),
  rate: numberOrSeries,
  series: (v, p) => toSeries(v, p.name, { allowEmpty: p.allowEmpty }),
  table: (v, p) => readTable(v, p.name),
  names: (v, p) => readActors(v, p.name),
  ramp: numberOrSeries,
  block: (v) => asMatrix(v).map((r) => r.map((c) => (isBlank(c) ? 0 : c))), // blank = 0, the rest read later
};

/** The catalogue message a spec names for its bounds, raised for `got` (a value, or null: not given). */
function refuse(p: ParamSpec, got: unknown): never {
  const shown = show(got);
  const b = p.bounds ?? {};
  switch (p.error) {
    case "badPeriods":
      return fail("badPeriods", { got: shown, max: b.max ?? "" });
    case "notPositive":
      return fail("notPositive", { arg: p.name, got: shown });
    case "outOfRange":
      return fail("outOfRange", {
        arg: p.name,
        min: formatBound(b.min ?? b.above ?? -Infinity, "sv", p.percent),
        max: formatBound(b.max ?? b.below ?? Infinity, "sv", p.percent),
        got: shown,
      });
    default:
      return raise("argOutOfBounds", { arg: p.name, sv: describeBounds(b, "sv", p.percent), en: describeBounds(b, "en", p.percent), got: shown });
  }
}

function checkNumber(p: ParamSpec, x: number): void {
  if (p.kind === "whole" && !Number.isInteger(x)) {
    if (p.error) refuse(p, x);
    raise("notWhole", { arg: p.name, got: show(x) });
  }
  if (p.bounds && !withinBounds(x, p.bounds)) refuse(p, x);
}

/** Whether an argument is empty as the spec reads it: omitted, an empty cell, and for "unset" also 0. */
function isEmpty(p: ParamSpec, v: unknown): boolean {
  if (v === null || v === undefined) return true;
  let x: unknown = v;
  if (Array.isArray(v)) {
    const m = asMatrix(v);
    if (m.length === 0 || (m.length === 1 && m[0].length === 0)) return p.optional || isRangeKind(p.kind) === false;
    if (m.length !== 1 || m[0].length !== 1) return isRangeKind(p.kind) ? false : isEmptyCell(p, m[0][0]);
    x = m[0][0];
  }
  return isEmptyCell(p, x);
}

const isEmptyCell = (p: ParamSpec, x: unknown): boolean => isBlank(x) || (p.blank === "unset" && x === 0);

/** The default of an optional parameter, read as its kind reads a cell (null stays null). */
function defaultOf(p: ParamSpec): unknown {
  if (p.default === null || p.default === undefined) return null;
  return READ[p.kind](p.default, p);
}

/**
 * Reads one argument by its spec. An empty optional argument is its default; an empty required one is 0
 * ("zero"), refused ("unset", with the spec's message), or read by its kind (ranges: a blank cell is 0; an
 * omitted range is "missing").
 */
export function readParam(p: ParamSpec, v: unknown): unknown {
  if (isEmpty(p, v)) {
    if (p.optional) return defaultOf(p);
    if (isRangeKind(p.kind) && (v === null || v === undefined)) fail("missingArgument", { arg: p.name });
    if (p.blank === "unset") refuse(p, null);
  }
  const out = READ[p.kind](v, p);
  if (p.check === "read" && typeof out === "number") checkNumber(p, out);
  return out;
}

/** Reads every argument of a function by its spec, in order (the first bad argument is the one reported). */
export function readArgs<const S extends FunctionSpec>(spec: S, values: readonly unknown[]): ArgValues<S> {
  const out: Record<string, unknown> = {};
  const ps = spec.params;
  for (let i = 0; i < ps.length; i++) out[ps[i].name] = readParam(ps[i], values[i]);
  return out as ArgValues<S>;
}

/** Whether an argument was given: not omitted, not an empty cell, and for an "unset" parameter not 0. */
export const isGiven = (p: ParamSpec, v: unknown): boolean => !isEmpty(p, v);
