/**
 * Arguments for the fuzz run: random and adversarial, but shaped by what each parameter is for, so that
 * most calls get past the first check and reach the arithmetic.
 *
 * Every call draws a "world" (number of actors, number of years, how blank cells arrive, how dirty the
 * cells are, how often an argument has the wrong kind or shape) and then one value per parameter from a
 * generator chosen by the parameter's name (`rate`, `flows`, `unit`, …). A parameter name the table below
 * does not know (a new function) gets a generic mixture of scalars, rows, columns, tables and junk, so a
 * new function is fuzzed without any change here.
 *
 * Values are as the adapters receive them from Excel or the formula engine: numbers, strings, booleans,
 * null (an omitted argument or an empty cell in Excel on the web), 0 (an empty cell in Excel desktop),
 * "" (an empty cell in some hosts), `{ errorCode: "#N/A" }` (an error in a cell, see src/core/values.ts),
 * 2-D arrays for ranges, and `undefined` for an optional argument left out in a direct call.
 */
import type { FunctionEntry } from "../../src/functions/registry";
import { Rng } from "./prng";

export type Cell = number | string | boolean | null | undefined | { errorCode: string; message?: string };
export type Arg = Cell | Cell[][];

export interface World {
  /** Actors: rows of a flow table, length of per-actor vectors. */
  n: number;
  /** Years: columns of a flow table, length of a series. */
  y: number;
  /** How an empty cell arrives: 0 (Excel desktop), null (Excel on the web), "" (some hosts). */
  blank: 0 | null | "";
  /** Series as columns rather than rows. */
  tall: boolean;
  /** Size of the amounts. */
  scale: number;
  /** Probability that a cell of a range is junk (text, boolean, error, extreme number). */
  dirt: number;
  /** Probability that a cell of a range is blank. */
  blankRate: number;
  /** Probability that an argument gets the wrong kind or shape. */
  chaos: number;
  /** Probability that a scalar argument takes an adversarial value (a huge count, a rate of −100 %, …). */
  adv: number;
  /** The rounding unit of splits, and names for it ("öre"). */
  unit: number;
  unitNames: string[];
  /** The age a typical individual's tables start at. */
  startAge: number;
  /** When set, counts (periods, window, …) take this value, within their typical range. */
  count?: number;
  /** NaN and ±Infinity may appear (Excel never passes them, but the adapters must not care). */
  exotic: boolean;
}

// ---------------------------------------------------------------------------------------------------
// Cells

export const ERROR_CODES = ["#N/A", "#VALUE!", "#DIV/0!", "#NUM!", "#REF!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"];

/** Cells no numeric argument should choke on. */
const JUNK: readonly Cell[] = [
  null,
  0,
  "",
  " ",
  "\u00a0",
  "abc",
  "0,035",
  "0.035",
  "1 000",
  "12",
  "-5",
  "3,5 %",
  "35%",
  "1e308",
  "TRUE",
  "SANT",
  "#N/A",
  "=1+1",
  "standard",
  "health",
  "hälsa",
  "kr",
  "öre",
  "tkr",
  "Socialnämnden",
  "x".repeat(1000),
  true,
  false,
  { errorCode: "#N/A" },
  { errorCode: "#VALUE!" },
  { errorCode: "#DIV/0!" },
  { errorCode: "#NUM!", message: "from a cell" },
  { errorCode: "#REF!" },
  { errorCode: "#NAME?" },
  { errorCode: "#SPILL!" },
  { errorCode: "#CALC!" },
  1e308,
  -1e308,
  1.7976931348623157e308,
  1e-320,
  -1e-320,
  5e-324,
  -0,
  1e300,
  -1e300,
  1e15,
  2 ** 53 + 2,
  0.1 + 0.2,
  -1,
  0.5,
  1e-9,
];
const EXOTIC: readonly Cell[] = [NaN, Infinity, -Infinity];

export function junkCell(rng: Rng, w: World): Cell {
  if (w.exotic && rng.chance(0.15)) return rng.pick(EXOTIC);
  if (rng.chance(0.1)) return { errorCode: rng.pick(ERROR_CODES) };
  return rng.pick(JUNK);
}

/** A cell of a range: usually `valid()`, sometimes blank, sometimes junk. */
function cell(rng: Rng, w: World, valid: () => Cell): Cell {
  if (rng.chance(w.dirt)) return junkCell(rng, w);
  if (rng.chance(w.blankRate)) return w.blank;
  return valid();
}

/** A money amount of the world's size: whole kronor mostly, öre sometimes, an extreme now and then. */
function money(rng: Rng, w: World): number {
  const x = rng.float() * w.scale;
  if (rng.chance(0.02)) return rng.pick([1e308, 1e-320, 5e-324, 1e300, 2 ** 53, 0]);
  return rng.chance(0.2) ? Math.round(x * 100) / 100 : Math.round(x);
}

function rateNumber(rng: Rng): number {
  return rng.weighted<() => number>([
    [4, () => 0.035],
    [1, () => 0],
    [6, () => Math.round(rng.range(-0.05, 0.15) * 10000) / 10000],
    [1, () => rng.range(-0.9, 2)],
    [0.3, () => 0.5],
    [0.3, () => -0.5],
    [0.2, () => -0.99],
    [0.2, () => -0.999999],
    [0.2, () => -1],
    [0.1, () => -1.5],
    [0.1, () => 1e6],
    [0.1, () => 1e-320],
    [0.1, () => 1e308],
    [0.1, () => -1e-320],
    [0.1, () => 3],
  ])();
}

// ---------------------------------------------------------------------------------------------------
// Shapes

/** A row (or, in a tall world, a column) from a list of cells. */
function asVector(cells: Cell[], tall: boolean): Cell[][] {
  return tall ? cells.map((c) => [c]) : [cells];
}

function series(rng: Rng, w: World, length = w.y): Cell[] {
  const pattern = rng.weighted<string>([
    [5, "investment"],
    [2, "random"],
    [1, "positive"],
    [1, "negative"],
    [0.5, "zeros"],
    [1.5, "trailingZeros"],
    [1, "alternating"],
    [0.5, "extreme"],
  ]);
  const out = new Array<Cell>(length);
  const trailing = pattern === "trailingZeros" ? rng.int(1, Math.max(1, Math.floor(length / 2))) : 0;
  const invest = rng.int(1, Math.max(1, Math.min(3, length - 1)));
  for (let i = 0; i < length; i++) {
    out[i] = cell(rng, w, () => {
      const m = money(rng, w);
      switch (pattern) {
        case "investment":
        case "trailingZeros":
          if (i >= length - trailing) return rng.chance(0.5) ? 0 : w.blank;
          return i < invest ? -m : Math.round(m * rng.range(0.1, 1.5));
        case "positive":
          return m;
        case "negative":
          return -m;
        case "zeros":
          return 0;
        case "alternating":
          return i % 2 === 0 ? -m : m;
        case "extreme":
          return rng.pick([1e308, -1e308, 1e300, -1e300, m]);
        default:
          return rng.chance(0.5) ? m : -m;
      }
    });
  }
  return out;
}

function tableOf(rng: Rng, w: World, rows = w.n, cols = w.y, gainsOnly = false): Cell[][] {
  const out: Cell[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const investor = !gainsOnly && (r === 0 || rng.chance(0.2));
    const rowCells = new Array<Cell>(cols);
    for (let c = 0; c < cols; c++) {
      rowCells[c] = cell(rng, w, () => {
        const m = money(rng, w);
        if (investor && c < 2) return -m;
        if (rng.chance(0.1)) return 0;
        return gainsOnly || rng.chance(0.85) ? Math.round(m * 0.3) : -m;
      });
    }
    out[r] = rowCells;
  }
  return out;
}

const ACTOR_NAMES = [
  "Socialnämnden",
  "Region",
  "Försäkringskassan",
  "Arbetsförmedlingen",
  "Kriminalvården",
  "Utbildningsnämnden",
  "Staten",
  "Individen",
  "Kommunstyrelsen",
  "Polisen",
];

function actorLabels(rng: Rng, w: World, count = w.n): Cell[][] {
  const labels: Cell[] = [];
  for (let i = 0; i < count; i++) {
    const base = i < ACTOR_NAMES.length ? ACTOR_NAMES[i] : `Aktör ${i + 1}`;
    labels.push(rng.chance(w.dirt) ? rng.pick<Cell>([base.toUpperCase(), ` ${ACTOR_NAMES[0]} `, w.blank, 42, true, { errorCode: "#N/A" }, "", "  "]) : base);
  }
  return rng.chance(0.8) ? labels.map((l) => [l]) : [labels];
}

/** n decimal shares that sum to exactly 100 % as the decimals they are written with (0.35 + 0.65). */
function exactShares(rng: Rng, n: number): number[] {
  const decimals = rng.pick([1, 2, 2, 3, 4, 6]);
  const total = 10 ** decimals;
  const weights: number[] = Array.from({ length: n }, () => (rng.chance(0.15) ? 0 : rng.int(1, 100)));
  if (!weights.some((x) => x > 0)) weights[0] = 1;
  const sum = weights.reduce((s, x) => s + x, 0);
  const units = weights.map((x) => Math.floor((x * total) / sum));
  let missing = total - units.reduce((s, x) => s + x, 0);
  for (let i = 0; missing > 0; i = (i + 1) % n) {
    if (weights[i] > 0) {
      units[i]++;
      missing--;
    }
  }
  return units.map((u) => u / total);
}

function sharesArg(rng: Rng, w: World): Arg {
  const n = w.n;
  const variants: ReadonlyArray<readonly [number, () => Cell[]]> = rng.chance(w.adv)
    ? [
        [1, () => exactShares(rng, n).map((s) => s * 100)], // typed as percent numbers: 35, 65
        [1, () => exactShares(rng, n).map((s, i) => (i === 0 ? s - 0.01 : s))], // sums to 99 %
        [1, () => Array.from({ length: n }, () => 0)],
        [1, () => exactShares(rng, n).map((s, i) => (i === 0 ? -s : s))],
        [1, () => exactShares(rng, n + 1)], // one share too many
        [1, () => [1e-320, ...exactShares(rng, n).slice(1)]],
        [1, () => Array.from({ length: n }, () => 1e308)],
      ]
    : [
        [8, () => exactShares(rng, n)],
        [1, () => Array.from({ length: n }, () => 1 / n)],
      ];
  const cells: Cell[] = rng.weighted(variants)();
  const withBlanks = cells.map((c) => (c === 0 && rng.chance(0.5) ? w.blank : rng.chance(w.dirt) ? junkCell(rng, w) : c));
  return rng.chance(0.7) ? withBlanks.map((c) => [c]) : [withBlanks];
}

/** A vector with one fraction per actor, or one fraction for all. */
function shareArg(rng: Rng, w: World, max = 1): Arg {
  const frac = (): Cell =>
    typicalOr(
      rng,
      w,
      [
        [6, () => Math.round(rng.range(0, Math.min(max, 1)) * 100) / 100],
        [1, () => 0],
        [1, () => max],
        [0.5, () => w.blank],
      ],
      [
        [1, () => -0.1],
        [1, () => max + 0.5],
        [1, () => 10],
        [1, () => 1e308],
        [1, () => 1e-320],
        [1, () => "0,5"],
        [1, () => "50%"],
      ],
    ) as Cell;
  if (rng.chance(0.6)) return rng.chance(0.5) ? frac() : [[frac()]];
  const cells = Array.from({ length: w.n }, () => cell(rng, w, frac));
  return rng.chance(0.6) ? cells.map((c) => [c]) : [cells];
}

// ---------------------------------------------------------------------------------------------------
// Roles: what a parameter is for, from its name

export type Role =
  | "rate"
  | "scalarRate"
  | "timing"
  | "count"
  | "age"
  | "ramp"
  | "share"
  | "shares"
  | "unit"
  | "schedule"
  | "flag"
  | "actors"
  | "table"
  | "gainsTable"
  | "series"
  | "positiveSeries"
  | "amount"
  | "index"
  | "positive"
  | "shareOrTable"
  | "any";

const ROLE_BY_NAME: Record<string, Role> = {
  rate: "rate",
  nominal: "scalarRate",
  real: "scalarRate",
  inflation: "scalarRate",
  type: "timing",
  periods: "count",
  window: "count",
  delay: "count",
  lag: "count",
  last_year: "count",
  group_size: "count",
  people: "count",
  start_age: "age",
  end_age: "age",
  ramp: "ramp",
  success: "share",
  deadweight: "share",
  attribution: "share",
  displacement: "share",
  dropoff: "share",
  optimism_costs: "share",
  optimism_gains: "share",
  share: "share",
  repay: "shareOrTable",
  shares: "shares",
  unit: "unit",
  schedule: "schedule",
  fractional: "flag",
  as_shares: "flag",
  actors: "actors",
  flows: "table",
  career_costs: "gainsTable",
  reference_costs: "gainsTable",
  gains_per_success: "gainsTable",
  commitments: "gainsTable",
  savings: "gainsTable",
  values: "series",
  benefit_per_success: "positiveSeries",
  payout: "positiveSeries",
  fund_payout: "positiveSeries",
  frame: "positiveSeries",
  amount: "amount",
  index: "index",
  base_index: "positive",
  cap: "positive",
  fund_start: "positive",
};

export const ROLES: readonly Role[] = [
  "rate",
  "scalarRate",
  "timing",
  "count",
  "age",
  "ramp",
  "share",
  "shares",
  "unit",
  "schedule",
  "flag",
  "actors",
  "table",
  "gainsTable",
  "series",
  "positiveSeries",
  "amount",
  "index",
  "positive",
  "shareOrTable",
  "any",
];

export const bareName = (param: string): string => param.replace(/^\[|\]$/g, "");
export const isOptional = (param: string): boolean => param.startsWith("[");

/** The role of parameter `i` of a function; `costs` is a table when the function also takes actors. */
export function roleOf(entry: FunctionEntry, i: number): Role {
  const name = bareName(entry.params[i]);
  if (name === "costs") return entry.params.some((p) => bareName(p) === "actors") ? "table" : "positiveSeries";
  return ROLE_BY_NAME[name] ?? "any";
}

/** Parameters that take a range (where a huge range makes sense). */
export function takesRange(role: Role): boolean {
  return ["rate", "share", "shares", "actors", "table", "gainsTable", "series", "positiveSeries", "amount", "index", "shareOrTable", "ramp", "any"].includes(
    role,
  );
}

type Choices = ReadonlyArray<readonly [number, () => Arg]>;

/** Usually a typical value; with the world's probability `adv`, an adversarial one. */
function typicalOr(rng: Rng, w: World, typical: Choices, adversarial: Choices): Arg {
  return (rng.chance(w.adv) ? rng.weighted(adversarial) : rng.weighted(typical))();
}

const COUNT_TYPICAL: Record<string, [number, number]> = {
  periods: [1, 60],
  window: [1, 8],
  delay: [0, 4],
  lag: [0, 5],
  last_year: [0, 12],
  group_size: [1, 5000],
  people: [0, 500],
};

/** Huge and odd counts: the function must refuse them quickly (or answer quickly), never allocate them. */
const ODD_COUNTS: Choices = [
  [1, () => 0],
  [1, () => -1],
  [1, () => 2.5],
  [0.6, () => 10000],
  [0.6, () => 10001],
  [0.5, () => 1e6],
  [0.5, () => 1e9],
  [0.5, () => 1e300],
  [0.2, () => 1e308],
  [0.2, () => -1e308],
  [0.2, () => 2 ** 31],
  [0.2, () => 1e-320],
  [0.4, () => "10"],
  [0.3, () => "abc"],
  [0.3, () => true],
  [0.2, () => [[1, 2]]],
  [0.2, () => ({ errorCode: "#N/A" })],
];

function countArg(rng: Rng, w: World, name: string): Arg {
  const [lo, hi] = COUNT_TYPICAL[name] ?? [0, 20];
  if (w.count !== undefined && !rng.chance(w.adv)) return Math.max(lo, Math.min(hi, w.count));
  return typicalOr(
    rng,
    w,
    [
      [10, () => rng.int(lo, hi)],
      [3, () => rng.int(lo, Math.max(lo, Math.min(hi, w.y)))],
      [0.5, () => w.blank],
      [0.3, () => [[rng.int(lo, hi)]]],
    ],
    ODD_COUNTS,
  );
}

function ageArg(rng: Rng, w: World, name: string): Arg {
  return typicalOr(
    rng,
    w,
    [
      [10, () => (name === "start_age" ? w.startAge : w.startAge + rng.int(1, w.y))],
      [2, () => (name === "start_age" ? rng.int(0, 60) : rng.int(20, 100))],
      [0.5, () => w.blank],
    ],
    [[3, () => 121], [3, () => -1], [3, () => 30.5], [1, () => "40"], ...ODD_COUNTS],
  );
}

function timingArg(rng: Rng, w: World): Arg {
  return typicalOr(
    rng,
    w,
    [
      [4, () => 0],
      [4, () => 1],
      [4, () => 0.5],
      [1, () => w.blank],
      [0.3, () => [[1]]],
    ],
    [
      [1, () => 2],
      [1, () => -1],
      [1, () => 0.25],
      [1, () => "1"],
      [1, () => "0,5"],
      [1, () => true],
      [1, () => false],
      [0.5, () => 1e308],
      [0.5, () => 1e-320],
      [0.5, () => [[0, 1]]],
      [0.5, () => ({ errorCode: "#N/A" })],
    ],
  );
}

function rateArg(rng: Rng, w: World, scalarOnly: boolean): Arg {
  const scalar = (): Arg =>
    typicalOr(
      rng,
      w,
      [
        [4, () => 0.035],
        [1, () => 0],
        [6, () => Math.round(rng.range(-0.05, 0.15) * 10000) / 10000],
        [1, () => Math.round(rng.range(-0.5, 1) * 1000) / 1000],
        [0.5, () => w.blank],
        [0.5, () => [[0.035]]],
      ],
      [
        [2, () => rateNumber(rng)],
        [1, () => -0.99],
        [1, () => -0.999999],
        [1, () => -1],
        [0.5, () => -1.5],
        [0.5, () => 1e6],
        [0.5, () => 1e-320],
        [0.5, () => -1e-320],
        [0.5, () => 1e308],
        [0.5, () => "0,035"],
        [0.3, () => "0.035"],
        [0.3, () => "3,5 %"],
        [0.3, () => true],
      ],
    );
  if (scalarOnly || rng.chance(0.7)) return scalar();
  const len = rng.chance(w.adv) ? rng.pick([w.y + 1, Math.max(1, w.y - 1), 2 * w.y + 1, 1]) : w.y + (rng.chance(0.3) ? 1 : 0); // mid-period and start timing need one rate more or less
  const schedule = rng.chance(0.3);
  const cells = Array.from({ length: len }, (_, k) =>
    cell(rng, w, () =>
      schedule ? (k < 30 ? 0.035 : k < 75 ? 0.03 : 0.025) : rng.chance(w.adv) ? rateNumber(rng) : Math.round(rng.range(0, 0.1) * 1000) / 1000,
    ),
  );
  return asVector(cells, rng.chance(0.3) ? !w.tall : w.tall);
}

const UNITS: ReadonlyArray<readonly [number, number, string[]]> = [
  [4, 1, ["kr", "KR", "kronor"]],
  [3, 0.01, ["öre", "ore", "Öre"]],
  [2, 1000, ["tkr", " tkr "]],
  [1, 1e6, ["mnkr", "mkr"]],
  [0.3, 1e9, ["mdkr"]],
  [0.5, 100, []],
  [0.5, 0.05, []],
  [0.3, 0.001, []],
];

function unitArg(rng: Rng, w: World): Arg {
  return typicalOr(
    rng,
    w,
    [
      [4, () => w.unit],
      [3, () => (w.unitNames.length ? rng.pick(w.unitNames) : w.unit)],
      [1, () => [[w.unitNames[0] ?? w.unit]]],
      [w.unit === 1 ? 1 : 0, () => w.blank],
    ],
    [
      [1, () => rng.weighted(UNITS.map(([wt, v]) => [wt, v] as const))],
      [1, () => 0],
      [1, () => -1],
      [0.5, () => 1e-11],
      [0.5, () => 1e-320],
      [0.5, () => 1e308],
      [0.5, () => 1 / 3],
      [1, () => "foo"],
      [1, () => ""],
      [0.5, () => true],
      [0.3, () => [[1, 2]]],
      [0.3, () => ({ errorCode: "#N/A" })],
    ],
  );
}

function scheduleArg(rng: Rng, w: World): Arg {
  return typicalOr(
    rng,
    w,
    [
      [4, () => "standard"],
      [3, () => "health"],
      [1, () => "hälsa"],
      [0.5, () => "Health "],
      [0.5, () => "STANDARD"],
      [0.5, () => "green book"],
      [0.5, () => w.blank],
    ],
    [
      [1, () => " "],
      [1, () => ""],
      [1, () => "foo"],
      [1, () => 1],
      [1, () => true],
      [1, () => [["health"]]],
      [0.5, () => ({ errorCode: "#VALUE!" })],
    ],
  );
}

function flagArg(rng: Rng, w: World): Arg {
  return typicalOr(
    rng,
    w,
    [
      [4, () => true],
      [4, () => false],
      [1, () => "TRUE"],
      [1, () => "SANT"],
      [1, () => "falskt"],
      [1, () => 0],
      [1, () => 1],
      [0.5, () => w.blank],
    ],
    [
      [1, () => 2],
      [1, () => "x"],
      [1, () => [[true]]],
      [1, () => ({ errorCode: "#N/A" })],
      [1, () => 1e308],
    ],
  );
}

const ODD_AMOUNTS: Choices = [
  [1, () => 0],
  [1, () => -1000],
  [1, () => 1e308],
  [1, () => 1e-320],
  [0.5, () => 5e-324],
  [0.5, () => "100"],
  [0.5, () => "1 000,50"],
  [0.5, () => [[100]]],
  [0.5, () => true],
];

function positiveArg(rng: Rng, w: World, name: string): Arg {
  return typicalOr(
    rng,
    w,
    [
      [8, () => (name === "base_index" ? Math.round(rng.range(250, 420) * 100) / 100 : money(rng, w))],
      [1, () => 0],
      [0.5, () => w.blank],
    ],
    ODD_AMOUNTS,
  );
}

function indexArg(rng: Rng, w: World): Arg {
  if (rng.chance(0.3)) return positiveArg(rng, w, "base_index");
  const cells = Array.from({ length: w.y }, () =>
    rng.chance(w.dirt)
      ? junkCell(rng, w)
      : rng.chance(w.adv / 4)
        ? rng.pick<Cell>([0, -1, 1e-320, 1e308, w.blank])
        : Math.round(rng.range(250, 420) * 100) / 100,
  );
  return asVector(cells, w.tall);
}

/** An amount to split: usually a whole number of the world's rounding unit. */
function amountArg(rng: Rng, w: World): Arg {
  const one = (): Cell =>
    typicalOr(
      rng,
      w,
      [
        [6, () => fromUnitsOf(Math.round(rng.range(-1, 1) * Math.min(w.scale, 1e12)), w.unit)],
        [2, () => fromUnitsOf(Math.round(rng.range(0, 1e6)), w.unit)],
        [1, () => 0],
        [0.5, () => fromUnitsOf(1, w.unit)],
      ],
      [
        [1, () => 0.1 + 0.2],
        [1, () => 0.5],
        [1, () => 1e15],
        [1, () => 9007199254740991],
        [1, () => -9007199254740991],
        [1, () => 1e308],
        [1, () => 1e-320],
        [1, () => 123456789.123],
        [1, () => fromUnitsOf(rng.int(1e8, 1e14), w.unit) + 0.4 * w.unit], // large and not whole units: 60000000000.4 kr
        [1, () => fromUnitsOf(9007199254740991, w.unit)],
        [0.5, () => fromUnitsOf(rng.int(1, 1000), w.unit) + w.unit * 1e-7], // noise beyond floating point
        [0.5, () => "1000"],
        [0.5, () => true],
      ],
    ) as Cell;
  if (rng.chance(0.5)) return rng.chance(0.5) ? one() : [[one()]];
  const cells = Array.from({ length: w.y }, () => (rng.chance(w.dirt) ? junkCell(rng, w) : rng.chance(w.blankRate) ? w.blank : one()));
  return asVector(cells, w.tall);
}

/** k units as the double nearest to the decimal (k × 0.01 is not the double of 0.07 for k = 7). */
function fromUnitsOf(k: number, unit: number): number {
  if (unit >= 1) return k * unit;
  const decimals = Math.round(-Math.log10(unit)) + 2;
  return Number((k * unit).toFixed(Math.max(0, decimals)));
}

function rampArg(rng: Rng, w: World): Arg {
  if (rng.chance(0.7)) return countArg(rng, w, "ramp");
  const cells = Array.from({ length: rng.int(1, w.y + 2) }, () => cell(rng, w, () => Math.round(rng.range(0, 1) * 100) / 100));
  return asVector(cells, false);
}

/** A generic argument for a parameter whose name the table does not know. */
function anyArg(rng: Rng, w: World, entry: FunctionEntry, i: number): Arg {
  const role = rng.pick(ROLES.filter((r) => r !== "any"));
  return generate(role, rng, w, entry, i);
}

export function generate(role: Role, rng: Rng, w: World, entry: FunctionEntry, i: number): Arg {
  const name = bareName(entry.params[i] ?? "x");
  switch (role) {
    case "rate":
      return rateArg(rng, w, false);
    case "scalarRate":
      return rateArg(rng, w, true);
    case "timing":
      return timingArg(rng, w);
    case "count":
      return countArg(rng, w, name);
    case "age":
      return ageArg(rng, w, name);
    case "ramp":
      return rampArg(rng, w);
    case "share":
      return shareArg(rng, w, name === "optimism_costs" ? 10 : 1);
    case "shares":
      return sharesArg(rng, w);
    case "unit":
      return unitArg(rng, w);
    case "schedule":
      return scheduleArg(rng, w);
    case "flag":
      return flagArg(rng, w);
    case "actors":
      return actorLabels(rng, w);
    case "table":
      return tableOf(rng, w);
    case "gainsTable":
      return tableOf(rng, w, w.n, w.y, true);
    case "series":
      return asVector(series(rng, w), w.tall);
    case "positiveSeries":
      return asVector(
        Array.from({ length: w.y }, () => cell(rng, w, () => (rng.chance(w.adv) ? rng.pick([-money(rng, w), 1e308, 0]) : money(rng, w)))),
        w.tall,
      );
    case "amount":
      return amountArg(rng, w);
    case "index":
      return indexArg(rng, w);
    case "positive":
      return positiveArg(rng, w, name);
    case "shareOrTable":
      return rng.chance(0.7) ? shareArg(rng, w) : tableOf(rng, w, w.n, w.y, true);
    default:
      return anyArg(rng, w, entry, i);
  }
}

// ---------------------------------------------------------------------------------------------------
// Chaos: the wrong kind or shape

const isMatrix = (a: Arg): a is Cell[][] => Array.isArray(a);

function transpose(m: Cell[][]): Cell[][] {
  const cols = Math.max(0, ...m.map((r) => r.length));
  return Array.from({ length: cols }, (_, c) => m.map((r) => r[c]));
}

function mangle(arg: Arg, rng: Rng, w: World, entry: FunctionEntry, i: number): Arg {
  const how = rng.weighted<string>([
    [4, "otherRole"],
    [2, "junkScalar"],
    [2, "transpose"],
    [2, "extraRow"],
    [2, "extraCol"],
    [1, "dropRow"],
    [2, "to2D"],
    [1, "wrap"],
    [1, "unwrap"],
    [1, "blank"],
    [0.3, "empty"],
    [0.5, "allJunk"],
  ]);
  switch (how) {
    case "otherRole":
      return generate(rng.pick(ROLES), rng, w, entry, i);
    case "junkScalar":
      return junkCell(rng, w);
    case "transpose":
      return isMatrix(arg) ? transpose(arg) : [[arg, arg]];
    case "extraRow":
      if (!isMatrix(arg)) return [[arg], [arg]];
      return arg.length ? [...arg, arg[0].map(() => cell(rng, w, () => money(rng, w)))] : arg;
    case "extraCol":
      return isMatrix(arg) ? arg.map((r) => [...r, cell(rng, w, () => money(rng, w))]) : [[arg, 0]];
    case "dropRow":
      return isMatrix(arg) && arg.length > 1 ? arg.slice(1) : arg;
    case "to2D": {
      if (!isMatrix(arg))
        return [
          [arg, arg],
          [arg, arg],
        ];
      const flat = arg.flat();
      const cols = Math.max(2, Math.ceil(flat.length / 2));
      return [
        flat.slice(0, cols).concat(Array(Math.max(0, cols - flat.length)).fill(w.blank)),
        Array(cols)
          .fill(0)
          .map((_, k) => flat[(k + 1) % Math.max(1, flat.length)]),
      ];
    }
    case "wrap":
      return isMatrix(arg) ? arg : [[arg]];
    case "unwrap":
      return isMatrix(arg) ? (arg[0]?.[0] ?? null) : arg;
    case "blank":
      return w.blank;
    case "empty":
      return rng.chance(0.5) ? [] : [[]];
    default:
      return isMatrix(arg) ? arg.map((r) => r.map(() => junkCell(rng, w))) : junkCell(rng, w);
  }
}

// ---------------------------------------------------------------------------------------------------
// Worlds and whole argument lists

export function randomWorld(rng: Rng): World {
  const mode = rng.weighted<"clean" | "dirty" | "chaos">([
    [6, "clean"],
    [3, "dirty"],
    [1, "chaos"],
  ]);
  let n = rng.weighted<number>([
    [5, 1],
    [6, 2],
    [5, 3],
    [2, 4],
    [1, 6],
    [0.5, 10],
  ]);
  let y = rng.weighted<number>([
    [3, rng.int(1, 4)],
    [6, rng.int(5, 12)],
    [1, rng.int(13, 60)],
  ]);
  if (rng.chance(0.03)) {
    // Large but ordinary ranges: up to 2,000 cells.
    if (rng.chance(0.5)) {
      n = rng.int(1, 2);
      y = rng.int(200, 2000 / n);
    } else {
      n = rng.int(20, 200);
      y = rng.int(2, Math.floor(2000 / n));
    }
  }
  const [, unit, unitNames] = rng.weighted(UNITS.map((u) => [u[0], u] as const));
  return {
    n,
    y,
    unit,
    unitNames,
    startAge: rng.chance(0.5) && y < 65 ? 65 - y : rng.int(0, 60), // 65: the default end age
    adv: mode === "clean" ? 0.03 : mode === "dirty" ? 0.15 : 0.5,
    blank: rng.weighted<0 | null | "">([
      [4, 0],
      [4, null],
      [1, ""],
    ]),
    tall: rng.chance(0.3),
    scale: rng.weighted<number>([
      [3, 100],
      [4, 1000],
      [3, 1e5],
      [2, 1e6],
      [1, 1],
      [0.5, 1e12],
      [0.3, 1e15],
      [0.2, 1e300],
    ]),
    dirt: mode === "clean" ? 0 : mode === "dirty" ? 0.03 : 0.4,
    blankRate: rng.range(0, 0.2),
    chaos: mode === "clean" ? 0 : mode === "dirty" ? 0.08 : 0.5,
    exotic: rng.chance(0.05),
  };
}

/** A clean world of a given size (for the huge cases). */
export function cleanWorld(rng: Rng, n: number, y: number, tall: boolean): World {
  return {
    n,
    y,
    blank: rng.pick([0, null] as const),
    tall,
    scale: 1000,
    dirt: 0,
    blankRate: 0.01,
    chaos: 0,
    exotic: false,
    adv: 0,
    unit: 1,
    unitNames: ["kr"],
    startAge: 20,
  };
}

/**
 * One argument list for a function: one value per parameter, optional ones sometimes left out
 * (`undefined`, trailing ones dropped) or passed as null (how Excel passes an omitted argument).
 */
export function generateArgs(entry: FunctionEntry, rng: Rng, w: World): Arg[] {
  const args: Arg[] = [];
  // As people write formulas: all optional arguments from some point on left out, or any of them.
  const cut = rng.chance(0.5) ? rng.int(0, entry.params.length) : entry.params.length;
  const omitRate = cut < entry.params.length ? 0.1 : 0.25;
  entry.params.forEach((p, i) => {
    if (isOptional(p) && (i >= cut || rng.chance(omitRate))) {
      args.push(rng.chance(0.75) ? undefined : null);
      return;
    }
    let a = generate(roleOf(entry, i), rng, w, entry, i);
    if (rng.chance(w.chaos)) a = mangle(a, rng, w, entry, i);
    if (!isOptional(p) && rng.chance(0.015)) a = rng.pick([w.blank, null]);
    args.push(a);
  });
  while (args.length > 0 && args[args.length - 1] === undefined && rng.chance(0.7)) args.pop();
  return args;
}

// ---------------------------------------------------------------------------------------------------
// Huge ranges, built with plain loops (a cell-by-cell random draw costs too much at 130,000 rows)

/**
 * A valid range of a huge world (n actors × y years, series as columns) for a range role, or null for a
 * role that has none. Amounts are whole kronor with a blank now and then; shares add up to exactly 100 %.
 */
export function hugeRange(role: Role, n: number, y: number, seed: number): Cell[][] | null {
  let x = seed >>> 0 || 1;
  const next = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8) / 16777216; // [0, 1)
  const amount = (i: number, invest: boolean) => (next() < 0.01 ? null : invest && i < 2 ? -Math.round(1000 + next() * 9000) : Math.round(next() * 3000));
  const column = (len: number, f: (i: number) => Cell): Cell[][] => Array.from({ length: len }, (_, i) => [f(i)]);
  const table = (invest: boolean): Cell[][] => Array.from({ length: n }, (_, r) => Array.from({ length: y }, (_, c) => amount(c, invest && r === 0)));
  switch (role) {
    case "series":
      return column(y, (i) => amount(i, true));
    case "positiveSeries":
      return column(y, (i) => amount(i, false));
    case "amount":
      // large amounts, so that each actor's quota has a remainder and many units are left to hand out
      return column(Math.min(y, 3), (i) => 987654321 + 1000 * i);
    case "rate":
      return column(y, (i) => (i < 30 ? 0.035 : i < 75 ? 0.03 : 0.025));
    case "index":
      return column(y, (i) => 300 + (i % 100));
    case "table":
      return table(true);
    case "gainsTable":
      return table(false);
    case "actors":
      return column(n, (i) => (i < ACTOR_NAMES.length ? ACTOR_NAMES[i] : `Aktör ${i + 1}`));
    case "shares": {
      // 10^6 millionths split as evenly as possible: an exact 100 % for any n up to a million
      const units = 1_000_000;
      const base = Math.floor(units / n);
      const extra = units - base * n;
      return column(n, (i) => (i < extra ? base + 1 : base) / units);
    }
    case "share":
    case "shareOrTable":
      return column(n, () => 0.1);
    case "ramp":
      return [Array.from({ length: Math.min(y, 10) }, (_, i) => (i + 1) / 10)];
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------------
// A whole-column reference: 1,048,576 rows, values only at the top

export const EXCEL_ROWS = 1_048_576;
const wholeColumnBase = new Map<unknown, Cell[][]>();

/** A column of Excel's full height whose first cells are `top` and all others blank (shared row objects). */
export function wholeColumn(top: readonly Cell[], blank: 0 | null | ""): Cell[][] {
  let base = wholeColumnBase.get(blank);
  if (!base) {
    const blankRow: Cell[] = [blank];
    base = new Array<Cell[]>(EXCEL_ROWS).fill(blankRow);
    wholeColumnBase.set(blank, base);
  }
  const col = base.slice();
  top.forEach((v, i) => (col[i] = [v]));
  return col;
}

// ---------------------------------------------------------------------------------------------------
// Showing arguments in a failure message

function showCell(c: unknown): string {
  if (c === undefined) return "undefined";
  if (c === null) return "null";
  if (typeof c === "number") return Object.is(c, -0) ? "-0" : String(c);
  if (typeof c === "string") return JSON.stringify(c.length > 24 ? c.slice(0, 21) + "…" : c);
  if (typeof c === "boolean") return String(c);
  if (typeof c === "object" && c !== null && "errorCode" in c) return `{${(c as { errorCode: string }).errorCode}}`;
  if (typeof c === "bigint") return `${c}n`;
  return Object.prototype.toString.call(c);
}

/** A value for a message: small ones in full, big ranges as their size and a preview. */
export function showValue(v: unknown, maxCells = 24): string {
  if (!Array.isArray(v)) return showCell(v);
  const rows = v.length;
  const cols = rows ? Math.max(...v.slice(0, 2000).map((r) => (Array.isArray(r) ? r.length : 1))) : 0;
  const rowText = (r: unknown, limit: number): string => {
    if (!Array.isArray(r)) return showCell(r) + "(not a row)";
    const shown = r.slice(0, limit).map(showCell);
    return `[${shown.join(",")}${r.length > limit ? ",…" : ""}]`;
  };
  if (rows * cols <= maxCells) return `[${v.map((r) => rowText(r, cols)).join(",")}]`;
  const previewRows = Math.min(rows, 3);
  const preview = v.slice(0, previewRows).map((r) => rowText(r, 6));
  let nonBlank = 0;
  if (rows * cols <= 2_000_000)
    for (const r of v) if (Array.isArray(r)) for (const c of r) if (c !== null && c !== 0 && c !== "" && c !== undefined) nonBlank++;
  return `<${rows}×${cols}, ${nonBlank} non-blank: [${preview.join(",")}${rows > previewRows ? ",…" : ""}]>`;
}

export function showArgs(args: readonly unknown[], limit = 600): string {
  const text = `(${args.map((a) => showValue(a)).join(", ")})`;
  return text.length > limit ? text.slice(0, limit - 1) + "…" : text;
}
