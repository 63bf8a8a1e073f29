/**
 * Typical individuals (Nilsson & Wadeskog, "utanförskapets pris"): the yearly costs by actor of an
 * exclusion career compared with a reference (ordinary) life, their present value per actor, and the
 * flows an intervention produces when it helps a number of people with some probability of success.
 *
 * Career tables describe costs, so they hold COSTS AS POSITIVE AMOUNTS, as the published career tables
 * do (försörjningsstöd 120,000 a year is 120000). A reference life may hold negative amounts (taxes paid,
 * a net contribution). The saving of one avoided career, career − reference, comes out positive: a gain,
 * in the actor flow-table convention (costs negative, gains positive), so CAREERFLOWS feeds ACTORSUMMARY.
 *
 * Horizon: ages start_age … end_age − 1, i.e. "counted to age 65" with end_age 65 (the default when a
 * start age is given). A table with one column is a constant yearly cost for the whole horizon; a longer
 * table must cover the horizon and is cut at its end.
 */
import { RateSpec, Timing } from "./discounting";
import { Cell, Table, actorCostsAndGains, checkActorRows, raise as raiseActors, sizeText } from "./actors";
import { catalogue, show } from "./errors";
import { at, outOfRange } from "./invariant";
import { checkResultSize } from "./values";

const raise = catalogue({
  badAge: {
    kind: "invalidNumber",
    sv: (p) => `${p.arg} måste vara en hel ålder från 0 till 120 (fick ${p.got}).`,
    en: (p) => `${p.arg} must be a whole age from 0 to 120 (got ${p.got}).`,
  },
  agesReversed: {
    kind: "invalidNumber",
    sv: (p) => `end_age (${p.end}) måste vara större än start_age (${p.start}).`,
    en: (p) => `end_age (${p.end}) must be greater than start_age (${p.start}).`,
  },
  endWithoutStart: {
    kind: "invalidValue",
    sv: () => `end_age är angiven men inte start_age; ange båda eller ingen.`,
    en: () => `end_age is given but start_age is not; give both or neither.`,
  },
  tableTooShort: {
    kind: "invalidValue",
    sv: (p) => `${p.arg} har ${p.got} år men åldrarna ${p.start}–${p.end} kräver ${p.need} (eller en kolumn för en konstant årlig kostnad).`,
    en: (p) => `${p.arg} has ${p.got} years but ages ${p.start}–${p.end} need ${p.need} (or one column for a constant yearly cost).`,
  },
  yearsDiffer: {
    kind: "invalidValue",
    sv: (p) => `career_costs har ${p.a} år och reference_costs ${p.b}; de ska vara lika många (eller en kolumn för en konstant årlig kostnad).`,
    en: (p) => `career_costs has ${p.a} years and reference_costs ${p.b}; they must match (or one column for a constant yearly cost).`,
  },
  costsNegative: {
    kind: "invalidNumber",
    sv: () => `career_costs innehåller bara negativa tal. Karriärtabeller anger kostnader som positiva belopp.`,
    en: () => `career_costs holds only negative numbers. Career tables give costs as positive amounts.`,
  },
  shareRange: {
    kind: "invalidNumber",
    sv: (p) => `${p.arg} måste ligga mellan 0 och 1 (0–100 %) (fick ${p.got}).`,
    en: (p) => `${p.arg} must be between 0 and 1 (0–100%) (got ${p.got}).`,
  },
  badPeople: {
    kind: "invalidNumber",
    sv: (p) => `people (antal hjälpta personer) måste vara 0 eller större (fick ${p.got}).`,
    en: (p) => `people (the number of people helped) must be 0 or more (got ${p.got}).`,
  },
  badLag: {
    kind: "invalidNumber",
    sv: (p) => `lag måste vara ett helt antal år från 0 till 1\u00a0000 (fick ${p.got}).`,
    en: (p) => `lag must be a whole number of years from 0 to 1,000 (got ${p.got}).`,
  },
  badRampYears: {
    kind: "invalidNumber",
    sv: (p) =>
      `ramp måste vara ett helt antal år från 0 till 1\u00a0000 (0 eller 1 = full effekt direkt) eller en rad med andelar mellan 0 och 1 (fick ${p.got}).`,
    en: (p) => `ramp must be a whole number of years from 0 to 1,000 (0 or 1 = full effect at once) or a row of shares between 0 and 1 (got ${p.got}).`,
  },
});

export interface Ages {
  startAge: number | null;
  endAge: number | null;
}

export const DEFAULT_END_AGE = 65;
/** Ages run from 0 to MAX_AGE; lag and a ramp given in years are at most MAX_YEARS (checked before allocating). */
export const MAX_AGE = 120;
export const MAX_YEARS = 1000;

function readAge(x: number, arg: string): number {
  if (!Number.isInteger(x) || x < 0 || x > MAX_AGE) raise("badAge", { arg, got: show(x) });
  return x;
}

export interface Horizon {
  years: number;
  startAge: number | null;
  endAge: number | null;
}

/** The career horizon in years, from the ages or (without ages) from the tables. */
export function careerHorizon(careerCols: number, referenceCols: number, ages: Ages): Horizon {
  if (ages.startAge === null) {
    if (ages.endAge !== null) raise("endWithoutStart");
    if (careerCols !== referenceCols && careerCols !== 1 && referenceCols !== 1) raise("yearsDiffer", { a: careerCols, b: referenceCols });
    return { years: Math.max(careerCols, referenceCols), startAge: null, endAge: null };
  }
  const startAge = readAge(ages.startAge, "start_age");
  const endAge = readAge(ages.endAge ?? DEFAULT_END_AGE, "end_age");
  if (endAge <= startAge) raise("agesReversed", { start: startAge, end: endAge });
  const years = endAge - startAge;
  for (const [arg, cols] of [
    ["career_costs", careerCols],
    ["reference_costs", referenceCols],
  ] as const) {
    if (cols !== 1 && cols < years) raise("tableTooShort", { arg, got: cols, start: startAge, end: endAge, need: years });
  }
  return { years, startAge, endAge };
}

/** A table stretched (one column = constant) or cut to `years` columns. */
function toYears(table: readonly (readonly number[])[], years: number): number[][] {
  return table.map((row) => {
    const v = row[0];
    if (row.length !== 1) return row.slice(0, years);
    if (typeof v !== "number") return outOfRange("toYears", 0, row.length);
    return new Array<number>(years).fill(v);
  });
}

/** What one avoided career saves per actor per career year: career − reference. */
export function careerSavings(
  career: readonly (readonly number[])[],
  reference: readonly (readonly number[])[],
  ages: Ages = { startAge: null, endAge: null },
): { savings: number[][]; horizon: Horizon } {
  if (career.length !== reference.length) {
    raiseActors("tablesMismatch", { a: "career_costs", b: "reference_costs", sa: sizeText(career), sb: sizeText(reference) });
  }
  const values = career.flat();
  if (values.some((v) => v !== 0) && values.every((v) => v <= 0)) raise("costsNegative");
  const horizon = careerHorizon(career[0]?.length ?? 0, reference[0]?.length ?? 0, ages);
  const c = toYears(career, horizon.years);
  const r = toYears(reference, horizon.years);
  // c and r: one row per actor (checked above), each of the horizon's years
  const savings = c.map((row, i) => {
    const ref = at(r, i, "careerSavings");
    return row.map((v, t) => {
      const w = ref[t];
      return typeof w === "number" ? v - w : outOfRange("careerSavings", t, ref.length);
    });
  });
  return { savings, horizon };
}

export interface CareerRow {
  actor: string;
  career: number;
  reference: number;
  saving: number;
}

/** PV per actor of the career, the reference life and their difference (the saving of one avoided career). */
export function careerPV(
  rate: RateSpec,
  actors: readonly string[],
  career: readonly (readonly number[])[],
  reference: readonly (readonly number[])[],
  ages: Ages = { startAge: null, endAge: null },
  timing: Timing = 0,
): { rows: CareerRow[]; horizon: Horizon } {
  checkActorRows(actors, career, "career_costs");
  const { horizon } = careerSavings(career, reference, ages);
  const pv = (t: readonly (readonly number[])[]) => actorCostsAndGains(rate, toYears(t, horizon.years), timing);
  const pvCareer = pv(career);
  const pvReference = pv(reference);
  // one row per actor in both tables (checked above)
  const rows = actors.map((actor, i): CareerRow => {
    const career = at(pvCareer, i).net;
    const reference = at(pvReference, i).net;
    return { actor, career, reference, saving: career - reference };
  });
  return { rows, horizon };
}

export function careerTable(result: { rows: CareerRow[]; horizon: Horizon }): Table {
  const { rows, horizon } = result;
  const total = rows.reduce((a, r) => ({ career: a.career + r.career, reference: a.reference + r.reference, saving: a.saving + r.saving }), {
    career: 0,
    reference: 0,
    saving: 0,
  });
  const ages = horizon.startAge === null || horizon.endAge === null ? "" : `, ålder/ages ${horizon.startAge}–${horizon.endAge - 1}`; // both or neither
  const span = `${horizon.years} år/years${ages}`;
  const share = (x: number): Cell => (total.saving !== 0 ? x / total.saving : "");
  return [
    [
      "Aktör / Actor",
      "NV utanförskapskarriär / PV exclusion career",
      "NV referensliv / PV reference life",
      "NV besparing per undviken karriär / PV saving per avoided career",
      "Andel av besparingen / Share of saving",
    ],
    ...rows.map((r): Cell[] => [r.actor, r.career, r.reference, r.saving, share(r.saving)]),
    [`Totalt / Total (${span})`, total.career, total.reference, total.saving, total.saving !== 0 ? 1 : ""],
  ];
}

export interface CareerScale {
  /** Number of people the intervention helps. */
  people: number;
  /** Probability that one person's exclusion career is avoided (0…1). */
  success: number;
  /** Years from the start of the intervention before savings begin. */
  lag: number;
  /** Ramp-up: a number of years to full effect (linear: 1/n, 2/n, …, 1; 0 or 1 = no ramp-up), or the share of full effect in each year of effect (1 after the last). */
  ramp: number | readonly number[];
}

/** The ramp-up factor of the k-th year of effect (k from 0). */
export function rampFactors(ramp: number | readonly number[], years: number): number[] {
  if (typeof ramp === "number") {
    // 0 and 1 both mean full effect from the first year of effect.
    if (!Number.isInteger(ramp) || ramp < 0 || ramp > MAX_YEARS) raise("badRampYears", { got: show(ramp) });
    return Array.from({ length: years }, (_, k) => Math.min(1, (k + 1) / Math.max(1, ramp)));
  }
  ramp.forEach((r) => {
    if (!(r >= 0 && r <= 1)) raise("badRampYears", { got: show(r) });
  });
  return Array.from({ length: years }, (_, k) => {
    const r = ramp[k];
    return typeof r === "number" ? r : 1; // full effect after the last share given
  });
}

/**
 * The intervention's yearly gains by actor: saving of one avoided career × people × success × ramp-up,
 * starting `lag` years into the intervention. Columns: years 1 … lag + career years of the intervention.
 */
export function careerFlows(
  career: readonly (readonly number[])[],
  reference: readonly (readonly number[])[],
  scale: CareerScale,
  ages: Ages = { startAge: null, endAge: null },
): number[][] {
  if (!(scale.people >= 0)) raise("badPeople", { got: show(scale.people) });
  if (!(scale.success >= 0 && scale.success <= 1)) raise("shareRange", { arg: "success", got: show(scale.success) });
  if (!Number.isInteger(scale.lag) || scale.lag < 0 || scale.lag > MAX_YEARS) raise("badLag", { got: show(scale.lag) });
  const { savings, horizon } = careerSavings(career, reference, ages);
  const cols = scale.lag + horizon.years;
  checkResultSize(savings.length, cols);
  const ramp = rampFactors(scale.ramp, horizon.years);
  const k = scale.people * scale.success;
  return savings.map((row) => {
    const out = new Array<number>(cols).fill(0);
    // a row has the horizon's years, and so has ramp
    for (let t = 0; t < row.length; t++) {
      const v = row[t];
      const f = ramp[t];
      if (typeof v !== "number" || typeof f !== "number") return outOfRange("careerFlows", t, ramp.length);
      out[scale.lag + t] = v * k * f;
    }
    return out;
  });
}
