/**
 * Issue 9 §5, argument specs in one place (src/functions/specs): every registered function and parameter has
 * a spec; the spec is consistent with itself (an empty cell read as 0 and as null agree); the functions refuse
 * exactly outside the declared bounds (the routine or the core, each with the message the spec names); the
 * formula engine registers each parameter's optionality from the spec.
 */
import { RATE_BOUNDS, describeBounds, formatBound, withinBounds } from "../../src/core/bounds";
import { SocinvError } from "../../src/core/errors";
import { createEngine } from "../../src/engine/formula-engine";
import { readParam } from "../../src/functions/args";
import { FUNCTIONS } from "../../src/functions/registry";
import { ParamSpec, SPECS, isRangeKind, paramNames, specOf } from "../../src/functions/specs";
import { WORKING, outcome, withArg } from "./spec-cases";

const ALL: Array<[string, ParamSpec, number]> = Object.entries(SPECS).flatMap(([id, s]) =>
  s.params.map((p, i) => [id, p as ParamSpec, i] as [string, ParamSpec, number]),
);

/** A read as a comparable value: what it reads to, or the message id it is refused with. */
function read(p: ParamSpec, v: unknown): unknown {
  try {
    return { ok: readParam(p, v) };
  } catch (e) {
    return { refused: (e as { id?: string }).id ?? String(e) };
  }
}

describe("every registered function and parameter has a spec, and only those", () => {
  test("the same ids", () => {
    expect(FUNCTIONS.map((f) => f.id).sort()).toEqual(Object.keys(SPECS).sort());
  });
  test.each(FUNCTIONS.map((f) => [f.id, f] as const))("%s: the registry's parameters are the spec's, in order", (id, f) => {
    expect(f.params).toEqual(paramNames(specOf(id)!));
  });
  test("names are unique within a function, optional ones come last", () => {
    for (const [id, s] of Object.entries(SPECS)) {
      const names = s.params.map((p) => p.name);
      expect({ id, unique: new Set(names).size === names.length }).toEqual({ id, unique: true });
      const firstOptional = s.params.findIndex((p) => p.optional);
      if (firstOptional >= 0)
        expect({ id, requiredAfterOptional: s.params.slice(firstOptional).some((p) => !p.optional) }).toEqual({ id, requiredAfterOptional: false });
    }
  });
  test("every function has a working call in the spec tests, which works", () => {
    for (const f of FUNCTIONS) {
      expect({ id: f.id, args: WORKING[f.id]?.length }).toEqual({ id: f.id, args: f.params.length });
      expect({ id: f.id, r: "value" in outcome(f.id, WORKING[f.id]) }).toEqual({ id: f.id, r: true });
    }
  });
});

describe("each spec is consistent", () => {
  test.each(ALL.map(([id, p]) => [`${id}.${p.name}`, p] as const))("%s", (_, p) => {
    // optional ⇔ a default (a value, or null for "not given")
    expect("default" in p).toBe(p.optional);
    if (p.blank === "refused") expect(p.kind).toBe("names");
    // a required argument whose empty cell is "not given" is refused by the routine, with the spec's message
    if (!p.optional && p.blank === "unset") expect({ check: p.check, error: typeof p.error }).toEqual({ check: "read", error: "string" });
    if (p.check === "read") expect(["badPeriods", "notPositive", "outOfRange", undefined]).toContain(p.error);
    if (p.kind === "timing" || p.kind === "choice") expect(p.options?.length).toBeGreaterThan(0);
  });

  // Every way a host passes an empty cell or an omitted argument.
  const SCALAR_EMPTY: unknown[] = [null, undefined, ""];
  const RANGE_EMPTY: unknown[] = [[[null]], [[""]]];

  test.each(ALL.filter(([, p]) => p.blank !== "refused").map(([id, p]) => [`${id}.${p.name} (${p.blank})`, p] as const))(
    "%s: an empty cell read as 0 (desktop) and as null (web) gives the same",
    (_, p) => {
      const zero = isRangeKind(p.kind) ? [[0]] : 0;
      const web = isRangeKind(p.kind) ? [[null]] : null;
      expect(read(p, zero)).toEqual(read(p, web));
      for (const e of isRangeKind(p.kind) ? RANGE_EMPTY : SCALAR_EMPTY) expect(read(p, e)).toEqual(read(p, web));
      // an optional argument: omitted is the same as empty
      if (p.optional) {
        for (const omitted of [null, undefined]) expect(read(p, omitted)).toEqual(read(p, web));
        // its default reads as the spec says it does
        if (p.blank === "unset" && p.default !== null) expect(read(p, web)).toEqual(read(p, p.default));
        if (p.default === null) expect(read(p, web)).toEqual({ ok: null });
      }
    },
  );
});

/** Values just outside and at or inside the declared bounds and options, for one argument. */
function edges(p: ParamSpec): { outside: unknown[]; inside: unknown[] } {
  const outside: number[] = [];
  const inside: number[] = [];
  const whole = p.kind === "whole" || p.kind === "ramp";
  const step = whole ? 1 : 0.01;
  const b = p.bounds;
  if (b?.min !== undefined) {
    outside.push(b.min - step, b.min - 2 * step);
    inside.push(b.min);
  }
  if (b?.max !== undefined) {
    outside.push(b.max + step);
    inside.push(b.max);
  }
  if (b?.above !== undefined) {
    outside.push(b.above, b.above - 0.5);
    inside.push(b.above + step);
  }
  if (b?.below !== undefined) {
    outside.push(b.below, b.below + 0.5);
    inside.push(b.below - step);
  }
  if (whole && inside.length > 0) outside.push(inside[0] + 0.5);
  // 0 in an "unset" argument is an empty cell, not a value: it is tested as such above
  const isValue = (x: number) => !(p.blank === "unset" && x === 0);
  const wrap = (x: unknown) => (isRangeKind(p.kind) ? [[x]] : x);
  const out: unknown[] = outside.filter(isValue).map(wrap);
  const ins: unknown[] = inside.filter(isValue).map(wrap);
  if (p.options) {
    ins.push(...p.options);
    out.push(...(p.kind === "timing" ? [0.25, 2] : ["monthly"]));
  }
  if (p.kind === "boolean") {
    out.push("maybe");
    ins.push(true, false);
  }
  return { outside: out, inside: ins };
}

describe("the functions refuse exactly outside each argument's declared bounds, with the message the spec names", () => {
  const cases = ALL.filter(([, p]) => p.error !== undefined);
  test.each(cases.map(([id, p, i]) => [`${id}.${p.name}`, id, p, i] as const))("%s", (_, id, p, i) => {
    const { outside, inside } = edges(p);
    expect(outside.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const v of outside) {
      const r = outcome(id, withArg(id, i, v));
      if (!("id" in r) || r.id !== p.error) problems.push(`outside ${JSON.stringify(v)}: ${JSON.stringify(r).slice(0, 160)}`);
    }
    for (const v of inside) {
      const r = outcome(id, withArg(id, i, v));
      if ("id" in r && r.id === p.error) problems.push(`inside ${JSON.stringify(v)} refused: ${r.message}`);
    }
    expect(problems).toEqual([]);
  });

  test("every discount rate argument has the one rate bound", () => {
    for (const [id, p] of ALL)
      if (p.kind === "rate" || p.name === "nominal" || p.name === "real")
        expect({ id, name: p.name, bounds: p.bounds }).toEqual({ id, name: p.name, bounds: RATE_BOUNDS });
  });
});

describe("the formula engine registers each parameter's optionality from the spec", () => {
  const hf = createEngine();
  test.each(Object.entries(SPECS))("SOCINV.%s", (id, spec) => {
    const details = hf.getFunctionDetails(`SOCINV.${id}`);
    expect(details?.parameters.map((q) => q.optional)).toEqual(spec.params.map((p) => p.optional));
  });
});

describe("the routine on a parameter of its own (messages for bounds no core function checks)", () => {
  const p: ParamSpec = { name: "years", kind: "whole", optional: true, default: 1, blank: "unset", bounds: { min: 1, max: 10 }, check: "read" };
  const refused = (v: unknown) => {
    try {
      readParam(p, v);
    } catch (e) {
      return e as SocinvError;
    }
    throw new Error("not refused");
  };
  test("within the bounds the value; empty or 0 the default", () => {
    expect([3, [[10]], 0, null, "", [[0]]].map((v) => readParam(p, v))).toEqual([3, 10, 1, 1, 1, 1]);
  });
  test("outside: the bounds in words, Swedish and English", () => {
    const e = refused(11);
    expect(e.excel).toBe("#NUM!");
    expect(e.sv).toBe("years måste vara från 1 till 10 (fick 11).");
    expect(e.en).toBe("years must be from 1 to 10 (got 11).");
    expect(refused(2.5).en).toBe("years must be a whole number (got 2.5).");
    expect(refused("tio").id).toBe("notANumber");
  });
  test("a required one left empty is refused, naming the blank", () => {
    const e = (() => {
      try {
        readParam({ ...p, optional: false, default: undefined, error: "badPeriods", bounds: { min: 1, max: 10000 } }, 0);
      } catch (x) {
        return x as SocinvError;
      }
      throw new Error("not refused");
    })();
    expect(e.id).toBe("badPeriods");
    expect(e.en).toBe("The number of periods must be a whole number from 1 to 10,000 (got blank).");
  });
});

describe("bounds in words, the Swedish and the English way", () => {
  test("the discount rate's bound, as the planner and the pane say it", () => {
    expect(describeBounds(RATE_BOUNDS, "sv", true)).toBe("större än −100 %");
    expect(describeBounds(RATE_BOUNDS, "en", true)).toBe("greater than −100%");
  });
  test("decimal comma and space as thousands separator in Swedish", () => {
    expect(formatBound(10000, "sv")).toBe("10\u00a0000");
    expect(formatBound(10000, "en")).toBe("10,000");
    expect(formatBound(0.035, "sv", true)).toBe("3,5 %");
    expect(formatBound(-0.5, "en")).toBe("−0.5");
    expect(describeBounds({ min: 0, max: 1 }, "sv")).toBe("från 0 till 1");
    expect(describeBounds({ min: 1, below: 5 }, "en")).toBe("at least 1 and less than 5");
  });
  test("withinBounds: inclusive min/max, exclusive above/below, never a non-finite number", () => {
    expect([-1, -0.999, 5].map((x) => withinBounds(x, RATE_BOUNDS))).toEqual([false, true, true]);
    expect([0, 1, 1.0000001].map((x) => withinBounds(x, { min: 0, max: 1 }))).toEqual([true, true, false]);
    expect(withinBounds(Infinity, RATE_BOUNDS)).toBe(false);
    expect(withinBounds(NaN, {})).toBe(false);
  });
});
