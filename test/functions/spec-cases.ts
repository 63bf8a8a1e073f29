/**
 * One working call per SOCINV function, with every optional argument given (so that an empty cell in its place
 * changes something), for the argument-spec tests: empty cells on the desktop and the web, the bounds of each
 * argument, and the engine's registration.
 */
import { SocinvError } from "../../src/core/errors";
import { FUNCTIONS } from "../../src/functions/registry";

const actors2 = [["Socialnämnden"], ["Regionen"]];
const flows2 = [
  [-100, 50, 50, 50],
  [0, 100, 100, 100],
];
const savings2x6 = [
  [0, 400000, 600000, 700000, 700000, 700000],
  [0, 100000, 200000, 300000, 300000, 300000],
];

export const WORKING: Readonly<Record<string, unknown[]>> = {
  NPV: [[[0.1]], [[-100, 60, 60]], 1],
  DISCOUNTFACTORS: [[[0.1]], 3, 0.5],
  RATESCHEDULE: [3, "health"],
  REALRATE: [0.055, 0.02],
  NOMINALRATE: [0.035, 0.02],
  PRICEYEAR: [[[100, 100]], [[300, 310]], 310],
  PAYBACK: [[[-100, 30, 40, 50, 60]], [[0.1]], 1, false],
  BREAKEVEN: [[[1000, 1000]], [[0, 300, 300, 300]], [[0.03]], 1],
  BREAKEVENRATE: [[[1000, 1000]], [[0, 300, 300, 300]], [[0.03]], 10, 0.5],
  IRR: [[[-100, 60, 60]]],
  ACTORSUMMARY: [[[0.035]], actors2, flows2, 1],
  ACTORPV: [[[0.035]], flows2, 1],
  BREAKEVENACTORS: [
    [[0.035]],
    actors2,
    [
      [-1000, -1000, 0, 0, 0, 0],
      [0, -10, 0, 0, 0, 0],
    ],
    [
      [0, 100, 100, 100, 100, 100],
      [0, 50, 50, 50, 50, 50],
    ],
    2,
    1,
  ],
  SPLIT: [[[1000, 1010]], [[0.5], [0.25], [0.25]], 10],
  SPLITBYGAINS: [
    [[16000000]],
    [[0.035]],
    [
      [-16000000, 0],
      [0, 56000000],
      [0, 59000000],
    ],
    1000,
    1,
  ],
  ADJUSTGAINS: [flows2, [[0.2]], [[0.1]], [[0.1]], [[0.5]], [[0.1]], [[0.1]], 2],
  ADJUSTMENTS: [[[0.035]], actors2, flows2, [[0.2]], [[0.1]], [[0.1]], [[0.5]], [[0.1]], [[0.1]], 1, 2],
  REPAYSAVINGS: [[[1500000]], actors2, savings2x6, [[0.5]], 2, 300000, 5, 1000000],
  REPAYCOMMITTED: [
    [[2000000]],
    actors2,
    [
      [0, 0.15, 0.15, 0.15, 0.15],
      [0, 0.1, 0.1, 0.1, 0.1],
    ],
    [
      [0, 250000, 350000, 300000, 300000],
      [0, 100000, 200000, 250000, 250000],
    ],
    true,
    50000000,
  ],
  REPAYDUAL: [
    [[6000000]],
    [[2000000, 2000000]],
    actors2,
    [
      [0, 1000000, 2000000, 3000000],
      [0, 500000, 500000, 500000],
    ],
    [[0.5]],
    2,
    1000000,
    4,
    100,
  ],
  CAREERPV: [[[0.035]], actors2, [[150000], [20000]], [[0], [5000]], 20, 60, 1],
  CAREERFLOWS: [[[100], [10]], [[0], [0]], 10, 0.5, 2, 2, 20, 25],
};

export type Outcome = { value: unknown } | { excel: string; id: string; message: string };

/** What a call gives: its value, or the Excel error, message id and message of the SocinvError it throws. */
export function outcome(id: string, args: readonly unknown[]): Outcome {
  const fn = FUNCTIONS.find((f) => f.id === id)!.fn;
  try {
    return { value: fn(...args) };
  } catch (e) {
    if (e instanceof SocinvError) return { excel: e.excel, id: e.id, message: e.message };
    throw e;
  }
}

/** The working arguments with argument `i` replaced by `v`, padded to the function's parameters. */
export function withArg(id: string, i: number, v: unknown): unknown[] {
  const args = WORKING[id].slice();
  args[i] = v;
  return args;
}
